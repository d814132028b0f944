//! Find (Ctrl+F) and collapsed teams, driven like a user.

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use orgevo::app::OrgevoApp;

#[test]
fn find_selects_and_centres_each_hit_in_turn() {
    let plan = orgevo::model::synthetic_plan(300, 6, 1);
    let mut h = common::harness_with(OrgevoApp::with_plan(plan, "big.orgevo.json"), 8);
    h.run();
    let before = h.state().card_screen_rect("m250").unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Member 25");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
    // "Member 25", then "Member 250" … in stage order.
    let hits = h.state().search().unwrap().hits.clone();
    assert!(
        hits.len() > 1 && hits.contains(&"m250".to_owned()),
        "{hits:?}"
    );
    assert_eq!(h.state().selection().iter().collect::<Vec<_>>(), [&hits[0]]);
    // Enter steps to the next match, one at a time, until m250.
    let at = hits.iter().position(|id| id == "m250").unwrap();
    for expected in &hits[1..=at] {
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(h.state().selection().iter().collect::<Vec<_>>(), [expected]);
    }
    h.run();
    let after = h.state().card_screen_rect("m250").unwrap();
    assert!(
        after.width() > before.width() * 2.0,
        "zoomed in: {before:?} → {after:?}"
    );
    let center = h.ctx.content_rect().center();
    assert!(
        (after.center().y - center.y).abs() < 250.0,
        "centred: {after:?} in {center:?}"
    );
    assert!(
        h.query_by_label_contains(&format!("of {}", hits.len()))
            .is_some()
    );
}

#[test]
fn collapsing_a_team_hides_it_behind_plus_n_and_find_opens_it() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.state_mut().set_stage(1);
    h.run();
    assert!(h.query_by_label("Sam Ortiz").is_some());
    h.state_mut().toggle_team("split", "morgan");
    h.run();
    assert!(
        h.query_by_label("Sam Ortiz").is_none(),
        "hidden in Morgan's team"
    );
    assert!(h.query_by_label("Morgan Blake (+7 hidden)").is_some());
    let plan_before = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Sam");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label("Morgan Blake (+7 hidden)").is_none(),
        "the team opened for the hit"
    );
    assert!(
        h.query_all_by_label("Sam Ortiz").count() >= 2,
        "card and inspector"
    );
    assert_eq!(
        h.state().plan(),
        &plan_before,
        "collapsing is view state, not an edit"
    );
}

#[test]
fn find_highlights_the_chain_of_command_of_the_hit_while_open() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.state_mut().set_stage(1);
    h.run();
    assert!(h.state().find_chain().is_empty(), "nothing before Find");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Joy");
    h.run();
    assert!(h.state().find_chain().is_empty(), "nothing before a step");
    h.key_press(Key::Enter);
    h.run();
    // Joy, her manager, and so on to the top, as the stage says.
    let stage = h.state().plan().stages[1].clone();
    let mut expected = vec!["joy".to_owned()];
    let mut at = "joy".to_owned();
    while let Some(manager) = stage.manager_of(&at) {
        expected.push(manager.id.clone());
        at = manager.id.clone();
    }
    assert!(expected.len() >= 3, "Joy is two levels down at the split");
    assert_eq!(h.state().find_chain(), expected);
    // Closing Find ends the highlight.
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().find_chain().is_empty());
}

#[test]
fn fit_to_team_fills_the_canvas_with_one_managers_team() {
    let plan = orgevo::model::synthetic_plan(60, 4, 1);
    let stage = plan.stages[0].clone();
    let mut h = common::harness_with(OrgevoApp::with_plan(plan, "big.orgevo.json"), 8);
    h.run();
    // A manager one level down: its team is a part of the stage.
    let team = orgevo::document::folding::team_of(&stage, "m1");
    assert!(
        team.len() > 3 && team.len() < stage.member_count() / 2,
        "{team:?}"
    );
    let before = h.state().card_screen_rect("m1").unwrap();
    // What the card's "Fit to team" asks for.
    h.state_mut().fit_team("m1");
    h.run();
    h.run();
    let after = h.state().card_screen_rect("m1").unwrap();
    assert!(
        after.width() > before.width() * 1.5,
        "{before:?} → {after:?}"
    );
    // The whole team in view: every card of it on the screen.
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    for id in &team {
        let card = h.state().card_screen_rect(id).unwrap();
        assert!(screen.contains_rect(card), "{id} at {card:?}");
    }
}
