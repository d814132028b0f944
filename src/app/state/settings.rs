//! Settings kept between runs (eframe persistence).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

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
    /// The file that was open when the app last closed, reopened at the next
    /// start when no file is named.
    pub last_open: Option<PathBuf>,
}
