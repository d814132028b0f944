//! Every kind of bad plan file, with the words its error must contain:
//! shared by the command-line tests and the app's tests, so both refuse the
//! same list.

/// The good example every bad file is made from.
pub const GOOD: &str = include_str!("../../examples/plans/acme-evolution.orgevo.json");

/// A bad file and the words its error names.
pub struct BadFile {
    /// What is wrong, for failure messages.
    pub what: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Words the error must contain.
    pub tokens: Vec<String>,
}

/// The good example with one textual substitution applied.
pub fn edited(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "test fixture lacks {from}");
    GOOD.replacen(from, to, 1)
}

fn bad(what: &'static str, bytes: impl Into<Vec<u8>>, tokens: &[&str]) -> BadFile {
    BadFile {
        what,
        bytes: bytes.into(),
        tokens: tokens.iter().map(|t| (*t).to_owned()).collect(),
    }
}

/// Every kind of bad input.
pub fn bad_files() -> Vec<BadFile> {
    let mut files = vec![
        bad(
            "a collaboration line written both ways",
            edited(
                "\"links\": [",
                "\"links\": [\n        {\"from\": \"sam\", \"to\": \"ria\", \"kind\": \"collaborates-with\"},\n        {\"from\": \"ria\", \"to\": \"sam\", \"kind\": \"collaborates-with\"},",
            ),
            &[
                "`today`",
                "line 2",
                "`ria` collaborates with `sam`",
                "no direction",
            ],
        ),
        bad(
            "an after naming a later stage",
            edited(
                "\"id\": \"split\",",
                "\"id\": \"split\", \"after\": \"scale\",",
            ),
            &["stage `split`", "`scale`", "earlier stage"],
        ),
        bad(
            "an after naming no stage",
            edited(
                "\"id\": \"scale\",",
                "\"id\": \"scale\", \"after\": \"nowhere\",",
            ),
            &["stage `scale`", "`nowhere`"],
        ),
        bad(
            "an unknown rule",
            edited(
                "\"max_direct_reports\": 8",
                "\"max_direct_reports\": 8, \"rules\": {\"span-of-control\": \"off\", \"be-nice\": \"error\"}",
            ),
            &["settings.rules", "`be-nice`", "span-of-control"],
        ),
        bad(
            "an unknown rule level",
            edited(
                "\"max_direct_reports\": 8",
                "\"max_direct_reports\": 8, \"rules\": {\"span-of-control\": \"loud\"}",
            ),
            &["`span-of-control`", "`loud`", "off, info, warning, error"],
        ),
        bad(
            "a negative cost",
            edited("\"id\": \"sam\",", "\"id\": \"sam\", \"cost\": -5,"),
            &["stage `today`", "member `sam`", "`cost`", "-5"],
        ),
        bad(
            "a quota that is not a number",
            edited("\"id\": \"sam\",", "\"id\": \"sam\", \"quota\": \"lots\","),
            &["stage `today`", "member `sam`", "`quota`", "\"lots\""],
        ),
        bad(
            "a cost too large to be finite",
            edited("\"id\": \"sam\",", "\"id\": \"sam\", \"cost\": 1e999,"),
            &["line 40"],
        ),
        bad(
            "a start that is not YYYY-MM",
            edited(
                "\"id\": \"sam\",",
                "\"id\": \"sam\", \"start\": \"2027-13\",",
            ),
            &[
                "stage `today`",
                "member `sam`",
                "`start`",
                "\"2027-13\"",
                "YYYY-MM",
            ],
        ),
        bad(
            "a start written as a date",
            edited(
                "\"id\": \"sam\",",
                "\"id\": \"sam\", \"start\": \"March 2027\",",
            ),
            &["member `sam`", "`start`", "\"March 2027\""],
        ),
        bad(
            "a negative stage target",
            edited("\"id\": \"split\",", "\"id\": \"split\", \"target\": -5,"),
            &["stage `split`", "`target`", "-5"],
        ),
        bad(
            "a stage target written as words",
            edited(
                "\"id\": \"split\",",
                "\"id\": \"split\", \"target\": \"lots\",",
            ),
            &["stage `split`", "`target`", "\"lots\""],
        ),
        bad(
            "a stage layout style that does not exist",
            edited(
                "\"id\": \"split\",",
                "\"id\": \"split\", \"layout\": \"diagonal\",",
            ),
            &["stage `split`", "`layout`", "\"diagonal\"", "left-right"],
        ),
        bad(
            "a currency that is no ISO code",
            edited(
                "\"max_direct_reports\": 8,",
                "\"max_direct_reports\": 8, \"currency\": \"dollars\",",
            ),
            &["settings", "`currency`", "\"dollars\""],
        ),
        bad(
            "negative ramp months",
            edited(
                "\"max_direct_reports\": 8,",
                "\"max_direct_reports\": 8, \"ramp_months\": -1,",
            ),
            &["settings.ramp_months", "-1"],
        ),
        bad(
            "malformed JSON",
            "{\n  \"format\": \"orgevo\",\n  \"version\" 1\n}",
            &["line 3", "column 13"],
        ),
        bad(
            "another format",
            edited("\"format\": \"orgevo\"", "\"format\": \"visio\""),
            &["\"visio\""],
        ),
        bad(
            "a newer version",
            edited("\"version\": 2", "\"version\": 7"),
            &["version 7"],
        ),
        bad(
            "a duplicate member",
            edited("\"id\": \"sam\"", "\"id\": \"dana\""),
            &["`dana`", "`today`"],
        ),
        bad(
            "a line to an unknown member",
            edited("\"from\": \"sam\"", "\"from\": \"ghost\""),
            &["`ghost`"],
        ),
        bad(
            "a second manager",
            edited(
                "\"links\": [",
                "\"links\": [\n        {\"from\": \"sam\", \"to\": \"ria\", \"kind\": \"reports-to\"},",
            ),
            &["`sam`", "at most one manager"],
        ),
        bad(
            "an unknown function",
            edited("\"function\": \"sales\"", "\"function\": \"wizard\""),
            &["`wizard`", "`sam`"],
        ),
        bad(
            "an unknown stage kind",
            edited("\"kind\": \"founder-led\"", "\"kind\": \"garage-band\""),
            &["`garage-band`", "`today`"],
        ),
        bad(
            "an unknown line kind",
            edited("\"kind\": \"reports-to\"", "\"kind\": \"admires\""),
            &["`admires`"],
        ),
        bad("an empty file", "", &["empty"]),
        bad("only whitespace", "  \n\t ", &["empty"]),
        bad(
            "binary data",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe],
            &["not UTF-8", "0x89"],
        ),
        bad("a NUL byte", "{\"format\": \0}", &["NUL"]),
        bad(
            "UTF-16 with a byte order mark",
            [0xFF, 0xFE]
                .into_iter()
                .chain(GOOD.encode_utf16().flat_map(u16::to_le_bytes))
                .collect::<Vec<u8>>(),
            &["UTF-16"],
        ),
        bad(
            "UTF-16 without a byte order mark",
            GOOD.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            &["UTF-16"],
        ),
        bad("deep nesting", "[".repeat(100_000), &["nested too deeply"]),
        bad("an array", "[1, 2, 3]", &["an array"]),
        bad("a string", "\"orgevo\"", &["a string"]),
        bad("a number", "42", &["a number"]),
        bad(
            "a wrong type",
            edited(
                "\"max_direct_reports\": 8",
                "\"max_direct_reports\": \"eight\"",
            ),
            &["settings.max_direct_reports", "line"],
        ),
        bad(
            "lines of the wrong type",
            edited("\"links\": [", "\"links\": null, \"old_links\": ["),
            &["stages[0].links", "null", "line"],
        ),
        bad(
            "a member field of the wrong type",
            edited("\"function\": \"owner\"", "\"function\": 7"),
            &["stages[0].members[0].function", "line"],
        ),
        bad(
            "a text over the limit",
            edited(
                "\"notes\": \"\"",
                &format!("\"notes\": \"{}\"", "x".repeat(10_001)),
            ),
            &["`today`", "notes", "limit is 10,000"],
        ),
    ];
    for pos in ["[1]", "[1,2,3]", "[\"a\",2]", "\"left\"", "[1e+39,0]"] {
        files.push(BadFile {
            what: "a malformed position",
            bytes: edited(
                "\"notes\": \"\"\n        }",
                &format!("\"notes\": \"\", \"pos\": {pos}\n        }}"),
            )
            .into_bytes(),
            tokens: vec!["`pos`".into(), "`dana`".into(), pos.into()],
        });
    }
    files
}
