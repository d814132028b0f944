//! A stage as a chart ready to draw: where each card sits, the lines
//! between them and the finding markers, in scene units. The SVG export
//! draws it; the PDF and slides draw that SVG.

use std::collections::{HashMap, HashSet};

use super::fonts::text_width;
use crate::layout::{LayoutParams, STACK_FROM, card_size, stacks_reports, tidy_layout_with};
use crate::look::lines::{Bounds, ReportLine, Route, collaboration_route, reporting_route};
use crate::model::{LinkKind, Member, Stage};
use crate::rules::{Finding, Severity};

/// One card of a chart.
#[derive(Clone, Debug)]
pub struct ChartCard<'a> {
    /// The member drawn.
    pub member: &'a Member,
    /// Where.
    pub bounds: Bounds,
    /// Worst finding on the member and how many it has.
    pub finding: Option<(Severity, usize)>,
    /// A small line of text above the card ("continued from …").
    pub note_above: Option<String>,
    /// A small line of text below the card ("+12 on page 3").
    pub note_below: Option<String>,
}

/// One line of a chart.
#[derive(Clone, Debug)]
pub struct ChartLine {
    /// Reporting or collaboration.
    pub kind: LinkKind,
    /// Its shape.
    pub route: Route,
}

/// A stage (or part of one) laid out for drawing.
#[derive(Clone, Debug)]
pub struct Chart<'a> {
    /// The cards, in member order.
    pub cards: Vec<ChartCard<'a>>,
    /// The lines, in link order.
    pub lines: Vec<ChartLine>,
}

/// Room for a note line above or below a card.
pub const NOTE_ROOM: f32 = 22.0;
/// Text size of those notes.
pub const NOTE_SIZE: f32 = 12.0;
/// Gap between teams packed on one page.
pub const PACK_GAP: f32 = 56.0;

impl<'a> Chart<'a> {
    /// The whole of `stage`: its own positions when every member has one
    /// (the user's arrangement), the tidy layout otherwise.
    pub fn of_stage(stage: &'a Stage, findings: &[Finding]) -> Self {
        Self::of_members(stage, None, findings, &LayoutParams::EDITOR)
    }

