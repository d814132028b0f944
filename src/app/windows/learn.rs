//! Learning in the app: Help ▸ Leadership and management (the idea behind
//! the rules, each stage drawn from its template) and the "Why?" of a
//! finding (the rule's explanation). Both read docs/RULES.md, the one source
//! for the documentation and the app.

use egui::{Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::app::style::color;
use crate::layout::{LayoutParams, tidy_layout_nodes};
use crate::look::hat_color;
use crate::model::{Function, Hat, StageKind, stage_template};
use crate::rules::{idea_behind_the_rules, rule_explanation};

/// Renders docs/RULES.md's Markdown (headings, bold, lists, code) with
/// egui_commonmark, keeping its cache between frames.
#[derive(Default)]
pub struct Markdown(egui_commonmark::CommonMarkCache);

impl Markdown {
    /// Shows `text` as rich text.
    pub fn show(&mut self, ui: &mut Ui, text: &str) {
        egui_commonmark::CommonMarkViewer::new().show(ui, &mut self.0, text);
    }
}

/// The window title of the Learn view.
pub const LEARN_TITLE: &str = "Leadership and management";

/// The Learn view: the idea in plain words, and the three stages drawn.
pub fn learn_window(ctx: &egui::Context, open: &mut bool, markdown: &mut Markdown) {
    egui::Window::new(LEARN_TITLE)
        .open(open)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(660.0)
        .default_height(640.0)
        .vscroll(true)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                for kind in [
                    StageKind::FounderLed,
                    StageKind::SplitRoles,
                    StageKind::Converged,
                ] {
                    ui.vertical(|ui| {
                        ui.label(RichText::new(kind.label()).strong());
                        mini_chart(ui, kind, Vec2::new(200.0, 120.0));
                    });
                }
            });
            ui.horizontal_wrapped(|ui| {
                for hat in [Hat::Leader, Hat::Manager, Hat::Both] {
                    ui.label(RichText::new("■").color(color(hat_color(hat))));
                    ui.label(RichText::new(hat_name(hat)).weak());
                }
            });
            ui.separator();
            markdown.show(ui, idea_behind_the_rules().unwrap_or_default());
        });
}

fn hat_name(hat: Hat) -> &'static str {
    match hat {
        Hat::Leader => "leadership",
        Hat::Manager => "management",
        Hat::Both => "both hats",
        Hat::None => "neither",
    }
}

/// A stage template drawn small: one box per member in its hat's colour,
/// its reporting lines, fitted into `size`.
fn mini_chart(ui: &mut Ui, kind: StageKind, size: Vec2) {
    let stage = stage_template(kind, "learn");
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let positions = tidy_layout_nodes(&stage, &LayoutParams::PRESENTATION);
    let (box_w, box_h) = (150.0, 64.0);
    let bounds = positions.iter().fold(Rect::NOTHING, |b, (_, [x, y])| {
        b.union(Rect::from_center_size(
            Pos2::new(*x, *y),
            Vec2::new(box_w, box_h),
        ))
    });
    if !bounds.is_positive() {
        return;
    }
    let scale = (rect.width() / bounds.width()).min(rect.height() / bounds.height()) * 0.95;
    let offset = rect.center() - bounds.center().to_vec2() * scale;
    let at = |[x, y]: [f32; 2]| offset + Vec2::new(x, y) * scale;
    let painter = ui.painter_at(rect);
    let centre_of = |node| positions.iter().find(|(n, _)| *n == node).map(|(_, p)| *p);
    let line = Stroke::new(1.0, ui.visuals().weak_text_color());
    for (node, pos) in &positions {
        if let Some(manager) = stage.manager_node(*node).and_then(centre_of) {
            painter.line_segment([at(*pos), at(manager)], line);
        }
    }
    let names: Vec<String> = stage
        .members()
        .map(|m| m.display_name().to_owned())
        .collect();
    for (node, pos) in &positions {
        let Some(member) = stage.member_at(*node) else {
            continue;
        };
        let card = Rect::from_center_size(at(*pos), Vec2::new(box_w, box_h) * scale);
        painter.rect_filled(card, 2.0, ui.visuals().extreme_bg_color);
        painter.rect_stroke(
            card,
            2.0,
            Stroke::new(1.5, color(hat_color(member.hat()))),
            egui::StrokeKind::Inside,
        );
        let name = short_label(member.function);
        let size = (card.height() * 0.4).clamp(7.0, 10.0);
        let galley = painter.layout_no_wrap(
            name.to_owned(),
            egui::FontId::proportional(size),
            ui.visuals().text_color(),
        );
        // A name that does not fit its box is left to the hover text.
        if galley.size().x <= card.width() - 2.0 {
            painter.galley(
                card.center() - galley.size() / 2.0,
                galley,
                ui.visuals().text_color(),
            );
        }
    }
    let described = mini_chart_label(kind, &names);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &described));
    response.on_hover_text(format!("{}: {}", kind.label(), names.join(", ")));
}

/// What a screen reader (and a UI test) reads for a stage's small chart:
/// the stage and everyone drawn in it.
fn mini_chart_label(kind: StageKind, names: &[String]) -> String {
    format!("{} chart: {}", kind.label(), names.join(", "))
}

/// A word for a member's role that fits a small box.
fn short_label(function: Function) -> &'static str {
    match function {
        Function::Owner => "Owner",
        Function::SalesLeader => "Leader",
        Function::SalesManager => "Manager",
        Function::GrowthLeader => "Growth",
        Function::Sales => "Sales",
        Function::Marketing => "Marketing",
        Function::Technical => "Tech",
        Function::ServiceDelivery => "Delivery",
        Function::Operations => "Ops",
        Function::Other => "",
    }
}

/// The window explaining rule `rule`, until closed.
pub fn why_window(ctx: &egui::Context, rule: &mut Option<String>, markdown: &mut Markdown) {
    let Some(id) = rule.clone() else {
        return;
    };
    let mut open = true;
    // The window is titled in words (what the rule checks), not its id.
    let title = crate::rules::rule_by_id(&id).map_or("this rule", |r| r.summary);
    egui::Window::new(format!("Why: {title}"))
        .id(egui::Id::unique("why-window"))
        .open(&mut open)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(520.0)
        .vscroll(true)
        .show(ctx, |ui| match rule_explanation(&id) {
            Some(text) => markdown.show(ui, text),
            None => {
                ui.label("This rule has no explanation yet.");
            }
        });
    if !open {
        *rule = None;
    }
}
