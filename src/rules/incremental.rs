//! The findings of a whole plan, kept up to date edit by edit: a stage is
//! checked again only when something its rules read has changed.
//!
//! What a stage's findings depend on (see [`StageContext`]): the stage
//! itself, the settings, its nearest non-empty ancestor (`previous`), and,
//! of its other ancestors, only whether one of them
//! [`installs_management`]. An edit to one stage re-checks that stage and
//! the stages that follow it (its descendants), never a sibling option.
//!
//! [`StageContext`]: super::StageContext
//! [`check_stage`]: super::check_stage

use std::collections::HashMap;
use std::sync::Arc;

use super::convergence::installs_management;
use super::finding::Finding;
use super::registry::{RuleScope, check_stage_parts, check_stage_scoped, merge_findings};
use crate::model::{Plan, Settings, Stage, StageKind};

/// What identifies a stage's content: its fields and the revision of its
/// members and lines.
#[derive(Clone, Debug, PartialEq)]
struct Stamp {
    id: String,
    name: String,
    kind: StageKind,
    when: String,
    notes: String,
    target: Option<f64>,
    revision: u64,
}

impl Stamp {
    fn of(stage: &Stage) -> Self {
        Self {
            id: stage.id.clone(),
            name: stage.name.clone(),
            kind: stage.kind,
            when: stage.when.clone(),
            notes: stage.notes.clone(),
            target: stage.target,
            revision: stage.chart_revision(),
        }
    }
}

/// Everything a stage's findings are derived from.
#[derive(Clone, Debug, PartialEq)]
struct Inputs {
    own: Stamp,
    previous: Option<Stamp>,
    management_installed_before: bool,
    /// The other options at the stage's decision (a rule's fix names them).
    alternatives: Vec<String>,
}

#[derive(Clone, Debug)]
struct Checked {
    inputs: Inputs,
    /// Whether this stage itself installs management (for later stages).
    installs: bool,
    /// Findings of the rules that read only this stage.
    own: Arc<[Finding]>,
    /// Both, in [`check_stage`] order.
    findings: Arc<[Finding]>,
}

/// What one stage needs in a refresh; `usize` is the stage's place in the
/// findings kept from before.
#[derive(Clone, Copy)]
enum Work {
    /// Nothing it reads changed.
    Keep(usize),
    /// Only what came before it changed: the rules that read earlier
    /// stages run again.
    Across(usize),
    /// It changed (or is new): every rule; whether it installs management.
    Full(bool),
}

/// A stage's findings from its own rules and from those reading earlier
/// stages (empty own findings when only those ran).
type Parts = (Vec<Finding>, Vec<Finding>);

/// Runs the checks `todo` asks for (stage index, and whether all its rules
/// or only those reading earlier stages), side by side on up to `cores`
/// cores when the stages are big ([`crate::parallel::map_on`]).
fn run_checks(plan: &Plan, todo: &[(usize, bool)], cores: usize) -> HashMap<usize, Parts> {
    let check = |(index, full): (usize, bool)| -> (usize, Parts) {
        let parts = if full {
            check_stage_parts(plan, index)
        } else {
            (
                Vec::new(),
                check_stage_scoped(plan, index, RuleScope::EarlierStages),
            )
        };
        (index, parts)
    };
    // Biggest first, so the last check to start is a small one.
    let mut jobs = todo.to_vec();
    jobs.sort_by_key(|(i, _)| std::cmp::Reverse(plan.stages[*i].member_count()));
    crate::parallel::map_on(cores, jobs, |(i, _)| plan.stages[*i].member_count(), check)
        .into_iter()
        .collect()
}

/// The findings of every stage of a plan, re-derived only where needed.
/// Cloning is cheap (the findings are shared), so a copy can be brought up
/// to date on a worker thread while the original is still shown.
#[derive(Clone, Debug, Default)]
pub struct PlanFindings {
    settings: Option<Settings>,
    stages: Vec<Checked>,
}

