//! The rule engine: checks every stage against the catalogue in
//! docs/RULES.md. Rules are plain functions from a [`StageContext`] to
//! [`Finding`]s, listed in [`RULES`].

mod across;
mod context;
mod finding;
mod marketing;
mod registry;
mod roles;
mod shape;
mod structure;

pub use context::{MemberFacts, StageContext};
pub use finding::{Finding, Severity, Summary};
pub use registry::{RULES, Rule, RuleFamily, check_plan, check_stage, rule_by_id};

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rule tests.

    use super::{Finding, StageContext};
    use crate::model::Plan;

    /// Runs one rule over every stage of `plan`, as the engine would.
    pub fn run(plan: &Plan, rule: fn(&StageContext) -> Vec<Finding>) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, stage) in plan.stages.iter().enumerate() {
            let previous = i.checked_sub(1).map(|p| &plan.stages[p]);
            out.extend(rule(&StageContext::new(stage, previous, plan.settings)));
        }
        for finding in &out {
            let registered = super::rule_by_id(finding.rule).map(|r| r.severity);
            assert_eq!(
                registered,
                Some(finding.severity),
                "{} severity",
                finding.rule
            );
        }
        out
    }

    /// The rule ids of `findings`.
    pub fn rule_ids(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.rule).collect()
    }
}
