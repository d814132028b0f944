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
    /// alone is the same shared value, and keeps its card's size.
    of: Vec<Option<Arc<Member>>>,
    /// The position each rect was worked out for.
    at: Vec<Option<[f32; 2]>>,
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
            self.at.clear();
        }
        self.by_node.resize(bound, Rect::NOTHING);
        self.of.resize(bound, None);
        self.at.resize(bound, None);
        for i in 0..bound {
            let slot = &mut self.of[i];
            let node = NodeIndex::new(i);
            match graph.node_weight(node) {
                Some(member) if slot.as_ref().is_some_and(|m| Arc::ptr_eq(m, member)) => {
                    // The same card; moved, it keeps its size.
                    let pos = stage.pos_at(node);
                    if self.at[i] != pos {
                        let [x, y] = pos.unwrap_or([0.0, 0.0]);
                        self.by_node[i] =
                            Rect::from_center_size(egui::pos2(x, y), self.by_node[i].size());
                        self.at[i] = pos;
                    }
                }
                Some(member) => {
                    let pos = stage.pos_at(node);
                    self.by_node[i] = card_rect(member, pos);
                    self.at[i] = pos;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic_plan;

    #[test]
    fn a_moved_or_renamed_card_gets_its_new_rect() {
        let mut stage = synthetic_plan(50, 4, 3).stages[0].clone();
        crate::layout::place_missing_positions(&mut stage);
        let mut rects = CardRects::default();
        rects.refresh(&stage);
        let node = stage.node("m7").unwrap();
        let before = rects.get(node);
        assert_eq!(before, card_rect(&stage.graph()[node], stage.pos_at(node)));
        stage.set_pos("m7", Some([-500.0, 900.0]));
        rects.refresh(&stage);
        assert_eq!(rects.get(node).center(), egui::pos2(-500.0, 900.0));
        assert_eq!(rects.get(node).size(), before.size());
        stage.member_mut("m7").unwrap().name = "A much longer name than before".into();
        rects.refresh(&stage);
        assert_eq!(
            rects.get(node),
            card_rect(&stage.graph()[node], stage.pos_at(node))
        );
        assert!(rects.get(node).width() > before.width());
        // Every other card is where the stage says.
        for other in stage.graph().node_indices() {
            let expected = card_rect(&stage.graph()[other], stage.pos_at(other));
            assert_eq!(rects.get(other), expected);
        }
    }
}
