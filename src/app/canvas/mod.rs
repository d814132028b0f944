//! The stage canvas: pan and zoom, cards and lines, selection, dragging,
//! drop-to-reparent and collaboration handles. The canvas never edits the
//! plan; it reports [`CanvasEvent`]s that the app turns into edits.

pub mod batch;
pub mod card;
mod card_parts;
pub mod compare;
mod dots;
mod gestures;
pub mod lines;
mod minimap;
mod rects;

use std::collections::{BTreeSet, HashMap, HashSet};

use petgraph::stable_graph::NodeIndex;

use egui::{
    Id, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo, containers::DragPanButtons, pos2, vec2,
};

use crate::app::canvas::card::{
    CardLook, ChangeBadge, ZOOM_BOX_ONLY, is_dot, marker_rect, paint_card, paint_card_box,
};
use crate::app::canvas::card_parts::card_part_meaning;
use crate::app::canvas::lines::paint_stage_lines;
use crate::app::style::severity_icon;
use crate::document::folding::Folded;
use crate::layout::card_size;
use crate::model::{Member, Stage};
use crate::rules::Finding;
use batch::QuadBatch;

/// What the user did on the canvas this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasEvent {
    /// Click on a card (shift adds or removes it).
    Select {
        /// The member.
        id: String,
        /// Toggle instead of replacing the selection.
        additive: bool,
    },
    /// Add these members to the selection (rubber band).
    AddToSelection(Vec<String>),
    /// Click on the background.
    ClearSelection,
    /// Cards dragged to new centres.
    Move(Vec<(String, [f32; 2])>),
    /// Cards dropped onto another card: they now report to it.
    Reparent {
        /// The dropped members.
        ids: Vec<String>,
        /// The card they were dropped on.
        manager: String,
    },
    /// Double-click on the background.
    AddMemberAt([f32; 2]),
    /// "Add report" on a card.
    AddReport(String),
    /// A collaboration line drawn from one card to another.
    Link {
        /// Start.
        from: String,
        /// End.
        to: String,
    },
    /// "Remove reporting line" on a card.
    ClearManager(String),
    /// "Delete" on a card's menu (acts on the selection).
    Delete,
    /// "Duplicate" on a card's menu (acts on the selection).
    Duplicate,
    /// "Collapse team" or "Expand team" on a manager's card.
    ToggleTeam(String),
    /// "Fit to team" on a manager's card.
    FitTeam(String),
    /// "Present this team" on a manager's card: present mode showing only
    /// that member and everyone below, in every stage.
    PresentTeam(String),
}

/// Per-stage view state that survives between frames (not saved in the plan).
#[derive(Clone, Debug)]
pub struct CanvasView {
    /// The visible part of the scene.
    pub scene_rect: Rect,
    /// Fit the view to this area (in scene coordinates) on the next frame.
    pub pending_fit: Option<Rect>,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            scene_rect: Rect::ZERO,
            pending_fit: None,
        }
    }
}

/// Interaction state of the canvas within one gesture.
#[derive(Default, Debug)]
pub struct Canvas {
    pub(super) drag: Option<CardDrag>,
    pub(super) link_drag: Option<LinkDrag>,
    pub(super) rubber: Option<(Pos2, Pos2)>,
    /// Waiting for a click on the card a collaboration line should go to.
    pub link_mode: Option<String>,
    /// Scene-to-screen transform of the last frame.
    to_global: egui::emath::TSTransform,
    /// Draw the members the previous stage had and this one has not.
    pub show_ghosts: bool,
    /// Card rectangles of the stage drawn last, by graph node.
    rects: rects::CardRects,
    /// Far out on a big stage, the stage as dots.
    dots: dots::Dots,
    /// The overview of a stage too big to read at Fit.
    minimap: minimap::Minimap,
}

/// The farthest the canvas zooms out: far enough to fit a stage of 100,000
/// members on screen (cards are then dots, drawn as one mesh).
const MIN_ZOOM: f32 = 0.0005;

/// Cards being dragged, and how far.
#[derive(Debug)]
pub(super) struct CardDrag {
    pub(super) ids: Vec<String>,
    pub(super) offset: Vec2,
}

