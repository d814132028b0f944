//! Present mode: full screen, large type, stepping through the stages with
//! an animated transition and captions of the most important changes; at
//! a decision, the decision slide ([`crate::look::tour`] walks the tree).

use std::collections::HashMap;

use egui::{Align2, FontId, Key, Pos2, Rect, Sense, Ui, UiBuilder, Vec2, pos2, vec2};

use crate::app::canvas::card::{CardLook, ChangeBadge, paint_card};
use crate::app::canvas::lines::paint_stage_lines;
use crate::app::present::decision::{StageLayout, decision_ui};
use crate::app::state::derived::FindingsCache;
use crate::app::style::{FIXED_COLOR, severity_color};
use crate::diff::{Change, StageDiff, diff_with_findings};
use crate::layout::{LayoutParams, presentation_card_size, styled_layout};
use crate::look::tour::Tour;
use crate::model::{LayoutStyle, Member, Plan, Stage, TreeStep};
use crate::rules::Severity;

/// How long a transition takes, in seconds.
pub const TRANSITION_SECONDS: f64 = 0.6;
/// How many changes the captions show.
const CAPTIONS: usize = 4;

/// The presentation state: which stage is shown and where it came from.
#[derive(Debug)]
pub struct Presenter {
    /// Card rects of every stage in the presentation layout, by member id.
    layouts: Vec<StageLayout>,
    /// Where the walk is, and the options chosen on the way.
    tour: Tour,
    /// The stage the transition comes from.
    from: usize,
    started: f64,
    diff: Option<StageDiff>,
    /// What the step to the stage shown changes in numbers, if anything.
    numbers: Option<String>,
    scene_rect: Rect,
}

impl Presenter {
    /// Starts presenting the stage at `index` (no transition), choosing at
    /// each decision the way to `through` (an option's first stage) where
    /// one is given, else the main option.
    /// Each stage is laid out in its own style; one never styled, compact
    /// where that draws it larger on a `screen` of this size.
    /// With `team` (a member id), each stage that has that member shows
    /// only them and everyone below.
    pub fn new(
        plan: &Plan,
        index: usize,
        through: Option<usize>,
        team: Option<&str>,
        findings: &FindingsCache,
        screen: Vec2,
    ) -> Self {
        let chart = chart_rect(Rect::from_min_size(Pos2::ZERO, screen));
        let params = LayoutParams {
            aspect: chart.aspect_ratio().clamp(0.5, 4.0),
            ..LayoutParams::PRESENTATION
        };
        let layouts = plan
            .stages
            .iter()
            .map(|stage| {
                let part = team
                    .filter(|head| stage.member(head).is_some())
                    .map(|head| {
                        let ids = crate::document::folding::team_of(stage, head);
                        crate::export::chart::sub_stage(stage, &ids.into_iter().collect())
                    });
                let stage = part.as_ref().unwrap_or(stage);
                presentation_layout(stage, &params, chart.size())
                    .into_iter()
                    .filter_map(|(id, [x, y])| {
                        let member = stage.member(&id)?;
                        let [w, h] = presentation_card_size(member);
                        Some((id, Rect::from_center_size(pos2(x, y), vec2(w, h))))
                    })
                    .collect()
            })
            .collect();
        Self {
            layouts,
            tour: Tour::new(plan, index, through),
            from: index,
            started: f64::NEG_INFINITY,
            diff: diff_to(plan, index, findings),
            numbers: numbers_to(plan, index),
            scene_rect: Rect::NOTHING,
        }
    }

    /// The stage shown (or being moved to); at a decision, its stage.
    pub fn index(&self) -> usize {
        self.tour.stage()
    }

    /// The presentation layout of the stage shown (its cards by member id).
    pub fn layout_shown(&self) -> Option<&StageLayout> {
        self.layouts.get(self.tour.stage())
    }

    /// The step shown: a stage or a decision.
    pub fn step(&self) -> TreeStep {
        self.tour.step()
    }

    /// The option chosen at `decision` (its first stage).
    pub fn chosen(&self, plan: &Plan, decision: usize) -> Option<usize> {
        self.tour.chosen(plan, decision)
    }

