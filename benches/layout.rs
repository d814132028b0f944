//! Benchmark: each layout style is linear in members. Prints, per style,
//! the median time per member for growing stages (the figure should stay
//! flat) and the chart's proportions.
//! Targets: 100,000 members under 60 ms, 1,000,000 under 1 s (wide).

use std::hint::black_box;
use std::time::{Duration, Instant};

use orgevo::layout::{LayoutParams, card_size, styled_layout};
use orgevo::model::{LayoutStyle, synthetic_plan};

fn main() {
    for members in [1_000, 10_000, 100_000, 1_000_000] {
        let plan = synthetic_plan(members, 7, 7);
        let stage = &plan.stages[0];
        for style in LayoutStyle::ALL {
            let mut samples = Vec::new();
            let started = Instant::now();
            let mut laid_out = Vec::new();
            while samples.len() < 3
                || (started.elapsed() < Duration::from_secs(3) && samples.len() < 200)
            {
                let t = Instant::now();
                laid_out = black_box(styled_layout(
                    black_box(stage),
                    &LayoutParams::EDITOR,
                    style,
                ));
                samples.push(t.elapsed());
            }
            samples.sort();
            let median = samples[samples.len() / 2];
            let [mut left, mut top, mut right, mut bottom] =
                [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
            for (id, [x, y]) in &laid_out {
                let [w, h] = stage.member(id).map_or([0.0; 2], card_size);
                (left, right) = (left.min(x - w / 2.0), right.max(x + w / 2.0));
                (top, bottom) = (top.min(y - h / 2.0), bottom.max(y + h / 2.0));
            }
            println!(
                "layout {style:>10}: {members:>9} members: median {:8.2} ms ({:4.0} ns per member) over {:3} runs; {:.0} × {:.0} px ({:.1}:1)",
                median.as_secs_f64() * 1e3,
                median.as_secs_f64() * 1e9 / members as f64,
                samples.len(),
                right - left,
                bottom - top,
                (right - left) / (bottom - top),
            );
        }
    }
}
