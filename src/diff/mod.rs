//! What changes between two stages: members matched by id, hand-overs of
//! responsibilities, role merges, collaboration lines, and findings.

mod captions;
mod change;
mod grouped;

use std::collections::{BTreeMap, HashMap, HashSet};

pub use change::{Change, Who};
pub use grouped::{ChangeGroup, ChangeLine, ChangeRow, Tone};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::model::{LinkKind, Member, Plan, Responsibility, ResponsibilitySet, Stage};
use crate::rules::{Finding, check_stage, settled_sentence, short_sentence, tag_list};

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
}

/// Diffs the stages at positions `a` and `b` of `plan`, findings included.
pub fn diff_plan_stages(plan: &Plan, a: usize, b: usize) -> Option<StageDiff> {
    let (sa, sb) = (plan.stages.get(a)?, plan.stages.get(b)?);
    Some(diff_with_findings(
        sa,
        sb,
        &check_stage(plan, a),
        &check_stage(plan, b),
    ))
}

/// Diffs two stages whose findings are already known (e.g. kept by
/// [`crate::rules::PlanFindings`]), findings changes included.
pub fn diff_with_findings(
    a: &Stage,
    b: &Stage,
    findings_a: &[Finding],
    findings_b: &[Finding],
) -> StageDiff {
    let mut diff = diff_stages(a, b);
    diff.changes
        .extend(finding_changes(a, findings_a, findings_b));
    diff
}

