//! File ▸ Import CSV… driven like a user: the dialog shows the mapping and
//! the first rows, then the people become a stage (undoable) or a new plan;
//! a broken file shows its row and column and imports nothing.

use crate::common;

use egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;
use orgevo::app::dialogs::Modal;
use orgevo::model::{Function, Responsibility};

const HR: &str = "Employee ID,First Name,Last Name,parentId,Job Title,Department,Salary,Badge\n\
                  1,Dana,Lee,,Founder,Executive,1,A1\n\
                  2,Samuel,Quill,1,Account Executive,Sales,1,A2\n\
                  3,Priya,Nair,1,Marketing Lead,Marketing,1,A3\n";

/// The header a field's column combo shows.
fn column_choice(
    h: &egui_kittest::Harness<'_, orgevo::app::OrgevoApp>,
    field: &str,
) -> Option<String> {
    h.get_by_role_and_label(Role::ComboBox, field).value()
}

fn open_dialog(h: &mut egui_kittest::Harness<'_, orgevo::app::OrgevoApp>, path: &std::path::Path) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    common::retype(h, "File path", path.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn an_hr_export_is_shown_then_added_as_a_stage_and_undo_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("team.csv");
    std::fs::write(&csv, HR).unwrap();
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    let before = h.state().plan().clone();
    open_dialog(&mut h, &csv);
    assert!(
        h.query_by_label("Import people").is_some(),
        "{:?}",
        h.state().modal()
    );
    assert!(h.query_by_label("3 people, 2 lines").is_some());
    assert_eq!(
        column_choice(&h, "Title").as_deref(),
        Some("Job Title"),
        "the mapping is shown"
    );
    assert!(
        h.query_by_label("Account Executive (1)").is_some(),
        "the function table is shown (Account Executive is read from the title)"
    );
    assert!(
        h.query_by_label("Samuel Quill").is_some(),
        "the first rows are shown"
    );
    assert!(
        h.query_by_label_contains("columns not imported: Badge")
            .is_some(),
        "ignored columns are named"
    );
    h.get_by_label_contains("Add as a stage after").click();
    h.run();
    common::retype(&mut h, "Name of the new stage", "Team");
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    let plan = h.state().plan();
    assert_eq!(plan.stages.len(), before.stages.len() + 1);
    let stage = &plan.stages[h.state().stage_index()];
    assert_eq!(stage.name, "Team");
    assert_eq!(stage.member_count(), 3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &before);
}

#[test]
fn a_broken_file_names_row_and_column_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("broken.csv");
    std::fs::write(&csv, "id,name,manager_id\na,A,\nb,B,ghost\n").unwrap();
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    let before = h.state().plan().clone();
    open_dialog(&mut h, &csv);
    assert!(
        h.query_by_label_contains("row 3, column `manager_id`: unknown manager id `ghost`")
            .is_some()
    );
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert_eq!(h.state().plan(), &before);
}

fn dialog<'h>(
    h: &'h egui_kittest::Harness<'_, orgevo::app::OrgevoApp>,
) -> &'h orgevo::app::dialogs::csv::CsvDialog {
    match h.state().modal() {
        Modal::ImportCsv(dialog) => dialog,
        other => panic!("no import dialog: {other:?}"),
    }
}

fn preview_names(h: &egui_kittest::Harness<'_, orgevo::app::OrgevoApp>) -> Vec<String> {
    let dialog = dialog(h);
    let read = dialog.read.as_ref().unwrap();
    read.stage.members().map(|m| m.name.clone()).collect()
}

