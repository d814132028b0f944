//! PowerPoint slides, one per stage: the stage's name and when as the
//! title, the chart as a picture (PNG from the export SVG), and the change
//! captions present mode shows; and one per decision
//! ([`super::pptx_decision`]). Written with zip and quick-xml escaping; no
//! dates, so the same plan gives the same file.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::pptx_parts::{
    self as parts, DECL, EMU, GROUP, NS, REL_IMAGE, REL_LAYOUT, REL_MASTER, REL_SLIDE, REL_THEME,
    SLIDE, chart_png, picture, run, text_box,
};
use super::svg::xml_text;
use super::{ExportError, stage_svg_for_area};
use crate::diff::diff_plan_stages;
use crate::model::{Plan, TreeStep};

/// The usual room for the chart on a slide, in points (for choosing its
/// layout).
const CHART_AREA: [f32; 2] = [888.0, 300.0];
/// How many captions a slide shows.
const CAPTIONS: usize = 5;

/// The slides of `steps` of `plan` (a slide per stage and per decision),
/// as a .pptx file.
pub fn slides_pptx(plan: &Plan, steps: &[TreeStep]) -> Result<Vec<u8>, ExportError> {
    let zip_error = |e: zip::result::ZipError| ExportError::Pptx(e.to_string());
    let io_error = |e: std::io::Error| ExportError::Pptx(e.to_string());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let put = |zip: &mut zip::ZipWriter<Cursor<Vec<u8>>>, name: &str, bytes: &[u8]| {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(bytes).map_err(io_error)
    };
    let n = steps.len();
    put(
        &mut zip,
        "[Content_Types].xml",
        parts::content_types(n).as_bytes(),
    )?;
    put(&mut zip, "_rels/.rels", parts::root_rels().as_bytes())?;
    put(&mut zip, "docProps/core.xml", core_props(plan).as_bytes())?;
    put(&mut zip, "docProps/app.xml", app_props(n).as_bytes())?;
    put(&mut zip, "ppt/presentation.xml", presentation(n).as_bytes())?;
    let mut presentation_rels = vec![
        (
            "rId1".to_owned(),
            REL_MASTER,
            "slideMasters/slideMaster1.xml".to_owned(),
        ),
        ("rId2".to_owned(), REL_THEME, "theme/theme1.xml".to_owned()),
    ];
    for k in 1..=n {
        presentation_rels.push((
            format!("rId{}", k + 2),
            REL_SLIDE,
            format!("slides/slide{k}.xml"),
        ));
    }
    put(
        &mut zip,
        "ppt/_rels/presentation.xml.rels",
        parts::rels(&presentation_rels).as_bytes(),
    )?;
    put(
        &mut zip,
        "ppt/slideMasters/slideMaster1.xml",
        parts::slide_master().as_bytes(),
    )?;
    put(
        &mut zip,
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        parts::rels(&[
            (
                "rId1".to_owned(),
                REL_LAYOUT,
                "../slideLayouts/slideLayout1.xml".to_owned(),
            ),
            (
                "rId2".to_owned(),
                REL_THEME,
                "../theme/theme1.xml".to_owned(),
            ),
        ])
        .as_bytes(),
    )?;
    put(
        &mut zip,
        "ppt/slideLayouts/slideLayout1.xml",
        parts::slide_layout().as_bytes(),
    )?;
    put(
        &mut zip,
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        parts::rels(&[(
            "rId1".to_owned(),
            REL_MASTER,
            "../slideMasters/slideMaster1.xml".to_owned(),
        )])
        .as_bytes(),
    )?;
    put(&mut zip, "ppt/theme/theme1.xml", parts::theme().as_bytes())?;
    for (k, step) in steps.iter().enumerate() {
        let number = k + 1;
        let (xml, pictures) = match *step {
            TreeStep::Stage(index) => stage_slide(plan, index)?,
            TreeStep::Decision(at) => super::pptx_decision::decision_slide(plan, at)?,
        };
        let mut rels = vec![(
            "rId1".to_owned(),
            REL_LAYOUT,
            "../slideLayouts/slideLayout1.xml".to_owned(),
        )];
        for (j, picture) in pictures.iter().enumerate() {
            let name = match j {
                0 => format!("image{number}.png"),
                _ => format!("image{number}-{}.png", j + 1),
            };
            put(&mut zip, &format!("ppt/media/{name}"), picture)?;
            rels.push((
                format!("rId{}", j + 2),
                REL_IMAGE,
                format!("../media/{name}"),
            ));
        }
        put(
            &mut zip,
            &format!("ppt/slides/slide{number}.xml"),
            xml.as_bytes(),
        )?;
        put(
            &mut zip,
            &format!("ppt/slides/_rels/slide{number}.xml.rels"),
            parts::rels(&rels).as_bytes(),
        )?;
    }
    let cursor = zip.finish().map_err(zip_error)?;
    Ok(cursor.into_inner())
}