    /// Moves to `step`, animating from the stage shown when the stage
    /// changes.
    fn go(&mut self, plan: &Plan, step: Option<TreeStep>, now: f64, findings: &FindingsCache) {
        let Some(step) = step.filter(|s| *s != self.tour.step()) else {
            return;
        };
        let before = self.tour.stage();
        self.tour.go(plan, step);
        let after = self.tour.stage();
        if after != before && after < plan.stages.len() {
            self.from = before;
            self.started = now;
            self.diff = diff_to(plan, after, findings);
            self.numbers = numbers_to(plan, after);
        }
    }

    /// Draws the presentation; returns `true` when the user leaves (Esc).
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan, findings: &FindingsCache) -> bool {
        let now = ui.input(|i| i.time);
        let (next, previous, first, last, up, down, leave) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowRight)
                    || i.key_pressed(Key::PageDown)
                    || i.key_pressed(Key::Space),
                i.key_pressed(Key::ArrowLeft) || i.key_pressed(Key::PageUp),
                i.key_pressed(Key::Home),
                i.key_pressed(Key::End),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::Escape),
            )
        });
        if leave {
            return true;
        }
        if next {
            self.go(plan, self.tour.next(plan), now, findings);
        } else if previous {
            self.go(plan, self.tour.back(plan), now, findings);
        } else if first {
            self.go(plan, Some(TreeStep::Stage(0)), now, findings);
        } else if last {
            self.go(plan, Some(self.tour.end(plan)), now, findings);
        } else if up || down {
            self.tour.choose(plan, if up { -1 } else { 1 });
        }
        if self.tour.stage() >= plan.stages.len() {
            ui.centered_and_justified(|ui| ui.label("This plan has no stages. Press Esc."));
            return false;
        }
        if let TreeStep::Decision(decision) = self.tour.step() {
            let chosen = self.tour.chosen(plan, decision);
            if let Some(option) = decision_ui(ui, plan, decision, chosen, &self.layouts, findings) {
                // A click on the chosen option goes on along it.
                if chosen == Some(option) {
                    self.go(plan, Some(TreeStep::Stage(option)), now, findings);
                } else {
                    let at = plan.followers(decision).iter().position(|f| *f == option);
                    let was = plan
                        .followers(decision)
                        .iter()
                        .position(|f| Some(*f) == chosen);
                    if let (Some(at), Some(was)) = (at, was) {
                        self.tour.choose(plan, at as isize - was as isize);
                    }
                }
            }
            return false;
        }
        let t = ((now - self.started) / TRANSITION_SECONDS).clamp(0.0, 1.0) as f32;
        if t < 1.0 {
            ui.ctx().request_repaint();
        }
        let eased = t * t * (3.0 - 2.0 * t);
        let full = ui.max_rect();
        let scale = (full.height() / 1080.0).clamp(0.6, 1.6);
        let band = caption_band(full);
        let chart = chart_rect(full);
        self.chart_ui(ui, plan, chart, eased);
        self.captions_ui(
            ui,
            plan,
            Rect::from_min_max(pos2(full.min.x, full.max.y - band), full.max),
            scale,
            eased,
        );
        false
    }

    fn chart_ui(&mut self, ui: &mut Ui, plan: &Plan, area: Rect, t: f32) {
        let from_index = self.from.min(plan.stages.len() - 1);
        let index = self.tour.stage();
        let (from, to) = (&plan.stages[from_index], &plan.stages[index]);
        let empty = HashMap::new();
        let layout_from = self.layouts.get(from_index).unwrap_or(&empty);
        let layout_to = self.layouts.get(index).unwrap_or(&empty);
        let card_rect = |layout: &HashMap<String, Rect>, m: &Member| {
            layout.get(&m.id).copied().unwrap_or(Rect::NOTHING)
        };
        let animating = t < 1.0 && self.from != index;
        let before: HashMap<&str, &Member> = from.members().map(|m| (m.id.as_str(), m)).collect();
        // Members the layout leaves out (another team) are not drawn.
        let rect_now = |m: &Member| {
            let end = layout_to.get(&m.id).copied()?;
            match before.get(m.id.as_str()) {
                Some(old) if animating => {
                    let start = card_rect(layout_from, old);
                    Some(Rect::from_center_size(
                        start.center().lerp(end.center(), t),
                        end.size(),
                    ))
                }
                _ => Some(end),
            }
        };
        let removed: Vec<&Member> = if animating {
            from.members()
                .filter(|m| to.member(&m.id).is_none() && layout_from.contains_key(&m.id))
                .collect()
        } else {
            Vec::new()
        };
        let target = to
            .members()
            .filter_map(rect_now)
            .chain(removed.iter().map(|m| card_rect(layout_from, m)))
            .reduce(|a, b| a.union(b));
        if let Some(bounds) = target {
            self.scene_rect = bounds.expand(30.0);
        }
        let badges: HashMap<&str, ChangeBadge> = self
            .diff
            .iter()
            .flat_map(|d| &d.changes)
            .filter_map(|c| match c {
                Change::Added { member, .. } => Some((member.id.as_str(), ChangeBadge::New)),
                Change::Moved { member, .. } => Some((member.id.as_str(), ChangeBadge::Moved)),
                _ => None,
            })
            .collect();
        let mut scene_rect = self.scene_rect;
        ui.scope_builder(UiBuilder::new().max_rect(area), |ui| {
            egui::Scene::new()
                .sense(Sense::hover())
                .zoom_range(0.05..=1.4)
                .show(ui, &mut scene_rect, |ui| {
                    let visuals = ui.visuals().clone();
                    let zoom = crate::app::canvas::scene_zoom(ui);
                    let mut painter = ui.painter().clone();
                    if animating {
                        painter.set_opacity(1.0 - t);
                        let rect_before = |m: &Member| {
                            to.member(&m.id)
                                .and_then(&rect_now)
                                .or(Some(card_rect(layout_from, m)))
                        };
                        paint_stage_lines(&painter, &visuals, from, &|_, m| rect_before(m), zoom);
                        painter.set_opacity(t);
                    }
                    paint_stage_lines(&painter, &visuals, to, &|_, m| rect_now(m), zoom);
                    for m in &removed {
                        painter.set_opacity(1.0 - t);
                        paint_card(
                            &painter,
                            &visuals,
                            card_rect(layout_from, m),
                            m,
                            CardLook {
                                zoom,
                                large: true,
                                ..Default::default()
                            },
                        );
                    }
                    for m in to.members() {
                        let fresh = !before.contains_key(m.id.as_str());
                        painter.set_opacity(if animating && fresh { t } else { 1.0 });
                        let look = CardLook {
                            zoom,
                            large: true,
                            change: if animating {
                                None
                            } else {
                                badges.get(m.id.as_str()).copied()
                            },
                            ..Default::default()
                        };
                        if let Some(rect) = rect_now(m) {
                            paint_card(&painter, &visuals, rect, m, look);
                        }
                    }
                });
        });
    }

    fn captions_ui(&self, ui: &mut Ui, plan: &Plan, band: Rect, scale: f32, t: f32) {
        let index = self.tour.stage();
        let stage = &plan.stages[index];
        let painter = ui.painter();
        painter.rect_filled(band, 0.0, ui.visuals().faint_bg_color);
        let strong = ui.visuals().strong_text_color();
        let weak = ui.visuals().weak_text_color();
        let left = band.min.x + 40.0 * scale;
        let mut y = band.min.y + 18.0 * scale;
        painter.text(
            pos2(left, y),
            Align2::LEFT_TOP,
            &stage.name,
            FontId::proportional(40.0 * scale),
            strong,
        );
        painter.text(
            pos2(band.max.x - 40.0 * scale, y + 6.0 * scale),
            Align2::RIGHT_TOP,
            self.counter(plan),
            FontId::proportional(24.0 * scale),
            weak,
        );
        y += 50.0 * scale;
        painter.text(
            pos2(left, y),
            Align2::LEFT_TOP,
            crate::look::kind_and_when(stage),
            FontId::proportional(22.0 * scale),
            weak,
        );
        y += 34.0 * scale;
        // What the step changes in numbers first, where the plan has any.
        let captions: Vec<String> = match &self.diff {
            Some(diff) => self
                .numbers
                .clone()
                .into_iter()
                .chain(diff.captions(CAPTIONS))
                .map(|c| format!("•  {c}"))
                .collect(),
            None => stage
                .notes
                .lines()
                .take(CAPTIONS)
                .map(str::to_owned)
                .collect(),
        };
        for caption in captions {
            if y + 24.0 * scale > band.max.y {
                break;
            }
            // The moment a workshop waits for: a finding fixed (green), or
            // one the step introduces (amber).
            let color = if caption.starts_with("•  Fixed:") {
                FIXED_COLOR
            } else if caption.starts_with("•  New finding") {
                severity_color(Severity::Warning)
            } else {
                strong
            };
            let caption_color = color.gamma_multiply(t);
            let font = FontId::proportional(20.0 * scale);
            let galley = painter.layout(caption, font, caption_color, band.width() - 80.0 * scale);
            let height = galley.size().y;
            painter.galley(pos2(left, y), galley, caption_color);
            y += height + 6.0 * scale;
        }
        painter.text(
            pos2(band.max.x - 40.0 * scale, band.max.y - 12.0 * scale),
            Align2::RIGHT_BOTTOM,
            "→ / Space next · ← back · Esc leave",
            FontId::proportional(18.0 * scale),
            weak,
        );
    }

    /// "2 / 3" along the road shown, after the option's name where the
    /// road has passed a decision ("Hire a growth leader · 3 / 3").
    fn counter(&self, plan: &Plan) -> String {
        let road = self.tour.road(plan);
        let index = self.tour.stage();
        let at = road.iter().position(|i| *i == index).unwrap_or(0);
        let option = std::iter::once(index)
            .chain(plan.ancestors(index))
            .find(|i| plan.starts_option(*i))
            .map(|i| format!("{} · ", plan.option_name(i)))
            .unwrap_or_default();
        format!("{option}{} / {}", at + 1, road.len())
    }
}

