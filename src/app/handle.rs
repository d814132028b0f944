//! The one place where commands and view events become edits: everything
//! the views pushed during a frame is handled here, once, at its end. Edits
//! go through the history (undo and redo); the keep-tidy policy is applied
//! here to every edit ([`compose::keeping_tidy`]).

use std::collections::BTreeSet;

use egui::ViewportCommand;

use crate::app::app::OrgevoApp;
use crate::app::canvas::CanvasEvent;
use crate::app::canvas::compare::CompareView;
use crate::app::command::AppCommand;
use crate::app::dialogs::modal::Modal;
use crate::app::dialogs::{ModalAnswer, PathPurpose, Pending};
use crate::app::event::AppEvent;
use crate::app::panels::find_bar::FindAction;
use crate::app::panels::findings::FindingAction;
use crate::app::panels::inspector_action::InspectorAction;
use crate::app::panels::timeline::TimelineAction;
use crate::app::state::relayout::BackgroundLayout;
use crate::edit::compose::NewStage;
use crate::edit::{Edit, compose};
use crate::model::{LayoutStyle, Link, LinkKind};

impl OrgevoApp {
    /// Handles the events of this frame, in the order they happened.
    pub(in crate::app) fn handle_events(&mut self, ctx: &egui::Context) {
        if self.events.is_empty() {
            return;
        }
        for event in std::mem::take(&mut self.events) {
            self.handle(ctx, event);
        }
        // The frame drawn showed the plan before these edits.
        ctx.request_repaint();
    }

    /// Runs a command as if chosen from the menu (embedders, benchmarks).
    pub fn run_command(&mut self, ctx: &egui::Context, command: AppCommand) {
        self.handle(ctx, AppEvent::Command(command));
    }

    fn handle(&mut self, ctx: &egui::Context, event: AppEvent) {
        match event {
            AppEvent::Command(command) => self.command(ctx, command),
            AppEvent::OpenRecent(path) => self.request(ctx, Pending::OpenPath(path)),
            AppEvent::Escape => {
                if self.widgets.canvas.link_mode.take().is_some() {
                    self.shell.status = "Line cancelled".to_owned();
                } else {
                    self.view.selection.clear();
                }
            }
            AppEvent::Theme(theme) => self.shell.settings.theme = theme,
            AppEvent::TidyUpIn(style) => self.tidy_up(Some(style)),
            AppEvent::ShowShortcuts => self.dialogs.shortcuts_open = true,
            AppEvent::ShowLearn => self.dialogs.learn_open = true,
            AppEvent::Canvas { stage, event } => self.canvas_event(ctx, &stage, event),
            AppEvent::Inspector(action) => self.inspector_action(ctx, action),
            AppEvent::Timeline(action) => self.timeline_action(action),
            AppEvent::Finding(FindingAction::Select(members)) => {
                self.view.select_and_center(self.doc.plan(), members);
            }
            AppEvent::Finding(FindingAction::Why(rule)) => self.view.why = Some(rule),
            AppEvent::Find(FindAction::Close) => self.view.find = None,
            AppEvent::Find(FindAction::Step(step)) => {
                if !self.view.step_find(self.doc.plan(), step) {
                    let text = self.view.find.as_ref().map(|b| b.find.text.trim());
                    let text = text.unwrap_or_default();
                    self.shell.status = format!("No member matches \"{text}\"");
                }
            }
            AppEvent::ShowRemoved(show) => self.view.show_removed = show,
            AppEvent::Modal(answer) => self.modal_answer(ctx, answer),
            AppEvent::CancelOpening => {
                if let Some(opening) = self.shell.opening.take() {
                    opening.cancel();
                    self.shell.status = format!("Opening {} cancelled", opening.path().display());
                }
            }
            AppEvent::LeavePresent => self.stop_presenting(ctx),
        }
    }

