//! People lists from HR tools: a CSV file becomes a stage. Any column
//! order, rows before their managers, quoted fields, a UTF-8 BOM, `,` or
//! `;` separators, HR column names; every error names its row and column.

use super::csv_columns::{Field, map_columns};
use super::csv_functions::{FunctionMemo, FunctionSource, FunctionUse, functions_notice};
use super::csv_options::{CsvError, CsvOptions, error};
use super::csv_table::PeopleTable;
use crate::model::limits::{MAX_FILE_BYTES, MAX_MEMBERS, thousands};
use crate::model::{Stage, StageKind};

/// A CSV file read into a stage.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// The people as a stage (laid out; id `imported`, kind custom: the
    /// caller names it).
    pub stage: Stage,
    /// Which header fed which field.
    pub mapping: Vec<(Field, String)>,
    /// Things worth saying that are not errors (ignored columns, where
    /// functions came from, managers found by name).
    pub notices: Vec<String>,
    /// The function table as used: each function, title or department
    /// value, the function it became, where from, and how many rows had it.
    pub functions: Vec<FunctionUse>,
    /// Where each member's function came from, in member order.
    pub sources: Vec<FunctionSource>,
}

/// The separator of `text`: `;` when the header line has more semicolons
/// than commas, else `,`.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c: char| header.chars().filter(|x| *x == c).count();
    if count(';') > count(',') { b';' } else { b',' }
}

/// Reads a people list into a laid-out stage.
pub fn import_csv(bytes: &[u8], options: &CsvOptions) -> Result<CsvImport, CsvError> {
    let read = read_table(bytes, options)?;
    let mut stage = Stage::new("imported", "Imported", StageKind::Custom);
    let sources = read.table.sources();
    read.table.into_stage(&mut stage)?;
    Ok(CsvImport {
        stage,
        mapping: read.mapping,
        notices: read.notices,
        functions: read.functions,
        sources,
    })
}

/// Reads and checks a people list without making a stage of it, e.g. to
/// lay it out.
pub fn read_people_table(bytes: &[u8], options: &CsvOptions) -> Result<PeopleTable, CsvError> {
    read_table(bytes, options).map(|read| read.table)
}

/// A people list read and checked, with what the import reports about it.
struct ReadTable {
    table: PeopleTable,
    mapping: Vec<(Field, String)>,
    notices: Vec<String>,
    functions: Vec<FunctionUse>,
}

/// The text of a people list, a reader positioned after its header row, and
/// the headers (trimmed).
type OpenedCsv<'t> = (&'t str, csv::Reader<&'t [u8]>, Vec<String>);

fn open_reader(bytes: &[u8]) -> Result<OpenedCsv<'_>, CsvError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        error(Some(line), None, "the file is not UTF-8 text".to_owned())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(error(
            None,
            None,
            "the file is empty; expected a header row".into(),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| error(Some(1), None, e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    Ok((text, reader, headers))
}

/// The header row of a people list, for choosing columns by hand.
pub fn csv_headers(bytes: &[u8]) -> Result<Vec<String>, CsvError> {
    open_reader(bytes).map(|(_, _, headers)| headers)
}

fn read_table(bytes: &[u8], options: &CsvOptions) -> Result<ReadTable, CsvError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(error(
            None,
            None,
            format!(
                "the file is {} bytes; orgevo reads people lists of up to {} bytes (256 MiB)",
                thousands(bytes.len() as u64),
                thousands(MAX_FILE_BYTES)
            ),
        ));
    }
    let (text, mut reader, headers) = open_reader(bytes)?;
    let (mapping, unused) =
        map_columns(&headers, &options.columns).map_err(|m| error(Some(1), None, m))?;
    // Each field's column, looked up once (every row asks for every field).
    let mut columns: Vec<Option<usize>> = vec![None; Field::ALL.len()];
    for (field, index) in &mapping {
        if let Some(slot) = columns.get_mut(*field as usize)
            && slot.is_none()
        {
            *slot = Some(*index);
        }
    }
    let column = |f: Field| columns.get(f as usize).copied().flatten();
    for required in [Field::Id, Field::Manager] {
        if column(required).is_none() {
            return Err(error(
                Some(1),
                None,
                format!(
                    "no `{}` column (columns: {}); name it with --column {}=HEADER",
                    required.id(),
                    headers.join(", "),
                    required.id()
                ),
            ));
        }
    }
    if column(Field::Name).is_none() && column(Field::FirstName).is_none() {
        return Err(error(
            Some(1),
            None,
            format!(
                "no `name` column, nor first and last names (columns: {})",
                headers.join(", ")
            ),
        ));
    }
    let header = |f: Field| column(f).and_then(|i| headers.get(i)).map(String::as_str);
    // About one member a line: room for them all at once.
    let lines = text.bytes().filter(|b| *b == b'\n').count();
    let mut table = PeopleTable::with_capacity(lines, text.len());
    let mut functions: Vec<FunctionUse> = Vec::new();
    let mut memo = FunctionMemo::default();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                return Err(error(line, None, e.to_string()));
            }
        }
        let line = record
            .position()
            .map_or(table.len() + 2, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() > headers.len() {
            return Err(error(
                Some(line),
                None,
                format!(
                    "{} values but {} columns; quote a value that contains the separator",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        if table.len() == MAX_MEMBERS {
            return Err(error(
                Some(line),
                None,
                format!(
                    "more than {} people; a stage holds at most that many",
                    thousands(MAX_MEMBERS as u64)
                ),
            ));
        }
        // The function table: each value as written ("" when none).
        let (value, function, source) =
            table.read_row(&record, line, &header, &column, options, &mut memo)?;
        match functions
            .iter_mut()
            .find(|u| u.source == source && u.value == value)
        {
            Some(known) => known.rows += 1,
            None => functions.push(FunctionUse {
                value: value.to_owned(),
                function,
                source,
                rows: 1,
            }),
        }
    }
    let mut notices = table.check(&header)?;
    if !unused.is_empty() {
        notices.push(format!("columns not imported: {}", unused.join(", ")));
    }
    notices.extend(functions_notice(&functions));
    Ok(ReadTable {
        table,
        mapping: mapping
            .iter()
            .map(|(f, i)| (*f, headers[*i].clone()))
            .collect(),
        notices,
        functions,
    })
}
