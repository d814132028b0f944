//! How a chart looks, shared by the canvas and every export so the two
//! cannot drift: colours of functions, families, hats and severities, the
//! short chip labels, and where a card puts its stripe, badge, text and
//! chips. Plain data, no drawing library.

pub mod lines;
pub mod money;
pub mod names;
pub mod tour;

use crate::model::{Function, Hat, Member, Responsibility, Tag, TagFamily};
use crate::rules::Severity;

/// A colour as red, green and blue bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for SVG and HTML.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The accent colour of a member function (card stripe and label).
pub fn function_color(function: Function) -> Rgb {
    match function {
        Function::Owner => Rgb(0x8e, 0x5c, 0xe0),
        Function::SalesLeader => Rgb(0x63, 0x6b, 0xe8),
        Function::SalesManager => Rgb(0x1c, 0x9c, 0xa8),
        Function::GrowthLeader => Rgb(0xd9, 0x8a, 0x14),
        Function::Sales => Rgb(0x3b, 0x82, 0xd6),
        Function::Marketing => Rgb(0xd9, 0x4c, 0x8a),
        Function::Technical => Rgb(0x2e, 0xa0, 0x6a),
        Function::ServiceDelivery => Rgb(0x6d, 0xa8, 0x38),
        Function::Operations => Rgb(0x80, 0x8c, 0x9c),
        Function::Other => Rgb(0x9a, 0x9a, 0x9a),
    }
}

/// The colour of a responsibility family (chips and toggles).
pub fn family_color(family: TagFamily) -> Rgb {
    match family {
        TagFamily::Leadership => Rgb(0xe0, 0x8a, 0x1e),
        TagFamily::Management => Rgb(0x2f, 0x7f, 0xd8),
    }
}

/// The colour of a custom tag's chip.
pub const CUSTOM_TAG_COLOR: Rgb = Rgb(120, 120, 120);

/// The colour of a hat badge.
pub fn hat_color(hat: Hat) -> Rgb {
    match hat {
        Hat::Leader => family_color(TagFamily::Leadership),
        Hat::Manager => family_color(TagFamily::Management),
        Hat::Both => Rgb(0x9b, 0x59, 0xb6),
        Hat::None => Rgb(0xa0, 0xa0, 0xa0),
    }
}

/// The colour of a finding marker.
pub fn severity_color(severity: Severity) -> Rgb {
    match severity {
        Severity::Error => Rgb(0xe5, 0x39, 0x35),
        Severity::Warning => Rgb(0xf0, 0xa2, 0x02),
        Severity::Info => Rgb(0x4a, 0x90, 0xd9),
    }
}

/// The colour of good news: a stage without findings, a finding fixed.
pub const FIXED_COLOR: Rgb = Rgb(0x3c, 0xa5, 0x5c);
/// The "NEW" badge of a member new in this stage.
pub const NEW_BADGE_COLOR: Rgb = Rgb(0x2e, 0xa0, 0x4a);
/// The "MOVED" badge of a member with a new manager.
pub const MOVED_BADGE_COLOR: Rgb = Rgb(0xd0, 0x84, 0x10);

/// What a stage's heading says under its name: its kind where the name
/// does not already say it ("Split roles 2" is a split-roles stage), and
/// when. The timeline, present mode and the exports use it.
pub fn kind_and_when(stage: &crate::model::Stage) -> String {
    let kind = stage.kind.label();
    let named_by_kind = stage
        .name
        .trim()
        .to_lowercase()
        .starts_with(&kind.to_lowercase());
    let when = stage.when.trim();
    match (named_by_kind, when.is_empty()) {
        (true, _) => when.to_owned(),
        (false, true) => kind.to_owned(),
        (false, false) => format!("{kind} · {when}"),
    }
}

/// A responsibility's chip label: the same word the inspector, the
/// findings and every report use ([`Responsibility::label`]). Where a card
/// has no room for the words, it shows [`summary_chips`] instead, and the
/// chip's hover names each one.
pub fn chip_label(r: Responsibility) -> &'static str {
    r.label()
}

/// A tag chip on a card: its label, colour, and what it means in one
/// sentence (shown on hover).
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    /// The short label.
    pub label: String,
    /// The colour of its family.
    pub color: Rgb,
    /// One sentence explaining it.
    pub meaning: String,
}

