//! Rules about the converged stage standing on what came before: the owner
//! steps back from management, and a sales manager's processes came first.

use super::context::{StageContext, tag_list};
use super::finding::Hit;
use super::shape::converged_leaders;
use crate::model::{Function, Responsibility, Stage, StageKind, TagFamily};

/// `owner-ceiling`: in a converged stage an owner still holds a management
/// tag; the growth leader should run the team.
pub fn owner_ceiling(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::Converged {
        return Vec::new();
    }
    ctx.with_function(Function::Owner)
        .filter_map(|owner| {
            let management = ctx.responsibilities(owner).of_family(TagFamily::Management);
            if management.is_empty() {
                return None;
            }
            let name = ctx.name(owner);
            Some(Hit::new(
                &[owner],
                format!(
                    "{name} (owner) still holds {} in a converged stage: the owner may be the \
                     ceiling on the team's growth",
                    tag_list(management)
                ),
                format!(
                    "Hand {} to the growth leader; {name} keeps the vision",
                    tag_list(management)
                ),
            ))
        })
        .collect()
}

/// Whether someone besides the owner holds `process-discipline` and
/// `metrics` in `stage`: what [`premature_convergence`] looks for in the
/// earlier stages (and all it reads of them).
pub fn installs_management(stage: &Stage) -> bool {
    stage.members().any(|m| {
        let held = m.responsibilities();
        m.function != Function::Owner
            && held.contains(Responsibility::ProcessDiscipline)
            && held.contains(Responsibility::Metrics)
    })
}

/// `premature-convergence`: a converged stage with an earlier non-empty
/// stage, where no earlier stage had a non-owner holding both
/// `process-discipline` and `metrics`.
pub fn premature_convergence(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::Converged || ctx.previous.is_none() {
        return Vec::new();
    }
    if ctx.earlier.iter().any(|s| installs_management(s)) {
        return Vec::new();
    }
    vec![Hit::new(
        &converged_leaders(ctx),
        "No earlier stage had someone besides the owner holding process discipline and \
         metrics: convergence stands on the processes a sales manager installs first"
            .to_owned(),
        "Plan a split-roles stage first, with a sales manager holding process discipline and \
         metrics"
            .to_owned(),
    )]
}

#[cfg(test)]
mod tests {
    use crate::model::{Function::*, PlanBuilder, StageKind};
    use crate::rules::testing::run;

    const BOTH: &[&str] = &["vision", "strategy", "execution", "metrics"];

    #[test]
    fn an_owner_still_managing_in_a_converged_stage() {
        let plan = |owner: &[&str], kind| {
            PlanBuilder::new()
                .stage("s", kind)
                .member("o", Owner, owner)
                .member("gl", GrowthLeader, BOTH)
                .reports("gl", "o")
                .build()
                .unwrap()
        };
        let findings = run(
            &plan(&["vision", "coaching"], StageKind::Converged),
            "owner-ceiling",
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["o"]);
        assert!(findings[0].message.contains("coaching"));
        // Near misses: leadership only, or another stage kind.
        assert!(
            run(
                &plan(&["vision", "strategy"], StageKind::Converged),
                "owner-ceiling"
            )
            .is_empty()
        );
        assert!(
            run(
                &plan(&["vision", "coaching"], StageKind::SplitRoles),
                "owner-ceiling"
            )
            .is_empty()
        );
    }

    /// A first stage where `who` holds `tags`, then a converged stage.
    fn two_stages(who: crate::model::Function, tags: &[&str]) -> crate::model::Plan {
        PlanBuilder::new()
            .stage("before", StageKind::Custom)
            .member("o", Owner, &["vision"])
            .member("m", who, tags)
            .reports("m", "o")
            .stage("after", StageKind::Converged)
            .member("o", Owner, &["vision"])
            .member("m", GrowthLeader, BOTH)
            .reports("m", "o")
            .build()
            .unwrap()
    }

    #[test]
    fn converging_before_anyone_installed_the_processes() {
        let findings = run(
            &two_stages(SalesManager, &["metrics"]),
            "premature-convergence",
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].stage, "after");
        assert_eq!(findings[0].members, ["m"]);
        // The owner holding both tags does not count.
        let owner = two_stages(Sales, &[]);
        let mut plan = owner.clone();
        plan.stages[0]
            .member_mut("o")
            .unwrap()
            .tags
            .extend(["process-discipline", "metrics"].map(crate::model::Tag::parse));
        assert_eq!(run(&plan, "premature-convergence").len(), 1);
    }

    #[test]
    fn premature_convergence_near_misses() {
        // Someone besides the owner held both tags earlier (any function).
        let installed = two_stages(Operations, &["process-discipline", "metrics"]);
        assert!(run(&installed, "premature-convergence").is_empty());
        // A converged stage with nothing before it is a starting point.
        let alone = PlanBuilder::new()
            .stage("empty", StageKind::Custom)
            .stage("after", StageKind::Converged)
            .member("gl", GrowthLeader, BOTH)
            .build()
            .unwrap();
        assert!(run(&alone, "premature-convergence").is_empty());
    }

    #[test]
    fn any_earlier_stage_counts_not_only_the_previous_one() {
        let plan = PlanBuilder::new()
            .stage("first", StageKind::SplitRoles)
            .member("m", SalesManager, &["process-discipline", "metrics"])
            .stage("middle", StageKind::Custom)
            .member("m", SalesManager, &["execution"])
            .stage("last", StageKind::Converged)
            .member("m", GrowthLeader, BOTH)
            .build()
            .unwrap();
        assert!(run(&plan, "premature-convergence").is_empty());
    }
}
