//! Renders the app icon (`assets/icons/orgevo.svg`) into the PNG sizes of
//! the hicolor icon theme, `assets/icons/hicolor/NxN/apps/orgevo.png`:
//! `cargo run --example icons` after changing the SVG.

use std::path::Path;

use resvg::{tiny_skia, usvg};

/// The sizes desktops look for.
const SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons");
    let svg = std::fs::read(root.join("orgevo.svg"))?;
    let tree = usvg::Tree::from_data(&svg, &usvg::Options::default())?;
    for size in SIZES {
        let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("empty icon")?;
        let scale = size as f32 / tree.size().width();
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        // tiny-skia keeps premultiplied alpha; PNG wants it straight.
        let rgba: Vec<u8> = pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect();
        let dir = root.join(format!("hicolor/{size}x{size}/apps"));
        std::fs::create_dir_all(&dir)?;
        let file = std::fs::File::create(dir.join("orgevo.png"))?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), size, size);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.write_header()?.write_image_data(&rgba)?;
        println!("{size}x{size}");
    }
    Ok(())
}
