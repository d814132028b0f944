//! One change between two stages, with the names needed to say it in words.

use serde::Serialize;

/// A member as a change names it: id and display name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Who {
    /// Member id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// One difference between stage A and stage B (members matched by id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// In B, not in A.
    Added {
        /// The member.
        member: Who,
        /// Its function id.
        function: String,
        /// Its manager in B.
        manager: Option<Who>,
    },
    /// In A, not in B.
    Removed {
        /// The member.
        member: Who,
    },
    /// A new name.
    Renamed {
        /// Member id.
        id: String,
        /// Name in A.
        old: String,
        /// Name in B.
        new: String,
    },
    /// A new title.
    Retitled {
        /// The member.
        member: Who,
        /// Title in A.
        old: String,
        /// Title in B.
        new: String,
    },
    /// A new function.
    FunctionChanged {
        /// The member.
        member: Who,
        /// Function id in A.
        old: String,
        /// Function id in B.
        new: String,
    },
    /// A planned hire in A is a person in the seat in B.
    HireFilled {
        /// The member.
        member: Who,
    },
    /// A person in A is a planned hire (an open seat) in B.
    HireOpened {
        /// The member.
        member: Who,
    },
    /// A member removed and another added with the same name: matched by
    /// id, they are two people.
    SameNameNewId {
        /// The shared name.
        name: String,
        /// Id of the member in A.
        removed: String,
        /// Id of the member in B.
        added: String,
    },
    /// A new manager.
    Moved {
        /// The member.
        member: Who,
        /// Manager in A.
        old_manager: Option<Who>,
        /// Manager in B.
        new_manager: Option<Who>,
    },
    /// Tags held in B but not in A.
    TagsGained {
        /// The member.
        member: Who,
        /// Tag ids.
        tags: Vec<String>,
    },
    /// Tags held in A but not in B.
    TagsLost {
        /// The member.
        member: Who,
        /// Tag ids.
        tags: Vec<String>,
    },
    /// A core responsibility passed from one member to another.
    HandOver {
        /// The responsibility id, e.g. `process-discipline`.
        tag: String,
        /// Who held it in A.
        from: Who,
        /// Who holds it in B.
        to: Who,
    },
    /// Two or more members' roles now held by one.
    RoleMerge {
        /// Who holds the merged role in B.
        into: Who,
        /// Whose roles (in A) it merges, `into` included when it kept its own.
        from: Vec<Who>,
    },
    /// A line in B that A did not have.
    LineAdded {
        /// Start.
        from: Who,
        /// End.
        to: Who,
        /// `reports-to` or `collaborates-with`.
        line: String,
    },
    /// A line in A that B does not have.
    LineRemoved {
        /// Start.
        from: Who,
        /// End.
        to: Who,
        /// `reports-to` or `collaborates-with`.
        line: String,
    },
    /// A finding of A that B no longer has.
    FindingFixed {
        /// Rule id.
        rule: String,
        /// Members involved.
        members: Vec<String>,
        /// The message in A.
        message: String,
        /// The change in one plain sentence, for captions and the Changes
        /// panel ("Dana Lee no longer leads and manages too many people
        /// alone"; a new finding's first clause).
        sentence: String,
    },
    /// A finding of B that A did not have.
    FindingIntroduced {
        /// Rule id.
        rule: String,
        /// Members involved.
        members: Vec<String>,
        /// The message in B.
        message: String,
        /// The change in one plain sentence, for captions and the Changes
        /// panel ("Dana Lee no longer leads and manages too many people
        /// alone"; a new finding's first clause).
        sentence: String,
    },
}

