//! `orgevo package-assets DIR` (hidden): writes what a package installs
//! beside the binary, generated from the command-line definition: the man
//! page (`orgevo.1`) and shell completions for bash, zsh and fish.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, EXIT_LOAD_ERROR, EXIT_OK, PackageAssetsArgs};

/// The files written, relative to the folder.
pub const PACKAGE_ASSETS: [&str; 4] = ["orgevo.1", "orgevo.bash", "_orgevo", "orgevo.fish"];

/// Writes the man page and the completions into `dir`.
pub fn write_package_assets(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut man = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut man)?;
    std::fs::write(dir.join(PACKAGE_ASSETS[0]), man)?;
    for (shell, name) in [
        (Shell::Bash, PACKAGE_ASSETS[1]),
        (Shell::Zsh, PACKAGE_ASSETS[2]),
        (Shell::Fish, PACKAGE_ASSETS[3]),
    ] {
        let mut file = std::fs::File::create(dir.join(name))?;
        clap_complete::generate(shell, &mut public_command(), "orgevo", &mut file);
        file.flush()?;
    }
    Ok(())
}

/// The command line without its hidden subcommands (completions would offer
/// them otherwise).
fn public_command() -> clap::Command {
    let full = Cli::command();
    let subcommands: Vec<clap::Command> = full
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    // Rebuilt from the same pieces, minus what is hidden.
    clap::Command::new("orgevo")
        .version(env!("CARGO_PKG_VERSION"))
        .about(full.get_about().cloned().unwrap_or_default())
        .args(full.get_arguments().filter(|a| !a.is_hide_set()).cloned())
        .subcommands(subcommands)
        .args_conflicts_with_subcommands(true)
}

/// Runs `orgevo package-assets`.
pub fn run_package_assets(
    args: &PackageAssetsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    match write_package_assets(&args.dir) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "wrote {} to {}",
                PACKAGE_ASSETS.join(", "),
                args.dir.display()
            );
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            let _ = writeln!(err, "error: {}: {e}", args.dir.display());
            ExitCode::from(EXIT_LOAD_ERROR)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_and_completions_cover_every_command() {
        let dir = tempfile::tempdir().unwrap();
        write_package_assets(dir.path()).unwrap();
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
        let man = read("orgevo.1");
        assert!(
            man.starts_with(".ie") || man.contains(".TH orgevo"),
            "{}",
            &man[..80]
        );
        for command in ["check", "diff", "export", "import", "layout"] {
            assert!(man.contains(command), "man page lacks {command}");
            for completion in ["orgevo.bash", "_orgevo", "orgevo.fish"] {
                assert!(
                    read(completion).contains(command),
                    "{completion} lacks {command}"
                );
            }
        }
        // Hidden commands stay hidden.
        assert!(!read("orgevo.bash").contains("save-loop"));
    }
}
