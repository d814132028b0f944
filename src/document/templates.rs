//! Plans to start from: a new plan, the three-stage template, the bundled
//! example, and the name a document without a file goes by.

use crate::io::{BUNDLED_EXAMPLE, BUNDLED_EXAMPLE_NAME, LoadError, plan_from_str};
use crate::model::{Function, Member, Plan, Responsibility, Stage, StageKind, stage_template};

use super::Document;

/// The name of a document that has no file and no other name.
pub const UNTITLED: &str = "Untitled";

/// A new plan: one founder-led stage with the founder holding every
/// responsibility.
pub fn new_plan() -> Plan {
    let mut plan = Plan::new("Untitled plan");
    let mut stage = Stage::new("today", "Today", StageKind::FounderLed);
    let mut founder = Member::new("founder", "Founder", Function::Owner);
    founder.title = "Founder & CEO".to_owned();
    founder.tags = Responsibility::ALL.iter().map(|r| (*r).into()).collect();
    // A fresh stage has no members, so the id is free.
    let _ = stage.add_member_at(founder, Some([0.0, 0.0]));
    plan.stages.push(stage);
    plan
}

/// A new plan with one stage of each kind, from the templates.
pub fn template_plan() -> Plan {
    let mut plan = Plan::new("New plan");
    for (kind, id) in [
        (StageKind::FounderLed, "today"),
        (StageKind::SplitRoles, "split"),
        (StageKind::Converged, "converged"),
    ] {
        plan.stages.push(stage_template(kind, id));
    }
    plan
}

impl Document {
    /// A new, untitled document on [`new_plan`].
    pub fn untitled() -> Self {
        Self::new(new_plan(), None, UNTITLED)
    }

    /// A new, untitled document on [`template_plan`].
    pub fn from_template() -> Self {
        Self::new(template_plan(), None, UNTITLED)
    }

    /// The bundled example plan, under its file's name (not saved anywhere).
    pub fn example() -> Result<Self, LoadError> {
        plan_from_str(BUNDLED_EXAMPLE).map(|plan| Self::new(plan, None, BUNDLED_EXAMPLE_NAME))
    }
}

/// A file-name-friendly version of a title ("plan" when it has no letters
/// or digits), for the name a save or an export suggests.
pub fn file_stem(title: &str) -> String {
    crate::io::slug_or(title, "plan")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_plan_is_one_founder_led_stage_with_every_responsibility_held() {
        let plan = new_plan();
        assert_eq!(plan.stages.len(), 1);
        let founder = plan.stages[0].member("founder").unwrap();
        for r in Responsibility::ALL.iter().copied() {
            let tag: crate::model::Tag = r.into();
            assert!(founder.tags.contains(&tag), "{r:?}");
        }
        assert_eq!(Document::untitled().name(), UNTITLED);
    }

    #[test]
    fn the_template_has_the_three_stages_in_order_and_the_example_loads() {
        let kinds: Vec<_> = template_plan().stages.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                StageKind::FounderLed,
                StageKind::SplitRoles,
                StageKind::Converged
            ]
        );
        let example = Document::example().unwrap();
        assert_eq!(example.name(), BUNDLED_EXAMPLE_NAME);
        assert!(example.plan().stages.len() >= 3);
    }

    #[test]
    fn a_title_without_letters_gives_plan_as_the_file_stem() {
        assert_eq!(file_stem("!!!"), "plan");
        assert_eq!(file_stem("Acme Sales"), crate::io::slug("Acme Sales"));
    }
}
