//! Drawing text on a handout page with the bundled font.

use krilla::color::rgb;
use krilla::geom::Point;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};

use crate::export::fonts::{fit, wrap};
use crate::look::Rgb;

/// Text drawing on a page with the bundled font.
pub(super) struct Pen<'s, 'p> {
    pub(super) surface: &'s mut krilla::surface::Surface<'p>,
    pub(super) font: Font,
}

impl Pen<'_, '_> {
    /// Draws `content` with its baseline at `y`.
    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, color: Rgb, content: &str) {
        if content.is_empty() {
            return;
        }
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(color.0, color.1, color.2).into(),
            ..Fill::default()
        }));
        self.surface.draw_text(
            Point::from_xy(x, y),
            self.font.clone(),
            size,
            content,
            false,
            TextDirection::Auto,
        );
    }

    /// Draws `content` wrapped to `width`, at most `max_lines` lines;
    /// returns the baseline after the last line.
    pub(super) fn paragraph(
        &mut self,
        [x, mut y]: [f32; 2],
        width: f32,
        (size, color): (f32, Rgb),
        content: &str,
        max_lines: usize,
    ) -> f32 {
        let lines = wrap(content, size, width);
        let shown = lines.len().min(max_lines);
        for (i, line) in lines.iter().take(shown).enumerate() {
            let line = if i + 1 == shown && lines.len() > shown {
                fit(&format!("{line} …"), size, width)
            } else {
                line.clone()
            };
            self.text(x, y, size, color, &line);
            y += size * 1.3;
        }
        y
    }
}
