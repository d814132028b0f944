//! The `orgevo` command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io::load_plan;

/// Design how a company's sales organisation evolves.
#[derive(Debug, Parser)]
#[command(
    name = "orgevo",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without one, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Plan to open in the app (default: the bundled example plan).
    pub file: Option<PathBuf>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a plan and report on it.
    Check {
        /// The plan file (`*.orgevo.json`).
        file: PathBuf,
    },
}

/// Exit code: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: the file could not be loaded (or the usage was wrong).
pub const EXIT_LOAD_ERROR: u8 = 2;

/// Runs `orgevo check FILE`, writing the report to `out` and errors to `err`.
pub fn run_check(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    match load_plan(file) {
        Ok(plan) => {
            let _ = writeln!(
                out,
                "{}: \"{}\": {} stages, {} members, {} links",
                file.display(),
                plan.title,
                plan.stages.len(),
                plan.member_count(),
                plan.link_count()
            );
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            ExitCode::from(EXIT_LOAD_ERROR)
        }
    }
}
