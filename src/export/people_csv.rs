//! A stage as a people list: orgevo's own column names, which
//! `orgevo import` reads back to the same stage. Values that a spreadsheet
//! would run as a formula are written as text.

use crate::io::schema::amount_json;
use crate::model::{LinkKind, Stage};

/// The columns, in order.
pub const CSV_COLUMNS: [&str; 12] = [
    "id",
    "name",
    "title",
    "function",
    "manager_id",
    "tags",
    "collaborates_with",
    "planned",
    "cost",
    "quota",
    "start",
    "notes",
];

/// `value` as a spreadsheet shows it as text: one `'` before a value that
/// starts with `=`, `+`, `-`, `@`, a tab, a carriage return or `'` itself
/// (OWASP's advice against CSV injection). orgevo's import removes exactly
/// one leading `'`, so the value reads back as it was.
pub fn spreadsheet_safe(value: &str) -> std::borrow::Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{value}").into(),
        _ => value.into(),
    }
}

/// The stage as CSV text (UTF-8, `,`-separated, a header row).
pub fn stage_csv(stage: &Stage) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS)?;
    let links: Vec<_> = stage.links().collect();
    for member in stage.members() {
        let manager = links
            .iter()
            .find(|l| l.kind == LinkKind::ReportsTo && l.from == member.id)
            .map_or("", |l| l.to.as_str());
        let collaborators: Vec<&str> = links
            .iter()
            .filter(|l| l.kind == LinkKind::CollaboratesWith && l.from == member.id)
            .map(|l| l.to.as_str())
            .collect();
        let tags: Vec<&str> = member.tags.iter().map(|t| t.as_str()).collect();
        let amount = |a: Option<f64>| a.map(|a| amount_json(a).to_string()).unwrap_or_default();
        let record = [
            member.id.clone(),
            member.name.clone(),
            member.title.clone(),
            member.function.id().to_owned(),
            manager.to_owned(),
            tags.join(";"),
            collaborators.join(";"),
            if member.planned { "yes" } else { "no" }.to_owned(),
            amount(member.cost),
            amount(member.quota),
            member.start.map(|s| s.to_string()).unwrap_or_default(),
            member.notes.clone(),
        ];
        writer.write_record(record.iter().map(|v| spreadsheet_safe(v).into_owned()))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text() {
        for (value, written) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'quoted", "''quoted"),
            ("Ana", "Ana"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(value), written, "{value:?}");
            assert_eq!(crate::io::csv_cell(&spreadsheet_safe(value)), value);
        }
    }
}
