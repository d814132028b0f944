//! File ▸ Export… driven like a user: choose what and how, give a path in
//! the in-app field, and the file is there.

mod common;

use egui::Role;
use egui_kittest::kittest::Queryable;

#[test]
fn exporting_the_current_stage_as_png_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("stage.png");
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(
        h.query_by_label("Export").is_some(),
        "Ctrl+E opens the dialog"
    );
    h.get_by_role_and_label(Role::ComboBox, "Format").click();
    h.run();
    h.get_by_label("PNG image").click();
    h.run();
    h.get_by_label("This stage: Founder-led").click();
    h.get_by_label("4×").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Export…").click();
    h.run();
    // No native dialog in tests: the path field asks, with a suggestion.
    let suggested = h.get_by_label("File path").value().unwrap_or_default();
    assert!(suggested.ends_with("today.png"), "{suggested}");
    common::retype(&mut h, "File path", target.to_str().unwrap());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    let bytes = std::fs::read(&target).expect("the export was written");
    assert_eq!(&bytes[1..4], b"PNG");
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let plan = h.state().plan().clone();
    let svg = orgevo::export::stage_svg(&plan, 0).unwrap();
    assert_eq!(width, (svg.width * 4.0).ceil() as u32, "4× as chosen");
    assert!(
        h.state().status().starts_with("Exported"),
        "{}",
        h.state().status()
    );
}

#[test]
fn a_failed_export_says_why_and_writes_nothing() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export…").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Export…").click();
    h.run();
    common::retype(&mut h, "File path", "/no/such/folder/plan.pdf");
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    assert!(h.query_by_label("Could not export").is_some());
    assert!(!std::path::Path::new("/no/such/folder/plan.pdf").exists());
}
