//! Tidy tree layout for a stage's reporting forest (Walker's algorithm in
//! Buchheim, Jünger and Leipert's linear-time form), with variable card
//! widths. Roots sit side by side; collaboration lines are drawn over the
//! result. Positions are card centres.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

pub use crate::model::LayoutStyle;
use crate::model::{Hat, Member, Stage};

mod compact;
mod sideways;
mod walker;

pub(crate) use walker::Kids;
use walker::{Work, attach_forest, first_walk_all, second_walk, stack_leaves};

/// Height of every card on the canvas.
pub const CARD_HEIGHT: f32 = 92.0;
/// Narrowest card.
pub const CARD_MIN_WIDTH: f32 = 160.0;
/// Widest card.
pub const CARD_MAX_WIDTH: f32 = 250.0;
/// Horizontal gap between neighbouring cards.
pub const SIBLING_GAP: f32 = 24.0;
/// Vertical distance between levels (card top to card top).
pub const LEVEL_HEIGHT: f32 = CARD_HEIGHT + 64.0;
/// A manager with at least this many reports, none of whom has reports,
/// gets them as a vertical stack instead of a wide row.
pub const STACK_FROM: usize = 4;
/// Vertical distance between stacked cards.
pub const STACK_PITCH: f32 = CARD_HEIGHT + 16.0;
/// How far a stack sits right of its manager's centre (room for the spine).
pub const STACK_INDENT: f32 = 24.0;

/// The size of a member's card: wide enough for the name and title, within
/// [`CARD_MIN_WIDTH`]..=[`CARD_MAX_WIDTH`]. The canvas draws cards this size.
pub fn card_size(member: &Member) -> [f32; 2] {
    [
        card_width(member.display_name(), &member.title, member.hat()),
        CARD_HEIGHT,
    ]
}

/// The width of a card showing `name` and `title` with `hat`'s badge.
pub fn card_width(name: &str, title: &str, hat: Hat) -> f32 {
    let chars = |s: &str| s.chars().count() as f32;
    let name = chars(name) * 8.2 + hat_badge_room(hat);
    let title = chars(title) * 6.6;
    (name.max(title) + 28.0).clamp(CARD_MIN_WIDTH, CARD_MAX_WIDTH)
}

/// Gives every member without a position one: a tidy layout when nobody
/// has a position yet, otherwise a row below the positioned members.
pub fn place_missing_positions(stage: &mut Stage) {
    let graph = stage.graph();
    let missing: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|node| stage.pos_at(*node).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let placed: Vec<[f32; 2]> = stage.positions().flatten().collect();
    if placed.is_empty() {
        let layout = tidy_layout_nodes(stage, &LayoutParams::EDITOR);
        stage.set_positions_at(layout);
        return;
    }
    let left = placed.iter().map(|p| p[0]).fold(f32::INFINITY, f32::min);
    let bottom = placed
        .iter()
        .map(|p| p[1])
        .fold(f32::NEG_INFINITY, f32::max);
    let mut x = left;
    let row: Vec<(NodeIndex, [f32; 2])> = missing
        .into_iter()
        .map(|node| {
            let width = card_size(&graph[node])[0];
            let pos = [x, bottom + LEVEL_HEIGHT];
            x += width + SIBLING_GAP;
            (node, pos)
        })
        .collect();
    stage.set_positions_at(row);
}

/// Makes `style` the stage's and moves every member to its place in it.
pub fn lay_out_in(stage: &mut Stage, style: LayoutStyle) {
    lay_out_with(stage, &LayoutParams::EDITOR, style);
}

/// Every stage of `plan` laid out afresh in `style` (exports that ask for
/// one style: `--layout`, the Export dialog's Compact).
pub fn lay_out_plan_in(plan: &mut crate::model::Plan, style: LayoutStyle) {
    for stage in &mut plan.stages {
        lay_out_in(stage, style);
    }
}

/// [`lay_out_in`] with other spacing (a compact chart's proportions).
pub fn lay_out_with(stage: &mut Stage, params: &LayoutParams, style: LayoutStyle) {
    stage.layout = Some(style);
    let layout = tidy_layout_nodes(stage, params);
    stage.set_positions_at(layout);
}

/// Lays `stage` out again in its own style with the editor's spacing.
pub fn lay_out_again(stage: &mut Stage) {
    let layout = tidy_layout_nodes(stage, &LayoutParams::EDITOR);
    stage.set_positions_at(layout);
}

/// Whether every member of `stage` sits where the editor's layout in the
/// stage's style puts it (laid out automatically, not arranged by hand).
pub fn is_tidy(stage: &Stage) -> bool {
    tidy_layout_nodes(stage, &LayoutParams::EDITOR)
        .iter()
        .all(|(node, [x, y])| {
            stage
                .pos_at(*node)
                .is_some_and(|[px, py]| (px - x).abs() < 0.5 && (py - y).abs() < 0.5)
        })
}

