//! Where a stage's cards sit: one position per graph node, kept apart from
//! the members, so laying a stage out again copies no member.

use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

use super::{Member, Stage, fresh_revision};

impl Stage {
    /// The centre of the card of the member at `node`; `None`: not placed
    /// yet (laid out automatically), or no such member.
    pub fn pos_at(&self, node: NodeIndex) -> Option<[f32; 2]> {
        self.places.get(node.index()).copied().flatten()
    }

    /// The centre of the card of the member `id`; `None`: not placed yet,
    /// or no such member.
    pub fn pos(&self, id: &str) -> Option<[f32; 2]> {
        self.pos_at(self.node(id)?)
    }

    /// Every member with its card's centre, in [`Stage::members`] order.
    pub fn placed_members(&self) -> impl Iterator<Item = (&Member, Option<[f32; 2]>)> + '_ {
        self.graph()
            .node_indices()
            .filter_map(|node| Some((self.member_at(node)?, self.pos_at(node))))
    }

    /// Every member's position, in [`Stage::members`] order.
    pub fn positions(&self) -> impl Iterator<Item = Option<[f32; 2]>> + '_ {
        self.graph().node_indices().map(|node| self.pos_at(node))
    }

    /// Whether every member has a position (an empty stage has).
    pub fn all_placed(&self) -> bool {
        self.positions().all(|p| p.is_some())
    }

    /// Whether no member has a position yet.
    pub fn none_placed(&self) -> bool {
        self.positions().all(|p| p.is_none())
    }

    /// Moves the card of the member `id` (`None`: to be laid out again).
    /// Returns whether there is such a member.
    pub fn set_pos(&mut self, id: &str, pos: Option<[f32; 2]>) -> bool {
        match self.node(id) {
            Some(node) => {
                self.set_pos_at(node, pos);
                true
            }
            None => false,
        }
    }

    /// Moves the card of the member at `node`; a node with no member keeps
    /// no position.
    pub fn set_pos_at(&mut self, node: NodeIndex, pos: Option<[f32; 2]>) {
        let pos = pos.filter(|_| self.member_at(node).is_some());
        if self.pos_at(node) == pos {
            return;
        }
        let places = self.places_mut();
        if places.len() <= node.index() {
            places.resize(node.index() + 1, None);
        }
        places[node.index()] = pos;
    }

    /// Moves many cards at once: one copy of the positions at most, however
    /// many cards move. Nodes with no member are skipped.
    pub fn set_positions_at(&mut self, moves: impl IntoIterator<Item = (NodeIndex, [f32; 2])>) {
        // The graph is read while the positions are written: two fields.
        let graph = &self.body.graph;
        let bound = graph.node_bound();
        let mut moves = moves
            .into_iter()
            .filter(|(node, _)| graph.contains_node(*node))
            .peekable();
        if moves.peek().is_none() {
            return;
        }
        self.revision = fresh_revision();
        let places = Arc::make_mut(&mut self.places);
        if places.len() < bound {
            places.resize(bound, None);
        }
        for (node, pos) in moves {
            places[node.index()] = Some(pos);
        }
    }

    /// Whether `other`'s cards sit where this stage's do because they share
    /// one list of positions (cheap; `false` says nothing).
    pub fn shares_positions_with(&self, other: &Stage) -> bool {
        Arc::ptr_eq(&self.places, &other.places)
    }

    /// The positions, for changing; copies them first if they are shared.
    fn places_mut(&mut self) -> &mut Vec<Option<[f32; 2]>> {
        self.revision = fresh_revision();
        Arc::make_mut(&mut self.places)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::stage;
    use super::*;
    use crate::model::Function;

    #[test]
    fn moving_a_card_copies_no_member() {
        let mut s = stage();
        let copy = s.clone();
        let (before, chart) = (s.revision(), s.chart_revision());
        assert!(s.set_pos("b", Some([10.0, 20.0])));
        assert_ne!(s.revision(), before, "a move is a change");
        assert_eq!(s.chart_revision(), chart, "of the positions only");
        s.member_mut("c").unwrap().title = "Rep".into();
        assert_ne!(s.chart_revision(), chart, "a member changed");
        assert_eq!(s.pos("b"), Some([10.0, 20.0]));
        assert_eq!(copy.pos("b"), None, "the copy keeps its positions");
        // Undo counts only the positions as this step's own.
        let own = s.bytes_not_shared_with(&copy);
        assert!(own > 0 && own < s.chart_bytes(), "{own}");
        assert_ne!(copy, s);
        let (a, b) = (s.node("a").unwrap(), copy.node("a").unwrap());
        assert!(
            std::ptr::eq(s.member_at(a).unwrap(), copy.member_at(b).unwrap()),
            "the members stay shared"
        );
        assert!(!s.set_pos("zz", Some([0.0, 0.0])));
    }

    #[test]
    fn a_removed_member_leaves_no_position_behind() {
        let mut s = stage();
        s.set_positions_at([
            (s.node("a").unwrap(), [1.0, 2.0]),
            (s.node("c").unwrap(), [3.0, 4.0]),
        ]);
        assert!(!s.all_placed() && !s.none_placed());
        let node = s.node("a").unwrap();
        s.remove_member("a");
        assert_eq!(s.pos_at(node), None);
        // The graph hands the free slot to the next member: it starts unplaced.
        let again = s
            .add_member(Member::new("d", "d", Function::Sales))
            .unwrap();
        assert_eq!(again, node);
        assert_eq!(s.pos("d"), None);
        let placed: Vec<_> = s.placed_members().map(|(m, p)| (m.id.clone(), p)).collect();
        assert!(placed.contains(&("c".to_owned(), Some([3.0, 4.0]))));
        assert!(placed.contains(&("d".to_owned(), None)));
    }
}
