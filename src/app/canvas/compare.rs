//! Compare: two stages side by side at the same zoom, each card with its
//! change badge; hovering a member highlights it in both.

use std::collections::HashMap;

use egui::{Rect, RichText, Ui};

use crate::app::canvas::card::{CardLook, ChangeBadge, paint_card};
use crate::app::canvas::lines::paint_stage_lines;
use crate::app::canvas::{bounds, card_rect};
use crate::app::state::derived::overlay_of;
use crate::model::{Plan, Stage};

/// The zoom (screen pixels per scene unit) Compare starts at when fitting
/// both stages would make names too small to read; Fit shows them whole.
const READABLE_ZOOM: f32 = 0.75;

/// The compare view's state: which stages, by id, and the shared camera.
#[derive(Debug)]
pub struct CompareView {
    /// The stage on the left (the earlier one).
    pub left: String,
    /// The stage on the right.
    pub right: String,
    /// The shown stage the sides were chosen for: showing another stage
    /// chooses again.
    chosen_for: String,
    /// How far both views are panned from their own stage's centre.
    pan: egui::Vec2,
    /// The visible size in scene units (the shared zoom).
    size: egui::Vec2,
    hovered: Option<String>,
    /// The sides the camera was set for, and whether to fit them whole.
    fitted_for: Option<(String, String, bool)>,
    fit_whole: bool,
    drawn_zoom: f32,
    /// Each side's badges, for the two stages' revisions they were worked
    /// out at (not again every frame).
    badges: Option<((u64, u64), Badges, Badges)>,
}

/// Change badges by member id.
type Badges = HashMap<String, ChangeBadge>;

impl CompareView {
    /// Compares the stage shown (`current`) with the one before it; the
    /// first stage with the one after it.
    pub fn new(plan: &Plan, current: usize) -> Self {
        let (left, right) = sides(plan, current);
        let id = |i: usize| plan.stages.get(i).map(|s| s.id.clone()).unwrap_or_default();
        Self {
            left: id(left),
            right: id(right),
            chosen_for: id(current),
            pan: egui::Vec2::ZERO,
            size: egui::vec2(800.0, 600.0),
            hovered: None,
            fitted_for: None,
            fit_whole: false,
            drawn_zoom: 1.0,
            badges: None,
        }
    }

