//! The selection and what the view shows: selecting, fitting the view to
//! members, keeping the selection valid after undo.

use std::collections::BTreeSet;

use super::canvas::bounds;
use super::orgevo_app::OrgevoApp;

impl OrgevoApp {
    /// Replaces the selection (ids not in the current stage are ignored).
    pub fn set_selection(&mut self, ids: impl IntoIterator<Item = String>) {
        let stage = self.doc.plan().stages.get(self.view.stage_index);
        self.view.selection = ids
            .into_iter()
            .filter(|id| stage.is_some_and(|s| s.member(id).is_some()))
            .collect();
    }

    pub(super) fn select_and_center(&mut self, members: Vec<String>) {
        self.view.selection = members.into_iter().collect();
        if !self.view.selection.is_empty() {
            self.fit(true);
        }
    }

    pub(super) fn select_only(&mut self, id: String) {
        self.view.selection = BTreeSet::from([id]);
    }

    pub(super) fn toggle_select(&mut self, id: String, additive: bool) {
        if !additive {
            self.view.selection = BTreeSet::from([id]);
        } else if !self.view.selection.remove(&id) {
            self.view.selection.insert(id);
        }
    }

    pub(super) fn extend_selection(&mut self, ids: Vec<String>) {
        self.view.selection.extend(ids);
    }

    pub(super) fn clear_selection(&mut self) {
        self.view.selection.clear();
    }

    pub(super) fn fit(&mut self, selection_only: bool) {
        let Some(stage) = self.doc.plan().stages.get(self.view.stage_index) else {
            return;
        };
        let area = if selection_only && !self.view.selection.is_empty() {
            bounds(self.view.selection.iter().filter_map(|id| stage.member(id)))
        } else {
            bounds(stage.members())
        };
        if let Some(area) = area {
            self.view
                .views
                .entry(stage.id.clone())
                .or_default()
                .pending_fit = Some(area);
        }
    }

    pub(super) fn prune_selection(&mut self) {
        if self.view.stage_index >= self.doc.plan().stages.len() {
            self.view.stage_index = self.doc.plan().stages.len().saturating_sub(1);
        }
        let Some(stage) = self.doc.plan().stages.get(self.view.stage_index) else {
            self.view.selection.clear();
            return;
        };
        self.view.selection.retain(|id| stage.member(id).is_some());
    }
}
