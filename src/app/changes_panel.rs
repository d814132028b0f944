//! The changes panel: the diff of the current stage against the previous one.

use egui::{RichText, Ui};

use crate::diff::{Change, StageDiff};

/// Lists the changes; `show_removed` toggles the faded ghosts on the canvas.
pub fn changes_ui(
    ui: &mut Ui,
    diff: Option<&StageDiff>,
    previous: Option<&str>,
    show_removed: &mut bool,
) {
    let Some(diff) = diff else {
        let text = match previous {
            Some(name) => format!("Working out the changes since {name}…"),
            None => "This is the first stage: nothing to compare it with.".to_owned(),
        };
        ui.label(RichText::new(text).weak());
        return;
    };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} since {}",
                crate::look::count(diff.changes.len(), "change"),
                previous.unwrap_or("the previous stage")
            ))
            .weak(),
        );
        ui.checkbox(show_removed, "Show removed members");
    });
    let area = egui::ScrollArea::vertical().auto_shrink([false, true]);
    if diff.changes.len() <= super::findings_panel::LONG_LIST {
        area.show(ui, |ui| {
            for change in &diff.changes {
                ui.label(RichText::new(change.text()).color(color(change, ui)));
            }
        });
    } else {
        // A big stage's list: only the rows in view are laid out, one line
        // each (the full text shows on hover).
        let height = ui.text_style_height(&egui::TextStyle::Body);
        area.show_rows(ui, height, diff.changes.len(), |ui, range| {
            for change in &diff.changes[range] {
                let text = RichText::new(change.text()).color(color(change, ui));
                ui.add(egui::Label::new(text).truncate());
            }
        });
    }
}

fn color(change: &Change, ui: &Ui) -> egui::Color32 {
    match change {
        Change::Added { .. } | Change::FindingFixed { .. } => super::style::FIXED_COLOR,
        Change::Removed { .. } | Change::FindingIntroduced { .. } => {
            egui::Color32::from_rgb(0xe0, 0x5a, 0x4f)
        }
        Change::HandOver { .. } | Change::RoleMerge { .. } => {
            egui::Color32::from_rgb(0xd0, 0x8a, 0x20)
        }
        _ => ui.visuals().text_color(),
    }
}
