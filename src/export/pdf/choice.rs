//! How a stage goes onto its handout pages: which layout (the stage's own,
//! or compact where it prints names larger), which spacing, and where the
//! findings go.

use super::{Arrangement, MIN_NAME_POINTS, chart_area, fit_scale, readable};
use crate::export::Paper;
use crate::export::chart::{Chart, NOTE_ROOM};
use crate::export::pages::{ChartPage, Fits, paginate};
use crate::layout::{CARD_HEIGHT, LEVEL_HEIGHT, LayoutParams, STACK_PITCH, is_tidy, lay_out_with};
use crate::look::card;
use crate::model::{LayoutStyle, Stage};
use crate::rules::Finding;

/// The chosen way onto the page.
pub(super) struct Choice<'s> {
    /// The stage as drawn: the plan's, or a compact copy of it.
    pub stage: &'s Stage,
    /// Spacing for the parts laid out again (continued pages).
    pub params: LayoutParams,
    /// Where the findings go on the first page.
    pub arrangement: Arrangement,
}

/// A compact copy of `stage` shaped for a handout page, when the stage was
/// laid out automatically in no chosen style (a style the user chose, or
/// an arrangement by hand, is printed as it is).
pub(super) fn compact_candidate(stage: &Stage, paper: Paper) -> Option<Stage> {
    let automatic = stage.none_placed() || is_tidy(stage);
    if stage.layout.is_some() || stage.member_count() < 4 || !automatic {
        return None;
    }
    let area = chart_area(paper, Arrangement::Beside, 0.0);
    let params = LayoutParams {
        aspect: (area[2] - area[0]) / (area[3] - area[1]),
        ..LayoutParams::EDITOR
    };
    let mut copy = stage.clone();
    lay_out_with(&mut copy, &params, LayoutStyle::Compact);
    Some(copy)
}

/// Of `stage` and its compact copy, the layout and place for the findings
/// that print the names largest; where no way fits one page readably, the
/// compact copy (its parts pack better onto continued pages) with the
/// findings beside.
pub(super) fn choose<'s>(
    stage: &'s Stage,
    compact: Option<&'s Stage>,
    findings: &[Finding],
    paper: Paper,
    extra: f32,
) -> Choice<'s> {
    let mut best = (stage, LayoutParams::EDITOR, Arrangement::Beside, f32::MIN);
    for candidate in std::iter::once(stage).chain(compact) {
        // A stage drawn at its own places looks the same with any spacing.
        let placed = candidate.all_placed();
        let spacings: &[LayoutParams] = if placed {
            &[LayoutParams::EDITOR]
        } else {
            &[LayoutParams::EDITOR, LayoutParams::EDITOR_WIDE]
        };
        for &params in spacings {
            let chart = Chart::of_members(candidate, None, findings, &params);
            for arrangement in [Arrangement::Beside, Arrangement::Below] {
                let scale = fit_scale(&chart, chart_area(paper, arrangement, extra));
                if scale > best.3 + 1e-4 {
                    best = (candidate, params, arrangement, scale);
                }
            }
        }
    }
    let (mut chosen, mut params, mut arrangement, scale) = best;
    if scale * card::NAME.1 < MIN_NAME_POINTS {
        // Too large for a page: the first page shows the top levels, which
        // stack best beside the findings; cards get room for their notes.
        chosen = compact.unwrap_or(stage);
        arrangement = Arrangement::Beside;
        let area = chart_area(paper, Arrangement::None, 0.0);
        params = LayoutParams {
            level_height: LEVEL_HEIGHT + NOTE_ROOM,
            stack_pitch: STACK_PITCH.max(CARD_HEIGHT + NOTE_ROOM + 8.0),
            aspect: (area[2] - area[0]) / (area[3] - area[1]),
            // Short columns: a landscape page is low.
            stack_rows: 4,
            ..LayoutParams::EDITOR
        };
    }
    Choice {
        stage: chosen,
        params,
        arrangement,
    }
}

