//! Findings told in plain words for captions, slides and handouts: what a
//! fixed finding means ("Dana Lee no longer leads and manages too many
//! people alone") and a new finding in a few words. Users read these; rule
//! ids stay in files, settings and the command line.

/// What it means that a finding of rule `id` went away; `{who}` stands for
/// the names of the members it was about.
fn settled_phrase(id: &str) -> Option<&'static str> {
    Some(match id {
        "marketing-reports-to-leader" => "{who} now reports to someone who leads",
        "marketing-alignment-owned" => "Someone who sets direction now owns marketing alignment",
        "marketing-collaboration" => "Marketing and the sales manager now work together",
        "reporting-cycle" => "The reporting lines no longer go round in a circle",
        "multiple-roots" => "The reporting lines form one tree again",
        "orphan" => "{who} now has a reporting or collaboration line",
        "self-link" => "{who} no longer has a line to themself",
        "span-of-control" => "{who} no longer has too many direct reports",
        "founder-led-shape" => "The owner leads and manages, as a founder-led stage has it",
        "split-roles-shape" => "The roles are split: the owner leads, a sales manager manages",
        "converged-shape" => "One growth leader now leads and manages",
        "owner-ceiling" => "{who} no longer manages day to day",
        "premature-convergence" => {
            "Convergence now stands on processes a sales manager installed first"
        }
        "manager-designs-process" => "A leader now designs the sales process",
        "manager-owns-alignment" => "A leader now owns alignment with marketing",
        "technical-scoping" => "Technical people are now brought into deals",
        "founder-overload" => "{who} no longer leads and manages too many people alone",
        "responsibility-uncovered" => "Every needed responsibility is held again",
        "function-hat-mismatch" => "{who}: title and responsibilities now agree",
        "responsibility-dropped" => "No responsibility is lost on the way any more",
        "convergence-readiness" => "The growth leader's development is no longer a gap",
        "capacity-short" => "The sellers can now carry the stage's target",
        "player-coach" => "{who} no longer sells and coaches a large team at once",
        _ => return None,
    })
}

/// The caption of a fixed finding of rule `id` about the members named
/// `names`, or, for a rule without a phrase, `fallback` (the finding's own
/// words).
pub fn settled_sentence(id: &str, names: &[String], fallback: &str) -> String {
    let Some(phrase) = settled_phrase(id) else {
        return short_sentence(fallback);
    };
    if !phrase.contains("{who}") {
        return phrase.to_owned();
    }
    if names.is_empty() {
        return short_sentence(fallback);
    }
    phrase.replace("{who}", &super::context::join_words(names.to_vec()))
}

/// A finding's message cut to its first clause (before ": " or "; "), for
/// a caption: "Dana Lee leads and manages 6 direct reports (more than 5)".
pub fn short_sentence(message: &str) -> String {
    let cut = [": ", "; "]
        .iter()
        .filter_map(|sep| message.find(sep))
        .min()
        .unwrap_or(message.len());
    message[..cut].trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn every_rule_has_a_phrase_in_words() {
        for rule in RULES {
            let phrase = settled_phrase(rule.id).unwrap_or_else(|| panic!("{}", rule.id));
            assert!(!phrase.contains(rule.id), "{phrase}");
            assert!(!phrase.contains('`'), "{phrase}");
        }
    }

    #[test]
    fn names_fill_the_phrase_and_a_missing_name_falls_back_to_the_message() {
        let names = ["Dana Lee".to_owned()];
        assert_eq!(
            settled_sentence("founder-overload", &names, "x"),
            "Dana Lee no longer leads and manages too many people alone"
        );
        assert_eq!(
            settled_sentence("orphan", &[], "Sam has no line: add one"),
            "Sam has no line"
        );
        assert_eq!(
            settled_sentence("no-such-rule", &names, "Odd; very"),
            "Odd",
            "an unknown rule keeps the finding's own words"
        );
    }

    #[test]
    fn a_short_sentence_is_the_first_clause() {
        assert_eq!(short_sentence("a b: c; d"), "a b");
        assert_eq!(short_sentence("a b; c: d"), "a b");
        assert_eq!(short_sentence("whole"), "whole");
    }
}
