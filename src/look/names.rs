//! Names that tell members apart where a list shows them side by side (the
//! "Reports to" picker, the Find results): a member's name alone when no
//! one else in the stage has it, else the name with the title, else with
//! the id too.

use std::collections::HashMap;

use crate::model::{Member, Stage};

/// Labels for the members of one stage, counted once (a picker over a
/// 10,000-member stage stays linear).
#[derive(Debug, Default)]
pub struct MemberLabels<'a> {
    names: HashMap<&'a str, usize>,
    names_and_titles: HashMap<(&'a str, &'a str), usize>,
}

impl<'a> MemberLabels<'a> {
    /// Counts the names and titles of `stage`.
    pub fn new(stage: &'a Stage) -> Self {
        let mut labels = Self::default();
        for m in stage.members() {
            *labels.names.entry(m.display_name()).or_default() += 1;
            *labels
                .names_and_titles
                .entry((m.display_name(), m.title.trim()))
                .or_default() += 1;
        }
        labels
    }

    /// "Alex Kim" when the name is unique in the stage; "Alex Kim · Account
    /// Executive" when the title tells the two apart; else with the id,
    /// "Alex Kim · Account Executive (ae-2)".
    pub fn label(&self, member: &Member) -> String {
        let name = member.display_name();
        if self.names.get(name).copied().unwrap_or(0) <= 1 {
            return name.to_owned();
        }
        let title = member.title.trim();
        let with_title = if title.is_empty() {
            name.to_owned()
        } else {
            format!("{name} · {title}")
        };
        if !title.is_empty()
            && self
                .names_and_titles
                .get(&(name, title))
                .copied()
                .unwrap_or(0)
                <= 1
        {
            return with_title;
        }
        format!("{with_title} ({})", member.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function, StageKind};

    fn member(id: &str, name: &str, title: &str) -> Member {
        let mut m = Member::new(id, name, Function::Sales);
        m.title = title.into();
        m
    }

    #[test]
    fn same_names_are_told_apart_by_title_then_id() {
        let mut stage = Stage::new("s", "S", StageKind::Custom);
        for m in [
            member("a", "Alex Kim", "Account Executive"),
            member("b", "Alex Kim", "Sales Engineer"),
            member("c", "Sam Fox", "Account Executive"),
            member("d", "Sam Fox", "Account Executive"),
            member("e", "Dana Lee", "CEO"),
        ] {
            stage.add_member(m).unwrap();
        }
        let labels = MemberLabels::new(&stage);
        let label = |id: &str| labels.label(stage.member(id).unwrap());
        assert_eq!(label("e"), "Dana Lee");
        assert_eq!(label("a"), "Alex Kim · Account Executive");
        assert_eq!(label("b"), "Alex Kim · Sales Engineer");
        assert_eq!(label("c"), "Sam Fox · Account Executive (c)");
        assert_ne!(label("c"), label("d"));
    }
}
