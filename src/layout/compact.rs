//! The compact layout: each subtree is a block; where a manager's report
//! blocks side by side would be wider than a limit, they wrap into further
//! rows under the manager. Rows are split left and right of the manager's
//! centre, leaving a corridor for the line down to the lower rows. The
//! limit is chosen so the whole chart comes out close to the proportions
//! asked for. Linear in cards for each of a few tries.

use super::LayoutParams;
use super::walker::{Kids, attach_forest, post_order};

/// How many times the wrap limit is tried (each try is one linear pass).
const TRIES: usize = 6;
/// Good enough: within this factor of the proportions asked for.
const CLOSE_ENOUGH: f32 = 1.15;

/// One subtree's block, measured with its top-left corner at 0: the
/// manager's card top is the block's top.
#[derive(Clone, Copy, Default)]
struct Block {
    width: f32,
    height: f32,
    /// The card's centre, from the block's left edge.
    anchor: f32,
}

/// Where a block sits inside its manager's block (its top-left corner).
#[derive(Clone, Copy, Default)]
struct Offset {
    x: f32,
    y: f32,
}

/// The forest's shape, shared by every try.
struct Forest<'a> {
    widths: &'a [f32],
    children: Kids,
    /// Children before parents; the virtual root (index `n`) last.
    post_order: Vec<usize>,
    /// Whether a node's reports are a stack of leaves.
    stacked: Vec<bool>,
    params: &'a LayoutParams,
}

/// The compact layout of a dense forest (see [`super::tidy_forest`]):
/// card centres, in card order.
pub(super) fn compact_forest(
    widths: &[f32],
    manager_of: &dyn Fn(usize) -> Option<usize>,
    params: &LayoutParams,
) -> Vec<[f32; 2]> {
    let n = widths.len();
    let children = attach_forest(n, manager_of);
    let post_order = post_order(n, &children);
    let stacked = (0..=n)
        .map(|v| {
            v != n
                && children[v].len() >= params.stack_from
                && children[v].iter().all(|c| children[*c].is_empty())
        })
        .collect();
    let forest = Forest {
        widths,
        children,
        post_order,
        stacked,
        params,
    };
    let area: f32 = widths
        .iter()
        .map(|w| (w + params.sibling_gap) * params.level_height)
        .sum();
    let aspect = params.aspect.max(0.1);
    let mut wrap = (area * aspect).sqrt();
    let mut best: Option<(f32, f32)> = None;
    for _ in 0..TRIES {
        let (blocks, _) = forest.measure(wrap);
        let root = blocks[n];
        let ratio = root.width.max(1.0) / root.height.max(1.0);
        let miss = (ratio / aspect).max(aspect / ratio);
        if best.is_none_or(|(_, m)| miss < m) {
            best = Some((wrap, miss));
        }
        if miss < CLOSE_ENOUGH {
            break;
        }
        wrap *= (aspect / ratio).sqrt();
    }
    let wrap = best.map_or(wrap, |(w, _)| w);
    let (blocks, offsets) = forest.measure(wrap);
    forest.place(&blocks, &offsets)
}

