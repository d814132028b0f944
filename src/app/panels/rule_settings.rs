//! The plan's rule settings in the inspector: the two thresholds and, for
//! every rule, its default severity and a picker that overrides it.

use egui::{RichText, Ui};

use crate::app::panels::inspector_action::InspectorAction;
use crate::app::style::{severity_color, severity_icon};
use crate::edit::Edit;
use crate::model::{RuleLevel, Settings};
use crate::rules::{RULES, RuleFamily, Severity};

/// Shows the thresholds and the Rules section; pushes a `SetSettings` edit
/// when anything changes.
pub fn rule_settings_ui(ui: &mut Ui, settings: &Settings, out: &mut Vec<InspectorAction>) {
    let mut next = settings.clone();
    egui::Grid::new("rule-thresholds")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label_id = ui
                .label("Max direct reports")
                .on_hover_text("More direct reports than this is a span-of-control warning")
                .id;
            ui.add(egui::DragValue::new(&mut next.max_direct_reports).range(1..=500))
                .labelled_by(label_id);
            ui.end_row();
            let label_id = ui
                .label("Founder overload after")
                .on_hover_text(
                    "An owner who leads and manages more direct reports than this is a \
                     founder-overload warning",
                )
                .id;
            ui.add(egui::DragValue::new(&mut next.founder_overload_reports).range(1..=500))
                .labelled_by(label_id);
            ui.end_row();
        });
    let overrides = settings.rules.len();
    let title = if overrides == 0 {
        "Rules".to_owned()
    } else {
        format!("Rules ({overrides} changed)")
    };
    egui::CollapsingHeader::new(title)
        .id_salt("rule-settings")
        .show(ui, |ui| {
            ui.label(
                RichText::new(
                    "Each rule's default severity, and what this plan makes of it. Errors make \
                     `orgevo check` fail; Off hides the rule's findings everywhere.",
                )
                .weak(),
            );
            egui::Grid::new("rule-levels")
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    for family in [
                        RuleFamily::Marketing,
                        RuleFamily::Structure,
                        RuleFamily::StageShape,
                        RuleFamily::AcrossStages,
                        RuleFamily::Numbers,
                    ] {
                        ui.label(RichText::new(family.label()).strong());
                        ui.end_row();
                        for rule in RULES.iter().filter(|r| r.family == family) {
                            rule_row_ui(ui, rule.id, rule.summary, rule.severity, &mut next);
                            ui.end_row();
                        }
                    }
                });
            if overrides > 0 && ui.button("Reset all rules to their defaults").clicked() {
                next.rules.clear();
            }
        });
    if next != *settings {
        out.push(InspectorAction::Edit {
            edit: Box::new(Edit::SetSettings(Box::new(next))),
            merge: None,
        });
    }
}

/// One rule: its id (the summary on hover) and the level picker.
fn rule_row_ui(
    ui: &mut Ui,
    id: &'static str,
    summary: &str,
    default: Severity,
    settings: &mut Settings,
) {
    let current = settings.rules.get(id).copied();
    // Users read what the rule checks; its id (for files and the command
    // line) is on hover.
    let label = ui
        .add(egui::Label::new(summary).wrap())
        .on_hover_text(format!("{id} in the plan file and on the command line"));
    let shown = match current {
        None => format!("{} {} (default)", severity_icon(default), default.id()),
        Some(RuleLevel::Off) => "off".to_owned(),
        Some(level) => match Severity::from_level(level) {
            Some(severity) => format!("{} {}", severity_icon(severity), level.id()),
            None => level.id().to_owned(),
        },
    };
    let color = match current {
        None => ui.visuals().weak_text_color(),
        Some(level) => {
            Severity::from_level(level).map_or(ui.visuals().weak_text_color(), severity_color)
        }
    };
    let mut choice = current;
    egui::ComboBox::from_id_salt(("rule-level", id))
        .selected_text(RichText::new(shown).color(color))
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut choice, None, format!("Default ({})", default.id()));
            for level in RuleLevel::ALL {
                ui.selectable_value(&mut choice, Some(*level), level.label());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(format!("Severity: {summary}"));
    if choice != current {
        match choice {
            // Choosing the default level explicitly is the same as no override.
            Some(level) if Severity::from_level(level) == Some(default) => {
                settings.rules.remove(id);
            }
            Some(level) => {
                settings.rules.insert(id.to_owned(), level);
            }
            None => {
                settings.rules.remove(id);
            }
        }
    }
}