    fn command(&mut self, ctx: &egui::Context, command: AppCommand) {
        let plan = self.doc.plan();
        match command {
            AppCommand::New => self.request(ctx, Pending::New),
            AppCommand::Open => self.request(ctx, Pending::Open),
            AppCommand::Save => {
                self.save(None);
            }
            AppCommand::SaveAs => self.save_as(None),
            AppCommand::Export => self.dialogs.modal = Modal::Export(self.dialogs.export_choice),
            AppCommand::ImportCsv => self.choose_csv(),
            AppCommand::Undo | AppCommand::Redo => {
                self.settle_layout();
                let undo = command == AppCommand::Undo;
                let done = if undo {
                    self.doc.undo()
                } else {
                    self.doc.redo()
                };
                if done {
                    self.shell.status = if undo { "Undone" } else { "Redone" }.to_owned();
                }
                self.view.prune_selection(self.doc.plan());
            }
            AppCommand::AddMember => {
                // With one card selected, the new member is its report.
                let manager = match self.view.selection.iter().collect::<Vec<_>>()[..] {
                    [one] => self
                        .stage()
                        .and_then(|s| s.member(one))
                        .map(|m| m.id.clone()),
                    _ => None,
                };
                self.add_member(None, manager.as_deref());
            }
            AppCommand::Delete => {
                let Some(stage) = self.view.stage(plan) else {
                    return;
                };
                if !self.view.selection.is_empty() {
                    let ids = self.view.selection.iter().cloned().collect();
                    let edit = Edit::RemoveMembers {
                        stage: stage.id.clone(),
                        ids,
                    };
                    if self.apply(&edit) {
                        self.view.selection.clear();
                    }
                }
            }
            AppCommand::Duplicate => {
                let ids: Vec<String> = self.view.selection.iter().cloned().collect();
                let made = self
                    .view
                    .stage(plan)
                    .and_then(|s| compose::duplicate(s, &ids));
                if let Some((edit, new_ids)) = made
                    && self.apply(&edit)
                {
                    self.view.selection = new_ids.into_iter().collect();
                }
            }
            AppCommand::SelectAll => {
                if let Some(stage) = self.view.stage(plan) {
                    self.view.selection = stage.members().map(|m| m.id.clone()).collect();
                }
            }
            AppCommand::TidyUp => self.tidy_up(None),
            AppCommand::SuggestResponsibilities => {
                if let Some(stage) = self.view.stage(plan) {
                    self.dialogs.modal = Modal::Suggest {
                        stage: stage.id.clone(),
                        name: stage.name.clone(),
                        suggestions: crate::edit::suggest::suggest_responsibilities(stage),
                    };
                }
            }
            AppCommand::Find => self.view.open_find(),
            AppCommand::FitView => self.view.fit(plan, false),
            AppCommand::ZoomToSelection => self.view.fit(plan, true),
            AppCommand::Present => self.start_presenting(ctx),
            AppCommand::ToggleCompare => {
                self.view.compare = match self.view.compare {
                    Some(_) => None,
                    None => Some(CompareView::new(plan, self.view.stage_index)),
                };
            }
            AppCommand::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }

    fn canvas_event(&mut self, ctx: &egui::Context, stage_id: &str, event: CanvasEvent) {
        let Some(stage) = self.doc.plan().stage(stage_id) else {
            return;
        };
        let stage_id = stage_id.to_owned();
        match event {
            CanvasEvent::Select { id, additive } => self.view.toggle_select(id, additive),
            CanvasEvent::AddToSelection(ids) => self.view.selection.extend(ids),
            CanvasEvent::ClearSelection => self.view.selection.clear(),
            CanvasEvent::Move(positions) => {
                let stage = stage_id;
                self.apply(&Edit::SetPositions { stage, positions });
            }
            CanvasEvent::Reparent { ids, manager } => {
                let edit = compose::reparent(stage, &ids, &manager);
                self.apply(&edit);
            }
            CanvasEvent::AddMemberAt(pos) => self.add_member(Some(pos), None),
            CanvasEvent::AddReport(manager) => self.add_member(None, Some(&manager)),
            CanvasEvent::Link { from, to } => {
                // A collaboration line has no direction: `find_link` finds
                // it either way round, and adding it again does nothing.
                let link = Link::new(from, to, LinkKind::CollaboratesWith);
                if stage.find_link(&link).is_some() {
                    self.shell.status = "These two already collaborate".to_owned();
                } else {
                    let stage = stage_id;
                    self.apply(&Edit::AddLink { stage, link });
                }
            }
            CanvasEvent::ClearManager(member) => {
                let (stage, manager) = (stage_id, None);
                self.apply(&Edit::SetManager {
                    stage,
                    member,
                    manager,
                });
            }
            CanvasEvent::Delete => self.command(ctx, AppCommand::Delete),
            CanvasEvent::ToggleTeam(id) => self.toggle_team(&stage_id, &id),
            CanvasEvent::FitTeam(id) => self.fit_team(&id),
            CanvasEvent::PresentTeam(id) => self.present_team(ctx, id),
            CanvasEvent::Duplicate => self.command(ctx, AppCommand::Duplicate),
        }
    }

    fn inspector_action(&mut self, ctx: &egui::Context, action: InspectorAction) {
        match action {
            InspectorAction::Edit { edit, merge } => {
                self.apply_merging(*edit, merge.as_deref());
            }
            InspectorAction::Seal => self.doc.seal(),
            InspectorAction::Named { stage, member } => {
                // Only right after typing the name: a field that loses its
                // focus because an undo or redo took its member away must
                // not add a step (that would drop the steps to redo).
                let key = format!("{stage}/{member}/name");
                if self.doc.is_merging(&key)
                    && let Some(edit) = compose::id_from_name(self.doc.plan(), &stage, &member)
                    && let Edit::RenameMemberId { to, .. } = &edit
                {
                    let to = to.clone();
                    if self.apply_merging(edit, Some(&key)) && self.view.selection.remove(&member) {
                        self.view.selection.insert(to);
                    }
                }
                self.doc.seal();
            }
            InspectorAction::Select(id) => self.view.selection = BTreeSet::from([id]),
            InspectorAction::DeleteSelection => self.command(ctx, AppCommand::Delete),
            InspectorAction::DuplicateSelection => self.command(ctx, AppCommand::Duplicate),
        }
    }

    fn timeline_action(&mut self, action: TimelineAction) {
        let plan = self.doc.plan();
        match action {
            TimelineAction::Select(index) => self.set_stage(index),
            TimelineAction::Add(how) => {
                let (edit, id) = compose::add_stage(plan, self.view.stage_index, how);
                // What the move did with the people, said before the plan
                // changes (it reads the stage the new one follows).
                let said = match (how, plan.stages.get(self.view.stage_index)) {
                    (NewStage::NextFrom(kind), Some(source)) => {
                        crate::edit::transition::next_stage_summary(source, kind)
                    }
                    _ => None,
                };
                if self.apply(&edit)
                    && let Some(index) = self.doc.plan().stage_position(&id)
                {
                    self.set_stage(index);
                    if let Some(said) = said {
                        self.shell.status = format!("Next stage: {said}");
                    }
                }
            }
            TimelineAction::AddOption(mv) => {
                let added = crate::edit::moves::add_option(plan, self.view.stage_index, mv);
                if let Some((edit, id)) = added
                    && self.apply(&edit)
                    && let Some(index) = self.doc.plan().stage_position(&id)
                {
                    self.set_stage(index);
                    self.shell.status = format!(
                        "Added the option \"{}\"",
                        self.doc.plan().stages[index]
                            .option
                            .as_deref()
                            .unwrap_or_default()
                    );
                }
            }
            TimelineAction::Move { from, to } => {
                let Some(id) = plan.stages.get(from).map(|s| s.id.clone()) else {
                    return;
                };
                let current = self.view.stage_id(plan);
                if self.apply(&Edit::MoveStage { id, to }) {
                    let plan = self.doc.plan();
                    let index = plan.stage_position(&current).unwrap_or(0);
                    self.set_stage_index(index);
                }
            }
            TimelineAction::MakeMain(index) => {
                let name = plan.option_name(index);
                let current = self.view.stage_id(plan);
                if let Some(edit) = crate::edit::options::make_main_option(plan, index)
                    && self.apply(&edit)
                {
                    let index = self.doc.plan().stage_position(&current).unwrap_or(0);
                    self.set_stage_index(index);
                    self.shell.status = format!("\"{name}\" is now the main option");
                }
            }
            TimelineAction::DeleteOption(index) => {
                // The option's first stage and everything that follows it,
                // as one undoable step.
                let Some(edit) = crate::edit::options::delete_option(plan, index) else {
                    return;
                };
                self.apply(&edit);
                if self.view.follow_shown_stage(self.doc.plan()) {
                    self.widgets.canvas.link_mode = None;
                }
            }
            TimelineAction::Delete(index) => {
                let Some(id) = plan.stages.get(index).map(|s| s.id.clone()) else {
                    return;
                };
                // The view keeps its stage, or shows the neighbour when its
                // own stage went (see `ViewState::follow_shown_stage`).
                self.apply(&Edit::RemoveStage { id });
                if self.view.follow_shown_stage(self.doc.plan()) {
                    self.widgets.canvas.link_mode = None;
                }
            }
        }
    }

    fn modal_answer(&mut self, ctx: &egui::Context, answer: ModalAnswer) {
        match answer {
            ModalAnswer::Dismiss => {}
            ModalAnswer::Discard(then) => self.perform(ctx, then),
            ModalAnswer::Save(then) => {
                if self.save(Some(then.clone())) {
                    self.perform(ctx, then);
                }
            }
            ModalAnswer::Path(PathPurpose::Open, path) => self.open_path(&path),
            ModalAnswer::Path(PathPurpose::Export(choice), path) => self.export_to(choice, &path),
            ModalAnswer::Export(choice) => self.choose_export_path(choice),
            ModalAnswer::Path(PathPurpose::ImportCsv, path) => self.read_csv(&path),
            ModalAnswer::ImportCsv(dialog) => self.import_from(ctx, *dialog),
            ModalAnswer::Suggest(stage, suggestions) => {
                let stage = self.doc.plan().stage(&stage);
                let edit =
                    stage.and_then(|s| crate::edit::suggest::suggestions_edit(s, &suggestions));
                if let Some(edit) = edit {
                    self.apply(&edit);
                }
            }
            ModalAnswer::Overwrite(path, then) => {
                if self.save_over(&path)
                    && let Some(then) = then
                {
                    self.perform(ctx, then);
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
                    self.perform(ctx, then);
                }
            }
        }
    }

    /// Tidy up: lays the shown stage out in `style` (the stage's own when
    /// `None`), which becomes the stage's style, and fits the view.
    fn tidy_up(&mut self, style: Option<LayoutStyle>) {
        let Some(stage) = self.view.stage(self.doc.plan()) else {
            return;
        };
        let edit = compose::tidy_up_in(stage, style.unwrap_or(stage.layout_style()));
        if self.apply(&edit) {
            if let Some(stage) = self.view.stage(self.doc.plan()) {
                self.derived.tidy.remember(stage);
            }
            self.view.fit(self.doc.plan(), false);
        }
    }

    /// Applies an edit (kept tidy, see the module); a refused edit leaves
    /// the plan alone and says why.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        self.apply_merging(edit.clone(), None)
    }

