//! The timeline as one image: every stage's chart under a heading with its
//! name, kind, when and size, for a single slide. The main line runs left
//! to right; each option is a lane below it, starting in the column after
//! its decision, labelled with its name and joined to the decision by a
//! line (DESIGN.md "Options").

use std::fmt::Write;

use super::chart::Chart;
use super::fonts::{FONT_FAMILY, ascent};
use super::svg::{MARGIN, Svg, write_chart_body, xml_text};
use crate::look::paper;
use crate::model::{Lane, Plan};
use crate::rules::check_stage;

/// Horizontal space between two columns.
const GAP: f32 = 96.0;
/// Vertical space between two lanes.
const LANE_GAP: f32 = 72.0;
/// Height of a stage's heading.
const HEADING: f32 = 64.0;
/// Height of an option lane's label above its first heading.
const LABEL: f32 = 34.0;
/// The narrowest a column is.
const MIN_COLUMN: f32 = 220.0;

/// Every stage of `plan` in one SVG: the main line on top, each option a
/// lane below, starting under its decision.
pub fn timeline_svg(plan: &Plan) -> Svg {
    lanes_svg(plan, &plan.lanes())
}

/// The stages at `path` (the road through an option) side by side in
/// one row, in that order.
pub fn path_svg(plan: &Plan, path: &[usize]) -> Svg {
    let lane = Lane {
        stages: path.to_vec(),
        decision: None,
        column: 0,
    };
    lanes_svg(plan, &[lane])
}

/// One stage's chart and where it goes.
struct Placed<'a> {
    index: usize,
    lane: usize,
    column: usize,
    chart: Chart<'a>,
    width: f32,
    height: f32,
}

fn lanes_svg(plan: &Plan, lanes: &[Lane]) -> Svg {
    let mut placed: Vec<Placed> = Vec::new();
    for (lane_at, lane) in lanes.iter().enumerate() {
        for (k, &index) in lane.stages.iter().enumerate() {
            let Some(stage) = plan.stages.get(index) else {
                continue;
            };
            let findings = check_stage(plan, index);
            let chart = Chart::of_stage(stage, &findings);
            let extent = chart.extent();
            placed.push(Placed {
                index,
                lane: lane_at,
                column: lane.column + k,
                width: (extent.right - extent.left).max(MIN_COLUMN),
                height: extent.bottom - extent.top,
                chart,
            });
        }
    }
    let columns = placed.iter().map(|p| p.column + 1).max().unwrap_or(0);
    let mut column_width = vec![MIN_COLUMN; columns];
    for p in &placed {
        column_width[p.column] = column_width[p.column].max(p.width);
    }
    let column_x: Vec<f32> = column_width
        .iter()
        .scan(MARGIN, |x, w| {
            let at = *x;
            *x += w + GAP;
            Some(at)
        })
        .collect();
    // Each lane: its label (options only), the headings, the tallest chart.
    let label = |lane: &Lane| if lane.decision.is_some() { LABEL } else { 0.0 };
    let mut lane_y = Vec::with_capacity(lanes.len());
    let mut y = MARGIN;
    for (at, lane) in lanes.iter().enumerate() {
        lane_y.push(y);
        let tallest = placed
            .iter()
            .filter(|p| p.lane == at)
            .map(|p| p.height)
            .fold(0.0, f32::max);
        y += label(lane) + HEADING + tallest + LANE_GAP;
    }
    let height = (y - LANE_GAP + MARGIN).max(2.0 * MARGIN);
    let width = column_x
        .last()
        .zip(column_width.last())
        .map_or(2.0 * MARGIN, |(x, w)| x + w + MARGIN);
    let mut body = String::new();
    // Where each stage's heading is: (lane, column).
    let spot = |index: usize| placed.iter().find(|p| p.index == index);
    for (at, lane) in lanes.iter().enumerate() {
        let top = lane_y[at] + label(lane);
        let arrow_y = top + 12.0;
        if let (Some(decision), Some(&first)) = (lane.decision, lane.stages.first()) {
            let name = plan.option_name(first);
            let x = column_x.get(lane.column).copied().unwrap_or(MARGIN);
            let _ = write!(
                body,
                r#"<text x="{x}" y="{}" font-size="18" fill="{}">{}</text>"#,
                lane_y[at] + ascent(18.0),
                paper::TEXT.hex(),
                xml_text(&format!("\u{21b3} {name}"))
            );
            if let Some(from) = spot(decision) {
                // Down from the decision's arrow, then right into the lane.
                let gap_x = column_x[from.column] + column_width[from.column] + GAP / 2.0;
                let from_y = lane_y[from.lane] + label(&lanes[from.lane]) + 12.0 + 10.0;
                let to_y = lane_y[at] + 9.0;
                let _ = write!(
                    body,
                    r#"<path d="M{gap_x} {from_y} L{gap_x} {to_y} L{} {to_y}" fill="none" stroke="{}" stroke-width="2"/>"#,
                    x - 8.0,
                    paper::LINE.hex(),
                );
            }
        }
        for p in placed.iter().filter(|p| p.lane == at) {
            let stage = &plan.stages[p.index];
            let x = column_x[p.column];
            let when = if stage.when.is_empty() {
                String::new()
            } else {
                format!(" · {}", stage.when)
            };
            let _ = write!(
                body,
                r#"<text x="{x}" y="{}" font-size="22" fill="{}">{}</text>"#,
                top + ascent(22.0),
                paper::TEXT.hex(),
                xml_text(&stage.name)
            );
            let _ = write!(
                body,
                r#"<text x="{x}" y="{}" font-size="13" fill="{}">{}</text>"#,
                top + 30.0 + ascent(13.0),
                paper::WEAK.hex(),
                xml_text(&format!(
                    "{}{when} · {}",
                    stage.kind.label(),
                    crate::look::count(stage.member_count(), "member")
                ))
            );
            let next_in_lane = placed
                .iter()
                .any(|q| q.lane == at && q.column == p.column + 1);
            if next_in_lane {
                let ax = x + column_width[p.column] + GAP / 2.0;
                let _ = write!(
                    body,
                    r#"<path d="M{} {arrow_y} L{} {arrow_y} M{} {} L{} {arrow_y} L{} {}" fill="none" stroke="{}" stroke-width="2"/>"#,
                    ax - 16.0,
                    ax + 12.0,
                    ax + 4.0,
                    arrow_y - 8.0,
                    ax + 12.0,
                    ax + 4.0,
                    arrow_y + 8.0,
                    paper::LINE.hex(),
                );
            }
            let extent = p.chart.extent();
            let _ = write!(
                body,
                r#"<g transform="translate({} {})">"#,
                x - extent.left,
                top + HEADING - extent.top
            );
            write_chart_body(&mut body, &p.chart);
            body.push_str("</g>");
        }
    }
    let text = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}"><rect width="{width}" height="{height}" fill="{}"/>{body}</svg>"#,
        paper::BACKGROUND.hex()
    );
    Svg {
        text,
        width,
        height,
    }
}
