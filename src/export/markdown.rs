//! Escaping user text for the Markdown report: only what Markdown would
//! read as markup gets a backslash, where it would read it, so "Founder-led",
//! "herself:" and "(Founder & CEO)" stay as typed while a name like
//! `| ** [x](javascript:…)` shows as that text and links nothing.

/// `text` as one line of Markdown that renders as exactly that text: no
/// emphasis, code, links, images, HTML, entities, table cells, or a block
/// (heading, list, quote) at the start of a line. Line breaks become
/// spaces; other control characters are dropped.
pub fn md_text(text: &str) -> String {
    let chars: Vec<char> = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let mut out = String::with_capacity(text.len() + 8);
    let start = chars.iter().take_while(|c| **c == ' ').count();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            // Emphasis, code, links, raw HTML, table cells, strikethrough:
            // meaningful anywhere.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            // An entity (`&amp;`, `&#60;`) only where a name or `#` follows.
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            // A link's target only right after `]` (and `]` is escaped, but
            // a reader should not even see `](`).
            '(' => i > 0 && chars[i - 1] == ']',
            // Block markers only at the start of the line.
            '#' | '-' | '+' | '=' => i == start,
            // "1. " or "1) " at the start is an ordered list.
            '.' | ')' => {
                i > start
                    && chars[start..i].iter().all(char::is_ascii_digit)
                    && next.is_none_or(|n| n == ' ')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    /// The text a Markdown renderer shows for `markdown`, or the markup
    /// it read (anything but plain text in a paragraph).
    fn rendered(markdown: &str) -> Result<String, String> {
        let mut text = String::new();
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::Start(Tag::Paragraph) | Event::End(_) => {}
                other => return Err(format!("{other:?} in {markdown:?}")),
            }
        }
        Ok(text)
    }

    #[test]
    fn ordinary_words_are_left_alone() {
        for plain in [
            "Founder-led",
            "Dana herself: vision (Founder & CEO)",
            "Sales 2.0 = growth!",
            "Q3 2027",
            "Split roles 2",
        ] {
            assert_eq!(md_text(plain), plain);
        }
    }

    #[test]
    fn hostile_text_renders_as_itself_and_nothing_else() {
        for hostile in [
            "<script>alert(1)</script>",
            "[click](javascript:alert(2)) # <img src=x>",
            "| ** [x](javascript:alert(1)) &amp; ",
            "# Heading",
            "- item",
            "+ item",
            "> quote",
            "1. first",
            "12) twelfth",
            "=== ",
            "`code` and ~~gone~~ and _em_ and *em*",
            "&#60;b&#62; & &copy;",
            "a\\*b\\",
            "![image](x.png)",
            "  - indented item",
        ] {
            let escaped = md_text(hostile);
            assert_eq!(
                rendered(&escaped).as_deref(),
                Ok(hostile.trim()),
                "{escaped}"
            );
        }
    }

    #[test]
    fn line_breaks_become_spaces_and_control_characters_go() {
        assert_eq!(md_text("a\nb\tc\u{1}d"), "a b cd");
    }
}
