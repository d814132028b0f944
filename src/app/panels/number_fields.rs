//! The inspector's fields for numbers on a seat (cost, quota, start): typed
//! as text, turned into an edit only once the text reads as a value, with
//! what is wrong said beside the field meanwhile.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use crate::io::schema::amount_json;
use crate::model::{Member, YearMonth};

/// The text of a number field while it is being typed, by field key.
#[derive(Debug, Default)]
pub struct NumberDrafts {
    texts: BTreeMap<String, String>,
}

/// One of a member's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberField {
    /// Annual cost.
    Cost,
    /// Annual quota.
    Quota,
    /// Start month.
    Start,
}

impl NumberField {
    /// Every field, in the order shown.
    pub const ALL: [Self; 3] = [Self::Cost, Self::Quota, Self::Start];

    /// The field's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Cost => "Cost / year",
            Self::Quota => "Quota / year",
            Self::Start => "Start",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::Cost => "cost",
            Self::Quota => "quota",
            Self::Start => "start",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Self::Cost => "e.g. 95000",
            Self::Quota => "e.g. 600000",
            Self::Start => "YYYY-MM",
        }
    }

    /// The member's value as the field shows it.
    pub fn text(self, member: &Member) -> String {
        match self {
            Self::Cost => member.cost.map(|a| amount_json(a).to_string()),
            Self::Quota => member.quota.map(|a| amount_json(a).to_string()),
            Self::Start => member.start.map(|s| s.to_string()),
        }
        .unwrap_or_default()
    }

    /// Sets the member's value from `text` (empty clears it); says what is
    /// wrong when the text is no value.
    pub fn set(self, member: &mut Member, text: &str) -> Result<(), String> {
        let text = text.trim();
        match self {
            Self::Cost => member.cost = crate::io::csv_amount(text)?,
            Self::Quota => member.quota = crate::io::csv_amount(text)?,
            Self::Start => {
                member.start = match text {
                    "" => None,
                    t => Some(
                        YearMonth::parse(t)
                            .or_else(|| YearMonth::from_iso_date(t))
                            .ok_or_else(|| "write the month as YYYY-MM, e.g. 2027-03".to_owned())?,
                    ),
                }
            }
        }
        Ok(())
    }
}

impl NumberDrafts {
    /// Shows `field` of `member` in a grid row; `true` when `member` now
    /// holds a new value (the caller makes the edit).
    pub fn field_ui(
        &mut self,
        ui: &mut Ui,
        stage: &str,
        member: &mut Member,
        field: NumberField,
    ) -> (bool, egui::Response) {
        let key = format!("{stage}/{}/{}", member.id, field.key());
        let id = ui.make_persistent_id(&key);
        let shown = field.text(member);
        let focused = ui.memory(|m| m.has_focus(id));
        let text = self
            .texts
            .entry(key.clone())
            .or_insert_with(|| shown.clone());
        if !focused {
            // Not being typed into: show the member's value (after undo too).
            text.clone_from(&shown);
        }
        let label = ui.label(field.label()).id;
        let mut changed = false;
        let response = ui
            .vertical(|ui| {
                let response = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .id(id)
                            .hint_text(field.hint())
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label);
                let mut edited = member.clone();
                match field.set(&mut edited, text) {
                    Ok(()) if response.changed() && field.text(&edited) != shown => {
                        *member = edited;
                        changed = true;
                    }
                    Ok(()) => {}
                    Err(why) => {
                        ui.label(RichText::new(why).small().color(ui.visuals().warn_fg_color));
                    }
                }
                response
            })
            .inner;
        ui.end_row();
        (changed, response)
    }
}
