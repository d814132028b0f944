//! People lists as HR tools export them, read as DESIGN.md "Import (CSV)"
//! says: names joined and trimmed, lists with any separator, functions from
//! titles before departments, numbers, managers by e-mail or name, the
//! field names of `--column`, and the round trip through CSV export.

use orgevo::io::{CsvOptions, Field, FunctionSource, TitleRules, import_csv};
use orgevo::model::{Function, Responsibility, Stage, Tag, YearMonth};

use super::common;

const ORACLE: &str = include_str!("../../data/hr_oracle_layout.csv");
const OLDER: &str = include_str!("../../data/hr_older_layout.csv");

fn import(text: &str) -> Stage {
    match import_csv(text.as_bytes(), &CsvOptions::default()) {
        Ok(imported) => imported.stage,
        Err(e) => panic!("{e}\n{text}"),
    }
}

fn name_of<'s>(stage: &'s Stage, id: &str) -> &'s str {
    &stage.member(id).unwrap().name
}

#[test]
fn an_export_in_the_oracle_hr_layout_imports_without_flags() {
    let imported = import_csv(ORACLE.as_bytes(), &CsvOptions::default()).unwrap();
    let stage = &imported.stage;
    let rows = ORACLE.lines().count() - 1;
    assert_eq!(stage.member_count(), rows);
    // Full names: `name` is the first name beside `lastName`.
    assert_eq!(name_of(stage, "100"), "Stella Kovac");
    assert_eq!(name_of(stage, "102"), "Lex De Vries");
    // Functions from the title, before the department table.
    let function = |id: &str| stage.member(id).unwrap().function;
    assert_eq!(function("100"), Function::Owner, "President");
    for id in ["145", "146", "147", "148", "149"] {
        assert_eq!(function(id), Function::SalesManager, "Sales Manager {id}");
    }
    assert_eq!(function("150"), Function::Sales, "Sales Representative");
    assert_eq!(function("201"), Function::Marketing, "Marketing Manager");
    // "Administration Vice President" is no owner, and Executive is no
    // department the table knows.
    assert_eq!(function("101"), Function::Other);
    // Salary is the cost; hire dates are start months.
    let salary_total: f64 = ORACLE
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(7).unwrap().parse::<f64>().unwrap())
        .sum();
    let cost_total: f64 = stage.members().filter_map(|m| m.cost).sum();
    assert_eq!(cost_total, salary_total);
    assert_eq!(stage.member("100").unwrap().start, YearMonth::new(2003, 6));
    // Where the functions came from is said.
    let source_of = |id: &str| {
        let index = stage.members().position(|m| m.id == id).unwrap();
        imported.sources[index]
    };
    assert_eq!(source_of("145"), FunctionSource::Title);
    assert_eq!(
        source_of("103"),
        FunctionSource::Default,
        "Programmer in IT"
    );
    assert!(
        imported
            .notices
            .iter()
            .any(|n| n.starts_with("functions: ") && n.contains("from titles")),
        "{:?}",
        imported.notices
    );
    // Marketing reports to the president: the marketing rule can judge it.
    assert_eq!(stage.manager_of("201").unwrap().id, "100");
}

#[test]
fn an_export_in_the_older_layout_imports_without_flags() {
    let stage = import(OLDER);
    assert_eq!(name_of(&stage, "1"), "Ana Ruiz", "leading spaces trimmed");
    assert_eq!(name_of(&stage, "2"), "Ben Okafor");
    let tags = |id: &str| -> Vec<String> {
        stage
            .member(id)
            .unwrap()
            .tags
            .iter()
            .map(|t| t.as_str().to_owned())
            .collect()
    };
    assert_eq!(
        tags("1"),
        ["ceo", "tag1", "tag2"],
        "quoted `,` list, odd case"
    );
    assert_eq!(tags("2"), ["lead", "closer"]);
    assert_eq!(tags("5"), ["new-business", "hunter"], "`|` list, spaces");
    assert_eq!(tags("8"), ["onboarding", "renewals"], "`;` list");
    let function = |id: &str| stage.member(id).unwrap().function;
    assert_eq!(function("1"), Function::Owner);
    assert_eq!(function("2"), Function::SalesLeader);
    assert_eq!(function("3"), Function::SalesManager);
    assert_eq!(function("6"), Function::Marketing);
    assert_eq!(function("7"), Function::Technical);
    assert_eq!(function("8"), Function::ServiceDelivery);
}

#[test]
fn first_and_last_name_columns_of_every_spelling_are_joined() {
    for (first, last) in [
        ("name", "lastName"),
        ("first_name", "last_name"),
        ("firstName", "surname"),
        ("given_name", "family_name"),
        ("First Name", "Last Name"),
    ] {
        let text = format!("id,{first},{last},manager_id\n1,  Ada ,  Lovelace ,\n2,Alan,,1\n");
        let stage = import(&text);
        assert_eq!(name_of(&stage, "1"), "Ada Lovelace", "{first} + {last}");
        assert_eq!(name_of(&stage, "2"), "Alan", "{first} + {last}");
    }
    // A full-name column stays whole, even beside a last name.
    let stage = import("id,Full Name,lastName,manager_id\n1,Ada Lovelace,Lovelace,\n");
    assert_eq!(name_of(&stage, "1"), "Ada Lovelace");
}

