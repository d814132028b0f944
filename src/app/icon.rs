//! The app icon for the window and the taskbar, built in from assets/.

use egui::IconData;

/// The 256×256 PNG rendered from `assets/icons/orgevo.svg`.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/256x256/apps/orgevo.png");

/// The window icon; `None` if the built-in PNG cannot be read (the window
/// then shows the desktop's default).
pub fn window_icon() -> Option<IconData> {
    let decoder = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    let mut reader = decoder.read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(info.buffer_size());
    Some(IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_icon_decodes_to_rgba() {
        let icon = window_icon().expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Rounded corners are transparent, the middle is not.
        assert_eq!(icon.rgba[3], 0);
        let middle = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[middle + 3], 255);
    }
}
