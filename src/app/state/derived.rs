//! The state derived from the document: findings of every stage and the
//! changes of the shown one, worked out again only for what changed.

use crate::app::canvas::ChangeOverlay;

use crate::diff::{ChangeRow, StageDiff, diff_with_findings};
use crate::model::Plan;
use crate::rules::{Finding, PlanFindings, Summary};
use crate::task::Task;

use super::overlay::OverlayMemo;
pub(in crate::app) use super::overlay::overlay_of;

/// The state derived from the document, kept apart from it and from the
/// view state: it is never saved and can always be worked out again.
#[derive(Debug, Default)]
pub struct Derived {
    /// The findings of every stage.
    pub findings: FindingsCache,
    /// The changes of the shown stage since the previous one.
    pub diffs: DiffCache,
    /// The stage last laid out tidily by an edit (so the next edit on it
    /// need not lay it out to find out).
    pub tidy: crate::edit::compose::TidyMemo,
    /// Every stage's numbers.
    pub totals: super::totals::TotalsCache,
    /// A big stage's layout being worked out after an edit.
    pub layout: super::relayout::BackgroundLayout,
}

/// Above this many members in the stages an edit makes the app check
/// again, the rules run on a worker thread: the edit and the next frame do
/// not wait for them, and the findings shown meanwhile are the last ones.
const FINDINGS_IN_BACKGROUND_FROM: usize = 30_000;

/// The findings of every stage, re-derived only for the stages an edit
/// touched and those that read them (see [`PlanFindings`]); for big stages
/// on a worker, so an edit is drawn at once.
#[derive(Debug, Default)]
pub struct FindingsCache {
    /// The document state `findings` are for.
    state: Option<u64>,
    findings: PlanFindings,
    /// A worker bringing a copy of `findings` up to a later state.
    pending: Option<(u64, Task<PlanFindings>)>,
}

impl FindingsCache {
    /// Brings the findings up to date if `state` differs from the last run,
    /// before it returns.
    pub fn refresh(&mut self, plan: &Plan, state: u64) {
        if let Some((pending_state, task)) = self.pending.take()
            && let Some(findings) = task.join()
        {
            self.findings = findings;
            self.state = Some(pending_state);
        }
        if self.state == Some(state) {
            return;
        }
        self.findings.refresh(plan);
        self.state = Some(state);
    }

    /// Like [`FindingsCache::refresh`], but a big re-check runs on a
    /// worker (`ctx` is asked to repaint when it is done) and the findings
    /// of the last state stay in place until then.
    pub fn refresh_soon(&mut self, plan: &Plan, state: u64, ctx: &egui::Context) {
        self.receive();
        if self.state == Some(state) || self.pending.is_some() {
            // Up to date, or a worker is on it: once it is done, the next
            // frame starts the next one if the document moved on.
            return;
        }
        // Stale findings are shown only where they are the same stage's.
        let big = self.findings.has_stages_of(plan)
            && self.findings.members_to_check(plan) >= FINDINGS_IN_BACKGROUND_FROM;
        if !big {
            self.findings.refresh(plan);
            self.state = Some(state);
            return;
        }
        // Copies of a plan and its findings share their contents: cheap.
        let (mut findings, plan) = (self.findings.clone(), plan.clone());
        let ctx = ctx.clone();
        let task = Task::spawn_then(
            move || {
                // One core is left to the UI.
                findings.refresh_on(&plan, crate::parallel::cores().saturating_sub(1).max(1));
                findings
            },
            move || ctx.request_repaint(),
        );
        self.pending = Some((state, task));
    }

    /// Takes the worker's findings, if it is done.
    fn receive(&mut self) {
        let Some((state, task)) = &self.pending else {
            return;
        };
        match task.take() {
            None => {}
            Some(Some(findings)) => {
                self.state = Some(*state);
                self.findings = findings;
                self.pending = None;
            }
            // The worker failed: check on this thread next time.
            Some(None) => self.pending = None,
        }
    }

    /// The document state the findings shown are for.
    pub fn state(&self) -> Option<u64> {
        self.state
    }

    /// Whether newer findings are being worked out (those shown are the
    /// last state's).
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// Forgets the cache (after opening another document).
    pub fn invalidate(&mut self) {
        *self = Self::default();
    }

    /// Counts of the findings of the stage at `index`.
    pub fn summary(&self, index: usize) -> Summary {
        Summary::of(self.stage(index))
    }

    /// The findings of the stage at `index`.
    pub fn stage(&self, index: usize) -> &[Finding] {
        self.findings.stage(index)
    }
}

/// Above this many members in the two stages together, the full diff is
/// worked out on a worker thread, so an edit never waits for it.
const DIFF_IN_BACKGROUND_FROM: usize = 4_000;

/// What the diff was computed from: the two stages' content and the
/// findings (plan state).
type DiffKey = (u64, usize, u64, u64);

