//! The timeline strip: one card per stage, in order, with its findings
//! counts; switching, adding, moving and deleting stages.

use egui::{RichText, Ui};

use crate::app::style::{severity_color, severity_icon};
use crate::edit::compose::NewStage;
use crate::edit::moves::Move;
use crate::model::{Lane, Plan, StageKind, StageTotals};
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
    /// Make the option starting at this index the main one at its decision.
    MakeMain(usize),
}

/// The height of one lane of the strip.
const LANE_HEIGHT: f32 = 82.0;
/// How many lanes show before the strip scrolls.
const LANES_SHOWN: f32 = 3.3;

/// Draws the strip: the main line on top and each option as a lane below,
/// starting under its decision; `summaries` are the findings counts per
/// stage.
pub fn timeline_ui(
    ui: &mut Ui,
    plan: &Plan,
    current: usize,
    summaries: &[Summary],
    totals: Option<&[StageTotals]>,
) -> Vec<TimelineAction> {
    let mut out = Vec::new();
    let lanes = plan.lanes();
    let cards = Cards {
        plan,
        current,
        summaries,
        totals,
        branched: lanes.len() > 1,
    };
    ui.horizontal_top(|ui| {
        egui::ScrollArea::both()
            .max_width(ui.available_width() - 150.0)
            .max_height(LANE_HEIGHT * LANES_SHOWN)
            .min_scrolled_height(LANE_HEIGHT * (lanes.len() as f32).min(LANES_SHOWN))
            .show(ui, |ui| {
                egui::Grid::new("timeline lanes")
                    .spacing(egui::vec2(4.0, 6.0))
                    .show(ui, |ui| {
                        for lane in &lanes {
                            lane_ui(ui, lane, &cards, &mut out);
                            ui.end_row();
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

/// What every card of the strip reads.
struct Cards<'a> {
    plan: &'a Plan,
    current: usize,
    summaries: &'a [Summary],
    /// Every stage's numbers, when the plan has any.
    totals: Option<&'a [StageTotals]>,
    /// The plan has options (stages move by "Make this the main option"
    /// then, not by file order).
    branched: bool,
}

/// One row of the strip: the grid's columns are a card for each step from
/// the first stage with an arrow between; a lane starts with a branch mark
/// under its decision.
fn lane_ui(ui: &mut Ui, lane: &Lane, cards: &Cards<'_>, out: &mut Vec<TimelineAction>) {
    let arrow = |ui: &mut Ui| ui.label(RichText::new("▶").weak().size(14.0));
    for _ in 0..(lane.column * 2).saturating_sub(2) {
        ui.label("");
    }
    if lane.decision.is_some() {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            ui.label(RichText::new("↳").weak().size(22.0))
                .on_hover_text("An option: the plan branches at the stage above");
        });
        arrow(ui);
    }
    for (k, index) in lane.stages.iter().enumerate() {
        if k > 0 {
            arrow(ui);
        }
        stage_card(ui, *index, cards, out);
    }
}

/// One stage's card, with its right-click menu.
fn stage_card(ui: &mut Ui, index: usize, cards: &Cards<'_>, out: &mut Vec<TimelineAction>) {
    let plan = cards.plan;
    let Some(stage) = plan.stages.get(index) else {
        return;
    };
    let summary = cards.summaries.get(index).copied().unwrap_or_default();
    // An option's first stage says which option it starts.
    let starts_option = plan.starts_option(index);
    let starts = if starts_option {
        format!("↳ {}\n", plan.option_name(index))
    } else {
        String::new()
    };
    let text = card_text(
        ui,
        &format!(
            "{starts}{}\n{}\n",
            stage.name,
            crate::look::kind_and_when(stage)
        ),
        &match cards.totals.and_then(|t| t.get(index)) {
            Some(totals) => format!(
                "{} · {}",
                crate::look::count(stage.member_count(), "member"),
                crate::look::money::money(totals.cost, &plan.settings.currency)
            ),
            None => crate::look::count(stage.member_count(), "member"),
        },
        summary,
    );
    let card = ui
        .add(
            egui::Button::selectable(index == cards.current, text)
                .min_size(egui::vec2(150.0, 58.0)),
        )
        .on_hover_text("Click to show this stage; right-click for more");
    if card.clicked() {
        out.push(TimelineAction::Select(index));
    }
    card.context_menu(|ui| {
        let main = starts_option
            && plan
                .parent(index)
                .is_some_and(|p| plan.followers(p).first() == Some(&index));
        if starts_option
            && ui
                .add_enabled(!main, egui::Button::new("Make this the main option"))
                .on_disabled_hover_text("This is the main option already")
                .clicked()
        {
            out.push(TimelineAction::MakeMain(index));
        }
        // File order is the timeline only while it is one line.
        let why =
            "The plan has options: the order follows the tree (use Make this the main option)";
        let earlier = ui
            .add_enabled(
                index > 0 && !cards.branched,
                egui::Button::new("Move earlier"),
            )
            .on_disabled_hover_text(why);
        if earlier.clicked() {
            out.push(TimelineAction::Move {
                from: index,
                to: index - 1,
            });
        }
        let last = index + 1 >= plan.stages.len();
        let later = ui
            .add_enabled(!last && !cards.branched, egui::Button::new("Move later"))
            .on_disabled_hover_text(why);
        if later.clicked() {
            out.push(TimelineAction::Move {
                from: index,
                to: index + 1,
            });
        }
        ui.separator();
        if ui.button(format!("Delete stage {}", stage.name)).clicked() {
            out.push(TimelineAction::Delete(index));
        }
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
