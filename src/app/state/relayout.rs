//! Laying a big stage out again on a worker. An edit that changes who
//! reports to whom on a tidy stage of tens of thousands of members is
//! applied and drawn at once; the stage's new layout follows a few frames
//! later, in the same undo step.

use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;

use crate::edit::Edit;
use crate::layout::{LayoutParams, tidy_layout_nodes};
use crate::model::{Plan, Stage};
use crate::task::Task;

/// From this many members, a stage an edit reshapes is laid out again on a
/// worker (smaller stages are laid out as the edit is applied: a 10,000
/// member stage takes a few milliseconds).
pub(in crate::app) const LAYOUT_IN_BACKGROUND_FROM: usize = 30_000;

/// The layout of a big stage being worked out after an edit, and the undo
/// step it joins.
#[derive(Debug, Default)]
pub struct BackgroundLayout {
    pending: Option<Pending>,
    /// Numbers the undo steps an edit and its layout share.
    steps: u64,
}

#[derive(Debug)]
struct Pending {
    stage: String,
    /// The stage's revision the layout is for.
    revision: u64,
    /// The undo step of the edit (its merge key).
    step: String,
    task: Task<Vec<(NodeIndex, [f32; 2])>>,
}

impl BackgroundLayout {
    /// `edit` without its trailing [`Edit::LayOutAgain`] when that lays out
    /// a stage of [`LAYOUT_IN_BACKGROUND_FROM`] members or more, and that
    /// stage's id (then lay it out with [`BackgroundLayout::start`] once
    /// the rest is applied); otherwise `edit` as it is.
    pub fn split(edit: Edit, plan: &Plan) -> (Edit, Option<String>) {
        let Edit::Batch { label, mut edits } = edit else {
            return (edit, None);
        };
        let big = match edits.last() {
            Some(Edit::LayOutAgain { stage }) => plan
                .stage(stage)
                .is_some_and(|s| s.member_count() >= LAYOUT_IN_BACKGROUND_FROM)
                .then(|| stage.clone()),
            _ => None,
        };
        if big.is_some() {
            edits.pop();
        }
        (Edit::Batch { label, edits }, big)
    }

    /// A new undo step's key, for an edit whose layout follows.
    pub fn next_step(&mut self) -> String {
        self.steps += 1;
        format!("background layout {}", self.steps)
    }

    /// Starts laying out `stage` as it is, for the undo step `step` (a
    /// layout still being worked out is dropped: see
    /// [`BackgroundLayout::finish_now`]).
    pub fn start(&mut self, stage: &Stage, step: String) {
        // A copy of a stage shares its chart: cheap.
        let copy = stage.clone();
        let task = Task::spawn(move || tidy_layout_nodes(&copy, &LayoutParams::EDITOR));
        self.pending = Some(Pending {
            stage: stage.id.clone(),
            revision: stage.revision(),
            step,
            task,
        });
    }

    /// Whether a layout is being worked out.
    pub fn is_working(&self) -> bool {
        self.pending.is_some()
    }

    /// The edit that places the cards and the undo step it joins, once the
    /// worker is done. The edit is refused if the stage changed meanwhile.
    pub fn finished(&mut self) -> Option<(Edit, String)> {
        let done = self.pending.as_ref()?.task.is_finished();
        done.then(|| self.finish_now()).flatten()
    }

    /// Like [`BackgroundLayout::finished`], waiting for the worker: before
    /// the next edit, an undo or a save, so that every undo step holds its
    /// edit's layout.
    pub fn finish_now(&mut self) -> Option<(Edit, String)> {
        let pending = self.pending.take()?;
        let positions = pending.task.join()?;
        let edit = Edit::PlaceAsLaidOut {
            stage: pending.stage,
            revision: pending.revision,
            positions: Arc::new(positions),
        };
        Some((edit, pending.step))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::edit::compose::keeping_tidy;
    use crate::layout::{is_tidy, place_missing_positions};
    use crate::model::synthetic_plan;

    #[test]
    fn a_big_stage_is_laid_out_after_the_edit_in_the_same_undo_step() {
        let mut plan = synthetic_plan(LAYOUT_IN_BACKGROUND_FROM, 6, 5);
        plan.stages.iter_mut().for_each(place_missing_positions);
        let original = plan.clone();
        let set = Edit::SetManager {
            stage: "s1".into(),
            member: "m900".into(),
            manager: Some("m2".into()),
        };
        let (edit, later) = BackgroundLayout::split(keeping_tidy(&plan, set.clone()), &plan);
        assert_eq!(later.as_deref(), Some("s1"));
        let Edit::Batch { edits, .. } = &edit else {
            panic!("{edit:?}")
        };
        assert_eq!(edits.as_slice(), [set]);
        let mut history = History::default();
        let mut layout = BackgroundLayout::default();
        let step = layout.next_step();
        history
            .apply_merging(&mut plan, &edit, Some(&step))
            .unwrap();
        assert!(
            !is_tidy(&plan.stages[1]),
            "the moved card waits for its place"
        );
        layout.start(&plan.stages[1], step);
        assert!(layout.is_working());
        let (place, step) = layout.finish_now().unwrap();
        assert!(!layout.is_working());
        history
            .apply_merging(&mut plan, &place, Some(&step))
            .unwrap();
        assert!(is_tidy(&plan.stages[1]));
        assert_eq!(history.undo_len(), 1, "one undo step");
        history.undo(&mut plan);
        assert_eq!(plan, original);
    }

    #[test]
    fn a_small_stage_is_laid_out_with_its_edit_and_a_stale_layout_is_refused() {
        let mut plan = synthetic_plan(300, 4, 5);
        plan.stages.iter_mut().for_each(place_missing_positions);
        let set = Edit::SetManager {
            stage: "s0".into(),
            member: "m9".into(),
            manager: Some("m1".into()),
        };
        let kept = keeping_tidy(&plan, set);
        assert!(matches!(&kept, Edit::Batch { edits, .. } if edits.len() == 2));
        assert_eq!(BackgroundLayout::split(kept.clone(), &plan), (kept, None));
        // Laid out, then a card moved by hand: the layout is not for it.
        let mut layout = BackgroundLayout::default();
        let step = layout.next_step();
        layout.start(&plan.stages[0], step);
        plan.stages[0].set_pos("m3", Some([1.0, 1.0]));
        let (place, _) = layout.finish_now().unwrap();
        let before = plan.clone();
        assert!(matches!(
            place.apply(&mut plan),
            Err(crate::edit::EditError::StaleLayout(_))
        ));
        assert_eq!(plan, before);
    }
}
