//! Canvas gestures driven with the pointer: rubber-band selection, drawing a
//! collaboration line from a card's handle, and double-click to add.

use crate::common;

use egui::{Event, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use orgevo::app::OrgevoApp;
use orgevo::model::{Link, LinkKind};

fn harness() -> Harness<'static, OrgevoApp> {
    common::harness_with(common::example_app(), 4)
}

fn card(h: &Harness<'_, OrgevoApp>, id: &str) -> egui::Rect {
    h.state()
        .card_screen_rect(id)
        .expect("the card is on the current stage")
}

/// Moves the pointer from `from` to `to` with the primary button held.
fn drag(h: &mut Harness<'_, OrgevoApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.run();
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    h.run();
    for step in 1..=6 {
        h.hover_at(from + (to - from) * (step as f32 / 6.0));
        h.run();
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

#[test]
fn shift_drag_on_the_background_selects_the_cards_it_touches() {
    let mut h = harness();
    h.run();
    let (sam, ria) = (card(&h, "sam"), card(&h, "ria"));
    let from = sam.left_top() - vec2(60.0, 8.0);
    let to = ria.right_bottom() + vec2(40.0, 4.0);
    drag(&mut h, from, to, Modifiers::SHIFT);
    let selected: Vec<&str> = h.state().selection().iter().map(String::as_str).collect();
    assert_eq!(selected, ["ria", "sam"]);
    // Nothing moved: a rubber band is not a pan or a drag.
    assert_eq!(card(&h, "sam"), sam);
}

#[test]
fn dragging_a_cards_handle_onto_another_card_draws_a_collaboration_line() {
    let mut h = harness();
    h.run();
    h.get_by_label("Sam Ortiz").click_accesskit();
    h.run();
    let sam = card(&h, "sam");
    let handle = Pos2::new(sam.max.x, sam.center().y);
    let tom = card(&h, "tom").center();
    drag(&mut h, handle, tom, Modifiers::NONE);
    let stage = &h.state().plan().stages[0];
    assert!(
        stage
            .find_link(&Link::new("sam", "tom", LinkKind::CollaboratesWith))
            .is_some()
    );
    assert_eq!(
        stage.manager_of("sam").unwrap().id,
        "dana",
        "the card itself did not move"
    );
}

#[test]
fn double_click_on_empty_canvas_adds_a_member_there() {
    let mut h = harness();
    h.run();
    let before = h.state().plan().stages[0].member_count();
    let dana = card(&h, "dana");
    let spot = dana.right_top() + vec2(300.0, 0.0);
    h.hover_at(spot);
    h.run();
    // One event a frame, 50 ms apart: the harness's own clock moves a
    // quarter second a frame, slower than a double-click.
    let start = h.ctx.input(|i| i.time) + 1.0;
    for (k, pressed) in [true, false, true, false].into_iter().enumerate() {
        h.input_mut().time = Some(start + 0.05 * k as f64);
        h.event(Event::PointerButton {
            pos: spot,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    let stage = &h.state().plan().stages[0];
    assert_eq!(stage.member_count(), before + 1);
    let added = card(&h, "new-member");
    assert!(
        added.contains(spot),
        "{added:?} should be centred on {spot:?}"
    );
}

#[test]
fn a_stage_too_big_to_read_at_fit_has_a_minimap_that_moves_the_view() {
    let plan = orgevo::model::synthetic_plan(2_000, 6, 3);
    let mut h = common::harness_with(
        orgevo::app::OrgevoApp::with_plan(plan, "big.orgevo.json"),
        8,
    );
    h.run();
    h.run();
    let map = h.get_by_label("Minimap").rect();
    let root = |h: &egui_kittest::Harness<'_, orgevo::app::OrgevoApp>| {
        h.state().card_screen_rect("m0").unwrap().center()
    };
    let before = root(&h);
    // Towards the left edge of the chart: the view moves left, so the
    // root (in the middle) moves right on screen.
    let at = egui::pos2(map.left() + 3.0, map.center().y);
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run();
    }
    h.run();
    let after = root(&h);
    assert!(after.x > before.x + 50.0, "{before:?} → {after:?}");
    // A small stage needs none.
    let mut small = common::harness_with(common::example_app(), 8);
    small.run();
    assert!(small.query_by_label("Minimap").is_none());
}

#[test]
fn tidy_up_as_compact_keeps_the_style_for_the_stage_while_it_stays_tidy() {
    use orgevo::edit::Edit;
    use orgevo::layout::{LayoutParams, styled_layout};
    use orgevo::model::{Function, LayoutStyle, Member, Stage};

    /// Whether every member sits where `style` puts it.
    fn laid_out_in(stage: &Stage, style: LayoutStyle) -> bool {
        styled_layout(stage, &LayoutParams::EDITOR, style)
            .iter()
            .all(|(id, [x, y])| {
                stage
                    .pos(id)
                    .is_some_and(|[px, py]| (px - x).abs() < 0.5 && (py - y).abs() < 0.5)
            })
    }
    let mut h = harness();
    h.run();
    let shown = |h: &Harness<'_, OrgevoApp>| h.state().plan().stages[0].clone();
    let before = shown(&h);
    assert_eq!(before.layout, None);
    h.get_by_label("Wide ⏷").click();
    h.run();
    h.get_by_label("Compact").click();
    h.run();
    let compact = shown(&h);
    assert_eq!(compact.layout, Some(LayoutStyle::Compact));
    assert!(laid_out_in(&compact, LayoutStyle::Compact));
    assert!(
        !laid_out_in(&compact, LayoutStyle::Wide),
        "the example's stage looks different compact"
    );
    // The toolbar names the stage's style now.
    h.get_by_label("Compact ⏷");

    // A new report under the owner: the stage is laid out compact again.
    let owner = compact
        .members()
        .find(|m| m.function == Function::Owner)
        .map(|m| m.id.clone())
        .unwrap();
    let edit = Edit::AddMember {
        stage: compact.id.clone(),
        member: Member::new("new-rep", "New Rep", Function::Sales),
        pos: None,
        manager: Some(owner),
    };
    assert!(h.state_mut().apply(&edit));
    h.run();
    let grown = shown(&h);
    assert_eq!(grown.layout, Some(LayoutStyle::Compact));
    assert!(laid_out_in(&grown, LayoutStyle::Compact));

    // Undo takes back the new member, then the style and its layout.
    for _ in 0..2 {
        h.get_by_label("⟲ Undo").click();
        h.run();
    }
    let undone = shown(&h);
    assert_eq!(undone.layout, None);
    for (m, pos) in before.placed_members() {
        assert_eq!(undone.pos(&m.id), pos, "{}", m.id);
    }
}