impl PlanFindings {
    /// What each stage of `plan` needs, from what is known: decided
    /// without running a rule.
    fn work_for(&self, plan: &Plan) -> Vec<(Inputs, Work)> {
        let settings_same = self.settings.as_ref() == Some(&plan.settings);
        // Earlier results by stage id (stages may have moved or gone).
        let old: HashMap<&str, usize> = if settings_same {
            self.stages
                .iter()
                .enumerate()
                .map(|(i, c)| (c.inputs.own.id.as_str(), i))
                .collect()
        } else {
            HashMap::new()
        };
        // Per stage, what its followers read: the nearest non-empty stage
        // up to and including it, and whether management was installed by
        // then. A stage's parent is always earlier, so one pass does.
        let mut previous_for: Vec<Option<Stamp>> = Vec::with_capacity(plan.stages.len());
        let mut installed_by: Vec<bool> = Vec::with_capacity(plan.stages.len());
        let mut plans: Vec<(Inputs, Work)> = Vec::with_capacity(plan.stages.len());
        for (index, stage) in plan.stages.iter().enumerate() {
            let parent = plan.parent(index);
            let inputs = Inputs {
                own: Stamp::of(stage),
                previous: parent.and_then(|p| previous_for[p].clone()),
                management_installed_before: parent.is_some_and(|p| installed_by[p]),
                alternatives: plan.alternatives(index),
            };
            let known = old.get(stage.id.as_str()).map(|i| (*i, &self.stages[*i]));
            let work = match known {
                Some((i, c)) if c.inputs == inputs => Work::Keep(i),
                // Only what came before changed: the stage's own rules stand.
                Some((i, c)) if c.inputs.own == inputs.own => Work::Across(i),
                _ => Work::Full(installs_management(stage)),
            };
            let installs = match work {
                Work::Keep(i) | Work::Across(i) => self.stages[i].installs,
                Work::Full(installs) => installs,
            };
            installed_by.push(inputs.management_installed_before || installs);
            previous_for.push(if stage.member_count() > 0 {
                Some(inputs.own.clone())
            } else {
                inputs.previous.clone()
            });
            plans.push((inputs, work));
        }
        plans
    }

    /// How many members the stages that [`PlanFindings::refresh`] would
    /// check again hold together (0: the findings are up to date).
    pub fn members_to_check(&self, plan: &Plan) -> usize {
        self.work_for(plan)
            .iter()
            .zip(&plan.stages)
            .filter(|((_, work), _)| !matches!(work, Work::Keep(_)))
            .map(|(_, stage)| stage.member_count())
            .sum()
    }

    /// Whether the findings are for the stages `plan` has, in its order
    /// (whatever their content): then [`PlanFindings::stage`] of an index
    /// is that stage's, if perhaps from before its latest edit.
    pub fn has_stages_of(&self, plan: &Plan) -> bool {
        self.stages.len() == plan.stages.len()
            && self
                .stages
                .iter()
                .zip(&plan.stages)
                .all(|(c, s)| c.inputs.own.id == s.id)
    }

    /// Brings the findings up to date with `plan`; returns how many stages
    /// were checked again.
    pub fn refresh(&mut self, plan: &Plan) -> usize {
        self.refresh_on(plan, crate::parallel::cores())
    }

    /// [`PlanFindings::refresh`] on at most `cores` of the machine's cores
    /// (a worker beside the UI leaves it one).
    pub fn refresh_on(&mut self, plan: &Plan, cores: usize) -> usize {
        let plans = self.work_for(plan);
        self.settings = Some(plan.settings.clone());
        let mut old: Vec<Option<Checked>> = std::mem::take(&mut self.stages)
            .into_iter()
            .map(Some)
            .collect();
        // The stages to check again, each on its own (a big stage takes
        // milliseconds): side by side on the machine's cores.
        let todo: Vec<(usize, bool)> = plans
            .iter()
            .enumerate()
            .filter_map(|(i, (_, work))| match work {
                Work::Keep(_) => None,
                Work::Across(_) => Some((i, false)),
                Work::Full(_) => Some((i, true)),
            })
            .collect();
        let mut results: HashMap<usize, Parts> = run_checks(plan, &todo, cores);
        let checked = todo.len();
        for (index, (inputs, work)) in plans.into_iter().enumerate() {
            let known = match work {
                Work::Keep(i) | Work::Across(i) => old.get_mut(i).and_then(Option::take),
                Work::Full(_) => None,
            };
            let entry = match (work, known, results.remove(&index)) {
                (Work::Keep(_), Some(c), _) => c,
                (Work::Across(_), Some(c), Some((_, across))) => Checked {
                    findings: merge_findings(&c.own, &across).into(),
                    installs: c.installs,
                    own: c.own,
                    inputs,
                },
                (Work::Full(installs), _, Some((own, across))) => Checked {
                    findings: merge_findings(&own, &across).into(),
                    installs,
                    own: own.into(),
                    inputs,
                },
                // Every stage to check has its result and every stage kept
                // its earlier entry; were one missing, checking it here
                // keeps the findings right.
                _ => {
                    let (own, across) = check_stage_parts(plan, index);
                    Checked {
                        findings: merge_findings(&own, &across).into(),
                        installs: installs_management(&plan.stages[index]),
                        own: own.into(),
                        inputs,
                    }
                }
            };
            self.stages.push(entry);
        }
        checked
    }

