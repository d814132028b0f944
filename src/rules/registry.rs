//! The catalogue of rules: adding a rule is one function and one line here.
//! Each rule's default severity is stated here and nowhere else; a plan's
//! `settings.rules` may override it.

use super::context::StageContext;
use super::finding::{Finding, Hit, Severity};
use super::{across, convergence, marketing, numbers, roles, shape, structure};
use crate::model::{Plan, Settings, Stage};

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
    /// What a stage costs and can sell.
    Numbers,
}

impl RuleFamily {
    /// The family's heading, e.g. "Stage shape".
    pub fn label(self) -> &'static str {
        match self {
            Self::Marketing => "Marketing",
            Self::Structure => "Structure",
            Self::StageShape => "Stage shape",
            Self::AcrossStages => "Across stages",
            Self::Numbers => "Numbers",
        }
    }
}

/// A rule of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// Stable id, as in findings, settings and docs/RULES.md.
    pub id: &'static str,
    /// The severity of its findings unless the plan overrides it.
    pub severity: Severity,
    /// Its family.
    pub family: RuleFamily,
    /// What it checks, in one short line (shown in the rule settings).
    pub summary: &'static str,
    /// The check itself.
    pub check: fn(&StageContext) -> Vec<Hit>,
    /// Whether the check reads the stages before its own (`previous`,
    /// `earlier`); the others see only their stage and the settings.
    pub reads_earlier: bool,
}

impl Rule {
    /// The severity of this rule's findings in a plan with `settings`;
    /// `None` when the plan turns the rule off.
    pub fn severity_in(&self, settings: &Settings) -> Option<Severity> {
        match settings.rules.get(self.id) {
            Some(level) => Severity::from_level(*level),
            None => Some(self.severity),
        }
    }
}

const fn rule(
    id: &'static str,
    severity: Severity,
    family: RuleFamily,
    summary: &'static str,
    check: fn(&StageContext) -> Vec<Hit>,
) -> Rule {
    Rule {
        id,
        severity,
        family,
        summary,
        check,
        reads_earlier: false,
    }
}

/// A rule that reads the stages before its own (see [`Rule::reads_earlier`]).
const fn across_rule(
    id: &'static str,
    severity: Severity,
    family: RuleFamily,
    summary: &'static str,
    check: fn(&StageContext) -> Vec<Hit>,
) -> Rule {
    let mut r = rule(id, severity, family, summary, check);
    r.reads_earlier = true;
    r
}

use RuleFamily::*;
use Severity::*;

