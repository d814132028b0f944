//! The orgevo window: owns the document and the view state, draws the
//! panels, and turns commands and view events into edits.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use egui::ViewportCommand;

use super::canvas::{Canvas, CanvasEvent, CanvasInput, CanvasView};
use super::command::AppCommand;
use super::compare::CompareView;
use super::dialogs::{Modal, Pending};
use super::document::Document;
use super::files::FileDialogs;
use super::findings_panel::{FindingAction, findings_ui};
use super::folding::Folded;
use super::inspector::Inspector;
use super::inspector::InspectorAction;
use super::present::Presenter;
use super::state::{AppSettings, Derived};
use crate::edit::{Edit, compose};
use crate::model::{Plan, Stage};

/// The app: the document (plan and history), the view state, the state
/// derived from the plan, and the app's own windows and settings.
pub struct OrgevoApp {
    /// The plan and its history: changed only through edits.
    pub(super) doc: Document,
    /// What the user is looking at.
    pub(super) view: ViewState,
    pub(super) canvas: Canvas,
    pub(super) inspector: Inspector,
    /// What is worked out from the plan: findings and the diff shown.
    pub(super) derived: Derived,
    pub(super) modal: Modal,
    pub(super) settings: AppSettings,
    pub(super) dialogs: FileDialogs,
    pub(super) status: String,
    pub(super) allow_close: bool,
    pub(super) shown_title: String,
    pub(super) pending_after_save: Option<Pending>,
    pub(super) presenter: Option<Presenter>,
    pub(super) compare: Option<CompareView>,
    pub(super) fonts_installed: bool,
    pub(super) window_before_present: Option<egui::Rect>,
    pub(super) present_frames: u32,
    pub(super) show_shortcuts: bool,
    /// Help ▸ Leadership and management is open.
    pub(super) learn_open: bool,
    /// The rule whose "Why?" is open.
    pub(super) why: Option<String>,
    /// The find bar (Ctrl+F), when open.
    pub(super) search: Option<super::search::Search>,
    pub(super) export_choice: super::export_dialog::ExportChoice,
    /// Recovery copies of the plan while it has unsaved changes.
    pub(super) autosave: super::autosave::Autosave,
    /// The plan being opened, if any.
    pub(super) loading: Option<super::loading::Loading>,
    /// Present the plan being opened once it is ready.
    pub(super) present_on_open: bool,
}

/// What the user is looking at: which stage, what is selected, where each
/// stage's canvas is panned and zoomed, which teams are folded. Never part of
/// the plan, never undone.
#[derive(Debug)]
pub struct ViewState {
    /// The position of the stage on the canvas.
    pub(super) stage_index: usize,
    /// The id of the stage shown: after edits, undo and redo the view finds
    /// the same stage again, wherever it moved.
    pub(super) shown_stage_id: String,
    /// The selected members of the shown stage.
    pub(super) selection: BTreeSet<String>,
    /// Pan and zoom by stage id.
    pub(super) views: HashMap<String, CanvasView>,
    /// Collapsed teams by stage id.
    pub(super) collapsed: HashMap<String, BTreeSet<String>>,
    /// Whether removed members show as faded ghosts.
    pub(super) show_removed: bool,
    /// Which list the bottom panel shows.
    pub(super) bottom_tab: BottomTab,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            stage_index: 0,
            shown_stage_id: String::new(),
            selection: BTreeSet::new(),
            views: HashMap::new(),
            collapsed: HashMap::new(),
            show_removed: true,
            bottom_tab: BottomTab::Findings,
        }
    }
}

/// Which list the bottom panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BottomTab {
    /// The findings of the stage.
    Findings,
    /// The changes since the previous stage.
    Changes,
}

impl OrgevoApp {
    /// An app showing `doc`.
    pub fn new(doc: Document, settings: AppSettings, dialogs: FileDialogs) -> Self {
        let mut app = Self {
            doc,
            view: ViewState::default(),
            canvas: Canvas::default(),
            inspector: Inspector::default(),
            derived: Derived::default(),
            modal: Modal::None,
            settings,
            dialogs,
            status: String::new(),
            allow_close: false,
            shown_title: String::new(),
            pending_after_save: None,
            presenter: None,
            compare: None,
            fonts_installed: false,
            window_before_present: None,
            present_frames: 0,
            show_shortcuts: false,
            learn_open: false,
            why: None,
            export_choice: Default::default(),
            search: None,
            autosave: Default::default(),
            loading: None,
            present_on_open: false,
        };
        app.replace_document_view();
        app
    }

