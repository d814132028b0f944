//! File ▸ Export… driven like a user: choose what and how, give a path in
//! the in-app field, and the file is there.

use crate::common;

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

/// A real folder this process may not write in: a read-only folder, or,
/// where permission bits do not stop this user (root), `/sys`, which
/// refuses new files to anyone.
#[cfg(unix)]
fn refusing_folder() -> (Option<tempfile::TempDir>, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.path().join("probe"), "x").is_err() {
        let path = dir.path().to_owned();
        return (Some(dir), path);
    }
    let _ = std::fs::remove_file(dir.path().join("probe"));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(std::fs::write("/sys/orgevo-probe", "x").is_err());
    (None, std::path::PathBuf::from("/sys"))
}

#[cfg(unix)]
#[test]
fn a_failed_export_says_why_and_writes_nothing() {
    let (_keep, folder) = refusing_folder();
    let before: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let target = folder.join("plan.pdf");
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export…").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Export…").click();
    h.run();
    common::retype(&mut h, "File path", &target.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    let orgevo::app::dialogs::Modal::Error { title, message } = h.state().modal() else {
        panic!("no error dialog: {:?}", h.state().modal());
    };
    assert_eq!(title, "Could not export");
    // The reason is the system's, with the file it was for.
    assert!(
        message.contains("Permission denied") && message.contains("plan.pdf"),
        "{message}"
    );
    assert!(h.query_by_label_contains("Permission denied").is_some());
    assert!(!target.exists());
    let after: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before.len(), after.len(), "nothing left in the folder");
}

#[test]
fn on_an_option_the_dialog_offers_the_road_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("road.md");
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    let plan = h.state().plan().clone();
    let hire = plan.option_named("Hire a growth leader").unwrap();
    // On the first stage there is no option to follow.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h.query_by_label_contains("The road through").is_none());
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    h.state_mut().set_stage(hire);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("All 4 stages and 1 decision, main line first");
    h.get_by_role_and_label(Role::ComboBox, "Format").click();
    h.run();
    h.get_by_label("Markdown report").click();
    h.run();
    h.get_by_label("The road through \u{201c}Hire a growth leader\u{201d}: 3 stages")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Export…").click();
    h.run();
    let suggested = h.get_by_label("File path").value().unwrap_or_default();
    assert!(
        suggested.ends_with("hire-a-growth-leader.md"),
        "{suggested}"
    );
    common::retype(&mut h, "File path", target.to_str().unwrap());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    let md = std::fs::read_to_string(&target).expect("the export was written");
    let headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    let road: Vec<&str> = plan
        .path_through(hire)
        .iter()
        .map(|i| plan.stages[*i].name.as_str())
        .collect();
    assert_eq!(headings, road);
}

#[test]
fn the_dialog_suggests_compact_for_a_wide_stage_and_exports_it_compact() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("wide.svg");
    let plan = orgevo::model::synthetic_plan(200, 6, 5);
    let app = orgevo::app::OrgevoApp::with_plan(plan, "wide.orgevo.json");
    let mut h = common::harness_with(app, 8);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(
        h.query_by_label_contains("times wider than tall").is_some(),
        "a wide stage gets the suggestion"
    );
    h.get_by_role_and_label(Role::ComboBox, "Format").click();
    h.run();
    h.get_by_label("SVG image").click();
    h.run();
    h.get_by_label_contains("This stage:").click();
    h.get_by_label("Lay out Compact for this export").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Export…").click();
    h.run();
    common::retype(&mut h, "File path", target.to_str().unwrap());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    let svg = std::fs::read_to_string(&target).expect("the export was written");
    let size = |name: &str| {
        let at = svg.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        svg[at..].split('"').next().unwrap().parse::<f32>().unwrap()
    };
    let (width, height) = (size("width"), size("height"));
    let plan = h.state().plan().clone();
    let wide = orgevo::export::stage_svg(&plan, 0).unwrap();
    assert!(
        wide.width / wide.height >= 3.0,
        "the stage is wide on the canvas"
    );
    assert!(width / height < 2.5, "exported compact: {width} × {height}");
    assert_eq!(plan.stages[0].layout, None, "the plan itself is unchanged");

    // The example's first stage is not much wider than tall: no suggestion.
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h.query_by_label_contains("times wider than tall").is_none());
}
