//! No lost work, in the app: files changed by other programs, crash
//! recovery, opening without blocking, and undo/redo proven at the app
//! level. One test binary for all four, so CI links it once.

mod files;
mod open;
mod recovery;
mod undo_props;
