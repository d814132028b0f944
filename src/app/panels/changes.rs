//! The changes panel: the diff of the current stage against the previous one.

use egui::{RichText, Ui};

use crate::app::panels::long_list::list_ui;
use crate::app::style::{FIXED_COLOR, HAND_OVER_COLOR, LOST_COLOR};
use crate::diff::{ChangeRow, StageDiff, Tone};

/// Lists the changes; the "show removed" box toggles the faded ghosts on
/// the canvas: its new value when the user changed it.
pub fn changes_ui(
    ui: &mut Ui,
    diff: Option<&StageDiff>,
    rows: &[ChangeRow],
    previous: Option<&str>,
    show_removed: bool,
) -> Option<bool> {
    let mut show = show_removed;
    changes_list_ui(ui, diff, rows, previous, &mut show);
    (show != show_removed).then_some(show)
}

fn changes_list_ui(
    ui: &mut Ui,
    diff: Option<&StageDiff>,
    rows: &[ChangeRow],
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
    list_ui(ui, rows, height, |ui, row, wrap| match row {
        ChangeRow::Heading(group, n) => {
            ui.label(RichText::new(format!("{} ({n})", group.label())).strong());
        }
        ChangeRow::Line(line) => {
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                let label = egui::Label::new(RichText::new(&line.text).color(color(line.tone, ui)));
                ui.add(if wrap { label.wrap() } else { label.truncate() });
            });
        }
    });
}

fn color(tone: Tone, ui: &Ui) -> egui::Color32 {
    match tone {
        Tone::Gained => FIXED_COLOR,
        Tone::Lost => LOST_COLOR,
        Tone::HandedOver => HAND_OVER_COLOR,
        Tone::Plain => ui.visuals().text_color(),
    }
}
