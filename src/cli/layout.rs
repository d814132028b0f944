//! `orgevo layout`: tidy-tree positions of a stage, for scripting and
//! benchmarks: `[{"id", "x", "y"}]` breadth-first from the root, x the card's
//! centre, y its top.

use std::collections::VecDeque;
use std::io::Write;
use std::process::ExitCode;

use super::{EXIT_LOAD_ERROR, EXIT_OK, ImportArgs, LayoutArgs};
use crate::io::{load_plan, write_atomically};
use crate::layout::{card_size, tidy_layout};
use crate::model::Stage;

/// The positions of `stage` as the JSON `orgevo layout` writes.
pub fn positions_json(stage: &Stage, centres: &[(String, [f32; 2])]) -> String {
    let index: std::collections::HashMap<&str, [f32; 2]> =
        centres.iter().map(|(id, p)| (id.as_str(), *p)).collect();
    let mut order: Vec<&str> = Vec::with_capacity(stage.member_count());
    let mut queue: VecDeque<&str> = stage
        .members()
        .filter(|m| stage.manager_of(&m.id).is_none_or(|b| b.id == m.id))
        .map(|m| m.id.as_str())
        .collect();
    let mut seen = std::collections::HashSet::with_capacity(stage.member_count());
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        order.push(id);
        for report in stage.reports_of(id) {
            queue.push_back(report.id.as_str());
        }
    }
    // Members in a cycle have no root to be reached from: list them last.
    for m in stage.members() {
        if !seen.contains(m.id.as_str()) {
            order.push(m.id.as_str());
        }
    }
    let mut out = String::with_capacity(order.len() * 40);
    out.push('[');
    for (i, id) in order.iter().enumerate() {
        let (Some([x, y]), Some(member)) = (index.get(id), stage.member(id)) else {
            continue;
        };
        let top = y - card_size(member)[1] / 2.0;
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "\n  {{\"id\": {}, \"x\": {x}, \"y\": {top}}}",
            serde_json::Value::String((*id).to_owned())
        ));
    }
    out.push_str("\n]\n");
    out
}

/// Runs `orgevo layout`.
pub fn run_layout(args: &LayoutArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let is_csv = args
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let plan = if is_csv {
        let import = ImportArgs {
            file: args.file.clone(),
            output: args.output.clone(),
            kind: None,
            name: None,
            columns: Vec::new(),
            function_map: Vec::new(),
        };
        match super::import::read_people(&import) {
            Ok((plan, _)) => plan,
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return ExitCode::from(EXIT_LOAD_ERROR);
            }
        }
    } else {
        match load_plan(&args.file) {
            Ok(plan) => plan,
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return ExitCode::from(EXIT_LOAD_ERROR);
            }
        }
    };
    let stage = match &args.stage {
        Some(id) => plan.stage(id),
        None => plan.stages.first(),
    };
    let Some(stage) = stage else {
        let known: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
        let _ = writeln!(
            err,
            "error: {}: no stage `{}` (stages: {})",
            args.file.display(),
            args.stage.as_deref().unwrap_or(""),
            known.join(", ")
        );
        return ExitCode::from(EXIT_LOAD_ERROR);
    };
    // An imported stage is laid out already; a plan is laid out afresh.
    let centres: Vec<(String, [f32; 2])> = if is_csv {
        stage
            .members()
            .filter_map(|m| Some((m.id.clone(), m.pos?)))
            .collect()
    } else {
        tidy_layout(stage)
    };
    let json = positions_json(stage, &centres);
    if let Err(e) = write_atomically(&args.output, json.as_bytes()) {
        let _ = writeln!(err, "error: {e}");
        return ExitCode::from(EXIT_LOAD_ERROR);
    }
    let _ = writeln!(
        out,
        "wrote {} positions to {}",
        centres.len(),
        args.output.display()
    );
    ExitCode::from(EXIT_OK)
}
