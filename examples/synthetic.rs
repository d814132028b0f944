//! Writes a generated three-stage plan (`members` a stage; about one person
//! in ten moves between stages) for benchmarks and big-org checks:
//! `cargo run --release --example synthetic -- 100000 big.orgevo.json`.

fn main() {
    let mut args = std::env::args().skip(1);
    let members: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let out = args
        .next()
        .unwrap_or_else(|| format!("synthetic-{members}.orgevo.json"));
    let plan = orgevo::model::synthetic_plan(members, 6, 2026);
    match orgevo::io::save_plan(&plan, std::path::Path::new(&out)) {
        Ok(()) => println!(
            "wrote {out}: {} members over {} stages",
            plan.member_count(),
            plan.stages.len()
        ),
        Err(e) => eprintln!("{e}"),
    }
}
