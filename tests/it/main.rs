//! The GUI-free integration tests, one binary with a module per topic (each
//! test binary links every dependency again; one keeps cold CI short).

#[path = "../common/mod.rs"]
mod common;

mod cli_diff;
mod cli_load_errors;
mod cli_next;
mod crash_safety;
mod csv_import;
mod edit_props;
mod export;
mod house;
mod io_roundtrip;
mod layout_large;
mod limits;
mod rules_catalogue;
mod rules_props;
mod transitions;