    /// [`OrgevoApp::apply`], merging with the previous edit of the same
    /// `merge` key into one undo step (typing into one field).
    fn apply_merging(&mut self, edit: Edit, merge: Option<&str>) -> bool {
        self.settle_layout();
        let (edit, laid_out) =
            compose::keeping_tidy_with(self.doc.plan(), edit, &self.derived.tidy);
        // A big stage is laid out on a worker, into the same undo step.
        let (edit, later) = match merge {
            None => BackgroundLayout::split(edit, self.doc.plan()),
            Some(_) => (edit, None),
        };
        let step = later.as_ref().map(|_| self.derived.layout.next_step());
        let result = match merge.or(step.as_deref()) {
            Some(key) => self.doc.apply_merging(&edit, key),
            None => self.doc.apply(&edit),
        };
        match result {
            Ok(()) => {
                // Promised tidy: laid out now, or once the worker is done.
                let promised = later.or(laid_out);
                if let Some(stage) = promised.and_then(|id| self.doc.plan().stage(&id)) {
                    self.derived.tidy.remember(stage);
                    if let Some(step) = step {
                        self.derived.layout.start(stage, step);
                    }
                }
                self.shell.status = format!("Done: {}", edit.label());
                true
            }
            Err(e) => {
                self.shell.status = format!("Not possible: {e}");
                false
            }
        }
    }

