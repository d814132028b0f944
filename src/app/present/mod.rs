//! Present mode: the presentation itself (`presenter`) and the window's
//! side of it, full screen and back (`mode`).

pub mod decision;
pub mod mode;
pub mod presenter;

pub use mode::PresentMode;
pub use presenter::Presenter;
