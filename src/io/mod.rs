//! Files: the `.orgevo.json` format, loading with precise errors, atomic saving.

mod csv_columns;
mod csv_functions;
mod csv_import;
mod csv_links;
mod csv_options;
mod csv_table;
mod csv_values;
mod error;
mod load;
mod outline;
mod read;
mod recovery;
mod save;
pub mod schema;
mod temporaries;
mod title_functions;

pub use csv_columns::{Field, department_function, map_columns};
pub use csv_functions::{FunctionSource, FunctionUse};
pub use csv_import::{CsvImport, csv_headers, import_csv, read_people_table};
pub use csv_options::{CsvError, CsvOptions};
pub use csv_table::PeopleTable;
pub use csv_values::{amount as csv_amount, cell as csv_cell};
pub use error::{FileLoadError, LoadError, SaveError};
pub use load::{load_plan, plan_from_bytes, plan_from_str};
pub use read::{read_limited, read_limited_with};
pub use recovery::{
    CopyInfo, RecoveryCopy, RecoverySlot, orphaned_copies, recovery_dir, write_recovery_copy,
};
pub use save::{backup_path, plan_to_string, save_plan, save_plan_text, write_atomically};
pub use temporaries::explain_temporary;
pub use title_functions::TitleRules;

/// A file- and id-friendly version of a title: lowercase letters and digits
/// in words joined by `-` ("Acme sales org, 2026" → "acme-sales-org-2026");
/// empty when the title has neither.
pub fn slug(title: &str) -> String {
    title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The [`slug`] of `title`, or `fallback` when the title has no letters or
/// digits.
pub fn slug_or(title: &str, fallback: &str) -> String {
    match slug(title) {
        slug if slug.is_empty() => fallback.to_owned(),
        slug => slug,
    }
}

/// A stage id from a stage name: its [`slug`], or `imported` when the name
/// has no letters or digits.
pub fn stage_id(name: &str) -> String {
    slug_or(name, "imported")
}

/// The example plan bundled into the binary, opened when no file is given.
pub const BUNDLED_EXAMPLE: &str = include_str!("../../examples/plans/acme-evolution.orgevo.json");

/// The file name the bundled example is shown under.
pub const BUNDLED_EXAMPLE_NAME: &str = "acme-evolution.orgevo.json";
