//! Stage-shape rules: each stage kind promises a shape of leadership and
//! management (founder-led, split roles, converged).

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

use super::context::{StageContext, tag_list};
use super::finding::{Finding, Severity};
use crate::model::{Function, Hat, StageKind, TagFamily};

/// `founder-led-shape` (warning): in a founder-led stage the owner holds
/// both families.
pub fn founder_led_shape(ctx: &StageContext) -> Vec<Finding> {
    const RULE: &str = "founder-led-shape";
    if ctx.stage.kind != StageKind::FounderLed || ctx.stage.member_count() == 0 {
        return Vec::new();
    }
    let owners: Vec<_> = ctx.with_function(Function::Owner).collect();
    if owners.is_empty() {
        return vec![ctx.finding(
            RULE,
            Severity::Warning,
            &[],
            "This founder-led stage has no owner".to_owned(),
            "Add the founder with function `owner`, or change the stage kind".to_owned(),
        )];
    }
    if owners.iter().any(|o| ctx.hat(*o) == Hat::Both) {
        return Vec::new();
    }
    let missing = |o: NodeIndex| match ctx.hat(o) {
        Hat::Leader => "management",
        Hat::Manager => "leadership",
        _ => "leadership and management",
    };
    let owner = owners[0];
    vec![ctx.finding(
        RULE,
        Severity::Warning,
        &owners,
        format!(
            "In a founder-led stage the owner leads and manages, but {} holds no {} responsibility",
            ctx.name(owner),
            missing(owner)
        ),
        format!(
            "Give {} the missing {} tags, or mark the stage as split roles",
            ctx.name(owner),
            missing(owner)
        ),
    )]
}

/// Owners and sales leaders who hold leadership: the leaders a split-roles
/// stage is built around.
fn split_leaders(ctx: &StageContext) -> Vec<NodeIndex> {
    ctx.nodes()
        .filter(|n| {
            matches!(
                ctx.member(*n).function,
                Function::Owner | Function::SalesLeader
            ) && ctx.holds_family(*n, TagFamily::Leadership)
        })
        .collect()
}

/// `split-roles-shape` (warning): leadership with the owner or a sales
/// leader, management with a different member who reports to them.
pub fn split_roles_shape(ctx: &StageContext) -> Vec<Finding> {
    const RULE: &str = "split-roles-shape";
    if ctx.stage.kind != StageKind::SplitRoles || ctx.stage.member_count() == 0 {
        return Vec::new();
    }
    let leaders = split_leaders(ctx);
    let mut is_leader = vec![false; ctx.stage.graph().node_bound()];
    for leader in &leaders {
        is_leader[leader.index()] = true;
    }
    let mut out = Vec::new();
    if leaders.is_empty() {
        out.push(
            ctx.finding(
                RULE,
                Severity::Warning,
                &[],
                "In this split-roles stage neither the owner nor a sales leader holds leadership \
             (vision, inspiration, strategy, process design)"
                    .to_owned(),
                "Give the owner or a sales leader the leadership tags".to_owned(),
            ),
        );
    }
    for &leader in &leaders {
        let management = ctx
            .facts(leader)
            .responsibilities
            .of_family(TagFamily::Management);
        if !management.is_empty() {
            let name = ctx.name(leader);
            out.push(ctx.finding(
                RULE,
                Severity::Warning,
                &[leader],
                format!(
                    "{name} is juggling both: leadership and management ({})",
                    tag_list(management)
                ),
                format!(
                    "Hand {} to the sales manager reporting to {name}",
                    tag_list(management)
                ),
            ));
        }
    }
    let managers: Vec<_> = ctx
        .nodes()
        .filter(|n| !is_leader[n.index()] && ctx.holds_family(*n, TagFamily::Management))
        .collect();
    let reports_to_leader = |n: &NodeIndex| {
        ctx.facts(*n)
            .manager
            .is_some_and(|boss| is_leader[boss.index()])
    };
    if managers.is_empty() {
        out.push(ctx.finding(
            RULE,
            Severity::Warning,
            &leaders,
            "Nobody besides the leader holds management (execution, rigor, process discipline, \
             metrics, accountability, coaching)"
                .to_owned(),
            "Add a sales manager with the management tags, reporting to the leader".to_owned(),
        ));
    } else if !leaders.is_empty() && !managers.iter().any(reports_to_leader) {
        out.push(ctx.finding(
            RULE,
            Severity::Warning,
            &managers,
            format!(
                "{} {} management but nobody holding management reports to {}",
                ctx.names(&managers),
                if managers.len() == 1 { "holds" } else { "hold" },
                ctx.names(&leaders)
            ),
            format!(
                "Let the sales manager report directly to {}",
                ctx.names(&leaders)
            ),
        ));
    }
    out
}

