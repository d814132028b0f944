//! The app's state beside the document: what the user looks at (view),
//! what is worked out from the plan (derived), what is kept between runs
//! (settings), and the window's own (shell).

pub mod derived;
mod overlay;
pub mod relayout;
pub mod settings;
pub mod shell;
pub mod totals;
pub mod view;
