//! Painting all the lines of a stage, shared by the canvas, the compare view
//! and the presentation.

use std::collections::HashSet;

use egui::{Painter, Rect, Stroke};

use super::card::{paint_collaboration_line, paint_reporting_line};
use crate::layout::stacks_reports;
use crate::model::{LinkKind, Member, Stage};

/// Paints every line of `stage` between the cards `rect_of` places (a member
/// it returns `None` for is skipped).
pub fn paint_stage_lines(
    painter: &Painter,
    visuals: &egui::Visuals,
    stage: &Stage,
    rect_of: &dyn Fn(&Member) -> Option<Rect>,
    zoom: f32,
) {
    let line_color = visuals.widgets.noninteractive.fg_stroke.color;
    let stacking: HashSet<_> = stage
        .graph()
        .node_indices()
        .filter(|n| stacks_reports(stage, *n))
        .collect();
    for link in stage.links() {
        let (Some(a), Some(b)) = (stage.member(&link.from), stage.member(&link.to)) else {
            continue;
        };
        let (Some(ra), Some(rb)) = (rect_of(a), rect_of(b)) else {
            continue;
        };
        match link.kind {
            LinkKind::ReportsTo => paint_reporting_line(
                painter,
                rb,
                ra,
                stage.node(&b.id).is_some_and(|n| stacking.contains(&n)),
                Stroke::new(1.6, line_color),
            ),
            LinkKind::CollaboratesWith => paint_collaboration_line(
                painter,
                ra,
                rb,
                Stroke::new(1.6, visuals.selection.stroke.color),
                zoom,
            ),
        }
    }
}
