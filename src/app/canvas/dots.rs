//! Far out on a big stage, where a card is a few pixels or less: the stage
//! as dots in cells a few screen pixels wide (a cell with any card gets a
//! dot in its colour), built once per stage revision and zoom step and
//! painted from a shared mesh, so an idle frame costs no walk of the
//! members and lines. Lines are not drawn: they would be under a pixel.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Color32, Rect, Shape, pos2, vec2};
use petgraph::stable_graph::NodeIndex;

use super::FindingsByMember;
use crate::app::style::{function_color, severity_color};
use crate::model::{Member, Stage};
use crate::rules::{Finding, Severity};

/// The width of a cell on screen, in points.
const CELL_POINTS: f32 = 3.0;
/// Zoom steps per doubling: the dots are rebuilt when the zoom changes by
/// more than about a fifth.
const STEPS_PER_OCTAVE: f32 = 4.0;

/// What the dots were built for.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DotsKey {
    stage: String,
    revision: u64,
    zoom_step: i32,
    hidden: usize,
    /// Where the stage's findings are and how many: a new check makes a
    /// new list.
    findings: (usize, usize),
}

/// The dots of the stage last drawn far out.
#[derive(Debug, Default)]
pub(super) struct Dots {
    key: Option<DotsKey>,
    mesh: Arc<Mesh>,
}

impl Dots {
    /// The stage's dots at `zoom` as one shape (scene units). `rect_of`
    /// gives a shown member's card, `None` for a hidden one.
    pub(super) fn shape(
        &mut self,
        stage: &Stage,
        zoom: f32,
        rect_of: &dyn Fn(NodeIndex, &Member) -> Option<Rect>,
        hidden: usize,
        findings: &[Finding],
        by_member: &FindingsByMember<'_>,
    ) -> Shape {
        let zoom_step = (zoom.max(1e-9).log2() * STEPS_PER_OCTAVE).round() as i32;
        let key = DotsKey {
            stage: stage.id.clone(),
            revision: stage.revision(),
            zoom_step,
            hidden,
            findings: (findings.as_ptr() as usize, findings.len()),
        };
        if self.key.as_ref() != Some(&key) {
            let zoom = (zoom_step as f32 / STEPS_PER_OCTAVE).exp2();
            self.mesh = Arc::new(build(stage, CELL_POINTS / zoom, rect_of, by_member));
            self.key = Some(key);
        }
        Shape::Mesh(self.mesh.clone())
    }
}

/// One dot per occupied cell `cell` scene units wide; a member with a
/// finding colours its cell by the worst one, else the first member's
/// function does.
fn build(
    stage: &Stage,
    cell: f32,
    rect_of: &dyn Fn(NodeIndex, &Member) -> Option<Rect>,
    by_member: &FindingsByMember<'_>,
) -> Mesh {
    let mut cells: HashMap<(i32, i32), (Color32, Option<Severity>), foldhash::fast::RandomState> =
        HashMap::default();
    let graph = stage.graph();
    for node in graph.node_indices() {
        let member: &Member = &graph[node];
        let Some(rect) = rect_of(node, member) else {
            continue;
        };
        let c = rect.center();
        let at = ((c.x / cell).floor() as i32, (c.y / cell).floor() as i32);
        let severity = by_member
            .get(member.id.as_str())
            .and_then(|fs| fs.iter().map(|f| f.severity).min());
        let entry = cells
            .entry(at)
            .or_insert((function_color(member.function), None));
        if let Some(s) = severity
            && entry.1.is_none_or(|worst| s < worst)
        {
            *entry = (severity_color(s), Some(s));
        }
    }
    let mut mesh = Mesh::default();
    mesh.vertices.reserve(cells.len() * 4);
    mesh.indices.reserve(cells.len() * 6);
    let dot = vec2(cell, cell) * 0.8;
    for ((x, y), (color, _)) in cells {
        let min = pos2(x as f32 * cell, y as f32 * cell);
        mesh.add_colored_rect(Rect::from_min_size(min, dot), color);
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic_plan;

    #[test]
    fn every_card_is_under_a_dot_and_far_out_cards_share_dots() {
        let mut plan = synthetic_plan(2_000, 6, 9);
        let stage = &mut plan.stages[0];
        crate::layout::place_missing_positions(stage);
        let stage = &plan.stages[0];
        let rect_of = |node: NodeIndex, m: &Member| {
            Some(crate::app::canvas::card_rect(m, stage.pos_at(node)))
        };
        let findings = FindingsByMember::default();
        let cell = 400.0;
        let mesh = build(stage, cell, &rect_of, &findings);
        let dots: Vec<Rect> = mesh
            .vertices
            .chunks(4)
            .map(|q| Rect::from_two_pos(q[0].pos, q[2].pos))
            .collect();
        assert!(dots.len() < stage.member_count() / 2, "{} dots", dots.len());
        for (m, pos) in stage.placed_members() {
            let c = crate::app::canvas::card_rect(m, pos).center();
            let corner = pos2((c.x / cell).floor() * cell, (c.y / cell).floor() * cell);
            assert!(
                dots.iter().any(|d| (d.min - corner).length() < 0.01),
                "{} has no dot",
                m.id
            );
        }
        // The cache hands out the same mesh until the stage or zoom changes.
        let mut cache = Dots::default();
        let a = cache.shape(stage, 0.01, &rect_of, 0, &[], &findings);
        let b = cache.shape(stage, 0.0101, &rect_of, 0, &[], &findings);
        let (Shape::Mesh(a), Shape::Mesh(b)) = (a, b) else {
            panic!("dots are one mesh")
        };
        assert!(Arc::ptr_eq(&a, &b));
        let c = cache.shape(stage, 0.04, &rect_of, 0, &[], &findings);
        let Shape::Mesh(c) = c else { panic!() };
        assert!(!Arc::ptr_eq(&a, &c), "zoomed in: finer dots");
        assert!(c.vertices.len() > a.vertices.len());
        // New findings (a new list) colour the dots again: the member's
        // cell turns the colour of its finding's severity.
        let member = stage.members().next().unwrap();
        let list = vec![crate::rules::Finding {
            rule: "orphan",
            severity: Severity::Error,
            stage: stage.id.clone(),
            members: vec![member.id.clone()],
            message: String::new(),
            fix: String::new(),
            tags: crate::model::ResponsibilitySet::EMPTY,
        }];
        let by_member = super::super::findings_by_member(&list);
        let d = cache.shape(stage, 0.04, &rect_of, 0, &list, &by_member);
        let Shape::Mesh(d) = d else { panic!() };
        assert!(!Arc::ptr_eq(&c, &d), "new findings: dots built again");
        let red = severity_color(Severity::Error);
        assert!(d.vertices.iter().any(|v| v.color == red));
        assert!(c.vertices.iter().all(|v| v.color != red));
    }
}
