//! Tidy tree layout for a stage's reporting forest (Walker's algorithm in
//! Buchheim, Jünger and Leipert's linear-time form), with variable card
//! widths. Roots sit side by side; collaboration lines are drawn over the
//! result. Positions are card centres.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

use crate::model::{Member, Stage};

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
    let chars = |s: &str| s.chars().count() as f32;
    let name = chars(member.display_name()) * 8.2;
    let title = chars(&member.title) * 6.6;
    let width = (name.max(title) + 28.0).clamp(CARD_MIN_WIDTH, CARD_MAX_WIDTH);
    [width, CARD_HEIGHT]
}

/// Gives every member without a position one: a tidy layout when nobody
/// has a position yet, otherwise a row below the positioned members.
pub fn place_missing_positions(stage: &mut Stage) {
    let missing: Vec<String> = stage
        .members()
        .filter(|m| m.pos.is_none())
        .map(|m| m.id.clone())
        .collect();
    if missing.is_empty() {
        return;
    }
    let placed: Vec<(f32, f32)> = stage
        .members()
        .filter_map(|m| m.pos.map(|[x, y]| (x, y)))
        .collect();
    if placed.is_empty() {
        for (id, pos) in tidy_layout(stage) {
            if let Some(m) = stage.member_mut(&id) {
                m.pos = Some(pos);
            }
        }
        return;
    }
    let left = placed.iter().map(|p| p.0).fold(f32::INFINITY, f32::min);
    let bottom = placed.iter().map(|p| p.1).fold(f32::NEG_INFINITY, f32::max);
    let mut x = left;
    for id in missing {
        if let Some(m) = stage.member_mut(&id) {
            let width = card_size(m)[0];
            m.pos = Some([x, bottom + LEVEL_HEIGHT]);
            x += width + SIBLING_GAP;
        }
    }
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

/// Per-node working state of the algorithm, indexed densely.
#[derive(Clone, Copy, Default)]
struct Work {
    /// Part of a vertical stack of leaves (placed below the previous one).
    stacked: bool,
    /// The card's own width (`width` is the column width in a stack).
    card_width: f32,
    parent: Option<usize>,
    /// 1-based index among siblings.
    number: usize,
    prelim: f32,
    modifier: f32,
    shift: f32,
    change: f32,
    thread: Option<usize>,
    ancestor: usize,
    width: f32,
}

/// Lays out `stage` as a tidy forest and returns a centre position for every
/// member, in the stage's member order. Linear in members and lines.
pub fn tidy_layout(stage: &Stage) -> Vec<(String, [f32; 2])> {
    let graph = stage.graph();
    let nodes: Vec<NodeIndex> = graph.node_indices().collect();
    let mut dense = vec![usize::MAX; graph.node_bound()];
    for (i, node) in nodes.iter().enumerate() {
        dense[node.index()] = i;
    }
    let n = nodes.len();
    // Node `n` is a virtual root above every tree, so trees pack side by side.
    let root = n;
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    let mut work = vec![Work::default(); n + 1];
    let manager_of = |i: usize| {
        stage
            .manager_node(nodes[i])
            .map(|m| dense[m.index()])
            .filter(|m| *m != i)
    };
    for i in 0..n {
        work[i].width = card_size(&graph[nodes[i]])[0];
        work[i].card_width = work[i].width;
        work[i].ancestor = i;
    }
    work[root].ancestor = root;
    attach_forest(n, &manager_of, &mut children);
    stack_leaves(root, &mut children, &mut work);
    for (parent, kids) in children.iter().enumerate() {
        for (k, &child) in kids.iter().enumerate() {
            work[child].parent = Some(parent);
            work[child].number = k + 1;
        }
    }
    first_walk_all(root, &children, &mut work);
    let positions = second_walk(root, &children, &work);
    nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (graph[*node].id.clone(), positions[i]))
        .collect()
}

