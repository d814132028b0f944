//! Rule settings in the plan inspector, driven like a user: a rule turned
//! off or made an error changes the findings panel at once, and undoes.

mod common;

use egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;
use orgevo::model::RuleLevel;

fn finding_listed(h: &egui_kittest::Harness<'_, orgevo::app::OrgevoApp>, rule: &str) -> bool {
    h.query_all_by(|node| {
        node.role() == Role::Button
            && node
                .label()
                .is_some_and(|l| l.starts_with(&format!("{rule}: ")))
    })
    .next()
    .is_some()
}

fn pick(h: &mut egui_kittest::Harness<'_, orgevo::app::OrgevoApp>, rule: &str, choice: &str) {
    h.get_by_role_and_label(Role::ComboBox, rule).click();
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
    pick(&mut h, "founder-overload", "Error");
    let findings = orgevo::rules::check_stage(h.state().plan(), 0);
    assert_eq!(findings[0].rule, "founder-overload");
    assert_eq!(findings[0].severity, orgevo::rules::Severity::Error);
    // Picking the default level again removes the override.
    pick(&mut h, "founder-overload", "Warning");
    assert!(h.state().plan().settings.rules.is_empty());
}