/// The changes of the shown stage since the previous one: the canvas
/// overlay (new, moved, removed) at once and cheaply, the full diff for the
/// Changes panel only when it is wanted, on a worker for big stages.
#[derive(Debug, Default)]
pub struct DiffCache {
    overlay: OverlayMemo,
    key: Option<DiffKey>,
    diff: Option<StageDiff>,
    /// The Changes panel's rows of `diff`, worked out once per diff.
    rows: Vec<ChangeRow>,
    pending: Option<(DiffKey, Task<StageDiff>)>,
}

impl DiffCache {
    /// Brings the overlay up to date, and the full diff too when `want_full`
    /// (on a worker for big stages; `ctx` is asked to repaint when done).
    pub fn refresh(&mut self, input: &DiffInput<'_>, want_full: bool) {
        let DiffInput {
            plan,
            state,
            index,
            findings,
            ctx,
        } = *input;
        let previous = plan.previous_non_empty(index);
        let pair = previous.and_then(|p| Some((p, plan.stages.get(p)?, plan.stages.get(index)?)));
        let Some((previous, before, now)) = pair else {
            self.invalidate();
            return;
        };
        self.overlay.refresh(before, now);
        self.receive();
        let key = (state, index, before.revision(), now.revision());
        let small = before.member_count() + now.member_count() < DIFF_IN_BACKGROUND_FROM;
        if !(want_full || small)
            || self.key == Some(key)
            || self.pending.as_ref().is_some_and(|(k, _)| *k == key)
        {
            return;
        }
        let (findings_a, findings_b) = (findings.stage(previous), findings.stage(index));
        if small {
            self.keep(diff_with_findings(before, now, findings_a, findings_b), key);
            return;
        }
        // Copies of stages share their members: cheap to hand over.
        let (before, now) = (before.clone(), now.clone());
        let (findings_a, findings_b) = (findings_a.to_vec(), findings_b.to_vec());
        let ctx = ctx.clone();
        let task = Task::spawn_then(
            move || diff_with_findings(&before, &now, &findings_a, &findings_b),
            move || ctx.request_repaint(),
        );
        self.pending = Some((key, task));
    }

    /// Keeps `diff` (for `key`) and the Changes panel's rows of it.
    fn keep(&mut self, diff: StageDiff, key: DiffKey) {
        self.rows = diff.rows();
        self.diff = Some(diff);
        self.key = Some(key);
        self.pending = None;
    }

    /// The Changes panel's rows of [`DiffCache::diff`].
    pub fn rows(&self) -> &[ChangeRow] {
        &self.rows
    }

    /// Takes the worker's result, if it is done.
    fn receive(&mut self) {
        let Some((key, task)) = &self.pending else {
            return;
        };
        match task.take() {
            Some(Some(diff)) => {
                let key = *key;
                self.keep(diff, key);
            }
            None => {}
            Some(None) => self.pending = None,
        }
    }

    /// Forgets the cache (after opening another document).
    pub fn invalidate(&mut self) {
        *self = Self::default();
    }

    /// The diff against the previous stage (none for the first stage, and
    /// none yet while a big one is being worked out for the first time).
    pub fn diff(&self) -> Option<&StageDiff> {
        self.diff.as_ref()
    }

    /// Whether a newer diff is being worked out (the one shown is older).
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// Badges and ghosts for the canvas.
    pub fn overlay(&self) -> &ChangeOverlay {
        self.overlay.overlay()
    }
}

