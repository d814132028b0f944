//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::process::Command;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use orgevo::app::OrgevoApp;

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

/// Replaces the text of the field labelled `label` (select all, type).
pub fn retype(h: &mut Harness<'_, OrgevoApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}
