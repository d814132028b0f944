//! The window's own state: settings, file pickers, the status line, the
//! title, closing, recovery copies and the plan being opened.

use crate::app::files::pickers::FileDialogs;
use crate::app::state::settings::AppSettings;
use crate::document::{Autosave, Opening};

/// What the window keeps beside the document and the view.
#[derive(Debug)]
pub struct Shell {
    /// Kept between runs (recent files, theme, the file open last).
    pub settings: AppSettings,
    /// Native file dialogs, or the in-app path field.
    pub pickers: FileDialogs,
    /// The last status message.
    pub status: String,
    /// The user said Discard or saved: the window may close.
    pub allow_close: bool,
    /// The window title last sent.
    pub shown_title: String,
    /// Recovery copies of the plan while it has unsaved changes.
    pub autosave: Autosave,
    /// The plan being opened, if any.
    pub opening: Option<Opening>,
}

impl Shell {
    /// A shell with `settings`, using `pickers` for files.
    pub fn new(settings: AppSettings, pickers: FileDialogs) -> Self {
        Self {
            settings,
            pickers,
            status: String::new(),
            allow_close: false,
            shown_title: String::new(),
            autosave: Autosave::default(),
            opening: None,
        }
    }
}
