//! Windows beside the canvas: keyboard shortcuts, and learning (the idea
//! behind the rules, and a finding's "Why?").

pub mod help;
pub mod learn;