/// What [`DiffCache::refresh`] works from.
#[derive(Clone, Copy)]
pub struct DiffInput<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The document state (findings depend on it).
    pub state: u64,
    /// The shown stage.
    pub index: usize,
    /// The findings of every stage.
    pub findings: &'a FindingsCache,
    /// To repaint when a worker is done.
    pub ctx: &'a egui::Context,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::canvas::card::ChangeBadge;
    use crate::diff::{Change, diff_plan_stages};
    use crate::io::{BUNDLED_EXAMPLE, plan_from_str};
    use crate::model::Member;

    fn refresh(cache: &mut DiffCache, plan: &Plan, state: u64, index: usize, want_full: bool) {
        let mut findings = FindingsCache::default();
        findings.refresh(plan, state);
        let ctx = egui::Context::default();
        let input = DiffInput {
            plan,
            state,
            index,
            findings: &findings,
            ctx: &ctx,
        };
        cache.refresh(&input, want_full);
    }

    #[test]
    fn a_big_recheck_runs_on_a_worker_and_the_last_findings_stay_meanwhile() {
        use crate::rules::check_stage;
        // A rename in s1 re-checks s1 and s2: 32,000 members, past
        // FINDINGS_IN_BACKGROUND_FROM.
        let mut plan = crate::model::synthetic_plan(16_000, 6, 4);
        let ctx = egui::Context::default();
        let mut cache = FindingsCache::default();
        cache.refresh_soon(&plan, 1, &ctx);
        assert!(!cache.is_updating(), "the first check is done at once");
        let before: Vec<Vec<Finding>> = (0..3).map(|i| check_stage(&plan, i)).collect();
        // An edit that changes s1's findings: a member with no lines.
        plan.stages[1]
            .add_member(Member::new(
                "loner",
                "Lone Wolf",
                crate::model::Function::Sales,
            ))
            .unwrap();
        cache.refresh_soon(&plan, 2, &ctx);
        assert!(cache.is_updating());
        assert_eq!(cache.state(), Some(1));
        assert_eq!(
            cache.stage(1),
            &before[1][..],
            "the last findings meanwhile"
        );
        let started = std::time::Instant::now();
        while cache.is_updating() && started.elapsed() < std::time::Duration::from_secs(120) {
            std::thread::sleep(std::time::Duration::from_millis(5));
            cache.refresh_soon(&plan, 2, &ctx);
        }
        assert_eq!(cache.state(), Some(2));
        let after: Vec<Vec<Finding>> = (0..3).map(|i| check_stage(&plan, i)).collect();
        assert_ne!(after[1], before[1]);
        for (i, expected) in after.iter().enumerate() {
            assert_eq!(cache.stage(i), &expected[..], "stage {i}");
        }
        // A small edit (the last stage alone) is checked at once; so is
        // everything when asked to be up to date before returning.
        plan.stages[2].remove_member("m9");
        cache.refresh_soon(&plan, 3, &ctx);
        assert!(!cache.is_updating() && cache.state() == Some(3));
        plan.stages[0].remove_member("m9");
        cache.refresh(&plan, 4);
        assert!(!cache.is_updating() && cache.state() == Some(4));
        assert_eq!(cache.stage(1), &check_stage(&plan, 1)[..]);
    }

    #[test]
    fn overlay_marks_new_and_moved_and_keeps_removed_as_ghosts() {
        let mut plan = plan_from_str(BUNDLED_EXAMPLE).unwrap();
        let mut cache = DiffCache::default();
        refresh(&mut cache, &plan, 1, 1, false);
        let badge = |cache: &DiffCache, id: &str| cache.overlay().badges.get(id).copied();
        assert_eq!(badge(&cache, "morgan"), Some(ChangeBadge::New));
        assert_eq!(badge(&cache, "sam"), Some(ChangeBadge::Moved));
        assert!(cache.overlay().ghosts.is_empty());
        // Leo left "split", so against it the converged stage (index 2) has
        // Leo as a new member.
        plan.stages[1].remove_member("leo");
        refresh(&mut cache, &plan, 2, 2, false);
        assert_eq!(badge(&cache, "leo"), Some(ChangeBadge::New));
        plan.stages[2].remove_member("dana");
        refresh(&mut cache, &plan, 3, 2, false);
        let ghosts: Vec<&str> = cache
            .overlay()
            .ghosts
            .iter()
            .map(|(m, _)| m.id.as_str())
            .collect();
        assert_eq!(ghosts, ["dana"]);
        assert!(cache.diff().is_some(), "a small diff is always at hand");
        refresh(&mut cache, &plan, 4, 0, false);
        assert!(
            cache.diff().is_none(),
            "the first stage has nothing before it"
        );
        assert!(cache.overlay().badges.is_empty());
    }

    #[test]
    fn a_big_diff_is_worked_out_on_a_worker_only_when_wanted() {
        let mut plan = crate::model::synthetic_plan(3_000, 6, 11);
        let s1 = &mut plan.stages[1];
        s1.remove_member("m2999");
        s1.add_member(Member::new(
            "hire",
            "New hire",
            crate::model::Function::Sales,
        ))
        .unwrap();
        let old_manager = s1.manager_of("m100").map(|m| m.id.clone()).unwrap();
        s1.remove_link(&crate::model::Link::new(
            "m100",
            &old_manager,
            crate::model::LinkKind::ReportsTo,
        ));
        s1.add_link(&crate::model::Link::new(
            "m100",
            "m3",
            crate::model::LinkKind::ReportsTo,
        ))
        .unwrap();
        let mut cache = DiffCache::default();
        refresh(&mut cache, &plan, 1, 1, false);
        assert!(cache.diff().is_none() && !cache.is_updating());
        let badges = &cache.overlay().badges;
        assert_eq!(badges.get("hire"), Some(&ChangeBadge::New));
        assert_eq!(badges.get("m100"), Some(&ChangeBadge::Moved));
        assert_eq!(cache.overlay().ghosts.len(), 1);
        refresh(&mut cache, &plan, 1, 1, true);
        let started = std::time::Instant::now();
        while cache.diff().is_none() && started.elapsed() < std::time::Duration::from_secs(60) {
            assert!(cache.is_updating());
            std::thread::sleep(std::time::Duration::from_millis(5));
            refresh(&mut cache, &plan, 1, 1, true);
        }
        assert!(!cache.is_updating());
        let expected = diff_plan_stages(&plan, 0, 1).unwrap();
        assert_eq!(cache.diff(), Some(&expected));
        // The overlay agrees with the full diff.
        let added = expected
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Added { .. }))
            .count();
        let moved = expected
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Moved { .. }))
            .count();
        let removed = expected
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Removed { .. }))
            .count();
        let badges = &cache.overlay().badges;
        assert_eq!(
            badges.values().filter(|b| **b == ChangeBadge::New).count(),
            added
        );
        assert_eq!(
            badges
                .values()
                .filter(|b| **b == ChangeBadge::Moved)
                .count(),
            moved
        );
        assert_eq!(cache.overlay().ghosts.len(), removed);
    }
}