    /// Draws both stages; `current` is the stage the app shows.
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan, current: usize) {
        if plan
            .stages
            .get(current)
            .is_some_and(|s| s.id != self.chosen_for)
        {
            *self = Self::new(plan, current);
        }
        let (Some(a), Some(b)) = (plan.stage(&self.left), plan.stage(&self.right)) else {
            ui.label("Nothing to compare.");
            return;
        };
        ui.horizontal(|ui| {
            for (label, side) in [("Compare", &mut self.left), ("with", &mut self.right)] {
                let label_id = ui.label(label).id;
                let shown = plan.stage(side).map_or("", |s| s.name.as_str()).to_owned();
                egui::ComboBox::from_id_salt(("compare", label))
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for s in &plan.stages {
                            ui.selectable_value(side, s.id.clone(), &s.name);
                        }
                    })
                    .response
                    .labelled_by(label_id);
            }
            if ui
                .button("Fit")
                .on_hover_text("Show both stages whole")
                .clicked()
            {
                self.fit_whole = true;
                self.fitted_for = None;
            }
            ui.label(
                RichText::new(
                    "Both sides pan and zoom together; hover a member to find it in both.",
                )
                .weak(),
            );
        });
        let key = (a.id.clone(), b.id.clone(), self.fit_whole);
        if self.fitted_for.as_ref() != Some(&key) {
            self.set_camera(ui, a, b);
            self.fitted_for = Some(key);
        }
        // Each side's badges say what changes between the two: the right
        // side's NEW and MOVED, the left side's LEAVES and MOVED. (Both
        // sides' ids are in `fitted_for`; the revisions say they changed.)
        let revisions = (a.revision(), b.revision());
        if self.badges.as_ref().is_none_or(|(r, _, _)| *r != revisions) {
            let left: Badges = overlay_of(b, a)
                .badges
                .into_iter()
                .map(|(id, badge)| match badge {
                    ChangeBadge::New => (id, ChangeBadge::Leaves),
                    other => (id, other),
                })
                .collect();
            self.badges = Some((revisions, left, overlay_of(a, b).badges));
        }
        let (left_badges, right_badges) = match self.badges.take() {
            Some((_, left, right)) => (left, right),
            None => Default::default(),
        };
        let mut hovered = None;
        let previous_hover = self.hovered.clone();
        ui.columns(2, |columns| {
            let sides = [(a, &left_badges), (b, &right_badges)];
            for (side, (column, (stage, badges))) in columns.iter_mut().zip(sides).enumerate() {
                let under = crate::look::kind_and_when(stage);
                let heading = if under.is_empty() {
                    stage.name.clone()
                } else {
                    format!("{} · {under}", stage.name)
                };
                column.label(RichText::new(heading).strong());
                let numbers = plan
                    .stage_position(&stage.id)
                    .and_then(|i| crate::look::money::stage_numbers(plan, i));
                if let Some(numbers) = numbers {
                    column.label(RichText::new(numbers).weak());
                }
                // Each side needs its own scope, or both scenes share one
                // paint layer (and so one transform).
                let side_hover = column
                    .push_id(("compare-side", side), |ui| {
                        self.stage_ui(ui, stage, badges, previous_hover.as_deref())
                    })
                    .inner;
                if side_hover.is_some() {
                    hovered = side_hover;
                }
            }
        });
        self.hovered = hovered;
        self.badges = Some((revisions, left_badges, right_badges));
    }

    /// Both sides at the zoom that fits the larger stage, or, when that
    /// would be too small to read (and Fit was not asked for), at a
    /// readable zoom showing the top of the charts.
    fn set_camera(&mut self, ui: &Ui, a: &Stage, b: &Stage) {
        let half = egui::vec2(ui.available_width() / 2.0, ui.available_height() - 24.0)
            .max(egui::vec2(50.0, 50.0));
        let areas = [stage_area(a), stage_area(b)];
        let fit = areas
            .iter()
            .map(|area| (half.x / area.width()).min(half.y / area.height()))
            .fold(1.0f32, f32::min)
            .max(0.01);
        let scale = if self.fit_whole {
            fit
        } else {
            fit.max(READABLE_ZOOM)
        };
        self.size = half / scale;
        self.pan = egui::Vec2::ZERO;
        if scale > fit {
            // Start at the top: the leaders are what a comparison is about.
            let tallest = areas[0].height().max(areas[1].height());
            self.pan.y = ((self.size.y - tallest) / 2.0).min(0.0);
        }
    }

    fn stage_ui(
        &mut self,
        ui: &mut Ui,
        stage: &Stage,
        badges: &HashMap<String, ChangeBadge>,
        highlight: Option<&str>,
    ) -> Option<String> {
        let mut hovered = None;
        egui::Frame::NONE
            .fill(ui.visuals().extreme_bg_color)
            .show(ui, |ui| {
                let center = stage_area(stage).center();
                let mut rect = Rect::from_center_size(center + self.pan, self.size);
                egui::Scene::new()
                    .zoom_range(0.05..=2.0)
                    .show(ui, &mut rect, |ui| {
                        let visuals = ui.visuals().clone();
                        let from_global = ui
                            .ctx()
                            .layer_transform_from_global(ui.layer_id())
                            .unwrap_or_default();
                        let zoom = 1.0 / from_global.scaling.max(1e-6);
                        self.drawn_zoom = zoom;
                        let pointer = ui
                            .input(|i| i.pointer.hover_pos())
                            .filter(|p| ui.clip_rect().contains(from_global * *p))
                            .map(|p| from_global * p);
                        paint_stage_lines(
                            ui.painter(),
                            &visuals,
                            stage,
                            &|node, m| Some(card_rect(m, stage.pos_at(node))),
                            zoom,
                        );
                        for (m, pos) in stage.placed_members() {
                            let rect = card_rect(m, pos);
                            if pointer.is_some_and(|p| rect.contains(p)) {
                                hovered = Some(m.id.clone());
                            }
                            let look = CardLook {
                                zoom,
                                selected: highlight == Some(m.id.as_str()),
                                change: badges.get(&m.id).copied(),
                                ..Default::default()
                            };
                            paint_card(ui.painter(), &visuals, rect, m, look);
                        }
                    });
                self.pan = rect.center() - center;
                self.size = rect.size();
            });
        hovered
    }

    /// The shared zoom as last drawn: screen pixels per scene unit.
    pub fn zoom(&self) -> f32 {
        self.drawn_zoom
    }
}

/// Two sibling options side by side when `current` starts one (the other
/// road on the left); else the stage before `current` and `current`; for
/// the first stage, it and the one after it (a first stage compared with
/// itself shows nothing).
fn sides(plan: &Plan, current: usize) -> (usize, usize) {
    if let Some(decision) = plan.parent(current) {
        let followers = plan.followers(decision);
        if followers.len() > 1
            && let Some(other) = followers.iter().find(|f| **f != current)
        {
            return (*other, current);
        }
    }
    match plan.previous_non_empty(current) {
        Some(before) => (before, current),
        None if current + 1 < plan.stages.len() => (current, current + 1),
        None => (current, current),
    }
}

/// The area a stage's cards cover, with a margin.
fn stage_area(stage: &Stage) -> Rect {
    bounds(stage.placed_members())
        .unwrap_or(Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(400.0, 300.0),
        ))
        .expand(40.0)
}