/// Fills `children` so every member hangs under its manager, or under the
/// virtual root when it has none. A reporting cycle is broken at the first
/// member of the cycle met, which then hangs under the virtual root.
fn attach_forest(
    n: usize,
    manager_of: &dyn Fn(usize) -> Option<usize>,
    children: &mut [Vec<usize>],
) {
    let root = n;
    // 0 = unseen, 1 = on the current walk, 2 = placed.
    let mut mark = vec![0u8; n];
    let mut parent_of = vec![root; n];
    let mut path = Vec::new();
    for start in 0..n {
        path.clear();
        let mut current = Some(start);
        while let Some(i) = current {
            match mark[i] {
                2 => break,
                1 => {
                    // `i` closes a cycle: cut it there.
                    parent_of[i] = root;
                    break;
                }
                _ => {
                    mark[i] = 1;
                    path.push(i);
                    current = manager_of(i);
                    parent_of[i] = current.unwrap_or(root);
                }
            }
        }
        for &i in &path {
            mark[i] = 2;
        }
    }
    for i in 0..n {
        children[parent_of[i]].push(i);
    }
}

/// Turns each large group of leaf reports into a chain (each leaf the only
/// "child" of the one above), so Walker reserves one column for the group at
/// every level it spans; all links of the chain share the widest card's
/// width (plus the indent).
fn stack_leaves(root: usize, children: &mut [Vec<usize>], work: &mut [Work]) {
    for v in 0..children.len() {
        if v == root || children[v].len() < STACK_FROM {
            continue;
        }
        if children[v].iter().any(|c| !children[*c].is_empty()) {
            continue;
        }
        let leaves = std::mem::take(&mut children[v]);
        // Room for the indent on both sides keeps the shifted cards (and the
        // spine left of them) inside the column Walker reserves.
        let width = leaves.iter().map(|c| work[*c].width).fold(0.0, f32::max) + 2.0 * STACK_INDENT;
        children[v].push(leaves[0]);
        for pair in leaves.windows(2) {
            children[pair[0]].push(pair[1]);
        }
        for &leaf in &leaves {
            work[leaf].width = width;
            work[leaf].stacked = true;
        }
    }
}

/// Walker's first walk, run bottom-up without recursion (post-order), with
/// Buchheim's apportion for linear time.
fn first_walk_all(root: usize, children: &[Vec<usize>], work: &mut [Work]) {
    let mut order = Vec::with_capacity(work.len());
    let mut stack = vec![(root, false)];
    while let Some((v, expanded)) = stack.pop() {
        if expanded {
            order.push(v);
        } else {
            stack.push((v, true));
            for &c in children[v].iter().rev() {
                stack.push((c, false));
            }
        }
    }
    // The default ancestor of each parent's children while they are walked.
    let mut default_ancestor: Vec<usize> = (0..work.len())
        .map(|v| children[v].first().copied().unwrap_or(v))
        .collect();
    for v in order {
        let left = left_sibling(v, children, work);
        if children[v].is_empty() {
            work[v].prelim = left.map_or(0.0, |w| work[w].prelim + separation(w, v, work));
        } else {
            execute_shifts(v, children, work);
            let first = children[v][0];
            let last = children[v][children[v].len() - 1];
            let midpoint = (work[first].prelim + work[last].prelim) / 2.0;
            match left {
                Some(w) => {
                    work[v].prelim = work[w].prelim + separation(w, v, work);
                    work[v].modifier = work[v].prelim - midpoint;
                }
                None => work[v].prelim = midpoint,
            }
        }
        if let Some(parent) = work[v].parent {
            default_ancestor[parent] = apportion(v, default_ancestor[parent], children, work);
        }
    }
}

fn separation(left: usize, right: usize, work: &[Work]) -> f32 {
    (work[left].width + work[right].width) / 2.0 + SIBLING_GAP
}

fn left_sibling(v: usize, children: &[Vec<usize>], work: &[Work]) -> Option<usize> {
    let parent = work[v].parent?;
    let number = work[v].number;
    (number > 1).then(|| children[parent][number - 2])
}

fn leftmost_sibling(v: usize, children: &[Vec<usize>], work: &[Work]) -> usize {
    work[v].parent.map_or(v, |p| children[p][0])
}

fn next_left(v: usize, children: &[Vec<usize>], work: &[Work]) -> Option<usize> {
    children[v].first().copied().or(work[v].thread)
}

fn next_right(v: usize, children: &[Vec<usize>], work: &[Work]) -> Option<usize> {
    children[v].last().copied().or(work[v].thread)
}

