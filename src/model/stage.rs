//! A stage: the sales organisation at one point on the timeline, as a graph.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use super::error::ModelError;
use super::kinds::{LinkKind, StageKind};
use super::member::Member;

/// A line between two members, naming them by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Link {
    /// For `reports-to`, the report; for `collaborates-with`, either side.
    pub from: String,
    /// For `reports-to`, the manager; for `collaborates-with`, the other side.
    pub to: String,
    /// Which kind of line.
    pub kind: LinkKind,
}

impl Link {
    /// A new link.
    pub fn new(from: impl Into<String>, to: impl Into<String>, kind: LinkKind) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            kind,
        }
    }
}

/// The org chart of one stage. Members are graph nodes; an edge `a → b` of
/// kind [`LinkKind::ReportsTo`] means `a` reports to `b`.
///
/// Invariants kept by every method: member ids are unique, every edge joins
/// two members, and a member has at most one `reports-to` edge going out.
#[derive(Clone, Debug)]
pub struct Stage {
    /// Stable identifier of the stage within the plan.
    pub id: String,
    /// Display name, e.g. "Today".
    pub name: String,
    /// The shape this stage promises.
    pub kind: StageKind,
    /// When on the timeline, free text such as "2027" or "Q3 2027".
    pub when: String,
    /// Free notes.
    pub notes: String,
    graph: StableDiGraph<Member, LinkKind>,
    index: HashMap<String, NodeIndex>,
}

impl Stage {
    /// An empty stage.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: StageKind) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            when: String::new(),
            notes: String::new(),
            graph: StableDiGraph::default(),
            index: HashMap::new(),
        }
    }

    /// The underlying graph, for algorithms that walk it.
    pub fn graph(&self) -> &StableDiGraph<Member, LinkKind> {
        &self.graph
    }

    /// Number of members.
    pub fn member_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of lines of either kind.
    pub fn link_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Adds a member; refuses a second member with the same id.
    pub fn add_member(&mut self, member: Member) -> Result<NodeIndex, ModelError> {
        if self.index.contains_key(&member.id) {
            return Err(ModelError::DuplicateMember { id: member.id });
        }
        let id = member.id.clone();
        let node = self.graph.add_node(member);
        self.index.insert(id, node);
        Ok(node)
    }

    /// Removes a member and every line touching it.
    pub fn remove_member(&mut self, id: &str) -> Option<Member> {
        let node = self.index.remove(id)?;
        self.graph.remove_node(node)
    }

    /// The graph node of a member.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.graph.node_weight(self.node(id)?)
    }

    /// The member with this id, for editing. Changing `id` through this is not
    /// allowed; use [`Stage::rename_member_id`].
    pub fn member_mut(&mut self, id: &str) -> Option<&mut Member> {
        let node = self.node(id)?;
        self.graph.node_weight_mut(node)
    }

    /// Gives a member a new id, keeping its lines.
    pub fn rename_member_id(&mut self, old: &str, new: &str) -> Result<(), ModelError> {
        if old == new {
            return Ok(());
        }
        if self.index.contains_key(new) {
            return Err(ModelError::DuplicateMember { id: new.to_owned() });
        }
        let node = self
            .index
            .remove(old)
            .ok_or_else(|| ModelError::UnknownMember { id: old.to_owned() })?;
        self.graph[node].id = new.to_owned();
        self.index.insert(new.to_owned(), node);
        Ok(())
    }

    /// The member at a graph node.
    pub fn member_at(&self, node: NodeIndex) -> Option<&Member> {
        self.graph.node_weight(node)
    }

    /// Members in stable order (the order they were added, gaps refilled).
    pub fn members(&self) -> impl Iterator<Item = &Member> + '_ {
        self.graph.node_weights()
    }

    /// Adds a line. Refuses unknown members, a second manager for one member,
    /// and a duplicate of an existing line (for collaboration lines, in
    /// either direction). A line from a member to
    /// itself is allowed so that the `self-link` rule can report it.
    pub fn add_link(&mut self, link: &Link) -> Result<EdgeIndex, ModelError> {
        let from = self.require(&link.from)?;
        let to = self.require(&link.to)?;
        if link.kind == LinkKind::ReportsTo
            && let Some(existing) = self.manager_node(from)
        {
            return Err(ModelError::SecondManager {
                member: link.from.clone(),
                existing: self.graph[existing].id.clone(),
                new: link.to.clone(),
            });
        }
        if self.find_link(link).is_some() {
            return Err(ModelError::DuplicateLink {
                from: link.from.clone(),
                to: link.to.clone(),
                kind: link.kind,
            });
        }
        Ok(self.graph.add_edge(from, to, link.kind))
    }

    /// Removes a line; `false` when there was no such line.
    pub fn remove_link(&mut self, link: &Link) -> bool {
        match self.find_link(link) {
            Some(edge) => self.graph.remove_edge(edge).is_some(),
            None => false,
        }
    }

    /// The edge of a line, if present. A collaboration line has no
    /// direction: `b` collaborates with `a` finds the line `a` → `b`.
    pub fn find_link(&self, link: &Link) -> Option<EdgeIndex> {
        let from = self.node(&link.from)?;
        let to = self.node(&link.to)?;
        let connecting = |a, b| {
            self.graph
                .edges_connecting(a, b)
                .find(|e| *e.weight() == link.kind)
                .map(|e| e.id())
        };
        match link.kind {
            LinkKind::ReportsTo => connecting(from, to),
            LinkKind::CollaboratesWith => connecting(from, to).or_else(|| connecting(to, from)),
        }
    }

    /// All lines in stable order.
    pub fn links(&self) -> impl Iterator<Item = Link> + '_ {
        self.graph.edge_indices().filter_map(|e| {
            let (a, b) = self.graph.edge_endpoints(e)?;
            Some(Link {
                from: self.graph[a].id.clone(),
                to: self.graph[b].id.clone(),
                kind: self.graph[e],
            })
        })
    }

    /// The graph node of the manager of the member at `node`.
    pub fn manager_node(&self, node: NodeIndex) -> Option<NodeIndex> {
        self.graph
            .edges_directed(node, Direction::Outgoing)
            .find(|e| *e.weight() == LinkKind::ReportsTo)
            .map(|e| e.target())
    }

    /// The manager of a member.
    pub fn manager_of(&self, id: &str) -> Option<&Member> {
        let manager = self.manager_node(self.node(id)?)?;
        self.graph.node_weight(manager)
    }

    /// The graph nodes of the direct reports of the member at `node`.
    pub fn report_nodes(&self, node: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .edges_directed(node, Direction::Incoming)
            .filter(|e| *e.weight() == LinkKind::ReportsTo)
            .map(|e| e.source())
    }

    /// The direct reports of a member, in stable order.
    pub fn reports_of(&self, id: &str) -> Vec<&Member> {
        let Some(node) = self.node(id) else {
            return Vec::new();
        };
        let mut nodes: Vec<NodeIndex> = self.report_nodes(node).collect();
        nodes.sort();
        nodes.into_iter().map(|n| &self.graph[n]).collect()
    }

    fn require(&self, id: &str) -> Result<NodeIndex, ModelError> {
        self.node(id)
            .ok_or_else(|| ModelError::UnknownMember { id: id.to_owned() })
    }
}

