//! The inspector: edits the selected member (or the plan when nothing is
//! selected). It reports edits; the app applies them through the history.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::app::panels::inspector_action::InspectorAction;
use crate::app::panels::number_fields::{NumberDrafts, NumberField};
use crate::app::style::{family_color, severity_icon};
use crate::edit::{Edit, reports_to};
use crate::look::names::MemberLabels;
use crate::model::{Function, Link, LinkKind, Member, Plan, Responsibility, Stage, Tag, TagFamily};
use crate::rules::Finding;

/// Inspector state between frames (the text of the new-tag field).
#[derive(Default, Debug)]
pub struct Inspector {
    new_tag: String,
    focus_name: bool,
    numbers: NumberDrafts,
}

impl Inspector {
    /// Puts the keyboard focus in the Name field on the next frame (after
    /// adding a member, so the user can type its name straight away).
    pub fn focus_name(&mut self) {
        self.focus_name = true;
    }

    /// Shows the inspector for the selection in `stage`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        plan: &Plan,
        stage: &Stage,
        selection: &BTreeSet<String>,
        findings: &[Finding],
        totals: Option<&[crate::model::StageTotals]>,
    ) -> Vec<InspectorAction> {
        let mut out = Vec::new();
        let selected: Vec<&Member> = selection.iter().filter_map(|id| stage.member(id)).collect();
        match selected.as_slice() {
            [] => plan_ui(ui, plan, stage, totals, &mut out),
            [member] => {
                let ramp = plan.settings.ramp_months;
                self.member_ui(ui, stage, member, findings, ramp, &mut out);
            }
            several => {
                ui.heading(format!("{} members selected", several.len()));
                ui.horizontal(|ui| {
                    if ui.button("Duplicate").clicked() {
                        out.push(InspectorAction::DuplicateSelection);
                    }
                    if ui.button("Delete").clicked() {
                        out.push(InspectorAction::DeleteSelection);
                    }
                });
                ui.separator();
                const LISTED: usize = 40;
                for m in several.iter().take(LISTED) {
                    if ui.link(m.display_name()).clicked() {
                        out.push(InspectorAction::Select(m.id.clone()));
                    }
                }
                if several.len() > LISTED {
                    ui.label(RichText::new(format!("and {} more", several.len() - LISTED)).weak());
                }
            }
        }
        out
    }

    fn member_ui(
        &mut self,
        ui: &mut Ui,
        stage: &Stage,
        member: &Member,
        findings: &[Finding],
        ramp_months: u32,
        out: &mut Vec<InspectorAction>,
    ) {
        let mut m = member.clone();
        let key = |field: &str| format!("{}/{}/{field}", stage.id, member.id);
        let update = |m: &Member, merge: Option<String>| InspectorAction::Edit {
            edit: Box::new(Edit::UpdateMember {
                stage: stage.id.clone(),
                member: m.clone(),
            }),
            merge,
        };
        ui.heading(member.display_name());
        ui.label(RichText::new(format!("id: {}", member.id)).weak().small());
        ui.add_space(4.0);

        egui::Grid::new("member-fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                for (field, label) in [("name", "Name"), ("title", "Title")] {
                    let label_id = ui.label(label).id;
                    let text = if field == "name" {
                        &mut m.name
                    } else {
                        &mut m.title
                    };
                    let mut output = egui::TextEdit::singleline(text)
                        .desired_width(f32::INFINITY)
                        .show(ui);
                    let response = output.response.response.clone().labelled_by(label_id);
                    if field == "name" && std::mem::take(&mut self.focus_name) {
                        // A new member's placeholder name is selected, so
                        // typing replaces it.
                        response.request_focus();
                        let all = egui::text::CCursorRange::select_all(&output.galley);
                        output.state.cursor.set_char_range(Some(all));
                        output.state.store(ui.ctx(), response.id);
                    }
                    if response.changed() {
                        out.push(update(&m, Some(key(field))));
                    }
                    if response.lost_focus() {
                        out.push(if field == "name" {
                            InspectorAction::Named {
                                stage: stage.id.clone(),
                                member: member.id.clone(),
                            }
                        } else {
                            InspectorAction::Seal
                        });
                    }
                    ui.end_row();
                }
                let label_id = ui.label("Function").id;
                let before = m.function;
                egui::ComboBox::from_id_salt("function")
                    .selected_text(m.function.label())
                    .width(ui.available_width())
                    .show_ui(ui, |ui| {
                        for f in Function::ALL {
                            ui.selectable_value(&mut m.function, *f, f.label());
                        }
                    })
                    .response
                    .labelled_by(label_id);
                if m.function != before {
                    out.push(update(&m, None));
                }
                ui.end_row();
                if let Some(reads_as) = title_suggests(&m) {
                    ui.label("");
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new(format!(
                                "The title reads as {}.",
                                reads_as.label().to_lowercase()
                            ))
                            .weak(),
                        );
                        if ui
                            .button(format!("Make it {}", reads_as.label()))
                            .on_hover_text("Set the function the title suggests")
                            .clicked()
                        {
                            m.function = reads_as;
                            out.push(update(&m, None));
                        }
                    });
                    ui.end_row();
                }
                ui.label("");
                if ui.checkbox(&mut m.planned, "Planned hire").changed() {
                    out.push(update(&m, None));
                }
                ui.end_row();
                for field in NumberField::ALL {
                    let (changed, response) = self.numbers.field_ui(ui, &stage.id, &mut m, field);
                    if changed {
                        out.push(update(&m, Some(key(field.label()))));
                    }
                    if response.lost_focus() {
                        out.push(InspectorAction::Seal);
                    }
                }
            });
        if let Some(line) = ramp_line(stage, &m, ramp_months) {
            ui.label(RichText::new(line).weak());
        }

        ui.separator();
        for family in [TagFamily::Leadership, TagFamily::Management] {
            ui.label(
                RichText::new(family_title(family))
                    .strong()
                    .color(family_color(family)),
            );
            ui.horizontal_wrapped(|ui| {
                for r in Responsibility::ALL
                    .into_iter()
                    .filter(|r| r.family() == family)
                {
                    let tag = Tag::Core(r);
                    let mut on = m.has_tag(&tag);
                    if ui
                        .toggle_value(&mut on, r.label())
                        .on_hover_text(r.id())
                        .changed()
                    {
                        toggle(&mut m.tags, tag, on);
                        out.push(update(&m, None));
                    }
                }
            });
        }
        ui.label(RichText::new("Custom tags").strong());
        ui.horizontal_wrapped(|ui| {
            let customs: Vec<Tag> = m
                .tags
                .iter()
                .filter(|t| matches!(t, Tag::Custom(_)))
                .cloned()
                .collect();
            for tag in customs {
                let remove = ui
                    .button(format!("{tag} 🗙"))
                    .on_hover_text(format!("Remove the tag {tag}"));
                if remove.clicked() {
                    m.tags.retain(|t| t != &tag);
                    out.push(update(&m, None));
                }
            }
        });
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.new_tag)
                    .hint_text("New tag")
                    .desired_width(140.0),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Add tag").clicked() || entered) && !self.new_tag.trim().is_empty() {
                let tag = Tag::parse(self.new_tag.trim());
                if !m.has_tag(&tag) {
                    m.tags.push(tag);
                    out.push(update(&m, None));
                }
                self.new_tag.clear();
            }
        });

        ui.separator();
        self.manager_ui(ui, stage, member, out);
        lines_ui(ui, stage, member, out);

        ui.separator();
        let label_id = ui.label("Notes").id;
        let notes = ui
            .add(
                egui::TextEdit::multiline(&mut m.notes)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label_id);
        if notes.changed() {
            out.push(update(&m, Some(key("notes"))));
        }
        if notes.lost_focus() {
            out.push(InspectorAction::Seal);
        }

        let mine: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.members.contains(&member.id))
            .collect();
        if !mine.is_empty() {
            ui.separator();
            ui.label(RichText::new("Findings").strong());
            for f in mine {
                ui.label(format!("{} {}", severity_icon(f.severity), f.message));
            }
        }
    }

    fn manager_ui(
        &mut self,
        ui: &mut Ui,
        stage: &Stage,
        member: &Member,
        out: &mut Vec<InspectorAction>,
    ) {
        let current = stage.manager_of(&member.id);
        let mut chosen = current.map(|m| m.id.clone());
        ui.horizontal(|ui| {
            let label_id = ui.label("Reports to").id;
            egui::ComboBox::from_id_salt("reports-to")
                .selected_text(current.map_or("nobody", |m| m.display_name()))
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "nobody");
                    let labels = MemberLabels::new(stage);
                    for candidate in stage.members() {
                        // Offer only managers that do not create a cycle.
                        if candidate.id == member.id || reports_to(stage, &candidate.id, &member.id)
                        {
                            continue;
                        }
                        ui.selectable_value(
                            &mut chosen,
                            Some(candidate.id.clone()),
                            labels.label(candidate),
                        );
                    }
                })
                .response
                .labelled_by(label_id);
        });
        if chosen.as_deref() != current.map(|m| m.id.as_str()) {
            out.push(InspectorAction::Edit {
                edit: Box::new(Edit::SetManager {
                    stage: stage.id.clone(),
                    member: member.id.clone(),
                    manager: chosen,
                }),
                merge: None,
            });
        }
    }
}

