//! A people list read and checked, before it becomes a stage: every field
//! kept in one text arena, every manager and collaborator resolved to a row.
//! `orgevo layout` lays a table out directly; the import builds a stage.

use super::csv_columns::{Field, HeaderOf};
use super::csv_functions::{FunctionMemo, FunctionSource, row_function_memo};
use super::csv_options::{CsvError, CsvOptions, error};
use super::csv_values::{self, bad_list_entry, list_entries, tag_text};
use crate::layout::{LayoutParams, card_width, layout_forest};
use crate::model::LayoutStyle;
use crate::model::{
    Function, Hat, LinkKind, Member, ResponsibilitySet, Stage, Tag, YearMonth, limits,
};
use std::collections::HashMap;

/// A piece of the arena.
#[derive(Clone, Copy, Default)]
pub(super) struct Span {
    start: u32,
    end: u32,
}

/// One person, as read.
pub(super) struct TableRow {
    /// 1-based line of the file.
    pub(super) line: usize,
    pub(super) id: Span,
    pub(super) name: Span,
    pub(super) title: Span,
    /// The manager as written (an id, e-mail or name; empty for the head).
    pub(super) manager: Span,
    pub(super) email: Span,
    /// The tag list as written, checked.
    pub(super) tags: Span,
    /// The collaborator list as written, checked.
    pub(super) collaborates: Span,
    pub(super) notes: Span,
    pub(super) function: Function,
    pub(super) source: FunctionSource,
    pub(super) planned: bool,
    pub(super) cost: Option<f64>,
    pub(super) quota: Option<f64>,
    pub(super) start: Option<YearMonth>,
}

/// A people list, read row by row, then checked as a whole.
#[derive(Default)]
pub struct PeopleTable {
    arena: String,
    pub(super) rows: Vec<TableRow>,
    /// Each row's manager row, once checked.
    pub(super) managers: Vec<Option<usize>>,
    /// Collaboration lines (row, row), once checked.
    pub(super) collaborations: Vec<(usize, usize)>,
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

    pub(super) fn text(&self, span: Span) -> &str {
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
    /// own; returns the text the function was read from, the function and
    /// where it came from, for the function table.
    pub(super) fn read_row<'r>(
        &mut self,
        record: &'r csv::StringRecord,
        line: usize,
        header: &HeaderOf<'_>,
        column: &dyn Fn(Field) -> Option<usize>,
        options: &CsvOptions,
        functions: &mut FunctionMemo,
    ) -> Result<(&'r str, Function, FunctionSource), CsvError> {
        let get = |f: Field| {
            column(f)
                .and_then(|i| record.get(i))
                .map_or("", csv_values::cell)
        };
        let at = |field: Field, message: String| error(Some(line), header(field), message);
        for field in Field::ALL {
            if let Some(chars) = limits::too_long(get(field)) {
                return Err(at(
                    field,
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
            return Err(at(Field::Id, "the id is empty".into()));
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
            return Err(at(
                Field::FirstName,
                format!(
                    "the first and last names make a name {} characters long; the limit is {}",
                    limits::thousands(chars as u64),
                    limits::thousands(limits::MAX_TEXT_CHARS as u64)
                ),
            ));
        }
        let (function, source, function_value) =
            row_function_memo(get, header, line, options, functions)?;
        let (tags, collaborates) = (get(Field::Tags), get(Field::Collaborates));
        for (field, what, list) in [
            (Field::Tags, "tag", tags),
            (Field::Collaborates, "collaborator", collaborates),
        ] {
            if let Some(why) = bad_list_entry(list) {
                return Err(at(field, format!("bad {what} list: {why}")));
            }
        }
        let planned = get(Field::Planned);
        let planned = csv_values::planned(planned).ok_or_else(|| {
            at(
                Field::Planned,
                format!(
                    "`{}` is not yes or no (planned hire)",
                    planned.to_lowercase()
                ),
            )
        })?;
        let cost = csv_values::amount(get(Field::Cost)).map_err(|m| at(Field::Cost, m))?;
        let quota = csv_values::amount(get(Field::Quota)).map_err(|m| at(Field::Quota, m))?;
        let start = csv_values::start(get(Field::Start)).map_err(|m| at(Field::Start, m))?;
        let row = TableRow {
            line,
            id: self.push(&[id], line)?,
            name: self.push(&name, line)?,
            title: self.push(&[get(Field::Title)], line)?,
            manager: self.push(&[get(Field::Manager)], line)?,
            email: self.push(&[get(Field::Email)], line)?,
            tags: self.push(&[tags], line)?,
            collaborates: self.push(&[collaborates], line)?,
            notes: self.push(&[get(Field::Notes)], line)?,
            function,
            source,
            planned,
            cost,
            quota,
            start,
        };
        self.rows.push(row);
        Ok((function_value, function, source))
    }

    /// The tags of row `row` as the plan holds them: one of the twelve, or
    /// a custom tag in lower case with hyphens.
    fn tags_of(&self, row: &TableRow) -> Vec<Tag> {
        let mut tags: Vec<Tag> = Vec::new();
        for tag in list_entries(self.text(row.tags)).map(|t| Tag::parse(&tag_text(t))) {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    /// Card centres of the editor's tidy layout, one per row.
    pub fn layout(&self) -> Vec<[f32; 2]> {
        self.layout_in(LayoutStyle::Wide)
    }

    /// Card centres of the editor's layout in `style`, one per row.
    pub fn layout_in(&self, style: LayoutStyle) -> Vec<[f32; 2]> {
        // A list has few distinct tag lists: each one's hat is read once.
        let mut hats: HashMap<&str, Hat, foldhash::fast::RandomState> = HashMap::default();
        let widths: Vec<f32> = self
            .rows
            .iter()
            .map(|row| {
                let hat = *hats.entry(self.text(row.tags)).or_insert_with(|| {
                    self.tags_of(row)
                        .iter()
                        .filter_map(Tag::responsibility)
                        .collect::<ResponsibilitySet>()
                        .hat()
                });
                let name = match self.text(row.name) {
                    name if name.trim().is_empty() => self.text(row.id),
                    name => name,
                };
                card_width(name, self.text(row.title), hat)
            })
            .collect();
        layout_forest(&widths, &|i| self.manager(i), &LayoutParams::EDITOR, style)
    }

    /// Where each row's function came from, in row order.
    pub(super) fn sources(&self) -> Vec<FunctionSource> {
        self.rows.iter().map(|r| r.source).collect()
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
            member.tags = self.tags_of(row);
            member.planned = row.planned;
            member.notes = self.text(row.notes).to_owned();
            member.cost = row.cost;
            member.quota = row.quota;
            member.start = row.start;
            let node = stage
                .add_member_at(member, Some(centre))
                .map_err(|e| error(Some(row.line), None, e.to_string()))?;
            nodes.push(node);
        }
        let reports =
            (0..self.rows.len()).filter_map(|i| Some((i, self.manager(i)?, LinkKind::ReportsTo)));
        let collaborations =
            (self.collaborations.iter()).map(|&(i, j)| (i, j, LinkKind::CollaboratesWith));
        for (i, j, kind) in reports.chain(collaborations) {
            let (from, to) = (nodes[i], nodes[j]);
            let reversed = kind == LinkKind::CollaboratesWith
                && stage.find_link_between(to, from, kind).is_some();
            if stage.find_link_between(from, to, kind).is_none() && !reversed {
                stage
                    .add_link_between(from, to, kind)
                    .map_err(|e| error(Some(self.rows[i].line), None, e.to_string()))?;
            }
        }
        Ok(())
    }
}
