//! Benchmark: every rule over a 10,000-member plan with three stages.
//! Target: under 20 ms (release build). Run with `cargo bench --bench rules`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use orgevo::model::synthetic_plan;
use orgevo::rules::{Summary, check_plan};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    // (members per stage, reports per manager): a realistic tree, and a flat
    // worst case where everyone reports to the owner.
    for (members, fan_out) in [(1_000, 7), (10_000, 7), (10_000, 10_000)] {
        let plan = synthetic_plan(members, fan_out, 2026);
        let findings = check_plan(&plan);
        let mut samples = Vec::new();
        let started = Instant::now();
        while samples.len() < 30
            || (started.elapsed() < Duration::from_secs(3) && samples.len() < 500)
        {
            let t = Instant::now();
            black_box(check_plan(black_box(&plan)));
            samples.push(t.elapsed());
        }
        let runs = samples.len();
        let min = samples.iter().min().copied().unwrap_or_default();
        let med = median(samples);
        println!(
            "rules: {members} members x 3 stages, fan-out {fan_out} ({} links): median {:.2} ms, min {:.2} ms over {runs} runs; {} findings ({})",
            plan.link_count(),
            med.as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            findings.len(),
            Summary::of(&findings),
        );
    }
}
