//! Stage ▸ Suggest responsibilities…: what each member without
//! responsibilities would be given, shown before anything changes; Apply
//! is one undoable edit.

use egui::{Id, RichText};

use crate::app::dialogs::closing::answer_or;
use crate::edit::suggest::Suggestion;

/// Rows listed before "and N more".
const LISTED: usize = 12;

/// What the user did in the dialog this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestAnswer {
    /// Give everyone listed their suggestion.
    Apply,
    /// Close without changing anything.
    Cancel,
}

/// Shows the suggestions for the stage `stage_name`.
pub fn suggest_dialog_ui(
    ctx: &egui::Context,
    stage_name: &str,
    suggestions: &[Suggestion],
) -> Option<SuggestAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("suggest-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Suggest responsibilities");
        ui.label(RichText::new(stage_name).weak());
        ui.add_space(6.0);
        if suggestions.is_empty() {
            ui.label(
                "Everyone who leads or manages here holds responsibilities already; \
                 nothing to suggest.",
            );
        } else {
            ui.label(
                "Titles are not responsibilities: these are a starting point for members who \
                 hold none yet. Leaders get the direction (vision, inspiration, strategy, \
                 process design); sales managers the management.",
            );
            ui.add_space(4.0);
            egui::Grid::new("suggestions")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for s in suggestions.iter().take(LISTED) {
                        ui.label(RichText::new(&s.name).strong());
                        let words: Vec<&str> = s.tags.iter().map(|t| t.label()).collect();
                        ui.label(words.join(", "));
                        ui.end_row();
                    }
                });
            if suggestions.len() > LISTED {
                ui.label(RichText::new(format!("and {} more", suggestions.len() - LISTED)).weak());
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let apply = format!(
                "Apply to {}",
                crate::look::count(suggestions.len(), "member")
            );
            if ui
                .add_enabled(!suggestions.is_empty(), egui::Button::new(apply))
                .clicked()
            {
                answer = Some(SuggestAnswer::Apply);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(SuggestAnswer::Cancel);
            }
        });
    });
    answer_or(&modal, answer, SuggestAnswer::Cancel)
}
