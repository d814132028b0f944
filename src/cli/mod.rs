//! The `orgevo` command line.

mod check;
mod diff;
mod export;
mod import;
mod layout;
mod next;
mod package_assets;
mod save_loop;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use check::run_check;
pub use diff::run_diff;
pub use export::run_export;
pub use import::{parse_column, parse_function_map, run_import};
pub use layout::{positions_json, run_layout, stage_positions_json};
pub use next::run_next;
pub use package_assets::{PACKAGE_ASSETS, run_package_assets, write_package_assets};
pub use save_loop::run_save_loop;

/// Design how a company's sales organisation evolves.
#[derive(Debug, Parser)]
#[command(
    name = "orgevo",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without one, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Plan to open in the app (default: the bundled example plan).
    pub file: Option<PathBuf>,
    /// Open straight into present mode (full screen, stage by stage).
    #[arg(long)]
    pub present: bool,
    /// With `--present`: the option whose road to present (from the first
    /// stage, through the decision to that option's stages).
    #[arg(long, value_name = "NAME", requires = "present")]
    pub option: Option<String>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a plan and check every stage against the rules.
    ///
    /// Exit status: 0 without errors (warnings allowed), 1 with any error,
    /// 2 when the file cannot be loaded.
    Check(CheckArgs),
    /// Print what changes from one stage to another.
    ///
    /// Exit status: 0, or 2 when the file cannot be loaded or a stage is unknown.
    Diff(DiffArgs),
    /// Export a stage, every stage, the road through an option, or the
    /// timeline for slides, handouts and reports.
    ///
    /// SVG and PNG draw one stage (`--stage`) or, with `--all`, the timeline:
    /// the main line side by side and each option a lane below. PDF, PPTX,
    /// Markdown and HTML cover one stage, all of them in tree order with a
    /// page, slide or section at each decision, or (`--option NAME`) the
    /// road through one option. Exit status: 0, 1 when the export fails (for
    /// example a PNG too large), 2 when the file cannot be loaded or a stage
    /// or option is unknown.
    Export(ExportArgs),
    /// Import a people list (CSV) from an HR tool as a new plan.
    ///
    /// Columns in any order; `id`, `name` (or first and last names) and
    /// `manager_id` are needed, under their own names or the ones HR exports
    /// use (parentId, reports_to, supervisor_id, position, job_title,
    /// department…); `title`, `function`, `tags`, `collaborates_with` and
    /// `planned` are optional. Exit status: 0, or 2 with the row and column
    /// of the first problem (nothing is written).
    Import(ImportArgs),
    /// Write the tidy-tree positions of a stage as JSON, for scripts.
    ///
    /// FILE is a plan or a CSV people list. Output: `[{"id", "x", "y"}]`,
    /// breadth-first from the root, x the card's centre, y its top.
    Layout(LayoutArgs),
    /// Add a stage after another: the next stage on its line, or an option
    /// when that stage already has a follower.
    ///
    /// The move makes the people's step (default: the one the stage's kind
    /// asks for: hire-manager after founder-led, grow-manager after split
    /// roles). FILE is written in place (atomically, keeping FILE.bak)
    /// unless -o names another file. Exit status: 0, or 2 when the file
    /// cannot be loaded, a stage or move is unknown, or the move and kind
    /// disagree.
    Next(NextArgs),
    /// Saves two plans over one file, turn about, for the crash-safety test,
    /// which kills it mid-save. Not for users.
    #[command(hide = true)]
    SaveLoop(SaveLoopArgs),
    /// Writes the man page and shell completions for packaging. Not for
    /// users.
    #[command(hide = true)]
    PackageAssets(PackageAssetsArgs),
}

/// Arguments of the hidden `orgevo package-assets`.
#[derive(Debug, Clone, clap::Args)]
pub struct PackageAssetsArgs {
    /// The folder to write `orgevo.1`, `orgevo.bash`, `_orgevo` and
    /// `orgevo.fish` into.
    pub dir: PathBuf,
}

/// Arguments of the hidden `orgevo save-loop`.
#[derive(Debug, Clone, clap::Args)]
pub struct SaveLoopArgs {
    /// The file saved over and over.
    pub target: PathBuf,
    /// The plan saved on even turns.
    pub first: PathBuf,
    /// The plan saved on odd turns.
    pub second: PathBuf,
    /// How many saves; without it, until the process is killed.
    #[arg(long)]
    pub times: Option<u64>,
}

/// Arguments of `orgevo import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The people list (`.csv`, `,` or `;` separated, UTF-8).
    pub file: PathBuf,
    /// The plan file to write (written atomically).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: PathBuf,
    /// The kind of the imported stage (default: custom).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The plan title and stage name (default: the file's name).
    #[arg(long)]
    pub name: Option<String>,
    /// Which column feeds a field, e.g. `--column manager_id=Boss`.
    #[arg(long = "column", value_name = "FIELD=HEADER", value_parser = import::parse_column)]
    pub columns: Vec<(crate::io::Field, String)>,
    /// What a function or department value means, e.g.
    /// `--function-map "Revenue=sales"`.
    #[arg(long = "function-map", value_name = "VALUE=FUNCTION", value_parser = import::parse_function_map)]
    pub function_map: Vec<(String, crate::model::Function)>,
    /// A title that means a function, tried before the built-in title
    /// table (whole words, case ignored), e.g. `--title-map
    /// "Rainmaker=sales-leader"`.
    #[arg(long = "title-map", value_name = "TEXT=FUNCTION", value_parser = import::parse_function_map)]
    pub title_map: Vec<(String, crate::model::Function)>,
    /// Do not read functions from titles with the built-in table.
    #[arg(long)]
    pub no_title_rules: bool,
    /// Give members without responsibilities a starting set by function
    /// (leaders: vision, inspiration, strategy, process design; sales
    /// managers: the six management tags).
    #[arg(long)]
    pub suggest_tags: bool,
    /// The plan title (default: the stage name).
    #[arg(long)]
    pub title: Option<String>,
}

