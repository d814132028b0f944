//! Dialogs, one file each: its state and a `ui` that returns the user's
//! answer (never the app). `modal` draws whichever is on screen; `answer`
//! is what they answer; the app acts on answers in one place.

pub mod answer;
pub mod closing;
pub mod csv;
pub mod disk;
pub mod export;
pub mod modal;
pub mod shown;
pub mod start;
pub mod suggest;

pub use answer::{ModalAnswer, PathPurpose, Pending};
pub use modal::Modal;
