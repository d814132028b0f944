//! The changes of a stage as the Changes panel lists them: under a heading
//! per kind (roles, people, reporting lines, findings), with every
//! hand-over between the same two people on one line.

use std::collections::HashMap;

use super::change::tag_word;
use super::{Change, StageDiff, Who};

/// A heading of the Changes panel, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeGroup {
    /// Role merges, hand-overs, responsibilities taken on or given up.
    Roles,
    /// Who joins, leaves, is hired or renamed, and new titles and functions.
    People,
    /// New managers and lines added or removed.
    Lines,
    /// Findings fixed and introduced.
    Findings,
}

impl ChangeGroup {
    /// The heading.
    pub fn label(self) -> &'static str {
        match self {
            Self::Roles => "Roles and responsibilities",
            Self::People => "People",
            Self::Lines => "Reporting and collaboration lines",
            Self::Findings => "Findings",
        }
    }

    fn of(change: &Change) -> Self {
        match change {
            Change::RoleMerge { .. }
            | Change::HandOver { .. }
            | Change::TagsGained { .. }
            | Change::TagsLost { .. } => Self::Roles,
            Change::Added { .. }
            | Change::Removed { .. }
            | Change::Renamed { .. }
            | Change::Retitled { .. }
            | Change::FunctionChanged { .. }
            | Change::HireFilled { .. }
            | Change::HireOpened { .. }
            | Change::SameNameNewId { .. } => Self::People,
            Change::Moved { .. } | Change::LineAdded { .. } | Change::LineRemoved { .. } => {
                Self::Lines
            }
            Change::FindingFixed { .. } | Change::FindingIntroduced { .. } => Self::Findings,
        }
    }
}

/// How a line of the Changes panel reads: its colour there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something gained: a new member, a fixed finding.
    Gained,
    /// Something lost: a leaver, a new finding.
    Lost,
    /// Responsibilities changing hands.
    HandedOver,
    /// Anything else.
    Plain,
}

/// One line of the Changes panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeLine {
    /// The change in words.
    pub text: String,
    /// Its colour.
    pub tone: Tone,
}

/// One row of the Changes panel's list: a heading with how many lines
/// follow it, or a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeRow {
    /// A group's heading and its number of lines.
    Heading(ChangeGroup, usize),
    /// A change.
    Line(ChangeLine),
}

impl StageDiff {
    /// [`StageDiff::grouped`] as one list of rows, headings first in each
    /// group (worked out once per diff, not per frame).
    pub fn rows(&self) -> Vec<ChangeRow> {
        self.grouped()
            .into_iter()
            .flat_map(|(group, lines)| {
                std::iter::once(ChangeRow::Heading(group, lines.len()))
                    .chain(lines.into_iter().map(ChangeRow::Line))
            })
            .collect()
    }

    /// The changes under their headings (headings without changes left
    /// out), hand-overs from one person to another joined into one line in
    /// the order of their first hand-over.
    pub fn grouped(&self) -> Vec<(ChangeGroup, Vec<ChangeLine>)> {
        let mut groups: Vec<(ChangeGroup, Vec<ChangeLine>)> = Vec::new();
        let mut hand_overs: Vec<(&Who, &Who, Vec<String>)> = Vec::new();
        let mut push = |group: ChangeGroup, line: ChangeLine| match groups
            .iter_mut()
            .find(|(g, _)| *g == group)
        {
            Some((_, lines)) => lines.push(line),
            None => groups.push((group, vec![line])),
        };
        // Tags that change hands are told once, on the hand-over line: the
        // giver's "gives up" and the taker's "takes on" leave them out.
        // (member id, whether given) → the tags handed over; counted once,
        // so a stage with thousands of changes stays linear.
        let mut handed_map: HashMap<(&str, bool), Vec<&str>> = HashMap::new();
        for change in &self.changes {
            if let Change::HandOver { tag, from, to } = change {
                handed_map.entry((&from.id, true)).or_default().push(tag);
                handed_map.entry((&to.id, false)).or_default().push(tag);
            }
        }
        for change in &self.changes {
            if let Change::HandOver { tag, from, to } = change {
                match hand_overs
                    .iter_mut()
                    .find(|(f, t, _)| f.id == from.id && t.id == to.id)
                {
                    Some((_, _, tags)) => tags.push(tag_word(tag)),
                    None => hand_overs.push((from, to, vec![tag_word(tag)])),
                }
                continue;
            }
            let trimmed;
            let change = match change {
                Change::TagsLost { member, tags } | Change::TagsGained { member, tags } => {
                    let given = matches!(change, Change::TagsLost { .. });
                    let moved = handed_map
                        .get(&(member.id.as_str(), given))
                        .map_or(&[][..], Vec::as_slice);
                    let rest: Vec<String> = tags
                        .iter()
                        .filter(|t| !moved.contains(&t.as_str()))
                        .cloned()
                        .collect();
                    if rest.is_empty() {
                        continue;
                    }
                    let member = member.clone();
                    trimmed = if given {
                        Change::TagsLost { member, tags: rest }
                    } else {
                        Change::TagsGained { member, tags: rest }
                    };
                    &trimmed
                }
                other => other,
            };
            let tone = match change {
                Change::Added { .. } | Change::HireFilled { .. } | Change::FindingFixed { .. } => {
                    Tone::Gained
                }
                Change::Removed { .. } | Change::FindingIntroduced { .. } => Tone::Lost,
                Change::RoleMerge { .. } => Tone::HandedOver,
                _ => Tone::Plain,
            };
            push(
                ChangeGroup::of(change),
                ChangeLine {
                    text: change.text(),
                    tone,
                },
            );
        }
        for (from, to, tags) in hand_overs {
            push(
                ChangeGroup::Roles,
                ChangeLine {
                    text: format!(
                        "{} hands {} to {}",
                        from.name,
                        crate::rules::join_words(tags),
                        to.name
                    ),
                    tone: Tone::HandedOver,
                },
            );
        }
        groups.sort_by_key(|(group, _)| *group);
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(id: &str) -> Who {
        Who {
            id: id.into(),
            name: id.to_uppercase(),
        }
    }

    fn hand_over(tag: &str, from: &str, to: &str) -> Change {
        Change::HandOver {
            tag: tag.into(),
            from: who(from),
            to: who(to),
        }
    }

    #[test]
    fn hand_overs_between_two_people_are_one_line_under_roles() {
        let diff = StageDiff {
            from: "a".into(),
            to: "b".into(),
            changes: vec![
                Change::Removed { member: who("x") },
                Change::TagsLost {
                    member: who("dana"),
                    tags: vec!["execution".into(), "metrics".into(), "golf".into()],
                },
                hand_over("execution", "dana", "morgan"),
                hand_over("process-discipline", "dana", "morgan"),
                hand_over("coaching", "dana", "sam"),
                hand_over("metrics", "dana", "morgan"),
            ],
        };
        let grouped = diff.grouped();
        let headings: Vec<ChangeGroup> = grouped.iter().map(|(g, _)| *g).collect();
        assert_eq!(headings, [ChangeGroup::Roles, ChangeGroup::People]);
        let roles: Vec<&str> = grouped[0].1.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            roles,
            [
                "DANA gives up golf",
                "DANA hands execution, process discipline and metrics to MORGAN",
                "DANA hands coaching to SAM",
            ],
            "what is handed over is not also given up"
        );
        assert_eq!(grouped[1].1[0].tone, Tone::Lost);
    }
}
