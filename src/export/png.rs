//! PNG from the export SVG with resvg and tiny-skia: no GPU, no window, no
//! system fonts (the bundled font from bytes), so a PNG is the same file on
//! every machine.

use resvg::{tiny_skia, usvg};

use super::ExportError;
use super::fonts::{FONT_FAMILY, font_database};

/// The longest side of a PNG this export writes, in pixels.
pub const MAX_SIDE: u32 = 65_535;
/// The most pixels a PNG this export writes may have (512 MB of RGBA while
/// rendering).
pub const MAX_PIXELS: u64 = 128 * 1024 * 1024;

/// Parses an export SVG with the bundled font only.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Svg(e.to_string()))
}

/// How a PNG came out: the scale asked for, the one used (smaller when
/// the asked size is past [`MAX_SIDE`] or [`MAX_PIXELS`]) and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fitted {
    /// The scale asked for.
    pub asked: f32,
    /// The scale the PNG was drawn at.
    pub used: f32,
    /// The size the asked scale would have given, in pixels.
    pub asked_size: (u64, u64),
    /// The PNG's size, in pixels.
    pub size: (u32, u32),
}

impl Fitted {
    /// Whether the PNG was drawn smaller than asked.
    pub fn scaled_down(&self) -> bool {
        self.used < self.asked
    }

    /// What happened, for the command line and the Export dialog: "the PNG
    /// would have been 82192 × 6560 pixels, more than PNG export allows
    /// (65535 px a side, 128 megapixels): written at 1.59× instead of 2×,
    /// 65535 × 5231 pixels (79 %)"; `None` when nothing was scaled down.
    pub fn notice(&self) -> Option<String> {
        self.scaled_down().then(|| {
            format!(
                "the PNG would have been {} × {} pixels, more than PNG export allows ({MAX_SIDE} \
                 px a side, {} megapixels): written at {}× instead of {}×, {} × {} pixels ({:.0} \
                 %); export SVG or PDF for full detail",
                self.asked_size.0,
                self.asked_size.1,
                MAX_PIXELS / (1024 * 1024),
                round2(self.used),
                round2(self.asked),
                self.size.0,
                self.size.1,
                100.0 * self.used / self.asked
            )
        })
    }
}

/// `x` with at most two decimals, as a person writes it ("1.59", "2").
fn round2(x: f32) -> String {
    let r = (x * 100.0).floor() / 100.0;
    let text = format!("{r:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The largest scale, at most `scale`, at which an image of `width` ×
/// `height` units fits [`MAX_SIDE`] and [`MAX_PIXELS`].
pub fn fitting_scale(width: f32, height: f32, scale: f32) -> f32 {
    let (w, h) = (width.max(1.0), height.max(1.0));
    let fits = |s: f32| {
        let (pw, ph) = ((w * s).ceil(), (h * s).ceil());
        pw <= MAX_SIDE as f32 && ph <= MAX_SIDE as f32 && (pw as u64) * (ph as u64) <= MAX_PIXELS
    };
    if fits(scale) {
        return scale;
    }
    let side = MAX_SIDE as f32 / w.max(h);
    let area = (MAX_PIXELS as f64 / (f64::from(w) * f64::from(h))).sqrt() as f32;
    // Rounding up to whole pixels can take the bound past the cap: step
    // down a little until it fits.
    let mut bound = scale.min(side.min(area));
    while !fits(bound) && bound > f32::MIN_POSITIVE {
        bound *= 0.9995;
    }
    bound
}

/// Renders `svg` at `scale` (1 = one pixel per unit) to PNG bytes. Refuses
/// images past [`MAX_SIDE`] or [`MAX_PIXELS`] with a message suggesting SVG
/// or PDF.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    render(&parse_svg(svg)?, scale)
}

/// Renders `svg` at `scale`, or, when that would be past [`MAX_SIDE`] or
/// [`MAX_PIXELS`], at the largest scale that fits; says which.
pub fn svg_to_png_fitted(svg: &str, scale: f32) -> Result<(Vec<u8>, Fitted), ExportError> {
    let tree = parse_svg(svg)?;
    let asked = valid_scale(scale);
    let size = tree.size();
    let used = fitting_scale(size.width(), size.height(), asked);
    let pixels = |s: f32| {
        (
            (size.width() * s).ceil().max(1.0),
            (size.height() * s).ceil().max(1.0),
        )
    };
    let (aw, ah) = pixels(asked);
    let (w, h) = pixels(used);
    let bytes = render(&tree, used)?;
    Ok((
        bytes,
        Fitted {
            asked,
            used,
            asked_size: (aw as u64, ah as u64),
            size: (w as u32, h as u32),
        },
    ))
}

/// `scale`, or 1 when it is no usable scale.
fn valid_scale(scale: f32) -> f32 {
    if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
}

fn render(tree: &usvg::Tree, scale: f32) -> Result<Vec<u8>, ExportError> {
    let size = tree.size();
    let scale = valid_scale(scale);
    let (w, h) = (
        (size.width() * scale).ceil().max(1.0),
        (size.height() * scale).ceil().max(1.0),
    );
    let too_large = || ExportError::PngTooLarge {
        width: w as u64,
        height: h as u64,
    };
    if w > MAX_SIDE as f32 || h > MAX_SIDE as f32 || (w as u64) * (h as u64) > MAX_PIXELS {
        return Err(too_large());
    }
    let (width, height) = (w as u32, h as u32);
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or_else(too_large)?;
    // A white page: every pixel opaque, so premultiplied and straight
    // colour agree and the PNG needs no alpha channel.
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    encode_rgb(pixmap.take(), width, height)
}

/// Encodes opaque RGBA pixels as an RGB PNG: compacted in place (no second
/// buffer), "up" filtering and fast deflate, which suit charts (flat colour,
/// long white runs) at a fraction of the default level's time.
fn encode_rgb(mut pixels: Vec<u8>, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    let count = pixels.len() / 4;
    for i in 0..count {
        let (from, to) = (4 * i, 3 * i);
        pixels[to] = pixels[from];
        pixels[to + 1] = pixels[from + 1];
        pixels[to + 2] = pixels[from + 2];
    }
    pixels.truncate(3 * count);
    let png_error = |e: png::EncodingError| ExportError::Png(e.to_string());
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(1));
    encoder.set_filter(png::Filter::Up);
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(&pixels).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(out)
}