    /// The members of `stage` in `only` (all when `None`), laid out as a
    /// tidy tree of just them with `params` (unless the whole stage is asked
    /// for and every member has a position), with the lines between them.
    pub fn of_members(
        stage: &'a Stage,
        only: Option<&HashSet<String>>,
        findings: &[Finding],
        params: &LayoutParams,
    ) -> Self {
        let sub = only.map(|ids| sub_stage(stage, ids));
        let laid_out = sub.as_ref().unwrap_or(stage);
        let own_positions = only.is_none() && stage.all_placed();
        let positions: HashMap<String, [f32; 2]> = match only {
            None if own_positions => stage
                .placed_members()
                .filter_map(|(m, pos)| Some((m.id.clone(), pos?)))
                .collect(),
            _ => tidy_layout_with(laid_out, params).into_iter().collect(),
        };
        let mut marks: HashMap<&str, (Severity, usize)> = HashMap::new();
        for f in findings {
            for id in &f.members {
                let entry = marks.entry(id.as_str()).or_insert((f.severity, 0));
                entry.0 = entry.0.min(f.severity);
                entry.1 += 1;
            }
        }
        // Only the part's members and lines are walked: a big stage is
        // drawn in many parts.
        let members: Vec<&'a Member> = match &sub {
            Some(sub) => sub.members().filter_map(|m| stage.member(&m.id)).collect(),
            None => stage.members().collect(),
        };
        let cards: Vec<ChartCard<'a>> = members
            .into_iter()
            .filter_map(|m| {
                let pos = positions.get(&m.id)?;
                Some(ChartCard {
                    member: m,
                    bounds: Bounds::around(*pos, card_size(m)),
                    finding: marks.get(m.id.as_str()).copied(),
                    note_above: None,
                    note_below: None,
                })
            })
            .collect();
        let bounds_of: HashMap<&str, Bounds> = cards
            .iter()
            .map(|c| (c.member.id.as_str(), c.bounds))
            .collect();
        let stacking: HashSet<String> = laid_out
            .graph()
            .node_indices()
            // The user's own arrangement is drawn as the canvas draws it
            // (stacks wherever the team is one), whatever `params` would
            // lay out: one line geometry in the app and every format.
            .filter(|n| {
                (own_positions || params.stack_from <= STACK_FROM) && stacks_reports(laid_out, *n)
            })
            .filter_map(|n| laid_out.member_at(n).map(|m| m.id.clone()))
            .collect();
        let lines = laid_out
            .links()
            .filter(|l| l.from != l.to)
            .filter_map(|link| {
                let (a, b) = (
                    bounds_of.get(link.from.as_str())?,
                    bounds_of.get(link.to.as_str())?,
                );
                let route = match link.kind {
                    LinkKind::ReportsTo => reporting_route(
                        *b,
                        *a,
                        ReportLine::of(laid_out.layout_style(), stacking.contains(&link.to)),
                    ),
                    LinkKind::CollaboratesWith => collaboration_route(*a, *b),
                };
                Some(ChartLine {
                    kind: link.kind,
                    route,
                })
            })
            .collect();
        Self { cards, lines }
    }

    /// Several charts packed in rows no wider than `max_width` (a chart
    /// wider than that gets a row of its own), rows one under another: a
    /// page that holds several teams.
    pub fn packed(charts: Vec<Chart<'a>>, max_width: f32) -> Self {
        let mut out = Chart {
            cards: Vec::new(),
            lines: Vec::new(),
        };
        let (mut x, mut top, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
        for chart in charts {
            let extent = chart.extent();
            let [w, h] = [extent.right - extent.left, extent.bottom - extent.top];
            if x > 0.0 && x + w > max_width {
                top += row_height + PACK_GAP;
                x = 0.0;
                row_height = 0.0;
            }
            let shift = [x - extent.left, top - extent.top];
            out.cards.extend(chart.cards.into_iter().map(|mut c| {
                c.bounds = c.bounds.translated(shift);
                c
            }));
            out.lines.extend(chart.lines.into_iter().map(|l| ChartLine {
                kind: l.kind,
                route: l.route.translated(shift),
            }));
            x += w + PACK_GAP;
            row_height = row_height.max(h);
        }
        out
    }

    /// [`Chart::packed`] with the row width (at most `max_width`) that
    /// makes the pack largest when fitted into an area `aspect` times as
    /// wide as tall.
    pub fn packed_to_fit(charts: Vec<Chart<'a>>, max_width: f32, aspect: f32) -> Self {
        let sizes: Vec<[f32; 2]> = charts
            .iter()
            .map(|c| {
                let e = c.extent();
                [e.right - e.left, e.bottom - e.top]
            })
            .collect();
        let narrowest = sizes.iter().map(|s| s[0]).fold(0.0, f32::max);
        let mut best = (max_width, f32::MIN);
        for step in 0..=12 {
            let width = narrowest + (max_width - narrowest).max(0.0) * step as f32 / 12.0;
            let [w, h] = pack_size(&sizes, width);
            let scale = (aspect / w.max(1.0)).min(1.0 / h.max(1.0));
            if scale > best.1 {
                best = (width, scale);
            }
        }
        Self::packed(charts, best.0)
    }

    /// Everything drawn, notes and arcs included; a zero box when empty.
    pub fn extent(&self) -> Bounds {
        let mut b = Bounds {
            left: f32::INFINITY,
            top: f32::INFINITY,
            right: f32::NEG_INFINITY,
            bottom: f32::NEG_INFINITY,
        };
        let mut grow = |p: [f32; 2]| {
            b.left = b.left.min(p[0]);
            b.right = b.right.max(p[0]);
            b.top = b.top.min(p[1]);
            b.bottom = b.bottom.max(p[1]);
        };
        for card in &self.cards {
            let c = card.bounds;
            let above = if card.note_above.is_some() {
                NOTE_ROOM
            } else {
                12.0
            };
            let below = if card.note_below.is_some() {
                NOTE_ROOM
            } else {
                0.0
            };
            grow([c.left, c.top - above]);
            grow([c.right + 12.0, c.bottom + below]);
            for note in card.note_above.iter().chain(&card.note_below) {
                grow([c.left + text_width(note, NOTE_SIZE) + 4.0, c.top]);
            }
        }
        for line in &self.lines {
            for p in line.route.points(8) {
                grow(p);
            }
        }
        if b.left > b.right {
            return Bounds {
                left: 0.0,
                top: 0.0,
                right: 0.0,
                bottom: 0.0,
            };
        }
        b
    }
}

/// The size of charts of `sizes` packed by [`Chart::packed`] in rows at
/// most `max_width` wide.
fn pack_size(sizes: &[[f32; 2]], max_width: f32) -> [f32; 2] {
    let (mut x, mut top, mut row_height, mut width) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for &[w, h] in sizes {
        if x > 0.0 && x + w > max_width {
            top += row_height + PACK_GAP;
            (x, row_height) = (0.0, 0.0);
        }
        width = width.max(x + w);
        x += w + PACK_GAP;
        row_height = row_height.max(h);
    }
    [width, top + row_height]
}

/// A stage holding only the members `ids` and the lines between them.
pub fn sub_stage(stage: &Stage, ids: &HashSet<String>) -> Stage {
    use petgraph::Direction;
    use petgraph::visit::EdgeRef;
    let mut sub = Stage::new(&stage.id, &stage.name, stage.kind);
    sub.layout = stage.layout;
    // In the stage's order, walking only the part (not the whole stage).
    let mut nodes: Vec<_> = ids.iter().filter_map(|id| stage.node(id)).collect();
    nodes.sort_unstable();
    let mut new_node = HashMap::with_capacity(nodes.len());
    for &node in &nodes {
        if let Some(member) = stage.member_at(node)
            && let Ok(added) = sub.add_member(member.clone())
        {
            new_node.insert(node, added);
        }
    }
    let graph = stage.graph();
    let mut edges: Vec<_> = nodes
        .iter()
        .flat_map(|n| graph.edges_directed(*n, Direction::Outgoing))
        .filter(|e| new_node.contains_key(&e.target()))
        .map(|e| e.id())
        .collect();
    edges.sort_unstable();
    for edge in edges {
        if let Some((a, b)) = graph.edge_endpoints(edge)
            && let (Some(&a), Some(&b)) = (new_node.get(&a), new_node.get(&b))
        {
            let _ = sub.add_link_between(a, b, graph[edge]);
        }
    }
    sub
}
