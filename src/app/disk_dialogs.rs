//! Dialogs about the files behind the document: a file another program
//! changed.

use std::path::Path;

use egui::{Id, RichText};

use super::dialogs::{ModalAnswer, Pending};
use crate::io::backup_path;

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
    if modal.should_close() && answer.is_none() {
        answer = Some(ModalAnswer::Dismiss);
    }
    answer
}
