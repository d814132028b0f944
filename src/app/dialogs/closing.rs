//! How a dialog ends without an answer: Esc or a click outside it.

/// A dialog's answer: the one given, or `closed` when the dialog was
/// closed without one (Esc, a click outside it).
pub fn answer_or<R, T>(modal: &egui::ModalResponse<R>, answer: Option<T>, closed: T) -> Option<T> {
    answer.or_else(|| modal.should_close().then_some(closed))
}
