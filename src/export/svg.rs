//! A chart as SVG: the canvas look on a light page, text as real `<text>`
//! in the bundled font, one `<path>` per line. Every user string is
//! escaped and stripped of characters XML cannot hold.

use std::fmt::Write;

use super::chart::{Chart, ChartCard, ChartLine, NOTE_SIZE};
use super::fonts::{FONT_FAMILY, ascent, fit, fit_shrinking, text_width};
use crate::look::lines::Route;
use crate::look::{self, Rgb, card as geometry, paper};
use crate::model::{Hat, LinkKind};
use crate::rules::Severity;

/// An SVG document and its size in user units (1 unit = 1 px at 1×).
#[derive(Clone, Debug, PartialEq)]
pub struct Svg {
    /// The document text.
    pub text: String,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// Blank space around a chart.
pub const MARGIN: f32 = 24.0;

/// `text` safe inside XML (and HTML) element content and attributes.
pub fn xml_text(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
        })
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

/// Rounds to two decimals for compact, stable output.
fn n(x: f32) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// The chart as a standalone SVG document with a white page.
pub fn chart_svg(chart: &Chart) -> Svg {
    let extent = chart.extent();
    let (w, h) = (
        extent.right - extent.left + 2.0 * MARGIN,
        extent.bottom - extent.top + 2.0 * MARGIN,
    );
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = n(w),
        h = n(h),
    );
    let _ = write!(
        out,
        r#"<rect width="{}" height="{}" fill="{}"/>"#,
        n(w),
        n(h),
        paper::BACKGROUND.hex()
    );
    let _ = write!(
        out,
        r#"<g transform="translate({} {})">"#,
        n(MARGIN - extent.left),
        n(MARGIN - extent.top)
    );
    write_chart_body(&mut out, chart);
    out.push_str("</g></svg>");
    Svg {
        text: out,
        width: w,
        height: h,
    }
}

/// The lines, cards and markers of `chart`, in scene coordinates, without
/// the `<svg>` element (for embedding several charts in one document).
pub fn write_chart_body(out: &mut String, chart: &Chart) {
    let reporting = chart.lines.iter().filter(|l| l.kind == LinkKind::ReportsTo);
    let collaboration = chart.lines.iter().filter(|l| l.kind != LinkKind::ReportsTo);
    for line in reporting.chain(collaboration) {
        write_line(out, line);
    }
    let sizes = role_sizes(chart);
    for card in &chart.cards {
        write_card(out, card, sizes);
    }
}

/// The name, title and function lines of a card: where, how big, in which
/// colour, what, and how wide they may be.
fn card_lines(card: &ChartCard) -> [((f32, f32), Rgb, String, f32); 3] {
    let m = card.member;
    let w = card.bounds.size()[0];
    let hat = m.hat();
    let badge_room = if hat == Hat::None {
        0.0
    } else {
        geometry::badge_width(hat.badge().len()) + 8.0
    };
    let room = w - geometry::TEXT_LEFT - 8.0;
    [
        (
            geometry::NAME,
            paper::TEXT,
            m.display_name().to_owned(),
            room - badge_room,
        ),
        (geometry::TITLE, paper::WEAK, m.title.clone(), room),
        (
            geometry::FUNCTION,
            look::function_color(m.function),
            look::function_line(m),
            room,
        ),
    ]
}

/// One type size per line role (name, title, function) for the whole
/// chart: the largest at which every card's line fits, down to 80 % of the
/// card's size (past that a line is cut with "…").
fn role_sizes(chart: &Chart) -> [f32; 3] {
    let mut sizes = [geometry::NAME.1, geometry::TITLE.1, geometry::FUNCTION.1];
    for card in &chart.cards {
        for (role, ((_, size), _, content, width)) in card_lines(card).into_iter().enumerate() {
            let (_, fitting) = fit_shrinking(&content, size, width);
            sizes[role] = sizes[role].min(fitting);
        }
    }
    sizes
}

fn write_line(out: &mut String, line: &ChartLine) {
    let d = match &line.route {
        Route::Polyline(points) => {
            let mut d = String::new();
            for (i, p) in points.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{} {}",
                    if i == 0 { "M" } else { " L" },
                    n(p[0]),
                    n(p[1])
                );
            }
            d
        }
        Route::Arc { from, control, to } => format!(
            "M{} {} Q{} {} {} {}",
            n(from[0]),
            n(from[1]),
            n(control[0]),
            n(control[1]),
            n(to[0]),
            n(to[1])
        ),
    };
    let (color, dash) = match line.kind {
        LinkKind::ReportsTo => (paper::LINE, String::new()),
        LinkKind::CollaboratesWith => {
            let (on, off) = geometry::COLLAB_DASH;
            (
                paper::COLLABORATION,
                format!(r#" stroke-dasharray="{} {}""#, n(on), n(off)),
            )
        }
    };
    let _ = write!(
        out,
        r#"<path class="{}" d="{d}" fill="none" stroke="{}" stroke-width="{}"{dash}/>"#,
        line.kind.id(),
        color.hex(),
        n(geometry::LINE_WIDTH)
    );
}

