//! Random changes to a file's bytes, shared by the fuzz property tests and
//! `examples/fuzz.rs`: bytes set, pieces deleted, copied or inserted.

/// Pieces worth inserting: JSON structure, schema words, awkward text.
pub const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    ";",
    "\n",
    "\r\n",
    "null",
    "true",
    "-1",
    "1e999",
    "0.5",
    "\"\"",
    "\"reports-to\"",
    "\"collaborates-with\"",
    "\"owner\"",
    "\"m0\"",
    "\"id\": \"x\"",
    "\\u0000",
    "\\ud800",
    "\u{feff}",
    "\u{2028}",
    "[[[[[[[[",
    "\"\"\"",
    "manager_id",
    "parentId",
    "vision;rigor",
    "Marketing",
];

/// Applies one to six changes to `input`; `below(n)` picks a number below
/// `n` (from a generator, or from proptest's choices).
pub fn mutate(input: &mut Vec<u8>, below: &mut dyn FnMut(usize) -> usize) {
    for _ in 0..1 + below(6) {
        let at = below(input.len() + 1);
        match below(4) {
            0 if !input.is_empty() => {
                let i = at.min(input.len() - 1);
                input[i] = below(256) as u8;
            }
            1 => {
                let end = (at + 1 + below(64)).min(input.len());
                input.drain(at..end);
            }
            2 => {
                let from = below(input.len() + 1);
                let end = (from + 1 + below(256)).min(input.len());
                let piece = input[from..end].to_vec();
                input.splice(at..at, piece);
            }
            _ => {
                let piece = PIECES[below(PIECES.len())];
                input.splice(at..at, piece.bytes());
            }
        }
    }
}
