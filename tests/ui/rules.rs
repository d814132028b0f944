//! Rule settings in the plan inspector, driven like a user: a rule turned
//! off or made an error changes the findings panel at once, and undoes.

use crate::common;

use egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;
use orgevo::model::RuleLevel;
use orgevo::rules::{Severity, Summary};

/// Whether the findings panel lists a finding of `rule`: its button reads
/// the message of that rule's finding on the example's first stage (in
/// words: the panel never shows rule ids).
fn finding_listed(h: &egui_kittest::Harness<'_, orgevo::app::OrgevoApp>, rule: &str) -> bool {
    let example = orgevo::io::plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    let message = orgevo::rules::check_stage(&example, 0)
        .into_iter()
        .find(|f| f.rule == rule)
        .map(|f| f.message)
        .expect("the example has such a finding");
    h.query_all_by(|node| node.role() == Role::Button && node.label().as_deref() == Some(&message))
        .next()
        .is_some()
}

/// The marker the findings panel puts before an error.
const ERROR_MARKER: &str = "⛔";

fn pick(h: &mut egui_kittest::Harness<'_, orgevo::app::OrgevoApp>, rule: &str, choice: &str) {
    let summary = orgevo::rules::rule_by_id(rule).unwrap().summary;
    // Scrolled into view first, as a user would: the rules sit at the
    // bottom of the plan inspector.
    h.get_by_role_and_label(Role::ComboBox, summary)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, summary).click();
    h.run();
    h.get_by_label(choice).click();
    h.run();
}

#[test]
fn a_rule_turned_off_in_the_inspector_leaves_the_findings_and_undo_brings_it_back() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    assert!(finding_listed(&h, "founder-overload"));
    h.get_by_label("Rules").click();
    h.run();
    pick(&mut h, "founder-overload", "Off");
    let levels = &h.state().plan().settings.rules;
    assert_eq!(levels.get("founder-overload"), Some(&RuleLevel::Off));
    assert!(!finding_listed(&h, "founder-overload"));
    assert!(h.query_by_label("Rules (1 changed)").is_some());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().plan().settings.rules.is_empty());
    assert!(finding_listed(&h, "founder-overload"));
}

#[test]
fn raising_a_rule_to_error_shows_it_as_an_error() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.get_by_label("Rules").click();
    h.run();
    let before = Summary::of(h.state().findings_of(0));
    let overload = |h: &egui_kittest::Harness<'_, orgevo::app::OrgevoApp>| {
        let shown = h.state().findings_of(0);
        let found: Vec<Severity> = shown
            .iter()
            .filter(|f| f.rule == "founder-overload")
            .map(|f| f.severity)
            .collect();
        assert_eq!(found.len(), 1, "{shown:?}");
        found[0]
    };
    assert_eq!(overload(&h), Severity::Warning);
    assert!(h.query_by_label(&before.to_string()).is_some());
    let error_markers = |h: &egui_kittest::Harness<'_, orgevo::app::OrgevoApp>| {
        h.query_all_by_label(ERROR_MARKER).count()
    };
    let markers_before = error_markers(&h);
    pick(&mut h, "founder-overload", "Error");
    // The app's findings carry the new level, and the panel counts it as
    // an error: one more error, one warning fewer.
    assert_eq!(overload(&h), Severity::Error);
    let after = Summary {
        errors: before.errors + 1,
        warnings: before.warnings - 1,
        infos: before.infos,
    };
    assert_eq!(Summary::of(h.state().findings_of(0)), after);
    assert!(
        h.query_by_label(&after.to_string()).is_some(),
        "the panel shows {after}"
    );
    // Errors come first in the panel, with the error marker beside them.
    assert_eq!(h.state().findings_of(0)[0].rule, "founder-overload");
    assert_eq!(error_markers(&h), markers_before + 1);
    // Picking the default level again removes the override.
    pick(&mut h, "founder-overload", "Warning");
    assert!(h.state().plan().settings.rules.is_empty());
}
