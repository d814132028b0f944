//! A long job on a worker thread, polled once a frame, so no frame waits
//! for it. The one helper for every long job: opening a plan, reading a
//! people list, writing a recovery copy, a big diff. The app passes a
//! `done` callback that asks the window to be drawn again.

use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A job's result, once it is there. Clones share the job; two handles are
/// equal when they are the same job.
pub struct Task<T> {
    inner: Arc<Mutex<State<T>>>,
}

enum State<T> {
    Running(Receiver<T>),
    Done(Option<T>),
}

impl<T: Send + 'static> Task<T> {
    /// Runs `job` on a new thread.
    pub fn spawn(job: impl FnOnce() -> T + Send + 'static) -> Self {
        Self::spawn_then(job, || {})
    }

    /// Runs `job` on a new thread and calls `done` once its result is
    /// there (the app asks for a repaint).
    pub fn spawn_then(
        job: impl FnOnce() -> T + Send + 'static,
        done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let (send, receive) = channel();
        std::thread::spawn(move || {
            // Nobody waits any more when the app moved on: nothing to do.
            let _ = send.send(job());
            done();
        });
        Self {
            inner: Arc::new(Mutex::new(State::Running(receive))),
        }
    }

    /// Waits for the job to end and takes its result (`None` when it
    /// panicked or was taken already).
    pub fn join(&self) -> Option<T> {
        let mut state = self.inner.lock().ok()?;
        match &mut *state {
            State::Running(receiver) => {
                let result = receiver.recv().ok();
                *state = State::Done(None);
                result
            }
            State::Done(result) => result.take(),
        }
    }

    /// Whether the job has ended (its result may be taken already).
    pub fn is_finished(&self) -> bool {
        let Ok(mut state) = self.inner.lock() else {
            return true;
        };
        if let State::Running(receiver) = &*state {
            match receiver.try_recv() {
                Ok(result) => *state = State::Done(Some(result)),
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => *state = State::Done(None),
            }
        }
        true
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

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T> PartialEq for Task<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl<T> std::fmt::Debug for Task<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Task(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_its_result_over_once() {
        let job = Task::spawn(|| 6 * 7);
        job.wait(Duration::from_secs(10));
        assert_eq!(job.take(), Some(Some(42)));
        assert_eq!(job.take(), Some(None));
        let slow = Task::spawn(|| {
            std::thread::sleep(Duration::from_millis(200));
            1
        });
        assert_eq!(slow.take(), None, "still running");
        assert!(!slow.is_finished());
        assert_eq!(slow.join(), Some(1));
        assert!(slow.is_finished());
        assert_eq!(slow.join(), None, "taken");
    }

    #[test]
    fn done_is_called_after_the_result_is_there_and_a_panic_gives_none() {
        let (tx, rx) = channel();
        let job = Task::spawn_then(|| "ready", move || tx.send(()).unwrap());
        rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(job.is_finished());
        assert_eq!(job.take(), Some(Some("ready")));
        let broken: Task<u8> = Task::spawn(|| panic!("the job fails"));
        assert_eq!(broken.join(), None);
    }
}
