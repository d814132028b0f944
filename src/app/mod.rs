//! The desktop app (egui/eframe): a thin layer over the library. Views
//! report events; the app turns them into [`crate::edit::Edit`]s.

mod app_ui;
mod autosave;
mod background;
mod batch;
pub mod canvas;
mod canvas_gestures;
pub mod card;
mod card_parts;
mod changes_panel;
pub mod command;
pub mod compare;
pub mod csv_dialog;
mod csv_flow;
pub mod dialogs;
mod disk_dialogs;
pub mod document;
pub mod export_dialog;
mod file_flow;
pub mod files;
mod findings_panel;
pub mod folding;
mod fonts;
mod help;
mod icon;
pub mod inspector;
mod learn;
mod loading;
mod long_list;
mod number_fields;
mod orgevo_app;
pub mod present;
mod queries;
mod recovery_flow;
pub mod rule_settings;
pub mod search;
mod selection;
mod stage_lines;
mod start;
pub mod state;
mod style;
mod suggest_dialog;
pub mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

pub use command::AppCommand;
pub use document::Document;
pub use file_flow::new_plan;
pub use fonts::install_fonts;
pub use orgevo_app::OrgevoApp;

use crate::io::{BUNDLED_EXAMPLE, BUNDLED_EXAMPLE_NAME, plan_from_str};
use files::FileDialogs;
use state::{AppSettings, SETTINGS_KEY};

/// Opens the app on `file`; without one, on the file open when the app last
/// closed, else on the bundled example with the start screen over it
/// (`present` alone presents the example). A file that cannot be loaded leaves a new plan open, with the
/// error shown in a dialog.
pub fn run(file: Option<PathBuf>, present: bool) -> ExitCode {
    // A file is opened once the window shows, with progress for a big one.
    // Without one, the file open last time is; else the bundled example,
    // under the start screen (`--present` alone presents the example).
    let (doc, error) = match &file {
        None => match plan_from_str(BUNDLED_EXAMPLE) {
            Ok(plan) => (Document::new(plan, None, BUNDLED_EXAMPLE_NAME), None),
            Err(e) => (
                Document::new(new_plan(), None, "Untitled"),
                Some(format!("the bundled example plan is broken: {e}")),
            ),
        },
        Some(_) => (Document::new(new_plan(), None, "Untitled"), None),
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("orgevo")
        .with_app_id("orgevo")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Some(icon) = icon::window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "orgevo",
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let settings: AppSettings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let last_open = settings.last_open.clone().filter(|p| p.is_file());
            let mut app = OrgevoApp::new(doc, settings, FileDialogs::detect());
            if let Some(dir) = crate::io::recovery_dir() {
                app.enable_recovery(&dir);
            }
            if let Some(message) = error {
                app.show_error("Could not open the plan", message);
            } else if let Some(path) = file.as_ref().or(last_open.as_ref().filter(|_| !present)) {
                app.open_path(path);
                app.present_on_open = present;
            } else if present {
                app.start_presenting(&cc.egui_ctx);
            } else if matches!(app.modal(), dialogs::Modal::None) {
                app.show_start_screen();
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
