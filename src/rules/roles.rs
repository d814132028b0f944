//! Stage-shape rules about who holds which responsibility: process design
//! and alignment in split roles, technical scoping, founder overload,
//! coverage of the core tags, and titles that disagree with the tags.

use super::context::{StageContext, it_or_them, tag_list};
use super::finding::Hit;
use crate::model::{Function, Hat, Responsibility, ResponsibilitySet, StageKind, TagFamily};

/// Whether a member of a leading function holds `r`.
fn leading_function_holds(ctx: &StageContext, r: Responsibility) -> bool {
    ctx.nodes()
        .any(|n| ctx.function(n).is_leading() && ctx.holds(n, r))
}

/// `manager-designs-process`: in a split-roles stage a `sales-manager`
/// holds `process-design` and no member of a leading function holds it.
pub fn manager_designs_process(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::SplitRoles {
        return Vec::new();
    }
    let designers: Vec<_> = ctx
        .with_function(Function::SalesManager)
        .filter(|n| ctx.holds(*n, Responsibility::ProcessDesign))
        .collect();
    if designers.is_empty() || leading_function_holds(ctx, Responsibility::ProcessDesign) {
        return Vec::new();
    }
    vec![Hit::new(
        &designers,
        format!(
            "{} (sales manager) designs the process and no leader does: managers execute \
             defined processes well but may struggle to create them",
            ctx.names(&designers)
        ),
        "Let the owner or a sales leader hold process design, with the broader business in \
         mind; the sales manager installs and runs the process (process discipline)"
            .to_owned(),
    )]
}

/// `manager-owns-alignment`: in a split-roles stage a `sales-manager` holds
/// `marketing-alignment` or `cross-functional` and no member of a leading
/// function holds that tag. One finding per sales manager.
pub fn manager_owns_alignment(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::SplitRoles {
        return Vec::new();
    }
    let unled: ResponsibilitySet = [
        Responsibility::MarketingAlignment,
        Responsibility::CrossFunctional,
    ]
    .into_iter()
    .filter(|r| !leading_function_holds(ctx, *r))
    .collect();
    ctx.with_function(Function::SalesManager)
        .filter_map(|m| {
            let owned = ctx.responsibilities(m).intersection(unled);
            if owned.is_empty() {
                return None;
            }
            let name = ctx.name(m);
            Some(
                Hit::new(
                    &[m],
                    format!(
                        "{name} (sales manager) alone holds {}: a sales manager might lack the \
                         holistic view this needs",
                        tag_list(owned)
                    ),
                    format!(
                        "Let the owner or a sales leader hold {}; {name} works with {} in \
                         execution",
                        tag_list(owned),
                        it_or_them(owned)
                    ),
                )
                .about(owned),
            )
        })
        .collect()
}

/// `technical-scoping`: the stage has technical members, nobody who sets
/// direction holds cross-functional, and no technical member collaborates
/// with a member of the sales line.
pub fn technical_scoping(ctx: &StageContext) -> Vec<Hit> {
    let technical: Vec<_> = ctx.with_function(Function::Technical).collect();
    if technical.is_empty() {
        return Vec::new();
    }
    let bridged = ctx
        .nodes()
        .any(|n| ctx.sets_direction(n) && ctx.holds(n, Responsibility::CrossFunctional));
    let in_deals = technical.iter().any(|t| {
        ctx.collaborators(*t)
            .any(|other| ctx.function(other).is_sales_line())
    });
    if bridged || in_deals {
        return Vec::new();
    }
    vec![Hit::new(
        &technical,
        format!(
            "Nobody brings {} into deals: no leader holds cross-functional and no \
             collaboration line joins them to sales",
            ctx.names(&technical)
        ),
        "Give a leader cross-functional, or add a collaboration line from a technical member \
         to sales, so solutions are scoped and priced accurately"
            .to_owned(),
    )]
}

/// `founder-overload`: an owner holding both families has more than
/// `founder_overload_reports` direct reports.
pub fn founder_overload(ctx: &StageContext) -> Vec<Hit> {
    let limit = ctx.settings.founder_overload_reports as usize;
    ctx.with_function(Function::Owner)
        .filter(|n| ctx.hat(*n) == Hat::Both && ctx.facts(*n).reports > limit)
        .map(|n| {
            let name = ctx.name(n);
            Hit::new(
                &[n],
                format!(
                    "{name} leads and manages {} direct reports (more than {limit}): the demands \
                     of both roles become overwhelming",
                    ctx.facts(n).reports
                ),
                format!(
                    "Bring in a sales manager to take the management tags and the salespeople; \
                     {name} keeps vision, inspiration and strategy"
                ),
            )
        })
        .collect()
}

