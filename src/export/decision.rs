//! What every export says at a decision (DESIGN.md "Options"): the stage
//! the plan branches at, and for each option its name, its first stage and
//! that stage's findings, for the PDF's decision page, the decision slide
//! and the report's decision section alike.

use crate::model::Plan;
use crate::rules::{Summary, check_stage};

/// One option at a decision.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSummary {
    /// The option's first stage.
    pub first: usize,
    /// The option's name ("Hire a growth leader").
    pub name: String,
    /// The first stage's name.
    pub stage_name: String,
    /// The first stage's kind and when, and its size: "Converged · 2029 ·
    /// 17 members".
    pub about: String,
    /// The first stage's findings, counted.
    pub findings: Summary,
    /// How many stages the option runs for along its own line.
    pub stages: usize,
}

/// The heading of the decision at the stage at `decision`: "Decision
/// after Split roles".
pub fn decision_title(plan: &Plan, decision: usize) -> String {
    let name = plan.stages.get(decision).map_or("", |s| s.name.as_str());
    format!("Decision after {name}")
}

/// The line under the heading: "2 options: Grow Morgan Blake or Hire a
/// growth leader".
pub fn decision_subtitle(options: &[OptionSummary]) -> String {
    let names: Vec<&str> = options.iter().map(|o| o.name.as_str()).collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    };
    format!("{}: {list}", crate::look::count(options.len(), "option"))
}

/// The options at the stage at `decision`, in file order (the main one
/// first).
pub fn options_at(plan: &Plan, decision: usize) -> Vec<OptionSummary> {
    let children = plan.children();
    plan.followers(decision)
        .into_iter()
        .map(|first| {
            let stage = &plan.stages[first];
            let members = crate::look::count(stage.member_count(), "member");
            let about = match crate::look::kind_and_when(stage) {
                under if under.is_empty() => members,
                under => format!("{under} · {members}"),
            };
            let stages =
                std::iter::successors(Some(first), |i| children[*i].first().copied()).count();
            OptionSummary {
                first,
                name: plan.option_name(first),
                stage_name: stage.name.clone(),
                about,
                findings: Summary::of(&check_stage(plan, first)),
                stages,
            }
        })
        .collect()
}

/// The heading line of a stage on an option: `Some("Option \"Hire a
/// growth leader\"")` for a stage on that option, `None` on the main line
/// before any decision.
pub fn option_line(plan: &Plan, index: usize) -> Option<String> {
    plan.option_of(index)
        .map(|first| format!("Option \u{201c}{}\u{201d}", plan.option_name(first)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Plan {
        crate::io::plan_from_str(crate::io::BUNDLED_EXAMPLE).unwrap()
    }

    #[test]
    fn the_example_decides_at_the_split_between_two_options() {
        let plan = example();
        let split = plan.stage_position("split").unwrap();
        assert_eq!(decision_title(&plan, split), "Decision after Split roles");
        let options = options_at(&plan, split);
        let names: Vec<&str> = options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Grow Morgan Blake", "Hire a growth leader"]);
        for o in &options {
            assert_eq!(plan.parent(o.first), Some(split));
            assert!(
                o.about
                    .ends_with(&format!("{} members", plan.stages[o.first].member_count()))
            );
            assert_eq!(o.findings, Summary::of(&check_stage(&plan, o.first)));
        }
        assert_eq!(
            decision_subtitle(&options),
            "2 options: Grow Morgan Blake or Hire a growth leader"
        );
        assert_eq!(option_line(&plan, 0), None);
        assert_eq!(option_line(&plan, split), None);
        assert_eq!(
            option_line(&plan, options[1].first).as_deref(),
            Some("Option \u{201c}Hire a growth leader\u{201d}")
        );
    }
}
