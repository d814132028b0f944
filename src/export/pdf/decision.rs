//! The handout's decision page: the stage the plan branches at, then each
//! option side by side: its name, its first stage (kind, when, size), that
//! stage's findings counted, and its chart small.

use super::{MARGIN, Pen, draw_chart, plan_title};
use crate::export::chart::Chart;
use crate::export::decision::{decision_subtitle, decision_title, options_at};
use crate::export::fonts::fit;
use crate::export::{ExportError, Paper};
use crate::look::{self, paper};
use crate::model::Plan;
use crate::rules::check_stage;

/// Space between two options' columns.
const GAP: f32 = 24.0;

/// Draws the decision at the stage at `decision` on one page.
pub(super) fn decision_page(
    pen: &mut Pen,
    plan: &Plan,
    decision: usize,
    paper: Paper,
) -> Result<(), ExportError> {
    let [w, h] = paper.size();
    let width = w - 2.0 * MARGIN;
    plan_title(pen, plan, paper);
    pen.text(
        MARGIN,
        MARGIN + 34.0,
        22.0,
        paper::TEXT,
        &fit(&decision_title(plan, decision), 22.0, width),
    );
    let options = options_at(plan, decision);
    pen.text(
        MARGIN,
        MARGIN + 52.0,
        11.0,
        paper::WEAK,
        &fit(&decision_subtitle(&options), 11.0, width),
    );
    let count = options.len().max(1) as f32;
    let column = (width - GAP * (count - 1.0)) / count;
    let top = MARGIN + 84.0;
    let bottom = h - MARGIN - 24.0;
    for (k, option) in options.iter().enumerate() {
        let x = MARGIN + k as f32 * (column + GAP);
        pen.text(x, top, 15.0, paper::TEXT, &fit(&option.name, 15.0, column));
        pen.text(
            x,
            top + 17.0,
            9.5,
            paper::WEAK,
            &fit(
                &format!("{}: {}", option.stage_name, option.about),
                9.5,
                column,
            ),
        );
        let summary = option.findings;
        let color = if summary.errors > 0 {
            look::severity_color(crate::rules::Severity::Error)
        } else if summary.warnings > 0 {
            look::severity_color(crate::rules::Severity::Warning)
        } else {
            look::FIXED_COLOR
        };
        let findings = if summary.errors + summary.warnings + summary.infos == 0 {
            "No findings".to_owned()
        } else {
            summary.to_string()
        };
        pen.text(x, top + 31.0, 9.5, color, &fit(&findings, 9.5, column));
        let mut chart_top = top + 44.0;
        if let Some(numbers) = crate::look::money::stage_numbers(plan, option.first) {
            pen.text(x, top + 45.0, 9.5, paper::TEXT, &fit(&numbers, 9.5, column));
            chart_top += 14.0;
        }
        let stage = &plan.stages[option.first];
        let stage_findings = check_stage(plan, option.first);
        let chart = Chart::of_stage(stage, &stage_findings);
        draw_chart(pen, &chart, [x, chart_top, x + column, bottom])?;
    }
    Ok(())
}
