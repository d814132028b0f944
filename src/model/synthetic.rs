//! Large, realistic plans generated from a seed, for benchmarks and load tests.

use super::kinds::{Function, LinkKind, StageKind};
use super::member::Member;
use super::plan::Plan;
use super::stage::{Link, Stage};
use super::tags::{Responsibility, Tag};

/// A small deterministic pseudo-random generator (xorshift), so generated
/// plans, shuffles and fuzz runs are the same on every machine.
#[derive(Clone, Debug)]
pub struct SeededRng(u64);

/// The name used inside this file.
type Rng = SeededRng;

impl SeededRng {
    /// A generator started from `seed` (any value).
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True about one time in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// How many people move to another manager from one stage to the next: one
/// in this many.
const MOVE_ONE_IN: usize = 10;
/// How many people get new responsibility tags from one stage to the next.
const RETAG_ONE_IN: usize = 20;

/// A plan with three stages (founder-led, split roles, converged) of
/// `members` members each, shaped like a real company: one reporting tree
/// where each manager has `span - 3` to `span + 3` reports, tags spread over
/// leaders and managers, some marketing and technical members, and a
/// collaboration line for about one member in ten. From one stage to the
/// next, about one person in ten moves to another manager and one in twenty
/// changes responsibilities; everyone stays.
pub fn synthetic_plan(members: usize, span: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let mut plan = Plan::new(format!("Synthetic plan, {members} members a stage"));
    let mut people = Vec::with_capacity(members);
    let mut managers = reporting_tree(members, span, &mut rng);
    for (i, manager) in managers.iter().enumerate() {
        people.push(synthetic_member(i, *manager, &mut rng));
    }
    let mut collaborations = Vec::new();
    for i in 1..members {
        if rng.one_in(10) {
            let other = rng.below(members);
            if other != i {
                collaborations.push((i, other));
            }
        }
    }
    for (i, kind) in [
        StageKind::FounderLed,
        StageKind::SplitRoles,
        StageKind::Converged,
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            move_and_retag(&mut managers, &mut people, &mut rng);
        }
        let id = format!("s{i}");
        let mut stage = Stage::new(&id, format!("Stage {id}"), kind);
        for member in &people {
            // Ids are unique by construction.
            let _ = stage.add_member(member.clone());
        }
        for (i, manager) in managers.iter().enumerate() {
            if let Some(manager) = manager {
                let _ = stage.add_link(&Link::new(
                    member_id(i),
                    member_id(*manager),
                    LinkKind::ReportsTo,
                ));
            }
        }
        for (a, b) in &collaborations {
            let _ = stage.add_link(&Link::new(
                member_id(*a),
                member_id(*b),
                LinkKind::CollaboratesWith,
            ));
        }
        plan.stages.push(stage);
    }
    plan
}

fn member_id(i: usize) -> String {
    format!("m{i}")
}

/// Each member's manager (none for the root), filled breadth-first so a
/// manager always comes before their reports.
fn reporting_tree(members: usize, span: usize, rng: &mut Rng) -> Vec<Option<usize>> {
    let (low, high) = (span.saturating_sub(3).max(1), span + 3);
    let mut managers = Vec::with_capacity(members);
    let (mut current, mut left) = (0, 0);
    for i in 0..members {
        if i == 0 {
            managers.push(None);
            left = low + rng.below(high - low + 1);
            continue;
        }
        if left == 0 {
            current += 1;
            left = low + rng.below(high - low + 1);
        }
        managers.push(Some(current));
        left -= 1;
    }
    managers
}

fn synthetic_member(i: usize, manager: Option<usize>, rng: &mut Rng) -> Member {
    let function = match manager {
        None => Function::Owner,
        Some(0) => [
            Function::SalesManager,
            Function::Marketing,
            Function::Technical,
        ][rng.below(3)],
        Some(_) => [
            Function::Sales,
            Function::Sales,
            Function::Sales,
            Function::Operations,
        ][rng.below(4)],
    };
    let mut member = Member::new(member_id(i), format!("Member {i}"), function);
    member.title = function.label().to_owned();
    member.tags = synthetic_tags(rng);
    member.planned = rng.one_in(4);
    member
}

