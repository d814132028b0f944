//! Every kind of bad input makes `orgevo check` exit 2 with one clear line on
//! stderr naming the offending token, and never panic.

use std::path::Path;
use std::process::Command;

const GOOD: &str = include_str!("../examples/plans/acme-evolution.orgevo.json");

/// Runs `orgevo check` on `bytes` and returns (exit code, stdout, stderr).
fn check_bytes(bytes: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.orgevo.json");
    std::fs::write(&path, bytes).unwrap();
    check_path(&path)
}

fn check_path(path: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_orgevo"))
        .arg("check")
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts a load failure: exit 2, one line on stderr containing every token.
fn assert_refused(bytes: &[u8], tokens: &[&str]) {
    let (code, stdout, stderr) = check_bytes(bytes);
    assert_eq!(code, 2, "stdout: {stdout}\nstderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line expected: {stderr}"
    );
    assert!(
        stderr.contains("plan.orgevo.json"),
        "names the file: {stderr}"
    );
    for token in tokens {
        assert!(stderr.contains(token), "`{token}` missing from: {stderr}");
    }
}

/// The good example with one textual substitution applied.
fn edited(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "test fixture lacks {from}");
    GOOD.replacen(from, to, 1)
}

#[test]
fn good_example_prints_a_summary() {
    let (code, stdout, stderr) = check_path(Path::new("examples/plans/acme-evolution.orgevo.json"));
    assert_eq!(code, 0, "{stderr}");
    let plan = orgevo::io::plan_from_str(GOOD).unwrap();
    assert!(stdout.contains("3 stages"), "{stdout}");
    let members = format!(
        "{} members, {} links",
        plan.member_count(),
        plan.link_count()
    );
    assert!(stdout.contains(&members), "{members}: {stdout}");
}

#[test]
fn a_collaboration_line_written_both_ways_names_both_members() {
    let text = edited(
        "\"links\": [",
        "\"links\": [\n        {\"from\": \"sam\", \"to\": \"ria\", \"kind\": \"collaborates-with\"},\n        {\"from\": \"ria\", \"to\": \"sam\", \"kind\": \"collaborates-with\"},",
    );
    assert_refused(
        text.as_bytes(),
        &[
            "`today`",
            "line 2",
            "`ria` collaborates with `sam`",
            "no direction",
        ],
    );
}

#[test]
fn rule_settings_name_an_unknown_rule_or_level() {
    let rule = edited(
        "\"max_direct_reports\": 8",
        "\"max_direct_reports\": 8, \"rules\": {\"span-of-control\": \"off\", \"be-nice\": \"error\"}",
    );
    assert_refused(
        rule.as_bytes(),
        &["settings.rules", "`be-nice`", "span-of-control"],
    );
    let level = edited(
        "\"max_direct_reports\": 8",
        "\"max_direct_reports\": 8, \"rules\": {\"span-of-control\": \"loud\"}",
    );
    assert_refused(
        level.as_bytes(),
        &["`span-of-control`", "`loud`", "off, info, warning, error"],
    );
}

#[test]
fn malformed_json_names_line_and_column() {
    assert_refused(
        b"{\n  \"format\": \"orgevo\",\n  \"version\" 1\n}",
        &["line 3", "column 13"],
    );
}

#[test]
fn wrong_format_is_named() {
    assert_refused(
        &edited("\"format\": \"orgevo\"", "\"format\": \"visio\"").into_bytes(),
        &["\"visio\""],
    );
}

#[test]
fn future_version_says_which() {
    assert_refused(
        &edited("\"version\": 1", "\"version\": 7").into_bytes(),
        &["version 7"],
    );
}

#[test]
fn duplicate_member_names_id_and_stage() {
    let text = edited("\"id\": \"sam\"", "\"id\": \"dana\"");
    assert_refused(text.as_bytes(), &["`dana`", "`today`"]);
}

#[test]
fn link_to_unknown_member_names_the_id() {
    let text = edited("\"from\": \"sam\"", "\"from\": \"ghost\"");
    assert_refused(text.as_bytes(), &["`ghost`"]);
}

#[test]
fn second_manager_names_the_member() {
    let text = edited(
        "\"links\": [",
        "\"links\": [\n        {\"from\": \"sam\", \"to\": \"ria\", \"kind\": \"reports-to\"},",
    );
    assert_refused(text.as_bytes(), &["`sam`", "at most one manager"]);
}

#[test]
fn unknown_function_kind_and_link_kind_name_the_value() {
    let function = edited("\"function\": \"sales\"", "\"function\": \"wizard\"");
    assert_refused(function.as_bytes(), &["`wizard`", "`sam`"]);
    let kind = edited("\"kind\": \"founder-led\"", "\"kind\": \"garage-band\"");
    assert_refused(kind.as_bytes(), &["`garage-band`", "`today`"]);
    let link = edited("\"kind\": \"reports-to\"", "\"kind\": \"admires\"");
    assert_refused(link.as_bytes(), &["`admires`"]);
}

#[test]
fn malformed_pos_names_the_member() {
    for pos in ["[1]", "[1,2,3]", "[\"a\",2]", "\"left\"", "[1e+39,0]"] {
        let text = edited(
            "\"notes\": \"\"\n        }",
            &format!("\"notes\": \"\", \"pos\": {pos}\n        }}"),
        );
        assert_refused(text.as_bytes(), &["`pos`", "`dana`", pos]);
    }
}

#[test]
fn empty_binary_utf16_deep_and_non_object_inputs_are_refused() {
    assert_refused(b"", &["empty"]);
    assert_refused(b"  \n\t ", &["empty"]);
    assert_refused(
        &[0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe],
        &["not UTF-8", "0x89"],
    );
    assert_refused(b"{\"format\": \0}", &["NUL"]);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(GOOD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_refused(&utf16, &["UTF-16"]);
    let utf16_no_bom: Vec<u8> = GOOD.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_refused(&utf16_no_bom, &["UTF-16"]);
    let deep = "[".repeat(100_000);
    assert_refused(deep.as_bytes(), &["nested too deeply"]);
    assert_refused(b"[1, 2, 3]", &["an array"]);
    assert_refused(b"\"orgevo\"", &["a string"]);
    assert_refused(b"42", &["a number"]);
}

#[test]
fn wrong_types_name_the_path() {
    let text = edited(
        "\"max_direct_reports\": 8",
        "\"max_direct_reports\": \"eight\"",
    );
    assert_refused(text.as_bytes(), &["settings.max_direct_reports", "line"]);
}

#[test]
fn members_or_links_of_the_wrong_type_name_the_path() {
    // Stages' members and lines are parsed apart from the rest of the file:
    // a wrong type there still names the place.
    let text = edited("\"links\": [", "\"links\": null, \"old_links\": [");
    assert_refused(text.as_bytes(), &["stages[0].links", "null", "line"]);
    let text = edited("\"function\": \"owner\"", "\"function\": 7");
    assert_refused(text.as_bytes(), &["stages[0].members[0].function", "line"]);
}

#[test]
fn missing_file_is_a_load_error() {
    let (code, _, stderr) = check_path(Path::new("no/such/plan.orgevo.json"));
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_orgevo"))
        .args(["check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_orgevo"))
        .args(["frobnicate", "a", "b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
