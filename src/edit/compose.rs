//! Edits composed from several steps, for the app's gestures: add a member,
//! duplicate, re-parent by drop, tidy up.

use super::change::{Edit, free_member_id, free_stage_id};
use super::transition::{adopt_people, next_stage};
use crate::layout::{LEVEL_HEIGHT, SIBLING_GAP, card_size, tidy_layout};
use crate::model::{Function, Member, Plan, Stage, StageKind, stage_template};

/// Adds a new member at `pos`, optionally reporting to `manager` (then placed
/// below the manager's existing reports). Returns the edit and the new id.
pub fn add_member(stage: &Stage, pos: Option<[f32; 2]>, manager: Option<&str>) -> (Edit, String) {
    let id = free_member_id(stage, "new-member");
    let mut member = Member::new(&id, "New member", Function::Sales);
    member.pos = match (pos, manager) {
        (Some(p), _) => Some(p),
        (None, Some(m)) => Some(slot_below(stage, m, card_size(&member)[0])),
        (None, None) => Some([0.0, 0.0]),
    };
    let edit = Edit::AddMember {
        stage: stage.id.clone(),
        member,
        manager: manager.map(str::to_owned),
    };
    (edit, id)
}

/// A free spot for a new report of `manager`: one level below, right of the
/// manager's current reports.
fn slot_below(stage: &Stage, manager: &str, width: f32) -> [f32; 2] {
    let Some([mx, my]) = stage.member(manager).and_then(|m| m.pos) else {
        return [0.0, 0.0];
    };
    let right_edge = stage
        .reports_of(manager)
        .iter()
        .filter_map(|r| r.pos.map(|[x, _]| x + card_size(r)[0] / 2.0))
        .fold(None, |acc: Option<f32>, x| {
            Some(acc.map_or(x, |a| a.max(x)))
        });
    match right_edge {
        Some(edge) => [edge + SIBLING_GAP + width / 2.0, my + LEVEL_HEIGHT],
        None => [mx, my + LEVEL_HEIGHT],
    }
}

/// Copies the members `ids` (offset on the canvas, with fresh ids). A copy
/// reports to the copy of its manager when both are copied, otherwise to the
/// same manager. Returns the edit and the new ids.
pub fn duplicate(stage: &Stage, ids: &[String]) -> Option<(Edit, Vec<String>)> {
    let mut scratch = stage.clone();
    let mut new_ids: Vec<(String, String)> = Vec::new();
    let mut edits = Vec::new();
    for id in ids {
        let Some(original) = stage.member(id) else {
            continue;
        };
        let new_id = free_member_id(&scratch, &format!("{id}-copy"));
        let mut copy = original.clone();
        copy.id = new_id.clone();
        copy.name = format!("{} (copy)", original.display_name());
        copy.pos = original.pos.map(|[x, y]| [x + 36.0, y + 36.0]);
        // Reserve the id in the scratch stage so later copies pick others.
        let _ = scratch.add_member(copy.clone());
        new_ids.push((id.clone(), new_id));
        edits.push((copy, stage.manager_of(id).map(|m| m.id.clone())));
    }
    if edits.is_empty() {
        return None;
    }
    let copy_of = |old: &str| {
        new_ids
            .iter()
            .find(|(o, _)| o == old)
            .map(|(_, n)| n.clone())
    };
    // Add members in an order where each copied manager comes before its reports.
    let mut added: Vec<Edit> = Vec::new();
    let mut pending = edits;
    let mut done: Vec<String> = Vec::new();
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|(copy, manager)| {
            let target = manager
                .as_deref()
                .map(|m| copy_of(m).unwrap_or_else(|| m.to_owned()));
            let ready = target
                .as_ref()
                .is_none_or(|t| stage.member(t).is_some() || done.contains(t));
            if ready {
                added.push(Edit::AddMember {
                    stage: stage.id.clone(),
                    member: copy.clone(),
                    manager: target,
                });
                done.push(copy.id.clone());
            }
            !ready
        });
        if pending.len() == before {
            // Copied managers in a cycle: add the rest without managers.
            for (copy, _) in pending.drain(..) {
                added.push(Edit::AddMember {
                    stage: stage.id.clone(),
                    member: copy,
                    manager: None,
                });
            }
        }
    }
    let count = new_ids.len();
    let label = if count == 1 {
        "duplicate member".to_owned()
    } else {
        format!("duplicate {count} members")
    };
    Some((
        Edit::Batch {
            label,
            edits: added,
        },
        new_ids.into_iter().map(|(_, n)| n).collect(),
    ))
}

