//! Reordering and deleting options: "Make this the main option" and
//! "Delete option" (DESIGN.md "Options").
//! The main line runs through each stage's first follower in file order,
//! so an option becomes the main one when its stages move in front of
//! its siblings'. What every stage follows, and every option's name, stay
//! as they were.

use super::change::Edit;
use crate::model::Plan;

/// The edit that deletes the option starting at `index`: that stage and
/// every stage below it, as one undoable step (`None` when `index` starts
/// no option).
pub fn delete_option(plan: &Plan, index: usize) -> Option<Edit> {
    if !plan.starts_option(index) {
        return None;
    }
    let edits = std::iter::once(index)
        .chain(plan.descendants(index))
        .rev()
        .map(|i| Edit::RemoveStage {
            id: plan.stages[i].id.clone(),
        })
        .collect();
    let label = format!("delete option {}", plan.option_name(index));
    Some(Edit::Batch { label, edits })
}

/// The edit that makes the option starting at `index` the first at its
/// decision, or `None` when it already is (or `index` starts no option).
pub fn make_main_option(plan: &Plan, index: usize) -> Option<Edit> {
    let decision = plan.parent(index)?;
    let followers = plan.followers(decision);
    let first = *followers.first()?;
    if followers.len() < 2 || first == index {
        return None;
    }
    let mut edits = Vec::new();
    // Every stage names what it follows, so moving stages changes no
    // parent; the options keep their names ("Option B" stays "Option B").
    for (at, stage) in plan.stages.iter().enumerate() {
        if let (None, Some(parent)) = (&stage.after, plan.parent(at)) {
            edits.push(Edit::SetStageAfter {
                id: stage.id.clone(),
                after: Some(plan.stages[parent].id.clone()),
            });
        }
    }
    for follower in &followers {
        if plan.stages[*follower].option.is_none() {
            edits.push(Edit::SetStageOption {
                id: plan.stages[*follower].id.clone(),
                option: Some(plan.option_name(*follower)),
            });
        }
    }
    // The option's stages, in file order, move in front of the first
    // option's first stage.
    let block = std::iter::once(index).chain(plan.descendants(index));
    for (k, stage) in block.enumerate() {
        edits.push(Edit::MoveStage {
            id: plan.stages[stage].id.clone(),
            to: first + k,
        });
    }
    let mut moved = plan.clone();
    for edit in &edits {
        edit.apply(&mut moved).ok()?;
    }
    // Where a stage now follows the one just before it, as it did without
    // naming it, it goes back to not naming it.
    for (at, stage) in moved.stages.iter().enumerate() {
        let implicit_before = plan.stage(&stage.id).is_some_and(|s| s.after.is_none());
        let follows_previous = at > 0 && stage.after.as_deref() == Some(&moved.stages[at - 1].id);
        if implicit_before && follows_previous {
            edits.push(Edit::SetStageAfter {
                id: stage.id.clone(),
                after: None,
            });
        }
    }
    Some(Edit::Batch {
        label: format!("make {} the main option", plan.option_name(index)),
        edits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stage, StageKind};

    /// founder → split → {grow → later, hire → hire-later}
    fn branched() -> Plan {
        let mut plan = Plan::new("t");
        for (id, after) in [
            ("founder", None),
            ("split", None),
            ("grow", None),
            ("later", None),
            ("hire", Some("split")),
            ("hire-later", None),
        ] {
            let mut stage = Stage::new(id, id, StageKind::Custom);
            stage.after = after.map(str::to_owned);
            plan.stages.push(stage);
        }
        plan.stages[4].option = Some("Hire a growth leader".into());
        plan
    }

    fn ids(plan: &Plan, indexes: &[usize]) -> Vec<String> {
        indexes.iter().map(|i| plan.stages[*i].id.clone()).collect()
    }

    fn parent_ids(plan: &Plan) -> Vec<(String, Option<String>)> {
        let mut parents: Vec<_> = (0..plan.stages.len())
            .map(|i| {
                (
                    plan.stages[i].id.clone(),
                    plan.parent(i).map(|p| plan.stages[p].id.clone()),
                )
            })
            .collect();
        parents.sort();
        parents
    }

    #[test]
    fn the_option_becomes_the_main_line_and_the_tree_stays_the_same() {
        let plan = branched();
        let before_parents = parent_ids(&plan);
        let edit = make_main_option(&plan, 4).expect("an option that is not main");
        let mut after = plan.clone();
        edit.apply(&mut after).unwrap();
        assert_eq!(
            ids(&after, &after.main_line()),
            vec!["founder", "split", "hire", "hire-later"]
        );
        assert_eq!(
            parent_ids(&after),
            before_parents,
            "nothing follows anything else"
        );
        let grow = after.stage_position("grow").unwrap();
        assert_eq!(
            after.option_name(grow),
            "Option A",
            "the old main keeps its name"
        );
        let hire = after.stage_position("hire").unwrap();
        assert_eq!(after.option_name(hire), "Hire a growth leader");
        // Only the stage that no longer sits after its parent names it.
        let named: Vec<&str> = after
            .stages
            .iter()
            .filter(|s| s.after.is_some())
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(named, vec!["hire", "grow"]);
        // And back again.
        let back = make_main_option(&after, grow).unwrap();
        back.apply(&mut after).unwrap();
        assert_eq!(
            ids(&after, &after.main_line()),
            vec!["founder", "split", "grow", "later"]
        );
        assert_eq!(parent_ids(&after), before_parents);
    }

    #[test]
    fn the_main_option_and_a_stage_starting_no_option_have_nothing_to_do() {
        let plan = branched();
        assert_eq!(make_main_option(&plan, 2), None, "already the main option");
        assert_eq!(make_main_option(&plan, 3), None, "no decision above");
        assert_eq!(make_main_option(&plan, 0), None);
        assert_eq!(make_main_option(&plan, 99), None);
    }
}
