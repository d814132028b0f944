//! The moves that start an option (DESIGN.md "Options"): the same member
//! ids, one undoable edit, shared by the app's "Add option" and `orgevo
//! next`. `hire-manager` and `grow-manager` are the moves "Next stage" has
//! always made; `hire-growth-leader` is the other road from split roles;
//! `keep-juggling` shows the founder carrying on with both hats.

use super::change::{Edit, free_stage_id, free_stage_name};
use super::transition::{
    add_planned_seat, converge, hand_over_all_but_vision, main_owner, report_to, reports_with,
    seat_of, split_roles,
};
use crate::model::{
    Function, Plan, Responsibility, ResponsibilitySet, Stage, StageKind, TagFamily,
};

/// A move from one stage to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The same people and lines, as the same kind unless another is asked.
    Copy,
    /// Founder-led → split roles: a sales manager takes the management.
    HireManager,
    /// Split roles → converged: the sales manager (same id) becomes the
    /// growth leader.
    GrowManager,
    /// Split roles → converged: a new growth leader above the sales manager.
    HireGrowthLeader,
    /// Founder-led → founder-led: the owner keeps both hats.
    KeepJuggling,
}

impl Move {
    /// Every move, in menu order.
    pub const ALL: [Self; 5] = [
        Self::HireManager,
        Self::KeepJuggling,
        Self::GrowManager,
        Self::HireGrowthLeader,
        Self::Copy,
    ];

    /// The id used by `orgevo next --move`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Copy => "copy",
            Self::HireManager => "hire-manager",
            Self::GrowManager => "grow-manager",
            Self::HireGrowthLeader => "hire-growth-leader",
            Self::KeepJuggling => "keep-juggling",
        }
    }

    /// The move with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }

    /// The kind of the stage the move makes from a stage of kind `from`.
    pub fn kind(self, from: StageKind) -> StageKind {
        match self {
            Self::Copy => from,
            Self::HireManager => StageKind::SplitRoles,
            Self::GrowManager | Self::HireGrowthLeader => StageKind::Converged,
            Self::KeepJuggling => StageKind::FounderLed,
        }
    }

    /// Whether the move fits a stage of kind `from` ("Add option" offers
    /// only these; a copy always fits).
    pub fn fits(self, from: StageKind) -> bool {
        match self {
            Self::Copy => true,
            Self::HireManager | Self::KeepJuggling => from == StageKind::FounderLed,
            Self::GrowManager | Self::HireGrowthLeader => from == StageKind::SplitRoles,
        }
    }

    /// The name of the option the move starts from `source`: "Grow Morgan
    /// Blake", "Hire a growth leader", ...
    pub fn option_name(self, source: &Stage) -> String {
        match self {
            Self::Copy => "Copy".to_owned(),
            Self::HireManager => "Hire a sales manager".to_owned(),
            Self::HireGrowthLeader => "Hire a growth leader".to_owned(),
            Self::KeepJuggling => "Keep juggling".to_owned(),
            Self::GrowManager => {
                let owner = main_owner(source, TagFamily::Leadership);
                let manager = owner
                    .and_then(|o| seat_of(source, Function::SalesManager, &o))
                    .and_then(|id| source.member(&id).map(|m| m.display_name().to_owned()));
                match manager {
                    Some(name) => format!("Grow {name}"),
                    None => "Grow the sales manager".to_owned(),
                }
            }
        }
    }

    /// The stage the move makes from `source` (member ids kept), and
    /// whether reporting lines changed (the caller lays it out again).
    pub fn apply(self, source: &Stage) -> (Stage, bool) {
        let mut stage = source.clone();
        stage.kind = self.kind(source.kind);
        let moved = match self {
            Self::Copy | Self::KeepJuggling => false,
            Self::HireManager => split_roles(&mut stage),
            Self::GrowManager => converge(&mut stage),
            Self::HireGrowthLeader => hire_growth_leader(&mut stage),
        };
        (stage, moved)
    }
}

