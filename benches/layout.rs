//! Benchmark: the tidy tree layout is linear in members. Prints the median
//! time per member for growing stages; the figure should stay flat.
//! Targets: 100,000 members under 60 ms, 1,000,000 under 1 s.

use std::hint::black_box;
use std::time::{Duration, Instant};

use orgevo::layout::tidy_layout;
use orgevo::model::synthetic_plan;

fn main() {
    for members in [1_000, 10_000, 100_000, 1_000_000] {
        let plan = synthetic_plan(members, 7, 7);
        let stage = &plan.stages[0];
        let mut samples = Vec::new();
        let started = Instant::now();
        while samples.len() < 3
            || (started.elapsed() < Duration::from_secs(3) && samples.len() < 200)
        {
            let t = Instant::now();
            black_box(tidy_layout(black_box(stage)));
            samples.push(t.elapsed());
        }
        samples.sort();
        let median = samples[samples.len() / 2];
        println!(
            "layout: {members} members: median {:.2} ms ({:.0} ns per member) over {} runs",
            median.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e9 / members as f64,
            samples.len()
        );
    }
}