    fn add_member(&mut self, pos: Option<[f32; 2]>, manager: Option<&str>) {
        let Some(stage) = self.stage() else {
            return;
        };
        let pos = pos.or_else(|| {
            // Toolbar: in the middle of the view; a report: below its manager.
            if manager.is_some() {
                return None;
            }
            let camera = self.view.cameras.get(&stage.id)?;
            Some([camera.scene_rect.center().x, camera.scene_rect.center().y])
        });
        let (edit, id) = compose::add_member(stage, pos, manager);
        if self.apply(&edit) {
            self.view.selection = BTreeSet::from([id]);
            self.widgets.inspector.focus_name();
        }
    }

    /// Shows stage `index` on the canvas.
    pub fn set_stage(&mut self, index: usize) {
        if self.view.set_stage(self.doc.plan(), index) {
            self.widgets.canvas.link_mode = None;
        }
    }

    /// Shows stage `index` even when it is the index shown (the stages
    /// moved), dropping the selection and a line being drawn.
    pub(in crate::app) fn set_stage_index(&mut self, index: usize) {
        self.view.set_stage_index(self.doc.plan(), index);
        self.widgets.canvas.link_mode = None;
    }

    /// Replaces the selection (ids not in the current stage are ignored).
    pub fn set_selection(&mut self, ids: impl IntoIterator<Item = String>) {
        self.view.set_selection(self.doc.plan(), ids);
    }