/// Diffs two stages' members and lines (no findings). Linear in members
/// and lines (plus sorting ids once): each member is looked up in the other
/// stage once.
pub fn diff_stages(a: &Stage, b: &Stage) -> StageDiff {
    let (side_a, side_b) = Side::both(a, b);
    let mut changes = Vec::new();
    let pairs = hand_over_pairs(&side_a, &side_b);
    changes.extend(role_merges(&side_b, &pairs));
    changes.extend(hand_overs(&pairs));
    for e in side_b.entries.iter().filter(|e| e.other.is_none()) {
        let m = e.member;
        changes.push(Change::Added {
            member: who(m),
            function: m.function.id().to_owned(),
            manager: b.manager_node(e.node).and_then(|n| b.member_at(n)).map(who),
        });
    }
    for e in side_a.entries.iter().filter(|e| e.other.is_none()) {
        changes.push(Change::Removed {
            member: who(e.member),
        });
    }
    changes.extend(same_names(&side_a, &side_b));
    // (member in A, member in B, node in A, node in B), in B's order.
    let both: Vec<(&Member, &Member, NodeIndex, NodeIndex)> = side_b
        .entries
        .iter()
        .filter_map(|e| {
            let (ma, na) = e.other?;
            Some((ma, e.member, na, e.node))
        })
        .collect();
    for (ma, mb, ..) in &both {
        if ma.name != mb.name {
            changes.push(Change::Renamed {
                id: mb.id.clone(),
                old: ma.name.clone(),
                new: mb.name.clone(),
            });
        }
    }
    for (ma, mb, ..) in &both {
        if ma.title != mb.title {
            changes.push(Change::Retitled {
                member: who(mb),
                old: ma.title.clone(),
                new: mb.title.clone(),
            });
        }
    }
    for (ma, mb, ..) in &both {
        if ma.function != mb.function {
            changes.push(Change::FunctionChanged {
                member: who(mb),
                old: ma.function.id().to_owned(),
                new: mb.function.id().to_owned(),
            });
        }
    }
    for (ma, mb, ..) in &both {
        match (ma.planned, mb.planned) {
            (true, false) => changes.push(Change::HireFilled { member: who(mb) }),
            (false, true) => changes.push(Change::HireOpened { member: who(mb) }),
            _ => {}
        }
    }
    for (_, mb, na, nb) in &both {
        let old = a.manager_node(*na).and_then(|n| a.member_at(n));
        let new = b.manager_node(*nb).and_then(|n| b.member_at(n));
        if old.map(|m| &m.id) != new.map(|m| &m.id) {
            changes.push(Change::Moved {
                member: who(mb),
                old_manager: old.map(who),
                new_manager: new.map(who),
            });
        }
    }
    for (ma, mb, ..) in &both {
        let gained = tags_missing_from(mb, ma);
        if !gained.is_empty() {
            changes.push(Change::TagsGained {
                member: who(mb),
                tags: gained,
            });
        }
    }
    for (ma, mb, ..) in &both {
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

/// One member of a stage, matched once with the other stage.
struct Entry<'m> {
    member: &'m Member,
    node: NodeIndex,
    /// The core responsibilities held here.
    held: ResponsibilitySet,
    /// The same id in the other stage, and its node.
    other: Option<(&'m Member, NodeIndex)>,
    /// The core responsibilities the same id holds in the other stage.
    held_there: ResponsibilitySet,
    /// Position among its side's entries: who it is, for flags and maps.
    position: usize,
}

/// A stage's members in stable order, each matched with the other stage.
struct Side<'m> {
    entries: Vec<Entry<'m>>,
}

impl<'m> Side<'m> {
    /// Both stages' sides. Each member of `a` is looked up in `b` once; `b`'s
    /// matches come from those lookups.
    fn both(a: &'m Stage, b: &'m Stage) -> (Self, Self) {
        let side_a = Self::of(a, |_, member| {
            b.node(&member.id)
                .and_then(|n| b.member_at(n).map(|m| (m, n)))
        });
        let mut back = vec![None; b.graph().node_bound()];
        for e in &side_a.entries {
            if let Some((_, node)) = e.other {
                back[node.index()] = Some((e.member, e.node));
            }
        }
        let side_b = Self::of(b, |node, _| back.get(node.index()).copied().flatten());
        (side_a, side_b)
    }

    fn of(
        stage: &'m Stage,
        other: impl Fn(NodeIndex, &'m Member) -> Option<(&'m Member, NodeIndex)>,
    ) -> Self {
        let graph = stage.graph();
        let entries = graph
            .node_indices()
            .enumerate()
            .map(|(position, node)| {
                let member: &Member = &graph[node];
                let there = other(node, member);
                Entry {
                    member,
                    node,
                    held: member.responsibilities(),
                    held_there: there.map(|(m, _)| m.responsibilities()).unwrap_or_default(),
                    other: there,
                    position,
                }
            })
            .collect();
        Self { entries }
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

/// A hand-over: the tag, the giver (in A) and the taker (in B).
type Pair<'m> = (Responsibility, &'m Entry<'m>, &'m Entry<'m>);

fn hand_overs(pairs: &[Pair<'_>]) -> Vec<Change> {
    pairs
        .iter()
        .map(|(r, g, t)| Change::HandOver {
            tag: r.id().to_owned(),
            from: who(g.member),
            to: who(t.member),
        })
        .collect()
}

/// Tag T held by A-members who no longer hold it (givers), and by
/// B-members who did not hold it (takers). Each giver is paired with the
/// taker who now holds most of the giver's tags, and each taker left over
/// with the giver whose tags it holds most; ties go to the smaller id, so
/// the file order never decides. Candidates are grouped by the set of tags
/// they hold, and the best group is found once per distinct set.
fn hand_over_pairs<'m>(a: &'m Side<'m>, b: &'m Side<'m>) -> Vec<Pair<'m>> {
    let mut out = Vec::new();
    for r in Responsibility::ALL {
        let moving = |side: &'m Side<'m>| -> Vec<&'m Entry<'m>> {
            side.entries
                .iter()
                .filter(|e| e.held.contains(r) && !e.held_there.contains(r))
                .collect()
        };
        let (givers, takers) = (moving(a), moving(b));
        if givers.is_empty() || takers.is_empty() {
            continue;
        }
        let (taker_groups, giver_groups) = (groups(&takers), groups(&givers));
        let mut paired = vec![false; b.entries.len()];
        let mut best_taker: HashMap<ResponsibilitySet, &'m Entry<'m>> = HashMap::new();
        for g in &givers {
            let t = *best_taker
                .entry(g.held)
                .or_insert_with(|| best(&taker_groups, g.held));
            paired[t.position] = true;
            out.push((r, *g, t));
        }
        let mut best_giver: HashMap<ResponsibilitySet, &'m Entry<'m>> = HashMap::new();
        for t in takers.iter().filter(|t| !paired[t.position]) {
            let g = *best_giver
                .entry(t.held)
                .or_insert_with(|| best(&giver_groups, t.held));
            out.push((r, g, *t));
        }
    }
    out
}

/// Entries grouped by the tags they hold: each distinct set once, with the
/// entry of the smallest id holding it, in id order. Never empty when
/// `entries` is not.
fn groups<'m>(entries: &[&'m Entry<'m>]) -> Vec<(ResponsibilitySet, &'m Entry<'m>)> {
    let mut by_set: HashMap<ResponsibilitySet, &'m Entry<'m>> = HashMap::new();
    for e in entries {
        by_set
            .entry(e.held)
            .and_modify(|best| {
                if e.member.id < best.member.id {
                    *best = e;
                }
            })
            .or_insert(e);
    }
    let mut out: Vec<_> = by_set.into_iter().collect();
    out.sort_by(|(_, x), (_, y)| x.member.id.cmp(&y.member.id));
    out
}

/// The entry whose group shares most tags with `held`; on a tie, the
/// smaller id. `groups` is not empty.
fn best<'m>(
    groups: &[(ResponsibilitySet, &'m Entry<'m>)],
    held: ResponsibilitySet,
) -> &'m Entry<'m> {
    let mut winner = groups[0];
    for &(set, e) in &groups[1..] {
        let (score, top) = (
            held.intersection(set).len(),
            held.intersection(winner.0).len(),
        );
        if score > top || (score == top && e.member.id < winner.1.member.id) {
            winner = (set, e);
        }
    }
    winner.1
}

/// A member removed and another added with the same name: orgevo matches
/// people by id, so it treats them as two people, and says so.
fn same_names(a: &Side<'_>, b: &Side<'_>) -> Vec<Change> {
    let removed: HashMap<&str, &Member> = a
        .entries
        .iter()
        .filter(|e| e.other.is_none() && !e.member.name.trim().is_empty())
        .map(|e| (e.member.name.trim(), e.member))
        .collect();
    if removed.is_empty() {
        return Vec::new();
    }
    b.entries
        .iter()
        .filter(|e| e.other.is_none())
        .filter_map(|added| {
            let name = added.member.name.trim();
            let gone = removed.get(name)?;
            Some(Change::SameNameNewId {
                name: name.to_owned(),
                removed: gone.id.clone(),
                added: added.member.id.clone(),
            })
        })
        .collect()
}

/// A member of B whose responsibilities carry at least two roles of A: its
/// own (if it kept at least half of it) and those of others who handed at
/// least half of theirs to it (as the hand-overs pair them). Linear in the
/// members and hand-overs.
fn role_merges(b: &Side<'_>, pairs: &[Pair<'_>]) -> Vec<Change> {
    // For each taker (by position in B), the givers and the tags each handed.
    let mut handed: HashMap<usize, Vec<(&Entry<'_>, ResponsibilitySet)>> = HashMap::new();
    for (r, g, t) in pairs {
        let list = handed.entry(t.position).or_default();
        match list
            .iter_mut()
            .find(|(giver, _)| giver.position == g.position)
        {
            Some((_, set)) => set.insert(*r),
            None => {
                let mut set = ResponsibilitySet::EMPTY;
                set.insert(*r);
                list.push((g, set));
            }
        }
    }
    let mut out = Vec::new();
    for eb in &b.entries {
        let now = eb.held;
        if now.is_empty() {
            continue;
        }
        let before = eb.held_there;
        let mut sources = Vec::new();
        if !before.is_empty() && 2 * before.intersection(now).len() >= before.len() {
            sources.push(who(eb.member));
        }
        if let Some(givers) = handed.get_mut(&eb.position) {
            // In A's member order.
            givers.sort_by_key(|(g, _)| g.node.index());
            for (ga, taken) in givers.iter() {
                if ga.member.id != eb.member.id && 2 * taken.len() >= ga.held.len() {
                    sources.push(who(ga.member));
                }
            }
        }
        if sources.len() >= 2 {
            out.push(Change::RoleMerge {
                into: who(eb.member),
                from: sources,
            });
        }
    }
    out
}

/// Collaboration lines added and removed (undirected). Reporting lines are
/// covered by added, removed and moved members.
fn collaboration_changes<'s>(a: &'s Stage, b: &'s Stage) -> Vec<Change> {
    let pairs = |s: &'s Stage| -> Vec<(&'s str, &'s str)> {
        let graph = s.graph();
        graph
            .edge_references()
            .filter(|e| *e.weight() == LinkKind::CollaboratesWith)
            .map(|e| {
                let (from, to) = (graph[e.source()].id.as_str(), graph[e.target()].id.as_str());
                if from <= to { (from, to) } else { (to, from) }
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
/// Fixed findings are told with the names they had in `stage_a`.
fn finding_changes(stage_a: &Stage, a: &[Finding], b: &[Finding]) -> Vec<Change> {
    let names = |stage: &Stage, f: &Finding| -> Vec<String> {
        f.members
            .iter()
            .map(|id| {
                stage
                    .member(id)
                    .map_or(id.as_str(), |m| m.display_name())
                    .to_owned()
            })
            .collect()
    };
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
            sentence: settled_sentence(f.rule, &names(stage_a, f), &f.message),
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
            sentence: short_sentence(&f.message),
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
            sentence: format!("Someone holds {} again", tag_list(covered_again)),
        });
    }
    let newly_uncovered = ub.difference(ua);
    if !newly_uncovered.is_empty() {
        out.push(Change::FindingIntroduced {
            rule: UNCOVERED.to_owned(),
            members: Vec::new(),
            message: format!("Nobody holds {}", tag_list(newly_uncovered)),
            sentence: format!("Nobody holds {}", tag_list(newly_uncovered)),
        });
    }
    out
}

#[cfg(test)]
mod tests;
