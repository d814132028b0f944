//! The `orgevo` binary: the command line, or the app when no subcommand is given.

use std::process::ExitCode;

use clap::Parser;
use orgevo::cli::{Cli, Command, run_check, run_diff, run_export};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => {
            run_check(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Diff(args)) => {
            run_diff(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Export(args)) => {
            run_export(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        None => orgevo::app::run(cli.file, cli.present),
    }
}
