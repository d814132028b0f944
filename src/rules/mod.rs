//! The rule engine: checks every stage against the catalogue in
//! docs/RULES.md. Rules are plain functions from a [`StageContext`] to
//! [`Hit`]s, listed with their default severity in [`RULES`]; the engine
//! turns hits into [`Finding`]s with the severity the plan asks for.

mod across;
mod context;
mod convergence;
mod docs;
mod finding;
mod incremental;
mod marketing;
mod numbers;
mod registry;
mod roles;
mod settled;
mod shape;
mod structure;

pub use context::{MemberFacts, StageContext, join_words, stage_coverage, tag_list};
pub use docs::{RULES_DOC, idea_behind_the_rules, rule_explanation};
pub use finding::{Finding, Hit, Severity, Summary};
pub use incremental::PlanFindings;
pub use registry::{
    RULES, Rule, RuleFamily, RuleScope, check_plan, check_stage, check_stage_parts,
    check_stage_scoped, merge_findings, rule_by_id,
};
pub use settled::{settled_sentence, short_sentence};

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rule tests.

    use super::{Finding, check_plan};
    use crate::model::Plan;

    /// The findings of the rule `id` over every stage of `plan`, as the
    /// engine reports them.
    pub fn run(plan: &Plan, id: &str) -> Vec<Finding> {
        assert!(super::rule_by_id(id).is_some(), "no rule {id}");
        check_plan(plan)
            .into_iter()
            .filter(|f| f.rule == id)
            .collect()
    }
}
