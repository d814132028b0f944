//! Exports: SVG parses and holds every name and line, PNG follows the
//! scale, the PDF has a page per stage with every name in its text layer,
//! the PowerPoint deck has the parts of a valid deck, hostile names are
//! escaped everywhere, large charts export whole, output is reproducible.

use crate::common;

use std::collections::HashSet;
use std::io::Read;

use orgevo::export::{Format, Paper, Request, Scope, export, png, stage_svg};
use orgevo::io::{BUNDLED_EXAMPLE, plan_from_str};
use orgevo::model::{Function, Link, LinkKind, Member, Plan, synthetic_plan};

fn example() -> Plan {
    plan_from_str(BUNDLED_EXAMPLE).unwrap()
}

fn request(scope: Scope, format: Format) -> Request {
    Request {
        scope,
        format,
        scale: 1.0,
        paper: Paper::A4,
    }
}

/// Every text of an SVG as usvg reads it.
fn svg_texts(svg: &str) -> Vec<String> {
    let tree = png::parse_svg(svg).unwrap();
    let mut out = Vec::new();
    collect_texts(tree.root(), &mut out);
    out
}

fn collect_texts(group: &resvg::usvg::Group, out: &mut Vec<String>) {
    for node in group.children() {
        match node {
            resvg::usvg::Node::Group(g) => collect_texts(g, out),
            resvg::usvg::Node::Text(t) => {
                out.push(t.chunks().iter().map(|c| c.text()).collect::<String>());
            }
            _ => {}
        }
    }
}

/// (width, height) from a PNG header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[1..4], b"PNG");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

/// `text` without any whitespace: chart text in the PDF is placed glyph by
/// glyph, so extractors put spaces between letters.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

/// The text of every page of a PDF.
fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).unwrap_or_default())
        .collect()
}

/// The parts of a zip file by name.
fn zip_parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (file.name().unwrap().to_string(), data)
        })
        .collect()
}

/// Parses XML to the end; panics on malformed XML.
fn assert_well_formed(name: &str, xml: &[u8]) {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name}: {e}"),
        }
        buf.clear();
    }
}

#[test]
fn the_svg_holds_every_name_as_text_and_one_path_per_line() {
    let plan = example();
    for (index, stage) in plan.stages.iter().enumerate() {
        let svg = stage_svg(&plan, index).unwrap();
        let texts = svg_texts(&svg.text);
        for m in stage.members() {
            assert!(texts.iter().any(|t| t == &m.name), "{} missing", m.name);
        }
        assert!(svg.text.contains("font-family=\"DejaVu Sans\""));
        let lines = svg.text.matches("<path class=\"reports-to\"").count()
            + svg
                .text
                .matches("<path class=\"collaborates-with\"")
                .count();
        assert_eq!(lines, stage.link_count(), "{}", stage.id);
    }
}

#[test]
fn png_width_follows_the_scale() {
    let plan = example();
    let at = |scale: f32| {
        let bytes = export(
            &plan,
            &Request {
                scale,
                ..request(Scope::Stage(1), Format::Png)
            },
        )
        .unwrap();
        png_size(&bytes)
    };
    let (w1, h1) = at(1.0);
    let svg = stage_svg(&plan, 1).unwrap();
    assert_eq!(w1, svg.width.ceil() as u32);
    for scale in [2u32, 4] {
        let (w, h) = at(scale as f32);
        assert!(w.abs_diff(w1 * scale) <= scale, "{scale}: {w} vs {w1}");
        assert!(h.abs_diff(h1 * scale) <= scale, "{scale}: {h} vs {h1}");
    }
}

/// The pages of a handout grouped by what they show: a stage's pages (its
/// first and the ones marked "(continued)") or a decision's page.
fn page_groups(pages: &[String]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    for page in pages {
        match groups.last_mut() {
            Some(group) if page.contains("(continued)") => group.push(page.clone()),
            _ => groups.push(vec![page.clone()]),
        }
    }
    groups
}