/// Whether the reports of the member at `node` are drawn as a vertical
/// stack (at least [`STACK_FROM`] of them, none with reports of their own).
pub fn stacks_reports(stage: &Stage, node: NodeIndex) -> bool {
    let mut count = 0;
    for report in stage.report_nodes(node) {
        if report == node || stage.report_nodes(report).any(|r| r != report) {
            return false;
        }
        count += 1;
    }
    count >= STACK_FROM
}

/// Room the hat badge (L, M, L+M) takes beside the name.
fn hat_badge_room(hat: Hat) -> f32 {
    match hat {
        Hat::None => 0.0,
        Hat::Both => 48.0,
        _ => 30.0,
    }
}

/// Card sizes and spacing of a tidy layout.
#[derive(Clone, Copy, Debug)]
pub struct LayoutParams {
    /// The size of a member's card.
    pub card_size: fn(&Member) -> [f32; 2],
    /// Vertical distance between levels.
    pub level_height: f32,
    /// Horizontal gap between neighbouring cards.
    pub sibling_gap: f32,
    /// Leaf reports from which on they stack in a column.
    pub stack_from: usize,
    /// Vertical distance between stacked cards.
    pub stack_pitch: f32,
    /// How far a stack sits right of its manager's centre.
    pub stack_indent: f32,
    /// Height of every card.
    pub card_height: f32,
    /// [`LayoutStyle::Compact`]: the proportions (width over height) the
    /// chart aims at.
    pub aspect: f32,
    /// [`LayoutStyle::Compact`]: most cards in one column of a stack; more
    /// go into further columns beside it.
    pub stack_rows: usize,
}

/// Height of a card in presentations.
pub const PRESENTATION_CARD_HEIGHT: f32 = 64.0;

impl LayoutParams {
    /// The editor's canvas.
    pub const EDITOR: Self = Self {
        card_size,
        level_height: LEVEL_HEIGHT,
        sibling_gap: SIBLING_GAP,
        stack_from: STACK_FROM,
        stack_pitch: STACK_PITCH,
        stack_indent: STACK_INDENT,
        card_height: CARD_HEIGHT,
        aspect: 1.6,
        stack_rows: 8,
    };

    /// The editor's cards without stacking leaf reports: wide rows, for
    /// landscape pages.
    pub const EDITOR_WIDE: Self = Self {
        stack_from: usize::MAX,
        ..Self::EDITOR
    };

    /// Presentations: compact cards with large names, so a whole stage
    /// reads from the back of a room.
    pub const PRESENTATION: Self = Self {
        card_size: presentation_card_size,
        level_height: PRESENTATION_CARD_HEIGHT + 40.0,
        sibling_gap: 18.0,
        stack_from: STACK_FROM,
        stack_pitch: PRESENTATION_CARD_HEIGHT + 10.0,
        stack_indent: 18.0,
        card_height: PRESENTATION_CARD_HEIGHT,
        aspect: 16.0 / 9.0,
        stack_rows: 8,
    };
}

/// The size of a member's card in presentations: a large name and one line
/// below it.
pub fn presentation_card_size(member: &Member) -> [f32; 2] {
    let chars = |s: &str| s.chars().count() as f32;
    let name = chars(member.display_name()) * 12.5 + hat_badge_room(member.hat());
    // A planned hire's title line reads "Title · planned".
    let suffix = if member.planned && !member.title.is_empty() {
        chars(" · planned")
    } else {
        0.0
    };
    // The title line leaves room at its right for a NEW/MOVED badge.
    let title = (chars(&member.title) + suffix) * 7.6 + 64.0;
    let width = (name.max(title) + 36.0).clamp(170.0, 360.0);
    [width, PRESENTATION_CARD_HEIGHT]
}

/// Lays out `stage` in its layout style ([`Stage::layout_style`]) and
/// returns a centre position for every member, in the stage's member order.
/// Linear in members and lines.
pub fn tidy_layout(stage: &Stage) -> Vec<(String, [f32; 2])> {
    tidy_layout_with(stage, &LayoutParams::EDITOR)
}

/// [`tidy_layout`] with other card sizes and spacing.
pub fn tidy_layout_with(stage: &Stage, params: &LayoutParams) -> Vec<(String, [f32; 2])> {
    styled_layout(stage, params, stage.layout_style())
}

/// [`tidy_layout_with`] in `style` instead of the stage's own.
pub fn styled_layout(
    stage: &Stage,
    params: &LayoutParams,
    style: LayoutStyle,
) -> Vec<(String, [f32; 2])> {
    let graph = stage.graph();
    styled_layout_nodes(stage, params, style)
        .into_iter()
        .map(|(node, centre)| (graph[node].id.clone(), centre))
        .collect()
}

