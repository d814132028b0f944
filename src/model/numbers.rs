//! Numbers on seats: the month a person starts or a seat is filled, and the
//! amounts (cost, quota) a member carries.

use std::fmt;

/// A month of a year, written `YYYY-MM` in plan files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// The month `month` (1 to 12) of `year` (1 to 9999).
    pub fn new(year: u16, month: u8) -> Option<Self> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Reads exactly `YYYY-MM`, the form plan files use.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Self::new(digits(year)?, u8::try_from(digits(month)?).ok()?)
    }

    /// The month of an ISO 8601 date or date-time, as HR tools export them:
    /// `2024-03`, `2024-03-15`, `2024-03-15T09:30:00Z`, `2024-03-15 09:30`.
    /// The day must be a day of that month.
    pub fn from_iso_date(text: &str) -> Option<Self> {
        let text = text.trim();
        let date = text.split(['T', ' ']).next().unwrap_or(text);
        let mut parts = date.split('-');
        let (year, month) = (parts.next()?, parts.next()?);
        let month_of = Self::parse(&format!("{year}-{month}"))?;
        let rest = &text[date.len()..];
        match parts.next() {
            None if rest.is_empty() => Some(month_of),
            None => None,
            Some(day) => {
                let day = digits(day).filter(|_| day.len() == 2)?;
                let in_month = (1..=u16::from(month_of.days())).contains(&day);
                (in_month && parts.next().is_none() && time_is_plausible(rest)).then_some(month_of)
            }
        }
    }

    /// How many days the month has.
    pub fn days(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if self.is_leap_year() => 29,
            2 => 28,
            _ => 31,
        }
    }

    fn is_leap_year(self) -> bool {
        let y = self.year;
        (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
    }

    /// Whole months from `self` to `later` (negative when `later` is
    /// earlier).
    pub fn months_until(self, later: Self) -> i32 {
        (i32::from(later.year) - i32::from(self.year)) * 12 + i32::from(later.month)
            - i32::from(self.month)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// ASCII digits as a number; `None` for anything else (signs, spaces).
fn digits(text: &str) -> Option<u16> {
    (!text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// What may follow the date: nothing, or `T`/space then a time of day
/// (`09:30`, `09:30:00.000`, with `Z` or an offset).
fn time_is_plausible(rest: &str) -> bool {
    let Some(time) = rest.strip_prefix(['T', ' ']) else {
        return rest.is_empty();
    };
    let time = time.trim_end_matches('Z');
    let clock = time.split(['+', '-']).next().unwrap_or(time);
    let mut fields = clock.split(':');
    let hour = fields.next().and_then(digits);
    let minute = fields.next().and_then(digits);
    hour.is_some_and(|h| h < 24) && minute.is_some_and(|m| m < 60)
}

/// Whether `amount` can be a cost or a quota: finite and not negative.
pub fn is_valid_amount(amount: f64) -> bool {
    amount.is_finite() && amount >= 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_months_read_only_their_own_form() {
        assert_eq!(YearMonth::parse("2027-03"), YearMonth::new(2027, 3));
        assert_eq!(YearMonth::parse("2027-03").unwrap().to_string(), "2027-03");
        for bad in [
            "2027-3",
            "2027-13",
            "2027-00",
            "27-03",
            "2027/03",
            "",
            "2027-03-01",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_dates_and_date_times_give_their_month() {
        let march = YearMonth::new(2024, 3);
        for text in [
            "2024-03",
            "2024-03-15",
            "2024-03-31",
            "2024-03-15T09:30:00Z",
            "2024-03-15T09:30:00.000+02:00",
            "2024-03-15 09:30",
            " 2024-03-15 ",
        ] {
            assert_eq!(YearMonth::from_iso_date(text), march, "{text}");
        }
        assert_eq!(
            YearMonth::from_iso_date("2024-02-29"),
            YearMonth::new(2024, 2)
        );
        for bad in [
            "2023-02-29",
            "2024-04-31",
            "15/03/2024",
            "17-JUN-03",
            "2024-03-15T25:00",
            "2024-03-15 lunch",
            "2024",
        ] {
            assert_eq!(YearMonth::from_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_between_months() {
        let a = YearMonth::new(2026, 11).unwrap();
        assert_eq!(a.months_until(YearMonth::new(2027, 2).unwrap()), 3);
        assert_eq!(a.months_until(YearMonth::new(2026, 5).unwrap()), -6);
    }

    #[test]
    fn amounts_are_finite_and_not_negative() {
        assert!(is_valid_amount(0.0) && is_valid_amount(95_000.5));
        assert!(!is_valid_amount(-1.0) && !is_valid_amount(f64::NAN));
        assert!(!is_valid_amount(f64::INFINITY));
    }
}
