//! The findings panel: the live findings of the current stage.

use egui::{RichText, Ui};

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
    let row = |ui: &mut Ui, f: &'a Finding, wrap: bool, clicked: &mut Option<&'a Finding>| {
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
                *clicked = Some(f);
            }
        });
    };
    let area = egui::ScrollArea::vertical().auto_shrink([false, true]);
    if findings.len() <= LONG_LIST {
        area.show(ui, |ui| {
            for f in findings {
                row(ui, f, true, &mut clicked);
            }
        });
    } else {
        // A big stage's list: only the rows in view are laid out, one line
        // each (the full text shows on hover).
        let height = ui.spacing().interact_size.y;
        area.show_rows(ui, height, findings.len(), |ui, range| {
            for f in &findings[range] {
                row(ui, f, false, &mut clicked);
            }
        });
    }
    clicked
}

/// Lists longer than this show only the rows in view.
pub(super) const LONG_LIST: usize = 200;
