//! The minimap: for a stage too big to read at Fit, a small picture of the
//! whole chart in a corner of the canvas with the part in view outlined.
//! Clicking or dragging on it moves the view there.

use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, vec2};

use super::rects::CardRects;
use crate::layout::CARD_HEIGHT;
use crate::model::Stage;

/// The most dots the minimap draws (a big stage is sampled).
const MOST_DOTS: usize = 4_000;
/// The minimap's longest side, in points.
const SIDE: f32 = 180.0;
/// Below this height in points at Fit, cards cannot be read: the stage
/// gets a minimap.
const READABLE_CARD: f32 = 14.0;

/// The minimap's picture of the stage, kept while the stage is unchanged.
#[derive(Debug)]
pub struct Minimap {
    key: Option<(String, u64)>,
    bounds: Rect,
    dots: Vec<Pos2>,
}

impl Default for Minimap {
    fn default() -> Self {
        Self {
            key: None,
            bounds: Rect::NOTHING,
            dots: Vec::new(),
        }
    }
}

impl Minimap {
    fn refresh(&mut self, stage: &Stage, rects: &CardRects) {
        let key = (stage.id.clone(), stage.revision());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let rects: Vec<Rect> = rects.all().collect();
        self.bounds = rects
            .iter()
            .copied()
            .reduce(|a, b| a.union(b))
            .unwrap_or(Rect::NOTHING);
        let every = rects.len().div_ceil(MOST_DOTS).max(1);
        self.dots = rects.iter().step_by(every).map(Rect::center).collect();
        self.key = Some(key);
    }

    /// Whether `stage` is too big to read when fitted into `area`.
    fn wanted(&self, area: Rect) -> bool {
        if !self.bounds.is_positive() {
            return false;
        }
        let zoom = (area.width() / self.bounds.width()).min(area.height() / self.bounds.height());
        CARD_HEIGHT * zoom < READABLE_CARD
    }

    /// Draws the minimap in the bottom-right corner of `area` (the canvas
    /// on screen) when `stage` needs one; a click or drag on it centres
    /// `scene_rect` (the part of the scene in view) there.
    /// `rects` are the stage's cards, up to date.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        area: Rect,
        (stage, rects): (&Stage, &CardRects),
        scene_rect: &mut Rect,
    ) {
        self.refresh(stage, rects);
        if !self.wanted(area) {
            return;
        }
        let b = self.bounds.expand(CARD_HEIGHT);
        let scale = SIDE / b.width().max(b.height());
        let size = vec2(b.width() * scale, b.height() * scale).max(Vec2::splat(24.0));
        let corner = area.max - size - vec2(12.0, 12.0);
        // Its own layer above the canvas's scene (and below dialogs).
        egui::Area::new(ui.scope_id().with("minimap"))
            .order(egui::Order::Middle)
            .fixed_pos(corner)
            .constrain(false)
            .show(ui.ctx(), |ui| {
                let (map, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
                // A chart flatter than the map's least height sits in its middle.
                let offset = (size - vec2(b.width(), b.height()) * scale) / 2.0;
                let to_map = |p: Pos2| map.min + offset + (p - b.min) * scale;
                let to_scene = |p: Pos2| b.min + (p - map.min - offset) / scale;
                let response =
                    response.on_hover_text("The whole stage: click or drag to move the view");
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Minimap"));
                if let Some(p) = response.interact_pointer_pos()
                    && (response.clicked() || response.dragged())
                {
                    let target = to_scene(p.clamp(map.min, map.max));
                    *scene_rect = scene_rect.translate(target - scene_rect.center());
                }
                let visuals = ui.visuals();
                let painter = ui.painter();
                painter.rect_filled(map, 4.0, visuals.window_fill.gamma_multiply(0.92));
                let dot = visuals.weak_text_color();
                for &p in &self.dots {
                    painter.rect_filled(
                        Rect::from_center_size(to_map(p), Vec2::splat(2.0)),
                        0.0,
                        dot,
                    );
                }
                let view = Rect::from_min_max(to_map(scene_rect.min), to_map(scene_rect.max))
                    .intersect(map);
                painter.rect_stroke(
                    view,
                    2.0,
                    Stroke::new(1.5, visuals.selection.stroke.color),
                    StrokeKind::Inside,
                );
                painter.rect_stroke(
                    map,
                    4.0,
                    Stroke::new(1.0, Color32::from_gray(110)),
                    StrokeKind::Inside,
                );
            });
    }
}
