//! A scrolling list that stays cheap however long it gets: the findings and
//! changes of a 10,000-member stage run to thousands of rows.

use egui::Ui;

/// Lists longer than this lay out only the rows in view.
pub const LONG_LIST: usize = 200;

/// Shows `items` in a vertical scroll area, one `row(ui, item, wrap)` each.
/// Up to [`LONG_LIST`] items every row is laid out and may wrap; beyond it
/// only the rows in view are, `row_height` high and one line each (`wrap`
/// false: the row truncates and shows its full text on hover).
pub fn list_ui<'a, T>(
    ui: &mut Ui,
    items: &'a [T],
    row_height: f32,
    mut row: impl FnMut(&mut Ui, &'a T, bool),
) {
    // It fills its panel: a list that shrank to its rows would shrink a
    // resizable panel back to them after every resize.
    let area = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if items.len() <= LONG_LIST {
        area.show(ui, |ui| {
            for item in items {
                row(ui, item, true);
            }
        });
    } else {
        area.show_rows(ui, row_height, items.len(), |ui, range| {
            for item in &items[range] {
                row(ui, item, false);
            }
        });
    }
}
