//! Edits: every change the app makes to a plan, as data that can be applied,
//! recorded and undone.

use crate::model::limits::{self, MAX_MEMBERS, MAX_STAGES, MAX_TEXT_CHARS, thousands};
use crate::model::{
    Link, LinkKind, Member, ModelError, Plan, Settings, Stage, StageKind, is_valid_amount,
};

/// Refuses a text over [`MAX_TEXT_CHARS`] characters.
fn check_text(what: &str, text: &str) -> Result<(), EditError> {
    match limits::too_long(text) {
        Some(chars) => Err(EditError::OverLimit(format!(
            "the {what} is {} characters long; the limit is {}",
            thousands(chars as u64),
            thousands(MAX_TEXT_CHARS as u64)
        ))),
        None => Ok(()),
    }
}

fn check_member(member: &Member) -> Result<(), EditError> {
    for (what, text) in [
        ("id", &member.id),
        ("name", &member.name),
        ("title", &member.title),
        ("notes", &member.notes),
    ] {
        check_text(what, text)?;
    }
    for (what, amount) in [("cost", member.cost), ("quota", member.quota)] {
        if let Some(amount) = amount.filter(|a| !is_valid_amount(*a)) {
            return Err(EditError::BadAmount(format!(
                "the {what} of {} is {amount}; an amount is 0 or more",
                member.display_name()
            )));
        }
    }
    member
        .tags
        .iter()
        .try_for_each(|tag| check_text("tag", tag.as_str()))
}

fn full_stage(count: usize) -> Result<(), EditError> {
    if count >= MAX_MEMBERS {
        return Err(EditError::OverLimit(format!(
            "a stage holds at most {} members",
            thousands(MAX_MEMBERS as u64)
        )));
    }
    Ok(())
}

pub use super::error::EditError;

