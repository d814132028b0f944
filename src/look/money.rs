//! Amounts of money as orgevo shows them everywhere (DESIGN.md "Numbers on
//! seats"): `$1.2M`, `€310k`, `CHF 95k`; a symbol for USD, EUR, GBP and
//! JPY, the ISO code otherwise. One function for the app and the exports.

/// The symbol written before an amount in `currency` (an ISO 4217 code),
/// or the code and a space when it has none here.
fn prefix(currency: &str) -> String {
    match currency.trim().to_ascii_uppercase().as_str() {
        "USD" => "$".to_owned(),
        "EUR" => "€".to_owned(),
        "GBP" => "£".to_owned(),
        "JPY" => "¥".to_owned(),
        "" => "$".to_owned(),
        code => format!("{code} "),
    }
}

/// `amount` in `currency`, short: whole units below a thousand, then
/// thousands (k), millions (M) and billions (B), with one decimal below
/// ten of a unit ("$1.2M", "€9.5k") and none above ("€310k", "$12M").
pub fn money(amount: f64, currency: &str) -> String {
    let sign = if amount < 0.0 { "−" } else { "" };
    format!("{sign}{}{}", prefix(currency), short(amount.abs()))
}

/// A change in money, signed: "+$310k", "−€1.2M", "±$0" for none.
pub fn money_change(delta: f64, currency: &str) -> String {
    if delta == 0.0 || !delta.is_finite() {
        return format!("±{}0", prefix(currency));
    }
    let sign = if delta > 0.0 { "+" } else { "−" };
    format!("{sign}{}{}", prefix(currency), short(delta.abs()))
}

/// "14 people, 3 planned · cost $1.9M · capacity $2.1M of $2.4M target".
pub fn totals_line(t: &crate::model::StageTotals, currency: &str) -> String {
    let people = people(t.people);
    let target = t.target.map_or(String::new(), |target| {
        format!(" of {} target", money(target, currency))
    });
    format!(
        "{people}, {} planned · cost {} · capacity {}{target}",
        t.planned,
        money(t.cost, currency),
        money(t.capacity, currency)
    )
}

/// "1 person", "7 people".
pub fn people(n: usize) -> String {
    match n {
        1 => "1 person".to_owned(),
        n => format!("{n} people"),
    }
}

/// A stage's totals for the export of `plan`'s stage at `index`, or
/// `None` when the plan has no numbers (and then exports show none).
pub fn stage_numbers(plan: &crate::model::Plan, index: usize) -> Option<String> {
    plan.has_numbers()
        .then(|| totals_line(&plan.totals(index), &plan.settings.currency))
}

/// What changes in numbers from the stage at `from` of `plan` to the one
/// at `to`, in words, for captions; `None` when the plan has no numbers or
/// nothing changed.
pub fn stage_numbers_change(plan: &crate::model::Plan, from: usize, to: usize) -> Option<String> {
    plan.has_numbers()
        .then(|| {
            totals_change(
                &plan.totals(from),
                &plan.totals(to),
                &plan.settings.currency,
            )
        })
        .flatten()
}

/// What changes in numbers from one stage's totals to another's, in
/// words: "cost +$310k, capacity +$1.2M, 3 new seats"; only what changed,
/// `None` when nothing did.
pub fn totals_change(
    before: &crate::model::StageTotals,
    after: &crate::model::StageTotals,
    currency: &str,
) -> Option<String> {
    let mut parts = Vec::new();
    if after.cost != before.cost {
        parts.push(format!(
            "cost {}",
            money_change(after.cost - before.cost, currency)
        ));
    }
    if after.capacity != before.capacity {
        parts.push(format!(
            "capacity {}",
            money_change(after.capacity - before.capacity, currency)
        ));
    }
    let seats = |t: &crate::model::StageTotals| (t.people + t.planned) as i64;
    match seats(after) - seats(before) {
        0 => {}
        1 => parts.push("1 new seat".to_owned()),
        -1 => parts.push("1 seat fewer".to_owned()),
        n if n > 0 => parts.push(format!("{n} new seats")),
        n => parts.push(format!("{} seats fewer", -n)),
    }
    if after.target != before.target {
        parts.push(match after.target {
            Some(t) => format!("target {}", money(t, currency)),
            None => "no target".to_owned(),
        });
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A non-negative amount, short.
fn short(amount: f64) -> String {
    if !amount.is_finite() {
        return "?".to_owned();
    }
    const UNITS: [(f64, &str); 3] = [(1e9, "B"), (1e6, "M"), (1e3, "k")];
    if amount.round() < 1e3 {
        return format!("{}", amount.round());
    }
    // The largest unit the amount reaches once rounded as it will print
    // (999,999 prints as 1M, not 1000k).
    for (size, unit) in UNITS {
        let value = amount / size;
        let printed = if value < 9.95 {
            (value * 10.0).round() / 10.0
        } else {
            value.round()
        };
        if printed >= 1.0 {
            return if printed.fract() != 0.0 {
                format!("{printed:.1}{unit}")
            } else {
                format!("{printed:.0}{unit}")
            };
        }
    }
    format!("{}", amount.round())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_design_writes_them() {
        assert_eq!(money(1_200_000.0, "USD"), "$1.2M");
        assert_eq!(money(310_000.0, "EUR"), "€310k");
        assert_eq!(money(95_000.0, "CHF"), "CHF 95k");
        assert_eq!(money(95_000.0, "chf"), "CHF 95k");
        assert_eq!(money(40_000.0, "GBP"), "£40k");
        assert_eq!(money(5_000_000.0, "JPY"), "¥5M");
    }

    #[test]
    fn each_size_gets_its_unit_and_rounds_into_the_next() {
        assert_eq!(money(0.0, "USD"), "$0");
        assert_eq!(money(950.0, "USD"), "$950");
        assert_eq!(money(999.6, "USD"), "$1k");
        assert_eq!(money(1_500.0, "USD"), "$1.5k");
        assert_eq!(money(12_400.0, "USD"), "$12k");
        assert_eq!(money(999_999.0, "USD"), "$1M");
        assert_eq!(money(2_000_000.0, "USD"), "$2M");
        assert_eq!(money(9_960_000.0, "USD"), "$10M");
        assert_eq!(money(3_400_000_000.0, "USD"), "$3.4B");
        assert_eq!(money(-310_000.0, "USD"), "−$310k");
    }

    #[test]
    fn totals_change_names_only_what_changed() {
        use crate::model::StageTotals;
        let before = StageTotals {
            people: 7,
            planned: 0,
            cost: 900_000.0,
            capacity: 3_000_000.0,
            target: None,
        };
        let after = StageTotals {
            people: 8,
            planned: 2,
            cost: 1_210_000.0,
            capacity: 4_200_000.0,
            target: Some(5_000_000.0),
        };
        assert_eq!(
            totals_change(&before, &after, "USD").as_deref(),
            Some("cost +$310k, capacity +$1.2M, 3 new seats, target $5M")
        );
        assert_eq!(totals_change(&before, &before, "USD"), None);
        let fewer = StageTotals {
            people: 6,
            ..before
        };
        assert_eq!(
            totals_change(&before, &fewer, "EUR").as_deref(),
            Some("1 seat fewer")
        );
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(money_change(310_000.0, "USD"), "+$310k");
        assert_eq!(money_change(-1_200_000.0, "EUR"), "−€1.2M");
        assert_eq!(money_change(0.0, "USD"), "±$0");
    }
}
