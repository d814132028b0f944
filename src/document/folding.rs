//! Collapsed teams: a manager's subtree hidden on the canvas behind a "+N"
//! badge. View state only, per stage, never saved in the plan; what a set
//! of collapsed managers hides is worked out here, without any drawing.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::Stage;

/// What collapsing hides in one stage this frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// Members hidden inside a collapsed team.
    pub hidden: HashSet<String>,
    /// Collapsed managers and how many members their team hides.
    pub counts: HashMap<String, usize>,
}

impl Folded {
    /// What `collapsed` hides in `stage` (linear in the hidden members).
    pub fn of(stage: &Stage, collapsed: &BTreeSet<String>) -> Self {
        let mut folded = Self::default();
        for head in collapsed {
            let Some(node) = stage.node(head) else {
                continue;
            };
            let mut count = 0;
            let mut stack: Vec<_> = stage.report_nodes(node).filter(|n| *n != node).collect();
            let mut seen = HashSet::new();
            while let Some(n) = stack.pop() {
                if n == node || !seen.insert(n) {
                    continue;
                }
                if let Some(m) = stage.member_at(n) {
                    folded.hidden.insert(m.id.clone());
                    count += 1;
                }
                stack.extend(stage.report_nodes(n));
            }
            if count > 0 {
                folded.counts.insert(head.clone(), count);
            }
        }
        // A collapsed manager inside another collapsed team is hidden too.
        folded.counts.retain(|id, _| !folded.hidden.contains(id));
        folded
    }
}

/// `head` and everyone below it in `stage` (a reporting cycle is walked
/// once), head first.
pub fn team_of(stage: &Stage, head: &str) -> Vec<String> {
    let Some(node) = stage.node(head) else {
        return Vec::new();
    };
    let mut out = vec![head.to_owned()];
    let mut seen = HashSet::from([node]);
    let mut stack: Vec<_> = stage.report_nodes(node).collect();
    while let Some(n) = stack.pop() {
        if !seen.insert(n) {
            continue;
        }
        if let Some(m) = stage.member_at(n) {
            out.push(m.id.clone());
        }
        stack.extend(stage.report_nodes(n));
    }
    out
}

/// The managers above `id` in `stage`, nearest first.
pub fn managers_above(stage: &Stage, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = stage.manager_of(id);
    while let Some(m) = current {
        if out.contains(&m.id) || m.id == id {
            break;
        }
        out.push(m.id.clone());
        current = stage.manager_of(&m.id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function::*, PlanBuilder, StageKind};

    #[test]
    fn a_collapsed_team_hides_everyone_below_and_counts_them() {
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Owner, &[])
            .member("m", SalesManager, &[])
            .member("a", Sales, &[])
            .member("b", Sales, &[])
            .reports("m", "o")
            .reports("a", "m")
            .reports("b", "a")
            .build()
            .unwrap();
        let stage = &plan.stages[0];
        let folded = Folded::of(stage, &BTreeSet::from(["m".to_owned()]));
        assert_eq!(
            folded.hidden,
            HashSet::from(["a".to_owned(), "b".to_owned()])
        );
        assert_eq!(folded.counts.get("m"), Some(&2));
        let nested = Folded::of(stage, &BTreeSet::from(["o".to_owned(), "a".to_owned()]));
        assert_eq!(nested.counts.get("o"), Some(&3));
        assert!(!nested.counts.contains_key("a"), "hidden inside o's team");
        assert_eq!(managers_above(stage, "b"), ["a", "m", "o"]);
    }
}
