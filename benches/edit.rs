//! Benchmark: one edit on a big plan in the app, including everything the
//! app re-derives (findings, the diff against the previous stage) and the
//! next frame, headless; on a straight plan (3 stages) and on a plan with
//! options (5 stages, 2 decisions: an edit at a decision reaches both its
//! options). Also: what 200 edits add to the memory in use. A big re-check
//! of the rules, and a big stage's new layout, run on workers: how long
//! until the cards are in place and the findings current is printed too.
//! Target: under 16 ms median at 10,000 and at 100,000 members a stage, and under 100 MB
//! for 200 edits. Run with `cargo bench --bench edit`.

// The allocator the app runs with (src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, vec2};
use orgevo::app::OrgevoApp;
use orgevo::edit::Edit;
use orgevo::model::{Plan, synthetic_plan, synthetic_plan_with_options};

/// The stage sizes to measure: `ORGEVO_BENCH_SIZES=100000` picks some.
fn sizes() -> Vec<usize> {
    std::env::var("ORGEVO_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![300, 1_000, 3_000, 10_000, 100_000])
}

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

/// A rename of member `m{i}` of stage `s1`, as the inspector's name
/// field makes it.
fn rename(plan: &Plan, i: usize, round: usize) -> Edit {
    let mut member = plan
        .stage("s1")
        .and_then(|s| s.member(&format!("m{i}")))
        .cloned()
        .expect("the generator makes m0..mN");
    member.name = format!("Renamed {round}");
    Edit::UpdateMember {
        stage: "s1".to_owned(),
        member,
    }
}

/// Moves member `m{i}` of stage `s1` under another manager.
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
    let plan = synthetic_plan(members, 6, 2026);
    measure_plan(
        plan,
        members,
        make,
        &format!("{what} + next frame, {members} members x 3 stages"),
    );
}

/// The same edits on the plan with options, at its second decision (`s1`,
/// shown), so each edit reaches both options after it.
fn measure_options(members: usize, make: fn(&Plan, usize, usize) -> Edit, what: &str) {
    let plan = synthetic_plan_with_options(members, 6, 2026);
    measure_plan(
        plan,
        members,
        make,
        &format!("{what} at a decision + next frame, {members} members x 5 stages, 2 decisions"),
    );
}

fn measure_plan(plan: Plan, members: usize, make: fn(&Plan, usize, usize) -> Edit, what: &str) {
    let shown = plan.stage_position("s1").expect("the generator makes s1");
    let mut app = OrgevoApp::with_plan(plan, "synthetic");
    app.set_stage(shown);
    let ctx = egui::Context::default();
    for n in 0..3 {
        frame(&mut app, &ctx, n);
    }
    let rounds = if members > 3_000 { 60 } else { 100 };
    // A few edits first, untimed: editing is measured once the app has
    // settled (its undo history and caches have their first entries).
    const WARM_UP: usize = 5;
    for round in 0..WARM_UP {
        let edit = make(app.plan(), members / 2 - round, round);
        assert!(app.apply(&edit), "{what} refused: {}", app.status());
        frame(&mut app, &ctx, round + 3);
    }
    let (mut samples, mut applies, mut settled) = (Vec::new(), Vec::new(), Vec::new());
    let (mut laid_out, mut placing) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let edit = make(app.plan(), members - 1 - round, round);
        let started = Instant::now();
        assert!(app.apply(&edit), "{what} refused: {}", app.status());
        applies.push(started.elapsed());
        frame(&mut app, &ctx, round + 3 + WARM_UP);
        samples.push(started.elapsed());
        // Until the findings are those of the edited plan (a big re-check
        // runs on a worker while the frames go on), as a user between two
        // edits sees it.
        // A big stage's new layout, too, comes from a worker.
        let mut n = 0;
        let mut placed = (!app.is_laying_out()).then(|| started.elapsed());
        while app.is_checking() || app.is_laying_out() {
            std::thread::sleep(Duration::from_millis(1));
            n += 1;
            let frame_started = Instant::now();
            frame(&mut app, &ctx, round + 3 + WARM_UP + n);
            if placed.is_none() && !app.is_laying_out() {
                placed = Some(started.elapsed());
                // The frame that moves the cards.
                placing.push(frame_started.elapsed());
            }
        }
        settled.push(started.elapsed());
        laid_out.push(placed.unwrap_or_else(|| started.elapsed()));
    }
    let ms = |samples: Vec<Duration>| median(samples).as_secs_f64() * 1e3;
    let placing = if placing.is_empty() {
        String::new()
    } else {
        format!(", in a frame of {:.2} ms", ms(placing))
    };
    println!(
        "edit: {what}: median {:.2} ms over {rounds} edits (the edit {:.2} ms; laid out after {:.2} ms{placing}; findings current after {:.2} ms)",
        ms(samples),
        ms(applies),
        ms(laid_out),
        ms(settled),
    );
}

fn main() {
    // `ORGEVO_BENCH_EDITS=rename` measures one kind of edit only.
    let only = std::env::var("ORGEVO_BENCH_EDITS").unwrap_or_default();
    let wanted = |what: &str| only.is_empty() || only.split(',').any(|w| w == what);
    for members in sizes() {
        if wanted("rename") {
            measure(members, rename, "rename");
        }
        if wanted("re-parent") {
            measure(members, re_parent, "re-parent");
        }
    }
    if !only.is_empty() {
        return;
    }
    for members in [1_000, 10_000] {
        measure_options(members, rename, "rename");
        measure_options(members, re_parent, "re-parent");
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
