//! Many plain quads in one mesh: far out, a big stage's cards and lines are
//! coloured boxes and thin strokes, and one mesh is far cheaper to build and
//! tessellate than tens of thousands of shapes.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{
    Color32, ColorImage, Context, Id, Painter, Pos2, Rect, Shape, TextureId, TextureOptions, pos2,
    vec2,
};

use crate::look::card as geometry;

/// Collects rectangles and straight strokes, then paints them as one shape.
#[derive(Default)]
pub struct QuadBatch {
    mesh: Mesh,
}

impl QuadBatch {
    /// An empty batch with room for `quads` quads.
    pub fn with_capacity(quads: usize) -> Self {
        let mut mesh = Mesh::default();
        mesh.vertices.reserve(quads * 4);
        mesh.indices.reserve(quads * 6);
        Self { mesh }
    }

    /// A filled rectangle.
    pub fn rect(&mut self, rect: Rect, color: Color32) {
        self.mesh.add_colored_rect(rect, color);
    }

    /// A straight stroke from `a` to `b`, `width` wide.
    pub fn segment(&mut self, a: Pos2, b: Pos2, width: f32, color: Color32) {
        let along = b - a;
        let length = along.length();
        if length <= f32::EPSILON {
            return;
        }
        let side = vec2(-along.y, along.x) * (0.5 * width / length);
        let first = self.mesh.vertices.len() as u32;
        for p in [a + side, a - side, b - side, b + side] {
            self.mesh.vertices.push(Vertex {
                pos: p,
                uv: WHITE_UV,
                color,
            });
        }
        self.mesh.add_triangle(first, first + 1, first + 2);
        self.mesh.add_triangle(first, first + 2, first + 3);
    }

    /// A polyline of straight strokes.
    pub fn polyline(&mut self, points: &[Pos2], width: f32, color: Color32) {
        for pair in points.windows(2) {
            self.segment(pair[0], pair[1], width, color);
        }
    }

    /// Paints everything collected as one shape.
    pub fn paint(self, painter: &Painter) {
        if !self.mesh.is_empty() {
            painter.add(self.into_shape());
        }
    }

    /// Everything collected as one shape (for a slot reserved earlier with
    /// [`Painter::add`] of [`Shape::Noop`], to keep the painting order).
    pub fn into_shape(self) -> Shape {
        Shape::mesh(self.mesh)
    }
}

/// Dashed lines as textured strips: one quad per straight piece, whatever
/// the number of dashes, the pattern coming from a small repeating texture
/// whose rows fade out at the edges (anti-aliasing).
pub struct DashBatch {
    mesh: Mesh,
    /// Scene units one dash-and-gap period takes.
    period: f32,
}

/// Texels of one dash-and-gap period, and rows across the line.
const DASH_TEXELS: usize = 14;

impl DashBatch {
    /// A batch of lines whose dashes and gaps are [`geometry::COLLAB_DASH`]
    /// times `scale` scene units long.
    pub fn new(ctx: &Context, scale: f32) -> Self {
        let (dash, gap) = geometry::COLLAB_DASH;
        Self {
            mesh: Mesh::with_texture(dash_texture(ctx)),
            period: ((dash + gap) * scale).max(0.01),
        }
    }

    /// A dashed polyline in a strip `2 × width` wide: opaque in the middle,
    /// fading out towards the edges.
    pub fn polyline(&mut self, points: &[Pos2], width: f32, color: Color32) {
        let mut walked = 0.0_f32;
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let length = (b - a).length();
            if !(length > f32::EPSILON && length.is_finite()) {
                continue;
            }
            let side = vec2(-(b - a).y, (b - a).x) * (width / length);
            let (u0, u1) = (walked / self.period, (walked + length) / self.period);
            let first = self.mesh.vertices.len() as u32;
            for (pos, uv) in [
                (a + side, pos2(u0, 0.0)),
                (a - side, pos2(u0, 1.0)),
                (b - side, pos2(u1, 1.0)),
                (b + side, pos2(u1, 0.0)),
            ] {
                self.mesh.vertices.push(Vertex { pos, uv, color });
            }
            self.mesh.add_triangle(first, first + 1, first + 2);
            self.mesh.add_triangle(first, first + 2, first + 3);
            walked += length;
        }
    }

    /// Paints everything collected as one shape.
    pub fn paint(self, painter: &Painter) {
        if !self.mesh.is_empty() {
            painter.add(Shape::mesh(self.mesh));
        }
    }
}

/// The dash pattern texture, made once per context: along the line
/// [`geometry::COLLAB_DASH`] on and off, across it transparent, opaque,
/// opaque, transparent.
fn dash_texture(ctx: &Context) -> TextureId {
    let key = Id::unique("orgevo-dash-texture");
    if let Some(handle) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(key)) {
        return handle.id();
    }
    let (dash, gap) = geometry::COLLAB_DASH;
    let on = (DASH_TEXELS as f32 * dash / (dash + gap)).round() as usize;
    let rows = [0u8, 255, 255, 0];
    let mut pixels = Vec::with_capacity(DASH_TEXELS * rows.len());
    for alpha in rows {
        for x in 0..DASH_TEXELS {
            let a = if x < on { alpha } else { 0 };
            pixels.push(Color32::from_white_alpha(a));
        }
    }
    let image = ColorImage::new([DASH_TEXELS, rows.len()], pixels);
    let handle = ctx.load_texture("orgevo-dash", image, TextureOptions::LINEAR_REPEAT);
    let id = handle.id();
    ctx.data_mut(|d| d.insert_temp(key, handle));
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_two_triangles_of_the_given_width() {
        let mut batch = QuadBatch::default();
        batch.segment(Pos2::ZERO, Pos2::new(10.0, 0.0), 2.0, Color32::RED);
        batch.segment(Pos2::ZERO, Pos2::ZERO, 2.0, Color32::RED);
        assert_eq!(
            batch.mesh.vertices.len(),
            4,
            "a zero-length stroke adds nothing"
        );
        assert_eq!(batch.mesh.indices.len(), 6);
        let ys: Vec<f32> = batch.mesh.vertices.iter().map(|v| v.pos.y).collect();
        assert_eq!(ys, [1.0, -1.0, -1.0, 1.0]);
        batch.rect(
            Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
            Color32::RED,
        );
        assert_eq!(batch.mesh.vertices.len(), 8);
    }

    #[test]
    fn a_dashed_line_is_one_quad_per_piece_with_the_pattern_along_it() {
        let ctx = Context::default();
        let mut batch = DashBatch::new(&ctx, 1.0);
        let period = geometry::COLLAB_DASH.0 + geometry::COLLAB_DASH.1;
        let points = [
            Pos2::ZERO,
            Pos2::new(period * 10.0, 0.0),
            Pos2::new(period * 10.0, period * 5.0),
        ];
        batch.polyline(&points, 2.0, Color32::RED);
        assert_eq!(
            batch.mesh.vertices.len(),
            8,
            "two pieces, however many dashes"
        );
        let us: Vec<f32> = batch.mesh.vertices.iter().map(|v| v.uv.x).collect();
        assert_eq!(us, [0.0, 0.0, 10.0, 10.0, 10.0, 10.0, 15.0, 15.0]);
        // The same texture is reused by the next batch.
        assert_eq!(
            DashBatch::new(&ctx, 2.0).mesh.texture_id,
            batch.mesh.texture_id
        );
    }
}
