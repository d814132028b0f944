//! Which function a person in a people list has, and where that came from:
//! the function column, the title (DESIGN.md's title table), the
//! department, or nothing (`other`).

use super::csv_columns::{Field, HeaderOf, department_function};
use super::csv_options::{CsvError, CsvOptions, error};
use crate::model::Function;

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
