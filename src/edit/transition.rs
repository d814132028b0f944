//! "Next stage": the stage that follows another, with the same member ids
//! (the same id is the same person) and the move its kind asks for, so the
//! diff tells the seed's story. Also fits template skeletons to the people
//! already in the plan.

use std::collections::HashSet;

use super::change::{free_member_id, reports_to};
use crate::model::{
    Function, Link, LinkKind, Member, Responsibility, ResponsibilitySet, Stage, StageKind, Tag,
    TagFamily,
};

/// The stage that follows `source` as `kind`, keeping every member id:
/// - founder-led → split-roles: a planned sales manager seat (or the
///   existing sales manager) reports to the owner and takes the owner's
///   management tags; the owner's sales reports move under it; marketing
///   reporting to the owner gains a collaboration line with it;
/// - split-roles → converged: the sales manager (same id) becomes the growth
///   leader and takes the tags the owner hands over (the owner keeps
///   `vision`); marketing reporting to the owner now reports to it;
/// - founder-led → converged: both moves, one after the other;
/// - anything else (custom, the same kind, a step back): a plain copy.
///
/// Returns whether a move changed the reporting lines (the caller lays the
/// stage out again).
pub fn next_stage(source: &Stage, kind: StageKind) -> (Stage, bool) {
    let mut stage = source.clone();
    stage.kind = kind;
    let moved = match (source.kind, kind) {
        (StageKind::FounderLed, StageKind::SplitRoles) => split_roles(&mut stage),
        (StageKind::SplitRoles, StageKind::Converged) => converge(&mut stage),
        (StageKind::FounderLed, StageKind::Converged) => {
            let split = split_roles(&mut stage);
            converge(&mut stage) || split
        }
        _ => false,
    };
    (stage, moved)
}

/// The owner a transition works with: the one holding most tags of
/// `family`, then most direct reports, then the smallest id.
pub(super) fn main_owner(stage: &Stage, family: TagFamily) -> Option<String> {
    stage
        .members()
        .filter(|m| m.function == Function::Owner)
        .max_by(|a, b| {
            let key = |m: &Member| {
                (
                    m.responsibilities().of_family(family).len(),
                    stage.reports_of(&m.id).len(),
                )
            };
            key(a).cmp(&key(b)).then_with(|| b.id.cmp(&a.id))
        })
        .map(|m| m.id.clone())
}

/// The member of `function` the owner relies on: reporting directly to the
/// owner first, then most management tags, then the smallest id.
pub(super) fn seat_of(stage: &Stage, function: Function, owner: &str) -> Option<String> {
    stage
        .members()
        .filter(|m| m.function == function)
        .max_by(|a, b| {
            let key = |m: &Member| {
                (
                    stage.manager_of(&m.id).is_some_and(|boss| boss.id == owner),
                    m.responsibilities().of_family(TagFamily::Management).len(),
                )
            };
            key(a).cmp(&key(b)).then_with(|| b.id.cmp(&a.id))
        })
        .map(|m| m.id.clone())
}

/// Adds a planned seat (a vacancy with a function and a title) under a
/// free id derived from `base`; returns its id.
pub(super) fn add_planned_seat(
    stage: &mut Stage,
    base: &str,
    title: &str,
    function: Function,
) -> Option<String> {
    let mut seat = Member::new(free_member_id(stage, base), title, function);
    seat.title = title.to_owned();
    seat.planned = true;
    let id = seat.id.clone();
    stage.add_member(seat).ok()?;
    Some(id)
}

/// Moves the responsibilities `moving` from `giver` to `taker` (core tags
/// only; custom tags stay).
pub(super) fn hand_over(stage: &mut Stage, giver: &str, taker: &str, moving: ResponsibilitySet) {
    if moving.is_empty() {
        return;
    }
    if let Some(g) = stage.member_mut(giver) {
        g.tags
            .retain(|t| t.responsibility().is_none_or(|r| !moving.contains(r)));
    }
    if let Some(t) = stage.member_mut(taker) {
        let held = t.responsibilities();
        t.tags
            .extend(moving.iter().filter(|r| !held.contains(*r)).map(Tag::from));
    }
}

