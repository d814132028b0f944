//! Files another program changes: saving over them asks first (overwrite,
//! save as, reload), and overwriting keeps the other version as `.bak`.

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use orgevo::app::files::pickers::FileDialogs;
use orgevo::app::state::settings::AppSettings;
use orgevo::app::{Document, OrgevoApp};
use orgevo::edit::Edit;
use orgevo::io::{backup_path, load_plan, plan_from_str, plan_to_string, save_plan};
use orgevo::model::Plan;

fn example(title: &str) -> Plan {
    let mut plan = plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    plan.title = title.into();
    plan
}

/// A saved plan, opened in the app and retitled "Mine" there.
fn opened_and_edited(
    dir: &std::path::Path,
) -> (
    std::path::PathBuf,
    egui_kittest::Harness<'static, OrgevoApp>,
) {
    let path = dir.join("plan.orgevo.json");
    save_plan(&example("Original"), &path).unwrap();
    let doc = Document::open(&path).unwrap();
    let mut app = OrgevoApp::new(doc, AppSettings::default(), FileDialogs::InApp);
    assert!(app.apply(&Edit::SetTitle("Mine".into())));
    let mut h = common::harness_with(app, 8);
    h.run();
    (path, h)
}

fn another_program_writes(path: &std::path::Path, title: &str) {
    std::fs::write(path, plan_to_string(&example(title)).unwrap()).unwrap();
}

fn save(h: &mut egui_kittest::Harness<'_, OrgevoApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
}

#[test]
fn saving_over_a_changed_file_asks_and_overwrite_keeps_theirs_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = opened_and_edited(dir.path());
    another_program_writes(&path, "Theirs");
    save(&mut h);
    assert!(h.query_by_label("The file changed on disk").is_some());
    assert_eq!(
        load_plan(&path).unwrap().title,
        "Theirs",
        "nothing written yet"
    );
    assert!(h.state().document().is_dirty());
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(load_plan(&path).unwrap().title, "Mine");
    assert_eq!(load_plan(&backup_path(&path)).unwrap().title, "Theirs");
    assert!(!h.state().document().is_dirty());
    // Saved by us: the next save does not ask again.
    h.state_mut().apply(&Edit::SetTitle("Mine again".into()));
    save(&mut h);
    assert!(h.query_by_label("The file changed on disk").is_none());
    assert_eq!(load_plan(&path).unwrap().title, "Mine again");
}

#[test]
fn reload_opens_theirs_and_cancel_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = opened_and_edited(dir.path());
    another_program_writes(&path, "Theirs");
    save(&mut h);
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(load_plan(&path).unwrap().title, "Theirs");
    assert_eq!(h.state().plan().title, "Mine");
    save(&mut h);
    h.get_by_label("Reload from disk").click();
    h.run();
    assert_eq!(h.state().plan().title, "Theirs");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn a_file_rewritten_with_the_same_contents_saves_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = opened_and_edited(dir.path());
    // Same bytes, newer modification time (e.g. a checkout).
    let opened_at = std::fs::metadata(&path).unwrap().modified().unwrap();
    another_program_writes(&path, "Original");
    let later = opened_at + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), later);
    save(&mut h);
    assert!(h.query_by_label("The file changed on disk").is_none());
    assert_eq!(load_plan(&path).unwrap().title, "Mine");
}