#[test]
fn every_list_separator_and_odd_tag_text() {
    let text = "id,name,manager_id,tags,collaborates_with\n\
                a,A,,vision;Key Account,\n\
                b,B,a,\"Metrics, COACHING\",\"a,c\"\n\
                c,C,a,\"Process Design|ceo\",a|b\n";
    let stage = import(text);
    let tags = |id: &str| stage.member(id).unwrap().tags.clone();
    assert_eq!(
        tags("a"),
        [
            Tag::Core(Responsibility::Vision),
            Tag::Custom("key-account".into())
        ]
    );
    assert_eq!(
        tags("b"),
        [
            Tag::Core(Responsibility::Metrics),
            Tag::Core(Responsibility::Coaching)
        ]
    );
    assert_eq!(
        tags("c"),
        [
            Tag::Core(Responsibility::ProcessDesign),
            Tag::Custom("ceo".into())
        ]
    );
    let collaborations = stage
        .links()
        .filter(|l| l.kind == orgevo::model::LinkKind::CollaboratesWith)
        .count();
    assert_eq!(collaborations, 3, "b–a, b–c, c–a (c–b is b–c again)");
    // Only an empty entry is an error, naming row and column.
    let e = import_csv(
        b"id,name,manager_id,tags\na,A,,\"vision,,rigor\"\n",
        &CsvOptions::default(),
    )
    .unwrap_err();
    assert_eq!((e.row, e.column.as_deref()), (Some(2), Some("tags")), "{e}");
}

#[test]
fn numbers_and_dates_are_read_and_bad_ones_named() {
    let text = "id,name,manager_id,annual_cost,annual_quota,start_date\n\
                a,A,,\"120,000\",,2026-03-15T09:00:00Z\n\
                b,B,a,95000.5,600000,2026-11\n";
    let stage = import(text);
    let a = stage.member("a").unwrap();
    assert_eq!(
        (a.cost, a.quota, a.start),
        (Some(120_000.0), None, YearMonth::new(2026, 3))
    );
    let b = stage.member("b").unwrap();
    assert_eq!(
        (b.cost, b.quota, b.start),
        (Some(95_000.5), Some(600_000.0), YearMonth::new(2026, 11))
    );
    for (cell, column) in [
        ("-5,,", "annual_cost"),
        (",lots,", "annual_quota"),
        (",,15/03/2026", "start_date"),
    ] {
        let text = format!("id,name,manager_id,annual_cost,annual_quota,start_date\na,A,,{cell}\n");
        let e = import_csv(text.as_bytes(), &CsvOptions::default()).unwrap_err();
        assert_eq!((e.row, e.column.as_deref()), (Some(2), Some(column)), "{e}");
    }
}

#[test]
fn managers_named_by_email_or_name_are_found_and_two_matches_are_an_error() {
    let by_email = "Employee ID,Full Name,Email,Reports To Email\n\
                    1,Gary Donovan,gary@acme.test,\n\
                    2,Ana Ruiz,ana@acme.test,GARY@acme.test\n";
    let imported = import_csv(by_email.as_bytes(), &CsvOptions::default()).unwrap();
    assert_eq!(imported.stage.manager_of("2").unwrap().id, "1");
    assert!(
        imported
            .notices
            .iter()
            .any(|n| n.contains("e-mail") && n.contains("Gary Donovan")),
        "{:?}",
        imported.notices
    );
    let by_name = "id,name,Reports To\n1,Gary Donovan,\n2,Ana Ruiz,Gary Donovan\n";
    let stage = import(by_name);
    assert_eq!(stage.manager_of("2").unwrap().id, "1");
    let twice = "id,name,Supervisor\n1,Pat Lee,\n2,Pat Lee,\n3,Ana Ruiz,Pat Lee\n";
    let e = import_csv(twice.as_bytes(), &CsvOptions::default()).unwrap_err();
    assert_eq!(
        (e.row, e.column.as_deref()),
        (Some(4), Some("Supervisor")),
        "{e}"
    );
    assert!(e.message.contains("rows 2 and 3"), "{e}");
}

