//! The findings panel: the live findings of the current stage.

use egui::{RichText, Ui};

use crate::app::panels::long_list::list_ui;
use crate::app::style::{severity_color, severity_icon};
use crate::rules::{Finding, Summary, rule_by_id};

/// What the user asked of a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingAction {
    /// Select (and show) the members involved.
    Select(Vec<String>),
    /// Explain the rule.
    Why(String),
}

/// Lists `findings`, each with "Why?" (the rule explained) and "Fix" (the
/// members involved selected); returns what the user asked.
pub fn findings_ui(ui: &mut Ui, findings: &[Finding]) -> Option<FindingAction> {
    let summary = Summary::of(findings);
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Findings").strong());
        ui.label(RichText::new(summary.to_string()).weak());
    });
    if findings.is_empty() {
        ui.label(
            RichText::new("✔ No findings: this stage passes every rule.")
                .color(crate::app::style::FIXED_COLOR),
        );
        return None;
    }
    let height = ui.spacing().interact_size.y;
    list_ui(ui, findings, height, |ui, f, wrap| {
        // The buttons first, the words after them taking the rest of the
        // row: a long finding wraps onto as many lines as it needs.
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(severity_icon(f.severity)).color(severity_color(f.severity)));
            let what = rule_by_id(f.rule).map_or("", |r| r.summary);
            if ui
                .small_button("Why?")
                .on_hover_text(format!("Why this matters: {what}"))
                .clicked()
            {
                clicked = Some(FindingAction::Why(f.rule.to_owned()));
            }
            let fix = ui
                .small_button("Fix")
                .on_hover_text(format!("Select who is involved. {}", f.fix));
            let button = egui::Button::new(f.message.as_str()).frame(false);
            let button = if wrap {
                button.wrap()
            } else {
                button.truncate()
            };
            let response = ui.add(button).on_hover_text(format!("Fix: {}", f.fix));
            if response.clicked() || fix.clicked() {
                clicked = Some(FindingAction::Select(f.members.clone()));
            }
        });
    });
    clicked
}
