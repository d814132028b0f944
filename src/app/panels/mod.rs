//! The panels around the canvas. Each takes what it draws and returns what
//! the user did; none holds the app.

pub mod changes;
pub mod find_bar;
pub mod findings;
pub mod inspector;
pub mod inspector_action;
pub mod long_list;
pub mod menu;
pub mod number_fields;
pub mod rule_settings;
pub mod stage_fields;
pub mod stage_numbers;
pub mod timeline;
pub mod toolbar;
