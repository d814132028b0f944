//! A people list read and checked, before it becomes a stage: every field
//! kept in one text arena, every manager and collaborator resolved to a row.
//! `orgevo layout` lays a table out directly; the import builds a stage.

use foldhash::{HashMap, HashMapExt};

use super::csv_columns::{Field, department_function};
use super::csv_import::{CsvError, CsvOptions, error};
use crate::layout::{LayoutParams, card_width, tidy_forest};
use crate::model::{Function, LinkKind, Member, ResponsibilitySet, Stage, Tag, limits};

/// A piece of the arena.
#[derive(Clone, Copy, Default)]
struct Span {
    start: u32,
    end: u32,
}

/// One person, as read.
struct TableRow {
    /// 1-based line of the file.
    line: usize,
    id: Span,
    name: Span,
    title: Span,
    /// The manager's id as written (empty for the head).
    manager: Span,
    /// `;`-separated tags, checked.
    tags: Span,
    /// `;`-separated collaborator ids, checked.
    collaborates: Span,
    function: Function,
    planned: bool,
}

/// The header of a field's column, if the file has one.
pub(super) type HeaderOf<'h> = dyn Fn(Field) -> Option<&'h str> + 'h;

/// A people list, read row by row, then checked as a whole.
#[derive(Default)]
pub struct PeopleTable {
    arena: String,
    rows: Vec<TableRow>,
    /// Each row's manager row, once checked.
    managers: Vec<Option<usize>>,
    /// Collaboration lines (row, row), once checked.
    collaborations: Vec<(usize, usize)>,
}

impl PeopleTable {
    /// Room for `rows` rows of `bytes` bytes in all.
    pub(super) fn with_capacity(rows: usize, bytes: usize) -> Self {
        Self {
            arena: String::with_capacity(bytes),
            rows: Vec::with_capacity(rows),
            ..Self::default()
        }
    }

    /// Number of people.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the list has nobody.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn text(&self, span: Span) -> &str {
        self.arena
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    fn push(&mut self, parts: &[&str], line: usize) -> Result<Span, CsvError> {
        let start = self.arena.len();
        for (i, part) in parts.iter().filter(|p| !p.is_empty()).enumerate() {
            if i > 0 {
                self.arena.push(' ');
            }
            self.arena.push_str(part);
        }
        let offset = |n: usize| {
            u32::try_from(n).map_err(|_| {
                error(
                    Some(line),
                    None,
                    "the file is too big to import (over 4 GiB of text)".into(),
                )
            })
        };
        Ok(Span {
            start: offset(start)?,
            end: offset(self.arena.len())?,
        })
    }

    /// The id of row `row`.
    pub fn id(&self, row: usize) -> &str {
        self.rows.get(row).map_or("", |r| self.text(r.id))
    }

    /// The manager row of row `row`, once checked.
    pub fn manager(&self, row: usize) -> Option<usize> {
        self.managers.get(row).copied().flatten()
    }

