//! Each layout style on generated orgs of 1,000 and 100,000 members (DESIGN.md
//! "Layout styles and big charts"): no two cards overlap at their real
//! sizes, every report sits below its manager (right of it, left to right),
//! siblings keep their order, and compact comes out at most 2.5 times as
//! wide as tall (or as tall as wide).

use std::collections::HashMap;

use orgevo::layout::{CARD_MAX_WIDTH, LayoutParams, card_size, styled_layout};
use orgevo::look::lines::Bounds;
use orgevo::model::{LayoutStyle, Stage, synthetic_plan};

/// The layout of `stage` in `style`, checked; returns its width and height.
fn check(stage: &Stage, style: LayoutStyle) -> [f32; 2] {
    let positions: HashMap<String, [f32; 2]> = styled_layout(stage, &LayoutParams::EDITOR, style)
        .into_iter()
        .collect();
    assert_eq!(positions.len(), stage.member_count());
    let bounds: Vec<Bounds> = stage
        .members()
        .map(|m| Bounds::around(positions[&m.id], card_size(m)))
        .collect();
    assert_eq!(count_overlaps(&bounds), 0, "{style}: cards overlap");

    let bounds_of: HashMap<&str, Bounds> = stage
        .members()
        .map(|m| m.id.as_str())
        .zip(bounds.iter().copied())
        .collect();
    for m in stage.members() {
        let reports = stage.reports_of(&m.id);
        let manager = bounds_of[m.id.as_str()];
        for r in &reports {
            let report = bounds_of[r.id.as_str()];
            let placed = match style {
                LayoutStyle::LeftRight => report.left >= manager.right,
                _ => report.top >= manager.bottom,
            };
            assert!(placed, "{style}: {} is not past its manager {}", r.id, m.id);
        }
        for pair in reports.windows(2) {
            let (a, b) = (
                bounds_of[pair[0].id.as_str()],
                bounds_of[pair[1].id.as_str()],
            );
            // Reading order: b right of a (on its row, or the next column of
            // a stack) or below it (a later row, lower in a stack); left to
            // right, below it.
            let in_order = match style {
                LayoutStyle::LeftRight => a.bottom <= b.top + 0.5,
                _ => a.right <= b.left + 0.5 || a.bottom <= b.top + 0.5,
            };
            assert!(
                in_order,
                "{style}: {} and {} out of order",
                pair[0].id, pair[1].id
            );
        }
    }
    let left = bounds.iter().map(|b| b.left).fold(f32::INFINITY, f32::min);
    let right = bounds
        .iter()
        .map(|b| b.right)
        .fold(f32::NEG_INFINITY, f32::max);
    let top = bounds.iter().map(|b| b.top).fold(f32::INFINITY, f32::min);
    let bottom = bounds
        .iter()
        .map(|b| b.bottom)
        .fold(f32::NEG_INFINITY, f32::max);
    [right - left, bottom - top]
}

/// Overlapping pairs, found through a grid of cells as large as the
/// largest card: two cards can only overlap if they share or neighbour a
/// cell.
fn count_overlaps(bounds: &[Bounds]) -> usize {
    let height = bounds.first().map_or(1.0, |b| b.size()[1]);
    let cell = |b: &Bounds| {
        (
            (b.left / CARD_MAX_WIDTH).floor() as i64,
            (b.top / height).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, b) in bounds.iter().enumerate() {
        grid.entry(cell(b)).or_default().push(i);
    }
    let overlap = |a: &Bounds, b: &Bounds| {
        a.left < b.right - 0.5
            && b.left < a.right - 0.5
            && a.top < b.bottom - 0.5
            && b.top < a.bottom - 0.5
    };
    let mut overlaps = 0;
    for (i, b) in bounds.iter().enumerate() {
        let (cx, cy) = cell(b);
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &j in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    if j > i && overlap(b, &bounds[j]) {
                        overlaps += 1;
                    }
                }
            }
        }
    }
    overlaps
}

fn proportions([width, height]: [f32; 2]) -> f32 {
    (width / height).max(height / width)
}

#[test]
fn every_style_lays_out_1000_member_orgs_cleanly_and_compact_is_page_shaped() {
    for (span, seed) in [(6, 2026), (6, 7), (4, 1), (12, 3)] {
        let plan = synthetic_plan(1_000, span, seed);
        let stage = &plan.stages[1];
        let wide = check(stage, LayoutStyle::Wide);
        let compact = check(stage, LayoutStyle::Compact);
        check(stage, LayoutStyle::LeftRight);
        assert!(
            proportions(compact) <= 2.5,
            "span {span}: compact is {compact:?} (wide {wide:?})"
        );
        assert!(
            proportions(wide) > proportions(compact),
            "span {span}: compact did not help"
        );
    }
}

#[test]
fn every_style_lays_out_a_100k_member_org_cleanly_and_compact_is_page_shaped() {
    let plan = synthetic_plan(100_000, 6, 2026);
    let stage = &plan.stages[1];
    check(stage, LayoutStyle::Wide);
    let compact = check(stage, LayoutStyle::Compact);
    assert!(proportions(compact) <= 2.5, "compact is {compact:?}");
    check(stage, LayoutStyle::LeftRight);
}
