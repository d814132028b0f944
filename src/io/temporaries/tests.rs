//! Which temporaries the next save removes: decided by locks, never by the
//! process id in a name.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::io::{backup_path, load_plan, save_plan};
use crate::model::{Function, Plan, PlanBuilder, StageKind};

/// These tests spawn processes and hold file locks: a child forked while
/// another test holds a lock shares that lock until it execs, so they take
/// turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn plan(title: &str) -> Plan {
    PlanBuilder::new()
        .title(title)
        .stage("today", StageKind::FounderLed)
        .member("dana", Function::Owner, &["vision"])
        .build()
        .unwrap()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn plant(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, "partial").unwrap();
    path
}

/// A save stopped after `.bak` was renamed in but before the new file was
/// leaves `.bak` and the plan as two links to one file. The next save must
/// not leave its own `.bak` temporary behind then (the cause of the crash
/// test's rare failure: renaming a link over another link to the same file
/// succeeds and does nothing).
#[test]
fn a_save_after_one_stopped_between_bak_and_rename_leaves_no_temporary() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.orgevo.json");
    save_plan(&plan("First"), &path).unwrap();
    let link = dir.path().join("link");
    std::fs::hard_link(&path, &link).unwrap();
    std::fs::rename(&link, backup_path(&path)).unwrap();

    save_plan(&plan("Second"), &path).unwrap();
    assert_eq!(
        names_in(dir.path()),
        ["plan.orgevo.json", "plan.orgevo.json.bak"]
    );
    assert_eq!(load_plan(&path).unwrap().title, "Second");
    assert_eq!(load_plan(&backup_path(&path)).unwrap().title, "First");
}

#[cfg(target_os = "linux")]
#[test]
fn temporaries_named_after_live_processes_and_threads_are_removed_when_unlocked() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.orgevo.json");
    // A running process, and a thread of this one (`/proc/TID` exists for
    // it too), whose ids name temporaries nobody holds.
    let mut sleeper = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    // The thread says its own id (`/proc/thread-self` → `PID/task/TID`);
    // any other thread of the test binary may end at any time.
    let (stop, wait) = std::sync::mpsc::channel::<()>();
    let (said, tid) = std::sync::mpsc::channel::<String>();
    let thread = std::thread::spawn(move || {
        let link = std::fs::read_link("/proc/thread-self").unwrap();
        let tid = link.file_name().unwrap().to_string_lossy().into_owned();
        said.send(tid).unwrap();
        let _ = wait.recv();
    });
    let me = std::process::id().to_string();
    let tid = tid.recv().unwrap();
    assert_ne!(tid, me);
    let pid = sleeper.id();
    let planted = [
        plant(
            dir.path(),
            &format!(".plan.orgevo.json.{pid}.k3yZ9q.orgevo-tmp"),
        ),
        plant(
            dir.path(),
            &format!(".plan.orgevo.json.{pid}..orgevo-bak-tmp"),
        ),
        plant(
            dir.path(),
            &format!(".plan.orgevo.json.{tid}.Qa81xZ.orgevo-tmp"),
        ),
        plant(
            dir.path(),
            &format!(".plan.orgevo.json.{tid}.Qa81xZ.orgevo-bak-tmp"),
        ),
        plant(
            dir.path(),
            &format!(".plan.orgevo.json.{me}.own123.orgevo-tmp"),
        ),
    ];
    for file in &planted {
        assert!(
            super::explain_temporary(file).contains("process found"),
            "{}",
            super::explain_temporary(file)
        );
    }
    // A file that only looks alike is never touched.
    let other = plant(
        dir.path(),
        &format!(".other.orgevo.json.{pid}.x.orgevo-tmp"),
    );

    save_plan(&plan("Plan"), &path).unwrap();
    for file in &planted {
        assert!(!file.exists(), "{} was kept", file.display());
    }
    assert!(other.exists());
    assert_eq!(names_in(dir.path()).len(), 2, "{:?}", names_in(dir.path()));
    let _ = sleeper.kill();
    let _ = sleeper.wait();
    drop(stop);
    thread.join().unwrap();
}

#[test]
fn a_temporary_whose_writer_holds_its_lock_is_left_alone() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.orgevo.json");
    save_plan(&plan("First"), &path).unwrap();
    // Another save, in the middle of writing: its temporary is locked, and
    // its `.bak` on the way in is covered by that lock.
    let writing = plant(dir.path(), ".plan.orgevo.json.1.w0rk1n.orgevo-tmp");
    let writing_backup = plant(dir.path(), ".plan.orgevo.json.1.w0rk1n.orgevo-bak-tmp");
    let held = File::open(&writing).unwrap();
    held.lock().unwrap();
    assert!(super::explain_temporary(&writing).contains("lock held"));
    assert!(super::explain_temporary(&writing_backup).contains("lock held"));

    save_plan(&plan("Second"), &path).unwrap();
    assert!(writing.exists() && writing_backup.exists());

    // Once the writer is gone, the next save removes both.
    drop(held);
    assert!(super::explain_temporary(&writing).contains("lock free"));
    save_plan(&plan("Third"), &path).unwrap();
    assert_eq!(
        names_in(dir.path()),
        ["plan.orgevo.json", "plan.orgevo.json.bak"]
    );
}

#[test]
fn a_save_holds_the_lock_on_its_own_temporary() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let temp = super::create_locked(dir.path(), "plan.orgevo.json").unwrap();
    let name = temp.file.path().to_owned();
    assert!(
        File::open(&name).unwrap().try_lock().is_err(),
        "another opener can take the lock of a temporary being written"
    );
    // So a save of the same file meanwhile keeps it.
    super::remove_stale(dir.path(), "plan.orgevo.json");
    assert!(name.exists());
    assert_eq!(
        temp.backup_temporary.file_name().unwrap().to_string_lossy(),
        name.file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".orgevo-tmp", ".orgevo-bak-tmp")
    );
}
