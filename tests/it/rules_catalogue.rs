//! The rule catalogue as a whole: docs in step with the registry, the example
//! plans, and `orgevo check`'s text and JSON reports and exit codes.

use crate::common;

use orgevo::io::load_plan;
use orgevo::model::{Link, Member, Plan, SeededRng, Stage};
use orgevo::rules::{RULES, Severity, check_plan};

const ACME: &str = "examples/plans/acme-evolution.orgevo.json";
const MISPLACED: &str = "examples/plans/marketing-misplaced.orgevo.json";
const MISTAKES: &str = "examples/plans/four-mistakes.orgevo.json";

fn check(args: &[&str]) -> (i32, String, String) {
    common::orgevo(&[&["check"], args].concat())
}

/// (stage, rule, severity) of every finding of the plan at `path`.
fn findings(path: &str) -> Vec<(String, &'static str, Severity)> {
    let plan = load_plan(path.as_ref()).unwrap();
    check_plan(&plan)
        .into_iter()
        .map(|f| (f.stage, f.rule, f.severity))
        .collect()
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
                .and_then(|l| l.strip_prefix("- **Default severity:** "))
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
fn acme_evolution_shows_the_overloaded_founder_and_the_readiness_note_only() {
    assert_eq!(
        findings(ACME),
        [
            ("today".to_owned(), "founder-overload", Severity::Warning),
            ("scale".to_owned(), "convergence-readiness", Severity::Info),
        ]
    );
    let (code, stdout, _) = check(&[ACME]);
    assert_eq!(code, 0, "warnings do not fail the check: {stdout}");
    assert!(stdout.contains("0 errors, 1 warning, 1 note"), "{stdout}");
}

#[test]
fn marketing_misplaced_adds_exactly_the_marketing_error_in_the_split_stage() {
    let mut expected = findings(ACME);
    expected.insert(
        1,
        (
            "split".to_owned(),
            "marketing-reports-to-leader",
            Severity::Error,
        ),
    );
    assert_eq!(findings(MISPLACED), expected);
    let (code, stdout, _) = check(&[MISPLACED]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("error    marketing-reports-to-leader: Priya Nair"),
        "{stdout}"
    );
    assert!(stdout.contains("fix: "), "{stdout}");
    assert!(stdout.contains("1 error, 1 warning, 1 note"), "{stdout}");
}

#[test]
fn four_mistakes_has_one_finding_per_mistake_each_explained_in_its_stage_notes() {
    let plan = load_plan(MISTAKES.as_ref()).unwrap();
    let found = check_plan(&plan);
    let rules: Vec<&str> = found.iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        [
            "marketing-reports-to-leader",
            "manager-designs-process",
            "converged-shape",
            "owner-ceiling",
        ]
    );
    for (number, finding) in found.iter().enumerate() {
        let stage = plan.stage(&finding.stage).unwrap();
        assert!(
            stage.notes.contains(&format!("Mistake {}", number + 1)),
            "{}: {}",
            finding.rule,
            stage.notes
        );
    }
}

#[test]
fn json_report_has_the_documented_shape() {
    let (code, stdout, _) = check(&[MISPLACED, "--format", "json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["file"], MISPLACED);
    let marketing = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "marketing-reports-to-leader")
        .unwrap();
    assert_eq!(marketing["severity"], "error");
    assert_eq!(marketing["stage"], "split");
    assert_eq!(marketing["members"], serde_json::json!(["priya", "morgan"]));
    assert!(
        marketing["message"]
            .as_str()
            .unwrap()
            .contains("Morgan Blake")
    );
    assert!(marketing["fix"].is_string());
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 1);
    assert_eq!(report["summary"]["infos"], 1);
}

