//! Walking a plan the way present mode does (DESIGN.md "Options"): along
//! the main line, with a decision step wherever the timeline branches;
//! Up/Down choose an option there, Right goes on along it, Left goes back
//! the way it came.

use std::collections::HashMap;

use crate::model::{Plan, TreeStep};

/// Where a walk through the plan is, and the option chosen at each
/// decision passed so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tour {
    step: TreeStep,
    /// The follower chosen at each decision, by decision.
    choices: HashMap<usize, usize>,
}

impl Tour {
    /// A walk starting at the stage at `index`, choosing at each decision
    /// the way to `through` (an option's first stage) where one is given,
    /// else the main option.
    pub fn new(plan: &Plan, index: usize, through: Option<usize>) -> Self {
        let mut choices = HashMap::new();
        if let Some(through) = through {
            let mut child = through;
            for parent in plan.ancestors(through) {
                choices.insert(parent, child);
                child = parent;
            }
        }
        Self {
            step: TreeStep::Stage(index),
            choices,
        }
    }

    /// The step shown.
    pub fn step(&self) -> TreeStep {
        self.step
    }

    /// The stage shown: the stage itself, or the decision's stage.
    pub fn stage(&self) -> usize {
        match self.step {
            TreeStep::Stage(i) | TreeStep::Decision(i) => i,
        }
    }

    /// The option chosen at `decision`: its first stage.
    pub fn chosen(&self, plan: &Plan, decision: usize) -> Option<usize> {
        let followers = plan.followers(decision);
        self.choices
            .get(&decision)
            .copied()
            .filter(|c| followers.contains(c))
            .or_else(|| followers.first().copied())
    }

    /// The step after this one along the chosen options, if any.
    pub fn next(&self, plan: &Plan) -> Option<TreeStep> {
        match self.step {
            TreeStep::Stage(i) => match plan.followers(i).as_slice() {
                [] => None,
                [only] => Some(TreeStep::Stage(*only)),
                _ => Some(TreeStep::Decision(i)),
            },
            TreeStep::Decision(d) => self.chosen(plan, d).map(TreeStep::Stage),
        }
    }

    /// The step before this one, the way the walk came: an option's first
    /// stage goes back to its decision, a decision to its stage.
    pub fn back(&self, plan: &Plan) -> Option<TreeStep> {
        match self.step {
            TreeStep::Stage(i) => {
                let parent = plan.parent(i)?;
                Some(if plan.is_decision(parent) {
                    TreeStep::Decision(parent)
                } else {
                    TreeStep::Stage(parent)
                })
            }
            TreeStep::Decision(d) => Some(TreeStep::Stage(d)),
        }
    }

    /// Goes to `step`. Going back to a decision remembers the option the
    /// walk came from as the chosen one.
    pub fn go(&mut self, plan: &Plan, step: TreeStep) {
        if let (TreeStep::Stage(from), TreeStep::Decision(d)) = (self.step, step)
            && plan.parent(from) == Some(d)
        {
            self.choices.insert(d, from);
        }
        self.step = step;
    }

    /// At a decision, chooses the option `by` places down (negative: up)
    /// from the chosen one, stopping at the first and the last.
    pub fn choose(&mut self, plan: &Plan, by: isize) {
        let TreeStep::Decision(d) = self.step else {
            return;
        };
        let followers = plan.followers(d);
        let Some(at) = self
            .chosen(plan, d)
            .and_then(|c| followers.iter().position(|f| *f == c))
        else {
            return;
        };
        let to = at.saturating_add_signed(by).min(followers.len() - 1);
        self.choices.insert(d, followers[to]);
    }

    /// The last step along the chosen options.
    pub fn end(&self, plan: &Plan) -> TreeStep {
        let mut walk = self.clone();
        // Each step goes one stage deeper (or from a stage to its
        // decision), so this ends.
        while let Some(next) = walk.next(plan) {
            walk.step = next;
        }
        walk.step
    }

