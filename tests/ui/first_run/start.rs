//! The start screen, as a first-time user meets it: its four actions and
//! the recent files.

use crate::common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use orgevo::app::dialogs::{Modal, PathPurpose};
use orgevo::app::files::pickers::FileDialogs;
use orgevo::app::state::settings::AppSettings;
use orgevo::app::{Document, OrgevoApp, new_plan};
use orgevo::io::{BUNDLED_EXAMPLE, plan_from_str, save_plan};
use orgevo::layout::place_missing_positions;
use orgevo::model::{StageKind, stage_template};

fn start_screen(settings: AppSettings) -> Harness<'static, OrgevoApp> {
    let doc = Document::new(new_plan(), None, "Untitled");
    let mut app = OrgevoApp::new(doc, settings, FileDialogs::InApp);
    app.show_start_screen();
    let mut h = common::harness_with(app, 8);
    h.run();
    assert!(h.query_by_label("Welcome to orgevo").is_some());
    h
}

fn choose(h: &mut Harness<'_, OrgevoApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
    assert!(h.query_by_label("Welcome to orgevo").is_none(), "{label}");
}

#[test]
fn open_the_example_opens_the_bundled_plan() {
    let mut h = start_screen(AppSettings::default());
    choose(&mut h, "Open the example plan");
    // The bundled plan, laid out where it has no positions (as opening any
    // plan does).
    let mut example = plan_from_str(BUNDLED_EXAMPLE).unwrap();
    example.stages.iter_mut().for_each(place_missing_positions);
    assert_eq!(h.state().plan(), &example);
    // Not a file of the user's, and nothing to save yet.
    assert_eq!(h.state().document().path(), None);
    assert!(!h.state().document().is_dirty());
}

#[test]
fn start_from_a_template_gives_the_three_stages() {
    let mut h = start_screen(AppSettings::default());
    choose(&mut h, "Start from a template");
    // One stage of each kind, in the order of the story, each exactly its
    // kind's template, under ids of their own.
    let plan = h.state().plan();
    let kinds = [
        StageKind::FounderLed,
        StageKind::SplitRoles,
        StageKind::Converged,
    ];
    assert_eq!(plan.stages.len(), kinds.len());
    for (stage, kind) in plan.stages.iter().zip(kinds) {
        let mut template = stage_template(kind, &stage.id);
        place_missing_positions(&mut template);
        assert_eq!(stage, &template, "{kind:?}");
    }
    let mut ids: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 3);
    assert_eq!(plan.settings, orgevo::model::Settings::default());
    assert_eq!(h.state().document().path(), None);
}

#[test]
fn open_a_file_and_import_a_csv_ask_for_the_file() {
    let mut h = start_screen(AppSettings::default());
    choose(&mut h, "Open a plan file…");
    assert!(matches!(
        h.state().modal(),
        Modal::PathPrompt {
            purpose: PathPurpose::Open,
            ..
        }
    ));
    let mut h = start_screen(AppSettings::default());
    choose(&mut h, "Import people from a CSV…");
    assert!(matches!(
        h.state().modal(),
        Modal::PathPrompt {
            purpose: PathPurpose::ImportCsv,
            ..
        }
    ));
}

#[test]
fn a_recent_file_opens_and_missing_ones_are_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ours.orgevo.json");
    let mut plan = plan_from_str(BUNDLED_EXAMPLE).unwrap();
    plan.title = "Ours".into();
    save_plan(&plan, &path).unwrap();
    let settings = AppSettings {
        recent_files: vec![dir.path().join("gone.orgevo.json"), path.clone()],
        ..AppSettings::default()
    };
    let mut h = start_screen(settings);
    assert!(h.query_by_label("gone.orgevo.json").is_none());
    choose(&mut h, "ours.orgevo.json");
    assert_eq!(h.state().plan().title, "Ours");
    assert_eq!(h.state().document().path(), Some(path.as_path()));
}
