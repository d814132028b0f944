//! The start screen, shown when no file is named and none was open last
//! time: open the example, start from a template, open a file, import a
//! people list, or pick a recent file. Never a blank canvas with no hint.

use std::path::PathBuf;

use egui::{Id, RichText};

/// What the user chose on the start screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartChoice {
    /// The bundled example plan.
    Example,
    /// A new plan with the three stages from their templates.
    Template,
    /// Ask for a plan file.
    OpenFile,
    /// Ask for a people list (CSV).
    ImportCsv,
    /// A recent file.
    Recent(PathBuf),
    /// Closed without a choice: carry on with the new plan.
    Dismissed,
}

/// The start screen's labels, for the buttons and the tests.
pub const OPEN_EXAMPLE: &str = "Open the example plan";
/// See [`OPEN_EXAMPLE`].
pub const FROM_TEMPLATE: &str = "Start from a template";
/// See [`OPEN_EXAMPLE`].
pub const OPEN_FILE: &str = "Open a plan file…";
/// See [`OPEN_EXAMPLE`].
pub const IMPORT_CSV: &str = "Import people from a CSV…";

/// Shows the start screen; the choice, once made.
pub fn start_ui(ctx: &egui::Context, recent: &[PathBuf]) -> Option<StartChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(Id::unique("start-screen")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Welcome to orgevo");
        ui.label(
            RichText::new(
                "Sketch how your sales organisation evolves: founder-led, split roles, \
                 converged. orgevo checks every stage as you go.",
            )
            .weak(),
        );
        ui.add_space(10.0);
        for (label, hint, chosen) in [
            (
                OPEN_EXAMPLE,
                "A company's story in three stages, with notes",
                StartChoice::Example,
            ),
            (
                FROM_TEMPLATE,
                "Three stages ready to fill in: founder-led, split roles, converged",
                StartChoice::Template,
            ),
            (OPEN_FILE, "An .orgevo.json plan", StartChoice::OpenFile),
            (
                IMPORT_CSV,
                "A people list from an HR tool becomes a stage",
                StartChoice::ImportCsv,
            ),
        ] {
            // The hint sits beside its button rather than in a tooltip,
            // which would cover the button below it.
            ui.horizontal(|ui| {
                let button = ui.add_sized([230.0, 34.0], egui::Button::new(label));
                ui.label(RichText::new(hint).weak());
                if button.clicked() {
                    choice = Some(chosen);
                }
            });
        }
        if !recent.is_empty() {
            ui.add_space(10.0);
            ui.label(RichText::new("Recent files").strong());
            for path in recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let button = ui.add(egui::Button::new(name).frame(false));
                if button.on_hover_text(path.display().to_string()).clicked() {
                    choice = Some(StartChoice::Recent(path.clone()));
                }
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Help ▸ Leadership and management explains the idea.").weak());
    });
    // Closed without a choice (Esc): the plan behind it stays.
    crate::app::dialogs::closing::answer_or(&modal, choice, StartChoice::Dismissed)
}
