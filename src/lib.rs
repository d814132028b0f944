//! orgevo: design how a company's sales organisation evolves.
//!
//! The library holds everything that is not drawing: the plan [`model`], the
//! file format ([`io`]) and the command line ([`cli`]). The desktop app in
//! [`app`] is a thin egui layer over them.

#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod app;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod export;
pub mod io;
pub mod layout;
pub mod look;
pub mod model;
pub mod rules;
