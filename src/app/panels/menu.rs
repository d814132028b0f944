//! The menu bar: File, Edit, View, Help. It reports what was chosen.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::app::command::AppCommand;
use crate::app::event::AppEvent;
use crate::app::state::settings::ThemeChoice;
use crate::app::windows::learn::LEARN_TITLE;
use crate::model::LayoutStyle;

/// What the menus show besides the commands.
pub struct MenuInput<'a> {
    /// File ▸ Open recent, most recent first.
    pub recent: &'a [PathBuf],
    /// "Undo rename member", when there is something to undo.
    pub undo: Option<String>,
    /// "Redo …", when there is something to redo.
    pub redo: Option<String>,
    /// The theme chosen.
    pub theme: ThemeChoice,
    /// The shown stage's layout style.
    pub layout: LayoutStyle,
}

/// Draws the menu bar; what was chosen.
pub fn menu_ui(ui: &mut Ui, input: &MenuInput<'_>) -> Vec<AppEvent> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            commands(ui, &[AppCommand::New, AppCommand::Open], &mut out);
            ui.menu_button("Open recent", |ui| {
                if input.recent.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in input.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(AppEvent::OpenRecent(path.clone()));
                    }
                }
            });
            ui.separator();
            let file = [
                AppCommand::Save,
                AppCommand::SaveAs,
                AppCommand::ImportCsv,
                AppCommand::Export,
            ];
            commands(ui, &file, &mut out);
            ui.separator();
            commands(ui, &[AppCommand::Quit], &mut out);
        });
        ui.menu_button("Edit", |ui| {
            let undo = input.undo.as_ref().map(|l| format!("Undo {l}"));
            let redo = input.redo.as_ref().map(|l| format!("Redo {l}"));
            command_button(ui, AppCommand::Undo, undo, &mut out);
            command_button(ui, AppCommand::Redo, redo, &mut out);
            ui.separator();
            let edit = [
                AppCommand::AddMember,
                AppCommand::Duplicate,
                AppCommand::Delete,
                AppCommand::SelectAll,
            ];
            commands(ui, &edit, &mut out);
            ui.separator();
            commands(ui, &[AppCommand::SuggestResponsibilities], &mut out);
        });
        ui.menu_button("View", |ui| {
            commands(ui, &[AppCommand::TidyUp], &mut out);
            ui.menu_button("Tidy up as", |ui| {
                out.extend(layout_style_choices(ui, input.layout));
            });
            commands(
                ui,
                &[AppCommand::FitView, AppCommand::ZoomToSelection],
                &mut out,
            );
            ui.separator();
            commands(
                ui,
                &[AppCommand::ToggleCompare, AppCommand::Present],
                &mut out,
            );
            ui.separator();
            ui.label("Theme");
            let mut theme = input.theme;
            ui.radio_value(&mut theme, ThemeChoice::System, "Follow system");
            ui.radio_value(&mut theme, ThemeChoice::Dark, "Dark");
            ui.radio_value(&mut theme, ThemeChoice::Light, "Light");
            if theme != input.theme {
                out.push(AppEvent::Theme(theme));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button(LEARN_TITLE).clicked() {
                out.push(AppEvent::ShowLearn);
                ui.close();
            }
            if ui.button("Keyboard shortcuts").clicked() {
                out.push(AppEvent::ShowShortcuts);
                ui.close();
            }
        });
    });
    out
}

fn commands(ui: &mut Ui, commands: &[AppCommand], out: &mut Vec<AppEvent>) {
    for command in commands {
        command_button(ui, *command, None, out);
    }
}

/// A menu entry for `command` with its shortcut, under `label` or the
/// command's own.
fn command_button(
    ui: &mut Ui,
    command: AppCommand,
    label: Option<String>,
    out: &mut Vec<AppEvent>,
) {
    let text = label.unwrap_or_else(|| command.label().to_owned());
    let shortcut = command.shortcut_text(ui.ctx());
    let button = if shortcut.is_empty() {
        egui::Button::new(text)
    } else {
        egui::Button::new(text).shortcut_text(shortcut)
    };
    if ui.add(button).clicked() {
        out.push(AppEvent::Command(command));
        ui.close();
    }
}

/// The layout styles as menu entries, the stage's own checked; the one
/// chosen, as an event.
pub fn layout_style_choices(ui: &mut Ui, current: LayoutStyle) -> Option<AppEvent> {
    let mut chosen = None;
    for style in LayoutStyle::ALL {
        let button = egui::Button::selectable(style == current, style.label());
        if ui.add(button).on_hover_text(style.explanation()).clicked() {
            chosen = Some(AppEvent::TidyUpIn(style));
            ui.close();
        }
    }
    chosen
}
