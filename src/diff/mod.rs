//! What changes between two stages: members matched by id, hand-overs of
//! responsibilities, role merges, collaboration lines, and findings.

mod captions;
mod change;

use std::collections::{BTreeMap, HashMap, HashSet};

pub use change::{Change, Who};

use crate::model::{LinkKind, Member, Plan, Responsibility, ResponsibilitySet, Stage};
use crate::rules::{Finding, check_stage, tag_list};

/// The changes from one stage to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageDiff {
    /// Id of the earlier stage (A).
    pub from: String,
    /// Id of the later stage (B).
    pub to: String,
    /// The changes, grouped by kind in a fixed order.
    pub changes: Vec<Change>,
}

impl StageDiff {
    /// The `n` most important changes, for captions.
    pub fn highlights(&self, n: usize) -> Vec<&Change> {
        let mut ranked: Vec<&Change> = self.changes.iter().collect();
        ranked.sort_by_key(|c| c.importance());
        ranked.truncate(n);
        ranked
    }

    /// Whether a member of B is new.
    pub fn is_added(&self, id: &str) -> bool {
        self.changes
            .iter()
            .any(|c| matches!(c, Change::Added { member, .. } if member.id == id))
    }

    /// Whether a member of B has a new manager.
    pub fn is_moved(&self, id: &str) -> bool {
        self.changes
            .iter()
            .any(|c| matches!(c, Change::Moved { member, .. } if member.id == id))
    }
}

/// Diffs the stages at positions `a` and `b` of `plan`, findings included.
pub fn diff_plan_stages(plan: &Plan, a: usize, b: usize) -> Option<StageDiff> {
    let (sa, sb) = (plan.stages.get(a)?, plan.stages.get(b)?);
    let mut diff = diff_stages(sa, sb);
    diff.changes.extend(finding_changes(
        &check_stage(plan, a),
        &check_stage(plan, b),
    ));
    Some(diff)
}

/// Diffs two stages' members and lines (no findings).
pub fn diff_stages(a: &Stage, b: &Stage) -> StageDiff {
    let mut changes = Vec::new();
    let pairs = hand_over_pairs(a, b);
    changes.extend(role_merges(a, b, &pairs));
    changes.extend(hand_overs(&pairs));
    for m in b.members().filter(|m| a.member(&m.id).is_none()) {
        changes.push(Change::Added {
            member: who(m),
            function: m.function.id().to_owned(),
            manager: b.manager_of(&m.id).map(who),
        });
    }
    for m in a.members().filter(|m| b.member(&m.id).is_none()) {
        changes.push(Change::Removed { member: who(m) });
    }
    changes.extend(same_names(a, b));
    let both: Vec<(&Member, &Member)> = b
        .members()
        .filter_map(|mb| a.member(&mb.id).map(|ma| (ma, mb)))
        .collect();
    for (ma, mb) in &both {
        if ma.name != mb.name {
            changes.push(Change::Renamed {
                id: mb.id.clone(),
                old: ma.name.clone(),
                new: mb.name.clone(),
            });
        }
    }
    for (ma, mb) in &both {
        if ma.title != mb.title {
            changes.push(Change::Retitled {
                member: who(mb),
                old: ma.title.clone(),
                new: mb.title.clone(),
            });
        }
    }
    for (ma, mb) in &both {
        if ma.function != mb.function {
            changes.push(Change::FunctionChanged {
                member: who(mb),
                old: ma.function.id().to_owned(),
                new: mb.function.id().to_owned(),
            });
        }
    }
    for (ma, mb) in &both {
        match (ma.planned, mb.planned) {
            (true, false) => changes.push(Change::HireFilled { member: who(mb) }),
            (false, true) => changes.push(Change::HireOpened { member: who(mb) }),
            _ => {}
        }
    }
    for (ma, mb) in &both {
        let old = a.manager_of(&ma.id);
        let new = b.manager_of(&mb.id);
        if old.map(|m| &m.id) != new.map(|m| &m.id) {
            changes.push(Change::Moved {
                member: who(mb),
                old_manager: old.map(who),
                new_manager: new.map(who),
            });
        }
    }
    for (ma, mb) in &both {
        let gained = tags_missing_from(mb, ma);
        if !gained.is_empty() {
            changes.push(Change::TagsGained {
                member: who(mb),
                tags: gained,
            });
        }
    }
    for (ma, mb) in &both {
        let lost = tags_missing_from(ma, mb);
        if !lost.is_empty() {
            changes.push(Change::TagsLost {
                member: who(mb),
                tags: lost,
            });
        }
    }
    changes.extend(collaboration_changes(a, b));
    StageDiff {
        from: a.id.clone(),
        to: b.id.clone(),
        changes,
    }
}

/// The tags of `a` that `b` does not carry, as file ids.
fn tags_missing_from(a: &Member, b: &Member) -> Vec<String> {
    a.tags
        .iter()
        .filter(|t| !b.has_tag(t))
        .map(|t| t.to_string())
        .collect()
}

