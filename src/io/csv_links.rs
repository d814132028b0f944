//! Who reports to whom in a people list, and who collaborates: managers
//! named by id, or (as many HR tools do) by e-mail or by name; no
//! duplicate ids, nobody reporting to themselves, no reporting cycle.

use foldhash::{HashMap, HashMapExt};

use super::csv_columns::Field;
use super::csv_columns::HeaderOf;
use super::csv_options::{CsvError, error};
use super::csv_table::PeopleTable;
use super::csv_values::list_entries;

/// How many rows a notice names by example.
const EXAMPLES: usize = 3;

/// A manager value that is no id, matched to a person another way.
struct ByOther {
    line: usize,
    value: String,
    row: usize,
    how: &'static str,
}

impl PeopleTable {
    /// Checks the rows as a whole: no duplicate id, every manager and
    /// collaborator known, nobody reporting to themselves, no reporting
    /// cycle. Errors name the first row at fault. Returns notices (managers
    /// found by e-mail or name).
    pub(super) fn check(&mut self, header: &HeaderOf<'_>) -> Result<Vec<String>, CsvError> {
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
        // Other ways to name a person, built only when a manager is no id.
        let mut others: Option<[HashMap<String, Vec<usize>>; 2]> = None;
        let mut matched = Vec::new();
        let mut managers = Vec::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            let manager = self.text(row.manager);
            if manager.is_empty() {
                managers.push(None);
                continue;
            }
            let m = match row_of.get(manager) {
                Some(&m) => m,
                None => {
                    let others = others.get_or_insert_with(|| self.other_names());
                    let found = [("e-mail", &others[0]), ("name", &others[1])]
                        .into_iter()
                        .find_map(|(how, names)| Some((how, names.get(&key(manager))?)));
                    match found {
                        Some((how, rows)) if rows.len() == 1 => {
                            matched.push(ByOther {
                                line: row.line,
                                value: manager.to_owned(),
                                row: rows[0],
                                how,
                            });
                            rows[0]
                        }
                        Some((how, rows)) => {
                            let lines: Vec<String> = rows
                                .iter()
                                .map(|r| self.rows[*r].line.to_string())
                                .collect();
                            return Err(error(
                                Some(row.line),
                                header(Field::Manager),
                                format!(
                                    "manager `{manager}` is no id, and the {how} of more than one person: rows {}; use their ids",
                                    lines.join(" and ")
                                ),
                            ));
                        }
                        None => {
                            return Err(error(
                                Some(row.line),
                                header(Field::Manager),
                                format!(
                                    "unknown manager id `{manager}` (nobody has that id, e-mail or name)"
                                ),
                            ));
                        }
                    }
                }
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
            for other in list_entries(self.text(row.collaborates)) {
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
        let notices = self.matched_notice(&matched);
        self.managers = managers;
        self.collaborations = collaborations;
        Ok(notices)
    }

    /// Rows by e-mail and by name (case and surrounding spaces ignored).
    fn other_names(&self) -> [HashMap<String, Vec<usize>>; 2] {
        let mut by_email: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            for (map, text) in [(&mut by_email, row.email), (&mut by_name, row.name)] {
                let text = self.text(text);
                if !text.is_empty() {
                    map.entry(key(text)).or_default().push(i);
                }
            }
        }
        [by_email, by_name]
    }

    fn matched_notice(&self, matched: &[ByOther]) -> Vec<String> {
        if matched.is_empty() {
            return Vec::new();
        }
        let examples: Vec<String> = matched
            .iter()
            .take(EXAMPLES)
            .map(|m| {
                format!(
                    "row {}: `{}` is {} (row {}, id `{}`)",
                    m.line,
                    m.value,
                    self.text(self.rows[m.row].name),
                    self.rows[m.row].line,
                    self.id(m.row)
                )
            })
            .collect();
        let hows: Vec<&str> = {
            let mut h: Vec<&str> = matched.iter().map(|m| m.how).collect();
            h.sort_unstable();
            h.dedup();
            h
        };
        let more = matched.len().saturating_sub(EXAMPLES);
        let more = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        vec![format!(
            "{} manager{} named by {} instead of id, matched to the one person with it: {}{more}",
            matched.len(),
            if matched.len() == 1 { " is" } else { "s are" },
            hows.join(" or "),
            examples.join("; ")
        )]
    }
}

fn key(text: &str) -> String {
    text.trim().to_lowercase()
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
