//! Undo and redo over a bounded history of plan snapshots.

use super::change::{Edit, EditError};
use crate::model::Plan;

/// How many undo steps are kept.
pub const DEFAULT_HISTORY_LIMIT: usize = 200;

/// How much memory the undo steps may hold together (their own copies of
/// changed stages; what they share with the plan costs nothing). The oldest
/// steps go first; the last step is always kept.
pub const DEFAULT_HISTORY_BYTES: usize = 64 << 20;

#[derive(Clone, Debug)]
struct Entry {
    label: String,
    plan: Plan,
    state: u64,
    merge_key: Option<String>,
    /// Roughly what this step holds that the plan after it does not.
    bytes: usize,
}

/// Roughly the memory `before` holds that `after` does not share: stage
/// charts changed or removed by the step.
fn unshared_bytes(before: &Plan, after: &Plan) -> usize {
    before
        .stages
        .iter()
        .map(|stage| match after.stage(&stage.id) {
            Some(now) => stage.bytes_not_shared_with(now),
            // A removed stage: its members live only in this step.
            None => stage.chart_bytes() + stage.member_count() * 256,
        })
        .sum::<usize>()
        + 256
}

/// The undo and redo stacks. Every change to the document goes through
/// [`History::apply`], so one user action is one undo step.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    limit: usize,
    byte_limit: usize,
    state: u64,
    next_state: u64,
    open_merge: Option<String>,
}

impl Default for History {
    fn default() -> Self {
        Self::new(DEFAULT_HISTORY_LIMIT)
    }
}

impl History {
    /// An empty history keeping at most `limit` undo steps and about
    /// [`DEFAULT_HISTORY_BYTES`] of memory.
    pub fn new(limit: usize) -> Self {
        Self::bounded(limit, DEFAULT_HISTORY_BYTES)
    }

    /// An empty history keeping at most `limit` undo steps and about
    /// `byte_limit` bytes of stage copies (always at least one step).
    pub fn bounded(limit: usize, byte_limit: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            byte_limit,
            state: 0,
            next_state: 1,
            open_merge: None,
        }
    }

    /// How many edits were applied so far (undo and redo are not edits).
    pub fn edit_count(&self) -> u64 {
        self.next_state - 1
    }

    /// An id of the current document state: equal ids mean equal plans, so
    /// "unsaved changes" is `state() != saved_state`.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Applies `edit` to `plan` as one undo step. On error `plan` is untouched.
    pub fn apply(&mut self, plan: &mut Plan, edit: &Edit) -> Result<(), EditError> {
        self.apply_merging(plan, edit, None)
    }

    /// Like [`History::apply`], but consecutive edits with the same
    /// `merge_key` (typing into one field) form a single undo step until
    /// [`History::seal`] is called.
    pub fn apply_merging(
        &mut self,
        plan: &mut Plan,
        edit: &Edit,
        merge_key: Option<&str>,
    ) -> Result<(), EditError> {
        let mut next = plan.clone();
        edit.apply(&mut next)?;
        let merges = merge_key.is_some() && self.open_merge.as_deref() == merge_key;
        let before = std::mem::replace(plan, next);
        if !merges {
            self.undo.push(Entry {
                label: edit.label(),
                bytes: unshared_bytes(&before, plan),
                plan: before,
                state: self.state,
                merge_key: merge_key.map(str::to_owned),
            });
            self.trim();
        }
        self.open_merge = merge_key.map(str::to_owned);
        self.redo.clear();
        self.state = self.next_state;
        self.next_state += 1;
        Ok(())
    }

    /// Drops the oldest steps beyond the step and memory limits.
    fn trim(&mut self) {
        let mut bytes: usize = self.undo.iter().map(|e| e.bytes).sum();
        let mut drop = 0;
        while self.undo.len() - drop > 1
            && (self.undo.len() - drop > self.limit || bytes > self.byte_limit)
        {
            bytes -= self.undo[drop].bytes;
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    /// How many steps Undo can take back.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Roughly the memory the undo steps hold beyond the plan itself.
    pub fn undo_bytes(&self) -> usize {
        self.undo.iter().map(|e| e.bytes).sum()
    }

    /// Whether a run of edits merging under `key` is open: the last edit
    /// was made with that key, and nothing sealed, undid or redid since.
    pub fn is_merging(&self, key: &str) -> bool {
        self.open_merge.as_deref() == Some(key)
    }

    /// Ends a run of merging edits, so the next one starts a new undo step.
    pub fn seal(&mut self) {
        self.open_merge = None;
    }

    /// Undoes the last step; `false` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> bool {
        self.step(plan, true)
    }

    /// Redoes the last undone step; `false` when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut Plan) -> bool {
        self.step(plan, false)
    }

    fn step(&mut self, plan: &mut Plan, undo: bool) -> bool {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(entry) = from.pop() else {
            return false;
        };
        let current = std::mem::replace(plan, entry.plan);
        to.push(Entry {
            label: entry.label,
            bytes: unshared_bytes(&current, plan),
            plan: current,
            state: self.state,
            merge_key: entry.merge_key,
        });
        self.state = entry.state;
        self.open_merge = None;
        true
    }

    /// The label of the step Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// The label of the step Redo would apply again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// Forgets everything (after New or Open).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open_merge = None;
        self.state = self.next_state;
        self.next_state += 1;
    }
}
