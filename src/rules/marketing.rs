//! Marketing rules: marketing belongs with leadership, not with a
//! management-only sales manager.

use super::context::StageContext;
use super::finding::{Finding, Severity};
use crate::model::{Function, Hat, Responsibility, StageKind};

/// `marketing-reports-to-leader` (error): a marketing member reports to a
/// member whose hat is *manager* only. The hat decides, not the title.
pub fn marketing_reports_to_leader(ctx: &StageContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for node in ctx.with_function(Function::Marketing) {
        let Some(manager) = ctx.facts(node).manager else {
            continue;
        };
        if ctx.hat(manager) != Hat::Manager {
            continue;
        }
        let (who, boss) = (ctx.name(node), ctx.name(manager));
        out.push(ctx.finding(
            "marketing-reports-to-leader",
            Severity::Error,
            &[node, manager],
            format!(
                "{who} (marketing) reports to {boss}, who holds management responsibilities only; \
                 marketing needs a leader who sets direction and aligns messaging"
            ),
            format!(
                "Have {who} report to the owner, a sales leader or a growth leader, \
                 and collaborate with {boss} instead"
            ),
        ));
    }
    out
}

/// `marketing-alignment-owned` (warning): the stage has marketing but no
/// leader (or both) hat holds `marketing-alignment`.
pub fn marketing_alignment_owned(ctx: &StageContext) -> Vec<Finding> {
    let marketing: Vec<_> = ctx.with_function(Function::Marketing).collect();
    if marketing.is_empty() {
        return Vec::new();
    }
    let owned = ctx
        .nodes()
        .any(|n| ctx.hat(n).leads() && ctx.holds(n, Responsibility::MarketingAlignment));
    if owned {
        return Vec::new();
    }
    vec![
        ctx.finding(
            "marketing-alignment-owned",
            Severity::Warning,
            &marketing,
            "Nobody in a leadership role holds `marketing-alignment`, so marketing messaging \
         can drift away from what sales sells and what delivery delivers"
                .to_owned(),
            "Give `marketing-alignment` to the owner, a sales leader or the growth leader"
                .to_owned(),
        ),
    ]
}

/// `marketing-collaboration` (info): in a split-roles stage, a sales manager
/// has no collaboration line with any marketing member.
pub fn marketing_collaboration(ctx: &StageContext) -> Vec<Finding> {
    if ctx.stage.kind != StageKind::SplitRoles {
        return Vec::new();
    }
    let marketing: Vec<_> = ctx.with_function(Function::Marketing).collect();
    if marketing.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for manager in ctx.with_function(Function::SalesManager) {
        let works_with_marketing = ctx
            .collaborators(manager)
            .any(|other| ctx.member(other).function == Function::Marketing);
        if works_with_marketing {
            continue;
        }
        let name = ctx.name(manager);
        out.push(ctx.finding(
            "marketing-collaboration",
            Severity::Info,
            &[manager],
            format!("{name} (sales manager) has no collaboration line with marketing"),
            format!(
                "Add a collaborates-with line between {name} and {} so campaigns \
                 and pipeline stay in step",
                ctx.names(&marketing)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function::*, PlanBuilder, StageKind};
    use crate::rules::testing::{rule_ids, run};

    const MGMT: &[&str] = &["execution", "metrics"];
    const LEAD: &[&str] = &["vision", "marketing-alignment"];

    #[test]
    fn marketing_under_a_manager_only_hat_is_an_error() {
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("owner", Owner, LEAD)
            .member("sm", SalesManager, MGMT)
            .member("mk", Marketing, &[])
            .reports("sm", "owner")
            .reports("mk", "sm")
            .build()
            .unwrap();
        let findings = run(&plan, marketing_reports_to_leader);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["mk", "sm"]);
        assert_eq!(findings[0].severity, Severity::Error);
    }

    #[test]
    fn near_miss_sales_manager_wearing_both_hats() {
        // Function says sales manager, tags say leader and manager: fine.
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("sm", SalesManager, &["execution", "strategy"])
            .member("mk", Marketing, &[])
            .reports("mk", "sm")
            .build()
            .unwrap();
        assert!(run(&plan, marketing_reports_to_leader).is_empty());
    }

    #[test]
    fn alignment_must_be_held_by_a_leader() {
        let base = || {
            PlanBuilder::new()
                .stage("s", StageKind::Custom)
                .member("mk", Marketing, &[])
        };
        // Held by a manager-only member: still a finding.
        let plan = base()
            .member("sm", SalesManager, &["metrics", "marketing-alignment"])
            .build()
            .unwrap();
        // marketing-alignment is a leadership tag, so that member is "both": fine.
        assert!(run(&plan, marketing_alignment_owned).is_empty());
        let plan = base().member("o", Owner, &["vision"]).build().unwrap();
        assert_eq!(
            rule_ids(&run(&plan, marketing_alignment_owned)),
            ["marketing-alignment-owned"]
        );
        // Near miss: no marketing, no finding.
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &["vision"])
            .build()
            .unwrap();
        assert!(run(&plan, marketing_alignment_owned).is_empty());
    }

    #[test]
    fn split_roles_manager_should_collaborate_with_marketing() {
        let plan = |collab: bool, kind| {
            let b = PlanBuilder::new()
                .stage("s", kind)
                .member("sm", SalesManager, MGMT)
                .member("mk", Marketing, &[]);
            let b = if collab {
                b.collaborates("mk", "sm")
            } else {
                b
            };
            b.build().unwrap()
        };
        assert_eq!(
            run(&plan(false, StageKind::SplitRoles), marketing_collaboration).len(),
            1
        );
        assert!(run(&plan(true, StageKind::SplitRoles), marketing_collaboration).is_empty());
        assert!(run(&plan(false, StageKind::Converged), marketing_collaboration).is_empty());
    }
}
