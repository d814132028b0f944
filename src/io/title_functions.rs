//! The function a job title reads as, for people lists that name no
//! function: the first matching line of a table (whole words, case
//! ignored), with the user's own lines on top.

use crate::model::Function;

/// One line of the title table: any of `phrases` in a title means
/// `function`.
struct Line {
    function: Function,
    phrases: &'static [&'static str],
}

/// The built-in table of DESIGN.md "Import (CSV)", in the order it is
/// tried. "president" means the owner only when "vice" is not before it.
const TABLE: &[Line] = &[
    Line {
        function: Function::Owner,
        phrases: &[
            "ceo",
            "chief executive",
            "founder",
            "co-founder",
            "owner",
            "managing director",
            "president",
        ],
    },
    Line {
        function: Function::SalesLeader,
        phrases: &[
            "vp sales",
            "vp of sales",
            "vice president sales",
            "vice president of sales",
            "head of sales",
            "sales director",
            "director of sales",
            "chief revenue officer",
            "cro",
            "chief sales officer",
        ],
    },
    Line {
        function: Function::GrowthLeader,
        phrases: &[
            "growth leader",
            "head of growth",
            "vp growth",
            "vp of growth",
            "chief growth officer",
        ],
    },
    Line {
        function: Function::SalesManager,
        phrases: &[
            "sales manager",
            "sales team lead",
            "sales lead",
            "sdr manager",
            "bdr manager",
            "sales development manager",
        ],
    },
    Line {
        function: Function::Technical,
        phrases: &[
            "sales engineer",
            "solutions engineer",
            "solution architect",
            "solutions architect",
            "pre-sales",
            "presales",
            "solutions consultant",
        ],
    },
    Line {
        function: Function::Operations,
        phrases: &[
            "sales operations",
            "sales ops",
            "revenue operations",
            "revops",
        ],
    },
    Line {
        function: Function::Marketing,
        phrases: &[
            "marketing",
            "cmo",
            "brand",
            "demand generation",
            "content",
            "communications",
        ],
    },
    Line {
        function: Function::ServiceDelivery,
        phrases: &[
            "customer success",
            "service delivery",
            "implementation",
            "onboarding",
            "support",
        ],
    },
    Line {
        function: Function::Sales,
        phrases: &[
            "account executive",
            "sales representative",
            "sales rep",
            "sdr",
            "bdr",
            "sales development",
            "business development",
            "account manager",
            "salesperson",
        ],
    },
];

/// How titles turn into functions for one import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleRules {
    /// The user's own lines (`--title-map TEXT=FUNCTION`), tried first.
    pub extra: Vec<(String, Function)>,
    /// Whether the built-in table is used (`--no-title-rules` turns it off).
    pub builtin: bool,
}

impl Default for TitleRules {
    fn default() -> Self {
        Self {
            extra: Vec::new(),
            builtin: true,
        }
    }
}

impl TitleRules {
    /// The function `title` reads as, if any line matches.
    pub fn function_of(&self, title: &str) -> Option<Function> {
        let words = words(title);
        if words.is_empty() {
            return None;
        }
        let own = self
            .extra
            .iter()
            .find(|(text, _)| contains_phrase(&words, &self::words(text)))
            .map(|(_, f)| *f);
        own.or_else(|| self.builtin.then(|| builtin_function(&words)).flatten())
    }
}

/// The table's phrases as words, split once.
static TABLE_WORDS: std::sync::LazyLock<Vec<(Vec<Vec<String>>, Function)>> =
    std::sync::LazyLock::new(|| {
        TABLE
            .iter()
            .map(|line| {
                (
                    line.phrases.iter().map(|p| words(p)).collect(),
                    line.function,
                )
            })
            .collect()
    });

fn builtin_function(words: &[String]) -> Option<Function> {
    TABLE_WORDS
        .iter()
        .find(|(phrases, _)| {
            phrases.iter().any(|phrase| {
                if phrase == &["president"] {
                    // "Vice President, Administration" is not the owner.
                    return positions_of(words, phrase)
                        .any(|at| at == 0 || words[at - 1] != "vice");
                }
                contains_phrase(words, phrase)
            })
        })
        .map(|(_, function)| *function)
}

/// The lowercase words of a text: runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the title word `word` is the phrase word `wanted`, or its plural
/// ("Account Executives").
fn same_word(word: &str, wanted: &str) -> bool {
    word == wanted || word.strip_suffix('s') == Some(wanted)
}

fn positions_of<'a>(words: &'a [String], phrase: &'a [String]) -> impl Iterator<Item = usize> + 'a {
    let n = phrase.len();
    (0..words.len().saturating_sub(n.saturating_sub(1)))
        .filter(move |&at| n > 0 && at + n <= words.len())
        .filter(move |&at| (0..n).all(|k| same_word(&words[at + k], &phrase[k])))
}

fn contains_phrase(words: &[String], phrase: &[String]) -> bool {
    positions_of(words, phrase).next().is_some()
}

#[cfg(test)]
mod tests;
