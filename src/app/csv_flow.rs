//! Importing a people list: choosing the file, and turning the Import
//! dialog's answer into a new plan or a new stage (one undoable edit).

use std::path::Path;

use super::csv_dialog::CsvDialog;
use super::dialogs::{Modal, PathPurpose, Pending};
use super::files::Picked;
use super::orgevo_app::OrgevoApp;
use crate::edit::suggest::apply_suggestions;
use crate::edit::{Edit, free_stage_id};
use crate::io::stage_id;
use crate::model::Plan;

impl OrgevoApp {
    /// File ▸ Import CSV…: asks for the file.
    pub(super) fn choose_csv(&mut self) {
        let start = self.doc.path().map(|p| p.to_path_buf());
        match self
            .dialogs
            .pick_open_with(start.as_ref(), "People list (CSV)", "csv")
        {
            Picked::Path(path) => self.read_csv(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let folder = std::env::current_dir().unwrap_or_default();
                self.modal = Modal::PathPrompt {
                    purpose: PathPurpose::ImportCsv,
                    text: format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
                };
            }
        }
    }

    /// Reads `path` and shows the Import dialog (the people are read on a
    /// worker).
    pub fn read_csv(&mut self, path: &Path) {
        let dialog = match crate::io::read_limited(path) {
            Ok(bytes) => CsvDialog::new(path.to_path_buf(), bytes, None),
            Err(e) => CsvDialog::unreadable(path.to_path_buf(), e.to_string()),
        };
        self.modal = Modal::ImportCsv(Box::new(dialog));
    }

    /// Imports as the dialog says.
    pub(super) fn import_from(&mut self, ctx: &egui::Context, dialog: CsvDialog) {
        let Ok(read) = dialog.read else {
            return;
        };
        let name = match dialog.stage_name.trim() {
            "" => "Today".to_owned(),
            name => name.to_owned(),
        };
        let mut stage = read.stage;
        for (id, function) in &dialog.chosen {
            if let Some(member) = stage.member_mut(id) {
                member.function = *function;
            }
        }
        if dialog.suggest_tags {
            apply_suggestions(&mut stage);
        }
        stage.kind = dialog.kind;
        stage.name = name.clone();
        let base = stage_id(&name);
        if dialog.as_stage {
            stage.id = free_stage_id(self.doc.plan(), &base);
            let id = stage.id.clone();
            let edit = Edit::AddStage {
                index: self.view.stage_index + 1,
                stage: Box::new(stage),
            };
            if self.apply(&edit)
                && let Some(index) = self.doc.plan().stage_position(&id)
            {
                self.set_stage(index);
            }
        } else {
            stage.id = base;
            let title = match dialog.title.trim() {
                "" => "Sales organisation".to_owned(),
                title => title.to_owned(),
            };
            let mut plan = Plan::new(title.clone());
            plan.stages.push(stage);
            self.request(ctx, Pending::Imported(Box::new(plan), title));
        }
    }
}