#[test]
fn the_pdf_has_a_page_per_stage_and_decision_in_tree_order_with_every_name_selectable() {
    use orgevo::model::TreeStep;
    let plan = example();
    let order = plan.tree_order();
    assert!(
        order.iter().any(|s| matches!(s, TreeStep::Decision(_))),
        "the example decides"
    );
    for paper in [Paper::A4, Paper::Letter] {
        let bytes = export(
            &plan,
            &Request {
                paper,
                ..request(Scope::All, Format::Pdf)
            },
        )
        .unwrap();
        let pages = pdf_pages(&bytes);
        let groups = page_groups(&pages);
        assert_eq!(groups.len(), order.len(), "one group per step: {order:?}");
        for (group, step) in groups.iter().zip(&order) {
            let first = &group[0];
            match *step {
                TreeStep::Stage(i) => {
                    let stage = &plan.stages[i];
                    assert!(first.contains(&stage.name), "{first}");
                    assert!(!first.contains("Decision after"), "{first}");
                    let flat = squeeze(&group.join(" "));
                    for m in stage.members() {
                        assert!(
                            flat.contains(&squeeze(&m.name)),
                            "{} missing from {first}",
                            m.name
                        );
                    }
                }
                TreeStep::Decision(d) => {
                    assert_eq!(group.len(), 1, "a decision is one page");
                    let title = format!("Decision after {}", plan.stages[d].name);
                    assert!(first.contains(&title), "{first}");
                    for option in plan.followers(d) {
                        assert!(first.contains(&plan.option_name(option)), "{first}");
                        let name = &plan.stages[option].name;
                        assert!(first.contains(name.as_str()), "{name} on {first}");
                    }
                    assert!(first.contains("No findings") || first.contains("note"));
                }
            }
        }
        // The converged page says what changed and what was found.
        let scale = plan.stage_position("scale").unwrap();
        let at = order
            .iter()
            .position(|s| *s == TreeStep::Stage(scale))
            .unwrap();
        let converged = &groups[at][0];
        assert!(
            converged.contains("Findings")
                && squeeze(converged).contains(&squeeze("held only management"))
        );
        assert!(converged.contains("Changes"));
        assert!(converged.contains("Option \u{201c}Grow Morgan Blake\u{201d}"));
        // Handouts are words: no rule id on any page.
        for page in &pages {
            for rule in orgevo::rules::RULES {
                assert!(!page.contains(rule.id), "{} on {page}", rule.id);
            }
        }
    }
}

