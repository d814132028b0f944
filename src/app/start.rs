//! The start screen, shown when no file is named and none was open last
//! time: open the example, start from a template, open a file, import a
//! people list, or pick a recent file. Never a blank canvas with no hint.

use std::path::PathBuf;

use egui::{Id, RichText};

use super::document::Document;
use super::orgevo_app::OrgevoApp;
use crate::io::{BUNDLED_EXAMPLE, BUNDLED_EXAMPLE_NAME, plan_from_str};
use crate::model::{Plan, StageKind, stage_template};

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

pub(super) fn start_ui(ctx: &egui::Context, recent: &[PathBuf]) -> Option<StartChoice> {
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
            let button = ui.add_sized([ui.available_width(), 34.0], egui::Button::new(label));
            if button.on_hover_text(hint).clicked() {
                choice = Some(chosen);
            }
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
    super::dialogs::answer_or(&modal, choice, StartChoice::Dismissed)
}

/// A new plan with one stage of each kind, from the templates.
pub fn template_plan() -> Plan {
    let mut plan = Plan::new("New plan");
    for (kind, id) in [
        (StageKind::FounderLed, "today"),
        (StageKind::SplitRoles, "split"),
        (StageKind::Converged, "converged"),
    ] {
        plan.stages.push(stage_template(kind, id));
    }
    plan
}

impl OrgevoApp {
    /// Shows the start screen.
    pub fn show_start_screen(&mut self) {
        let recent = self
            .settings
            .recent_files
            .iter()
            .filter(|p| p.is_file())
            .cloned()
            .collect();
        self.modal = super::dialogs::Modal::Start(recent);
    }

    /// Carries out a start-screen choice.
    pub(super) fn start_with(&mut self, ctx: &egui::Context, choice: StartChoice) {
        match choice {
            StartChoice::Example => match plan_from_str(BUNDLED_EXAMPLE) {
                Ok(plan) => {
                    self.doc = Document::new(plan, None, BUNDLED_EXAMPLE_NAME);
                    self.replace_document_view();
                }
                Err(e) => self.show_error("The example plan is broken", e.to_string()),
            },
            StartChoice::Template => {
                self.doc = Document::new(template_plan(), None, "Untitled");
                self.replace_document_view();
            }
            StartChoice::OpenFile => self.run_command(ctx, super::command::AppCommand::Open),
            StartChoice::ImportCsv => self.run_command(ctx, super::command::AppCommand::ImportCsv),
            StartChoice::Recent(path) => self.open_path(&path),
            StartChoice::Dismissed => {}
        }
    }
}
