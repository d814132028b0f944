//! What a dialog answers, and what waits for it: the one vocabulary the
//! dialogs share with the place that acts on their answers.

use std::path::PathBuf;

use crate::app::dialogs::csv::CsvDialog;
use crate::app::dialogs::export::ExportChoice;
use crate::app::dialogs::start::StartChoice;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start a new plan.
    New,
    /// Ask for a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Close,
    /// Open a plan made from an import (not saved yet), under this name.
    Imported(Box<crate::model::Plan>, String),
}

/// Why the path field is asking.
#[derive(Clone, Debug, PartialEq)]
pub enum PathPurpose {
    /// Open the file.
    Open,
    /// Save to the file, then carry on with `then`.
    Save {
        /// What to do after a successful save.
        then: Option<Pending>,
    },
    /// Write an export to the file.
    Export(ExportChoice),
    /// Read a people list (CSV).
    ImportCsv,
}

/// The user's answer to a modal this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum ModalAnswer {
    /// Close the dialog without doing anything.
    Dismiss,
    /// Unsaved changes: save first.
    Save(Pending),
    /// Unsaved changes: throw them away.
    Discard(Pending),
    /// Path field confirmed.
    Path(PathPurpose, PathBuf),
    /// The Export dialog's choice: ask where to write it.
    Export(ExportChoice),
    /// The Import dialog said Import.
    ImportCsv(Box<CsvDialog>),
    /// Give the suggested responsibilities to the members of the stage.
    Suggest(String, Vec<crate::edit::suggest::Suggestion>),
    /// The file changed on disk: overwrite it anyway, then carry on.
    Overwrite(PathBuf, Option<Pending>),
    /// The file changed on disk: save under another name, then carry on.
    SaveElsewhere(Option<Pending>),
    /// The file changed on disk: open what is on disk instead.
    Reload(PathBuf),
    /// A start-screen choice.
    Start(StartChoice),
    /// Restore this recovery copy; offer the rest after.
    Restore(crate::io::RecoveryCopy, Vec<crate::io::RecoveryCopy>),
    /// Delete this recovery copy; offer the rest after.
    DiscardCopy(crate::io::RecoveryCopy, Vec<crate::io::RecoveryCopy>),
}