#[test]
fn an_option_exports_as_the_road_through_it_without_its_siblings() {
    let plan = example();
    let hire = plan.option_named("Hire a growth leader").unwrap();
    let road: Vec<usize> = plan.path_through(hire);
    let split = plan.stage_position("split").unwrap();
    assert_eq!(road, [0, split, hire], "the stages before it, then it");
    let scope = || Scope::Option(hire);
    let pdf = export(&plan, &request(scope(), Format::Pdf)).unwrap();
    let groups = page_groups(&pdf_pages(&pdf));
    assert_eq!(groups.len(), road.len());
    for (group, &i) in groups.iter().zip(&road) {
        assert!(group[0].contains(&plan.stages[i].name));
        assert!(!group[0].contains("Decision after"));
    }
    let md =
        String::from_utf8(export(&plan, &request(scope(), Format::Markdown)).unwrap()).unwrap();
    let headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    let names: Vec<&str> = road.iter().map(|i| plan.stages[*i].name.as_str()).collect();
    assert_eq!(headings, names);
    let pptx = export(&plan, &request(scope(), Format::Pptx)).unwrap();
    let slides = zip_parts(&pptx)
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .count();
    assert_eq!(slides, road.len());
    // The image is the road in one row: the sibling option is not on it.
    let svg = String::from_utf8(export(&plan, &request(scope(), Format::Svg)).unwrap()).unwrap();
    let texts = svg_texts(&svg);
    let scale = plan.stage("scale").unwrap();
    assert!(texts.contains(&plan.stages[hire].name));
    assert!(!texts.contains(&scale.name), "{texts:?}");
    // From the command line, by name, letter case aside; an unknown name
    // lists the options there are.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("road.md");
    let file = "examples/plans/acme-evolution.orgevo.json";
    let out_arg = out.to_str().unwrap();
    let (code, _, stderr) = common::orgevo(&[
        "export",
        file,
        "--option",
        "hire A growth leader",
        "--format",
        "md",
        "-o",
        out_arg,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
    let (code, _, stderr) = common::orgevo(&[
        "export", file, "--option", "Fly", "--format", "md", "-o", out_arg,
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no option \"Fly\"")
            && stderr.contains("\"Grow Morgan Blake\", \"Hire a growth leader\""),
        "{stderr}"
    );
}

#[test]
fn the_report_has_a_section_per_stage_and_decision_in_tree_order() {
    use orgevo::model::TreeStep;
    let plan = example();
    let expected: Vec<String> = plan
        .tree_order()
        .into_iter()
        .map(|step| match step {
            TreeStep::Stage(i) => plan.stages[i].name.clone(),
            TreeStep::Decision(d) => format!("Decision after {}", plan.stages[d].name),
        })
        .collect();
    let md =
        String::from_utf8(export(&plan, &request(Scope::All, Format::Markdown)).unwrap()).unwrap();
    let headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(headings, expected);
    assert!(md.contains("4 stages and 1 decision"), "{md}");
    assert!(md.contains("| Hire a growth leader | Converged with a hire: "));
    let html =
        String::from_utf8(export(&plan, &request(Scope::All, Format::Html)).unwrap()).unwrap();
    let h2: Vec<&str> = html
        .split("<h2>")
        .skip(1)
        .filter_map(|s| s.split("</h2>").next())
        .collect();
    assert_eq!(h2, expected);
}

#[test]
fn the_pptx_has_a_slide_per_stage_and_decision_and_every_part_a_deck_needs() {
    let plan = example();
    let bytes = export(&plan, &request(Scope::All, Format::Pptx)).unwrap();
    let parts = zip_parts(&bytes);
    let names: HashSet<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        parts[0].0, "[Content_Types].xml",
        "content types come first"
    );
    for required in [
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "ppt/presentation.xml",
        "ppt/_rels/presentation.xml.rels",
        "ppt/slideMasters/slideMaster1.xml",
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        "ppt/slideLayouts/slideLayout1.xml",
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        "ppt/theme/theme1.xml",
    ] {
        assert!(names.contains(required), "{required} missing");
    }
    let slides: Vec<&&str> = names
        .iter()
        .filter(|n| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .collect();
    let order = plan.tree_order();
    assert_eq!(slides.len(), order.len(), "a slide per stage and decision");
    let content_types = String::from_utf8(parts[0].1.clone()).unwrap();
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            assert_well_formed(name, data);
        }
        if name.ends_with(".xml") && name != "[Content_Types].xml" {
            assert!(
                content_types.contains(&format!("PartName=\"/{name}\"")),
                "{name} has no content type"
            );
        }
        // Every relationship points at a part that exists.
        if let Some(dir) = name.strip_suffix(".rels") {
            let base = dir.replace("_rels/", "");
            let folder = base.rsplit_once('/').map_or("", |(f, _)| f);
            let text = String::from_utf8(data.clone()).unwrap();
            for target in text.split("Target=\"").skip(1) {
                let target = target.split('"').next().unwrap();
                let mut path: Vec<&str> = if folder.is_empty() || name == "_rels/.rels" {
                    Vec::new()
                } else {
                    folder.split('/').collect()
                };
                for piece in target.split('/') {
                    if piece == ".." {
                        path.pop();
                    } else {
                        path.push(piece);
                    }
                }
                let resolved = path.join("/");
                assert!(names.contains(resolved.as_str()), "{name} → {resolved}");
            }
        }
    }
    let presentation = parts
        .iter()
        .find(|(n, _)| n == "ppt/presentation.xml")
        .map(|(_, d)| String::from_utf8(d.clone()).unwrap())
        .unwrap();
    assert_eq!(presentation.matches("<p:sldId ").count(), order.len());
    let slide_of = |step: orgevo::model::TreeStep| {
        let number = order.iter().position(|s| *s == step).unwrap() + 1;
        let part = |name: String| {
            parts
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, d)| String::from_utf8(d.clone()).unwrap())
                .unwrap()
        };
        (
            part(format!("ppt/slides/slide{number}.xml")),
            part(format!("ppt/slides/_rels/slide{number}.xml.rels")),
        )
    };
    // The decision slide: both options, each with its chart.
    let split = plan.stage_position("split").unwrap();
    let (decision, rels) = slide_of(orgevo::model::TreeStep::Decision(split));
    assert!(decision.contains("Decision after Split roles"));
    for option in plan.followers(split) {
        assert!(decision.contains(&plan.option_name(option)));
        assert!(decision.contains(&plan.stages[option].name));
    }
    assert!(decision.contains("r:embed=\"rId2\"") && decision.contains("r:embed=\"rId3\""));
    assert_eq!(rels.matches("../media/image").count(), 2, "{rels}");
    let scale = plan.stage_position("scale").unwrap();
    let (slide, _) = slide_of(orgevo::model::TreeStep::Stage(scale));
    assert!(slide.contains("Converged") && slide.contains("r:embed=\"rId2\""));
    assert!(slide.contains("New finding: Morgan Blake held only management"));
    // Captions are words: no rule id on any slide.
    for (name, data) in parts
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide"))
    {
        let xml = String::from_utf8(data.clone()).unwrap();
        for rule in orgevo::rules::RULES {
            assert!(!xml.contains(rule.id), "{name} names the rule {}", rule.id);
        }
    }
}

