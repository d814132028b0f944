//! A mutational fuzzer for the loader and the CSV importer, on stable Rust:
//! `cargo run --release --example fuzz -- load --seconds 60` (or `csv`).
//!
//! It starts from the example plans (and, for `csv`, built-in people lists
//! plus any `.csv` under `examples/` and `tests/`), changes them at random
//! (bytes set, pieces deleted, copied or inserted) and feeds them in. Every
//! input must give a typed error or a plan that saves and loads back to
//! itself; anything else (a panic, a plan that does not round-trip) is
//! written to `fuzz-crashes/` and reported, and becomes a regression test.
//! `--seed N` repeats a run.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use orgevo::io::{CsvOptions, import_csv, plan_from_bytes, plan_from_str, plan_to_string};
use orgevo::model::SeededRng;

const PEOPLE: &[&str] = &[
    "id,name,manager_id,title,function,tags\n1,Ann,,CEO,owner,vision;strategy\n2,Bo,1,Sales manager,sales-manager,metrics\n3,Cy,2,AE,sales,\n",
    "employeeId;firstName;lastName;parentId;department;job_title\n10;Dana;Lee;;Executive;CEO\n11;Eli;Ng;10;Sales;VP Sales\n12;\"Fa, Jr\";Oh;11;Marketing;Marketer\n",
];

#[path = "../tests/common/mutation.rs"]
mod mutation;

/// What is wrong with the result for `input`, if anything.
fn check(target: &str, input: &[u8]) -> Option<String> {
    let outcome = std::panic::catch_unwind(|| match target {
        "csv" => match import_csv(input, &CsvOptions::default()) {
            Ok(import) if !import.stage.all_placed() => {
                Some("an imported member has no position".to_owned())
            }
            Ok(_) => None,
            Err(e) if e.message.is_empty() => Some("an error without a message".to_owned()),
            Err(_) => None,
        },
        _ => match plan_from_bytes(input) {
            Ok(plan) => {
                let text = plan_to_string(&plan).ok()?;
                match plan_from_str(&text) {
                    Ok(again) if again == plan => None,
                    Ok(_) => Some("the plan does not load back to itself".to_owned()),
                    Err(e) => Some(format!("the saved plan does not load: {e}")),
                }
            }
            Err(_) => None,
        },
    });
    outcome.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Some(format!("panic: {what}"))
    })
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let (folders, ext): (&[&str], &str) = match target {
        "csv" => (&["examples", "tests"], "csv"),
        _ => (&["examples/plans", "tests"], "json"),
    };
    let mut seeds: Vec<Vec<u8>> = match target {
        "csv" => PEOPLE.iter().map(|p| p.as_bytes().to_vec()).collect(),
        _ => vec![orgevo::io::BUNDLED_EXAMPLE.as_bytes().to_vec()],
    };
    for folder in folders {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(folder))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect();
        files.sort();
        seeds.extend(files.iter().filter_map(|f| std::fs::read(f).ok()));
    }
    seeds
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let target = args.first().map_or("load", String::as_str);
    if !matches!(target, "load" | "csv") {
        eprintln!("usage: fuzz load|csv [--seconds N] [--seed N]");
        std::process::exit(2);
    }
    let value = |flag: &str, default: u64| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seconds = value("--seconds", 10);
    let seed = value("--seed", 0x5EED);
    // Panics are caught and reported; keep their default message quiet.
    std::panic::set_hook(Box::new(|_| {}));
    let corpus = seeds(target);
    let mut rng = SeededRng::new(seed);
    let (started, limit) = (Instant::now(), Duration::from_secs(seconds));
    let (mut runs, mut found) = (0u64, 0u64);
    while started.elapsed() < limit {
        let mut input = corpus[rng.below(corpus.len())].clone();
        mutation::mutate(&mut input, &mut |n| rng.below(n));
        runs += 1;
        if let Some(problem) = check(target, &input) {
            found += 1;
            let dir = Path::new("fuzz-crashes");
            let file = dir.join(format!("{target}-{seed}-{runs}.bin"));
            let saved = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&file, &input));
            match saved {
                Ok(()) => eprintln!("{problem}: input saved as {}", file.display()),
                Err(e) => eprintln!("{problem} (could not save the input: {e})"),
            }
        }
    }
    println!(
        "fuzz {target}: {runs} inputs in {seconds} s from {} seeds (seed {seed}), {found} problems",
        corpus.len()
    );
    if found > 0 {
        std::process::exit(1);
    }
}
