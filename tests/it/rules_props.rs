//! Property tests over random plans: a plan's rule settings act on exactly
//! the rule they name.

use orgevo::model::{
    Function, Link, LinkKind, Member, Plan, Responsibility, RuleLevel, Stage, StageKind,
};
use orgevo::rules::{Finding, check_plan};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// A member: function, a bit set of the twelve tags, planned, manager pick.
type MemberSeed = (usize, u16, bool, Option<prop::sample::Index>);

/// A stage: kind, members, collaboration pairs.
type StageSeed = (usize, Vec<MemberSeed>, Vec<(usize, usize)>);

fn arb_stage() -> impl Strategy<Value = StageSeed> {
    (
        0..StageKind::ALL.len(),
        prop::collection::vec(
            (
                0..Function::ALL.len(),
                0u16..4096,
                any::<bool>(),
                prop::option::weighted(0.85, any::<prop::sample::Index>()),
            ),
            0..14,
        ),
        prop::collection::vec((0..14usize, 0..14usize), 0..6),
    )
}

/// Builds a plan from seeds: reporting lines may form cycles and
/// self-links, so every rule gets its chance.
fn build(stages: Vec<StageSeed>) -> Plan {
    let mut plan = Plan::new("random");
    for (index, (kind, members, collabs)) in stages.into_iter().enumerate() {
        let mut stage = Stage::new(
            format!("s{index}"),
            format!("S{index}"),
            StageKind::ALL[kind],
        );
        let n = members.len();
        for (i, (function, bits, planned, _)) in members.iter().enumerate() {
            let mut m = Member::new(format!("m{i}"), format!("M{i}"), Function::ALL[*function]);
            m.tags = Responsibility::ALL
                .into_iter()
                .filter(|r| bits & (1 << r.index()) != 0)
                .map(Into::into)
                .collect();
            m.planned = *planned;
            stage.add_member(m).unwrap();
        }
        for (i, (_, _, _, manager)) in members.iter().enumerate() {
            if let Some(pick) = manager {
                let link = Link::new(
                    format!("m{i}"),
                    format!("m{}", pick.index(n)),
                    LinkKind::ReportsTo,
                );
                stage.add_link(&link).unwrap();
            }
        }
        for (a, b) in collabs {
            if a < n && b < n {
                let link = Link::new(format!("m{a}"), format!("m{b}"), LinkKind::CollaboratesWith);
                let _ = stage.add_link(&link); // a repeat is refused, fine
            }
        }
        plan.stages.push(stage);
    }
    plan
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    prop::collection::vec(arb_stage(), 1..4).prop_map(build)
}

fn without(findings: Vec<Finding>, rule: &str) -> Vec<Finding> {
    findings.into_iter().filter(|f| f.rule != rule).collect()
}

/// One of the rules that fired in `findings`, chosen by `pick`; plans on
/// which no rule fires are not used.
fn fired_rule(
    findings: &[Finding],
    pick: prop::sample::Index,
) -> Result<&'static str, TestCaseError> {
    let mut fired: Vec<&'static str> = findings.iter().map(|f| f.rule).collect();
    fired.sort_unstable();
    fired.dedup();
    prop_assume!(!fired.is_empty());
    Ok(fired[pick.index(fired.len())])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn turning_a_rule_off_removes_exactly_its_findings(
        mut plan in arb_plan(),
        pick in any::<prop::sample::Index>(),
    ) {
        // The rule chosen is one that fires on this plan, so turning it off
        // has something to remove.
        let before = check_plan(&plan);
        let rule = fired_rule(&before, pick)?;
        plan.settings.rules.insert(rule.to_owned(), RuleLevel::Off);
        let after = check_plan(&plan);
        prop_assert!(after.iter().all(|f| f.rule != rule));
        prop_assert_eq!(after, without(before, rule));
    }

    #[test]
    fn a_level_override_changes_only_that_rules_severity(
        mut plan in arb_plan(),
        pick in any::<prop::sample::Index>(),
        level in prop::sample::select(vec![RuleLevel::Info, RuleLevel::Warning, RuleLevel::Error]),
    ) {
        let before = check_plan(&plan);
        let rule = fired_rule(&before, pick)?;
        plan.settings.rules.insert(rule.to_owned(), level);
        let after = check_plan(&plan);
        let key = |f: &Finding| (f.stage.clone(), f.rule, f.members.clone(), f.message.clone());
        let (mut b, mut a) = (before.clone(), after.clone());
        b.sort_by_key(key);
        a.sort_by_key(key);
        prop_assert_eq!(a.len(), b.len());
        prop_assert!(a.iter().any(|f| f.rule == rule && f.severity.level() == level));
        for (x, y) in b.iter().zip(&a) {
            prop_assert_eq!(key(x), key(y));
            if x.rule == rule {
                prop_assert_eq!(y.severity.level(), level);
            } else {
                prop_assert_eq!(x.severity, y.severity);
            }
        }
    }
}