/// Split roles → converged by hiring: a planned growth-leader seat reports
/// to the owner and holds both families (the leadership the owner hands
/// over, all but `vision`, and the management tags); the sales manager
/// keeps its id, tags and team and reports to the growth leader; marketing
/// reporting to the owner moves under the growth leader.
fn hire_growth_leader(stage: &mut Stage) -> bool {
    let Some(owner) = main_owner(stage, TagFamily::Leadership) else {
        return false;
    };
    let manager = seat_of(stage, Function::SalesManager, &owner);
    let Some(leader) = add_planned_seat(
        stage,
        "growth-leader",
        "Growth Leader",
        Function::GrowthLeader,
    ) else {
        return false;
    };
    let mut moved = report_to(stage, &leader, &owner);
    hand_over_all_but_vision(stage, &owner, &leader);
    let management: ResponsibilitySet = Responsibility::ALL
        .into_iter()
        .filter(|r| r.family() == TagFamily::Management)
        .collect();
    if let Some(l) = stage.member_mut(&leader) {
        let held = l.responsibilities();
        l.tags.extend(
            management
                .iter()
                .filter(|r| !held.contains(*r))
                .map(Into::into),
        );
    }
    if let Some(manager) = manager {
        moved |= report_to(stage, &manager, &leader);
    }
    for marketing in reports_with(stage, &owner, Function::Marketing) {
        moved |= report_to(stage, &marketing, &leader);
    }
    moved
}

/// `name`, or "name 2", "name 3", … when an option of the plan is already
/// called that (options are told apart by name: `--option NAME`).
fn free_option_name(plan: &Plan, name: &str) -> String {
    super::change::free_name(name, |candidate| plan.find_option(candidate).is_some())
}

/// Adds an option after the stage at `decision`: the stage `mv` makes from
/// it, following it (`after`), named after the move, placed after the
/// decision's other descendants. Returns the edit and the new stage's id.
pub fn add_option(plan: &Plan, decision: usize, mv: Move) -> Option<(Edit, String)> {
    let source = plan.stages.get(decision)?;
    let (stage, moved) = mv.apply(source);
    let name = mv.option_name(source);
    Some(place_following(plan, decision, stage, moved, Some(name)))
}

/// The edit that puts `stage` (made from the stage at `after`, laid out
/// again when `moved`) into `plan` as a follower of that stage: a fresh id
/// and name unless it has a free one, placed after the stage's subtree so
/// the file reads in tree order. When the stage already has followers the
/// new one starts an option, named `option` (default: "Option B", …);
/// otherwise it simply comes next. Returns the edit and the new id.
pub fn place_following(
    plan: &Plan,
    after: usize,
    mut stage: Stage,
    moved: bool,
    option: Option<String>,
) -> (Edit, String) {
    let source = &plan.stages[after];
    if stage.id.trim().is_empty() || plan.stage(&stage.id).is_some() {
        stage.id = free_stage_id(plan, stage.kind.id());
    }
    if stage.name.trim().is_empty() || plan.stages.iter().any(|s| s.name == stage.name) {
        stage.name = free_stage_name(plan, stage.kind.label());
    }
    let followers = plan.followers(after);
    let index = plan
        .descendants(after)
        .last()
        .map_or(after + 1, |last| last + 1);
    if followers.is_empty() {
        // The next stage on its line: `after` only where the file order
        // would not say it.
        stage.after = (index != after + 1).then(|| source.id.clone());
        stage.option = option;
    } else {
        stage.after = Some(source.id.clone());
        let letter = char::from(b'A' + followers.len().min(25) as u8);
        let name = option.unwrap_or_else(|| format!("Option {letter}"));
        stage.option = Some(free_option_name(plan, &name));
    }
    if moved {
        crate::layout::lay_out_again(&mut stage);
    }
    let id = stage.id.clone();
    (
        Edit::AddStage {
            index,
            stage: Box::new(stage),
        },
        id,
    )
}

/// The move "Next stage" makes from a stage of kind `from` when none is
/// named: hire a manager after founder-led, grow the manager after split
/// roles, a copy otherwise.
pub fn default_move(from: StageKind) -> Move {
    match from {
        StageKind::FounderLed => Move::HireManager,
        StageKind::SplitRoles => Move::GrowManager,
        _ => Move::Copy,
    }
}

#[cfg(test)]
mod tests;
