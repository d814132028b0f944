//! What the pointer does on the canvas: clicks, drags and context menus on
//! cards, the collaboration handle, and the background (clear, double-click
//! to add, Shift-drag rubber band).

use std::collections::BTreeSet;

use egui::{Id, PointerButton, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo, pos2};

use crate::app::canvas::{Canvas, CanvasEvent, CardDrag, LinkDrag, card_rect};
use crate::model::{Member, Stage};

impl Canvas {
    pub(super) fn card_events(
        &mut self,
        response: &egui::Response,
        member: &Member,
        selected: bool,
        selection: &BTreeSet<String>,
        team: Option<bool>,
        events: &mut Vec<CanvasEvent>,
    ) {
        let shift = response.ctx.input(|i| i.modifiers.shift);
        if response.clicked() {
            if let Some(from) = self.link_mode.take() {
                if from != member.id {
                    events.push(CanvasEvent::Link {
                        from,
                        to: member.id.clone(),
                    });
                }
            } else {
                events.push(CanvasEvent::Select {
                    id: member.id.clone(),
                    additive: shift,
                });
            }
        }
        if response.secondary_clicked() && !selected {
            events.push(CanvasEvent::Select {
                id: member.id.clone(),
                additive: false,
            });
        }
        if response.drag_started_by(PointerButton::Primary) {
            let ids = if selected {
                selection.iter().cloned().collect()
            } else {
                events.push(CanvasEvent::Select {
                    id: member.id.clone(),
                    additive: false,
                });
                vec![member.id.clone()]
            };
            self.drag = Some(CardDrag {
                ids,
                offset: Vec2::ZERO,
            });
        }
        if response.dragged_by(PointerButton::Primary)
            && let Some(drag) = &mut self.drag
        {
            drag.offset += response.drag_delta();
        }
        response.context_menu(|ui| {
            let name = member.display_name();
            if ui.button("Add report").clicked() {
                events.push(CanvasEvent::AddReport(member.id.clone()));
            }
            if ui
                .button("Collaborate with…")
                .on_hover_text("Then click the other card")
                .clicked()
            {
                self.link_mode = Some(member.id.clone());
            }
            if ui.button("Remove reporting line").clicked() {
                events.push(CanvasEvent::ClearManager(member.id.clone()));
            }
            if let Some(collapsed) = team {
                let label = if collapsed {
                    "Expand team"
                } else {
                    "Collapse team"
                };
                if ui.button(label).clicked() {
                    events.push(CanvasEvent::ToggleTeam(member.id.clone()));
                }
                if ui.button("Fit to team").clicked() {
                    events.push(CanvasEvent::FitTeam(member.id.clone()));
                }
                if ui.button("Present this team").clicked() {
                    events.push(CanvasEvent::PresentTeam(member.id.clone()));
                }
            }
            ui.separator();
            if ui.button("Duplicate").clicked() {
                events.push(CanvasEvent::Duplicate);
            }
            if ui.button(format!("Delete {name}")).clicked() {
                events.push(CanvasEvent::Delete);
            }
        });
    }

    pub(super) fn link_handle_ui(
        &mut self,
        ui: &mut Ui,
        card: Rect,
        member: &Member,
        label: &str,
        drop_target: &Option<String>,
        events: &mut Vec<CanvasEvent>,
    ) {
        let center = pos2(card.max.x, card.center().y);
        let rect = Rect::from_center_size(center, Vec2::splat(16.0));
        let response = ui.interact(rect, Id::unique(("link-handle", &member.id)), Sense::drag());
        let handle_label = format!("Draw a collaboration line from {label}");
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &handle_label));
        let color = ui.visuals().selection.stroke.color;
        let fill = if response.hovered() || response.dragged() {
            color
        } else {
            ui.visuals().window_fill
        };
        ui.painter()
            .circle(center, 6.5, fill, Stroke::new(2.0, color));
        let response = response.on_hover_text("Drag to another card to add a collaboration line");
        if response.drag_started() {
            self.link_drag = Some(LinkDrag {
                from: member.id.clone(),
                to: center,
            });
        }
        if response.dragged()
            && let Some(link) = &mut self.link_drag
        {
            link.to += response.drag_delta();
        }
        if response.drag_stopped()
            && let Some(link) = self.link_drag.take()
            && let Some(to) = drop_target.clone()
        {
            events.push(CanvasEvent::Link {
                from: link.from,
                to,
            });
        }
    }

    pub(super) fn background_events(
        &mut self,
        response: &egui::Response,
        stage: &Stage,
        from_global: egui::emath::TSTransform,
        shift: bool,
        events: &mut Vec<CanvasEvent>,
    ) {
        // egui already gives a response's interaction position in its
        // layer's (here: the scene's) coordinates.
        let scene_pos = |r: &egui::Response| r.interact_pointer_pos();
        if response.double_clicked()
            && let Some(p) = scene_pos(response)
        {
            events.push(CanvasEvent::AddMemberAt([p.x, p.y]));
        } else if response.clicked() && !shift {
            self.link_mode = None;
            events.push(CanvasEvent::ClearSelection);
        }
        if shift
            && response.drag_started_by(PointerButton::Primary)
            && let Some(p) = scene_pos(response)
        {
            self.rubber = Some((p, p));
        }
        if let Some((_, end)) = &mut self.rubber
            && let Some(p) = response.ctx.input(|i| i.pointer.latest_pos())
        {
            *end = from_global * p;
        }
        if self.rubber.is_some()
            && !response.ctx.input(|i| i.pointer.primary_down())
            && let Some((a, b)) = self.rubber.take()
        {
            {
                let area = Rect::from_two_pos(a, b);
                let ids = stage
                    .placed_members()
                    .filter(|(m, pos)| area.intersects(card_rect(m, *pos)))
                    .map(|(m, _)| m.id.clone())
                    .collect();
                events.push(CanvasEvent::AddToSelection(ids));
            }
        }
    }
}
