//! The parts of a card that explain themselves on hover: the hat badge
//! (L, M, L+M) and the tag chips.

use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, pos2, vec2};

use crate::app::style::{color, faded, hat_color};

/// Below this zoom a card shows only its name and badge.
pub(super) const ZOOM_NAME_ONLY: f32 = 0.45;
use crate::look::{self, card as geometry};
use crate::model::{Hat, Member};

/// Where the hat badge of a card at `rect` sits, if the member has a hat.
fn hat_badge_rect(rect: Rect, hat: Hat) -> Option<Rect> {
    if hat == Hat::None {
        return None;
    }
    let (top, height, _) = geometry::BADGE;
    let width = geometry::badge_width(hat.badge().len());
    Some(Rect::from_min_size(
        pos2(rect.max.x - width - geometry::BADGE_RIGHT, rect.min.y + top),
        vec2(width, height),
    ))
}

pub(super) fn paint_hat_badge(painter: &Painter, rect: Rect, hat: Hat, zoom: f32) -> f32 {
    let Some(badge) = hat_badge_rect(rect, hat) else {
        return 0.0;
    };
    // A hat is a square-cornered, outlined tag; a finding marker is a
    // filled circle: the two never read alike, whatever their colours.
    let ink = hat_color(hat);
    painter.rect(
        badge,
        CornerRadius::same(3),
        faded(ink, 0.16),
        egui::Stroke::new(1.5, ink),
        egui::StrokeKind::Inside,
    );
    // Letters smaller than a few pixels are smudges: the tag alone says
    // enough there.
    if zoom * geometry::BADGE.2 >= MIN_GLYPH_PIXELS {
        painter.text(
            badge.center(),
            Align2::CENTER_CENTER,
            hat.badge(),
            FontId::proportional(geometry::BADGE.2),
            ink,
        );
    }
    badge.width()
}

/// Text drawn smaller than this on screen is left out.
pub(super) const MIN_GLYPH_PIXELS: f32 = 6.0;

/// The chips that fit on a card's chip row from `start` to `right`: each
/// chip's rect, and whether some did not fit ("…" after the last).
fn chip_row(
    painter: &Painter,
    start: Pos2,
    right: f32,
    member: &Member,
) -> (Vec<(Rect, look::Chip)>, bool) {
    let (_, height, size) = geometry::CHIPS;
    let font = FontId::proportional(size);
    let width_of = |label: &str| {
        painter
            .layout_no_wrap(label.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
            + 2.0 * geometry::CHIP_PAD
    };
    let chips = look::tag_chips(member);
    let total: f32 = chips
        .iter()
        .map(|chip| width_of(&chip.label) + geometry::CHIP_GAP)
        .sum();
    let chips = if start.x + total <= right {
        chips
    } else {
        look::summary_chips(member)
    };
    let mut row = Vec::new();
    let mut x = start.x;
    for chip in chips {
        let width = width_of(&chip.label);
        if x + width > right {
            return (row, true);
        }
        row.push((
            Rect::from_min_size(pos2(x, start.y), vec2(width, height)),
            chip,
        ));
        x += width + geometry::CHIP_GAP;
    }
    (row, false)
}

fn chips_start(rect: Rect) -> Pos2 {
    pos2(
        rect.min.x + geometry::TEXT_LEFT,
        rect.min.y + geometry::CHIPS.0,
    )
}

pub(super) fn paint_chips(painter: &Painter, rect: Rect, member: &Member, weak: Color32) {
    let (_, height, size) = geometry::CHIPS;
    let font = FontId::proportional(size);
    let (row, cut) = chip_row(painter, chips_start(rect), rect.max.x - 8.0, member);
    let mut end = chips_start(rect).x;
    for (chip_rect, chip) in row {
        painter.rect_filled(
            chip_rect,
            CornerRadius::same(8),
            faded(color(chip.color), 0.9),
        );
        let galley = painter.layout_no_wrap(chip.label, font.clone(), Color32::WHITE);
        painter.galley(
            pos2(
                chip_rect.min.x + geometry::CHIP_PAD,
                chip_rect.center().y - galley.size().y / 2.0,
            ),
            galley,
            Color32::WHITE,
        );
        end = chip_rect.max.x + geometry::CHIP_GAP;
    }
    if cut {
        let y = chips_start(rect).y + height / 2.0;
        painter.text(pos2(end + 2.0, y), Align2::LEFT_CENTER, "…", font, weak);
    }
}

/// What the part of a card under `pointer` means, in one sentence: its hat
/// badge or one of its tag chips (cards zoomed out show neither).
pub(super) fn card_part_meaning(
    painter: &Painter,
    rect: Rect,
    member: &Member,
    zoom: f32,
    pointer: Pos2,
) -> Option<String> {
    if zoom < ZOOM_NAME_ONLY {
        return None;
    }
    let hat = member.hat();
    if hat_badge_rect(rect, hat).is_some_and(|badge| badge.contains(pointer)) {
        return Some(look::hat_meaning(hat).to_owned());
    }
    let (row, _) = chip_row(painter, chips_start(rect), rect.max.x - 8.0, member);
    row.into_iter()
        .find(|(chip_rect, _)| chip_rect.contains(pointer))
        .map(|(_, chip)| chip.meaning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::card_size;
    use crate::model::{Function, Responsibility, Tag};

    #[test]
    fn the_hat_badge_and_each_tag_chip_say_what_they_mean() {
        let mut member = Member::new("dana", "Dana Lee", Function::Owner);
        member.tags = vec![
            Tag::Core(Responsibility::Vision),
            Tag::Core(Responsibility::Metrics),
            Tag::Custom("golf".into()),
        ];
        let ctx = egui::Context::default();
        let mut answers = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter().clone();
            let [w, h] = card_size(&member);
            let rect = Rect::from_min_size(pos2(100.0, 100.0), vec2(w, h));
            let badge = hat_badge_rect(rect, member.hat()).map(|r| r.center());
            let (row, cut) = chip_row(&painter, chips_start(rect), rect.max.x - 8.0, &member);
            assert!(!cut);
            let mut points: Vec<Pos2> = badge.into_iter().collect();
            points.extend(row.iter().map(|(r, _)| r.center()));
            points.push(rect.center());
            for point in points {
                answers.push(card_part_meaning(&painter, rect, &member, 1.0, point));
            }
            // Zoomed far out, cards show neither.
            let far = card_part_meaning(&painter, rect, &member, 0.1, badge.unwrap_or_default());
            assert_eq!(far, None);
        });
        // The font atlas was never uploaded anywhere.
        output.textures_delta.clear();
        let [hat, vision, metrics, golf, middle] = answers.as_slice() else {
            panic!("{answers:?}");
        };
        assert!(
            hat.as_deref().is_some_and(|t| t.starts_with("L+M")),
            "{hat:?}"
        );
        assert!(
            vision
                .as_deref()
                .is_some_and(|t| t.starts_with("Vision (leadership)"))
        );
        assert!(
            metrics
                .as_deref()
                .is_some_and(|t| t.starts_with("Metrics (management)"))
        );
        assert!(golf.as_deref().is_some_and(|t| t.contains("custom tag")));
        assert_eq!(middle, &None);
    }
}
