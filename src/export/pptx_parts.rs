//! The fixed parts of a minimal, valid PowerPoint deck: content types,
//! relationships, one slide master, one blank layout, one theme; and the
//! shapes slides are made of (text runs, text boxes, pictures).

use super::svg::{Svg, xml_text};
use super::{ExportError, png};

/// Slide width and height in EMU (16:9, 13.333 × 7.5 in).
pub const SLIDE: [i64; 2] = [12_192_000, 6_858_000];
/// The largest chart picture, in pixels.
const MAX_PICTURE: [f32; 2] = [3600.0, 2000.0];

/// Namespace declarations every PresentationML part uses.
pub const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

/// The XML declaration.
pub const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Relationship type of a slide.
pub const REL_SLIDE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide";
/// Relationship type of a slide layout.
pub const REL_LAYOUT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout";
/// Relationship type of a slide master.
pub const REL_MASTER: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster";
/// Relationship type of a theme.
pub const REL_THEME: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
/// Relationship type of an image.
pub const REL_IMAGE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// `[Content_Types].xml` for `slides` slides.
pub fn content_types(slides: usize) -> String {
    let mut out = String::from(DECL);
    out.push_str(r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#);
    out.push_str(r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#);
    out.push_str(r#"<Default Extension="xml" ContentType="application/xml"/>"#);
    out.push_str(r#"<Default Extension="png" ContentType="image/png"/>"#);
    out.push_str(r#"<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>"#);
    out.push_str(r#"<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/>"#);
    out.push_str(r#"<Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/>"#);
    out.push_str(r#"<Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#);
    for n in 1..=slides {
        out.push_str(&format!(
            r#"<Override PartName="/ppt/slides/slide{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>"#
        ));
    }
    out.push_str(r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#);
    out.push_str(r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#);
    out.push_str("</Types>");
    out
}

/// `_rels/.rels`.
pub fn root_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

/// A relationships part from (id, type, target) triples.
pub fn rels(items: &[(String, &str, String)]) -> String {
    let mut out = format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for (id, kind, target) in items {
        out.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// The empty shape tree header every slide, layout and master starts with.
pub const GROUP: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

/// `ppt/slideMasters/slideMaster1.xml`.
pub fn slide_master() -> String {
    format!(
        r#"{DECL}<p:sldMaster {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>{GROUP}</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles></p:sldMaster>"#
    )
}

/// `ppt/slideLayouts/slideLayout1.xml`: a blank layout.
pub fn slide_layout() -> String {
    format!(
        r#"{DECL}<p:sldLayout {NS} type="blank" preserve="1"><p:cSld name="Blank"><p:spTree>{GROUP}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
    )
}

/// `ppt/theme/theme1.xml`: colours, fonts and the three-of-each style lists
/// a theme must have.
pub fn theme() -> String {
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = r#"<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#;
    let effect = r#"<a:effectStyle><a:effectLst/></a:effectStyle>"#;
    let color = |name: &str, hex: &str| format!(r#"<a:{name}><a:srgbClr val="{hex}"/></a:{name}>"#);
    let colors = [
        color("dk1", "1D2128"),
        color("lt1", "FFFFFF"),
        color("dk2", "44546A"),
        color("lt2", "E7E6E6"),
        color("accent1", "8E5CE0"),
        color("accent2", "1C9CA8"),
        color("accent3", "D98A14"),
        color("accent4", "3B82D6"),
        color("accent5", "D94C8A"),
        color("accent6", "2EA06A"),
        color("hlink", "4A90D9"),
        color("folHlink", "9B59B6"),
    ]
    .concat();
    let font = r#"<a:latin typeface="DejaVu Sans"/><a:ea typeface=""/><a:cs typeface=""/>"#;
    format!(
        r#"{DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="orgevo"><a:themeElements><a:clrScheme name="orgevo">{colors}</a:clrScheme><a:fontScheme name="orgevo"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont></a:fontScheme><a:fmtScheme name="orgevo"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#
    )
}

/// EMU per point.
pub const EMU: f32 = 12_700.0;

/// A text run.
pub fn run(text: &str, size_pt: u32, bold: bool, color: &str) -> String {
    format!(
        r#"<a:r><a:rPr lang="en-US" sz="{}" b="{}" dirty="0"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:latin typeface="DejaVu Sans"/></a:rPr><a:t>{}</a:t></a:r>"#,
        size_pt * 100,
        u8::from(bold),
        xml_text(text)
    )
}

/// A text box at (x, y) points, (w, h) points, holding `paragraphs`.
pub fn text_box(id: u32, name: &str, [x, y, w, h]: [f32; 4], paragraphs: &str) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"#,
        (x * EMU) as i64,
        (y * EMU) as i64,
        (w * EMU) as i64,
        (h * EMU) as i64,
    )
}

/// A picture at `[x, y, w, h]` points showing the image of relationship
/// `rel`, described by `descr` for screen readers.
pub fn picture(id: u32, rel: &str, descr: &str, [x, y, w, h]: [f32; 4]) -> String {
    format!(
        r#"<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Chart {id}" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
        xml_text(descr),
        (x * EMU) as i64,
        (y * EMU) as i64,
        (w * EMU) as i64,
        (h * EMU) as i64,
    )
}

/// The chart as the PNG a slide shows (at most [`MAX_PICTURE`] pixels).
pub fn chart_png(svg: &Svg) -> Result<Vec<u8>, ExportError> {
    let scale = (MAX_PICTURE[0] / svg.width)
        .min(MAX_PICTURE[1] / svg.height)
        .min(2.0);
    png::svg_to_png(&svg.text, scale)
}