/// The members `ids` now report to `manager`, each placed below it. The
/// edit is refused as a whole if any change would make a cycle.
pub fn reparent(stage: &Stage, ids: &[String], manager: &str) -> Edit {
    let mut scratch = stage.clone();
    let mut edits = Vec::new();
    for id in ids.iter().filter(|id| id.as_str() != manager) {
        let set = Edit::SetManager {
            stage: stage.id.clone(),
            member: id.clone(),
            manager: Some(manager.to_owned()),
        };
        let width = stage.member(id).map_or(0.0, |m| card_size(m)[0]);
        let pos = slot_below(&scratch, manager, width);
        let place = Edit::SetPositions {
            stage: stage.id.clone(),
            positions: vec![(id.clone(), pos)],
        };
        // Keep the scratch copy in step so several drops fan out.
        let mut plan = crate::model::Plan::default();
        plan.stages.push(scratch.clone());
        if set.apply(&mut plan).is_ok() && place.apply(&mut plan).is_ok() {
            scratch = plan.stages.remove(0);
        }
        edits.push(set);
        edits.push(place);
    }
    Edit::Batch {
        label: "change manager".to_owned(),
        edits,
    }
}

/// Whether every member of `stage` sits where the tidy layout puts it
/// (the stage was laid out automatically and not arranged by hand).
pub fn is_tidy(stage: &Stage) -> bool {
    tidy_layout(stage).iter().all(|(id, [x, y])| {
        stage
            .member(id)
            .and_then(|m| m.pos)
            .is_some_and(|[px, py]| (px - x).abs() < 0.5 && (py - y).abs() < 0.5)
    })
}

/// On a tidy stage, `edit` (a structural change) plus a new tidy layout as
/// one undo step; on a hand-arranged stage, `edit` alone.
pub fn keep_tidy(plan: &Plan, stage_id: &str, edit: Edit) -> Edit {
    let Some(stage) = plan.stage(stage_id) else {
        return edit;
    };
    if !is_tidy(stage) {
        return edit;
    }
    let mut scratch = Plan::default();
    scratch.stages.push(stage.clone());
    if edit.apply(&mut scratch).is_err() {
        return edit; // the history will refuse it with the real error
    }
    let Some(after) = scratch.stages.first() else {
        return edit;
    };
    let positions = Edit::SetPositions {
        stage: stage_id.to_owned(),
        positions: tidy_layout(after),
    };
    Edit::Batch {
        label: edit.label(),
        edits: vec![edit, positions],
    }
}

/// The stage whose reporting lines `edit` changes: who reports to whom
/// (a new manager, members removed, a report added under a manager, a
/// reporting line added or removed). `None` for every other edit.
pub fn reshaped_stage(edit: &Edit) -> Option<&str> {
    use crate::model::LinkKind;
    match edit {
        Edit::SetManager { stage, .. } | Edit::RemoveMembers { stage, .. } => Some(stage),
        Edit::AddMember {
            stage,
            manager: Some(_),
            ..
        } => Some(stage),
        Edit::AddLink { stage, link } | Edit::RemoveLink { stage, link }
            if link.kind == LinkKind::ReportsTo =>
        {
            Some(stage)
        }
        Edit::Batch { edits, .. } => edits.iter().find_map(reshaped_stage),
        _ => None,
    }
}

/// The keep-tidy policy, in one place: an edit that changes who reports to
/// whom on a tidy stage comes with a new tidy layout (see [`keep_tidy`]);
/// every other edit, and any edit on a hand-arranged stage, stays as it is.
pub fn keeping_tidy(plan: &Plan, edit: Edit) -> Edit {
    match reshaped_stage(&edit).map(str::to_owned) {
        Some(stage) => keep_tidy(plan, &stage, edit),
        None => edit,
    }
}

/// Moves every member to its tidy-tree position.
pub fn tidy_up(stage: &Stage) -> Edit {
    Edit::Batch {
        label: "tidy up".to_owned(),
        edits: vec![Edit::SetPositions {
            stage: stage.id.clone(),
            positions: tidy_layout(stage),
        }],
    }
}

/// Every member of `stage` at its tidy-tree position.
fn lay_out_again(stage: &mut Stage) {
    for (id, pos) in tidy_layout(stage) {
        if let Some(m) = stage.member_mut(&id) {
            m.pos = Some(pos);
        }
    }
}

/// How a new stage starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewStage {
    /// The stage it follows with the same member ids, as this kind, with the
    /// move the kind asks for (see [`super::transition::next_stage`]).
    NextFrom(StageKind),
    /// No members.
    Empty(StageKind),
    /// The skeleton of a stage kind.
    Template(StageKind),
}

