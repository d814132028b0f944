//! Recovery copies: while a plan has unsaved changes, the app keeps a copy
//! of it in the user's data folder (never over the user's file), so a crash
//! loses at most a few seconds of work. Each running app holds its own copy
//! locked; a copy whose lock is free belongs to an app that is gone and is
//! offered back at the next start.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::error::{LoadError, SaveError};
use super::{plan_from_str, plan_to_string, read_limited, write_atomically};
use crate::model::Plan;

/// The suffix of a recovery copy's file.
const COPY: &str = ".orgevo-recovery";
/// The suffix of the lock file beside it.
const LOCK: &str = ".lock";

/// Where recovery copies live: `$ORGEVO_RECOVERY_DIR`, else the platform's
/// data folder (`$XDG_DATA_HOME` or `~/.local/share` on Linux,
/// `~/Library/Application Support` on macOS, `%APPDATA%` on Windows), in
/// `orgevo/recovery`.
pub fn recovery_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ORGEVO_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    // The platform's data folder (XDG_DATA_HOME or ~/.local/share,
    // ~/Library/Application Support, %APPDATA%), from `directories`.
    directories::ProjectDirs::from("", "", "orgevo").map(|dirs| dirs.data_dir().join("recovery"))
}

/// What a recovery copy says about itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CopyInfo {
    /// The plan's own file, if it had one.
    pub file: Option<PathBuf>,
    /// The name the app showed for the plan.
    pub name: String,
    /// When the copy was written, in seconds since 1970.
    pub saved_at: u64,
}

#[derive(Deserialize)]
struct CopyFile<'a> {
    recovery: CopyInfo,
    #[serde(borrow)]
    plan: &'a RawValue,
}

/// A copy left by an app that is gone.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryCopy {
    /// The copy's own file.
    pub path: PathBuf,
    /// What it says about itself.
    pub info: CopyInfo,
}

impl RecoveryCopy {
    /// How long ago the copy was written.
    pub fn age(&self) -> Duration {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        now.saturating_sub(Duration::from_secs(self.info.saved_at))
    }

    /// The plan in the copy.
    pub fn read(&self) -> Result<Plan, LoadError> {
        read_copy(&self.path).map(|(_, plan)| plan)
    }

    /// Deletes the copy (restored or discarded).
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(lock_path(&self.path));
    }
}

fn lock_path(copy: &Path) -> PathBuf {
    let mut name = copy.file_name().unwrap_or_default().to_owned();
    name.push(LOCK);
    copy.with_file_name(name)
}

fn read_copy(path: &Path) -> Result<(CopyInfo, Plan), LoadError> {
    let bytes = read_limited(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| LoadError::Syntax {
        line: 1,
        column: e.valid_up_to() + 1,
        message: "the recovery copy is not UTF-8 text".to_owned(),
    })?;
    let copy: CopyFile<'_> = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let plan = plan_from_str(copy.plan.get())?;
    Ok((copy.recovery, plan))
}

/// Writes `plan` as the recovery copy at `path` (a [`RecoverySlot`]'s),
/// atomically; callable from a worker thread.
pub fn write_recovery_copy(
    path: &Path,
    plan: &Plan,
    file: Option<&Path>,
    name: &str,
) -> Result<(), SaveError> {
    let error = |e: serde_json::Error| SaveError {
        path: path.to_owned(),
        source: std::io::Error::other(e),
    };
    let info = CopyInfo {
        file: file.map(Path::to_path_buf),
        name: name.to_owned(),
        saved_at: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs(),
    };
    let head = serde_json::to_string(&info).map_err(error)?;
    let plan = plan_to_string(plan).map_err(error)?;
    let text = format!("{{\"recovery\": {head},\n\"plan\": {plan}}}\n");
    write_atomically(path, text.as_bytes())
}

