//! The toolbar under the menu: the plan's title and the everyday commands.

use egui::{RichText, Ui};

use crate::app::command::AppCommand;

/// The toolbar's buttons, in order, with their icons.
const BUTTONS: [(AppCommand, &str); 8] = [
    (AppCommand::AddMember, "➕ Add member"),
    (AppCommand::TidyUp, "🌳 Tidy up"),
    (AppCommand::FitView, "⛶ Fit"),
    (AppCommand::ZoomToSelection, "🔍 Selection"),
    (AppCommand::Undo, "⟲ Undo"),
    (AppCommand::Redo, "⟳ Redo"),
    (AppCommand::ToggleCompare, "⇆ Compare"),
    (AppCommand::Present, "▶ Present"),
];

/// Draws the toolbar; the command clicked, if any. Undo and Redo are
/// greyed out when there is nothing to undo or redo.
pub fn toolbar_ui(ui: &mut Ui, title: &str, can_undo: bool, can_redo: bool) -> Option<AppCommand> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).strong());
        ui.separator();
        for (command, icon) in BUTTONS {
            let enabled = match command {
                AppCommand::Undo => can_undo,
                AppCommand::Redo => can_redo,
                _ => true,
            };
            let hover = format!("{} ({})", command.label(), command.shortcut_text(ui.ctx()));
            if ui
                .add_enabled(enabled, egui::Button::new(icon))
                .on_hover_text(hover)
                .clicked()
            {
                clicked = Some(command);
            }
        }
    });
    clicked
}
