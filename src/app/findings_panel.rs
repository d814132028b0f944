//! The findings panel: the live findings of the current stage.

use egui::{RichText, Ui};

use super::long_list::list_ui;
use super::style::{severity_color, severity_icon};
use crate::rules::{Finding, Summary};

/// Lists `findings`; returns the finding the user clicked.
pub fn findings_ui<'a>(ui: &mut Ui, findings: &'a [Finding]) -> Option<&'a Finding> {
    let summary = Summary::of(findings);
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Findings").strong());
        ui.label(RichText::new(summary.to_string()).weak());
    });
    if findings.is_empty() {
        ui.label(
            RichText::new("✔ No findings: this stage passes every rule.")
                .color(super::style::FIXED_COLOR),
        );
        return None;
    }
    let height = ui.spacing().interact_size.y;
    list_ui(ui, findings, height, |ui, f, wrap| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(severity_icon(f.severity)).color(severity_color(f.severity)));
            let text = format!("{}: {}", f.rule, f.message);
            let button = egui::Button::new(text).frame(false);
            let button = if wrap {
                button.wrap()
            } else {
                button.truncate()
            };
            let response = ui.add(button).on_hover_text(format!("Fix: {}", f.fix));
            if response.clicked() {
                clicked = Some(f);
            }
        });
    });
    clicked
}
