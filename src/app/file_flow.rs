//! Leaving, opening and saving documents: unsaved-changes questions, file
//! dialogs (native or in-app), and what happens after a save.

use egui::ViewportCommand;

use super::dialogs::{Modal, PathPurpose, Pending};
use super::document::{Document, SaveProblem};
use super::files::{Picked, remember_recent};
use super::loading::{Loading, Opened};
use super::orgevo_app::OrgevoApp;
use crate::model::{Function, Member, Plan, Responsibility, Stage, StageKind};

impl OrgevoApp {
    /// Asks about unsaved changes before leaving the document.
    pub(super) fn request(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.modal = Modal::Unsaved { then: pending };
        } else {
            self.perform(ctx, pending);
        }
    }

    pub(super) fn perform(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                self.doc = Document::new(new_plan(), None, "Untitled");
                self.replace_document_view();
                self.status = "New plan".to_owned();
            }
            Pending::Open => match self
                .dialogs
                .pick_open(self.doc.path().map(|p| p.to_path_buf()).as_ref())
            {
                Picked::Path(path) => self.open_path(&path),
                Picked::Cancelled => {}
                Picked::Unavailable => {
                    // Start in the folder of the open file.
                    let folder = self
                        .doc
                        .path()
                        .and_then(|p| p.parent())
                        .filter(|p| !p.as_os_str().is_empty())
                        .map(|p| format!("{}{}", p.display(), std::path::MAIN_SEPARATOR))
                        .unwrap_or_default();
                    self.modal = Modal::PathPrompt {
                        purpose: PathPurpose::Open,
                        text: folder,
                    }
                }
            },
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Imported(plan, name) => {
                self.doc = Document::new(*plan, None, &name);
                self.replace_document_view();
                self.status = format!("Imported {name}: save it to keep it");
            }
            Pending::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Opens `path` on a worker thread; a plan that takes a while shows a
    /// progress dialog. On failure shows the error and keeps the current
    /// plan.
    pub fn open_path(&mut self, path: &std::path::Path) {
        let (loading, opened) = Loading::start(path);
        self.loading = Some(loading);
        self.finish_opening(opened);
    }

    /// Whether a plan is being opened.
    pub fn is_opening(&self) -> bool {
        self.loading.is_some()
    }

    /// Shows the progress of the plan being opened, and takes it in once it
    /// is ready.
    pub(super) fn opening_ui(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.loading else {
            return;
        };
        if loading.ui(ctx) {
            loading.cancel();
            self.status = format!("Opening {} cancelled", loading.path().display());
            self.loading = None;
            return;
        }
        let opened = loading.poll();
        self.finish_opening(opened);
    }

    fn finish_opening(&mut self, opened: Opened) {
        let path = match opened {
            Opened::Pending => return,
            Opened::Done(doc) => {
                self.doc = *doc;
                self.replace_document_view();
                self.doc.path().map(std::path::Path::to_path_buf)
            }
            Opened::Failed(e) => {
                self.show_error("Could not open the plan", e.to_string());
                self.present_on_open = false;
                None
            }
        };
        self.loading = None;
        if let Some(path) = path {
            remember_recent(&mut self.settings.recent_files, path.clone());
            self.status = format!("Opened {}", path.display());
        }
    }

    /// Saves to the current file, or asks for one. Returns whether it saved.
    pub(super) fn save(&mut self, then: Option<Pending>) -> bool {
        match self.doc.path().map(|p| p.to_path_buf()) {
            Some(path) => self.save_to_then(&path, then),
            None => {
                self.save_as(then);
                false
            }
        }
    }

    pub(super) fn save_as(&mut self, then: Option<Pending>) {
        let name = format!("{}.orgevo.json", slug(&self.doc.plan().title));
        match self
            .dialogs
            .pick_save(self.doc.path().map(|p| p.to_path_buf()).as_ref(), &name)
        {
            Picked::Path(path) => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.pending_after_save = Some(then);
                }
            }
            Picked::Cancelled => {}
            Picked::Unavailable => {
                // Suggest the current file, or the title as a name in the
                // working folder.
                let suggestion = match self.doc.path() {
                    Some(path) => path.to_path_buf(),
                    None => std::env::current_dir().unwrap_or_default().join(&name),
                };
                self.modal = Modal::PathPrompt {
                    purpose: PathPurpose::Save { then },
                    text: suggestion.display().to_string(),
                }
            }
        }
    }

    /// Saves to `path`; shows the error and keeps the document on failure.
    pub fn save_to(&mut self, path: &std::path::Path) -> bool {
        self.save_to_then(path, None)
    }

    /// Saves to `path`. When another program changed the document's file,
    /// asks first (and does `then` once saved); shows the error and keeps
    /// the document on failure.
    fn save_to_then(&mut self, path: &std::path::Path, then: Option<Pending>) -> bool {
        let saved = self.doc.save_as(path);
        self.after_save(path, saved.map_err(|problem| (problem, then)))
    }

    /// Saves over `path` whatever it holds now (the user said Overwrite).
    pub(super) fn save_over(&mut self, path: &std::path::Path) -> bool {
        let saved = self.doc.save_over(path);
        self.after_save(path, saved.map_err(|e| (SaveProblem::Failed(e), None)))
    }

    fn after_save(
        &mut self,
        path: &std::path::Path,
        saved: Result<(), (SaveProblem, Option<Pending>)>,
    ) -> bool {
        match saved {
            Ok(()) => {
                remember_recent(&mut self.settings.recent_files, path.to_path_buf());
                self.status = format!("Saved {}", path.display());
                true
            }
            Err((SaveProblem::ChangedOnDisk(path), then)) => {
                self.modal = Modal::ChangedOnDisk { path, then };
                false
            }
            Err((problem, _)) => {
                self.show_error("Could not save the plan", problem.to_string());
                false
            }
        }
    }
}

/// A new plan: one founder-led stage with the founder holding every
/// responsibility.
pub fn new_plan() -> Plan {
    let mut plan = Plan::new("Untitled plan");
    let mut stage = Stage::new("today", "Today", StageKind::FounderLed);
    let mut founder = Member::new("founder", "Founder", Function::Owner);
    founder.title = "Founder & CEO".to_owned();
    founder.tags = Responsibility::ALL.iter().map(|r| (*r).into()).collect();
    founder.pos = Some([0.0, 0.0]);
    // A fresh stage has no members, so the id is free.
    let _ = stage.add_member(founder);
    plan.stages.push(stage);
    plan
}

/// A file-name-friendly version of a title ("plan" when it has no letters
/// or digits).
pub(super) fn slug(title: &str) -> String {
    match crate::io::slug(title) {
        slug if slug.is_empty() => "plan".to_owned(),
        slug => slug,
    }
}
