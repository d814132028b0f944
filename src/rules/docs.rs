//! The rules explained in words, from docs/RULES.md, the one source for the
//! documentation and for the app's "Why?" and Learn views.

/// docs/RULES.md, built in.
pub const RULES_DOC: &str = include_str!("../../docs/RULES.md");

/// The section of docs/RULES.md that explains rule `id` (severity, what it
/// checks, why, the fix), without its heading.
pub fn rule_explanation(id: &str) -> Option<&'static str> {
    section(&format!("### `{id}`"))
}

/// The idea behind the rules, from docs/RULES.md: leadership and
/// management, the two families of responsibilities, and the three stages,
/// with the article's reasoning.
pub fn idea_behind_the_rules() -> Option<&'static str> {
    let idea = section("## The idea behind the rules")?;
    // Up to its first subsection (the words the rules use, settings).
    Some(idea.split("\n### ").next().unwrap_or(idea).trim())
}

/// The text under the heading line `heading` up to the next heading of the
/// same or a higher level.
fn section(heading: &str) -> Option<&'static str> {
    let level = heading.chars().take_while(|c| *c == '#').count();
    let start = RULES_DOC
        .match_indices(heading)
        .map(|(at, _)| at)
        .find(|at| *at == 0 || RULES_DOC[..*at].ends_with('\n'))?;
    let body_start = start + RULES_DOC[start..].find('\n')? + 1;
    let body = &RULES_DOC[body_start..];
    let end = body
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .find(|at| {
            let hashes = body[*at..].chars().take_while(|c| *c == '#').count();
            (1..=level).contains(&hashes) && body[*at + hashes..].starts_with(' ')
        })
        .unwrap_or(body.len());
    Some(body[..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn every_rule_has_its_explanation_and_no_more() {
        for rule in RULES {
            let text =
                rule_explanation(rule.id).unwrap_or_else(|| panic!("{} undocumented", rule.id));
            assert!(
                text.contains("**Default severity:**"),
                "{}: {text}",
                rule.id
            );
            assert!(text.contains("**Why:**"), "{}", rule.id);
            assert!(
                !text.contains("\n### "),
                "{}: runs into the next rule",
                rule.id
            );
        }
        let marketing = rule_explanation("marketing-reports-to-leader").unwrap();
        assert!(marketing.contains("typically only collaborates with the sales manager"));
        assert!(!marketing.contains("marketing-alignment-owned"));
        assert!(rule_explanation("no-such-rule").is_none());
    }

    #[test]
    fn the_idea_covers_both_families_and_the_three_stages() {
        let idea = idea_behind_the_rules().unwrap();
        for words in [
            "**Leadership**",
            "**Management**",
            "**Founder-led**",
            "**Split roles**",
            "**Converged**",
        ] {
            assert!(idea.contains(words), "{words}");
        }
        assert!(!idea.contains("## Marketing"));
        assert!(!idea.contains("Words the rules use"));
    }
}