    /// An app on `plan`, with in-app file dialogs and default settings (tests).
    pub fn with_plan(plan: Plan, name: &str) -> Self {
        Self::new(
            Document::new(plan, None, name),
            AppSettings::default(),
            FileDialogs::InApp,
        )
    }

    /// Shows a load error at startup (the document stays as it is).
    pub fn show_error(&mut self, title: &str, message: String) {
        self.modal = Modal::Error {
            title: title.to_owned(),
            message,
        };
    }

    pub(super) fn stage(&self) -> Option<&Stage> {
        self.doc.plan().stages.get(self.view.stage_index)
    }

    pub(super) fn stage_id(&self) -> String {
        self.stage().map(|s| s.id.clone()).unwrap_or_default()
    }

    /// Applies an edit; a refused edit leaves the plan alone and says why.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        match self.doc.apply(edit) {
            Ok(()) => {
                self.status = format!("Done: {}", edit.label());
                true
            }
            Err(e) => {
                self.status = format!("Not possible: {e}");
                false
            }
        }
    }

    /// The find bar, when open.
    pub fn search(&self) -> Option<&super::search::Search> {
        self.search.as_ref()
    }

    /// Runs a command as if chosen from the menu.
    pub fn run_command(&mut self, ctx: &egui::Context, command: AppCommand) {
        let stage_id = self.stage_id();
        match command {
            AppCommand::New => self.request(ctx, Pending::New),
            AppCommand::Open => self.request(ctx, Pending::Open),
            AppCommand::Save => {
                self.save(None);
            }
            AppCommand::SaveAs => self.save_as(None),
            AppCommand::Export => self.open_export_dialog(),
            AppCommand::ImportCsv => self.choose_csv(),
            AppCommand::Undo => {
                if self.doc.undo() {
                    self.status = "Undone".to_owned();
                }
                self.prune_selection();
            }
            AppCommand::Redo => {
                if self.doc.redo() {
                    self.status = "Redone".to_owned();
                }
                self.prune_selection();
            }
            AppCommand::AddMember => self.add_member(None, None),
            AppCommand::Delete => {
                if !self.view.selection.is_empty() {
                    let ids = self.view.selection.iter().cloned().collect();
                    let edit = Edit::RemoveMembers {
                        stage: stage_id.clone(),
                        ids,
                    };
                    if self.apply(&compose::keep_tidy(self.doc.plan(), &stage_id, edit)) {
                        self.view.selection.clear();
                    }
                }
            }
            AppCommand::Duplicate => {
                let ids: Vec<String> = self.view.selection.iter().cloned().collect();
                let made = self.stage().and_then(|s| compose::duplicate(s, &ids));
                if let Some((edit, new_ids)) = made
                    && self.apply(&edit)
                {
                    self.view.selection = new_ids.into_iter().collect();
                }
            }
            AppCommand::SelectAll => {
                if let Some(stage) = self.stage() {
                    self.view.selection = stage.members().map(|m| m.id.clone()).collect();
                }
            }
            AppCommand::TidyUp => {
                if let Some(edit) = self.stage().map(compose::tidy_up) {
                    self.apply(&edit);
                    self.fit(false);
                }
            }
            AppCommand::SuggestResponsibilities => {
                if let Some(stage) = self.stage() {
                    self.modal = Modal::Suggest {
                        stage: stage.id.clone(),
                        name: stage.name.clone(),
                        suggestions: crate::edit::suggest::suggest_responsibilities(stage),
                    };
                }
            }
            AppCommand::Find => self.open_search(),
            AppCommand::FitView => self.fit(false),
            AppCommand::ZoomToSelection => self.fit(true),
            AppCommand::Present => self.start_presenting(ctx),
            AppCommand::ToggleCompare => {
                self.compare = match self.compare {
                    Some(_) => None,
                    None => Some(CompareView::new(self.view.stage_index)),
                };
            }
            AppCommand::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }

    /// Enters present mode on the current stage, full screen.
    pub fn start_presenting(&mut self, ctx: &egui::Context) {
        self.presenter = Some(Presenter::new(self.doc.plan(), self.view.stage_index));
        self.present_frames = 0;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
    }

    /// Where the desktop cannot make the window full screen (no window
    /// manager), cover the monitor instead, once, a few frames in.
    pub(super) fn cover_monitor_if_not_fullscreen(&mut self, ctx: &egui::Context) {
        self.present_frames = self.present_frames.saturating_add(1);
        if self.present_frames < 10 {
            ctx.request_repaint();
        }
        if self.present_frames != 10 {
            return;
        }
        let viewport = ctx.input(|i| i.viewport().clone());
        let (Some(monitor), Some(outer)) = (viewport.monitor_size, viewport.outer_rect) else {
            return;
        };
        // Some systems report full screen without resizing the window.
        if (outer.size() - monitor).length() < 4.0 {
            return;
        }
        self.window_before_present = viewport.outer_rect;
        ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::Pos2::ZERO));
        ctx.send_viewport_cmd(ViewportCommand::InnerSize(monitor));
    }

    /// Leaves present mode on the stage that was shown.
    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            self.set_stage(presenter.index());
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            if let Some(rect) = self.window_before_present.take() {
                ctx.send_viewport_cmd(ViewportCommand::OuterPosition(rect.min));
                ctx.send_viewport_cmd(ViewportCommand::InnerSize(rect.size()));
            }
        }
    }

    /// Whether present mode is on, and on which stage.
    pub fn presenting(&self) -> Option<usize> {
        self.presenter.as_ref().map(Presenter::index)
    }

    /// The changes of the current stage since the previous one.
    pub fn current_diff(&self) -> Option<&crate::diff::StageDiff> {
        self.derived.diffs.diff()
    }

    fn add_member(&mut self, pos: Option<[f32; 2]>, manager: Option<&str>) {
        let Some(stage) = self.stage() else {
            return;
        };
        let pos = pos.or_else(|| {
            // Toolbar: under the selected member, or below everything.
            if manager.is_some() {
                return None;
            }
            let view = self.view.views.get(&stage.id)?;
            Some([view.scene_rect.center().x, view.scene_rect.center().y])
        });
        let (edit, id) = compose::add_member(stage, pos, manager);
        // A report added from a card's menu keeps a tidy stage tidy.
        let edit = match manager {
            Some(_) => compose::keep_tidy(self.doc.plan(), &stage.id.clone(), edit),
            None => edit,
        };
        if self.apply(&edit) {
            self.view.selection = BTreeSet::from([id]);
            self.inspector.focus_name();
        }
    }

    /// Shows stage `index` on the canvas.
    pub fn set_stage(&mut self, index: usize) {
        if index < self.doc.plan().stages.len() && index != self.view.stage_index {
            self.view.stage_index = index;
            self.view.shown_stage_id = self.stage_id();
            self.view.selection.clear();
            self.canvas.link_mode = None;
            let id = self.stage_id();
            if !self.view.views.contains_key(&id) {
                self.fit(false);
            }
        }
    }

    /// Shows stage `index` even if it is the current index (after the
    /// stages were reordered or removed), dropping the selection.
    pub(super) fn set_stage_index(&mut self, index: usize) {
        self.view.stage_index = index.min(self.doc.plan().stages.len().saturating_sub(1));
        self.view.selection.clear();
        self.canvas.link_mode = None;
        self.view.shown_stage_id = self.stage_id();
    }

    /// Keeps showing the same stage (by id) after the plan changed: an
    /// earlier stage deleted or an undo moves it to another position. When
    /// the shown stage itself is gone, its neighbour at that position is
    /// shown.
    pub(super) fn follow_shown_stage(&mut self) {
        let plan = self.doc.plan();
        match plan.stage_position(&self.view.shown_stage_id) {
            Some(index) if index == self.view.stage_index => {}
            Some(index) => self.view.stage_index = index,
            None => self.set_stage_index(self.view.stage_index),
        }
    }

    pub(super) fn replace_document_view(&mut self) {
        self.view.stage_index = 0;
        self.view.shown_stage_id = self.stage_id();
        self.derived.diffs.invalidate();
        self.compare = None;
        self.presenter = None;
        self.view.selection.clear();
        self.view.views.clear();
        self.canvas = Canvas::default();
        self.derived.findings.invalidate();
        self.allow_close = false;
        self.fit(false);
    }
}

