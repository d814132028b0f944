//! CSV import: any column order, rows before their managers, quoted commas,
//! a BOM, `;`, HR column names and explicit mappings; every error names its
//! row and column and writes nothing; an import passes `orgevo check`.

use crate::common;
mod hr_exports;
mod round_trip;

use orgevo::io::{CsvOptions, Field, import_csv};
use orgevo::model::Function;

fn import(text: &str) -> orgevo::io::CsvImport {
    import_csv(text.as_bytes(), &CsvOptions::default()).unwrap()
}

fn error(text: &str) -> String {
    import_csv(text.as_bytes(), &CsvOptions::default())
        .unwrap_err()
        .to_string()
}

#[test]
fn shuffled_rows_quoted_commas_bom_and_semicolons() {
    let text = "\u{feff}manager_id,title,name,id,function,tags,planned\n\
                boss,\"Sales, EMEA\",\"Ortiz, Sam\",sam,sales,closing,no\n\
                ,Founder,Dana Lee,boss,owner,vision;metrics,\n\
                boss,Marketing Lead,Priya,priya,marketing,,yes\n";
    let stage = import(text).stage;
    assert_eq!(stage.member_count(), 3);
    let sam = stage.member("sam").unwrap();
    assert_eq!(sam.name, "Ortiz, Sam");
    assert_eq!(sam.title, "Sales, EMEA");
    assert_eq!(stage.manager_of("sam").unwrap().id, "boss");
    assert!(stage.member("priya").unwrap().planned);
    assert_eq!(stage.member("boss").unwrap().tags.len(), 2);
    assert!(stage.all_placed(), "laid out");
    let semicolons = "id;name;manager_id;tags\nboss;Dana;;vision;metrics\n";
    // With `;` as the separator a `;` tag list must be quoted.
    let err = error(semicolons);
    assert!(err.contains("row 2") && err.contains("quote"), "{err}");
    let semicolons = "id;name;manager_id;tags\nboss;Dana;;\"vision;metrics\"\nae;Sam;boss;\n";
    let stage = import(semicolons).stage;
    assert_eq!(stage.member("boss").unwrap().tags.len(), 2);
    assert_eq!(stage.manager_of("ae").unwrap().id, "boss");
}

#[test]
fn an_hr_export_imports_without_any_flag() {
    let text = "Employee ID,First Name,Last Name,parentId,Job Title,Department,Salary,Start Date\n\
                7,Ada,Byron,,Chief Executive,Executive,250000,2019-01-01\n\
                12,Sam,Ortiz,7,Account Executive,Sales,90000,2021-03-01\n\
                13,Priya,Nair,7,Marketing Lead,Marketing,95000,2021-05-01\n\
                14,Kai,Müller,7,Head of Customer Success,Customer Success,99000,2022-01-10\n\
                15,Eli,Stone,12,Sales Engineer,Pre-Sales,98000,2023-02-01\n";
    let imported = import(text);
    let stage = &imported.stage;
    assert_eq!(stage.member("12").unwrap().name, "Sam Ortiz");
    assert_eq!(stage.member("12").unwrap().title, "Account Executive");
    assert_eq!(stage.member("12").unwrap().function, Function::Sales);
    assert_eq!(stage.member("13").unwrap().function, Function::Marketing);
    assert_eq!(
        stage.member("14").unwrap().function,
        Function::ServiceDelivery
    );
    assert_eq!(stage.member("15").unwrap().function, Function::Technical);
    // "Chief Executive" reads as the owner by the title table (DESIGN.md),
    // before the department, which the table does not know.
    assert_eq!(stage.member("7").unwrap().function, Function::Owner);
    assert_eq!(stage.member("7").unwrap().cost, Some(250_000.0));
    assert_eq!(
        stage.member("14").unwrap().start,
        orgevo::model::YearMonth::new(2022, 1)
    );
    assert_eq!(stage.manager_of("15").unwrap().id, "12");
    assert!(
        imported
            .notices
            .iter()
            .all(|n| !n.contains("Salary") && !n.contains("Start Date")),
        "salary and start date are imported: {:?}",
        imported.notices
    );
}

