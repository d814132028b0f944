//! Dialogs about the files behind the document: a file another program
//! changed, and copies of plans from an app that ended without saving.

use std::path::Path;

use egui::{Id, RichText};

use crate::app::dialogs::answer::{ModalAnswer, Pending};
use crate::app::dialogs::closing::answer_or;
use crate::io::{RecoveryCopy, backup_path};

/// Saving would overwrite a file another program changed since orgevo read
/// or wrote it: overwrite it (its version is kept as `.bak`), save under
/// another name, or reload it.
pub(super) fn changed_on_disk_ui(
    ctx: &egui::Context,
    path: &Path,
    then: &Option<Pending>,
) -> Option<ModalAnswer> {
    let mut answer = None;
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let modal = egui::Modal::new(Id::unique("changed-on-disk-dialog")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("The file changed on disk");
        ui.add_space(6.0);
        ui.label(format!(
            "Another program changed {} since orgevo opened or last saved it.",
            name(path)
        ));
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!(
                "Overwrite keeps the other version as {}. Reload opens what is on disk and \
                 drops your unsaved changes.",
                name(&backup_path(path))
            ))
            .weak(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Overwrite").clicked() {
                answer = Some(ModalAnswer::Overwrite(path.to_owned(), then.clone()));
            }
            if ui.button("Save as…").clicked() {
                answer = Some(ModalAnswer::SaveElsewhere(then.clone()));
            }
            if ui.button("Reload from disk").clicked() {
                answer = Some(ModalAnswer::Reload(path.to_owned()));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(ModalAnswer::Dismiss);
            }
        });
    });
    answer_or(&modal, answer, ModalAnswer::Dismiss)
}

/// Copies of unsaved plans whose app ended without a clean exit: restore
/// or discard each; "Decide later" keeps them for the next start.
pub(super) fn recover_ui(ctx: &egui::Context, copies: &[RecoveryCopy]) -> Option<ModalAnswer> {
    let mut answer = None;
    let rest = |i: usize| {
        let mut rest = copies.to_vec();
        let copy = rest.remove(i);
        (copy, rest)
    };
    let modal = egui::Modal::new(Id::unique("recover-dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Restore unsaved work?");
        ui.add_space(6.0);
        ui.label(
            "orgevo ended without saving these plans. Their last copies were kept; \
             restore one to carry on where you were.",
        );
        ui.add_space(8.0);
        for (i, copy) in copies.iter().enumerate() {
            ui.group(|ui| {
                ui.strong(&copy.info.name);
                let file = match &copy.info.file {
                    Some(file) => file.display().to_string(),
                    None => "never saved to a file".to_owned(),
                };
                ui.label(RichText::new(file).weak());
                ui.label(format!("Copy saved {}", ago(copy.age().as_secs())));
                ui.horizontal(|ui| {
                    if ui.button(format!("Restore {}", copy.info.name)).clicked() {
                        let (copy, rest) = rest(i);
                        answer = Some(ModalAnswer::Restore(copy, rest));
                    }
                    if ui.button(format!("Discard {}", copy.info.name)).clicked() {
                        let (copy, rest) = rest(i);
                        answer = Some(ModalAnswer::DiscardCopy(copy, rest));
                    }
                });
            });
        }
        ui.add_space(8.0);
        if ui.button("Decide later").clicked() {
            answer = Some(ModalAnswer::Dismiss);
        }
    });
    answer_or(&modal, answer, ModalAnswer::Dismiss)
}

/// "just now", "3 minutes ago", "2 hours ago", "4 days ago".
fn ago(seconds: u64) -> String {
    let (n, unit) = match seconds {
        0..60 => return "just now".to_owned(),
        60..3_600 => (seconds / 60, "minute"),
        3_600..86_400 => (seconds / 3_600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{} ago", crate::look::count(n as usize, unit))
}
