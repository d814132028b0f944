//! File ▸ Import CSV… driven like a user: the dialog shows the mapping and
//! the first rows, then the people become a stage (undoable) or a new plan;
//! a broken file shows its row and column and imports nothing.

mod common;

use egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;

const HR: &str = "Employee ID,First Name,Last Name,parentId,Job Title,Department,Salary\n\
                  1,Dana,Lee,,Founder,Executive,1\n\
                  2,Samuel,Quill,1,Account Executive,Sales,1\n\
                  3,Priya,Nair,1,Marketing Lead,Marketing,1\n";

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
    assert!(
        h.query_by_label("Job Title").is_some(),
        "the mapping is shown"
    );
    assert!(
        h.query_by_label("Sales (1)").is_some(),
        "the function table is shown"
    );
    assert!(
        h.query_by_label("Samuel Quill").is_some(),
        "the first rows are shown"
    );
    assert!(
        h.query_by_label_contains("Salary").is_some(),
        "ignored columns are named"
    );
    h.get_by_label_contains("Add as a stage after").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    let plan = h.state().plan();
    assert_eq!(plan.stages.len(), before.stages.len() + 1);
    let stage = &plan.stages[h.state().stage_index()];
    assert_eq!(stage.name, "team");
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
