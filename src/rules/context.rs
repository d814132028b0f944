//! What a rule sees: one stage, its neighbour on the timeline, the settings,
//! and facts about every member computed once in linear time.

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::finding::{Finding, Severity};
use crate::model::{
    Function, Hat, LinkKind, Member, Responsibility, ResponsibilitySet, Settings, Stage, TagFamily,
};

/// Facts about one member, derived once per check.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemberFacts {
    /// The core responsibilities the member holds.
    pub responsibilities: ResponsibilitySet,
    /// The manager, if any (a line to oneself does not count).
    pub manager: Option<NodeIndex>,
    /// Number of direct reports (a line to oneself does not count).
    pub reports: usize,
    /// Number of lines of either kind touching the member.
    pub lines: usize,
}

/// The input of every rule.
pub struct StageContext<'a> {
    /// The stage being checked.
    pub stage: &'a Stage,
    /// The stage before it on the timeline.
    pub previous: Option<&'a Stage>,
    /// The plan's thresholds.
    pub settings: Settings,
    facts: Vec<MemberFacts>,
}

impl<'a> StageContext<'a> {
    /// Derives the facts for `stage`; linear in members and lines.
    pub fn new(stage: &'a Stage, previous: Option<&'a Stage>, settings: Settings) -> Self {
        let graph = stage.graph();
        let mut facts = vec![MemberFacts::default(); graph.node_bound()];
        for node in graph.node_indices() {
            facts[node.index()].responsibilities = graph[node].responsibilities();
        }
        for edge in graph.edge_references() {
            let (from, to) = (edge.source(), edge.target());
            facts[from.index()].lines += 1;
            if from != to {
                facts[to.index()].lines += 1;
                if *edge.weight() == LinkKind::ReportsTo {
                    facts[from.index()].manager = Some(to);
                    facts[to.index()].reports += 1;
                }
            }
        }
        Self {
            stage,
            previous,
            settings,
            facts,
        }
    }

    /// Every member's node, in stable order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.stage.graph().node_indices()
    }

    /// The member at `node`.
    pub fn member(&self, node: NodeIndex) -> &'a Member {
        &self.stage.graph()[node]
    }

    /// The derived facts of the member at `node`.
    pub fn facts(&self, node: NodeIndex) -> MemberFacts {
        self.facts.get(node.index()).copied().unwrap_or_default()
    }

    /// The member's hat.
    pub fn hat(&self, node: NodeIndex) -> Hat {
        self.facts(node).responsibilities.hat()
    }

    /// Whether the member holds `r`.
    pub fn holds(&self, node: NodeIndex, r: Responsibility) -> bool {
        self.facts(node).responsibilities.contains(r)
    }

    /// Whether the member holds any responsibility of `family`.
    pub fn holds_family(&self, node: NodeIndex, family: TagFamily) -> bool {
        !self
            .facts(node)
            .responsibilities
            .of_family(family)
            .is_empty()
    }

    /// Members with this function.
    pub fn with_function(&self, function: Function) -> impl Iterator<Item = NodeIndex> + '_ {
        self.nodes()
            .filter(move |n| self.member(*n).function == function)
    }

    /// The display name of the member at `node`.
    pub fn name(&self, node: NodeIndex) -> &'a str {
        self.member(node).display_name()
    }

    /// Names joined for a message: "A", "A and B", "A, B and C"; past
    /// [`MAX_NAMES`], "A, B, C, D, E and 7 others".
    pub fn names(&self, nodes: &[NodeIndex]) -> String {
        let mut words: Vec<String> = nodes
            .iter()
            .take(MAX_NAMES)
            .map(|n| self.name(*n).to_owned())
            .collect();
        if nodes.len() > MAX_NAMES {
            words.push(format!("{} others", nodes.len() - MAX_NAMES));
        }
        join_words(words)
    }

    /// The members joined to `node` by a collaboration line, either way.
    pub fn collaborators(&self, node: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        let graph = self.stage.graph();
        let outgoing = graph
            .edges_directed(node, Direction::Outgoing)
            .filter(|e| *e.weight() == LinkKind::CollaboratesWith)
            .map(|e| e.target());
        let incoming = graph
            .edges_directed(node, Direction::Incoming)
            .filter(|e| *e.weight() == LinkKind::CollaboratesWith)
            .map(|e| e.source());
        outgoing.chain(incoming)
    }

    /// Whether any collaboration line touches `node`.
    pub fn has_collaboration(&self, node: NodeIndex) -> bool {
        self.collaborators(node).next().is_some()
    }

    /// The union of every member's responsibilities.
    pub fn coverage(&self) -> ResponsibilitySet {
        self.nodes()
            .map(|n| self.facts(n).responsibilities)
            .fold(ResponsibilitySet::EMPTY, ResponsibilitySet::union)
    }

    /// Builds a finding in this stage.
    pub fn finding(
        &self,
        rule: &'static str,
        severity: Severity,
        members: &[NodeIndex],
        message: String,
        fix: String,
    ) -> Finding {
        Finding {
            rule,
            severity,
            stage: self.stage.id.clone(),
            members: members.iter().map(|n| self.member(*n).id.clone()).collect(),
            message,
            fix,
        }
    }
}

/// The most names a message lists before summing up the rest.
pub const MAX_NAMES: usize = 5;

/// Joins words for a sentence: "a", "a and b", "a, b and c".
pub fn join_words(mut words: Vec<String>) -> String {
    match words.len() {
        0 => String::new(),
        1 => words.remove(0),
        _ => {
            let last = words.pop().unwrap_or_default();
            format!("{} and {last}", words.join(", "))
        }
    }
}

/// Responsibility ids joined for a message, e.g. "`vision` and `strategy`".
pub fn tag_list(set: ResponsibilitySet) -> String {
    join_words(set.iter().map(|r| format!("`{}`", r.id())).collect())
}
