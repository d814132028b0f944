//! What a new user meets in the first ten minutes (issue 20), driven by
//! label: adding and naming members, reports placed in the tree, the
//! function a title suggests, distinct stage names, the Changes panel.

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use orgevo::app::OrgevoApp;
use orgevo::model::{Function, Stage};

fn harness(app: OrgevoApp) -> Harness<'static, OrgevoApp> {
    common::harness_with(app, 8)
}

fn template_app() -> OrgevoApp {
    OrgevoApp::with_plan(orgevo::document::template_plan(), "Untitled")
}

fn shown(h: &Harness<'_, OrgevoApp>) -> Stage {
    h.state().plan().stages[h.state().stage_index()].clone()
}

#[test]
fn typing_after_add_member_replaces_the_placeholder_and_the_id_follows() {
    let mut h = harness(common::example_app());
    h.run();
    h.get_by_label_contains("Add member").click();
    h.run();
    h.run();
    // No select-all first: the placeholder is already selected.
    h.get_by_label("Name").type_text("Jordan Reyes");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let stage = shown(&h);
    let jordan = stage
        .member("jordan-reyes")
        .expect("the id follows the name");
    assert_eq!(jordan.name, "Jordan Reyes");
    assert!(stage.member("new-member").is_none());
    // Naming and the id are one undo step back to "New member".
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let stage = shown(&h);
    assert_eq!(stage.member("new-member").unwrap().name, "New member");
}

#[test]
fn ctrl_enter_with_a_card_selected_adds_a_report_of_it_in_the_tree() {
    let mut h = harness(common::example_app());
    h.run();
    h.get_by_label("Dana Lee").click_accesskit();
    h.run();
    let before = shown(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    let stage = shown(&h);
    assert_eq!(stage.member_count(), before.member_count() + 1);
    let id = h.state().selection().iter().next().unwrap().clone();
    assert_eq!(stage.manager_of(&id).unwrap().id, "dana");
    let [_, y] = stage.pos(&id).unwrap();
    let [_, dana_y] = stage.pos("dana").unwrap();
    assert!(y > dana_y, "a report sits below its manager");
    // It lands on no other card.
    let new = h.state().card_screen_rect(&id).unwrap();
    for m in stage.members().filter(|m| m.id != id) {
        if let Some(other) = h.state().card_screen_rect(&m.id) {
            assert!(!new.intersects(other.shrink(1.0)), "{} is under it", m.id);
        }
    }
}

#[test]
fn a_title_that_reads_as_another_function_is_offered_in_one_click() {
    let mut h = harness(common::example_app());
    h.run();
    h.get_by_label("Sam Ortiz").click_accesskit();
    h.run();
    assert!(h.query_by_label_contains("Make it").is_none());
    common::retype(&mut h, "Title", "Sales Manager");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("The title reads as sales manager");
    h.get_by_label("Make it Sales manager").click();
    h.run();
    assert_eq!(
        shown(&h).member("sam").unwrap().function,
        Function::SalesManager
    );
    assert!(h.query_by_label_contains("Make it").is_none());
}

#[test]
fn next_stage_twice_gives_distinct_names_and_tabs_say_the_kind_once() {
    let mut h = harness(template_app());
    h.run();
    for _ in 0..2 {
        h.get_by_label("➕ Add stage").click();
        h.run();
        h.get_by_label("Next stage: Split roles").click();
        h.run();
    }
    let names: Vec<String> = h
        .state()
        .plan()
        .stages
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    assert!(names.contains(&"Split roles 2".to_owned()), "{names:?}");
    // A tab reads "Split roles 2", then when: never "Split roles · Split roles".
    assert!(
        h.query_by_label_contains("Split roles\nSplit roles")
            .is_none()
    );
}

#[test]
fn the_template_pickers_tell_same_titled_people_apart() {
    let mut h = harness(template_app());
    h.run();
    let stage = shown(&h);
    let mut names: Vec<&str> = stage.members().map(|m| m.display_name()).collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "placeholders have distinct names");
}

#[test]
fn the_changes_panel_resizes_by_its_top_edge() {
    let mut h = harness(common::example_app());
    h.run();
    h.get_by_label("Changes").click();
    h.run();
    // The panel's tabs sit at its top: where they are is where its top is.
    let top = |h: &Harness<'_, OrgevoApp>| h.get_by_label("Changes").rect().top();
    let before = top(&h);
    // The panel's resize edge (egui labels it), the one above the tabs.
    let edge = h
        .get_all_by_label("Resize panel")
        .map(|n| n.rect())
        .filter(|r| r.center().y < before && r.width() > r.height())
        .max_by(|a, b| a.center().y.total_cmp(&b.center().y))
        .expect("the panel's edge")
        .center();
    h.hover_at(edge);
    h.run();
    h.drag_at(edge);
    h.run();
    for step in 1..=4 {
        h.hover_at(edge - egui::vec2(0.0, 40.0 * step as f32));
        h.run();
    }
    // Released with the pointer still over the window (`drop_at` also
    // removes the pointer, which a real release does not).
    h.event(egui::Event::PointerButton {
        pos: edge - egui::vec2(0.0, 160.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let after = top(&h);
    assert!(
        after < before - 100.0,
        "the panel grew by dragging its edge: top {before} → {after}"
    );
}

#[test]
fn compare_from_the_first_stage_compares_it_with_the_next_at_a_readable_zoom() {
    let mut h = harness(common::example_app());
    h.run();
    assert_eq!(h.state().stage_index(), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.run();
    let plan = h.state().plan().clone();
    let compare = h.state().compare().expect("compare is open");
    assert_eq!(compare.left, plan.stages[0].id);
    assert_eq!(
        compare.right, plan.stages[1].id,
        "not the first stage with itself"
    );
    let start = compare.zoom();
    assert!(start >= 0.7, "names readable from the start: zoom {start}");
    h.get_by_label("Fit").click();
    h.run();
    h.run();
    let fitted = h.state().compare().unwrap().zoom();
    assert!(fitted <= start, "Fit shows both whole: {start} → {fitted}");
}
