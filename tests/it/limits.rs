//! Limits instead of exhausting memory: a file, a plan, a stage or a text
//! past its limit is refused with a message that names the limit, and an
//! edit cannot take a plan past one either.

use orgevo::edit::{Edit, EditError};
use orgevo::io::{CsvOptions, import_csv, load_plan, plan_from_str};
use orgevo::model::limits::{MAX_FILE_BYTES, MAX_MEMBERS, MAX_STAGES, MAX_TEXT_CHARS};
use orgevo::model::{Function, Member, Plan, Stage, StageKind};

use crate::common;

fn refused(text: &str) -> String {
    plan_from_str(text).unwrap_err().to_string()
}

fn plan_with_stages(stages: &str) -> String {
    format!("{{\"format\": \"orgevo\", \"version\": 1, \"stages\": [{stages}]}}")
}

#[test]
fn a_file_over_256_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.orgevo.json");
    // A sparse file: big, but it takes no room on disk.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let message = load_plan(&path).unwrap_err().to_string();
    assert!(message.contains("268,435,457 bytes"), "{message}");
    assert!(message.contains("256 MiB"), "{message}");
    let (code, _, stderr) = common::orgevo(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("256 MiB"), "{stderr}");
    let csv = dir.path().join("huge.csv");
    std::fs::File::create(&csv)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let (code, _, stderr) = common::orgevo(&["import", csv.to_str().unwrap(), "-o", "x.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("256 MiB"), "{stderr}");
}

#[test]
fn more_than_1000_stages_are_refused() {
    let stage = |i: usize| format!("{{\"id\": \"s{i}\", \"kind\": \"custom\"}}");
    let ok: Vec<String> = (0..MAX_STAGES).map(stage).collect();
    assert!(plan_from_str(&plan_with_stages(&ok.join(","))).is_ok());
    let over: Vec<String> = (0..=MAX_STAGES).map(stage).collect();
    let message = refused(&plan_with_stages(&over.join(",")));
    assert!(
        message.contains("1,001 stages") && message.contains("limit is 1,000"),
        "{message}"
    );
}

#[test]
fn more_than_a_million_members_in_a_stage_are_refused() {
    let members: Vec<String> = (0..=MAX_MEMBERS)
        .map(|i| format!("{{\"id\": \"m{i}\", \"function\": \"sales\"}}"))
        .collect();
    let text = plan_with_stages(&format!(
        "{{\"id\": \"big\", \"kind\": \"custom\", \"members\": [{}]}}",
        members.join(",")
    ));
    let message = refused(&text);
    assert!(
        message.contains("stage `big`") && message.contains("1,000,001 members"),
        "{message}"
    );
    assert!(message.contains("limit is 1,000,000"), "{message}");
}

#[test]
fn a_text_over_10000_characters_is_refused_with_its_place() {
    let long = "é".repeat(MAX_TEXT_CHARS + 1);
    let member = |notes: &str| {
        plan_with_stages(&format!(
            "{{\"id\": \"today\", \"kind\": \"custom\", \"members\": [{{\"id\": \"a\", \"function\": \"owner\", \"notes\": \"{notes}\"}}]}}"
        ))
    };
    assert!(plan_from_str(&member(&"é".repeat(MAX_TEXT_CHARS))).is_ok());
    let message = refused(&member(&long));
    for part in [
        "stage `today`, member #1",
        "notes",
        "10,001 characters",
        "limit is 10,000",
    ] {
        assert!(message.contains(part), "{part}: {message}");
    }
    let title = format!("{{\"format\": \"orgevo\", \"version\": 1, \"title\": \"{long}\"}}");
    assert!(refused(&title).contains("the plan: the title"));
}

#[test]
fn a_people_list_past_a_limit_names_the_row() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let text = format!("id,name,manager_id\n1,Ann,\n2,{long},1\n");
    let error = import_csv(text.as_bytes(), &CsvOptions::default()).unwrap_err();
    assert_eq!(error.row, Some(3));
    assert_eq!(error.column.as_deref(), Some("name"));
    assert!(error.message.contains("limit is 10,000"), "{error}");
    let mut many = String::from("id,name,manager_id\n");
    for i in 0..=MAX_MEMBERS {
        many.push_str(&format!("{i},,\n"));
    }
    let error = import_csv(many.as_bytes(), &CsvOptions::default()).unwrap_err();
    assert_eq!(error.row, Some(MAX_MEMBERS + 2));
    assert!(error.message.contains("1,000,000"), "{error}");
}

#[test]
fn an_edit_past_a_limit_is_refused_and_changes_nothing() {
    let mut plan = Plan::new("P");
    let mut stage = Stage::new("s", "S", StageKind::Custom);
    stage
        .add_member(Member::new("a", "Ann", Function::Owner))
        .unwrap();
    plan.stages.push(stage);
    let before = plan.clone();
    let mut renamed = Member::new("a", "x".repeat(MAX_TEXT_CHARS + 1), Function::Owner);
    renamed.title = "Founder".into();
    let edit = Edit::UpdateMember {
        stage: "s".into(),
        member: renamed,
    };
    let Err(EditError::OverLimit(message)) = edit.apply(&mut plan) else {
        panic!("a 10,001-character name was accepted");
    };
    assert!(
        message.contains("name") && message.contains("10,000"),
        "{message}"
    );
    assert_eq!(plan, before);
    let mut full = plan.clone();
    for i in 0..MAX_STAGES - 1 {
        full.stages
            .push(Stage::new(format!("x{i}"), "X", StageKind::Custom));
    }
    let add = Edit::AddStage {
        index: 0,
        stage: Box::new(Stage::new("one-more", "One more", StageKind::Custom)),
    };
    assert!(matches!(add.apply(&mut full), Err(EditError::OverLimit(_))));
    assert_eq!(full.stages.len(), MAX_STAGES);
}
