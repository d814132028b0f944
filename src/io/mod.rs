//! Files: the `.orgevo.json` format, loading with precise errors, atomic saving.

mod csv_columns;
mod csv_import;
mod error;
mod load;
mod save;
pub mod schema;

pub use csv_columns::{Field, department_function};
pub use csv_import::{CsvError, CsvImport, CsvOptions, import_csv};
pub use error::{FileLoadError, LoadError, SaveError};
pub use load::{load_plan, plan_from_bytes, plan_from_str};
pub use save::{plan_to_string, save_plan, write_atomically};

/// The example plan bundled into the binary, opened when no file is given.
pub const BUNDLED_EXAMPLE: &str = include_str!("../../examples/plans/acme-evolution.orgevo.json");

/// The file name the bundled example is shown under.
pub const BUNDLED_EXAMPLE_NAME: &str = "acme-evolution.orgevo.json";
