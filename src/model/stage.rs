//! A stage: the sales organisation at one point on the timeline, as a graph.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::error::ModelError;
use super::kinds::{LinkKind, StageKind};
use super::layout_style::LayoutStyle;
use super::member::Member;

mod places;

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
///
/// Cloning is cheap and copy-on-write: the chart is shared until one of the
/// copies changes, and then only the graph's structure is copied, never the
/// members that stayed the same. This is what lets undo keep hundreds of
/// steps of a 10,000-member plan.
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
    /// The id of the stage this one follows (an earlier stage in the plan);
    /// `None`: the stage just before it. See [`crate::model::Plan::parent`].
    pub after: Option<String>,
    /// The name of the option this stage starts, when it is the first stage
    /// after a decision ("Hire a growth leader").
    pub option: Option<String>,
    /// The stage's annual bookings target, when it has one (≥ 0).
    pub target: Option<f64>,
    /// The layout style last chosen for the stage (Tidy up ▸ …); `None`:
    /// never chosen, laid out [`LayoutStyle::Wide`] in the editor, and
    /// presentations pick whichever reads larger.
    pub layout: Option<LayoutStyle>,
    body: Arc<Body>,
    /// Card positions by node index, apart from the members: moving cards
    /// copies neither a member nor the graph (see [`Stage::pos_at`]).
    places: Arc<Vec<Option<[f32; 2]>>>,
    /// See [`Stage::revision`].
    revision: u64,
    /// See [`Stage::chart_revision`].
    chart_revision: u64,
}

/// The chart of a stage, shared between copies of the stage until one of
/// them changes.
#[derive(Clone, Debug, Default)]
struct Body {
    graph: StableDiGraph<Arc<Member>, LinkKind>,
    /// Member id to node. Shared on its own: most edits leave ids alone.
    /// foldhash: fast, and seeded per process, so crafted ids in a file
    /// cannot make lookups slow.
    index: Arc<HashMap<String, NodeIndex, foldhash::fast::RandomState>>,
}

/// A number never handed out before in this process. Each thread takes
/// numbers from a block of its own, so threads building stages side by side
/// do not contend for one counter.
fn fresh_revision() -> u64 {
    const BLOCK: u64 = 1 << 16;
    static NEXT_BLOCK: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static RANGE: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, 0)) };
    }
    RANGE.with(|range| {
        let (mut next, mut end) = range.get();
        if next == end {
            next = NEXT_BLOCK.fetch_add(BLOCK, Ordering::Relaxed);
            end = next + BLOCK;
        }
        range.set((next + 1, end));
        next
    })
}

impl Stage {
    /// The style the editor lays the stage out in: the one last chosen, or
    /// [`LayoutStyle::Wide`].
    pub fn layout_style(&self) -> LayoutStyle {
        self.layout.unwrap_or_default()
    }

    /// The stage with `style` as its layout style (positions unchanged).
    pub fn with_layout(mut self, style: LayoutStyle) -> Self {
        self.layout = Some(style);
        self
    }