#[test]
fn every_field_can_be_named_with_column_and_every_function_with_function_map() {
    for field in Field::ALL {
        let given = format!("{}=Col", field.id());
        let (parsed, header) = orgevo::cli::parse_column(&given).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((parsed, header.as_str()), (field, "Col"), "{given}");
    }
    assert!(orgevo::cli::parse_column("manager-id=Boss").is_ok());
    assert!(orgevo::cli::parse_column("boss=Boss").is_err());
    for function in Function::ALL {
        let given = format!("Team X={}", function.id());
        let (value, parsed) = orgevo::cli::parse_function_map(&given).unwrap();
        assert_eq!((value.as_str(), parsed), ("Team X", *function));
    }
    // The help's own example works end to end.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "id,name,Boss\n1,A,\n2,B,1\n").unwrap();
    let out = dir.path().join("plan.orgevo.json");
    let (code, _, stderr) = common::orgevo(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--column",
        "manager_id=Boss",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let plan = orgevo::io::load_plan(&out).unwrap();
    assert_eq!(plan.stages[0].manager_of("2").unwrap().id, "1");
}

#[test]
fn title_map_comes_first_and_no_title_rules_turns_the_table_off() {
    let text = "id,name,manager_id,title,department\n1,A,,Chief Rainmaker,Sales\n2,B,1,Sales Manager,Sales\n";
    let mut options = CsvOptions {
        title_rules: TitleRules {
            extra: vec![("Rainmaker".into(), Function::SalesLeader)],
            builtin: true,
        },
        ..CsvOptions::default()
    };
    let stage = import_csv(text.as_bytes(), &options).unwrap().stage;
    assert_eq!(stage.member("1").unwrap().function, Function::SalesLeader);
    assert_eq!(stage.member("2").unwrap().function, Function::SalesManager);
    options.title_rules.builtin = false;
    let stage = import_csv(text.as_bytes(), &options).unwrap().stage;
    assert_eq!(
        stage.member("2").unwrap().function,
        Function::Sales,
        "the department now"
    );
    // The same through the command line.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("plan.orgevo.json");
    let run = |extra: &[&str]| {
        let mut args = vec!["import", csv.to_str().unwrap(), "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let (code, _, stderr) = common::orgevo(&args);
        assert_eq!(code, 0, "{stderr}");
        orgevo::io::load_plan(&out).unwrap().stages.remove(0)
    };
    let stage = run(&["--title-map", "Rainmaker=sales-leader"]);
    assert_eq!(stage.member("1").unwrap().function, Function::SalesLeader);
    let stage = run(&["--no-title-rules"]);
    assert_eq!(stage.member("1").unwrap().function, Function::Sales);
    assert_eq!(stage.member("2").unwrap().function, Function::Sales);
}

#[test]
fn suggest_tags_gives_only_untagged_leaders_and_managers_a_start() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "id,name,manager_id,title,tags\n\
         ceo,Ana,,CEO,\n\
         vp,Ben,ceo,VP Sales,metrics\n\
         sm,Cara,vp,Sales Manager,\n\
         ae,Dev,sm,Account Executive,\n",
    )
    .unwrap();
    let out = dir.path().join("plan.orgevo.json");
    let (code, _, stderr) = common::orgevo(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--suggest-tags",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let stage = orgevo::io::load_plan(&out).unwrap().stages.remove(0);
    let held = |id: &str| stage.member(id).unwrap().responsibilities();
    let leading = [
        Responsibility::Vision,
        Responsibility::Inspiration,
        Responsibility::Strategy,
        Responsibility::ProcessDesign,
    ];
    assert_eq!(held("ceo"), leading.into_iter().collect());
    assert_eq!(
        held("vp"),
        [Responsibility::Metrics].into_iter().collect(),
        "already tagged"
    );
    assert_eq!(
        held("sm"),
        Responsibility::ALL[6..].iter().copied().collect()
    );
    assert!(held("ae").is_empty());
    // Without the flag nobody gets anything.
    let (code, _, _) =
        common::orgevo(&["import", csv.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    let stage = orgevo::io::load_plan(&out).unwrap().stages.remove(0);
    assert!(stage.member("ceo").unwrap().responsibilities().is_empty());
}

#[test]
fn orgevo_export_csv_writes_a_stage_that_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.orgevo.json");
    let mut plan = orgevo::io::plan_from_str(orgevo::io::BUNDLED_EXAMPLE).unwrap();
    let sam = plan.stages[1].member_mut("sam").unwrap();
    sam.cost = Some(88_000.0);
    sam.quota = Some(650_000.0);
    sam.start = YearMonth::new(2027, 2);
    orgevo::io::save_plan(&plan, &plan_path).unwrap();
    let csv = dir.path().join("split.csv");
    let (code, _, stderr) = common::orgevo(&[
        "export",
        plan_path.to_str().unwrap(),
        "--stage",
        "split",
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with(
        "id,name,title,function,manager_id,tags,collaborates_with,planned,cost,quota,start,notes\r\n"
    ));
    let back = import_csv(text.as_bytes(), &CsvOptions::default())
        .unwrap()
        .stage;
    let split = &plan.stages[1];
    let strip = |s: &Stage| -> Vec<_> {
        s.members()
            .map(|m| {
                let manager = s.manager_of(&m.id).map(|b| b.id.clone());
                (m.clone(), manager)
            })
            .collect()
    };
    assert_eq!(strip(&back), strip(split));
    assert_eq!(back.link_count(), split.link_count());
    // A people list holds one stage.
    let (code, _, stderr) = common::orgevo(&[
        "export",
        plan_path.to_str().unwrap(),
        "--all",
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("--stage") && stderr.contains("today, split, scale"),
        "{stderr}"
    );
}
