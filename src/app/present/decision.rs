//! The decision slide: where the timeline branches, each option's first
//! stage small, side by side, with its name, findings counts and
//! headcount; the chosen one framed.

use std::collections::HashMap;

use egui::{Align2, FontId, Rect, RichText, Sense, Stroke, Ui, UiBuilder, pos2, vec2};

use crate::app::canvas::card::{CardLook, paint_card};
use crate::app::canvas::lines::paint_stage_lines;
use crate::app::state::derived::FindingsCache;
use crate::app::style::severity_color;
use crate::model::Plan;
use crate::rules::{Severity, Summary};

/// Card rects of a stage in the presentation layout, by member id.
pub type StageLayout = HashMap<String, Rect>;

/// Draws the decision at the stage `decision` with `chosen` (an option's
/// first stage) framed; returns the option clicked, if any.
pub fn decision_ui(
    ui: &mut Ui,
    plan: &Plan,
    decision: usize,
    chosen: Option<usize>,
    layouts: &[StageLayout],
    findings: &FindingsCache,
) -> Option<usize> {
    let full = ui.max_rect();
    let scale = (full.height() / 1080.0).clamp(0.6, 1.6);
    let margin = 40.0 * scale;
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let stage = &plan.stages[decision];
    // The title and the line under it are labels, so a screen reader
    // (and a UI test) reads them.
    let head = Rect::from_min_size(
        full.min + vec2(margin, margin * 0.6),
        vec2(full.width() - 2.0 * margin, 100.0 * scale),
    );
    ui.scope_builder(UiBuilder::new().max_rect(head), |ui| {
        ui.label(
            RichText::new(format!("Decision after {}", stage.name))
                .size(40.0 * scale)
                .color(strong),
        );
        ui.label(
            RichText::new("The plan branches here: each option is one road the company can take.")
                .size(22.0 * scale)
                .color(weak),
        );
    });
    let options = plan.followers(decision);
    let top = full.min.y + margin * 0.6 + 100.0 * scale;
    let bottom = full.max.y - 50.0 * scale;
    let gap = 24.0 * scale;
    let count = options.len().max(1) as f32;
    let width = (full.width() - 2.0 * margin - gap * (count - 1.0)) / count;
    let mut clicked = None;
    for (k, option) in options.iter().enumerate() {
        let left = full.min.x + margin + k as f32 * (width + gap);
        let pane = Rect::from_min_max(pos2(left, top), pos2(left + width, bottom));
        let is_chosen = chosen == Some(*option);
        if pane_ui(ui, plan, *option, pane, is_chosen, layouts, findings, scale) {
            clicked = Some(*option);
        }
    }
    ui.painter().text(
        pos2(full.max.x - margin, full.max.y - 12.0 * scale),
        Align2::RIGHT_BOTTOM,
        "↑ / ↓ choose an option · → go on along it · ← back · Esc leave",
        FontId::proportional(18.0 * scale),
        weak,
    );
    clicked
}

/// One option: its name (a button that chooses it), what its first stage
/// is, its findings and headcount, and its chart. Returns `true` when the
/// name was clicked.
#[expect(clippy::too_many_arguments, reason = "one pane of one slide")]
fn pane_ui(
    ui: &mut Ui,
    plan: &Plan,
    option: usize,
    pane: Rect,
    chosen: bool,
    layouts: &[StageLayout],
    findings: &FindingsCache,
    scale: f32,
) -> bool {
    let visuals = ui.visuals().clone();
    let stroke = if chosen {
        Stroke::new(3.0 * scale, visuals.selection.stroke.color)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let fill = if chosen {
        visuals.faint_bg_color
    } else {
        visuals.extreme_bg_color
    };
    ui.painter()
        .rect(pane, 12.0, fill, stroke, egui::StrokeKind::Inside);
    let stage = &plan.stages[option];
    let pad = 20.0 * scale;
    let mut clicked = false;
    let head = Rect::from_min_size(
        pane.min + vec2(pad, pad),
        vec2(pane.width() - 2.0 * pad, 130.0 * scale),
    );
    ui.scope_builder(UiBuilder::new().max_rect(head), |ui| {
        let name = RichText::new(plan.option_name(option))
            .size(30.0 * scale)
            .strong();
        clicked = ui
            .add(egui::Button::selectable(chosen, name).frame_when_inactive(false))
            .on_hover_text("Choose this option; → goes on along it")
            .clicked();
        let when = crate::look::kind_and_when(stage);
        let under = if when.is_empty() {
            stage.name.clone()
        } else {
            format!("{} · {when}", stage.name)
        };
        ui.label(RichText::new(under).size(20.0 * scale).weak());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(crate::look::count(stage.member_count(), "member"))
                    .size(20.0 * scale),
            );
            for (text, color) in findings_words(findings.summary(option)) {
                ui.label(
                    RichText::new(text)
                        .size(20.0 * scale)
                        .color(color.unwrap_or(visuals.text_color())),
                );
            }
        });
        if plan.has_numbers() {
            let t = plan.totals(option);
            let currency = &plan.settings.currency;
            let target = t.target.map_or(String::new(), |target| {
                format!(" of {}", crate::look::money::money(target, currency))
            });
            ui.label(
                RichText::new(format!(
                    "{} seats · cost {} · capacity {}{target}",
                    t.people + t.planned,
                    crate::look::money::money(t.cost, currency),
                    crate::look::money::money(t.capacity, currency),
                ))
                .size(20.0 * scale),
            );
        }
    });
    let chart = Rect::from_min_max(
        pos2(pane.min.x + pad, head.max.y + 8.0 * scale),
        pane.max - vec2(pad, pad),
    );
    chart_ui(ui, plan, option, chart, layouts);
    clicked
}

/// "· 1 warning", "· 2 notes" in their colours, or "· no findings".
fn findings_words(summary: Summary) -> Vec<(String, Option<egui::Color32>)> {
    let mut words = Vec::new();
    for (count, what, severity) in [
        (summary.errors, "error", Severity::Error),
        (summary.warnings, "warning", Severity::Warning),
        (summary.infos, "note", Severity::Info),
    ] {
        if count > 0 {
            words.push((
                format!("· {}", crate::look::count(count, what)),
                Some(severity_color(severity)),
            ));
        }
    }
    if words.is_empty() {
        words.push(("· no findings".to_owned(), None));
    }
    words
}

/// The option's first stage, fitted into `area`.
fn chart_ui(ui: &mut Ui, plan: &Plan, option: usize, area: Rect, layouts: &[StageLayout]) {
    let (Some(stage), Some(layout)) = (plan.stages.get(option), layouts.get(option)) else {
        return;
    };
    let Some(bounds) = layout.values().copied().reduce(|a, b| a.union(b)) else {
        return;
    };
    let mut scene_rect = bounds.expand(30.0);
    let rect_of = |m: &crate::model::Member| layout.get(&m.id).copied();
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(area)
            .id_salt(("decision pane", option)),
        |ui| {
            egui::Scene::new()
                .sense(Sense::hover())
                .zoom_range(0.02..=1.0)
                .show(ui, &mut scene_rect, |ui| {
                    let visuals = ui.visuals().clone();
                    let zoom = crate::app::canvas::scene_zoom(ui);
                    let painter = ui.painter().clone();
                    paint_stage_lines(&painter, &visuals, stage, &|_, m| rect_of(m), zoom);
                    for member in stage.members() {
                        if let Some(rect) = rect_of(member) {
                            let look = CardLook {
                                zoom,
                                large: true,
                                ..Default::default()
                            };
                            paint_card(&painter, &visuals, rect, member, look);
                        }
                    }
                });
        },
    );
}
