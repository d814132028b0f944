//! Fonts: egui's defaults plus DejaVu Sans (bundled in `assets/fonts`) as a
//! fallback, for arrows and symbols the default fonts lack.

use std::sync::Arc;

/// The bundled fallback font.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FALLBACK: &str = "DejaVuSans";

/// Installs the fonts; takes effect from the next frame.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        FALLBACK.to_owned(),
        Arc::new(egui::FontData::from_static(DEJAVU_SANS)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(FALLBACK.to_owned());
    }
    ctx.set_fonts(fonts);
}