/// A collaboration line being drawn from a card's handle.
#[derive(Debug)]
pub(super) struct LinkDrag {
    pub(super) from: String,
    pub(super) to: Pos2,
}

/// What changed since the previous stage, drawn over the canvas.
#[derive(Clone, Debug, Default)]
pub struct ChangeOverlay {
    /// "New" and "moved" badges by member id.
    pub badges: HashMap<String, ChangeBadge>,
    /// Members of the previous stage that are gone, drawn faded where they were.
    pub ghosts: Vec<(Member, Option<[f32; 2]>)>,
}

/// What one frame of the canvas draws from.
/// What the canvas draws this frame.
#[derive(Clone, Copy)]
pub struct CanvasInput<'a> {
    /// The stage.
    pub stage: &'a Stage,
    /// The selected members.
    pub selection: &'a BTreeSet<String>,
    /// The stage's findings.
    pub findings: &'a [Finding],
    /// Badges and ghosts from the diff.
    pub overlay: &'a ChangeOverlay,
    /// Collapsed teams.
    pub folded: &'a Folded,
    /// Members to highlight, the rest dimmed (Find's chain of command).
    pub highlight: Option<&'a HashSet<String>>,
}

struct FrameInput<'a> {
    stage: &'a Stage,
    overlay: &'a ChangeOverlay,
    selection: &'a BTreeSet<String>,
    folded: &'a Folded,
    highlight: Option<&'a HashSet<String>>,
    findings: &'a [Finding],
    by_member: &'a FindingsByMember<'a>,
    /// The pointer in scene coordinates.
    pointer: Option<Pos2>,
    /// Screen pixels per scene unit.
    zoom: f32,
}

/// Screen pixels per scene unit inside an `egui::Scene` (call from the
/// scene's contents).
pub fn scene_zoom(ui: &Ui) -> f32 {
    let from_global = ui
        .ctx()
        .layer_transform_from_global(ui.layer_id())
        .unwrap_or_default();
    1.0 / from_global.scaling.max(1e-6)
}

/// The rect of a member's card centred on `pos` (the origin when not
/// placed), in scene coordinates.
pub fn card_rect(member: &Member, pos: Option<[f32; 2]>) -> Rect {
    let [x, y] = pos.unwrap_or([0.0, 0.0]);
    let [w, h] = card_size(member);
    Rect::from_center_size(pos2(x, y), vec2(w, h))
}

/// The bounding box of some cards (each member with its position), or
/// `None` for none.
pub fn bounds<'a>(cards: impl Iterator<Item = (&'a Member, Option<[f32; 2]>)>) -> Option<Rect> {
    cards
        .map(|(member, pos)| card_rect(member, pos))
        .reduce(|a, b| a.union(b))
}