impl Change {
    /// The change in plain words, e.g. "Dana Lee hands process discipline
    /// to Morgan Blake".
    pub fn text(&self) -> String {
        let or_nobody =
            |w: &Option<Who>| w.as_ref().map_or("nobody".to_owned(), |w| w.name.clone());
        match self {
            Self::Added {
                member, manager, ..
            } => match manager {
                Some(m) => format!("New: {} (reports to {})", member.name, m.name),
                None => format!("New: {}", member.name),
            },
            Self::Removed { member } => format!("Leaves: {}", member.name),
            Self::Renamed { old, new, .. } => format!("Renamed: {old} → {new}"),
            Self::Retitled { member, old, new } => {
                format!("{}: title {} → {}", member.name, quoted(old), quoted(new))
            }
            Self::FunctionChanged { member, old, new } => {
                format!("{}: function {old} → {new}", member.name)
            }
            Self::HireFilled { member } => format!("Hired: {} (was a planned hire)", member.name),
            Self::HireOpened { member } => {
                format!("{}: now a planned hire (the seat is open)", member.name)
            }
            Self::SameNameNewId {
                name,
                removed,
                added,
            } => format!(
                "Same name, new id: {name} (`{removed}` leaves, `{added}` arrives) is treated \
                 as two people"
            ),
            Self::Moved {
                member,
                old_manager,
                new_manager,
            } => format!(
                "{} now reports to {} (was {})",
                member.name,
                or_nobody(new_manager),
                or_nobody(old_manager)
            ),
            Self::TagsGained { member, tags } => {
                format!("{} takes on {}", member.name, tag_words(tags))
            }
            Self::TagsLost { member, tags } => {
                format!("{} gives up {}", member.name, tag_words(tags))
            }
            Self::HandOver { tag, from, to } => {
                format!("{} hands {} to {}", from.name, tag_word(tag), to.name)
            }
            Self::RoleMerge { into, from } => role_merge_sentence(into, from),
            Self::LineAdded { from, to, line } => {
                format!("New line: {} {} {}", from.name, verb(line), to.name)
            }
            Self::LineRemoved { from, to, line } => {
                format!("Line removed: {} {} {}", from.name, verb(line), to.name)
            }
            Self::FindingFixed { sentence, .. } => format!("Fixed: {sentence}"),
            Self::FindingIntroduced { sentence, .. } => format!("New finding: {sentence}"),
        }
    }

    /// How much a change matters in a presentation: lower first.
    pub fn importance(&self) -> u8 {
        match self {
            Self::RoleMerge { .. } => 0,
            Self::HandOver { .. } => 1,
            Self::Added { .. }
            | Self::Removed { .. }
            | Self::HireFilled { .. }
            | Self::HireOpened { .. } => 2,
            Self::FindingIntroduced { .. } | Self::FindingFixed { .. } => 3,
            Self::Moved { .. } => 4,
            Self::FunctionChanged { .. } | Self::Renamed { .. } | Self::SameNameNewId { .. } => 5,
            Self::TagsGained { .. } | Self::TagsLost { .. } => 6,
            Self::Retitled { .. } => 7,
            Self::LineAdded { .. } | Self::LineRemoved { .. } => 8,
        }
    }
}

/// A tag id in the inspector's words ("process-discipline" → "process
/// discipline"); a custom tag as it is.
pub(super) fn tag_word(id: &str) -> String {
    crate::model::Responsibility::from_id(id)
        .map_or_else(|| id.to_owned(), |r| r.label().to_owned())
}

fn tag_words(ids: &[String]) -> String {
    crate::rules::join_words(ids.iter().map(|t| tag_word(t)).collect())
}

/// "Morgan Blake now also holds Dana Lee's role" (the one who keeps their
/// own role takes the others'), or "Morgan Blake now holds the roles of
/// Dana Lee and Sam Fox".
fn role_merge_sentence(into: &Who, from: &[Who]) -> String {
    let others: Vec<String> = from
        .iter()
        .filter(|w| w.id != into.id)
        .map(|w| w.name.clone())
        .collect();
    let kept_own = others.len() < from.len();
    let whose = match others.as_slice() {
        [one] => format!("{one}'s role"),
        _ => format!("the roles of {}", crate::rules::join_words(others.clone())),
    };
    if kept_own {
        format!("{} now also holds {whose}", into.name)
    } else {
        format!("{} now holds {whose}", into.name)
    }
}

fn quoted(s: &str) -> String {
    if s.is_empty() {
        "(none)".to_owned()
    } else {
        format!("\"{s}\"")
    }
}

fn verb(line: &str) -> &'static str {
    if line == "reports-to" {
        "reports to"
    } else {
        "collaborates with"
    }
}
