//! `orgevo next`: add a stage after another from the command line: the
//! next stage on its line, or an option when that stage already has a
//! follower. Writes the plan atomically (in place, keeping `.bak`).

use std::io::Write;
use std::process::ExitCode;

use super::{EXIT_LOAD_ERROR, EXIT_OK, NextArgs};
use crate::edit::moves::{Move, default_move, place_following};
use crate::edit::transition::next_stage;
use crate::io::{load_plan, save_plan};
use crate::model::StageKind;

/// Runs `orgevo next`, reporting to `out` and errors to `err`.
pub fn run_next(args: &NextArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    match next(args) {
        Ok(said) => {
            let _ = writeln!(out, "{said}");
            ExitCode::from(EXIT_OK)
        }
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            ExitCode::from(EXIT_LOAD_ERROR)
        }
    }
}

fn next(args: &NextArgs) -> Result<String, String> {
    let file = args.file.display();
    let mut plan = load_plan(&args.file).map_err(|e| e.to_string())?;
    let Some(after) = plan.stage_position(&args.after) else {
        let known: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "{file}: no stage `{}` to follow (stages: {})",
            args.after,
            known.join(", ")
        ));
    };
    let source = &plan.stages[after];
    let kind = args.kind.map(StageKind::from);
    let chosen = match args.r#move.as_deref() {
        Some(id) => Some(Move::from_id(id).ok_or_else(|| {
            let known: Vec<&str> = Move::ALL.iter().map(|m| m.id()).collect();
            format!("unknown move `{id}` (moves: {})", known.join(", "))
        })?),
        None => None,
    };
    let (mut stage, moved, name) = match (chosen, kind) {
        (Some(Move::Copy), Some(kind)) => {
            let (mut stage, moved) = Move::Copy.apply(source);
            stage.kind = kind;
            (stage, moved, Move::Copy.option_name(source))
        }
        (Some(mv), Some(kind)) if mv.kind(source.kind) != kind => {
            return Err(format!(
                "--move {} makes a {} stage, not {}",
                mv.id(),
                mv.kind(source.kind),
                kind
            ));
        }
        (Some(mv), _) => {
            let (stage, moved) = mv.apply(source);
            (stage, moved, mv.option_name(source))
        }
        (None, Some(kind)) => {
            let (stage, moved) = next_stage(source, kind);
            (stage, moved, kind.label().to_owned())
        }
        (None, None) => {
            let mv = default_move(source.kind);
            let (stage, moved) = mv.apply(source);
            (stage, moved, mv.option_name(source))
        }
    };
    stage.id = args
        .name
        .as_deref()
        .map(crate::io::stage_id)
        .unwrap_or_default();
    stage.name = args.name.clone().unwrap_or_default();
    stage.when = args.when.clone().unwrap_or_default();
    stage.notes = String::new();
    let option = args.option.clone().or(Some(name));
    let (edit, id) = place_following(&plan, after, stage, moved, option);
    edit.apply(&mut plan).map_err(|e| format!("{file}: {e}"))?;
    let output = args.output.as_ref().unwrap_or(&args.file);
    save_plan(&plan, output).map_err(|e| e.to_string())?;
    let added = plan.stage(&id).ok_or("the new stage is missing")?;
    let what = match &added.option {
        Some(option) if plan.followers(after).len() > 1 => format!(", option \"{option}\""),
        _ => String::new(),
    };
    Ok(format!(
        "added stage `{id}` ({}, {}) after `{}`{what}; wrote {}",
        added.name,
        added.kind,
        args.after,
        output.display()
    ))
}