    /// The findings of the stage at `index` (none past the end).
    pub fn stage(&self, index: usize) -> &[Finding] {
        self.stages.get(index).map_or(&[], |c| &c.findings[..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::{Function, Member, synthetic_plan};
    use crate::rules::{check_plan, check_stage};

    fn fresh(plan: &Plan) -> Vec<Vec<Finding>> {
        (0..plan.stages.len())
            .map(|i| check_stage(plan, i))
            .collect()
    }

    fn cached(findings: &PlanFindings, plan: &Plan) -> Vec<Vec<Finding>> {
        (0..plan.stages.len())
            .map(|i| findings.stage(i).to_vec())
            .collect()
    }

    #[test]
    fn big_stages_checked_side_by_side_give_what_one_by_one_gives() {
        // Above parallel::PARALLEL_FROM members in all, the checks run on
        // threads.
        let mut plan = crate::model::synthetic_plan_with_options(7_000, 5, 8);
        let decisions: Vec<usize> = (0..5).filter(|i| plan.is_decision(*i)).collect();
        assert_eq!(decisions, [0, 1], "5 stages, 2 decisions");
        let mut findings = PlanFindings::default();
        assert_eq!(findings.refresh(&plan), 5);
        assert_eq!(cached(&findings, &plan), fresh(&plan));
        // An edit at the second decision reaches it and both its options.
        let s1 = plan.stage_position("s1").unwrap();
        let id = plan.stages[s1].members().nth(7).unwrap().id.clone();
        plan.stages[s1].remove_member(&id);
        assert_eq!(findings.refresh(&plan), 3);
        assert_eq!(cached(&findings, &plan), fresh(&plan));
    }

    #[test]
    fn an_edit_rechecks_its_stage_and_the_ones_reading_it() {
        let mut plan = synthetic_plan(200, 6, 3);
        let mut findings = PlanFindings::default();
        assert_eq!(findings.refresh(&plan), 3);
        assert_eq!(findings.refresh(&plan), 0, "nothing changed");
        let mut member = plan.stages[1].member("m7").cloned().unwrap();
        member.name = "Renamed".into();
        Edit::UpdateMember {
            stage: "s1".into(),
            member,
        }
        .apply(&mut plan)
        .unwrap();
        assert_eq!(findings.refresh(&plan), 2, "s1 and s2, which follows it");
        assert_eq!(cached(&findings, &plan), fresh(&plan));
        Edit::UpdateMember {
            stage: "s2".into(),
            member: Member::new("m7", "Last", Function::Sales),
        }
        .apply(&mut plan)
        .unwrap();
        assert_eq!(findings.refresh(&plan), 1, "nothing reads the last stage");
        // Settings change every stage's findings.
        plan.settings.max_direct_reports = 3;
        assert_eq!(findings.refresh(&plan), 3);
        assert_eq!(cached(&findings, &plan), fresh(&plan));
        assert_eq!(cached(&findings, &plan).concat(), check_plan(&plan));
    }

    #[test]
    fn members_to_check_counts_the_stages_a_refresh_would_check() {
        let mut plan = synthetic_plan(200, 6, 3);
        let mut findings = PlanFindings::default();
        let all: usize = plan.stages.iter().map(Stage::member_count).sum();
        assert_eq!(findings.members_to_check(&plan), all, "nothing known yet");
        assert!(!findings.has_stages_of(&plan));
        findings.refresh(&plan);
        assert_eq!(findings.members_to_check(&plan), 0);
        assert!(findings.has_stages_of(&plan));
        // An edit to s1 re-checks s1 and s2, which follows it.
        plan.stages[1].remove_member("m7");
        let expected = plan.stages[1].member_count() + plan.stages[2].member_count();
        assert_eq!(findings.members_to_check(&plan), expected);
        // A copy brought up to date leaves the original as it was.
        let mut copy = findings.clone();
        assert_eq!(copy.refresh(&plan), 2);
        assert_eq!(copy.members_to_check(&plan), 0);
        assert_eq!(findings.members_to_check(&plan), expected);
        assert_eq!(cached(&copy, &plan), fresh(&plan));
        // Same stages, whatever their content; not after a reorder.
        assert!(findings.has_stages_of(&plan));
        plan.stages.swap(0, 2);
        assert!(!copy.has_stages_of(&plan));
    }

    #[test]
    fn an_edit_in_one_option_rechecks_its_descendants_not_the_sibling_option() {
        // s0 → s1 (decision) → s2 → s3 ; s1 → s4 (option) → s5
        let mut plan = synthetic_plan(120, 6, 3);
        for i in 3..6 {
            let mut copy = plan.stages[1].clone();
            copy.id = format!("s{i}");
            plan.stages.push(copy);
        }
        plan.stages[4].after = Some("s1".into());
        plan.stages[4].option = Some("Hire a growth leader".into());
        let mut findings = PlanFindings::default();
        assert_eq!(findings.refresh(&plan), 6);
        assert_eq!(cached(&findings, &plan), fresh(&plan));
        let mut member = plan.stages[4].member("m7").cloned().unwrap();
        member.name = "Only in the option".into();
        Edit::UpdateMember {
            stage: "s4".into(),
            member,
        }
        .apply(&mut plan)
        .unwrap();
        assert_eq!(findings.refresh(&plan), 2, "s4 and s5, which follows it");
        assert_eq!(cached(&findings, &plan), fresh(&plan));
        // An edit to the decision reaches both options.
        let mut member = plan.stages[1].member("m7").cloned().unwrap();
        member.name = "Decided".into();
        Edit::UpdateMember {
            stage: "s1".into(),
            member,
        }
        .apply(&mut plan)
        .unwrap();
        assert_eq!(
            findings.refresh(&plan),
            3,
            "s1 and the first stage of each option"
        );
        assert_eq!(cached(&findings, &plan), fresh(&plan));
    }

    #[test]
    fn own_and_across_findings_together_are_the_stages_findings() {
        let mut plans = vec![synthetic_plan(300, 4, 5)];
        for text in [
            crate::io::BUNDLED_EXAMPLE,
            include_str!("../../examples/plans/four-mistakes.orgevo.json"),
            include_str!("../../examples/plans/marketing-misplaced.orgevo.json"),
        ] {
            plans.push(crate::io::plan_from_str(text).unwrap());
        }
        for plan in &plans {
            for i in 0..plan.stages.len() {
                let own = check_stage_scoped(plan, i, RuleScope::OwnStage);
                let across = check_stage_scoped(plan, i, RuleScope::EarlierStages);
                assert_eq!(merge_findings(&own, &across), check_stage(plan, i));
            }
        }
    }

    #[test]
    fn reordered_and_removed_stages_are_found_by_id() {
        let mut plan = synthetic_plan(100, 5, 9);
        let mut findings = PlanFindings::default();
        findings.refresh(&plan);
        plan.stages.swap(0, 2);
        findings.refresh(&plan);
        assert_eq!(cached(&findings, &plan), fresh(&plan));
        plan.stages.remove(1);
        findings.refresh(&plan);
        assert_eq!(cached(&findings, &plan), fresh(&plan));
        // A stage's notes and kind are inputs too.
        plan.stages[1].kind = StageKind::Converged;
        plan.stages[0].notes = "plan B: hire".into();
        assert_eq!(findings.refresh(&plan), 2);
        assert_eq!(cached(&findings, &plan), fresh(&plan));
    }
}
