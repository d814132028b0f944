//! Which dialog and windows are on screen, and what waits for them.

use crate::app::dialogs::answer::Pending;
use crate::app::dialogs::export::ExportChoice;
use crate::app::dialogs::modal::Modal;

/// The dialog on screen, the help windows, and the choices a dialog
/// remembers from its last showing.
#[derive(Debug, Default)]
pub struct Dialogs {
    /// The modal dialog on screen.
    pub modal: Modal,
    /// The Export dialog's last choice, offered again next time.
    pub export_choice: ExportChoice,
    /// What to do once the save asked for has happened.
    pub pending_after_save: Option<Pending>,
    /// Help ▸ Keyboard shortcuts is open.
    pub shortcuts_open: bool,
    /// Help ▸ Leadership and management is open.
    pub learn_open: bool,
}
