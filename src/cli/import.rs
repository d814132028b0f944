//! `orgevo import`: a people list (CSV) becomes a plan, written atomically.

use std::io::Write;
use std::process::ExitCode;

use super::{EXIT_LOAD_ERROR, EXIT_OK, ImportArgs};
use crate::edit::suggest::apply_suggestions;
use crate::io::{CsvOptions, Field, TitleRules, import_csv, plan_to_string, write_atomically};
use crate::model::{Function, Plan, StageKind};

/// Parses `FIELD=HEADER` for `--column`.
pub fn parse_column(text: &str) -> Result<(Field, String), String> {
    let (field, header) = text
        .split_once('=')
        .ok_or_else(|| format!("expected FIELD=HEADER, got `{text}`"))?;
    let field = Field::from_id(field).ok_or_else(|| {
        let known: Vec<&str> = Field::ALL.iter().map(|f| f.id()).collect();
        format!("unknown field `{field}` (fields: {})", known.join(", "))
    })?;
    Ok((field, header.to_owned()))
}

/// Parses `VALUE=FUNCTION` for `--function-map`.
pub fn parse_function_map(text: &str) -> Result<(String, Function), String> {
    let (value, function) = text
        .split_once('=')
        .ok_or_else(|| format!("expected VALUE=FUNCTION, got `{text}`"))?;
    let function = Function::from_id(function).ok_or_else(|| {
        format!(
            "unknown function `{function}` (expected one of {})",
            Function::expected()
        )
    })?;
    Ok((value.to_owned(), function))
}

/// Reads the CSV of `args` into a one-stage plan.
pub fn read_people(args: &ImportArgs) -> Result<(Plan, Vec<String>), String> {
    let bytes =
        crate::io::read_limited(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let options = CsvOptions {
        columns: args.columns.clone(),
        function_map: args.function_map.clone(),
        title_rules: TitleRules {
            extra: args.title_map.clone(),
            builtin: !args.no_title_rules,
        },
    };
    let imported =
        import_csv(&bytes, &options).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let name = args.name.clone().unwrap_or_else(|| {
        args.file
            .file_stem()
            .map_or("Imported".to_owned(), |s| s.to_string_lossy().into_owned())
    });
    let mut notices = imported.notices;
    let mut stage = imported.stage;
    stage.kind = args.kind.map_or(StageKind::Custom, StageKind::from);
    stage.name = name.clone();
    stage.id = crate::io::stage_id(&name);
    if args.suggest_tags {
        let given = apply_suggestions(&mut stage);
        notices.push(format!(
            "suggested starting responsibilities for {given} member{}",
            if given == 1 { "" } else { "s" }
        ));
    }
    let mut plan = Plan::new(args.title.clone().unwrap_or(name));
    plan.stages.push(stage);
    Ok((plan, notices))
}

/// Runs `orgevo import`.
pub fn run_import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let (plan, notices) = match read_people(args) {
        Ok(read) => read,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
    };
    for notice in notices {
        let _ = writeln!(err, "note: {notice}");
    }
    let written = plan_to_string(&plan)
        .map_err(|e| e.to_string())
        .and_then(|text| {
            write_atomically(&args.output, text.as_bytes()).map_err(|e| e.to_string())
        });
    if let Err(e) = written {
        let _ = writeln!(err, "error: {e}");
        return ExitCode::from(EXIT_LOAD_ERROR);
    }
    let _ = writeln!(
        out,
        "imported {} people into {} (stage `{}`)",
        plan.member_count(),
        args.output.display(),
        plan.stages.first().map_or("", |s| s.id.as_str())
    );
    ExitCode::from(EXIT_OK)
}
