//! `orgevo save-loop` (hidden): saves two plans over one file, turn about,
//! so a test can kill the process mid-save and check what is on disk.

use std::io::Write;
use std::process::ExitCode;

use super::{EXIT_LOAD_ERROR, EXIT_OK, SaveLoopArgs};
use crate::io::{load_plan, save_plan};

/// Runs `orgevo save-loop`: says `ready` once both plans are loaded, then
/// saves.
pub fn run_save_loop(args: &SaveLoopArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let plans = match (load_plan(&args.first), load_plan(&args.second)) {
        (Ok(first), Ok(second)) => [first, second],
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
    };
    let _ = writeln!(out, "ready");
    let _ = out.flush();
    let mut turn: u64 = 0;
    while args.times.is_none_or(|times| turn < times) {
        if let Err(e) = save_plan(&plans[(turn % 2) as usize], &args.target) {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
        turn += 1;
    }
    ExitCode::from(EXIT_OK)
}
