//! What changes between two stages: members matched by id, hand-overs of
//! responsibilities, role merges, collaboration lines, and findings.

mod change;

use std::collections::{BTreeMap, HashSet};

pub use change::{Change, Who};

use crate::model::{LinkKind, Member, Plan, Responsibility, ResponsibilitySet, Stage};
use crate::rules::{Finding, check_stage};

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

    /// Up to `n` one-line captions for a presentation, most important first,
    /// with related changes grouped: one line per giver and taker of
    /// hand-overs, one for the new members, one per new manager.
    pub fn captions(&self, n: usize) -> Vec<String> {
        let mut lines = Vec::new();
        for change in &self.changes {
            if let Change::RoleMerge { .. } = change {
                lines.push(change.text());
            }
        }
        let mut hand_overs: Vec<(&Who, &Who, Vec<&str>)> = Vec::new();
        for change in &self.changes {
            if let Change::HandOver { tag, from, to } = change {
                match hand_overs
                    .iter_mut()
                    .find(|(f, t, _)| f.id == from.id && t.id == to.id)
                {
                    Some((_, _, tags)) => tags.push(tag),
                    None => hand_overs.push((from, to, vec![tag])),
                }
            }
        }
        for (from, to, tags) in hand_overs {
            let tags: Vec<String> = tags.iter().map(|t| t.replace('-', " ")).collect();
            lines.push(format!(
                "{} hands {} to {}",
                from.name,
                join(&tags, 6),
                to.name
            ));
        }
        let added: Vec<String> = self
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::Added { member, .. } => Some(member.name.clone()),
                _ => None,
            })
            .collect();
        if !added.is_empty() {
            lines.push(format!("New: {}", join(&added, 4)));
        }
        let mut moved: Vec<(Option<&Who>, Vec<String>)> = Vec::new();
        for change in &self.changes {
            if let Change::Moved {
                member,
                new_manager,
                ..
            } = change
            {
                let key = new_manager.as_ref();
                match moved
                    .iter_mut()
                    .find(|(m, _)| m.map(|w| &w.id) == key.map(|w| &w.id))
                {
                    Some((_, names)) => names.push(member.name.clone()),
                    None => moved.push((key, vec![member.name.clone()])),
                }
            }
        }
        for (manager, names) in moved {
            let to = manager.map_or("nobody".to_owned(), |w| w.name.clone());
            lines.push(format!("Now reporting to {to}: {}", join(&names, 4)));
        }
        let removed: Vec<String> = self
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::Removed { member } => Some(member.name.clone()),
                _ => None,
            })
            .collect();
        if !removed.is_empty() {
            lines.push(format!("Leaving: {}", join(&removed, 4)));
        }
        for change in &self.changes {
            if matches!(
                change,
                Change::FindingIntroduced { .. } | Change::FindingFixed { .. }
            ) {
                lines.push(change.text());
            }
        }
        lines.truncate(n);
        lines
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
    changes.extend(role_merges(a, b));
    changes.extend(hand_overs(a, b));
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

/// "a, b and c", or "a, b, c and 5 more" past `max` items.
fn join(items: &[String], max: usize) -> String {
    if items.len() > max {
        return format!("{} and {} more", items[..max].join(", "), items.len() - max);
    }
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
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

/// Tag T held by A-members who no longer hold it, and by B-members who did
/// not hold it: one hand-over per (giver, taker) pair. When both sides have
/// several members they are paired in order, extras with the last.
fn hand_overs(a: &Stage, b: &Stage) -> Vec<Change> {
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
        let pairs: Vec<(&Member, &Member)> = if givers.len() == 1 || takers.len() == 1 {
            givers
                .iter()
                .flat_map(|g| takers.iter().map(move |t| (*g, *t)))
                .collect()
        } else {
            let n = givers.len().max(takers.len());
            (0..n)
                .map(|i| {
                    (
                        givers[i.min(givers.len() - 1)],
                        takers[i.min(takers.len() - 1)],
                    )
                })
                .collect()
        };
        for (g, t) in pairs {
            out.push(Change::HandOver {
                tag: r.id().to_owned(),
                from: who(g),
                to: who(t),
            });
        }
    }
    out
}

/// A member of B whose responsibilities carry at least two roles of A: its
/// own (if it kept at least half of it) and those of others who handed at
/// least half of theirs to it.
fn role_merges(a: &Stage, b: &Stage) -> Vec<Change> {
    let mut out = Vec::new();
    for mb in b.members() {
        let now = mb.responsibilities();
        if now.is_empty() {
            continue;
        }
        let before = core(a, &mb.id);
        let count = |s: ResponsibilitySet| s.iter().count();
        let mut sources = Vec::new();
        if !before.is_empty() && 2 * count(before.intersection(now)) >= count(before) {
            sources.push(who(mb));
        }
        for ma in a.members().filter(|m| m.id != mb.id) {
            let theirs = ma.responsibilities();
            if theirs.is_empty() {
                continue;
            }
            let given = theirs.difference(core(b, &ma.id));
            let taken = given.intersection(now).difference(before);
            if !taken.is_empty() && 2 * count(taken) >= count(theirs) {
                sources.push(who(ma));
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
/// rule and members.
fn finding_changes(a: &[Finding], b: &[Finding]) -> Vec<Change> {
    let key = |f: &Finding| {
        let mut members = f.members.clone();
        members.sort();
        (f.rule, members)
    };
    let ka: BTreeMap<_, &Finding> = a.iter().map(|f| (key(f), f)).collect();
    let kb: BTreeMap<_, &Finding> = b.iter().map(|f| (key(f), f)).collect();
    let mut out = Vec::new();
    for f in a.iter().filter(|f| !kb.contains_key(&key(f))) {
        out.push(Change::FindingFixed {
            rule: f.rule.to_owned(),
            members: f.members.clone(),
            message: f.message.clone(),
        });
    }
    for f in b.iter().filter(|f| !ka.contains_key(&key(f))) {
        out.push(Change::FindingIntroduced {
            rule: f.rule.to_owned(),
            members: f.members.clone(),
            message: f.message.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests;
