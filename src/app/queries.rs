//! What the app shows, read-only: the document, the stage on screen, the
//! selection, findings, dialogs and status, for embedders and UI tests.

use std::collections::BTreeSet;

use super::dialogs::Modal;
use super::document::Document;
use super::orgevo_app::OrgevoApp;
use super::state::AppSettings;
use crate::model::Plan;

impl OrgevoApp {
    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The open plan.
    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// The index of the stage on the canvas.
    pub fn stage_index(&self) -> usize {
        self.view.stage_index
    }

    /// The findings of stage `index` as the app shows them (worked out
    /// again only for what an edit touched).
    pub fn findings_of(&self, index: usize) -> &[crate::rules::Finding] {
        self.derived.findings.stage(index)
    }

    /// The selected member ids.
    pub fn selection(&self) -> &BTreeSet<String> {
        &self.view.selection
    }

    /// The modal dialog on screen.
    pub fn modal(&self) -> &Modal {
        &self.modal
    }

    /// The last status message.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The app settings (recent files, theme).
    pub fn settings(&self) -> &AppSettings {
        &self.settings
    }

    /// Where the card of member `id` of the current stage was drawn on
    /// screen in the last frame (the canvas is zoomed and panned, so its
    /// widgets' own rects are in scene coordinates).
    pub fn card_screen_rect(&self, id: &str) -> Option<egui::Rect> {
        let member = self.stage()?.member(id)?;
        Some(self.canvas.screen_rect(member))
    }
}
