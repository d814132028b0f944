//! Each move's result, member by member, from DESIGN.md "Options".

use super::*;
use crate::model::{Function::*, PlanBuilder, Tag};

/// The seed's split: Dana leads, Morgan manages Sam and Ria, Priya in
/// marketing reports to Dana.
fn split() -> Plan {
    PlanBuilder::new()
        .stage("today", StageKind::FounderLed)
        .member(
            "dana",
            Owner,
            &["vision", "inspiration", "strategy", "execution", "coaching"],
        )
        .member("sam", Sales, &[])
        .reports("sam", "dana")
        .stage("split", StageKind::SplitRoles)
        .member(
            "dana",
            Owner,
            &["vision", "inspiration", "strategy", "process-design"],
        )
        .member(
            "morgan",
            SalesManager,
            &[
                "execution",
                "rigor",
                "process-discipline",
                "metrics",
                "accountability",
                "coaching",
            ],
        )
        .member("sam", Sales, &[])
        .member("ria", Sales, &[])
        .member("priya", Marketing, &[])
        .reports("morgan", "dana")
        .reports("sam", "morgan")
        .reports("ria", "morgan")
        .reports("priya", "dana")
        .build()
        .unwrap()
}

fn held(stage: &Stage, id: &str) -> Vec<String> {
    stage
        .member(id)
        .unwrap()
        .tags
        .iter()
        .map(Tag::to_string)
        .collect()
}

#[test]
fn hire_growth_leader_puts_a_new_seat_above_the_sales_manager() {
    let plan = split();
    let (next, moved) = Move::HireGrowthLeader.apply(&plan.stages[1]);
    assert!(moved);
    assert_eq!(next.kind, StageKind::Converged);
    assert_eq!(next.member_count(), 6, "one new seat");
    let leader = next.member("growth-leader").unwrap();
    assert!(leader.planned);
    assert_eq!(leader.function, GrowthLeader);
    assert_eq!(next.manager_of("growth-leader").unwrap().id, "dana");
    // Both families: the leadership Dana hands over and the management.
    let leader_tags = held(&next, "growth-leader");
    for tag in [
        "inspiration",
        "strategy",
        "process-design",
        "execution",
        "coaching",
        "metrics",
    ] {
        assert!(
            leader_tags.iter().any(|t| t == tag),
            "{tag}: {leader_tags:?}"
        );
    }
    assert!(
        !leader_tags.iter().any(|t| t == "vision"),
        "the owner keeps vision"
    );
    assert_eq!(held(&next, "dana"), ["vision"]);
    // Morgan keeps id, tags and team, under the growth leader.
    assert_eq!(held(&next, "morgan"), held(&plan.stages[1], "morgan"));
    assert_eq!(next.member("morgan").unwrap().function, SalesManager);
    assert_eq!(next.manager_of("morgan").unwrap().id, "growth-leader");
    assert_eq!(next.manager_of("sam").unwrap().id, "morgan");
    assert_eq!(next.manager_of("priya").unwrap().id, "growth-leader");
}

#[test]
fn grow_manager_is_next_stages_converge_and_names_the_manager() {
    let plan = split();
    let (grown, _) = Move::GrowManager.apply(&plan.stages[1]);
    let (next, _) = crate::edit::transition::next_stage(&plan.stages[1], StageKind::Converged);
    assert_eq!(grown, next);
    assert_eq!(grown.member("morgan").unwrap().function, GrowthLeader);
    assert_eq!(
        Move::GrowManager.option_name(&plan.stages[1]),
        "Grow morgan"
    );
}

#[test]
fn keep_juggling_and_copy_change_no_one() {
    let plan = split();
    let (juggling, moved) = Move::KeepJuggling.apply(&plan.stages[0]);
    assert!(!moved);
    assert_eq!(juggling.kind, StageKind::FounderLed);
    assert!(juggling.members().eq(plan.stages[0].members()));
    let (copy, _) = Move::Copy.apply(&plan.stages[1]);
    assert_eq!(copy, plan.stages[1]);
}

#[test]
fn moves_fit_the_kinds_they_start_from() {
    let fitting = |kind| -> Vec<&str> {
        Move::ALL
            .into_iter()
            .filter(|m| m.fits(kind) && *m != Move::Copy)
            .map(Move::id)
            .collect()
    };
    assert_eq!(
        fitting(StageKind::SplitRoles),
        ["grow-manager", "hire-growth-leader"]
    );
    assert_eq!(
        fitting(StageKind::FounderLed),
        ["hire-manager", "keep-juggling"]
    );
    for m in Move::ALL {
        assert_eq!(Move::from_id(m.id()), Some(m));
    }
}

#[test]
fn add_option_follows_the_decision_and_lands_after_its_subtree() {
    let mut plan = split();
    let (edit, id) = add_option(&plan, 1, Move::GrowManager).unwrap();
    edit.apply(&mut plan).unwrap();
    let (edit, hire) = add_option(&plan, 1, Move::HireGrowthLeader).unwrap();
    edit.apply(&mut plan).unwrap();
    let ids: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["today", "split", id.as_str(), hire.as_str()]);
    assert_eq!(plan.followers(1), [2, 3], "split is now a decision");
    let option = &plan.stages[3];
    assert_eq!(option.option.as_deref(), Some("Hire a growth leader"));
    assert_eq!(option.after.as_deref(), Some("split"));
    assert_ne!(plan.stages[2].name, option.name, "distinct names");
    // Each option compares with the decision, not with its sibling.
    assert_eq!(plan.previous_non_empty(3), Some(1));
    // And the plan saves to a file that loads back the same.
    let text = crate::io::plan_to_string(&plan).unwrap();
    assert_eq!(crate::io::plan_from_str(&text).unwrap(), plan);
}
