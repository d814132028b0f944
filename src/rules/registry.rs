//! The catalogue of rules: adding a rule is one function and one line here.

use super::context::StageContext;
use super::finding::{Finding, Severity};
use super::{across, marketing, roles, shape, structure};
use crate::model::Plan;

/// The family a rule belongs to, as in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleFamily {
    /// Who marketing reports to and works with.
    Marketing,
    /// Cycles, roots, orphans, self-links, span of control.
    Structure,
    /// What each stage kind promises, and who holds what.
    StageShape,
    /// Changes between a stage and the one before.
    AcrossStages,
}

/// A rule of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// Stable id, as in findings and docs/RULES.md.
    pub id: &'static str,
    /// The severity of its findings.
    pub severity: Severity,
    /// Its family.
    pub family: RuleFamily,
    /// The check itself.
    pub check: fn(&StageContext) -> Vec<Finding>,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    family: RuleFamily,
    check: fn(&StageContext) -> Vec<Finding>,
) -> Rule {
    Rule {
        id,
        severity,
        family,
        check,
    }
}

use RuleFamily::*;
use Severity::*;

/// Every rule, in catalogue order.
pub const RULES: &[Rule] = &[
    rule(
        "marketing-reports-to-leader",
        Error,
        Marketing,
        marketing::marketing_reports_to_leader,
    ),
    rule(
        "marketing-alignment-owned",
        Warning,
        Marketing,
        marketing::marketing_alignment_owned,
    ),
    rule(
        "marketing-collaboration",
        Info,
        Marketing,
        marketing::marketing_collaboration,
    ),
    rule(
        "reporting-cycle",
        Error,
        Structure,
        structure::reporting_cycle,
    ),
    rule(
        "multiple-roots",
        Warning,
        Structure,
        structure::multiple_roots,
    ),
    rule("orphan", Warning, Structure, structure::orphan),
    rule("self-link", Error, Structure, structure::self_link),
    rule(
        "span-of-control",
        Warning,
        Structure,
        structure::span_of_control,
    ),
    rule(
        "founder-led-shape",
        Warning,
        StageShape,
        shape::founder_led_shape,
    ),
    rule(
        "split-roles-shape",
        Warning,
        StageShape,
        shape::split_roles_shape,
    ),
    rule(
        "converged-shape",
        Warning,
        StageShape,
        shape::converged_shape,
    ),
    rule(
        "manager-designs-process",
        Warning,
        StageShape,
        roles::manager_designs_process,
    ),
    rule(
        "technical-scoping",
        Info,
        StageShape,
        roles::technical_scoping,
    ),
    rule(
        "founder-overload",
        Warning,
        StageShape,
        roles::founder_overload,
    ),
    rule(
        "responsibility-uncovered",
        Warning,
        StageShape,
        roles::responsibility_uncovered,
    ),
    rule(
        "responsibility-dropped",
        Warning,
        AcrossStages,
        across::responsibility_dropped,
    ),
    rule(
        "convergence-readiness",
        Info,
        AcrossStages,
        across::convergence_readiness,
    ),
];

/// The rule with this id.
pub fn rule_by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Runs every rule on the stage at `index` (with its predecessor).
/// Findings come out by severity, then in catalogue order.
pub fn check_stage(plan: &Plan, index: usize) -> Vec<Finding> {
    let Some(stage) = plan.stages.get(index) else {
        return Vec::new();
    };
    let previous = index.checked_sub(1).and_then(|i| plan.stages.get(i));
    let ctx = StageContext::new(stage, previous, plan.settings);
    let mut findings: Vec<Finding> = RULES.iter().flat_map(|r| (r.check)(&ctx)).collect();
    findings.sort_by_key(|f| f.severity);
    findings
}

/// Runs every rule on every stage. Findings come out by stage (timeline
/// order), then severity, then catalogue order.
pub fn check_plan(plan: &Plan) -> Vec<Finding> {
    (0..plan.stages.len())
        .flat_map(|i| check_stage(plan, i))
        .collect()
}
