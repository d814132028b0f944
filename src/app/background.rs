//! A long job on a worker thread, polled once a frame, so no frame waits
//! for it: the window asks to be drawn again when the job is done.

use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A job's result, once it is there. Clones share the job; two handles are
/// equal when they are the same job.
pub struct Background<T> {
    inner: Arc<Mutex<State<T>>>,
}

enum State<T> {
    Running(Receiver<T>),
    Done(Option<T>),
}

impl<T: Send + 'static> Background<T> {
    /// Runs `job` on a new thread; `ctx` is asked to repaint when it ends.
    pub fn spawn(ctx: Option<&egui::Context>, job: impl FnOnce() -> T + Send + 'static) -> Self {
        let (send, receive) = channel();
        let ctx = ctx.cloned();
        std::thread::spawn(move || {
            // Nobody waits any more when the app moved on: nothing to do.
            let _ = send.send(job());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        Self {
            inner: Arc::new(Mutex::new(State::Running(receive))),
        }
    }

    /// Waits up to `quiet` for the job (a small one then shows no progress
    /// at all).
    pub fn wait(&self, quiet: Duration) {
        let Ok(mut state) = self.inner.lock() else {
            return;
        };
        if let State::Running(receiver) = &*state {
            match receiver.recv_timeout(quiet) {
                Ok(result) => *state = State::Done(Some(result)),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => *state = State::Done(None),
            }
        }
    }

    /// The result, taken, once the job has ended; `Some(None)` when the job
    /// ended without one (it panicked).
    pub fn take(&self) -> Option<Option<T>> {
        let mut state = self.inner.lock().ok()?;
        match &mut *state {
            State::Running(receiver) => match receiver.try_recv() {
                Ok(result) => Some(Some(result)),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(None),
            },
            State::Done(result) => Some(result.take()),
        }
    }
}

impl<T> Clone for Background<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T> PartialEq for Background<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl<T> std::fmt::Debug for Background<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Background(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_its_result_over_once() {
        let job = Background::spawn(None, || 6 * 7);
        job.wait(Duration::from_secs(10));
        assert_eq!(job.take(), Some(Some(42)));
        assert_eq!(job.take(), Some(None));
        let slow = Background::spawn(None, || {
            std::thread::sleep(Duration::from_millis(200));
            1
        });
        assert_eq!(slow.take(), None, "still running");
    }
}
