//! The `orgevo` binary: the command line, or the app when no subcommand is given.

use std::process::ExitCode;

use clap::Parser;
use orgevo::cli::{
    Cli, Command, run_check, run_diff, run_export, run_import, run_layout, run_next,
    run_package_assets, run_save_loop,
};

/// Loading a big plan makes millions of small allocations; mimalloc makes
/// them (and freeing them) several times cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => {
            run_check(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Diff(args)) => {
            run_diff(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Import(args)) => {
            run_import(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Layout(args)) => {
            run_layout(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Next(args)) => {
            run_next(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Export(args)) => {
            run_export(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::PackageAssets(args)) => {
            run_package_assets(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::SaveLoop(args)) => {
            run_save_loop(&args, &mut std::io::stdout(), &mut std::io::stderr())
        }
        #[cfg(feature = "gui")]
        None => orgevo::app::run(cli.file, cli.present, cli.option),
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!(
                "error: this orgevo was built without the app (cargo feature `gui`); \
                 use a subcommand: check, diff, export, next (see orgevo --help)"
            );
            ExitCode::from(orgevo::cli::EXIT_LOAD_ERROR)
        }
    }
}
