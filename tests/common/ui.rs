//! Helpers for the UI tests (the `gui` feature).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use orgevo::app::OrgevoApp;

/// The app on the bundled example plan.
pub fn example_app() -> OrgevoApp {
    let plan = orgevo::io::plan_from_str(orgevo::io::BUNDLED_EXAMPLE).expect("the example loads");
    OrgevoApp::with_plan(plan, "acme-evolution.orgevo.json")
}

/// The app on the bundled example as one straight line: its "Hire a
/// growth leader" option taken out, so no stage is a decision.
pub fn straight_example_app() -> OrgevoApp {
    let mut plan =
        orgevo::io::plan_from_str(orgevo::io::BUNDLED_EXAMPLE).expect("the example loads");
    plan.stages
        .retain(|s| s.option.as_deref() != Some("Hire a growth leader"));
    assert!((0..plan.stages.len()).all(|i| !plan.is_decision(i)));
    OrgevoApp::with_plan(plan, "acme-evolution.orgevo.json")
}

/// A 1400×900 harness running the whole app, allowing `max_steps` frames
/// for the ui to settle.
pub fn harness_with(app: OrgevoApp, max_steps: u64) -> Harness<'static, OrgevoApp> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(max_steps)
        .build_ui_state(|ui, app: &mut OrgevoApp| app.ui_main(ui), app)
}

/// Replaces the text of the field labelled `label` (select all, type).
pub fn retype(h: &mut Harness<'_, OrgevoApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Clicks the widget labelled `label` after scrolling it into view, as a
/// user would (the member inspector can be taller than its panel).
pub fn click_in_view(h: &mut Harness<'_, OrgevoApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}