/// Every rule, in catalogue order.
pub const RULES: &[Rule] = &[
    rule(
        "marketing-reports-to-leader",
        Error,
        Marketing,
        "Marketing reports to someone who leads, not to a manager-only sales manager",
        marketing::marketing_reports_to_leader,
    ),
    rule(
        "marketing-alignment-owned",
        Warning,
        Marketing,
        "Someone who sets direction owns marketing alignment",
        marketing::marketing_alignment_owned,
    ),
    rule(
        "marketing-collaboration",
        Info,
        Marketing,
        "With split roles, marketing and the sales manager collaborate",
        marketing::marketing_collaboration,
    ),
    rule(
        "reporting-cycle",
        Error,
        Structure,
        "Reporting lines never go round in a circle",
        structure::reporting_cycle,
    ),
    rule(
        "multiple-roots",
        Warning,
        Structure,
        "The reporting lines form one tree",
        structure::multiple_roots,
    ),
    rule(
        "orphan",
        Warning,
        Structure,
        "Everyone has a reporting or collaboration line",
        structure::orphan,
    ),
    rule(
        "self-link",
        Error,
        Structure,
        "Nobody has a line to themself",
        structure::self_link,
    ),
    rule(
        "span-of-control",
        Warning,
        Structure,
        "Nobody has more direct reports than the plan allows",
        structure::span_of_control,
    ),
    rule(
        "founder-led-shape",
        Warning,
        StageShape,
        "Founder-led: the owner leads and manages",
        shape::founder_led_shape,
    ),
    rule(
        "split-roles-shape",
        Warning,
        StageShape,
        "Split roles: the owner leads, a sales manager reporting to them manages",
        shape::split_roles_shape,
    ),
    rule(
        "converged-shape",
        Warning,
        StageShape,
        "Converged: exactly one growth leader wears both hats",
        shape::converged_shape,
    ),
    rule(
        "owner-ceiling",
        Warning,
        StageShape,
        "Converged: the owner no longer manages",
        convergence::owner_ceiling,
    ),
    across_rule(
        "premature-convergence",
        Warning,
        StageShape,
        "Convergence stands on processes a sales manager installed first",
        convergence::premature_convergence,
    ),
    rule(
        "manager-designs-process",
        Warning,
        StageShape,
        "Split roles: a leader, not only the sales manager, designs the process",
        roles::manager_designs_process,
    ),
    rule(
        "manager-owns-alignment",
        Warning,
        StageShape,
        "Split roles: a leader, not only the sales manager, owns alignment",
        roles::manager_owns_alignment,
    ),
    rule(
        "technical-scoping",
        Info,
        StageShape,
        "Technical people are brought into deals",
        roles::technical_scoping,
    ),
    rule(
        "founder-overload",
        Warning,
        StageShape,
        "An owner who leads and manages has few direct reports",
        roles::founder_overload,
    ),
    rule(
        "responsibility-uncovered",
        Warning,
        StageShape,
        "Every needed responsibility is held by someone",
        roles::responsibility_uncovered,
    ),
    rule(
        "function-hat-mismatch",
        Info,
        StageShape,
        "Titles and responsibilities agree",
        roles::function_hat_mismatch,
    ),
    across_rule(
        "responsibility-dropped",
        Warning,
        AcrossStages,
        "No responsibility is lost from one stage to the next",
        across::responsibility_dropped,
    ),
    across_rule(
        "convergence-readiness",
        Info,
        AcrossStages,
        "A manager who becomes the growth leader needs a development plan",
        across::convergence_readiness,
    ),
    rule(
        "capacity-short",
        Warning,
        Numbers,
        "The sellers can carry the stage's bookings target",
        numbers::capacity_short,
    ),
    rule(
        "player-coach",
        Info,
        Numbers,
        "Managers who coach a team do not also carry a quota",
        numbers::player_coach,
    ),
];

/// The rule with this id.
pub fn rule_by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Runs every rule the plan has not turned off on the stage at `index`. An
/// empty stage has no findings. Findings come out by severity, then in
/// catalogue order.
pub fn check_stage(plan: &Plan, index: usize) -> Vec<Finding> {
    check_stage_scoped(plan, index, RuleScope::All)
}

/// Which of the rules to run on a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleScope {
    /// Every rule.
    All,
    /// Only the rules that see nothing but their own stage.
    OwnStage,
    /// Only the rules that read earlier stages.
    EarlierStages,
}

/// Like [`check_stage`], for some of the rules. Findings of
/// [`RuleScope::OwnStage`] and [`RuleScope::EarlierStages`] put together
/// with [`merge_findings`] equal those of [`RuleScope::All`].
pub fn check_stage_scoped(plan: &Plan, index: usize, scope: RuleScope) -> Vec<Finding> {
    context(plan, index).map_or_else(Vec::new, |ctx| run_rules(&ctx, scope))
}

/// The findings of a stage's own rules and of its rules reading earlier
/// stages, from one [`StageContext`]: [`check_stage_scoped`] for both
/// [`RuleScope::OwnStage`] and [`RuleScope::EarlierStages`].
pub fn check_stage_parts(plan: &Plan, index: usize) -> (Vec<Finding>, Vec<Finding>) {
    context(plan, index).map_or_else(Default::default, |ctx| {
        (
            run_rules(&ctx, RuleScope::OwnStage),
            run_rules(&ctx, RuleScope::EarlierStages),
        )
    })
}

