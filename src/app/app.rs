//! The orgevo window: a handful of parts, the order of a frame, and what
//! the app shows (read-only, for embedders and UI tests). Views draw from
//! the parts and push [`AppEvent`]s; `handle.rs` turns them into edits
//! once, at the end of the frame.

use std::collections::BTreeSet;

use egui::{RichText, Ui, ViewportCommand};

use crate::app::canvas::{Canvas, CanvasInput};
use crate::app::command::pressed_commands;
use crate::app::dialogs::modal::Modal;
use crate::app::dialogs::shown::Dialogs;
use crate::app::event::AppEvent;
use crate::app::files::loading::opening_ui;
use crate::app::files::pickers::FileDialogs;
use crate::app::panels::changes::changes_ui;
use crate::app::panels::find_bar::find_bar_ui;
use crate::app::panels::findings::findings_ui;
use crate::app::panels::inspector::Inspector;
use crate::app::panels::menu::{MenuInput, menu_ui};
use crate::app::panels::timeline::timeline_ui;
use crate::app::panels::toolbar::{ToolbarInput, toolbar_ui};
use crate::app::present::PresentMode;
use crate::app::state::derived::{Derived, DiffInput};
use crate::app::state::settings::{AppSettings, SETTINGS_KEY};
use crate::app::state::shell::Shell;
use crate::app::state::view::{BottomTab, ViewState};
use crate::app::windows::help::shortcuts_window;
use crate::app::windows::learn::{Markdown, learn_window, why_window};
use crate::document::Document;
use crate::model::{Plan, Stage};

/// The app: the document (plan and history), the view state, the state
/// derived from the plan, the dialogs, present mode, the window's own
/// state, and the events of the frame.
pub struct OrgevoApp {
    /// The plan and its history: changed only through edits.
    pub(in crate::app) doc: Document,
    /// What the user is looking at.
    pub(in crate::app) view: ViewState,
    /// The canvas's and the inspector's memory between frames.
    pub(in crate::app) widgets: Widgets,
    /// What is worked out from the plan: findings and the diff shown.
    pub(in crate::app) derived: Derived,
    /// The dialog and windows on screen.
    pub(in crate::app) dialogs: Dialogs,
    /// Present mode.
    pub(in crate::app) present: PresentMode,
    /// Settings, file pickers, status, title, recovery, opening.
    pub(in crate::app) shell: Shell,
    /// What the views reported this frame, handled at its end.
    pub(in crate::app) events: Vec<AppEvent>,
}

/// The widgets' own memory: drags and lines on the canvas, drafts in the
/// inspector, the Markdown renderer's cache.
#[derive(Default)]
pub struct Widgets {
    /// The canvas.
    pub canvas: Canvas,
    /// The inspector.
    pub inspector: Inspector,
    /// Rendering docs/RULES.md in the Learn and "Why?" windows.
    pub markdown: Markdown,
    /// The app's fonts are in the context (installed on the first frame).
    pub fonts_installed: bool,
}

impl OrgevoApp {
    /// An app showing `doc`.
    pub fn new(doc: Document, settings: AppSettings, pickers: FileDialogs) -> Self {
        Self {
            view: ViewState::for_plan(doc.plan()),
            doc,
            widgets: Widgets::default(),
            derived: Derived::default(),
            dialogs: Dialogs::default(),
            present: PresentMode::default(),
            shell: Shell::new(settings, pickers),
            events: Vec::new(),
        }
    }

    /// An app on `plan`, with in-app file dialogs and default settings (tests).
    pub fn with_plan(plan: Plan, name: &str) -> Self {
        Self::new(
            Document::new(plan, None, name),
            AppSettings::default(),
            FileDialogs::InApp,
        )
    }

