//! Captions for present mode: the changes of a stage told in a few lines,
//! related changes grouped, findings fixed and introduced always shown.

use super::{Change, StageDiff, Who};

impl StageDiff {
    /// Up to `n` one-line captions for a presentation, most important
    /// first: role merges, one line per giver and taker of hand-overs,
    /// hires, new members, one line per new manager, leavers. Findings fixed
    /// and introduced always get their lines (one each) when there are any,
    /// taking the last places if the story is longer.
    pub fn captions(&self, n: usize) -> Vec<String> {
        let findings = self.finding_captions();
        let mut lines = self.story_captions();
        lines.truncate(n.saturating_sub(findings.len()));
        lines.extend(findings);
        lines.truncate(n);
        lines
    }

    fn story_captions(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .changes
            .iter()
            .filter(|c| matches!(c, Change::RoleMerge { .. }))
            .map(Change::text)
            .collect();
        let mut hand_overs: Vec<(&Who, &Who, Vec<String>)> = Vec::new();
        for change in &self.changes {
            if let Change::HandOver { tag, from, to } = change {
                let tag = super::change::tag_word(tag);
                match hand_overs
                    .iter_mut()
                    .find(|(f, t, _)| f.id == from.id && t.id == to.id)
                {
                    Some((_, _, tags)) => tags.push(tag),
                    None => hand_overs.push((from, to, vec![tag])),
                }
            }
        }
        for (from, to, tags) in hand_overs {
            lines.push(format!(
                "{} hands {} to {}",
                from.name,
                join(&tags, 6),
                to.name
            ));
        }
        let names = |pick: fn(&Change) -> Option<&Who>| -> Vec<String> {
            self.changes
                .iter()
                .filter_map(pick)
                .map(|w| w.name.clone())
                .collect()
        };
        let hired = names(|c| match c {
            Change::HireFilled { member } => Some(member),
            _ => None,
        });
        if !hired.is_empty() {
            lines.push(format!("Hired (was planned): {}", join(&hired, 4)));
        }
        let added = names(|c| match c {
            Change::Added { member, .. } => Some(member),
            _ => None,
        });
        if !added.is_empty() {
            lines.push(format!("New: {}", join(&added, 4)));
        }
        let mut moved: Vec<(Option<&Who>, Vec<String>)> = Vec::new();
        for change in &self.changes {
            if let Change::Moved {
                member,
                new_manager,
                ..
            } = change
            {
                let key = new_manager.as_ref();
                match moved
                    .iter_mut()
                    .find(|(m, _)| m.map(|w| &w.id) == key.map(|w| &w.id))
                {
                    Some((_, names)) => names.push(member.name.clone()),
                    None => moved.push((key, vec![member.name.clone()])),
                }
            }
        }
        for (manager, names) in moved {
            let to = manager.map_or("nobody".to_owned(), |w| w.name.clone());
            lines.push(format!("Now reporting to {to}: {}", join(&names, 4)));
        }
        let removed = names(|c| match c {
            Change::Removed { member } => Some(member),
            _ => None,
        });
        if !removed.is_empty() {
            lines.push(format!("Leaving: {}", join(&removed, 4)));
        }
        lines
    }

    /// "Fixed: Dana Lee no longer leads and manages too many people alone"
    /// and "New finding: …", in words (never rule ids): the first of each,
    /// with how many more.
    fn finding_captions(&self) -> Vec<String> {
        let mut fixed: Vec<&str> = Vec::new();
        let mut introduced: Vec<&str> = Vec::new();
        for change in &self.changes {
            let (list, sentence) = match change {
                Change::FindingFixed { sentence, .. } => (&mut fixed, sentence),
                Change::FindingIntroduced { sentence, .. } => (&mut introduced, sentence),
                _ => continue,
            };
            if !list.contains(&sentence.as_str()) {
                list.push(sentence);
            }
        }
        let with_more = |list: &[&str]| match list {
            [first] => (*first).to_owned(),
            [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
            [] => String::new(),
        };
        let mut lines = Vec::new();
        if !fixed.is_empty() {
            lines.push(format!("Fixed: {}", with_more(&fixed)));
        }
        if !introduced.is_empty() {
            lines.push(format!("New finding: {}", with_more(&introduced)));
        }
        lines
    }
}

/// "a, b and c", or "a, b, c and 5 more" past `max` items.
pub(super) fn join(items: &[String], max: usize) -> String {
    if items.len() > max {
        return format!("{} and {} more", items[..max].join(", "), items.len() - max);
    }
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
