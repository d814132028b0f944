//! What the inspector and its rule settings ask the app to do.

use crate::edit::Edit;

/// What the inspector asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum InspectorAction {
    /// Apply an edit; edits with the same merge key form one undo step.
    Edit {
        /// The edit.
        edit: Box<Edit>,
        /// Typing into one field merges into one undo step.
        merge: Option<String>,
    },
    /// A text field lost focus: close the current undo step.
    Seal,
    /// The Name field of `member` in `stage` lost focus: a new member's
    /// id follows its name, in the same undo step, then the step closes.
    Named {
        /// Stage id.
        stage: String,
        /// Member id.
        member: String,
    },
    /// Select another member.
    Select(String),
    /// Delete the selection.
    DeleteSelection,
    /// Duplicate the selection.
    DuplicateSelection,
}
