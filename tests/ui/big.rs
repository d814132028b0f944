//! The app on a 10,000-member plan: an edit and its undo, through the UI.

use crate::common;

use common::{harness_with, retype};
use egui::{Key, Modifiers};
use orgevo::app::OrgevoApp;
use orgevo::model::synthetic_plan;

#[test]
fn undo_after_a_rename_on_a_10000_member_plan_restores_it() {
    let mut app = OrgevoApp::with_plan(synthetic_plan(10_000, 6, 2026), "synthetic.orgevo.json");
    // As opened: laid out, not yet edited.
    let original = app.plan().clone();
    // Someone a finding names, so the findings shown change with the name.
    let findings = orgevo::rules::check_stage(&original, 1);
    let named = findings
        .iter()
        .find_map(|f| {
            f.members.iter().find(|id| {
                original.stages[1]
                    .member(id)
                    .is_some_and(|m| f.message.contains(&m.name))
            })
        })
        .expect("a finding of stage 1 names a member")
        .clone();
    app.set_stage(1);
    app.set_selection([named.clone()]);
    let mut h = harness_with(app, 8);
    h.run();
    retype(&mut h, "Name", "Renamed on a big plan");
    h.key_press(Key::Enter);
    h.run();
    let renamed = &h.state().plan().stages[1];
    assert_eq!(
        renamed.member(&named).unwrap().name,
        "Renamed on a big plan"
    );
    assert_ne!(h.state().plan(), &original);
    let renamed_plan = h.state().plan().clone();
    assert!(
        h.state()
            .findings_of(1)
            .iter()
            .any(|f| f.message.contains("Renamed on a big plan"))
    );
    for index in 0..renamed_plan.stages.len() {
        assert_eq!(
            h.state().findings_of(index),
            orgevo::rules::check_stage(&renamed_plan, index).as_slice(),
            "stage {index} after the rename"
        );
    }
    // The stages the rename did not touch were never copied.
    assert!(h.state().plan().stages[0].shares_chart_with(&original.stages[0]));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &original);
    assert!(!h.state().document().is_dirty());
    // The findings shown are those of the restored plan, on every stage.
    assert_eq!(h.state().stage_index(), 1);
    for index in 0..original.stages.len() {
        assert_eq!(
            h.state().findings_of(index),
            orgevo::rules::check_stage(&original, index).as_slice(),
            "stage {index}"
        );
    }
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().plan().stages[1].member(&named).unwrap().name,
        "Renamed on a big plan"
    );
}

#[test]
fn a_re_parent_on_a_30000_member_stage_is_laid_out_after_it_in_one_undo_step() {
    let (mut h, original) = big_stage(7);
    let set = orgevo::edit::Edit::SetManager {
        stage: "s0".into(),
        member: "m29000".into(),
        manager: Some("m2".into()),
    };
    assert!(h.state_mut().apply(&set));
    // The edit is in at once; the cards follow.
    let stage = &h.state().plan().stages[0];
    assert_eq!(stage.manager_of("m29000").unwrap().id, "m2");
    assert!(h.state().is_laying_out());
    assert!(!orgevo::layout::is_tidy(stage));
    until_settled(&mut h);
    let laid_out = h.state().plan().stages[0].clone();
    assert!(orgevo::layout::is_tidy(&laid_out));
    assert_eq!(laid_out.manager_of("m29000").unwrap().id, "m2");
    // One undo step takes back the edit and its layout.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    until_settled(&mut h);
    assert_eq!(h.state().plan(), &original);
    // And redo gives both back.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    until_settled(&mut h);
    assert_eq!(h.state().plan().stages[0], laid_out);
}

/// The app on a plan of one stage of 30,000 members, as opened (laid out
/// tidily), and that plan. From 30,000 members a stage an edit reshapes is
/// laid out again on a worker.
fn big_stage(
    seed: u64,
) -> (
    egui_kittest::Harness<'static, OrgevoApp>,
    orgevo::model::Plan,
) {
    let mut plan = synthetic_plan(30_000, 6, seed);
    plan.stages.truncate(1);
    let app = OrgevoApp::with_plan(plan, "synthetic.orgevo.json");
    let original = app.plan().clone();
    assert!(
        orgevo::layout::is_tidy(&original.stages[0]),
        "opened laid out"
    );
    let mut h = harness_with(app, 4);
    until_settled(&mut h);
    (h, original)
}

/// Frames until no worker is laying a stage out or checking the rules
/// (on a stage this big both run beside the frames).
fn until_settled(h: &mut egui_kittest::Harness<'_, OrgevoApp>) {
    h.step();
    for _ in 0..2_000 {
        if !h.state().is_laying_out() && !h.state().is_checking() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    assert!(
        !h.state().is_laying_out() && !h.state().is_checking(),
        "settled"
    );
    h.step();
}

#[test]
fn tidying_up_a_30000_member_stage_lays_it_out_on_a_worker_in_one_undo_step() {
    let (mut h, original) = big_stage(8);
    let tidy =
        orgevo::edit::compose::tidy_up_in(&original.stages[0], orgevo::model::LayoutStyle::Compact);
    assert!(h.state_mut().apply(&tidy));
    assert_eq!(
        h.state().plan().stages[0].layout,
        Some(orgevo::model::LayoutStyle::Compact)
    );
    assert!(h.state().is_laying_out(), "the cards follow");
    until_settled(&mut h);
    let compact = h.state().plan().stages[0].clone();
    assert!(orgevo::layout::is_tidy(&compact), "laid out compact");
    assert_ne!(compact.pos("m100"), original.stages[0].pos("m100"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    until_settled(&mut h);
    assert_eq!(h.state().plan(), &original);
}
