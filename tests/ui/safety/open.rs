//! Opening plans in the app: a big plan loads on a worker thread with a
//! progress dialog and can be cancelled, and every kind of bad file shows
//! why in a dialog; in all cases the open plan stays as it was until a new
//! one has loaded.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use orgevo::app::OrgevoApp;
use orgevo::app::dialogs::Modal;
use orgevo::io::save_plan;
use orgevo::model::synthetic_plan;

/// Frames until the plan has opened (or failed), a minute at most.
fn until_opened(h: &mut Harness<'_, OrgevoApp>) {
    let started = Instant::now();
    while h.state().is_opening() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "opening never ends"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    // A dialog shows from its second frame (the first one sizes it).
    h.step();
    h.step();
}

/// Two frames: a dialog shows from its second frame.
fn two_frames(h: &mut Harness<'_, OrgevoApp>) {
    h.step();
    h.step();
}

fn big_plan(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("big.orgevo.json");
    let mut plan = synthetic_plan(40_000, 6, 5);
    plan.title = "Big".into();
    save_plan(&plan, &path).unwrap();
    path
}

/// The example app two frames into opening a 120,000-member plan, and the
/// plan it had open.
fn opening_a_big_plan() -> (
    tempfile::TempDir,
    Harness<'static, OrgevoApp>,
    orgevo::model::Plan,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = big_plan(dir.path());
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    let before = h.state().plan().clone();
    h.state_mut().open_path(&path);
    two_frames(&mut h);
    (dir, h, before)
}

#[test]
fn a_big_plan_opens_with_progress_and_the_open_plan_stays_until_it_is_ready() {
    let (_dir, mut h, before) = opening_a_big_plan();
    assert!(
        h.state().is_opening(),
        "a 120,000-member plan takes a while"
    );
    assert!(h.query_by_label("Opening big.orgevo.json").is_some());
    assert_eq!(h.state().plan(), &before);
    until_opened(&mut h);
    assert_eq!(h.state().plan().title, "Big");
    assert_eq!(h.state().plan().member_count(), 120_000);
    assert!(h.query_by_label("Opening big.orgevo.json").is_none());
    assert!(
        h.state().status().starts_with("Opened"),
        "{}",
        h.state().status()
    );
}

#[test]
fn cancelling_keeps_the_open_plan() {
    let (_dir, mut h, before) = opening_a_big_plan();
    h.get_by_label("Cancel opening").click();
    two_frames(&mut h);
    assert!(!h.state().is_opening());
    assert!(
        h.state().status().contains("cancelled"),
        "{}",
        h.state().status()
    );
    // However long the worker takes to notice, its plan never arrives.
    std::thread::sleep(Duration::from_millis(300));
    h.step();
    assert_eq!(h.state().plan(), &before);
}

#[test]
fn every_kind_of_bad_file_shows_why_and_keeps_the_open_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.orgevo.json");
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    let before = h.state().plan().clone();
    let mut files = common::bad_files::bad_files();
    files.push(common::bad_files::BadFile {
        what: "a missing file",
        bytes: Vec::new(),
        tokens: vec!["cannot read".into()],
    });
    for file in files {
        let what = file.what;
        let target = if what == "a missing file" {
            dir.path().join("gone.orgevo.json")
        } else {
            std::fs::write(&path, &file.bytes).unwrap();
            path.clone()
        };
        h.state_mut().open_path(&target);
        until_opened(&mut h);
        let Modal::Error { title, message } = h.state().modal().clone() else {
            panic!("{what}: no error dialog, {:?}", h.state().modal());
        };
        assert_eq!(title, "Could not open the plan", "{what}");
        for token in &file.tokens {
            assert!(
                message.contains(token.as_str()),
                "{what}: `{token}` missing from {message}"
            );
        }
        assert!(
            h.query_by_label(&message).is_some(),
            "{what}: the dialog shows why"
        );
        assert_eq!(h.state().plan(), &before, "{what}");
        h.get_by_label("OK").click();
        h.run();
        assert_eq!(h.state().modal(), &Modal::None, "{what}");
    }
}
