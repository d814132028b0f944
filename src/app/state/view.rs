//! What the user is looking at: which stage, what is selected, where each
//! stage's canvas is panned and zoomed, which teams are folded, the find
//! bar, the compare view, the open "Why?". Never part of the plan, never
//! undone; a document opened builds a fresh one ([`ViewState::for_plan`]).

use std::collections::{BTreeSet, HashMap};

use crate::app::canvas::compare::CompareView;
use crate::app::canvas::{CanvasView, bounds};
use crate::document::{Find, Folded, managers_above};
use crate::model::{Plan, Stage};

/// Which list the bottom panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BottomTab {
    /// The findings of the stage.
    Findings,
    /// The changes since the previous stage.
    Changes,
}

/// The find bar (Ctrl+F): what is looked for, and whether the field wants
/// the keyboard on the next frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindBar {
    /// The text and the hits.
    pub find: Find,
    /// Put the keyboard focus in the field on the next frame.
    pub focus: bool,
}

/// The view state of one document.
#[derive(Debug)]
pub struct ViewState {
    /// The position of the stage on the canvas.
    pub stage_index: usize,
    /// The id of the stage shown: after edits, undo and redo the view finds
    /// the same stage again, wherever it moved.
    pub shown_stage_id: String,
    /// The selected members of the shown stage.
    pub selection: BTreeSet<String>,
    /// Pan and zoom by stage id.
    pub cameras: HashMap<String, CanvasView>,
    /// Collapsed teams by stage id.
    pub collapsed: HashMap<String, BTreeSet<String>>,
    /// Whether removed members show as faded ghosts.
    pub show_removed: bool,
    /// Which list the bottom panel shows.
    pub bottom_tab: BottomTab,
    /// The find bar, when open.
    pub find: Option<FindBar>,
    /// Two stages side by side, when on.
    pub compare: Option<CompareView>,
    /// The rule whose "Why?" is open.
    pub why: Option<String>,
}

impl ViewState {
    /// A fresh view of `plan`: its first stage, nothing selected, folded or
    /// searched, the stage fitted to the window.
    pub fn for_plan(plan: &Plan) -> Self {
        let mut view = Self {
            stage_index: 0,
            shown_stage_id: plan
                .stages
                .first()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            selection: BTreeSet::new(),
            cameras: HashMap::new(),
            collapsed: HashMap::new(),
            show_removed: true,
            bottom_tab: BottomTab::Findings,
            find: None,
            compare: None,
            why: None,
        };
        view.fit(plan, false);
        view
    }

