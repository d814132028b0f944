//! Opening a plan without blocking the window: the file is read and checked
//! on a worker thread while a dialog shows how far it got and offers Cancel.
//! The open document stays as it is until the new one has loaded.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::Duration;

use egui::{Id, RichText};

use super::document::Document;
use crate::io::FileLoadError;

/// How long opening may take before the progress dialog shows: a small
/// plan opens at once, with no dialog flashing by.
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
pub struct Loading {
    path: PathBuf,
    progress: Arc<Progress>,
    result: Receiver<Result<Document, FileLoadError>>,
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

impl Loading {
    /// Starts opening `path`; waits up to [`QUIET_OPEN`] for it to finish.
    pub fn start(path: &Path) -> (Self, Opened) {
        let progress = Arc::new(Progress::default());
        let (send, result) = channel();
        let (worker_path, worker_progress) = (path.to_owned(), Arc::clone(&progress));
        std::thread::spawn(move || {
            let p = &worker_progress;
            let opened = Document::open_with(&worker_path, &mut |read, size| {
                p.read.store(read, Ordering::Relaxed);
                p.size.store(size, Ordering::Relaxed);
                !p.cancelled.load(Ordering::Relaxed)
            });
            // Nobody waits any more when the app moved on: nothing to do.
            let _ = send.send(opened);
        });
        let loading = Self {
            path: path.to_owned(),
            progress,
            result,
        };
        let opened = match loading.result.recv_timeout(QUIET_OPEN) {
            Ok(result) => finished(result),
            Err(RecvTimeoutError::Timeout) => Opened::Pending,
            Err(RecvTimeoutError::Disconnected) => lost(&loading.path),
        };
        (loading, opened)
    }

    /// The file being opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether it has finished, and how.
    pub fn poll(&self) -> Opened {
        match self.result.try_recv() {
            Ok(result) => finished(result),
            Err(TryRecvError::Empty) => Opened::Pending,
            Err(TryRecvError::Disconnected) => lost(&self.path),
        }
    }

    /// Asks the worker to stop; the open document stays.
    pub fn cancel(&self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }

    /// The progress dialog; `true` when the user pressed Cancel.
    pub fn ui(&self, ctx: &egui::Context) -> bool {
        let mut cancel = false;
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let (read, size) = (
            self.progress.read.load(Ordering::Relaxed),
            self.progress.size.load(Ordering::Relaxed),
        );
        egui::Modal::new(Id::unique("loading-dialog")).show(ctx, |ui| {
            ui.set_min_width(380.0);
            ui.heading(format!("Opening {name}"));
            ui.add_space(6.0);
            if size > 0 && read < size {
                let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
                ui.add(
                    egui::ProgressBar::new(read as f32 / size as f32).text(format!(
                        "Reading {:.0} of {:.0} MB",
                        mib(read),
                        mib(size)
                    )),
                );
            } else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Checking the plan…");
                });
            }
            ui.add_space(4.0);
            ui.label(RichText::new("The open plan stays as it is until this one is ready.").weak());
            ui.add_space(8.0);
            if ui.button("Cancel opening").clicked() {
                cancel = true;
            }
        });
        ctx.request_repaint_after(Duration::from_millis(50));
        cancel
    }
}

fn finished(result: Result<Document, FileLoadError>) -> Opened {
    match result {
        Ok(doc) => Opened::Done(Box::new(doc)),
        Err(e) => Opened::Failed(e),
    }
}

/// The worker ended without an answer (it panicked).
fn lost(path: &Path) -> Opened {
    Opened::Failed(FileLoadError {
        path: path.to_owned(),
        error: Box::new(crate::io::LoadError::Read(std::io::Error::other(
            "opening stopped unexpectedly",
        ))),
    })
}