/// One change to a plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds a member, optionally reporting to `manager`.
    AddMember {
        /// Stage id.
        stage: String,
        /// The new member (its id must be free).
        member: Member,
        /// Where its card goes (centre); `None`: laid out when shown.
        pos: Option<[f32; 2]>,
        /// Who the new member reports to.
        manager: Option<String>,
    },
    /// Removes members and all their lines.
    RemoveMembers {
        /// Stage id.
        stage: String,
        /// Member ids.
        ids: Vec<String>,
    },
    /// Replaces a member's fields (matched by id; lines are kept).
    UpdateMember {
        /// Stage id.
        stage: String,
        /// The member as it should be.
        member: Member,
    },
    /// Gives a member of one stage a new id (its lines follow). The new id
    /// must be free in that stage.
    RenameMemberId {
        /// Stage id.
        stage: String,
        /// The member's id now.
        from: String,
        /// Its new id.
        to: String,
    },
    /// Sets or clears who a member reports to. Refuses cycles.
    SetManager {
        /// Stage id.
        stage: String,
        /// The member.
        member: String,
        /// The new manager, or `None` to make the member a root.
        manager: Option<String>,
    },
    /// Adds a line.
    AddLink {
        /// Stage id.
        stage: String,
        /// The line.
        link: Link,
    },
    /// Removes a line.
    RemoveLink {
        /// Stage id.
        stage: String,
        /// The line.
        link: Link,
    },
    /// Moves members on the canvas.
    SetPositions {
        /// Stage id.
        stage: String,
        /// New centre positions by member id.
        positions: Vec<(String, [f32; 2])>,
    },
    /// Moves every member of a stage to its place in the stage's layout
    /// style: keeps a tidy stage tidy after its lines change, and tidies
    /// a stage up. Laid out when applied, so the edit holds no positions.
    LayOutAgain {
        /// Stage id.
        stage: String,
    },
    /// Moves cards to positions worked out (on a worker) by laying out the
    /// stage as it was at `revision` ([`crate::model::Stage::revision`]):
    /// what [`Edit::LayOutAgain`] does, without laying out when applied.
    /// Refused once the stage has changed since.
    PlaceAsLaidOut {
        /// Stage id.
        stage: String,
        /// The stage's revision when it was laid out.
        revision: u64,
        /// Card centres by graph node of that revision.
        positions: std::sync::Arc<Vec<(petgraph::stable_graph::NodeIndex, [f32; 2])>>,
    },
    /// Sets the plan title.
    SetTitle(String),
    /// Replaces the plan's thresholds and rule levels.
    SetSettings(Box<Settings>),
    /// Inserts a stage at `index` (its id must be free).
    AddStage {
        /// Position in the timeline.
        index: usize,
        /// The stage.
        stage: Box<Stage>,
    },
    /// Deletes a stage.
    RemoveStage {
        /// Stage id.
        id: String,
    },
    /// Moves a stage to another position in the timeline.
    MoveStage {
        /// Stage id.
        id: String,
        /// New position.
        to: usize,
    },
    /// Sets a stage's name, kind, when and notes.
    SetStageInfo {
        /// Stage id.
        id: String,
        /// Display name.
        name: String,
        /// Stage kind.
        kind: StageKind,
        /// When on the timeline.
        when: String,
        /// Notes.
        notes: String,
    },
    /// Names the option a stage starts (`None`: "Option A", … by place).
    SetStageOption {
        /// Stage id.
        id: String,
        /// The option's name.
        option: Option<String>,
    },
    /// Sets or clears a stage's annual bookings target (an amount ≥ 0).
    SetStageTarget {
        /// Stage id.
        id: String,
        /// The target.
        target: Option<f64>,
    },
    /// Sets or clears a stage's layout style (the positions stay).
    SetStageLayout {
        /// Stage id.
        id: String,
        /// The style.
        layout: Option<crate::model::LayoutStyle>,
    },
    /// Sets or clears the stage a stage follows (`None`: the one before it
    /// in the file). Must name an earlier stage.
    SetStageAfter {
        /// Stage id.
        id: String,
        /// The id of the stage it follows.
        after: Option<String>,
    },
    /// Several edits applied as one undo step, all or nothing.
    Batch {
        /// What the user did, e.g. "Duplicate 3 members".
        label: String,
        /// The edits, applied in order.
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// A short description for the Undo/Redo menu, e.g. "add member".
    pub fn label(&self) -> String {
        match self {
            Self::AddMember { member, .. } => format!("add {}", member.display_name()),
            Self::RemoveMembers { ids, .. } if ids.len() == 1 => "delete member".to_owned(),
            Self::RemoveMembers { ids, .. } => format!("delete {} members", ids.len()),
            Self::UpdateMember { member, .. } => format!("edit {}", member.display_name()),
            Self::RenameMemberId { .. } => "change member id".to_owned(),
            Self::SetManager { .. } => "change manager".to_owned(),
            Self::AddLink { .. } => "add line".to_owned(),
            Self::RemoveLink { .. } => "remove line".to_owned(),
            Self::SetPositions { positions, .. } if positions.len() == 1 => {
                "move member".to_owned()
            }
            Self::SetPositions { .. } => "move members".to_owned(),
            Self::LayOutAgain { .. } | Self::PlaceAsLaidOut { .. } => "tidy up".to_owned(),
            Self::SetTitle(_) => "rename plan".to_owned(),
            Self::SetSettings(_) => "change rule settings".to_owned(),
            Self::AddStage { stage, .. } => format!("add stage {}", stage.name),
            Self::RemoveStage { .. } => "delete stage".to_owned(),
            Self::MoveStage { .. } => "move stage".to_owned(),
            Self::SetStageInfo { .. } => "edit stage".to_owned(),
            Self::SetStageOption { .. } => "rename option".to_owned(),
            Self::SetStageTarget { .. } => "set stage target".to_owned(),
            Self::SetStageLayout { .. } => "set layout style".to_owned(),
            Self::SetStageAfter { .. } => "change what a stage follows".to_owned(),
            Self::Batch { label, .. } => label.clone(),
        }
    }

    /// Refuses an edit that would take a text, a stage or the plan past a
    /// limit, so that whatever is saved loads again.
    fn check_limits(&self, plan: &Plan) -> Result<(), EditError> {
        match self {
            Self::AddMember { stage, member, .. } => {
                check_member(member)?;
                full_stage(plan.stage(stage).map_or(0, Stage::member_count))
            }
            Self::UpdateMember { member, .. } => check_member(member),
            Self::RenameMemberId { to, .. } => check_text("member id", to),
            Self::SetTitle(title) => check_text("title", title),
            Self::AddStage { stage, .. } => {
                if plan.stages.len() >= MAX_STAGES {
                    return Err(EditError::OverLimit(format!(
                        "a plan holds at most {} stages",
                        thousands(MAX_STAGES as u64)
                    )));
                }
                full_stage(stage.member_count().saturating_sub(1))?;
                for (what, text) in [
                    ("stage id", &stage.id),
                    ("stage name", &stage.name),
                    ("stage's when", &stage.when),
                    ("stage notes", &stage.notes),
                ] {
                    check_text(what, text)?;
                }
                stage.members().try_for_each(check_member)
            }
            Self::SetStageOption {
                option: Some(option),
                ..
            } => check_text("option name", option),
            Self::SetStageInfo {
                name, when, notes, ..
            } => {
                check_text("stage name", name)?;
                check_text("stage's when", when)?;
                check_text("stage notes", notes)
            }
            _ => Ok(()),
        }
    }

    /// Applies the edit to `plan`. On error `plan` may be partly changed;
    /// [`crate::edit::History`] applies edits to a copy, so callers going
    /// through it never see that.
    pub fn apply(&self, plan: &mut Plan) -> Result<(), EditError> {
        self.check_limits(plan)?;
        match self {
            Self::AddMember {
                stage,
                member,
                pos,
                manager,
            } => {
                let stage = stage_mut(plan, stage)?;
                stage.add_member_at(member.clone(), *pos)?;
                if let Some(manager) = manager {
                    stage.add_link(&Link::new(&member.id, manager, LinkKind::ReportsTo))?;
                }
            }
            Self::RemoveMembers { stage, ids } => {
                let stage = stage_mut(plan, stage)?;
                for id in ids {
                    stage
                        .remove_member(id)
                        .ok_or_else(|| ModelError::UnknownMember { id: id.clone() })?;
                }
            }
            Self::UpdateMember { stage, member } => {
                let slot = stage_mut(plan, stage)?
                    .member_mut(&member.id)
                    .ok_or_else(|| ModelError::UnknownMember {
                        id: member.id.clone(),
                    })?;
                *slot = member.clone();
            }
            Self::RenameMemberId { stage, from, to } => {
                stage_mut(plan, stage)?.rename_member_id(from, to)?;
            }
            Self::SetManager {
                stage,
                member,
                manager,
            } => set_manager(stage_mut(plan, stage)?, member, manager.as_deref())?,
            Self::AddLink { stage, link } => {
                stage_mut(plan, stage)?.add_link(link)?;
            }
            Self::RemoveLink { stage, link } => {
                if !stage_mut(plan, stage)?.remove_link(link) {
                    return Err(ModelError::UnknownMember {
                        id: format!("{} → {}", link.from, link.to),
                    }
                    .into());
                }
            }
            Self::SetPositions { stage, positions } => {
                let stage = stage_mut(plan, stage)?;
                let nodes = positions
                    .iter()
                    .map(|(id, pos)| {
                        let node = stage
                            .node(id)
                            .ok_or_else(|| ModelError::UnknownMember { id: id.clone() })?;
                        Ok((node, *pos))
                    })
                    .collect::<Result<Vec<_>, EditError>>()?;
                stage.set_positions_at(nodes);
            }
            Self::LayOutAgain { stage } => crate::layout::lay_out_again(stage_mut(plan, stage)?),
            Self::PlaceAsLaidOut {
                stage: id,
                revision,
                positions,
            } => {
                let stage = stage_mut(plan, id)?;
                if stage.revision() != *revision {
                    return Err(EditError::StaleLayout(id.clone()));
                }
                stage.set_positions_at(positions.iter().copied());
            }
            Self::SetTitle(title) => plan.title = title.clone(),
            Self::SetSettings(settings) => plan.settings = (**settings).clone(),
            Self::AddStage { index, stage } => {
                if plan.stage(&stage.id).is_some() {
                    return Err(EditError::DuplicateStage(stage.id.clone()));
                }
                plan.stages
                    .insert((*index).min(plan.stages.len()), (**stage).clone());
            }
            Self::RemoveStage { id } => {
                let at = position(plan, id)?;
                // Its followers now follow the stage it followed.
                let parent = plan.parent(at).map(|p| plan.stages[p].id.clone());
                plan.stages.remove(at);
                for stage in &mut plan.stages {
                    if stage.after.as_deref() == Some(id.as_str()) {
                        stage.after.clone_from(&parent);
                    }
                }
                keep_afters_earlier(plan);
            }
            Self::MoveStage { id, to } => {
                let at = position(plan, id)?;
                let stage = plan.stages.remove(at);
                plan.stages.insert((*to).min(plan.stages.len()), stage);
                keep_afters_earlier(plan);
            }
            Self::SetStageInfo {
                id,
                name,
                kind,
                when,
                notes,
            } => {
                let stage = stage_mut(plan, id)?;
                stage.name = name.clone();
                stage.kind = *kind;
                stage.when = when.clone();
                stage.notes = notes.clone();
            }
            Self::SetStageOption { id, option } => {
                stage_mut(plan, id)?.option.clone_from(option);
            }
            Self::SetStageLayout { id, layout } => stage_mut(plan, id)?.layout = *layout,
            Self::SetStageTarget { id, target } => {
                if let Some(t) = target.filter(|t| !crate::model::is_valid_amount(*t)) {
                    return Err(EditError::BadAmount(format!(
                        "a target is an amount of 0 or more, not {t}"
                    )));
                }
                stage_mut(plan, id)?.target = *target;
            }
            Self::SetStageAfter { id, after } => {
                let at = position(plan, id)?;
                if let Some(after) = after
                    && !plan.stages[..at].iter().any(|s| &s.id == after)
                {
                    return Err(EditError::UnknownStage(after.clone()));
                }
                plan.stages[at].after.clone_from(after);
            }
            Self::Batch { edits, .. } => {
                for edit in edits {
                    edit.apply(plan)?;
                }
            }
        }
        Ok(())
    }
}

