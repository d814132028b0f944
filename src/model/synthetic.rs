//! Large, realistic plans generated from a seed, for benchmarks and load tests.

use super::kinds::{Function, LinkKind, StageKind};
use super::member::Member;
use super::plan::Plan;
use super::stage::{Link, Stage};
use super::tags::{Responsibility, Tag};

/// A small deterministic pseudo-random generator (xorshift), so generated
/// plans are the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A plan with three stages (founder-led, split roles, converged) of
/// `members` members each: one reporting tree with up to `fan_out` reports
/// per manager, tags spread over leaders and managers, some marketing and
/// technical members, and a collaboration line for about one member in ten.
pub fn synthetic_plan(members: usize, fan_out: usize, seed: u64) -> Plan {
    let mut rng = Rng(seed | 1);
    let mut plan = Plan::new(format!("Synthetic plan, {members} members a stage"));
    for (i, kind) in [
        StageKind::FounderLed,
        StageKind::SplitRoles,
        StageKind::Converged,
    ]
    .into_iter()
    .enumerate()
    {
        plan.stages.push(synthetic_stage(
            &format!("s{i}"),
            kind,
            members,
            fan_out,
            &mut rng,
        ));
    }
    plan
}

fn synthetic_stage(id: &str, kind: StageKind, n: usize, fan_out: usize, rng: &mut Rng) -> Stage {
    let mut stage = Stage::new(id, format!("Stage {id}"), kind);
    let fan_out = fan_out.max(1);
    for i in 0..n {
        let function = if i == 0 {
            Function::Owner
        } else if i <= fan_out {
            [
                Function::SalesManager,
                Function::Marketing,
                Function::Technical,
            ][rng.below(3)]
        } else {
            [
                Function::Sales,
                Function::Sales,
                Function::Sales,
                Function::Operations,
            ][rng.below(4)]
        };
        let mut member = Member::new(format!("m{i}"), format!("Member {i}"), function);
        member.title = function.label().to_owned();
        let tags = 1 + rng.below(3);
        for _ in 0..tags {
            let r = Responsibility::ALL[rng.below(12)];
            if !member.tags.contains(&Tag::Core(r)) {
                member.tags.push(Tag::Core(r));
            }
        }
        if rng.below(5) == 0 {
            member.tags.push(Tag::Custom("territory".to_owned()));
        }
        member.planned = rng.below(4) == 0;
        // Ids are unique by construction.
        let _ = stage.add_member(member);
    }
    for i in 1..n {
        let manager = (i - 1) / fan_out;
        let _ = stage.add_link(&Link::new(
            format!("m{i}"),
            format!("m{manager}"),
            LinkKind::ReportsTo,
        ));
        if rng.below(10) == 0 {
            let other = rng.below(n);
            let _ = stage.add_link(&Link::new(
                format!("m{i}"),
                format!("m{other}"),
                LinkKind::CollaboratesWith,
            ));
        }
    }
    stage
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
}
