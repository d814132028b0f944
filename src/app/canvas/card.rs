//! Painting one member card and the lines between cards (no interaction).

use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2,
};

use crate::app::canvas::batch::{DashBatch, QuadBatch};
use crate::app::canvas::card_parts::{
    MIN_GLYPH_PIXELS, ZOOM_NAME_ONLY, paint_chips, paint_hat_badge,
};
use crate::app::style::{color, faded, function_color, severity_color};
use crate::look::lines::{self, Bounds, ReportLine};
use crate::look::{self, card as geometry};
use crate::model::Member;
use crate::rules::Severity;

/// How a card should look this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct CardLook {
    /// Part of the selection.
    pub selected: bool,
    /// Under the pointer.
    pub hovered: bool,
    /// Highlighted as the target of a drop.
    pub drop_target: bool,
    /// Worst finding on this member, with the number of findings.
    pub finding: Option<(Severity, usize)>,
    /// Screen pixels per scene unit: small zooms draw less detail, since
    /// small text is unreadable and costs the most to tessellate.
    pub zoom: f32,
    /// A "new" or "moved" badge from the stage diff.
    pub change: Option<ChangeBadge>,
    /// Presentation style: large name and title, no tag chips.
    pub large: bool,
}

/// What changed for a member since the previous stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeBadge {
    /// Not in the previous stage.
    New,
    /// Has a new manager.
    Moved,
    /// Not in the stage compared with (Compare's left side).
    Leaves,
}

/// Below this zoom a card is a coloured box.
pub(super) const ZOOM_BOX_ONLY: f32 = 0.2;

/// Whether a card `height` scene units high is only a dot on screen at
/// `zoom` (a few pixels): one quad, no widget of its own.
pub(super) fn is_dot(height: f32, zoom: f32) -> bool {
    zoom * height < 3.0
}

/// A card's background: faded for a planned hire.
fn card_fill(visuals: &egui::Visuals, member: &Member) -> Color32 {
    if member.planned {
        faded(visuals.window_fill, 0.75)
    } else {
        visuals.window_fill
    }
}

/// Paints `member` into `rect`.
pub fn paint_card(
    painter: &Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    member: &Member,
    look: CardLook,
) {
    let accent = function_color(member.function);
    let fill = card_fill(visuals, member);
    if look.zoom < ZOOM_BOX_ONLY {
        paint_box(painter, visuals, rect, member, look);
        return;
    }
    let radius = CornerRadius::same(geometry::RADIUS as u8);
    painter.rect_filled(rect, radius, fill);
    // Function stripe on the left edge.
    let stripe = Rect::from_min_max(rect.min, pos2(rect.min.x + geometry::STRIPE, rect.max.y));
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: 8,
            sw: 8,
            ne: 0,
            se: 0,
        },
        accent,
    );
    let border = if look.drop_target {
        Stroke::new(3.0, visuals.selection.stroke.color)
    } else if look.selected {
        Stroke::new(2.5, visuals.selection.stroke.color)
    } else if look.hovered {
        Stroke::new(1.5, visuals.widgets.hovered.fg_stroke.color)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    if member.planned && look.zoom >= ZOOM_NAME_ONLY {
        paint_dashed_rect(painter, rect, border);
    } else {
        painter.rect_stroke(rect, radius, border, egui::StrokeKind::Inside);
    }

    let text = visuals.strong_text_color();
    let weak = visuals.weak_text_color();
    let left = rect.min.x + geometry::TEXT_LEFT;
    let clip = painter.with_clip_rect(rect.shrink(3.0).intersect(painter.clip_rect()));
    let hat = member.hat();
    let badge_width = paint_hat_badge(painter, rect, hat, look.zoom);
    let name_clip = clip.with_clip_rect(
        Rect::from_min_max(rect.min, pos2(rect.max.x - badge_width - 8.0, rect.max.y))
            .intersect(clip.clip_rect()),
    );
    if look.large {
        // Titles read from the back of a room: normal text, not the weak
        // grey; they stop short of the NEW/MOVED badge.
        let title_clip = match change_pill(rect, look) {
            Some((pill, _, _)) => clip.with_clip_rect(
                Rect::from_min_max(rect.min, pos2(pill.min.x - 4.0, rect.max.y))
                    .intersect(clip.clip_rect()),
            ),
            None => clip.clone(),
        };
        let title = visuals.text_color();
        paint_large_text(&name_clip, &title_clip, rect, left, member, text, title);
        paint_badges(painter, rect, look);
        return;
    }
    name_clip.text(
        pos2(left, rect.min.y + geometry::NAME.0),
        Align2::LEFT_TOP,
        member.display_name(),
        FontId::proportional(geometry::NAME.1),
        text,
    );
    if look.zoom < ZOOM_NAME_ONLY {
        paint_badges(painter, rect, look);
        return;
    }
    clip.text(
        pos2(left, rect.min.y + geometry::TITLE.0),
        Align2::LEFT_TOP,
        &member.title,
        FontId::proportional(geometry::TITLE.1),
        weak,
    );
    // The NEW/MOVED badge sits at the right end of the function line,
    // inside the card; the line stops short of it.
    let function_clip = match change_pill(rect, look) {
        Some((pill, _, _)) => clip.with_clip_rect(
            Rect::from_min_max(rect.min, pos2(pill.min.x - 4.0, rect.max.y))
                .intersect(clip.clip_rect()),
        ),
        None => clip.clone(),
    };
    function_clip.text(
        pos2(left, rect.min.y + geometry::FUNCTION.0),
        Align2::LEFT_TOP,
        look::function_line(member),
        FontId::proportional(geometry::FUNCTION.1),
        accent,
    );
    paint_badges(painter, rect, look);
    paint_chips(&clip, rect, member, weak);
}

