//! Benchmark: exporting a 500-member stage to PNG at 2× and to a PDF
//! handout, and the other formats for comparison. Target: under 1 s each
//! (release build). Run with `cargo bench --bench export`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use orgevo::export::{Format, Paper, Request, Scope, export};
use orgevo::model::synthetic_plan;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let plan = synthetic_plan(500, 6, 7);
    for (format, scale) in [
        (Format::Png, 2.0),
        (Format::Pdf, 1.0),
        (Format::Svg, 1.0),
        (Format::Pptx, 1.0),
        (Format::Html, 1.0),
    ] {
        let request = Request {
            scope: Scope::Stage(0),
            format,
            scale,
            paper: Paper::A4,
        };
        let mut samples = Vec::new();
        let mut size = 0;
        let started = Instant::now();
        while samples.len() < 5
            || (started.elapsed() < Duration::from_secs(5) && samples.len() < 30)
        {
            let t = Instant::now();
            match export(black_box(&plan), black_box(&request)) {
                Ok(bytes) => size = bytes.len(),
                Err(e) => {
                    eprintln!("{format:?} failed: {e}");
                    return;
                }
            }
            samples.push(t.elapsed());
        }
        let runs = samples.len();
        println!(
            "export: 500-member stage as {:?} (scale {scale}): median {:.0} ms over {runs} runs, {:.1} MB",
            format,
            median(samples).as_secs_f64() * 1e3,
            size as f64 / 1e6,
        );
    }
}
