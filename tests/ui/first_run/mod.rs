//! A first-time user's way in: the start screen, and learning in the app
//! (Why?, Fix, the Learn view). One test binary for both.

mod learn;
mod start;
