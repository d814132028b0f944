//! The tidy layout of a generated 100,000-member org: no two cards overlap,
//! every report sits below its manager, and siblings keep their order.

use std::collections::HashMap;

use orgevo::layout::{CARD_MAX_WIDTH, card_size, tidy_layout};
use orgevo::look::lines::Bounds;
use orgevo::model::synthetic_plan;

#[test]
fn a_100k_member_layout_has_no_overlaps_reports_below_and_siblings_in_order() {
    let plan = synthetic_plan(100_000, 7, 2026);
    let stage = &plan.stages[1];
    let positions: HashMap<String, [f32; 2]> = tidy_layout(stage).into_iter().collect();
    assert_eq!(positions.len(), stage.member_count());
    let bounds: Vec<(&str, Bounds)> = stage
        .members()
        .map(|m| {
            (
                m.id.as_str(),
                Bounds::around(positions[&m.id], card_size(m)),
            )
        })
        .collect();

    // Overlaps, found through a grid of cells as large as the largest card:
    // two cards can only overlap if they share or neighbour a cell.
    let height = card_size(stage.members().next().unwrap())[1];
    let cell = |b: &Bounds| {
        (
            (b.left / CARD_MAX_WIDTH).floor() as i64,
            (b.top / height).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, (_, b)) in bounds.iter().enumerate() {
        grid.entry(cell(b)).or_default().push(i);
    }
    let overlap = |a: &Bounds, b: &Bounds| {
        a.left < b.right - 0.5
            && b.left < a.right - 0.5
            && a.top < b.bottom - 0.5
            && b.top < a.bottom - 0.5
    };
    let mut overlaps = 0;
    for (i, (_, b)) in bounds.iter().enumerate() {
        let (cx, cy) = cell(b);
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &j in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    if j > i && overlap(b, &bounds[j].1) {
                        overlaps += 1;
                    }
                }
            }
        }
    }
    assert_eq!(overlaps, 0, "cards overlap");

    // Reports below their manager; siblings left to right in member order
    // (or top to bottom where a team is stacked).
    let bounds_of: HashMap<&str, Bounds> = bounds.iter().copied().collect();
    for m in stage.members() {
        let reports = stage.reports_of(&m.id);
        let manager = bounds_of[m.id.as_str()];
        for r in &reports {
            assert!(
                bounds_of[r.id.as_str()].top >= manager.bottom,
                "{} is not below {}",
                r.id,
                m.id
            );
        }
        for pair in reports.windows(2) {
            let (a, b) = (
                bounds_of[pair[0].id.as_str()],
                bounds_of[pair[1].id.as_str()],
            );
            assert!(
                a.right <= b.left + 0.5 || a.bottom <= b.top + 0.5,
                "{} and {} out of order",
                pair[0].id,
                pair[1].id
            );
        }
    }
}
