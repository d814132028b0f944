//! The PDF handout: one page per stage (more for a chart too large to read
//! on one sheet) and one per decision ([`decision`]), landscape A4 or
//! Letter, selectable text. Each stage's
//! first page has the plan title, the stage's name, kind, when and notes,
//! the chart fitted to the page, its findings and the changes from the
//! previous stage. Written with krilla; the chart SVG goes through
//! krilla-svg with the same usvg as the PNG export.

mod choice;
mod decision;
mod pen;

use krilla::Document;
use krilla::geom::{Size, Transform};
use krilla::page::PageSettings;
use krilla::text::Font;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::chart::Chart;
use super::fonts::{FONT, fit, text_width, wrap};
use super::pages::ChartPage;
use super::png::parse_svg;
use super::{ExportError, Paper, chart_svg};
use crate::diff::diff_plan_stages;
use crate::look::{self, card, paper};
use crate::model::{Plan, Stage, TreeStep};
use crate::rules::{Finding, Summary, check_stage};
use pen::Pen;

/// Page margin, in points.
const MARGIN: f32 = 36.0;
/// Width of the findings and changes column on a stage's first page.
const SIDE: f32 = 250.0;
/// Room the header takes above the chart.
const HEADER: f32 = 92.0;
/// Room the footer takes below the chart.
const FOOTER: f32 = 24.0;
/// The smallest a member's name may be printed, in points. A chart that
/// would print names smaller continues by subtree on further pages.
pub const MIN_NAME_POINTS: f32 = 5.5;
/// The most a chart is enlarged (1 scene unit = 1 point at 1.0).
const MAX_SCALE: f32 = 1.25;

/// Where a stage's findings and changes go on its first page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arrangement {
    /// In a column right of the chart (tall charts).
    Beside,
    /// In two columns under the chart (wide charts).
    Below,
    /// Nowhere: a continuation page, the chart takes the page.
    None,
}

/// Height of the findings and changes band under a wide chart.
const BAND: f32 = 150.0;

/// Size and line height of the stage notes under the header.
const NOTES: (f32, f32) = (9.5, 9.5 * 1.3);

/// The notes of a stage's first page, wrapped to the page: the lines the
/// header prints (as many as fit in 40 % of the page) and the rest, which
/// continue at the top of the findings column. Nothing is cut.
fn note_lines(stage: &Stage, paper: Paper) -> (Vec<String>, Vec<String>) {
    if stage.notes.trim().is_empty() {
        return (Vec::new(), Vec::new());
    }
    let [w, h] = paper.size();
    let mut lines = wrap(stage.notes.trim(), NOTES.0, w - 2.0 * MARGIN);
    let most = ((h * 0.4) / NOTES.1).floor().max(2.0) as usize;
    let rest = lines.split_off(lines.len().min(most));
    (lines, rest)
}

/// How much taller than [`HEADER`] the first page's header is: the note
/// lines past the two it always has room for.
fn notes_room(header_lines: usize) -> f32 {
    header_lines.saturating_sub(2) as f32 * NOTES.1
}

/// Where the chart goes on a page with `arrangement`, under a header
/// `extra` taller than [`HEADER`].
fn chart_area(paper: Paper, arrangement: Arrangement, extra: f32) -> [f32; 4] {
    let [w, h] = paper.size();
    let (right, bottom) = match arrangement {
        Arrangement::Beside => (w - MARGIN - SIDE - 18.0, h - MARGIN - FOOTER),
        Arrangement::Below => (w - MARGIN, h - MARGIN - FOOTER - BAND),
        Arrangement::None => (w - MARGIN, h - MARGIN - FOOTER),
    };
    [MARGIN, MARGIN + HEADER + extra, right, bottom]
}

/// The scale that fits `chart` into `area`.
fn fit_scale(chart: &Chart, area: [f32; 4]) -> f32 {
    let extent = chart.extent();
    let (cw, ch) = (
        extent.right - extent.left + 48.0,
        extent.bottom - extent.top + 48.0,
    );
    ((area[2] - area[0]) / cw)
        .min((area[3] - area[1]) / ch)
        .min(MAX_SCALE)
}

