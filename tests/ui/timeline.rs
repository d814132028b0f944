//! The timeline, the changes panel, compare and present mode, driven like a
//! user through egui_kittest.

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use orgevo::app::OrgevoApp;

fn harness() -> Harness<'static, OrgevoApp> {
    // Present mode animates each step for 0.6 s (36 frames at 60 fps).
    common::harness_with(common::example_app(), 120)
}

/// The straight example (no decision), for what a one-line timeline does.
fn straight() -> Harness<'static, OrgevoApp> {
    common::harness_with(common::straight_example_app(), 120)
}

/// Retypes a field and confirms with Enter.
fn retype(h: &mut Harness<'_, OrgevoApp>, label: &str, text: &str) {
    common::retype(h, label, text);
    h.key_press(Key::Enter);
    h.run();
}

fn in_list(node: &egui_kittest::Node<'_>) -> bool {
    std::iter::successors(node.accesskit_node().parent(), |p| p.parent())
        .any(|p| p.role() == egui::Role::ListBox)
}

#[test]
fn next_stage_changes_are_listed_exactly_and_undo_removes_the_stage() {
    let mut h = straight();
    h.run();
    let original = h.state().plan().clone();
    h.get_by_label("➕ Add stage").click();
    h.run();
    h.get_by_label("Next stage: Founder-led").click();
    h.run();
    assert_eq!(h.state().plan().stages.len(), original.stages.len() + 1);
    assert_eq!(
        h.state().stage_index(),
        1,
        "the new stage follows the current one"
    );
    let new_stage = h.state().plan().stages[1].clone();
    assert!(
        new_stage
            .members()
            .map(|m| &m.id)
            .eq(original.stages[0].members().map(|m| &m.id))
    );
    assert!(h.state().current_diff().unwrap().changes.is_empty());

    // Change it: rename Sam, retitle Tom, move Joy under Sam.
    h.get_by_label("Sam Ortiz").click_accesskit();
    h.run();
    retype(&mut h, "Name", "Samuel Ortiz");
    h.get_by_label("Tom Becker").click_accesskit();
    h.run();
    retype(&mut h, "Title", "Senior Account Executive");
    h.get_by_label("Joy Chen").click_accesskit();
    h.run();
    common::click_in_view(&mut h, "Reports to");
    h.get_all_by_label("Samuel Ortiz")
        .find(in_list)
        .unwrap()
        .click();
    h.run();

    h.get_by_label("Changes").click();
    h.run();
    // Joy's move leaves Dana five direct reports: the overload is fixed.
    let expected = [
        "Renamed: Sam Ortiz → Samuel Ortiz",
        "Tom Becker: title \"Account Executive\" → \"Senior Account Executive\"",
        "Joy Chen now reports to Samuel Ortiz (was Dana Lee)",
        "Fixed: Dana Lee no longer leads and manages too many people alone",
    ];
    let texts: Vec<String> = h
        .state()
        .current_diff()
        .unwrap()
        .changes
        .iter()
        .map(|c| c.text())
        .collect();
    assert_eq!(texts, expected);
    for text in expected {
        h.get_by_label(text);
    }
    // Under their headings, with the count of each.
    for heading in [
        "People (2)",
        "Reporting and collaboration lines (1)",
        "Findings (1)",
    ] {
        h.get_by_label(heading);
    }

    // Undo the three edits, then the new stage itself.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().plan().stages.len(), original.stages.len() + 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &original);
    // The shown stage is gone: its neighbour at that position is shown,
    // the stage that followed it (Split roles).
    assert_eq!(h.state().stage_index(), 1);
    assert_eq!(h.state().plan().stages[1].id, original.stages[1].id);
}

