//! People lists from HR tools: a CSV file becomes a stage. Any column
//! order, rows before their managers, quoted fields, a UTF-8 BOM, `,` or
//! `;` separators, HR column names; every error names its row and column.

use foldhash::HashMap;
use foldhash::HashMapExt;

use super::csv_columns::{Field, department_function, map_columns};
use crate::layout::tidy_layout;
use crate::model::{Function, Link, LinkKind, Member, Stage, StageKind, Tag};

/// How to read a CSV file.
#[derive(Clone, Debug, Default)]
pub struct CsvOptions {
    /// Explicit column choices (field, header), over the recognised names.
    pub columns: Vec<(Field, String)>,
    /// Values of the function or department column mapped to a function,
    /// over the built-in department table.
    pub function_map: Vec<(String, Function)>,
}

/// A CSV file read into a stage.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// The people as a stage (laid out; id `imported`, kind custom: the
    /// caller names it).
    pub stage: Stage,
    /// Which header fed which field.
    pub mapping: Vec<(Field, String)>,
    /// Things worth saying that are not errors (ignored columns).
    pub notices: Vec<String>,
    /// The function table as used: each function or department value, the
    /// function it became, and how many rows had it.
    pub functions: Vec<(String, Function, usize)>,
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

fn error(row: Option<usize>, column: Option<&str>, message: String) -> CsvError {
    CsvError {
        row,
        column: column.map(str::to_owned),
        message,
    }
}

/// The separator of `text`: `;` when the header line has more semicolons
/// than commas, else `,`.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c: char| header.chars().filter(|x| *x == c).count();
    if count(';') > count(',') { b';' } else { b',' }
}

/// One row's fields, as read.
struct Row {
    line: usize,
    /// The function or department value as written ("" when none).
    function_value: String,
    id: String,
    manager: String,
    member: Member,
    collaborates: Vec<String>,
}

/// Reads a people list.
pub fn import_csv(bytes: &[u8], options: &CsvOptions) -> Result<CsvImport, CsvError> {
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
    let (mapping, unused) =
        map_columns(&headers, &options.columns).map_err(|m| error(Some(1), None, m))?;
    let column = |f: Field| mapping.iter().find(|(x, _)| *x == f).map(|(_, i)| *i);
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
    let mut rows: Vec<Row> = Vec::new();
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
            .map_or(rows.len() + 2, |p| p.line() as usize);
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
        rows.push(read_row(&record, line, &headers, &column, options)?);
    }
    let mut functions: Vec<(String, Function, usize)> = Vec::new();
    for row in &rows {
        match functions
            .iter_mut()
            .find(|(v, _, _)| *v == row.function_value)
        {
            Some((_, _, n)) => *n += 1,
            None => functions.push((row.function_value.clone(), row.member.function, 1)),
        }
    }
    let stage = build_stage(rows, &headers, &column)?;
    let mut notices = Vec::new();
    if !unused.is_empty() {
        notices.push(format!("columns not imported: {}", unused.join(", ")));
    }
    Ok(CsvImport {
        stage,
        mapping: mapping
            .iter()
            .map(|(f, i)| (*f, headers[*i].clone()))
            .collect(),
        notices,
        functions,
    })
}

fn read_row(
    record: &csv::StringRecord,
    line: usize,
    headers: &[String],
    column: &dyn Fn(Field) -> Option<usize>,
    options: &CsvOptions,
) -> Result<Row, CsvError> {
    let get = |f: Field| -> (&str, Option<&str>) {
        match column(f) {
            Some(i) => (
                record.get(i).unwrap_or("").trim(),
                headers.get(i).map(String::as_str),
            ),
            None => ("", None),
        }
    };
    let (id, id_header) = get(Field::Id);
    if id.is_empty() {
        return Err(error(Some(line), id_header, "the id is empty".into()));
    }
    let name = match get(Field::Name).0 {
        "" => [get(Field::FirstName).0, get(Field::LastName).0]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        name => name.to_owned(),
    };
    let mapped = |value: &str| {
        options
            .function_map
            .iter()
            .find(|(v, _)| v.trim().eq_ignore_ascii_case(value))
            .map(|(_, f)| *f)
    };
    let function_value = match get(Field::Function).0 {
        "" => get(Field::Department).0.to_owned(),
        value => value.to_owned(),
    };
    let function = match (get(Field::Function), get(Field::Department)) {
        ((value, Some(header)), _) if !value.is_empty() => mapped(value)
            .or_else(|| Function::from_id(&value.to_lowercase()))
            .ok_or_else(|| {
                error(
                    Some(line),
                    Some(header),
                    format!(
                        "unknown function `{value}` (expected one of {}, or map it with --function-map {value}=FUNCTION)",
                        Function::expected()
                    ),
                )
            })?,
        (_, (value, Some(_))) if !value.is_empty() => {
            mapped(value).unwrap_or_else(|| department_function(value))
        }
        _ => Function::Other,
    };
    let mut member = Member::new(id, name, function);
    member.title = get(Field::Title).0.to_owned();
    let (tags, tags_header) = get(Field::Tags);
    member.tags = list(tags, line, tags_header, "tag")?
        .into_iter()
        .map(|t| Tag::parse(&t))
        .collect();
    let (planned, planned_header) = get(Field::Planned);
    member.planned = match planned.to_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" => false,
        "true" | "yes" | "y" | "1" | "x" => true,
        other => {
            return Err(error(
                Some(line),
                planned_header,
                format!("`{other}` is not yes or no (planned hire)"),
            ));
        }
    };
    let (collaborates, collab_header) = get(Field::Collaborates);
    Ok(Row {
        line,
        function_value,
        id: id.to_owned(),
        manager: get(Field::Manager).0.to_owned(),
        member,
        collaborates: list(collaborates, line, collab_header, "id")?,
    })
}

