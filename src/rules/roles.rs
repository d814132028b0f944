//! Stage-shape rules about who holds which responsibility: process design,
//! technical scoping, founder overload, and coverage of the twelve tags.

use super::context::{StageContext, tag_list};
use super::finding::{Finding, Severity};
use crate::model::{Function, Hat, Responsibility, ResponsibilitySet, StageKind};

/// `manager-designs-process` (warning): in a split-roles stage,
/// `process-design` is held only by sales managers.
pub fn manager_designs_process(ctx: &StageContext) -> Vec<Finding> {
    if ctx.stage.kind != StageKind::SplitRoles {
        return Vec::new();
    }
    let holders: Vec<_> = ctx
        .nodes()
        .filter(|n| ctx.holds(*n, Responsibility::ProcessDesign))
        .collect();
    let only_managers = !holders.is_empty()
        && holders
            .iter()
            .all(|n| ctx.member(*n).function == Function::SalesManager);
    if !only_managers {
        return Vec::new();
    }
    vec![ctx.finding(
        "manager-designs-process",
        Severity::Warning,
        &holders,
        format!(
            "Only {} (sales manager) holds `process-design`; managers run defined processes \
             well but often struggle to create them",
            ctx.names(&holders)
        ),
        "Let the owner or a sales leader design the process with the broader business in mind; \
         the sales manager keeps `process-discipline`"
            .to_owned(),
    )]
}

/// `technical-scoping` (info): technical members exist but nobody holds
/// `cross-functional` and no collaboration line reaches them.
pub fn technical_scoping(ctx: &StageContext) -> Vec<Finding> {
    if ctx
        .nodes()
        .any(|n| ctx.holds(n, Responsibility::CrossFunctional))
    {
        return Vec::new();
    }
    let isolated: Vec<_> = ctx
        .with_function(Function::Technical)
        .filter(|n| !ctx.has_collaboration(*n))
        .collect();
    if isolated.is_empty() {
        return Vec::new();
    }
    vec![ctx.finding(
        "technical-scoping",
        Severity::Info,
        &isolated,
        format!(
            "Nobody brings {} into deals: no one holds `cross-functional` and no collaboration \
             line reaches them",
            ctx.names(&isolated)
        ),
        "Give a leader `cross-functional`, or add collaboration lines so technical people help \
         scope and price solutions"
            .to_owned(),
    )]
}

/// `founder-overload` (warning): an owner who leads and manages has more than
/// `founder_overload_reports` direct reports.
pub fn founder_overload(ctx: &StageContext) -> Vec<Finding> {
    let limit = ctx.settings.founder_overload_reports as usize;
    ctx.with_function(Function::Owner)
        .filter(|n| ctx.hat(*n) == Hat::Both && ctx.facts(*n).reports > limit)
        .map(|n| {
            let name = ctx.name(n);
            ctx.finding(
                "founder-overload",
                Severity::Warning,
                &[n],
                format!(
                    "{name} leads and manages {} direct reports (more than {limit}): time to split roles",
                    ctx.facts(n).reports
                ),
                format!(
                    "Bring in a sales manager to take the management tags and the team; \
                     {name} keeps vision and strategy"
                ),
            )
        })
        .collect()
}

/// `responsibility-uncovered` (warning): core tags that nobody in a
/// non-empty stage holds.
pub fn responsibility_uncovered(ctx: &StageContext) -> Vec<Finding> {
    if ctx.stage.member_count() == 0 {
        return Vec::new();
    }
    let all: ResponsibilitySet = Responsibility::ALL.into_iter().collect();
    let uncovered = all.difference(ctx.coverage());
    if uncovered.is_empty() {
        return Vec::new();
    }
    let count = uncovered.iter().count();
    vec![ctx.finding(
        "responsibility-uncovered",
        Severity::Warning,
        &[],
        format!("Nobody holds {} in this stage", tag_list(uncovered)),
        format!(
            "Give {} to the member who should own {}",
            tag_list(uncovered),
            if count == 1 { "it" } else { "them" }
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function::*, PlanBuilder};
    use crate::rules::testing::run;

    #[test]
    fn process_design_only_with_the_sales_manager() {
        let plan = |owner_designs: bool| {
            let owner: &[&str] = if owner_designs {
                &["vision", "process-design"]
            } else {
                &["vision"]
            };
            PlanBuilder::new()
                .stage("s", StageKind::SplitRoles)
                .member("o", Owner, owner)
                .member("sm", SalesManager, &["process-design", "metrics"])
                .reports("sm", "o")
                .build()
                .unwrap()
        };
        assert_eq!(
            run(&plan(false), manager_designs_process)[0].members,
            ["sm"]
        );
        assert!(run(&plan(true), manager_designs_process).is_empty());
    }

    #[test]
    fn technical_people_need_a_bridge() {
        let base = || {
            PlanBuilder::new()
                .stage("s", StageKind::Custom)
                .member("o", Owner, &["vision"])
                .member("se", Technical, &[])
                .member("ae", Sales, &[])
                .reports("se", "o")
                .reports("ae", "o")
        };
        assert_eq!(run(&base().build().unwrap(), technical_scoping).len(), 1);
        let collab = base().collaborates("se", "ae").build().unwrap();
        assert!(run(&collab, technical_scoping).is_empty());
        let bridged = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &["cross-functional"])
            .member("se", Technical, &[])
            .build()
            .unwrap();
        assert!(run(&bridged, technical_scoping).is_empty());
    }

    #[test]
    fn overloaded_founder() {
        let plan = |n: usize, tags: &[&str]| {
            let mut b = PlanBuilder::new()
                .stage("s", StageKind::FounderLed)
                .member("o", Owner, tags);
            for i in 0..n {
                let id = format!("ae{i}");
                b = b.member(&id, Sales, &[]).reports(&id, "o");
            }
            b.build().unwrap()
        };
        assert_eq!(
            run(&plan(6, &["vision", "metrics"]), founder_overload).len(),
            1
        );
        assert!(run(&plan(5, &["vision", "metrics"]), founder_overload).is_empty());
        // A leader-only owner with many reports is not doing both jobs.
        assert!(run(&plan(6, &["vision"]), founder_overload).is_empty());
    }

    #[test]
    fn uncovered_tags_are_listed() {
        let mut tags: Vec<&str> = Responsibility::ALL.iter().map(|r| r.id()).collect();
        let full = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &tags)
            .build()
            .unwrap();
        assert!(run(&full, responsibility_uncovered).is_empty());
        tags.retain(|t| *t != "coaching");
        let missing = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &tags)
            .build()
            .unwrap();
        let findings = run(&missing, responsibility_uncovered);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("`coaching`"));
    }
}
