//! The app on a 10,000-member plan: an edit and its undo, through the UI.

mod common;

use common::{harness_with, retype};
use egui::{Key, Modifiers};
use orgevo::app::OrgevoApp;
use orgevo::model::synthetic_plan;

#[test]
fn undo_after_a_rename_on_a_10000_member_plan_restores_it() {
    let mut app = OrgevoApp::with_plan(synthetic_plan(10_000, 6, 2026), "synthetic.orgevo.json");
    // As opened: laid out, not yet edited.
    let original = app.plan().clone();
    app.set_stage(1);
    app.set_selection(["m9000".to_owned()]);
    let mut h = harness_with(app, 8);
    h.run();
    retype(&mut h, "Name", "Renamed on a big plan");
    h.key_press(Key::Enter);
    h.run();
    let renamed = &h.state().plan().stages[1];
    assert_eq!(
        renamed.member("m9000").unwrap().name,
        "Renamed on a big plan"
    );
    assert_ne!(h.state().plan(), &original);
    // The stages the rename did not touch were never copied.
    assert!(h.state().plan().stages[0].shares_chart_with(&original.stages[0]));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &original);
    assert!(!h.state().document().is_dirty());
    // The findings shown are those of the restored plan.
    assert_eq!(h.state().stage_index(), 1);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().plan().stages[1].member("m9000").unwrap().name,
        "Renamed on a big plan"
    );
}
