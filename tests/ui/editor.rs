//! The editor driven like a user through egui_kittest: find widgets by label,
//! click, type, and check the plan the app holds.

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use orgevo::app::OrgevoApp;
use orgevo::app::dialogs::Modal;
use orgevo::io::plan_from_str;
use orgevo::model::{Plan, Responsibility, Tag};

fn harness(app: OrgevoApp) -> Harness<'static, OrgevoApp> {
    common::harness_with(app, 4)
}

fn example_app() -> OrgevoApp {
    common::example_app()
}

fn stage0(h: &Harness<'_, OrgevoApp>) -> orgevo::model::Stage {
    h.state().plan().stages[0].clone()
}

use common::retype;

#[test]
fn add_a_member_rename_it_and_toggle_tags() {
    let mut h = harness(example_app());
    h.run();
    let before = stage0(&h).member_count();
    h.get_by_label_contains("Add member").click();
    h.run();
    assert_eq!(stage0(&h).member_count(), before + 1);
    let selected: Vec<String> = h.state().selection().iter().cloned().collect();
    assert_eq!(selected, ["new-member"]);

    retype(&mut h, "Name", "Alex Rivera");
    h.key_press(Key::Enter);
    h.run();
    // Once named, the new member's id follows the name, and stays selected.
    assert!(stage0(&h).member("new-member").is_none());
    assert_eq!(
        stage0(&h).member("alex-rivera").unwrap().name,
        "Alex Rivera"
    );
    let selected: Vec<String> = h.state().selection().iter().cloned().collect();
    assert_eq!(selected, ["alex-rivera"]);
    // The new card is on the canvas under its new name.
    h.get_by_role_and_label(egui::Role::Button, "Alex Rivera");

    h.get_by_label("coaching").click();
    h.run();
    h.get_by_label("metrics").click();
    h.run();
    let tags = stage0(&h).member("alex-rivera").unwrap().tags.clone();
    assert_eq!(
        tags,
        [
            Tag::Core(Responsibility::Coaching),
            Tag::Core(Responsibility::Metrics)
        ]
    );
    h.get_by_label("coaching").click();
    h.run();
    assert_eq!(
        stage0(&h).member("alex-rivera").unwrap().tags,
        [Tag::Core(Responsibility::Metrics)]
    );
}

#[test]
fn typing_a_name_is_one_undo_step_and_undo_redo_restore_exact_plans() {
    let mut h = harness(example_app());
    h.run();
    let mut history: Vec<Plan> = vec![h.state().plan().clone()];
    h.get_by_label_contains("Add member").click();
    h.run();
    history.push(h.state().plan().clone());
    retype(&mut h, "Name", "Kim");
    h.key_press(Key::Enter);
    h.run();
    history.push(h.state().plan().clone());
    h.get_by_label("vision").click();
    h.run();
    history.push(h.state().plan().clone());

    // Undo walks back through exactly the earlier plans, one step each.
    for expected in history.iter().rev().skip(1) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(h.state().plan(), expected);
    }
    assert!(!h.state().document().is_dirty());
    // Redo (Ctrl+Shift+Z, then Ctrl+Y) walks forward again.
    for (i, expected) in history.iter().enumerate().skip(1) {
        if i % 2 == 0 {
            h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        } else {
            h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        }
        h.run();
        assert_eq!(h.state().plan(), expected);
    }
}

#[test]
fn dragging_a_card_onto_another_reparents_it() {
    let mut h = harness(example_app());
    h.run();
    let from = h.state().card_screen_rect("sam").unwrap().center();
    let to = h.state().card_screen_rect("tom").unwrap().center();
    h.drag_at(from);
    h.run();
    for step in 1..=5 {
        let t = step as f32 / 5.0;
        h.hover_at(from + (to - from) * t);
        h.run();
    }
    h.drop_at(to);
    h.run();
    let stage = stage0(&h);
    assert_eq!(stage.manager_of("sam").unwrap().id, "tom");
    // One drag is one undo step, and it gives back the old manager.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(stage0(&h).manager_of("sam").unwrap().id, "dana");
}

/// Whether a node sits in an open drop-down list (not on the canvas).
fn in_list(node: &egui_kittest::Node<'_>) -> bool {
    std::iter::successors(node.accesskit_node().parent(), |p| p.parent())
        .any(|p| p.role() == egui::Role::ListBox)
}