#[test]
fn stage_fields_edit_through_the_inspector_and_delete_is_undoable() {
    let mut h = straight();
    h.run();
    retype(&mut h, "Stage name", "Where we are");
    retype(&mut h, "When", "Q1 2026");
    let stage = &h.state().plan().stages[0];
    assert_eq!(
        (stage.name.as_str(), stage.when.as_str()),
        ("Where we are", "Q1 2026")
    );
    let before = h.state().plan().clone();
    h.get_by_label_contains("Split roles\n").click_secondary();
    h.run();
    h.get_by_label("Delete stage Split roles").click();
    h.run();
    assert_eq!(h.state().plan().stages.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &before);
}

#[test]
fn present_mode_steps_through_the_stages_and_esc_leaves() {
    let mut h = straight();
    h.run();
    h.key_press(Key::F5);
    h.run();
    assert_eq!(h.state().presenting(), Some(0));
    for (key, expected) in [
        (Key::ArrowRight, 1),
        (Key::Space, 2),
        (Key::PageDown, 2),
        (Key::ArrowLeft, 1),
        (Key::PageUp, 0),
        (Key::PageDown, 1),
    ] {
        h.key_press(key);
        h.run();
        assert_eq!(h.state().presenting(), Some(expected), "after {key:?}");
    }
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().presenting(), None);
    assert_eq!(
        h.state().stage_index(),
        1,
        "editing resumes on the stage shown"
    );
}

#[test]
fn compare_shows_two_stages_side_by_side() {
    let mut h = harness();
    h.run();
    h.get_by_label_contains("Converged\n").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Compare");
    // Converged is an option: Compare opens it beside its sibling option.
    let plan = h.state().plan().clone();
    let split = plan.stage_position("split").unwrap();
    // The shown stage on the right, as when it is compared with the stage
    // before it.
    let compare = h.state().compare().expect("compare is open");
    let [grow, hire] = plan.followers(split)[..] else {
        panic!("the example decides at the split")
    };
    assert_eq!(compare.left, plan.stages[hire].id);
    assert_eq!(compare.right, plan.stages[grow].id);
    for stage in plan.followers(split).iter().map(|i| &plan.stages[*i]) {
        let heading = match orgevo::look::kind_and_when(stage).as_str() {
            "" => stage.name.clone(),
            under => format!("{} · {under}", stage.name),
        };
        h.get_by_label(&heading);
    }
    // A name is never followed by the same kind again.
    assert!(
        h.query_by_label_contains("Split roles · Split roles")
            .is_none()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(h.query_by_label("Compare").is_none());
}

#[test]
fn help_lists_the_keyboard_shortcuts() {
    let mut h = harness();
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Keyboard shortcuts").click();
    h.run();
    h.get_by_label("F5");
    h.get_by_label_contains("Shift+drag on the background");
}

#[test]
fn the_view_keeps_its_stage_when_an_earlier_one_is_deleted_and_undone() {
    let mut h = straight();
    h.run();
    h.state_mut().set_stage(2);
    h.run();
    assert_eq!(h.state().plan().stages[h.state().stage_index()].id, "scale");
    assert!(
        h.state_mut()
            .apply(&orgevo::edit::Edit::RemoveStage { id: "today".into() })
    );
    h.run();
    let shown = |h: &egui_kittest::Harness<'_, OrgevoApp>| {
        h.state().plan().stages[h.state().stage_index()].id.clone()
    };
    assert_eq!(shown(&h), "scale", "still the converged stage, now second");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan().stages.len(), 3);
    assert_eq!(shown(&h), "scale", "undo finds it again by id, now third");
    // Deleting the shown stage shows its neighbour.
    assert!(
        h.state_mut()
            .apply(&orgevo::edit::Edit::RemoveStage { id: "scale".into() })
    );
    h.run();
    assert_eq!(shown(&h), "split");
}

/// Shows the split and opens its Add stage menu.
fn open_add_stage_at_the_split(h: &mut Harness<'_, OrgevoApp>) {
    h.get_by_label_contains("Split roles\n").click();
    h.run();
    h.get_by_label("➕ Add stage").click();
    h.run();
}