/// Whether the names of `chart` stay readable when fitted into `area`.
fn readable(chart: &Chart, area: [f32; 4]) -> bool {
    fit_scale(chart, area) * card::NAME.1 >= MIN_NAME_POINTS
}

/// The handout of `steps` of `plan`: each stage's pages, and a page for
/// each decision.
pub fn handout_pdf(plan: &Plan, steps: &[TreeStep], paper: Paper) -> Result<Vec<u8>, ExportError> {
    let font = Font::new(FONT.into(), 0)
        .ok_or_else(|| ExportError::Pdf("the bundled font cannot be read".to_owned()))?;
    let indices: Vec<usize> = steps
        .iter()
        .filter_map(|s| match s {
            TreeStep::Stage(i) => Some(*i),
            TreeStep::Decision(_) => None,
        })
        .collect();
    let findings: Vec<Vec<Finding>> = indices.iter().map(|i| check_stage(plan, *i)).collect();
    let compacts: Vec<Option<Stage>> = indices
        .iter()
        .map(|i| choice::compact_candidate(&plan.stages[*i], paper))
        .collect();
    let mut stage_pages: Vec<(Vec<ChartPage>, Arrangement)> = Vec::new();
    let mut next_page = 1;
    for step in steps {
        let TreeStep::Stage(index) = *step else {
            next_page += 1;
            continue;
        };
        let k = stage_pages.len();
        let stage = &plan.stages[index];
        let extra = notes_room(note_lines(stage, paper).0.len());
        let (pages, arrangement) = choice::stage_pages(
            stage,
            compacts[k].as_ref(),
            &findings[k],
            paper,
            extra,
            next_page,
        );
        next_page += pages.len();
        stage_pages.push((pages, arrangement));
    }
    let total = next_page - 1;
    let mut document = Document::new();
    let mut page_number = 0;
    let mut k = 0;
    for step in steps {
        let index = match *step {
            TreeStep::Stage(index) => index,
            TreeStep::Decision(at) => {
                page_number += 1;
                let mut page = document.start_page_with(PageSettings::new(page_size(paper)?));
                let mut surface = page.surface();
                let mut pen = Pen {
                    surface: &mut surface,
                    font: font.clone(),
                };
                decision::decision_page(&mut pen, plan, at, paper)?;
                footer(&mut pen, plan, paper, page_number, total);
                surface.finish();
                page.finish();
                continue;
            }
        };
        let (pages, arrangement) = &stage_pages[k];
        let stage_findings = &findings[k];
        k += 1;
        for (part, chart_page) in pages.iter().enumerate() {
            page_number += 1;
            let mut page = document.start_page_with(PageSettings::new(page_size(paper)?));
            let mut surface = page.surface();
            let mut pen = Pen {
                surface: &mut surface,
                font: font.clone(),
            };
            let first = part == 0;
            let (notes, more_notes) = if first {
                note_lines(&plan.stages[index], paper)
            } else {
                (Vec::new(), Vec::new())
            };
            let extra = notes_room(notes.len());
            header(&mut pen, plan, index, first, paper, &notes);
            let arrangement = if first {
                *arrangement
            } else {
                Arrangement::None
            };
            draw_chart(
                &mut pen,
                &chart_page.chart,
                chart_area(paper, arrangement, extra),
            )?;
            let [w, h] = paper.size();
            let bottom = h - MARGIN - FOOTER;
            match arrangement {
                Arrangement::Beside => {
                    let x = w - MARGIN - SIDE;
                    let y = notes_block(
                        &mut pen,
                        [x, MARGIN + HEADER + extra + 10.0],
                        SIDE,
                        &more_notes,
                    );
                    let y = findings_block(&mut pen, [x, y], SIDE, bottom, stage_findings);
                    changes_block(&mut pen, plan, index, [x, y + 10.0], SIDE, bottom);
                }
                Arrangement::Below => {
                    let top = bottom - BAND + 16.0;
                    let column = (w - 2.0 * MARGIN - 24.0) / 2.0;
                    let top_left = notes_block(&mut pen, [MARGIN, top], column, &more_notes);
                    findings_block(&mut pen, [MARGIN, top_left], column, bottom, stage_findings);
                    changes_block(
                        &mut pen,
                        plan,
                        index,
                        [MARGIN + column + 24.0, top],
                        column,
                        bottom,
                    );
                }
                Arrangement::None => {}
            }
            footer(&mut pen, plan, paper, page_number, total);
            surface.finish();
            page.finish();
        }
    }
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

/// The size of a page of `paper`.
fn page_size(paper: Paper) -> Result<Size, ExportError> {
    let [w, h] = paper.size();
    Size::from_wh(w, h).ok_or_else(|| ExportError::Pdf("page size".into()))
}

/// The plan's title and the page number along the bottom of a page.
fn footer(pen: &mut Pen, plan: &Plan, paper: Paper, page_number: usize, total: usize) {
    let [w, h] = paper.size();
    pen.text(
        MARGIN,
        h - MARGIN + 8.0,
        8.0,
        paper::WEAK,
        &fit(&format!("orgevo · {}", plan.title), 8.0, w / 2.0),
    );
    let label = format!("page {page_number} of {total}");
    pen.text(
        w - MARGIN - text_width(&label, 8.0),
        h - MARGIN + 8.0,
        8.0,
        paper::WEAK,
        &label,
    );
}

/// The notes that did not fit under the header, wrapped again to a
/// column; returns where the next block starts.
fn notes_block(pen: &mut Pen, [x, mut y]: [f32; 2], width: f32, lines: &[String]) -> f32 {
    if lines.is_empty() {
        return y;
    }
    let text = lines.join(" ");
    for line in wrap(&text, NOTES.0, width) {
        pen.text(x, y, NOTES.0, paper::TEXT, &line);
        y += NOTES.1;
    }
    y + 8.0
}

/// The plan's title, small, at the top of a page.
fn plan_title(pen: &mut Pen, plan: &Plan, paper: Paper) {
    let [w, _] = paper.size();
    pen.text(
        MARGIN,
        MARGIN + 9.0,
        9.0,
        paper::WEAK,
        &fit(&plan.title, 9.0, w - 2.0 * MARGIN),
    );
}

fn header(pen: &mut Pen, plan: &Plan, index: usize, first: bool, paper: Paper, notes: &[String]) {
    let stage = &plan.stages[index];
    let [w, _] = paper.size();
    let width = w - 2.0 * MARGIN;
    plan_title(pen, plan, paper);
    let name = if first {
        stage.name.clone()
    } else {
        format!("{} (continued)", stage.name)
    };
    pen.text(
        MARGIN,
        MARGIN + 34.0,
        22.0,
        paper::TEXT,
        &fit(&name, 22.0, width),
    );
    let members = crate::look::count(stage.member_count(), "member");
    let mut about = match crate::look::kind_and_when(stage) {
        under if under.is_empty() => members,
        under => format!("{under} · {members}"),
    };
    if let Some(option) = super::decision::option_line(plan, index) {
        about = format!("{option} · {about}");
    }
    if let Some(numbers) = crate::look::money::stage_numbers(plan, index) {
        about = format!("{about} · {numbers}");
    }
    pen.text(
        MARGIN,
        MARGIN + 52.0,
        11.0,
        paper::WEAK,
        &fit(&about, 11.0, width),
    );
    let mut y = MARGIN + 70.0;
    for line in notes {
        pen.text(MARGIN, y, NOTES.0, paper::TEXT, line);
        y += NOTES.1;
    }
}

fn draw_chart(pen: &mut Pen, chart: &Chart, area: [f32; 4]) -> Result<(), ExportError> {
    let svg = chart_svg(chart);
    let tree = parse_svg(&svg.text)?;
    let scale = ((area[2] - area[0]) / svg.width)
        .min((area[3] - area[1]) / svg.height)
        .min(MAX_SCALE);
    let (w, h) = (svg.width * scale, svg.height * scale);
    let x = area[0] + ((area[2] - area[0]) - w) / 2.0;
    let Some(size) = Size::from_wh(w.max(1.0), h.max(1.0)) else {
        return Ok(());
    };
    pen.surface
        .push_transform(&Transform::from_translate(x, area[1]));
    pen.surface.draw_svg(&tree, size, SvgSettings::default());
    pen.surface.pop();
    Ok(())
}

/// The findings of a stage from `[x, y]` down, in `width`, not past
/// `bottom`; returns where it ended.
fn findings_block(
    pen: &mut Pen,
    [x, mut y]: [f32; 2],
    width: f32,
    bottom: f32,
    findings: &[Finding],
) -> f32 {
    pen.text(x, y, 13.0, paper::TEXT, "Findings");
    y += 16.0;
    pen.text(x, y, 9.0, paper::WEAK, &Summary::of(findings).to_string());
    y += 14.0;
    if findings.is_empty() {
        pen.text(
            x,
            y,
            9.0,
            look::FIXED_COLOR,
            "No findings: this stage passes every rule.",
        );
        y += 14.0;
    }
    for (i, f) in findings.iter().enumerate() {
        if y > bottom - 12.0 {
            let more = format!("… and {} more findings", findings.len() - i);
            pen.text(x, y, 9.0, paper::WEAK, &more);
            y += 14.0;
            break;
        }
        pen.text(x, y, 9.0, look::severity_color(f.severity), "●");
        let lines = (((bottom - y) / (8.5 * 1.3)) as usize).clamp(1, 6);
        y = pen.paragraph(
            [x + 11.0, y],
            width - 11.0,
            (8.5, paper::TEXT),
            &f.message,
            lines,
        ) + 3.0;
    }
    y
}

/// The changes from the previous stage, from `[x, y]` down, in `width`, not
/// past `bottom`: the captions present mode shows.
fn changes_block(
    pen: &mut Pen,
    plan: &Plan,
    index: usize,
    [x, mut y]: [f32; 2],
    width: f32,
    bottom: f32,
) {
    let previous = plan.previous_non_empty(index);
    let Some(diff) = previous.and_then(|p| diff_plan_stages(plan, p, index)) else {
        return;
    };
    let previous_name = previous
        .and_then(|p| plan.stages.get(p))
        .map_or("", |s| s.name.as_str());
    if y > bottom - 30.0 {
        return;
    }
    pen.text(x, y, 13.0, paper::TEXT, "Changes");
    y += 16.0;
    pen.text(
        x,
        y,
        9.0,
        paper::WEAK,
        &fit(
            &format!("since {previous_name}: {} changes", diff.changes.len()),
            9.0,
            width,
        ),
    );
    y += 14.0;
    // What the step fixes or introduces first: it must not fall off the page.
    let (findings, mut story): (Vec<String>, Vec<String>) = diff
        .captions(8)
        .into_iter()
        .partition(|c| c.starts_with("Fixed:") || c.starts_with("New finding"));
    if let Some(numbers) =
        previous.and_then(|p| crate::look::money::stage_numbers_change(plan, p, index))
    {
        story.insert(0, format!("Numbers: {numbers}"));
    }
    for caption in findings.into_iter().chain(story) {
        if y > bottom - 6.0 {
            break;
        }
        let color = if caption.starts_with("Fixed:") {
            look::FIXED_COLOR
        } else if caption.starts_with("New finding") {
            look::severity_color(crate::rules::Severity::Warning)
        } else {
            paper::TEXT
        };
        pen.text(x, y, 9.0, color, "•");
        let lines = (((bottom - y) / (8.5 * 1.3)) as usize).clamp(1, 3);
        y = pen.paragraph([x + 9.0, y], width - 9.0, (8.5, color), &caption, lines) + 3.0;
    }
}