/// Stage kinds on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// The owner leads and manages.
    FounderLed,
    /// The owner leads, a sales manager manages.
    SplitRoles,
    /// One growth leader holds both.
    Converged,
    /// Only the general rules apply.
    Custom,
}

impl From<KindArg> for crate::model::StageKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::FounderLed => Self::FounderLed,
            KindArg::SplitRoles => Self::SplitRoles,
            KindArg::Converged => Self::Converged,
            KindArg::Custom => Self::Custom,
        }
    }
}

/// Arguments of `orgevo next`.
#[derive(Debug, clap::Args)]
pub struct NextArgs {
    /// The plan file (`*.orgevo.json`).
    pub file: PathBuf,
    /// The id of the stage the new one follows.
    #[arg(long, value_name = "STAGE")]
    pub after: String,
    /// copy, hire-manager, grow-manager, hire-growth-leader or
    /// keep-juggling.
    #[arg(long = "move", value_name = "MOVE")]
    pub r#move: Option<String>,
    /// The new stage's kind (a move implies one).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The option's name, when the stage starts one (default: the move's).
    #[arg(long)]
    pub option: Option<String>,
    /// The new stage's name (default: its kind, made unique).
    #[arg(long)]
    pub name: Option<String>,
    /// When on the timeline, e.g. 2028.
    #[arg(long)]
    pub when: Option<String>,
    /// The file to write (default: FILE itself).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Arguments of `orgevo layout`.
#[derive(Debug, clap::Args)]
pub struct LayoutArgs {
    /// A plan (`*.orgevo.json`) or a people list (`*.csv`).
    pub file: PathBuf,
    /// The stage (default: the first).
    #[arg(long, value_name = "ID")]
    pub stage: Option<String>,
    /// The layout style (default: the stage's own; wide for a people list).
    #[arg(long, value_enum, value_name = "STYLE")]
    pub layout: Option<LayoutArg>,
    /// The JSON file to write.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: PathBuf,
}

/// Arguments of `orgevo export`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["stage", "all", "option"])))]
pub struct ExportArgs {
    /// The plan file (`*.orgevo.json`).
    pub file: PathBuf,
    /// Export the stage with this id.
    #[arg(long, value_name = "ID")]
    pub stage: Option<String>,
    /// Export every stage in tree order, with a page, slide or section at
    /// each decision (SVG and PNG: the timeline strip with its lanes).
    #[arg(long)]
    pub all: bool,
    /// Export the road through the option with this name: the stages
    /// before its decision, then the option's own.
    #[arg(long, value_name = "NAME")]
    pub option: Option<String>,
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// PNG pixels per chart unit: 1, 2, 4…
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// PDF paper (landscape).
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// Lay every exported stage out afresh in this style (default: as the
    /// plan has them).
    #[arg(long, value_enum, value_name = "STYLE")]
    pub layout: Option<LayoutArg>,
    /// The file to write (written atomically).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: PathBuf,
}

/// Export formats on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// SVG image.
    Svg,
    /// PNG image.
    Png,
    /// PDF handout.
    Pdf,
    /// PowerPoint slides.
    Pptx,
    /// Markdown report.
    Md,
    /// HTML report.
    Html,
    /// One stage as a people list (CSV) that `orgevo import` reads back.
    Csv,
}

/// Layout styles (DESIGN.md "Layout styles and big charts").
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// The tidy tree: reports side by side under their manager.
    Wide,
    /// Wide teams wrap into more rows, about a page's proportions.
    Compact,
    /// The tree grows to the right.
    LeftRight,
}

impl From<LayoutArg> for crate::model::LayoutStyle {
    fn from(arg: LayoutArg) -> Self {
        match arg {
            LayoutArg::Wide => Self::Wide,
            LayoutArg::Compact => Self::Compact,
            LayoutArg::LeftRight => Self::LeftRight,
        }
    }
}

/// PDF paper sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// A4 landscape.
    A4,
    /// US Letter landscape.
    Letter,
}

/// Arguments of `orgevo diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The plan file (`*.orgevo.json`).
    pub file: PathBuf,
    /// Id of the earlier stage.
    pub stage_a: String,
    /// Id of the later stage.
    pub stage_b: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `orgevo check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The plan file (`*.orgevo.json`).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Only report findings of the stage with this id.
    #[arg(long, value_name = "ID")]
    pub stage: Option<String>,
}

/// How reports are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable text.
    Text,
    /// One JSON document.
    Json,
}

/// Exit code: everything fine (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code: the plan has at least one error finding.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the file could not be loaded (or the usage was wrong).
pub const EXIT_LOAD_ERROR: u8 = 2;
