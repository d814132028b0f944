//! Writing a plan: deterministic pretty JSON, saved atomically.

use std::io::Write;
use std::path::Path;

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
/// disk, then renames it over `path`. On error the old file is untouched.
pub fn save_plan(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    let text = plan_to_string(plan).map_err(|e| SaveError {
        path: path.to_owned(),
        source: std::io::Error::other(e),
    })?;
    write_atomically(path, text.as_bytes())
}

/// Writes `bytes` to `path` atomically (a sibling temporary file, flushed,
/// synced, renamed over `path`), for plans and exports alike. On error the
/// old file is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let error = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".orgevo-save-").suffix(".tmp");
    // The file keeps the permissions it had; a new file gets what any new
    // file gets (0666 less the umask), not the temporary file's 0600.
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(error)?;
    if let Some(permissions) = existing {
        temp.as_file().set_permissions(permissions).map_err(error)?;
    }
    temp.write_all(bytes).map_err(error)?;
    temp.flush().map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    temp.persist(path).map_err(|e| error(e.error))?;
    Ok(())
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
