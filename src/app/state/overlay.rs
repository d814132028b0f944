//! The canvas's change overlay (new and moved badges, ghosts of removed
//! members), worked out from scratch or, after an edit to the shown stage,
//! only for the members the edit touched.

use std::collections::HashSet;
use std::sync::Arc;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, NodeIndexable};

use crate::app::canvas::ChangeOverlay;
use crate::app::canvas::card::ChangeBadge;
use crate::model::{LinkKind, Member, Stage};

/// New and moved members of `now` and the members gone since `before`:
/// one lookup per member, nothing else of the diff.
pub(in crate::app) fn overlay_of(before: &Stage, now: &Stage) -> ChangeOverlay {
    let mut overlay = ChangeOverlay::default();
    for node in now.graph().node_indices() {
        if let Some(badge) = badge_of(before, now, node) {
            overlay.badges.insert(now.graph()[node].id.clone(), badge);
        }
    }
    let graph = before.graph();
    overlay.ghosts = graph
        .node_indices()
        .filter(|node| is_gone(&graph[*node], *node, now))
        .map(|node| ((*graph[node]).clone(), before.pos_at(node)))
        .collect();
    overlay
}

/// The badge of `now`'s member at `node`: new when `before` has no member
/// with its id, moved when its manager is another one.
fn badge_of(before: &Stage, now: &Stage, node: NodeIndex) -> Option<ChangeBadge> {
    let (was_graph, graph) = (before.graph(), now.graph());
    let member = graph.node_weight(node)?;
    // A stage copied from the other shares its unchanged members and their
    // nodes: most members are told apart by pointer.
    let was = match was_graph.node_weight(node) {
        Some(was) if Arc::ptr_eq(was, member) => Some(node),
        _ => before.node_hinted(&member.id, node),
    };
    let Some(was) = was else {
        return Some(ChangeBadge::New);
    };
    let same = |a: NodeIndex, b: NodeIndex| match (was_graph.node_weight(a), graph.node_weight(b)) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a.id == b.id,
        _ => false,
    };
    let moved = match (before.manager_node(was), now.manager_node(node)) {
        (None, None) => false,
        (Some(a), Some(b)) => !same(a, b),
        _ => true,
    };
    moved.then_some(ChangeBadge::Moved)
}

/// Whether `before`'s `member` (at `node` there) is gone from `now`.
fn is_gone(member: &Arc<Member>, node: NodeIndex, now: &Stage) -> bool {
    let kept = now
        .graph()
        .node_weight(node)
        .is_some_and(|m| Arc::ptr_eq(m, member));
    !kept && now.node_hinted(&member.id, node).is_none()
}

/// What the overlay was worked out for.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    before: (String, u64),
    now: String,
}

/// The overlay of the shown stage, kept with what each of its members was
/// (and who they reported to) when it was worked out, so that after an
/// edit to the shown stage only the members that changed are looked at
/// again.
#[derive(Debug, Default)]
pub(in crate::app) struct OverlayMemo {
    key: Option<Key>,
    revision: u64,
    /// By node of the shown stage: its member and their manager's node.
    seen: Vec<Option<(Arc<Member>, Option<NodeIndex>)>>,
    overlay: ChangeOverlay,
}

impl OverlayMemo {
    /// The overlay of `now` against `before`, brought up to date.
    pub(in crate::app) fn refresh(&mut self, before: &Stage, now: &Stage) -> &ChangeOverlay {
        let key = Key {
            before: (before.id.clone(), before.revision()),
            now: now.id.clone(),
        };
        if self.key.as_ref() != Some(&key) {
            self.overlay = overlay_of(before, now);
            self.seen = snapshot(now);
        } else if self.revision != now.revision() {
            self.update(before, now);
        }
        self.key = Some(key);
        self.revision = now.revision();
        &self.overlay
    }

    /// The overlay as last worked out.
    pub(in crate::app) fn overlay(&self) -> &ChangeOverlay {
        &self.overlay
    }