impl Forest<'_> {
    fn root(&self) -> usize {
        self.widths.len()
    }

    /// Every block and where it sits in its manager's, for one wrap limit.
    fn measure(&self, wrap: f32) -> (Vec<Block>, Vec<Offset>) {
        let count = self.children.len();
        let mut blocks = vec![Block::default(); count];
        let mut offsets = vec![Offset::default(); count];
        for &v in &self.post_order {
            blocks[v] = if v == self.root() {
                self.measure_roots(wrap, &blocks, &mut offsets)
            } else if self.children[v].is_empty() {
                let width = self.widths[v];
                Block {
                    width,
                    height: self.params.card_height,
                    anchor: width / 2.0,
                }
            } else if self.stacked[v] {
                self.measure_stack(v, &mut offsets)
            } else {
                self.measure_team(v, wrap, &blocks, &mut offsets)
            };
        }
        (blocks, offsets)
    }

    /// The trees side by side, wrapped into rows; no manager above them.
    fn measure_roots(&self, wrap: f32, blocks: &[Block], offsets: &mut [Offset]) -> Block {
        let gap = self.params.sibling_gap;
        let gutter = self.gutter();
        let (mut x, mut y, mut row_height, mut width) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
        for &c in &self.children[self.root()] {
            let b = blocks[c];
            if x > 0.0 && x + b.width > wrap {
                y += row_height + gutter;
                (x, row_height) = (0.0, 0.0);
            }
            offsets[c] = Offset { x, y };
            x += b.width + gap;
            width = width.max(x - gap);
            row_height = row_height.max(b.height);
        }
        Block {
            width,
            height: y + row_height,
            anchor: width / 2.0,
        }
    }

    /// A manager over a stack of leaf reports, in columns of at most
    /// `stack_rows` cards, side by side.
    fn measure_stack(&self, v: usize, offsets: &mut [Offset]) -> Block {
        let p = self.params;
        let leaves = &self.children[v];
        let columns = leaves.len().div_ceil(p.stack_rows.max(1));
        let rows = leaves.len().div_ceil(columns);
        let widest = leaves.iter().map(|c| self.widths[*c]).fold(0.0, f32::max);
        let column = widest + 2.0 * p.stack_indent;
        let stack = columns as f32 * column + (columns - 1) as f32 * p.sibling_gap;
        let width = stack.max(self.widths[v]);
        let left = (width - stack) / 2.0;
        for (j, &leaf) in leaves.iter().enumerate() {
            let (col, row) = (j / rows, j % rows);
            offsets[leaf] = Offset {
                x: left + col as f32 * (column + p.sibling_gap) + 2.0 * p.stack_indent,
                y: p.level_height + row as f32 * p.stack_pitch,
            };
        }
        Block {
            width,
            height: p.level_height + (rows - 1) as f32 * p.stack_pitch + p.card_height,
            anchor: width / 2.0,
        }
    }

    /// A manager over its reports' blocks: one row when they fit in `wrap`,
    /// else rows split around a corridor under the manager's centre.
    fn measure_team(&self, v: usize, wrap: f32, blocks: &[Block], offsets: &mut [Offset]) -> Block {
        let p = self.params;
        let gap = p.sibling_gap;
        let kids = &self.children[v];
        let own = self.widths[v];
        let rows = wrap_rows(kids.iter().map(|c| blocks[*c].width), gap, wrap);
        if rows.len() == 1 {
            let mut x = 0.0;
            for &c in kids {
                offsets[c] = Offset {
                    x,
                    y: p.level_height,
                };
                x += blocks[c].width + gap;
            }
            let row = x - gap;
            let centre = |c: usize| offsets[c].x + blocks[c].anchor;
            let first = kids[0];
            let last = kids[kids.len() - 1];
            let mid = (centre(first) + centre(last)) / 2.0;
            let left = (mid - own / 2.0).min(0.0);
            for &c in kids {
                offsets[c].x -= left;
            }
            let height = kids.iter().map(|c| blocks[*c].height).fold(0.0, f32::max);
            return Block {
                width: row.max(mid + own / 2.0) - left,
                height: p.level_height + height,
                anchor: mid - left,
            };
        }
        // Each row: a left part ending at the corridor, a right part
        // starting after it.
        let splits: Vec<(std::ops::Range<usize>, usize, f32, f32)> = rows
            .into_iter()
            .map(|row| {
                let widths: Vec<f32> = kids[row.clone()].iter().map(|c| blocks[*c].width).collect();
                let (split, left, right) = balanced_split(&widths, gap);
                (row, split, left, right)
            })
            .collect();
        let widest_left = splits.iter().map(|s| s.2).fold(0.0, f32::max);
        let widest_right = splits.iter().map(|s| s.3).fold(0.0, f32::max);
        let corridor = (widest_left + gap / 2.0).max(own / 2.0);
        let mut top = p.level_height;
        for (row, split, left, _) in &splits {
            let mut x = corridor - gap / 2.0 - left;
            let mut height = 0.0f32;
            for (k, &c) in kids[row.clone()].iter().enumerate() {
                if k == *split {
                    x = corridor + gap / 2.0;
                }
                offsets[c] = Offset { x, y: top };
                x += blocks[c].width + gap;
                height = height.max(blocks[c].height);
            }
            top += height + self.gutter();
        }
        Block {
            width: (corridor + gap / 2.0 + widest_right).max(corridor + own / 2.0),
            height: top - self.gutter(),
            anchor: corridor,
        }
    }

    /// The empty band between a card and the row below it.
    fn gutter(&self) -> f32 {
        self.params.level_height - self.params.card_height
    }

    /// Card centres from the blocks, top-down.
    fn place(&self, blocks: &[Block], offsets: &[Offset]) -> Vec<[f32; 2]> {
        let n = self.root();
        let mut corner = vec![Offset::default(); n + 1];
        let mut out = vec![[0.0, 0.0]; n];
        for &v in self.post_order.iter().rev() {
            if v != n {
                out[v] = [corner[v].x + blocks[v].anchor, corner[v].y];
            }
            for &c in &self.children[v] {
                corner[c] = Offset {
                    x: corner[v].x + offsets[c].x,
                    y: corner[v].y + offsets[c].y,
                };
            }
        }
        out
    }
}

/// Consecutive runs of `widths` whose total (with `gap` between) stays
/// within `wrap`; a block wider than `wrap` gets a row of its own.
fn wrap_rows(
    widths: impl Iterator<Item = f32>,
    gap: f32,
    wrap: f32,
) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let (mut start, mut x, mut count) = (0, 0.0f32, 0);
    for (i, width) in widths.enumerate() {
        if i > start && x + gap + width > wrap {
            rows.push(start..i);
            (start, x) = (i, 0.0);
        }
        x += if i > start { gap + width } else { width };
        count = i + 1;
    }
    rows.push(start..count);
    rows
}

/// Where a row splits into a left and a right part of about equal width:
/// the index of the first block of the right part, and both widths.
fn balanced_split(widths: &[f32], gap: f32) -> (usize, f32, f32) {
    let total: f32 = widths.iter().sum();
    let part = |sum: f32, count: usize| {
        if count == 0 {
            0.0
        } else {
            sum + (count - 1) as f32 * gap
        }
    };
    let mut best = (0, 0.0, part(total, widths.len()));
    let mut sum = 0.0;
    for (s, width) in widths.iter().enumerate() {
        sum += width;
        let (left, right) = (part(sum, s + 1), part(total - sum, widths.len() - s - 1));
        if (left - right).abs() < (best.1 - best.2).abs() {
            best = (s + 1, left, right);
        }
    }
    best
}
