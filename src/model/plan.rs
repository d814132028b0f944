//! A plan: one company at several stages on a timeline.

use std::collections::BTreeMap;

use super::kinds::RuleLevel;
use super::stage::Stage;

/// Thresholds and rule levels the rules use; every plan carries its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// More direct reports than this is a `span-of-control` warning.
    pub max_direct_reports: u32,
    /// An owner who leads and manages with more direct reports than this is a
    /// `founder-overload` warning.
    pub founder_overload_reports: u32,
    /// Per-plan overrides of rule severities, by rule id (`settings.rules`
    /// in the file). A rule not listed keeps its default severity.
    pub rules: BTreeMap<String, RuleLevel>,
    /// The plan's currency, an ISO 4217 code such as `USD` (display only).
    pub currency: String,
    /// Months a seller takes to carry a full quota (0: at once).
    pub ramp_months: u32,
    /// A manager carrying a quota with more direct reports than this is a
    /// `player-coach` note.
    pub player_coach_reports: u32,
}

impl Settings {
    /// Default for `currency`.
    pub const DEFAULT_CURRENCY: &str = "USD";
    /// Default for `ramp_months`.
    pub const DEFAULT_RAMP_MONTHS: u32 = 6;
    /// Default for `player_coach_reports`.
    pub const DEFAULT_PLAYER_COACH_REPORTS: u32 = 4;
    /// Default for `max_direct_reports`.
    pub const DEFAULT_MAX_DIRECT_REPORTS: u32 = 8;
    /// Default for `founder_overload_reports`.
    pub const DEFAULT_FOUNDER_OVERLOAD_REPORTS: u32 = 5;
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_direct_reports: Self::DEFAULT_MAX_DIRECT_REPORTS,
            founder_overload_reports: Self::DEFAULT_FOUNDER_OVERLOAD_REPORTS,
            rules: BTreeMap::new(),
            currency: Self::DEFAULT_CURRENCY.to_owned(),
            ramp_months: Self::DEFAULT_RAMP_MONTHS,
            player_coach_reports: Self::DEFAULT_PLAYER_COACH_REPORTS,
        }
    }
}

/// The whole document: a title, settings and the stages in timeline order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Title shown in the window and on exports.
    pub title: String,
    /// Rule thresholds.
    pub settings: Settings,
    /// Stages in timeline order; ids are unique.
    pub stages: Vec<Stage>,
}

impl Plan {
    /// An empty plan with a title and default settings.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The position of the stage with this id.
    pub fn stage_position(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The position of the stage the stage at `index` follows: the one its
    /// `after` names when that is an earlier stage, else the one just before
    /// it (the first stage follows nothing). The stages form a tree.
    pub fn parent(&self, index: usize) -> Option<usize> {
        let stage = self.stages.get(index)?;
        let named = stage
            .after
            .as_deref()
            .and_then(|after| self.stages[..index].iter().position(|s| s.id == after));
        named.or_else(|| index.checked_sub(1))
    }

    /// The ancestors of the stage at `index`, nearest first: "the earlier
    /// stages" of the rules.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent(index), move |i| self.parent(*i))
    }

    /// The position of the nearest ancestor of `index` that has members:
    /// "the previous stage" of the rules, the diff and present mode. An
    /// option's first stage compares with its decision, never a sibling.
    pub fn previous_non_empty(&self, index: usize) -> Option<usize> {
        self.ancestors(index)
            .find(|i| self.stages[*i].member_count() > 0)
    }

    /// Every stage below the stage at `index` in the tree (its followers,
    /// theirs, …), in file order.
    pub fn descendants(&self, index: usize) -> Vec<usize> {
        (index + 1..self.stages.len())
            .filter(|i| self.ancestors(*i).any(|a| a == index))
            .collect()
    }

    /// The stages that follow the stage at `index`, in file order: two or
    /// more make it a decision.
    pub fn followers(&self, index: usize) -> Vec<usize> {
        (index + 1..self.stages.len())
            .filter(|i| self.parent(*i) == Some(index))
            .collect()
    }

    /// The name of the option the stage at `index` starts: its `option`, or
    /// "Option A", "Option B", … by its place among its parent's followers.
    pub fn option_name(&self, index: usize) -> String {
        if let Some(name) = self.stages.get(index).and_then(|s| s.option.clone()) {
            return name;
        }
        let place = self.parent(index).map_or(0, |p| {
            self.followers(p)
                .iter()
                .position(|f| *f == index)
                .unwrap_or(0)
        });
        format!("Option {}", char::from(b'A' + place.min(25) as u8))
    }