/// Copies in `dir` whose app is gone (their lock is free), newest first.
/// Copies that cannot be read are left out (and left alone).
pub fn orphaned_copies(dir: &Path) -> Vec<RecoveryCopy> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies: Vec<RecoveryCopy> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(COPY))
        .filter(|p| lock_is_free(&lock_path(p)))
        .filter_map(|path| {
            let (info, _) = read_copy(&path).ok()?;
            Some(RecoveryCopy { path, info })
        })
        .collect();
    copies.sort_by_key(|c| std::cmp::Reverse(c.info.saved_at));
    copies
}

/// Removes the locks of apps that are gone and left no copy (they never
/// had unsaved changes to keep).
fn remove_stale_locks(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for lock in entries.flatten().map(|e| e.path()) {
        let name = lock.to_string_lossy();
        let Some(copy) = name.strip_suffix(LOCK).filter(|c| c.ends_with(COPY)) else {
            continue;
        };
        if !Path::new(copy).exists() && lock_is_free(&lock) {
            let _ = std::fs::remove_file(&lock);
        }
    }
}

/// Whether nobody holds the lock at `path` (or there is none).
fn lock_is_free(path: &Path) -> bool {
    match File::options().read(true).write(true).open(path) {
        Ok(file) => file.try_lock().is_ok(),
        Err(_) => true,
    }
}

/// One running app's recovery copy: its file name is the app's own, and its
/// lock is held for as long as the app runs.
#[derive(Debug)]
pub struct RecoverySlot {
    path: PathBuf,
    /// Held locked; the system lets go when the app ends, however it ends.
    _lock: File,
}

impl RecoverySlot {
    /// A new slot in `dir` (created if needed), named after this process,
    /// the time and a counter, so two apps never write the same copy.
    pub fn claim(dir: &Path) -> std::io::Result<Self> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        std::fs::create_dir_all(dir)?;
        remove_stale_locks(dir);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let name = format!(
            "{}-{nanos}-{}{COPY}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = dir.join(name);
        // Locked before it takes its name, so no other app ever sees it free.
        let (locking, lock_file) = (path.with_extension("locking"), lock_path(&path));
        let lock = File::create(&locking)?;
        lock.try_lock().map_err(std::io::Error::other)?;
        std::fs::rename(&locking, &lock_file)?;
        Ok(Self { path, _lock: lock })
    }

    /// The copy's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `plan` as the copy, atomically.
    pub fn write(&self, plan: &Plan, file: Option<&Path>, name: &str) -> Result<(), SaveError> {
        write_recovery_copy(&self.path, plan, file, name)
    }

    /// Deletes the copy (the plan was saved); the slot stays claimed.
    pub fn clear(&self) {
        let _ = std::fs::remove_file(&self.path);
    }

    /// Deletes the copy and its lock: the app ends cleanly.
    pub fn release(self) {
        self.clear();
        let lock = lock_path(&self.path);
        drop(self);
        let _ = std::fs::remove_file(lock);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic_plan;

    #[test]
    fn a_copy_is_offered_back_only_once_its_app_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let plan = synthetic_plan(30, 4, 1);
        let slot = RecoverySlot::claim(dir.path()).unwrap();
        let other = RecoverySlot::claim(dir.path()).unwrap();
        assert_ne!(slot.path(), other.path());
        slot.write(
            &plan,
            Some(Path::new("/plans/a.orgevo.json")),
            "a.orgevo.json",
        )
        .unwrap();
        // Its app still runs: not an orphan.
        assert!(orphaned_copies(dir.path()).is_empty());
        // The app is gone without a clean exit: the lock is free.
        drop(slot);
        let copies = orphaned_copies(dir.path());
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].info.name, "a.orgevo.json");
        assert_eq!(
            copies[0].info.file.as_deref(),
            Some(Path::new("/plans/a.orgevo.json"))
        );
        assert!(copies[0].age() < Duration::from_secs(60));
        assert_eq!(copies[0].read().unwrap(), plan);
        copies[0].discard();
        assert!(orphaned_copies(dir.path()).is_empty());
        // A clean exit leaves nothing behind.
        other.write(&plan, None, "Untitled").unwrap();
        other.release();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