fn apportion(v: usize, default: usize, children: &[Vec<usize>], work: &mut [Work]) -> usize {
    let Some(w) = left_sibling(v, children, work) else {
        return default;
    };
    let mut default = default;
    let (mut vip, mut vop) = (v, v);
    let mut vim = w;
    let mut vom = leftmost_sibling(v, children, work);
    let mut sip = work[vip].modifier;
    let mut sop = work[vop].modifier;
    let mut sim = work[vim].modifier;
    let mut som = work[vom].modifier;
    while let (Some(nr), Some(nl)) = (
        next_right(vim, children, work),
        next_left(vip, children, work),
    ) {
        vim = nr;
        vip = nl;
        vom = next_left(vom, children, work).unwrap_or(vom);
        vop = next_right(vop, children, work).unwrap_or(vop);
        work[vop].ancestor = v;
        let shift =
            (work[vim].prelim + sim) - (work[vip].prelim + sip) + separation(vim, vip, work);
        if shift > 0.0 {
            let a = ancestor(vim, v, default, work);
            move_subtree(a, v, shift, work);
            sip += shift;
            sop += shift;
        }
        sim += work[vim].modifier;
        sip += work[vip].modifier;
        som += work[vom].modifier;
        sop += work[vop].modifier;
    }
    if let Some(nr) = next_right(vim, children, work)
        && next_right(vop, children, work).is_none()
    {
        work[vop].thread = Some(nr);
        work[vop].modifier += sim - sop;
    }
    if let Some(nl) = next_left(vip, children, work)
        && next_left(vom, children, work).is_none()
    {
        work[vom].thread = Some(nl);
        work[vom].modifier += sip - som;
        default = v;
    }
    default
}

fn ancestor(vim: usize, v: usize, default: usize, work: &[Work]) -> usize {
    let a = work[vim].ancestor;
    if work[a].parent.is_some() && work[a].parent == work[v].parent {
        a
    } else {
        default
    }
}

fn move_subtree(wm: usize, wp: usize, shift: f32, work: &mut [Work]) {
    let subtrees = work[wp].number.saturating_sub(work[wm].number).max(1) as f32;
    work[wp].change -= shift / subtrees;
    work[wp].shift += shift;
    work[wm].change += shift / subtrees;
    work[wp].prelim += shift;
    work[wp].modifier += shift;
}

fn execute_shifts(v: usize, children: &[Vec<usize>], work: &mut [Work]) {
    let (mut shift, mut change) = (0.0, 0.0);
    for &w in children[v].iter().rev() {
        work[w].prelim += shift;
        work[w].modifier += shift;
        change += work[w].change;
        shift += work[w].shift + change;
    }
}

/// Final positions: x from the accumulated modifiers, y from the depth. The
/// virtual root is dropped, so real roots sit on level 0.
fn second_walk(root: usize, children: &[Vec<usize>], work: &[Work]) -> Vec<[f32; 2]> {
    let mut out = vec![[0.0, 0.0]; work.len() - 1];
    let mut stack: Vec<(usize, f32, f32)> = vec![(root, 0.0, -LEVEL_HEIGHT)];
    while let Some((v, m, y)) = stack.pop() {
        if v != root {
            let x = work[v].prelim + m;
            // Stacked cards share a left edge, one indent right of the column's.
            let x = if work[v].stacked {
                x - work[v].width / 2.0 + 2.0 * STACK_INDENT + work[v].card_width / 2.0
            } else {
                x
            };
            out[v] = [x, y];
        }
        for &c in &children[v] {
            let step = if work[c].stacked && work[v].stacked {
                STACK_PITCH
            } else {
                LEVEL_HEIGHT
            };
            stack.push((c, m + work[v].modifier, y + step));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function, PlanBuilder, StageKind, synthetic_plan};
    use std::collections::HashMap;

    fn positions(stage: &Stage) -> HashMap<String, [f32; 2]> {
        tidy_layout(stage).into_iter().collect()
    }

    /// No two cards overlap anywhere, and on one level every gap is respected.
    fn assert_no_overlaps(stage: &Stage) {
        let pos = positions(stage);
        let rects: Vec<(f32, f32, f32, f32)> = stage
            .members()
            .map(|m| {
                let [x, y] = pos[&m.id];
                let [w, h] = card_size(m);
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
        assert!(stage.members().all(|m| m.pos.is_some()));
        let kept = stage.member("m0").unwrap().pos;
        stage.member_mut("m5").unwrap().pos = None;
        place_missing_positions(stage);
        assert_eq!(stage.member("m0").unwrap().pos, kept);
        let [_, y] = stage.member("m5").unwrap().pos.unwrap();
        let lowest = stage
            .members()
            .filter(|m| m.id != "m5")
            .map(|m| m.pos.unwrap()[1])
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
    }
}
