//! The rule catalogue as a whole: docs in step with the registry, the example
//! plans, and `orgevo check`'s text and JSON reports and exit codes.

mod common;

use orgevo::io::load_plan;
use orgevo::rules::{RULES, Summary, check_plan};

fn check(args: &[&str]) -> (i32, String, String) {
    common::orgevo(&[&["check"], args].concat())
}

#[test]
fn docs_list_every_rule_with_its_severity() {
    let docs = std::fs::read_to_string("docs/RULES.md").unwrap();
    let mut documented = Vec::new();
    let mut lines = docs.lines();
    while let Some(line) = lines.next() {
        if let Some(id) = line.strip_prefix("### `").and_then(|l| l.strip_suffix('`')) {
            let severity = lines
                .next()
                .and_then(|l| l.strip_prefix("- **Severity:** "))
                .unwrap_or("(none)");
            documented.push((id.to_owned(), severity.to_owned()));
        }
    }
    let registered: Vec<_> = RULES
        .iter()
        .map(|r| (r.id.to_owned(), r.severity.id().to_owned()))
        .collect();
    assert_eq!(documented, registered);
}

#[test]
fn acme_evolution_passes_without_errors_or_warnings() {
    let plan = load_plan("examples/plans/acme-evolution.orgevo.json".as_ref()).unwrap();
    let findings = check_plan(&plan);
    let summary = Summary::of(&findings);
    assert_eq!((summary.errors, summary.warnings), (0, 0), "{findings:#?}");
    let (code, stdout, _) = check(&["examples/plans/acme-evolution.orgevo.json"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
}

#[test]
fn marketing_misplaced_reports_the_error_and_exits_1() {
    let (code, stdout, _) = check(&["examples/plans/marketing-misplaced.orgevo.json"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("error    marketing-reports-to-leader: Priya Nair"),
        "{stdout}"
    );
    assert!(stdout.contains("fix: "), "{stdout}");
    assert!(stdout.contains("1 error, 0 warnings"), "{stdout}");
}

#[test]
fn json_report_has_the_documented_shape() {
    let (code, stdout, _) = check(&[
        "examples/plans/marketing-misplaced.orgevo.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        report["file"],
        "examples/plans/marketing-misplaced.orgevo.json"
    );
    let first = &report["findings"][0];
    assert_eq!(first["rule"], "marketing-reports-to-leader");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["stage"], "split");
    assert_eq!(first["members"], serde_json::json!(["priya", "morgan"]));
    assert!(first["message"].as_str().unwrap().contains("Morgan Blake"));
    assert!(first["fix"].is_string());
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 0);
    assert_eq!(report["summary"]["infos"], 1);
}

#[test]
fn stage_filter_limits_the_report() {
    let file = "examples/plans/marketing-misplaced.orgevo.json";
    let (code, stdout, _) = check(&[file, "--stage", "scale", "--format", "json"]);
    assert_eq!(code, 0, "the error is in another stage");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let stages: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["stage"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(stages, ["scale"]);
    let (code, _, stderr) = check(&[file, "--stage", "nowhere"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`nowhere`") && stderr.contains("today, split, scale"),
        "{stderr}"
    );
}

#[test]
fn findings_come_out_in_a_stable_order() {
    let plan = load_plan("examples/plans/marketing-misplaced.orgevo.json".as_ref()).unwrap();
    assert_eq!(check_plan(&plan), check_plan(&plan.clone()));
    let (_, a, _) = check(&["examples/plans/marketing-misplaced.orgevo.json"]);
    let (_, b, _) = check(&["examples/plans/marketing-misplaced.orgevo.json"]);
    assert_eq!(a, b);
}
