//! Drawing the window: menus, toolbar, canvas, inspector, findings, status,
//! dialogs; and the eframe glue.

use egui::{RichText, Ui, ViewportCommand};

use super::canvas::CanvasEvent;
use super::changes_panel::changes_ui;
use super::command::{AppCommand, pressed_commands};
use super::dialogs::{Modal, ModalAnswer, PathPurpose, Pending};
use super::findings_panel::FindingAction;
use super::inspector::InspectorAction;
use super::orgevo_app::{BottomTab, OrgevoApp};
use super::state::{SETTINGS_KEY, ThemeChoice};
use super::timeline::{TimelineAction, timeline_ui};
use crate::edit::{Edit, compose};
use crate::model::{Link, LinkKind};

impl OrgevoApp {
    /// Draws the whole app into `ui` (everything but eframe's frame glue).
    pub fn ui_main(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            super::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        ctx.set_theme(self.settings_mut().theme.preference());
        self.follow_shown_stage();
        if let Some(then) = self.take_pending_after_save() {
            self.perform_pending(&ctx, then);
        }
        self.handle_close_request(&ctx);
        self.autosave_tick(&ctx);
        self.opening_ui(&ctx);
        if self.present_on_open && self.loading.is_none() {
            self.present_on_open = false;
            self.start_presenting(&ctx);
        }
        if self.presenter.is_some() {
            self.present_ui(ui);
            return;
        }
        if matches!(self.modal(), Modal::None) && self.loading.is_none() {
            for command in pressed_commands(&ctx) {
                self.run_command(&ctx, command);
            }
            if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.escape();
            }
        }
        let (plan_state, _) = (self.document().state(), ());
        self.refresh_findings(&ctx, plan_state);
        self.update_title(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::top("timeline").show(ui, |ui| self.timeline_panel_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(self.status()).weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(self.hint()).weak());
                });
            });
        });
        egui::Panel::bottom("findings")
            .resizable(true)
            .default_size(210.0)
            .min_size(60.0)
            .max_size((ui.available_height() * 0.7).max(120.0))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.view.bottom_tab, BottomTab::Findings, "Findings");
                    ui.selectable_value(&mut self.view.bottom_tab, BottomTab::Changes, "Changes");
                });
                ui.separator();
                match self.view.bottom_tab {
                    BottomTab::Findings => match self.draw_findings(ui) {
                        Some(FindingAction::Select(members)) => self.select_and_center(members),
                        Some(FindingAction::Why(rule)) => self.why = Some(rule),
                        None => {}
                    },
                    BottomTab::Changes => {
                        let plan = self.document().plan();
                        let previous = plan
                            .previous_non_empty(self.view.stage_index)
                            .and_then(|i| plan.stages.get(i))
                            .map(|s| s.name.clone());
                        let mut show_removed = self.view.show_removed;
                        if self.derived.diffs.is_updating() {
                            ui.weak("Updating the changes…");
                        }
                        changes_ui(
                            ui,
                            self.derived.diffs.diff(),
                            previous.as_deref(),
                            &mut show_removed,
                        );
                        self.view.show_removed = show_removed;
                    }
                }
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(320.0)
            .min_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.inspector_ui(ui));
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(ui.visuals().extreme_bg_color))
            .show(ui, |ui| {
                let index = self.view.stage_index;
                if let Some(compare) = self.compare.as_mut() {
                    compare.ui(ui, self.doc.plan(), index);
                } else {
                    self.search_bar_ui(ui);
                    self.canvas_ui(ui);
                }
            });

        let stage_name = self.stage().map(|s| s.name.clone()).unwrap_or_default();
        let stages = self.document().plan().stages.len();
        let answer = self.modal_mut().ui(&ctx, &stage_name, stages);
        if let Some(answer) = answer {
            self.answer_modal(&ctx, answer);
        }
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for command in [AppCommand::New, AppCommand::Open] {
                    self.command_button(ui, command);
                }
                ui.menu_button("Open recent", |ui| {
                    let recent = self.settings().recent_files.clone();
                    if recent.is_empty() {
                        ui.label(RichText::new("No recent files").weak());
                    }
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            self.request_open_path(&ctx, path);
                        }
                    }
                });
                ui.separator();
                for command in [
                    AppCommand::Save,
                    AppCommand::SaveAs,
                    AppCommand::ImportCsv,
                    AppCommand::Export,
                ] {
                    self.command_button(ui, command);
                }
                ui.separator();
                self.command_button(ui, AppCommand::Quit);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self
                    .document()
                    .history()
                    .undo_label()
                    .map(|l| format!("Undo {l}"));
                let redo = self
                    .document()
                    .history()
                    .redo_label()
                    .map(|l| format!("Redo {l}"));
                self.labelled_command_button(ui, AppCommand::Undo, undo);
                self.labelled_command_button(ui, AppCommand::Redo, redo);
                ui.separator();
                for command in [
                    AppCommand::AddMember,
                    AppCommand::Duplicate,
                    AppCommand::Delete,
                    AppCommand::SelectAll,
                ] {
                    self.command_button(ui, command);
                }
                ui.separator();
                self.command_button(ui, AppCommand::SuggestResponsibilities);
            });
            ui.menu_button("View", |ui| {
                for command in [
                    AppCommand::TidyUp,
                    AppCommand::FitView,
                    AppCommand::ZoomToSelection,
                ] {
                    self.command_button(ui, command);
                }
                ui.separator();
                for command in [AppCommand::ToggleCompare, AppCommand::Present] {
                    self.command_button(ui, command);
                }
                ui.separator();
                ui.label("Theme");
                let theme = &mut self.settings_mut().theme;
                ui.radio_value(theme, ThemeChoice::System, "Follow system");
                ui.radio_value(theme, ThemeChoice::Dark, "Dark");
                ui.radio_value(theme, ThemeChoice::Light, "Light");
            });
            ui.menu_button("Help", |ui| {
                if ui.button(super::learn::LEARN_TITLE).clicked() {
                    self.learn_open = true;
                    ui.close();
                }
                if ui.button("Keyboard shortcuts").clicked() {
                    self.show_shortcuts = true;
                    ui.close();
                }
            });
        });
        let mut open = self.show_shortcuts;
        super::help::shortcuts_window(&ctx, &mut open);
        self.show_shortcuts = open;
        super::learn::learn_window(&ctx, &mut self.learn_open);
        super::learn::why_window(&ctx, &mut self.why);
    }

    fn command_button(&mut self, ui: &mut Ui, command: AppCommand) {
        self.labelled_command_button(ui, command, None);
    }

    fn labelled_command_button(&mut self, ui: &mut Ui, command: AppCommand, label: Option<String>) {
        let ctx = ui.ctx().clone();
        let text = label.unwrap_or_else(|| command.label().to_owned());
        let shortcut = command.shortcut_text(&ctx);
        let button = if shortcut.is_empty() {
            egui::Button::new(text)
        } else {
            egui::Button::new(text).shortcut_text(shortcut)
        };
        if ui.add(button).clicked() {
            self.run_command(&ctx, command);
            ui.close();
        }
    }

    fn toolbar_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        ui.horizontal(|ui| {
            ui.label(RichText::new(&self.plan().title).strong());
            ui.separator();
            for (command, icon) in [
                (AppCommand::AddMember, "➕ Add member"),
                (AppCommand::TidyUp, "🌳 Tidy up"),
                (AppCommand::FitView, "⛶ Fit"),
                (AppCommand::ZoomToSelection, "🔍 Selection"),
                (AppCommand::Undo, "⟲ Undo"),
                (AppCommand::Redo, "⟳ Redo"),
                (AppCommand::ToggleCompare, "⇆ Compare"),
                (AppCommand::Present, "▶ Present"),
            ] {
                let enabled = match command {
                    AppCommand::Undo => self.document().history().undo_label().is_some(),
                    AppCommand::Redo => self.document().history().redo_label().is_some(),
                    _ => true,
                };
                let hover = format!("{} ({})", command.label(), command.shortcut_text(&ctx));
                if ui
                    .add_enabled(enabled, egui::Button::new(icon))
                    .on_hover_text(hover)
                    .clicked()
                {
                    self.run_command(&ctx, command);
                }
            }
        });
    }

    fn inspector_ui(&mut self, ui: &mut Ui) {
        let Some(actions) = self.draw_inspector(ui) else {
            ui.label("This plan has no stages.");
            return;
        };
        let ctx = ui.ctx().clone();
        for action in actions {
            match action {
                InspectorAction::Edit { edit, merge } => {
                    let edit = *edit;
                    // A new manager re-tidies a tidy stage, as a drop does.
                    let edit = match &edit {
                        Edit::SetManager { stage, .. } => {
                            compose::keep_tidy(self.doc.plan(), &stage.clone(), edit)
                        }
                        _ => edit,
                    };
                    self.apply_merging(&edit, merge.as_deref())
                }
                InspectorAction::Seal => self.seal(),
                InspectorAction::Select(id) => self.select_only(id),
                InspectorAction::DeleteSelection => self.run_command(&ctx, AppCommand::Delete),
                InspectorAction::DuplicateSelection => {
                    self.run_command(&ctx, AppCommand::Duplicate)
                }
            }
        }
    }

    fn canvas_ui(&mut self, ui: &mut Ui) {
        let Some(events) = self.draw_canvas(ui) else {
            ui.centered_and_justified(|ui| ui.label("This plan has no stages."));
            return;
        };
        if events.is_empty() {
            return;
        }
        let Some(stage) = self.plan().stages.get(self.view.stage_index).cloned() else {
            return;
        };
        let ctx = ui.ctx().clone();
        for event in events {
            self.canvas_event(&ctx, &stage, event);
        }
    }

    fn canvas_event(
        &mut self,
        ctx: &egui::Context,
        stage: &crate::model::Stage,
        event: CanvasEvent,
    ) {
        let stage_id = stage.id.clone();
        match event {
            CanvasEvent::Select { id, additive } => self.toggle_select(id, additive),
            CanvasEvent::AddToSelection(ids) => self.extend_selection(ids),
            CanvasEvent::ClearSelection => self.clear_selection(),
            CanvasEvent::Move(positions) => {
                self.apply(&Edit::SetPositions {
                    stage: stage_id,
                    positions,
                });
            }
            CanvasEvent::Reparent { ids, manager } => {
                let edit = compose::reparent(stage, &ids, &manager);
                self.apply(&compose::keep_tidy(self.doc.plan(), &stage_id, edit));
            }
            CanvasEvent::AddMemberAt(pos) => self.add_member_at(Some(pos), None),
            CanvasEvent::AddReport(manager) => self.add_member_at(None, Some(&manager)),
            CanvasEvent::Link { from, to } => {
                // A collaboration line has no direction: `find_link` finds
                // it either way round, and adding it again does nothing.
                let link = Link::new(from, to, LinkKind::CollaboratesWith);
                if stage.find_link(&link).is_some() {
                    self.set_status("These two already collaborate".to_owned());
                } else {
                    self.apply(&Edit::AddLink {
                        stage: stage_id,
                        link,
                    });
                }
            }
            CanvasEvent::ClearManager(member) => {
                let edit = Edit::SetManager {
                    stage: stage_id.clone(),
                    member,
                    manager: None,
                };
                self.apply(&compose::keep_tidy(self.doc.plan(), &stage_id, edit));
            }
            CanvasEvent::Delete => self.run_command(ctx, AppCommand::Delete),
            CanvasEvent::ToggleTeam(id) => self.toggle_team(&stage_id, &id),
            CanvasEvent::Duplicate => self.run_command(ctx, AppCommand::Duplicate),
        }
    }

    fn answer_modal(&mut self, ctx: &egui::Context, answer: ModalAnswer) {
        match answer {
            ModalAnswer::Dismiss => {}
            ModalAnswer::Discard(then) => self.perform_pending(ctx, then),
            ModalAnswer::Save(then) => {
                if self.save_then(Some(then.clone())) {
                    self.perform_pending(ctx, then);
                }
            }
            ModalAnswer::Path(PathPurpose::Open, path) => self.open_path(&path),
            ModalAnswer::Path(PathPurpose::Export(choice), path) => self.export_to(choice, &path),
            ModalAnswer::Export(choice) => self.choose_export_path(choice),
            ModalAnswer::Path(PathPurpose::ImportCsv, path) => self.read_csv(&path),
            ModalAnswer::ImportCsv(dialog) => self.import_from(ctx, *dialog),
            ModalAnswer::Suggest(stage, suggestions) => {
                let edit = self
                    .doc
                    .plan()
                    .stage(&stage)
                    .and_then(|s| crate::edit::suggest::suggestions_edit(s, &suggestions));
                if let Some(edit) = edit {
                    self.apply(&edit);
                }
            }
            ModalAnswer::Overwrite(path, then) => {
                if self.save_over(&path)
                    && let Some(then) = then
                {
                    self.perform_pending(ctx, then);
                }
            }
            ModalAnswer::SaveElsewhere(then) => self.save_as(then),
            ModalAnswer::Reload(path) => self.open_path(&path),
            ModalAnswer::Start(choice) => self.start_with(ctx, choice),
            ModalAnswer::Restore(copy, rest) => self.restore(&copy, rest),
            ModalAnswer::DiscardCopy(copy, rest) => {
                copy.discard();
                self.offer_recovery(rest);
            }
            ModalAnswer::Path(PathPurpose::Save { then }, path) => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.perform_pending(ctx, then);
                }
            }
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.document().is_dirty()
            && !self.close_allowed()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            *self.modal_mut() = Modal::Unsaved {
                then: Pending::Close,
            };
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — orgevo",
            if self.document().is_dirty() {
                "● "
            } else {
                ""
            },
            self.document().name()
        );
        if self.set_shown_title(&title) {
            ctx.send_viewport_cmd(ViewportCommand::Title(title));
        }
    }
}

