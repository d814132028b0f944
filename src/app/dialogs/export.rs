//! File ▸ Export…: what to export (this stage, all stages, or the road
//! through the option the stage is on), the format,
//! the PNG size and the PDF paper; then where to save it (the native save
//! dialog, or the in-app path field), written atomically.

use egui::{Id, RichText, Ui};

use crate::app::dialogs::closing::answer_or;
use crate::export::{Format, Paper, Request, Scope};
use crate::model::{LayoutStyle, Plan, Stage};

/// Which stages an export covers, as the Export dialog offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    /// The stage shown.
    ThisStage,
    /// Every stage in tree order with its decisions (images: the
    /// timeline with its lanes).
    All,
    /// The road through the option the shown stage is on (every stage
    /// when it is on none).
    Road,
}

/// The choices of the Export dialog, remembered until the next export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    /// Which stages.
    pub what: ExportWhat,
    /// The format.
    pub format: Format,
    /// PNG pixels per chart unit: 1, 2 or 4.
    pub scale: u8,
    /// PDF paper.
    pub paper: Paper,
    /// Lay the exported stages out compact for this export (the plan
    /// stays as it is).
    pub compact: bool,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            what: ExportWhat::All,
            format: Format::Pdf,
            scale: 2,
            paper: Paper::A4,
            compact: false,
        }
    }
}

impl ExportChoice {
    /// What the export covers when the stage at `stage` of `plan` is
    /// shown: a people list is always one stage; the road falls back to
    /// every stage off any option.
    pub fn scope(&self, plan: &Plan, stage: usize) -> Scope {
        match self.what {
            _ if self.format == Format::Csv => Scope::Stage(stage),
            ExportWhat::ThisStage => Scope::Stage(stage),
            ExportWhat::All => Scope::All,
            ExportWhat::Road => plan.option_of(stage).map_or(Scope::All, Scope::Option),
        }
    }

    /// The library request when the stage at `stage` of `plan` is shown.
    pub fn request(&self, plan: &Plan, stage: usize) -> Request {
        Request {
            scope: self.scope(plan, stage),
            format: self.format,
            scale: f32::from(self.scale),
            paper: self.paper,
        }
    }