/// `responsibility-uncovered`: core tags nobody holds; `marketing-alignment`
/// is only needed where the stage has marketing.
pub fn responsibility_uncovered(ctx: &StageContext) -> Vec<Hit> {
    let uncovered = ctx.needed().difference(ctx.coverage());
    if uncovered.is_empty() {
        return Vec::new();
    }
    if ctx.coverage().is_empty() {
        // A fresh import: one plain sentence instead of twelve tags.
        return vec![
            Hit::new(
                &[],
                "This stage has no responsibilities yet: nobody holds any of the twelve".to_owned(),
                "Give people their responsibilities in the inspector, or start from \
                 Edit ▸ Suggest responsibilities… (leaders get the direction, sales managers \
                 the management)"
                    .to_owned(),
            )
            .about(uncovered),
        ];
    }
    vec![
        Hit::new(
            &[],
            format!("Nobody holds {} in this stage", tag_list(uncovered)),
            format!(
                "Give {} to the member who should own {}",
                tag_list(uncovered),
                it_or_them(uncovered)
            ),
        )
        .about(uncovered),
    ]
}

/// `function-hat-mismatch`: a growth leader without both families, a sales
/// manager with leadership but no management, or a sales leader with
/// management but no leadership.
pub fn function_hat_mismatch(ctx: &StageContext) -> Vec<Hit> {
    ctx.nodes()
        .filter_map(|n| {
            let leads = ctx.holds_family(n, TagFamily::Leadership);
            let manages = ctx.holds_family(n, TagFamily::Management);
            let name = ctx.name(n);
            let (message, fix) = match ctx.function(n) {
                Function::GrowthLeader if !(leads && manages) => (
                    format!(
                        "{name} is a growth leader but holds {}",
                        match ctx.hat(n) {
                            Hat::Leader => "no management responsibility",
                            Hat::Manager => "no leadership responsibility",
                            _ => "no responsibility at all",
                        }
                    ),
                    format!(
                        "Give {name} both leadership and management tags, or change the function"
                    ),
                ),
                Function::SalesManager if leads && !manages => (
                    format!("{name} is a sales manager but holds leadership and no management"),
                    format!("Give {name} the management tags, or make {name} a sales leader"),
                ),
                Function::SalesLeader if manages && !leads => (
                    format!("{name} is a sales leader but holds management and no leadership"),
                    format!("Give {name} the leadership tags, or make {name} a sales manager"),
                ),
                _ => return None,
            };
            Some(Hit::new(&[n], message, fix))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Function, Function::*, PlanBuilder, Responsibility, StageKind};
    use crate::rules::testing::run;

    fn split_with(owner: &[&str], manager: &[&str]) -> crate::model::Plan {
        PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, owner)
            .member("sm", SalesManager, manager)
            .reports("sm", "o")
            .build()
            .unwrap()
    }

    #[test]
    fn process_design_only_with_the_sales_manager() {
        let findings = run(
            &split_with(&["vision"], &["process-design", "metrics"]),
            "manager-designs-process",
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["sm"]);
        // A leading function holds it too.
        let shared = split_with(
            &["vision", "process-design"],
            &["process-design", "metrics"],
        );
        assert!(run(&shared, "manager-designs-process").is_empty());
        // A non-leading function holding it beside the manager does not help.
        let mut ops = split_with(&["vision"], &["process-design"]);
        ops.stages[0]
            .add_member({
                let mut m = crate::model::Member::new("ops", "ops", Operations);
                m.tags = vec![Responsibility::ProcessDesign.into()];
                m
            })
            .unwrap();
        assert_eq!(run(&ops, "manager-designs-process").len(), 1);
        // Outside split roles it is not judged.
        let mut custom = split_with(&["vision"], &["process-design"]);
        custom.stages[0].kind = StageKind::Custom;
        assert!(run(&custom, "manager-designs-process").is_empty());
    }

    #[test]
    fn alignment_or_cross_functional_only_with_the_sales_manager() {
        let plan = split_with(
            &["vision"],
            &["metrics", "marketing-alignment", "cross-functional"],
        );
        let findings = run(&plan, "manager-owns-alignment");
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .contains("cross-functional and marketing alignment")
        );
        // The owner holds one of them: only the other is a finding.
        let plan = split_with(
            &["vision", "cross-functional"],
            &["metrics", "marketing-alignment", "cross-functional"],
        );
        let findings = run(&plan, "manager-owns-alignment");
        assert_eq!(findings.len(), 1);
        assert!(!findings[0].message.contains("cross-functional"));
        // Near miss: the owner holds both.
        let plan = split_with(
            &["vision", "cross-functional", "marketing-alignment"],
            &["metrics", "marketing-alignment", "cross-functional"],
        );
        assert!(run(&plan, "manager-owns-alignment").is_empty());
    }

    fn technical(owner: &[&str]) -> PlanBuilder {
        PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, owner)
            .member("se", Technical, &[])
            .member("se2", Technical, &[])
            .member("ae", Sales, &[])
            .member("ops", Operations, &[])
            .reports("se", "o")
            .reports("se2", "o")
            .reports("ae", "o")
            .reports("ops", "o")
    }

    #[test]
    fn technical_people_need_a_bridge_to_sales() {
        let findings = run(
            &technical(&["vision"]).build().unwrap(),
            "technical-scoping",
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["se", "se2"]);
        // Lines between technical members, to oneself or outside the sales
        // line do not count.
        let plan = technical(&["vision"])
            .collaborates("se", "se2")
            .collaborates("se", "se")
            .collaborates("se2", "ops")
            .build()
            .unwrap();
        assert_eq!(run(&plan, "technical-scoping").len(), 1);
        // A line to sales does.
        let plan = technical(&["vision"])
            .collaborates("ae", "se2")
            .build()
            .unwrap();
        assert!(run(&plan, "technical-scoping").is_empty());
    }

    #[test]
    fn cross_functional_counts_only_with_someone_who_sets_direction() {
        assert!(
            run(
                &technical(&["cross-functional"]).build().unwrap(),
                "technical-scoping"
            )
            .is_empty()
        );
        let plan = technical(&["vision"])
            .member("sm", SalesManager, &["metrics", "cross-functional"])
            .reports("sm", "o")
            .build()
            .unwrap();
        assert_eq!(run(&plan, "technical-scoping").len(), 1);
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
            run(&plan(6, &["vision", "metrics"]), "founder-overload").len(),
            1
        );
        assert!(run(&plan(5, &["vision", "metrics"]), "founder-overload").is_empty());
        // A leader-only owner with many reports is not doing both jobs.
        assert!(run(&plan(6, &["vision"]), "founder-overload").is_empty());
    }

    #[test]
    fn uncovered_tags_are_listed_and_alignment_needs_marketing() {
        let all: Vec<&str> = Responsibility::ALL.iter().map(|r| r.id()).collect();
        let stage = |tags: &[&str], marketing: bool| {
            let b = PlanBuilder::new()
                .stage("s", StageKind::Custom)
                .member("o", Owner, tags);
            let b = if marketing {
                b.member("mk", Marketing, &[]).reports("mk", "o")
            } else {
                b
            };
            b.build().unwrap()
        };
        assert!(run(&stage(&all, true), "responsibility-uncovered").is_empty());
        // Nobody holds anything: one finding, in words, naming no tags.
        let none = run(&stage(&[], true), "responsibility-uncovered");
        assert_eq!(none.len(), 1);
        assert!(
            none[0].message.contains("no responsibilities yet"),
            "{}",
            none[0].message
        );
        assert!(!none[0].message.contains('`'), "{}", none[0].message);
        assert!(none[0].fix.contains("Suggest responsibilities"));
        let without =
            |gone: &str| -> Vec<&str> { all.iter().copied().filter(|t| *t != gone).collect() };
        let findings = run(
            &stage(&without("coaching"), false),
            "responsibility-uncovered",
        );
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("coaching"));
        assert!(findings[0].tags.contains(Responsibility::Coaching));
        // Without marketing, nobody needs to hold marketing-alignment.
        assert!(
            run(
                &stage(&without("marketing-alignment"), false),
                "responsibility-uncovered"
            )
            .is_empty()
        );
        assert_eq!(
            run(
                &stage(&without("marketing-alignment"), true),
                "responsibility-uncovered"
            )
            .len(),
            1
        );
    }

    #[test]
    fn titles_that_disagree_with_the_hats() {
        let one = |function: Function, tags: &[&str]| {
            let plan = PlanBuilder::new()
                .stage("s", StageKind::Custom)
                .member("m", function, tags)
                .build()
                .unwrap();
            run(&plan, "function-hat-mismatch").len()
        };
        assert_eq!(one(GrowthLeader, &["vision"]), 1);
        assert_eq!(one(GrowthLeader, &[]), 1);
        assert_eq!(one(GrowthLeader, &["vision", "metrics"]), 0);
        assert_eq!(one(SalesManager, &["strategy"]), 1);
        assert_eq!(one(SalesManager, &["strategy", "metrics"]), 0);
        assert_eq!(one(SalesManager, &[]), 0);
        assert_eq!(one(SalesLeader, &["coaching"]), 1);
        assert_eq!(one(SalesLeader, &["coaching", "vision"]), 0);
        assert_eq!(one(Owner, &["coaching"]), 0);
    }
}