    /// Reads one record's fields into a row, checking each field on its
    /// own; returns the function value as written for the function table.
    pub(super) fn read_row<'r>(
        &mut self,
        record: &'r csv::StringRecord,
        line: usize,
        header: &HeaderOf<'_>,
        column: &dyn Fn(Field) -> Option<usize>,
        options: &CsvOptions,
    ) -> Result<(&'r str, Function), CsvError> {
        let get = |f: Field| column(f).and_then(|i| record.get(i)).map_or("", str::trim);
        for field in Field::ALL {
            if let Some(chars) = limits::too_long(get(field)) {
                return Err(error(
                    Some(line),
                    header(field),
                    format!(
                        "the value is {} characters long; the limit is {}",
                        limits::thousands(chars as u64),
                        limits::thousands(limits::MAX_TEXT_CHARS as u64)
                    ),
                ));
            }
        }
        let id = get(Field::Id);
        if id.is_empty() {
            return Err(error(
                Some(line),
                header(Field::Id),
                "the id is empty".into(),
            ));
        }
        let name = match get(Field::Name) {
            "" => [get(Field::FirstName), get(Field::LastName)],
            name => [name, ""],
        };
        let joined = name[0].len() + name[1].len() + 1 > limits::MAX_TEXT_CHARS;
        if let Some(chars) = joined
            .then(|| name.join(" "))
            .and_then(|n| limits::too_long(&n))
        {
            return Err(error(
                Some(line),
                header(Field::FirstName),
                format!(
                    "the first and last names make a name {} characters long; the limit is {}",
                    limits::thousands(chars as u64),
                    limits::thousands(limits::MAX_TEXT_CHARS as u64)
                ),
            ));
        }
        let function_value = [get(Field::Function), get(Field::Department)]
            .into_iter()
            .find(|v| !v.is_empty())
            .unwrap_or("");
        let function = function(get, header, line, options)?;
        let tags = get(Field::Tags);
        for tag in list(tags, line, header(Field::Tags), "tag") {
            tag?;
        }
        let planned = get(Field::Planned);
        let planned = match planned {
            "" => false,
            p if ["false", "no", "n", "0"]
                .iter()
                .any(|v| p.eq_ignore_ascii_case(v)) =>
            {
                false
            }
            p if ["true", "yes", "y", "1", "x"]
                .iter()
                .any(|v| p.eq_ignore_ascii_case(v)) =>
            {
                true
            }
            other => {
                return Err(error(
                    Some(line),
                    header(Field::Planned),
                    format!("`{}` is not yes or no (planned hire)", other.to_lowercase()),
                ));
            }
        };
        let collaborates = get(Field::Collaborates);
        for id in list(collaborates, line, header(Field::Collaborates), "id") {
            id?;
        }
        let row = TableRow {
            line,
            id: self.push(&[id], line)?,
            name: self.push(&name, line)?,
            title: self.push(&[get(Field::Title)], line)?,
            manager: self.push(&[get(Field::Manager)], line)?,
            tags: self.push(&[tags], line)?,
            collaborates: self.push(&[collaborates], line)?,
            function,
            planned,
        };
        self.rows.push(row);
        Ok((function_value, function))
    }

    /// Checks the rows as a whole: no duplicate id, every manager and
    /// collaborator known, nobody reporting to themselves, no reporting
    /// cycle. Errors name the first row at fault.
    pub(super) fn check(&mut self, header: &HeaderOf<'_>) -> Result<(), CsvError> {
        let mut row_of: HashMap<&str, usize> = HashMap::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            let id = self.text(row.id);
            if let Some(first) = row_of.insert(id, i) {
                return Err(error(
                    Some(row.line),
                    header(Field::Id),
                    format!(
                        "duplicate id `{id}` (first on row {})",
                        self.rows[first].line
                    ),
                ));
            }
        }
        let mut managers = Vec::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            let manager = self.text(row.manager);
            if manager.is_empty() {
                managers.push(None);
                continue;
            }
            let Some(&m) = row_of.get(manager) else {
                return Err(error(
                    Some(row.line),
                    header(Field::Manager),
                    format!("unknown manager id `{manager}`"),
                ));
            };
            if m == i {
                return Err(error(
                    Some(row.line),
                    header(Field::Manager),
                    format!("`{manager}` reports to itself"),
                ));
            }
            managers.push(Some(m));
        }
        if let Some(i) = first_in_cycle(&managers) {
            return Err(error(
                Some(self.rows[i].line),
                header(Field::Manager),
                format!("`{}` is part of a reporting cycle", self.id(i)),
            ));
        }
        let mut collaborations = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            for other in items(self.text(row.collaborates)) {
                let Some(&j) = row_of.get(other) else {
                    return Err(error(
                        Some(row.line),
                        header(Field::Collaborates),
                        format!("unknown collaborator id `{other}`"),
                    ));
                };
                if i != j {
                    collaborations.push((i, j));
                }
            }
        }
        drop(row_of);
        self.managers = managers;
        self.collaborations = collaborations;
        Ok(())
    }

    /// Card centres of the editor's tidy layout, one per row.
    pub fn layout(&self) -> Vec<[f32; 2]> {
        let widths: Vec<f32> = self
            .rows
            .iter()
            .map(|row| {
                let hat = items(self.text(row.tags))
                    .filter_map(|t| Tag::parse(t).responsibility())
                    .collect::<ResponsibilitySet>()
                    .hat();
                let name = match self.text(row.name) {
                    name if name.trim().is_empty() => self.text(row.id),
                    name => name,
                };
                card_width(name, self.text(row.title), hat)
            })
            .collect();
        tidy_forest(&widths, &|i| self.manager(i), &LayoutParams::EDITOR)
    }

    /// Fills `stage` (empty) with the checked table's members and lines,
    /// laid out.
    pub(super) fn into_stage(self, stage: &mut Stage) -> Result<(), CsvError> {
        let centres = self.layout();
        stage.reserve(self.rows.len(), self.rows.len() + self.collaborations.len());
        let mut nodes = Vec::with_capacity(self.rows.len());
        for (row, centre) in self.rows.iter().zip(centres) {
            let mut member = Member::new(self.text(row.id), self.text(row.name), row.function);
            member.title = self.text(row.title).to_owned();
            member.tags = items(self.text(row.tags)).map(Tag::parse).collect();
            member.planned = row.planned;
            member.pos = Some(centre);
            let node = stage
                .add_member(member)
                .map_err(|e| error(Some(row.line), None, e.to_string()))?;
            nodes.push(node);
        }
        let reports =
            (0..self.rows.len()).filter_map(|i| Some((i, self.manager(i)?, LinkKind::ReportsTo)));
        let collaborations =
            (self.collaborations.iter()).map(|&(i, j)| (i, j, LinkKind::CollaboratesWith));
        for (i, j, kind) in reports.chain(collaborations) {
            let (from, to) = (nodes[i], nodes[j]);
            if stage.find_link_between(from, to, kind).is_none() {
                stage
                    .add_link_between(from, to, kind)
                    .map_err(|e| error(Some(self.rows[i].line), None, e.to_string()))?;
            }
        }
        Ok(())
    }
}

