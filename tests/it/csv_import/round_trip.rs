//! Any stage written as a people list (`orgevo export --format csv`) reads
//! back as the same stage: ids, names, titles, functions, managers, tags,
//! collaboration lines, planned seats, numbers and notes, whatever the text
//! holds (commas, quotes, newlines, a leading `=`).

use orgevo::export::people_csv::stage_csv;
use orgevo::io::{CsvOptions, import_csv};
use orgevo::model::{Function, Link, LinkKind, Member, Stage, StageKind, Tag, YearMonth};
use proptest::prelude::*;

/// Text as people type it, trimmed (the import trims every value):
/// separators, quotes, newlines and formula starters inside.
fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Zé=+@'\\-\",;|0-9][a-zA-Zé=+@'\\-\",;| \n0-9]{0,12}[a-zA-Zé\",;|=0-9']",
        "[=+@\\-'][a-z]{0,4}",
    ]
}

fn arb_id() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9=+@'_.\\-]{1,6}"
}

fn arb_member(id: String) -> impl Strategy<Value = Member> {
    let amount = prop_oneof![
        (0u32..10_000_000).prop_map(f64::from),
        (0u32..10_000_000).prop_map(|c| f64::from(c) / 100.0),
    ];
    (
        (
            arb_text(),
            arb_text(),
            0..Function::ALL.len(),
            any::<bool>(),
            arb_text(),
        ),
        prop::collection::btree_set(
            prop_oneof![
                (0..12usize).prop_map(|i| Tag::Core(orgevo::model::Responsibility::ALL[i])
                    .as_str()
                    .to_owned()),
                "[a-z][a-z0-9-]{0,8}",
            ],
            0..4,
        ),
        prop::option::of(amount.clone()),
        prop::option::of(amount),
        prop::option::of((1900u16..2100, 1u8..=12)),
    )
        .prop_map(
            move |((name, title, f, planned, notes), tags, cost, quota, start)| {
                let mut m = Member::new(id.clone(), name, Function::ALL[f]);
                m.title = title;
                m.planned = planned;
                m.notes = notes;
                m.tags = tags.iter().map(|t| Tag::parse(t)).collect();
                m.cost = cost;
                m.quota = quota;
                m.start = start.and_then(|(y, mo)| YearMonth::new(y, mo));
                m
            },
        )
}

fn arb_stage() -> impl Strategy<Value = Stage> {
    prop::collection::btree_set(arb_id(), 1..12)
        .prop_flat_map(|ids| {
            let ids: Vec<String> = ids.into_iter().collect();
            let n = ids.len();
            (
                ids.iter()
                    .map(|id| arb_member(id.clone()))
                    .collect::<Vec<_>>(),
                prop::collection::vec(prop::option::of(any::<prop::sample::Index>()), n),
                prop::collection::vec(
                    (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
                    0..6,
                ),
            )
        })
        .prop_map(|(members, managers, collaborations)| {
            let mut stage = Stage::new("s", "S", StageKind::Custom);
            let ids: Vec<String> = members.iter().map(|m| m.id.clone()).collect();
            for m in members {
                stage.add_member(m).unwrap();
            }
            // Each member reports to an earlier one (a forest), or to nobody.
            for (i, manager) in managers.iter().enumerate().skip(1) {
                if let Some(m) = manager {
                    let link = Link::new(&ids[i], &ids[m.index(i)], LinkKind::ReportsTo);
                    stage.add_link(&link).unwrap();
                }
            }
            for (a, b) in collaborations {
                let (a, b) = (&ids[a.index(ids.len())], &ids[b.index(ids.len())]);
                let there = stage
                    .find_link(&Link::new(a, b, LinkKind::CollaboratesWith))
                    .is_some()
                    || stage
                        .find_link(&Link::new(b, a, LinkKind::CollaboratesWith))
                        .is_some();
                if a != b && !there {
                    stage
                        .add_link(&Link::new(a, b, LinkKind::CollaboratesWith))
                        .unwrap();
                }
            }
            stage
        })
}

/// Everything a people list holds about a member, in comparable form.
fn people(stage: &Stage) -> Vec<(Member, Option<String>)> {
    stage
        .members()
        .map(|m| {
            let m = m.clone();
            let manager = stage.manager_of(&m.id).map(|b| b.id.clone());
            (m, manager)
        })
        .collect()
}

fn collaborations(stage: &Stage) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = stage
        .links()
        .filter(|l| l.kind == LinkKind::CollaboratesWith)
        .map(|l| {
            if l.from < l.to {
                (l.from, l.to)
            } else {
                (l.to, l.from)
            }
        })
        .collect();
    lines.sort();
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_stage_exported_to_csv_imports_back_equal(stage in arb_stage()) {
        let csv = stage_csv(&stage).unwrap();
        let back = match import_csv(&csv, &CsvOptions::default()) {
            Ok(imported) => imported.stage,
            Err(e) => {
                return Err(TestCaseError::fail(format!("{e}\n{}", String::from_utf8_lossy(&csv))));
            }
        };
        prop_assert_eq!(people(&back), people(&stage));
        prop_assert_eq!(collaborations(&back), collaborations(&stage));
    }
}

#[test]
fn formula_text_is_protected_in_the_file_and_restored_on_import() {
    let mut stage = Stage::new("s", "S", StageKind::Custom);
    let mut m = Member::new("=1+1", "=HYPERLINK(\"x\")", Function::Sales);
    m.title = "@SUM(A1)".into();
    m.notes = "'quoted\nand more".into();
    stage.add_member(m).unwrap();
    let csv = String::from_utf8(stage_csv(&stage).unwrap()).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("'=1+1,\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1)"),
        "{row}"
    );
    assert!(csv.contains("\"''quoted\nand more\""), "{csv}");
    let back = import_csv(csv.as_bytes(), &CsvOptions::default())
        .unwrap()
        .stage;
    assert_eq!(people(&back), people(&stage));
}
