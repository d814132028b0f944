//! The tidy-tree algorithm: Walker's layout in Buchheim, Jünger and
//! Leipert's linear-time form, on a dense forest with a virtual root.

use super::LayoutParams;

/// Per-node working state of the algorithm, indexed densely.
#[derive(Clone, Copy, Default)]
pub(super) struct Work {
    /// Part of a vertical stack of leaves (placed below the previous one).
    pub(super) stacked: bool,
    /// The card's own width (`width` is the column width in a stack).
    pub(super) card_width: f32,
    pub(super) parent: Option<usize>,
    /// 1-based index among siblings.
    pub(super) number: usize,
    pub(super) prelim: f32,
    pub(super) modifier: f32,
    pub(super) shift: f32,
    pub(super) change: f32,
    pub(super) thread: Option<usize>,
    pub(super) ancestor: usize,
    pub(super) width: f32,
}

/// Every node's children in order, in one flat list: no allocation per
/// node. `kids[v]` is node `v`'s children.
pub(crate) struct Kids {
    /// Where each node's children start in `list` (one past the end last).
    start: Vec<usize>,
    list: Vec<usize>,
}

impl Kids {
    /// The children of nodes `0..parent_of.len()` and of the extra nodes
    /// up to `nodes`, from each node's parent (`None` for a top node);
    /// children come in index order.
    pub(crate) fn from_parents(parent_of: &[Option<usize>], nodes: usize) -> Self {
        let mut start = vec![0usize; nodes + 1];
        // A parent out of range is no parent (callers never give one).
        let parent = |p: &Option<usize>| p.filter(|p| *p < nodes);
        for p in parent_of.iter().filter_map(parent) {
            start[p + 1] += 1;
        }
        for v in 0..nodes {
            start[v + 1] += start[v];
        }
        let mut fill = start.clone();
        let mut list = vec![0usize; start[nodes]];
        for (child, p) in parent_of.iter().enumerate() {
            if let Some(p) = parent(p) {
                list[fill[p]] = child;
                fill[p] += 1;
            }
        }
        Self { start, list }
    }

    /// How many nodes.
    pub(super) fn len(&self) -> usize {
        self.start.len() - 1
    }
}

impl std::ops::Index<usize> for Kids {
    type Output = [usize];

    fn index(&self, v: usize) -> &[usize] {
        &self.list[self.start[v]..self.start[v + 1]]
    }
}

/// The children of a forest of `n` cards under a virtual root `n`: every
/// card hangs under its manager, or under the virtual root when it has none.
/// A reporting cycle is broken at the first member of the cycle met, which
/// then hangs under the virtual root.
pub(super) fn attach_forest(n: usize, manager_of: &dyn Fn(usize) -> Option<usize>) -> Kids {
    let root = n;
    // 0 = unseen, 1 = on the current walk, 2 = placed.
    let mut mark = vec![0u8; n];
    let mut parent_of = vec![Some(root); n];
    let mut path = Vec::new();
    for start in 0..n {
        path.clear();
        let mut current = Some(start);
        while let Some(i) = current {
            match mark[i] {
                2 => break,
                1 => {
                    // `i` closes a cycle: cut it there.
                    parent_of[i] = Some(root);
                    break;
                }
                _ => {
                    mark[i] = 1;
                    path.push(i);
                    current = manager_of(i);
                    parent_of[i] = Some(current.unwrap_or(root));
                }
            }
        }
        for &i in &path {
            mark[i] = 2;
        }
    }
    Kids::from_parents(&parent_of, n + 1)
}

/// Turns each large group of leaf reports into a chain (each leaf the only
/// "child" of the one above), so Walker reserves one column for the group at
/// every level it spans; all links of the chain share the widest card's
/// width (plus the indent). Returns the children with the chains.
pub(super) fn stack_leaves(
    root: usize,
    children: &Kids,
    work: &mut [Work],
    params: &LayoutParams,
) -> Kids {
    let nodes = children.len();
    let mut parent_of: Vec<Option<usize>> = vec![None; nodes];
    for v in 0..nodes {
        for &c in &children[v] {
            parent_of[c] = Some(v);
        }
    }
    for v in 0..nodes {
        let leaves = &children[v];
        if v == root || leaves.len() < params.stack_from {
            continue;
        }
        if leaves.iter().any(|c| !children[*c].is_empty()) {
            continue;
        }
        // Room for the indent on both sides keeps the shifted cards (and the
        // spine left of them) inside the column Walker reserves.
        let width =
            leaves.iter().map(|c| work[*c].width).fold(0.0, f32::max) + 2.0 * params.stack_indent;
        for pair in leaves.windows(2) {
            parent_of[pair[1]] = Some(pair[0]);
        }
        for &leaf in leaves {
            work[leaf].width = width;
            work[leaf].stacked = true;
        }
    }
    Kids::from_parents(&parent_of, nodes)
}

