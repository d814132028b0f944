//! File ▸ Export…: what to export (this stage or all stages), the format,
//! the PNG size and the PDF paper; then where to save it (the native save
//! dialog, or the in-app path field), written atomically.

use egui::{Id, RichText, Ui};

use crate::app::dialogs::closing::answer_or;
use crate::export::{Format, Paper, Request, Scope};
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
            crate::document::file_stem(&plan.title),
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
