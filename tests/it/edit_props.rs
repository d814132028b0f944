//! Random sequences of edits: every accepted edit keeps the plan savable
//! and loadable unchanged, and undo walks back through exactly the earlier
//! plans to the start (redo forward again).

use orgevo::edit::compose::{self, NewStage};
use orgevo::edit::{Edit, History};
use orgevo::io::{BUNDLED_EXAMPLE, plan_from_str, plan_to_string};
use orgevo::model::{Link, LinkKind, Plan, StageKind};
use proptest::prelude::*;

/// An edit described by indices, resolved against the plan when applied.
#[derive(Clone, Debug)]
enum Op {
    AddMember {
        stage: usize,
        manager: Option<usize>,
    },
    Remove {
        stage: usize,
        member: usize,
    },
    SetManager {
        stage: usize,
        member: usize,
        manager: Option<usize>,
    },
    Collaborate {
        stage: usize,
        a: usize,
        b: usize,
    },
    RemoveLink {
        stage: usize,
        link: usize,
    },
    Move {
        stage: usize,
        member: usize,
        x: f32,
        y: f32,
    },
    Duplicate {
        stage: usize,
        member: usize,
    },
    AddStage {
        after: usize,
        kind: usize,
        how: usize,
    },
    RemoveStage {
        stage: usize,
    },
    MoveStage {
        stage: usize,
        to: usize,
    },
    Rename {
        stage: usize,
        name: String,
    },
    Tidy {
        stage: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0..64usize;
    prop_oneof![
        (i(), prop::option::of(i())).prop_map(|(stage, manager)| Op::AddMember { stage, manager }),
        (i(), i()).prop_map(|(stage, member)| Op::Remove { stage, member }),
        (i(), i(), prop::option::of(i())).prop_map(|(stage, member, manager)| Op::SetManager {
            stage,
            member,
            manager
        }),
        (i(), i(), i()).prop_map(|(stage, a, b)| Op::Collaborate { stage, a, b }),
        (i(), i()).prop_map(|(stage, link)| Op::RemoveLink { stage, link }),
        (i(), i(), -2000f32..2000f32, -2000f32..2000f32).prop_map(|(stage, member, x, y)| {
            Op::Move {
                stage,
                member,
                x,
                y,
            }
        }),
        (i(), i()).prop_map(|(stage, member)| Op::Duplicate { stage, member }),
        (i(), 0..4usize, 0..3usize).prop_map(|(after, kind, how)| Op::AddStage {
            after,
            kind,
            how
        }),
        i().prop_map(|stage| Op::RemoveStage { stage }),
        (i(), i()).prop_map(|(stage, to)| Op::MoveStage { stage, to }),
        (i(), ".{0,12}").prop_map(|(stage, name)| Op::Rename { stage, name }),
        i().prop_map(|stage| Op::Tidy { stage }),
    ]
}

/// Turns an op into an edit on `plan` (a title change when it names nothing).
fn resolve(op: &Op, plan: &Plan) -> Edit {
    let fallback = Edit::SetTitle(format!("{} +", plan.title));
    let n = plan.stages.len();
    let stage_at = |i: usize| (n > 0).then(|| &plan.stages[i % n]);
    let member_id = |s: &orgevo::model::Stage, i: usize| {
        let ids: Vec<String> = s.members().map(|m| m.id.clone()).collect();
        (!ids.is_empty()).then(|| ids[i % ids.len()].clone())
    };
    match op {
        Op::AddMember { stage, manager } => stage_at(*stage).map_or(fallback, |s| {
            let manager = manager.and_then(|m| member_id(s, m));
            compose::add_member(s, None, manager.as_deref()).0
        }),
        Op::Remove { stage, member } => stage_at(*stage)
            .and_then(|s| {
                Some(Edit::RemoveMembers {
                    stage: s.id.clone(),
                    ids: vec![member_id(s, *member)?],
                })
            })
            .unwrap_or(fallback),
        Op::SetManager {
            stage,
            member,
            manager,
        } => stage_at(*stage)
            .and_then(|s| {
                Some(Edit::SetManager {
                    stage: s.id.clone(),
                    member: member_id(s, *member)?,
                    manager: manager.and_then(|m| member_id(s, m)),
                })
            })
            .unwrap_or(fallback),
        Op::Collaborate { stage, a, b } => stage_at(*stage)
            .and_then(|s| {
                let link = Link::new(
                    member_id(s, *a)?,
                    member_id(s, *b)?,
                    LinkKind::CollaboratesWith,
                );
                Some(Edit::AddLink {
                    stage: s.id.clone(),
                    link,
                })
            })
            .unwrap_or(fallback),
        Op::RemoveLink { stage, link } => stage_at(*stage)
            .and_then(|s| {
                let links: Vec<Link> = s.links().collect();
                let link = links.get(link % links.len().max(1))?.clone();
                Some(Edit::RemoveLink {
                    stage: s.id.clone(),
                    link,
                })
            })
            .unwrap_or(fallback),
        Op::Move {
            stage,
            member,
            x,
            y,
        } => stage_at(*stage)
            .and_then(|s| {
                Some(Edit::SetPositions {
                    stage: s.id.clone(),
                    positions: vec![(member_id(s, *member)?, [*x, *y])],
                })
            })
            .unwrap_or(fallback),
        Op::Duplicate { stage, member } => stage_at(*stage)
            .and_then(|s| compose::duplicate(s, &[member_id(s, *member)?]).map(|(e, _)| e))
            .unwrap_or(fallback),
        Op::AddStage { after, kind, how } => {
            let kind = StageKind::ALL[*kind];
            let how = [
                NewStage::NextFrom(kind),
                NewStage::Empty(kind),
                NewStage::Template(kind),
            ][*how];
            compose::add_stage(plan, after % n.max(1), how).0
        }
        Op::RemoveStage { stage } => {
            stage_at(*stage).map_or(fallback, |s| Edit::RemoveStage { id: s.id.clone() })
        }
        Op::MoveStage { stage, to } => stage_at(*stage).map_or(fallback, |s| Edit::MoveStage {
            id: s.id.clone(),
            to: to % n.max(1),
        }),
        Op::Rename { stage, name } => stage_at(*stage).map_or(fallback, |s| Edit::SetStageInfo {
            id: s.id.clone(),
            name: name.clone(),
            kind: s.kind,
            when: s.when.clone(),
            notes: s.notes.clone(),
        }),
        Op::Tidy { stage } => stage_at(*stage).map_or(fallback, compose::tidy_up),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_round_trip_and_undo_to_the_start(ops in prop::collection::vec(op(), 1..40)) {
        let mut plan = plan_from_str(BUNDLED_EXAMPLE).unwrap();
        for stage in &mut plan.stages {
            orgevo::layout::place_missing_positions(stage);
        }
        let mut history = History::new(1000);
        let mut states = vec![plan.clone()];
        for op in &ops {
            let edit = resolve(op, &plan);
            let before = plan.clone();
            match history.apply(&mut plan, &edit) {
                Ok(()) => states.push(plan.clone()),
                Err(_) => prop_assert_eq!(&plan, &before, "a refused edit changed the plan"),
            }
            let text = plan_to_string(&plan).unwrap();
            let loaded = plan_from_str(&text);
            prop_assert!(loaded.is_ok(), "saved plan does not load: {:?}", loaded.err());
            let loaded = loaded.unwrap();
            prop_assert_eq!(&loaded, &plan);
            // Every rule and every diff runs on whatever the edits made, and
            // says what it says of the same plan built fresh from its file.
            prop_assert_eq!(
                orgevo::rules::check_plan(&plan),
                orgevo::rules::check_plan(&loaded)
            );
            for b in 1..plan.stages.len() {
                prop_assert_eq!(
                    orgevo::diff::diff_plan_stages(&plan, b - 1, b).map(|d| d.changes),
                    orgevo::diff::diff_plan_stages(&loaded, b - 1, b).map(|d| d.changes)
                );
            }
        }
        for expected in states.iter().rev().skip(1) {
            prop_assert!(history.undo(&mut plan));
            prop_assert_eq!(&plan, expected);
        }
        prop_assert!(!history.undo(&mut plan));
        for expected in states.iter().skip(1) {
            prop_assert!(history.redo(&mut plan));
            prop_assert_eq!(&plan, expected);
        }
    }
}