impl OrgevoApp {
    fn present_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.cover_monitor_if_not_fullscreen(&ctx);
        let mut leave = false;
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(presenter) = &mut self.presenter {
                leave = presenter.ui(ui, self.doc.plan());
            }
        });
        if leave {
            self.stop_presenting(&ctx);
        }
    }

    fn timeline_panel_ui(&mut self, ui: &mut Ui) {
        let count = self.doc.plan().stages.len();
        let summaries: Vec<_> = (0..count)
            .map(|i| self.derived.findings.summary(i))
            .collect();
        let actions = timeline_ui(ui, self.doc.plan(), self.view.stage_index, &summaries);
        for action in actions {
            match action {
                TimelineAction::Select(index) => self.set_stage(index),
                TimelineAction::Add(how) => {
                    let (edit, id) =
                        compose::add_stage(self.doc.plan(), self.view.stage_index, how);
                    if self.apply(&edit)
                        && let Some(index) = self.doc.plan().stage_position(&id)
                    {
                        self.set_stage(index);
                    }
                }
                TimelineAction::Move { from, to } => {
                    let Some(id) = self.doc.plan().stages.get(from).map(|s| s.id.clone()) else {
                        continue;
                    };
                    let current = self.stage_id();
                    if self.apply(&Edit::MoveStage { id, to }) {
                        let index = self.doc.plan().stage_position(&current).unwrap_or(0);
                        self.set_stage_index(index);
                    }
                }
                TimelineAction::Delete(index) => {
                    let Some(id) = self.doc.plan().stages.get(index).map(|s| s.id.clone()) else {
                        continue;
                    };
                    // The view keeps its stage, or shows the neighbour when
                    // its own stage went (see `follow_shown_stage`).
                    self.apply(&Edit::RemoveStage { id });
                    self.follow_shown_stage();
                }
            }
        }
    }
}

impl eframe::App for OrgevoApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_main(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // The file open now is reopened at the next start.
        let open = self.document().path().map(std::path::Path::to_path_buf);
        self.settings_mut().last_open = open;
        eframe::set_value(storage, SETTINGS_KEY, self.settings());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: the recovery copy is not needed any more.
        self.end_cleanly();
    }
}
