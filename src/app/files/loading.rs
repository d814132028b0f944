//! The progress dialog of a plan being opened (the opening itself is the
//! library's [`Opening`]): how far it got, and Cancel.

use std::time::Duration;

use egui::{Id, RichText};

use crate::document::Opening;

/// Shows how far opening got; `true` when the user cancelled.
pub fn opening_ui(ctx: &egui::Context, opening: &Opening) -> bool {
    let mut cancel = false;
    let name = opening.file_name();
    let (read, size) = opening.progress();
    egui::Modal::new(Id::unique("loading-dialog")).show(ctx, |ui| {
        ui.set_min_width(380.0);
        ui.heading(format!("Opening {name}"));
        ui.add_space(6.0);
        if size > 0 && read < size {
            let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
            ui.add(
                egui::ProgressBar::new(read as f32 / size as f32).text(format!(
                    "Reading {:.0} of {:.0} MB",
                    mib(read),
                    mib(size)
                )),
            );
        } else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Checking the plan…");
            });
        }
        ui.add_space(4.0);
        ui.label(RichText::new("The open plan stays as it is until this one is ready.").weak());
        ui.add_space(8.0);
        if ui.button("Cancel opening").clicked() {
            cancel = true;
        }
    });
    ctx.request_repaint_after(Duration::from_millis(50));
    cancel
}
