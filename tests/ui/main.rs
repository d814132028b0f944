//! The app's tests (egui_kittest, no GPU), one binary with a module per
//! topic: whole-app tests drive `OrgevoApp` by label, component tests drive
//! one dialog with its own state.

#[path = "../common/mod.rs"]
mod common;

mod big;
mod canvas;
mod components;
mod editor;
mod export;
mod find;
mod first_minutes;
mod first_run;
mod import;
mod rules;
mod safety;
mod timeline;