/// Small accessors and helpers the drawing code in `app_ui.rs` uses.
impl OrgevoApp {
    pub(super) fn settings_mut(&mut self) -> &mut AppSettings {
        &mut self.settings
    }

    pub(super) fn modal_mut(&mut self) -> &mut Modal {
        &mut self.modal
    }

    pub(super) fn take_pending_after_save(&mut self) -> Option<Pending> {
        self.pending_after_save.take()
    }

    pub(super) fn perform_pending(&mut self, ctx: &egui::Context, pending: Pending) {
        self.perform(ctx, pending);
    }

    pub(super) fn request_open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.request(ctx, Pending::OpenPath(path));
    }

    pub(super) fn save_then(&mut self, then: Option<Pending>) -> bool {
        self.save(then)
    }

    pub(super) fn close_allowed(&self) -> bool {
        self.allow_close
    }

    /// Records the window title; `true` when it changed.
    pub(super) fn set_shown_title(&mut self, title: &str) -> bool {
        if self.shown_title == title {
            return false;
        }
        self.shown_title = title.to_owned();
        true
    }

    pub(super) fn set_status(&mut self, status: String) {
        self.status = status;
    }

    pub(super) fn escape(&mut self) {
        if self.canvas.link_mode.take().is_some() {
            self.status = "Line cancelled".to_owned();
        } else {
            self.view.selection.clear();
        }
    }

    pub(super) fn hint(&self) -> String {
        if let Some(from) = &self.canvas.link_mode {
            let name = self
                .stage()
                .and_then(|s| s.member(from))
                .map_or(from.as_str(), |m| m.display_name());
            return format!("Click the card {name} should collaborate with (Esc cancels)");
        }
        match self.view.selection.len() {
            0 => {
                "Drag the background to pan · Ctrl+scroll to zoom · Shift+drag to select".to_owned()
            }
            1 => "Drag onto another card to change the manager · Del deletes".to_owned(),
            n => format!("{n} selected · drag to move them together"),
        }
    }

    pub(super) fn refresh_findings(&mut self, ctx: &egui::Context, state: u64) {
        self.derived.findings.refresh(self.doc.plan(), state);
        let input = super::state::DiffInput {
            plan: self.doc.plan(),
            state,
            index: self.view.stage_index,
            findings: &self.derived.findings,
            ctx,
        };
        self.derived
            .diffs
            .refresh(&input, self.view.bottom_tab == BottomTab::Changes);
    }

    pub(super) fn apply_merging(&mut self, edit: &Edit, merge: Option<&str>) {
        let result = match merge {
            Some(key) => self.doc.apply_merging(edit, key),
            None => self.doc.apply(edit),
        };
        match result {
            Ok(()) => self.status = format!("Done: {}", edit.label()),
            Err(e) => self.status = format!("Not possible: {e}"),
        }
    }

    pub(super) fn seal(&mut self) {
        self.doc.seal();
    }

    pub(super) fn add_member_at(&mut self, pos: Option<[f32; 2]>, manager: Option<&str>) {
        self.add_member(pos, manager);
    }

    /// Draws the canvas of the current stage without copying the plan.
    pub(super) fn draw_canvas(&mut self, ui: &mut egui::Ui) -> Option<Vec<CanvasEvent>> {
        let stage = self.doc.plan().stages.get(self.view.stage_index)?;
        let findings = self.derived.findings.stage(self.view.stage_index);
        let view = self.view.views.entry(stage.id.clone()).or_default();
        let overlay = self.derived.diffs.overlay();
        self.canvas.show_ghosts = self.view.show_removed;
        let folded = match self.view.collapsed.get(&stage.id) {
            Some(collapsed) if !collapsed.is_empty() => Folded::of(stage, collapsed),
            _ => Folded::default(),
        };
        let input = CanvasInput {
            stage,
            selection: &self.view.selection,
            findings,
            overlay,
            folded: &folded,
        };
        Some(self.canvas.ui(ui, view, &input))
    }

    /// Draws the inspector of the current selection without copying the plan.
    pub(super) fn draw_inspector(&mut self, ui: &mut egui::Ui) -> Option<Vec<InspectorAction>> {
        let plan = self.doc.plan();
        let stage = plan.stages.get(self.view.stage_index)?;
        let findings = self.derived.findings.stage(self.view.stage_index);
        Some(
            self.inspector
                .ui(ui, plan, stage, &self.view.selection, findings),
        )
    }

    /// Draws the findings list; returns what the user asked of a finding.
    pub(super) fn draw_findings(&mut self, ui: &mut egui::Ui) -> Option<FindingAction> {
        findings_ui(ui, self.derived.findings.stage(self.view.stage_index))
    }
}