fn text(out: &mut String, x: f32, top: f32, size: f32, color: Rgb, content: &str, extra: &str) {
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" fill="{}"{extra}>{}</text>"#,
        n(x),
        n(top + ascent(size)),
        n(size),
        color.hex(),
        xml_text(content)
    );
}

fn pill(out: &mut String, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}"/>"#,
        n(x),
        n(y),
        n(w),
        n(h),
        n(h / 2.0),
        fill.hex()
    );
}

fn write_card(out: &mut String, card: &ChartCard, sizes: [f32; 3]) {
    let m = card.member;
    let b = card.bounds;
    let [w, h] = b.size();
    let (x, y) = (b.left, b.top);
    let r = geometry::RADIUS;
    let accent = look::function_color(m.function);
    let fill = if m.planned {
        paper::PLANNED_CARD
    } else {
        paper::CARD
    };
    let _ = write!(out, r#"<g>"#);
    // The accent colour under the whole card, the body over all but the stripe.
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{r}" fill="{}"/>"#,
        n(x),
        n(y),
        n(w),
        n(h),
        accent.hex()
    );
    let s = geometry::STRIPE;
    let _ = write!(
        out,
        r#"<path d="M{} {} H{} A{r} {r} 0 0 1 {} {} V{} A{r} {r} 0 0 1 {} {} H{} Z" fill="{}"/>"#,
        n(x + s),
        n(y),
        n(x + w - r),
        n(x + w),
        n(y + r),
        n(y + h - r),
        n(x + w - r),
        n(y + h),
        n(x + s),
        fill.hex()
    );
    let dash = if m.planned {
        let (on, off) = geometry::PLANNED_DASH;
        format!(r#" stroke-dasharray="{} {}""#, n(on), n(off))
    } else {
        String::new()
    };
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{r}" fill="none" stroke="{}" stroke-width="1"{dash}/>"#,
        n(x + 0.5),
        n(y + 0.5),
        n(w - 1.0),
        n(h - 1.0),
        paper::BORDER.hex()
    );
    let left = x + geometry::TEXT_LEFT;
    let hat = m.hat();
    if hat != Hat::None {
        let (top, height, size) = geometry::BADGE;
        let bw = geometry::badge_width(hat.badge().len());
        let bx = x + w - bw - geometry::BADGE_RIGHT;
        // A hat is a square-cornered outlined tag, a finding marker a
        // filled circle, as on the canvas.
        let ink = look::hat_color(hat);
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}" fill-opacity="0.16" stroke="{}" stroke-width="1.5"/>"#,
            n(bx + 0.75),
            n(y + top + 0.75),
            n(bw - 1.5),
            n(height - 1.5),
            ink.hex(),
            ink.hex()
        );
        let tw = text_width(hat.badge(), size);
        text(
            out,
            bx + (bw - tw) / 2.0,
            y + top + (height - size * 1.16) / 2.0,
            size,
            ink,
            hat.badge(),
            "",
        );
    }
    for (role, ((top, _), color, content, width)) in card_lines(card).into_iter().enumerate() {
        let size = sizes[role];
        text(
            out,
            left,
            y + top,
            size,
            color,
            &fit(&content, size, width),
            "",
        );
    }
    write_chips(out, card, left, x + w - 8.0);
    if let Some((severity, count)) = card.finding {
        let (cx, cy) = (x + w - 2.0, y + 2.0);
        let _ = write!(
            out,
            r##"<circle cx="{}" cy="{}" r="10" fill="{}" stroke="#ffffff" stroke-width="1.5"/>"##,
            n(cx),
            n(cy),
            look::severity_color(severity).hex()
        );
        let label = if severity == Severity::Info {
            "i".to_owned()
        } else {
            count.to_string()
        };
        let size = 11.5;
        text(
            out,
            cx - text_width(&label, size) / 2.0,
            cy - size * 0.58,
            size,
            Rgb(255, 255, 255),
            &label,
            "",
        );
    }
    if let Some(note) = &card.note_above {
        text(out, x, y - 18.0, NOTE_SIZE, paper::WEAK, note, "");
    }
    if let Some(note) = &card.note_below {
        text(out, x, y + h + 5.0, NOTE_SIZE, paper::WEAK, note, "");
    }
    out.push_str("</g>");
}

fn write_chips(out: &mut String, card: &ChartCard, start: f32, right: f32) {
    let m = card.member;
    let (top, height, size) = geometry::CHIPS;
    let y = card.bounds.top + top;
    let width_of = |label: &str| text_width(label, size) + 2.0 * geometry::CHIP_PAD;
    let chips = look::tag_chips(m);
    let total: f32 = chips
        .iter()
        .map(|chip| width_of(&chip.label) + geometry::CHIP_GAP)
        .sum();
    let chips = if start + total <= right {
        chips
    } else {
        look::summary_chips(m)
    };
    let mut x = start;
    for look::Chip { label, color, .. } in chips {
        let w = width_of(&label);
        if x + w > right {
            text(out, x + 2.0, y, size, paper::WEAK, "…", "");
            return;
        }
        pill(out, x, y, w, height, color);
        text(
            out,
            x + geometry::CHIP_PAD,
            y + (height - size * 1.16) / 2.0,
            size,
            Rgb(255, 255, 255),
            &label,
            "",
        );
        x += w + geometry::CHIP_GAP;
    }
}