/// An option name that is markup in every format.
const HOSTILE_OPTION: &str = "<script>opt()</script> | **B** [y](javascript:3)";

/// The example with hostile names, titles, notes and option names.
fn hostile() -> Plan {
    let mut plan = example();
    plan.title = "Acme <b>&</b> \"co\"".into();
    let hire = plan.option_named("Hire a growth leader").unwrap();
    plan.stages[hire].option = Some(HOSTILE_OPTION.into());
    let stage = &mut plan.stages[1];
    stage.notes = "]]> <!-- & <script>alert(1)</script>".into();
    let mut evil = Member::new("evil", "<script>alert(1)</script>", Function::Sales);
    evil.title = "| ** [x](javascript:alert(1)) &amp; \u{1}".into();
    stage.add_member(evil).unwrap();
    let mut link = Member::new(
        "link",
        "[click](javascript:alert(2)) # <img src=x>",
        Function::Marketing,
    );
    link.tags = vec![orgevo::model::Tag::parse("<b>bold</b>")];
    stage.add_member(link).unwrap();
    stage
        .add_link(&Link::new("evil", "dana", LinkKind::ReportsTo))
        .unwrap();
    stage
        .add_link(&Link::new("link", "dana", LinkKind::ReportsTo))
        .unwrap();
    plan
}

#[test]
fn hostile_text_is_escaped_in_every_format() {
    let plan = hostile();
    let svg =
        String::from_utf8(export(&plan, &request(Scope::Stage(1), Format::Svg)).unwrap()).unwrap();
    assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<b>"));
    let texts = svg_texts(&svg);
    assert!(
        texts.iter().any(|t| t == "<script>alert(1)</script>"),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains('\u{1}')),
        "control characters dropped"
    );

    let html =
        String::from_utf8(export(&plan, &request(Scope::All, Format::Html)).unwrap()).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(!html.contains("<b>bold") && !html.contains("<b>&"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("href="), "no links at all");

    let md =
        String::from_utf8(export(&plan, &request(Scope::All, Format::Markdown)).unwrap()).unwrap();
    assert!(md.contains(r"\<script\>alert(1)\</script\>"), "{md}");
    assert!(md.contains(r"\[click\]\(javascript:alert(2))"));
    assert!(!md.contains("](javascript"));
    // Escaped where Markdown needs it, nowhere else.
    assert!(
        md.contains("Founder-led") && !md.contains(r"Founder\-led"),
        "{md}"
    );
    assert!(!md.contains(r"\:"), "{md}");
    assert!(md.contains("Founder & CEO"), "{md}");
    assert!(md.contains(r"\&amp;"), "an entity stays text: {md}");
    // Every `<` in the report is escaped, so no tag survives.
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "{md}"
    );
    assert!(md.contains(r"\| \*\* \[x\]"));

    let pptx = export(&plan, &request(Scope::All, Format::Pptx)).unwrap();
    for (name, data) in zip_parts(&pptx) {
        if name.ends_with(".xml") {
            assert_well_formed(&name, &data);
            let text = String::from_utf8(data).unwrap();
            assert!(!text.contains("<script") && !text.contains("<b>"), "{name}");
        }
    }

    let pdf = export(&plan, &request(Scope::Stage(1), Format::Pdf)).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains("<script>alert(1)</script>"), "{text}");

    // Option names, on the decision page, slide and section and in the
    // timeline's lane label, are text like every other name.
    assert!(
        html.contains("&lt;script&gt;opt()&lt;/script&gt; | **B**"),
        "{html}"
    );
    assert!(
        md.contains(r"\<script\>opt()\</script\> \| \*\*B\*\* \[y\]\(javascript:3)"),
        "{md}"
    );
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "every < escaped, the option's too"
    );
    let svg = String::from_utf8(export(&plan, &request(Scope::All, Format::Svg)).unwrap()).unwrap();
    assert!(!svg.contains("<script"));
    assert!(
        svg_texts(&svg).contains(&format!("\u{21b3} {HOSTILE_OPTION}")),
        "the lane is labelled with the name as typed"
    );
    let pdf = export(&plan, &request(Scope::All, Format::Pdf)).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains(&squeeze(HOSTILE_OPTION)), "{text}");
    let pptx = export(&plan, &request(Scope::All, Format::Pptx)).unwrap();
    let decks: String = zip_parts(&pptx)
        .into_iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide"))
        .map(|(_, d)| String::from_utf8(d).unwrap())
        .collect();
    assert!(decks.contains("&lt;script&gt;opt()&lt;/script&gt;"));
    assert!(!decks.contains("<script"));
}