    /// Collapses or expands the team under `id` in stage `stage`.
    pub fn toggle_team(&mut self, stage: &str, id: &str) {
        self.view.toggle_team(self.doc.plan(), stage, id);
    }

    /// "Fit to team" on a manager's card: the view fits that member and
    /// everyone below.
    pub fn fit_team(&mut self, id: &str) {
        self.view.fit_team(self.doc.plan(), id);
    }

    /// "Present this team": present mode on the current stage showing only
    /// `head` and everyone below them, in each stage that has them.
    pub fn present_team(&mut self, ctx: &egui::Context, head: String) {
        self.present.team = Some(head);
        self.start_presenting(ctx);
    }

    /// Enters present mode on the current stage, full screen.
    /// With an option asked for (`--present --option NAME`), the road
    /// through it from the first stage.
    pub fn start_presenting(&mut self, ctx: &egui::Context) {
        self.settle_layout();
        let mut index = self.view.stage_index;
        let mut through = None;
        if let Some(name) = self.present.option.take() {
            index = 0;
            match self.doc.plan().option_named(&name) {
                Ok(option) => through = Some(option),
                Err(e) => {
                    self.show_error("Could not present that option", e.to_string());
                    return;
                }
            }
        }
        let plan = self.doc.plan();
        self.derived.findings.refresh(plan, self.doc.state());
        let team = self.present.team.take();
        self.present.start(
            ctx,
            plan,
            index,
            through,
            team.as_deref(),
            &self.derived.findings,
        );
    }

    /// Leaves present mode on the stage that was shown.
    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(index) = self.present.stop(ctx) {
            self.set_stage(index);
        }
    }
}

/// Laying a big stage out on a worker ([`crate::app::state::relayout`]):
/// the cards move once the worker is done, in the undo step of the edit
/// that reshaped the stage.
impl OrgevoApp {
    /// Places the cards of a finished background layout; while one is
    /// being worked out, asks for the frames that will pick it up.
    pub(in crate::app) fn receive_layout(&mut self, ctx: &egui::Context) {
        if let Some((edit, step)) = self.derived.layout.finished() {
            self.place_laid_out(&edit, &step);
        }
        if self.derived.layout.is_working() {
            ctx.request_repaint_after(std::time::Duration::from_millis(4));
        }
    }

    /// Waits for a background layout and places its cards: before an
    /// edit, an undo or a save, so every undo step (and the file) holds
    /// its edit's layout.
    pub(in crate::app) fn settle_layout(&mut self) {
        if let Some((edit, step)) = self.derived.layout.finish_now() {
            self.place_laid_out(&edit, &step);
        }
    }

    fn place_laid_out(&mut self, edit: &crate::edit::Edit, step: &str) {
        // Refused when the stage changed meanwhile (an undo): nothing to do.
        if self.doc.apply_merging(edit, step).is_ok()
            && let crate::edit::Edit::PlaceAsLaidOut { stage, .. } = edit
            && let Some(stage) = self.doc.plan().stage(stage)
        {
            self.derived.tidy.remember(stage);
        }
    }

    /// Whether a big stage's new layout is being worked out on a worker
    /// (its cards move once it is done).
    pub fn is_laying_out(&self) -> bool {
        self.derived.layout.is_working()
    }
}
