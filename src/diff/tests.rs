//! Diff tests: one per kind of change, hand-overs and role merges.

use super::*;
use crate::model::{Function, Function::*, Member, PlanBuilder, StageKind};

/// Whether `diff` lists member `id` of B as new.
fn is_added(diff: &StageDiff, id: &str) -> bool {
    diff.changes
        .iter()
        .any(|c| matches!(c, Change::Added { member, .. } if member.id == id))
}

/// Whether `diff` lists member `id` of B with a new manager.
fn is_moved(diff: &StageDiff, id: &str) -> bool {
    diff.changes
        .iter()
        .any(|c| matches!(c, Change::Moved { member, .. } if member.id == id))
}

const LEAD: &[&str] = &["vision", "inspiration", "strategy", "process-design"];
const MGMT: &[&str] = &["execution", "rigor", "process-discipline", "metrics"];

fn kinds(changes: &[Change]) -> Vec<&'static str> {
    changes
        .iter()
        .map(|c| match c {
            Change::Added { .. } => "added",
            Change::Removed { .. } => "removed",
            Change::Renamed { .. } => "renamed",
            Change::Retitled { .. } => "retitled",
            Change::FunctionChanged { .. } => "function",
            Change::Moved { .. } => "moved",
            Change::HireFilled { .. } => "hired",
            Change::HireOpened { .. } => "opened",
            Change::SameNameNewId { .. } => "same-name",
            Change::TagsGained { .. } => "gained",
            Change::TagsLost { .. } => "lost",
            Change::HandOver { .. } => "hand-over",
            Change::RoleMerge { .. } => "merge",
            Change::LineAdded { .. } => "line-added",
            Change::LineRemoved { .. } => "line-removed",
            Change::FindingFixed { .. } => "fixed",
            Change::FindingIntroduced { .. } => "introduced",
        })
        .collect()
}

#[test]
fn identical_stages_have_no_changes() {
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("o", Owner, LEAD)
        .member("s", Sales, &[])
        .reports("s", "o")
        .stage("b", StageKind::Custom)
        .member("o", Owner, LEAD)
        .member("s", Sales, &[])
        .reports("s", "o")
        .build()
        .unwrap();
    assert!(diff_plan_stages(&plan, 0, 1).unwrap().changes.is_empty());
}

#[test]
fn added_removed_renamed_retitled_function_and_moved() {
    let mut renamed = Member::new("s", "Sam O.", Function::SalesManager);
    renamed.title = "Team lead".into();
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("o", Owner, &[])
        .member("s", Sales, &[])
        .member("gone", Sales, &[])
        .member("x", Sales, &[])
        .reports("s", "o")
        .reports("gone", "o")
        .reports("x", "o")
        .stage("b", StageKind::Custom)
        .member("o", Owner, &[])
        .with_member(renamed)
        .member("x", Sales, &[])
        .member("new", Sales, &[])
        .reports("s", "o")
        .reports("x", "s")
        .reports("new", "s")
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    assert_eq!(
        kinds(&diff.changes),
        [
            "added", "removed", "renamed", "retitled", "function", "moved"
        ]
    );
    let Change::Moved {
        member,
        old_manager,
        new_manager,
    } = &diff.changes[5]
    else {
        panic!()
    };
    assert_eq!(member.id, "x");
    assert_eq!(old_manager.as_ref().unwrap().id, "o");
    assert_eq!(new_manager.as_ref().unwrap().id, "s");
    assert_eq!(diff.changes[0].text(), "New: new (reports to Sam O.)");
    assert!(is_added(&diff, "new") && is_moved(&diff, "x") && !is_moved(&diff, "s"));
}

#[test]
fn tags_gained_and_lost() {
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("o", Owner, &["vision", "golf"])
        .stage("b", StageKind::Custom)
        .member("o", Owner, &["vision", "metrics"])
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    assert_eq!(kinds(&diff.changes), ["gained", "lost"]);
    assert_eq!(
        diff.changes[0],
        Change::TagsGained {
            member: Who {
                id: "o".into(),
                name: "o".into()
            },
            tags: vec!["metrics".into()]
        }
    );
    assert_eq!(diff.changes[1].text(), "o gives up golf");
}

