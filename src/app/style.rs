//! Colours and short labels the canvas and panels share: egui colours for
//! the shared look in [`crate::look`] (the exports use the same look).

use egui::Color32;

use crate::look::{self, Rgb};
use crate::model::{Function, Hat, TagFamily};
use crate::rules::Severity;

/// The egui colour of a look colour.
pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The accent colour of a member function (card stripe and label).
pub fn function_color(function: Function) -> Color32 {
    color(look::function_color(function))
}

/// The colour of a responsibility family (chips and toggles).
pub fn family_color(family: TagFamily) -> Color32 {
    color(look::family_color(family))
}

/// The colour of a hat badge.
pub fn hat_color(hat: Hat) -> Color32 {
    color(look::hat_color(hat))
}

/// The colour of a finding marker.
pub fn severity_color(severity: Severity) -> Color32 {
    color(look::severity_color(severity))
}

/// The colour of good news: a stage without findings, a finding fixed.
pub const FIXED_COLOR: Color32 = Color32::from_rgb(
    look::FIXED_COLOR.0,
    look::FIXED_COLOR.1,
    look::FIXED_COLOR.2,
);

/// The colour of bad news in the Changes list: a member gone, a finding
/// introduced.
pub const LOST_COLOR: Color32 = Color32::from_rgb(0xe0, 0x5a, 0x4f);

/// The colour of work changing hands in the Changes list: a hand-over, two
/// roles merged.
pub const HAND_OVER_COLOR: Color32 = Color32::from_rgb(0xd0, 0x8a, 0x20);

/// The icon of a severity in lists.
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "⛔",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

/// A colour with its alpha scaled, for faded or translucent variants.
pub fn faded(color: Color32, alpha: f32) -> Color32 {
    color.gamma_multiply(alpha)
}
