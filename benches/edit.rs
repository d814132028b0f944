//! Benchmark: one edit on a big plan in the app, including everything the
//! app re-derives (findings, the diff against the previous stage) and the
//! next frame, headless. Also: what 200 edits add to the memory in use.
//! Target: under 16 ms median at 10,000 members a stage, and under 100 MB
//! for 200 edits. Run with `cargo bench --bench edit`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, vec2};
use orgevo::app::OrgevoApp;
use orgevo::edit::Edit;
use orgevo::model::{Plan, synthetic_plan};

const SIZES: [usize; 4] = [300, 1_000, 3_000, 10_000];

fn frame(app: &mut OrgevoApp, ctx: &egui::Context, n: usize) {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        time: Some(n as f64 / 60.0),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.ui_main(ui));
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// A rename of member `m{i}` of the second stage, as the inspector's name
/// field makes it.
fn rename(plan: &Plan, i: usize, round: usize) -> Edit {
    let mut member = plan.stages[1]
        .member(&format!("m{i}"))
        .cloned()
        .expect("the generator makes m0..mN");
    member.name = format!("Renamed {round}");
    Edit::UpdateMember {
        stage: "s1".to_owned(),
        member,
    }
}

/// Moves member `m{i}` of the second stage under another manager.
fn re_parent(_plan: &Plan, i: usize, round: usize) -> Edit {
    Edit::SetManager {
        stage: "s1".to_owned(),
        member: format!("m{i}"),
        manager: Some(format!("m{}", 1 + round % 5)),
    }
}

/// Resident memory of this process in bytes (Linux), if known.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn measure(members: usize, make: fn(&Plan, usize, usize) -> Edit, what: &str) {
    let mut app = OrgevoApp::with_plan(synthetic_plan(members, 6, 2026), "synthetic");
    app.set_stage(1);
    let ctx = egui::Context::default();
    for n in 0..3 {
        frame(&mut app, &ctx, n);
    }
    let rounds = if members > 3_000 { 40 } else { 100 };
    let mut samples = Vec::new();
    for round in 0..rounds {
        let edit = make(app.plan(), members - 1 - round, round);
        let started = Instant::now();
        assert!(app.apply(&edit), "{what} refused: {}", app.status());
        frame(&mut app, &ctx, round + 3);
        samples.push(started.elapsed());
    }
    println!(
        "edit: {what} + next frame, {members} members x 3 stages: median {:.2} ms over {rounds} edits",
        median(samples).as_secs_f64() * 1e3
    );
}

fn main() {
    for members in SIZES {
        measure(members, rename, "rename");
        measure(members, re_parent, "re-parent");
    }
    let mut app = OrgevoApp::with_plan(synthetic_plan(10_000, 6, 2026), "synthetic");
    app.set_stage(1);
    let ctx = egui::Context::default();
    frame(&mut app, &ctx, 0);
    let before = resident_bytes();
    for round in 0..200 {
        let edit = if round % 2 == 0 {
            rename(app.plan(), 9_999 - round, round)
        } else {
            re_parent(app.plan(), 9_999 - round, round)
        };
        app.apply(&edit);
        frame(&mut app, &ctx, round + 1);
    }
    let after = resident_bytes();
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "edit: 200 edits on 10,000 members x 3 stages: resident memory grew {:.1} MB ({} undo steps kept)",
            after.saturating_sub(before) as f64 / 1e6,
            app.document().history().undo_len(),
        );
    }
}
