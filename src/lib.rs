//! orgevo: design how a company's sales organisation evolves.
//!
//! The library holds everything that is not drawing: the plan [`model`], the
//! file format ([`io`]), the rules, diff, edits, layout, look and exports,
//! the open [`document`] with its history, background [`task`]s, and the
//! command line ([`cli`]). The desktop app (`app`, cargo feature
//! `gui`, on by default) is a thin layer over them; without the feature
//! nothing here depends on a GUI crate.

#![warn(clippy::unwrap_used, clippy::expect_used)]

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod diff;
pub mod document;
pub mod edit;
pub mod export;
pub mod io;
pub mod layout;
pub mod look;
pub mod model;
pub mod parallel;
pub mod rules;
pub mod task;
