//! Starting responsibilities for a stage whose people carry none yet (a
//! fresh import): leading functions get the direction of the team and its
//! process design, sales managers the six management tags. A starting point
//! the user reviews, never the default: titles are not responsibilities.

use super::Edit;
use crate::model::{Function, Member, Responsibility, Stage, Tag};

/// What leading functions (owner, sales leader, growth leader) are given.
pub const LEADING_SUGGESTION: [Responsibility; 4] = [
    Responsibility::Vision,
    Responsibility::Inspiration,
    Responsibility::Strategy,
    Responsibility::ProcessDesign,
];

/// What sales managers are given.
pub const MANAGER_SUGGESTION: [Responsibility; 6] = [
    Responsibility::Execution,
    Responsibility::Rigor,
    Responsibility::ProcessDiscipline,
    Responsibility::Metrics,
    Responsibility::Accountability,
    Responsibility::Coaching,
];

/// The responsibilities one member would be given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The member's id.
    pub member: String,
    /// The member's name, for the preview.
    pub name: String,
    /// What it would be given.
    pub tags: Vec<Responsibility>,
}

/// The responsibilities `member` would be given: only when it holds none
/// of the twelve yet (custom tags do not count), by its function.
pub fn suggestion_for(member: &Member) -> Option<&'static [Responsibility]> {
    if !member.responsibilities().is_empty() {
        return None;
    }
    match member.function {
        f if f.is_leading() => Some(&LEADING_SUGGESTION),
        Function::SalesManager => Some(&MANAGER_SUGGESTION),
        _ => None,
    }
}

/// What "Suggest responsibilities…" would give each member of `stage`, in
/// member order; empty when nobody qualifies.
pub fn suggest_responsibilities(stage: &Stage) -> Vec<Suggestion> {
    stage
        .members()
        .filter_map(|m| {
            Some(Suggestion {
                member: m.id.clone(),
                name: m.display_name().to_owned(),
                tags: suggestion_for(m)?.to_vec(),
            })
        })
        .collect()
}

/// The suggestions as one undoable edit (`None` when there are none).
pub fn suggestions_edit(stage: &Stage, suggestions: &[Suggestion]) -> Option<Edit> {
    let edits: Vec<Edit> = suggestions
        .iter()
        .filter_map(|s| {
            let mut member = stage.member(&s.member)?.clone();
            member.tags.extend(s.tags.iter().map(|t| Tag::Core(*t)));
            Some(Edit::UpdateMember {
                stage: stage.id.clone(),
                member,
            })
        })
        .collect();
    (!edits.is_empty()).then(|| Edit::Batch {
        label: format!(
            "suggest responsibilities for {} member{}",
            edits.len(),
            if edits.len() == 1 { "" } else { "s" }
        ),
        edits,
    })
}

/// Gives every qualifying member of `stage` its suggestion, in place (for
/// an import, before the stage is part of any plan); returns how many.
pub fn apply_suggestions(stage: &mut Stage) -> usize {
    let suggestions = suggest_responsibilities(stage);
    for s in &suggestions {
        if let Some(member) = stage.member_mut(&s.member) {
            member.tags.extend(s.tags.iter().map(|t| Tag::Core(*t)));
        }
    }
    suggestions.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PlanBuilder, StageKind};

    #[test]
    fn only_members_without_responsibilities_of_the_right_functions_get_some() {
        let plan = PlanBuilder::new()
            .stage("s", StageKind::Custom)
            .member("ceo", Function::Owner, &["ceo"])
            .member("vp", Function::SalesLeader, &["metrics"])
            .member("gl", Function::GrowthLeader, &[])
            .member("sm", Function::SalesManager, &[])
            .member("sm2", Function::SalesManager, &["coaching"])
            .member("ae", Function::Sales, &[])
            .member("mk", Function::Marketing, &[])
            .build()
            .unwrap();
        let stage = &plan.stages[0];
        let suggested = suggest_responsibilities(stage);
        let got: Vec<(&str, usize)> = suggested
            .iter()
            .map(|s| (s.member.as_str(), s.tags.len()))
            .collect();
        // The owner's custom tag is no responsibility; the sales leader
        // and the second manager already hold one, and are left alone.
        assert_eq!(got, [("ceo", 4), ("gl", 4), ("sm", 6)]);
        let mut stage = stage.clone();
        assert_eq!(apply_suggestions(&mut stage), 3);
        let owner = stage.member("ceo").unwrap();
        assert_eq!(owner.tags[0], Tag::Custom("ceo".into()));
        assert_eq!(
            owner.responsibilities(),
            LEADING_SUGGESTION.iter().copied().collect()
        );
        assert_eq!(stage.member("vp").unwrap().tags.len(), 1);
        assert!(suggest_responsibilities(&stage).is_empty());
    }
}