/// Inserts a new stage after the stage at `after` (or first in an empty
/// plan). Returns the edit and the new stage's id.
pub fn add_stage(plan: &Plan, after: usize, how: NewStage) -> (Edit, String) {
    let kind = match how {
        NewStage::NextFrom(k) | NewStage::Empty(k) | NewStage::Template(k) => k,
    };
    let id = free_stage_id(plan, kind.id());
    let mut stage = match how {
        NewStage::NextFrom(_) => match plan.stages.get(after) {
            Some(source) => {
                let (mut next, moved) = next_stage(source, kind);
                next.id = id.clone();
                if moved {
                    lay_out_again(&mut next);
                }
                next
            }
            None => Stage::new(&id, "", kind),
        },
        NewStage::Empty(_) => Stage::new(&id, "", kind),
        NewStage::Template(_) => {
            let mut stage = stage_template(kind, &id);
            let people = plan.stages[..(after + 1).min(plan.stages.len())]
                .iter()
                .rev()
                .find(|s| s.member_count() > 0);
            if let Some(people) = people {
                adopt_people(&mut stage, people);
            }
            crate::layout::place_missing_positions(&mut stage);
            stage
        }
    };
    stage.kind = kind;
    stage.name = kind.label().to_owned();
    stage.when = String::new();
    stage.notes = String::new();
    let index = if plan.stages.is_empty() {
        0
    } else {
        (after + 1).min(plan.stages.len())
    };
    (
        Edit::AddStage {
            index,
            stage: Box::new(stage),
        },
        id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{Link, LinkKind, Plan, PlanBuilder, StageKind};

    fn plan() -> Plan {
        let mut plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("boss", Function::Owner, &[])
            .member("lead", Function::SalesManager, &[])
            .member("ae", Function::Sales, &[])
            .reports("lead", "boss")
            .reports("ae", "lead")
            .build()
            .unwrap();
        crate::layout::place_missing_positions(&mut plan.stages[0]);
        plan
    }

    #[test]
    fn duplicating_a_manager_and_report_keeps_their_line_between_copies() {
        let mut p = plan();
        let (edit, ids) = duplicate(&p.stages[0], &["ae".into(), "lead".into()]).unwrap();
        History::default().apply(&mut p, &edit).unwrap();
        assert_eq!(ids, ["ae-copy", "lead-copy"]);
        let stage = &p.stages[0];
        assert_eq!(stage.manager_of("ae-copy").unwrap().id, "lead-copy");
        assert_eq!(stage.manager_of("lead-copy").unwrap().id, "boss");
        assert_eq!(stage.member("ae-copy").unwrap().name, "ae (copy)");
    }

    #[test]
    fn reparenting_moves_the_card_below_the_new_manager_and_refuses_cycles() {
        let mut p = plan();
        let mut h = History::default();
        let edit = reparent(&p.stages[0], &["ae".into()], "boss");
        h.apply(&mut p, &edit).unwrap();
        let stage = &p.stages[0];
        assert_eq!(stage.manager_of("ae").unwrap().id, "boss");
        let [_, y] = stage.member("ae").unwrap().pos.unwrap();
        assert_eq!(
            y,
            stage.member("boss").unwrap().pos.unwrap()[1] + LEVEL_HEIGHT
        );
        let before = p.clone();
        let cycle = reparent(&p.stages[0], &["boss".into()], "ae");
        assert!(h.apply(&mut p, &cycle).is_err());
        assert_eq!(p, before);
    }

    #[test]
    fn next_stage_copies_members_with_their_ids_and_undo_removes_it() {
        let mut p = plan();
        let mut h = History::default();
        let before = p.clone();
        let (edit, id) = add_stage(&p, 0, NewStage::NextFrom(StageKind::SplitRoles));
        h.apply(&mut p, &edit).unwrap();
        assert_eq!(id, "split-roles");
        assert_eq!(p.stages.len(), 2);
        let next = &p.stages[1];
        assert_eq!(next.kind, StageKind::SplitRoles);
        assert_eq!(next.name, "Split roles");
        assert!(
            next.members()
                .map(|m| &m.id)
                .eq(p.stages[0].members().map(|m| &m.id))
        );
        // A second one gets a fresh id.
        let (_, id2) = add_stage(&p, 1, NewStage::NextFrom(StageKind::SplitRoles));
        assert_eq!(id2, "split-roles-2");
        assert!(h.undo(&mut p));
        assert_eq!(p, before);
    }

    #[test]
    fn stages_can_be_moved_renamed_and_removed() {
        let mut p = plan();
        let mut h = History::default();
        let (edit, id) = add_stage(&p, 0, NewStage::Template(StageKind::Converged));
        h.apply(&mut p, &edit).unwrap();
        assert!(p.stages[1].members().all(|m| m.pos.is_some()));
        h.apply(
            &mut p,
            &Edit::MoveStage {
                id: id.clone(),
                to: 0,
            },
        )
        .unwrap();
        assert_eq!(p.stages[0].id, id);
        let info = Edit::SetStageInfo {
            id: id.clone(),
            name: "Later".into(),
            kind: StageKind::Custom,
            when: "2030".into(),
            notes: String::new(),
        };
        h.apply(&mut p, &info).unwrap();
        assert_eq!(
            (p.stages[0].name.as_str(), p.stages[0].when.as_str()),
            ("Later", "2030")
        );
        h.apply(&mut p, &Edit::RemoveStage { id }).unwrap();
        assert_eq!(p.stages.len(), 1);
        let dup = Edit::AddStage {
            index: 0,
            stage: Box::new(p.stages[0].clone()),
        };
        assert!(h.apply(&mut p, &dup).is_err());
    }

    #[test]
    fn tidy_stages_stay_tidy_and_arranged_ones_stay_put() {
        let mut p = plan();
        assert!(is_tidy(&p.stages[0]));
        let mut h = History::default();
        let set = Edit::SetManager {
            stage: "s".into(),
            member: "ae".into(),
            manager: Some("boss".into()),
        };
        let edit = keep_tidy(&p, "s", set.clone());
        h.apply(&mut p, &edit).unwrap();
        assert!(is_tidy(&p.stages[0]));
        assert_eq!(p.stages[0].manager_of("ae").unwrap().id, "boss");
        // Arranged by hand: only the edit, nobody else moves.
        let moved = Edit::SetPositions {
            stage: "s".into(),
            positions: vec![("boss".into(), [500.0, -300.0])],
        };
        h.apply(&mut p, &moved).unwrap();
        assert!(!is_tidy(&p.stages[0]));
        let back = Edit::SetManager {
            stage: "s".into(),
            member: "ae".into(),
            manager: Some("lead".into()),
        };
        assert_eq!(keep_tidy(&p, "s", back.clone()), back);
    }

    #[test]
    fn the_policy_re_tidies_changes_of_who_reports_to_whom_and_nothing_else() {
        let p = plan();
        let stage = &p.stages[0];
        // Changes of the reporting lines come back with a tidy layout.
        let (report, _) = add_member(stage, None, Some("boss"));
        let reshaping = [
            Edit::SetManager {
                stage: "s".into(),
                member: "ae".into(),
                manager: Some("boss".into()),
            },
            Edit::RemoveMembers {
                stage: "s".into(),
                ids: vec!["ae".into()],
            },
            report,
            Edit::Batch {
                label: "two".into(),
                edits: vec![
                    Edit::SetTitle("t".into()),
                    Edit::RemoveMembers {
                        stage: "s".into(),
                        ids: vec!["ae".into()],
                    },
                ],
            },
        ];
        for edit in reshaping {
            assert_eq!(reshaped_stage(&edit), Some("s"), "{edit:?}");
            let kept = keeping_tidy(&p, edit.clone());
            let Edit::Batch { edits, .. } = &kept else {
                panic!("not re-tidied: {kept:?}");
            };
            assert_eq!(edits.first(), Some(&edit));
            assert!(matches!(edits.last(), Some(Edit::SetPositions { .. })));
        }
        // Everything else is left as it is: a member added at a spot, a
        // collaboration line, a move, a title.
        let (placed, _) = add_member(stage, Some([900.0, 900.0]), None);
        let collaboration = Edit::AddLink {
            stage: "s".into(),
            link: Link::new("ae", "boss", LinkKind::CollaboratesWith),
        };
        let moved = Edit::SetPositions {
            stage: "s".into(),
            positions: vec![("ae".into(), [1.0, 2.0])],
        };
        for edit in [placed, collaboration, moved, Edit::SetTitle("x".into())] {
            assert_eq!(reshaped_stage(&edit), None, "{edit:?}");
            assert_eq!(keeping_tidy(&p, edit.clone()), edit);
        }
    }

    #[test]
    fn new_reports_go_right_of_existing_ones() {
        let p = plan();
        let (edit, id) = add_member(&p.stages[0], None, Some("boss"));
        let Edit::AddMember {
            member, manager, ..
        } = &edit
        else {
            panic!("{edit:?}")
        };
        assert_eq!(id, "new-member");
        assert_eq!(manager.as_deref(), Some("boss"));
        let lead = p.stages[0].member("lead").unwrap().pos.unwrap();
        assert!(member.pos.unwrap()[0] > lead[0]);
    }
}