fn synthetic_tags(rng: &mut Rng) -> Vec<Tag> {
    let mut tags = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let tag = Tag::Core(Responsibility::ALL[rng.below(Responsibility::ALL.len())]);
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if rng.one_in(5) {
        tags.push(Tag::Custom("territory".to_owned()));
    }
    tags
}

/// The changes from one stage to the next: about one person in ten moves to
/// a manager earlier in the tree (so no reporting cycle can appear), and one
/// in twenty gets new tags.
fn move_and_retag(managers: &mut [Option<usize>], people: &mut [Member], rng: &mut Rng) {
    let leads: Vec<usize> = {
        let mut has_reports = vec![false; managers.len()];
        for manager in managers.iter().flatten() {
            has_reports[*manager] = true;
        }
        (0..managers.len()).filter(|i| has_reports[*i]).collect()
    };
    for i in 1..managers.len() {
        if rng.one_in(MOVE_ONE_IN) {
            let earlier = leads.partition_point(|lead| *lead < i);
            managers[i] = Some(leads[rng.below(earlier)]);
        }
        if rng.one_in(RETAG_ONE_IN) {
            people[i].tags = synthetic_tags(rng);
        }
    }
}

/// [`synthetic_plan`] grown into a tree of 5 stages with 2 decisions
/// (DESIGN.md "Options"): `s0` founder-led decides between `s1` (split
/// roles) and `s4` ("Keep juggling", founder-led again); `s1` decides
/// between `s2` (converged, the main line) and `s3` ("Hire a growth
/// leader", converged).
pub fn synthetic_plan_with_options(members: usize, span: usize, seed: u64) -> Plan {
    let mut plan = synthetic_plan(members, span, seed);
    plan.title = format!("Synthetic plan with options, {members} members a stage");
    let copy = |from: usize, id: &str, after: &str, option: &str| {
        let mut stage = plan.stages[from].clone();
        stage.id = id.to_owned();
        stage.name = format!("Stage {id}");
        stage.after = Some(after.to_owned());
        stage.option = Some(option.to_owned());
        stage
    };
    let hire = copy(2, "s3", "s1", "Hire a growth leader");
    let juggle = copy(0, "s4", "s0", "Keep juggling");
    plan.stages.push(hire);
    plan.stages.push(juggle);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_one_tree_per_stage() {
        let plan = synthetic_plan(100, 7, 42);
        assert_eq!(plan.stages.len(), 3);
        for stage in &plan.stages {
            assert_eq!(stage.member_count(), 100);
            let roots = stage
                .members()
                .filter(|m| stage.manager_of(&m.id).is_none())
                .count();
            assert_eq!(roots, 1);
        }
        assert_eq!(synthetic_plan(100, 7, 42), plan);
    }

    #[test]
    fn spans_vary_and_about_one_in_ten_moves() {
        let plan = synthetic_plan(2_000, 6, 7);
        let [first, second, _] = &plan.stages[..] else {
            panic!("three stages");
        };
        let spans: Vec<usize> = first
            .members()
            .map(|m| first.reports_of(&m.id).len())
            .filter(|n| *n > 0)
            .collect();
        // All full managers have 3 to 9 reports; the last one may have fewer.
        let full = &spans[..spans.len() - 1];
        assert!(full.iter().all(|n| (3..=9).contains(n)), "{full:?}");
        assert!(full.contains(&3) && full.contains(&9));
        let manager = |stage: &Stage, id: &str| stage.manager_of(id).map(|m| m.id.clone());
        let moved = first
            .members()
            .filter(|m| manager(first, &m.id) != manager(second, &m.id))
            .count();
        assert!((150..=250).contains(&moved), "{moved} of 2,000 moved");
    }
}