/// The function the member's title reads as (the import's title table),
/// when it is not the member's function: "Sales Manager" on a member left
/// as Sales.
fn title_suggests(member: &Member) -> Option<Function> {
    crate::io::TitleRules::default()
        .function_of(&member.title)
        .filter(|f| *f != member.function)
}

fn lines_ui(ui: &mut Ui, stage: &Stage, member: &Member, out: &mut Vec<InspectorAction>) {
    let lines: Vec<Link> = stage
        .links()
        .filter(|l| l.from == member.id || l.to == member.id)
        .collect();
    ui.label(RichText::new(format!("Lines ({})", lines.len())).strong());
    for link in lines {
        let other_id = if link.from == member.id {
            &link.to
        } else {
            &link.from
        };
        let other = stage
            .member(other_id)
            .map_or(other_id.as_str(), |m| m.display_name());
        let text = match link.kind {
            LinkKind::ReportsTo if link.from == member.id => format!("reports to {other}"),
            LinkKind::ReportsTo => format!("{other} reports here"),
            LinkKind::CollaboratesWith => format!("collaborates with {other}"),
        };
        ui.horizontal(|ui| {
            if ui.link(&text).clicked() {
                out.push(InspectorAction::Select(other_id.clone()));
            }
            let remove = ui
                .small_button("🗙")
                .on_hover_text(format!("Remove the line: {text}"));
            if remove.clicked() {
                out.push(InspectorAction::Edit {
                    edit: Box::new(Edit::RemoveLink {
                        stage: stage.id.clone(),
                        link: link.clone(),
                    }),
                    merge: None,
                });
            }
        });
    }
}