#[test]
fn add_option_at_the_split_offers_the_two_converged_moves_and_branches_there() {
    let mut h = straight();
    h.run();
    let original = h.state().plan().clone();
    open_add_stage_at_the_split(&mut h);
    h.get_by_label("Option: Grow Morgan Blake");
    assert!(h.query_by_label("Option: Hire a sales manager").is_none());
    h.get_by_label("Option: Hire a growth leader").click();
    h.run();
    let plan = h.state().plan().clone();
    assert_eq!(plan.stages.len(), original.stages.len() + 1);
    let split = plan.stage_position("split").unwrap();
    let followers = plan.followers(split);
    assert_eq!(followers.len(), 2, "the split is a decision");
    let option = &plan.stages[followers[1]];
    assert_eq!(
        h.state().stage_index(),
        followers[1],
        "the new option is shown"
    );
    assert_eq!(option.option.as_deref(), Some("Hire a growth leader"));
    assert!(option.member("growth-leader").is_some());
    // Its Changes compare with the split, not the converged stage before it.
    assert_eq!(
        h.state().current_diff().map(|d| d.from.as_str()),
        Some("split")
    );
    // The timeline names the option on its first stage.
    h.get_by_label_contains("↳ Hire a growth leader");
    // Compare puts the two roads side by side.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    let compare = h.state().compare().expect("compare is open");
    assert_eq!(compare.left, plan.stages[followers[0]].id);
    assert_eq!(compare.right, option.id);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    // The stage inspector renames the option.
    retype(&mut h, "Option name", "Bring in Alex");
    let renamed = &h.state().plan().stages[followers[1]];
    assert_eq!(renamed.option.as_deref(), Some("Bring in Alex"));
    h.get_by_label_contains("↳ Bring in Alex");
    // Two undo steps: the name, then the option itself.
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().plan(), &original);
}

#[test]
fn deleting_an_option_removes_its_stages_in_one_undoable_step() {
    let mut h = harness();
    h.run();
    let with_option = h.state().plan().clone();
    let mut original = with_option.clone();
    original
        .stages
        .retain(|s| s.option.as_deref() != Some("Hire a growth leader"));
    assert_eq!(original.stages.len() + 1, with_option.stages.len());
    h.get_by_label_contains("↳ Hire a growth leader")
        .click_secondary();
    h.run();
    h.get_by_label("Delete option Hire a growth leader (1 stage)")
        .click();
    h.run();
    assert_eq!(h.state().plan(), &original);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &with_option);
    // With two roads, the main line is an option too.
    h.get_by_label_contains("Converged\n").click_secondary();
    h.run();
    h.get_by_label("Delete option Grow Morgan Blake (1 stage)");
}

#[test]
fn the_lanes_show_each_option_under_its_decision() {
    let mut h = harness();
    h.run();
    let main = h.get_by_label_contains("↳ Grow Morgan Blake").rect();
    let option = h.get_by_label_contains("↳ Hire a growth leader").rect();
    let split = h.get_by_label_contains("Split roles\n").rect();
    assert!(
        option.top() >= main.bottom(),
        "the option's lane is below the main line: {main:?} {option:?}"
    );
    assert!(
        option.left() > split.right(),
        "the option starts under its decision, after it: {split:?} {option:?}"
    );
    assert!(
        (option.left() - main.left()).abs() < 1.0,
        "both options start in the column after the decision"
    );
}

