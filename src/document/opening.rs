//! Opening a plan without blocking the window: the file is read and checked
//! on a worker (a [`Task`]) while the app shows how far it got and offers
//! Cancel. The open document stays as it is until the new one has loaded.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use super::Document;
use crate::io::FileLoadError;
use crate::task::Task;

/// How long opening may take before progress shows: a small plan opens at
/// once, with no dialog flashing by.
pub const QUIET_OPEN: Duration = Duration::from_millis(100);

/// How far a worker got.
#[derive(Debug, Default)]
struct Progress {
    read: AtomicU64,
    size: AtomicU64,
    cancelled: AtomicBool,
}

/// A plan being opened on a worker thread.
#[derive(Debug)]
pub struct Opening {
    path: PathBuf,
    progress: Arc<Progress>,
    task: Task<Result<Document, FileLoadError>>,
}

/// How opening ended.
pub enum Opened {
    /// Still working.
    Pending,
    /// The document, ready to show.
    Done(Box<Document>),
    /// It could not be opened (or was cancelled).
    Failed(FileLoadError),
}

impl Opening {
    /// Starts opening `path` (`done` is called when the worker ends); waits
    /// up to [`QUIET_OPEN`] for it to finish.
    pub fn start(path: &Path, done: impl FnOnce() + Send + 'static) -> (Self, Opened) {
        let progress = Arc::new(Progress::default());
        let (worker_path, p) = (path.to_owned(), Arc::clone(&progress));
        let task = Task::spawn_then(
            move || {
                Document::open_with(&worker_path, &mut |read, size| {
                    p.read.store(read, Ordering::Relaxed);
                    p.size.store(size, Ordering::Relaxed);
                    !p.cancelled.load(Ordering::Relaxed)
                })
            },
            done,
        );
        task.wait(QUIET_OPEN);
        let opening = Self {
            path: path.to_owned(),
            progress,
            task,
        };
        let opened = opening.poll();
        (opening, opened)
    }

    /// The file being opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The outcome so far, without waiting.
    pub fn poll(&self) -> Opened {
        match self.task.take() {
            None => Opened::Pending,
            Some(Some(Ok(doc))) => Opened::Done(Box::new(doc)),
            Some(Some(Err(e))) => Opened::Failed(e),
            Some(None) => Opened::Failed(FileLoadError {
                path: self.path.clone(),
                error: Box::new(crate::io::LoadError::Read(std::io::Error::other(
                    "opening stopped unexpectedly",
                ))),
            }),
        }
    }

    /// Asks the worker to stop; it ends with an error soon after.
    pub fn cancel(&self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }

    /// Bytes read so far and the file's size (0 until known).
    pub fn progress(&self) -> (u64, u64) {
        (
            self.progress.read.load(Ordering::Relaxed),
            self.progress.size.load(Ordering::Relaxed),
        )
    }

    /// The file's name, for the progress dialog.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outcome once the worker has ended.
    fn outcome(opening: &Opening, first: Opened) -> Opened {
        let mut opened = first;
        while matches!(opened, Opened::Pending) {
            std::thread::sleep(Duration::from_millis(5));
            opened = opening.poll();
        }
        opened
    }

    #[test]
    fn a_plan_opens_on_the_worker_and_a_missing_one_fails_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.orgevo.json");
        std::fs::write(&path, crate::io::BUNDLED_EXAMPLE).unwrap();
        let (opening, first) = Opening::start(&path, || {});
        assert_eq!(opening.file_name(), "plan.orgevo.json");
        let Opened::Done(doc) = outcome(&opening, first) else {
            panic!("the example opens");
        };
        assert_eq!(doc.path(), Some(path.as_path()));
        let missing = dir.path().join("missing.orgevo.json");
        let (opening, first) = Opening::start(&missing, || {});
        let Opened::Failed(e) = outcome(&opening, first) else {
            panic!("a missing file does not open");
        };
        assert!(e.to_string().contains("missing.orgevo.json"), "{e}");
    }
}