/// Walker's first walk, run bottom-up without recursion (post-order), with
/// Buchheim's apportion for linear time.
pub(super) fn first_walk_all(
    root: usize,
    children: &Kids,
    work: &mut [Work],
    params: &LayoutParams,
) {
    let order = post_order(root, children);
    // The default ancestor of each parent's children while they are walked.
    let mut default_ancestor: Vec<usize> = (0..work.len())
        .map(|v| children[v].first().copied().unwrap_or(v))
        .collect();
    for v in order {
        let left = left_sibling(v, children, work);
        if children[v].is_empty() {
            work[v].prelim = left.map_or(0.0, |w| {
                work[w].prelim + separation(w, v, work, params.sibling_gap)
            });
        } else {
            execute_shifts(v, children, work);
            let first = children[v][0];
            let last = children[v][children[v].len() - 1];
            let midpoint = (work[first].prelim + work[last].prelim) / 2.0;
            match left {
                Some(w) => {
                    work[v].prelim = work[w].prelim + separation(w, v, work, params.sibling_gap);
                    work[v].modifier = work[v].prelim - midpoint;
                }
                None => work[v].prelim = midpoint,
            }
        }
        if let Some(parent) = work[v].parent {
            default_ancestor[parent] = apportion(
                v,
                default_ancestor[parent],
                children,
                work,
                params.sibling_gap,
            );
        }
    }
}

/// Every node under `root` once, children before their parent, `root`
/// last (without recursion).
pub(super) fn post_order(root: usize, children: &Kids) -> Vec<usize> {
    let mut order = Vec::with_capacity(children.len());
    let mut stack = vec![(root, false)];
    while let Some((v, expanded)) = stack.pop() {
        if expanded {
            order.push(v);
        } else {
            stack.push((v, true));
            stack.extend(children[v].iter().rev().map(|c| (*c, false)));
        }
    }
    order
}

fn separation(left: usize, right: usize, work: &[Work], gap: f32) -> f32 {
    (work[left].width + work[right].width) / 2.0 + gap
}

fn left_sibling(v: usize, children: &Kids, work: &[Work]) -> Option<usize> {
    let parent = work[v].parent?;
    let number = work[v].number;
    (number > 1).then(|| children[parent][number - 2])
}

fn leftmost_sibling(v: usize, children: &Kids, work: &[Work]) -> usize {
    work[v].parent.map_or(v, |p| children[p][0])
}

fn next_left(v: usize, children: &Kids, work: &[Work]) -> Option<usize> {
    children[v].first().copied().or(work[v].thread)
}

fn next_right(v: usize, children: &Kids, work: &[Work]) -> Option<usize> {
    children[v].last().copied().or(work[v].thread)
}

fn apportion(v: usize, default: usize, children: &Kids, work: &mut [Work], gap: f32) -> usize {
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
            (work[vim].prelim + sim) - (work[vip].prelim + sip) + separation(vim, vip, work, gap);
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

fn execute_shifts(v: usize, children: &Kids, work: &mut [Work]) {
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
pub(super) fn second_walk(
    root: usize,
    children: &Kids,
    work: &[Work],
    params: &LayoutParams,
) -> Vec<[f32; 2]> {
    let mut out = vec![[0.0, 0.0]; work.len() - 1];
    let mut stack: Vec<(usize, f32, f32)> = vec![(root, 0.0, -params.level_height)];
    while let Some((v, m, y)) = stack.pop() {
        if v != root {
            let x = work[v].prelim + m;
            // Stacked cards share a left edge, one indent right of the column's.
            let x = if work[v].stacked {
                x - work[v].width / 2.0 + 2.0 * params.stack_indent + work[v].card_width / 2.0
            } else {
                x
            };
            out[v] = [x, y];
        }
        for &c in &children[v] {
            let step = if work[c].stacked && work[v].stacked {
                params.stack_pitch
            } else {
                params.level_height
            };
            stack.push((c, m + work[v].modifier, y + step));
        }
    }
    out
}
