//! The bundled font every export uses (DejaVu Sans, from assets/), loaded
//! from bytes so output is the same on every machine, and text measurement
//! with its real advances.

use std::sync::{Arc, OnceLock};

/// The bundled font file.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// Its family name, as SVG and HTML name it.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Advances of the bundled font, per em.
struct Metrics {
    face: ttf_parser::Face<'static>,
    per_em: f32,
}

fn metrics() -> Option<&'static Metrics> {
    static METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
    METRICS
        .get_or_init(|| {
            let face = ttf_parser::Face::parse(FONT, 0).ok()?;
            let per_em = f32::from(face.units_per_em());
            Some(Metrics { face, per_em })
        })
        .as_ref()
}

/// How wide `text` is at `size` in the bundled font (no kerning). A
/// character the font lacks counts as an average one.
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(m) = metrics() else {
        return text.chars().count() as f32 * size * 0.6;
    };
    text.chars()
        .map(|c| {
            m.face
                .glyph_index(c)
                .and_then(|g| m.face.glyph_hor_advance(g))
                .map_or(size * 0.6, |a| f32::from(a) / m.per_em * size)
        })
        .sum()
}

/// The distance from the top of a line to its baseline at `size`.
pub fn ascent(size: f32) -> f32 {
    metrics().map_or(size * 0.93, |m| {
        f32::from(m.face.ascender()) / m.per_em * size
    })
}

/// `text` cut to fit `width` at `size`, with "…" when cut.
pub fn fit(text: &str, size: f32, width: f32) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let room = width - text_width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` at `size` if it fits `width`, else at a smaller size down to
/// 80 % of `size`, else cut with "…" at that size. Returns text and size.
pub fn fit_shrinking(text: &str, size: f32, width: f32) -> (String, f32) {
    let natural = text_width(text, size);
    if natural <= width {
        return (text.to_owned(), size);
    }
    // A hair under the exact ratio, so rounding never cuts the last letter.
    let smaller = (size * width / natural * 0.999).max(size * 0.8);
    (fit(text, smaller, width), smaller)
}

/// `text` broken into lines no wider than `width` at `size`, at spaces
/// where possible (a word longer than a line is cut).
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
            if text_width(&line, size) > width {
                line = fit(&line, size, width);
            }
        }
        lines.push(line);
    }
    lines
}

/// A font database holding only the bundled font, for usvg and resvg (no
/// system fonts: the output does not depend on the machine).
pub fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let small = text_width("Dana Lee", 10.0);
        assert!(small > 20.0 && small < 60.0, "{small}");
        assert!((text_width("Dana Lee", 20.0) - 2.0 * small).abs() < 0.01);
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0));
    }

    #[test]
    fn fitting_and_wrapping_keep_within_the_width() {
        let cut = fit("A very long name indeed for a card", 12.0, 80.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 12.0) <= 80.0,
            "{cut}"
        );
        let lines = wrap("one two three four five six seven", 12.0, 60.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 60.0));
        assert_eq!(lines.join(" "), "one two three four five six seven");
        let (text, size) = fit_shrinking("Sales manager · planned hire", 11.5, 140.0);
        assert!((11.5 * 0.8..11.5).contains(&size));
        assert!(text_width(&text, size) <= 140.0 + 0.01);
    }
}
