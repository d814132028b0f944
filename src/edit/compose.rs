//! Edits composed from several steps, for the app's gestures: add a member,
//! duplicate, re-parent by drop, tidy up.

use super::change::{Edit, free_member_id, free_plan_member_id, free_stage_id, free_stage_name};
use super::transition::{adopt_people, next_stage};
use crate::layout::{LEVEL_HEIGHT, SIBLING_GAP, card_size};
use crate::model::LayoutStyle;
use crate::model::{Function, Member, Plan, Stage, StageKind, stage_template};

/// The name a new member starts with, selected in the Name field so typing
/// replaces it.
pub const NEW_MEMBER_NAME: &str = "New member";

/// The id a new member starts with (`new-member`, `new-member-2`, ...)
/// until it is named.
const NEW_MEMBER_ID: &str = "new-member";

/// Adds a new member at `pos`, optionally reporting to `manager` (then placed
/// below the manager's existing reports). Returns the edit and the new id.
pub fn add_member(stage: &Stage, pos: Option<[f32; 2]>, manager: Option<&str>) -> (Edit, String) {
    let id = free_member_id(stage, NEW_MEMBER_ID);
    let member = Member::new(&id, NEW_MEMBER_NAME, Function::Sales);
    let pos = match (pos, manager) {
        (Some(p), _) => Some(p),
        (None, Some(m)) => Some(slot_below(stage, m, card_size(&member)[0])),
        (None, None) => Some([0.0, 0.0]),
    };
    let edit = Edit::AddMember {
        stage: stage.id.clone(),
        member,
        pos,
        manager: manager.map(str::to_owned),
    };
    (edit, id)
}

/// Once a new member has a name, its id follows the name (`Jordan Reyes` →
/// `jordan-reyes`, made unique across the plan): the edit that renames the
/// id of `member` in `stage`, or `None` when the id is not a new member's
/// placeholder, the member is in another stage too (the id is how stages
/// know it is the same person), or it has no name of its own yet.
pub fn id_from_name(plan: &Plan, stage: &str, member: &str) -> Option<Edit> {
    let placeholder = member == NEW_MEMBER_ID
        || member
            .strip_prefix(NEW_MEMBER_ID)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !placeholder {
        return None;
    }
    let in_stages = plan
        .stages
        .iter()
        .filter(|s| s.member(member).is_some())
        .count();
    let name = plan.stage(stage)?.member(member)?.name.trim();
    if in_stages != 1 || name.is_empty() || name == NEW_MEMBER_NAME {
        return None;
    }
    let base = crate::io::slug(name);
    if base.is_empty() {
        return None;
    }
    Some(Edit::RenameMemberId {
        stage: stage.to_owned(),
        from: member.to_owned(),
        to: free_plan_member_id(plan, &base),
    })
}

/// A free spot for a new report of `manager`: one level below, right of the
/// manager's current reports.
fn slot_below(stage: &Stage, manager: &str, width: f32) -> [f32; 2] {
    let Some([mx, my]) = stage.pos(manager) else {
        return [0.0, 0.0];
    };
    let right_edge = stage
        .reports_of(manager)
        .iter()
        .filter_map(|r| stage.pos(&r.id).map(|[x, _]| x + card_size(r)[0] / 2.0))
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
        let pos = stage.pos(id).map(|[x, y]| [x + 36.0, y + 36.0]);
        // Reserve the id in the scratch stage so later copies pick others.
        let _ = scratch.add_member(copy.clone());
        new_ids.push((id.clone(), new_id));
        edits.push((copy, pos, stage.manager_of(id).map(|m| m.id.clone())));
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
        pending.retain(|(copy, pos, manager)| {
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
                    pos: *pos,
                    manager: target,
                });
                done.push(copy.id.clone());
            }
            !ready
        });
        if pending.len() == before {
            // Copied managers in a cycle: add the rest without managers.
            for (copy, pos, _) in pending.drain(..) {
                added.push(Edit::AddMember {
                    stage: stage.id.clone(),
                    member: copy,
                    pos,
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

pub use crate::layout::is_tidy;

/// On a tidy stage, `edit` (a structural change) plus a new tidy layout as
/// one undo step; on a hand-arranged stage, `edit` alone.
pub fn keep_tidy(plan: &Plan, stage_id: &str, edit: Edit) -> Edit {
    keep_tidy_with(plan, stage_id, edit, &TidyMemo::default()).0
}

/// The last stage revision known to be laid out tidily: laying a stage
/// out again after an edit makes it tidy, so the next edit need not lay it
/// out once more to find out (a revision names one content of a stage, so
/// a stale memo never matches).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TidyMemo {
    known: Option<(String, u64, LayoutStyle)>,
}

impl TidyMemo {
    /// Whether `stage` is tidy, by the memo or by laying it out.
    fn is_tidy(&self, stage: &Stage) -> bool {
        self.knows(stage) || is_tidy(stage)
    }

    /// Whether the memo says `stage` is tidy as it is.
    pub fn knows(&self, stage: &Stage) -> bool {
        self.known.as_ref().is_some_and(|(id, revision, style)| {
            *id == stage.id && *revision == stage.revision() && *style == stage.layout_style()
        })
    }

    /// Remembers that `stage`, as it is, is tidy.
    pub fn remember(&mut self, stage: &Stage) {
        self.known = Some((stage.id.clone(), stage.revision(), stage.layout_style()));
    }
}

/// [`keeping_tidy`] with `memo`'s word for which stage is tidy. Returns the
/// edit and, when it lays a stage out again, that stage's id (tidy once the
/// edit is applied: [`TidyMemo::remember`] it then).
pub fn keeping_tidy_with(plan: &Plan, edit: Edit, memo: &TidyMemo) -> (Edit, Option<String>) {
    let Some(stage) = reshaped_stage(&edit).map(str::to_owned) else {
        return (edit, None);
    };
    let (kept, laid_out) = keep_tidy_with(plan, &stage, edit, memo);
    (kept, laid_out.then_some(stage))
}

/// [`keep_tidy`]; and whether the edit lays the stage out again.
fn keep_tidy_with(plan: &Plan, stage_id: &str, edit: Edit, memo: &TidyMemo) -> (Edit, bool) {
    let Some(stage) = plan.stage(stage_id) else {
        return (edit, false);
    };
    if !memo.is_tidy(stage) {
        return (edit, false);
    }
    let positions = Edit::LayOutAgain {
        stage: stage_id.to_owned(),
    };
    let batch = Edit::Batch {
        label: edit.label(),
        edits: vec![edit, positions],
    };
    (batch, true)
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
    keeping_tidy_with(plan, edit, &TidyMemo::default()).0
}

/// Moves every member to its tidy-tree position, in the stage's style.
pub fn tidy_up(stage: &Stage) -> Edit {
    tidy_up_in(stage, stage.layout_style())
}

/// Makes `style` the stage's layout style and moves every member to its
/// place in it, as one step.
pub fn tidy_up_in(stage: &Stage, style: LayoutStyle) -> Edit {
    Edit::Batch {
        label: format!("tidy up ({})", style.label().to_lowercase()),
        edits: vec![
            Edit::SetStageLayout {
                id: stage.id.clone(),
                layout: Some(style),
            },
            Edit::LayOutAgain {
                stage: stage.id.clone(),
            },
        ],
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
                    crate::layout::lay_out_again(&mut next);
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
    stage.name = free_stage_name(plan, kind.label());
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
mod tests;
