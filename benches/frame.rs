//! Benchmark: one frame of the editor on a 300-member stage, headless
//! (egui run plus tessellation on the CPU, no GPU). Target: median under
//! 8 ms. Run with `cargo bench --bench frame`.

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

fn main() {
    let small = synthetic_plan(5, 6, 2026);
    let mut app = OrgevoApp::with_plan(small, "synthetic-5.orgevo.json");
    let ctx = egui::Context::default();
    let (m, p) = measure(&mut app, &ctx);
    println!(
        "frame: 5-member stage (baseline): median {:.2} ms, p90 {:.2} ms over {FRAMES} frames",
        m.as_secs_f64() * 1e3,
        p.as_secs_f64() * 1e3
    );
    let plan = synthetic_plan(300, 6, 2026);
    let mut app = OrgevoApp::with_plan(plan, "synthetic-300.orgevo.json");
    let ctx = egui::Context::default();
    let (fit_median, fit_p90) = measure(&mut app, &ctx);
    println!(
        "frame: 300-member stage, whole stage in view: median {:.2} ms, p90 {:.2} ms over {FRAMES} frames",
        fit_median.as_secs_f64() * 1e3,
        fit_p90.as_secs_f64() * 1e3
    );
    // Zoom in on 24 neighbouring cards: every card drawn in full detail.
    app.set_selection((100..124).map(|i| format!("m{i}")));
    app.run_command(&ctx, orgevo::app::AppCommand::ZoomToSelection);
    let (near_median, near_p90) = measure(&mut app, &ctx);
    println!(
        "frame: 300-member stage, zoomed in on 24 selected cards: median {:.2} ms, p90 {:.2} ms over {FRAMES} frames",
        near_median.as_secs_f64() * 1e3,
        near_p90.as_secs_f64() * 1e3
    );
    app.run_command(&ctx, orgevo::app::AppCommand::SelectAll);
    app.run_command(&ctx, orgevo::app::AppCommand::FitView);
    let (sel_median, sel_p90) = measure(&mut app, &ctx);
    println!(
        "frame: 300-member stage, all 300 selected: median {:.2} ms, p90 {:.2} ms over {FRAMES} frames",
        sel_median.as_secs_f64() * 1e3,
        sel_p90.as_secs_f64() * 1e3
    );
}
