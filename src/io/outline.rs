//! The fast way in for a good file: the plan parsed as an outline (header,
//! settings, each stage's head) with every stage's members and lines left as
//! raw JSON, so that big stages are parsed and built on all cores.
//!
//! Anything the outline cannot read falls back to the precise parse in
//! `load.rs`, which names the place of the error; a good file gives the same
//! plan either way.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::schema::{LinkFile, MemberFile, PlanFile, StageFile};

/// The whole file, stages in outline.
pub(super) type PlanOutline<'a> = PlanFile<StageOutline<'a>>;

/// One stage: its head parsed, its members and lines still raw.
#[derive(Deserialize)]
pub(super) struct StageOutline<'a> {
    pub id: String,
    #[serde(default)]
    name: String,
    kind: String,
    #[serde(default)]
    when: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    option: Option<String>,
    #[serde(default)]
    target: Option<serde_json::Value>,
    #[serde(default)]
    layout: Option<String>,
    #[serde(default, borrow)]
    members: RawField<'a>,
    #[serde(default, borrow)]
    links: RawField<'a>,
}

/// A field kept as raw JSON; `null` stays raw too, so it fails later as it
/// does in the precise parse instead of passing for a missing field.
#[derive(Default)]
struct RawField<'a>(Option<&'a RawValue>);

impl<'de: 'a, 'a> Deserialize<'de> for RawField<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'a RawValue>::deserialize(deserializer).map(|raw| Self(Some(raw)))
    }
}

impl RawField<'_> {
    fn parse<T: for<'de> Deserialize<'de>>(&self) -> serde_json::Result<Vec<T>> {
        match self.0 {
            None => Ok(Vec::new()),
            Some(raw) => serde_json::from_str(raw.get()),
        }
    }

    fn len(&self) -> usize {
        self.0.map_or(0, |raw| raw.get().len())
    }
}

impl StageOutline<'_> {
    /// About how many members and lines the stage holds, judged by the size
    /// of its raw JSON (a member takes a few hundred bytes).
    pub fn weight(&self) -> usize {
        (self.members.len() + self.links.len()) / 200
    }

    /// The stage with its members and lines parsed.
    pub fn parse(self) -> serde_json::Result<StageFile> {
        Ok(StageFile {
            members: self.members.parse::<MemberFile>()?,
            links: self.links.parse::<LinkFile>()?,
            id: self.id,
            name: self.name,
            kind: self.kind,
            when: self.when,
            notes: self.notes,
            after: self.after,
            option: self.option,
            target: self.target,
            layout: self.layout,
        })
    }
}

/// The outline of a file's text, or `None` when it is not a well-formed
/// plan at the outline's level.
pub(super) fn parse_outline(text: &str) -> Option<PlanOutline<'_>> {
    // serde reads a struct from a JSON array too (fields in order): only an
    // object is a plan; anything else takes the precise parse, which says
    // what it is instead.
    if !text.trim_start().starts_with('{') {
        return None;
    }
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use crate::io::{LoadError, plan_from_str};

    #[test]
    fn an_array_is_not_a_plan_even_when_it_reads_as_the_outlines_fields() {
        for text in ["[\"\",0]", "[\"orgevo\", 2, \"t\", {}, []]"] {
            let result = plan_from_str(text);
            assert!(
                matches!(result, Err(LoadError::NotAnObject { .. })),
                "{text}: {result:?}"
            );
        }
    }
}
