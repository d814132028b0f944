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

/// Renders `svg` at `scale` (1 = one pixel per unit) to PNG bytes. Refuses
/// images past [`MAX_SIDE`] or [`MAX_PIXELS`] with a message suggesting SVG
/// or PDF.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let tree = parse_svg(svg)?;
    let size = tree.size();
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
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
        &tree,
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
