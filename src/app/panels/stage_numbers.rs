//! The numbers part of the stage inspector (DESIGN.md "Numbers on seats"):
//! the stage's bookings target, typed as text, and its totals; at a
//! decision, each option's totals beside the others.

use egui::{RichText, Ui};

use crate::app::panels::inspector_action::InspectorAction;
use crate::edit::Edit;
use crate::look::money::totals_line;
use crate::model::{Plan, StageTotals};

/// The target field and the totals of the stage at `index` when the plan
/// has numbers (`totals`: every stage's, as the app keeps them, `None`
/// without numbers); otherwise only a collapsed way in to the target.
pub fn stage_numbers_ui(
    ui: &mut Ui,
    plan: &Plan,
    index: usize,
    totals: Option<&[StageTotals]>,
    out: &mut Vec<InspectorAction>,
) {
    if index >= plan.stages.len() {
        return;
    }
    let currency = &plan.settings.currency;
    let Some(totals) = totals else {
        // A plan without numbers shows none: only a way in.
        egui::CollapsingHeader::new("Numbers")
            .id_salt("stage numbers")
            .show(ui, |ui| {
                target_ui(ui, plan, index, out);
                ui.label(
                    RichText::new(
                        "Give members a cost or a quota (click a card), or the stage a target, \
                         to see what each stage costs and can sell.",
                    )
                    .weak(),
                );
            });
        return;
    };
    let of = |i: usize| totals.get(i).copied().unwrap_or_default();
    ui.label(RichText::new("Numbers").strong());
    target_ui(ui, plan, index, out);
    ui.label(totals_line(&of(index), currency));
    if plan.is_decision(index) {
        ui.label(RichText::new("Its options:").weak());
        for option in plan.followers(index) {
            ui.label(format!(
                "{}: {}",
                plan.option_name(option),
                totals_line(&of(option), currency)
            ));
        }
    }
}

/// The target as text: typing a number sets it, emptying clears it, and
/// what is wrong shows under the field while the text is no amount.
fn target_ui(ui: &mut Ui, plan: &Plan, index: usize, out: &mut Vec<InspectorAction>) {
    let stage = &plan.stages[index];
    let id = ui.make_persistent_id(("stage target", &stage.id));
    let shown = stage
        .target
        .map(|t| crate::io::schema::amount_json(t).to_string())
        .unwrap_or_default();
    let focused = ui.memory(|m| m.has_focus(id));
    let mut text = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_default();
    if !focused {
        // Not being typed into: the stage's value (after undo too).
        text.clone_from(&shown);
    }
    ui.horizontal(|ui| {
        let label = ui.label("Target / year").id;
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .hint_text("e.g. 2400000")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label)
            .on_hover_text("The bookings the stage should carry in a year");
        match crate::io::csv_amount(&text) {
            Ok(target) if response.changed() && target != stage.target => {
                out.push(InspectorAction::Edit {
                    edit: Box::new(Edit::SetStageTarget {
                        id: stage.id.clone(),
                        target,
                    }),
                    merge: Some(format!("stage/{}/target", stage.id)),
                });
            }
            Ok(_) => {}
            Err(why) => {
                ui.label(RichText::new(why).small().color(ui.visuals().warn_fg_color));
            }
        }
        if response.lost_focus() {
            out.push(InspectorAction::Seal);
        }
    });
    ui.data_mut(|d| d.insert_temp(id, text));
}