#[test]
fn hand_overs_name_giver_and_taker() {
    // Founder-led to split roles: the owner hands management to the new manager.
    let plan = PlanBuilder::new()
        .stage("a", StageKind::FounderLed)
        .member("owner", Owner, &["vision", "process-discipline", "metrics"])
        .stage("b", StageKind::SplitRoles)
        .member("owner", Owner, &["vision"])
        .member("sm", SalesManager, &["process-discipline", "metrics"])
        .reports("sm", "owner")
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    let hand_overs: Vec<String> = diff
        .changes
        .iter()
        .filter(|c| matches!(c, Change::HandOver { .. }))
        .map(Change::text)
        .collect();
    assert_eq!(
        hand_overs,
        [
            "owner hands process discipline to sm",
            "owner hands metrics to sm"
        ]
    );
    // Splitting a role is not a merge.
    assert!(!kinds(&diff.changes).contains(&"merge"));
}

#[test]
fn a_tag_taken_by_two_members_is_two_hand_overs() {
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("o", Owner, &["coaching"])
        .stage("b", StageKind::Custom)
        .member("o", Owner, &[])
        .member("t1", SalesManager, &["coaching"])
        .member("t2", SalesManager, &["coaching"])
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    let n = diff
        .changes
        .iter()
        .filter(|c| matches!(c, Change::HandOver { .. }))
        .count();
    assert_eq!(n, 2);
    // A tag kept by its holder and also given to someone else is no hand-over.
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("o", Owner, &["coaching"])
        .stage("b", StageKind::Custom)
        .member("o", Owner, &["coaching"])
        .member("t", SalesManager, &["coaching"])
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    assert!(!kinds(&diff.changes).contains(&"hand-over"));
}

#[test]
fn leader_and_manager_roles_merge_into_the_growth_leader() {
    let mut gl_tags: Vec<&str> = LEAD[1..].to_vec();
    gl_tags.extend(MGMT);
    let plan = PlanBuilder::new()
        .stage("split", StageKind::SplitRoles)
        .member("owner", Owner, LEAD)
        .member("sm", SalesManager, MGMT)
        .reports("sm", "owner")
        .stage("conv", StageKind::Converged)
        .member("owner", Owner, &["vision"])
        .member("sm", GrowthLeader, &gl_tags)
        .reports("sm", "owner")
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    let Change::RoleMerge { into, from } = &diff.changes[0] else {
        panic!("merge first: {:?}", diff.changes);
    };
    assert_eq!(into.id, "sm");
    let from: Vec<&str> = from.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(from, ["sm", "owner"]);
    assert_eq!(diff.changes[0].text(), "sm now also holds owner's role");
    assert_eq!(diff.highlights(1)[0], &diff.changes[0]);
    // Taking one tag of four is a hand-over, not a merge.
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("owner", Owner, LEAD)
        .member("sm", SalesManager, MGMT)
        .stage("b", StageKind::Custom)
        .member("owner", Owner, &LEAD[1..])
        .member("sm", SalesManager, &[MGMT, &["vision"]].concat())
        .build()
        .unwrap();
    assert!(!kinds(&diff_stages(&plan.stages[0], &plan.stages[1]).changes).contains(&"merge"));
}

#[test]
fn collaboration_lines_added_and_removed_in_either_direction() {
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("m", Marketing, &[])
        .member("s", SalesManager, &[])
        .member("t", Technical, &[])
        .collaborates("m", "s")
        .collaborates("t", "s")
        .stage("b", StageKind::Custom)
        .member("m", Marketing, &[])
        .member("s", SalesManager, &[])
        .member("t", Technical, &[])
        .collaborates("s", "m")
        .collaborates("t", "m")
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    assert_eq!(kinds(&diff.changes), ["line-added", "line-removed"]);
    assert_eq!(diff.changes[0].text(), "New line: m collaborates with t");
}

