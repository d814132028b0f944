//! Writing a plan: deterministic pretty JSON, saved atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use super::schema::{
    CURRENT_VERSION, FORMAT, LinkFile, MemberFile, PlanFile, SettingsFile, StageFile, amount_json,
};
use super::temporaries::{self, LockedTemporary};
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
    temporaries::remove_stale(dir, &name);
    let existing = std::fs::metadata(path).ok();
    // Locked until this function returns, so no other save takes it for
    // one left behind by a crash.
    let LockedTemporary {
        file: mut temp,
        backup_temporary,
    } = temporaries::create_locked(dir, &name).map_err(error)?;
    // The file keeps the permissions it had.
    if let Some(existing) = &existing {
        temp.as_file()
            .set_permissions(existing.permissions())
            .map_err(error)?;
    }
    temp.write_all(bytes).map_err(error)?;
    temp.flush().map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    if backup == KeepBackup::Yes && existing.is_some_and(|m| m.is_file()) {
        keep_backup(path, &backup_temporary).map_err(error)?;
    }
    let _written = temp.persist(path).map_err(|e| error(e.error))?;
    sync_folder(dir);
    Ok(())
}

/// Makes `NAME.bak` the current contents of `path`, atomically: a hard link
/// (or, where links are not possible, a copy) renamed over the old `.bak`.
fn keep_backup(path: &Path, incoming: &Path) -> std::io::Result<()> {
    let _ = std::fs::remove_file(incoming);
    if std::fs::hard_link(path, incoming).is_err() {
        std::fs::copy(path, incoming)?;
    }
    let renamed = std::fs::rename(incoming, backup_path(path));
    // Where `.bak` already is `path` (a save was stopped between keeping the
    // `.bak` and renaming the new file in), the two are links to one file
    // and the rename succeeds without doing anything: the link stays.
    let _ = std::fs::remove_file(incoming);
    renamed
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
            currency: plan.settings.currency.clone(),
            ramp_months: plan.settings.ramp_months,
            player_coach_reports: plan.settings.player_coach_reports,
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
        after: stage.after.clone(),
        option: stage.option.clone(),
        target: stage.target.map(amount_json),
        layout: stage.layout.map(|style| style.id().to_owned()),
        members: stage
            .placed_members()
            .map(|(member, pos)| member_to_file(member, pos))
            .collect(),
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

fn member_to_file(member: &Member, pos: Option<[f32; 2]>) -> MemberFile {
    MemberFile {
        id: member.id.clone(),
        name: member.name.clone(),
        title: member.title.clone(),
        function: member.function.id().to_owned(),
        tags: member.tags.iter().map(|t| t.as_str().to_owned()).collect(),
        planned: member.planned,
        notes: member.notes.clone(),
        pos: pos
            .filter(|[x, y]| x.is_finite() && y.is_finite())
            .map(|[x, y]| serde_json::json!([json_number(x), json_number(y)])),
        cost: member.cost.map(amount_json),
        quota: member.quota.map(amount_json),
        start: member
            .start
            .map(|m| serde_json::Value::String(m.to_string())),
    }
}

/// An `f32` as the shortest decimal that reads back to the same `f32`
/// (`0.1`, not `0.10000000149011612`).
fn json_number(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}