/// `converged-shape` (warning): exactly one member holds both families, and
/// nobody else duplicates that growth leader's leadership tags.
pub fn converged_shape(ctx: &StageContext) -> Vec<Finding> {
    const RULE: &str = "converged-shape";
    if ctx.stage.kind != StageKind::Converged || ctx.stage.member_count() == 0 {
        return Vec::new();
    }
    let both: Vec<_> = ctx.nodes().filter(|n| ctx.hat(*n) == Hat::Both).collect();
    match both.as_slice() {
        [] => vec![ctx.finding(
            RULE,
            Severity::Warning,
            &[],
            "In this converged stage nobody holds both leadership and management".to_owned(),
            "Give the growth leader both the leadership and the management tags".to_owned(),
        )],
        [leader] => {
            let leadership = ctx
                .facts(*leader)
                .responsibilities
                .of_family(TagFamily::Leadership);
            ctx.nodes()
                .filter(|n| n != leader)
                .filter_map(|n| {
                    let shared = ctx.facts(n).responsibilities.intersection(leadership);
                    (!shared.is_empty()).then(|| {
                        ctx.finding(
                            RULE,
                            Severity::Warning,
                            &[n, *leader],
                            format!(
                                "{} also holds {}, which the growth leader {} holds",
                                ctx.name(n),
                                tag_list(shared),
                                ctx.name(*leader)
                            ),
                            format!(
                                "Leave {} with {} alone, or remove them from {}",
                                tag_list(shared),
                                ctx.name(*leader),
                                ctx.name(n)
                            ),
                        )
                    })
                })
                .collect()
        }
        several => {
            vec![ctx.finding(
            RULE,
            Severity::Warning,
            several,
            format!(
                "In a converged stage one growth leader holds both leadership and management, \
                 but {} all do",
                ctx.names(several)
            ),
            "Keep both families with the growth leader; give the others leadership or \
             management, not both"
                .to_owned(),
        )]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function::*, PlanBuilder};
    use crate::rules::testing::run;

    const LEAD: &[&str] = &["vision", "strategy", "process-design"];
    const MGMT: &[&str] = &["execution", "metrics"];
    const BOTH: &[&str] = &["vision", "strategy", "execution", "metrics"];

    #[test]
    fn founder_led_owner_must_hold_both() {
        let plan = |tags| {
            PlanBuilder::new()
                .stage("s", StageKind::FounderLed)
                .member("o", Owner, tags)
                .build()
                .unwrap()
        };
        let findings = run(&plan(LEAD), founder_led_shape);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("no management"));
        assert!(run(&plan(BOTH), founder_led_shape).is_empty());
        let no_owner = PlanBuilder::new()
            .stage("s", StageKind::FounderLed)
            .member("a", Sales, &[])
            .build()
            .unwrap();
        assert_eq!(run(&no_owner, founder_led_shape).len(), 1);
    }

    #[test]
    fn split_roles_wants_a_separate_manager_reporting_to_the_leader() {
        let good = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, LEAD)
            .member("sm", SalesManager, MGMT)
            .reports("sm", "o")
            .build()
            .unwrap();
        assert!(run(&good, split_roles_shape).is_empty());

        let juggling = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, BOTH)
            .member("sm", SalesManager, MGMT)
            .reports("sm", "o")
            .build()
            .unwrap();
        let findings = run(&juggling, split_roles_shape);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("juggling both"));

        let detached = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, LEAD)
            .member("sm", SalesManager, MGMT)
            .build()
            .unwrap();
        assert_eq!(run(&detached, split_roles_shape)[0].members, ["sm"]);

        let no_manager = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, LEAD)
            .build()
            .unwrap();
        assert_eq!(run(&no_manager, split_roles_shape).len(), 1);
    }

    #[test]
    fn converged_wants_exactly_one_both_hat_without_duplicates() {
        let build = |owner_tags: &[&str], second_both: bool| {
            let b = PlanBuilder::new()
                .stage("s", StageKind::Converged)
                .member("o", Owner, owner_tags)
                .member("gl", GrowthLeader, BOTH)
                .reports("gl", "o");
            let b = if second_both {
                b.member("x", SalesManager, BOTH).reports("x", "gl")
            } else {
                b
            };
            b.build().unwrap()
        };
        assert!(run(&build(&["inspiration"], false), converged_shape).is_empty());
        let dup = run(&build(&["vision"], false), converged_shape);
        assert_eq!(dup.len(), 1);
        assert_eq!(dup[0].members, ["o", "gl"]);
        let several = run(&build(&[], true), converged_shape);
        assert_eq!(several.len(), 1);
        assert_eq!(several[0].members, ["gl", "x"]);
        let none = PlanBuilder::new()
            .stage("s", StageKind::Converged)
            .member("o", Owner, LEAD)
            .build()
            .unwrap();
        assert_eq!(run(&none, converged_shape).len(), 1);
    }
}