/// A `;`-separated list; an empty entry or one with spaces inside is an
/// error (a mistyped list, not a value).
fn list(
    text: &str,
    line: usize,
    header: Option<&str>,
    what: &str,
) -> Result<Vec<String>, CsvError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(';')
        .map(|item| {
            let item = item.trim();
            if item.is_empty() {
                Err(error(Some(line), header, format!("bad {what} list `{text}`: an empty entry (separate entries with one `;`)")))
            } else if item.contains(char::is_whitespace) || item.contains(',') {
                Err(error(Some(line), header, format!("bad {what} list `{text}`: `{item}` has a space or comma inside (separate entries with `;`)")))
            } else {
                Ok(item.to_owned())
            }
        })
        .collect()
}

fn build_stage(
    mut rows: Vec<Row>,
    headers: &[String],
    column: &dyn Fn(Field) -> Option<usize>,
) -> Result<Stage, CsvError> {
    let header = |f: Field| column(f).and_then(|i| headers.get(i)).map(String::as_str);
    let mut stage = Stage::new("imported", "Imported", StageKind::Custom);
    let mut line_of: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for row in &mut rows {
        if let Some(first) = line_of.insert(row.id.clone(), row.line) {
            return Err(error(
                Some(row.line),
                header(Field::Id),
                format!("duplicate id `{}` (first on row {first})", row.id),
            ));
        }
        // The row keeps its id; the member moves into the stage.
        let member = std::mem::replace(&mut row.member, Member::new("", "", Function::Other));
        let _ = stage.add_member(member);
    }
    for row in &rows {
        if row.manager.is_empty() {
            continue;
        }
        if !line_of.contains_key(&row.manager) {
            return Err(error(
                Some(row.line),
                header(Field::Manager),
                format!("unknown manager id `{}`", row.manager),
            ));
        }
        if row.manager == row.id {
            return Err(error(
                Some(row.line),
                header(Field::Manager),
                format!("`{}` reports to itself", row.id),
            ));
        }
        let _ = stage.add_link(&Link::new(&row.id, &row.manager, LinkKind::ReportsTo));
    }
    if let Some(row) = first_in_cycle(&rows) {
        return Err(error(
            Some(row.line),
            header(Field::Manager),
            format!("`{}` is part of a reporting cycle", row.id),
        ));
    }
    for row in &rows {
        for other in &row.collaborates {
            if !line_of.contains_key(other) {
                return Err(error(
                    Some(row.line),
                    header(Field::Collaborates),
                    format!("unknown collaborator id `{other}`"),
                ));
            }
            let link = Link::new(&row.id, other, LinkKind::CollaboratesWith);
            if other != &row.id && stage.find_link(&link).is_none() {
                let _ = stage.add_link(&link);
            }
        }
    }
    // The layout lists members in graph order.
    let nodes: Vec<_> = stage.graph().node_indices().collect();
    for (node, (id, pos)) in nodes.into_iter().zip(tidy_layout(&stage)) {
        if let Some(m) = stage.member_at_mut(node).filter(|m| m.id == id) {
            m.pos = Some(pos);
        }
    }
    Ok(stage)
}

/// The first row (in file order) whose chain of managers comes back to it.
fn first_in_cycle(rows: &[Row]) -> Option<&Row> {
    let index: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    // 0 unseen, 1 on the current walk, 2 done.
    let mut state = vec![0u8; rows.len()];
    let mut cyclic = vec![false; rows.len()];
    for start in 0..rows.len() {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let from = walk.iter().position(|w| *w == i).unwrap_or(0);
                    for w in &walk[from..] {
                        cyclic[*w] = true;
                    }
                    break;
                }
                _ => {
                    state[i] = 1;
                    walk.push(i);
                    at = index.get(rows[i].manager.as_str()).copied();
                }
            }
        }
        for w in walk {
            state[w] = 2;
        }
    }
    rows.iter().zip(cyclic).find(|(_, c)| *c).map(|(r, _)| r)
}
