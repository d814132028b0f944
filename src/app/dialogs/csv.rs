//! File ▸ Import CSV…: a people list from an HR tool, shown before it is
//! imported. The column of every field and the function table can be
//! changed, and the preview (what will be imported) follows; the plan
//! title, the stage's name and kind, and a row's function are asked for.
//! The file is read on a worker thread, so a big list never holds a frame.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::{Id, RichText, Ui};

use crate::app::dialogs::closing::answer_or;
use crate::io::{
    CsvImport, CsvOptions, Field, FunctionSource, csv_headers, import_csv, map_columns,
};
use crate::model::{Function, StageKind};
use crate::task::Task;

/// How long a read may take before the dialog shows that it is reading.
const QUIET_READ: Duration = Duration::from_millis(100);

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 8;

/// Entries of the function table shown.
const FUNCTION_ROWS: usize = 12;

/// What the "(none)" entry of a column choice is called.
pub const NO_COLUMN: &str = "(none)";

/// The Import CSV dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvDialog {
    /// The file.
    pub path: PathBuf,
    bytes: Arc<[u8]>,
    /// The file's header row (empty when it cannot be read).
    pub headers: Vec<String>,
    /// How the file is read: column choices, function and title tables.
    pub options: CsvOptions,
    /// The people as last read, or why they cannot be.
    pub read: Result<CsvImport, String>,
    /// A read for the current options, still running.
    reading: Option<Task<Result<CsvImport, String>>>,
    /// Functions chosen by hand, by member id.
    pub chosen: BTreeMap<String, Function>,
    /// Add as a stage of the open plan rather than open a new plan.
    pub as_stage: bool,
    /// The title of the new plan.
    pub title: String,
    /// The name of the new stage.
    pub stage_name: String,
    /// The kind of the new stage.
    pub kind: StageKind,
    /// Give members without responsibilities a starting set.
    pub suggest_tags: bool,
}

/// What the user did in the dialog this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvAnswer {
    /// Import with the dialog's choices.
    Import,
    /// Close without importing.
    Cancel,
}

impl CsvDialog {
    /// The dialog for the people list `bytes` read from `path`, reading it
    /// on a worker (a small file is read before this returns).
    pub fn new(path: PathBuf, bytes: Vec<u8>, ctx: Option<&egui::Context>) -> Self {
        let headers = csv_headers(&bytes).unwrap_or_default();
        let mut dialog = Self {
            path,
            bytes: bytes.into(),
            headers,
            options: CsvOptions::default(),
            read: Err(String::new()),
            reading: None,
            chosen: BTreeMap::new(),
            as_stage: false,
            title: String::new(),
            stage_name: "Today".to_owned(),
            kind: StageKind::Custom,
            suggest_tags: false,
        };
        dialog.read_again(ctx);
        dialog
    }

    /// The dialog for a file that could not be read at all.
    pub fn unreadable(path: PathBuf, why: String) -> Self {
        let mut dialog = Self::new(path, Vec::new(), None);
        dialog.read = Err(why);
        dialog
    }

    /// Whether a read is still running.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Reads the file again with the current options, on a worker.
    fn read_again(&mut self, ctx: Option<&egui::Context>) {
        let (bytes, options) = (Arc::clone(&self.bytes), self.options.clone());
        let ctx = ctx.cloned();
        let job = Task::spawn_then(
            move || import_csv(&bytes, &options).map_err(|e| e.to_string()),
            move || {
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            },
        );
        job.wait(QUIET_READ);
        self.reading = Some(job);
        self.collect();
    }

    /// Takes the result of a finished read.
    fn collect(&mut self) {
        if let Some(result) = self.reading.as_ref().and_then(Task::take) {
            self.read = result.unwrap_or_else(|| Err("reading stopped unexpectedly".to_owned()));
            self.reading = None;
        }
    }

    /// Chooses `header` (or no column, `None`) for `field`.
    pub fn set_column(&mut self, field: Field, header: Option<&str>, ctx: Option<&egui::Context>) {
        self.options.columns.retain(|(f, _)| *f != field);
        self.options
            .columns
            .push((field, header.unwrap_or_default().to_owned()));
        self.read_again(ctx);
    }

    /// Makes every row whose function was read from `value` (as `source`
    /// says) `function`.
    pub fn set_table_function(
        &mut self,
        value: &str,
        source: FunctionSource,
        function: Function,
        ctx: Option<&egui::Context>,
    ) {
        match source {
            FunctionSource::Title => {
                let extra = &mut self.options.title_rules.extra;
                extra.retain(|(v, _)| v != value);
                extra.insert(0, (value.to_owned(), function));
            }
            FunctionSource::Column | FunctionSource::Department => {
                let map = &mut self.options.function_map;
                map.retain(|(v, _)| v != value);
                map.push((value.to_owned(), function));
            }
            FunctionSource::Default | FunctionSource::Chosen => return,
        }
        self.read_again(ctx);
    }