impl Canvas {
    /// Draws `input.stage` and returns what the user did.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &mut CanvasView,
        input: &CanvasInput,
    ) -> Vec<CanvasEvent> {
        let CanvasInput {
            stage,
            selection,
            findings,
            overlay,
            folded,
            highlight,
        } = *input;
        let mut events = Vec::new();
        if let Some(area) = view.pending_fit.take() {
            view.scene_rect = fit_rect(area, ui.available_size());
        }
        let shift = ui.input(|i| i.modifiers.shift);
        let pan_buttons = if shift || self.rubber.is_some() {
            DragPanButtons::MIDDLE | DragPanButtons::SECONDARY
        } else {
            DragPanButtons::all()
        };
        let by_member = findings_by_member(findings);
        // The canvas on screen (the scene's own rect is in scene units).
        let on_screen = ui.available_rect_before_wrap();
        let mut scene_rect = view.scene_rect;
        let response = egui::Scene::new()
            .zoom_range(MIN_ZOOM..=2.5)
            .drag_pan_buttons(pan_buttons)
            .show(ui, &mut scene_rect, |ui| {
                let from_global = ui
                    .ctx()
                    .layer_transform_from_global(ui.layer_id())
                    .unwrap_or_default();
                let pointer = ui
                    .input(|i| i.pointer.latest_pos())
                    .map(|p| from_global * p);
                let frame = FrameInput {
                    stage,
                    overlay,
                    selection,
                    folded,
                    highlight,
                    findings,
                    by_member: &by_member,
                    pointer,
                    zoom: 1.0 / from_global.scaling.max(1e-6),
                };
                self.contents_ui(ui, &frame, &mut events);
                from_global
            });
        view.scene_rect = scene_rect;
        self.rects.refresh(stage);
        let minimap_input = (stage, &self.rects);
        self.minimap
            .ui(ui, on_screen, minimap_input, &mut view.scene_rect);
        let from_global = response.inner;
        self.to_global = from_global.inverse();
        self.background_events(&response.response, stage, from_global, shift, &mut events);
        events
    }

    /// Where a member's card (at `pos`) was on screen in the last frame.
    pub fn screen_rect(&self, member: &Member, pos: Option<[f32; 2]>) -> Rect {
        self.to_global * card_rect(member, pos)
    }

    fn contents_ui(&mut self, ui: &mut Ui, frame: &FrameInput<'_>, events: &mut Vec<CanvasEvent>) {
        let FrameInput {
            stage,
            overlay,
            selection,
            folded,
            highlight,
            findings,
            by_member,
            pointer,
            zoom,
        } = *frame;
        let visuals = ui.visuals().clone();
        let (drag_ids, drag_offset): (HashSet<String>, Vec2) = match &self.drag {
            Some(d) => (d.ids.iter().cloned().collect(), d.offset),
            None => (HashSet::new(), Vec2::ZERO),
        };
        self.rects.refresh(stage);
        let rects = std::mem::take(&mut self.rects);
        let rect_of = |node: NodeIndex, m: &Member| {
            let rect = rects.get(node);
            if !drag_ids.is_empty() && drag_ids.contains(&m.id) {
                rect.translate(drag_offset)
            } else {
                rect
            }
        };
        let painter = ui.painter().clone();

        // Removed members, faded, under everything else.
        let mut ghost_painter = painter.clone();
        ghost_painter.set_opacity(0.3);
        // Find's chain of command stands out; the rest is dimmed.
        let mut dimmed = painter.clone();
        dimmed.set_opacity(0.25);
        let ghosts = if self.show_ghosts {
            overlay.ghosts.as_slice()
        } else {
            &[]
        };
        for (ghost, pos) in ghosts {
            let look = CardLook {
                zoom,
                ..CardLook::default()
            };
            let rect = card_rect(ghost, *pos);
            paint_card(&ghost_painter, &visuals, rect, ghost, look);
        }
        // Lines under the cards.
        let shown = |node: NodeIndex, m: &Member| {
            (folded.hidden.is_empty() || !folded.hidden.contains(&m.id)).then(|| rect_of(node, m))
        };
        // A card under a few pixels: the stage as dots, no lines.
        let as_dots = is_dot(crate::layout::CARD_HEIGHT, zoom) && drag_ids.is_empty();
        if as_dots {
            let hidden = folded.hidden.len();
            painter.add(
                self.dots
                    .shape(stage, zoom, &shown, hidden, findings, by_member),
            );
        } else {
            paint_stage_lines(&painter, &visuals, stage, &shown, zoom);
        }

        // The card under the pointer while dragging cards or a link.
        let dragging: Vec<String> = match (&self.drag, &self.link_drag) {
            (Some(d), _) => d.ids.clone(),
            (None, Some(l)) => vec![l.from.clone()],
            _ => Vec::new(),
        };
        let drop_target: Option<String> = if dragging.is_empty() {
            None
        } else {
            pointer.and_then(|p| {
                stage
                    .placed_members()
                    .filter(|(m, _)| !dragging.contains(&m.id) && !folded.hidden.contains(&m.id))
                    .find(|(m, pos)| card_rect(m, *pos).contains(p))
                    .map(|(m, _)| m.id.clone())
            })
        };

        let mut lifted_cards = Vec::new();
        // Far out every card is a plain box: all of them go into one mesh,
        // painted where this slot is (above the lines, below highlights).
        let far = zoom < ZOOM_BOX_ONLY;
        let mut boxes = QuadBatch::with_capacity(if far { stage.member_count() * 2 } else { 0 });
        let boxes_slot = painter.add(egui::Shape::Noop);
        let graph = stage.graph();
        // As dots, only selected cards are drawn on their own (outlined).
        let nodes: Box<dyn Iterator<Item = NodeIndex>> = if as_dots {
            Box::new(selection.iter().filter_map(|id| stage.node(id)))
        } else {
            Box::new(graph.node_indices())
        };
        // What `ui.is_rect_visible` asks, once for all cards.
        let (ui_visible, on_screen) = (ui.is_visible(), ui.clip_rect());
        for node in nodes {
            let member: &Member = &graph[node];
            let Some(rect) = shown(node, member) else {
                continue;
            };
            let lifted = drag_ids.contains(&member.id);
            // Cards off screen are neither drawn nor interactive: a zoomed-in
            // view of a big stage pays only for what is on screen.
            let in_view = ui_visible && on_screen.intersects(rect.expand(12.0));
            if !(lifted || in_view) {
                continue;
            }
            // A card a few pixels high is painted but is no widget of its
            // own (nobody clicks a dot; a rubber band still selects it).
            if far && !lifted && is_dot(rect.height(), zoom) {
                let look = CardLook {
                    selected: selection.contains(&member.id),
                    finding: by_member.get(member.id.as_str()).and_then(|fs| worst(fs)),
                    zoom,
                    ..CardLook::default()
                };
                paint_card_box(&mut boxes, &painter, &visuals, rect, member, look);
                continue;
            }
            let id = Id::unique(("card", &stage.id, &member.id));
            let response = ui.interact(rect, id, Sense::click_and_drag());
            let selected = selection.contains(&member.id);
            let hidden_team = folded.counts.get(&member.id).copied();
            let label = match hidden_team {
                Some(n) => format!("{} (+{n} hidden)", member.display_name()),
                None => member.display_name().to_owned(),
            };
            response
                .widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, &label));
            // The hat badge and the tag chips explain themselves on hover.
            let meaning = response
                .hover_pos()
                .filter(|_| !response.dragged())
                .and_then(|pointer| card_part_meaning(&painter, rect, member, zoom, pointer));
            let response = match meaning {
                Some(text) => response.on_hover_text_at_pointer(text),
                None => response,
            };
            let member_findings = by_member.get(member.id.as_str());
            let look = CardLook {
                selected,
                hovered: response.hovered(),
                drop_target: drop_target.as_deref() == Some(member.id.as_str()),
                finding: member_findings.and_then(|fs| worst(fs)),
                zoom,
                change: overlay.badges.get(&member.id).copied(),
                large: false,
            };
            if lifted {
                lifted_cards.push((rect, member, look));
            } else {
                let dim = highlight.is_some_and(|h| !h.contains(&member.id));
                if far && !dim {
                    paint_card_box(&mut boxes, &painter, &visuals, rect, member, look);
                } else {
                    paint_card(
                        if dim { &dimmed } else { &painter },
                        &visuals,
                        rect,
                        member,
                        look,
                    );
                }
                if let Some(n) = hidden_team {
                    paint_hidden_team(&painter, rect, n);
                }
            }
            let team = stage
                .report_nodes(node)
                .any(|r| r != node)
                .then_some(hidden_team.is_some());
            self.card_events(&response, member, selected, selection, team, events);
            if let Some(fs) = member_findings {
                let marker = ui.interact(marker_rect(rect), id.with("marker"), Sense::hover());
                marker.on_hover_ui(|ui| {
                    for f in fs {
                        ui.label(format!("{} {}", severity_icon(f.severity), f.message));
                    }
                });
            }
            if selected
                || response.hovered()
                || self.link_drag.as_ref().is_some_and(|l| l.from == member.id)
            {
                self.link_handle_ui(ui, rect, member, &label, &drop_target, events);
            }
        }

        painter.set(boxes_slot, boxes.into_shape());
        // Dragged cards float above the others, see-through, so the drop
        // target stays visible; a hint says what dropping will do.
        let mut lifted_painter = painter.clone();
        lifted_painter.set_opacity(0.7);
        for (rect, member, look) in lifted_cards {
            paint_card(&lifted_painter, &visuals, rect, member, look);
        }
        if let (Some(target), Some(p)) = (
            drop_target.as_deref().and_then(|id| stage.member(id)),
            pointer,
        ) {
            let verb = if self.link_drag.is_some() {
                "Collaborate with"
            } else {
                "Report to"
            };
            let text = format!("{verb} {}", target.display_name());
            let galley = painter.layout_no_wrap(
                text,
                egui::FontId::proportional(13.0),
                egui::Color32::WHITE,
            );
            let at = p + vec2(16.0, 16.0);
            let bubble = Rect::from_min_size(at, galley.size() + vec2(12.0, 6.0));
            painter.rect_filled(bubble, 4.0, visuals.selection.bg_fill);
            painter.galley(at + vec2(6.0, 3.0), galley, egui::Color32::WHITE);
        }
        if let Some(link) = &self.link_drag
            && let Some(from) = stage.member(&link.from)
        {
            let a = card_rect(from, stage.pos(&link.from));
            painter.extend(egui::Shape::dashed_line(
                &[pos2(a.max.x, a.center().y), link.to],
                Stroke::new(2.0, visuals.selection.stroke.color),
                8.0,
                6.0,
            ));
        }
        if let Some((a, b)) = self.rubber {
            let rect = Rect::from_two_pos(a, b);
            let color = visuals.selection.stroke.color;
            painter.rect_filled(rect, 0.0, color.gamma_multiply(0.12));
            painter.rect_stroke(rect, 0.0, Stroke::new(1.0, color), egui::StrokeKind::Inside);
        }
        self.rects = rects;
        // Finish a card drag here, where the drop target is known.
        if let Some(drag) = &self.drag
            && !ui.input(|i| i.pointer.any_down())
        {
            let moved = drag.offset.length() > 2.0;
            if let Some(manager) = drop_target {
                events.push(CanvasEvent::Reparent {
                    ids: drag.ids.clone(),
                    manager,
                });
            } else if moved {
                let positions = drag
                    .ids
                    .iter()
                    .filter_map(|id| Some((stage.member(id)?, stage.pos(id))))
                    .map(|(m, pos)| {
                        let c = card_rect(m, pos).center() + drag.offset;
                        (m.id.clone(), [c.x, c.y])
                    })
                    .collect();
                events.push(CanvasEvent::Move(positions));
            }
            self.drag = None;
        }
    }
}

