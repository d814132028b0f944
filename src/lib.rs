//! orgevo: design how a company's sales organisation evolves.
//!
//! The library holds everything that is not drawing: the plan [`model`], the
//! file format ([`io`]) and the command line ([`cli`]). The desktop app in
//! [`app`] is a thin egui layer over them.

pub mod app;
pub mod cli;
pub mod io;
pub mod model;
