//! Find (Ctrl+F) without the drawing: the members of a stage whose name,
//! title or tags contain the text, and stepping through them.

use crate::model::{Member, Stage};

/// What is being looked for and where the last step landed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Find {
    /// The text typed.
    pub text: String,
    /// The matching members, in stage order (worked out at each step).
    pub hits: Vec<String>,
    /// The hit shown last (an index into `hits`).
    pub current: Option<usize>,
}

impl Find {
    /// The text changed: the hits are worked out again at the next step.
    pub fn edited(&mut self) {
        self.current = None;
        self.hits.clear();
    }

    /// Moves `step` hits on from the current one (1 next, -1 back, wrapping
    /// round) in `stage`; the member to show, if any matches.
    pub fn step(&mut self, stage: &Stage, step: isize) -> Option<String> {
        self.hits = find(stage, &self.text);
        if self.hits.is_empty() {
            self.current = None;
            return None;
        }
        let n = self.hits.len() as isize;
        let next = match self.current {
            None if step < 0 => n - 1,
            None => 0,
            Some(i) => (i as isize + step).rem_euclid(n),
        } as usize;
        self.current = Some(next);
        self.hits.get(next).cloned()
    }

    /// The chain of command of the hit shown last in `stage`: that member,
    /// then each manager above it up to the top (empty before a step).
    pub fn chain(&self, stage: &Stage) -> Vec<String> {
        let Some(hit) = self.current.and_then(|i| self.hits.get(i)) else {
            return Vec::new();
        };
        if stage.member(hit).is_none() {
            return Vec::new();
        }
        let mut chain = vec![hit.clone()];
        chain.extend(super::folding::managers_above(stage, hit));
        chain
    }

    /// "2 of 5", a hint before the first step, nothing without text.
    pub fn status(&self) -> String {
        match (self.current, self.hits.len(), self.text.trim().is_empty()) {
            (_, _, true) => String::new(),
            (Some(i), n, _) => format!("{} of {n}", i + 1),
            (None, _, _) => "Enter finds the next".to_owned(),
        }
    }
}

/// Whether `member` matches `query` (lowercase): name, title or a tag.
fn matches(member: &Member, query: &str) -> bool {
    member.name.to_lowercase().contains(query)
        || member.title.to_lowercase().contains(query)
        || member
            .tags
            .iter()
            .any(|t| t.as_str().to_lowercase().contains(query))
}

/// The members of `stage` matching `text` (ignoring case and the spaces
/// around it), in stage order.
pub fn find(stage: &Stage, text: &str) -> Vec<String> {
    let query = text.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    stage
        .members()
        .filter(|m| matches(m, &query))
        .map(|m| m.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Function::*, PlanBuilder, StageKind};

    fn stage() -> Stage {
        let mut plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("ann", Owner, &["vision"])
            .member("bob", Sales, &[])
            .member("cy", Sales, &["coaching"])
            .build()
            .unwrap();
        plan.stages[0].member_mut("bob").unwrap().title = "Account Executive".into();
        plan.stages[0].member_mut("cy").unwrap().title = "Sales executive".into();
        plan.stages.remove(0)
    }

    #[test]
    fn finds_by_name_title_or_tag_ignoring_case_and_spaces() {
        let stage = stage();
        assert_eq!(find(&stage, "  EXECUTIVE "), ["bob", "cy"]);
        assert_eq!(find(&stage, "coach"), ["cy"]);
        assert!(find(&stage, "   ").is_empty());
        assert!(find(&stage, "nobody").is_empty());
    }

    #[test]
    fn steps_wrap_round_both_ways_and_say_where_they_are() {
        let stage = stage();
        let mut find = Find {
            text: "executive".into(),
            ..Find::default()
        };
        assert_eq!(
            find.step(&stage, -1).as_deref(),
            Some("cy"),
            "back from none: the last"
        );
        assert_eq!(find.status(), "2 of 2");
        assert_eq!(find.step(&stage, 1).as_deref(), Some("bob"), "wraps");
        assert_eq!(find.step(&stage, 1).as_deref(), Some("cy"));
        assert_eq!(find.status(), "2 of 2");
        find.edited();
        assert_eq!(find.status(), "Enter finds the next");
        find.text = "zzz".into();
        assert_eq!(find.step(&stage, 1), None);
        assert_eq!(find.current, None);
    }
}
