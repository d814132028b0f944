//! The toolbar under the menu: the plan's title and the everyday commands.

use egui::{RichText, Ui};

use crate::app::command::AppCommand;
use crate::app::event::AppEvent;
use crate::app::panels::menu::layout_style_choices;
use crate::model::LayoutStyle;

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

/// What the toolbar knows of the app.
pub struct ToolbarInput<'a> {
    /// The plan's title.
    pub title: &'a str,
    /// Whether there is something to undo.
    pub can_undo: bool,
    /// Whether there is something to redo.
    pub can_redo: bool,
    /// The shown stage's layout style.
    pub layout: LayoutStyle,
}

/// Draws the toolbar; what was clicked, if anything. Undo and Redo are
/// greyed out when there is nothing to undo or redo; beside Tidy up, a
/// menu of the layout styles.
pub fn toolbar_ui(ui: &mut Ui, input: &ToolbarInput<'_>) -> Option<AppEvent> {
    let ToolbarInput {
        title,
        can_undo,
        can_redo,
        layout,
    } = *input;
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
                clicked = Some(AppEvent::Command(command));
            }
            if command == AppCommand::TidyUp {
                let styles = ui.menu_button(format!("{} ⏷", layout.label()), |ui| {
                    layout_style_choices(ui, layout)
                });
                styles
                    .response
                    .on_hover_text("Layout style: how Tidy up arranges this stage");
                if let Some(Some(event)) = styles.inner {
                    clicked = Some(event);
                }
            }
        }
    });
    clicked
}
