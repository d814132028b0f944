//! Skeleton stages for each stage kind, with the right responsibility tags.

use super::kinds::{Function, LinkKind, StageKind};
use super::member::Member;
use super::stage::{Link, Stage};
use super::tags::{Responsibility, TagFamily};

fn member(
    id: &str,
    name: &str,
    title: &str,
    function: Function,
    tags: &[Responsibility],
    planned: bool,
) -> Member {
    let mut m = Member::new(id, name, function);
    m.title = title.to_owned();
    m.tags = tags.iter().map(|r| (*r).into()).collect();
    m.planned = planned;
    m
}

/// A planned account executive, the salesperson every skeleton starts with:
/// the `n`th, named so that no two seats read the same in a picker.
fn planned_ae(id: &str, n: usize) -> Member {
    member(
        id,
        &format!("Account Executive {n}"),
        "Account Executive",
        Function::Sales,
        &[],
        true,
    )
}

fn family(f: TagFamily) -> Vec<Responsibility> {
    Responsibility::ALL
        .into_iter()
        .filter(|r| r.family() == f)
        .collect()
}

/// A skeleton stage of `kind` with id `id`: the roles the kind promises,
/// tagged so the stage passes its shape rules. Positions are left empty
/// (laid out when shown).
pub fn stage_template(kind: StageKind, id: &str) -> Stage {
    let mut stage = Stage::new(id, kind.label(), kind);
    let lead = family(TagFamily::Leadership);
    let manage = family(TagFamily::Management);
    let all: Vec<Responsibility> = Responsibility::ALL.to_vec();
    let (members, links): (Vec<Member>, Vec<(&str, &str, LinkKind)>) = match kind {
        StageKind::FounderLed | StageKind::Custom => (
            vec![
                member(
                    "owner",
                    "Owner",
                    "Founder & CEO",
                    Function::Owner,
                    &all,
                    false,
                ),
                planned_ae("ae-1", 1),
                planned_ae("ae-2", 2),
            ],
            vec![
                ("ae-1", "owner", LinkKind::ReportsTo),
                ("ae-2", "owner", LinkKind::ReportsTo),
            ],
        ),
        StageKind::SplitRoles => (
            vec![
                member(
                    "owner",
                    "Owner",
                    "Founder & CEO",
                    Function::Owner,
                    &lead,
                    false,
                ),
                member(
                    "sales-manager",
                    "Sales Manager",
                    "Sales Manager",
                    Function::SalesManager,
                    &manage,
                    true,
                ),
                member(
                    "marketing",
                    "Marketing Lead",
                    "Marketing Lead",
                    Function::Marketing,
                    &[],
                    true,
                ),
                planned_ae("ae-1", 1),
                planned_ae("ae-2", 2),
            ],
            vec![
                ("sales-manager", "owner", LinkKind::ReportsTo),
                ("marketing", "owner", LinkKind::ReportsTo),
                ("ae-1", "sales-manager", LinkKind::ReportsTo),
                ("ae-2", "sales-manager", LinkKind::ReportsTo),
                ("marketing", "sales-manager", LinkKind::CollaboratesWith),
            ],
        ),
        StageKind::Converged => {
            let growth: Vec<Responsibility> = all
                .iter()
                .copied()
                .filter(|r| *r != Responsibility::Vision)
                .collect();
            (
                vec![
                    member(
                        "owner",
                        "Owner",
                        "Founder & CEO",
                        Function::Owner,
                        &[Responsibility::Vision],
                        false,
                    ),
                    member(
                        "growth-leader",
                        "Growth Leader",
                        "VP Growth",
                        Function::GrowthLeader,
                        &growth,
                        true,
                    ),
                    member(
                        "marketing",
                        "Marketing Lead",
                        "Head of Marketing",
                        Function::Marketing,
                        &[],
                        true,
                    ),
                    planned_ae("ae-1", 1),
                    planned_ae("ae-2", 2),
                ],
                vec![
                    ("growth-leader", "owner", LinkKind::ReportsTo),
                    ("marketing", "growth-leader", LinkKind::ReportsTo),
                    ("ae-1", "growth-leader", LinkKind::ReportsTo),
                    ("ae-2", "growth-leader", LinkKind::ReportsTo),
                ],
            )
        }
    };
    for m in members {
        // Template ids are distinct by construction.
        let _ = stage.add_member(m);
    }
    for (from, to, kind) in links {
        let _ = stage.add_link(&Link::new(from, to, kind));
    }
    stage
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;
    use crate::rules::{Severity, check_plan};

    #[test]
    fn every_template_passes_its_rules_without_warnings() {
        for kind in StageKind::ALL {
            let mut plan = Plan::new("t");
            plan.stages.push(stage_template(*kind, "s"));
            let findings = check_plan(&plan);
            let serious: Vec<_> = findings
                .iter()
                .filter(|f| f.severity != Severity::Info)
                .collect();
            assert!(serious.is_empty(), "{kind}: {serious:#?}");
            assert!(plan.stages[0].member_count() >= 3);
        }
    }

    #[test]
    fn no_two_members_of_a_template_share_a_name() {
        for kind in StageKind::ALL {
            let stage = stage_template(*kind, "s");
            let mut names: Vec<&str> = stage.members().map(|m| m.display_name()).collect();
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{kind:?}: {names:?}");
        }
    }
}
