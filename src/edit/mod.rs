//! Editing: typed edits and the undo history. The app changes a plan only
//! through these.

mod change;
pub mod compose;
mod error;
mod history;
pub mod moves;
pub mod options;
pub mod suggest;
pub mod transition;

pub use change::{Edit, EditError, free_member_id, free_stage_id, reports_to};
pub use history::{DEFAULT_HISTORY_BYTES, DEFAULT_HISTORY_LIMIT, History};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function, Member, Plan, PlanBuilder, StageKind};

    fn plan() -> Plan {
        PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("boss", Function::Owner, &["vision"])
            .member("a", Function::Sales, &[])
            .member("b", Function::Sales, &[])
            .reports("a", "boss")
            .reports("b", "a")
            .build()
            .unwrap()
    }

    #[test]
    fn undo_and_redo_give_back_exactly_the_earlier_plans() {
        let mut p = plan();
        let original = p.clone();
        let mut h = History::default();
        let add = Edit::AddMember {
            stage: "s".into(),
            member: Member::new("c", "Cleo", Function::Marketing),
            pos: Some([10.0, 200.0]),
            manager: Some("boss".into()),
        };
        h.apply(&mut p, &add).unwrap();
        let after_add = p.clone();
        h.apply(
            &mut p,
            &Edit::RemoveMembers {
                stage: "s".into(),
                ids: vec!["a".into()],
            },
        )
        .unwrap();
        assert!(p.stages[0].member("a").is_none());
        assert!(h.undo(&mut p));
        assert_eq!(p, after_add);
        assert!(h.undo(&mut p));
        assert_eq!(p, original);
        assert!(!h.undo(&mut p));
        assert!(h.redo(&mut p));
        assert_eq!(p, after_add);
        assert_eq!(h.redo_label(), Some("delete member"));
    }

    #[test]
    fn history_drops_the_oldest_steps_beyond_its_memory_bound() {
        let mut p = crate::model::synthetic_plan(2_000, 6, 7);
        let rename = |p: &Plan, n: usize| {
            let mut member = p.stages[1].member("m5").cloned().unwrap();
            member.name = format!("Name {n}");
            Edit::UpdateMember {
                stage: "s1".into(),
                member,
            }
        };
        // One step copies one stage's structure: bound the history to
        // about ten of them.
        let step = p.stages[1].chart_bytes();
        let mut h = History::bounded(200, step * 10);
        let start = p.clone();
        for n in 0..30 {
            let edit = rename(&p, n);
            h.apply(&mut p, &edit).unwrap();
        }
        assert!(h.undo_len() < 30 && h.undo_len() >= 5, "{}", h.undo_len());
        assert!(h.undo_bytes() <= step * 11);
        // The steps kept still undo exactly.
        let kept = h.undo_len();
        for _ in 0..kept {
            assert!(h.undo(&mut p));
        }
        assert!(!h.undo(&mut p));
        assert_eq!(
            p.stages[1].member("m5").unwrap().name,
            format!("Name {}", 29 - kept)
        );
        // Stages no step changed were never copied.
        assert!(p.stages[0].shares_chart_with(&start.stages[0]));
        assert!(p.stages[2].shares_chart_with(&start.stages[2]));
    }

    #[test]
    fn refused_edits_leave_the_plan_and_history_alone() {
        let mut p = plan();
        let mut h = History::default();
        let state = h.state();
        // boss -> b would make a cycle (b reports to a reports to boss).
        let err = h
            .apply(
                &mut p,
                &Edit::SetManager {
                    stage: "s".into(),
                    member: "boss".into(),
                    manager: Some("b".into()),
                },
            )
            .unwrap_err();
        assert!(matches!(err, EditError::WouldCycle { .. }));
        assert_eq!(p, plan());
        assert_eq!(h.state(), state);
        assert!(h.undo_label().is_none());
    }

    #[test]
    fn adding_a_collaboration_line_the_other_way_round_does_nothing() {
        let mut p = plan();
        let mut h = History::default();
        let line = |a: &str, b: &str| Edit::AddLink {
            stage: "s".into(),
            link: crate::model::Link::new(a, b, crate::model::LinkKind::CollaboratesWith),
        };
        h.apply(&mut p, &line("a", "b")).unwrap();
        let (before, state) = (p.clone(), h.state());
        assert!(h.apply(&mut p, &line("b", "a")).is_err());
        assert_eq!(p, before);
        assert_eq!(h.state(), state);
        assert_eq!(p.stages[0].link_count(), 3);
    }

    #[test]
    fn set_manager_replaces_the_old_line() {
        let mut p = plan();
        let mut h = History::default();
        h.apply(
            &mut p,
            &Edit::SetManager {
                stage: "s".into(),
                member: "b".into(),
                manager: Some("boss".into()),
            },
        )
        .unwrap();
        assert_eq!(
            p.stages[0].manager_of("b").map(|m| m.id.as_str()),
            Some("boss")
        );
        assert_eq!(p.stages[0].reports_of("boss").len(), 2);
    }

    #[test]
    fn merged_edits_are_one_step_until_sealed() {
        let mut p = plan();
        let mut h = History::default();
        let original = p.clone();
        for name in ["A", "Al", "Ali"] {
            let mut m = p.stages[0].member("a").unwrap().clone();
            m.name = name.into();
            h.apply_merging(
                &mut p,
                &Edit::UpdateMember {
                    stage: "s".into(),
                    member: m,
                },
                Some("a.name"),
            )
            .unwrap();
        }
        h.seal();
        let mut m = p.stages[0].member("a").unwrap().clone();
        m.name = "Alice".into();
        h.apply_merging(
            &mut p,
            &Edit::UpdateMember {
                stage: "s".into(),
                member: m,
            },
            Some("a.name"),
        )
        .unwrap();
        assert!(h.undo(&mut p));
        assert_eq!(p.stages[0].member("a").unwrap().name, "Ali");
        assert!(h.undo(&mut p));
        assert_eq!(p, original);
    }

    #[test]
    fn history_is_bounded_and_states_track_saved_points() {
        let mut p = plan();
        let mut h = History::new(3);
        let saved = h.state();
        for i in 0..5 {
            h.apply(&mut p, &Edit::SetTitle(format!("t{i}"))).unwrap();
        }
        assert_ne!(h.state(), saved);
        let mut undone = 0;
        while h.undo(&mut p) {
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(p.title, "t1");
        let mut q = plan();
        let mut h = History::default();
        let saved = h.state();
        h.apply(&mut q, &Edit::SetTitle("x".into())).unwrap();
        h.undo(&mut q);
        assert_eq!(
            h.state(),
            saved,
            "undoing back to the saved plan is clean again"
        );
    }

    #[test]
    fn free_ids_do_not_collide() {
        let p = plan();
        assert_eq!(free_member_id(&p.stages[0], "c"), "c");
        assert_eq!(free_member_id(&p.stages[0], "a"), "a-2");
    }
}
