//! A chart too large to read on one sheet of paper continues by subtree on
//! further pages: the first page shows the heads and their direct reports,
//! each larger team continues on its own page (recursively), with "continued
//! from" and "continues on page" notes.

use std::collections::{HashMap, HashSet};

use super::chart::Chart;
use crate::layout::LayoutParams;
use crate::model::Stage;
use crate::rules::Finding;

/// One page's part of a stage.
#[derive(Debug)]
pub struct ChartPage<'a> {
    /// The chart of this page, notes included.
    pub chart: Chart<'a>,
    /// Whether this page continues another page of the same stage.
    pub continuation: bool,
}

/// A part of the stage: the members on one page, and the heads it
/// continues with the part each head is shown in.
struct Part {
    /// The teams on the page, drawn one under another.
    teams: Vec<HashSet<String>>,
    continues: Vec<(String, usize)>,
}

/// Whether a chart is readable on a stage's first page (beside the
/// findings) and on a continuation page (the whole page).
pub struct Fits<'f> {
    /// On the stage's first page.
    pub first: &'f dyn Fn(&Chart) -> bool,
    /// On the pages after it.
    pub later: &'f dyn Fn(&Chart) -> bool,
    /// The widest row of teams a page after the first can hold readably.
    pub later_width: f32,
    /// The proportions (width over height) of a page after the first.
    pub later_aspect: f32,
}

/// Splits `stage` into pages whose chart `fits`; the pages are numbered
/// from `first_page` in the notes. A stage that fits is one page. A page
/// shows as many levels as fit; teams below continue on further pages, and
/// small teams share a page.
pub fn paginate<'a>(
    stage: &'a Stage,
    findings: &[Finding],
    params: &LayoutParams,
    first_page: usize,
    fits: Fits,
) -> Vec<ChartPage<'a>> {
    let whole = Chart::of_members(stage, None, findings, params);
    if (fits.first)(&whole) || stage.member_count() < 2 {
        return vec![ChartPage {
            chart: whole,
            continuation: false,
        }];
    }
    let reports = report_lists(stage);
    let chart_of = |set: &HashSet<String>| Chart::of_members(stage, Some(set), findings, params);
    let first_fits = |set: &HashSet<String>| (fits.first)(&chart_of(set));
    let later_fits = |set: &HashSet<String>| (fits.later)(&chart_of(set));
    // Teams packed in rows on a continuation page.
    let pack = |teams: &[HashSet<String>]| {
        Chart::packed_to_fit(
            teams.iter().map(chart_of).collect(),
            fits.later_width,
            fits.later_aspect,
        )
    };
    let pack_fits = |teams: &[HashSet<String>]| (fits.later)(&pack(teams));
    let mut parts: Vec<Part> = Vec::new();
    // Heads waiting for a page, with the part that shows them.
    let mut waiting: Vec<(String, usize)> = Vec::new();
    let roots = roots(stage, &reports);
    let (top, below) = levels_that_fit(&roots, &reports, &first_fits);
    parts.push(Part {
        teams: vec![top],
        continues: Vec::new(),
    });
    waiting.extend(below.into_iter().map(|h| (h, 0)));
    let mut next = 0;
    while next < waiting.len() {
        // Pack consecutive heads whose whole teams fit one under another.
        let mut pack: Vec<HashSet<String>> = Vec::new();
        let mut heads: Vec<(String, usize)> = Vec::new();
        while next < waiting.len() {
            let (head, parent) = waiting[next].clone();
            pack.push(subtree(&head, &reports));
            if pack_fits(&pack) {
                heads.push((head, parent));
                next += 1;
            } else {
                pack.pop();
                break;
            }
        }
        if !heads.is_empty() {
            parts.push(Part {
                teams: pack,
                continues: heads,
            });
            continue;
        }
        // One team too large for a page on its own: its top levels here,
        // the teams below later.
        let (head, parent) = waiting[next].clone();
        next += 1;
        let index = parts.len();
        let (shown, below) = levels_that_fit(std::slice::from_ref(&head), &reports, &later_fits);
        parts.push(Part {
            teams: vec![shown],
            continues: vec![(head, parent)],
        });
        waiting.extend(below.into_iter().map(|h| (h, index)));
    }
    annotate(
        stage,
        findings,
        params,
        &parts,
        &reports,
        first_page,
        [fits.later_width, fits.later_aspect],
    )
}

