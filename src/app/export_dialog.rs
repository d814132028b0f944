//! File ▸ Export…: what to export (this stage or all stages), the format,
//! the PNG size and the PDF paper; then where to save it (the native save
//! dialog, or the in-app path field), written atomically.

use egui::{Id, RichText, Ui};

use super::dialogs::answer_or;
use super::dialogs::{Modal, PathPurpose};
use super::files::Picked;
use super::orgevo_app::OrgevoApp;
use crate::export::{self, Format, Paper, Request, Scope};
use crate::io::write_atomically;
use crate::model::Plan;

/// The choices of the Export dialog, remembered until the next export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    /// Every stage (images: the timeline) rather than the current one.
    pub all_stages: bool,
    /// The format.
    pub format: Format,
    /// PNG pixels per chart unit: 1, 2 or 4.
    pub scale: u8,
    /// PDF paper.
    pub paper: Paper,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            all_stages: true,
            format: Format::Pdf,
            scale: 2,
            paper: Paper::A4,
        }
    }
}

impl ExportChoice {
    /// The library request for the stage at `stage`.
    pub fn request(&self, stage: usize) -> Request {
        Request {
            scope: if self.covers_all() {
                Scope::All
            } else {
                Scope::Stage(stage)
            },
            format: self.format,
            scale: f32::from(self.scale),
            paper: self.paper,
        }
    }

    /// Whether the export covers every stage: a people list is always one
    /// stage.
    pub fn covers_all(&self) -> bool {
        self.all_stages && self.format != Format::Csv
    }

    /// A file name for the export: the plan title, the stage (or "all" /
    /// "timeline") and the format's extension.
    pub fn file_name(&self, plan: &Plan, stage: usize) -> String {
        let what = match (self.covers_all(), self.format.is_image()) {
            (true, true) => "timeline".to_owned(),
            (true, false) => "all-stages".to_owned(),
            (false, _) => plan
                .stages
                .get(stage)
                .map_or("stage".to_owned(), |s| s.id.clone()),
        };
        format!(
            "{}-{what}.{}",
            super::file_flow::slug(&plan.title),
            self.format.extension()
        )
    }
}

/// What the user did in the dialog this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportAnswer {
    /// Go on to choose where to save.
    Export(ExportChoice),
    /// Close without exporting.
    Cancel,
}

/// Shows the dialog for `choice` (edited in place).
pub fn export_dialog_ui(
    ctx: &egui::Context,
    choice: &mut ExportChoice,
    stage_name: &str,
    stages: usize,
) -> Option<ExportAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("export-dialog")).show(ctx, |ui| {
        ui.set_min_width(420.0);
        ui.heading("Export");
        ui.add_space(6.0);
        ui.label(RichText::new("What").strong());
        let all_label = if choice.format.is_image() {
            format!("Timeline: all {stages} stages side by side")
        } else {
            format!("All {stages} stages")
        };
        let this_stage = format!("This stage: {stage_name}");
        if choice.format == Format::Csv {
            let _ = ui.radio(true, this_stage);
        } else {
            ui.radio_value(&mut choice.all_stages, false, this_stage);
        }
        if choice.format == Format::Csv {
            ui.add_enabled(false, egui::RadioButton::new(false, all_label))
                .on_disabled_hover_text("A people list holds one stage");
        } else {
            ui.radio_value(&mut choice.all_stages, true, all_label);
        }
        ui.add_space(6.0);
        format_ui(ui, choice);
        ui.add_space(6.0);
        ui.label(RichText::new(hint(choice.format)).weak());
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Export…").clicked() {
                answer = Some(ExportAnswer::Export(*choice));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(ExportAnswer::Cancel);
            }
        });
    });
    answer_or(&modal, answer, ExportAnswer::Cancel)
}

fn format_ui(ui: &mut Ui, choice: &mut ExportChoice) {
    egui::Grid::new("export-options")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Format").id;
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(choice.format.label())
                .width(200.0)
                .show_ui(ui, |ui| {
                    for format in Format::ALL {
                        ui.selectable_value(&mut choice.format, format, format.label());
                    }
                })
                .response
                .labelled_by(label);
            ui.end_row();
            if choice.format == Format::Png {
                let label = ui.label("Size").id;
                ui.horizontal(|ui| {
                    for scale in [1u8, 2, 4] {
                        ui.radio_value(&mut choice.scale, scale, format!("{scale}×"));
                    }
                })
                .response
                .labelled_by(label);
                ui.end_row();
            }
            if choice.format == Format::Pdf {
                let label = ui.label("Paper").id;
                ui.horizontal(|ui| {
                    ui.radio_value(&mut choice.paper, Paper::A4, "A4");
                    ui.radio_value(&mut choice.paper, Paper::Letter, "Letter");
                })
                .response
                .labelled_by(label);
                ui.end_row();
            }
        });
}

fn hint(format: Format) -> &'static str {
    match format {
        Format::Pdf => {
            "A handout: one landscape page per stage with its notes, the chart, the findings \
             and the changes. A chart too large to read on one page continues team by team."
        }
        Format::Pptx => "One slide per stage: the chart and the captions present mode shows.",
        Format::Png => "A sharp picture for slides and documents, drawn without a GPU.",
        Format::Svg => "A vector picture with real text, for editing or printing at any size.",
        Format::Html => "One self-contained page: charts, who holds what, findings and changes.",
        Format::Markdown => "The transition report as text, for a wiki or a README.",
        Format::Csv => {
            "The stage as a people list (id, name, title, function, manager_id, tags, \
             collaborates_with, planned, cost, quota, start, notes) for a spreadsheet or an HR \
             tool; importing it gives back the same stage."
        }
    }
}

impl OrgevoApp {
    /// Opens the Export dialog.
    pub(super) fn open_export_dialog(&mut self) {
        self.modal = Modal::Export(self.export_choice);
    }

    /// The dialog said Export: asks where, then writes.
    pub(super) fn choose_export_path(&mut self, choice: ExportChoice) {
        self.export_choice = choice;
        let name = choice.file_name(self.doc.plan(), self.view.stage_index);
        let start = self.doc.path().map(|p| p.to_path_buf());
        let format = choice.format;
        match self
            .dialogs
            .pick_save_as(start.as_ref(), &name, format.label(), format.extension())
        {
            Picked::Path(path) => self.export_to(choice, &path),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let folder = start
                    .as_deref()
                    .and_then(|p| p.parent())
                    .map(|p| p.to_path_buf())
                    .or_else(|| std::env::current_dir().ok())
                    .unwrap_or_default();
                self.modal = Modal::PathPrompt {
                    purpose: PathPurpose::Export(choice),
                    text: folder.join(name).display().to_string(),
                };
            }
        }
    }

    /// Exports to `path`; says where it went, or shows what failed.
    pub fn export_to(&mut self, choice: ExportChoice, path: &std::path::Path) {
        let written = export::export(self.doc.plan(), &choice.request(self.view.stage_index))
            .map_err(|e| e.to_string())
            .and_then(|bytes| write_atomically(path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => self.status = format!("Exported {}", path.display()),
            Err(e) => self.show_error("Could not export", e),
        }
    }
}