    /// The stage shown.
    pub fn stage<'p>(&self, plan: &'p Plan) -> Option<&'p Stage> {
        plan.stages.get(self.stage_index)
    }

    /// The id of the stage shown ("" for a plan without stages).
    pub fn stage_id(&self, plan: &Plan) -> String {
        self.stage(plan).map(|s| s.id.clone()).unwrap_or_default()
    }

    /// Shows stage `index` (a new stage is fitted to the window); `true`
    /// when the stage shown changed.
    pub fn set_stage(&mut self, plan: &Plan, index: usize) -> bool {
        if index >= plan.stages.len() || index == self.stage_index {
            return false;
        }
        self.stage_index = index;
        self.shown_stage_id = self.stage_id(plan);
        self.selection.clear();
        if !self.cameras.contains_key(&self.shown_stage_id) {
            self.fit(plan, false);
        }
        true
    }

    /// Shows stage `index` even if it is the current index (after the
    /// stages were reordered or removed), dropping the selection.
    pub fn set_stage_index(&mut self, plan: &Plan, index: usize) {
        self.stage_index = index.min(plan.stages.len().saturating_sub(1));
        self.selection.clear();
        self.shown_stage_id = self.stage_id(plan);
    }

    /// Keeps showing the same stage (by id) after the plan changed: an
    /// earlier stage deleted or an undo moves it to another position. When
    /// the shown stage itself is gone, its neighbour at that position is
    /// shown. `true` when the shown stage is another one now.
    pub fn follow_shown_stage(&mut self, plan: &Plan) -> bool {
        match plan.stage_position(&self.shown_stage_id) {
            Some(index) if index == self.stage_index => false,
            Some(index) => {
                self.stage_index = index;
                false
            }
            None => {
                self.set_stage_index(plan, self.stage_index);
                true
            }
        }
    }

    /// Replaces the selection (ids not in the current stage are ignored).
    pub fn set_selection(&mut self, plan: &Plan, ids: impl IntoIterator<Item = String>) {
        let stage = self.stage(plan);
        self.selection = ids
            .into_iter()
            .filter(|id| stage.is_some_and(|s| s.member(id).is_some()))
            .collect();
    }

    /// Selects `members` and centres the view on them.
    pub fn select_and_center(&mut self, plan: &Plan, members: Vec<String>) {
        self.selection = members.into_iter().collect();
        if !self.selection.is_empty() {
            self.fit(plan, true);
        }
    }

    /// A click on a card: select it alone, or add/remove it (`additive`).
    pub fn toggle_select(&mut self, id: String, additive: bool) {
        if !additive {
            self.selection = BTreeSet::from([id]);
        } else if !self.selection.remove(&id) {
            self.selection.insert(id);
        }
    }

    /// Fits the view to the stage, or to the selection.
    pub fn fit(&mut self, plan: &Plan, selection_only: bool) {
        let Some(stage) = plan.stages.get(self.stage_index) else {
            return;
        };
        let area = if selection_only && !self.selection.is_empty() {
            bounds(
                self.selection
                    .iter()
                    .filter_map(|id| Some((stage.member(id)?, stage.pos(id)))),
            )
        } else {
            bounds(stage.placed_members())
        };
        if let Some(area) = area {
            self.cameras
                .entry(stage.id.clone())
                .or_default()
                .pending_fit = Some(area);
        }
    }

    /// Fits the view to the team of `head`: that member and everyone below.
    pub fn fit_team(&mut self, plan: &Plan, head: &str) {
        let Some(stage) = plan.stages.get(self.stage_index) else {
            return;
        };
        let team = crate::document::folding::team_of(stage, head);
        if let Some(area) = bounds(
            team.iter()
                .filter_map(|id| Some((stage.member(id)?, stage.pos(id)))),
        ) {
            self.cameras
                .entry(stage.id.clone())
                .or_default()
                .pending_fit = Some(area);
        }
    }

    /// Keeps the stage index and the selection valid after undo or redo.
    pub fn prune_selection(&mut self, plan: &Plan) {
        if self.stage_index >= plan.stages.len() {
            self.stage_index = plan.stages.len().saturating_sub(1);
        }
        let Some(stage) = plan.stages.get(self.stage_index) else {
            self.selection.clear();
            return;
        };
        self.selection.retain(|id| stage.member(id).is_some());
    }

    /// Collapses or expands the team under `id` in stage `stage`; selected
    /// members inside a folded team would be invisible, so they are dropped.
    pub fn toggle_team(&mut self, plan: &Plan, stage: &str, id: &str) {
        let collapsed = self.collapsed.entry(stage.to_owned()).or_default();
        if !collapsed.remove(id) {
            collapsed.insert(id.to_owned());
            if let Some(stage) = plan.stage(stage) {
                let folded = Folded::of(stage, collapsed);
                self.selection.retain(|m| !folded.hidden.contains(m));
            }
        }
    }

    /// What collapsing hides in the stage shown.
    pub fn folded(&self, stage: &Stage) -> Folded {
        match self.collapsed.get(&stage.id) {
            Some(collapsed) if !collapsed.is_empty() => Folded::of(stage, collapsed),
            _ => Folded::default(),
        }
    }

    /// Opens the find bar (or focuses it).
    pub fn open_find(&mut self) {
        self.find.get_or_insert_with(FindBar::default).focus = true;
    }

    /// While the find bar is open on a hit: that member's chain of command
    /// in `stage`, which the canvas highlights (the rest dimmed).
    pub fn find_chain(&self, stage: &crate::model::Stage) -> Option<Vec<String>> {
        let chain = self.find.as_ref()?.find.chain(stage);
        (!chain.is_empty()).then_some(chain)
    }

    /// Shows the hit `step` places from the current one (1 next, -1 back):
    /// selected, centred, every collapsed team above it opened. `false`
    /// when nothing matches.
    pub fn step_find(&mut self, plan: &Plan, step: isize) -> bool {
        let (Some(stage), Some(bar)) = (plan.stages.get(self.stage_index), self.find.as_mut())
        else {
            return true;
        };
        let Some(id) = bar.find.step(stage, step) else {
            return false;
        };
        if let Some(collapsed) = self.collapsed.get_mut(&stage.id) {
            for manager in managers_above(stage, &id) {
                collapsed.remove(&manager);
            }
        }
        self.select_and_center(plan, vec![id]);
        true
    }
}
