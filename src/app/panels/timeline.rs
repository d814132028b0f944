//! The timeline strip: one card per stage, in order, with its findings
//! counts; switching, adding, moving and deleting stages.

use egui::{RichText, Ui};

use crate::app::style::{severity_color, severity_icon};
use crate::edit::compose::NewStage;
use crate::edit::moves::Move;
use crate::model::{Plan, StageKind};
use crate::rules::{Severity, Summary};

/// What the user asked of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineAction {
    /// Show the stage at this index.
    Select(usize),
    /// Add a stage after the current one.
    Add(NewStage),
    /// Add an option after the current stage (the timeline branches there).
    AddOption(Move),
    /// Move the stage at `from` to `to`.
    Move {
        /// Current index.
        from: usize,
        /// New index.
        to: usize,
    },
    /// Delete the stage at this index.
    Delete(usize),
    /// Delete the option starting at this index, with all its stages.
    DeleteOption(usize),
}

/// Draws the strip; `summaries` are the findings counts per stage.
pub fn timeline_ui(
    ui: &mut Ui,
    plan: &Plan,
    current: usize,
    summaries: &[Summary],
) -> Vec<TimelineAction> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        egui::ScrollArea::horizontal()
            .max_width(ui.available_width() - 150.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (index, stage) in plan.stages.iter().enumerate() {
                        // ▶ where a stage follows the one before it; a bar
                        // where an option branches off an earlier stage.
                        if index > 0 {
                            let follows_previous = plan.parent(index) == Some(index - 1);
                            let mark = if follows_previous { "▶" } else { "|" };
                            ui.label(RichText::new(mark).weak().size(14.0));
                        }
                        let summary = summaries.get(index).copied().unwrap_or_default();
                        // An option's first stage says which option it starts.
                        let starts = match (&stage.option, plan.parent(index)) {
                            (Some(option), Some(p)) if plan.followers(p).len() > 1 => {
                                format!("↳ {option}\n")
                            }
                            _ => String::new(),
                        };
                        let text = card_text(
                            ui,
                            &format!(
                                "{starts}{}\n{}\n",
                                stage.name,
                                crate::look::kind_and_when(stage)
                            ),
                            &crate::look::count(stage.member_count(), "member"),
                            summary,
                        );
                        let card = ui
                            .add(
                                egui::Button::selectable(index == current, text)
                                    .min_size(egui::vec2(150.0, 58.0)),
                            )
                            .on_hover_text(
                                "Click to show this stage; right-click to move or delete it",
                            );
                        if card.clicked() {
                            out.push(TimelineAction::Select(index));
                        }
                        card.context_menu(|ui| {
                            if ui
                                .add_enabled(index > 0, egui::Button::new("Move earlier"))
                                .clicked()
                            {
                                out.push(TimelineAction::Move {
                                    from: index,
                                    to: index - 1,
                                });
                            }
                            let last = index + 1 >= plan.stages.len();
                            if ui
                                .add_enabled(!last, egui::Button::new("Move later"))
                                .clicked()
                            {
                                out.push(TimelineAction::Move {
                                    from: index,
                                    to: index + 1,
                                });
                            }
                            ui.separator();
                            if ui.button(format!("Delete stage {}", stage.name)).clicked() {
                                out.push(TimelineAction::Delete(index));
                            }
                            let starts_option = plan
                                .parent(index)
                                .is_some_and(|p| plan.followers(p).len() > 1);
                            if starts_option {
                                let stages = 1 + plan.descendants(index).len();
                                let label = format!(
                                    "Delete option {} ({})",
                                    plan.option_name(index),
                                    crate::look::count(stages, "stage")
                                );
                                if ui.button(label).clicked() {
                                    out.push(TimelineAction::DeleteOption(index));
                                }
                            }
                        });
                    }
                });
            });
        ui.menu_button("➕ Add stage", |ui| {
            // Menu labels wrap to the width of the widest button; this
            // heading is wider, so it extends the menu instead of being cut.
            ui.add(
                egui::Label::new(RichText::new("Next stage, same people").weak())
                    .wrap_mode(egui::TextWrapMode::Extend),
            );
            for kind in StageKind::ALL {
                if ui.button(format!("Next stage: {}", kind.label())).clicked() {
                    out.push(TimelineAction::Add(NewStage::NextFrom(*kind)));
                }
            }
            // The founder's decisions: the moves that fit this stage, each
            // starting an option beside whatever follows it already.
            if let Some(current) = plan.stages.get(current) {
                let moves: Vec<Move> = Move::ALL
                    .into_iter()
                    .filter(|m| *m != Move::Copy && m.fits(current.kind))
                    .collect();
                if !moves.is_empty() {
                    ui.separator();
                    ui.add(
                        egui::Label::new(
                            RichText::new("Add option (the plan branches here)").weak(),
                        )
                        .wrap_mode(egui::TextWrapMode::Extend),
                    );
                    for mv in moves {
                        let label = format!("Option: {}", mv.option_name(current));
                        if ui.button(label).clicked() {
                            out.push(TimelineAction::AddOption(mv));
                        }
                    }
                }
            }
            ui.separator();
            ui.label(RichText::new("From a template").weak());
            for kind in StageKind::ALL.iter().filter(|k| **k != StageKind::Custom) {
                if ui.button(format!("Template: {}", kind.label())).clicked() {
                    out.push(TimelineAction::Add(NewStage::Template(*kind)));
                }
            }
            ui.separator();
            if ui.button("Empty stage").clicked() {
                out.push(TimelineAction::Add(NewStage::Empty(StageKind::Custom)));
            }
        });
    });
    out
}

/// A timeline card's text: name, kind and when, then the member count
/// with the warning and error counts beside it in their colours (laid out
/// as text, so they never cover a long stage name).
fn card_text(ui: &Ui, head: &str, members: &str, summary: Summary) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let plain = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let mut job = egui::text::LayoutJob::default();
    job.append(head, 0.0, plain.clone());
    job.append(members, 0.0, plain);
    for (severity, count) in [
        (Severity::Error, summary.errors),
        (Severity::Warning, summary.warnings),
    ] {
        if count > 0 {
            job.append(
                &format!("{} {count}", severity_icon(severity)),
                10.0,
                egui::TextFormat::simple(font.clone(), severity_color(severity)),
            );
        }
    }
    job
}
