//! Benchmark: one frame of the editor, headless (egui run plus tessellation
//! on the CPU, no GPU), with the pointer moving over the canvas. Targets at
//! 10,000 and 100,000 members: whole stage in view under 16 ms, zoomed in on ~50 cards
//! under 4 ms. Run with `cargo bench --bench frame`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use egui::{Event, Pos2, RawInput, Rect, vec2};
use orgevo::app::OrgevoApp;
use orgevo::model::synthetic_plan;

const FRAMES: usize = 300;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Runs `FRAMES` frames with the pointer sweeping over the canvas; returns
/// the median and the 90th percentile frame time.
fn measure(app: &mut OrgevoApp, ctx: &egui::Context) -> (Duration, Duration) {
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0));
    let mut samples = Vec::with_capacity(FRAMES);
    for frame in 0..FRAMES + 10 {
        let x = 50.0 + (frame % 100) as f32 * 10.0;
        let input = RawInput {
            screen_rect: Some(screen),
            time: Some(frame as f64 / 60.0),
            events: vec![Event::PointerMoved(Pos2::new(x, 400.0))],
            ..Default::default()
        };
        let started = Instant::now();
        let output = ctx.run_ui(input, |ui| app.ui_main(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        black_box(primitives);
        if frame >= 10 {
            samples.push(started.elapsed());
        }
    }
    let mut sorted = samples.clone();
    sorted.sort();
    let p90 = sorted[sorted.len() * 9 / 10];
    (median(samples), p90)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let small = synthetic_plan(5, 6, 2026);
    let mut app = OrgevoApp::with_plan(small, "synthetic-5.orgevo.json");
    let ctx = egui::Context::default();
    let (m, p) = measure(&mut app, &ctx);
    println!(
        "frame: 5-member stage (baseline): median {:.2} ms, p90 {:.2} ms over {FRAMES} frames",
        ms(m),
        ms(p)
    );
    for members in frame_sizes() {
        let plan = synthetic_plan(members, 6, 2026);
        let mut app = OrgevoApp::with_plan(plan, "synthetic.orgevo.json");
        let ctx = egui::Context::default();
        let (fit_median, fit_p90) = measure(&mut app, &ctx);
        println!(
            "frame: {members}-member stage, whole stage in view: median {:.2} ms, p90 {:.2} ms over {FRAMES} frames",
            ms(fit_median),
            ms(fit_p90)
        );
        // Zoom in on 50 neighbouring cards (a team and its neighbours).
        let first = members / 2;
        app.set_selection((first..first + 50).map(|i| format!("m{i}")));
        app.run_command(&ctx, orgevo::app::AppCommand::ZoomToSelection);
        let (near_median, near_p90) = measure(&mut app, &ctx);
        println!(
            "frame: {members}-member stage, zoomed in on 50 selected cards: median {:.2} ms, p90 {:.2} ms over {FRAMES} frames",
            ms(near_median),
            ms(near_p90)
        );
    }
}

/// The stage sizes to measure: `ORGEVO_BENCH_SIZES=10000` picks some.
fn frame_sizes() -> Vec<usize> {
    std::env::var("ORGEVO_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![300, 1_000, 3_000, 10_000, 100_000])
}