/// The scene rect that shows `area` in a viewport of `size`, never zooming
/// in past 1:1 so small stages keep their natural size.
fn fit_rect(area: Rect, size: Vec2) -> Rect {
    let area = area.expand(40.0);
    let size = size.max(Vec2::splat(1.0));
    let scale = (size.x / area.width()).min(size.y / area.height()).min(1.0);
    Rect::from_center_size(area.center(), size / scale)
}

/// A stage's findings by the members they name (looked up once per card:
/// a fast hash).
pub(super) type FindingsByMember<'a> =
    HashMap<&'a str, Vec<&'a Finding>, foldhash::fast::RandomState>;

fn findings_by_member(findings: &[Finding]) -> FindingsByMember<'_> {
    let mut map = FindingsByMember::default();
    for f in findings {
        for id in &f.members {
            map.entry(id.as_str()).or_default().push(f);
        }
    }
    map
}

/// The worst severity among a member's findings, and how many there are.
fn worst(findings: &[&Finding]) -> Option<(crate::rules::Severity, usize)> {
    let worst = findings.iter().map(|f| f.severity).min()?;
    Some((worst, findings.len()))
}

/// The "+N" badge under a collapsed manager's card.
fn paint_hidden_team(painter: &egui::Painter, card: Rect, hidden: usize) {
    let text = format!("+{hidden}");
    let galley =
        painter.layout_no_wrap(text, egui::FontId::proportional(12.0), egui::Color32::WHITE);
    let size = galley.size() + Vec2::new(14.0, 4.0);
    let pill = Rect::from_center_size(
        egui::pos2(card.center().x, card.max.y + size.y / 2.0 + 2.0),
        size,
    );
    painter.rect_filled(
        pill,
        egui::CornerRadius::same(9),
        egui::Color32::from_gray(110),
    );
    painter.galley(
        pill.center() - galley.size() / 2.0,
        galley,
        egui::Color32::WHITE,
    );
}