    /// A file name for the export: the plan title, the stage (or "all" /
    /// "timeline", or the option's name) and the format's extension.
    pub fn file_name(&self, plan: &Plan, stage: usize) -> String {
        let what = match (self.scope(plan, stage), self.format.is_image()) {
            (Scope::All, true) => "timeline".to_owned(),
            (Scope::All, false) => "all-stages".to_owned(),
            (Scope::Option(first), _) => crate::document::file_stem(&plan.option_name(first)),
            (Scope::Stage(_), _) => plan
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

/// Shows the dialog for `choice` (edited in place), with the stage at
/// `stage` of `plan` shown.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    choice: &mut ExportChoice,
    plan: &Plan,
    stage: usize,
) -> Option<ExportAnswer> {
    let mut answer = None;
    let stage_name = plan.stages.get(stage).map_or("", |s| s.name.as_str());
    let stages = crate::look::count(plan.stages.len(), "stage");
    let decisions = (0..plan.stages.len())
        .filter(|i| plan.is_decision(*i))
        .count();
    let modal = egui::Modal::new(Id::unique("export-dialog")).show(ctx, |ui| {
        ui.set_min_width(420.0);
        ui.heading("Export");
        ui.add_space(6.0);
        ui.label(RichText::new("What").strong());
        let all_label = match (choice.format.is_image(), decisions) {
            (true, 0) => format!("Timeline: all {stages} side by side"),
            (true, _) => format!("Timeline: all {stages}, each option a lane"),
            (false, 0) => format!("All {stages}"),
            (false, n) => format!(
                "All {stages} and {}, main line first",
                crate::look::count(n, "decision")
            ),
        };
        let this_stage = format!("This stage: {stage_name}");
        let csv = choice.format == Format::Csv;
        let mut shown = if csv {
            ExportWhat::ThisStage
        } else {
            choice.what
        };
        let mut radio = |ui: &mut Ui, what: ExportWhat, label: String, why: &str| {
            let enabled = !csv || what == ExportWhat::ThisStage;
            let response = ui.add_enabled_ui(enabled, |ui| ui.radio_value(&mut shown, what, label));
            response.response.on_disabled_hover_text(why);
        };
        radio(ui, ExportWhat::ThisStage, this_stage, "");
        radio(
            ui,
            ExportWhat::All,
            all_label,
            "A people list holds one stage",
        );
        if let Some(first) = plan.option_of(stage) {
            let road = plan.path_through(first).len();
            let label = format!(
                "The road through \u{201c}{}\u{201d}: {}",
                plan.option_name(first),
                crate::look::count(road, "stage")
            );
            radio(ui, ExportWhat::Road, label, "A people list holds one stage");
        }
        if !csv {
            choice.what = shown;
        }
        ui.add_space(6.0);
        format_ui(ui, choice);
        if !csv {
            compact_ui(ui, choice, plan.stages.get(stage));
        }
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

/// From how many times wider than tall the dialog suggests Compact.
const SUGGEST_COMPACT_FROM: f32 = 3.0;

/// The Compact choice; for a shown stage much wider than tall, with a word
/// on why.
fn compact_ui(ui: &mut Ui, choice: &mut ExportChoice, stage: Option<&Stage>) {
    let wide = stage
        .filter(|s| s.layout_style() != LayoutStyle::Compact)
        .and_then(|s| remembered_proportions(ui, s).map(|p| (s, p)))
        .filter(|(_, p)| *p >= SUGGEST_COMPACT_FROM);
    if let Some((stage, times)) = wide {
        ui.add_space(6.0);
        ui.label(format!(
            "\u{201c}{}\u{201d} is {times:.0} times wider than tall, so it prints small. \
             Compact wraps wide teams into more rows.",
            stage.name
        ));
    }
    ui.checkbox(&mut choice.compact, "Lay out Compact for this export")
        .on_hover_text(LayoutStyle::Compact.explanation());
}

/// [`proportions`], worked out once per stage revision while the dialog
/// is open.
fn remembered_proportions(ui: &Ui, stage: &Stage) -> Option<f32> {
    let id = Id::unique("export-proportions");
    let key = (stage.id.clone(), stage.revision());
    if let Some((known, value)) = ui.data(|d| d.get_temp::<((String, u64), Option<f32>)>(id))
        && known == key
    {
        return value;
    }
    let value = proportions(stage);
    ui.data_mut(|d| d.insert_temp(id, (key, value)));
    value
}

/// How many times wider than tall `stage`'s chart is, as it sits (laid
/// out tidily where members have no place yet).
fn proportions(stage: &Stage) -> Option<f32> {
    let placed = stage.all_placed();
    let tidy: std::collections::HashMap<String, [f32; 2]> = if placed {
        Default::default()
    } else {
        crate::layout::tidy_layout(stage).into_iter().collect()
    };
    let mut bounds = egui::Rect::NOTHING;
    for (m, pos) in stage.placed_members() {
        let [x, y] = pos.or_else(|| tidy.get(&m.id).copied())?;
        let [w, h] = crate::layout::card_size(m);
        bounds = bounds.union(egui::Rect::from_center_size(
            egui::pos2(x, y),
            egui::vec2(w, h),
        ));
    }
    (bounds.height() > 0.0).then(|| bounds.width() / bounds.height())
}

fn hint(format: Format) -> &'static str {
    match format {
        Format::Pdf => {
            "A handout: one landscape page per stage with its notes, the chart, the findings \
             and the changes, and one per decision with its options side by side. A chart too \
             large to read on one page continues team by team."
        }
        Format::Pptx => {
            "One slide per stage (the chart and the captions present mode shows) and one per \
             decision (its options side by side)."
        }
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