/// What the rules see of the stage at `index`; none for a missing or empty
/// stage (empty stages get no findings).
fn context(plan: &Plan, index: usize) -> Option<StageContext<'_>> {
    let stage = plan.stages.get(index)?;
    (stage.member_count() > 0).then(|| {
        let mut earlier: Vec<&Stage> = plan.ancestors(index).map(|i| &plan.stages[i]).collect();
        earlier.reverse();
        let mut ctx = StageContext::new(stage, earlier, &plan.settings);
        ctx.alternatives = plan.alternatives(index);
        ctx
    })
}

/// The rules of `scope` on `ctx`, by severity then catalogue order.
fn run_rules(ctx: &StageContext, scope: RuleScope) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES {
        let runs = match scope {
            RuleScope::All => true,
            RuleScope::OwnStage => !rule.reads_earlier,
            RuleScope::EarlierStages => rule.reads_earlier,
        };
        let Some(severity) = rule.severity_in(ctx.settings).filter(|_| runs) else {
            continue;
        };
        for hit in (rule.check)(ctx) {
            findings.push(ctx.finding(rule.id, severity, hit));
        }
    }
    sort_findings(&mut findings);
    findings
}

/// Puts findings in the order every check gives: by severity, then
/// catalogue order, then the members involved, so the order of members and
/// lines in a file does not change it.
fn sort_findings(findings: &mut [Finding]) {
    let position = |f: &Finding| {
        RULES
            .iter()
            .position(|r| r.id == f.rule)
            .unwrap_or(usize::MAX)
    };
    findings.sort_by(|a, b| {
        (a.severity, position(a), &a.members).cmp(&(b.severity, position(b), &b.members))
    });
}

/// Puts a stage's findings of its own rules and of the rules reading
/// earlier stages together, in the order [`check_stage`] gives: by
/// severity, then catalogue order, then members.
pub fn merge_findings(own: &[Finding], across: &[Finding]) -> Vec<Finding> {
    let mut all: Vec<Finding> = own.iter().chain(across).cloned().collect();
    sort_findings(&mut all);
    all
}

/// Runs every rule on every stage. Findings come out by stage (timeline
/// order), then severity, then catalogue order, then members.
pub fn check_plan(plan: &Plan) -> Vec<Finding> {
    let indices: Vec<usize> = (0..plan.stages.len()).collect();
    crate::parallel::map(
        indices,
        |&i| plan.stages[i].member_count(),
        |i| check_stage(plan, i),
    )
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function, PlanBuilder, RuleLevel, StageKind};

    fn plan_with_marketing_under_a_manager() -> Plan {
        PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("o", Function::Owner, &["vision", "marketing-alignment"])
            .member("sm", Function::SalesManager, &["metrics"])
            .member("mk", Function::Marketing, &[])
            .reports("sm", "o")
            .reports("mk", "sm")
            .build()
            .unwrap()
    }

    #[test]
    fn settings_override_the_default_severity_or_turn_a_rule_off() {
        let mut plan = plan_with_marketing_under_a_manager();
        let severity = |plan: &Plan| {
            check_plan(plan)
                .iter()
                .find(|f| f.rule == "marketing-reports-to-leader")
                .map(|f| f.severity)
        };
        assert_eq!(severity(&plan), Some(Severity::Error));
        plan.settings
            .rules
            .insert("marketing-reports-to-leader".into(), RuleLevel::Warning);
        assert_eq!(severity(&plan), Some(Severity::Warning));
        plan.settings
            .rules
            .insert("marketing-reports-to-leader".into(), RuleLevel::Off);
        assert_eq!(severity(&plan), None);
    }

    #[test]
    fn empty_stages_have_no_findings() {
        let plan = PlanBuilder::new()
            .stage("empty", StageKind::SplitRoles)
            .build()
            .unwrap();
        assert!(check_plan(&plan).is_empty());
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        for (i, rule) in RULES.iter().enumerate() {
            assert!(RULES[..i].iter().all(|r| r.id != rule.id), "{}", rule.id);
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.id
            );
        }
    }
}
