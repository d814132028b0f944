//! `orgevo check`: load a plan, run the rules, print a report.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{CheckArgs, EXIT_FINDINGS, EXIT_LOAD_ERROR, EXIT_OK, OutputFormat};
use crate::io::load_plan;
use crate::io::schema::amount_json;
use crate::model::Plan;
use crate::rules::{Finding, Summary, check_plan, check_stage};

/// Runs `orgevo check`, writing the report to `out` and errors to `err`.
pub fn run_check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let plan = match load_plan(&args.file) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
    };
    let findings = match &args.stage {
        None => check_plan(&plan),
        Some(id) => match plan.stage_position(id) {
            Some(index) => check_stage(&plan, index),
            None => {
                let known: Vec<_> = plan.stages.iter().map(|s| s.id.as_str()).collect();
                let _ = writeln!(
                    err,
                    "error: {}: no stage `{id}` (stages: {})",
                    args.file.display(),
                    known.join(", ")
                );
                return ExitCode::from(EXIT_LOAD_ERROR);
            }
        },
    };
    let summary = Summary::of(&findings);
    let file = args.file.display().to_string();
    let written = match args.format {
        OutputFormat::Text => write_text(out, &file, &plan, &findings, summary),
        OutputFormat::Json => write_json(out, &file, &plan, &findings, summary),
    };
    if let Err(e) = written {
        let _ = writeln!(err, "error: cannot write the report: {e}");
    }
    // Freeing a big plan takes a while (300,000 members: about 0.15 s), and
    // `orgevo` exits next: free it beside the exit instead of before it.
    std::thread::spawn(move || drop(plan));
    ExitCode::from(if summary.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn write_text(
    out: &mut dyn Write,
    file: &str,
    plan: &Plan,
    findings: &[Finding],
    summary: Summary,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{file}: \"{}\": {}, {}, {}",
        plan.title,
        crate::look::count(plan.stages.len(), "stage"),
        crate::look::count(plan.member_count(), "member"),
        crate::look::count(plan.link_count(), "link")
    )?;
    // Options: which stage each starts from, by name.
    for (index, stage) in plan.stages.iter().enumerate() {
        let decision = plan.parent(index).filter(|p| plan.followers(*p).len() > 1);
        if let (Some(option), Some(decision)) = (&stage.option, decision) {
            writeln!(
                out,
                "option \"{option}\" after {}: starts with {} ({})",
                plan.stages[decision].id, stage.name, stage.id
            )?;
        }
    }
    if plan.has_numbers() {
        let currency = &plan.settings.currency;
        let money = |amount: f64| crate::look::money::money(amount, currency);
        for (index, stage) in plan.stages.iter().enumerate() {
            let t = plan.totals(index);
            let target = t.target.map_or(String::new(), |target| {
                format!(" of target {}", money(target))
            });
            writeln!(
                out,
                "{} ({}): {}, {} planned, cost {}, capacity {}{target}",
                stage.name,
                stage.id,
                crate::look::money::people(t.people),
                t.planned,
                money(t.cost),
                money(t.capacity),
            )?;
        }
    }
    for stage in &plan.stages {
        let mut of_stage = findings.iter().filter(|f| f.stage == stage.id).peekable();
        if of_stage.peek().is_none() {
            continue;
        }
        writeln!(out, "\n{} ({}, {})", stage.name, stage.id, stage.kind)?;
        for f in of_stage {
            writeln!(out, "  {:<8} {}: {}", f.severity.id(), f.rule, f.message)?;
            writeln!(out, "  {:<8} fix: {}", "", f.fix)?;
        }
    }
    writeln!(out, "\n{summary}")
}

fn write_json(
    out: &mut dyn Write,
    file: &str,
    plan: &Plan,
    findings: &[Finding],
    summary: Summary,
) -> std::io::Result<()> {
    // The stages as a tree: `after` is the stage each follows (null for the
    // first), `option` the name of the option it starts (null if none).
    let stages: Vec<_> = plan
        .stages
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            let totals = plan.totals(index);
            json!({
                "id": stage.id,
                "name": stage.name,
                "kind": stage.kind.id(),
                "after": plan.parent(index).map(|p| plan.stages[p].id.as_str()),
                "option": stage.option,
                "totals": {
                    "people": totals.people,
                    "planned": totals.planned,
                    "cost": amount_json(totals.cost),
                    "capacity": amount_json(totals.capacity),
                    "target": totals.target.map(amount_json),
                },
            })
        })
        .collect();
    let findings: Vec<_> = findings
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule,
                "severity": f.severity.id(),
                "stage": f.stage,
                "members": f.members,
                "message": f.message,
                "fix": f.fix,
            })
        })
        .collect();
    let report = json!({
        "file": file,
        "stages": stages,
        "findings": findings,
        "summary": {
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        },
    });
    let text = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")
}
