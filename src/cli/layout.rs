//! `orgevo layout`: tidy-tree positions of a stage, for scripting and
//! benchmarks: `[{"id", "x", "y"}]` breadth-first from the root, x the card's
//! centre, y its top.

use std::io::Write;
use std::process::ExitCode;

use petgraph::visit::NodeIndexable;

use super::{EXIT_LOAD_ERROR, EXIT_OK, LayoutArgs};
use crate::io::{CsvOptions, load_plan, read_people_table, write_atomically};
use crate::layout::{CARD_HEIGHT, LayoutParams, tidy_layout_nodes};
use crate::model::Stage;

/// The positions `orgevo layout` writes, for cards `0..count` given
/// densely: each card's id, manager and centre. Breadth-first from the
/// roots (cards without a manager), reports in card order; cards in a
/// reporting cycle, which no root reaches, come last.
pub fn positions_json<'a>(
    count: usize,
    id: impl Fn(usize) -> &'a str + Sync,
    manager: impl Fn(usize) -> Option<usize>,
    centres: &[[f32; 2]],
) -> String {
    // Reports of each card in card order.
    let managers: Vec<Option<usize>> = (0..count)
        .map(|i| manager(i).filter(|m| *m != i && *m < count))
        .collect();
    let reports = crate::layout::Kids::from_parents(&managers, count);
    let mut order: Vec<usize> = (0..count).filter(|i| managers[*i].is_none()).collect();
    let mut seen = vec![false; count];
    let mut next = 0;
    while let Some(&card) = order.get(next) {
        next += 1;
        seen[card] = true;
        order.extend_from_slice(&reports[card]);
    }
    order.extend((0..count).filter(|i| !seen[*i]));
    // A big list is written in pieces on all cores, then joined.
    let pieces: Vec<&[usize]> = order.chunks(PIECE).collect();
    let written = crate::parallel::map(
        pieces,
        |piece| piece.len(),
        |piece| {
            let mut out = String::with_capacity(piece.len() * 48);
            let mut floats = ryu::Buffer::new();
            for &card in piece {
                let Some([x, y]) = centres.get(card) else {
                    continue;
                };
                out.push_str(",\n  {\"id\": ");
                push_json_string(&mut out, id(card));
                // Every card is as high as the next (a card's width varies).
                let top = y - CARD_HEIGHT / 2.0;
                out.push_str(", \"x\": ");
                out.push_str(floats.format(*x));
                out.push_str(", \"y\": ");
                out.push_str(floats.format(top));
                out.push('}');
            }
            out
        },
    );
    let mut out = String::with_capacity(written.iter().map(String::len).sum::<usize>() + 4);
    out.push('[');
    for piece in &written {
        // Every entry starts with a comma; the first one's is dropped.
        out.push_str(if out.len() == 1 {
            piece.strip_prefix(',').unwrap_or(piece)
        } else {
            piece
        });
    }
    out.push_str("\n]\n");
    out
}

/// Cards a piece of [`positions_json`] writes.
const PIECE: usize = 16_384;

/// The positions of a stage's fresh tidy layout, as [`positions_json`]
/// writes them.
pub fn stage_positions_json(stage: &Stage) -> String {
    let graph = stage.graph();
    let laid_out = tidy_layout_nodes(stage, &LayoutParams::EDITOR);
    let mut dense = vec![usize::MAX; graph.node_bound()];
    for (i, (node, _)) in laid_out.iter().enumerate() {
        dense[node.index()] = i;
    }
    let centres: Vec<[f32; 2]> = laid_out.iter().map(|(_, centre)| *centre).collect();
    positions_json(
        laid_out.len(),
        |i| graph[laid_out[i].0].id.as_str(),
        |i| {
            let manager = stage.manager_node(laid_out[i].0)?;
            dense.get(manager.index()).copied()
        },
        &centres,
    )
}

/// `text` as a JSON string.
fn push_json_string(out: &mut String, text: &str) {
    let plain = text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\');
    if plain {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&serde_json::Value::String(text.to_owned()).to_string());
    }
}

/// The positions JSON of `args.file` (a plan or a people list), and how
/// many positions it holds.
fn positions_of(args: &LayoutArgs) -> Result<(String, usize), String> {
    let is_csv = args
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let bytes = crate::io::read_limited(&args.file)
            .map_err(|e| format!("{}: {e}", args.file.display()))?;
        let table = read_people_table(&bytes, &CsvOptions::default())
            .map_err(|e| format!("{}: {e}", args.file.display()))?;
        let style = args.layout.map(Into::into).unwrap_or_default();
        let centres = table.layout_in(style);
        let json = positions_json(table.len(), |i| table.id(i), |i| table.manager(i), &centres);
        let count = table.len();
        // Freeing a big table takes a while, and `orgevo` exits next.
        std::thread::spawn(move || drop((bytes, table, centres)));
        return Ok((json, count));
    }
    let plan = load_plan(&args.file).map_err(|e| e.to_string())?;
    let stage = match &args.stage {
        Some(id) => plan.stage(id),
        None => plan.stages.first(),
    };
    let Some(stage) = stage else {
        let known: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "{}: no stage `{}` (stages: {})",
            args.file.display(),
            args.stage.as_deref().unwrap_or(""),
            known.join(", ")
        ));
    };
    let restyled;
    let stage = match args.layout {
        Some(style) => {
            restyled = Stage::clone(stage).with_layout(style.into());
            &restyled
        }
        None => stage,
    };
    let json = stage_positions_json(stage);
    let count = stage.member_count();
    std::thread::spawn(move || drop(plan));
    Ok((json, count))
}

/// Runs `orgevo layout`.
pub fn run_layout(args: &LayoutArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let (json, count) = match positions_of(args) {
        Ok(positions) => positions,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
    };
    if let Err(e) = write_atomically(&args.output, json.as_bytes()) {
        let _ = writeln!(err, "error: {e}");
        return ExitCode::from(EXIT_LOAD_ERROR);
    }
    let _ = writeln!(out, "wrote {count} positions to {}", args.output.display());
    ExitCode::from(EXIT_OK)
}
