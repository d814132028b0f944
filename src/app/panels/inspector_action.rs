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
    /// Select another member.
    Select(String),
    /// Delete the selection.
    DeleteSelection,
    /// Duplicate the selection.
    DuplicateSelection,
}
