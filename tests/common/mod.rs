//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::process::Command;

pub mod bad_files;
pub mod mutation;

#[cfg(feature = "gui")]
mod ui;
#[cfg(feature = "gui")]
#[allow(unused_imports)] // each test file uses a different part
pub use ui::*;

/// Runs the `orgevo` binary; returns (exit code, stdout, stderr).
pub fn orgevo(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_orgevo"))
        .args(args)
        .output()
        .expect("the orgevo binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
