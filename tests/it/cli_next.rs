//! `orgevo next` and the stages in `orgevo check --format json`, run as a
//! user runs them.

use crate::common::orgevo as run_orgevo;

/// The bundled example as one straight line (its "Hire a growth leader"
/// option taken out), written to `dir`; the path and the text written.
fn example_copy(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let mut plan = orgevo::io::plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    plan.stages
        .retain(|s| s.option.as_deref() != Some("Hire a growth leader"));
    assert!(
        plan.stages
            .iter()
            .all(|s| !plan.is_decision(plan.stage_position(&s.id).unwrap()))
    );
    let text = orgevo::io::plan_to_string(&plan).unwrap();
    let path = dir.join("plan.orgevo.json");
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn next_in_place_adds_an_option_at_the_decision_and_keeps_a_bak() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = example_copy(dir.path());
    let file = path.to_str().unwrap();
    let (code, stdout, stderr) = run_orgevo(&[
        "next",
        file,
        "--after",
        "split",
        "--move",
        "hire-growth-leader",
        "--when",
        "2029",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("option \"Hire a growth leader\""),
        "{stdout}"
    );
    // The previous file is kept beside it, exactly as it was.
    let bak = std::fs::read_to_string(dir.path().join("plan.orgevo.json.bak")).unwrap();
    assert_eq!(bak, original);
    let plan = orgevo::io::load_plan(&path).unwrap();
    let split = plan.stage_position("split").unwrap();
    assert_eq!(plan.followers(split).len(), 2, "split is a decision now");
    let option = &plan.stages[plan.followers(split)[1]];
    assert_eq!(option.option.as_deref(), Some("Hire a growth leader"));
    assert_eq!(option.when, "2029");
    assert!(option.member("growth-leader").is_some_and(|m| m.planned));
    // The option compares with the decision, not with the converged stage
    // before it in the file.
    assert_eq!(
        plan.previous_non_empty(plan.followers(split)[1]),
        Some(split)
    );

    // check --format json lists the tree.
    let (_, json, _) = run_orgevo(&["check", file, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let stages = report["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 4);
    // Adding the same move again names the new option apart.
    let (code, stdout, stderr) = run_orgevo(&[
        "next",
        file,
        "--after",
        "split",
        "--move",
        "hire-growth-leader",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("option \"Hire a growth leader 2\""),
        "{stdout}"
    );
    assert_eq!(stages[0]["after"], serde_json::Value::Null);
    assert_eq!(stages[1]["after"], "today");
    assert_eq!(stages[3]["after"], "split");
    assert_eq!(stages[3]["option"], "Hire a growth leader");
    // Totals as DESIGN.md defines them; this plan has no numbers, so the
    // money is 0 and no stage has a target.
    for (json, stage) in stages.iter().zip(&plan.stages) {
        let totals = &json["totals"];
        let planned = stage.members().filter(|m| m.planned).count();
        assert_eq!(totals["planned"], planned);
        assert_eq!(totals["people"], stage.member_count() - planned);
        assert_eq!(totals["cost"], 0);
        assert_eq!(totals["capacity"], 0);
        assert_eq!(totals["target"], serde_json::Value::Null);
    }
    let (_, text, _) = run_orgevo(&["check", file]);
    assert!(
        text.contains("option \"Hire a growth leader\" after split"),
        "{text}"
    );
}

#[test]
fn bad_next_requests_name_what_is_wrong_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = example_copy(dir.path());
    let file = path.to_str().unwrap();
    for (args, said) in [
        (vec!["--after", "nowhere"], "no stage `nowhere`"),
        (
            vec!["--after", "split", "--move", "fly"],
            "unknown move `fly`",
        ),
        (
            vec![
                "--after",
                "split",
                "--move",
                "grow-manager",
                "--kind",
                "founder-led",
            ],
            "makes a converged stage",
        ),
    ] {
        let mut all = vec!["next", file];
        all.extend(args);
        let (code, _, stderr) = run_orgevo(&all);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(said), "{said}: {stderr}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
        assert!(!dir.path().join("plan.orgevo.json.bak").exists());
    }
}

#[test]
fn check_gives_each_stage_its_totals_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = orgevo::io::plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    let split = plan.stage_position("split").unwrap();
    plan.settings.currency = "EUR".into();
    let stage = &mut plan.stages[split];
    stage.when = "2027-Q3".into();
    stage.target = Some(1_000_000.5);
    let sam = stage.member_mut("sam").unwrap();
    sam.cost = Some(95_000.25);
    sam.quota = Some(600_000.0);
    sam.start = orgevo::model::YearMonth::new(2027, 4);
    let morgan = stage.member_mut("morgan").unwrap();
    morgan.cost = Some(150_000.0);
    let path = dir.path().join("numbers.orgevo.json");
    std::fs::write(&path, orgevo::io::plan_to_string(&plan).unwrap()).unwrap();
    let file = path.to_str().unwrap();
    let (_, json, stderr) = run_orgevo(&["check", file, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).expect(&stderr);
    let totals = &report["stages"][split]["totals"];
    // Morgan is a planned seat: counted in the cost all the same.
    assert_eq!(totals["cost"], 245_000.25);
    // July 2027, six months of ramp, Sam started in April: half the quota.
    assert_eq!(totals["capacity"], 300_000);
    assert_eq!(totals["target"], 1_000_000.5);
    let stage = &plan.stages[split];
    assert_eq!(
        totals["planned"],
        stage.members().filter(|m| m.planned).count()
    );
    let (_, text, _) = run_orgevo(&["check", file]);
    assert!(
        text.contains("Split roles (split): ")
            && text.contains("cost €245k, capacity €300k of target €1M"),
        "{text}"
    );
}
