//! The find bar (Ctrl+F) above the canvas: a field, Previous, Next, where
//! the last step landed, Close. Finding itself is the library's
//! ([`crate::document::Find`]).

use egui::{RichText, Ui};

use crate::app::state::view::FindBar;

/// What the find bar asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindAction {
    /// Show the hit this many places on (1 next, -1 back).
    Step(isize),
    /// Close the bar.
    Close,
}

/// Draws the find bar; what the user asked for, if anything.
pub fn find_bar_ui(ui: &mut Ui, bar: &mut FindBar) -> Option<FindAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.label("Find").id;
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut bar.find.text)
                    .hint_text("name, title or tag")
                    .desired_width(240.0),
            )
            .labelled_by(label);
        if std::mem::take(&mut bar.focus) {
            field.request_focus();
        }
        if field.changed() {
            bar.find.edited();
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            action = Some(FindAction::Step(if back { -1 } else { 1 }));
            field.request_focus();
        }
        if field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(FindAction::Close);
        }
        if ui.button("Previous").clicked() {
            action = Some(FindAction::Step(-1));
        }
        if ui.button("Next").clicked() {
            action = Some(FindAction::Step(1));
        }
        ui.label(RichText::new(bar.find.status()).weak());
        if ui.button("Close").clicked() {
            action = Some(FindAction::Close);
        }
    });
    action
}
