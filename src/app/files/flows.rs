//! Leaving, opening, saving, recovering, importing and exporting
//! documents: unsaved-changes questions, file pickers (native or the in-app
//! path field), what happens after a save, and a document replaced by
//! another (a fresh view state, nothing of the old one left behind).

use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::ViewportCommand;

use crate::app::app::{OrgevoApp, Widgets};
use crate::app::dialogs::csv::CsvDialog;
use crate::app::dialogs::export::ExportChoice;
use crate::app::dialogs::modal::Modal;
use crate::app::dialogs::start::StartChoice;
use crate::app::dialogs::{PathPurpose, Pending};
use crate::app::files::pickers::{Picked, remember_recent};
use crate::app::state::derived::Derived;
use crate::app::state::view::ViewState;
use crate::document::{Autosave, Document, Opened, Opening, SaveProblem, file_stem};
use crate::edit::suggest::apply_suggestions;
use crate::edit::{Edit, free_stage_id};
use crate::io::{RecoveryCopy, stage_id, write_atomically};
use crate::model::Plan;

impl OrgevoApp {
    /// Asks about unsaved changes before leaving the document.
    pub(in crate::app) fn request(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.dialogs.modal = Modal::Unsaved { then: pending };
        } else {
            self.perform(ctx, pending);
        }
    }

    pub(in crate::app) fn perform(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                self.replace_document(Document::untitled());
                self.shell.status = "New plan".to_owned();
            }
            Pending::Open => {
                // The in-app field starts in the folder of the open file.
                let start = self.doc.path().map(Path::to_path_buf);
                let folder = start.as_deref().and_then(Path::parent);
                let text = folder
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(folder_text)
                    .unwrap_or_default();
                let picked = self.shell.pickers.pick_open(start.as_ref());
                if let Some(path) = self.picked_or_prompt(picked, PathPurpose::Open, text) {
                    self.open_path(&path);
                }
            }
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Imported(plan, name) => {
                self.replace_document(Document::new(*plan, None, &name));
                self.shell.status = format!("Imported {name}: save it to keep it");
            }
            Pending::Close => {
                self.shell.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Opens `path` on a worker thread; a plan that takes a while shows a
    /// progress dialog. On failure shows the error and keeps the current
    /// plan.
    pub fn open_path(&mut self, path: &Path) {
        let (opening, opened) = Opening::start(path, || {});
        self.shell.opening = Some(opening);
        self.finish_opening(opened);
    }

    /// Takes in the plan being opened once it is ready (or its error).
    pub(in crate::app) fn finish_opening(&mut self, opened: Opened) {
        let path = match opened {
            Opened::Pending => return,
            Opened::Done(doc) => {
                self.replace_document(*doc);
                self.doc.path().map(Path::to_path_buf)
            }
            Opened::Failed(e) => {
                self.show_error("Could not open the plan", e.to_string());
                self.present.on_open = false;
                None
            }
        };
        self.shell.opening = None;
        if let Some(path) = path {
            remember_recent(&mut self.shell.settings.recent_files, path.clone());
            self.shell.status = format!("Opened {}", path.display());
        }
    }

    /// Saves to the current file, or asks for one. Returns whether it saved.
    pub(in crate::app) fn save(&mut self, then: Option<Pending>) -> bool {
        match self.doc.path().map(|p| p.to_path_buf()) {
            Some(path) => self.save_to_then(&path, then),
            None => {
                self.save_as(then);
                false
            }
        }
    }

    pub(in crate::app) fn save_as(&mut self, then: Option<Pending>) {
        let name = format!("{}.orgevo.json", file_stem(&self.doc.plan().title));
        let start = self.doc.path().map(Path::to_path_buf);
        // The in-app field suggests the current file, or the title as a
        // name in the working folder.
        let suggestion = start
            .clone()
            .unwrap_or_else(|| working_folder().join(&name));
        let text = suggestion.display().to_string();
        match self.shell.pickers.pick_save(start.as_ref(), &name) {
            Picked::Path(path) => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.dialogs.pending_after_save = Some(then);
                }
            }
            // `then` goes with the path field (no copy of an imported plan).
            picked => {
                self.picked_or_prompt(picked, PathPurpose::Save { then }, text);
            }
        }
    }

    /// Saves to `path`; shows the error and keeps the document on failure.
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.save_to_then(path, None)
    }

    /// Saves to `path`. When another program changed the document's file,
    /// asks first (and does `then` once saved); shows the error and keeps
    /// the document on failure.
    fn save_to_then(&mut self, path: &Path, then: Option<Pending>) -> bool {
        self.settle_layout();
        let saved = self.doc.save_as(path);
        self.after_save(path, saved.map_err(|problem| (problem, then)))
    }

    /// Saves over `path` whatever it holds now (the user said Overwrite).
    pub(in crate::app) fn save_over(&mut self, path: &Path) -> bool {
        let saved = self.doc.save_over(path);
        self.after_save(path, saved.map_err(|e| (SaveProblem::Failed(e), None)))
    }

    fn after_save(
        &mut self,
        path: &Path,
        saved: Result<(), (SaveProblem, Option<Pending>)>,
    ) -> bool {
        match saved {
            Ok(()) => {
                remember_recent(&mut self.shell.settings.recent_files, path.to_path_buf());
                self.shell.status = format!("Saved {}", path.display());
                true
            }
            Err((SaveProblem::ChangedOnDisk(path), then)) => {
                self.dialogs.modal = Modal::ChangedOnDisk { path, then };
                false
            }
            Err((problem, _)) => {
                self.show_error("Could not save the plan", problem.to_string());
                false
            }
        }
    }

    /// Keeps recovery copies in `dir` from now on, and offers back the
    /// copies of apps that ended without saving. Without a usable folder the
    /// app runs on, and says so in the status line.
    pub fn enable_recovery(&mut self, dir: &Path) {
        match Autosave::start(dir) {
            Ok((autosave, orphans)) => {
                self.shell.autosave = autosave;
                self.offer_recovery(orphans);
            }
            Err(e) => {
                self.shell.status =
                    format!("No recovery copies: cannot use {}: {e}", dir.display());
            }
        }
    }

    /// Shows the restore dialog for `copies`, if any (after any dialog on
    /// screen now is answered, they are offered at the next start).
    pub(in crate::app) fn offer_recovery(&mut self, copies: Vec<RecoveryCopy>) {
        if !copies.is_empty() && matches!(self.dialogs.modal, Modal::None) {
            self.dialogs.modal = Modal::Recover(copies);
        }
    }

    /// Opens a recovery copy as the document (unsaved, belonging to its
    /// file), then offers the `rest`.
    pub(in crate::app) fn restore(&mut self, copy: &RecoveryCopy, rest: Vec<RecoveryCopy>) {
        match copy.read() {
            Ok(plan) => {
                let name = copy.info.name.clone();
                self.replace_document(Document::recovered(plan, copy.info.file.clone(), &name));
                // Safe in this app's own copy before the old one goes.
                if let Some(e) = self.shell.autosave.write_now(&self.doc) {
                    self.shell.status = format!("Restored {name}, but no new recovery copy: {e}");
                } else {
                    self.shell.status = format!("Restored {name}: save it to keep it");
                }
                copy.discard();
                self.offer_recovery(rest);
            }
            Err(e) => self.show_error("Could not restore the copy", e.to_string()),
        }
    }

    /// Writes the recovery copy when one is due, and wakes the app in time
    /// for the next.
    pub(in crate::app) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let (wake, error) = self.shell.autosave.tick(&self.doc, Instant::now());
        if let Some(wake) = wake {
            ctx.request_repaint_after(wake);
        }
        if let Some(e) = error {
            self.shell.status = format!("Could not write the recovery copy: {e}");
        }
    }

    /// Waits until the recovery copy being written is on disk (tests, exit).
    pub fn finish_autosave(&mut self) {
        if let Some(e) = self.shell.autosave.flush() {
            self.shell.status = format!("Could not write the recovery copy: {e}");
        }
    }

    /// The app ends cleanly: its recovery copy goes.
    pub fn end_cleanly(&mut self) {
        self.shell.autosave.release();
    }

    /// File ▸ Import CSV…: asks for the file.
    pub(in crate::app) fn choose_csv(&mut self) {
        let start = self.doc.path().map(Path::to_path_buf);
        let picked =
            (self.shell.pickers).pick_open_with(start.as_ref(), "People list (CSV)", "csv");
        let text = folder_text(&working_folder());
        if let Some(path) = self.picked_or_prompt(picked, PathPurpose::ImportCsv, text) {
            self.read_csv(&path);
        }
    }

    /// Reads `path` and shows the Import dialog (the people are read on a
    /// worker).
    pub fn read_csv(&mut self, path: &Path) {
        let dialog = match crate::io::read_limited(path) {
            Ok(bytes) => CsvDialog::new(path.to_path_buf(), bytes, None),
            Err(e) => CsvDialog::unreadable(path.to_path_buf(), e.to_string()),
        };
        self.dialogs.modal = Modal::ImportCsv(Box::new(dialog));
    }

    /// Imports as the dialog says.
    pub(in crate::app) fn import_from(&mut self, ctx: &egui::Context, dialog: CsvDialog) {
        let Ok(read) = dialog.read else {
            return;
        };
        let name = match dialog.stage_name.trim() {
            "" => "Today".to_owned(),
            name => name.to_owned(),
        };
        let mut stage = read.stage;
        for (id, function) in &dialog.chosen {
            if let Some(member) = stage.member_mut(id) {
                member.function = *function;
            }
        }
        if dialog.suggest_tags {
            apply_suggestions(&mut stage);
        }
        stage.kind = dialog.kind;
        stage.name = name.clone();
        let base = stage_id(&name);
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
            let title = match dialog.title.trim() {
                "" => "Sales organisation".to_owned(),
                title => title.to_owned(),
            };
            let mut plan = Plan::new(title.clone());
            plan.stages.push(stage);
            self.request(ctx, Pending::Imported(Box::new(plan), title));
        }
    }

    /// The file picked; without a native dialog, the in-app path field
    /// for `purpose`, starting with `text`, and no file yet.
    fn picked_or_prompt(
        &mut self,
        picked: Picked,
        purpose: PathPurpose,
        text: String,
    ) -> Option<PathBuf> {
        match picked {
            Picked::Path(path) => Some(path),
            Picked::Cancelled => None,
            Picked::Unavailable => {
                self.dialogs.modal = Modal::PathPrompt { purpose, text };
                None
            }
        }
    }

    /// Makes `doc` the open document with a fresh view of it: nothing of
    /// the old one's selection, cameras, folded teams, find, compare,
    /// "Why?", inspector drafts, findings or present mode is left.
    pub(in crate::app) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view = ViewState::for_plan(self.doc.plan());
        let fonts_installed = self.widgets.fonts_installed;
        self.widgets = Widgets {
            fonts_installed,
            ..Widgets::default()
        };
        self.derived = Derived::default();
        self.present.presenter = None;
        self.shell.allow_close = false;
    }

    /// Present the plan being opened once it is ready (`--present FILE`).
    pub fn present_when_opened(&mut self, present: bool) {
        self.present.on_open = present;
    }

    /// Presents the road through the option named `option` (by its name)
    /// the next time present mode starts (`--present --option NAME`).
    pub fn present_option(&mut self, option: Option<String>) {
        self.present.option = option;
    }

    /// Shows an error in a dialog (the document stays as it is).
    pub fn show_error(&mut self, title: &str, message: String) {
        self.dialogs.modal = Modal::Error {
            title: title.to_owned(),
            message,
        };
    }

    /// Shows the start screen, with the recent files that still exist.
    pub fn show_start_screen(&mut self) {
        let recent = self.shell.settings.recent_files.iter();
        let recent = recent.filter(|p| p.is_file()).cloned().collect();
        self.dialogs.modal = Modal::Start(recent);
    }

    /// Carries out a start-screen choice.
    pub(in crate::app) fn start_with(&mut self, ctx: &egui::Context, choice: StartChoice) {
        match choice {
            StartChoice::Example => match Document::example() {
                Ok(doc) => self.replace_document(doc),
                Err(e) => self.show_error("The example plan is broken", e.to_string()),
            },
            StartChoice::Template => self.replace_document(Document::from_template()),
            StartChoice::OpenFile => self.request(ctx, Pending::Open),
            StartChoice::ImportCsv => self.choose_csv(),
            StartChoice::Recent(path) => self.open_path(&path),
            StartChoice::Dismissed => {}
        }
    }

    /// The Export dialog said Export: asks where, then writes.
    pub(in crate::app) fn choose_export_path(&mut self, choice: ExportChoice) {
        self.dialogs.export_choice = choice;
        let name = choice.file_name(self.doc.plan(), self.view.stage_index);
        let format = choice.format;
        let (label, extension) = (format.label(), format.extension());
        let start = self.doc.path().map(Path::to_path_buf);
        let folder = start
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let text = folder.unwrap_or_else(working_folder).join(&name);
        let text = text.display().to_string();
        let picked = (self.shell.pickers).pick_save_as(start.as_ref(), &name, label, extension);
        if let Some(path) = self.picked_or_prompt(picked, PathPurpose::Export(choice), text) {
            self.export_to(choice, &path);
        }
    }

    /// Exports to `path`; says where it went, or shows what failed.
    pub fn export_to(&mut self, choice: ExportChoice, path: &Path) {
        let request = choice.request(self.doc.plan(), self.view.stage_index);
        let compact = choice.compact.then(|| {
            let mut plan = self.doc.plan().clone();
            crate::layout::lay_out_plan_in(&mut plan, crate::model::LayoutStyle::Compact);
            plan
        });
        let plan = compact.as_ref().unwrap_or(self.doc.plan());
        let written = crate::export::export_noting(plan, &request)
            .map_err(|e| e.to_string())
            .and_then(|exported| {
                write_atomically(path, &exported.bytes)
                    .map(|()| exported.notice)
                    .map_err(|e| e.to_string())
            });
        match written {
            Ok(None) => self.shell.status = format!("Exported {}", path.display()),
            Ok(Some(notice)) => {
                self.shell.status = format!("Exported {}", path.display());
                let mut first = notice.chars();
                let notice: String = first
                    .next()
                    .map(|c| c.to_uppercase().chain(first).collect())
                    .unwrap_or_default();
                self.show_error("Exported, smaller than asked", format!("{notice}."));
            }
            Err(e) => self.show_error("Could not export", e),
        }
    }
}

/// `folder/` as the in-app path field's starting text.
fn folder_text(folder: &Path) -> String {
    format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR)
}

/// The working folder (empty when it cannot be read).
fn working_folder() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}
