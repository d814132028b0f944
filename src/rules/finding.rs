//! What a rule reports.

use std::fmt;

use petgraph::stable_graph::NodeIndex;

use crate::model::{ResponsibilitySet, RuleLevel};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The stage is wrong; `orgevo check` exits 1.
    Error,
    /// Worth fixing.
    Warning,
    /// A note for the planner.
    Info,
}

impl Severity {
    /// The word used in reports and JSON: "error", "warning", "info".
    pub fn id(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

impl Severity {
    /// The severity a rule level gives; `None` for `off`.
    pub fn from_level(level: RuleLevel) -> Option<Self> {
        match level {
            RuleLevel::Off => None,
            RuleLevel::Info => Some(Self::Info),
            RuleLevel::Warning => Some(Self::Warning),
            RuleLevel::Error => Some(Self::Error),
        }
    }

    /// The rule level that keeps this severity.
    pub fn level(self) -> RuleLevel {
        match self {
            Self::Error => RuleLevel::Error,
            Self::Warning => RuleLevel::Warning,
            Self::Info => RuleLevel::Info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One problem (or note) a rule found in one stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule id, exactly as in the catalogue, e.g. `marketing-reports-to-leader`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The id of the stage it was found in.
    pub stage: String,
    /// Ids of the members involved, most relevant first.
    pub members: Vec<String>,
    /// One line in plain words, naming members by name.
    pub message: String,
    /// A suggested fix.
    pub fix: String,
    /// The responsibilities the finding is about, where it is about tags
    /// rather than members (`responsibility-uncovered`, `-dropped`).
    pub tags: ResponsibilitySet,
}

/// What a rule function reports. The engine stamps the rule id, the
/// severity (the registry's default or the plan's override) and the stage on
/// it, so a rule states neither.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The members involved, most relevant first.
    pub members: Vec<NodeIndex>,
    /// One line in plain words, naming members by name.
    pub message: String,
    /// A suggested fix.
    pub fix: String,
    /// The responsibilities the finding is about, if any.
    pub tags: ResponsibilitySet,
}

impl Hit {
    /// A hit about `members`.
    pub fn new(members: &[NodeIndex], message: String, fix: String) -> Self {
        Self {
            members: members.to_vec(),
            message,
            fix,
            tags: ResponsibilitySet::EMPTY,
        }
    }

    /// The same hit, about these responsibilities.
    pub fn about(mut self, tags: ResponsibilitySet) -> Self {
        self.tags = tags;
        self
    }
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of notes.
    pub infos: usize,
}

impl Summary {
    /// Counts `findings` by severity.
    pub fn of(findings: &[Finding]) -> Self {
        let mut summary = Self::default();
        for f in findings {
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{}, {}, {}",
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "note", "notes")
        )
    }
}
