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
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

/// The positions of `stage` as the JSON `orgevo layout` writes, from
/// `centres` as [`tidy_layout`] gives them (one per member, in graph order).
pub fn positions_json(stage: &Stage, centres: &[(String, [f32; 2])]) -> String {
    let graph = stage.graph();
    let mut centre_of = vec![None; graph.node_bound()];
    for (node, (id, centre)) in graph.node_indices().zip(centres) {
        if graph[node].id == *id {
            centre_of[node.index()] = Some(*centre);
        }
    }
    // Breadth-first from the roots (members without a manager), reports in
    // stable order.
    let mut order: Vec<NodeIndex> = Vec::with_capacity(stage.member_count());
    let mut seen = vec![false; graph.node_bound()];
    let mut queue: VecDeque<NodeIndex> = graph
        .node_indices()
        .filter(|&n| stage.manager_node(n).is_none_or(|m| m == n))
        .collect();
    let mut reports = Vec::new();
    while let Some(node) = queue.pop_front() {
        if std::mem::replace(&mut seen[node.index()], true) {
            continue;
        }
        order.push(node);
        reports.clear();
        reports.extend(stage.report_nodes(node).filter(|&r| r != node));
        reports.sort();
        queue.extend(reports.iter().copied());
    }
    // Members in a cycle have no root to be reached from: list them last.
    order.extend(graph.node_indices().filter(|n| !seen[n.index()]));
    let mut out = String::with_capacity(order.len() * 48);
    out.push('[');
    let mut first = true;
    for node in order {
        let (Some([x, y]), member) = (centre_of[node.index()], &graph[node]) else {
            continue;
        };
        let top = y - card_size(member)[1] / 2.0;
        if !first {
            out.push(',');
        }
        first = false;
        let id = serde_json::Value::String(member.id.clone());
        out.push_str(&format!("\n  {{\"id\": {id}, \"x\": {x}, \"y\": {top}}}"));
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
    let loaded = if is_csv {
        let import = ImportArgs {
            file: args.file.clone(),
            output: args.output.clone(),
            kind: None,
            name: None,
            columns: Vec::new(),
            function_map: Vec::new(),
        };
        super::import::read_people(&import).map(|(plan, _)| plan)
    } else {
        load_plan(&args.file).map_err(|e| e.to_string())
    };
    let plan = match loaded {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
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
