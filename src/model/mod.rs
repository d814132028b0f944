//! The plan model: pure data, no drawing, no files.
//!
//! A [`Plan`] holds [`Stage`]s; a stage is a graph of [`Member`]s joined by
//! [`Link`]s. A member's [`Hat`] is derived from its responsibility [`Tag`]s.

mod builder;
mod error;
mod kinds;
mod layout_style;
pub mod limits;
mod member;
pub(crate) mod named_enum;
mod numbers;
mod plan;
mod stage;
mod synthetic;
mod tags;
mod templates;
mod totals;
mod tree;

pub use builder::PlanBuilder;
pub use error::ModelError;
pub use kinds::{Function, LinkKind, RuleLevel, StageKind};
pub use layout_style::LayoutStyle;
pub use member::Member;
pub use numbers::{YearMonth, is_valid_amount};
pub use plan::{Plan, Settings};
pub use stage::{Link, Stage};
pub use synthetic::{SeededRng, synthetic_plan, synthetic_plan_with_options};
pub use tags::{DIRECTION_TAGS, Hat, Responsibility, ResponsibilitySet, Tag, TagFamily};
pub use templates::stage_template;
pub use totals::{StageTotals, ramp_factor, stage_date};
pub use tree::{Lane, TreeStep, UnknownOption};