fn plan_ui(
    ui: &mut Ui,
    plan: &Plan,
    stage: &Stage,
    totals: Option<&[crate::model::StageTotals]>,
    out: &mut Vec<InspectorAction>,
) {
    ui.heading("Plan");
    let mut title = plan.title.clone();
    let label_id = ui.label("Title").id;
    let response = ui
        .add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
        .labelled_by(label_id);
    if response.changed() {
        out.push(InspectorAction::Edit {
            edit: Box::new(Edit::SetTitle(title)),
            merge: Some("plan/title".to_owned()),
        });
    }
    if response.lost_focus() {
        out.push(InspectorAction::Seal);
    }
    crate::app::panels::rule_settings::rule_settings_ui(ui, &plan.settings, out);
    ui.separator();
    crate::app::panels::stage_fields::stage_ui(ui, plan, stage, totals, out);
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "Click a card to edit it. Double-click the canvas to add a member; drag a card onto \
             another to change who it reports to; drag a card's round handle to another card for \
             a collaboration line.",
        )
        .weak(),
    );
}

fn family_title(family: TagFamily) -> &'static str {
    match family {
        TagFamily::Leadership => "Leadership",
        TagFamily::Management => "Management",
    }
}

fn toggle(tags: &mut Vec<Tag>, tag: Tag, on: bool) {
    if on {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    } else {
        tags.retain(|t| t != &tag);
    }
}

/// How much of the member's quota counts at the stage's date: "Carries
/// 50% of the quota by 2027-Q3 (ramping since 2027-04)"; `None` without a
/// quota or a date to ramp to.
fn ramp_line(
    stage: &crate::model::Stage,
    member: &crate::model::Member,
    ramp: u32,
) -> Option<String> {
    member.quota?;
    let date = crate::model::stage_date(&stage.when)?;
    let start = member.start?;
    let share = crate::model::ramp_factor(Some(start), Some(date), ramp);
    let when = stage.when.trim();
    Some(if share == 0.0 {
        format!("Carries none of the quota by {when}: starts {start}")
    } else if share >= 1.0 {
        format!("Carries the whole quota by {when}")
    } else {
        format!(
            "Carries {:.0}% of the quota by {when} (ramping since {start})",
            share * 100.0
        )
    })
}