#[test]
fn findings_fixed_and_introduced() {
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("o", Owner, &["vision"])
        .member("sm", SalesManager, &["metrics"])
        .member("mk", Marketing, &[])
        .reports("sm", "o")
        .reports("mk", "sm")
        .stage("b", StageKind::Custom)
        .member("o", Owner, &["vision"])
        .member("sm", SalesManager, &["metrics"])
        .member("mk", Marketing, &[])
        .member("lost", Sales, &[])
        .reports("sm", "o")
        .reports("mk", "o")
        .build()
        .unwrap();
    let diff = diff_plan_stages(&plan, 0, 1).unwrap();
    let fixed: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| matches!(c, Change::FindingFixed { .. }))
        .collect();
    let introduced: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| matches!(c, Change::FindingIntroduced { .. }))
        .collect();
    assert!(
        matches!(fixed[0], Change::FindingFixed { rule, .. } if rule == "marketing-reports-to-leader")
    );
    assert!(
        introduced
            .iter()
            .any(|c| matches!(c, Change::FindingIntroduced { rule, .. } if rule == "orphan"))
    );
}

#[test]
fn the_example_plan_tells_its_story() {
    let plan = crate::io::plan_from_str(crate::io::BUNDLED_EXAMPLE).unwrap();
    let split = diff_plan_stages(&plan, 0, 1).unwrap();
    let texts: Vec<String> = split.changes.iter().map(Change::text).collect();
    assert!(
        texts.contains(&"Dana Lee hands process discipline to Morgan Blake".to_owned()),
        "{texts:#?}"
    );
    assert!(is_added(&split, "morgan") && is_moved(&split, "sam"));
    assert_eq!(
        split.captions(4),
        [
            "Dana Lee hands execution, rigor & control, process discipline, metrics, accountability and coaching to Morgan Blake",
            "New: Morgan Blake, Leo Park, Sven Holm, Kai Müller and 3 more",
            "Now reporting to Morgan Blake: Sam Ortiz, Ria Kapoor, Tom Becker, Ava Novak and 1 more",
            "Fixed: Dana Lee no longer leads and manages too many people alone",
        ]
    );
    let converged = diff_plan_stages(&plan, 1, 2).unwrap();
    assert_eq!(
        converged.captions(4),
        [
            "Morgan Blake now also holds Dana Lee's role",
            "Dana Lee hands inspiration, strategy, process design, cross-functional and marketing alignment to Morgan Blake",
            "Hired (was planned): Morgan Blake, Leo Park, Sven Holm, Ben Adeyemi and 3 more",
            "New finding: Morgan Blake held only management in \"Split roles\" and now holds leadership too",
        ]
    );
    assert!(
        matches!(&converged.highlights(1)[0], Change::RoleMerge { into, .. } if into.id == "morgan")
    );
}

#[test]
fn planned_hires_filled_and_opened() {
    let seat = |planned: bool| {
        let mut m = Member::new("sm", "Morgan", SalesManager);
        m.planned = planned;
        m
    };
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .with_member(seat(true))
        .stage("b", StageKind::Custom)
        .with_member(seat(false))
        .stage("c", StageKind::Custom)
        .with_member(seat(true))
        .build()
        .unwrap();
    let filled = diff_stages(&plan.stages[0], &plan.stages[1]);
    assert_eq!(kinds(&filled.changes), ["hired"]);
    assert_eq!(
        filled.changes[0].text(),
        "Hired: Morgan (was a planned hire)"
    );
    assert_eq!(filled.captions(4), ["Hired (was planned): Morgan"]);
    let opened = diff_stages(&plan.stages[1], &plan.stages[2]);
    assert_eq!(kinds(&opened.changes), ["opened"]);
}

/// Two givers and two takers of `coaching`; each taker now holds the other
/// tags of one giver. `reversed` writes every stage's members the other way
/// round.
fn crossed_hand_over(reversed: bool) -> crate::model::Plan {
    let mut a = vec![
        ("g1", Owner, vec!["coaching", "metrics", "vision"]),
        ("g2", SalesLeader, vec!["coaching", "rigor", "strategy"]),
    ];
    let mut b = vec![
        ("g1", Owner, vec!["vision"]),
        ("g2", SalesLeader, vec!["strategy"]),
        ("t1", SalesManager, vec!["coaching", "rigor"]),
        ("t2", SalesManager, vec!["coaching", "metrics"]),
    ];
    if reversed {
        a.reverse();
        b.reverse();
    }
    let mut builder = PlanBuilder::new().stage("a", StageKind::Custom);
    for (id, f, tags) in &a {
        builder = builder.member(id, *f, tags);
    }
    builder = builder.stage("b", StageKind::Custom);
    for (id, f, tags) in &b {
        builder = builder.member(id, *f, tags);
    }
    builder.build().unwrap()
}

