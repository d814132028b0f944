//! What a stage costs and can sell (DESIGN.md "Numbers on seats"): the
//! stage's date from its `when`, each seller's ramp to full quota, and the
//! stage's totals.

use super::{Plan, Stage, YearMonth};

/// The first month of the period `when` names, for the six forms DESIGN.md
/// allows: `YYYY`, `YYYY-MM`, `YYYY-Qn`, `Qn YYYY`, `YYYY-Hn`, `Hn YYYY`
/// (surrounding spaces aside). Any other text names no date.
pub fn stage_date(when: &str) -> Option<YearMonth> {
    let when = when.trim();
    let year = |text: &str| -> Option<u16> {
        (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    };
    // A quarter or a half: its number, and the months it covers.
    let period = |text: &str| -> Option<u8> {
        let (months, count) = match text.as_bytes() {
            [b'Q', n] => (3, *n),
            [b'H', n] => (6, *n),
            _ => return None,
        };
        let n = count.checked_sub(b'0')?;
        let periods = 12 / months;
        (1..=periods).contains(&n).then(|| (n - 1) * months + 1)
    };
    if let Some(y) = year(when) {
        return YearMonth::new(y, 1);
    }
    if let Some(month) = YearMonth::parse(when) {
        return Some(month);
    }
    if let Some((y, p)) = when.split_once('-')
        && let (Some(y), Some(month)) = (year(y), period(p))
    {
        return YearMonth::new(y, month);
    }
    if let Some((p, y)) = when.split_once(' ')
        && let (Some(month), Some(y)) = (period(p), year(y))
    {
        return YearMonth::new(y, month);
    }
    None
}

/// How much of a full quota a seller carries at a stage's date: 1 when the
/// seller or the stage has no date (or `ramp_months` is 0), 0 when the
/// seller starts after the stage's date, else the months from the start
/// to the stage's date over `ramp_months`, at most 1.
pub fn ramp_factor(start: Option<YearMonth>, date: Option<YearMonth>, ramp_months: u32) -> f64 {
    let (Some(start), Some(date)) = (start, date) else {
        return 1.0;
    };
    let months = start.months_until(date);
    if months < 0 {
        return 0.0;
    }
    if ramp_months == 0 {
        return 1.0;
    }
    (f64::from(months) / f64::from(ramp_months)).min(1.0)
}

/// A stage's numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTotals {
    /// Members who are not planned seats.
    pub people: usize,
    /// Planned seats.
    pub planned: usize,
    /// The annual cost of every member, planned seats included (the run
    /// rate the stage plans for).
    pub cost: f64,
    /// The bookings the stage can carry: each quota times its ramp factor.
    pub capacity: f64,
    /// The stage's bookings target, when it has one.
    pub target: Option<f64>,
}

impl StageTotals {
    /// The totals of `stage`, its sellers ramping over `ramp_months` to
    /// the stage's date (from its `when`), with `target`.
    pub fn of(stage: &Stage, target: Option<f64>, ramp_months: u32) -> Self {
        let date = stage_date(&stage.when);
        let mut totals = Self {
            target,
            ..Self::default()
        };
        for m in stage.members() {
            if m.planned {
                totals.planned += 1;
            } else {
                totals.people += 1;
            }
            totals.cost += m.cost.unwrap_or(0.0);
            if let Some(quota) = m.quota {
                totals.capacity += quota * ramp_factor(m.start, date, ramp_months);
            }
        }
        totals
    }

    /// Whether the stage has any numbers to show (a cost, a quota or a
    /// target).
    pub fn has_numbers(stage: &Stage, target: Option<f64>) -> bool {
        target.is_some()
            || stage
                .members()
                .any(|m| m.cost.is_some() || m.quota.is_some())
    }
}

impl Plan {
    /// The totals of the stage at `index` (all zero past the end), its
    /// sellers ramping as the plan's settings say.
    pub fn totals(&self, index: usize) -> StageTotals {
        self.stages
            .get(index)
            .map_or_else(StageTotals::default, |stage| {
                StageTotals::of(stage, stage.target, self.settings.ramp_months)
            })
    }

    /// Whether any stage has numbers (a cost, a quota or a target): a plan
    /// without shows no numbers anywhere.
    pub fn has_numbers(&self) -> bool {
        self.stages
            .iter()
            .any(|s| StageTotals::has_numbers(s, s.target))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function, Member, StageKind};

