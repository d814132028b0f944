//! What a rule sees: one stage, the stages before it on the timeline, the
//! settings, and facts about every member computed once in linear time.

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::finding::{Finding, Hit, Severity};
use crate::model::{
    DIRECTION_TAGS, Function, Hat, LinkKind, Member, Responsibility, ResponsibilitySet, Settings,
    Stage, TagFamily,
};

/// Facts about one member, derived once per check. A line from a member to
/// itself counts for none of them: it is only ever a `self-link` finding.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemberFacts {
    /// The core responsibilities the member holds.
    pub responsibilities: ResponsibilitySet,
    /// The manager, if any.
    pub manager: Option<NodeIndex>,
    /// Number of direct reports.
    pub reports: usize,
    /// Number of lines of either kind joining the member to someone else.
    pub lines: usize,
}

/// The input of every rule.
pub struct StageContext<'a> {
    /// The stage being checked.
    pub stage: &'a Stage,
    /// Its ancestors on the timeline (the stages it follows, through its
    /// `after` chain), oldest first, empty ones included: never a sibling
    /// option.
    pub earlier: Vec<&'a Stage>,
    /// The nearest earlier stage that has members: "the previous stage" of
    /// the catalogue.
    pub previous: Option<&'a Stage>,
    /// The plan's thresholds and rule levels.
    pub settings: &'a Settings,
    /// The other options at the nearest decision above the stage (the
    /// plan B a rule can point to), by name.
    pub alternatives: Vec<String>,
    facts: Vec<MemberFacts>,
}

impl<'a> StageContext<'a> {
    /// Derives the facts for `stage`, which follows `earlier` (its
    /// ancestors, oldest first); linear in members and lines.
    pub fn new(stage: &'a Stage, earlier: Vec<&'a Stage>, settings: &'a Settings) -> Self {
        let graph = stage.graph();
        let mut facts = vec![MemberFacts::default(); graph.node_bound()];
        for node in graph.node_indices() {
            facts[node.index()].responsibilities = graph[node].responsibilities();
        }
        for edge in graph.edge_references() {
            let (from, to) = (edge.source(), edge.target());
            if from == to {
                continue;
            }
            facts[from.index()].lines += 1;
            facts[to.index()].lines += 1;
            if *edge.weight() == LinkKind::ReportsTo {
                facts[from.index()].manager = Some(to);
                facts[to.index()].reports += 1;
            }
        }
        let previous = earlier.iter().rev().find(|s| s.member_count() > 0).copied();
        Self {
            stage,
            earlier,
            previous,
            settings,
            alternatives: Vec::new(),
            facts,
        }
    }

    /// Every member's node, in stable order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.stage.graph().node_indices()
    }

    /// `nodes` in the order of their members' ids, so that a finding naming
    /// several members reads the same whatever order the file lists them in.
    pub fn by_id(&self, mut nodes: Vec<NodeIndex>) -> Vec<NodeIndex> {
        nodes.sort_by(|a, b| self.member(*a).id.cmp(&self.member(*b).id));
        nodes
    }

    /// The member at `node`.
    pub fn member(&self, node: NodeIndex) -> &'a Member {
        &self.stage.graph()[node]
    }

    /// The member's function.
    pub fn function(&self, node: NodeIndex) -> Function {
        self.member(node).function
    }

    /// The derived facts of the member at `node`.
    pub fn facts(&self, node: NodeIndex) -> MemberFacts {
        self.facts.get(node.index()).copied().unwrap_or_default()
    }

    /// The core responsibilities the member holds.
    pub fn responsibilities(&self, node: NodeIndex) -> ResponsibilitySet {
        self.facts(node).responsibilities
    }

    /// The member's manager, if any.
    pub fn manager(&self, node: NodeIndex) -> Option<NodeIndex> {
        self.facts(node).manager
    }

    /// The member's hat.
    pub fn hat(&self, node: NodeIndex) -> Hat {
        self.responsibilities(node).hat()
    }

    /// Whether the member holds `r`.
    pub fn holds(&self, node: NodeIndex, r: Responsibility) -> bool {
        self.responsibilities(node).contains(r)
    }

    /// Whether the member holds any responsibility of `family`.
    pub fn holds_family(&self, node: NodeIndex, family: TagFamily) -> bool {
        !self.responsibilities(node).of_family(family).is_empty()
    }

    /// Whether the member *sets direction*: a leading function, or a
    /// direction tag (`vision`, `inspiration`, `strategy`).
    pub fn sets_direction(&self, node: NodeIndex) -> bool {
        self.function(node).is_leading() || self.responsibilities(node).intersects(DIRECTION_TAGS)
    }

    /// Members with this function.
    pub fn with_function(&self, function: Function) -> impl Iterator<Item = NodeIndex> + '_ {
        self.nodes().filter(move |n| self.function(*n) == function)
    }

    /// Whether the stage has a member with this function.
    pub fn has_function(&self, function: Function) -> bool {
        self.with_function(function).next().is_some()
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

    /// The members joined to `node` by a collaboration line, either way; a
    /// line to oneself is not a collaboration.
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
        outgoing.chain(incoming).filter(move |other| *other != node)
    }

    /// The core responsibilities that count as needed in this stage: all
    /// twelve, less `marketing-alignment` where the stage has no marketing.
    pub fn needed(&self) -> ResponsibilitySet {
        if self.has_function(Function::Marketing) {
            ResponsibilitySet::ALL
        } else {
            ResponsibilitySet::ALL.without(Responsibility::MarketingAlignment)
        }
    }

    /// The union of every member's responsibilities.
    pub fn coverage(&self) -> ResponsibilitySet {
        self.nodes()
            .map(|n| self.responsibilities(n))
            .fold(ResponsibilitySet::EMPTY, ResponsibilitySet::union)
    }

    /// A rule's finding in this stage: `hit` with the rule id and severity
    /// the engine decided on.
    pub fn finding(&self, rule: &'static str, severity: Severity, hit: Hit) -> Finding {
        Finding {
            rule,
            severity,
            stage: self.stage.id.clone(),
            members: hit
                .members
                .iter()
                .map(|n| self.member(*n).id.clone())
                .collect(),
            message: hit.message,
            fix: hit.fix,
            tags: hit.tags,
        }
    }
}

/// The union of the responsibilities of every member of `stage`.
pub fn stage_coverage(stage: &Stage) -> ResponsibilitySet {
    stage
        .members()
        .map(Member::responsibilities)
        .fold(ResponsibilitySet::EMPTY, ResponsibilitySet::union)
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

/// Responsibilities joined for a message in the inspector's words, e.g.
/// "vision and process design" (findings are plain words: no ids, no
/// markup).
pub fn tag_list(set: ResponsibilitySet) -> String {
    join_words(set.iter().map(|r| r.label().to_owned()).collect())
}

/// "it" or "them", for a set of responsibilities.
pub fn it_or_them(set: ResponsibilitySet) -> &'static str {
    if set.len() == 1 { "it" } else { "them" }
}
