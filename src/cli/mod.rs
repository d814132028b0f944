//! The `orgevo` command line.

mod check;
mod diff;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use check::run_check;
pub use diff::run_diff;

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
    /// Open straight into present mode (full screen, stage by stage).
    #[arg(long)]
    pub present: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a plan and check every stage against the rules.
    ///
    /// Exit status: 0 without errors (warnings allowed), 1 with any error,
    /// 2 when the file cannot be loaded.
    Check(CheckArgs),
    /// Print what changes from one stage to another.
    ///
    /// Exit status: 0, or 2 when the file cannot be loaded or a stage is unknown.
    Diff(DiffArgs),
}

/// Arguments of `orgevo diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The plan file (`*.orgevo.json`).
    pub file: PathBuf,
    /// Id of the earlier stage.
    pub stage_a: String,
    /// Id of the later stage.
    pub stage_b: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `orgevo check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The plan file (`*.orgevo.json`).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Only report findings of the stage with this id.
    #[arg(long, value_name = "ID")]
    pub stage: Option<String>,
}

/// How reports are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable text.
    Text,
    /// One JSON document.
    Json,
}

/// Exit code: everything fine (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code: the plan has at least one error finding.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the file could not be loaded (or the usage was wrong).
pub const EXIT_LOAD_ERROR: u8 = 2;
