//! The timeline as one image: every stage's chart side by side, each under
//! a heading with its name, kind, when and size, for a single slide.

use std::fmt::Write;

use super::chart::Chart;
use super::fonts::{FONT_FAMILY, ascent};
use super::svg::{MARGIN, Svg, write_chart_body, xml_text};
use crate::look::paper;
use crate::model::Plan;
use crate::rules::check_stage;

/// Horizontal space between two stages.
const GAP: f32 = 96.0;
/// Height of a stage's heading.
const HEADING: f32 = 64.0;

/// Every stage of `plan` side by side in one SVG, in timeline order.
pub fn timeline_svg(plan: &Plan) -> Svg {
    let mut body = String::new();
    let mut x = MARGIN;
    let mut height: f32 = 0.0;
    for (index, stage) in plan.stages.iter().enumerate() {
        let findings = check_stage(plan, index);
        let chart = Chart::of_stage(stage, &findings);
        let extent = chart.extent();
        let width = (extent.right - extent.left).max(220.0);
        let when = if stage.when.is_empty() {
            String::new()
        } else {
            format!(" · {}", stage.when)
        };
        let _ = write!(
            body,
            r#"<text x="{x}" y="{}" font-size="22" fill="{}">{}</text>"#,
            MARGIN + ascent(22.0),
            paper::TEXT.hex(),
            xml_text(&stage.name)
        );
        let _ = write!(
            body,
            r#"<text x="{x}" y="{}" font-size="13" fill="{}">{}</text>"#,
            MARGIN + 30.0 + ascent(13.0),
            paper::WEAK.hex(),
            xml_text(&format!(
                "{}{when} · {}",
                stage.kind.label(),
                crate::look::count(stage.member_count(), "member")
            ))
        );
        if index + 1 < plan.stages.len() {
            let ax = x + width + GAP / 2.0;
            let _ = write!(
                body,
                r#"<path d="M{} {y} L{} {y} M{} {} L{} {y} L{} {}" fill="none" stroke="{}" stroke-width="2"/>"#,
                ax - 16.0,
                ax + 12.0,
                ax + 4.0,
                MARGIN + 12.0 - 8.0,
                ax + 12.0,
                ax + 4.0,
                MARGIN + 12.0 + 8.0,
                paper::LINE.hex(),
                y = MARGIN + 12.0,
            );
        }
        let _ = write!(
            body,
            r#"<g transform="translate({} {})">"#,
            x - extent.left,
            MARGIN + HEADING - extent.top
        );
        write_chart_body(&mut body, &chart);
        body.push_str("</g>");
        height = height.max(HEADING + extent.bottom - extent.top);
        x += width + GAP;
    }
    let width = (x - GAP + MARGIN).max(2.0 * MARGIN);
    let height = height + 2.0 * MARGIN;
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
