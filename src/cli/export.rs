//! `orgevo export`: a stage, every stage, the road through one option, or
//! the timeline as SVG, PNG, PDF, PowerPoint, Markdown or HTML, written
//! atomically.

use std::io::Write;
use std::process::ExitCode;

use super::{EXIT_LOAD_ERROR, EXIT_OK, ExportArgs, ExportFormatArg, PaperArg};
use crate::export::{Format, Paper, Request, Scope, export_noting, stage_index};
use crate::io::{load_plan, write_atomically};

/// Exit code: the export itself failed (too large, cannot write).
pub const EXIT_EXPORT_FAILED: u8 = 1;

impl From<ExportFormatArg> for Format {
    fn from(f: ExportFormatArg) -> Self {
        match f {
            ExportFormatArg::Svg => Self::Svg,
            ExportFormatArg::Png => Self::Png,
            ExportFormatArg::Pdf => Self::Pdf,
            ExportFormatArg::Pptx => Self::Pptx,
            ExportFormatArg::Md => Self::Markdown,
            ExportFormatArg::Html => Self::Html,
            ExportFormatArg::Csv => Self::Csv,
        }
    }
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

/// Runs `orgevo export`; messages go to `err`.
pub fn run_export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let mut plan = match load_plan(&args.file) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(EXIT_LOAD_ERROR);
        }
    };
    if let Some(style) = args.layout {
        crate::layout::lay_out_plan_in(&mut plan, style.into());
    }
    let scope = match (&args.stage, &args.option) {
        (Some(id), _) => match stage_index(&plan, id) {
            Ok(i) => Scope::Stage(i),
            Err(e) => {
                let _ = writeln!(err, "error: {}: {e}", args.file.display());
                return ExitCode::from(EXIT_LOAD_ERROR);
            }
        },
        (None, Some(name)) => match plan.option_named(name) {
            Ok(first) => Scope::Option(first),
            Err(e) => {
                let _ = writeln!(err, "error: {}: {e}", args.file.display());
                return ExitCode::from(EXIT_LOAD_ERROR);
            }
        },
        (None, None) => Scope::All,
    };
    if !(args.scale.is_finite() && args.scale > 0.0 && args.scale <= 16.0) {
        let _ = writeln!(
            err,
            "error: --scale must be a number from 0 to 16, such as 2"
        );
        return ExitCode::from(EXIT_LOAD_ERROR);
    }
    let request = Request {
        scope,
        format: args.format.into(),
        scale: args.scale,
        paper: args.paper.into(),
    };
    let (bytes, notice) = match export_noting(&plan, &request) {
        Ok(exported) => (exported.bytes, exported.notice),
        Err(e) => {
            let _ = writeln!(err, "error: {}: {e}", args.file.display());
            return ExitCode::from(EXIT_EXPORT_FAILED);
        }
    };
    if let Some(notice) = notice {
        let _ = writeln!(err, "note: {}: {notice}", args.file.display());
    }
    if let Err(e) = write_atomically(&args.output, &bytes) {
        let _ = writeln!(err, "error: {e}");
        return ExitCode::from(EXIT_EXPORT_FAILED);
    }
    let _ = writeln!(
        out,
        "wrote {} ({} bytes)",
        args.output.display(),
        bytes.len()
    );
    ExitCode::from(EXIT_OK)
}
