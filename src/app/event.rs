//! Everything a view can report in a frame. Views push these; the app
//! handles them once, at the end of the frame, in `handle.rs`.

use std::path::PathBuf;

use crate::app::canvas::CanvasEvent;
use crate::app::command::AppCommand;
use crate::app::dialogs::answer::ModalAnswer;
use crate::app::panels::find_bar::FindAction;
use crate::app::panels::findings::FindingAction;
use crate::app::panels::inspector_action::InspectorAction;
use crate::app::panels::timeline::TimelineAction;
use crate::app::state::settings::ThemeChoice;

/// What happened in a view this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum AppEvent {
    /// A command from the menu, the toolbar or the keyboard.
    Command(AppCommand),
    /// File ▸ Open recent.
    OpenRecent(PathBuf),
    /// Esc on the canvas: cancel a line being drawn, else drop the selection.
    Escape,
    /// View ▸ Theme.
    Theme(ThemeChoice),
    /// Help ▸ Keyboard shortcuts.
    ShowShortcuts,
    /// Help ▸ Leadership and management.
    ShowLearn,
    /// Something done on the canvas of the stage with this id.
    Canvas {
        /// The stage drawn when it happened.
        stage: String,
        /// What happened.
        event: CanvasEvent,
    },
    /// Something done in the inspector.
    Inspector(InspectorAction),
    /// Something done on the timeline.
    Timeline(TimelineAction),
    /// A finding clicked, or its "Why?".
    Finding(FindingAction),
    /// The find bar stepped or closed.
    Find(FindAction),
    /// The Changes panel's "show removed" box.
    ShowRemoved(bool),
    /// A dialog's answer.
    Modal(ModalAnswer),
    /// The progress dialog's Cancel.
    CancelOpening,
    /// Esc in present mode.
    LeavePresent,
    /// Tidy up ▸ a layout style: lay the shown stage out in it, and keep it
    /// as the stage's style.
    TidyUpIn(crate::model::LayoutStyle),
}