/// An `after` must name an earlier stage (what loads again); one that no
/// longer does is dropped, and the stage follows the one before it.
fn keep_afters_earlier(plan: &mut Plan) {
    let mut seen = std::collections::HashSet::new();
    for stage in &mut plan.stages {
        if stage.after.as_ref().is_some_and(|a| !seen.contains(a)) {
            stage.after = None;
        }
        seen.insert(stage.id.clone());
    }
}

fn position(plan: &Plan, id: &str) -> Result<usize, EditError> {
    plan.stage_position(id)
        .ok_or_else(|| EditError::UnknownStage(id.to_owned()))
}

/// A stage id not used in `plan`, derived from `base`.
pub fn free_stage_id(plan: &Plan, base: &str) -> String {
    free_id(base, "stage", |id| plan.stage(id).is_some())
}

/// `base` if it is free, else `base-2`, `base-3`, ...; `fallback` for a
/// blank base.
fn free_id(base: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.trim().is_empty() {
        fallback
    } else {
        base
    };
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

fn stage_mut<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Stage, EditError> {
    plan.stages
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| EditError::UnknownStage(id.to_owned()))
}

fn set_manager(stage: &mut Stage, member: &str, manager: Option<&str>) -> Result<(), EditError> {
    if let Some(manager) = manager {
        if stage.member(manager).is_none() {
            return Err(ModelError::UnknownMember {
                id: manager.to_owned(),
            }
            .into());
        }
        if reports_to(stage, manager, member) {
            let name = |id: &str| {
                stage
                    .member(id)
                    .map_or(id.to_owned(), |m| m.display_name().to_owned())
            };
            return Err(EditError::WouldCycle {
                member: name(member),
                manager: name(manager),
            });
        }
    }
    if let Some(old) = stage.manager_of(member).map(|m| m.id.clone()) {
        stage.remove_link(&Link::new(member, old, LinkKind::ReportsTo));
    }
    if let Some(manager) = manager {
        stage.add_link(&Link::new(member, manager, LinkKind::ReportsTo))?;
    }
    Ok(())
}