/// The owner hands every responsibility but `vision` to the growth
/// leader (both ways to converge).
pub(super) fn hand_over_all_but_vision(stage: &mut Stage, owner: &str, leader: &str) {
    let handed = stage
        .member(owner)
        .map(|o| o.responsibilities().without(Responsibility::Vision))
        .unwrap_or_default();
    hand_over(stage, owner, leader, handed);
}

/// `member` now reports to `manager`, unless that would make a cycle.
pub(super) fn report_to(stage: &mut Stage, member: &str, manager: &str) -> bool {
    if member == manager || reports_to(stage, manager, member) {
        return false;
    }
    if stage.manager_of(member).is_some_and(|m| m.id == manager) {
        return false;
    }
    if let Some(old) = stage.manager_of(member).map(|m| m.id.clone()) {
        stage.remove_link(&Link::new(member, old, LinkKind::ReportsTo));
    }
    stage
        .add_link(&Link::new(member, manager, LinkKind::ReportsTo))
        .is_ok()
}

/// The direct reports of `manager` with `function`.
pub(super) fn reports_with(stage: &Stage, manager: &str, function: Function) -> Vec<String> {
    stage
        .reports_of(manager)
        .into_iter()
        .filter(|m| m.function == function)
        .map(|m| m.id.clone())
        .collect()
}

/// Founder-led → split roles. Returns whether reporting lines changed.
pub(super) fn split_roles(stage: &mut Stage) -> bool {
    let Some(owner) = main_owner(stage, TagFamily::Management) else {
        return false;
    };
    let existing = sales_manager_choice(stage, &owner).map(|(id, _)| id);
    if let Some(id) = &existing
        && let Some(m) = stage.member_mut(id)
    {
        m.function = Function::SalesManager;
    }
    let Some(manager) = existing.or_else(|| {
        add_planned_seat(
            stage,
            "sales-manager",
            "Sales Manager",
            Function::SalesManager,
        )
    }) else {
        return false;
    };
    let mut moved = report_to(stage, &manager, &owner);
    let management = stage
        .member(&owner)
        .map(|o| o.responsibilities().of_family(TagFamily::Management))
        .unwrap_or_default();
    hand_over(stage, &owner, &manager, management);
    for sales in reports_with(stage, &owner, Function::Sales) {
        moved |= report_to(stage, &sales, &manager);
    }
    for marketing in reports_with(stage, &owner, Function::Marketing) {
        let line = Link::new(&marketing, &manager, LinkKind::CollaboratesWith);
        if stage.find_link(&line).is_none() {
            moved |= stage.add_link(&line).is_ok();
        }
    }
    moved
}

/// Why a transition gave a member the sales manager's seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeatReason {
    /// The member's function is already sales manager.
    Function,
    /// The member already holds management responsibilities.
    HoldsManagement,
    /// The member's title reads as a sales manager (the import's title
    /// table).
    Title,
}

/// Who takes the owner's management at the split: the sales manager the
/// owner relies on; else a member (not an owner) who already holds
/// management tags (most first, a sales-manager title breaking ties); else
/// a member whose title reads as a sales manager; the smallest id last.
fn sales_manager_choice(stage: &Stage, owner: &str) -> Option<(String, SeatReason)> {
    if let Some(id) = seat_of(stage, Function::SalesManager, owner) {
        return Some((id, SeatReason::Function));
    }
    let titles = crate::io::TitleRules::default();
    let titled = |m: &Member| titles.function_of(&m.title) == Some(Function::SalesManager);
    let candidates = || {
        stage
            .members()
            .filter(|m| !matches!(m.function, Function::Owner | Function::Marketing))
    };
    let holder = candidates()
        .filter(|m| {
            !m.responsibilities()
                .of_family(TagFamily::Management)
                .is_empty()
        })
        .max_by(|a, b| {
            let key = |m: &Member| {
                (
                    m.responsibilities().of_family(TagFamily::Management).len(),
                    titled(m),
                )
            };
            key(a).cmp(&key(b)).then_with(|| b.id.cmp(&a.id))
        });
    if let Some(m) = holder {
        return Some((m.id.clone(), SeatReason::HoldsManagement));
    }
    candidates()
        .filter(|m| titled(m))
        .min_by(|a, b| a.id.cmp(&b.id))
        .map(|m| (m.id.clone(), SeatReason::Title))
}