    /// An empty stage.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: StageKind) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            when: String::new(),
            notes: String::new(),
            after: None,
            option: None,
            target: None,
            layout: None,
            body: Arc::default(),
            places: Arc::default(),
            revision: fresh_revision(),
            chart_revision: fresh_revision(),
        }
    }

    /// The underlying graph, for algorithms that walk it.
    pub fn graph(&self) -> &StableDiGraph<Arc<Member>, LinkKind> {
        &self.body.graph
    }

    /// A number that changes whenever the members, their positions or the
    /// lines change (the fields `name`, `kind`, `when` and `notes` are not
    /// covered). Two stages with the same revision have the same members,
    /// positions and lines, so derived results can be cached by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Like [`Stage::revision`], but moving cards leaves it alone: what
    /// is derived from members and lines only (the rules, the numbers) is
    /// cached by it.
    pub fn chart_revision(&self) -> u64 {
        self.chart_revision
    }

    /// Whether `other` is a copy of this stage's chart that neither side has
    /// changed since (cheap).
    pub fn shares_chart_with(&self, other: &Stage) -> bool {
        Arc::ptr_eq(&self.body, &other.body) && Arc::ptr_eq(&self.places, &other.places)
    }

    /// Roughly how many bytes this stage's chart takes: the graph
    /// structure, the id index and the positions (the members themselves
    /// are shared between copies unless changed).
    pub fn chart_bytes(&self) -> usize {
        self.structure_bytes() + self.index_bytes() + self.places_bytes()
    }

    /// Roughly how many bytes this stage's chart holds that `other` does not
    /// share. Undo uses this to bound its memory.
    pub fn bytes_not_shared_with(&self, other: &Stage) -> usize {
        let places = if self.shares_positions_with(other) {
            0
        } else {
            self.places_bytes()
        };
        let body = if Arc::ptr_eq(&self.body, &other.body) {
            0
        } else if Arc::ptr_eq(&self.body.index, &other.body.index) {
            self.structure_bytes()
        } else {
            self.structure_bytes() + self.index_bytes()
        };
        places + body
    }

    fn structure_bytes(&self) -> usize {
        let graph = &self.body.graph;
        graph.node_count() * (std::mem::size_of::<Arc<Member>>() + 8) + graph.edge_count() * 24
    }

    fn places_bytes(&self) -> usize {
        self.places.len() * std::mem::size_of::<Option<[f32; 2]>>()
    }

    fn index_bytes(&self) -> usize {
        self.body.index.len() * 56
    }

    /// The chart, for changing; copies it first if it is shared.
    fn body_mut(&mut self) -> &mut Body {
        self.revision = fresh_revision();
        self.chart_revision = self.revision;
        Arc::make_mut(&mut self.body)
    }

    /// Number of members.
    pub fn member_count(&self) -> usize {
        self.body.graph.node_count()
    }

    /// Number of lines of either kind.
    pub fn link_count(&self) -> usize {
        self.body.graph.edge_count()
    }

    /// Adds a member with no position; refuses a second member with the
    /// same id.
    pub fn add_member(&mut self, member: Member) -> Result<NodeIndex, ModelError> {
        self.add_member_at(member, None)
    }

    /// Adds a member at `pos` (a card centre; `None`: to be laid out);
    /// refuses a second member with the same id.
    pub fn add_member_at(
        &mut self,
        member: Member,
        pos: Option<[f32; 2]>,
    ) -> Result<NodeIndex, ModelError> {
        if self.body.index.contains_key(&member.id) {
            return Err(ModelError::DuplicateMember { id: member.id });
        }
        let id = member.id.clone();
        let body = self.body_mut();
        let node = body.graph.add_node(Arc::new(member));
        Arc::make_mut(&mut body.index).insert(id, node);
        self.set_pos_at(node, pos);
        Ok(node)
    }

    /// Makes room for `members` more members and `links` more lines, so a
    /// big stage built at once (a file, an import) never regrows.
    pub fn reserve(&mut self, members: usize, links: usize) {
        let body = self.body_mut();
        body.graph.reserve_nodes(members);
        body.graph.reserve_edges(links);
        Arc::make_mut(&mut body.index).reserve(members);
    }

    /// Removes a member and every line touching it.
    pub fn remove_member(&mut self, id: &str) -> Option<Member> {
        self.node(id)?;
        let body = self.body_mut();
        let node = Arc::make_mut(&mut body.index).remove(id)?;
        let removed = body.graph.remove_node(node).map(Arc::unwrap_or_clone);
        self.set_pos_at(node, None);
        removed
    }

    /// The graph node of a member.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.body.index.get(id).copied()
    }

    /// The node of the member `id`, trying `hint` first: a stage copied
    /// from another keeps its members' nodes, so looking up one stage's
    /// members in the other mostly needs no hashing.
    pub fn node_hinted(&self, id: &str, hint: NodeIndex) -> Option<NodeIndex> {
        match self.member_at(hint) {
            Some(m) if m.id == id => Some(hint),
            _ => self.node(id),
        }
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.body.graph.node_weight(self.node(id)?).map(|m| &**m)
    }

    /// The member with this id, for editing. Changing `id` through this is not
    /// allowed; use [`Stage::rename_member_id`].
    pub fn member_mut(&mut self, id: &str) -> Option<&mut Member> {
        let node = self.node(id)?;
        self.member_at_mut(node)
    }

    /// The member at a graph node, for editing (not its `id`; see
    /// [`Stage::rename_member_id`]).
    pub fn member_at_mut(&mut self, node: NodeIndex) -> Option<&mut Member> {
        self.body.graph.node_weight(node)?;
        self.body_mut()
            .graph
            .node_weight_mut(node)
            .map(Arc::make_mut)
    }

    /// Gives a member a new id, keeping its lines.
    pub fn rename_member_id(&mut self, old: &str, new: &str) -> Result<(), ModelError> {
        if old == new {
            return Ok(());
        }
        if self.body.index.contains_key(new) {
            return Err(ModelError::DuplicateMember { id: new.to_owned() });
        }
        let node = self.require(old)?;
        let body = self.body_mut();
        let index = Arc::make_mut(&mut body.index);
        index.remove(old);
        index.insert(new.to_owned(), node);
        Arc::make_mut(&mut body.graph[node]).id = new.to_owned();
        Ok(())
    }

    /// The member at a graph node.
    pub fn member_at(&self, node: NodeIndex) -> Option<&Member> {
        self.body.graph.node_weight(node).map(|m| &**m)
    }

    /// Members in stable order (the order they were added, gaps refilled).
    pub fn members(&self) -> impl Iterator<Item = &Member> + '_ {
        self.body.graph.node_weights().map(|m| &**m)
    }

    /// Adds a line. Refuses unknown members, a second manager for one member,
    /// and a duplicate of an existing line (for collaboration lines, in
    /// either direction). A line from a member to
    /// itself is allowed so that the `self-link` rule can report it.
    pub fn add_link(&mut self, link: &Link) -> Result<EdgeIndex, ModelError> {
        let from = self.require(&link.from)?;
        let to = self.require(&link.to)?;
        self.add_link_between(from, to, link.kind)
    }

    /// [`Stage::add_link`] between the members at two graph nodes, with the
    /// same refusals (a node with no member is an unknown member).
    pub fn add_link_between(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        kind: LinkKind,
    ) -> Result<EdgeIndex, ModelError> {
        // Ids are copied only for an error message.
        let id = |node: NodeIndex| {
            self.member_at(node).map_or_else(
                || format!("(graph node {})", node.index()),
                |m| m.id.clone(),
            )
        };
        if let Some(missing) = [from, to]
            .into_iter()
            .find(|n| self.member_at(*n).is_none())
        {
            return Err(ModelError::UnknownMember { id: id(missing) });
        }
        if kind == LinkKind::ReportsTo
            && let Some(existing) = self.manager_node(from)
        {
            return Err(ModelError::SecondManager {
                member: id(from),
                existing: id(existing),
                new: id(to),
            });
        }
        if self.find_link_between(from, to, kind).is_some() {
            return Err(ModelError::DuplicateLink {
                from: id(from),
                to: id(to),
                kind,
            });
        }
        Ok(self.body_mut().graph.add_edge(from, to, kind))
    }

    /// Removes a line; `false` when there was no such line.
    pub fn remove_link(&mut self, link: &Link) -> bool {
        match self.find_link(link) {
            Some(edge) => self.body_mut().graph.remove_edge(edge).is_some(),
            None => false,
        }
    }

    /// The edge of a line, if present. A collaboration line has no
    /// direction: `b` collaborates with `a` finds the line `a` → `b`.
    pub fn find_link(&self, link: &Link) -> Option<EdgeIndex> {
        self.find_link_between(self.node(&link.from)?, self.node(&link.to)?, link.kind)
    }

    /// [`Stage::find_link`] between the members at two graph nodes.
    pub fn find_link_between(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        kind: LinkKind,
    ) -> Option<EdgeIndex> {
        let connecting = |a, b| {
            self.body
                .graph
                .edges_connecting(a, b)
                .find(|e| *e.weight() == kind)
                .map(|e| e.id())
        };
        match kind {
            LinkKind::ReportsTo => connecting(from, to),
            LinkKind::CollaboratesWith => connecting(from, to).or_else(|| connecting(to, from)),
        }
    }

    /// All lines in stable order.
    pub fn links(&self) -> impl Iterator<Item = Link> + '_ {
        let graph = &self.body.graph;
        graph.edge_indices().filter_map(|e| {
            let (a, b) = graph.edge_endpoints(e)?;
            Some(Link {
                from: graph[a].id.clone(),
                to: graph[b].id.clone(),
                kind: graph[e],
            })
        })
    }

    /// The graph node of the manager of the member at `node`.
    pub fn manager_node(&self, node: NodeIndex) -> Option<NodeIndex> {
        self.body
            .graph
            .edges_directed(node, Direction::Outgoing)
            .find(|e| *e.weight() == LinkKind::ReportsTo)
            .map(|e| e.target())
    }

    /// Every node's manager, by node index (`node_bound` long; `None` for
    /// no manager or no member): one pass over the lines, in memory order,
    /// where asking [`Stage::manager_node`] of every node jumps around.
    pub fn manager_nodes(&self) -> Vec<Option<NodeIndex>> {
        let graph = &self.body.graph;
        let mut managers = vec![None; graph.node_bound()];
        for edge in graph.edge_references() {
            if *edge.weight() == LinkKind::ReportsTo
                && let Some(slot) = managers.get_mut(edge.source().index())
            {
                // A member has at most one manager (`add_link` refuses a second).
                *slot = Some(edge.target());
            }
        }
        managers
    }

    /// The manager of a member.
    pub fn manager_of(&self, id: &str) -> Option<&Member> {
        let manager = self.manager_node(self.node(id)?)?;
        self.member_at(manager)
    }

    /// The graph nodes of the direct reports of the member at `node`.
    pub fn report_nodes(&self, node: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.body
            .graph
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
        nodes.into_iter().map(|n| &*self.body.graph[n]).collect()
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
            && self.after == other.after
            && self.option == other.option
            && self.target == other.target
            && (self.shares_chart_with(other)
                || (self.members().eq(other.members())
                    && self.positions().eq(other.positions())
                    && self.links().eq(other.links())))
    }
}

#[cfg(test)]
mod tests;