/// A stage's slide and its chart picture.
fn stage_slide(plan: &Plan, index: usize) -> Result<(String, Vec<Vec<u8>>), ExportError> {
    let svg = stage_svg_for_area(plan, index, CHART_AREA).ok_or(ExportError::NoStages)?;
    let picture = chart_png(&svg)?;
    Ok((slide(plan, index, [svg.width, svg.height]), vec![picture]))
}

fn presentation(slides: usize) -> String {
    let ids: String = (1..=slides)
        .map(|k| format!(r#"<p:sldId id="{}" r:id="rId{}"/>"#, 255 + k, k + 2))
        .collect();
    format!(
        r#"{DECL}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{}" cy="{}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#,
        SLIDE[0], SLIDE[1]
    )
}

fn core_props(plan: &Plan) -> String {
    format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>orgevo</dc:creator></cp:coreProperties>"#,
        xml_text(&plan.title)
    )
}

fn app_props(slides: usize) -> String {
    format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>orgevo</Application><Slides>{slides}</Slides></Properties>"#
    )
}

/// The slide XML of the stage at `index`, its chart `[w, h]` in size.
fn slide(plan: &Plan, index: usize, [chart_w, chart_h]: [f32; 2]) -> String {
    let stage = &plan.stages[index];
    let (page_w, page_h) = (SLIDE[0] as f32 / EMU, SLIDE[1] as f32 / EMU);
    let when = if stage.when.is_empty() {
        String::new()
    } else {
        format!(" · {}", stage.when)
    };
    let title = format!(
        "<a:p>{}</a:p><a:p>{}</a:p>",
        run(&stage.name, 28, true, "1D2128"),
        run(
            &format!(
                "{}{}{when} · {}{}",
                super::decision::option_line(plan, index)
                    .map_or(String::new(), |o| format!("{o} · ")),
                stage.kind.label(),
                crate::look::count(stage.member_count(), "member"),
                crate::look::money::stage_numbers(plan, index)
                    .map_or(String::new(), |n| format!(" · {n}"))
            ),
            14,
            false,
            "5F6670"
        )
    );
    let mut shapes = text_box(2, "Title", [36.0, 18.0, page_w - 72.0, 64.0], &title);
    let captions: Vec<String> = match plan
        .previous_non_empty(index)
        .and_then(|p| diff_plan_stages(plan, p, index))
    {
        Some(diff) => plan
            .previous_non_empty(index)
            .and_then(|p| crate::look::money::stage_numbers_change(plan, p, index))
            .map(|n| format!("Numbers: {n}"))
            .into_iter()
            .chain(diff.captions(CAPTIONS))
            .take(CAPTIONS)
            .collect(),
        None => stage
            .notes
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(CAPTIONS)
            .map(str::to_owned)
            .collect(),
    };
    let caption_h = if captions.is_empty() {
        0.0
    } else {
        22.0 * captions.len() as f32 + 12.0
    };
    let area = [36.0, 92.0, page_w - 72.0, page_h - 92.0 - caption_h - 18.0];
    let scale = (area[2] / chart_w).min(area[3] / chart_h);
    let (w, h) = (chart_w * scale, chart_h * scale);
    let x = area[0] + (area[2] - w) / 2.0;
    shapes.push_str(&picture(
        3,
        "rId2",
        &format!("Org chart of {}", stage.name),
        [x, area[1], w, h],
    ));
    if !captions.is_empty() {
        let paragraphs: String = captions
            .iter()
            .map(|c| {
                let color = if c.starts_with("Fixed:") {
                    "3CA55C"
                } else if c.starts_with("New finding") {
                    "C98500"
                } else {
                    "1D2128"
                };
                format!("<a:p>{}</a:p>", run(&format!("•  {c}"), 14, false, color))
            })
            .collect();
        shapes.push_str(&text_box(
            4,
            "Changes",
            [36.0, page_h - caption_h - 18.0, page_w - 72.0, caption_h],
            &paragraphs,
        ));
    }
    format!(
        r#"{DECL}<p:sld {NS}><p:cSld><p:spTree>{GROUP}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    )
}
