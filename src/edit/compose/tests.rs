//! Tests of the composed edits.

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
    let [_, y] = stage.pos("ae").unwrap();
    assert_eq!(y, stage.pos("boss").unwrap()[1] + LEVEL_HEIGHT);
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
    assert!(p.stages[1].all_placed());
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
        assert_eq!(edits.last(), Some(&Edit::LayOutAgain { stage: "s".into() }));
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
    let Edit::AddMember { pos, manager, .. } = &edit else {
        panic!("{edit:?}")
    };
    assert_eq!(id, "new-member");
    assert_eq!(manager.as_deref(), Some("boss"));
    let lead = p.stages[0].pos("lead").unwrap();
    assert!(pos.unwrap()[0] > lead[0]);
}

#[test]
fn a_new_members_id_follows_its_name_once_named() {
    let mut p = plan();
    // "jordan-reyes" is taken in another stage by someone else: the
    // new person must not become that person.
    let mut other = Stage::new("t", "T", StageKind::Custom);
    other
        .add_member(Member::new("jordan-reyes", "J. R.", Function::Sales))
        .unwrap();
    p.stages.push(other);
    let (edit, id) = add_member(&p.stages[0], None, Some("lead"));
    edit.apply(&mut p).unwrap();
    assert_eq!(id_from_name(&p, "s", &id), None, "not named yet");
    let mut named = p.stages[0].member(&id).unwrap().clone();
    named.name = "Jordan Reyes".into();
    Edit::UpdateMember {
        stage: "s".into(),
        member: named,
    }
    .apply(&mut p)
    .unwrap();
    let rename = id_from_name(&p, "s", &id).unwrap();
    rename.apply(&mut p).unwrap();
    let stage = &p.stages[0];
    assert!(stage.member(&id).is_none());
    assert_eq!(stage.member("jordan-reyes-2").unwrap().name, "Jordan Reyes");
    assert_eq!(
        stage.manager_of("jordan-reyes-2").map(|m| m.id.as_str()),
        Some("lead"),
        "its lines follow the id"
    );
    assert_eq!(
        id_from_name(&p, "s", "jordan-reyes-2"),
        None,
        "a real id stays"
    );
}

#[test]
fn an_id_in_several_stages_never_follows_the_name() {
    let mut p = plan();
    let (edit, id) = add_member(&p.stages[0], None, None);
    edit.apply(&mut p).unwrap();
    p.stages[0].member_mut(&id).unwrap().name = "Sam".into();
    let mut copy = p.stages[0].clone();
    copy.id = "later".into();
    p.stages.push(copy);
    assert_eq!(id_from_name(&p, "s", &id), None);
}

#[test]
fn new_stages_get_names_no_stage_has() {
    let mut p = plan();
    p.stages[0].name = "Split roles".into();
    let (edit, _) = add_stage(&p, 0, NewStage::NextFrom(StageKind::SplitRoles));
    let Edit::AddStage { stage, .. } = &edit else {
        panic!("{edit:?}")
    };
    assert_eq!(stage.name, "Split roles 2");
    edit.apply(&mut p).unwrap();
    let (edit, _) = add_stage(&p, 1, NewStage::Empty(StageKind::SplitRoles));
    let Edit::AddStage { stage, .. } = &edit else {
        panic!("{edit:?}")
    };
    assert_eq!(stage.name, "Split roles 3");
}

#[test]
fn the_tidy_memo_spares_a_layout_only_for_the_stage_as_it_was_left() {
    let mut p = plan();
    let mut h = History::default();
    let mut memo = TidyMemo::default();
    let set = |to: &str| Edit::SetManager {
        stage: "s".into(),
        member: "ae".into(),
        manager: Some(to.into()),
    };
    let (edit, laid_out) = keeping_tidy_with(&p, set("boss"), &memo);
    assert_eq!(laid_out.as_deref(), Some("s"));
    // The layout comes last, worked out as the edit is applied.
    let Edit::Batch { edits, .. } = &edit else {
        panic!("a tidy stage gets its layout with the edit")
    };
    assert_eq!(edits.last(), Some(&Edit::LayOutAgain { stage: "s".into() }));
    h.apply(&mut p, &edit).unwrap();
    assert!(is_tidy(&p.stages[0]), "the moved cards make it tidy again");
    memo.remember(&p.stages[0]);
    assert!(memo.knows(&p.stages[0]));
    // Arranged by hand since: the memo no longer speaks for the stage.
    let moved = Edit::SetPositions {
        stage: "s".into(),
        positions: vec![("boss".into(), [500.0, -300.0])],
    };
    h.apply(&mut p, &moved).unwrap();
    assert!(!memo.knows(&p.stages[0]));
    assert_eq!(
        keeping_tidy_with(&p, set("lead"), &memo),
        (set("lead"), None)
    );
    // Undone to the tidy stage: its revision is the one remembered.
    h.undo(&mut p);
    assert!(memo.knows(&p.stages[0]));
}
