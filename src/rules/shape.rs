//! Stage-shape rules: each stage kind promises a shape of leadership and
//! management (founder-led, split roles, converged).

use petgraph::stable_graph::NodeIndex;

use super::context::{StageContext, tag_list};
use super::finding::Hit;
use crate::model::{DIRECTION_TAGS, Function, Hat, ResponsibilitySet, StageKind, TagFamily};

/// `founder-led-shape`: in a founder-led stage no owner holds both
/// families (one owner holding both is enough); no owner at all is a
/// finding too.
pub fn founder_led_shape(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::FounderLed {
        return Vec::new();
    }
    let owners: Vec<_> = ctx.with_function(Function::Owner).collect();
    if owners.is_empty() {
        return vec![Hit::new(
            &[],
            "This founder-led stage has no owner to lead and manage the first salespeople"
                .to_owned(),
            "Add the founder with the function Owner, or change the stage kind".to_owned(),
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
    let message = match owners.as_slice() {
        [owner] => format!(
            "In a founder-led stage the owner leads and manages, but {} holds no {} \
             responsibility",
            ctx.name(*owner),
            missing(*owner)
        ),
        several => format!(
            "In a founder-led stage the owner leads and manages, but none of the owners ({}) \
             holds both families",
            ctx.names(several)
        ),
    };
    vec![Hit::new(
        &owners,
        message,
        format!(
            "Give {} the missing {} tags, or mark the stage as split roles",
            ctx.name(owners[0]),
            missing(owners[0])
        ),
    )]
}

/// The leaders a split-roles stage is built around: an `owner` or
/// `sales-leader` holding a direction tag.
fn split_leaders(ctx: &StageContext) -> Vec<NodeIndex> {
    ctx.nodes()
        .filter(|n| {
            matches!(ctx.function(*n), Function::Owner | Function::SalesLeader)
                && ctx.responsibilities(*n).intersects(DIRECTION_TAGS)
        })
        .collect()
}

/// `split-roles-shape`: a split-roles stage needs (a) a leader, an owner or
/// sales leader holding a direction tag; (b) a `sales-manager` holding
/// management tags and reporting directly to such a leader; (c) leaders
/// holding no management tags. One finding per missing part.
pub fn split_roles_shape(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::SplitRoles {
        return Vec::new();
    }
    let leaders = split_leaders(ctx);
    let mut out = Vec::new();
    if leaders.is_empty() {
        out.push(Hit::new(
            &[],
            "In this split-roles stage neither the owner nor a sales leader holds vision, \
             inspiration or strategy"
                .to_owned(),
            "Give the owner (or a sales leader) vision, inspiration and strategy".to_owned(),
        ));
    }
    let managers: Vec<_> = ctx.with_function(Function::SalesManager).collect();
    let managing: Vec<_> = managers
        .iter()
        .copied()
        .filter(|m| ctx.holds_family(*m, TagFamily::Management))
        .collect();
    let in_place = managing
        .iter()
        .any(|m| ctx.manager(*m).is_some_and(|boss| leaders.contains(&boss)));
    if !in_place {
        out.push(missing_manager(ctx, &managers, &managing, &leaders));
    }
    let juggling: Vec<_> = leaders
        .iter()
        .copied()
        .filter(|l| ctx.holds_family(*l, TagFamily::Management))
        .collect();
    if !juggling.is_empty() {
        let management = juggling
            .iter()
            .map(|l| ctx.responsibilities(*l).of_family(TagFamily::Management))
            .fold(ResponsibilitySet::EMPTY, ResponsibilitySet::union);
        out.push(Hit::new(
            &juggling,
            format!(
                "{} {} juggling both: leadership and management ({})",
                ctx.names(&juggling),
                if juggling.len() == 1 { "is" } else { "are" },
                tag_list(management)
            ),
            format!(
                "Hand {} to the sales manager, so the leader can focus on inspiration and \
                 strategic direction",
                tag_list(management)
            ),
        ));
    }
    out
}

/// The finding for part (b): what is missing of a managing sales manager
/// reporting directly to a leader.
fn missing_manager(
    ctx: &StageContext,
    managers: &[NodeIndex],
    managing: &[NodeIndex],
    leaders: &[NodeIndex],
) -> Hit {
    let leader_words = if leaders.is_empty() {
        "the owner".to_owned()
    } else {
        ctx.names(leaders)
    };
    if managers.is_empty() {
        return Hit::new(
            leaders,
            "This split-roles stage has no sales manager to take over management".to_owned(),
            format!(
                "Add a sales manager with execution, rigor, process discipline, metrics, \
                 accountability and coaching, reporting to {leader_words}"
            ),
        );
    }
    if managing.is_empty() {
        return Hit::new(
            managers,
            format!(
                "{} (sales manager) holds no management responsibility",
                ctx.names(managers)
            ),
            format!(
                "Give {} the management tags: execution, rigor, process discipline, metrics, \
                 accountability, coaching",
                ctx.names(&managers[..1])
            ),
        );
    }
    Hit::new(
        managing,
        format!(
            "{} (sales manager) does not report directly to a leader who sets the direction",
            ctx.names(managing)
        ),
        format!(
            "Let {} report directly to {leader_words}",
            ctx.names(&managing[..1])
        ),
    )
}

/// The members a converged stage counts as wearing both hats: function
/// `growth-leader`, `sales-leader` or `sales-manager`, holding both families.
pub(super) fn converged_leaders(ctx: &StageContext) -> Vec<NodeIndex> {
    let leaders = ctx
        .nodes()
        .filter(|n| {
            matches!(
                ctx.function(*n),
                Function::GrowthLeader | Function::SalesLeader | Function::SalesManager
            ) && ctx.hat(*n) == Hat::Both
        })
        .collect();
    ctx.by_id(leaders)
}

/// `converged-shape`: in a converged stage exactly one growth leader, sales
/// leader or sales manager holds both families. Owners are not counted.
pub fn converged_shape(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.kind != StageKind::Converged {
        return Vec::new();
    }
    match converged_leaders(ctx).as_slice() {
        [] => {
            let growth: Vec<_> = ctx.with_function(Function::GrowthLeader).collect();
            vec![Hit::new(
                &growth,
                "Nobody holds both hats yet: in a converged stage one growth leader holds \
                 leadership and management"
                    .to_owned(),
                "Give the growth leader both the leadership and the management tags".to_owned(),
            )]
        }
        [_] => Vec::new(),
        several => vec![Hit::new(
            several,
            format!(
                "The hats are split again: {} {} hold leadership and management",
                ctx.names(several),
                if several.len() == 2 { "both" } else { "all" }
            ),
            "Keep both families with one growth leader; give the others leadership or \
             management, not both"
                .to_owned(),
        )],
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Function, Function::*, PlanBuilder, StageKind};
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
        let findings = run(&plan(LEAD), "founder-led-shape");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("no management"));
        assert!(run(&plan(BOTH), "founder-led-shape").is_empty());
        // The same owner in a custom stage is not judged.
        let mut custom = plan(LEAD);
        custom.stages[0].kind = StageKind::Custom;
        assert!(run(&custom, "founder-led-shape").is_empty());
    }

    #[test]
    fn founder_led_without_an_owner_has_its_own_message() {
        let no_owner = PlanBuilder::new()
            .stage("s", StageKind::FounderLed)
            .member("a", Sales, &[])
            .build()
            .unwrap();
        let findings = run(&no_owner, "founder-led-shape");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("no owner"));
    }

    #[test]
    fn with_several_owners_one_holding_both_is_enough() {
        let plan = |second: &[&str]| {
            PlanBuilder::new()
                .stage("s", StageKind::FounderLed)
                .member("o1", Owner, LEAD)
                .member("o2", Owner, second)
                .collaborates("o1", "o2")
                .build()
                .unwrap()
        };
        assert!(run(&plan(BOTH), "founder-led-shape").is_empty());
        let findings = run(&plan(MGMT), "founder-led-shape");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["o1", "o2"]);
    }

    fn split(
        owner: &[&str],
        manager: Function,
        manager_tags: &[&str],
        report: bool,
    ) -> PlanBuilder {
        let b = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, owner)
            .member("sm", manager, manager_tags);
        if report { b.reports("sm", "o") } else { b }
    }

    #[test]
    fn split_roles_in_shape() {
        let good = split(LEAD, SalesManager, MGMT, true).build().unwrap();
        assert!(run(&good, "split-roles-shape").is_empty());
        // A sales leader can be the leader too.
        let plan = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, &[])
            .member("sl", SalesLeader, &["inspiration"])
            .member("sm", SalesManager, MGMT)
            .reports("sl", "o")
            .reports("sm", "sl")
            .build()
            .unwrap();
        assert!(run(&plan, "split-roles-shape").is_empty());
    }

    #[test]
    fn split_roles_without_a_leader_holding_a_direction_tag() {
        // `process-design` is leadership but not direction.
        let plan = split(&["process-design"], SalesManager, MGMT, true)
            .build()
            .unwrap();
        let messages: Vec<_> = run(&plan, "split-roles-shape")
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert!(messages[0].contains("neither the owner nor a sales leader"));
        // With no such leader, the manager reports to no leader either: (b).
        assert_eq!(messages.len(), 2, "{messages:?}");
    }

    #[test]
    fn split_roles_needs_a_managing_sales_manager_reporting_to_the_leader() {
        let detached = split(LEAD, SalesManager, MGMT, false).build().unwrap();
        let findings = run(&detached, "split-roles-shape");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["sm"]);
        assert!(findings[0].message.contains("does not report directly"));
        // An untagged sales manager does not take management.
        let untagged = split(LEAD, SalesManager, &[], true).build().unwrap();
        assert!(
            run(&untagged, "split-roles-shape")[0]
                .message
                .contains("no management")
        );
        // Management held by someone who is not a sales manager is not part (b).
        let ops = split(LEAD, Operations, MGMT, true).build().unwrap();
        assert!(
            run(&ops, "split-roles-shape")[0]
                .message
                .contains("no sales manager")
        );
    }

    #[test]
    fn split_roles_leader_juggling_both() {
        let juggling = split(BOTH, SalesManager, MGMT, true).build().unwrap();
        let findings = run(&juggling, "split-roles-shape");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("juggling both"));
        assert_eq!(findings[0].members, ["o"]);
    }

    fn converged(extra: Option<(Function, &'static [&'static str])>, gl: &[&str]) -> PlanBuilder {
        let b = PlanBuilder::new()
            .stage("s", StageKind::Converged)
            .member("o", Owner, &["vision"])
            .member("gl", GrowthLeader, gl)
            .reports("gl", "o");
        match extra {
            Some((function, tags)) => b.member("x", function, tags).reports("x", "gl"),
            None => b,
        }
    }

    #[test]
    fn converged_wants_exactly_one_of_the_counted_functions_with_both_hats() {
        assert!(run(&converged(None, BOTH).build().unwrap(), "converged-shape").is_empty());
        let split_again = converged(Some((SalesManager, BOTH)), BOTH).build().unwrap();
        let findings = run(&split_again, "converged-shape");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["gl", "x"]);
        assert!(findings[0].message.contains("split again"));
        let nobody = converged(None, LEAD).build().unwrap();
        let findings = run(&nobody, "converged-shape");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("Nobody holds both hats yet"));
    }

    #[test]
    fn converged_counts_neither_owners_nor_other_functions() {
        // A head of customer success with both hats does not split the hats.
        let cs = converged(Some((ServiceDelivery, BOTH)), BOTH)
            .build()
            .unwrap();
        assert!(run(&cs, "converged-shape").is_empty());
        // Only the owner wears both hats: nobody counted does.
        let owner_only = PlanBuilder::new()
            .stage("s", StageKind::Converged)
            .member("o", Owner, BOTH)
            .member("gl", GrowthLeader, LEAD)
            .reports("gl", "o")
            .build()
            .unwrap();
        assert_eq!(run(&owner_only, "converged-shape").len(), 1);
    }
}
