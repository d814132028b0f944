//! The values in a people list's cells: lists, yes/no, amounts, dates, and
//! the `'` that protects a value from spreadsheets.

use crate::model::{YearMonth, is_valid_amount};

/// The longest entry of a tag or id list, in characters.
pub const MAX_LIST_ENTRY_CHARS: usize = 200;

/// A cell as orgevo reads it: trimmed, and one leading `'` removed (a
/// spreadsheet's "this is text" mark, which orgevo's own CSV export adds
/// before `=`, `+`, `-`, `@`, tab, carriage return and `'`).
pub fn cell(raw: &str) -> &str {
    let trimmed = raw.trim();
    trimmed.strip_prefix('\'').unwrap_or(trimmed)
}

/// The entries of a list cell: separated by `;`, `,` or `|` (a `,` can
/// only be inside a field when the field was quoted), each trimmed. An
/// empty cell is an empty list.
pub fn list_entries(text: &str) -> impl Iterator<Item = &str> {
    let text = text.trim();
    text.split([';', ',', '|'])
        .map(str::trim)
        .filter(move |_| !text.is_empty())
}

/// Why a list entry cannot be read: it is empty (two separators in a row)
/// or longer than [`MAX_LIST_ENTRY_CHARS`].
pub fn bad_list_entry(text: &str) -> Option<String> {
    for entry in list_entries(text) {
        if entry.is_empty() {
            return Some(format!(
                "`{text}` has an empty entry (separate entries with one `;`, or `,` inside quotes)"
            ));
        }
        let chars = entry.chars().count();
        if chars > MAX_LIST_ENTRY_CHARS {
            return Some(format!(
                "an entry is {chars} characters long; the limit is {MAX_LIST_ENTRY_CHARS}"
            ));
        }
    }
    None
}

/// A tag as written in a people list, as a plan file spells it: lower
/// case, runs of spaces (and `_`) as one hyphen ("Process Design" →
/// `process-design`, "Ceo" → `ceo`).
pub fn tag_text(entry: &str) -> String {
    entry
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

/// A planned-hire cell: empty, yes/no, true/false, y/n, 1/0, x.
pub fn planned(text: &str) -> Option<bool> {
    let yes = ["true", "yes", "y", "1", "x"];
    let no = ["", "false", "no", "n", "0"];
    if no.iter().any(|v| text.eq_ignore_ascii_case(v)) {
        Some(false)
    } else if yes.iter().any(|v| text.eq_ignore_ascii_case(v)) {
        Some(true)
    } else {
        None
    }
}

/// An amount cell: `95000`, `95,000`, `95 000`, `$95,000.50`, `€ 80000`;
/// empty is no amount. Negative, non-finite or unreadable amounts are
/// errors.
pub fn amount(text: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let digits: String = text
        .trim_matches(|c: char| "$€£¥".contains(c) || c.is_whitespace())
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let value: f64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not an amount (expected a number such as 95000)"))?;
    if !is_valid_amount(value) {
        return Err(format!("`{text}` is not an amount of 0 or more"));
    }
    Ok(Some(value))
}

/// A start cell: an ISO date or date-time (`2024-03-15`,
/// `2024-03-15T09:00:00Z`) or a month (`2024-03`); empty is no start.
pub fn start(text: &str) -> Result<Option<YearMonth>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    YearMonth::from_iso_date(text).map(Some).ok_or_else(|| {
        format!("`{text}` is not a date (expected a date such as 2024-03-15, or a month such as 2024-03)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_trimmed_and_lose_one_protecting_quote() {
        assert_eq!(cell("  Ana  "), "Ana");
        assert_eq!(cell("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(cell("''quoted"), "'quoted");
        assert_eq!(cell("O'Brien"), "O'Brien");
    }

    #[test]
    fn lists_split_on_each_separator() {
        for text in ["a;b;c", "a,b,c", "a|b|c", "a, b ;c", " a | b,c "] {
            assert_eq!(
                list_entries(text).collect::<Vec<_>>(),
                ["a", "b", "c"],
                "{text}"
            );
        }
        assert_eq!(list_entries("").count(), 0);
        assert_eq!(bad_list_entry("a;;b").map(|_| ()), Some(()));
        assert_eq!(bad_list_entry("a, ,b").map(|_| ()), Some(()));
        assert_eq!(bad_list_entry(&"x".repeat(201)).map(|_| ()), Some(()));
        assert_eq!(bad_list_entry("Ceo,tag1, tag2"), None);
    }

    #[test]
    fn odd_tag_text_becomes_a_plan_tag() {
        assert_eq!(tag_text("Ceo"), "ceo");
        assert_eq!(tag_text("Process  Design"), "process-design");
        assert_eq!(tag_text("key_account"), "key-account");
        assert_eq!(tag_text("VISION"), "vision");
    }

    #[test]
    fn amounts_and_dates() {
        assert_eq!(amount("95000"), Ok(Some(95_000.0)));
        assert_eq!(amount("95,000.50"), Ok(Some(95_000.5)));
        assert_eq!(amount("$ 95 000"), Ok(Some(95_000.0)));
        assert_eq!(amount(""), Ok(None));
        assert!(amount("-5").is_err() && amount("lots").is_err() && amount("inf").is_err());
        assert_eq!(start("2003-06-17"), Ok(YearMonth::new(2003, 6)));
        assert_eq!(start("2003-06-17T00:00:00Z"), Ok(YearMonth::new(2003, 6)));
        assert!(start("17-JUN-03").is_err());
    }
}