impl PartialEq for Stage {
    /// Two stages are equal when their fields, members (in order) and lines
    /// (in order) are equal; graph slot numbers do not matter.
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.kind == other.kind
            && self.when == other.when
            && self.notes == other.notes
            && self.members().eq(other.members())
            && self.links().eq(other.links())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Function;

    fn stage() -> Stage {
        let mut s = Stage::new("s", "S", StageKind::Custom);
        for id in ["a", "b", "c"] {
            s.add_member(Member::new(id, id, Function::Sales)).unwrap();
        }
        s
    }

    #[test]
    fn refuses_duplicates_unknowns_and_second_managers() {
        let mut s = stage();
        assert!(matches!(
            s.add_member(Member::new("a", "again", Function::Sales)),
            Err(ModelError::DuplicateMember { .. })
        ));
        assert!(matches!(
            s.add_link(&Link::new("a", "zz", LinkKind::ReportsTo)),
            Err(ModelError::UnknownMember { id }) if id == "zz"
        ));
        s.add_link(&Link::new("a", "b", LinkKind::ReportsTo))
            .unwrap();
        assert!(matches!(
            s.add_link(&Link::new("a", "c", LinkKind::ReportsTo)),
            Err(ModelError::SecondManager { member, .. }) if member == "a"
        ));
        // A collaboration line is not a second manager.
        s.add_link(&Link::new("a", "c", LinkKind::CollaboratesWith))
            .unwrap();
        assert_eq!(s.manager_of("a").map(|m| m.id.as_str()), Some("b"));
        assert_eq!(s.reports_of("b").len(), 1);
    }

    #[test]
    fn a_collaboration_line_has_no_direction() {
        let mut s = stage();
        s.add_link(&Link::new("a", "b", LinkKind::CollaboratesWith))
            .unwrap();
        assert!(matches!(
            s.add_link(&Link::new("b", "a", LinkKind::CollaboratesWith)),
            Err(ModelError::DuplicateLink { .. })
        ));
        // A reporting line the other way is a different line.
        s.add_link(&Link::new("b", "a", LinkKind::ReportsTo))
            .unwrap();
        assert_eq!(s.link_count(), 2);
        assert!(s.remove_link(&Link::new("b", "a", LinkKind::CollaboratesWith)));
        assert_eq!(s.link_count(), 1);
    }

    #[test]
    fn removing_a_member_removes_its_lines() {
        let mut s = stage();
        s.add_link(&Link::new("a", "b", LinkKind::ReportsTo))
            .unwrap();
        s.add_link(&Link::new("c", "b", LinkKind::ReportsTo))
            .unwrap();
        assert!(s.remove_member("b").is_some());
        assert_eq!(s.link_count(), 0);
        assert!(s.manager_of("a").is_none());
        assert!(s.member("b").is_none());
    }

    #[test]
    fn renaming_an_id_keeps_lines() {
        let mut s = stage();
        s.add_link(&Link::new("a", "b", LinkKind::ReportsTo))
            .unwrap();
        s.rename_member_id("b", "boss").unwrap();
        assert_eq!(s.manager_of("a").map(|m| m.id.as_str()), Some("boss"));
        assert!(s.rename_member_id("a", "c").is_err());
    }
}
