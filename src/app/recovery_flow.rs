//! The app's side of crash recovery: keeping the copy up to date, offering
//! copies of apps that ended without saving, restoring one.

use std::path::Path;
use std::time::Instant;

use super::autosave::Autosave;
use super::dialogs::Modal;
use super::document::Document;
use super::orgevo_app::OrgevoApp;
use crate::io::RecoveryCopy;

impl OrgevoApp {
    /// Keeps recovery copies in `dir` from now on, and offers back the
    /// copies of apps that ended without saving. Without a usable folder the
    /// app runs on, and says so in the status line.
    pub fn enable_recovery(&mut self, dir: &Path) {
        match Autosave::start(dir) {
            Ok((autosave, orphans)) => {
                self.autosave = autosave;
                self.offer_recovery(orphans);
            }
            Err(e) => {
                self.status = format!("No recovery copies: cannot use {}: {e}", dir.display());
            }
        }
    }

    /// Shows the restore dialog for `copies`, if any (after any dialog on
    /// screen now is answered, they are offered at the next start).
    pub(super) fn offer_recovery(&mut self, copies: Vec<RecoveryCopy>) {
        if !copies.is_empty() && matches!(self.modal, Modal::None) {
            self.modal = Modal::Recover(copies);
        }
    }

    /// Opens a recovery copy as the document (unsaved, belonging to its
    /// file), then offers the `rest`.
    pub(super) fn restore(&mut self, copy: &RecoveryCopy, rest: Vec<RecoveryCopy>) {
        match copy.read() {
            Ok(plan) => {
                let name = copy.info.name.clone();
                self.doc = Document::recovered(plan, copy.info.file.clone(), &name);
                self.replace_document_view();
                // Safe in this app's own copy before the old one goes.
                if let Some(e) = self.autosave.write_now(&self.doc) {
                    self.status = format!("Restored {name}, but no new recovery copy: {e}");
                } else {
                    self.status = format!("Restored {name}: save it to keep it");
                }
                copy.discard();
                self.offer_recovery(rest);
            }
            Err(e) => self.show_error("Could not restore the copy", e.to_string()),
        }
    }

    /// Writes the recovery copy when one is due, and wakes the app in time
    /// for the next.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let (wake, error) = self.autosave.tick(&self.doc, Instant::now());
        if let Some(wake) = wake {
            ctx.request_repaint_after(wake);
        }
        if let Some(e) = error {
            self.status = format!("Could not write the recovery copy: {e}");
        }
    }

    /// Waits until the recovery copy being written is on disk (tests, exit).
    pub fn finish_autosave(&mut self) {
        if let Some(e) = self.autosave.flush() {
            self.status = format!("Could not write the recovery copy: {e}");
        }
    }

    /// The app ends cleanly: its recovery copy goes.
    pub fn end_cleanly(&mut self) {
        self.autosave.release();
    }
}