    /// The function a member will have: chosen by hand, else as read.
    pub fn function_of(&self, id: &str, read: Function) -> Function {
        self.chosen.get(id).copied().unwrap_or(read)
    }
}

/// Shows the dialog.
pub fn csv_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut CsvDialog,
    current: &str,
) -> Option<CsvAnswer> {
    dialog.collect();
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("csv-dialog")).show(ctx, |ui| {
        ui.set_min_width(640.0);
        ui.set_max_height(ctx.content_rect().height() - 40.0);
        ui.heading("Import people");
        let name = dialog
            .path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        ui.label(RichText::new(name).weak());
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() - 220.0)
            .show(ui, |ui| contents_ui(ui, ctx, dialog, current));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = dialog.read.is_ok() && !dialog.is_reading();
            if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
                answer = Some(CsvAnswer::Import);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(CsvAnswer::Cancel);
            }
        });
    });
    if dialog.is_reading() {
        ctx.request_repaint_after(Duration::from_millis(50));
    }
    answer_or(&modal, answer, CsvAnswer::Cancel)
}

fn contents_ui(ui: &mut Ui, ctx: &egui::Context, dialog: &mut CsvDialog, current: &str) {
    if dialog.is_reading() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading the people list…");
        });
    }
    match &dialog.read {
        Err(e) if !dialog.is_reading() && !e.is_empty() => {
            ui.label(RichText::new(e).color(crate::app::style::severity_color(
                crate::rules::Severity::Error,
            )));
            ui.label(
                RichText::new(
                    "Choose the right columns below, or fix the file; nothing was imported.",
                )
                .weak(),
            );
        }
        Ok(read) => {
            let stage = &read.stage;
            let people = match stage.member_count() {
                1 => "1 person".to_owned(),
                n => format!("{n} people"),
            };
            ui.label(format!(
                "{people}, {}",
                crate::look::count(stage.link_count(), "line")
            ));
        }
        Err(_) => {}
    }
    ui.add_space(4.0);
    if !dialog.headers.is_empty() {
        ui.columns(2, |columns| {
            mapping_ui(&mut columns[0], ctx, dialog);
            functions_ui(&mut columns[1], ctx, dialog);
        });
    }
    if let Ok(read) = &dialog.read {
        for notice in &read.notices {
            ui.label(RichText::new(notice).weak());
        }
    }
    ui.add_space(4.0);
    preview_ui(ui, dialog);
    ui.add_space(8.0);
    target_ui(ui, dialog, current);
}

/// One combo per field: which column feeds it.
fn mapping_ui(ui: &mut Ui, ctx: &egui::Context, dialog: &mut CsvDialog) {
    ui.label(RichText::new("Columns").strong());
    let Ok((mapping, _)) = map_columns(&dialog.headers, &dialog.options.columns) else {
        return;
    };
    let mut change = None;
    egui::Grid::new("csv-mapping")
        .num_columns(2)
        .show(ui, |ui| {
            for field in Field::ALL {
                let current = mapping
                    .iter()
                    .find(|(f, _)| *f == field)
                    .and_then(|(_, i)| dialog.headers.get(*i))
                    .map(String::as_str);
                let label = ui.label(field.label()).id;
                egui::ComboBox::from_id_salt(("csv-column", field.id()))
                    .selected_text(current.unwrap_or(NO_COLUMN))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), NO_COLUMN).clicked() {
                            change = Some((field, None));
                        }
                        for header in &dialog.headers {
                            let selected = current == Some(header.as_str());
                            if ui.selectable_label(selected, header).clicked() {
                                change = Some((field, Some(header.clone())));
                            }
                        }
                    })
                    .response
                    .labelled_by(label);
                ui.end_row();
            }
        });
    if let Some((field, header)) = change {
        dialog.set_column(field, header.as_deref(), Some(ctx));
    }
}