/// The pages of `stage` (numbered from `first_page` in their notes), drawn
/// as [`choose`] picks, and where its findings go on the first.
pub(super) fn stage_pages<'s>(
    stage: &'s Stage,
    compact: Option<&'s Stage>,
    findings: &[Finding],
    paper: Paper,
    extra: f32,
    first_page: usize,
) -> (Vec<ChartPage<'s>>, Arrangement) {
    let Choice {
        stage: drawn,
        params,
        arrangement,
    } = choose(stage, compact, findings, paper, extra);
    let first = |chart: &Chart| readable(chart, chart_area(paper, arrangement, extra));
    let later = |chart: &Chart| readable(chart, chart_area(paper, Arrangement::None, 0.0));
    let full = chart_area(paper, Arrangement::None, 0.0);
    let fits = Fits {
        first: &first,
        later: &later,
        later_width: (full[2] - full[0]) * card::NAME.1 / MIN_NAME_POINTS - 48.0,
        later_aspect: (full[2] - full[0]) / (full[3] - full[1]),
    };
    (
        paginate(drawn, findings, &params, first_page, fits),
        arrangement,
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::export::chart::NOTE_SIZE;
    use crate::export::fonts::text_width;
    use crate::look::lines::Bounds;
    use crate::model::{Function, Plan, PlanBuilder, StageKind, synthetic_plan};
    use crate::rules::check_stage;

    /// A company shaped like a common HR sample: a president with 14
    /// reports, five stock teams of 8, five sales teams of 6, and a few
    /// deeper teams; 107 people.
    fn company_107() -> Plan {
        let mut b =
            PlanBuilder::new()
                .stage("hr", StageKind::Custom)
                .member("p", Function::Owner, &[]);
        let add = |b: PlanBuilder, id: String, boss: &str, function| {
            b.member(&id, function, &[]).reports(&id, boss)
        };
        let heads: Vec<(String, usize, Function)> = (0..5)
            .map(|i| (format!("stock{i}"), 8, Function::Other))
            .chain((0..5).map(|i| (format!("sales{i}"), 6, Function::SalesManager)))
            .chain([
                ("admin".to_owned(), 0, Function::Other),
                ("it-vp".to_owned(), 0, Function::Other),
                ("buying".to_owned(), 5, Function::Other),
                ("marketing".to_owned(), 1, Function::Marketing),
            ])
            .collect();
        for (head, team, function) in &heads {
            b = add(b, head.clone(), "p", *function);
            for j in 0..*team {
                b = add(b, format!("{head}-{j}"), head, Function::Sales);
            }
        }
        // Admin: 4 reports, one with 5 and one with 1; IT: 1 with 4.
        for j in 0..5 {
            b = add(b, format!("admin-{j}"), "admin", Function::Other);
        }
        for j in 0..5 {
            b = add(b, format!("finance-{j}"), "admin-0", Function::Other);
        }
        b = add(b, "accounting-0".to_owned(), "admin-1", Function::Other);
        b = add(b, "it".to_owned(), "it-vp", Function::Other);
        for j in 0..4 {
            b = add(b, format!("dev-{j}"), "it", Function::Other);
        }
        let plan = b.build().unwrap();
        assert_eq!(plan.stages[0].member_count(), 107);
        plan
    }

    /// The handout pages of stage 0: every member on exactly one page,
    /// every page readable, every note clear of every other card. Returns
    /// the pages' charts.
    fn check_handout<'p>(
        plan: &'p Plan,
        compact: Option<&'p Stage>,
        paper: Paper,
    ) -> Vec<ChartPage<'p>> {
        let stage = &plan.stages[0];
        let findings = check_stage(plan, 0);
        let (pages, arrangement) = stage_pages(stage, compact, &findings, paper, 0.0, 1);
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, page) in pages.iter().enumerate() {
            let area = if i == 0 {
                chart_area(paper, arrangement, 0.0)
            } else {
                chart_area(paper, Arrangement::None, 0.0)
            };
            assert!(
                readable(&page.chart, area),
                "page {} prints names too small",
                i + 1
            );
            let cards = &page.chart.cards;
            for c in cards {
                // A continued team's head is shown again atop its page.
                if c.note_above.is_none() {
                    *seen.entry(c.member.id.as_str()).or_default() += 1;
                }
                let notes = [
                    c.note_above
                        .as_ref()
                        .map(|n| (n, c.bounds.top - NOTE_ROOM, c.bounds.top)),
                    c.note_below
                        .as_ref()
                        .map(|n| (n, c.bounds.bottom, c.bounds.bottom + NOTE_ROOM)),
                ];
                for (note, top, bottom) in notes.into_iter().flatten() {
                    let rect = Bounds {
                        left: c.bounds.left,
                        top: top + 2.0,
                        right: c.bounds.left + text_width(note, NOTE_SIZE),
                        bottom: bottom - 2.0,
                    };
                    for other in cards.iter().filter(|o| o.member.id != c.member.id) {
                        let b = other.bounds;
                        let apart = rect.right <= b.left
                            || b.right <= rect.left
                            || rect.bottom <= b.top
                            || b.bottom <= rect.top;
                        assert!(
                            apart,
                            "page {}: \"{note}\" runs into {}",
                            i + 1,
                            other.member.id
                        );
                    }
                }
            }
        }
        assert_eq!(seen.len(), stage.member_count(), "every member is printed");
        assert!(
            seen.values().all(|n| *n == 1),
            "and only once (heads aside)"
        );
        pages
    }

    #[test]
    fn a_107_person_company_prints_compact_readable_pages_with_notes_clear_of_cards() {
        let plan = company_107();
        for paper in [Paper::A4, Paper::Letter] {
            let compact = compact_candidate(&plan.stages[0], paper);
            let pages = check_handout(&plan, compact.as_ref(), paper);
            assert!(pages.len() > 1 && pages.len() <= 6, "{} pages", pages.len());
            // The first page's heads are not one tall column.
            let first = pages[0].chart.extent();
            let (w, h) = (first.right - first.left, first.bottom - first.top);
            assert!(w > h / 1.5, "first page is {w} × {h}");
        }
    }

    #[test]
    fn a_small_stage_stays_on_one_page_and_big_ones_stay_readable() {
        let plan = synthetic_plan(14, 4, 3);
        let compact = compact_candidate(&plan.stages[0], Paper::A4);
        assert_eq!(check_handout(&plan, compact.as_ref(), Paper::A4).len(), 1);
        let plan = synthetic_plan(500, 6, 7);
        let compact = compact_candidate(&plan.stages[0], Paper::A4);
        let pages = check_handout(&plan, compact.as_ref(), Paper::A4);
        assert!(pages.len() < 60, "{} pages for 500 members", pages.len());
    }

    #[test]
    fn a_style_the_user_chose_or_a_hand_arrangement_is_printed_as_it_is() {
        let mut plan = company_107();
        assert!(compact_candidate(&plan.stages[0], Paper::A4).is_some());
        crate::layout::lay_out_in(&mut plan.stages[0], LayoutStyle::Wide);
        assert!(compact_candidate(&plan.stages[0], Paper::A4).is_none());
        plan.stages[0].layout = None;
        assert!(plan.stages[0].set_pos("p", Some([5000.0, -300.0])));
        assert!(compact_candidate(&plan.stages[0], Paper::A4).is_none());
    }
}
