//! Crash recovery as a user meets it: an app with unsaved changes keeps a
//! copy in the recovery folder; when it ends without a clean exit (dropped
//! here, as a crash would), the next start offers the copy back, and
//! restoring gives the plan exactly as it was.

use crate::common;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use orgevo::app::files::pickers::FileDialogs;
use orgevo::app::state::settings::AppSettings;
use orgevo::app::{Document, OrgevoApp};
use orgevo::edit::Edit;
use orgevo::io::{load_plan, plan_from_str, save_plan};

fn copies_in(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".orgevo-recovery")
        })
        .count()
}

/// An app on `doc` keeping recovery copies in `dir`, `edits` edits in.
fn started(doc: Document, dir: &Path, edits: usize) -> egui_kittest::Harness<'static, OrgevoApp> {
    let mut app = OrgevoApp::new(doc, AppSettings::default(), FileDialogs::InApp);
    app.enable_recovery(dir);
    let mut h = common::harness_with(app, 8);
    h.run();
    for i in 0..edits {
        assert!(h.state_mut().apply(&Edit::SetTitle(format!("Edit {i}"))));
    }
    h.run();
    h.state_mut().finish_autosave();
    h
}

fn example_doc() -> Document {
    let plan = plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    Document::new(plan, None, "acme-evolution.orgevo.json")
}

#[test]
fn after_a_crash_the_next_start_restores_the_unsaved_plan() {
    let (recovery, files) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = files.path().join("plan.orgevo.json");
    let original = plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    save_plan(&original, &path).unwrap();
    // Fewer than 50 edits within 30 seconds: no copy yet.
    let h = started(Document::open(&path).unwrap(), recovery.path(), 49);
    assert_eq!(copies_in(recovery.path()), 0);
    drop(h);
    // 50 edits: a copy, never over the user's file.
    let h = started(Document::open(&path).unwrap(), recovery.path(), 50);
    assert!(h.query_by_label("Restore unsaved work?").is_none());
    assert_eq!(copies_in(recovery.path()), 1);
    assert_eq!(load_plan(&path).unwrap(), original);
    let edited = h.state().plan().clone();
    drop(h); // the crash: no clean exit
    let mut h = started(example_doc(), recovery.path(), 0);
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    assert!(h.query_by_label(&path.display().to_string()).is_some());
    h.get_by_label("Restore plan.orgevo.json").click();
    h.run();
    assert_eq!(h.state().plan(), &edited);
    assert_eq!(h.state().document().path(), Some(path.as_path()));
    assert!(
        h.state().document().is_dirty(),
        "restored work is not saved yet"
    );
    // The old copy went; this app's own copy holds the restored plan.
    assert_eq!(copies_in(recovery.path()), 1);
    // Saving makes the copy unneeded, and a clean exit leaves nothing.
    assert!(h.state_mut().save_to(&path));
    h.run();
    assert_eq!(copies_in(recovery.path()), 0);
    assert_eq!(load_plan(&path).unwrap(), edited);
    h.state_mut().end_cleanly();
    assert_eq!(std::fs::read_dir(recovery.path()).unwrap().count(), 0);
}

#[test]
fn two_apps_keep_their_own_copies_and_discard_removes_one() {
    let recovery = tempfile::tempdir().unwrap();
    let first = started(example_doc(), recovery.path(), 50);
    let second = started(example_doc(), recovery.path(), 50);
    // Both run: neither is offered the other's copy.
    assert!(second.query_by_label("Restore unsaved work?").is_none());
    assert_eq!(copies_in(recovery.path()), 2);
    drop(first);
    let mut third = started(example_doc(), recovery.path(), 0);
    assert!(third.query_by_label("Restore unsaved work?").is_some());
    assert_eq!(
        third
            .query_all_by_label("Discard acme-evolution.orgevo.json")
            .count(),
        1,
        "only the copy of the app that is gone"
    );
    third
        .get_by_label("Discard acme-evolution.orgevo.json")
        .click();
    third.run();
    assert!(third.query_by_label("Restore unsaved work?").is_none());
    assert_eq!(
        copies_in(recovery.path()),
        1,
        "the running app's copy stays"
    );
    assert!(!third.state().document().is_dirty());
    drop(second);
}
