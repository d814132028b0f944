//! Structure rules: the reporting lines form a tree a team can work in.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::context::StageContext;
use super::finding::Hit;

/// `reporting-cycle` (error): reporting lines that go round in a circle.
/// Linear: each member has at most one manager, so each walk up the chain
/// stops at a member already seen.
pub fn reporting_cycle(ctx: &StageContext) -> Vec<Hit> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut marks = vec![Mark::New; ctx.stage.graph().node_bound()];
    let mut out = Vec::new();
    let mut path: Vec<NodeIndex> = Vec::new();
    for start in ctx.nodes() {
        path.clear();
        let mut current = Some(start);
        while let Some(node) = current {
            match marks[node.index()] {
                Mark::Done => break,
                Mark::OnPath => {
                    let from = path.iter().position(|n| *n == node).unwrap_or(0);
                    out.push(cycle_finding(ctx, &path[from..]));
                    break;
                }
                Mark::New => {
                    marks[node.index()] = Mark::OnPath;
                    path.push(node);
                    current = ctx.facts(node).manager;
                }
            }
        }
        for node in &path {
            marks[node.index()] = Mark::Done;
        }
    }
    out
}

fn cycle_finding(ctx: &StageContext, cycle: &[NodeIndex]) -> Hit {
    let mut chain: Vec<&str> = cycle.iter().map(|n| ctx.name(*n)).collect();
    chain.push(ctx.name(cycle[0]));
    Hit::new(
        cycle,
        format!(
            "Reporting lines go round in a circle: {}",
            chain.join(" → ")
        ),
        format!(
            "Remove one of these reporting lines; for example let {} report to someone outside the circle",
            ctx.name(cycle[0])
        ),
    )
}

/// `multiple-roots` (warning): more than one member without a manager;
/// members without any line (orphans) are not counted.
pub fn multiple_roots(ctx: &StageContext) -> Vec<Hit> {
    let roots: Vec<_> = ctx
        .nodes()
        .filter(|n| {
            let facts = ctx.facts(*n);
            facts.manager.is_none() && facts.lines > 0
        })
        .collect();
    if roots.len() < 2 {
        return Vec::new();
    }
    vec![Hit::new(
        &roots,
        format!(
            "The stage has {} separate reporting trees, headed by {}",
            roots.len(),
            ctx.names(&roots)
        ),
        "Let all but one of them report to the head of the organisation".to_owned(),
    )]
}

/// `orphan` (warning): a member with no lines at all, in a stage of more
/// than one member.
pub fn orphan(ctx: &StageContext) -> Vec<Hit> {
    if ctx.stage.member_count() < 2 {
        return Vec::new();
    }
    ctx.nodes()
        .filter(|n| ctx.facts(*n).lines == 0)
        .map(|n| {
            let name = ctx.name(n);
            Hit::new(
                &[n],
                format!("{name} has no reporting or collaboration line"),
                format!("Choose who {name} reports to"),
            )
        })
        .collect()
}

/// `self-link` (error): a line of either kind from a member to itself.
pub fn self_link(ctx: &StageContext) -> Vec<Hit> {
    ctx.stage
        .graph()
        .edge_references()
        .filter(|e| e.source() == e.target())
        .map(|e| {
            let name = ctx.name(e.source());
            Hit::new(
                &[e.source()],
                format!("{name} has a \"{}\" line to themself", e.weight().label()),
                "Remove the line, or point it at the intended colleague".to_owned(),
            )
        })
        .collect()
}

/// `span-of-control` (warning): more than `max_direct_reports` direct reports.
pub fn span_of_control(ctx: &StageContext) -> Vec<Hit> {
    let max = ctx.settings.max_direct_reports as usize;
    ctx.nodes()
        .filter(|n| ctx.facts(*n).reports > max)
        .map(|n| {
            let name = ctx.name(n);
            Hit::new(
                &[n],
                format!(
                    "{name} has {} direct reports, more than the {max} one person can coach well",
                    ctx.facts(n).reports
                ),
                format!("Add a team lead under {name} or move some reports to another manager"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Function::*, PlanBuilder, StageKind};
    use crate::rules::testing::run;

    fn team(n: usize) -> PlanBuilder {
        let mut b = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("boss", Owner, &[]);
        for i in 0..n {
            let id = format!("r{i}");
            b = b.member(&id, Sales, &[]).reports(&id, "boss");
        }
        b
    }

    #[test]
    fn cycles_are_found_once_each_and_trees_are_not_cycles() {
        let plan = team(3)
            .member("a", Sales, &[])
            .member("b", Sales, &[])
            .member("c", Sales, &[])
            .reports("a", "b")
            .reports("b", "c")
            .reports("c", "a")
            .build()
            .unwrap();
        let findings = run(&plan, "reporting-cycle");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["a", "b", "c"]);
        assert!(findings[0].message.contains("a → b → c → a"));
        assert!(run(&team(5).build().unwrap(), "reporting-cycle").is_empty());
    }

    #[test]
    fn roots_count_only_members_with_lines() {
        let two_trees = team(1)
            .member("x", Owner, &[])
            .member("y", Sales, &[])
            .reports("y", "x")
            .build()
            .unwrap();
        let findings = run(&two_trees, "multiple-roots");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].members, ["boss", "x"]);
        // Near miss: the second "root" is an orphan, reported by its own rule.
        let with_orphan = team(1).member("x", Owner, &[]).build().unwrap();
        assert!(run(&with_orphan, "multiple-roots").is_empty());
        assert_eq!(run(&with_orphan, "orphan").len(), 1);
    }

    #[test]
    fn a_lone_member_is_not_an_orphan_and_collaboration_counts_as_a_line() {
        let alone = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("a", Owner, &[]);
        assert!(run(&alone.build().unwrap(), "orphan").is_empty());
        let collab = team(1).member("x", Technical, &[]).collaborates("x", "r0");
        assert!(run(&collab.build().unwrap(), "orphan").is_empty());
    }

    #[test]
    fn self_links_of_either_kind() {
        let plan = team(1)
            .reports("boss", "boss")
            .collaborates("r0", "r0")
            .build()
            .unwrap();
        assert_eq!(run(&plan, "self-link").len(), 2);
        // A self-report is not a reporting cycle too.
        assert!(run(&plan, "reporting-cycle").is_empty());
        assert!(run(&team(2).build().unwrap(), "self-link").is_empty());
    }

    #[test]
    fn a_self_link_is_not_a_line_a_manager_or_a_report() {
        // Only a line to oneself: still an orphan, and not a second root.
        let plan = team(2)
            .member("x", Sales, &[])
            .collaborates("x", "x")
            .build()
            .unwrap();
        let orphans = run(&plan, "orphan");
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].members, ["x"]);
        assert!(run(&plan, "multiple-roots").is_empty());
        // Eight reports plus a self-report is still eight reports.
        let plan = team(8).reports("boss", "boss").build().unwrap();
        assert!(run(&plan, "span-of-control").is_empty());
    }

    #[test]
    fn span_of_control_uses_the_setting() {
        assert!(run(&team(8).build().unwrap(), "span-of-control").is_empty());
        assert_eq!(run(&team(9).build().unwrap(), "span-of-control").len(), 1);
        let strict = team(4).max_direct_reports(3).build().unwrap();
        assert_eq!(run(&strict, "span-of-control").len(), 1);
    }
}
