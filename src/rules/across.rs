//! Rules across stages: what one stage changes against the stage before.

use super::context::{StageContext, tag_list};
use super::finding::{Finding, Severity};
use crate::model::{Hat, StageKind};

/// `responsibility-dropped` (warning): a core tag covered in the previous
/// stage is covered by nobody in this one.
pub fn responsibility_dropped(ctx: &StageContext) -> Vec<Finding> {
    let Some(previous) = ctx.previous else {
        return Vec::new();
    };
    let before = previous
        .members()
        .map(|m| m.responsibilities())
        .fold(Default::default(), crate::model::ResponsibilitySet::union);
    let dropped = before.difference(ctx.coverage());
    if dropped.is_empty() {
        return Vec::new();
    }
    let holders: Vec<_> = previous
        .members()
        .filter(|m| !m.responsibilities().intersection(dropped).is_empty())
        .filter_map(|m| ctx.stage.node(&m.id))
        .collect();
    vec![ctx.finding(
        "responsibility-dropped",
        Severity::Warning,
        &holders,
        format!(
            "{} {} covered in \"{}\" but nobody holds {} here",
            tag_list(dropped),
            if dropped.iter().count() == 1 {
                "was"
            } else {
                "were"
            },
            previous.name,
            if dropped.iter().count() == 1 {
                "it"
            } else {
                "them"
            },
        ),
        "Hand the dropped responsibilities to someone in this stage".to_owned(),
    )]
}

/// `convergence-readiness` (info): in a converged stage, a member holding
/// both families wore only a manager hat in the previous stage.
pub fn convergence_readiness(ctx: &StageContext) -> Vec<Finding> {
    let Some(previous) = ctx.previous else {
        return Vec::new();
    };
    if ctx.stage.kind != StageKind::Converged {
        return Vec::new();
    }
    ctx.nodes()
        .filter(|n| ctx.hat(*n) == Hat::Both)
        .filter(|n| {
            previous
                .member(&ctx.member(*n).id)
                .is_some_and(|before| before.hat() == Hat::Manager)
        })
        .map(|n| {
            let name = ctx.name(n);
            ctx.finding(
                "convergence-readiness",
                Severity::Info,
                &[n],
                format!(
                    "{name} held only management in \"{}\" and now holds leadership too; \
                     not every manager grows into a leader",
                    previous.name
                ),
                format!(
                    "Plan coaching for {name} on vision, inspiration and strategy before the step"
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function::*, PlanBuilder};
    use crate::rules::testing::run;

    #[test]
    fn a_tag_dropped_between_stages() {
        let plan = |keep_coaching: bool| {
            let later: &[&str] = if keep_coaching {
                &["vision", "coaching"]
            } else {
                &["vision"]
            };
            PlanBuilder::new()
                .stage("a", StageKind::Custom)
                .member("o", Owner, &["vision", "coaching"])
                .stage("b", StageKind::Custom)
                .member("o", Owner, later)
                .build()
                .unwrap()
        };
        let findings = run(&plan(false), responsibility_dropped);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].stage, "b");
        assert_eq!(findings[0].members, ["o"]);
        assert!(run(&plan(true), responsibility_dropped).is_empty());
    }

    #[test]
    fn a_manager_becoming_growth_leader_needs_coaching() {
        let plan = |before: &[&str]| {
            PlanBuilder::new()
                .stage("a", StageKind::SplitRoles)
                .member("m", SalesManager, before)
                .stage("b", StageKind::Converged)
                .member("m", GrowthLeader, &["vision", "metrics"])
                .build()
                .unwrap()
        };
        assert_eq!(run(&plan(&["metrics"]), convergence_readiness).len(), 1);
        assert!(run(&plan(&["metrics", "strategy"]), convergence_readiness).is_empty());
    }
}
