//! How a people list is read, and why one could not be: the options and
//! the error every CSV step shares (the error names its row and column).

use super::csv_columns::Field;
use super::title_functions::TitleRules;
use crate::model::Function;

/// How to read a CSV file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvOptions {
    /// Explicit column choices (field, header), over the recognised names.
    pub columns: Vec<(Field, String)>,
    /// Values of the function or department column mapped to a function,
    /// over the built-in department table.
    pub function_map: Vec<(String, Function)>,
    /// How titles become functions when a row names none.
    pub title_rules: TitleRules,
}

/// Why a CSV file could not be imported, with the place.
#[derive(Debug, thiserror::Error)]
#[error("{}{message}", place(*row, column.as_deref()))]
pub struct CsvError {
    /// 1-based line of the file (the header is line 1), if any.
    pub row: Option<usize>,
    /// The column's header, if any.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

fn place(row: Option<usize>, column: Option<&str>) -> String {
    match (row, column) {
        (Some(r), Some(c)) => format!("row {r}, column `{c}`: "),
        (Some(r), None) => format!("row {r}: "),
        (None, Some(c)) => format!("column `{c}`: "),
        (None, None) => String::new(),
    }
}

pub(super) fn error(row: Option<usize>, column: Option<&str>, message: String) -> CsvError {
    CsvError {
        row,
        column: column.map(str::to_owned),
        message,
    }
}
