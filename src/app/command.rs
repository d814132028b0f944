//! Every user-level action of the app, with its menu label and shortcut, so
//! menus, toolbar and keyboard all go through one place.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user-level action, handled centrally by the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    /// Start a new plan.
    New,
    /// Open a plan file.
    Open,
    /// Save to the current file (asks for a path when there is none).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Export stages as images, a handout, slides or a report.
    Export,
    /// Import a people list (CSV) as a plan or a stage.
    ImportCsv,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add a member to the current stage.
    AddMember,
    /// Delete the selected members.
    Delete,
    /// Duplicate the selected members.
    Duplicate,
    /// Select every member of the stage.
    SelectAll,
    /// Find members by name, title or tag.
    Find,
    /// Lay the stage out as a tidy tree.
    TidyUp,
    /// Give members without responsibilities a starting set, after a
    /// preview.
    SuggestResponsibilities,
    /// Show the whole stage.
    FitView,
    /// Show the selected members.
    ZoomToSelection,
    /// Present the plan full screen, stage by stage.
    Present,
    /// Show two stages side by side (or go back to editing).
    ToggleCompare,
    /// Quit the app.
    Quit,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl AppCommand {
    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::Export => "Export…",
            Self::ImportCsv => "Import CSV…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::AddMember => "Add member",
            Self::Delete => "Delete",
            Self::Duplicate => "Duplicate",
            Self::SelectAll => "Select all",
            Self::Find => "Find…",
            Self::TidyUp => "Tidy up",
            Self::SuggestResponsibilities => "Suggest responsibilities…",
            Self::FitView => "Fit to view",
            Self::ZoomToSelection => "Zoom to selection",
            Self::Present => "Present",
            Self::ToggleCompare => "Compare stages",
            Self::Quit => "Quit",
        }
    }

    /// Keyboard shortcuts, most specific first.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        match self {
            Self::New => vec![k(CTRL, Key::N)],
            Self::Open => vec![k(CTRL, Key::O)],
            Self::Save => vec![k(CTRL, Key::S)],
            Self::SaveAs => vec![k(CTRL_SHIFT, Key::S)],
            Self::Export => vec![k(CTRL, Key::E)],
            Self::ImportCsv => vec![k(CTRL, Key::I)],
            Self::Undo => vec![k(CTRL, Key::Z)],
            Self::Redo => vec![k(CTRL_SHIFT, Key::Z), k(CTRL, Key::Y)],
            Self::AddMember => vec![k(CTRL, Key::Enter)],
            Self::Delete => vec![
                k(Modifiers::NONE, Key::Delete),
                k(Modifiers::NONE, Key::Backspace),
            ],
            Self::Duplicate => vec![k(CTRL, Key::D)],
            Self::SelectAll => vec![k(CTRL, Key::A)],
            Self::Find => vec![k(CTRL, Key::F)],
            Self::TidyUp => vec![k(CTRL, Key::L)],
            Self::SuggestResponsibilities => Vec::new(),
            Self::FitView => vec![k(Modifiers::NONE, Key::Home)],
            Self::ZoomToSelection => vec![k(Modifiers::NONE, Key::F)],
            Self::Present => vec![k(Modifiers::NONE, Key::F5)],
            Self::ToggleCompare => vec![k(CTRL, Key::K)],
            Self::Quit => vec![k(CTRL, Key::Q)],
        }
    }

    /// Whether the command acts on the canvas and must yield to a focused
    /// text field (which has its own undo, delete and select-all).
    pub fn yields_to_text_input(self) -> bool {
        matches!(
            self,
            Self::Undo
                | Self::Redo
                | Self::Delete
                | Self::Duplicate
                | Self::SelectAll
                | Self::FitView
                | Self::ZoomToSelection
        )
    }

    /// Every command, in the order shortcuts are checked (more modifiers first,
    /// so Ctrl+Shift+S is not read as Ctrl+S).
    pub const SHORTCUT_ORDER: [Self; 20] = [
        Self::ImportCsv,
        Self::Find,
        Self::SaveAs,
        Self::Export,
        Self::Redo,
        Self::New,
        Self::Open,
        Self::Save,
        Self::Undo,
        Self::AddMember,
        Self::Delete,
        Self::Duplicate,
        Self::SelectAll,
        Self::TidyUp,
        Self::SuggestResponsibilities,
        Self::FitView,
        Self::ZoomToSelection,
        Self::Present,
        Self::ToggleCompare,
        Self::Quit,
    ];

    /// Every command in the order people look for them (help window).
    pub const READING_ORDER: [Self; 20] = [
        Self::New,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::ImportCsv,
        Self::Export,
        Self::Undo,
        Self::Redo,
        Self::AddMember,
        Self::Duplicate,
        Self::Delete,
        Self::SelectAll,
        Self::Find,
        Self::TidyUp,
        Self::SuggestResponsibilities,
        Self::FitView,
        Self::ZoomToSelection,
        Self::ToggleCompare,
        Self::Present,
        Self::Quit,
    ];

    /// The first shortcut as text for menus, e.g. "Ctrl+S".
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }
}

/// The commands whose shortcut was pressed this frame (consumed from input).
pub fn pressed_commands(ctx: &egui::Context) -> Vec<AppCommand> {
    let text_focus = ctx.egui_wants_keyboard_input();
    let mut out = Vec::new();
    for command in AppCommand::SHORTCUT_ORDER {
        if text_focus && command.yields_to_text_input() {
            continue;
        }
        let pressed = command
            .shortcuts()
            .iter()
            .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
        if pressed {
            out.push(command);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command's place in the enum. The match has no catch-all, so a
    /// new command does not compile until it is listed here, and then the
    /// tables below fail until they list it too.
    fn position(command: AppCommand) -> usize {
        use AppCommand::*;
        match command {
            New => 0,
            Open => 1,
            Save => 2,
            SaveAs => 3,
            Export => 4,
            ImportCsv => 5,
            Undo => 6,
            Redo => 7,
            AddMember => 8,
            Delete => 9,
            Duplicate => 10,
            SelectAll => 11,
            Find => 12,
            TidyUp => 13,
            SuggestResponsibilities => 14,
            FitView => 15,
            ZoomToSelection => 16,
            Present => 17,
            ToggleCompare => 18,
            Quit => 19,
        }
    }

    fn lists_each_once(table: &[AppCommand]) -> bool {
        let mut seen = [false; 20];
        for command in table {
            if std::mem::replace(&mut seen[position(*command)], true) {
                return false;
            }
        }
        seen.iter().all(|s| *s)
    }

    #[test]
    fn both_command_tables_list_every_command_exactly_once() {
        assert!(lists_each_once(&AppCommand::SHORTCUT_ORDER));
        assert!(lists_each_once(&AppCommand::READING_ORDER));
        assert!(!lists_each_once(&AppCommand::SHORTCUT_ORDER[1..]));
    }

    #[test]
    fn a_shortcut_with_more_modifiers_is_checked_before_the_same_key_with_fewer() {
        let order = AppCommand::SHORTCUT_ORDER;
        for (i, earlier) in order.iter().enumerate() {
            for later in &order[i + 1..] {
                for a in earlier.shortcuts() {
                    for b in later.shortcuts() {
                        let fewer = a.logical_key == b.logical_key
                            && a.modifiers != b.modifiers
                            && a.modifiers.contains(b.modifiers);
                        let more = a.logical_key == b.logical_key
                            && b.modifiers.contains(a.modifiers)
                            && a.modifiers != b.modifiers;
                        assert!(fewer || !more, "{later:?} must come before {earlier:?}");
                    }
                }
            }
        }
    }
}
