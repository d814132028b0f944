//! Every kind of bad input makes `orgevo check` exit 2 with one clear line on
//! stderr naming the offending token, and never panic.

use std::path::Path;
use std::process::Command;

use crate::common;

use common::bad_files::GOOD;

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

#[test]
fn good_example_prints_a_summary() {
    let (code, stdout, stderr) = check_path(Path::new("examples/plans/acme-evolution.orgevo.json"));
    assert_eq!(code, 0, "{stderr}");
    let plan = orgevo::io::plan_from_str(GOOD).unwrap();
    let stages = format!("{} stages", plan.stages.len());
    assert!(stdout.contains(&stages), "{stdout}");
    let members = format!(
        "{} members, {} links",
        plan.member_count(),
        plan.link_count()
    );
    assert!(stdout.contains(&members), "{members}: {stdout}");
}

#[test]
fn every_kind_of_bad_file_is_refused_with_its_place() {
    for file in common::bad_files::bad_files() {
        let (code, stdout, stderr) = check_bytes(&file.bytes);
        let what = file.what;
        assert_eq!(code, 2, "{what}: stdout: {stdout}\nstderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "{what}: one line expected: {stderr}"
        );
        assert!(
            stderr.contains("plan.orgevo.json"),
            "{what}: names the file: {stderr}"
        );
        for token in &file.tokens {
            assert!(
                stderr.contains(token),
                "{what}: `{token}` missing from: {stderr}"
            );
        }
    }
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
