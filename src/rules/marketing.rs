//! Marketing rules: marketing belongs with leadership, and only
//! collaborates with a sales manager.

use super::context::StageContext;
use super::finding::Hit;
use crate::model::{Function, Responsibility, StageKind, TagFamily};

/// `marketing-reports-to-leader`: a marketing member reports to a manager
/// outside marketing who holds no leadership tag, when that manager holds a
/// management tag or has function `sales-manager` (untagged included). A
/// head of marketing's own reports are never judged here.
pub fn marketing_reports_to_leader(ctx: &StageContext) -> Vec<Hit> {
    let mut out = Vec::new();
    for node in ctx.with_function(Function::Marketing) {
        let Some(boss) = ctx.manager(node) else {
            continue;
        };
        if ctx.function(boss) == Function::Marketing
            || ctx.holds_family(boss, TagFamily::Leadership)
        {
            continue;
        }
        let manages = ctx.holds_family(boss, TagFamily::Management);
        if !manages && ctx.function(boss) != Function::SalesManager {
            continue;
        }
        let (who, boss_name) = (ctx.name(node), ctx.name(boss));
        let holds = if manages {
            "who holds management responsibilities and no leadership"
        } else {
            "a sales manager with no leadership responsibility"
        };
        out.push(Hit::new(
            &[node, boss],
            format!(
                "{who} (marketing) reports to {boss_name}, {holds}; marketing needs a leader \
                 who aligns its messaging with sales and delivery"
            ),
            format!(
                "Have {who} report to the owner, a sales leader or a growth leader, \
                 and collaborate with {boss_name} instead"
            ),
        ));
    }
    out
}

/// `marketing-alignment-owned`: the stage has marketing and no member who
/// sets direction holds marketing alignment (a sales manager holding it
/// alone does not count).
pub fn marketing_alignment_owned(ctx: &StageContext) -> Vec<Hit> {
    let marketing: Vec<_> = ctx.with_function(Function::Marketing).collect();
    if marketing.is_empty() {
        return Vec::new();
    }
    let owned = ctx
        .nodes()
        .any(|n| ctx.sets_direction(n) && ctx.holds(n, Responsibility::MarketingAlignment));
    if owned {
        return Vec::new();
    }
    let managers: Vec<_> = ctx
        .nodes()
        .filter(|n| ctx.holds(*n, Responsibility::MarketingAlignment))
        .collect();
    let message = if managers.is_empty() {
        "Nobody holds marketing alignment, so marketing messaging can drift away from what \
         sales sells and what delivery delivers"
            .to_owned()
    } else {
        format!(
            "Only {} holds marketing alignment, without setting direction; a manager rarely \
             has the full perspective to oversee that alignment",
            ctx.names(&managers)
        )
    };
    vec![Hit::new(
        &marketing,
        message,
        "Give marketing alignment to the owner, a sales leader or the growth leader".to_owned(),
    )]
}

/// `marketing-collaboration`: a split-roles stage with marketing and a
/// sales manager, but no collaboration line between any of them.
pub fn marketing_collaboration(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::SplitRoles {
        return Vec::new();
    }
    let marketing: Vec<_> = ctx.with_function(Function::Marketing).collect();
    let managers: Vec<_> = ctx.with_function(Function::SalesManager).collect();
    if marketing.is_empty() || managers.is_empty() {
        return Vec::new();
    }
    let linked = managers.iter().any(|m| {
        ctx.collaborators(*m)
            .any(|other| ctx.function(other) == Function::Marketing)
    });
    if linked {
        return Vec::new();
    }
    let members: Vec<_> = managers.iter().chain(&marketing).copied().collect();
    vec![Hit::new(
        &members,
        format!(
            "{} (sales {}) and marketing ({}) have no collaboration line",
            ctx.names(&managers),
            if managers.len() == 1 {
                "manager"
            } else {
                "managers"
            },
            ctx.names(&marketing)
        ),
        format!(
            "Add a collaborates-with line between {} and {} so campaigns and pipeline stay in step",
            ctx.names(&managers[..1]),
            ctx.names(&marketing[..1])
        ),
    )]
}

#[cfg(test)]
mod tests {
    use crate::model::{Function::*, PlanBuilder, StageKind};
    use crate::rules::Severity;
    use crate::rules::testing::run;

    const RULE: &str = "marketing-reports-to-leader";
    const ALIGNMENT: &str = "marketing-alignment-owned";
    const COLLAB: &str = "marketing-collaboration";

