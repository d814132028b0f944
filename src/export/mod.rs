//! Exports: what leaves orgevo for slides, handouts and reports. Everything
//! is drawn from the library (plan, rules, diff, layout and the shared
//! [`crate::look`]), never from the window, so the command line and the app
//! write the same files.
//!
//! - a stage as SVG ([`stage_svg`]), PNG ([`stage_png`]);
//! - the timeline, every stage side by side and each option a lane below,
//!   as SVG or PNG ([`timeline_svg`]);
//! - a PDF handout, one page per stage and decision ([`pdf::handout_pdf`]);
//! - PowerPoint slides, one per stage and decision ([`pptx::slides_pptx`]);
//! - a transition report in Markdown or HTML ([`report`]);
//! - a stage as a people list in CSV ([`people_csv::stage_csv`]).

pub mod chart;
pub mod decision;
pub mod fonts;
mod markdown;
pub mod pages;
pub mod pdf;
pub mod people_csv;
pub mod png;
pub mod pptx;
mod pptx_decision;
mod pptx_parts;
pub mod report;
pub mod svg;
pub mod timeline;

use crate::layout::LayoutParams;
use crate::model::{Plan, TreeStep};
use crate::rules::check_stage;

pub use chart::Chart;
pub use svg::{Svg, chart_svg};
pub use timeline::timeline_svg;

/// Why an export failed. Nothing is written on error.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The plan has no stage with this id.
    #[error("no stage `{id}` (stages: {known})")]
    UnknownStage {
        /// The id asked for.
        id: String,
        /// The plan's stage ids.
        known: String,
    },
    /// The plan has no stages to export.
    #[error("the plan has no stages to export")]
    NoStages,
    /// The SVG could not be read back (a bug, reported instead of a panic).
    #[error("cannot render the chart: {0}")]
    Svg(String),
    /// The PNG would be too large to render.
    #[error(
        "the PNG would be {width} × {height} pixels, more than PNG export allows ({max_side} px a side, {max_mpx} megapixels); export SVG or PDF instead, or use a smaller --scale",
        max_side = png::MAX_SIDE,
        max_mpx = png::MAX_PIXELS / (1024 * 1024)
    )]
    PngTooLarge {
        /// Width in pixels.
        width: u64,
        /// Height in pixels.
        height: u64,
    },
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Png(String),
    /// PDF writing failed.
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
    /// Writing the slides' zip failed.
    #[error("cannot write the slides: {0}")]
    Pptx(String),
    /// A people list holds one stage.
    #[error("a people list (CSV) holds one stage; name it with --stage (stages: {known})")]
    CsvNeedsOneStage {
        /// The plan's stage ids.
        known: String,
    },
    /// Writing the CSV failed.
    #[error("cannot write the CSV: {0}")]
    Csv(String),
}

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// One stage (or the timeline) as SVG.
    Svg,
    /// One stage (or the timeline) as PNG.
    Png,
    /// A handout, one page per stage.
    Pdf,
    /// Slides, one per stage.
    Pptx,
    /// A transition report in Markdown.
    Markdown,
    /// A transition report as one self-contained HTML file.
    Html,
    /// One stage as a people list that imports back.
    Csv,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Pdf,
        Self::Pptx,
        Self::Png,
        Self::Svg,
        Self::Html,
        Self::Markdown,
        Self::Csv,
    ];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf => "pdf",
            Self::Pptx => "pptx",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Csv => "csv",
        }
    }

    /// A label for menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Svg => "SVG image",
            Self::Png => "PNG image",
            Self::Pdf => "PDF handout",
            Self::Pptx => "PowerPoint slides",
            Self::Markdown => "Markdown report",
            Self::Html => "HTML report",
            Self::Csv => "People list (CSV)",
        }
    }

    /// Whether the format draws a single image (one stage, or the
    /// timeline when several stages are asked for).
    pub fn is_image(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }
}

/// The paper of a PDF handout (landscape).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A4, 297 × 210 mm.
    #[default]
    A4,
    /// US Letter, 11 × 8.5 in.
    Letter,
}

impl Paper {
    /// Width and height in points, landscape.
    pub fn size(self) -> [f32; 2] {
        match self {
            Self::A4 => [841.89, 595.28],
            Self::Letter => [792.0, 612.0],
        }
    }
}

/// Which stages an export covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One stage, by position.
    Stage(usize),
    /// Every stage in tree order, with each decision (for SVG and PNG: the
    /// timeline strip with its lanes).
    All,
    /// The road through one option, given by its first stage: its
    /// ancestors from the first stage, then the option's own line.
    Option(usize),
}

/// An export: which stages, which format, and the format's options.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The stages.
    pub scope: Scope,
    /// The format.
    pub format: Format,
    /// PNG pixels per unit (1, 2, 4…).
    pub scale: f32,
    /// PDF paper.
    pub paper: Paper,
}

impl Request {
    /// The stages and decisions this request covers, in the order the
    /// export shows them.
    pub fn steps(&self, plan: &Plan) -> Vec<TreeStep> {
        match self.scope {
            Scope::Stage(i) if i < plan.stages.len() => vec![TreeStep::Stage(i)],
            Scope::Stage(_) => Vec::new(),
            Scope::All => plan.tree_order(),
            Scope::Option(first) => plan
                .path_through(first)
                .into_iter()
                .map(TreeStep::Stage)
                .collect(),
        }
    }

