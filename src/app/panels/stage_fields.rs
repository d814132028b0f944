//! The stage part of the plan inspector: name, when, kind and notes, and,
//! on an option's first stage, the option's name.

use egui::{RichText, Ui};

use crate::app::panels::inspector_action::InspectorAction;
use crate::edit::Edit;
use crate::model::{Plan, Stage, StageKind};

/// The stage's name, kind, when and notes.
pub fn stage_ui(
    ui: &mut Ui,
    plan: &Plan,
    stage: &Stage,
    totals: Option<&[crate::model::StageTotals]>,
    out: &mut Vec<InspectorAction>,
) {
    ui.heading("Stage");
    let (mut name, mut kind, mut when, mut notes) = (
        stage.name.clone(),
        stage.kind,
        stage.when.clone(),
        stage.notes.clone(),
    );
    let mut changed: Option<&str> = None;
    let mut sealed = false;
    egui::Grid::new("stage-fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (field, label) in [("name", "Stage name"), ("when", "When")] {
                let label_id = ui.label(label).id;
                let text = if field == "name" {
                    &mut name
                } else {
                    &mut when
                };
                let response = ui
                    .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                    .labelled_by(label_id);
                if response.changed() {
                    changed = Some(field);
                }
                sealed |= response.lost_focus();
                ui.end_row();
            }
            let label_id = ui.label("Kind").id;
            egui::ComboBox::from_id_salt("stage-kind")
                .selected_text(kind.label())
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    for k in StageKind::ALL {
                        if ui.selectable_value(&mut kind, *k, k.label()).changed() {
                            changed = Some("kind");
                        }
                    }
                })
                .response
                .labelled_by(label_id);
            ui.end_row();
        });
    let label_id = ui.label("Stage notes").id;
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label_id);
    if response.changed() {
        changed = Some("notes");
    }
    sealed |= response.lost_focus();
    if let Some(field) = changed {
        out.push(InspectorAction::Edit {
            edit: Box::new(Edit::SetStageInfo {
                id: stage.id.clone(),
                name,
                kind,
                when,
                notes,
            }),
            merge: (field != "kind").then(|| format!("stage/{}/{field}", stage.id)),
        });
    }
    if sealed {
        out.push(InspectorAction::Seal);
    }
    option_ui(ui, plan, stage, out);
    if let Some(index) = plan.stage_position(&stage.id) {
        crate::app::panels::stage_numbers::stage_numbers_ui(ui, plan, index, totals, out);
    }
    ui.label(
        RichText::new(format!(
            "{}, {}",
            crate::look::count(stage.member_count(), "member"),
            crate::look::count(stage.link_count(), "line")
        ))
        .weak(),
    );
}

/// The option's name, on the first stage of an option (a follower of a
/// decision): typing renames it, emptying it goes back to "Option A", ….
fn option_ui(ui: &mut Ui, plan: &Plan, stage: &Stage, out: &mut Vec<InspectorAction>) {
    let Some(index) = plan.stage_position(&stage.id) else {
        return;
    };
    let Some(decision) = plan.parent(index).filter(|p| plan.followers(*p).len() > 1) else {
        return;
    };
    ui.horizontal(|ui| {
        let label_id = ui.label("Option name").id;
        let mut name = stage.option.clone().unwrap_or_default();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .hint_text(plan.option_name(index))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label_id)
            .on_hover_text(format!(
                "This stage starts an option after {}",
                plan.stages[decision].name
            ));
        if response.changed() {
            let option = (!name.trim().is_empty()).then_some(name);
            out.push(InspectorAction::Edit {
                edit: Box::new(Edit::SetStageOption {
                    id: stage.id.clone(),
                    option,
                }),
                merge: Some(format!("stage/{}/option", stage.id)),
            });
        }
        if response.lost_focus() {
            out.push(InspectorAction::Seal);
        }
    });
}