fn who(m: &Member) -> Who {
    Who {
        id: m.id.clone(),
        name: m.display_name().to_owned(),
    }
}

fn core(stage: &Stage, id: &str) -> ResponsibilitySet {
    stage
        .member(id)
        .map(Member::responsibilities)
        .unwrap_or_default()
}

/// Tag T held by A-members who no longer hold it (givers), and by
/// B-members who did not hold it (takers). Each giver is paired with the
/// taker who now holds most of the giver's tags, and each taker left over
/// with the giver whose tags it holds most; ties go to the smaller id, so
/// the file order never decides.
fn hand_overs(pairs: &[(Responsibility, &Member, &Member)]) -> Vec<Change> {
    pairs
        .iter()
        .map(|(r, g, t)| Change::HandOver {
            tag: r.id().to_owned(),
            from: who(g),
            to: who(t),
        })
        .collect()
}

/// The hand-overs as (tag, giver, taker). Candidates are grouped by the
/// set of tags they hold (at most a few hundred groups in practice), so
/// finding a giver's best taker does not scan every taker.
fn hand_over_pairs<'m>(
    a: &'m Stage,
    b: &'m Stage,
) -> Vec<(Responsibility, &'m Member, &'m Member)> {
    let mut out = Vec::new();
    for r in Responsibility::ALL {
        let givers: Vec<&Member> = a
            .members()
            .filter(|m| m.responsibilities().contains(r) && !core(b, &m.id).contains(r))
            .collect();
        let takers: Vec<&Member> = b
            .members()
            .filter(|m| m.responsibilities().contains(r) && !core(a, &m.id).contains(r))
            .collect();
        if givers.is_empty() || takers.is_empty() {
            continue;
        }
        let taker_groups = groups(&takers);
        let giver_groups = groups(&givers);
        let mut paired: HashSet<&str> = HashSet::new();
        for g in &givers {
            let held = g.responsibilities();
            if let Some(t) = best(&taker_groups, |set| held.intersection(set).len()) {
                paired.insert(t.id.as_str());
                out.push((r, *g, t));
            }
        }
        for t in &takers {
            if paired.contains(t.id.as_str()) {
                continue;
            }
            let held = t.responsibilities();
            if let Some(g) = best(&giver_groups, |set| held.intersection(set).len()) {
                out.push((r, g, *t));
            }
        }
    }
    out
}

/// Members grouped by the tags they hold: each distinct set once, with the
/// member of the smallest id holding it.
fn groups<'m>(members: &[&'m Member]) -> Vec<(ResponsibilitySet, &'m Member)> {
    let mut by_set: HashMap<ResponsibilitySet, &'m Member> = HashMap::new();
    for m in members {
        by_set
            .entry(m.responsibilities())
            .and_modify(|best| {
                if m.id < best.id {
                    *best = m;
                }
            })
            .or_insert(m);
    }
    let mut out: Vec<_> = by_set.into_iter().collect();
    out.sort_by(|x, y| x.1.id.cmp(&y.1.id));
    out
}

/// The member whose group scores highest; on a tie, the smaller id.
fn best<'m>(
    groups: &[(ResponsibilitySet, &'m Member)],
    score: impl Fn(ResponsibilitySet) -> usize,
) -> Option<&'m Member> {
    groups
        .iter()
        .min_by(|x, y| {
            score(y.0)
                .cmp(&score(x.0))
                .then_with(|| x.1.id.cmp(&y.1.id))
        })
        .map(|(_, m)| *m)
}

/// A member removed and another added with the same name: orgevo matches
/// people by id, so it treats them as two people, and says so.
fn same_names(a: &Stage, b: &Stage) -> Vec<Change> {
    let removed: HashMap<&str, &Member> = a
        .members()
        .filter(|m| b.member(&m.id).is_none() && !m.name.trim().is_empty())
        .map(|m| (m.name.trim(), m))
        .collect();
    b.members()
        .filter(|m| a.member(&m.id).is_none())
        .filter_map(|added| {
            let gone = removed.get(added.name.trim())?;
            Some(Change::SameNameNewId {
                name: added.name.trim().to_owned(),
                removed: gone.id.clone(),
                added: added.id.clone(),
            })
        })
        .collect()
}

