//! Why an edit was refused.

use crate::model::ModelError;

/// Why an edit was refused. The plan is left as it was.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    /// The edit names a stage the plan does not have.
    #[error("there is no stage `{0}`")]
    UnknownStage(String),
    /// A stage id that is taken.
    #[error("there is already a stage `{0}`")]
    DuplicateStage(String),
    /// The stage refused the change.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A text, or the plan or a stage, would grow past a limit
    /// ([`crate::model::limits`]).
    #[error("{0}")]
    OverLimit(String),
    /// A negative or non-finite cost or quota.
    #[error("{0}")]
    BadAmount(String),
    /// Positions laid out for a stage as it was are not for it as it is.
    #[error("stage `{0}` changed after it was laid out")]
    StaleLayout(String),
    /// The new manager already reports (directly or not) to the member.
    #[error("{manager} already reports to {member}, so {member} cannot report to {manager}")]
    WouldCycle {
        /// The member being moved.
        member: String,
        /// The manager that was chosen.
        manager: String,
    },
}