#[test]
fn exports_are_byte_for_byte_reproducible() {
    let plan = example();
    for format in [
        Format::Pdf,
        Format::Pptx,
        Format::Png,
        Format::Svg,
        Format::Html,
    ] {
        let a = export(&plan, &request(Scope::All, format)).unwrap();
        let b = export(&plan.clone(), &request(Scope::All, format)).unwrap();
        assert!(a == b, "{format:?} differs between two runs");
    }
}

#[test]
fn a_500_member_stage_exports_whole_and_the_pdf_continues_by_subtree() {
    let plan = synthetic_plan(500, 6, 7);
    let svg = stage_svg(&plan, 0).unwrap();
    let png = export(
        &plan,
        &Request {
            scale: 2.0,
            ..request(Scope::Stage(0), Format::Png)
        },
    )
    .unwrap();
    let (w, h) = png_size(&png);
    assert_eq!(
        (w, h),
        (
            (svg.width * 2.0).ceil() as u32,
            (svg.height * 2.0).ceil() as u32
        )
    );
    let texts = svg_texts(&svg.text);
    assert_eq!(
        plan.stages[0]
            .members()
            .filter(|m| texts.contains(&m.name))
            .count(),
        500,
        "every card is in the SVG, uncropped"
    );
    let pdf = export(&plan, &request(Scope::Stage(0), Format::Pdf)).unwrap();
    let pages = pdf_pages(&pdf);
    assert!(pages.len() > 1, "too small to read on one page");
    let all = squeeze(&pages.join(" "));
    for m in plan.stages[0].members() {
        assert!(all.contains(&squeeze(&m.name)), "{} on no page", m.name);
    }
    assert!(
        pages[1..]
            .iter()
            .all(|p| squeeze(p).contains("continuedfrom"))
    );
    assert!(squeeze(&pages[0]).contains("team,page"));
}

#[test]
fn orgevo_export_writes_the_file_and_names_what_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pptx");
    let file = "examples/plans/acme-evolution.orgevo.json";
    let (code, stdout, stderr) = common::orgevo(&[
        "export",
        file,
        "--all",
        "--format",
        "pptx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("deck.pptx"));
    assert_eq!(
        zip_parts(&std::fs::read(&out).unwrap())[0].0,
        "[Content_Types].xml"
    );

    let (code, _, stderr) = common::orgevo(&[
        "export",
        file,
        "--stage",
        "nowhere",
        "--format",
        "svg",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`nowhere`") && stderr.contains("today, split, scale"),
        "{stderr}"
    );

    let png = dir.path().join("huge.png");
    let (code, _, stderr) = common::orgevo(&[
        "export",
        file,
        "--all",
        "--format",
        "png",
        "--scale",
        "16",
        "-o",
        png.to_str().unwrap(),
    ]);
    // Too large at 16×: written smaller, and the user is told by how much.
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("note:") && stderr.contains("instead of 16×"),
        "{stderr}"
    );
    let (w, h) = png_size(&std::fs::read(&png).unwrap());
    assert!(w <= png::MAX_SIDE && h <= png::MAX_SIDE);
    assert!(u64::from(w) * u64::from(h) <= png::MAX_PIXELS);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["deck.pptx", "huge.png"], "no temporary files left");
}

