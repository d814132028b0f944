//! The left-to-right layout: the tidy tree turned on its side, so reports
//! sit in a column to the right of their manager.

use super::LayoutParams;

/// The left-to-right layout of a dense forest (see [`super::tidy_forest`]):
/// card centres, in card order. Every level is a column as wide as the
/// widest card; cards in a column share their left edge.
pub(super) fn left_right_forest(
    widths: &[f32],
    manager_of: &dyn Fn(usize) -> Option<usize>,
    params: &LayoutParams,
) -> Vec<[f32; 2]> {
    let height = params.card_height;
    // Walker with the axes swapped: a card's "width" along a level is its
    // height, and levels are one unit apart (the depth).
    let across = LayoutParams {
        level_height: 1.0,
        sibling_gap: (params.stack_pitch - height).max(8.0),
        stack_from: usize::MAX,
        ..*params
    };
    let heights = vec![height; widths.len()];
    let tidy = super::tidy_forest(&heights, manager_of, &across);
    let widest = widths.iter().copied().fold(0.0, f32::max);
    let column = widest + (params.level_height - height);
    tidy.iter()
        .zip(widths)
        .map(|([along, depth], width)| [depth.round() * column + width / 2.0, *along])
        .collect()
}