/// [`tidy_layout_with`] by graph node, in the stage's member order.
pub fn tidy_layout_nodes(stage: &Stage, params: &LayoutParams) -> Vec<(NodeIndex, [f32; 2])> {
    styled_layout_nodes(stage, params, stage.layout_style())
}

/// [`styled_layout`] by graph node, in the stage's member order.
pub fn styled_layout_nodes(
    stage: &Stage,
    params: &LayoutParams,
    style: LayoutStyle,
) -> Vec<(NodeIndex, [f32; 2])> {
    let graph = stage.graph();
    let nodes: Vec<NodeIndex> = graph.node_indices().collect();
    let mut dense = vec![usize::MAX; graph.node_bound()];
    for (i, node) in nodes.iter().enumerate() {
        dense[node.index()] = i;
    }
    let widths: Vec<f32> = nodes
        .iter()
        .map(|node| (params.card_size)(&graph[*node])[0])
        .collect();
    let managers = stage.manager_nodes();
    let manager_of = |i: usize| {
        managers
            .get(nodes[i].index())
            .copied()
            .flatten()
            .map(|m| dense[m.index()])
            .filter(|m| *m != i)
    };
    let centres = layout_forest(&widths, &manager_of, params, style);
    nodes.into_iter().zip(centres).collect()
}

/// The layout of a forest given densely (see [`tidy_forest`]) in `style`.
/// Linear in cards (compact makes a few linear passes to find its width).
pub fn layout_forest(
    widths: &[f32],
    manager_of: &dyn Fn(usize) -> Option<usize>,
    params: &LayoutParams,
    style: LayoutStyle,
) -> Vec<[f32; 2]> {
    match style {
        LayoutStyle::Wide => tidy_forest(widths, manager_of, params),
        LayoutStyle::Compact => compact::compact_forest(widths, manager_of, params),
        LayoutStyle::LeftRight => sideways::left_right_forest(widths, manager_of, params),
    }
}