    /// The other options at the nearest decision above the stage at
    /// `index` (the roads not taken), by name; empty on a straight line.
    pub fn alternatives(&self, index: usize) -> Vec<String> {
        let mut child = index;
        for parent in self.ancestors(index) {
            let followers = self.followers(parent);
            if followers.len() > 1 {
                return followers
                    .into_iter()
                    .filter(|f| *f != child)
                    .map(|f| self.option_name(f))
                    .collect();
            }
            child = parent;
        }
        Vec::new()
    }

    /// Total members over all stages.
    pub fn member_count(&self) -> usize {
        self.stages.iter().map(Stage::member_count).sum()
    }

    /// Total lines over all stages.
    pub fn link_count(&self) -> usize {
        self.stages.iter().map(Stage::link_count).sum()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Function, PlanBuilder, StageKind};

    #[test]
    fn the_previous_stage_skips_empty_ones() {
        let plan = PlanBuilder::new()
            .stage("a", StageKind::Custom)
            .member("o", Function::Owner, &[])
            .stage("gap", StageKind::Custom)
            .stage("c", StageKind::Custom)
            .build()
            .unwrap();
        assert_eq!(plan.previous_non_empty(2), Some(0));
        assert_eq!(plan.previous_non_empty(1), Some(0));
        assert_eq!(plan.previous_non_empty(0), None);
        assert_eq!(plan.previous_non_empty(9), None);
    }

    /// founder-led → split → (grow: converged, hire: converged) with an
    /// empty stage in the hire chain.
    fn decision() -> crate::model::Plan {
        let mut plan = PlanBuilder::new()
            .stage("today", StageKind::FounderLed)
            .member("o", Function::Owner, &[])
            .stage("split", StageKind::SplitRoles)
            .member("o", Function::Owner, &[])
            .stage("grow", StageKind::Converged)
            .member("o", Function::Owner, &[])
            .stage("later", StageKind::Converged)
            .member("o", Function::Owner, &[])
            .stage("hire", StageKind::Converged)
            .stage("hired", StageKind::Converged)
            .member("o", Function::Owner, &[])
            .build()
            .unwrap();
        plan.stages[4].after = Some("split".into());
        plan.stages[4].option = Some("Hire a growth leader".into());
        plan
    }

    #[test]
    fn an_option_follows_its_decision_not_the_stage_before_it_in_the_file() {
        let plan = decision();
        assert_eq!(plan.parent(4), Some(1), "after names the decision");
        assert_eq!(plan.parent(3), Some(2), "no after: the stage before");
        assert_eq!(plan.parent(0), None);
        assert_eq!(plan.followers(1), [2, 4], "split is a decision");
        assert_eq!(plan.descendants(1), [2, 3, 4, 5]);
        assert_eq!(plan.descendants(4), [5]);
        assert_eq!(plan.ancestors(5).collect::<Vec<_>>(), [4, 1, 0]);
        // The empty option start is skipped: the hire chain's previous
        // stage is the decision, never the sibling line.
        assert_eq!(plan.previous_non_empty(5), Some(1));
        assert_eq!(plan.previous_non_empty(4), Some(1));
        assert_eq!(plan.previous_non_empty(3), Some(2));
    }

    #[test]
    fn options_are_named_and_each_sees_the_others_as_alternatives() {
        let plan = decision();
        assert_eq!(plan.option_name(2), "Option A", "unnamed: by its place");
        assert_eq!(plan.option_name(4), "Hire a growth leader");
        assert_eq!(
            plan.alternatives(3),
            ["Hire a growth leader"],
            "from deep in a line"
        );
        assert_eq!(plan.alternatives(5), ["Option A"]);
        assert!(plan.alternatives(1).is_empty(), "above the decision: none");
    }

    #[test]
    fn an_after_naming_no_earlier_stage_falls_back_to_the_stage_before() {
        let mut plan = decision();
        plan.stages[2].after = Some("hired".into());
        assert_eq!(plan.parent(2), Some(1));
        plan.stages[2].after = Some("nowhere".into());
        assert_eq!(plan.parent(2), Some(1));
    }
}