/// Name and title in presentation size (for
/// [`crate::layout::presentation_card_size`] cards).
fn paint_large_text(
    name_clip: &Painter,
    clip: &Painter,
    rect: Rect,
    left: f32,
    member: &Member,
    text: Color32,
    weak: Color32,
) {
    name_clip.text(
        pos2(left, rect.min.y + 7.0),
        Align2::LEFT_TOP,
        member.display_name(),
        FontId::proportional(24.0),
        text,
    );
    let (line, color) = if member.title.is_empty() {
        (
            member.function.label().to_owned(),
            function_color(member.function),
        )
    } else if member.planned {
        (format!("{} · planned", member.title), weak)
    } else {
        (member.title.clone(), weak)
    };
    clip.text(
        pos2(left, rect.min.y + 38.0),
        Align2::LEFT_TOP,
        line,
        FontId::proportional(15.0),
        color,
    );
}

/// The finding marker and the "new"/"moved" badge.
fn paint_badges(painter: &Painter, rect: Rect, look: CardLook) {
    let readable = look.large || look.zoom * 10.5 >= MIN_GLYPH_PIXELS;
    if let Some((severity, count)) = look.finding {
        paint_marker(painter, rect, severity, count, readable);
    }
    if let Some((pill, label, badge_color)) = change_pill(rect, look) {
        painter.rect_filled(pill, CornerRadius::same(8), badge_color);
        if !readable {
            return;
        }
        painter.text(
            pill.center(),
            Align2::CENTER_CENTER,
            label,
            FontId::proportional(if look.large { 12.0 } else { 10.5 }),
            Color32::WHITE,
        );
    }
}

/// Where the "new"/"moved" badge goes, inside the card: at the right end
/// of the function line, or in the bottom-right corner of a presentation
/// card (which has no function line or chips). With its label and colour.
fn change_pill(rect: Rect, look: CardLook) -> Option<(Rect, &'static str, Color32)> {
    let (label, badge_color) = match look.change? {
        ChangeBadge::New => ("NEW", color(look::NEW_BADGE_COLOR)),
        ChangeBadge::Moved => ("MOVED", color(look::MOVED_BADGE_COLOR)),
        ChangeBadge::Leaves => ("LEAVES", crate::app::style::LOST_COLOR),
    };
    let size = if look.large {
        vec2(14.0 + 8.5 * label.len() as f32, 20.0)
    } else {
        vec2(10.0 + 7.5 * label.len() as f32, 16.0)
    };
    let top = if look.large {
        rect.max.y - size.y - 7.0
    } else {
        rect.min.y + geometry::FUNCTION.0 - 2.0
    };
    let pill = Rect::from_min_size(pos2(rect.max.x - size.x - 8.0, top), size);
    Some((pill, label, badge_color))
}

/// Like [`paint_card`] far out, where a card is a coloured box with square
/// corners and no text (a handful of vertices instead of hundreds): the box
/// goes into `batch`, the rare highlights onto `painter`.
pub(super) fn paint_card_box(
    batch: &mut QuadBatch,
    painter: &Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    member: &Member,
    look: CardLook,
) {
    if is_dot(rect.height(), look.zoom) {
        // A few pixels: one dot in the function's colour.
        batch.rect(rect, function_color(member.function));
    } else {
        batch.rect(rect, card_fill(visuals, member));
        batch.rect(
            Rect::from_min_max(rect.min, pos2(rect.min.x + 12.0, rect.max.y)),
            function_color(member.function),
        );
    }
    if let Some((severity, _)) = look.finding {
        batch.rect(marker_rect(rect).expand(10.0), severity_color(severity));
    }
    if look.selected || look.drop_target {
        painter.rect_stroke(
            rect,
            0.0,
            Stroke::new(8.0, visuals.selection.stroke.color),
            egui::StrokeKind::Inside,
        );
    }
}

/// One far-away card on its own (see [`paint_card_box`]).
fn paint_box(
    painter: &Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    member: &Member,
    look: CardLook,
) {
    let slot = painter.add(Shape::Noop);
    let mut batch = QuadBatch::default();
    paint_card_box(&mut batch, painter, visuals, rect, member, look);
    painter.set(slot, batch.into_shape());
}

