//! The open document: the plan, where it lives on disk, and its history;
//! and what the app does with it that needs no drawing: recovery copies,
//! opening on a worker, find, collapsed teams, the plans to start from.

pub mod autosave;
pub mod find;
pub mod folding;
pub mod opening;
mod templates;

pub use autosave::Autosave;
pub use find::Find;
pub use folding::{Folded, managers_above};
pub use opening::{Opened, Opening};
pub use templates::{UNTITLED, file_stem, new_plan, template_plan};

use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::edit::{Edit, EditError, History};
use crate::io::{
    FileLoadError, LoadError, SaveError, plan_from_bytes, plan_to_string, read_limited,
    read_limited_with, save_plan_text,
};
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
    /// What the file held when the document last read or wrote it.
    disk: Option<DiskStamp>,
    /// Restored from a recovery copy and not saved since.
    recovered: bool,
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveProblem {
    /// Another program changed the document's file since it was opened or
    /// last saved; overwriting it needs the user's word.
    #[error("{} changed on disk since it was opened or last saved", .0.display())]
    ChangedOnDisk(PathBuf),
    /// Writing failed; the file on disk is as it was.
    #[error(transparent)]
    Failed(#[from] SaveError),
}

/// What a file held when the document last read or wrote it: enough to
/// tell whether another program changed it since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl DiskStamp {
    fn new(bytes: &[u8], path: &Path) -> Self {
        Self {
            len: bytes.len() as u64,
            modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            hash: content_hash(bytes),
        }
    }

    /// Whether `path` still holds what was stamped. A file that is gone
    /// has not been overwritten by anyone: saving writes it again.
    fn still_holds(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return true;
        };
        if meta.len() != self.len {
            return false;
        }
        if meta.modified().ok() == self.modified {
            return true;
        }
        // Touched, maybe rewritten with the same size: compare contents.
        read_limited(path).is_ok_and(|bytes| content_hash(&bytes) == self.hash)
    }
}

fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
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
            disk: None,
            recovered: false,
        }
    }

    /// A document restored from a recovery copy: the plan as it was when
    /// the copy was written, belonging to `path`, unsaved.
    pub fn recovered(plan: Plan, path: Option<PathBuf>, fallback_name: &str) -> Self {
        let mut doc = Self::new(plan, path, fallback_name);
        doc.recovered = true;
        doc
    }

    /// Loads a document from disk.
    pub fn open(path: &Path) -> Result<Self, FileLoadError> {
        Self::open_with(path, &mut |_, _| true)
    }

    /// [`Document::open`], telling `progress` (bytes read, file size) as the
    /// file is read; when it answers `false` opening stops.
    pub fn open_with(
        path: &Path,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<Self, FileLoadError> {
        let wrap = |error: LoadError| FileLoadError {
            path: path.to_owned(),
            error: Box::new(error),
        };
        let bytes = read_limited_with(path, progress).map_err(wrap)?;
        let plan = plan_from_bytes(&bytes).map_err(wrap)?;
        let stamp = DiskStamp::new(&bytes, path);
        drop(bytes);
        let mut doc = Self::new(plan, Some(path.to_owned()), "");
        doc.disk = Some(stamp);
        Ok(doc)
    }

    /// Whether another program changed the document's file since the
    /// document read or wrote it.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.disk) {
            (Some(path), Some(stamp)) => !stamp.still_holds(path),
            _ => false,
        }
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
            None if self.fallback_name.is_empty() => UNTITLED.to_owned(),
            None => self.fallback_name.clone(),
        }
    }

    /// Whether there are changes not saved to [`Document::path`].
    pub fn is_dirty(&self) -> bool {
        self.recovered || self.history.state() != self.saved_state
    }

    /// Applies an edit as one undo step.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.plan, edit)
    }

    /// Applies an edit, merging with the previous one of the same key.
    pub fn apply_merging(&mut self, edit: &Edit, key: &str) -> Result<(), EditError> {
        self.history.apply_merging(&mut self.plan, edit, Some(key))
    }

    /// Whether the last edit was typed into the field of `key` (a run of
    /// merged edits still open: no seal, undo or redo since).
    pub fn is_merging(&self, key: &str) -> bool {
        self.history.is_merging(key)
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

    /// How many edits were applied so far (undo and redo are not edits).
    pub fn edit_count(&self) -> u64 {
        self.history.edit_count()
    }

    /// An id of the plan's current state (changes with every edit, undo, redo).
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    /// Saves to `path` and makes it the document's path. Refuses to
    /// overwrite the document's own file when another program changed it
    /// (see [`Document::save_over`]). On error nothing changes.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveProblem> {
        if self.path.as_deref() == Some(path) && self.changed_on_disk() {
            return Err(SaveProblem::ChangedOnDisk(path.to_owned()));
        }
        Ok(self.save_over(path)?)
    }

    /// Saves to `path` whatever it holds now (its previous contents are kept
    /// as `NAME.bak`) and makes it the document's path.
    pub fn save_over(&mut self, path: &Path) -> Result<(), SaveError> {
        let text = plan_to_string(&self.plan).map_err(|e| SaveError {
            path: path.to_owned(),
            source: std::io::Error::other(e),
        })?;
        save_plan_text(&text, path)?;
        self.disk = Some(DiskStamp::new(text.as_bytes(), path));
        self.path = Some(path.to_owned());
        self.saved_state = self.history.state();
        self.recovered = false;
        Ok(())
    }
}
