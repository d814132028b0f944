//! Saving survives a crash at any moment: the real `orgevo` binary saves two
//! big plans over one file, turn about, and is killed (SIGKILL) at random
//! moments. After every kill the file loads and is one of the two plans, the
//! `.bak` beside it too, and the next save clears the temporaries the killed
//! process left behind.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use orgevo::io::{backup_path, explain_temporary, load_plan, save_plan};
use orgevo::model::{Plan, SeededRng, synthetic_plan};

use crate::common;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn is_one_of(path: &Path, plans: &[Plan; 2]) -> bool {
    match load_plan(path) {
        Ok(plan) => plans.contains(&plan),
        Err(e) => panic!("{} does not load after a kill: {e}", path.display()),
    }
}

#[test]
fn killing_a_save_at_any_moment_leaves_the_old_or_the_new_plan() {
    let sources = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut first = synthetic_plan(2_000, 6, 1);
    first.title = "First".into();
    let mut second = synthetic_plan(2_000, 6, 2);
    second.title = "Second".into();
    let (a, b) = (
        sources.path().join("a.orgevo.json"),
        sources.path().join("b.orgevo.json"),
    );
    save_plan(&first, &a).unwrap();
    save_plan(&second, &b).unwrap();
    let plans = [first, second];
    let target = work.path().join("plan.orgevo.json");
    save_plan(&plans[0], &target).unwrap();
    let args = |times: Option<&str>| {
        let mut args = vec![
            "save-loop".to_owned(),
            target.display().to_string(),
            a.display().to_string(),
            b.display().to_string(),
        ];
        if let Some(times) = times {
            args.extend(["--times".to_owned(), times.to_owned()]);
        }
        args
    };
    let mut moments = SeededRng::new(0x9E37_79B9_7F4A_7C15);
    let mut left_temporaries = 0;
    // At least 100 kills; on a busy machine (this binary runs its other
    // tests beside this one) a kill may land before the child got to save,
    // so go on until one has landed mid-save, up to 1,000.
    let mut kills = 0;
    while kills < 100 || (left_temporaries == 0 && kills < 1_000) {
        kills += 1;
        let mut child = Command::new(env!("CARGO_BIN_EXE_orgevo"))
            .args(args(None))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until it has loaded both plans and starts saving.
        let mut ready = String::new();
        let stdout = child.stdout.take().unwrap();
        BufReader::new(stdout).read_line(&mut ready).unwrap();
        assert_eq!(ready.trim(), "ready");
        std::thread::sleep(Duration::from_millis(moments.below(120) as u64));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(is_one_of(&target, &plans));
        let backup = backup_path(&target);
        if backup.exists() {
            assert!(is_one_of(&backup, &plans));
        }
        if names_in(work.path()).len() > 2 {
            left_temporaries += 1;
        }
    }
    // Some kills landed mid-save: the crash window was really exercised.
    assert!(left_temporaries > 0, "no kill of {kills} landed mid-save");
    // The next save clears what the killed processes left behind.
    let (code, _, stderr) = common::orgevo(
        &args(Some("1"))
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(code, 0, "{stderr}");
    let left: Vec<String> = names_in(work.path())
        .into_iter()
        .filter(|n| n != "plan.orgevo.json" && n != "plan.orgevo.json.bak")
        .map(|n| explain_temporary(&work.path().join(n)))
        .collect();
    assert!(
        left.is_empty(),
        "the last save left these behind: {left:#?}"
    );
    assert_eq!(
        names_in(work.path()),
        ["plan.orgevo.json", "plan.orgevo.json.bak"]
    );
    assert_eq!(load_plan(&target).unwrap(), plans[0]);
}