#[test]
fn hand_overs_pair_by_who_holds_most_of_the_givers_tags_never_by_file_order() {
    for reversed in [false, true] {
        let plan = crossed_hand_over(reversed);
        let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
        let mut coaching: Vec<(String, String)> = diff
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::HandOver { tag, from, to } if tag == "coaching" => {
                    Some((from.id.clone(), to.id.clone()))
                }
                _ => None,
            })
            .collect();
        coaching.sort();
        assert_eq!(
            coaching,
            [("g1".into(), "t2".into()), ("g2".into(), "t1".into())],
            "reversed: {reversed}"
        );
    }
}

#[test]
fn uncovered_responsibilities_are_matched_by_tag() {
    let all: Vec<&str> = crate::model::Responsibility::ALL
        .iter()
        .map(|r| r.id())
        .filter(|t| *t != "marketing-alignment")
        .collect();
    let without = |gone: &[&str]| -> Vec<&str> {
        all.iter().copied().filter(|t| !gone.contains(t)).collect()
    };
    let a_tags = without(&["coaching", "metrics"]);
    let b_tags = without(&["coaching", "rigor"]);
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .member("o", Owner, &a_tags)
        .stage("b", StageKind::Custom)
        .member("o", Owner, &b_tags)
        .build()
        .unwrap();
    let diff = diff_plan_stages(&plan, 0, 1).unwrap();
    let texts: Vec<String> = diff
        .changes
        .iter()
        .filter(|c| {
            matches!(
                c,
                Change::FindingFixed { .. } | Change::FindingIntroduced { .. }
            )
        })
        .filter(|c| {
            matches!(c, Change::FindingFixed { rule, .. } | Change::FindingIntroduced { rule, .. }
                if rule == "responsibility-uncovered")
        })
        .map(Change::text)
        .collect();
    assert_eq!(
        texts,
        [
            "Fixed: Someone holds metrics again",
            "New finding: Nobody holds rigor & control",
        ]
    );
}

#[test]
fn same_name_new_id_is_flagged() {
    let plan = PlanBuilder::new()
        .stage("a", StageKind::Custom)
        .with_member(Member::new("sam", "Sam Ortiz", Sales))
        .stage("b", StageKind::Custom)
        .with_member(Member::new("sam-2", "Sam Ortiz", Sales))
        .build()
        .unwrap();
    let diff = diff_stages(&plan.stages[0], &plan.stages[1]);
    assert_eq!(kinds(&diff.changes), ["added", "removed", "same-name"]);
    assert!(diff.changes[2].text().contains("treated as two people"));
}

#[test]
fn captions_always_keep_the_findings() {
    let mut plan = crate::io::plan_from_str(crate::io::BUNDLED_EXAMPLE).unwrap();
    // Marketing under the manager in the split stage: the converged stage fixes it.
    let split = plan.stage_position("split").unwrap();
    let stage = &mut plan.stages[split];
    let marketing: Vec<String> = stage
        .members()
        .filter(|m| {
            m.function == Marketing && stage.manager_of(&m.id).is_some_and(|b| b.function == Owner)
        })
        .map(|m| m.id.clone())
        .collect();
    let manager = stage
        .members()
        .find(|m| m.function == SalesManager)
        .map(|m| m.id.clone())
        .unwrap();
    for id in &marketing {
        let old = stage.manager_of(id).unwrap().id.clone();
        stage.remove_link(&crate::model::Link::new(
            id,
            old,
            crate::model::LinkKind::ReportsTo,
        ));
        stage
            .add_link(&crate::model::Link::new(
                id,
                &manager,
                crate::model::LinkKind::ReportsTo,
            ))
            .unwrap();
    }
    let diff = diff_plan_stages(&plan, split, split + 1).unwrap();
    for n in [1, 2, 4] {
        let captions = diff.captions(n);
        assert_eq!(captions.len(), n);
        assert!(
            captions
                .iter()
                .any(|c| c.starts_with("Fixed: ") && c.contains("now reports to someone who leads")),
            "{n}: {captions:#?}"
        );
    }
}
