//! Autosave for crash recovery: while the plan has unsaved changes, a copy
//! goes to the recovery folder every 30 seconds and after every 50 edits,
//! written on a worker thread (a copy of a plan costs next to nothing to
//! take). A clean exit, a save or Discard removes it.

use std::path::Path;
use std::time::{Duration, Instant};

use super::Document;
use crate::io::{RecoveryCopy, RecoverySlot, SaveError, orphaned_copies, write_recovery_copy};
use crate::task::Task;

/// A copy at least this often while there are unsaved changes.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);
/// And after this many edits.
pub const AUTOSAVE_AFTER_EDITS: u64 = 50;

/// The app's recovery copy and when to write it.
#[derive(Debug, Default)]
pub struct Autosave {
    slot: Option<RecoverySlot>,
    /// The document state the copy holds.
    written: Option<u64>,
    /// The document's edit count when the copy was last brought up to date.
    edits_at_copy: u64,
    /// Since when the copy has been out of date.
    stale_since: Option<Instant>,
    writing: Option<(u64, Task<Result<(), SaveError>>)>,
}

impl Autosave {
    /// Claims this app's copy in `dir`; returns the copies of apps that are
    /// gone, to offer back.
    pub fn start(dir: &Path) -> Result<(Self, Vec<RecoveryCopy>), std::io::Error> {
        let orphans = orphaned_copies(dir);
        let slot = RecoverySlot::claim(dir)?;
        let autosave = Self {
            slot: Some(slot),
            ..Self::default()
        };
        Ok((autosave, orphans))
    }

    /// Looks at the document once a frame; writes a copy when one is due.
    /// Returns how long until the next one may be due (to wake the app),
    /// and a failed write's error.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> (Option<Duration>, Option<String>) {
        let error = self.collect_write();
        let Some(slot) = &self.slot else {
            return (None, error);
        };
        let state = doc.state();
        if !doc.is_dirty() {
            if self.written.take().is_some() {
                slot.clear();
            }
            self.edits_at_copy = doc.edit_count();
            self.stale_since = None;
            return (None, error);
        }
        if self.written == Some(state) {
            return (None, error);
        }
        let since = *self.stale_since.get_or_insert(now);
        let waited = now.saturating_duration_since(since);
        let edits = doc.edit_count().saturating_sub(self.edits_at_copy);
        let due = edits >= AUTOSAVE_AFTER_EDITS || waited >= AUTOSAVE_EVERY;
        if !due || self.writing.is_some() {
            return (Some(AUTOSAVE_EVERY.saturating_sub(waited)), error);
        }
        let (path, plan) = (slot.path().to_owned(), doc.plan().clone());
        let (file, name) = (doc.path().map(Path::to_path_buf), doc.name());
        let job = Task::spawn(move || write_recovery_copy(&path, &plan, file.as_deref(), &name));
        self.writing = Some((state, job));
        self.edits_at_copy = doc.edit_count();
        self.stale_since = None;
        (None, error)
    }

    /// Waits for a copy being written; its error, if it failed.
    pub fn flush(&mut self) -> Option<String> {
        let (state, job) = self.writing.take()?;
        match job.join() {
            Some(Ok(())) => {
                self.written = Some(state);
                None
            }
            Some(Err(e)) => Some(e.to_string()),
            None => Some("the recovery copy could not be written".to_owned()),
        }
    }

    /// A finished write's outcome, without waiting.
    fn collect_write(&mut self) -> Option<String> {
        if self
            .writing
            .as_ref()
            .is_some_and(|(_, job)| job.is_finished())
        {
            return self.flush();
        }
        None
    }

    /// Writes a copy now and waits for it (e.g. right after a restore).
    pub fn write_now(&mut self, doc: &Document) -> Option<String> {
        let error = self.flush();
        let slot = self.slot.as_ref()?;
        match slot.write(doc.plan(), doc.path(), &doc.name()) {
            Ok(()) => {
                self.written = Some(doc.state());
                self.edits_at_copy = doc.edit_count();
                error
            }
            Err(e) => Some(e.to_string()),
        }
    }

    /// The app ends cleanly: the copy and its lock go.
    pub fn release(&mut self) {
        let _ = self.flush();
        if let Some(slot) = self.slot.take() {
            slot.release();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::synthetic_plan;

    fn copies(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| {
                        e.file_name()
                            .to_string_lossy()
                            .ends_with(".orgevo-recovery")
                    })
                    .count()
            })
            .unwrap_or(0)
    }

    #[test]
    fn a_copy_is_written_30_seconds_after_the_first_unsaved_change() {
        let dir = tempfile::tempdir().unwrap();
        let (mut autosave, orphans) = Autosave::start(dir.path()).unwrap();
        assert!(orphans.is_empty());
        let mut doc = Document::new(synthetic_plan(20, 3, 1), None, super::super::UNTITLED);
        let start = Instant::now();
        assert_eq!(
            autosave.tick(&doc, start),
            (None, None),
            "nothing to keep yet"
        );
        doc.apply(&Edit::SetTitle("Changed".into())).unwrap();
        let (wake, _) = autosave.tick(&doc, start);
        assert_eq!(wake, Some(AUTOSAVE_EVERY), "wakes the app in time");
        autosave.tick(&doc, start + Duration::from_secs(29));
        assert_eq!(autosave.flush(), None);
        assert_eq!(copies(dir.path()), 0, "not due before 30 seconds");
        autosave.tick(&doc, start + Duration::from_secs(30));
        assert_eq!(autosave.flush(), None);
        assert_eq!(copies(dir.path()), 1);
        // Up to date: no new copy until the plan changes again.
        assert_eq!(
            autosave.tick(&doc, start + Duration::from_secs(90)),
            (None, None)
        );
        // Undone back to the saved state: the copy goes.
        doc.undo();
        autosave.tick(&doc, start + Duration::from_secs(91));
        assert_eq!(copies(dir.path()), 0);
        autosave.release();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