    /// The stages on the walk's road: the shown stage's ancestors, it, and
    /// what follows along the chosen options.
    pub fn road(&self, plan: &Plan) -> Vec<usize> {
        let mut road: Vec<usize> = plan.ancestors(self.stage()).collect();
        road.reverse();
        let mut walk = self.clone();
        walk.step = TreeStep::Stage(self.stage());
        road.push(self.stage());
        while let Some(next) = walk.next(plan) {
            walk.step = next;
            if let TreeStep::Stage(i) = next {
                road.push(i);
            }
        }
        road
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stage, StageKind};

    /// founder → split → {grow → later, hire}
    fn branched() -> Plan {
        let mut plan = Plan::new("t");
        for (id, after) in [
            ("founder", None),
            ("split", None),
            ("grow", None),
            ("later", None),
            ("hire", Some("split")),
        ] {
            let mut stage = Stage::new(id, id, StageKind::Custom);
            stage.after = after.map(str::to_owned);
            plan.stages.push(stage);
        }
        plan
    }

    fn forward(tour: &mut Tour, plan: &Plan) {
        let next = tour.next(plan).expect("a next step");
        tour.go(plan, next);
    }

    fn backward(tour: &mut Tour, plan: &Plan) {
        let back = tour.back(plan).expect("a step back");
        tour.go(plan, back);
    }

    #[test]
    fn the_walk_stops_at_the_decision_and_goes_on_along_the_chosen_option() {
        let plan = branched();
        let mut tour = Tour::new(&plan, 0, None);
        forward(&mut tour, &plan);
        assert_eq!(tour.step(), TreeStep::Stage(1));
        forward(&mut tour, &plan);
        assert_eq!(tour.step(), TreeStep::Decision(1));
        assert_eq!(tour.chosen(&plan, 1), Some(2), "the main option first");
        assert_eq!(tour.road(&plan), vec![0, 1, 2, 3]);
        tour.choose(&plan, 1);
        assert_eq!(tour.chosen(&plan, 1), Some(4));
        tour.choose(&plan, 1);
        assert_eq!(
            tour.chosen(&plan, 1),
            Some(4),
            "the last option stays chosen"
        );
        assert_eq!(tour.road(&plan), vec![0, 1, 4]);
        forward(&mut tour, &plan);
        assert_eq!(tour.step(), TreeStep::Stage(4));
        assert_eq!(tour.next(&plan), None, "the option ends there");
        // Back the way it came: the decision (still on this option), the
        // stage before it.
        backward(&mut tour, &plan);
        assert_eq!(tour.step(), TreeStep::Decision(1));
        assert_eq!(tour.chosen(&plan, 1), Some(4));
        backward(&mut tour, &plan);
        assert_eq!(tour.step(), TreeStep::Stage(1));
        tour.choose(&plan, -1);
        assert_eq!(tour.chosen(&plan, 1), Some(4), "choosing needs a decision");
    }

    #[test]
    fn a_walk_through_an_option_chooses_it_at_every_decision_above() {
        let plan = branched();
        let tour = Tour::new(&plan, 0, Some(4));
        assert_eq!(tour.road(&plan), vec![0, 1, 4]);
        assert_eq!(tour.end(&plan), TreeStep::Stage(4));
        let main = Tour::new(&plan, 0, None);
        assert_eq!(main.end(&plan), TreeStep::Stage(3));
        // Starting inside an option, back leads to its decision.
        let mut inside = Tour::new(&plan, 4, None);
        backward(&mut inside, &plan);
        assert_eq!(inside.step(), TreeStep::Decision(1));
        assert_eq!(inside.chosen(&plan, 1), Some(4));
    }

    #[test]
    fn a_straight_plan_walks_stage_by_stage() {
        let mut plan = branched();
        plan.stages.truncate(4);
        let mut tour = Tour::new(&plan, 0, None);
        for expected in 1..4 {
            forward(&mut tour, &plan);
            assert_eq!(tour.step(), TreeStep::Stage(expected));
        }
        assert_eq!(tour.next(&plan), None);
        assert_eq!(Tour::new(&plan, 0, None).back(&plan), None);
    }
}