/// The changes into stage `index`, with the findings the app already has.
/// The caption of what the step to the stage at `index` changes in
/// numbers, worked out once per step (not every frame).
fn numbers_to(plan: &Plan, index: usize) -> Option<String> {
    let previous = plan.previous_non_empty(index)?;
    crate::look::money::stage_numbers_change(plan, previous, index).map(|n| format!("Numbers: {n}"))
}

/// The height of the captions band at the bottom of the screen.
fn caption_band(full: Rect) -> f32 {
    (full.height() * 0.24).max(160.0)
}

/// Where the chart goes on a screen of `full`: above the captions.
fn chart_rect(full: Rect) -> Rect {
    Rect::from_min_max(
        full.min + vec2(24.0, 24.0),
        pos2(full.max.x - 24.0, full.max.y - caption_band(full)),
    )
    .intersect(full)
}

/// The presentation layout of `stage`: in the style chosen for it, or,
/// never chosen, wide or compact, whichever draws it larger in `area`.
fn presentation_layout(
    stage: &Stage,
    params: &LayoutParams,
    area: Vec2,
) -> Vec<(String, [f32; 2])> {
    if let Some(style) = stage.layout {
        return styled_layout(stage, params, style);
    }
    let fit = |layout: &[(String, [f32; 2])]| {
        let mut bounds = Rect::NOTHING;
        for (id, [x, y]) in layout {
            if let Some(m) = stage.member(id) {
                let [w, h] = presentation_card_size(m);
                bounds = bounds.union(Rect::from_center_size(pos2(*x, *y), vec2(w, h)));
            }
        }
        (area.x / bounds.width().max(1.0)).min(area.y / bounds.height().max(1.0))
    };
    let wide = styled_layout(stage, params, LayoutStyle::Wide);
    if stage.member_count() < 4 {
        return wide;
    }
    let compact = styled_layout(stage, params, LayoutStyle::Compact);
    // Compact only when it reads clearly larger: the wide tree is the
    // familiar picture.
    if fit(&compact) > fit(&wide) * 1.2 {
        compact
    } else {
        wide
    }
}

fn diff_to(plan: &Plan, index: usize, findings: &FindingsCache) -> Option<StageDiff> {
    let previous = plan.previous_non_empty(index)?;
    let (before, now) = (plan.stages.get(previous)?, plan.stages.get(index)?);
    Some(diff_with_findings(
        before,
        now,
        findings.stage(previous),
        findings.stage(index),
    ))
}
