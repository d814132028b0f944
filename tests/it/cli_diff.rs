//! `orgevo diff` prints the same diff as the library, as text or JSON.

use crate::common;

const ACME: &str = "examples/plans/acme-evolution.orgevo.json";

fn diff(args: &[&str]) -> (i32, String, String) {
    common::orgevo(&[&["diff"], args].concat())
}

#[test]
fn text_lists_hand_overs_and_new_members() {
    let (code, stdout, _) = diff(&[ACME, "today", "split"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("Founder-led (today) → Split roles (split)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  Dana Lee hands process discipline to Morgan Blake\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  New: Morgan Blake (reports to Dana Lee)\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  Sam Ortiz now reports to Morgan Blake (was Dana Lee)\n"),
        "{stdout}"
    );
}

#[test]
fn json_matches_the_library() {
    let (code, stdout, _) = diff(&[ACME, "split", "scale", "--format", "json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["from"], "split");
    assert_eq!(report["to"], "scale");
    let plan = orgevo::io::load_plan(ACME.as_ref()).unwrap();
    let expected = orgevo::diff::diff_plan_stages(&plan, 1, 2).unwrap();
    // Every change, in the library's order, with all its fields.
    let changes = report["changes"].as_array().unwrap();
    assert_eq!(changes.len(), expected.changes.len());
    for (i, (shown, change)) in changes.iter().zip(&expected.changes).enumerate() {
        assert_eq!(shown, &serde_json::to_value(change).unwrap(), "change {i}");
        assert!(shown["kind"].is_string(), "change {i} names its kind");
    }
    assert_eq!(changes[0]["kind"], "role-merge");
    assert_eq!(changes[0]["into"]["id"], "morgan");
}

#[test]
fn unknown_stage_exits_2_and_names_it() {
    let (code, _, stderr) = diff(&[ACME, "today", "someday"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`someday`"), "{stderr}");
}

#[test]
fn the_diff_gives_both_stages_totals_and_says_what_changed_in_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = orgevo::io::plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    for (stage, cost) in [(0, 100_000.0), (1, 150_000.0)] {
        plan.stages[stage].member_mut("sam").unwrap().cost = Some(cost);
    }
    plan.stages[1].target = Some(2_000_000.0);
    let path = dir.path().join("numbers.orgevo.json");
    std::fs::write(&path, orgevo::io::plan_to_string(&plan).unwrap()).unwrap();
    let file = path.to_str().unwrap();
    let (code, json, stderr) = diff(&[file, "today", "split", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let totals = &report["totals"];
    assert_eq!(totals["from"]["cost"], 100_000);
    assert_eq!(totals["to"]["cost"], 150_000);
    assert_eq!(totals["from"]["target"], serde_json::Value::Null);
    assert_eq!(totals["to"]["target"], 2_000_000);
    let seats = |s: &orgevo::model::Stage| s.member_count();
    let planned = plan.stages[1].members().filter(|m| m.planned).count();
    assert_eq!(totals["to"]["planned"], planned);
    assert_eq!(totals["to"]["people"], seats(&plan.stages[1]) - planned);
    let (_, text, _) = diff(&[file, "today", "split"]);
    let new_seats = seats(&plan.stages[1]) - seats(&plan.stages[0]);
    assert!(
        text.contains(&format!(
            "numbers: cost +$50k, {new_seats} new seats, target $2M"
        )),
        "{text}"
    );
    // A plan without numbers says nothing of them.
    let (_, text, _) = diff(&[ACME, "today", "split"]);
    assert!(!text.contains("numbers:"), "{text}");
}
