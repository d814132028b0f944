//! Files: the `.orgevo.json` format, loading with precise errors, atomic saving.

mod csv_columns;
mod csv_import;
mod csv_table;
mod error;
mod load;
mod outline;
mod read;
mod recovery;
mod save;
pub mod schema;
mod temporaries;

pub use csv_columns::{Field, department_function};
pub use csv_import::{CsvError, CsvImport, CsvOptions, import_csv, read_people_table};
pub use csv_table::PeopleTable;
pub use error::{FileLoadError, LoadError, SaveError};
pub use load::{load_plan, plan_from_bytes, plan_from_str};
pub use read::{read_limited, read_limited_with};
pub use recovery::{
    CopyInfo, RecoveryCopy, RecoverySlot, orphaned_copies, recovery_dir, write_recovery_copy,
};
pub use save::{backup_path, plan_to_string, save_plan, save_plan_text, write_atomically};
pub use temporaries::explain_temporary;

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

/// The example plan bundled into the binary, opened when no file is given.
pub const BUNDLED_EXAMPLE: &str = include_str!("../../examples/plans/acme-evolution.orgevo.json");

/// The file name the bundled example is shown under.
pub const BUNDLED_EXAMPLE_NAME: &str = "acme-evolution.orgevo.json";