#[test]
fn reparenting_through_the_inspector_picker_uses_the_same_edit() {
    let mut h = harness(example_app());
    h.run();
    h.get_by_label("Joy Chen").click_accesskit();
    h.run();
    common::click_in_view(&mut h, "Reports to");
    // The option in the open list (the card on the canvas has the same name).
    let option = h
        .get_all_by_label("Ria Kapoor")
        .find(in_list)
        .expect("Ria Kapoor is offered as a manager");
    option.click();
    h.run();
    assert_eq!(stage0(&h).manager_of("joy").unwrap().id, "ria");
    // A member's own reports are not offered (that would be a cycle).
    h.get_by_label("Dana Lee").click_accesskit();
    h.run();
    common::click_in_view(&mut h, "Reports to");
    let offered = h.query_all_by_label("Sam Ortiz").filter(in_list).count();
    assert_eq!(offered, 0);
    assert!(
        h.query_all_by_label("Morgan Blake").count() == 0,
        "other stages are not offered"
    );
    assert!(
        h.get_all_by_label("nobody").any(|n| in_list(&n)),
        "the list is open"
    );
}

#[test]
fn delete_and_duplicate_the_selection() {
    let mut h = harness(example_app());
    h.run();
    h.get_by_label("Joy Chen").click_accesskit();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    assert!(stage0(&h).member("joy-copy").is_some());
    assert_eq!(stage0(&h).manager_of("joy-copy").unwrap().id, "dana");
    h.key_press(Key::Delete);
    h.run();
    assert!(stage0(&h).member("joy-copy").is_none());
    assert!(stage0(&h).member("joy").is_some());
}

#[test]
fn save_then_open_gives_an_equal_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.orgevo.json");
    let mut h = harness(example_app());
    h.run();
    h.get_by_label("Tom Becker").click_accesskit();
    h.run();
    retype(&mut h, "Title", "Head of Sales");
    h.key_press(Key::Enter);
    h.run();
    let edited = h.state().plan().clone();
    assert!(h.state().document().is_dirty());

    // No native dialog in tests: Save asks for a path in the app.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let Modal::PathPrompt { text, .. } = h.state().modal() else {
        panic!("expected the path field, got {:?}", h.state().modal());
    };
    assert!(
        text.ends_with("acme-sales-org-2026-to-2029.orgevo.json"),
        "suggests a name: {text}"
    );
    retype(&mut h, "File path", path.to_str().unwrap());
    h.get_by_label("Save").click();
    h.run();
    assert!(!h.state().document().is_dirty());
    assert_eq!(h.state().document().path(), Some(path.as_path()));

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_ne!(h.state().plan(), &edited);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    retype(&mut h, "File path", path.to_str().unwrap());
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().plan(), &edited);
    assert_eq!(h.state().settings().recent_files[0], path);
}

#[test]
fn a_bad_file_shows_the_error_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.orgevo.json");
    std::fs::write(&bad, "{\"format\": \"orgevo\", \"version\": 9}").unwrap();
    let mut h = harness(example_app());
    h.run();
    let before = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("File path").type_text(bad.to_str().unwrap());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    let Modal::Error { message, .. } = h.state().modal() else {
        panic!("expected an error dialog, got {:?}", h.state().modal());
    };
    assert!(message.contains("version 9"), "{message}");
    h.get_by_label_contains("version 9");
    assert_eq!(h.state().plan(), &before);
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().modal(), &Modal::None);
    assert_eq!(h.state().plan(), &before);
}

#[test]
fn leaving_unsaved_changes_asks_first() {
    let mut h = harness(example_app());
    h.run();
    h.get_by_label_contains("Add member").click();
    h.run();
    let edited = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(matches!(h.state().modal(), Modal::Unsaved { .. }));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().plan(), &edited);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().plan().title, "Untitled plan");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn clicking_a_finding_selects_its_members() {
    let plan = plan_from_str(include_str!(
        "../../examples/plans/marketing-misplaced.orgevo.json"
    ))
    .unwrap();
    let mut h = harness(OrgevoApp::with_plan(
        plan,
        "marketing-misplaced.orgevo.json",
    ));
    h.run();
    h.get_by_label_contains("Split roles\n").click();
    h.run();
    let message = h
        .state()
        .findings_of(h.state().stage_index())
        .iter()
        .find(|f| f.rule == "marketing-reports-to-leader")
        .unwrap()
        .message
        .clone();
    h.get_by_label(&message).click();
    h.run();
    let selected: Vec<String> = h.state().selection().iter().cloned().collect();
    assert_eq!(selected, ["morgan", "priya"]);
}