#[test]
fn rule_settings_in_the_file_change_what_check_reports() {
    let text = std::fs::read_to_string(MISPLACED).unwrap().replacen(
        "\"founder_overload_reports\": 5",
        "\"founder_overload_reports\": 5,\n    \"rules\": {\"marketing-reports-to-leader\": \"warning\", \"founder-overload\": \"off\"}",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.orgevo.json");
    std::fs::write(&path, text).unwrap();
    let (code, stdout, _) = check(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "the error is a warning in this plan: {stdout}");
    assert!(
        stdout.contains("warning  marketing-reports-to-leader"),
        "{stdout}"
    );
    assert!(!stdout.contains("founder-overload"), "{stdout}");
    assert!(stdout.contains("0 errors, 1 warning, 1 note"), "{stdout}");
}

#[test]
fn stage_filter_limits_the_report() {
    let (code, stdout, _) = check(&[MISPLACED, "--stage", "scale", "--format", "json"]);
    assert_eq!(code, 0, "the error is in another stage");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let stages: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["stage"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(stages, ["scale"]);
    let (code, _, stderr) = check(&[MISPLACED, "--stage", "nowhere"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`nowhere`") && stderr.contains("today, split, scale"),
        "{stderr}"
    );
}

#[test]
fn findings_come_out_in_a_stable_order() {
    // The same plans with their members and lines in other orders give the
    // same findings in the same order.
    for file in [
        MISPLACED,
        "examples/plans/four-mistakes.orgevo.json",
        "examples/plans/acme-evolution.orgevo.json",
    ] {
        let plan = load_plan(file.as_ref()).unwrap();
        let findings = check_plan(&plan);
        assert!(!findings.is_empty(), "{file}");
        for seed in 1..=8u64 {
            let shuffled = shuffled(&plan, seed);
            assert_eq!(check_plan(&shuffled), findings, "{file}, shuffle {seed}");
        }
    }
}

/// `plan` with each stage's members and lines in a pseudo-random order.
fn shuffled(plan: &Plan, seed: u64) -> Plan {
    let mut rng = SeededRng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut shuffle = |len: usize| -> Vec<usize> {
        let mut order: Vec<usize> = (0..len).collect();
        for i in (1..len).rev() {
            order.swap(i, rng.below(i + 1));
        }
        order
    };
    let mut out = plan.clone();
    for stage in &mut out.stages {
        let members: Vec<Member> = stage.members().cloned().collect();
        let links: Vec<Link> = stage.links().collect();
        let mut fresh = Stage::new(stage.id.clone(), stage.name.clone(), stage.kind);
        fresh.when = stage.when.clone();
        fresh.notes = stage.notes.clone();
        fresh.after = stage.after.clone();
        fresh.option = stage.option.clone();
        for i in shuffle(members.len()) {
            fresh.add_member(members[i].clone()).unwrap();
        }
        for i in shuffle(links.len()) {
            fresh.add_link(&links[i]).unwrap();
        }
        *stage = fresh;
    }
    out
}

#[test]
fn the_numbers_example_is_short_at_the_split_until_the_new_sellers_ramp() {
    let plan = load_plan("examples/plans/acme-numbers.orgevo.json".as_ref()).unwrap();
    let short: Vec<String> = check_plan(&plan)
        .into_iter()
        .filter(|f| f.rule == "capacity-short")
        .map(|f| f.stage)
        .collect();
    assert_eq!(short, ["split"]);
    // The split's planned sellers start after its date: they add cost, not
    // yet capacity.
    let split = plan.stage_position("split").unwrap();
    let stage = &plan.stages[split];
    let date = orgevo::model::stage_date(&stage.when);
    for m in stage.members().filter(|m| m.planned && m.quota.is_some()) {
        assert_eq!(
            orgevo::model::ramp_factor(m.start, date, 6),
            0.0,
            "{}",
            m.id
        );
    }
    let totals = plan.totals(split);
    assert!(totals.capacity < totals.target.unwrap());
    for option in plan.followers(split) {
        let t = plan.totals(option);
        assert!(
            t.capacity >= t.target.unwrap(),
            "{}",
            plan.stages[option].id
        );
    }
}
