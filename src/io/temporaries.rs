//! The temporary files a save writes beside the file it saves, and how the
//! next save tells those left by a crash from those still being written.
//!
//! A save writes `.NAME.PID.RANDOM.orgevo-tmp` and holds an advisory lock on
//! it for as long as the file exists under that name; the system lets go of
//! the lock when the writer ends, however it ends. The `.bak` on its way in
//! is `.NAME.PID.RANDOM.orgevo-bak-tmp`, named after the temporary that is
//! locked while it exists. A temporary is left behind exactly when its lock
//! can be taken, which no reused process id can fake. Temporaries of earlier
//! versions of orgevo (which did not lock) are unlocked, so they go too.

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Suffix of a temporary file being written.
pub(super) const TEMPORARY: &str = ".orgevo-tmp";
/// Suffix of a `.bak` copy on its way in.
pub(super) const BACKUP_TEMPORARY: &str = ".orgevo-bak-tmp";

/// Where advisory locks are not supported, a temporary untouched for this
/// long counts as left behind.
const UNLOCKABLE_AGE: Duration = Duration::from_secs(600);

/// How often a save tries again when another save removed its temporary in
/// the instant between creating and locking it.
const ATTEMPTS: usize = 8;

/// A temporary file beside the target, locked by this save for as long as
/// it exists.
pub(super) struct LockedTemporary {
    /// The open, locked file (persisting renames it over the target).
    pub(super) file: tempfile::NamedTempFile,
    /// The name a `.bak` on its way in takes while this temporary exists.
    pub(super) backup_temporary: PathBuf,
}

/// Creates and locks a new temporary for `name` in `dir`, named after the
/// file and this process.
pub(super) fn create_locked(dir: &Path, name: &str) -> io::Result<LockedTemporary> {
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.{}.", std::process::id());
    builder.prefix(&prefix).suffix(TEMPORARY);
    // A new file gets what any new file gets (0666 less the umask), not the
    // temporary file's 0600; the caller gives an existing file's mode back.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    for _ in 0..ATTEMPTS {
        let file = builder.tempfile_in(dir)?;
        // Another save may be removing this file as stale in the instant
        // between its creation and this lock; it holds the lock while it
        // removes, so once this returns the file is ours or gone.
        if file.as_file().lock().is_err() {
            // No locks here (some network file systems): the age rule
            // protects the file instead.
            return Ok(with_backup_name(file));
        }
        if still_named(&file) {
            return Ok(with_backup_name(file));
        }
    }
    Err(io::Error::other(
        "another program keeps removing the temporary file beside it",
    ))
}

fn with_backup_name(file: tempfile::NamedTempFile) -> LockedTemporary {
    let path = file.path().to_string_lossy();
    let stem = path.strip_suffix(TEMPORARY).unwrap_or(&path);
    let backup_temporary = PathBuf::from(format!("{stem}{BACKUP_TEMPORARY}"));
    LockedTemporary {
        file,
        backup_temporary,
    }
}

/// Whether the temporary's name still names the open file (nobody removed
/// it before the lock was taken).
fn still_named(file: &tempfile::NamedTempFile) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (
            std::fs::symlink_metadata(file.path()),
            file.as_file().metadata(),
        ) {
            (Ok(named), Ok(open)) => named.dev() == open.dev() && named.ino() == open.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        file.path().exists()
    }
}

/// Removes the temporaries of earlier saves of `name` in `dir` that nobody
/// is writing any more (their writer crashed or was killed mid-save).
/// Best effort: a folder that cannot be listed is left alone.
pub(super) fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let path = entry.path();
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !file_name.starts_with(&prefix) {
            continue;
        }
        let stale = match kind_of(&file_name) {
            Some(Kind::Temporary) => take_if_stale(&path),
            // Covered by the lock of the temporary it belongs to.
            Some(Kind::BackupTemporary) => match temporary_of_backup(&path) {
                Some(temporary) => take_if_stale(&temporary),
                None => File::open(&path).ok(),
            },
            None => None,
        };
        // Removed while the lock is held, so no save can claim it meanwhile.
        if let Some(_held) = stale {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The two kinds of temporaries.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    /// The new contents being written.
    Temporary,
    /// The previous version on its way to `NAME.bak`.
    BackupTemporary,
}

fn kind_of(file_name: &str) -> Option<Kind> {
    if file_name.ends_with(BACKUP_TEMPORARY) {
        Some(Kind::BackupTemporary)
    } else if file_name.ends_with(TEMPORARY) {
        Some(Kind::Temporary)
    } else {
        None
    }
}

/// The temporary whose lock covers a `.bak` temporary, if it still exists.
fn temporary_of_backup(backup_temporary: &Path) -> Option<PathBuf> {
    let path = backup_temporary.to_string_lossy();
    let stem = path.strip_suffix(BACKUP_TEMPORARY)?;
    let temporary = PathBuf::from(format!("{stem}{TEMPORARY}"));
    temporary.exists().then_some(temporary)
}

/// The temporary at `path`, locked by this process, when its writer is
/// gone; `None` while its writer holds it (or it is gone already).
fn take_if_stale(path: &Path) -> Option<File> {
    let file = File::open(path).ok()?;
    match file.try_lock() {
        Ok(()) => Some(file),
        Err(TryLockError::WouldBlock) => None,
        // Locks are not supported here: fall back on the file's age.
        Err(TryLockError::Error(_)) => is_old(&file).then_some(file),
    }
}

fn is_old(file: &File) -> bool {
    file.metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > UNLOCKABLE_AGE)
}

/// Why a temporary beside a file is still there, in words, for a test's
/// failure message or a bug report: its kind, the process id in its name,
/// whether that process exists, and whether its lock is held.
pub fn explain_temporary(path: &Path) -> String {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(kind) = kind_of(&file_name) else {
        return format!("{file_name}: not a temporary of a save");
    };
    // `.NAME.PID.RANDOM` before the suffix: the pid is the second part
    // from the end.
    let stem = file_name
        .strip_suffix(BACKUP_TEMPORARY)
        .or_else(|| file_name.strip_suffix(TEMPORARY))
        .unwrap_or(&file_name);
    let pid = stem.rsplit('.').nth(1).and_then(|p| p.parse::<u32>().ok());
    let process = match pid {
        Some(pid) if cfg!(target_os = "linux") => {
            let alive = Path::new("/proc").join(pid.to_string()).exists();
            format!(
                "pid {pid}, process {}",
                if alive { "found" } else { "gone" }
            )
        }
        Some(pid) => format!("pid {pid}"),
        None => "no pid in its name".to_owned(),
    };
    let locked_file = match kind {
        Kind::Temporary => Some(path.to_owned()),
        Kind::BackupTemporary => temporary_of_backup(path),
    };
    let lock = match &locked_file {
        None => "its temporary is gone".to_owned(),
        Some(file) => match File::open(file).map(|f| f.try_lock()) {
            Ok(Ok(())) => "lock free".to_owned(),
            Ok(Err(TryLockError::WouldBlock)) => "lock held".to_owned(),
            Ok(Err(TryLockError::Error(e))) => format!("lock not supported ({e})"),
            Err(e) => format!("cannot be opened ({e})"),
        },
    };
    format!("{file_name}: {kind:?}, {process}, {lock}")
}

#[cfg(test)]
mod tests;