#[test]
fn explicit_mappings_override_the_recognised_names() {
    let text = "key,who,boss,unit\n1,Dana,,Leadership\n2,Sam,1,Revenue\n";
    let options = CsvOptions {
        columns: vec![
            (Field::Id, "key".into()),
            (Field::Name, "who".into()),
            (Field::Manager, "boss".into()),
            (Field::Department, "unit".into()),
        ],
        function_map: vec![
            ("Leadership".into(), Function::Owner),
            ("revenue".into(), Function::Sales),
        ],
        ..CsvOptions::default()
    };
    let stage = import_csv(text.as_bytes(), &options).unwrap().stage;
    assert_eq!(stage.member("1").unwrap().function, Function::Owner);
    assert_eq!(stage.member("2").unwrap().function, Function::Sales);
    assert_eq!(stage.manager_of("2").unwrap().id, "1");
}

#[test]
fn each_error_names_its_row_and_column() {
    let cases = [
        (
            "id,name,manager_id\na,A,\nb,B,zz\n",
            "row 3, column `manager_id`",
            "unknown manager id `zz`",
        ),
        (
            "id,name,manager_id\na,A,\na,B,\n",
            "row 3, column `id`",
            "duplicate id `a` (first on row 2)",
        ),
        (
            "id,name,manager_id\na,A,c\nb,B,a\nc,C,b\n",
            "row 2, column `manager_id`",
            "reporting cycle",
        ),
        (
            "id,name,manager_id,function\na,A,,wizard\n",
            "row 2, column `function`",
            "unknown function `wizard`",
        ),
        (
            "id,name,manager_id,tags\na,A,,vision;;metrics\n",
            "row 2, column `tags`",
            "bad tag list",
        ),
        (
            "id,name,manager_id,planned\na,A,,perhaps\n",
            "row 2, column `planned`",
            "`perhaps`",
        ),
        ("id,name\na,A\n", "row 1", "no `manager_id` column"),
        (
            "id,name,manager_id\n,A,\n",
            "row 2, column `id`",
            "the id is empty",
        ),
    ];
    for (text, place, what) in cases {
        let err = error(text);
        assert!(err.contains(place) && err.contains(what), "{text:?}: {err}");
    }
}

