//! Compare: two stages side by side at the same zoom; hovering a member
//! highlights it in both.

use egui::{Rect, RichText, Ui};

use crate::app::canvas::card::{CardLook, paint_card};
use crate::app::canvas::lines::paint_stage_lines;
use crate::app::canvas::{bounds, card_rect};
use crate::model::{Plan, Stage};

/// The compare view's state.
#[derive(Debug)]
pub struct CompareView {
    /// The stage on the left.
    pub left: usize,
    /// How far both views are panned from their own stage's centre.
    pan: egui::Vec2,
    /// The visible size in scene units (the shared zoom).
    size: egui::Vec2,
    hovered: Option<String>,
    fitted_for: Option<(usize, usize)>,
}

impl CompareView {
    /// Compares the stage before `right` (or the first) with `right`.
    pub fn new(right: usize) -> Self {
        Self {
            left: right.saturating_sub(1),
            pan: egui::Vec2::ZERO,
            size: egui::vec2(800.0, 600.0),
            hovered: None,
            fitted_for: None,
        }
    }

    /// Draws both stages; `right` is the current stage.
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan, right: usize) {
        let (Some(_), Some(b)) = (plan.stages.get(self.left), plan.stages.get(right)) else {
            ui.label("Nothing to compare.");
            return;
        };
        ui.horizontal(|ui| {
            let label_id = ui.label("Compare").id;
            egui::ComboBox::from_id_salt("compare-left")
                .selected_text(&plan.stages[self.left].name)
                .show_ui(ui, |ui| {
                    for (i, s) in plan.stages.iter().enumerate() {
                        ui.selectable_value(&mut self.left, i, &s.name);
                    }
                })
                .response
                .labelled_by(label_id);
            ui.label(format!("with {}", b.name));
            ui.label(
                RichText::new(
                    "Both sides pan and zoom together; hover a member to find it in both.",
                )
                .weak(),
            );
        });
        let a = &plan.stages[self.left];
        if self.fitted_for != Some((self.left, right)) {
            // Each side shows its own stage centred in its half, both at the
            // zoom that fits the larger of the two.
            let half = egui::vec2(ui.available_width() / 2.0, ui.available_height() - 24.0);
            let scale = [a, b]
                .iter()
                .map(|stage| {
                    let area = stage_area(stage);
                    (half.x / area.width()).min(half.y / area.height())
                })
                .fold(1.0f32, f32::min)
                .max(0.01);
            self.size = half / scale;
            self.pan = egui::Vec2::ZERO;
            self.fitted_for = Some((self.left, right));
        }
        let mut hovered = None;
        let previous_hover = self.hovered.clone();
        ui.columns(2, |columns| {
            for (side, (column, stage)) in columns.iter_mut().zip([a, b]).enumerate() {
                column.label(
                    RichText::new(format!("{} · {}", stage.name, stage.kind.label())).strong(),
                );
                // Each side needs its own scope, or both scenes share one
                // paint layer (and so one transform).
                let side_hover = column
                    .push_id(("compare-side", side), |ui| {
                        self.stage_ui(ui, stage, previous_hover.as_deref())
                    })
                    .inner;
                if side_hover.is_some() {
                    hovered = side_hover;
                }
            }
        });
        self.hovered = hovered;
    }

    fn stage_ui(&mut self, ui: &mut Ui, stage: &Stage, highlight: Option<&str>) -> Option<String> {
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
                        let pointer = ui
                            .input(|i| i.pointer.hover_pos())
                            .filter(|p| ui.clip_rect().contains(from_global * *p))
                            .map(|p| from_global * p);
                        paint_stage_lines(
                            ui.painter(),
                            &visuals,
                            stage,
                            &|_, m| Some(card_rect(m)),
                            zoom,
                        );
                        for m in stage.members() {
                            let rect = card_rect(m);
                            if pointer.is_some_and(|p| rect.contains(p)) {
                                hovered = Some(m.id.clone());
                            }
                            let look = CardLook {
                                zoom,
                                selected: highlight == Some(m.id.as_str()),
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
}

/// The area a stage's cards cover, with a margin.
fn stage_area(stage: &Stage) -> Rect {
    bounds(stage.members())
        .unwrap_or(Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(400.0, 300.0),
        ))
        .expand(40.0)
}
