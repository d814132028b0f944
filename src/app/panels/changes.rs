//! The changes panel: the diff of the current stage against the previous one.

use egui::{RichText, Ui};

use crate::app::panels::long_list::list_ui;
use crate::app::style::{FIXED_COLOR, HAND_OVER_COLOR, LOST_COLOR};
use crate::diff::{Change, StageDiff};

/// Lists the changes; the "show removed" box toggles the faded ghosts on
/// the canvas: its new value when the user changed it.
pub fn changes_ui(
    ui: &mut Ui,
    diff: Option<&StageDiff>,
    previous: Option<&str>,
    show_removed: bool,
) -> Option<bool> {
    let mut show = show_removed;
    changes_list_ui(ui, diff, previous, &mut show);
    (show != show_removed).then_some(show)
}

fn changes_list_ui(
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
    let height = ui.text_style_height(&egui::TextStyle::Body);
    list_ui(ui, &diff.changes, height, |ui, change, wrap| {
        let label = egui::Label::new(RichText::new(change.text()).color(color(change, ui)));
        ui.add(if wrap { label.wrap() } else { label.truncate() });
    });
}

fn color(change: &Change, ui: &Ui) -> egui::Color32 {
    match change {
        Change::Added { .. } | Change::FindingFixed { .. } => FIXED_COLOR,
        Change::Removed { .. } | Change::FindingIntroduced { .. } => LOST_COLOR,
        Change::HandOver { .. } | Change::RoleMerge { .. } => HAND_OVER_COLOR,
        _ => ui.visuals().text_color(),
    }
}
