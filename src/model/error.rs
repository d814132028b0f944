//! Errors raised when an edit would break a stage's invariants.

use super::kinds::LinkKind;

/// An edit the model refuses.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// Two members with the same id in one stage.
    #[error("duplicate member id `{id}`")]
    DuplicateMember {
        /// The repeated id.
        id: String,
    },
    /// A line names a member that is not in the stage.
    #[error("unknown member `{id}`")]
    UnknownMember {
        /// The id that was not found.
        id: String,
    },
    /// A member would report to two managers.
    #[error(
        "member `{member}` already reports to `{existing}`, so it cannot also report to `{new}`"
    )]
    SecondManager {
        /// The member with two managers.
        member: String,
        /// The manager it already has.
        existing: String,
        /// The second manager.
        new: String,
    },
    /// The same line twice.
    #[error("duplicate line: `{from}` {kind} `{to}`", kind = kind.label())]
    DuplicateLink {
        /// Start of the line.
        from: String,
        /// End of the line.
        to: String,
        /// Kind of the line.
        kind: LinkKind,
    },
}
