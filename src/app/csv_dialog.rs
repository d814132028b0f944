//! File ▸ Import CSV…: a people list from an HR tool, shown before it is
//! imported (which column feeds which field, the function table, the first
//! rows, any error with its row and column), then opened as a new plan or
//! added as a stage after the current one.

use std::path::{Path, PathBuf};

use egui::{Id, RichText, Ui};

use super::dialogs::answer_or;
use super::dialogs::{Modal, PathPurpose, Pending};
use super::files::Picked;
use super::orgevo_app::OrgevoApp;
use crate::edit::{Edit, free_stage_id};
use crate::io::{CsvImport, CsvOptions, import_csv, slug};
use crate::model::{Plan, StageKind};

/// The Import CSV dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvDialog {
    /// The file.
    pub path: PathBuf,
    /// The people as read, or why they cannot be.
    pub read: Result<CsvImport, String>,
    /// Add as a stage of the open plan rather than open a new plan.
    pub as_stage: bool,
    /// The kind of the new stage.
    pub kind: StageKind,
}

/// What the user did in the dialog this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvAnswer {
    /// Import with the dialog's choices.
    Import,
    /// Close without importing.
    Cancel,
}

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 6;

/// Shows the dialog.
pub fn csv_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut CsvDialog,
    current: &str,
) -> Option<CsvAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("csv-dialog")).show(ctx, |ui| {
        ui.set_min_width(560.0);
        ui.heading("Import people");
        let name = dialog
            .path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        ui.label(RichText::new(name).weak());
        ui.add_space(6.0);
        match &dialog.read {
            Err(e) => {
                ui.label(
                    RichText::new(e)
                        .color(super::style::severity_color(crate::rules::Severity::Error)),
                );
                ui.label(
                    RichText::new("Fix the file and import it again; nothing was imported.").weak(),
                );
            }
            Ok(read) => read_ui(ui, read),
        }
        ui.add_space(8.0);
        ui.radio_value(&mut dialog.as_stage, false, "Open as a new plan");
        ui.radio_value(
            &mut dialog.as_stage,
            true,
            format!("Add as a stage after {current}"),
        );
        ui.horizontal(|ui| {
            let label = ui.label("Stage kind").id;
            egui::ComboBox::from_id_salt("csv-kind")
                .selected_text(dialog.kind.label())
                .show_ui(ui, |ui| {
                    for kind in StageKind::ALL {
                        ui.selectable_value(&mut dialog.kind, *kind, kind.label());
                    }
                })
                .response
                .labelled_by(label);
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(dialog.read.is_ok(), egui::Button::new("Import"))
                .clicked()
            {
                answer = Some(CsvAnswer::Import);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(CsvAnswer::Cancel);
            }
        });
    });
    answer_or(&modal, answer, CsvAnswer::Cancel)
}

fn read_ui(ui: &mut Ui, read: &CsvImport) {
    let stage = &read.stage;
    let people = match stage.member_count() {
        1 => "1 person".to_owned(),
        n => format!("{n} people"),
    };
    ui.label(format!(
        "{people}, {}",
        crate::look::count(stage.link_count(), "line")
    ));
    ui.add_space(4.0);
    ui.columns(2, |columns| {
        columns[0].label(RichText::new("Columns").strong());
        egui::Grid::new("csv-mapping")
            .num_columns(2)
            .show(&mut columns[0], |ui| {
                for (field, header) in &read.mapping {
                    ui.label(RichText::new(header).monospace());
                    ui.label(format!("→ {}", field.id()));
                    ui.end_row();
                }
            });
        columns[1].label(RichText::new("Functions").strong());
        egui::Grid::new("csv-functions")
            .num_columns(2)
            .show(&mut columns[1], |ui| {
                for (value, function, count) in read.functions.iter().take(12) {
                    let value = if value.is_empty() {
                        "(none)"
                    } else {
                        value.as_str()
                    };
                    ui.label(format!("{value} ({count})"));
                    ui.label(format!("→ {}", function.id()));
                    ui.end_row();
                }
            });
    });
    for notice in &read.notices {
        ui.label(RichText::new(notice).weak());
    }
    ui.add_space(4.0);
    ui.label(RichText::new("First rows").strong());
    egui::Grid::new("csv-preview")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for heading in ["name", "title", "function", "reports to"] {
                ui.label(RichText::new(heading).weak());
            }
            ui.end_row();
            for m in stage.members().take(PREVIEW_ROWS) {
                ui.label(m.display_name());
                ui.label(&m.title);
                ui.label(m.function.id());
                ui.label(stage.manager_of(&m.id).map_or("", |b| b.display_name()));
                ui.end_row();
            }
        });
}

impl OrgevoApp {
    /// File ▸ Import CSV…: asks for the file.
    pub(super) fn choose_csv(&mut self) {
        let start = self.doc.path().map(|p| p.to_path_buf());
        match self
            .dialogs
            .pick_open_with(start.as_ref(), "People list (CSV)", "csv")
        {
            Picked::Path(path) => self.read_csv(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let folder = std::env::current_dir().unwrap_or_default();
                self.modal = Modal::PathPrompt {
                    purpose: PathPurpose::ImportCsv,
                    text: format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
                };
            }
        }
    }

    /// Reads `path` and shows the Import dialog.
    pub fn read_csv(&mut self, path: &Path) {
        let read = crate::io::read_limited(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                import_csv(&bytes, &CsvOptions::default()).map_err(|e| e.to_string())
            });
        self.modal = Modal::ImportCsv(Box::new(CsvDialog {
            path: path.to_path_buf(),
            read,
            as_stage: false,
            kind: StageKind::Custom,
        }));
    }

    /// Imports as the dialog says.
    pub(super) fn import_from(&mut self, ctx: &egui::Context, dialog: CsvDialog) {
        let Ok(read) = dialog.read else {
            return;
        };
        let name = dialog
            .path
            .file_stem()
            .map_or("Imported".to_owned(), |s| s.to_string_lossy().into_owned());
        let base = match slug(&name) {
            s if s.is_empty() => "imported".to_owned(),
            s => s,
        };
        let mut stage = read.stage;
        stage.kind = dialog.kind;
        stage.name = name.clone();
        if dialog.as_stage {
            stage.id = free_stage_id(self.doc.plan(), &base);
            let id = stage.id.clone();
            let edit = Edit::AddStage {
                index: self.view.stage_index + 1,
                stage: Box::new(stage),
            };
            if self.apply(&edit)
                && let Some(index) = self.doc.plan().stage_position(&id)
            {
                self.set_stage(index);
            }
        } else {
            stage.id = base;
            let mut plan = Plan::new(name.clone());
            plan.stages.push(stage);
            self.request(ctx, Pending::Imported(Box::new(plan), name));
        }
    }
}