    /// Marketing `mk` reporting to `boss` (function, tags) under an owner
    /// who holds `vision` and marketing alignment.
    fn marketing_under(function: crate::model::Function, tags: &[&str]) -> PlanBuilder {
        PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &["vision", "marketing-alignment"])
            .member("boss", function, tags)
            .member("mk", Marketing, &[])
            .reports("boss", "o")
            .reports("mk", "boss")
    }

    #[test]
    fn marketing_under_a_manager_only_sales_manager_is_an_error() {
        let findings = run(
            &marketing_under(SalesManager, &["metrics"]).build().unwrap(),
            RULE,
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["mk", "boss"]);
        assert_eq!(findings[0].severity, Severity::Error);
    }

    #[test]
    fn an_untagged_sales_manager_counts() {
        let findings = run(&marketing_under(SalesManager, &[]).build().unwrap(), RULE);
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn any_management_holder_without_leadership_counts_whatever_the_title() {
        let plan = marketing_under(Operations, &["execution"]).build().unwrap();
        assert_eq!(run(&plan, RULE).len(), 1);
    }

    #[test]
    fn near_misses_for_the_reporting_rule() {
        // A head of marketing who tracks metrics: marketing reporting to
        // marketing is never judged here.
        let head = marketing_under(Marketing, &["metrics"]).build().unwrap();
        assert!(run(&head, RULE).is_empty());
        // A sales manager wearing both hats leads too.
        let both = marketing_under(SalesManager, &["execution", "strategy"]);
        assert!(run(&both.build().unwrap(), RULE).is_empty());
        // Any leadership tag, even marketing alignment alone, is a leader's.
        let aligned = marketing_under(SalesManager, &["metrics", "marketing-alignment"]);
        assert!(run(&aligned.build().unwrap(), RULE).is_empty());
        // An untagged member outside the sales manager function manages nothing.
        let untagged = marketing_under(Operations, &[]).build().unwrap();
        assert!(run(&untagged, RULE).is_empty());
        // Reporting straight to the owner.
        let owner = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &["vision", "execution"])
            .member("mk", Marketing, &[])
            .reports("mk", "o")
            .build()
            .unwrap();
        assert!(run(&owner, RULE).is_empty());
    }

    #[test]
    fn a_self_report_is_a_self_link_not_this() {
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("mk", Marketing, &["metrics"])
            .reports("mk", "mk")
            .build()
            .unwrap();
        assert!(run(&plan, RULE).is_empty());
        assert_eq!(run(&plan, "self-link").len(), 1);
    }

    #[test]
    fn the_head_of_marketings_own_line_is_judged() {
        let plan = marketing_under(SalesManager, &["metrics"])
            .member("coord", Marketing, &[])
            .reports("coord", "mk")
            .build()
            .unwrap();
        let findings = run(&plan, RULE);
        assert_eq!(findings.len(), 1, "only mk → boss, not coord → mk");
        assert_eq!(findings[0].members, ["mk", "boss"]);
    }

    fn alignment_plan(holder: crate::model::Function, tags: &[&str]) -> PlanBuilder {
        PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &["vision"])
            .member("h", holder, tags)
            .member("mk", Marketing, &[])
            .reports("h", "o")
            .reports("mk", "o")
    }

    #[test]
    fn alignment_held_by_a_manager_alone_is_a_finding() {
        // Holding marketing alignment gives a leader hat, but a sales
        // manager with only `metrics` beside it does not set direction.
        let plan = alignment_plan(SalesManager, &["metrics", "marketing-alignment"]);
        let findings = run(&plan.build().unwrap(), ALIGNMENT);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["mk"]);
        // Nobody holds it at all.
        let nobody = alignment_plan(SalesManager, &["metrics"]).build().unwrap();
        assert_eq!(run(&nobody, ALIGNMENT).len(), 1);
    }

    #[test]
    fn alignment_near_misses() {
        // A leading function holds it.
        let leader = alignment_plan(SalesLeader, &["marketing-alignment"]);
        assert!(run(&leader.build().unwrap(), ALIGNMENT).is_empty());
        // A sales manager who also holds a direction tag sets direction.
        let directing = alignment_plan(SalesManager, &["strategy", "marketing-alignment"]);
        assert!(run(&directing.build().unwrap(), ALIGNMENT).is_empty());
        // No marketing in the stage: nothing to align.
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &["vision"])
            .build()
            .unwrap();
        assert!(run(&plan, ALIGNMENT).is_empty());
    }

    fn collaboration_plan(kind: StageKind, collaborate: bool) -> crate::model::Plan {
        let b = PlanBuilder::new()
            .stage("s", kind)
            .member("o", Owner, &["vision"])
            .member("sm", SalesManager, &["metrics"])
            .member("mk", Marketing, &[])
            .reports("sm", "o")
            .reports("mk", "o");
        let b = if collaborate {
            b.collaborates("mk", "sm")
        } else {
            b
        };
        b.build().unwrap()
    }

    #[test]
    fn split_roles_marketing_and_manager_should_collaborate() {
        let findings = run(&collaboration_plan(StageKind::SplitRoles, false), COLLAB);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["sm", "mk"]);
        assert!(run(&collaboration_plan(StageKind::SplitRoles, true), COLLAB).is_empty());
        assert!(run(&collaboration_plan(StageKind::Converged, false), COLLAB).is_empty());
    }

    #[test]
    fn one_line_between_any_marketing_member_and_any_manager_is_enough() {
        let plan = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, &["vision"])
            .member("sm1", SalesManager, &["metrics"])
            .member("sm2", SalesManager, &["metrics"])
            .member("mk1", Marketing, &[])
            .member("mk2", Marketing, &[])
            .reports("sm1", "o")
            .reports("sm2", "o")
            .reports("mk1", "o")
            .reports("mk2", "mk1")
            .collaborates("sm2", "mk2")
            .build()
            .unwrap();
        assert!(run(&plan, COLLAB).is_empty());
        // A line between two marketing members does not count.
        let plan = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, &["vision"])
            .member("sm", SalesManager, &["metrics"])
            .member("mk1", Marketing, &[])
            .member("mk2", Marketing, &[])
            .reports("sm", "o")
            .reports("mk1", "o")
            .collaborates("mk1", "mk2")
            .build()
            .unwrap();
        assert_eq!(run(&plan, COLLAB).len(), 1);
    }
}