#[test]
fn orgevo_import_writes_a_plan_that_check_reads_and_nothing_on_error() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "id,name,manager_id,title,function,tags\n\
         dana,Dana Lee,,Founder,owner,vision;strategy;execution;metrics\n\
         sam,Sam Ortiz,dana,AE,sales,\n\
         mk,Priya Nair,sam,Marketing,marketing,\n",
    )
    .unwrap();
    let plan = dir.path().join("plan.orgevo.json");
    let (code, stdout, stderr) = common::orgevo(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        plan.to_str().unwrap(),
        "--kind",
        "founder-led",
        "--name",
        "Acme today",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("imported 3 people"), "{stdout}");
    let (code, stdout, _) = common::orgevo(&["check", plan.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("Acme today (acme-today, founder-led)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("marketing-alignment-owned"),
        "the rules ran: {stdout}"
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,name,manager_id\na,A,ghost\n").unwrap();
    let out = dir.path().join("never.orgevo.json");
    let (code, _, stderr) =
        common::orgevo(&["import", bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bad.csv: row 2, column `manager_id`: unknown manager id `ghost`"),
        "{stderr}"
    );
    assert!(!out.exists());

    let (code, _, stderr) = common::orgevo(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--column",
        "boss=Manager",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("unknown field `boss`"), "{stderr}");
}

#[test]
fn orgevo_layout_writes_positions_breadth_first() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "id,name,manager_id\nc,C,b\nb,B,a\na,A,\nd,D,a\n").unwrap();
    let out = dir.path().join("positions.json");
    let (code, _, stderr) =
        common::orgevo(&["layout", csv.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let positions: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let ids: Vec<&str> = positions
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b", "d", "c"]);
    let y = |id: &str| {
        positions.iter().find(|p| p["id"] == id).unwrap()["y"]
            .as_f64()
            .unwrap()
    };
    assert!(y("a") < y("b") && y("b") < y("c") && (y("b") - y("d")).abs() < 1e-6);
}

#[test]
fn a_people_list_is_laid_out_as_its_imported_plan_is() {
    // Big enough to be written in pieces on all cores, shuffled so that
    // reports come before their managers, with ids that need escaping.
    let dir = tempfile::tempdir().unwrap();
    let n = 25_000;
    let mut rows: Vec<String> = (0..n)
        .map(|i| {
            let manager = if i == 0 {
                String::new()
            } else {
                format!("p\"\"{}", (i - 1) / 6)
            };
            format!("\"p\"\"{i}\",Person {i},\"{manager}\",Title {}", i % 7)
        })
        .collect();
    rows.reverse();
    rows.swap(5, n / 2);
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        format!("id,name,manager,title\n{}\n", rows.join("\n")),
    )
    .unwrap();
    let plan = dir.path().join("people.orgevo.json");
    let (code, _, stderr) = common::orgevo(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let layout = |file: &std::path::Path, out: &str| {
        let out = dir.path().join(out);
        let (code, _, stderr) = common::orgevo(&[
            "layout",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        let text = std::fs::read_to_string(out).unwrap();
        serde_json::from_str::<Vec<serde_json::Value>>(&text).unwrap()
    };
    let (from_csv, from_plan) = (layout(&csv, "a.json"), layout(&plan, "b.json"));
    assert_eq!(from_csv.len(), n);
    assert_eq!(from_csv, from_plan);
    // The head first, then their reports in file order (reversed here).
    assert_eq!(from_csv[0]["id"], "p\"0");
    assert_eq!(from_csv[1]["id"], "p\"6");
}

/// Text that looks like a people list: a header from the names HR tools use
/// (or not), then rows of ids, names, quotes, separators and lists.
fn arb_people_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let header = prop::sample::select(vec![
        "id,name,manager_id",
        "id,name,manager_id,title,function,tags,collaborates_with,planned",
        "employeeId;firstName;lastName;parentId;department;job_title",
        "\u{feff}id,name,reports_to,department",
        "name,id",
        "",
    ]);
    let field = prop::sample::select(vec![
        "",
        "a",
        "b",
        "c",
        "1",
        "2",
        "a;b",
        "sales",
        "Marketing",
        "astrology",
        "vision;rigor",
        "vision;;x",
        "yes",
        "maybe",
        "\"q,u\"\"o\"",
        "\"",
        " ",
        "ü",
        "\r",
        "x y",
    ]);
    let row = prop::collection::vec(field, 0..9);
    (
        header,
        prop::collection::vec(row, 0..12),
        prop::sample::select(vec![",", ";"]),
    )
        .prop_map(|(header, rows, sep)| {
            let mut text = header.to_owned();
            for row in rows {
                text.push('\n');
                text.push_str(&row.join(sep));
            }
            text
        })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]

    #[test]
    fn any_text_imports_or_names_its_row(text in arb_people_text()) {
        // The csv reader ends a record at `\n`, `\r` or both.
        let lines = text.split(['\n', '\r']).count();
        match import_csv(text.as_bytes(), &CsvOptions::default()) {
            Ok(import) => {
                proptest::prop_assert!(import.stage.member_count() < lines.max(1));
                proptest::prop_assert!(import.stage.all_placed());
            }
            Err(e) => {
                proptest::prop_assert!(!e.message.is_empty());
                proptest::prop_assert!(e.row.is_none_or(|row| row <= lines + 1), "{e}");
                // A column it names is one of the file's headers.
                if let Some(column) = &e.column {
                    let header = text.trim_start_matches('\u{feff}').split(['\n', '\r']).next().unwrap_or("");
                    proptest::prop_assert!(
                        header.split([',', ';']).any(|h| h.trim() == column),
                        "{e} names a column the header `{header}` does not have"
                    );
                }
            }
        }
    }

    /// One bad value planted in an otherwise good list: the error names
    /// exactly its row (the header is row 1) and its column.
    #[test]
    fn a_bad_value_is_named_by_its_row_and_column(
        managers in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 1..30),
        at in proptest::prelude::any::<proptest::sample::Index>(),
        bad in 0..5usize,
    ) {
        let n = managers.len() + 1;
        let mut rows: Vec<[String; 5]> = (0..n)
            .map(|i| {
                let manager = if i == 0 {
                    String::new()
                } else {
                    format!("p{}", managers[i - 1].index(i))
                };
                [format!("p{i}"), format!("Person {i}"), manager, "no".to_owned(), "vision".to_owned()]
            })
            .collect();
        let header = ["id", "name", "manager_id", "planned", "tags"];
        // The planted row: any row but the first for a duplicate id.
        let row = 1 + at.index(n - 1);
        let (column, value) = match bad {
            0 => (3, "maybe".to_owned()),
            1 => (2, "nobody".to_owned()),
            2 => (4, "vision;;rigor".to_owned()),
            3 => (0, "p0".to_owned()),
            _ => (2, rows[row][0].clone()),
        };
        rows[row][column] = value;
        let mut text = header.join(",");
        for r in &rows {
            text.push('\n');
            text.push_str(&r.join(","));
        }
        let e = match import_csv(text.as_bytes(), &CsvOptions::default()) {
            Ok(_) => return Err(proptest::test_runner::TestCaseError::fail(format!("imported:\n{text}"))),
            Err(e) => e,
        };
        proptest::prop_assert_eq!(e.row, Some(row + 2), "{}", e);
        proptest::prop_assert_eq!(e.column.as_deref(), Some(header[column]), "{}", e);
    }
}

#[test]
fn orgevo_layout_and_export_take_a_layout_style() {
    let dir = tempfile::tempdir().unwrap();
    // One manager with 30 managers under them, each with two reports: wide.
    let mut rows = vec!["id,name,manager_id".to_owned(), "a,A,".to_owned()];
    for i in 0..30 {
        rows.push(format!("m{i},Manager {i},a"));
        for j in 0..2 {
            rows.push(format!("r{i}-{j},Report {i} {j},m{i}"));
        }
    }
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, rows.join("\n") + "\n").unwrap();
    let layout = |file: &std::path::Path, style: &str| {
        let out = dir.path().join(format!("{style}.json"));
        let (code, _, stderr) = common::orgevo(&[
            "layout",
            file.to_str().unwrap(),
            "--layout",
            style,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        let text = std::fs::read_to_string(out).unwrap();
        let positions: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        positions
            .iter()
            .map(|p| {
                let id = p["id"].as_str().unwrap().to_owned();
                (id, [p["x"].as_f64().unwrap(), p["y"].as_f64().unwrap()])
            })
            .collect::<std::collections::HashMap<_, _>>()
    };
    let span = |p: &std::collections::HashMap<String, [f64; 2]>, axis: usize| {
        let values = p.values().map(|v| v[axis]);
        values.clone().fold(f64::MIN, f64::max) - values.fold(f64::MAX, f64::min)
    };
    let wide = layout(&csv, "wide");
    let compact = layout(&csv, "compact");
    let sideways = layout(&csv, "left-right");
    assert!(span(&wide, 0) > 5.0 * span(&wide, 1), "wide is wide");
    assert!(
        span(&compact, 0) < span(&wide, 0) / 2.0,
        "compact wraps the row"
    );
    assert!(span(&compact, 1) > span(&wide, 1));
    for i in 0..30 {
        let m = format!("m{i}");
        assert!(
            sideways[&m][0] > sideways["a"][0],
            "{m} right of its manager"
        );
        assert!(compact[&m][1] > compact["a"][1], "{m} below its manager");
    }

    // A plan: the same layout as its people list; export lays out afresh.
    let plan = dir.path().join("people.orgevo.json");
    let (code, _, stderr) = common::orgevo(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(layout(&plan, "compact"), compact);
    let svg = |style: &str| {
        let out = dir.path().join(format!("{style}.svg"));
        let (code, _, stderr) = common::orgevo(&[
            "export",
            plan.to_str().unwrap(),
            "--all",
            "--format",
            "svg",
            "--layout",
            style,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        std::fs::read_to_string(out).unwrap()
    };
    let width = |svg: &str| {
        let at = svg.find("width=\"").unwrap() + 7;
        svg[at..].split('"').next().unwrap().parse::<f64>().unwrap()
    };
    assert!(width(&svg("compact")) < width(&svg("wide")) / 2.0);

    let (code, _, stderr) = common::orgevo(&[
        "layout",
        csv.to_str().unwrap(),
        "--layout",
        "diagonal",
        "-o",
        dir.path().join("x.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("diagonal") && stderr.contains("left-right"),
        "{stderr}"
    );
}
