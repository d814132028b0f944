//! The desktop app (egui/eframe): a thin layer over the library, in rooms.
//! Views take what they draw and return events; `handle.rs` turns them into
//! [`crate::edit::Edit`]s once a frame. No file here imports one that
//! imports it back.

#[allow(clippy::module_inception)]
mod app;
pub mod canvas;
pub mod command;
pub mod dialogs;
pub mod event;
pub mod files;
mod fonts;
mod handle;
mod icon;
pub mod panels;
pub mod present;
pub mod state;
mod style;
pub mod windows;

use std::path::PathBuf;
use std::process::ExitCode;

pub use crate::document::{Document, new_plan};
pub use app::OrgevoApp;
pub use command::AppCommand;
pub use fonts::install_fonts;

use dialogs::Modal;
use files::pickers::FileDialogs;
use state::settings::{AppSettings, SETTINGS_KEY};

/// Opens the app on `file`; without one, on the file open when the app last
/// closed, else on the bundled example with the start screen over it
/// (`present` alone presents the example); `option` presents the road
/// through that option. A file that cannot be loaded leaves a new plan
/// open, with the error shown in a dialog.
pub fn run(file: Option<PathBuf>, present: bool, option: Option<String>) -> ExitCode {
    // A file is opened once the window shows, with progress for a big one.
    // Without one, the file open last time is; else the bundled example,
    // under the start screen (`--present` alone presents the example).
    let (doc, error) = match &file {
        None => match Document::example() {
            Ok(doc) => (doc, None),
            Err(e) => (
                Document::untitled(),
                Some(format!("the bundled example plan is broken: {e}")),
            ),
        },
        Some(_) => (Document::untitled(), None),
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
            let settings: AppSettings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let last_open = settings.last_open.clone().filter(|p| p.is_file());
            let mut app = OrgevoApp::new(doc, settings, FileDialogs::detect());
            app.present_option(option);
            if let Some(dir) = crate::io::recovery_dir() {
                app.enable_recovery(&dir);
            }
            if let Some(message) = error {
                app.show_error("Could not open the plan", message);
            } else if let Some(path) = file.as_ref().or(last_open.as_ref().filter(|_| !present)) {
                app.open_path(path);
                app.present_when_opened(present);
            } else if present {
                app.start_presenting(&cc.egui_ctx);
            } else if matches!(app.modal(), Modal::None) {
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