/// One chip per tag, in the member's order.
pub fn tag_chips(member: &Member) -> Vec<Chip> {
    member
        .tags
        .iter()
        .map(|tag| match tag {
            Tag::Core(r) => Chip {
                label: chip_label(*r).to_owned(),
                color: family_color(r.family()),
                meaning: responsibility_meaning(*r).to_owned(),
            },
            Tag::Custom(s) => Chip {
                label: s.clone(),
                color: CUSTOM_TAG_COLOR,
                meaning: format!(
                    "`{s}` is a custom tag: a note for you; the rules do not read it."
                ),
            },
        })
        .collect()
}

/// Too many tags to show one by one: one chip per family with a count
/// ("lead 4/6"), and one for custom tags.
pub fn summary_chips(member: &Member) -> Vec<Chip> {
    let held = member.responsibilities();
    let mut out = Vec::new();
    for family in [TagFamily::Leadership, TagFamily::Management] {
        let n = held.of_family(family).len();
        if n > 0 {
            let (short, word) = match family {
                TagFamily::Leadership => ("lead", "leadership"),
                TagFamily::Management => ("mgmt", "management"),
            };
            out.push(Chip {
                label: format!("{short} {n}/6"),
                color: family_color(family),
                meaning: format!(
                    "Holds {} ({n} of the 6 {word} responsibilities).",
                    held.of_family(family)
                        .iter()
                        .map(|r| r.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    let custom = member
        .tags
        .iter()
        .filter(|t| matches!(t, Tag::Custom(_)))
        .count();
    if custom > 0 {
        out.push(Chip {
            label: format!("+{custom} custom"),
            color: CUSTOM_TAG_COLOR,
            meaning: format!(
                "{} of your own: notes the rules do not read.",
                count(custom, "custom tag")
            ),
        });
    }
    out
}

/// What a responsibility means, in one sentence.
pub fn responsibility_meaning(r: Responsibility) -> &'static str {
    match r {
        Responsibility::Vision => "Vision (leadership): sets where the sales team is going.",
        Responsibility::Inspiration => "Inspiration (leadership): inspires and motivates the team.",
        Responsibility::Strategy => "Strategy (leadership): sets the strategic direction of sales.",
        Responsibility::ProcessDesign => {
            "Process design (leadership): designs the sales process with the whole business in mind."
        }
        Responsibility::CrossFunctional => {
            "Cross-functional (leadership): brings in technical and delivery people where deals need them."
        }
        Responsibility::MarketingAlignment => {
            "Marketing alignment (leadership): keeps marketing's messages in line with sales and delivery."
        }
        Responsibility::Execution => "Execution (management): gets the plan done, week by week.",
        Responsibility::Rigor => "Rigor (management): brings rigor and control to the sales work.",
        Responsibility::ProcessDiscipline => {
            "Process discipline (management): installs the process and makes sure it is followed."
        }
        Responsibility::Metrics => {
            "Metrics (management): tracks the numbers that show how sales is going."
        }
        Responsibility::Accountability => {
            "Accountability (management): holds each salesperson to their targets."
        }
        Responsibility::Coaching => "Coaching (management): coaches the salespeople week by week.",
    }
}

/// What a hat badge means, in one sentence.
pub fn hat_meaning(hat: Hat) -> &'static str {
    match hat {
        Hat::Leader => {
            "L: a leader, holding leadership responsibilities (vision, strategy, process design) and no management ones."
        }
        Hat::Manager => {
            "M: a manager, holding management responsibilities (execution, metrics, coaching) and no leadership ones."
        }
        Hat::Both => {
            "L+M: wears both hats, leading and managing, like a founder early on or a growth leader later."
        }
        Hat::None => "No hat: neither leadership nor management responsibilities.",
    }
}

/// `n` and a noun, singular for one: "1 member", "7 members".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The second text line of a card: the function, marked when planned.
pub fn function_line(member: &Member) -> String {
    if member.planned {
        format!("{} · planned hire", member.function.label())
    } else {
        member.function.label().to_owned()
    }
}

/// Where things sit on an editor card, relative to its top-left corner, and
/// how big they are (scene units; font sizes in points of the same scale).
pub mod card {
    /// Corner radius.
    pub const RADIUS: f32 = 8.0;
    /// Width of the function stripe on the left edge.
    pub const STRIPE: f32 = 6.0;
    /// Left edge of the text.
    pub const TEXT_LEFT: f32 = 14.0;
    /// Top of the name, and its size.
    pub const NAME: (f32, f32) = (8.0, 15.0);
    /// Top of the title, and its size.
    pub const TITLE: (f32, f32) = (29.0, 12.5);
    /// Top of the function line, and its size.
    pub const FUNCTION: (f32, f32) = (47.0, 11.5);
    /// Top of the chips, their height and text size.
    pub const CHIPS: (f32, f32, f32) = (66.0, 16.0, 10.5);
    /// Horizontal padding inside a chip, each side.
    pub const CHIP_PAD: f32 = 5.0;
    /// Gap between chips.
    pub const CHIP_GAP: f32 = 4.0;
    /// Hat badge: distance from the top, height, text size.
    pub const BADGE: (f32, f32, f32) = (9.0, 18.0, 11.5);
    /// Hat badge distance from the right edge.
    pub const BADGE_RIGHT: f32 = 10.0;
    /// Width of a badge for a label of `chars` characters.
    pub fn badge_width(chars: usize) -> f32 {
        12.0 + 8.0 * chars as f32
    }
    /// Dash and gap of a planned hire's border.
    pub const PLANNED_DASH: (f32, f32) = (7.0, 4.0);
    /// Stroke width of reporting and collaboration lines.
    pub const LINE_WIDTH: f32 = 1.6;
    /// Dash and gap of a collaboration line.
    pub const COLLAB_DASH: (f32, f32) = (8.0, 6.0);
}

/// The colours of a printed chart (exports use a light page).
pub mod paper {
    use super::Rgb;

    /// The page.
    pub const BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
    /// A card.
    pub const CARD: Rgb = Rgb(0xff, 0xff, 0xff);
    /// A planned hire's card.
    pub const PLANNED_CARD: Rgb = Rgb(0xf4, 0xf5, 0xf7);
    /// A card's border.
    pub const BORDER: Rgb = Rgb(0xb8, 0xbe, 0xc6);
    /// Names and headings.
    pub const TEXT: Rgb = Rgb(0x1d, 0x21, 0x28);
    /// Titles and notes.
    pub const WEAK: Rgb = Rgb(0x5f, 0x66, 0x70);
    /// Reporting lines.
    pub const LINE: Rgb = Rgb(0x8a, 0x90, 0x99);
    /// Collaboration lines.
    pub const COLLABORATION: Rgb = Rgb(0x4a, 0x90, 0xd9);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lowercase_six_digits() {
        assert_eq!(Rgb(0x8e, 0x5c, 0xe0).hex(), "#8e5ce0");
        assert_eq!(Rgb(0, 1, 2).hex(), "#000102");
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "member"), "1 member");
        assert_eq!(count(0, "member"), "0 members");
        assert_eq!(count(7, "change"), "7 changes");
    }

    #[test]
    fn summary_chips_count_each_family() {
        let mut m = Member::new("m", "M", Function::Owner);
        m.tags = ["vision", "strategy", "metrics", "golf"]
            .iter()
            .map(|t| Tag::parse(t))
            .collect();
        let labels: Vec<String> = summary_chips(&m).into_iter().map(|c| c.label).collect();
        assert_eq!(labels, ["lead 2/6", "mgmt 1/6", "+1 custom"]);
        let lead = &summary_chips(&m)[0].meaning;
        assert!(
            lead.contains("vision, strategy"),
            "the hover names them: {lead}"
        );
    }

    #[test]
    fn chips_use_the_inspectors_words() {
        for r in Responsibility::ALL {
            assert_eq!(chip_label(r), r.label());
        }
    }

    #[test]
    fn the_kind_shows_only_where_the_name_does_not_say_it() {
        use crate::model::{Stage, StageKind};
        let mut stage = Stage::new("s", "Split roles 2", StageKind::SplitRoles);
        assert_eq!(kind_and_when(&stage), "");
        stage.when = "2027".into();
        assert_eq!(kind_and_when(&stage), "2027");
        stage.name = "Where we are".into();
        assert_eq!(kind_and_when(&stage), "Split roles · 2027");
        stage.when.clear();
        assert_eq!(kind_and_when(&stage), "Split roles");
    }
}
