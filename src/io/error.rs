//! What can go wrong reading or writing a plan file. Every message names the
//! place: line and column, stage, member, or the offending value.

use std::path::PathBuf;

use crate::model::limits::{MAX_FILE_BYTES, MAX_MEMBERS, MAX_STAGES, MAX_TEXT_CHARS, thousands};

/// Why a plan could not be read. Messages are one line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("cannot read the file: {0}")]
    Read(#[from] std::io::Error),
    /// A file over [`MAX_FILE_BYTES`].
    #[error(
        "the file is {} bytes; orgevo reads plans and people lists of up to {} bytes (256 MiB)",
        thousands(*bytes),
        thousands(MAX_FILE_BYTES)
    )]
    TooBig {
        /// The file's size.
        bytes: u64,
    },
    /// More than [`MAX_STAGES`] stages.
    #[error("the plan has {} stages; the limit is {}", thousands(*count as u64), thousands(MAX_STAGES as u64))]
    TooManyStages {
        /// How many the file has.
        count: usize,
    },
    /// More than [`MAX_MEMBERS`] members in a stage.
    #[error(
        "stage `{stage}` has {} members; the limit is {} a stage",
        thousands(*count as u64),
        thousands(MAX_MEMBERS as u64)
    )]
    TooManyMembers {
        /// Stage id.
        stage: String,
        /// How many the stage has.
        count: usize,
    },
    /// A text over [`MAX_TEXT_CHARS`] characters.
    #[error(
        "{place}: the {field} is {} characters long; the limit is {}",
        thousands(*chars as u64),
        thousands(MAX_TEXT_CHARS as u64)
    )]
    TooLong {
        /// Where: the plan, a stage, a member.
        place: String,
        /// Which text, e.g. "notes".
        field: &'static str,
        /// Its length.
        chars: usize,
    },
    /// The user stopped the loading.
    #[error("opening was cancelled")]
    Cancelled,
    /// Zero bytes, or only whitespace.
    #[error("the file is empty; an orgevo plan is a JSON object")]
    Empty,
    /// A UTF-16 text file.
    #[error("the file is UTF-16 encoded ({0}); save it as UTF-8")]
    Utf16(&'static str),
    /// Bytes that are not UTF-8 text.
    #[error("the file is not UTF-8 text: {what} at line {line}, column {column}")]
    NotText {
        /// What was found, e.g. "byte 0xff".
        what: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Not valid JSON.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// Valid JSON, but not an object at the top.
    #[error("expected a JSON object at the top of the file, found {found}")]
    NotAnObject {
        /// The JSON type found, e.g. "an array".
        found: &'static str,
    },
    /// `format` is missing or not "orgevo".
    #[error("not an orgevo plan: `format` is {found}, expected \"orgevo\"")]
    WrongFormat {
        /// The value found, as JSON, or "missing".
        found: String,
    },
    /// A `version` newer than this build understands.
    #[error(
        "plan version {found} is newer than this orgevo understands (up to version {supported}); update orgevo"
    )]
    FutureVersion {
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// `version` is missing or not a positive integer.
    #[error("`version` is {found}, expected a positive whole number such as 1")]
    InvalidVersion {
        /// The value found, as JSON, or "missing".
        found: String,
    },
    /// A field has the wrong type or a required field is missing.
    #[error("at {path} (line {line}, column {column}): {message}")]
    Schema {
        /// Where in the document, e.g. `stages[0].members[2].name`.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// `settings.rules` names a rule that does not exist.
    #[error("settings.rules: unknown rule `{rule}` (rules: {expected})")]
    UnknownRule {
        /// The id found.
        rule: String,
        /// The known rule ids.
        expected: String,
    },
    /// `settings.rules` gives a rule a level that is not off/info/warning/error.
    #[error("settings.rules: rule `{rule}` is set to `{value}` (expected one of {expected})")]
    UnknownRuleLevel {
        /// The rule.
        rule: String,
        /// The value found.
        value: String,
        /// The accepted values.
        expected: String,
    },
    /// An empty stage or member id.
    #[error("{place}: the id is empty")]
    EmptyId {
        /// Where, e.g. "stage `today`, member #3".
        place: String,
    },
    /// A stage's `after` names no stage before it in the file.
    #[error(
        "stage `{stage}` follows `{after}` (its \"after\"), but no stage before `{stage}` has that id; `after` names an earlier stage"
    )]
    UnknownAfter {
        /// The stage with the bad `after`.
        stage: String,
        /// What its `after` says.
        after: String,
    },
    /// Two stages with the same id.
    #[error("duplicate stage id `{id}`")]
    DuplicateStage {
        /// The repeated id.
        id: String,
    },
    /// Two members with the same id in one stage.
    #[error("stage `{stage}`: duplicate member id `{id}`")]
    DuplicateMember {
        /// The stage.
        stage: String,
        /// The repeated id.
        id: String,
    },
    /// A line names a member the stage does not have.
    #[error("stage `{stage}`: line {link} names unknown member `{id}`")]
    UnknownMember {
        /// The stage.
        stage: String,
        /// 1-based index of the line in the stage's `links`.
        link: usize,
        /// The unknown id.
        id: String,
    },
    /// A member with two `reports-to` lines.
    #[error(
        "stage `{stage}`: member `{member}` reports to both `{first}` and `{second}`; a member has at most one manager"
    )]
    SecondManager {
        /// The stage.
        stage: String,
        /// The member with two managers.
        member: String,
        /// The first manager.
        first: String,
        /// The second manager.
        second: String,
    },
    /// The same line twice.
    #[error("stage `{stage}`: line {link} repeats `{from}` {kind} `{to}`")]
    DuplicateLink {
        /// The stage.
        stage: String,
        /// 1-based index of the repeated line.
        link: usize,
        /// Start of the line.
        from: String,
        /// End of the line.
        to: String,
        /// Kind, as written.
        kind: String,
    },
    /// `b` collaborates with `a` beside `a` collaborates with `b`: one
    /// undirected line written twice.
    #[error(
        "stage `{stage}`: line {link} says `{from}` collaborates with `{to}`, but `{to}` already collaborates with `{from}`; a collaboration line has no direction, keep one of the two"
    )]
    ReversedCollaboration {
        /// The stage.
        stage: String,
        /// 1-based index of the second line.
        link: usize,
        /// Start of the second line.
        from: String,
        /// End of the second line.
        to: String,
    },
    /// An unknown member function.
    #[error(
        "stage `{stage}`, member `{member}`: unknown function `{value}` (expected one of {expected})"
    )]
    UnknownFunction {
        /// The stage.
        stage: String,
        /// The member.
        member: String,
        /// The value found.
        value: String,
        /// The accepted values.
        expected: String,
    },
    /// An unknown stage kind.
    #[error("stage `{stage}`: unknown kind `{value}` (expected one of {expected})")]
    UnknownStageKind {
        /// The stage.
        stage: String,
        /// The value found.
        value: String,
        /// The accepted values.
        expected: String,
    },
    /// An unknown link kind.
    #[error("stage `{stage}`: line {link} has unknown kind `{value}` (expected one of {expected})")]
    UnknownLinkKind {
        /// The stage.
        stage: String,
        /// 1-based index of the line.
        link: usize,
        /// The value found.
        value: String,
        /// The accepted values.
        expected: String,
    },
    /// Any other inconsistency inside a stage.
    #[error("stage `{stage}`: {message}")]
    InvalidStage {
        /// The stage.
        stage: String,
        /// What is wrong.
        message: String,
    },
    /// A `pos` that is not two finite numbers.
    #[error(
        "stage `{stage}`, member `{member}`: `pos` is {found}, expected two finite numbers like [120, 80]"
    )]
    BadPosition {
        /// The stage.
        stage: String,
        /// The member.
        member: String,
        /// The value found, as JSON.
        found: String,
    },
    /// A `cost` or `quota` that is not a finite number of at least 0.
    #[error(
        "stage `{stage}`, member `{member}`: `{field}` is {found}, expected an amount of 0 or more such as 95000"
    )]
    BadAmount {
        /// The stage.
        stage: String,
        /// The member.
        member: String,
        /// `cost` or `quota`.
        field: &'static str,
        /// The value found, as JSON.
        found: String,
    },
    /// A stage `target` that is not a finite number of at least 0.
    #[error(
        "stage `{stage}`: `target` is {found}, expected an amount of 0 or more such as 1200000"
    )]
    BadTarget {
        /// The stage.
        stage: String,
        /// The value found, as JSON.
        found: String,
    },
    /// A stage `layout` that names no layout style.
    #[error("stage `{stage}`: `layout` is \"{found}\", expected one of {expected}")]
    UnknownLayout {
        /// The stage.
        stage: String,
        /// The value found.
        found: String,
        /// The styles there are.
        expected: String,
    },
    /// A `settings.currency` that is not an ISO 4217 code.
    #[error(
        "settings: `currency` is \"{found}\", expected a three-letter ISO 4217 code such as \"USD\", \"EUR\" or \"CHF\""
    )]
    BadCurrency {
        /// The value found.
        found: String,
    },
    /// A `start` that is not `YYYY-MM`.
    #[error(
        "stage `{stage}`, member `{member}`: `start` is {found}, expected a month written YYYY-MM such as \"2027-03\""
    )]
    BadStart {
        /// The stage.
        stage: String,
        /// The member.
        member: String,
        /// The value found, as JSON.
        found: String,
    },
}

/// A [`LoadError`] together with the file it came from.
#[derive(Debug, thiserror::Error)]
#[error("{}: {error}", path.display())]
pub struct FileLoadError {
    /// The file that failed to load.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub error: Box<LoadError>,
}

/// Why a plan could not be saved. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {}: {source}", path.display())]
pub struct SaveError {
    /// The file that was being written.
    pub path: PathBuf,
    /// The underlying error.
    #[source]
    pub source: std::io::Error,
}
