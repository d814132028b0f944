//! Settings kept between runs (eframe persistence) and the findings cache.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::Plan;
use crate::rules::{Finding, check_stage};

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

    /// The findings of the stage at `index`.
    pub fn stage(&self, index: usize) -> &[Finding] {
        self.per_stage.get(index).map_or(&[], Vec::as_slice)
    }
}
