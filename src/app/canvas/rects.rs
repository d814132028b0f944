//! Every card's rectangle by graph node, kept across frames.

use std::sync::Arc;

use egui::Rect;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

use super::card_rect;
use crate::model::{Member, Stage};

/// Every card's rectangle by graph node, kept while the stage's members do
/// not change: working them out is most of a big stage's frame otherwise.
#[derive(Default, Debug)]
pub(super) struct CardRects {
    key: Option<(String, u64)>,
    by_node: Vec<Rect>,
    /// The member each rect was worked out for: a member the edit left
    /// alone is the same shared value, and keeps its rect.
    of: Vec<Option<Arc<Member>>>,
}

impl CardRects {
    /// Brings the rects up to `stage` (only changed members are measured).
    pub(super) fn refresh(&mut self, stage: &Stage) {
        let key = (stage.id.clone(), stage.revision());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let same_stage = self.key.as_ref().is_some_and(|(id, _)| *id == stage.id);
        let graph = stage.graph();
        let bound = graph.node_bound();
        if !same_stage {
            self.by_node.clear();
            self.of.clear();
        }
        self.by_node.resize(bound, Rect::NOTHING);
        self.of.resize(bound, None);
        for i in 0..bound {
            let slot = &mut self.of[i];
            match graph.node_weight(NodeIndex::new(i)) {
                Some(member) if slot.as_ref().is_some_and(|m| Arc::ptr_eq(m, member)) => {}
                Some(member) => {
                    self.by_node[i] = card_rect(member);
                    *slot = Some(member.clone());
                }
                None => {
                    self.by_node[i] = Rect::NOTHING;
                    *slot = None;
                }
            }
        }
        self.key = Some(key);
    }

    /// The card at `node` (nothing for a node with no member).
    pub(super) fn get(&self, node: NodeIndex) -> Rect {
        self.by_node
            .get(node.index())
            .copied()
            .unwrap_or(Rect::NOTHING)
    }

    /// Every member's card.
    pub(super) fn all(&self) -> impl Iterator<Item = Rect> + '_ {
        self.of
            .iter()
            .zip(&self.by_node)
            .filter(|(member, _)| member.is_some())
            .map(|(_, rect)| *rect)
    }
}