    fn ym(y: u16, m: u8) -> Option<YearMonth> {
        YearMonth::new(y, m)
    }

    #[test]
    fn each_form_of_when_gives_the_first_month_of_its_period() {
        for (when, date) in [
            ("2027", ym(2027, 1)),
            ("2027-05", ym(2027, 5)),
            ("2027-Q1", ym(2027, 1)),
            ("2027-Q3", ym(2027, 7)),
            ("Q4 2027", ym(2027, 10)),
            ("2027-H1", ym(2027, 1)),
            ("2027-H2", ym(2027, 7)),
            ("H2 2027", ym(2027, 7)),
            ("  2027-Q2 ", ym(2027, 4)),
        ] {
            assert_eq!(stage_date(when), date, "{when}");
        }
        for no_date in [
            "",
            "today",
            "spring 2027",
            "27",
            "2027-5",
            "2027-13",
            "2027-Q5",
            "2027-Q0",
            "2027-H3",
            "Q3 27",
            "q3 2027",
            "Q3  2027",
            "2027 Q3",
            "Q3-2027",
            "2027-Q3 later",
            "20270",
            "2027-05-01",
        ] {
            assert_eq!(stage_date(no_date), None, "{no_date:?}");
        }
    }

    #[test]
    fn the_ramp_factor_is_as_defined() {
        let start = ym(2027, 1);
        // No date on either side: a full quota.
        assert_eq!(ramp_factor(None, ym(2027, 7), 6), 1.0);
        assert_eq!(ramp_factor(start, None, 6), 1.0);
        // Starting after the stage's date: nothing yet.
        assert_eq!(ramp_factor(ym(2027, 8), ym(2027, 7), 6), 0.0);
        // On the very month: 0 months of ramp.
        assert_eq!(ramp_factor(start, ym(2027, 1), 6), 0.0);
        // Part way, then full, and never more than full.
        assert_eq!(ramp_factor(start, ym(2027, 4), 6), 0.5);
        assert_eq!(ramp_factor(start, ym(2027, 7), 6), 1.0);
        assert_eq!(ramp_factor(start, ym(2029, 1), 6), 1.0);
        // No ramp: full from the start, still nothing before it.
        assert_eq!(ramp_factor(start, ym(2027, 1), 0), 1.0);
        assert_eq!(ramp_factor(ym(2027, 2), ym(2027, 1), 0), 0.0);
    }

    #[test]
    fn totals_count_planned_seats_in_the_cost_and_ramp_the_quotas() {
        let mut stage = Stage::new("s", "Split", StageKind::SplitRoles);
        stage.when = "2027-Q3".into();
        let mut owner = Member::new("o", "Owner", Function::Owner);
        owner.cost = Some(200_000.0);
        let mut ae = Member::new("ae", "Seller", Function::Sales);
        ae.cost = Some(120_000.0);
        ae.quota = Some(600_000.0);
        ae.start = YearMonth::new(2027, 4);
        let mut hire = Member::new("hire", "New seller", Function::Sales);
        hire.planned = true;
        hire.cost = Some(110_000.0);
        hire.quota = Some(600_000.0);
        hire.start = YearMonth::new(2027, 10);
        let mut undated = Member::new("u", "Undated seller", Function::Sales);
        undated.quota = Some(100_000.0);
        for m in [owner, ae, hire, undated] {
            stage.add_member(m).unwrap();
        }
        let totals = StageTotals::of(&stage, Some(1_000_000.0), 6);
        assert_eq!((totals.people, totals.planned), (3, 1));
        assert_eq!(totals.cost, 430_000.0);
        // July 2027: the April seller is half ramped, the October hire has
        // not started, the undated seller counts in full.
        assert_eq!(totals.capacity, 300_000.0 + 0.0 + 100_000.0);
        assert_eq!(totals.target, Some(1_000_000.0));
        assert!(StageTotals::has_numbers(&stage, None));
        let bare = Stage::new("b", "Bare", StageKind::Custom);
        assert!(!StageTotals::has_numbers(&bare, None));
        assert!(StageTotals::has_numbers(&bare, Some(0.0)));
    }
}
