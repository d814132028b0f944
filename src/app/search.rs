//! Find (Ctrl+F): members of the current stage whose name, title or tags
//! contain the text; Enter steps through the hits, each selected and
//! centred (a collapsed team opens to show it).

use egui::{RichText, Ui};

use super::folding::managers_above;
use super::orgevo_app::OrgevoApp;
use crate::model::{Member, Stage};

/// The find bar's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// The text typed.
    pub text: String,
    /// The matching members, in stage order.
    pub hits: Vec<String>,
    /// The hit shown last (an index into `hits`).
    pub current: Option<usize>,
    /// Put the keyboard focus in the field on the next frame.
    focus: bool,
}

/// Whether `member` matches `query` (lowercase): name, title or a tag.
fn matches(member: &Member, query: &str) -> bool {
    member.name.to_lowercase().contains(query)
        || member.title.to_lowercase().contains(query)
        || member
            .tags
            .iter()
            .any(|t| t.as_str().to_lowercase().contains(query))
}

/// The members of `stage` matching `text`, in stage order.
pub fn find(stage: &Stage, text: &str) -> Vec<String> {
    let query = text.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    stage
        .members()
        .filter(|m| matches(m, &query))
        .map(|m| m.id.clone())
        .collect()
}

impl OrgevoApp {
    /// Opens the find bar (or focuses it).
    pub(super) fn open_search(&mut self) {
        let search = self.search.get_or_insert_with(Search::default);
        search.focus = true;
    }

    /// Shows the hit `step` places from the current one (1 next, -1 back).
    pub(super) fn step_search(&mut self, step: isize) {
        let Some(stage) = self.doc.plan().stages.get(self.view.stage_index) else {
            return;
        };
        let Some(search) = self.search.as_mut() else {
            return;
        };
        search.hits = find(stage, &search.text);
        if search.hits.is_empty() {
            search.current = None;
            return;
        }
        let n = search.hits.len() as isize;
        let next = match search.current {
            None if step < 0 => n - 1,
            None => 0,
            Some(i) => (i as isize + step).rem_euclid(n),
        };
        search.current = Some(next as usize);
        let id = search.hits[next as usize].clone();
        // Open every collapsed team the hit is hidden in.
        if let Some(collapsed) = self.view.collapsed.get_mut(&stage.id) {
            for manager in managers_above(stage, &id) {
                collapsed.remove(&manager);
            }
        }
        self.select_and_center(vec![id]);
    }

    /// The find bar above the canvas.
    pub(super) fn search_bar_ui(&mut self, ui: &mut Ui) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        let mut step = 0;
        let mut close = false;
        ui.horizontal(|ui| {
            let label = ui.label("Find").id;
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut search.text)
                        .hint_text("name, title or tag")
                        .desired_width(240.0),
                )
                .labelled_by(label);
            if std::mem::take(&mut search.focus) {
                field.request_focus();
            }
            if field.changed() {
                search.current = None;
                search.hits.clear();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                step = if ui.input(|i| i.modifiers.shift) {
                    -1
                } else {
                    1
                };
                field.request_focus();
            }
            if field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
            if ui.button("Previous").clicked() {
                step = -1;
            }
            if ui.button("Next").clicked() {
                step = 1;
            }
            let status = match (
                search.current,
                search.hits.len(),
                search.text.trim().is_empty(),
            ) {
                (_, _, true) => String::new(),
                (Some(i), n, _) => format!("{} of {n}", i + 1),
                (None, _, _) => "Enter finds the next".to_owned(),
            };
            ui.label(RichText::new(status).weak());
            if ui.button("Close").clicked() {
                close = true;
            }
        });
        if close {
            self.search = None;
        } else if step != 0 {
            self.step_search(step);
            if let Some(search) = &self.search
                && search.hits.is_empty()
            {
                self.status = format!("No member matches \"{}\"", search.text.trim());
            }
        }
    }
}
