//! The decision slide of the PowerPoint deck: the stage the plan branches
//! at as the title, then each option side by side: its name, its first
//! stage (kind, when, size), that stage's findings counted, and its chart
//! as a picture.

use super::decision::{decision_subtitle, decision_title, options_at};
use super::pptx_parts::{DECL, EMU, GROUP, NS, SLIDE, chart_png, picture, run, text_box};
use super::{ExportError, stage_svg_for_area};
use crate::model::Plan;

/// Space between two options, in points.
const GAP: f32 = 18.0;

/// The decision slide at the stage at `decision` and its pictures (one
/// per option, relationship `rId2`, `rId3`, …).
pub fn decision_slide(plan: &Plan, decision: usize) -> Result<(String, Vec<Vec<u8>>), ExportError> {
    let (page_w, page_h) = (SLIDE[0] as f32 / EMU, SLIDE[1] as f32 / EMU);
    let options = options_at(plan, decision);
    let title = format!(
        "<a:p>{}</a:p><a:p>{}</a:p>",
        run(&decision_title(plan, decision), 28, true, "1D2128"),
        run(&decision_subtitle(&options), 14, false, "5F6670"),
    );
    let mut shapes = text_box(2, "Title", [36.0, 18.0, page_w - 72.0, 64.0], &title);
    let count = options.len().max(1) as f32;
    let column = (page_w - 72.0 - GAP * (count - 1.0)) / count;
    let top = 96.0;
    let text_h = 92.0;
    let mut pictures = Vec::with_capacity(options.len());
    let mut id = 3;
    for (k, option) in options.iter().enumerate() {
        let x = 36.0 + k as f32 * (column + GAP);
        let summary = option.findings;
        let (findings, color) = if summary.errors > 0 {
            (summary.to_string(), "C62828")
        } else if summary.warnings > 0 {
            (summary.to_string(), "C98500")
        } else if summary.infos > 0 {
            (summary.to_string(), "2F6FB3")
        } else {
            ("No findings".to_owned(), "3CA55C")
        };
        let numbers = crate::look::money::stage_numbers(plan, option.first)
            .map_or(String::new(), |n| {
                format!("<a:p>{}</a:p>", run(&n, 12, false, "1D2128"))
            });
        let text = format!(
            "<a:p>{}</a:p><a:p>{}</a:p><a:p>{}</a:p>{numbers}",
            run(&option.name, 20, true, "1D2128"),
            run(
                &format!("{}: {}", option.stage_name, option.about),
                12,
                false,
                "5F6670"
            ),
            run(&findings, 12, false, color),
        );
        shapes.push_str(&text_box(
            id,
            &format!("Option {}", k + 1),
            [x, top, column, text_h],
            &text,
        ));
        id += 1;
        let area = [column, page_h - top - text_h - 36.0];
        let svg = stage_svg_for_area(plan, option.first, area).ok_or(ExportError::NoStages)?;
        pictures.push(chart_png(&svg)?);
        let scale = (area[0] / svg.width).min(area[1] / svg.height);
        let (w, h) = (svg.width * scale, svg.height * scale);
        shapes.push_str(&picture(
            id,
            &format!("rId{}", k + 2),
            &format!("Org chart of {} ({})", option.stage_name, option.name),
            [x + (column - w) / 2.0, top + text_h + 8.0, w, h],
        ));
        id += 1;
    }
    let xml = format!(
        r#"{DECL}<p:sld {NS}><p:cSld><p:spTree>{GROUP}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    );
    Ok((xml, pictures))
}
