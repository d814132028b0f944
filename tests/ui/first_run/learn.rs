//! Learning in the app: "Why?" on a finding opens its rule's explanation
//! (the text of docs/RULES.md), "Fix" selects who is involved, and Help ▸
//! Leadership and management explains the idea and draws the three stages.

use crate::common;

use egui_kittest::kittest::Queryable;
use orgevo::model::{StageKind, stage_template};
use orgevo::rules::{idea_behind_the_rules, rule_explanation};
use pulldown_cmark::{Event, Parser};

/// The runs of text of `markdown` as a reader sees them: without the marks
/// (`**`, `` ` ``, `#`, `-`), one run per piece of styled text.
fn text_runs(markdown: &str) -> Vec<String> {
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Text(text) | Event::Code(text) => Some(text.trim().to_owned()),
            _ => None,
        })
        .filter(|text| !text.is_empty())
        .collect()
}

#[test]
fn why_on_a_finding_opens_that_rules_explanation() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    let finding = h.state().findings_of(h.state().stage_index())[0].clone();
    h.get_all_by_label("Why?").next().unwrap().click();
    h.run();
    // Titled in words, never the rule id.
    let summary = orgevo::rules::rule_by_id(finding.rule).unwrap().summary;
    assert!(h.query_by_label(&format!("Why: {summary}")).is_some());
    assert!(h.query_by_label_contains(finding.rule).is_none());
    // Findings read as words: no rule id, no backticks.
    assert!(h.query_all_by_label_contains("`").next().is_none());
    // Every piece of the explanation is on screen, as rich text: bold
    // and code without their marks.
    let runs = text_runs(rule_explanation(finding.rule).unwrap());
    assert!(runs.iter().any(|r| r == "Why:"), "{runs:?}");
    for run in runs {
        assert!(
            h.query_all_by_label_contains(&run).next().is_some(),
            "missing: {run}"
        );
    }
    assert!(
        h.query_by_label_contains("**").is_none(),
        "Markdown marks shown"
    );
}

#[test]
fn fix_on_a_finding_selects_the_members_involved() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    let finding = h.state().findings_of(h.state().stage_index())[0].clone();
    assert!(h.state().selection().is_empty());
    h.get_all_by_label("Fix").next().unwrap().click();
    h.run();
    let selected: Vec<&String> = h.state().selection().iter().collect();
    let mut involved: Vec<&String> = finding.members.iter().collect();
    involved.sort();
    assert_eq!(selected, involved);
}

#[test]
fn the_learn_view_opens_from_the_help_menu() {
    let mut h = common::harness_with(common::example_app(), 8);
    h.run();
    assert!(h.query_by_label("Leadership and management").is_none());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Leadership and management").click();
    h.run();
    // Every piece of the idea is on screen, the stages' names in bold.
    let idea = text_runs(idea_behind_the_rules().unwrap());
    assert!(idea.iter().any(|r| r == "Founder-led"), "{idea:?}");
    for run in &idea {
        assert!(
            h.query_all_by_label_contains(run).next().is_some(),
            "missing: {run}"
        );
    }
    // Each of the three stages is drawn from its template, with everyone
    // in it, in a box of its own.
    for kind in [
        StageKind::FounderLed,
        StageKind::SplitRoles,
        StageKind::Converged,
    ] {
        let names: Vec<String> = stage_template(kind, "learn")
            .members()
            .map(|m| m.display_name().to_owned())
            .collect();
        assert!(names.len() >= 2, "{kind:?}");
        let label = format!("{} chart: {}", kind.label(), names.join(", "));
        let chart = h.get_by_label(&label);
        let rect = chart.rect();
        assert!(
            rect.width() > 50.0 && rect.height() > 50.0,
            "{label}: {rect:?}"
        );
        // Its heading (the explanation above names it in bold too).
        assert!(
            h.query_all_by_label(kind.label()).next().is_some(),
            "{kind:?} heading"
        );
    }
}