    /// Draws the whole app into `ui` (everything but eframe's frame glue),
    /// then handles what the views reported.
    pub fn ui_main(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !std::mem::replace(&mut self.widgets.fonts_installed, true) {
            crate::app::fonts::install_fonts(&ctx);
        }
        ctx.set_theme(self.shell.settings.theme.preference());
        self.before_frame(&ctx);
        if self.present.presenter.is_some() {
            self.present_ui(ui);
        } else {
            if matches!(self.dialogs.modal, Modal::None) && self.shell.opening.is_none() {
                let pressed = pressed_commands(&ctx).into_iter().map(AppEvent::Command);
                self.events.extend(pressed);
                if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                    self.events.push(AppEvent::Escape);
                }
            }
            self.refresh_derived(&ctx);
            self.update_title(&ctx);
            self.panels_ui(ui);
            self.windows_ui(&ctx);
        }
        self.handle_events(&ctx);
    }

    /// What happens before anything is drawn: the view follows its stage,
    /// a save's follow-up, closing, recovery copies, the plan being opened.
    fn before_frame(&mut self, ctx: &egui::Context) {
        self.view.follow_shown_stage(self.doc.plan());
        if let Some(then) = self.dialogs.pending_after_save.take() {
            self.perform(ctx, then);
        }
        self.handle_close_request(ctx);
        self.autosave_tick(ctx);
        if let Some(opening) = &self.shell.opening {
            if opening_ui(ctx, opening) {
                self.events.push(AppEvent::CancelOpening);
            } else {
                let opened = opening.poll();
                self.finish_opening(opened);
            }
        }
        if self.present.on_open && self.shell.opening.is_none() {
            self.present.on_open = false;
            self.start_presenting(ctx);
        }
    }

    fn refresh_derived(&mut self, ctx: &egui::Context) {
        self.receive_layout(ctx);
        let state = self.doc.state();
        // A big stage being laid out again: the rules wait for its cards
        // (this frame and the worker have the cores meanwhile).
        if !self.derived.layout.is_working() {
            self.derived
                .findings
                .refresh_soon(self.doc.plan(), state, ctx);
        }
        self.derived.totals.refresh(self.doc.plan());
        let input = DiffInput {
            plan: self.doc.plan(),
            // The full diff shows findings: it is for the state they are of.
            state: self.derived.findings.state().unwrap_or(state),
            index: self.view.stage_index,
            findings: &self.derived.findings,
            ctx,
        };
        let want_full = self.view.bottom_tab == BottomTab::Changes;
        self.derived.diffs.refresh(&input, want_full);
    }

    /// The menu, toolbar, timeline, status line, bottom lists, inspector and
    /// canvas, then the dialog on screen.
    fn panels_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let history = self.doc.history();
        let menu = MenuInput {
            recent: &self.shell.settings.recent_files,
            undo: history.undo_label().map(str::to_owned),
            redo: history.redo_label().map(str::to_owned),
            theme: self.shell.settings.theme,
            layout: self
                .view
                .stage(self.doc.plan())
                .map(|s| s.layout_style())
                .unwrap_or_default(),
        };
        let (can_undo, can_redo) = (menu.undo.is_some(), menu.redo.is_some());
        let events = egui::Panel::top("menu")
            .show(ui, |ui| menu_ui(ui, &menu))
            .inner;
        self.events.extend(events);
        let toolbar = ToolbarInput {
            title: &self.doc.plan().title,
            can_undo,
            can_redo,
            layout: menu.layout,
        };
        let clicked = egui::Panel::top("toolbar")
            .show(ui, |ui| toolbar_ui(ui, &toolbar))
            .inner;
        self.events.extend(clicked);
        let plan = self.doc.plan();
        let summaries: Vec<_> = (0..plan.stages.len())
            .map(|i| self.derived.findings.summary(i))
            .collect();
        let index = self.view.stage_index;
        let totals = self.derived.totals.if_any();
        let actions = egui::Panel::top("timeline")
            .show(ui, |ui| {
                timeline_ui(ui, plan, index, &summaries, totals.as_deref())
            })
            .inner;
        self.events
            .extend(actions.into_iter().map(AppEvent::Timeline));
        let hint = self.hint();
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&self.shell.status).weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(hint).weak());
                });
            });
        });
        egui::Panel::bottom("findings")
            .resizable(true)
            .default_size(210.0)
            .min_size(60.0)
            .max_size((ui.available_height() * 0.7).max(120.0))
            .show(ui, |ui| self.bottom_ui(ui));
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(320.0)
            .min_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.inspector_ui(ui));
            });
        // The canvas stops short of the panels' resize edges, so dragging
        // an edge resizes the panel instead of panning the canvas.
        let grab = ui.style().interaction.resize_grab_radius_side.ceil() as i8 + 2;
        egui::CentralPanel::default()
            .frame(
                egui::Frame::NONE
                    .fill(ui.visuals().extreme_bg_color)
                    .inner_margin(egui::Margin {
                        left: 0,
                        right: grab,
                        top: 0,
                        bottom: grab,
                    }),
            )
            .show(ui, |ui| self.central_ui(ui));
        let (plan, stage) = (self.doc.plan(), self.view.stage_index);
        if let Some(answer) = self.dialogs.modal.ui(&ctx, plan, stage) {
            self.events.push(AppEvent::Modal(answer));
        }
    }

    /// The Findings and Changes lists under the canvas.
    fn bottom_ui(&mut self, ui: &mut Ui) {
        // A panel is as tall as what it holds: filling it keeps the size
        // the user dragged it to, whatever the tab shows.
        ui.set_min_height(ui.available_height());
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.view.bottom_tab, BottomTab::Findings, "Findings");
            ui.selectable_value(&mut self.view.bottom_tab, BottomTab::Changes, "Changes");
        });
        ui.separator();
        let index = self.view.stage_index;
        match self.view.bottom_tab {
            BottomTab::Findings => {
                if self.derived.findings.is_updating() || self.derived.layout.is_working() {
                    ui.weak("Checking the rules…");
                }
                let action = findings_ui(ui, self.derived.findings.stage(index));
                self.events.extend(action.map(AppEvent::Finding));
            }
            BottomTab::Changes => {
                let plan = self.doc.plan();
                let previous = plan
                    .previous_non_empty(index)
                    .and_then(|i| plan.stages.get(i))
                    .map(|s| s.name.as_str());
                if self.derived.diffs.is_updating() {
                    ui.weak("Updating the changes…");
                }
                if let (Some(all), Some(before)) =
                    (self.derived.totals.if_any(), plan.previous_non_empty(index))
                {
                    let (before, after) = (all.get(before), all.get(index));
                    if let (Some(before), Some(after)) = (before, after)
                        && let Some(change) = crate::look::money::totals_change(
                            before,
                            after,
                            &plan.settings.currency,
                        )
                    {
                        ui.label(format!("Numbers: {change}"));
                    }
                }
                let diff = self.derived.diffs.diff();
                let rows = self.derived.diffs.rows();
                let toggled = changes_ui(ui, diff, rows, previous, self.view.show_removed);
                self.events.extend(toggled.map(AppEvent::ShowRemoved));
            }
        }
    }

    fn inspector_ui(&mut self, ui: &mut Ui) {
        let plan = self.doc.plan();
        let Some(stage) = plan.stages.get(self.view.stage_index) else {
            ui.label("This plan has no stages.");
            return;
        };
        let findings = self.derived.findings.stage(self.view.stage_index);
        let selection = &self.view.selection;
        let totals = self.derived.totals.if_any();
        let actions =
            self.widgets
                .inspector
                .ui(ui, plan, stage, selection, findings, totals.as_deref());
        self.events
            .extend(actions.into_iter().map(AppEvent::Inspector));
    }

    /// The compare view, or the find bar and the canvas.
    fn central_ui(&mut self, ui: &mut Ui) {
        let plan = self.doc.plan();
        let index = self.view.stage_index;
        if let Some(compare) = self.view.compare.as_mut() {
            compare.ui(ui, plan, index);
            return;
        }
        if let Some(bar) = self.view.find.as_mut() {
            let action = find_bar_ui(ui, bar);
            self.events.extend(action.map(AppEvent::Find));
        }
        let Some(stage) = plan.stages.get(index) else {
            ui.centered_and_justified(|ui| ui.label("This plan has no stages."));
            return;
        };
        let folded = self.view.folded(stage);
        let chain: Option<std::collections::HashSet<String>> =
            self.view.find_chain(stage).map(|c| c.into_iter().collect());
        let camera = self.view.cameras.entry(stage.id.clone()).or_default();
        let canvas = &mut self.widgets.canvas;
        canvas.show_ghosts = self.view.show_removed;
        let input = CanvasInput {
            stage,
            selection: &self.view.selection,
            findings: self.derived.findings.stage(index),
            overlay: self.derived.diffs.overlay(),
            folded: &folded,
            highlight: chain.as_ref(),
        };
        let events = canvas.ui(ui, camera, &input);
        self.events
            .extend(events.into_iter().map(|event| AppEvent::Canvas {
                stage: stage.id.clone(),
                event,
            }));
    }

    /// The help windows and "Why?" (not modal).
    fn windows_ui(&mut self, ctx: &egui::Context) {
        let markdown = &mut self.widgets.markdown;
        shortcuts_window(ctx, &mut self.dialogs.shortcuts_open);
        learn_window(ctx, &mut self.dialogs.learn_open, markdown);
        why_window(ctx, &mut self.view.why, markdown);
    }

    fn present_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.present.cover_monitor_if_not_fullscreen(&ctx);
        let (plan, findings) = (self.doc.plan(), &self.derived.findings);
        let leave = egui::CentralPanel::default()
            .show(ui, |ui| {
                let presenter = self.present.presenter.as_mut();
                presenter.is_some_and(|p| p.ui(ui, plan, findings))
            })
            .inner;
        if leave {
            self.events.push(AppEvent::LeavePresent);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_dirty()
            && !self.shell.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialogs.modal = Modal::Unsaved {
                then: crate::app::dialogs::Pending::Close,
            };
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{dirty}{} — orgevo", self.doc.name());
        if self.shell.shown_title != title {
            self.shell.shown_title = title.clone();
            ctx.send_viewport_cmd(ViewportCommand::Title(title));
        }
    }

    /// The status line's right side: what the mouse can do now.
    fn hint(&self) -> String {
        if let Some(from) = &self.widgets.canvas.link_mode {
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

    pub(in crate::app) fn stage(&self) -> Option<&Stage> {
        self.view.stage(self.doc.plan())
    }
}

/// What the app shows, read-only.
impl OrgevoApp {
    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The open plan.
    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// The index of the stage on the canvas.
    pub fn stage_index(&self) -> usize {
        self.view.stage_index
    }

    /// Whether the rules are being checked again on a worker (the
    /// findings shown are those from before the last edits).
    pub fn is_checking(&self) -> bool {
        self.derived.findings.is_updating()
    }

    /// The findings of stage `index` as the app shows them (worked out
    /// again only for what an edit touched).
    pub fn findings_of(&self, index: usize) -> &[crate::rules::Finding] {
        self.derived.findings.stage(index)
    }

    /// The selected member ids.
    pub fn selection(&self) -> &BTreeSet<String> {
        &self.view.selection
    }

    /// The modal dialog on screen.
    pub fn modal(&self) -> &Modal {
        &self.dialogs.modal
    }

    /// The last status message.
    pub fn status(&self) -> &str {
        &self.shell.status
    }

    /// The app settings (recent files, theme).
    pub fn settings(&self) -> &AppSettings {
        &self.shell.settings
    }

    /// The find bar, when open.
    pub fn search(&self) -> Option<&crate::document::Find> {
        self.view.find.as_ref().map(|bar| &bar.find)
    }

    /// The compare view, when it is open.
    pub fn compare(&self) -> Option<&crate::app::canvas::compare::CompareView> {
        self.view.compare.as_ref()
    }

    /// The stage shown in present mode, if presenting.
    pub fn presenting(&self) -> Option<usize> {
        self.present.presenter.as_ref().map(|p| p.index())
    }

    /// The step present mode shows (a stage, or a decision slide), if
    /// presenting.
    pub fn presenting_step(&self) -> Option<crate::model::TreeStep> {
        self.present.presenter.as_ref().map(|p| p.step())
    }

    /// In present mode, the cards of the stage shown: member id and where
    /// it is drawn in the presentation's layout.
    pub fn presented_cards(&self) -> Option<Vec<(String, egui::Rect)>> {
        let presenter = self.present.presenter.as_ref()?;
        let layout = presenter.layout_shown()?;
        Some(layout.iter().map(|(id, r)| (id.clone(), *r)).collect())
    }

    /// On a decision slide, the option chosen there (its first stage).
    pub fn presenting_choice(&self) -> Option<usize> {
        let presenter = self.present.presenter.as_ref()?;
        match presenter.step() {
            crate::model::TreeStep::Decision(d) => presenter.chosen(self.doc.plan(), d),
            crate::model::TreeStep::Stage(_) => None,
        }
    }

    /// While Find is open on a hit: its chain of command (the member, then
    /// each manager up to the top), which the canvas highlights.
    pub fn find_chain(&self) -> Vec<String> {
        self.stage()
            .and_then(|stage| self.view.find_chain(stage))
            .unwrap_or_default()
    }

    /// The numbers of the stage at `index` as the app last worked them out
    /// (the timeline strip shows these).
    pub fn stage_totals(&self, index: usize) -> crate::model::StageTotals {
        self.derived.totals.stage(index)
    }

    /// The changes of the current stage since the previous one.
    pub fn current_diff(&self) -> Option<&crate::diff::StageDiff> {
        self.derived.diffs.diff()
    }

    /// Whether a plan is being opened.
    pub fn is_opening(&self) -> bool {
        self.shell.opening.is_some()
    }

    /// Where the card of member `id` of the current stage was drawn on
    /// screen in the last frame (the canvas is zoomed and panned, so its
    /// widgets' own rects are in scene coordinates).
    pub fn card_screen_rect(&self, id: &str) -> Option<egui::Rect> {
        let member = self.stage()?.member(id)?;
        Some(
            self.widgets
                .canvas
                .screen_rect(member, self.stage()?.pos(id)),
        )
    }
}

impl eframe::App for OrgevoApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_main(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // The file open now is reopened at the next start.
        self.shell.settings.last_open = self.doc.path().map(std::path::Path::to_path_buf);
        eframe::set_value(storage, SETTINGS_KEY, &self.shell.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: the recovery copy is not needed any more.
        self.end_cleanly();
    }
}
