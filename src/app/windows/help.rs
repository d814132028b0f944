//! The keyboard-shortcuts window (Help menu).

use egui::RichText;

use crate::app::command::AppCommand;

/// Every command with its shortcut, then the canvas gestures.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for command in AppCommand::READING_ORDER {
                        ui.label(command.label());
                        ui.label(RichText::new(command.shortcut_text(ctx)).monospace());
                        ui.end_row();
                    }
                });
            ui.separator();
            ui.label(RichText::new("On the canvas").strong());
            for line in [
                "Drag the background or scroll to pan; Ctrl+scroll or pinch to zoom",
                "Click a card to select it; Shift+click to add or remove",
                "Shift+drag on the background to select with a rubber band",
                "Drag cards to move them; drop a card on another to change its manager",
                "Drag a card's round handle onto another card for a collaboration line",
                "Double-click empty canvas to add a member; right-click a card for more",
                "In present mode: → / Space / PageDown next, ← / PageUp back, Esc leave",
            ] {
                ui.label(line);
            }
        });
}
