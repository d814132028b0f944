//! The transition report, in Markdown and as one self-contained HTML file:
//! per stage the roster grouped by hat, a coverage table (who holds which
//! responsibility), the findings, and the changes from the previous stage
//! with hand-overs. Every user string is escaped for its format.

use std::fmt::Write;

use super::decision::{decision_subtitle, decision_title, option_line, options_at};
use super::markdown::md_text;
use super::stage_svg;
use super::svg::xml_text;
use crate::diff::{Change, diff_plan_stages};
use crate::look::{self, chip_label};
use crate::model::{Hat, Member, Plan, Responsibility, Stage, TreeStep};
use crate::rules::{Finding, Summary, check_stage};

/// The hats in report order, with their headings.
const HATS: [(Hat, &str); 4] = [
    (Hat::Both, "Leadership and management"),
    (Hat::Leader, "Leadership"),
    (Hat::Manager, "Management"),
    (Hat::None, "No core responsibility"),
];

/// What a report says about one stage.
struct StageReport<'a> {
    index: usize,
    stage: &'a Stage,
    findings: Vec<Finding>,
    previous: Option<&'a Stage>,
    changes: Vec<Change>,
}

fn stage_reports<'a>(plan: &'a Plan, indices: &[usize]) -> Vec<StageReport<'a>> {
    indices
        .iter()
        .map(|&i| {
            let previous_index = plan.previous_non_empty(i);
            StageReport {
                index: i,
                stage: &plan.stages[i],
                findings: check_stage(plan, i),
                previous: previous_index.and_then(|p| plan.stages.get(p)),
                changes: previous_index
                    .and_then(|p| diff_plan_stages(plan, p, i))
                    .map(|d| d.changes)
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The stage's members by hat, as headings with the people wearing it
/// (unescaped; hats nobody wears are left out).
fn roster(stage: &Stage) -> Vec<(&'static str, Vec<String>)> {
    HATS.iter()
        .map(|(hat, heading)| {
            let people = stage
                .members()
                .filter(|m| m.hat() == *hat)
                .map(who)
                .collect();
            (*heading, people)
        })
        .filter(|(_, people): &(_, Vec<String>)| !people.is_empty())
        .collect()
}

fn who(m: &Member) -> String {
    let mut s = m.display_name().to_owned();
    if !m.title.is_empty() {
        s = format!("{s} ({})", m.title);
    }
    if m.planned {
        s.push_str(", planned hire");
    }
    s
}

/// Members holding at least one core responsibility, for the coverage table.
fn holders(stage: &Stage) -> Vec<&Member> {
    stage
        .members()
        .filter(|m| !m.responsibilities().is_empty())
        .collect()
}

fn when(stage: &Stage) -> String {
    if stage.when.is_empty() {
        String::new()
    } else {
        format!(" · {}", stage.when)
    }
}

/// The stages among `steps`, in order.
fn stage_indices(steps: &[TreeStep]) -> Vec<usize> {
    steps
        .iter()
        .filter_map(|s| match s {
            TreeStep::Stage(i) => Some(*i),
            TreeStep::Decision(_) => None,
        })
        .collect()
}

/// "3 stages" or "4 stages and 1 decision", for the report's first line.
fn contents(steps: &[TreeStep]) -> String {
    let stages = stage_indices(steps).len();
    let decisions = steps.len() - stages;
    let stages = crate::look::count(stages, "stage");
    match decisions {
        0 => stages,
        n => format!("{stages} and {}", crate::look::count(n, "decision")),
    }
}

/// "Option “Hire a growth leader” · " for a stage on an option, else "".
fn option_prefix(plan: &Plan, index: usize) -> String {
    option_line(plan, index).map_or(String::new(), |o| format!("{o} · "))
}

/// The headings of a stage's totals table.
const TOTALS_HEADINGS: [&str; 5] = ["people", "planned seats", "cost", "capacity", "target"];

/// The cells of the totals table of the stage at `index`, or `None` when
/// the plan has no numbers.
fn totals_cells(plan: &Plan, index: usize) -> Option<[String; 5]> {
    if !plan.has_numbers() {
        return None;
    }
    let t = plan.totals(index);
    let money = |a: f64| crate::look::money::money(a, &plan.settings.currency);
    Some([
        t.people.to_string(),
        t.planned.to_string(),
        money(t.cost),
        money(t.capacity),
        t.target.map_or("none".to_owned(), money),
    ])
}

/// The report in Markdown: a section per stage and per decision of
/// `steps`, in that order.
pub fn markdown(plan: &Plan, steps: &[TreeStep]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_text(&plan.title));
    let _ = writeln!(
        out,
        "Transition report written by orgevo: {}.\n",
        contents(steps)
    );
    let mut reports = stage_reports(plan, &stage_indices(steps)).into_iter();
    for step in steps {
        match *step {
            TreeStep::Decision(at) => decision_md(&mut out, plan, at),
            TreeStep::Stage(_) => {
                if let Some(report) = reports.next() {
                    stage_md(&mut out, plan, &report);
                }
            }
        }
    }
    out
}

/// A decision's section: the options side by side in a table.
fn decision_md(out: &mut String, plan: &Plan, decision: usize) {
    let options = options_at(plan, decision);
    let _ = writeln!(out, "## {}\n", md_text(&decision_title(plan, decision)));
    let _ = writeln!(out, "*{}*\n", md_text(&decision_subtitle(&options)));
    let numbers = plan.has_numbers();
    let _ = writeln!(
        out,
        "| option | first stage | findings |{}\n|---|---|---|{}",
        if numbers { " numbers |" } else { "" },
        if numbers { "---|" } else { "" }
    );
    for o in &options {
        let extra = crate::look::money::stage_numbers(plan, o.first)
            .map_or(String::new(), |n| format!(" {} |", md_text(&n)));
        let _ = writeln!(
            out,
            "| {} | {}: {} | {} |{extra}",
            md_text(&o.name),
            md_text(&o.stage_name),
            md_text(&o.about),
            o.findings
        );
    }
    out.push('\n');
}

/// A stage's section.
fn stage_md(out: &mut String, plan: &Plan, report: &StageReport) {
    let stage = report.stage;
    let _ = writeln!(out, "## {}\n", md_text(&stage.name));
    let _ = writeln!(
        out,
        "*{}{}{} · {}*\n",
        md_text(&option_prefix(plan, report.index)),
        md_text(stage.kind.label()),
        md_text(&when(stage)),
        crate::look::count(stage.member_count(), "member")
    );
    if let Some(cells) = totals_cells(plan, report.index) {
        let _ = writeln!(
            out,
            "| {} |\n|---|---|---|---|---|",
            TOTALS_HEADINGS.join(" | ")
        );
        let cells: Vec<String> = cells.iter().map(|c| md_text(c)).collect();
        let _ = writeln!(out, "| {} |\n", cells.join(" | "));
    }
    if !stage.notes.trim().is_empty() {
        let _ = writeln!(out, "{}\n", md_text(&stage.notes));
    }
    let _ = writeln!(out, "### Roster\n");
    for (heading, people) in roster(stage) {
        let people: Vec<String> = people.iter().map(|p| md_text(p)).collect();
        let _ = writeln!(out, "- **{heading}:** {}", people.join("; "));
    }
    let _ = writeln!(out, "\n### Who holds what\n");
    let holders = holders(stage);
    if holders.is_empty() {
        let _ = writeln!(out, "Nobody holds a core responsibility.");
    } else {
        let _ = write!(out, "| member |");
        for r in Responsibility::ALL {
            let _ = write!(out, " {} |", md_text(chip_label(r)));
        }
        let _ = write!(out, "\n|---|");
        for _ in Responsibility::ALL {
            let _ = write!(out, ":-:|");
        }
        out.push('\n');
        for m in holders {
            let held = m.responsibilities();
            let _ = write!(out, "| {} |", md_text(m.display_name()));
            for r in Responsibility::ALL {
                let _ = write!(out, " {} |", if held.contains(r) { "●" } else { "" });
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "\n### Findings ({})\n", Summary::of(&report.findings));
    if report.findings.is_empty() {
        let _ = writeln!(out, "No findings: this stage passes every rule.");
    }
    for f in &report.findings {
        let _ = writeln!(
            out,
            "- **{}**: {}  \n  Fix: {}",
            f.severity,
            md_text(&f.message),
            md_text(&f.fix)
        );
    }
    if let Some(previous) = report.previous {
        let _ = writeln!(out, "\n### Changes from {}\n", md_text(&previous.name));
        write_changes_md(out, &report.changes);
    }
    out.push('\n');
}

fn write_changes_md(out: &mut String, changes: &[Change]) {
    if changes.is_empty() {
        let _ = writeln!(out, "No changes.");
        return;
    }
    let hand_overs: Vec<&Change> = changes
        .iter()
        .filter(|c| matches!(c, Change::HandOver { .. }))
        .collect();
    if !hand_overs.is_empty() {
        let _ = writeln!(out, "Hand-overs:\n");
        for c in &hand_overs {
            let _ = writeln!(out, "- {}", md_text(&c.text()));
        }
        let _ = writeln!(out, "\nOther changes:\n");
    }
    for c in changes
        .iter()
        .filter(|c| !matches!(c, Change::HandOver { .. }))
    {
        let _ = writeln!(out, "- {}", md_text(&c.text()));
    }
}

const CSS: &str = "body{font-family:'DejaVu Sans',system-ui,sans-serif;color:#1d2128;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.45}\
h1{font-size:1.8em}h2{border-top:2px solid #e4e7eb;padding-top:.8em;margin-top:2em}\
.meta{color:#5f6670}.chart{overflow:auto;border:1px solid #e4e7eb;border-radius:8px;margin:1em 0}\
.chart svg{display:block;max-width:100%;height:auto}\
table{border-collapse:collapse;font-size:.85em}th,td{border:1px solid #e4e7eb;padding:.25em .5em;text-align:center}\
td:first-child,th:first-child{text-align:left}td.option{font-weight:bold}th.lead{background:#fdf1e1}th.mgmt{background:#e6f0fb}\
.error{color:#c62828}.warning{color:#b77900}.info{color:#2f6fb3}.fix{color:#5f6670}\
li{margin:.2em 0}";

/// The report as one HTML file with its CSS and each stage's chart inline:
/// a section per stage and per decision of `steps`, in that order.
pub fn html(plan: &Plan, steps: &[TreeStep]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head><body>",
        xml_text(&plan.title)
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"meta\">Transition report written by orgevo: {}.</p>",
        xml_text(&plan.title),
        contents(steps)
    );
    let mut reports = stage_reports(plan, &stage_indices(steps)).into_iter();
    for step in steps {
        match *step {
            TreeStep::Decision(at) => decision_html(&mut out, plan, at),
            TreeStep::Stage(_) => {
                if let Some(report) = reports.next() {
                    stage_html(&mut out, plan, &report);
                }
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// A decision's section: the options side by side in a table.
fn decision_html(out: &mut String, plan: &Plan, decision: usize) {
    let options = options_at(plan, decision);
    let _ = write!(
        out,
        "<h2>{}</h2><p class=\"meta\">{}</p><table><tr><th>option</th><th>first stage</th><th>findings</th>{}</tr>",
        xml_text(&decision_title(plan, decision)),
        xml_text(&decision_subtitle(&options)),
        if plan.has_numbers() {
            "<th>numbers</th>"
        } else {
            ""
        }
    );
    for o in &options {
        let _ = write!(
            out,
            "<tr><td class=\"option\">{}</td><td>{}: {}</td><td>{}</td>{}</tr>",
            xml_text(&o.name),
            xml_text(&o.stage_name),
            xml_text(&o.about),
            o.findings,
            crate::look::money::stage_numbers(plan, o.first)
                .map_or(String::new(), |n| format!("<td>{}</td>", xml_text(&n)))
        );
    }
    out.push_str("</table>");
}

/// A stage's section.
fn stage_html(out: &mut String, plan: &Plan, report: &StageReport) {
    let index = report.index;
    let stage = report.stage;
    let _ = write!(
        out,
        "<h2>{}</h2><p class=\"meta\">{}{}{} · {}</p>",
        xml_text(&stage.name),
        xml_text(&option_prefix(plan, index)),
        xml_text(stage.kind.label()),
        xml_text(&when(stage)),
        crate::look::count(stage.member_count(), "member")
    );
    if let Some(cells) = totals_cells(plan, index) {
        out.push_str("<table class=\"totals\"><tr>");
        for heading in TOTALS_HEADINGS {
            let _ = write!(out, "<th>{heading}</th>");
        }
        out.push_str("</tr><tr>");
        for cell in cells {
            let _ = write!(out, "<td>{}</td>", xml_text(&cell));
        }
        out.push_str("</tr></table>");
    }
    if !stage.notes.trim().is_empty() {
        let _ = write!(out, "<p>{}</p>", xml_text(&stage.notes));
    }
    if let Some(svg) = stage_svg(plan, index) {
        let _ = write!(out, "<div class=\"chart\">{}</div>", svg.text);
    }
    out.push_str("<h3>Roster</h3><ul>");
    for (heading, people) in roster(stage) {
        let people: Vec<String> = people.iter().map(|p| xml_text(p)).collect();
        let _ = write!(out, "<li><b>{heading}:</b> {}</li>", people.join("; "));
    }
    out.push_str("</ul><h3>Who holds what</h3>");
    write_coverage_html(out, stage);
    let _ = write!(
        out,
        "<h3>Findings ({})</h3><ul>",
        Summary::of(&report.findings)
    );
    if report.findings.is_empty() {
        out.push_str("<li>No findings: this stage passes every rule.</li>");
    }
    for f in &report.findings {
        let _ = write!(
            out,
            "<li><span class=\"{s}\"><b>{s}</b></span>: {}<br><span class=\"fix\">Fix: {}</span></li>",
            xml_text(&f.message),
            xml_text(&f.fix),
            s = f.severity.id(),
        );
    }
    out.push_str("</ul>");
    if let Some(previous) = report.previous {
        let _ = write!(
            out,
            "<h3>Changes from {}</h3><ul>",
            xml_text(&previous.name)
        );
        if report.changes.is_empty() {
            out.push_str("<li>No changes.</li>");
        }
        let (hand_overs, others): (Vec<&Change>, Vec<&Change>) = report
            .changes
            .iter()
            .partition(|c| matches!(c, Change::HandOver { .. }));
        for c in hand_overs.iter().chain(&others) {
            let _ = write!(out, "<li>{}</li>", xml_text(&c.text()));
        }
        out.push_str("</ul>");
    }
}

fn write_coverage_html(out: &mut String, stage: &Stage) {
    let holders = holders(stage);
    if holders.is_empty() {
        out.push_str("<p>Nobody holds a core responsibility.</p>");
        return;
    }
    out.push_str("<table><tr><th>member</th>");
    for r in Responsibility::ALL {
        let class = match r.family() {
            crate::model::TagFamily::Leadership => "lead",
            crate::model::TagFamily::Management => "mgmt",
        };
        let _ = write!(
            out,
            "<th class=\"{class}\" title=\"{}\">{}</th>",
            r.id(),
            chip_label(r)
        );
    }
    out.push_str("</tr>");
    for m in holders {
        let held = m.responsibilities();
        let color = look::function_color(m.function).hex();
        let _ = write!(
            out,
            "<tr><td><span style=\"color:{color}\">▍</span>{}</td>",
            xml_text(m.display_name())
        );
        for r in Responsibility::ALL {
            out.push_str(if held.contains(r) {
                "<td>●</td>"
            } else {
                "<td></td>"
            });
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}