/// What "Next stage" from `source` as `kind` does with the people, in one
/// sentence for the status line ("Sam Fox takes over management: the
/// title reads as a sales manager"), or `None` for a plain copy.
pub fn next_stage_summary(source: &Stage, kind: StageKind) -> Option<String> {
    let name = |id: &str| {
        source
            .member(id)
            .map_or(id, |m| m.display_name())
            .to_owned()
    };
    let split = || {
        let owner = main_owner(source, TagFamily::Management)?;
        Some(match sales_manager_choice(source, &owner) {
            Some((id, reason)) => {
                let why = match reason {
                    SeatReason::Function => "already the sales manager",
                    SeatReason::HoldsManagement => "already holds management responsibilities",
                    SeatReason::Title => "the title reads as a sales manager",
                };
                format!(
                    "{} takes over management from {} ({why})",
                    name(&id),
                    name(&owner)
                )
            }
            None => format!(
                "A planned Sales Manager seat takes over management from {}",
                name(&owner)
            ),
        })
    };
    match (source.kind, kind) {
        (StageKind::FounderLed, StageKind::SplitRoles | StageKind::Converged) => split(),
        (StageKind::SplitRoles, StageKind::Converged) => {
            let owner = main_owner(source, TagFamily::Leadership)?;
            let leader = seat_of(source, Function::GrowthLeader, &owner)
                .or_else(|| seat_of(source, Function::SalesManager, &owner));
            Some(match leader {
                Some(id) => format!("{} becomes the growth leader", name(&id)),
                None => "A planned Growth Leader seat takes over from the sales manager".to_owned(),
            })
        }
        _ => None,
    }
}

/// Split roles → converged. Returns whether reporting lines changed.
pub(super) fn converge(stage: &mut Stage) -> bool {
    let Some(owner) = main_owner(stage, TagFamily::Leadership) else {
        return false;
    };
    let existing = seat_of(stage, Function::GrowthLeader, &owner)
        .or_else(|| seat_of(stage, Function::SalesManager, &owner));
    let Some(leader) = existing.or_else(|| {
        add_planned_seat(
            stage,
            "growth-leader",
            "Growth Leader",
            Function::GrowthLeader,
        )
    }) else {
        return false;
    };
    if let Some(m) = stage.member_mut(&leader)
        && m.function != Function::GrowthLeader
    {
        m.function = Function::GrowthLeader;
        m.title = "Growth Leader".to_owned();
    }
    let mut moved = report_to(stage, &leader, &owner);
    hand_over_all_but_vision(stage, &owner, &leader);
    for marketing in reports_with(stage, &owner, Function::Marketing) {
        moved |= report_to(stage, &marketing, &leader);
        stage.remove_link(&Link::new(&marketing, &leader, LinkKind::CollaboratesWith));
    }
    moved
}

/// Gives the members of a template skeleton the ids, names and hiring state
/// of matching people in `people` (the stage the template follows), so a
/// template stage continues the same company. Matching is by function: the
/// owner, the sales manager or growth leader (either seat grows into the
/// other), marketing (its head first) and salespeople in order; each person
/// is used once.
pub fn adopt_people(template: &mut Stage, people: &Stage) {
    let mut used: HashSet<String> = HashSet::new();
    let mut matches: Vec<(String, Member)> = Vec::new();
    let skeleton: Vec<Member> = template.members().cloned().collect();
    for seat in &skeleton {
        let wanted = match seat.function {
            Function::SalesManager => vec![Function::SalesManager, Function::GrowthLeader],
            Function::GrowthLeader => vec![Function::GrowthLeader, Function::SalesManager],
            same => vec![same],
        };
        let person = wanted.iter().find_map(|function| {
            people
                .members()
                .filter(|p| p.function == *function && !used.contains(&p.id))
                .min_by_key(|p| people_rank(people, p))
        });
        if let Some(person) = person {
            used.insert(person.id.clone());
            matches.push((seat.id.clone(), person.clone()));
        }
    }
    rename_seats(template, &matches);
}

/// Heads first: a member whose manager has another function (or who has no
/// manager) ranks before one reporting within its own function.
fn people_rank(stage: &Stage, member: &Member) -> (bool, usize) {
    let within = stage
        .manager_of(&member.id)
        .is_some_and(|boss| boss.function == member.function);
    let order = stage.node(&member.id).map_or(usize::MAX, |n| n.index());
    (within, order)
}