    /// The positions of the stages this request covers, in order.
    pub fn stages(&self, plan: &Plan) -> Vec<usize> {
        self.steps(plan)
            .into_iter()
            .filter_map(|step| match step {
                TreeStep::Stage(i) => Some(i),
                TreeStep::Decision(_) => None,
            })
            .collect()
    }
}

/// The position of the stage `id`, or an error listing the plan's stages.
pub fn stage_index(plan: &Plan, id: &str) -> Result<usize, ExportError> {
    plan.stage_position(id)
        .ok_or_else(|| ExportError::UnknownStage {
            id: id.to_owned(),
            known: stage_ids(plan),
        })
}

/// The plan's stage ids, for messages: "today, split, scale".
fn stage_ids(plan: &Plan) -> String {
    let ids: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
    ids.join(", ")
}

/// The stage at `index` as SVG, with its finding markers.
pub fn stage_svg(plan: &Plan, index: usize) -> Option<Svg> {
    let stage = plan.stages.get(index)?;
    let findings = check_stage(plan, index);
    Some(chart_svg(&Chart::of_stage(stage, &findings)))
}

/// The stage at `index` as SVG laid out to fill a `[width, height]` area
/// best: teams stacked in columns or in wide rows, whichever shows the
/// chart larger (a hand-arranged stage keeps its arrangement).
pub fn stage_svg_for_area(plan: &Plan, index: usize, [width, height]: [f32; 2]) -> Option<Svg> {
    let stage = plan.stages.get(index)?;
    let findings = check_stage(plan, index);
    [LayoutParams::EDITOR, LayoutParams::EDITOR_WIDE]
        .iter()
        .map(|params| chart_svg(&Chart::of_members(stage, None, &findings, params)))
        .max_by(|a, b| {
            let scale = |svg: &Svg| (width / svg.width).min(height / svg.height);
            scale(a).total_cmp(&scale(b))
        })
}

/// The stage at `index` as PNG at `scale`.
pub fn stage_png(plan: &Plan, index: usize, scale: f32) -> Result<Vec<u8>, ExportError> {
    let svg = stage_svg(plan, index).ok_or(ExportError::NoStages)?;
    png::svg_to_png(&svg.text, scale)
}

/// An export's bytes and, when it had to give way (a PNG too large for
/// its scale, drawn smaller), what it did, for the user to read.
#[derive(Debug)]
pub struct Exported {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What the export changed from the request, if anything.
    pub notice: Option<String>,
}

/// Runs an export; the bytes of the file to write.
pub fn export(plan: &Plan, request: &Request) -> Result<Vec<u8>, ExportError> {
    export_noting(plan, request).map(|e| e.bytes)
}

/// Runs an export; the bytes and what, if anything, it changed from the
/// request (see [`Exported`]).
pub fn export_noting(plan: &Plan, request: &Request) -> Result<Exported, ExportError> {
    if request.format == Format::Png {
        let stages = request.stages(plan);
        let svg = match (&request.scope, stages.as_slice()) {
            (_, []) => return Err(ExportError::NoStages),
            (_, [one]) => stage_svg(plan, *one).ok_or(ExportError::NoStages)?,
            (Scope::All, _) => timeline_svg(plan),
            (_, path) => timeline::path_svg(plan, path),
        };
        let (bytes, fitted) = png::svg_to_png_fitted(&svg.text, request.scale)?;
        return Ok(Exported {
            bytes,
            notice: fitted.notice(),
        });
    }
    export_exact(plan, request).map(|bytes| Exported {
        bytes,
        notice: None,
    })
}

/// Runs an export exactly as requested.
fn export_exact(plan: &Plan, request: &Request) -> Result<Vec<u8>, ExportError> {
    let steps = request.steps(plan);
    let stages = request.stages(plan);
    if stages.is_empty() {
        return Err(ExportError::NoStages);
    }
    let image = || match (&request.scope, stages.as_slice()) {
        (_, [one]) => stage_svg(plan, *one).ok_or(ExportError::NoStages),
        (Scope::All, _) => Ok(timeline_svg(plan)),
        (_, path) => Ok(timeline::path_svg(plan, path)),
    };
    match request.format {
        Format::Svg => Ok(image()?.text.into_bytes()),
        Format::Png => png::svg_to_png(&image()?.text, request.scale),
        Format::Pdf => pdf::handout_pdf(plan, &steps, request.paper),
        Format::Pptx => pptx::slides_pptx(plan, &steps),
        Format::Markdown => Ok(report::markdown(plan, &steps).into_bytes()),
        Format::Html => Ok(report::html(plan, &steps).into_bytes()),
        Format::Csv => match stages.as_slice() {
            [one] => people_csv::stage_csv(&plan.stages[*one])
                .map_err(|e| ExportError::Csv(e.to_string())),
            _ => Err(ExportError::CsvNeedsOneStage {
                known: stage_ids(plan),
            }),
        },
    }
}
