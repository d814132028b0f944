//! Settings kept between runs (eframe persistence) and the findings cache.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::canvas::ChangeOverlay;
use super::card::ChangeBadge;
use crate::diff::{Change, StageDiff, diff_plan_stages};
use crate::model::Plan;
use crate::rules::{Finding, Summary, check_stage};

/// The key under which [`AppSettings`] are stored.
pub const SETTINGS_KEY: &str = "orgevo.settings";

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Dark theme.
    Dark,
    /// Light theme.
    Light,
}

impl ThemeChoice {
    /// The egui preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Dark => egui::ThemePreference::Dark,
            Self::Light => egui::ThemePreference::Light,
        }
    }
}

/// What the app remembers between runs (window size is eframe's own).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    /// Recently opened or saved files, most recent first.
    pub recent_files: Vec<PathBuf>,
    /// The theme.
    pub theme: ThemeChoice,
}

/// The findings of every stage, recomputed only when the plan changes.
#[derive(Debug, Default)]
pub struct FindingsCache {
    state: Option<u64>,
    per_stage: Vec<Vec<Finding>>,
}

impl FindingsCache {
    /// Re-runs the rules if `state` differs from the last run.
    pub fn refresh(&mut self, plan: &Plan, state: u64) {
        if self.state == Some(state) {
            return;
        }
        self.per_stage = (0..plan.stages.len())
            .map(|i| check_stage(plan, i))
            .collect();
        self.state = Some(state);
    }

    /// Forgets the cache (after opening another document).
    pub fn invalidate(&mut self) {
        self.state = None;
    }

    /// Counts of the findings of the stage at `index`.
    pub fn summary(&self, index: usize) -> Summary {
        Summary::of(self.stage(index))
    }

    /// The findings of the stage at `index`.
    pub fn stage(&self, index: usize) -> &[Finding] {
        self.per_stage.get(index).map_or(&[], Vec::as_slice)
    }
}

/// The diff of the current stage against the one before it, recomputed
/// only when the plan or the stage changes.
#[derive(Debug, Default)]
pub struct DiffCache {
    key: Option<(u64, usize)>,
    diff: Option<StageDiff>,
    overlay: ChangeOverlay,
}

impl DiffCache {
    /// Re-diffs if the plan state or the stage index changed.
    pub fn refresh(&mut self, plan: &Plan, state: u64, index: usize) {
        if self.key == Some((state, index)) {
            return;
        }
        self.key = Some((state, index));
        let previous = plan.previous_non_empty(index);
        self.diff = previous.and_then(|previous| diff_plan_stages(plan, previous, index));
        self.overlay = ChangeOverlay::default();
        let (Some(diff), Some(before)) = (&self.diff, previous.and_then(|i| plan.stages.get(i)))
        else {
            return;
        };
        for change in &diff.changes {
            match change {
                Change::Added { member, .. } => {
                    self.overlay
                        .badges
                        .insert(member.id.clone(), ChangeBadge::New);
                }
                Change::Moved { member, .. } => {
                    self.overlay
                        .badges
                        .insert(member.id.clone(), ChangeBadge::Moved);
                }
                Change::Removed { member } => {
                    if let Some(m) = before.member(&member.id) {
                        self.overlay.ghosts.push(m.clone());
                    }
                }
                _ => {}
            }
        }
    }

    /// Forgets the cache (after opening another document).
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// The diff against the previous stage (none for the first stage).
    pub fn diff(&self) -> Option<&StageDiff> {
        self.diff.as_ref()
    }

    /// Badges and ghosts for the canvas.
    pub fn overlay(&self) -> &ChangeOverlay {
        &self.overlay
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{BUNDLED_EXAMPLE, plan_from_str};

    #[test]
    fn overlay_marks_new_and_moved_and_keeps_removed_as_ghosts() {
        let mut plan = plan_from_str(BUNDLED_EXAMPLE).unwrap();
        let mut cache = DiffCache::default();
        cache.refresh(&plan, 1, 1);
        assert_eq!(
            cache.overlay().badges.get("morgan"),
            Some(&ChangeBadge::New)
        );
        assert_eq!(cache.overlay().badges.get("sam"), Some(&ChangeBadge::Moved));
        assert!(cache.overlay().ghosts.is_empty());
        // Same state and stage: cached, even if the plan object changed.
        plan.stages[1].remove_member("leo");
        cache.refresh(&plan, 1, 1);
        assert!(cache.overlay().ghosts.is_empty());
        // A new state re-diffs. Leo left "split", so against it the converged
        // stage (index 2) has Leo as a new member.
        cache.refresh(&plan, 2, 2);
        assert_eq!(cache.overlay().badges.get("leo"), Some(&ChangeBadge::New));
        plan.stages[2].remove_member("dana");
        cache.refresh(&plan, 3, 2);
        let ghosts: Vec<&str> = cache
            .overlay()
            .ghosts
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ghosts, ["dana"]);
        assert!(cache.diff().is_some());
        cache.refresh(&plan, 4, 0);
        assert!(
            cache.diff().is_none(),
            "the first stage has nothing before it"
        );
    }
}
