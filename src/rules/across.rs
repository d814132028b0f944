//! Rules across stages: what a stage changes against the nearest earlier
//! stage that has members.

use super::context::{StageContext, it_or_them, stage_coverage, tag_list};
use super::finding::Hit;
use crate::model::{Hat, StageKind};

/// `responsibility-dropped`: a core tag held in the previous non-empty
/// stage is held by nobody here (`marketing-alignment` only where this
/// stage has marketing).
pub fn responsibility_dropped(ctx: &StageContext) -> Vec<Hit> {
    let Some(previous) = ctx.previous else {
        return Vec::new();
    };
    let dropped = stage_coverage(previous)
        .intersection(ctx.needed())
        .difference(ctx.coverage());
    if dropped.is_empty() {
        return Vec::new();
    }
    let holders: Vec<_> = previous
        .members()
        .filter(|m| m.responsibilities().intersects(dropped))
        .filter_map(|m| ctx.stage.node(&m.id))
        .collect();
    vec![
        Hit::new(
            &holders,
            format!(
                "{} {} held in \"{}\" but nobody holds {} here",
                tag_list(dropped),
                if dropped.len() == 1 { "was" } else { "were" },
                previous.name,
                it_or_them(dropped),
            ),
            format!(
                "Hand {} to someone in this stage, or say in the notes who takes over",
                tag_list(dropped)
            ),
        )
        .about(dropped),
    ]
}

/// `convergence-readiness`: a member holding both families in a converged
/// stage wore only a manager hat in the previous non-empty stage.
pub fn convergence_readiness(ctx: &StageContext) -> Vec<Hit> {
    let Some(previous) = ctx.previous else {
        return Vec::new();
    };
    if ctx.stage.kind != StageKind::Converged {
        return Vec::new();
    }
    ctx.nodes()
        .filter(|n| ctx.hat(*n) == Hat::Both)
        .filter_map(|n| {
            let id = &ctx.member(n).id;
            let before = previous.member_at(previous.node_hinted(id, n)?)?;
            if before.hat() != Hat::Manager {
                return None;
            }
            let name = ctx.name(n);
            let bet = if before.planned {
                format!(
                    "; {name} was still a planned hire there, so the plan bets on someone not \
                     yet hired"
                )
            } else {
                String::new()
            };
            Some(Hit::new(
                &[n],
                format!(
                    "{name} held only management in \"{}\" and now holds leadership too; not \
                     every manager grows into a leader{bet}",
                    previous.name
                ),
                match ctx.alternatives.first() {
                    Some(plan_b) => format!(
                        "Plan {name}'s development: coaching from the leader, experience, \
                         training in vision, inspiration and strategy; plan B: option \"{plan_b}\""
                    ),
                    None => format!(
                        "Plan {name}'s development: coaching from the leader, experience, \
                         training in vision, inspiration and strategy; and a plan B: add the \
                         option \"Hire a growth leader\" at the decision (a leader hired above \
                         {name}), or keep the owner in leadership longer"
                    ),
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Function::*, Member, PlanBuilder, Responsibility, StageKind, Tag};
    use crate::rules::testing::run;

    fn two_stages(later: &[&str], marketing_later: bool) -> crate::model::Plan {
        let b = PlanBuilder::new()
            .stage("a", StageKind::Custom)
            .member("o", Owner, &["vision", "coaching", "marketing-alignment"])
            .member("mk", Marketing, &[])
            .reports("mk", "o")
            .stage("b", StageKind::Custom)
            .member("o", Owner, later);
        let b = if marketing_later {
            b.member("mk", Marketing, &[]).reports("mk", "o")
        } else {
            b
        };
        b.build().unwrap()
    }

    #[test]
    fn a_tag_dropped_between_stages() {
        let findings = run(
            &two_stages(&["vision", "marketing-alignment"], true),
            "responsibility-dropped",
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].stage, "b");
        assert_eq!(findings[0].members, ["o"]);
        assert!(findings[0].tags.contains(Responsibility::Coaching));
        assert!(
            run(
                &two_stages(&["vision", "coaching", "marketing-alignment"], true),
                "responsibility-dropped"
            )
            .is_empty()
        );
    }

    #[test]
    fn alignment_is_not_dropped_when_marketing_is_gone_too() {
        assert!(
            run(
                &two_stages(&["vision", "coaching"], false),
                "responsibility-dropped"
            )
            .is_empty()
        );
        let findings = run(
            &two_stages(&["vision", "coaching"], true),
            "responsibility-dropped",
        );
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("marketing alignment"));
    }

    #[test]
    fn empty_stages_are_skipped_on_both_sides() {
        let plan = PlanBuilder::new()
            .stage("a", StageKind::Custom)
            .member("o", Owner, &["vision", "coaching"])
            .stage("gap", StageKind::Custom)
            .stage("c", StageKind::Custom)
            .member("o", Owner, &["vision"])
            .build()
            .unwrap();
        let findings = run(&plan, "responsibility-dropped");
        assert_eq!(
            findings.len(),
            1,
            "the empty stage has none, c compares with a"
        );
        assert_eq!(findings[0].stage, "c");
        assert!(findings[0].message.contains("\"a\""));
    }

    fn growth(before: &[&str], planned: bool, kind: StageKind) -> crate::model::Plan {
        let mut manager = Member::new("m", "Morgan", SalesManager);
        manager.tags = before.iter().map(|t| Tag::parse(t)).collect();
        manager.planned = planned;
        PlanBuilder::new()
            .stage("a", StageKind::SplitRoles)
            .with_member(manager)
            .stage("b", kind)
            .member("m", GrowthLeader, &["vision", "metrics"])
            .build()
            .unwrap()
    }

    #[test]
    fn a_manager_becoming_growth_leader_needs_a_development_plan() {
        let findings = run(
            &growth(&["metrics"], false, StageKind::Converged),
            "convergence-readiness",
        );
        assert_eq!(findings.len(), 1);
        assert!(findings[0].fix.contains("coaching") && findings[0].fix.contains("plan B"));
        assert!(!findings[0].message.contains("not yet hired"));
        // Near misses: already a leader before, or not a converged stage.
        assert!(
            run(
                &growth(&["metrics", "strategy"], false, StageKind::Converged),
                "convergence-readiness"
            )
            .is_empty()
        );
        assert!(
            run(
                &growth(&["metrics"], false, StageKind::Custom),
                "convergence-readiness"
            )
            .is_empty()
        );
    }

    #[test]
    fn the_plan_bets_on_a_planned_hire() {
        let findings = run(
            &growth(&["metrics"], true, StageKind::Converged),
            "convergence-readiness",
        );
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("not yet hired"));
    }

    #[test]
    fn the_fix_names_the_plan_b_option_or_suggests_one() {
        let mut plan = growth(&["metrics"], false, StageKind::Converged);
        let fix = run(&plan, "convergence-readiness")[0].fix.clone();
        assert!(
            fix.contains("add the option \"Hire a growth leader\""),
            "{fix}"
        );
        // The other road at the split: the fix points to it by name.
        let mut hire = plan.stages[1].clone();
        hire.id = "hire".into();
        hire.kind = StageKind::Custom;
        hire.after = Some("a".into());
        hire.option = Some("Hire a growth leader".into());
        plan.stages.push(hire);
        let found = run(&plan, "convergence-readiness");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .fix
                .contains("plan B: option \"Hire a growth leader\""),
            "{}",
            found[0].fix
        );
    }
}
