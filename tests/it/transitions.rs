//! Building a plan from scratch with "Next stage" only tells the seed's
//! story: the owner hands management to a sales manager, who later grows
//! into the growth leader (same id), with the readiness note.

use orgevo::diff::{Change, diff_plan_stages};
use orgevo::edit::History;
use orgevo::edit::compose::{NewStage, add_stage};
use orgevo::model::{Function::*, Plan, PlanBuilder, Responsibility, StageKind};
use orgevo::rules::{Severity, check_plan};

fn founder_led() -> Plan {
    let all: Vec<&str> = Responsibility::ALL.iter().map(|r| r.id()).collect();
    let mut b = PlanBuilder::new()
        .stage("today", StageKind::FounderLed)
        .member("dana", Owner, &all)
        .member("priya", Marketing, &[])
        .member("eli", Technical, &[])
        .reports("priya", "dana")
        .reports("eli", "dana")
        .collaborates("eli", "dana");
    for ae in ["sam", "ria", "tom"] {
        b = b.member(ae, Sales, &[]).reports(ae, "dana");
    }
    b.build().unwrap()
}

fn next(plan: &mut Plan, history: &mut History, kind: StageKind) -> String {
    let (edit, id) = add_stage(plan, plan.stages.len() - 1, NewStage::NextFrom(kind));
    history.apply(plan, &edit).unwrap();
    id
}

fn hand_overs(changes: &[Change]) -> Vec<(String, String, String)> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::HandOver { tag, from, to } => {
                Some((tag.clone(), from.id.clone(), to.id.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn next_stage_twice_tells_the_story_of_the_seed() {
    let mut plan = founder_led();
    let mut history = History::default();
    let split = next(&mut plan, &mut history, StageKind::SplitRoles);
    let converged = next(&mut plan, &mut history, StageKind::Converged);
    assert_eq!(plan.stages.len(), 3);

    // Split roles: a planned sales manager seat takes the owner's management.
    let stage = plan.stage(&split).unwrap();
    let manager = stage
        .members()
        .find(|m| m.function == SalesManager)
        .expect("a sales manager seat");
    assert!(manager.planned);
    let manager_id = manager.id.clone();
    let diff = diff_plan_stages(&plan, 0, 1).unwrap();
    let handed = hand_overs(&diff.changes);
    let management = [
        "execution",
        "rigor",
        "process-discipline",
        "metrics",
        "accountability",
        "coaching",
    ];
    for tag in management {
        assert!(
            handed.contains(&(tag.into(), "dana".into(), manager_id.clone())),
            "{tag}: {handed:?}"
        );
    }
    assert_eq!(handed.len(), management.len(), "leadership stays with Dana");
    for ae in ["sam", "ria", "tom"] {
        assert_eq!(stage.manager_of(ae).unwrap().id, manager_id);
    }
    assert_eq!(
        stage.manager_of("priya").unwrap().id,
        "dana",
        "marketing stays with the leader"
    );
    assert!(diff.changes.iter().any(|c| matches!(c,
        Change::LineAdded { from, to, .. } if [&from.id, &to.id].contains(&&manager_id)
            && [&from.id, &to.id].contains(&&"priya".to_owned()))));
    let findings = check_plan(&plan);
    let in_split: Vec<_> = findings
        .iter()
        .filter(|f| f.stage == split)
        .map(|f| f.rule)
        .collect();
    assert!(!in_split.contains(&"split-roles-shape"), "{in_split:?}");
    assert!(
        !in_split.contains(&"marketing-reports-to-leader"),
        "{in_split:?}"
    );

    // Converged: the same id becomes the growth leader.
    let stage = plan.stage(&converged).unwrap();
    let leader = stage.member(&manager_id).expect("the same person");
    assert_eq!(leader.function, GrowthLeader);
    assert_eq!(leader.hat(), orgevo::model::Hat::Both);
    assert_eq!(stage.manager_of("priya").unwrap().id, manager_id);
    let owner = stage.member("dana").unwrap();
    assert_eq!(
        owner.responsibilities().iter().collect::<Vec<_>>(),
        [Responsibility::Vision],
        "the owner keeps the vision"
    );
    let diff = diff_plan_stages(&plan, 1, 2).unwrap();
    assert!(
        !diff
            .changes
            .iter()
            .any(|c| matches!(c, Change::Added { .. } | Change::Removed { .. })),
        "nobody leaves, nobody arrives: {:#?}",
        diff.changes
    );
    assert!(diff.changes.iter().any(|c| matches!(c,
        Change::FunctionChanged { member, old, new }
            if member.id == manager_id && old == "sales-manager" && new == "growth-leader")));
    let handed = hand_overs(&diff.changes);
    for tag in [
        "inspiration",
        "strategy",
        "process-design",
        "cross-functional",
        "marketing-alignment",
    ] {
        assert!(
            handed.contains(&(tag.into(), "dana".into(), manager_id.clone())),
            "{tag}: {handed:?}"
        );
    }
    assert!(diff.changes.iter().any(|c| matches!(c,
        Change::RoleMerge { into, .. } if into.id == manager_id)));
    let readiness = check_plan(&plan)
        .into_iter()
        .find(|f| f.stage == converged && f.rule == "convergence-readiness")
        .expect("the readiness note");
    assert_eq!(readiness.members, std::slice::from_ref(&manager_id));
    assert!(
        readiness.message.contains("not yet hired"),
        "{}",
        readiness.message
    );
    assert!(diff.changes.iter().any(|c| matches!(c,
        Change::FindingIntroduced { rule, .. } if rule == "convergence-readiness")));

    // One undo per "Next stage".
    assert!(history.undo(&mut plan));
    assert!(history.undo(&mut plan));
    assert_eq!(plan, founder_led());
}

#[test]
fn the_whole_plan_built_by_next_stage_has_no_errors_or_shape_warnings() {
    let mut plan = founder_led();
    let mut history = History::default();
    next(&mut plan, &mut history, StageKind::SplitRoles);
    next(&mut plan, &mut history, StageKind::Converged);
    let findings = check_plan(&plan);
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (&f.stage, f.rule, &f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let rules: Vec<_> = findings.iter().map(|f| (&f.stage, f.rule)).collect();
    for (_, rule) in &rules {
        assert!(
            !rule.ends_with("-shape")
                && *rule != "owner-ceiling"
                && *rule != "responsibility-dropped",
            "{rules:?}"
        );
    }
}