/// Renames each matched seat to its person's id (through temporary ids, so
/// no rename collides) and takes over the person's name and hiring state,
/// and the title where the function is the same.
fn rename_seats(template: &mut Stage, matches: &[(String, Member)]) {
    let finals: HashSet<&str> = matches.iter().map(|(_, p)| p.id.as_str()).collect();
    let temporary = |i: usize| format!("\u{1}seat-{i}");
    for (i, (seat, _)) in matches.iter().enumerate() {
        let _ = template.rename_member_id(seat, &temporary(i));
    }
    let unmatched: Vec<String> = template
        .members()
        .map(|m| m.id.clone())
        .filter(|id| finals.contains(id.as_str()))
        .collect();
    for id in unmatched {
        let mut fresh = free_member_id(template, &id);
        while finals.contains(fresh.as_str()) {
            fresh = free_member_id(template, &format!("{fresh}-seat"));
        }
        let _ = template.rename_member_id(&id, &fresh);
    }
    for (i, (_, person)) in matches.iter().enumerate() {
        if template
            .rename_member_id(&temporary(i), &person.id)
            .is_err()
        {
            continue;
        }
        if let Some(seat) = template.member_mut(&person.id) {
            seat.name = person.name.clone();
            seat.planned = person.planned;
            if seat.function == person.function {
                seat.title = person.title.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function::*, PlanBuilder, stage_template};

    #[test]
    fn an_existing_sales_manager_is_reused_not_duplicated() {
        let plan = PlanBuilder::new()
            .stage("a", StageKind::FounderLed)
            .member("o", Owner, &["vision", "metrics", "coaching"])
            .member("sm", SalesManager, &["execution"])
            .member("ae", Sales, &[])
            .reports("sm", "o")
            .reports("ae", "o")
            .build()
            .unwrap();
        let (next, moved) = next_stage(&plan.stages[0], StageKind::SplitRoles);
        assert!(moved);
        assert_eq!(next.member_count(), 3);
        assert_eq!(next.manager_of("ae").unwrap().id, "sm");
        let sm = next.member("sm").unwrap().responsibilities();
        assert!(sm.contains(Responsibility::Metrics) && sm.contains(Responsibility::Execution));
        assert!(!sm.contains(Responsibility::Vision));
        assert!(!next.member("sm").unwrap().planned);
    }

    #[test]
    fn custom_same_kind_and_backward_steps_are_plain_copies() {
        let plan = PlanBuilder::new()
            .stage("a", StageKind::SplitRoles)
            .member("o", Owner, &["vision"])
            .member("sm", SalesManager, &["metrics"])
            .reports("sm", "o")
            .build()
            .unwrap();
        for kind in [
            StageKind::Custom,
            StageKind::SplitRoles,
            StageKind::FounderLed,
        ] {
            let (next, moved) = next_stage(&plan.stages[0], kind);
            assert!(!moved);
            assert_eq!(next.kind, kind);
            assert!(next.members().eq(plan.stages[0].members()));
            assert!(next.links().eq(plan.stages[0].links()));
        }
    }

    #[test]
    fn founder_led_to_converged_applies_both_moves() {
        let plan = PlanBuilder::new()
            .stage("a", StageKind::FounderLed)
            .member("o", Owner, &["vision", "strategy", "metrics"])
            .member("ae", Sales, &[])
            .reports("ae", "o")
            .build()
            .unwrap();
        let (next, _) = next_stage(&plan.stages[0], StageKind::Converged);
        let leader = next.members().find(|m| m.function == GrowthLeader).unwrap();
        assert_eq!(leader.hat(), crate::model::Hat::Both);
        assert_eq!(next.manager_of("ae").unwrap().id, leader.id);
    }

    #[test]
    fn templates_take_the_ids_of_the_people_already_there() {
        let people = PlanBuilder::new()
            .stage("a", StageKind::SplitRoles)
            .member("dana", Owner, &["vision"])
            .member("morgan", SalesManager, &["metrics"])
            .member("priya", Marketing, &[])
            .member("intern", Marketing, &[])
            .member("sam", Sales, &[])
            .reports("morgan", "dana")
            .reports("intern", "priya")
            .reports("priya", "dana")
            .reports("sam", "morgan")
            .build()
            .unwrap();
        let mut converged = stage_template(StageKind::Converged, "c");
        adopt_people(&mut converged, &people.stages[0]);
        let growth = converged
            .members()
            .find(|m| m.function == GrowthLeader)
            .unwrap();
        assert_eq!(growth.id, "morgan", "the sales manager grows into the seat");
        assert_eq!(growth.name, "morgan");
        assert!(converged.member("dana").is_some());
        assert!(converged.member("priya").is_some(), "the head of marketing");
        assert!(converged.member("intern").is_none());
        assert!(converged.member("sam").is_some());
        // The second salesperson seat has nobody to match: a planned hire.
        let planned: Vec<_> = converged.members().filter(|m| m.planned).collect();
        assert_eq!(planned.len(), 1);
        assert_eq!(converged.manager_of("sam").unwrap().id, "morgan");
    }

    #[test]
    fn adopted_ids_never_collide_with_template_ids() {
        // A salesperson whose id is the template's marketing seat id.
        let people = PlanBuilder::new()
            .stage("a", StageKind::Custom)
            .member("marketing", Sales, &[])
            .build()
            .unwrap();
        let mut split = stage_template(StageKind::SplitRoles, "s");
        let before = split.member_count();
        adopt_people(&mut split, &people.stages[0]);
        assert_eq!(split.member_count(), before);
        assert_eq!(split.member("marketing").unwrap().function, Sales);
        assert!(split.members().any(|m| m.function == Marketing));
    }

    fn founder_led(sam_title: &str, sam_tags: &[&str]) -> Stage {
        let mut plan = PlanBuilder::new()
            .stage("a", StageKind::FounderLed)
            .member("o", Owner, &["vision", "execution", "coaching"])
            .member("sam", Sales, sam_tags)
            .member("ae", Sales, &[])
            .reports("sam", "o")
            .reports("ae", "o")
            .build()
            .unwrap();
        plan.stages[0].member_mut("sam").unwrap().title = sam_title.into();
        plan.stages.remove(0)
    }

    #[test]
    fn a_salesperson_holding_management_takes_the_seat_and_the_status_says_so() {
        let source = founder_led("Account Executive", &["metrics"]);
        let (next, _) = next_stage(&source, StageKind::SplitRoles);
        assert_eq!(next.member_count(), source.member_count(), "no second seat");
        let sam = next.member("sam").unwrap();
        assert_eq!(sam.function, SalesManager);
        for r in ["execution", "coaching", "metrics"] {
            assert!(sam.has_tag(&Tag::parse(r)), "{r}");
        }
        assert_eq!(next.manager_of("ae").unwrap().id, "sam");
        let said = next_stage_summary(&source, StageKind::SplitRoles).unwrap();
        assert!(
            said.starts_with("sam takes over management from o"),
            "{said}"
        );
        assert!(said.contains("already holds management"), "{said}");
    }

    #[test]
    fn a_sales_manager_title_is_enough_to_take_the_seat() {
        let source = founder_led("Sales Manager", &[]);
        let (next, _) = next_stage(&source, StageKind::SplitRoles);
        assert_eq!(next.member_count(), source.member_count());
        assert_eq!(next.member("sam").unwrap().function, SalesManager);
        assert_eq!(next.member("sam").unwrap().title, "Sales Manager");
        let said = next_stage_summary(&source, StageKind::SplitRoles).unwrap();
        assert!(said.contains("title reads as a sales manager"), "{said}");
    }

    #[test]
    fn with_nobody_to_reuse_a_planned_seat_is_added_and_named() {
        let source = founder_led("Account Executive", &[]);
        let (next, _) = next_stage(&source, StageKind::SplitRoles);
        assert_eq!(next.member_count(), source.member_count() + 1);
        let seat = next.member("sales-manager").unwrap();
        assert!(seat.planned);
        assert_eq!(next.member("sam").unwrap().function, Sales);
        let said = next_stage_summary(&source, StageKind::SplitRoles).unwrap();
        assert!(said.starts_with("A planned Sales Manager seat"), "{said}");
        assert_eq!(next_stage_summary(&source, StageKind::Custom), None);
    }
}
