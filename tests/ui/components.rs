//! Component tests: one dialog or panel with its own state, driven with
//! `Harness::new_ui_state`, no app around it. Each returns an answer or an
//! action; these tests read it.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use orgevo::app::command::AppCommand;
use orgevo::app::dialogs::suggest::{SuggestAnswer, suggest_dialog_ui};
use orgevo::app::event::AppEvent;
use orgevo::app::panels::find_bar::{FindAction, find_bar_ui};
use orgevo::app::panels::toolbar::{ToolbarInput, toolbar_ui};
use orgevo::app::state::view::FindBar;
use orgevo::edit::suggest::Suggestion;
use orgevo::model::{LayoutStyle, Responsibility};

#[test]
fn the_find_bar_steps_on_enter_back_with_shift_and_closes() {
    let mut h = Harness::new_ui_state(
        |ui, (bar, action): &mut (FindBar, Option<FindAction>)| {
            if let Some(a) = find_bar_ui(ui, bar) {
                *action = Some(a);
            }
        },
        (
            FindBar {
                focus: true,
                ..FindBar::default()
            },
            None,
        ),
    );
    h.run();
    h.get_by_label("Find").type_text("dana");
    h.run();
    assert_eq!(h.state().0.find.text, "dana");
    assert_eq!(h.state().1, None, "typing alone does not step");
    h.get_by_label("Next").click();
    h.run();
    assert_eq!(h.state().1, Some(FindAction::Step(1)));
    h.get_by_label("Previous").click();
    h.run();
    assert_eq!(h.state().1, Some(FindAction::Step(-1)));
    h.get_by_label("Close").click();
    h.run();
    assert_eq!(h.state().1, Some(FindAction::Close));
}

#[test]
fn the_toolbar_greys_out_undo_and_redo_and_reports_the_button_clicked() {
    let mut h = Harness::new_ui_state(
        |ui, (fonts, clicked): &mut (bool, Option<AppEvent>)| {
            // The toolbar's icons are in the app's fonts.
            if !std::mem::replace(fonts, true) {
                orgevo::app::install_fonts(ui.ctx());
            }
            let input = ToolbarInput {
                title: "Acme",
                can_undo: false,
                can_redo: true,
                layout: LayoutStyle::Wide,
            };
            if let Some(c) = toolbar_ui(ui, &input) {
                *clicked = Some(c);
            }
        },
        (false, None),
    );
    h.run();
    assert!(h.get_by_label("⟲ Undo").accesskit_node().is_disabled());
    assert!(!h.get_by_label("⟳ Redo").accesskit_node().is_disabled());
    h.get_by_label("⟳ Redo").click();
    h.run();
    assert_eq!(h.state().1, Some(AppEvent::Command(AppCommand::Redo)));
    h.get_by_label("🌳 Tidy up").click();
    h.run();
    assert_eq!(h.state().1, Some(AppEvent::Command(AppCommand::TidyUp)));
    // Beside it, the layout styles.
    h.get_by_label("Wide ⏷").click();
    h.run();
    h.get_by_label("Left to right").click();
    h.run();
    assert_eq!(
        h.state().1,
        Some(AppEvent::TidyUpIn(LayoutStyle::LeftRight))
    );
}

#[test]
fn the_suggest_dialog_applies_or_cancels_and_cannot_apply_nothing() {
    let suggestions = vec![Suggestion {
        member: "sam".into(),
        name: "Sam".into(),
        tags: vec![Responsibility::Execution],
    }];
    let mut h = Harness::new_ui_state(
        move |ui, answer: &mut Option<SuggestAnswer>| {
            if let Some(a) = suggest_dialog_ui(ui.ctx(), "Today", &suggestions) {
                *answer = Some(a);
            }
        },
        None,
    );
    h.run();
    assert!(h.query_by_label("Sam").is_some());
    h.get_by_label("Apply to 1 member").click();
    h.run();
    assert_eq!(*h.state(), Some(SuggestAnswer::Apply));
    let mut empty = Harness::new_ui_state(
        |ui, answer: &mut Option<SuggestAnswer>| {
            if let Some(a) = suggest_dialog_ui(ui.ctx(), "Today", &[]) {
                *answer = Some(a);
            }
        },
        None,
    );
    empty.run();
    assert!(
        empty
            .get_by_label("Apply to 0 members")
            .accesskit_node()
            .is_disabled()
    );
    empty.get_by_label("Cancel").click();
    empty.run();
    assert_eq!(*empty.state(), Some(SuggestAnswer::Cancel));
}
