//! The desktop app (egui/eframe): a thin layer over the library.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::EXIT_LOAD_ERROR;
use crate::io::{BUNDLED_EXAMPLE, BUNDLED_EXAMPLE_NAME, load_plan, plan_from_str};
use crate::model::Plan;

/// The orgevo window.
pub struct OrgevoApp {
    plan: Plan,
    file_name: String,
}

impl OrgevoApp {
    /// An app showing `plan`, titled with `file_name`.
    pub fn new(plan: Plan, file_name: String) -> Self {
        Self { plan, file_name }
    }

    /// The open plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }
}

impl eframe::App for OrgevoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.plan.title);
            ui.label(&self.file_name);
            ui.separator();
            for stage in &self.plan.stages {
                ui.label(format!(
                    "{} ({}, {}): {} members",
                    stage.name,
                    stage.kind.label(),
                    stage.when,
                    stage.member_count()
                ));
            }
        });
    }
}

/// Opens the app on `file`, or on the bundled example plan.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let (plan, name) = match &file {
        Some(path) => match load_plan(path) {
            Ok(plan) => (plan, path.display().to_string()),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(EXIT_LOAD_ERROR);
            }
        },
        None => match plan_from_str(BUNDLED_EXAMPLE) {
            Ok(plan) => (plan, BUNDLED_EXAMPLE_NAME.to_owned()),
            Err(e) => {
                eprintln!("error: the bundled example plan is broken: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let title = format!("{name} — orgevo");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "orgevo",
        options,
        Box::new(|_cc| Ok(Box::new(OrgevoApp::new(plan, name)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