#[test]
fn a_png_past_the_pixel_cap_is_drawn_as_large_as_the_cap_allows_and_says_so() {
    // A 500-member stage is far wider than tall: at a scale like this it is
    // past the longest side a PNG may have.
    let plan = synthetic_plan(500, 6, 7);
    let svg = stage_svg(&plan, 0).unwrap();
    let asked = (png::MAX_SIDE as f32 / svg.width * 1.5).ceil();
    assert!(
        svg.width * asked > png::MAX_SIDE as f32,
        "the case this is about"
    );
    let exported = orgevo::export::export_noting(
        &plan,
        &Request {
            scale: asked,
            ..request(Scope::Stage(0), Format::Png)
        },
    )
    .unwrap();
    let (w, h) = png_size(&exported.bytes);
    // As large as the caps allow: within both, and at one of them (the
    // longest side or the pixel count) give or take rounding; the
    // proportions kept.
    let pixels = u64::from(w) * u64::from(h);
    assert!(w <= png::MAX_SIDE && h <= png::MAX_SIDE && pixels <= png::MAX_PIXELS);
    assert!(
        w + 8 >= png::MAX_SIDE || pixels as f64 >= png::MAX_PIXELS as f64 * 0.995,
        "{w} × {h}"
    );
    let ratio = |a: f32, b: f32| a / b;
    assert!((ratio(w as f32, h as f32) - ratio(svg.width, svg.height)).abs() < 0.05);
    let notice = exported.notice.expect("the user is told");
    assert!(
        notice.contains(&format!("instead of {asked}×"))
            && notice.contains(&format!("{w} × {h} pixels")),
        "{notice}"
    );
    // Within the cap nothing changes and nothing is said.
    let small =
        orgevo::export::export_noting(&example(), &request(Scope::Stage(1), Format::Png)).unwrap();
    assert!(small.notice.is_none());
    // The pixel count is a cap too, not only the side.
    let square = png::fitting_scale(20_000.0, 20_000.0, 4.0);
    let side = (20_000.0 * square).ceil() as u64;
    assert!(side * side <= png::MAX_PIXELS && square < 4.0);
}

#[test]
fn handout_notes_print_in_full_on_the_stage_page() {
    let mut plan = example();
    // A note far longer than the header's two lines, every word distinct.
    let long: Vec<String> = (1..=220).map(|i| format!("word{i}")).collect();
    plan.stages[1].notes = long.join(" ");
    let bytes = export(&plan, &request(Scope::All, Format::Pdf)).unwrap();
    let pages = pdf_pages(&bytes);
    for stage in &plan.stages {
        // The stage's first page (a big chart may continue on more).
        let page = pages
            .iter()
            .find(|p| {
                p.contains(&stage.name)
                    && !p.contains("(continued)")
                    && !p.contains("Decision after")
            })
            .unwrap();
        assert!(
            squeeze(page).contains(&squeeze(&stage.notes)),
            "the notes of {} are not complete: {page}",
            stage.name
        );
        assert!(!squeeze(page).contains("…word") && !squeeze(page).contains("word220…"));
    }
}

/// Whether `p` lies inside `b`, away from its edges by `margin`.
fn strictly_inside(b: &orgevo::look::lines::Bounds, p: [f32; 2], margin: f32) -> bool {
    p[0] > b.left + margin
        && p[0] < b.right - margin
        && p[1] > b.top + margin
        && p[1] < b.bottom - margin
}

