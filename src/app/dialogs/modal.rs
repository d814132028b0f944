//! The modal dialog on screen, and drawing whichever it is: load errors,
//! unsaved changes, the in-app path field, and the dialogs of their own
//! files (import, export, suggest, start, recovery, changed on disk).

use std::path::PathBuf;

use egui::{Id, RichText};

use crate::app::dialogs::answer::{ModalAnswer, PathPurpose, Pending};
use crate::app::dialogs::closing::answer_or;
use crate::app::dialogs::csv::{CsvAnswer, CsvDialog, csv_dialog_ui};
use crate::app::dialogs::disk::{changed_on_disk_ui, recover_ui};
use crate::app::dialogs::export::{ExportAnswer, ExportChoice, export_dialog_ui};
use crate::app::dialogs::start::start_ui;
use crate::app::dialogs::suggest::{SuggestAnswer, suggest_dialog_ui};

/// The modal dialog on screen, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Modal {
    /// No dialog.
    #[default]
    None,
    /// Something failed; the document is untouched.
    Error {
        /// Dialog title.
        title: String,
        /// The error message.
        message: String,
    },
    /// The document has unsaved changes and the user is about to leave it.
    Unsaved {
        /// What the user asked for.
        then: Pending,
    },
    /// File ▸ Export…: what, which stages, format, size.
    Export(ExportChoice),
    /// File ▸ Import CSV…: the people as read, before importing.
    ImportCsv(Box<CsvDialog>),
    /// Suggest responsibilities…: what each member would be given.
    Suggest {
        /// The stage's id.
        stage: String,
        /// The stage's name.
        name: String,
        /// What each member would get.
        suggestions: Vec<crate::edit::suggest::Suggestion>,
    },
    /// Saving would overwrite a file another program changed.
    ChangedOnDisk {
        /// The document's file.
        path: PathBuf,
        /// What to do after a save.
        then: Option<Pending>,
    },
    /// The start screen: the example, a template, a file, a people list, or
    /// a recent file.
    Start(Vec<PathBuf>),
    /// Copies of plans from apps that ended without saving: restore them?
    Recover(Vec<crate::io::RecoveryCopy>),
    /// The in-app file path field (no native dialog available).
    PathPrompt {
        /// Open or save.
        purpose: PathPurpose,
        /// The text typed so far.
        text: String,
    },
}

impl Modal {
    /// Shows the dialog; returns the user's answer once they give one.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        plan: &crate::model::Plan,
        stage: usize,
    ) -> Option<ModalAnswer> {
        let stage_name = plan.stages.get(stage).map_or("", |s| s.name.as_str());
        let mut answer = None;
        match self {
            Self::None => return None,
            Self::Error { title, message } => {
                let modal = egui::Modal::new(Id::unique("error-dialog")).show(ctx, |ui| {
                    ui.set_max_width(460.0);
                    ui.heading(title.as_str());
                    ui.add_space(6.0);
                    ui.label(message.as_str());
                    ui.add_space(6.0);
                    ui.label(RichText::new("The open plan was not changed.").weak());
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        answer = Some(ModalAnswer::Dismiss);
                    }
                });
                answer = answer_or(&modal, answer, ModalAnswer::Dismiss);
            }
            Self::Unsaved { then } => {
                let modal = egui::Modal::new(Id::unique("unsaved-dialog")).show(ctx, |ui| {
                    ui.set_max_width(420.0);
                    ui.heading("Save changes?");
                    ui.add_space(6.0);
                    ui.label("This plan has changes that are not saved. Save them first?");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            answer = Some(ModalAnswer::Save(then.clone()));
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(ModalAnswer::Discard(then.clone()));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(ModalAnswer::Dismiss);
                        }
                    });
                });
                answer = answer_or(&modal, answer, ModalAnswer::Dismiss);
            }
            Self::ImportCsv(dialog) => {
                answer = match csv_dialog_ui(ctx, dialog, stage_name) {
                    Some(CsvAnswer::Import) => Some(ModalAnswer::ImportCsv(dialog.clone())),
                    Some(CsvAnswer::Cancel) => Some(ModalAnswer::Dismiss),
                    None => None,
                };
            }
            Self::Suggest {
                stage,
                name,
                suggestions,
            } => {
                answer = match suggest_dialog_ui(ctx, name, suggestions) {
                    Some(SuggestAnswer::Apply) => {
                        Some(ModalAnswer::Suggest(stage.clone(), suggestions.clone()))
                    }
                    Some(SuggestAnswer::Cancel) => Some(ModalAnswer::Dismiss),
                    None => None,
                };
            }
            Self::Export(choice) => {
                answer = match export_dialog_ui(ctx, choice, plan, stage) {
                    Some(ExportAnswer::Export(choice)) => Some(ModalAnswer::Export(choice)),
                    Some(ExportAnswer::Cancel) => Some(ModalAnswer::Dismiss),
                    None => None,
                };
            }
            Self::ChangedOnDisk { path, then } => {
                answer = changed_on_disk_ui(ctx, path, then);
            }
            Self::Recover(copies) => answer = recover_ui(ctx, copies),
            Self::Start(recent) => answer = start_ui(ctx, recent).map(ModalAnswer::Start),
            Self::PathPrompt { purpose, text } => {
                let (heading, action) = match purpose {
                    PathPurpose::Open => ("Open a plan", "Open"),
                    PathPurpose::Save { .. } => ("Save the plan", "Save"),
                    PathPurpose::Export(_) => ("Export", "Export"),
                    PathPurpose::ImportCsv => ("Import people (CSV)", "Read"),
                };
                let modal = egui::Modal::new(Id::unique("path-dialog")).show(ctx, |ui| {
                    ui.set_min_width(480.0);
                    ui.heading(heading);
                    ui.label(
                        RichText::new("No file dialog is available here; type the file's path.")
                            .weak(),
                    );
                    ui.add_space(6.0);
                    let label_id = ui.label("File path").id;
                    // Read Enter before the field does: it may consume it.
                    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .hint_text("/path/to/plan.orgevo.json")
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label_id);
                    if ui.memory(|m| m.focused().is_none()) {
                        field.request_focus();
                    }
                    let entered = enter && (field.has_focus() || field.lost_focus());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if (ui.button(action).clicked() || entered) && !text.trim().is_empty() {
                            answer =
                                Some(ModalAnswer::Path(purpose.clone(), expand_home(text.trim())));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(ModalAnswer::Dismiss);
                        }
                    });
                });
                answer = answer_or(&modal, answer, ModalAnswer::Dismiss);
            }
        }
        if answer.is_some() {
            *self = Self::None;
        }
        answer
    }
}

/// `~/x` → `$HOME/x`.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}