/// The function table: each value read, where from, and its function.
fn functions_ui(ui: &mut Ui, ctx: &egui::Context, dialog: &mut CsvDialog) {
    ui.label(RichText::new("Functions").strong());
    let mut builtin = dialog.options.title_rules.builtin;
    if ui
        .checkbox(&mut builtin, "Read functions from job titles")
        .changed()
    {
        dialog.options.title_rules.builtin = builtin;
        dialog.read_again(Some(ctx));
    }
    let Ok(read) = &dialog.read else {
        return;
    };
    let mut change = None;
    egui::Grid::new("csv-functions")
        .num_columns(2)
        .show(ui, |ui| {
            for entry in read.functions.iter().take(FUNCTION_ROWS) {
                let value = if entry.value.is_empty() {
                    "not recognised"
                } else {
                    entry.value.as_str()
                };
                let label = ui
                    .label(format!("{value} ({})", entry.rows))
                    .on_hover_text(format!("from the {}", entry.source.label()))
                    .id;
                let editable = matches!(
                    entry.source,
                    FunctionSource::Column | FunctionSource::Title | FunctionSource::Department
                );
                ui.add_enabled_ui(editable, |ui| {
                    function_combo(ui, ("csv-function", &entry.value), entry.function, |f| {
                        change = Some((entry.value.clone(), entry.source, f));
                    })
                    .labelled_by(label)
                });
                ui.end_row();
            }
            if read.functions.len() > FUNCTION_ROWS {
                ui.label(
                    RichText::new(format!("… {} more", read.functions.len() - FUNCTION_ROWS))
                        .weak(),
                );
                ui.end_row();
            }
        });
    if let Some((value, source, function)) = change {
        dialog.set_table_function(&value, source, function, Some(ctx));
    }
}

/// The first rows as they will be imported; each row's function can be
/// chosen by hand (e.g. who leads the company is the owner).
fn preview_ui(ui: &mut Ui, dialog: &mut CsvDialog) {
    let Ok(read) = &dialog.read else {
        return;
    };
    ui.label(RichText::new("What will be imported").strong());
    let stage = &read.stage;
    let mut chosen = None;
    egui::Grid::new("csv-preview")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for heading in ["Name", "Title", "Function", "From", "Reports to"] {
                ui.label(RichText::new(heading).weak());
            }
            ui.end_row();
            for (member, source) in stage.members().zip(&read.sources).take(PREVIEW_ROWS) {
                let name = member.display_name();
                ui.label(name);
                ui.label(&member.title);
                let function = dialog.function_of(&member.id, member.function);
                function_combo(ui, ("csv-row", &member.id), function, |f| {
                    chosen = Some((member.id.clone(), f));
                })
                .on_hover_text(format!("Function of {name}"))
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::ComboBox,
                        true,
                        format!("Function of {name}"),
                    )
                });
                let from = if dialog.chosen.contains_key(&member.id) {
                    FunctionSource::Chosen
                } else {
                    *source
                };
                ui.label(RichText::new(from.label()).weak());
                ui.label(
                    stage
                        .manager_of(&member.id)
                        .map_or("", |b| b.display_name()),
                );
                ui.end_row();
            }
        });
    if stage.member_count() > PREVIEW_ROWS {
        ui.label(
            RichText::new(format!(
                "… and {} more",
                stage.member_count() - PREVIEW_ROWS
            ))
            .weak(),
        );
    }
    if let Some((id, function)) = chosen {
        dialog.chosen.insert(id, function);
    }
}

fn function_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Function,
    mut pick: impl FnMut(Function),
) -> egui::Response {
    egui::ComboBox::from_id_salt(id)
        .selected_text(current.id())
        .width(130.0)
        .show_ui(ui, |ui| {
            for f in Function::ALL {
                if ui.selectable_label(*f == current, f.id()).clicked() && *f != current {
                    pick(*f);
                }
            }
        })
        .response
}

/// Where the people go: a new plan (its title) or a stage after the
/// current one; the stage's name and kind; starting responsibilities.
fn target_ui(ui: &mut Ui, dialog: &mut CsvDialog, current: &str) {
    ui.radio_value(&mut dialog.as_stage, false, "Open as a new plan");
    ui.radio_value(
        &mut dialog.as_stage,
        true,
        format!("Add as a stage after {current}"),
    );
    egui::Grid::new("csv-target").num_columns(2).show(ui, |ui| {
        if !dialog.as_stage {
            let label = ui.label("Plan title").id;
            ui.add(
                egui::TextEdit::singleline(&mut dialog.title)
                    .hint_text("e.g. Acme sales org, 2026 to 2029")
                    .desired_width(280.0),
            )
            .labelled_by(label);
            ui.end_row();
        }
        let label = ui.label("Name of the new stage").id;
        ui.add(egui::TextEdit::singleline(&mut dialog.stage_name).desired_width(280.0))
            .labelled_by(label);
        ui.end_row();
        let label = ui.label("Kind of the new stage").id;
        egui::ComboBox::from_id_salt("csv-kind")
            .selected_text(dialog.kind.label())
            .show_ui(ui, |ui| {
                for kind in StageKind::ALL {
                    ui.selectable_value(&mut dialog.kind, *kind, kind.label());
                }
            })
            .response
            .labelled_by(label);
        ui.end_row();
    });
    ui.checkbox(
        &mut dialog.suggest_tags,
        "Suggest starting responsibilities (leaders: direction; sales managers: management)",
    )
    .on_hover_text(
        "Titles are not responsibilities: this gives members who hold none a starting set \
         by function, for you to review.",
    );
}