/// The wide tidy layout of a forest given densely: card `i` is `widths[i]` wide
/// and reports to `manager_of(i)` (a reporting cycle is cut, never looped
/// over). Returns each card's centre, in the same order. Linear in cards.
pub fn tidy_forest(
    widths: &[f32],
    manager_of: &dyn Fn(usize) -> Option<usize>,
    params: &LayoutParams,
) -> Vec<[f32; 2]> {
    let n = widths.len();
    // Node `n` is a virtual root above every tree, so trees pack side by side.
    let root = n;
    let mut work = vec![Work::default(); n + 1];
    for (i, width) in widths.iter().enumerate() {
        work[i].width = *width;
        work[i].card_width = *width;
        work[i].ancestor = i;
    }
    work[root].ancestor = root;
    let children = stack_leaves(root, &attach_forest(n, manager_of), &mut work, params);
    for parent in 0..children.len() {
        for (k, &child) in children[parent].iter().enumerate() {
            work[child].parent = Some(parent);
            work[child].number = k + 1;
        }
    }
    first_walk_all(root, &children, &mut work, params);
    second_walk(root, &children, &work, params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function, PlanBuilder, StageKind, synthetic_plan};
    use std::collections::HashMap;

    fn positions(stage: &Stage) -> HashMap<String, [f32; 2]> {
        tidy_layout(stage).into_iter().collect()
    }

    /// No two of these cards overlap.
    fn assert_apart(stage: &Stage, pos: &HashMap<String, [f32; 2]>, size: fn(&Member) -> [f32; 2]) {
        let rects: Vec<(f32, f32, f32, f32)> = stage
            .members()
            .map(|m| {
                let [x, y] = pos[&m.id];
                let [w, h] = size(m);
                (x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0)
            })
            .collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                let apart = a.2 <= b.0 + 0.01
                    || b.2 <= a.0 + 0.01
                    || a.3 <= b.1 + 0.01
                    || b.3 <= a.1 + 0.01;
                assert!(apart, "cards overlap: {a:?} {b:?}");
            }
        }
    }

    /// No two cards overlap anywhere, and on one level every gap is respected.
    fn assert_no_overlaps(stage: &Stage) {
        assert_apart(stage, &positions(stage), card_size);
        assert_level_gaps(stage);
    }

    fn assert_level_gaps(stage: &Stage) {
        let pos = positions(stage);
        let mut levels: HashMap<i64, Vec<(f32, f32)>> = HashMap::new();
        for m in stage.members() {
            let [x, y] = pos[&m.id];
            levels
                .entry(y as i64)
                .or_default()
                .push((x, card_size(m)[0]));
        }
        for row in levels.values_mut() {
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            for pair in row.windows(2) {
                let needed = (pair[0].1 + pair[1].1) / 2.0 + SIBLING_GAP - 0.01;
                assert!(pair[1].0 - pair[0].0 >= needed, "overlap: {pair:?}");
            }
        }
    }

    #[test]
    fn parents_sit_above_the_middle_of_their_children() {
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("boss", Function::Owner, &[])
            .member("a", Function::Sales, &[])
            .member("b", Function::Sales, &[])
            .member("c", Function::Sales, &[])
            .reports("a", "boss")
            .reports("b", "boss")
            .reports("c", "boss")
            .build()
            .unwrap();
        let pos = positions(&plan.stages[0]);
        assert_eq!(pos["boss"][1], 0.0);
        assert_eq!(pos["a"][1], LEVEL_HEIGHT);
        assert!((pos["boss"][0] - (pos["a"][0] + pos["c"][0]) / 2.0).abs() < 0.01);
        assert!(pos["a"][0] < pos["b"][0] && pos["b"][0] < pos["c"][0]);
        assert_no_overlaps(&plan.stages[0]);
    }

    #[test]
    fn presentation_layout_never_overlaps() {
        for (n, fan_out) in [(120, 3), (200, 7), (60, 30)] {
            let plan = synthetic_plan(n, fan_out, 11);
            let stage = &plan.stages[2];
            let pos: HashMap<String, [f32; 2]> =
                tidy_layout_with(stage, &LayoutParams::PRESENTATION)
                    .into_iter()
                    .collect();
            assert_apart(stage, &pos, presentation_card_size);
        }
    }

    #[test]
    fn many_leaf_reports_stack_in_a_column() {
        let mut b =
            PlanBuilder::new()
                .stage("s", StageKind::Custom)
                .member("boss", Function::Owner, &[]);
        for i in 0..STACK_FROM {
            let id = format!("r{i}");
            b = b.member(&id, Function::Sales, &[]).reports(&id, "boss");
        }
        let plan = b.build().unwrap();
        let pos = positions(&plan.stages[0]);
        let [bx, by] = pos["boss"];
        for i in 0..STACK_FROM {
            let [x, y] = pos[&format!("r{i}")];
            assert_eq!(
                x,
                bx + STACK_INDENT,
                "equal widths: centred one indent right"
            );
            assert_eq!(y, by + LEVEL_HEIGHT + i as f32 * STACK_PITCH);
        }
        assert_no_overlaps(&plan.stages[0]);
    }

    #[test]
    fn large_and_uneven_trees_never_overlap() {
        for (n, fan_out) in [(300, 3), (500, 7), (200, 1), (150, 40)] {
            let plan = synthetic_plan(n, fan_out, 7);
            assert_no_overlaps(&plan.stages[0]);
        }
    }

    #[test]
    fn missing_positions_are_filled_without_moving_placed_members() {
        let mut plan = synthetic_plan(20, 3, 1);
        let stage = &mut plan.stages[0];
        place_missing_positions(stage);
        assert!(stage.all_placed());
        let kept = stage.pos("m0");
        stage.set_pos("m5", None);
        place_missing_positions(stage);
        assert_eq!(stage.pos("m0"), kept);
        let [_, y] = stage.pos("m5").unwrap();
        let lowest = stage
            .placed_members()
            .filter(|(m, _)| m.id != "m5")
            .map(|(_, p)| p.unwrap()[1])
            .fold(0.0, f32::max);
        assert!(y > lowest);
    }

    #[test]
    fn roots_orphans_and_cycles_are_all_placed() {
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("r1", Function::Owner, &[])
            .member("r2", Function::Owner, &[])
            .member("x", Function::Sales, &[])
            .member("lonely", Function::Other, &[])
            .member("c1", Function::Sales, &[])
            .member("c2", Function::Sales, &[])
            .reports("x", "r2")
            .reports("c1", "c2")
            .reports("c2", "c1")
            .build()
            .unwrap();
        let stage = &plan.stages[0];
        let pos = positions(stage);
        assert_eq!(pos.len(), 6);
        assert!(pos.values().all(|[x, y]| x.is_finite() && y.is_finite()));
        assert_no_overlaps(stage);
        // The managers the layout reads in one pass are the stage's own,
        // after removals too (node indices then have holes).
        let mut stage = synthetic_plan(300, 5, 2).stages[1].clone();
        stage.remove_member("m7");
        stage.remove_member("m40");
        let managers = stage.manager_nodes();
        assert!(managers.iter().any(Option::is_some));
        for node in stage.graph().node_indices() {
            assert_eq!(managers[node.index()], stage.manager_node(node));
        }
    }
}