/// The function of a row: the function column (a function id, or mapped),
/// else the department column (mapped, or by the department table), else
/// `other`.
fn function<'r>(
    get: impl Fn(Field) -> &'r str,
    header: &HeaderOf<'_>,
    line: usize,
    options: &CsvOptions,
) -> Result<Function, CsvError> {
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
    if header(Field::Department).is_some() && !department.is_empty() {
        return Ok(mapped(department).unwrap_or_else(|| department_function(department)));
    }
    Ok(Function::Other)
}

/// The entries of a checked `;`-separated list.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// A `;`-separated list; an empty entry or one with spaces inside is an
/// error (a mistyped list, not a value).
fn list<'t>(
    text: &'t str,
    line: usize,
    header: Option<&'t str>,
    what: &'t str,
) -> impl Iterator<Item = Result<&'t str, CsvError>> + 't {
    let items = text.split(';').filter(move |_| !text.is_empty());
    items.map(move |item| {
        let item = item.trim();
        if item.is_empty() {
            Err(error(Some(line), header, format!("bad {what} list `{text}`: an empty entry (separate entries with one `;`)")))
        } else if item.contains(char::is_whitespace) || item.contains(',') {
            Err(error(Some(line), header, format!("bad {what} list `{text}`: `{item}` has a space or comma inside (separate entries with `;`)")))
        } else {
            Ok(item)
        }
    })
}

/// The first row (in file order) whose chain of managers comes back to it.
fn first_in_cycle(managers: &[Option<usize>]) -> Option<usize> {
    // 0 unseen, 1 on the current walk, 2 done.
    let mut state = vec![0u8; managers.len()];
    let mut cyclic = vec![false; managers.len()];
    let mut walk = Vec::new();
    for start in 0..managers.len() {
        walk.clear();
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
                    at = managers[i];
                }
            }
        }
        for w in &walk {
            state[*w] = 2;
        }
    }
    cyclic.iter().position(|c| *c)
}
