//! Which function a person in a people list has, and where that came from:
//! the function column, the title (DESIGN.md's title table), the
//! department, or nothing (`other`).

use super::csv_columns::{Field, HeaderOf, department_function};
use super::csv_options::{CsvError, CsvOptions, error};
use crate::model::Function;

use std::collections::HashMap;

/// Where a row's function came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FunctionSource {
    /// The function column (a function id, or a value mapped by
    /// `--function-map`).
    Column,
    /// The title, by the title table (or `--title-map`).
    Title,
    /// The department column (mapped, or by the department table).
    Department,
    /// Nothing said: `other`.
    Default,
    /// Chosen by hand in the import dialog.
    Chosen,
}

impl FunctionSource {
    /// A word for the preview and the notice.
    pub fn label(self) -> &'static str {
        match self {
            Self::Column => "function column",
            Self::Title => "title",
            Self::Department => "department",
            Self::Default => "default",
            Self::Chosen => "chosen",
        }
    }
}

/// One entry of the function table an import reports: the value it was
/// read from (a function, title or department as written), the function,
/// where it came from, and how many rows had it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionUse {
    /// The text the function was read from ("" for the default).
    pub value: String,
    /// The function it became.
    pub function: Function,
    /// Which column said so.
    pub source: FunctionSource,
    /// How many rows.
    pub rows: usize,
}

/// The function of a row and where it came from: the function column (a
/// function id, or mapped), else the title table, else the department
/// column (mapped, or by the department table), else `other`.
pub(super) fn row_function<'r>(
    get: impl Fn(Field) -> &'r str,
    header: &HeaderOf<'_>,
    line: usize,
    options: &CsvOptions,
) -> Result<(Function, FunctionSource, &'r str), CsvError> {
    let mapped = |value: &str| {
        options
            .function_map
            .iter()
            .find(|(v, _)| v.trim().eq_ignore_ascii_case(value))
            .map(|(_, f)| *f)
    };
    let (function, department) = (get(Field::Function), get(Field::Department));
    if let Some(column) = header(Field::Function).filter(|_| !function.is_empty()) {
        return mapped(function)
            .or_else(|| Function::from_id(&function.to_lowercase()))
            .map(|f| (f, FunctionSource::Column, function))
            .ok_or_else(|| {
                error(
                    Some(line),
                    Some(column),
                    format!(
                        "unknown function `{function}` (expected one of {}, or map it with --function-map {function}=FUNCTION)",
                        Function::expected()
                    ),
                )
            });
    }
    let title = get(Field::Title);
    if let Some(f) = options.title_rules.function_of(title) {
        return Ok((f, FunctionSource::Title, title));
    }
    if header(Field::Department).is_some() && !department.is_empty() {
        let f = mapped(department).unwrap_or_else(|| department_function(department));
        if f != Function::Other || mapped(department).is_some() {
            return Ok((f, FunctionSource::Department, department));
        }
    }
    Ok((Function::Other, FunctionSource::Default, ""))
}

/// The functions of the rows read so far, by their function, title and
/// department cells: an HR export has far fewer titles than people, so the
/// title table is read once per distinct combination, not once per row.
#[derive(Debug, Default)]
pub(super) struct FunctionMemo {
    /// The cells of the row at hand, each after its length (unambiguous).
    key: String,
    known: HashMap<String, (Function, FunctionSource), foldhash::fast::RandomState>,
}

/// [`row_function`], remembered in `memo` (the function depends only on
/// the three cells; the header and options are the file's).
pub(super) fn row_function_memo<'r>(
    get: impl Fn(Field) -> &'r str,
    header: &HeaderOf<'_>,
    line: usize,
    options: &CsvOptions,
    memo: &mut FunctionMemo,
) -> Result<(Function, FunctionSource, &'r str), CsvError> {
    use std::fmt::Write as _;
    let cells = [
        get(Field::Function),
        get(Field::Title),
        get(Field::Department),
    ];
    memo.key.clear();
    for cell in cells {
        let _ = write!(memo.key, "{}:", cell.len());
        memo.key.push_str(cell);
    }
    // The text the function was read from, by where it came from.
    let value = |source: FunctionSource| match source {
        FunctionSource::Column => cells[0],
        FunctionSource::Title => cells[1],
        FunctionSource::Department => cells[2],
        FunctionSource::Default | FunctionSource::Chosen => "",
    };
    if let Some(&(function, source)) = memo.known.get(memo.key.as_str()) {
        return Ok((function, source, value(source)));
    }
    let (function, source, read_from) = row_function(get, header, line, options)?;
    debug_assert_eq!(read_from, value(source));
    memo.known.insert(memo.key.clone(), (function, source));
    Ok((function, source, value(source)))
}

/// The notice that says where the functions came from: "functions: 5
/// from titles, 2 from departments, 1 default (other)".
pub(super) fn functions_notice(uses: &[FunctionUse]) -> Option<String> {
    let count = |source: FunctionSource| -> usize {
        uses.iter()
            .filter(|u| u.source == source)
            .map(|u| u.rows)
            .sum()
    };
    let parts: Vec<String> = [
        (FunctionSource::Column, "from the function column"),
        (FunctionSource::Title, "from titles"),
        (FunctionSource::Department, "from departments"),
        (FunctionSource::Default, "with no function found (other)"),
    ]
    .into_iter()
    .filter_map(|(source, words)| {
        let n = count(source);
        (n > 0).then(|| format!("{n} {words}"))
    })
    .collect();
    (!parts.is_empty()).then(|| format!("functions: {}", parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_functions_are_those_read_row_by_row() {
        // Columns: function, title, department (all present).
        let header = |f: Field| match f {
            Field::Function => Some("function"),
            Field::Title => Some("title"),
            Field::Department => Some("department"),
            _ => None,
        };
        let mut options = CsvOptions::default();
        options
            .function_map
            .push(("Field Sales".to_owned(), Function::Sales));
        let rows: [[&str; 3]; 9] = [
            ["", "Founder & CEO", ""],
            ["", "Account Executive", "Marketing"],
            ["", "Account Executive", "Marketing"],
            ["", "Chief of Staff", "Marketing"],
            ["", "Chief of Staff", "Field Sales"],
            ["", "Chief of Staff", ""],
            ["marketing", "Account Executive", ""],
            // The same text split differently between the cells.
            ["", "Chief of StaffMarketing", ""],
            ["", "Chief of Staff", "Marketing"],
        ];
        let mut memo = FunctionMemo::default();
        for (line, cells) in rows.iter().enumerate() {
            let get = |f: Field| match f {
                Field::Function => cells[0],
                Field::Title => cells[1],
                Field::Department => cells[2],
                _ => "",
            };
            let once = row_function(get, &header, line, &options).unwrap();
            let remembered = row_function_memo(get, &header, line, &options, &mut memo).unwrap();
            assert_eq!(remembered, once, "row {line}: {cells:?}");
        }
        // Seven distinct rows (two repeat).
        assert_eq!(memo.known.len(), 7);
        // An unknown function is still an error naming the row and column.
        let get = |f: Field| if f == Field::Function { "wizard" } else { "" };
        let error = row_function_memo(get, &header, 12, &options, &mut memo).unwrap_err();
        assert_eq!(error.row, Some(12));
        assert_eq!(error.column.as_deref(), Some("function"));
    }
}
