//! Painting all the lines of a stage, shared by the canvas, the compare view
//! and the presentation.

use std::cell::RefCell;

use egui::{Painter, Rect, Stroke};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::app::canvas::batch::QuadBatch;
use crate::app::canvas::card::{
    ZOOM_BOX_ONLY, collaboration_dashes, collaboration_route, is_dot, paint_collaboration_line,
    paint_reporting_line, reporting_route,
};
use crate::layout::{CARD_HEIGHT, stacks_reports};
use crate::look::lines::ReportLine;
use crate::model::{LinkKind, Member, Stage};

/// Paints every line of `stage` between the cards `rect_of` places (a member
/// it returns `None` for is skipped). Lines entirely outside the painter's
/// clip rectangle are skipped, so a zoomed-in view of a big stage pays only
/// for what is on screen.
pub fn paint_stage_lines(
    painter: &Painter,
    visuals: &egui::Visuals,
    stage: &Stage,
    rect_of: &dyn Fn(NodeIndex, &Member) -> Option<Rect>,
    zoom: f32,
) {
    let line_color = visuals.widgets.noninteractive.fg_stroke.color;
    // Whether a manager's reports are a stack, worked out once for each
    // manager of a line on screen.
    let stacking: RefCell<Vec<Option<bool>>> = RefCell::new(vec![None; stage.graph().node_bound()]);
    let stacks = |node: NodeIndex| {
        let mut known = stacking.borrow_mut();
        match known.get_mut(node.index()) {
            Some(slot) => *slot.get_or_insert_with(|| stacks_reports(stage, node)),
            None => stacks_reports(stage, node),
        }
    };
    // Routes stay within the two cards' box, give or take a stack's indent.
    let visible = painter.clip_rect().expand(60.0);
    // Far out, reporting lines are thin strokes in one mesh, one screen
    // pixel wide.
    let far = zoom < ZOOM_BOX_ONLY;
    // Cards a few pixels high: a line is one straight stroke between them.
    let tiny = is_dot(CARD_HEIGHT, zoom);
    let mut strokes = QuadBatch::with_capacity(if far { stage.link_count() * 3 } else { 0 });
    let mut dashes = collaboration_dashes(painter.ctx(), zoom);
    let far_width = (1.0 / zoom.max(1e-3)).max(1.6);
    let style = stage.layout_style();
    let graph = stage.graph();
    for edge in graph.edge_references() {
        let (a, b): (&Member, &Member) = (&graph[edge.source()], &graph[edge.target()]);
        let (Some(ra), Some(rb)) = (rect_of(edge.source(), a), rect_of(edge.target(), b)) else {
            continue;
        };
        if !visible.intersects(ra.union(rb)) {
            continue;
        }
        let kind = *edge.weight();
        let color = match kind {
            LinkKind::ReportsTo => line_color,
            LinkKind::CollaboratesWith => visuals.selection.stroke.color,
        };
        let stacked = || ReportLine::of(style, stacks(edge.target()));
        match kind {
            _ if tiny => strokes.segment(ra.center_top(), rb.center_bottom(), far_width, color),
            LinkKind::ReportsTo if far => {
                strokes.polyline(&reporting_route(rb, ra, stacked()), far_width, color);
            }
            LinkKind::ReportsTo => {
                paint_reporting_line(painter, rb, ra, stacked(), Stroke::new(1.6, color));
            }
            // Far out, dashes would not read: a thin solid curve.
            LinkKind::CollaboratesWith if far => {
                strokes.polyline(&collaboration_route(ra, rb, 8), far_width, color);
            }
            LinkKind::CollaboratesWith => paint_collaboration_line(
                &mut dashes,
                painter.clip_rect(),
                ra,
                rb,
                Stroke::new(1.6, color),
                zoom,
            ),
        }
    }
    strokes.paint(painter);
    dashes.paint(painter);
}
