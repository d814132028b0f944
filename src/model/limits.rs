//! How big a plan may get. A file or an edit past a limit is refused with a
//! message that names the limit, instead of exhausting memory; the same
//! limits hold for files, people lists and edits, so whatever the app saves
//! loads again.

/// The largest plan file or people list read, in bytes (256 MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// The most members in one stage (and people in one list).
pub const MAX_MEMBERS: usize = 1_000_000;
/// The most stages in one plan.
pub const MAX_STAGES: usize = 1_000;
/// The longest text (a name, a title, notes, an id, a tag), in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The length in characters of `text` when it is over [`MAX_TEXT_CHARS`].
pub fn too_long(text: &str) -> Option<usize> {
    // A text of at most that many bytes has at most that many characters.
    if text.len() <= MAX_TEXT_CHARS {
        return None;
    }
    let chars = text.chars().count();
    (chars > MAX_TEXT_CHARS).then_some(chars)
}

/// A number with thousands separators, for limit messages ("10,000").
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_measured_in_characters() {
        assert_eq!(too_long(&"a".repeat(MAX_TEXT_CHARS)), None);
        assert_eq!(too_long(&"a".repeat(MAX_TEXT_CHARS + 1)), Some(10_001));
        // Many bytes, few characters.
        assert_eq!(too_long(&"ü".repeat(MAX_TEXT_CHARS)), None);
        assert_eq!(too_long(&"ü".repeat(MAX_TEXT_CHARS + 2)), Some(10_002));
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(268_435_456), "268,435,456");
    }
}
