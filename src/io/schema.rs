//! The on-disk shape of a plan (`*.orgevo.json`), as plain serde structs.
//! Enum-like values stay strings here so that the loader can name the stage
//! and member when one is unknown.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Settings;

/// The value of the `format` field.
pub const FORMAT: &str = "orgevo";
/// The newest file version this build reads and the one it writes.
pub const CURRENT_VERSION: u64 = 2;

/// The whole file. `S` is how a stage is read: whole ([`StageFile`]), or
/// in outline with its members and lines left raw for a parallel parse.
#[derive(Debug, Serialize, Deserialize)]
pub struct PlanFile<S = StageFile> {
    /// Always [`FORMAT`].
    pub format: String,
    /// File version.
    pub version: u64,
    /// Plan title.
    #[serde(default)]
    pub title: String,
    /// Rule thresholds; missing fields take defaults.
    #[serde(default)]
    pub settings: SettingsFile,
    /// Stages in timeline order.
    #[serde(default = "Vec::new")]
    pub stages: Vec<S>,
}

/// `settings`.
#[derive(Debug, Serialize, Deserialize)]
pub struct SettingsFile {
    /// See [`Settings::max_direct_reports`].
    #[serde(default = "default_max_direct_reports")]
    pub max_direct_reports: u32,
    /// See [`Settings::founder_overload_reports`].
    #[serde(default = "default_founder_overload_reports")]
    pub founder_overload_reports: u32,
    /// Rule id → `off`, `info`, `warning` or `error`; checked by the loader.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, String>,
    /// See [`Settings::currency`]; checked by the loader.
    #[serde(
        default = "default_currency",
        skip_serializing_if = "is_default_currency"
    )]
    pub currency: String,
    /// See [`Settings::ramp_months`].
    #[serde(
        default = "default_ramp_months",
        skip_serializing_if = "is_default_ramp"
    )]
    pub ramp_months: u32,
    /// See [`Settings::player_coach_reports`].
    #[serde(
        default = "default_player_coach_reports",
        skip_serializing_if = "is_default_player_coach"
    )]
    pub player_coach_reports: u32,
}

impl Default for SettingsFile {
    fn default() -> Self {
        Self {
            max_direct_reports: default_max_direct_reports(),
            founder_overload_reports: default_founder_overload_reports(),
            rules: BTreeMap::new(),
            currency: default_currency(),
            ramp_months: default_ramp_months(),
            player_coach_reports: default_player_coach_reports(),
        }
    }
}

fn default_currency() -> String {
    Settings::DEFAULT_CURRENCY.to_owned()
}

fn is_default_currency(code: &str) -> bool {
    code == Settings::DEFAULT_CURRENCY
}

fn default_ramp_months() -> u32 {
    Settings::DEFAULT_RAMP_MONTHS
}

fn is_default_ramp(months: &u32) -> bool {
    *months == Settings::DEFAULT_RAMP_MONTHS
}

fn default_player_coach_reports() -> u32 {
    Settings::DEFAULT_PLAYER_COACH_REPORTS
}

fn is_default_player_coach(reports: &u32) -> bool {
    *reports == Settings::DEFAULT_PLAYER_COACH_REPORTS
}

fn default_max_direct_reports() -> u32 {
    Settings::DEFAULT_MAX_DIRECT_REPORTS
}

fn default_founder_overload_reports() -> u32 {
    Settings::DEFAULT_FOUNDER_OVERLOAD_REPORTS
}

/// One stage.
#[derive(Debug, Serialize, Deserialize)]
pub struct StageFile {
    /// Stage id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Stage kind, kebab-case.
    pub kind: String,
    /// When on the timeline.
    #[serde(default)]
    pub when: String,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// The id of the stage it follows, an earlier stage (version 2;
    /// absent: the stage before it in the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The name of the option it starts, after a decision (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// Annual bookings target (version 2); validated by the loader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<serde_json::Value>,
    /// The layout style last chosen: `wide`, `compact` or `left-right`
    /// (version 2; absent: never chosen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
    /// Members in order.
    #[serde(default)]
    pub members: Vec<MemberFile>,
    /// Lines in order.
    #[serde(default)]
    pub links: Vec<LinkFile>,
}

/// One member.
#[derive(Debug, Serialize, Deserialize)]
pub struct MemberFile {
    /// Member id, stable across stages.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Job title.
    #[serde(default)]
    pub title: String,
    /// Function, kebab-case.
    pub function: String,
    /// Responsibility tags, core or custom.
    #[serde(default)]
    pub tags: Vec<String>,
    /// A planned hire.
    #[serde(default)]
    pub planned: bool,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Canvas position; validated by the loader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<serde_json::Value>,
    /// Annual cost (version 2); validated by the loader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<serde_json::Value>,
    /// Annual quota (version 2); validated by the loader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<serde_json::Value>,
    /// Start month `YYYY-MM` (version 2); validated by the loader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<serde_json::Value>,
}

/// An amount as JSON: a whole number without a fraction (`95000`, not
/// `95000.0`), anything else as the shortest decimal that reads back the
/// same.
pub fn amount_json(amount: f64) -> serde_json::Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if amount.fract() == 0.0 && amount.abs() < EXACT {
        serde_json::Value::from(amount as i64)
    } else {
        serde_json::Number::from_f64(amount)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// One line.
#[derive(Debug, Serialize, Deserialize)]
pub struct LinkFile {
    /// Start member id.
    pub from: String,
    /// End member id.
    pub to: String,
    /// Link kind, kebab-case.
    pub kind: String,
}
