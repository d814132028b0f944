//! Rules on the numbers of a stage (DESIGN.md "Numbers on seats"): a
//! stage that cannot sell its target, and managers who sell and coach at
//! once.

use super::context::StageContext;
use super::finding::Hit;
use crate::look::money::money;
use crate::model::{Function, StageTotals};

/// `capacity-short`: the stage has a target and its ramped capacity is
/// below it.
pub fn capacity_short(ctx: &StageContext) -> Vec<Hit> {
    let Some(target) = ctx.stage.target else {
        return Vec::new();
    };
    let totals = StageTotals::of(ctx.stage, Some(target), ctx.settings.ramp_months);
    if totals.capacity >= target {
        return Vec::new();
    }
    let currency = &ctx.settings.currency;
    let at = if ctx.stage.when.trim().is_empty() {
        String::new()
    } else {
        format!(" by {}", ctx.stage.when.trim())
    };
    vec![Hit::new(
        &[],
        format!(
            "The sellers can carry {} of bookings{at}, below the target of {}: {} short",
            money(totals.capacity, currency),
            money(target, currency),
            money(target - totals.capacity, currency),
        ),
        "Hire sellers early enough to ramp by the stage's date, raise their quotas, or lower \
         the target"
            .to_owned(),
    )]
}

/// `player-coach`: a sales manager, sales leader or growth leader carries
/// a quota and has more direct reports than the plan's threshold.
pub fn player_coach(ctx: &StageContext) -> Vec<Hit> {
    let limit = ctx.settings.player_coach_reports as usize;
    let currency = &ctx.settings.currency;
    ctx.nodes()
        .filter(|n| {
            matches!(
                ctx.function(*n),
                Function::SalesManager | Function::SalesLeader | Function::GrowthLeader
            )
        })
        .filter_map(|n| {
            let quota = ctx.member(n).quota.filter(|q| *q > 0.0)?;
            let reports = ctx.facts(n).reports;
            (reports > limit).then(|| {
                let name = ctx.name(n);
                Hit::new(
                    &[n],
                    format!(
                        "{name} carries a quota of {} and has {reports} direct reports (more \
                         than {limit}): selling and coaching compete for the same hours",
                        money(quota, currency)
                    ),
                    format!(
                        "Take the quota off {name}, or give some of the reports another manager"
                    ),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Function::*, PlanBuilder, StageKind, YearMonth};
    use crate::rules::testing::run;

    /// A split stage in July 2027 with a seller ramping since April
    /// (half of 600k) and one with no start (400k): 700k of capacity.
    fn plan(target: Option<f64>) -> crate::model::Plan {
        let mut plan = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, &["vision"])
            .member("a", Sales, &[])
            .member("b", Sales, &[])
            .reports("a", "o")
            .reports("b", "o")
            .build()
            .unwrap();
        let stage = &mut plan.stages[0];
        stage.when = "2027-Q3".into();
        stage.target = target;
        let a = stage.member_mut("a").unwrap();
        a.quota = Some(600_000.0);
        a.start = YearMonth::new(2027, 4);
        stage.member_mut("b").unwrap().quota = Some(400_000.0);
        plan
    }

    #[test]
    fn capacity_short_fires_only_below_the_target() {
        assert!(run(&plan(None), "capacity-short").is_empty(), "no target");
        assert!(
            run(&plan(Some(700_000.0)), "capacity-short").is_empty(),
            "at it"
        );
        assert!(
            run(&plan(Some(699_999.0)), "capacity-short").is_empty(),
            "over it"
        );
        let short = run(&plan(Some(700_001.0)), "capacity-short");
        assert_eq!(short.len(), 1);
        let far = run(&plan(Some(1_000_000.0)), "capacity-short");
        assert!(
            far[0].message.contains("$700k")
                && far[0].message.contains("$1M")
                && far[0].message.contains("$300k short"),
            "{}",
            far[0].message
        );
    }

    /// A manager with `reports` sellers and `quota`.
    fn managed(function: crate::model::Function, reports: usize, quota: f64) -> crate::model::Plan {
        let mut b = PlanBuilder::new()
            .stage("s", StageKind::SplitRoles)
            .member("o", Owner, &["vision"])
            .member("m", function, &["coaching"])
            .reports("m", "o");
        for i in 0..reports {
            let id = format!("r{i}");
            b = b.member(&id, Sales, &[]).reports(&id, "m");
        }
        let mut plan = b.build().unwrap();
        plan.stages[0].member_mut("m").unwrap().quota = Some(quota);
        plan
    }

    #[test]
    fn player_coach_fires_past_the_threshold_for_each_counted_function() {
        for function in [SalesManager, SalesLeader, GrowthLeader] {
            assert!(
                run(&managed(function, 4, 500_000.0), "player-coach").is_empty(),
                "{function:?} at 4"
            );
            let over = run(&managed(function, 5, 500_000.0), "player-coach");
            assert_eq!(over.len(), 1, "{function:?} at 5");
            assert_eq!(over[0].members, ["m"]);
            assert!(
                run(&managed(function, 5, 0.0), "player-coach").is_empty(),
                "no quota"
            );
        }
        // The owner's load is founder-overload's, whatever the quota.
        let mut owner = managed(SalesManager, 0, 0.0);
        for i in 0..6 {
            let id = format!("x{i}");
            let mut m = crate::model::Member::new(&id, &id, Sales);
            m.quota = Some(1.0);
            owner.stages[0].add_member(m).unwrap();
            owner.stages[0]
                .add_link(&crate::model::Link::new(
                    &id,
                    "o",
                    crate::model::LinkKind::ReportsTo,
                ))
                .unwrap();
        }
        owner.stages[0].member_mut("o").unwrap().quota = Some(900_000.0);
        assert!(run(&owner, "player-coach").is_empty());
        // The threshold is the plan's.
        let mut strict = managed(SalesManager, 4, 500_000.0);
        strict.settings.player_coach_reports = 3;
        assert_eq!(run(&strict, "player-coach").len(), 1);
    }
}
