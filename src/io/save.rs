//! Writing a plan: deterministic pretty JSON, saved atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use super::schema::{
    CURRENT_VERSION, FORMAT, LinkFile, MemberFile, PlanFile, SettingsFile, StageFile,
};
use crate::model::{Member, Plan, Stage};

/// The plan as pretty JSON text, ending in a newline. The same plan always
/// gives the same text.
pub fn plan_to_string(plan: &Plan) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(&plan_to_file(plan))?;
    text.push('\n');
    Ok(text)
}

/// Saves atomically: writes a temporary file beside `path`, flushes it to
/// disk, keeps the file's previous version as `NAME.bak` beside it, then
/// renames the new file over `path`. On error the old file is untouched.
pub fn save_plan(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    let text = plan_to_string(plan).map_err(|e| SaveError {
        path: path.to_owned(),
        source: std::io::Error::other(e),
    })?;
    save_plan_text(&text, path)
}

/// [`save_plan`] for a plan already turned into text by [`plan_to_string`].
pub fn save_plan_text(text: &str, path: &Path) -> Result<(), SaveError> {
    write_file(path, text.as_bytes(), KeepBackup::Yes)
}

/// The file a save keeps the previous version of `path` in:
/// `NAME.orgevo.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically (a sibling temporary file, flushed,
/// synced, renamed over `path`, the folder synced), for plans and exports
/// alike. On error the old file is untouched. The file keeps its
/// permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_file(path, bytes, KeepBackup::No)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum KeepBackup {
    Yes,
    No,
}

fn write_file(path: &Path, bytes: &[u8], backup: KeepBackup) -> Result<(), SaveError> {
    let error = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // Temporaries are named after the file and this process, so the next
    // save can tell those left by a crash from those still being written.
    let ours = format!(".{name}.{}.", std::process::id());
    remove_stale_temporaries(dir, &name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&ours).suffix(TEMPORARY);
    // The file keeps the permissions it had; a new file gets what any new
    // file gets (0666 less the umask), not the temporary file's 0600.
    let existing = std::fs::metadata(path).ok();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(error)?;
    if let Some(existing) = &existing {
        temp.as_file()
            .set_permissions(existing.permissions())
            .map_err(error)?;
    }
    temp.write_all(bytes).map_err(error)?;
    temp.flush().map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    if backup == KeepBackup::Yes && existing.is_some_and(|m| m.is_file()) {
        keep_backup(path, dir, &ours).map_err(error)?;
    }
    temp.persist(path).map_err(|e| error(e.error))?;
    sync_folder(dir);
    Ok(())
}

/// Suffix of a temporary file being written; `.bak` copies on their way in
/// end in [`BACKUP_TEMPORARY`].
const TEMPORARY: &str = ".orgevo-tmp";
const BACKUP_TEMPORARY: &str = ".orgevo-bak-tmp";

/// Makes `NAME.bak` the current contents of `path`, atomically: a hard link
/// (or, where links are not possible, a copy) renamed over the old `.bak`.
fn keep_backup(path: &Path, dir: &Path, ours: &str) -> std::io::Result<()> {
    let incoming = dir.join(format!("{ours}{BACKUP_TEMPORARY}"));
    let _ = std::fs::remove_file(&incoming);
    if std::fs::hard_link(path, &incoming).is_err() {
        std::fs::copy(path, &incoming)?;
    }
    std::fs::rename(&incoming, backup_path(path)).inspect_err(|_| {
        let _ = std::fs::remove_file(&incoming);
    })
}

/// Removes the temporaries of earlier saves of `name` whose process is gone
/// (it crashed or was killed mid-save). Best effort: a folder that cannot be
/// listed is left alone.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        if !(rest.ends_with(TEMPORARY) || rest.ends_with(BACKUP_TEMPORARY)) {
            continue;
        }
        let pid = rest.split('.').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| !process_is_gone(pid, &entry)) {
            continue;
        }
        let _ = std::fs::remove_file(entry.path());
    }
}

/// Whether the process that wrote a temporary is gone. Where processes
/// cannot be looked up, a temporary untouched for ten minutes counts as
/// left behind.
fn process_is_gone(pid: u32, temporary: &std::fs::DirEntry) -> bool {
    if pid == std::process::id() {
        return false;
    }
    if cfg!(target_os = "linux") {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    temporary
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(600))
}

/// Syncs the folder so a rename in it survives a power cut. Best effort:
/// some systems cannot open or sync a folder, and the file itself is synced.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn plan_to_file(plan: &Plan) -> PlanFile {
    PlanFile {
        format: FORMAT.to_owned(),
        version: CURRENT_VERSION,
        title: plan.title.clone(),
        settings: SettingsFile {
            max_direct_reports: plan.settings.max_direct_reports,
            founder_overload_reports: plan.settings.founder_overload_reports,
            rules: plan
                .settings
                .rules
                .iter()
                .map(|(rule, level)| (rule.clone(), level.id().to_owned()))
                .collect(),
        },
        stages: plan.stages.iter().map(stage_to_file).collect(),
    }
}

fn stage_to_file(stage: &Stage) -> StageFile {
    StageFile {
        id: stage.id.clone(),
        name: stage.name.clone(),
        kind: stage.kind.id().to_owned(),
        when: stage.when.clone(),
        notes: stage.notes.clone(),
        members: stage.members().map(member_to_file).collect(),
        links: stage
            .links()
            .map(|l| LinkFile {
                from: l.from,
                to: l.to,
                kind: l.kind.id().to_owned(),
            })
            .collect(),
    }
}

fn member_to_file(member: &Member) -> MemberFile {
    MemberFile {
        id: member.id.clone(),
        name: member.name.clone(),
        title: member.title.clone(),
        function: member.function.id().to_owned(),
        tags: member.tags.iter().map(|t| t.as_str().to_owned()).collect(),
        planned: member.planned,
        notes: member.notes.clone(),
        pos: member
            .pos
            .filter(|[x, y]| x.is_finite() && y.is_finite())
            .map(|[x, y]| serde_json::json!([json_number(x), json_number(y)])),
    }
}

/// An `f32` as the shortest decimal that reads back to the same `f32`
/// (`0.1`, not `0.10000000149011612`).
fn json_number(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}
