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

/// A part of the stage: the members on one page, and where it hangs.
struct Part {
    members: HashSet<String>,
    /// The member this part continues (its root), and the part showing it.
    continues: Option<(String, usize)>,
}

/// Splits `stage` into pages whose chart `fits`; the pages are numbered
/// from `first_page` in the notes. A stage that fits is one page.
pub fn paginate<'a>(
    stage: &'a Stage,
    findings: &[Finding],
    params: &LayoutParams,
    first_page: usize,
    fits: &dyn Fn(&Chart) -> bool,
) -> Vec<ChartPage<'a>> {
    let whole = Chart::of_members(stage, None, findings, params);
    if fits(&whole) || stage.member_count() < 2 {
        return vec![ChartPage {
            chart: whole,
            continuation: false,
        }];
    }
    let reports = report_lists(stage);
    let roots = roots(stage, &reports);
    let mut parts: Vec<Part> = Vec::new();
    let mut top: HashSet<String> = HashSet::new();
    for root in &roots {
        top.insert(root.clone());
        for r in reports.get(root.as_str()).into_iter().flatten() {
            top.insert(r.to_string());
        }
    }
    parts.push(Part {
        members: top,
        continues: None,
    });
    let mut queue: Vec<(String, usize)> = Vec::new();
    for root in &roots {
        for r in reports.get(root.as_str()).into_iter().flatten() {
            queue.push((r.to_string(), 0));
        }
    }
    // Depth first, so a team's pages follow each other.
    queue.reverse();
    while let Some((head, parent)) = queue.pop() {
        if reports.get(head.as_str()).is_none_or(|r| r.is_empty()) {
            continue;
        }
        let subtree = subtree(&head, &reports);
        let whole = Chart::of_members(stage, Some(&subtree), findings, params);
        let index = parts.len();
        if fits(&whole) {
            parts.push(Part {
                members: subtree,
                continues: Some((head, parent)),
            });
            continue;
        }
        let mut page: HashSet<String> = HashSet::from([head.clone()]);
        let children: Vec<String> = reports
            .get(head.as_str())
            .into_iter()
            .flatten()
            .map(|r| r.to_string())
            .collect();
        page.extend(children.iter().cloned());
        parts.push(Part {
            members: page,
            continues: Some((head, parent)),
        });
        for child in children.into_iter().rev() {
            queue.push((child, index));
        }
    }
    annotate(stage, findings, params, &parts, &reports, first_page)
}

/// Charts for the parts, with their notes.
fn annotate<'a>(
    stage: &'a Stage,
    findings: &[Finding],
    params: &LayoutParams,
    parts: &[Part],
    reports: &HashMap<&str, Vec<&str>>,
    first_page: usize,
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
        .filter_map(|(i, p)| p.continues.as_ref().map(|(head, _)| (head.as_str(), i)))
        .collect();
    parts
        .iter()
        .map(|part| {
            let mut chart = Chart::of_members(stage, Some(&part.members), findings, params);
            for card in &mut chart.cards {
                let id = card.member.id.as_str();
                if let Some((head, parent)) = &part.continues
                    && head == id
                {
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
                    .filter(|r| !part.members.contains(**r))
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
                continuation: part.continues.is_some(),
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