#[test]
fn present_mode_chooses_an_option_at_the_decision_slide() {
    use orgevo::model::TreeStep;
    let mut h = harness();
    h.run();
    let plan = h.state().plan().clone();
    let split = plan.stage_position("split").unwrap();
    let [grow, hire] = plan.followers(split)[..] else {
        panic!("the example decides at the split")
    };
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().presenting(), Some(split));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().presenting_step(), Some(TreeStep::Decision(split)));
    assert_eq!(h.state().presenting_choice(), Some(grow), "main line first");
    h.get_by_label("Decision after Split roles");
    h.get_by_label("Grow Morgan Blake");
    h.get_by_label("Hire a growth leader");
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().presenting_choice(), Some(hire));
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().presenting_choice(), Some(hire), "the last stays");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().presenting_step(), Some(TreeStep::Stage(hire)));
    // Left goes back the way it came: the decision, with the choice kept.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().presenting_step(), Some(TreeStep::Decision(split)));
    assert_eq!(h.state().presenting_choice(), Some(hire));
    h.key_press(Key::ArrowUp);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().presenting_step(), Some(TreeStep::Stage(grow)));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().stage_index(), grow);
}

#[test]
fn make_this_the_main_option_reorders_in_one_undoable_step() {
    let mut h = harness();
    h.run();
    let original = h.state().plan().clone();
    h.get_by_label_contains("↳ Hire a growth leader")
        .click_secondary();
    h.run();
    h.get_by_label("Make this the main option").click();
    h.run();
    let plan = h.state().plan().clone();
    let split = plan.stage_position("split").unwrap();
    let main = plan.main_line();
    assert_eq!(
        plan.stages[main[split + 1]].option.as_deref(),
        Some("Hire a growth leader")
    );
    // Every stage keeps what it follows and its option name.
    for stage in &original.stages {
        let now = plan.stage(&stage.id).unwrap();
        let before = original.stage_position(&stage.id).unwrap();
        let after = plan.stage_position(&stage.id).unwrap();
        let parent_id = |p: &orgevo::model::Plan, i| p.parent(i).map(|j| p.stages[j].id.clone());
        assert_eq!(parent_id(&original, before), parent_id(&plan, after));
        assert_eq!(original.option_name(before), plan.option_name(after));
        assert_eq!(now.members().count(), stage.members().count());
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &original);
}

#[test]
fn present_this_team_shows_only_the_team_and_a_wide_stage_is_presented_compact() {
    use orgevo::document::folding::team_of;
    use std::collections::BTreeSet;

    let mut h = straight();
    h.run();
    // Split roles: the sales manager's team.
    h.state_mut().set_stage(1);
    h.run();
    let stage = h.state().plan().stages[1].clone();
    let manager = stage
        .members()
        .find(|m| m.function == orgevo::model::Function::SalesManager)
        .map(|m| m.id.clone())
        .unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().present_team(&ctx, manager.clone());
    h.run();
    assert_eq!(h.state().presenting(), Some(1));
    let shown: BTreeSet<String> = h
        .state()
        .presented_cards()
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let team: BTreeSet<String> = team_of(&stage, &manager).into_iter().collect();
    assert!(team.len() > 3 && team.len() < stage.member_count());
    assert_eq!(shown, team);
    h.key_press(Key::Escape);
    h.run();
    // The whole stage again next time.
    h.key_press(Key::F5);
    h.run();
    assert_eq!(
        h.state().presented_cards().unwrap().len(),
        stage.member_count()
    );
    h.key_press(Key::Escape);
    h.run();

    // A 300-member stage never given a style: far wider than tall as a
    // tidy tree, presented compact, about the screen's shape.
    let plan = orgevo::model::synthetic_plan(300, 6, 4);
    let mut h = common::harness_with(orgevo::app::OrgevoApp::with_plan(plan, "synthetic"), 40);
    h.run();
    h.key_press(Key::F5);
    h.run();
    let cards = h.state().presented_cards().unwrap();
    let bounds = cards
        .iter()
        .map(|(_, r)| *r)
        .reduce(|a, b| a.union(b))
        .unwrap();
    assert_eq!(cards.len(), 300);
    assert!(
        bounds.aspect_ratio() < 4.0,
        "presented {} × {}",
        bounds.width(),
        bounds.height()
    );
}
