//! Colours and short labels the canvas and panels share.

use egui::Color32;

use crate::model::{Function, Hat, Responsibility, TagFamily};
use crate::rules::Severity;

/// The accent colour of a member function (card stripe and label).
pub fn function_color(function: Function) -> Color32 {
    match function {
        Function::Owner => Color32::from_rgb(0x8e, 0x5c, 0xe0),
        Function::SalesLeader => Color32::from_rgb(0x63, 0x6b, 0xe8),
        Function::SalesManager => Color32::from_rgb(0x1c, 0x9c, 0xa8),
        Function::GrowthLeader => Color32::from_rgb(0xd9, 0x8a, 0x14),
        Function::Sales => Color32::from_rgb(0x3b, 0x82, 0xd6),
        Function::Marketing => Color32::from_rgb(0xd9, 0x4c, 0x8a),
        Function::Technical => Color32::from_rgb(0x2e, 0xa0, 0x6a),
        Function::ServiceDelivery => Color32::from_rgb(0x6d, 0xa8, 0x38),
        Function::Operations => Color32::from_rgb(0x80, 0x8c, 0x9c),
        Function::Other => Color32::from_rgb(0x9a, 0x9a, 0x9a),
    }
}

/// The colour of a responsibility family (chips and toggles).
pub fn family_color(family: TagFamily) -> Color32 {
    match family {
        TagFamily::Leadership => Color32::from_rgb(0xe0, 0x8a, 0x1e),
        TagFamily::Management => Color32::from_rgb(0x2f, 0x7f, 0xd8),
    }
}

/// The colour of a hat badge.
pub fn hat_color(hat: Hat) -> Color32 {
    match hat {
        Hat::Leader => family_color(TagFamily::Leadership),
        Hat::Manager => family_color(TagFamily::Management),
        Hat::Both => Color32::from_rgb(0x9b, 0x59, 0xb6),
        Hat::None => Color32::GRAY,
    }
}

/// The colour of a finding marker.
pub fn severity_color(severity: Severity) -> Color32 {
    match severity {
        Severity::Error => Color32::from_rgb(0xe5, 0x39, 0x35),
        Severity::Warning => Color32::from_rgb(0xf0, 0xa2, 0x02),
        Severity::Info => Color32::from_rgb(0x4a, 0x90, 0xd9),
    }
}

/// The colour of good news: a stage without findings, a finding fixed.
pub const FIXED_COLOR: Color32 = Color32::from_rgb(0x3c, 0xa5, 0x5c);

/// The icon of a severity in lists.
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "⛔",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

/// A short chip label for a responsibility.
pub fn chip_label(r: Responsibility) -> &'static str {
    match r {
        Responsibility::Vision => "vision",
        Responsibility::Inspiration => "inspire",
        Responsibility::Strategy => "strategy",
        Responsibility::ProcessDesign => "design",
        Responsibility::CrossFunctional => "x-func",
        Responsibility::MarketingAlignment => "mkt-align",
        Responsibility::Execution => "execute",
        Responsibility::Rigor => "rigor",
        Responsibility::ProcessDiscipline => "discipline",
        Responsibility::Metrics => "metrics",
        Responsibility::Accountability => "account",
        Responsibility::Coaching => "coach",
    }
}

/// A colour with its alpha scaled, for faded or translucent variants.
pub fn faded(color: Color32, alpha: f32) -> Color32 {
    color.gamma_multiply(alpha)
}
