//! Every stage's numbers (DESIGN.md "Numbers on seats"), worked out again
//! only for a stage whose members, date or target changed, so the timeline
//! strip can show them every frame on a big plan.

use crate::model::{Plan, StageTotals};

/// What a stage's totals are worked out from.
type Key = (String, u64, String, Option<u64>, u32);

/// The totals of every stage, and whether the plan has any numbers.
#[derive(Debug, Default)]
pub struct TotalsCache {
    stages: Vec<(Key, StageTotals, bool)>,
}

impl TotalsCache {
    /// Brings the totals up to date with `plan`.
    pub fn refresh(&mut self, plan: &Plan) {
        let ramp = plan.settings.ramp_months;
        let mut old = std::mem::take(&mut self.stages);
        for stage in &plan.stages {
            let key: Key = (
                stage.id.clone(),
                stage.chart_revision(),
                stage.when.clone(),
                stage.target.map(f64::to_bits),
                ramp,
            );
            let entry = match old.iter().position(|(k, _, _)| *k == key) {
                Some(at) => old.swap_remove(at),
                None => {
                    let totals = StageTotals::of(stage, stage.target, ramp);
                    let numbers = StageTotals::has_numbers(stage, stage.target);
                    (key, totals, numbers)
                }
            };
            self.stages.push(entry);
        }
    }

    /// The totals of the stage at `index`, in `plan`'s order at the last
    /// refresh.
    pub fn stage(&self, index: usize) -> StageTotals {
        self.stages
            .get(index)
            .map_or_else(StageTotals::default, |(_, t, _)| *t)
    }

    /// Every stage's totals when the plan has any numbers (a cost, a quota
    /// or a target); `None` when it has none, and then no numbers show.
    pub fn if_any(&self) -> Option<Vec<StageTotals>> {
        self.stages
            .iter()
            .any(|(_, _, numbers)| *numbers)
            .then(|| self.stages.iter().map(|(_, t, _)| *t).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_follow_the_plan_and_show_only_with_numbers() {
        let mut plan = crate::io::plan_from_str(crate::io::BUNDLED_EXAMPLE).unwrap();
        let mut cache = TotalsCache::default();
        cache.refresh(&plan);
        assert!(cache.if_any().is_none(), "the example has no numbers");
        let sam = plan.stages[0].member_mut("sam").unwrap();
        sam.cost = Some(90_000.0);
        cache.refresh(&plan);
        let all = cache.if_any().expect("a cost is a number");
        assert_eq!(all.len(), plan.stages.len());
        for (i, totals) in all.iter().enumerate() {
            assert_eq!(*totals, plan.totals(i));
        }
        plan.stages[1].target = Some(5.0);
        cache.refresh(&plan);
        assert_eq!(cache.stage(1).target, Some(5.0));
    }
}
