//! Choosing files: the native dialog through rfd, or an in-app path field
//! where no native dialog can be shown (no desktop portal).

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose a file.
    Path(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No native dialog could be shown; ask in the app instead.
    Unavailable,
}

/// How the app asks for file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileDialogs {
    /// The desktop's native dialog (rfd), falling back to the path field.
    Native,
    /// Always the in-app path field (no desktop portal, or tests).
    InApp,
}

impl FileDialogs {
    /// Native dialogs unless `ORGEVO_FILE_DIALOG=inapp`, or there is no
    /// session bus for the desktop portal to answer on.
    pub fn detect() -> Self {
        let forced = std::env::var("ORGEVO_FILE_DIALOG").is_ok_and(|v| v == "inapp");
        let no_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none();
        if forced || (cfg!(target_os = "linux") && no_bus) {
            Self::InApp
        } else {
            Self::Native
        }
    }

    /// Asks for a plan to open.
    pub fn pick_open(self, start: Option<&PathBuf>) -> Picked {
        self.run(|| dialog(start).pick_file())
    }

    /// Asks where to save a plan.
    pub fn pick_save(self, start: Option<&PathBuf>, name: &str) -> Picked {
        self.run(|| dialog(start).set_file_name(name).save_file())
    }

    /// Asks for a file to read, of type `label` (`ext`).
    pub fn pick_open_with(self, start: Option<&PathBuf>, label: &str, ext: &str) -> Picked {
        self.run(|| {
            let mut d = rfd::FileDialog::new()
                .add_filter(label, &[ext])
                .add_filter("All files", &["*"]);
            if let Some(dir) = start.and_then(|p| p.parent()) {
                d = d.set_directory(dir);
            }
            d.pick_file()
        })
    }

    /// Asks where to save an export named `name` of type `label` (`ext`).
    pub fn pick_save_as(
        self,
        start: Option<&PathBuf>,
        name: &str,
        label: &str,
        ext: &str,
    ) -> Picked {
        self.run(|| {
            let mut d = rfd::FileDialog::new()
                .add_filter(label, &[ext])
                .set_file_name(name);
            if let Some(dir) = start.and_then(|p| p.parent()) {
                d = d.set_directory(dir);
            }
            d.save_file()
        })
    }

    fn run(self, show: impl FnOnce() -> Option<PathBuf>) -> Picked {
        if self == Self::InApp {
            return Picked::Unavailable;
        }
        let started = Instant::now();
        match show() {
            Some(path) => Picked::Path(path),
            // A dialog that "closes" faster than a person can click was never
            // shown: the portal is missing or refused.
            None if started.elapsed() < Duration::from_millis(250) => Picked::Unavailable,
            None => Picked::Cancelled,
        }
    }
}

fn dialog(start: Option<&PathBuf>) -> rfd::FileDialog {
    let mut d = rfd::FileDialog::new()
        .add_filter("orgevo plan", &["json"])
        .add_filter("All files", &["*"]);
    if let Some(dir) = start.and_then(|p| p.parent()) {
        d = d.set_directory(dir);
    }
    d
}

/// Adds `path` to the front of the recent-files list, keeping it short.
pub fn remember_recent(recent: &mut Vec<PathBuf>, path: PathBuf) {
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_most_recent_first_and_bounded() {
        let mut recent = Vec::new();
        for i in 0..10 {
            remember_recent(&mut recent, PathBuf::from(format!("{i}.json")));
        }
        remember_recent(&mut recent, PathBuf::from("5.json"));
        assert_eq!(recent.len(), 8);
        assert_eq!(recent[0], PathBuf::from("5.json"));
        assert_eq!(
            recent
                .iter()
                .filter(|p| p.as_path() == std::path::Path::new("5.json"))
                .count(),
            1
        );
    }
}
