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
}

impl Settings {
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

    /// The position of the nearest stage before `index` that has members:
    /// "the previous stage" of the rules, the diff and present mode.
    pub fn previous_non_empty(&self, index: usize) -> Option<usize> {
        let before = self.stages.get(..index)?;
        before.iter().rposition(|s| s.member_count() > 0)
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
}