/// A member of B whose responsibilities carry at least two roles of A: its
/// own (if it kept at least half of it) and those of others who handed at
/// least half of theirs to it (as the hand-overs pair them). Linear in the
/// members and hand-overs.
fn role_merges(a: &Stage, b: &Stage, pairs: &[(Responsibility, &Member, &Member)]) -> Vec<Change> {
    // For each taker, the givers and the tags each handed to it.
    let mut handed: HashMap<&str, Vec<(&Member, ResponsibilitySet)>> = HashMap::new();
    for (r, g, t) in pairs {
        let list = handed.entry(t.id.as_str()).or_default();
        match list.iter_mut().find(|(giver, _)| giver.id == g.id) {
            Some((_, set)) => set.insert(*r),
            None => {
                let mut set = ResponsibilitySet::EMPTY;
                set.insert(*r);
                list.push((g, set));
            }
        }
    }
    let order = |m: &Member| a.node(&m.id).map_or(usize::MAX, |n| n.index());
    let mut out = Vec::new();
    for mb in b.members() {
        let now = mb.responsibilities();
        if now.is_empty() {
            continue;
        }
        let before = core(a, &mb.id);
        let mut sources = Vec::new();
        if !before.is_empty() && 2 * before.intersection(now).len() >= before.len() {
            sources.push(who(mb));
        }
        if let Some(givers) = handed.get_mut(mb.id.as_str()) {
            givers.sort_by_key(|(g, _)| order(g));
            for (ma, taken) in givers.iter() {
                if ma.id != mb.id && 2 * taken.len() >= ma.responsibilities().len() {
                    sources.push(who(ma));
                }
            }
        }
        if sources.len() >= 2 {
            out.push(Change::RoleMerge {
                into: who(mb),
                from: sources,
            });
        }
    }
    out
}

/// Collaboration lines added and removed (undirected). Reporting lines are
/// covered by added, removed and moved members.
fn collaboration_changes(a: &Stage, b: &Stage) -> Vec<Change> {
    let pairs = |s: &Stage| -> Vec<(String, String)> {
        s.links()
            .filter(|l| l.kind == LinkKind::CollaboratesWith)
            .map(|l| {
                if l.from <= l.to {
                    (l.from, l.to)
                } else {
                    (l.to, l.from)
                }
            })
            .collect()
    };
    let (pa, pb) = (pairs(a), pairs(b));
    let (sa, sb): (HashSet<_>, HashSet<_>) = (pa.iter().collect(), pb.iter().collect());
    let name = |s: &Stage, id: &str| Who {
        id: id.to_owned(),
        name: s
            .member(id)
            .map_or(id.to_owned(), |m| m.display_name().to_owned()),
    };
    let line = LinkKind::CollaboratesWith.id().to_owned();
    let mut out = Vec::new();
    for (x, y) in pb.iter().filter(|p| !sa.contains(p)) {
        out.push(Change::LineAdded {
            from: name(b, x),
            to: name(b, y),
            line: line.clone(),
        });
    }
    for (x, y) in pa.iter().filter(|p| !sb.contains(p)) {
        out.push(Change::LineRemoved {
            from: name(a, x),
            to: name(a, y),
            line: line.clone(),
        });
    }
    out
}

/// Findings of A gone in B (fixed) and new in B (introduced), matched by
/// rule and members; `responsibility-uncovered` is matched by its tags, so
/// a tag covered again is a fix even while others stay uncovered.
fn finding_changes(a: &[Finding], b: &[Finding]) -> Vec<Change> {
    const UNCOVERED: &str = "responsibility-uncovered";
    let key = |f: &Finding| {
        let mut members = f.members.clone();
        members.sort();
        (f.rule, members)
    };
    let keyed = |fs: &[Finding]| -> BTreeMap<_, ()> {
        fs.iter()
            .filter(|f| f.rule != UNCOVERED)
            .map(|f| (key(f), ()))
            .collect()
    };
    let (ka, kb) = (keyed(a), keyed(b));
    let mut out = Vec::new();
    for f in a
        .iter()
        .filter(|f| f.rule != UNCOVERED && !kb.contains_key(&key(f)))
    {
        out.push(Change::FindingFixed {
            rule: f.rule.to_owned(),
            members: f.members.clone(),
            message: f.message.clone(),
        });
    }
    for f in b
        .iter()
        .filter(|f| f.rule != UNCOVERED && !ka.contains_key(&key(f)))
    {
        out.push(Change::FindingIntroduced {
            rule: f.rule.to_owned(),
            members: f.members.clone(),
            message: f.message.clone(),
        });
    }
    let uncovered = |fs: &[Finding]| {
        fs.iter()
            .filter(|f| f.rule == UNCOVERED)
            .fold(ResponsibilitySet::EMPTY, |set, f| set.union(f.tags))
    };
    let (ua, ub) = (uncovered(a), uncovered(b));
    let covered_again = ua.difference(ub);
    if !covered_again.is_empty() {
        out.push(Change::FindingFixed {
            rule: UNCOVERED.to_owned(),
            members: Vec::new(),
            message: format!("{} now held", tag_list(covered_again)),
        });
    }
    let newly_uncovered = ub.difference(ua);
    if !newly_uncovered.is_empty() {
        out.push(Change::FindingIntroduced {
            rule: UNCOVERED.to_owned(),
            members: Vec::new(),
            message: format!("Nobody holds {}", tag_list(newly_uncovered)),
        });
    }
    out
}

#[cfg(test)]
mod tests;