/// Whether `who` is `boss` or reports to `boss` through any chain.
pub fn reports_to(stage: &Stage, who: &str, boss: &str) -> bool {
    let mut current = Some(who.to_owned());
    let mut steps = 0;
    while let Some(id) = current {
        if id == boss {
            return true;
        }
        steps += 1;
        if steps > stage.member_count() {
            return false; // an existing cycle that does not contain `boss`
        }
        current = stage.manager_of(&id).map(|m| m.id.clone());
    }
    false
}

/// An id not used in `stage`, derived from `base` ("ae", "ae-2", "ae-3", ...).
pub fn free_member_id(stage: &Stage, base: &str) -> String {
    free_id(base, "member", |id| stage.member(id).is_some())
}

/// An id no stage of `plan` uses, derived from `base`: a new person's id
/// (the same id in two stages is the same person).
pub fn free_plan_member_id(plan: &Plan, base: &str) -> String {
    free_id(base, "member", |id| {
        plan.stages.iter().any(|s| s.member(id).is_some())
    })
}

/// A stage name no stage of `plan` has, derived from `base` ("Split
/// roles", "Split roles 2", ...), so timeline tabs tell stages apart.
pub fn free_stage_name(plan: &Plan, base: &str) -> String {
    free_name(base, |name| {
        plan.stages
            .iter()
            .any(|s| s.name.trim().eq_ignore_ascii_case(name.trim()))
    })
}

/// `base`, or "base 2", "base 3", … : the first that `taken` says is free.
pub fn free_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| base.to_owned())
}