/// The screen area of a card's finding marker, for hover tooltips.
pub fn marker_rect(card: Rect) -> Rect {
    Rect::from_center_size(pos2(card.max.x - 2.0, card.min.y + 2.0), Vec2::splat(20.0))
}

fn paint_marker(painter: &Painter, card: Rect, severity: Severity, count: usize, text: bool) {
    let center = marker_rect(card).center();
    painter.circle(
        center,
        10.0,
        severity_color(severity),
        Stroke::new(1.5, Color32::WHITE),
    );
    if !text {
        return;
    }
    painter.text(
        center,
        Align2::CENTER_CENTER,
        if severity == Severity::Info {
            "i".to_owned()
        } else {
            count.to_string()
        },
        FontId::proportional(11.5),
        Color32::WHITE,
    );
}

fn paint_dashed_rect(painter: &Painter, rect: Rect, stroke: Stroke) {
    let points = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    let (dash, gap) = geometry::PLANNED_DASH;
    painter.extend(Shape::dashed_line(&points, stroke, dash, gap));
}

/// The shared look's rectangle of an egui rect.
fn bounds(rect: Rect) -> Bounds {
    Bounds {
        left: rect.min.x,
        top: rect.min.y,
        right: rect.max.x,
        bottom: rect.max.y,
    }
}

fn to_pos(p: [f32; 2]) -> Pos2 {
    pos2(p[0], p[1])
}

/// A reporting line (see [`crate::look::lines::reporting_route`]).
pub fn paint_reporting_line(
    painter: &Painter,
    manager: Rect,
    report: Rect,
    line: ReportLine,
    stroke: Stroke,
) {
    painter.add(Shape::line(reporting_route(manager, report, line), stroke));
}

/// The points of a collaboration line, its curve cut into `segments`.
pub fn collaboration_route(a: Rect, b: Rect, segments: usize) -> Vec<Pos2> {
    let route = lines::collaboration_route(bounds(a), bounds(b));
    route.points(segments).into_iter().map(to_pos).collect()
}

/// The points of a reporting line (see [`paint_reporting_line`]).
pub fn reporting_route(manager: Rect, report: Rect, line: ReportLine) -> Vec<Pos2> {
    let route = lines::reporting_route(bounds(manager), bounds(report), line);
    route.points(1).into_iter().map(to_pos).collect()
}

/// A collaboration line (see [`crate::look::lines::collaboration_route`]),
/// dashed. Dashes keep their on-screen length at any `zoom`, so a far-out
/// view stays cheap, and only the parts on screen get dashes (zoomed in, a
/// line across a big stage would otherwise cost thousands). The dashes go
/// into `batch`, one mesh for all lines.
pub(super) fn paint_collaboration_line(
    batch: &mut DashBatch,
    visible: Rect,
    a: Rect,
    b: Rect,
    stroke: Stroke,
    zoom: f32,
) {
    let scale = 1.0 / zoom.clamp(0.01, 1.0);
    // The strip is twice the stroke wide; its outer parts fade out.
    let width = stroke.width * scale.sqrt();
    let points = collaboration_route(a, b, 24);
    for run in visible_runs(&points, visible.expand(8.0)) {
        batch.polyline(&run, width, stroke.color);
    }
}

/// The dash batch for collaboration lines at `zoom` (see
/// [`paint_collaboration_line`]).
pub(super) fn collaboration_dashes(ctx: &egui::Context, zoom: f32) -> DashBatch {
    DashBatch::new(ctx, 1.0 / zoom.clamp(0.01, 1.0))
}

/// The parts of the polyline `points` inside `visible`, each as a polyline.
fn visible_runs(points: &[Pos2], visible: Rect) -> Vec<Vec<Pos2>> {
    let mut runs: Vec<Vec<Pos2>> = Vec::new();
    let mut open = false;
    for pair in points.windows(2) {
        match clip_segment(pair[0], pair[1], visible) {
            Some((p, q)) => {
                match runs.last_mut() {
                    Some(run) if open => run.push(q),
                    _ => runs.push(vec![p, q]),
                }
                // The run goes on only if the segment ends inside.
                open = q == pair[1];
            }
            None => open = false,
        }
    }
    runs
}

/// The part of the segment `a`–`b` inside `rect` (Liang–Barsky).
fn clip_segment(a: Pos2, b: Pos2, rect: Rect) -> Option<(Pos2, Pos2)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - rect.min.x),
        (d.x, rect.max.x - a.x),
        (-d.y, a.y - rect.min.y),
        (d.y, rect.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then(|| (a + d * t0, a + d * t1))
}

/// Where the ray from `rect`'s centre towards `target` leaves `rect`.
pub fn border_point(rect: Rect, target: Pos2) -> Pos2 {
    to_pos(lines::border_point(bounds(rect), [target.x, target.y]))
}