#[test]
fn a_members_cost_quota_and_start_edit_in_the_inspector_and_undo() {
    let mut app = example_app();
    app.set_selection(["sam".to_owned()]);
    let mut h = harness(app);
    h.run();
    let before = h.state().plan().clone();
    retype(&mut h, "Cost / year", "95,000");
    h.key_press(Key::Enter);
    h.run();
    retype(&mut h, "Quota / year", "600000");
    h.key_press(Key::Enter);
    h.run();
    retype(&mut h, "Start", "2027-03");
    h.key_press(Key::Enter);
    h.run();
    let sam = stage0(&h).member("sam").unwrap().clone();
    assert_eq!(sam.cost, Some(95_000.0));
    assert_eq!(sam.quota, Some(600_000.0));
    assert_eq!(sam.start, orgevo::model::YearMonth::new(2027, 3));
    // Text that is no amount changes nothing and says why.
    retype(&mut h, "Cost / year", "-4");
    h.run();
    assert_eq!(stage0(&h).member("sam").unwrap().cost, Some(95_000.0));
    assert!(
        h.query_by_label_contains("not an amount of 0 or more")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().set_selection(["sam".to_owned()]);
    h.run();
    // The field shows the member's value again once it is left.
    assert_eq!(
        h.get_by_label("Cost / year").value().as_deref(),
        Some("95000")
    );
    // Three fields, three undo steps, back to the plan as it was.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().plan(), &before);
    assert_eq!(h.get_by_label("Cost / year").value().as_deref(), Some(""));
}

#[test]
fn a_members_cost_shows_in_the_stage_totals_and_the_timeline() {
    let mut h = harness(example_app());
    h.run();
    assert!(
        h.query_by_label_contains("7 members · $").is_none(),
        "a plan without numbers shows none"
    );
    h.get_by_label("Sam Ortiz").click_accesskit();
    h.run();
    h.get_by_label("Cost / year").scroll_to_me();
    h.run();
    common::retype(&mut h, "Cost / year", "95000");
    h.key_press(Key::Enter);
    h.run();
    let plan = h.state().plan().clone();
    assert_eq!(plan.stages[0].member("sam").unwrap().cost, Some(95_000.0));
    assert_eq!(plan.totals(0).cost, 95_000.0);
    // The strip shows each stage's cost now that the plan has numbers.
    h.get_by_label_contains("7 members · $95k");
    // And the stage inspector its totals (nothing selected).
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label_contains("cost $95k");
    // A target typed into the stage inspector is one undoable edit.
    h.get_by_label("Target / year").scroll_to_me();
    h.run();
    common::retype(&mut h, "Target / year", "2000000");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().plan().stages[0].target, Some(2_000_000.0));
    h.get_by_label_contains("of $2M target");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan().stages[0].target, None);
    // The split's Changes give the difference in numbers: Sam's cost is
    // only on the first stage.
    h.state_mut().set_stage(1);
    h.run();
    h.get_by_label("Changes").click();
    h.run();
    h.get_by_label_contains("Numbers: cost −$95k");
}

#[test]
fn the_member_inspector_says_how_much_of_a_quota_counts_at_the_stage_date() {
    let plan = plan_from_str(include_str!(
        "../../examples/plans/acme-numbers.orgevo.json"
    ))
    .unwrap();
    let mut h = harness(OrgevoApp::with_plan(plan, "acme-numbers.orgevo.json"));
    h.run();
    h.state_mut().set_stage(1);
    h.run();
    h.get_by_label("Ben Adeyemi").click_accesskit();
    h.run();
    // Ben starts in April 2027, after the split's date (2027: January).
    h.get_by_label("Carries none of the quota by 2027: starts 2027-04");
    h.get_by_label("Sam Ortiz").click_accesskit();
    h.run();
    h.get_by_label("Carries the whole quota by 2027");
    // Compare gives both sides' totals.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    let plan = h.state().plan().clone();
    for i in [0, 1] {
        let line = orgevo::look::money::stage_numbers(&plan, i).unwrap();
        h.get_by_label(&line);
    }
}