#[test]
fn the_mapping_combos_change_the_preview() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("team.csv");
    std::fs::write(&csv, HR).unwrap();
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    open_dialog(&mut h, &csv);
    assert_eq!(preview_names(&h)[1], "Samuel Quill");
    assert!(h.query_by_label("Samuel Quill").is_some());
    // No last-name column: first names only, in the preview too.
    h.get_by_role_and_label(Role::ComboBox, "Last name").click();
    h.run();
    h.get_by_label("(none)").click();
    h.run();
    assert_eq!(column_choice(&h, "Last name").as_deref(), Some("(none)"));
    assert_eq!(preview_names(&h), ["Dana", "Samuel", "Priya"]);
    assert!(h.query_by_label("Samuel").is_some() && h.query_by_label("Samuel Quill").is_none());
    // The title column fed by another header: the functions follow.
    h.get_by_role_and_label(Role::ComboBox, "Title").click();
    h.run();
    h.query_all_by(|n| {
        n.label().is_some_and(|l| l == "Department")
            && !matches!(n.role(), Role::Label | Role::ComboBox)
    })
    .next()
    .unwrap()
    .click();
    h.run();
    assert_eq!(column_choice(&h, "Title").as_deref(), Some("Department"));
    let read = dialog(&h).read.as_ref().unwrap();
    assert_eq!(read.stage.member("2").unwrap().title, "Sales");
    // A row's function chosen by hand (who leads is the owner) is imported.
    h.get_by_role_and_label(Role::ComboBox, "Function of Dana")
        .click();
    h.run();
    h.get_all_by_label("owner").last().unwrap().click();
    h.run();
    common::retype(&mut h, "Plan title", "Acme sales org");
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    let plan = h.state().plan();
    assert_eq!(plan.title, "Acme sales org");
    assert_eq!(plan.stages[0].name, "Today");
    assert_eq!(
        plan.stages[0].member("1").unwrap().function,
        Function::Owner
    );
    assert_eq!(plan.stages[0].member("2").unwrap().name, "Samuel");
}

#[test]
fn a_big_list_is_read_on_a_worker_while_frames_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("big.csv");
    let mut text = String::from("id,name,manager_id,title\n0,Boss,,CEO\n");
    for i in 1..60_000 {
        text.push_str(&format!(
            "{i},Person {i},{},Account Executive\n",
            (i - 1) / 6
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    common::retype(&mut h, "File path", csv.to_str().unwrap());
    h.key_press(Key::Enter);
    h.step();
    // The dialog is up while the people are read; frames go on meanwhile.
    let started = std::time::Instant::now();
    let mut frames = 0;
    while dialog(&h).is_reading() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "never read"
        );
        h.step();
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(frames > 0, "the read held the frame");
    h.run();
    let read = dialog(&h).read.as_ref().unwrap();
    assert_eq!(read.stage.member_count(), 60_000);
    assert!(h.query_by_label("60000 people, 59999 lines").is_some());
}

#[test]
fn suggest_responsibilities_previews_applies_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("team.csv");
    std::fs::write(
        &csv,
        "id,name,manager_id,title\n1,Dana Lee,,CEO\n2,Morgan Blake,1,Sales Manager\n3,Sam Ortiz,2,Account Executive\n",
    )
    .unwrap();
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    open_dialog(&mut h, &csv);
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    let imported = h.state().plan().clone();
    assert!(
        imported.stages[0]
            .members()
            .all(|m| m.responsibilities().is_empty())
    );
    // A fresh import's one finding says so in words and points here.
    let findings = h.state().findings_of(0);
    let uncovered: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "responsibility-uncovered")
        .collect();
    assert_eq!(uncovered.len(), 1);
    assert!(
        uncovered[0].message.contains("no responsibilities yet"),
        "{}",
        uncovered[0].message
    );
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Suggest responsibilities…").click();
    h.run();
    // The preview names who gets what; nothing has changed yet.
    let Modal::Suggest { suggestions, .. } = h.state().modal() else {
        panic!("no preview: {:?}", h.state().modal());
    };
    let who: Vec<&str> = suggestions.iter().map(|s| s.member.as_str()).collect();
    assert_eq!(who, ["1", "2"]);
    assert!(
        h.query_all_by_label("Morgan Blake").count() >= 2,
        "listed beside the canvas card"
    );
    assert!(
        h.query_by_label("vision, inspiration, strategy, process design")
            .is_some(),
        "the leader's tags are listed"
    );
    assert_eq!(h.state().plan(), &imported);
    h.get_by_label("Apply to 2 members").click();
    h.run();
    let stage = &h.state().plan().stages[0];
    assert!(
        stage
            .member("1")
            .unwrap()
            .responsibilities()
            .contains(Responsibility::Vision)
    );
    assert!(
        stage
            .member("2")
            .unwrap()
            .responsibilities()
            .contains(Responsibility::Coaching)
    );
    assert!(stage.member("3").unwrap().responsibilities().is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().plan(), &imported, "one undo step");
}
