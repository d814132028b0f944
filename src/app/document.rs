//! The open document: the plan, where it lives on disk, and its history.

use std::path::{Path, PathBuf};

use crate::edit::{Edit, EditError, History};
use crate::io::{FileLoadError, SaveError, load_plan, save_plan};
use crate::layout::place_missing_positions;
use crate::model::Plan;

/// The plan being edited. The plan changes only through [`Document::apply`],
/// [`Document::undo`] and [`Document::redo`].
#[derive(Debug)]
pub struct Document {
    plan: Plan,
    path: Option<PathBuf>,
    /// A name shown when there is no path (e.g. the bundled example).
    fallback_name: String,
    history: History,
    saved_state: u64,
}

impl Document {
    /// A document for `plan`, not yet saved anywhere. Members without a
    /// position are laid out (this is not an edit and not a change).
    pub fn new(mut plan: Plan, path: Option<PathBuf>, fallback_name: &str) -> Self {
        for stage in &mut plan.stages {
            place_missing_positions(stage);
        }
        let history = History::default();
        let saved_state = history.state();
        Self {
            plan,
            path,
            fallback_name: fallback_name.to_owned(),
            history,
            saved_state,
        }
    }

    /// Loads a document from disk.
    pub fn open(path: &Path) -> Result<Self, FileLoadError> {
        let plan = load_plan(path)?;
        Ok(Self::new(plan, Some(path.to_owned()), ""))
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The file the document was loaded from or saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file name for the window title.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None if self.fallback_name.is_empty() => "Untitled".to_owned(),
            None => self.fallback_name.clone(),
        }
    }

    /// Whether there are changes not saved to [`Document::path`].
    pub fn is_dirty(&self) -> bool {
        self.history.state() != self.saved_state
    }

    /// Applies an edit as one undo step.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.plan, edit)
    }

    /// Applies an edit, merging with the previous one of the same key.
    pub fn apply_merging(&mut self, edit: &Edit, key: &str) -> Result<(), EditError> {
        self.history.apply_merging(&mut self.plan, edit, Some(key))
    }

    /// Closes a run of merged edits.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Undoes one step.
    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.plan)
    }

    /// Redoes one step.
    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.plan)
    }

    /// The history, for menu labels.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// An id of the plan's current state (changes with every edit, undo, redo).
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    /// Saves to `path` and makes it the document's path. On error nothing
    /// changes.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        save_plan(&self.plan, path)?;
        self.path = Some(path.to_owned());
        self.saved_state = self.history.state();
        Ok(())
    }
}