/// The members within as many levels below `heads` as fit (at least the
/// heads and their direct reports), and the members on the last level
/// shown whose teams did not fit.
fn levels_that_fit(
    heads: &[String],
    reports: &HashMap<&str, Vec<&str>>,
    fits: &dyn Fn(&HashSet<String>) -> bool,
) -> (HashSet<String>, Vec<String>) {
    let mut shown: HashSet<String> = heads.iter().cloned().collect();
    let mut level: Vec<String> = heads.to_vec();
    loop {
        let next: Vec<String> = level
            .iter()
            .flat_map(|id| reports.get(id.as_str()).into_iter().flatten())
            .map(|r| r.to_string())
            .filter(|r| !shown.contains(r))
            .collect();
        if next.is_empty() {
            return (shown, Vec::new());
        }
        let mut grown = shown.clone();
        grown.extend(next.iter().cloned());
        let first_level = level.len() == heads.len() && level.iter().all(|l| heads.contains(l));
        if !first_level && !fits(&grown) {
            let below = level
                .into_iter()
                .filter(|id| reports.get(id.as_str()).is_some_and(|r| !r.is_empty()))
                .collect();
            return (shown, below);
        }
        shown = grown;
        level = next;
    }
}

/// Charts for the parts, with their notes.
fn annotate<'a>(
    stage: &'a Stage,
    findings: &[Finding],
    params: &LayoutParams,
    parts: &[Part],
    reports: &HashMap<&str, Vec<&str>>,
    first_page: usize,
    [later_width, later_aspect]: [f32; 2],
) -> Vec<ChartPage<'a>> {
    let name = |id: &str| {
        stage
            .member(id)
            .map_or(id.to_owned(), |m| m.display_name().to_owned())
    };
    // Where each continued head has its own page.
    let page_of_head: HashMap<&str, usize> = parts
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.continues.iter().map(move |(head, _)| (head.as_str(), i)))
        .collect();
    parts
        .iter()
        .map(|part| {
            let mut chart = Chart::packed_to_fit(
                part.teams
                    .iter()
                    .map(|team| Chart::of_members(stage, Some(team), findings, params))
                    .collect(),
                later_width,
                later_aspect,
            );
            let on_page: HashSet<&str> = part.teams.iter().flatten().map(String::as_str).collect();
            for card in &mut chart.cards {
                let id = card.member.id.as_str();
                if let Some((_, parent)) = part.continues.iter().find(|(head, _)| head == id) {
                    let boss = stage.manager_of(id).map_or("", |m| m.display_name());
                    card.note_above = Some(format!(
                        "continued from {boss}, page {}",
                        first_page + parent
                    ));
                    continue;
                }
                let hidden = reports
                    .get(id)
                    .into_iter()
                    .flatten()
                    .filter(|r| !on_page.contains(**r))
                    .count();
                if hidden > 0
                    && let Some(page) = page_of_head.get(id)
                {
                    let team = subtree(id, reports).len() - 1;
                    card.note_below = Some(format!(
                        "↳ {team} in {}'s team, page {}",
                        name(id),
                        first_page + page
                    ));
                }
            }
            ChartPage {
                chart,
                continuation: !part.continues.is_empty(),
            }
        })
        .collect()
}

/// Direct reports by manager id (self-reports ignored).
fn report_lists(stage: &Stage) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in stage.members() {
        if let Some(boss) = stage.manager_of(&m.id)
            && boss.id != m.id
        {
            out.entry(boss.id.as_str()).or_default().push(m.id.as_str());
        }
    }
    out
}

/// Members without a manager, then anyone unreachable from them (members
/// in a reporting cycle), so every member lands on some page.
fn roots(stage: &Stage, reports: &HashMap<&str, Vec<&str>>) -> Vec<String> {
    let mut roots: Vec<String> = stage
        .members()
        .filter(|m| stage.manager_of(&m.id).is_none_or(|b| b.id == m.id))
        .map(|m| m.id.clone())
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    for r in &roots {
        seen.extend(subtree(r, reports));
    }
    for m in stage.members() {
        if !seen.contains(&m.id) {
            seen.extend(subtree(&m.id, reports));
            roots.push(m.id.clone());
        }
    }
    roots
}

/// `head` and everyone reporting to it, directly or not.
fn subtree(head: &str, reports: &HashMap<&str, Vec<&str>>) -> HashSet<String> {
    let mut out: HashSet<String> = HashSet::new();
    let mut stack = vec![head];
    while let Some(id) = stack.pop() {
        if out.insert(id.to_owned()) {
            stack.extend(reports.get(id).into_iter().flatten().copied());
        }
    }
    out
}
