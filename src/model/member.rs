//! A member of a stage: a person or a planned seat.

use super::kinds::Function;
use super::numbers::YearMonth;
use super::tags::{Hat, ResponsibilitySet, Tag};

/// A person or planned role in one stage. The same `id` in two stages is the
/// same person or seat.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// Stable identifier, unique within a stage and kept across stages.
    pub id: String,
    /// Display name, e.g. "Dana Lee".
    pub name: String,
    /// Job title, e.g. "Founder & CEO".
    pub title: String,
    /// What the member does.
    pub function: Function,
    /// Responsibility tags in the order the user gave them.
    pub tags: Vec<Tag>,
    /// A planned hire (vacancy) rather than a person already in the seat.
    pub planned: bool,
    /// Free notes.
    pub notes: String,
    /// Annual fully loaded cost in the plan's currency (finite, ≥ 0).
    pub cost: Option<f64>,
    /// Annual bookings target the member carries (finite, ≥ 0).
    pub quota: Option<f64>,
    /// When the person starts or the seat is filled.
    pub start: Option<YearMonth>,
}

impl Member {
    /// A member with no tags and no notes.
    pub fn new(id: impl Into<String>, name: impl Into<String>, function: Function) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            title: String::new(),
            function,
            tags: Vec::new(),
            planned: false,
            notes: String::new(),
            cost: None,
            quota: None,
            start: None,
        }
    }

    /// The core responsibilities among the tags.
    pub fn responsibilities(&self) -> ResponsibilitySet {
        self.tags.iter().filter_map(Tag::responsibility).collect()
    }

    /// The hat the tags add up to.
    pub fn hat(&self) -> Hat {
        self.responsibilities().hat()
    }

    /// Whether the member carries `tag`.
    pub fn has_tag(&self, tag: &Tag) -> bool {
        self.tags.contains(tag)
    }

    /// The name to show: the name, or the id when the name is blank.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.id
        } else {
            &self.name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Responsibility;

    #[test]
    fn hat_comes_from_tags_not_function() {
        let mut m = Member::new("m", "Morgan", Function::SalesManager);
        assert_eq!(m.hat(), Hat::None);
        m.tags = vec![Responsibility::Metrics.into(), Tag::Custom("golf".into())];
        assert_eq!(m.hat(), Hat::Manager);
        m.tags.push(Responsibility::Vision.into());
        assert_eq!(m.hat(), Hat::Both);
    }

    #[test]
    fn blank_name_falls_back_to_id() {
        assert_eq!(Member::new("x1", " ", Function::Sales).display_name(), "x1");
        assert_eq!(
            Member::new("x1", "Ann", Function::Sales).display_name(),
            "Ann"
        );
    }
}
