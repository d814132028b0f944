//! Files: choosing them (native or in-app), the progress of a plan being
//! opened, and the flows that open, save, recover, import and export.

pub mod flows;
pub mod loading;
pub mod pickers;