#[test]
fn lines_never_run_through_cards_in_any_layout_a_format_picks() {
    use orgevo::export::chart::Chart;
    use orgevo::layout::LayoutParams;
    // A stacked team (a manager with six leaf reports) beside a small one,
    // arranged by the editor's Tidy up, as a saved plan has it.
    let mut builder = orgevo::model::PlanBuilder::new()
        .stage("s", orgevo::model::StageKind::SplitRoles)
        .member("owner", Function::Owner, &[])
        .member("sm", Function::SalesManager, &[])
        .member("mkt", Function::Marketing, &[])
        .reports("sm", "owner")
        .reports("mkt", "owner");
    for i in 0..6 {
        let id = format!("ae{i}");
        builder = builder.member(&id, Function::Sales, &[]).reports(&id, "sm");
    }
    let mut plan = builder.build().unwrap();
    orgevo::layout::place_missing_positions(&mut plan.stages[0]);
    let stage = &plan.stages[0];
    let mut geometries = Vec::new();
    for params in [LayoutParams::EDITOR, LayoutParams::EDITOR_WIDE] {
        let chart = Chart::of_members(stage, None, &[], &params);
        for line in &chart.lines {
            let points = line.route.points(16);
            for pair in points.windows(2) {
                for step in 0..=20 {
                    let t = step as f32 / 20.0;
                    let p = [
                        pair[0][0] + (pair[1][0] - pair[0][0]) * t,
                        pair[0][1] + (pair[1][1] - pair[0][1]) * t,
                    ];
                    for card in &chart.cards {
                        assert!(
                            !strictly_inside(&card.bounds, p, 3.0),
                            "a line runs through {} at {p:?}",
                            card.member.id
                        );
                    }
                }
            }
        }
        geometries.push(
            chart
                .lines
                .iter()
                .map(|l| l.route.points(16))
                .collect::<Vec<_>>(),
        );
    }
    // The saved arrangement is drawn one way, whichever layout a format
    // would choose for a fresh one (the PPTX picks the wide one).
    assert_eq!(geometries[0], geometries[1]);
}

#[test]
fn exports_give_each_stage_and_option_its_numbers_only_when_the_plan_has_some() {
    use orgevo::look::money::money;
    let plain = example();
    let md =
        String::from_utf8(export(&plain, &request(Scope::All, Format::Markdown)).unwrap()).unwrap();
    assert!(!md.contains("Numbers") && !md.contains("capacity"), "{md}");
    let mut plan = example();
    for stage in &mut plan.stages {
        let ids: Vec<String> = stage.members().map(|m| m.id.clone()).collect();
        for (k, id) in ids.iter().enumerate() {
            stage.member_mut(id).unwrap().cost = Some(100_000.0 + 1_000.0 * k as f64);
        }
    }
    let split = plan.stage_position("split").unwrap();
    plan.stages[split].target = Some(5_000_000.0);
    // The cost of a stage is every member's, planned seats included.
    let cost = |i: usize| -> f64 { plan.stages[i].members().filter_map(|m| m.cost).sum() };
    let md =
        String::from_utf8(export(&plan, &request(Scope::All, Format::Markdown)).unwrap()).unwrap();
    // A totals table per stage.
    let rows: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| people | planned seats | cost | capacity | target |"))
        .collect();
    assert!(!rows.is_empty(), "{md}");
    for i in 0..plan.stages.len() {
        let cell = format!("| {} |", money(cost(i), "USD"));
        assert!(md.contains(&cell), "{cell} missing: {md}");
    }
    assert!(md.contains("| $5M |"));
    assert!(md.contains("| option | first stage | findings | numbers |"));
    let html =
        String::from_utf8(export(&plan, &request(Scope::All, Format::Html)).unwrap()).unwrap();
    assert!(html.contains("<th>numbers</th>") && html.contains("<th>planned seats</th>"));
    let pdf = export(&plan, &request(Scope::All, Format::Pdf)).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains(&squeeze(&format!("cost {}", money(cost(split), "USD")))));
    let pptx = export(&plan, &request(Scope::All, Format::Pptx)).unwrap();
    let slides: String = zip_parts(&pptx)
        .into_iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide"))
        .map(|(_, d)| String::from_utf8(d).unwrap())
        .collect();
    assert!(slides.contains(&format!("cost {}", money(cost(split), "USD"))));
}
