//! `orgevo diff`: what changes from one stage to another.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{DiffArgs, EXIT_LOAD_ERROR, EXIT_OK, OutputFormat};
use crate::diff::diff_plan_stages;
use crate::io::load_plan;
use crate::io::schema::amount_json;

/// Runs `orgevo diff`, writing the changes to `out` and errors to `err`.
pub fn run_diff(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let plan = match load_plan(&args.file) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
    };
    let position = |id: &str| {
        plan.stage_position(id).ok_or_else(|| {
            let known: Vec<_> = plan.stages.iter().map(|s| s.id.as_str()).collect();
            format!(
                "error: {}: no stage `{id}` (stages: {})",
                args.file.display(),
                known.join(", ")
            )
        })
    };
    let (a, b) = match (position(&args.stage_a), position(&args.stage_b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
    };
    let Some(diff) = diff_plan_stages(&plan, a, b) else {
        return ExitCode::from(EXIT_LOAD_ERROR);
    };
    let written = match args.format {
        OutputFormat::Text => {
            // Streamed: a big diff's text is never held whole in memory.
            let (sa, sb) = (&plan.stages[a], &plan.stages[b]);
            let mut out = std::io::BufWriter::new(&mut *out);
            let numbers = crate::look::money::stage_numbers_change(&plan, a, b)
                .map_or(String::new(), |change| format!("\n  numbers: {change}"));
            writeln!(
                out,
                "{} ({}) → {} ({}): {} changes{numbers}",
                sa.name,
                sa.id,
                sb.name,
                sb.id,
                diff.changes.len()
            )
            .and_then(|()| {
                diff.changes
                    .iter()
                    .try_for_each(|change| writeln!(out, "  {}", change.text()))
            })
            .and_then(|()| out.flush())
        }
        OutputFormat::Json => {
            let totals = |i: usize| {
                let t = plan.totals(i);
                json!({
                    "people": t.people,
                    "planned": t.planned,
                    "cost": amount_json(t.cost),
                    "capacity": amount_json(t.capacity),
                    "target": t.target.map(amount_json),
                })
            };
            let report = json!({
                "file": args.file.display().to_string(),
                "from": diff.from,
                "to": diff.to,
                "totals": {"from": totals(a), "to": totals(b)},
                "changes": diff.changes,
            });
            match serde_json::to_string_pretty(&report) {
                Ok(text) => writeln!(out, "{text}"),
                Err(e) => Err(std::io::Error::other(e)),
            }
        }
    };
    if let Err(e) = written {
        let _ = writeln!(err, "error: cannot write the report: {e}");
    }
    // Freeing a big plan takes a while, and `orgevo` exits next: free it
    // beside the exit instead of before it.
    std::thread::spawn(move || drop((plan, diff)));
    ExitCode::from(EXIT_OK)
}