    /// Looks again at the members of `now` that are not what they were
    /// (another member, another manager, gone or new) and at their reports
    /// (whose manager may have a new id); remembers them as they are now.
    fn update(&mut self, before: &Stage, now: &Stage) {
        let graph = now.graph();
        let managers = now.manager_nodes();
        let bound = graph.node_bound().max(self.seen.len());
        self.seen.resize(bound, None);
        let mut touched: Vec<NodeIndex> = Vec::new();
        for i in 0..bound {
            let node = NodeIndex::new(i);
            let manager = managers.get(i).copied().flatten();
            let is = graph.node_weight(node).map(|m| (m, manager));
            let same = match (&self.seen[i], is) {
                (None, None) => true,
                // Badges read ids and managers only: a member moved on
                // the canvas or renamed is the same to them.
                (Some((m, manager)), Some((n, now_manager))) => {
                    (Arc::ptr_eq(m, n) || m.id == n.id) && *manager == now_manager
                }
                _ => false,
            };
            if same {
                // Keep the member as it is now: pointers tell it apart next time.
                if let (Some((m, _)), Some((n, _))) = (&mut self.seen[i], is)
                    && !Arc::ptr_eq(m, n)
                {
                    *m = n.clone();
                }
                continue;
            }
            let was = std::mem::replace(
                &mut self.seen[i],
                is.map(|(m, manager)| (m.clone(), manager)),
            );
            // The member that was here: its badge goes; gone, it is a ghost.
            if let Some((old, _)) = &was {
                self.overlay.badges.remove(&old.id);
                if now.node(&old.id).is_none()
                    && let Some(at) = before.node(&old.id)
                    && !self.overlay.ghosts.iter().any(|(g, _)| g.id == old.id)
                {
                    let ghost = (*before.graph()[at]).clone();
                    self.overlay.ghosts.push((ghost, before.pos_at(at)));
                }
            }
            if is.is_some() {
                touched.push(node);
                touched.extend(
                    graph
                        .edges_directed(node, Direction::Incoming)
                        .filter(|e| *e.weight() == LinkKind::ReportsTo)
                        .map(|e| e.source()),
                );
            }
        }
        // A member here now is no ghost (an id given back after a removal).
        let mut here: HashSet<&str, foldhash::fast::RandomState> = HashSet::default();
        for node in touched {
            let Some(member) = graph.node_weight(node) else {
                continue;
            };
            here.insert(member.id.as_str());
            match badge_of(before, now, node) {
                Some(badge) => self.overlay.badges.insert(member.id.clone(), badge),
                None => self.overlay.badges.remove(&member.id),
            };
        }
        if !here.is_empty() {
            self.overlay
                .ghosts
                .retain(|(g, _)| !here.contains(g.id.as_str()));
        }
    }
}

/// Every node's member and manager.
fn snapshot(stage: &Stage) -> Vec<Option<(Arc<Member>, Option<NodeIndex>)>> {
    let graph = stage.graph();
    let managers = stage.manager_nodes();
    (0..graph.node_bound())
        .map(|i| {
            let manager = managers.get(i).copied().flatten();
            graph
                .node_weight(NodeIndex::new(i))
                .map(|m| (m.clone(), manager))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::{Function, Plan, synthetic_plan};
    use proptest::prelude::*;

    /// Badges and the ids of the ghosts (their order is not part of it).
    fn seen(overlay: &ChangeOverlay) -> (Vec<(String, ChangeBadge)>, Vec<String>) {
        let mut badges: Vec<_> = overlay
            .badges
            .iter()
            .map(|(id, b)| (id.clone(), *b))
            .collect();
        badges.sort_by(|a, b| a.0.cmp(&b.0));
        let mut ghosts: Vec<String> = overlay.ghosts.iter().map(|(m, _)| m.id.clone()).collect();
        ghosts.sort();
        (badges, ghosts)
    }

    /// One edit of the kind `kind` picked from ids by `a` and `b`, on stage
    /// `stage`; refused edits (a cycle, a taken id) change nothing.
    fn edit(plan: &mut Plan, stage: usize, kind: u8, a: usize, b: usize, round: usize) {
        let ids: Vec<String> = plan.stages[stage].members().map(|m| m.id.clone()).collect();
        if ids.is_empty() {
            return;
        }
        let (x, y) = (ids[a % ids.len()].clone(), ids[b % ids.len()].clone());
        let stage_id = plan.stages[stage].id.clone();
        let edit = match kind % 6 {
            0 => {
                let mut member = plan.stages[stage].member(&x).cloned().unwrap();
                member.name = format!("Renamed {round}");
                Edit::UpdateMember {
                    stage: stage_id,
                    member,
                }
            }
            1 => Edit::SetManager {
                stage: stage_id,
                member: x,
                manager: Some(y),
            },
            2 => Edit::SetManager {
                stage: stage_id,
                member: x,
                manager: None,
            },
            3 => Edit::RemoveMembers {
                stage: stage_id,
                ids: vec![x],
            },
            4 => Edit::AddMember {
                stage: stage_id,
                member: crate::model::Member::new(format!("new{round}"), "New", Function::Sales),
                pos: None,
                manager: Some(y),
            },
            // A new id, or a removed member's id back (then not a ghost).
            _ => Edit::RenameMemberId {
                stage: stage_id,
                from: x,
                to: format!("m{}", b % 50),
            },
        };
        let _ = edit.apply(plan);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn the_updated_overlay_is_the_one_worked_out_from_scratch(
            edits in proptest::collection::vec((any::<bool>(), 0u8..6, 0usize..64, 0usize..64), 1..24)
        ) {
            let mut plan = synthetic_plan(40, 4, 7);
            let mut memo = OverlayMemo::default();
            for (round, (on_before, kind, a, b)) in edits.into_iter().enumerate() {
                // Mostly the shown stage; now and then the one before it.
                let stage = if on_before && kind == 0 { 0 } else { 1 };
                edit(&mut plan, stage, kind, a, b, round);
                let (before, now) = (&plan.stages[0], &plan.stages[1]);
                let updated = seen(memo.refresh(before, now));
                prop_assert_eq!(updated, seen(&overlay_of(before, now)), "after edit {}", round);
            }
        }
    }
}
