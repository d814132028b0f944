//! Walking a plan's stages as the tree they form (DESIGN.md "Options"):
//! the main line, the lanes the timeline draws, the order exports and
//! present mode go through, and the path through one option.

use super::Plan;

/// One step of a walk through the stage tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TreeStep {
    /// The stage at this index.
    Stage(usize),
    /// The decision at the stage at this index: its followers are the
    /// options.
    Decision(usize),
}

/// An option asked for by name that the plan does not have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the plan has no option \"{name}\"; {}", known(.options))]
pub struct UnknownOption {
    /// The name asked for.
    pub name: String,
    /// The plan's options, in tree order.
    pub options: Vec<String>,
}

fn known(options: &[String]) -> String {
    if options.is_empty() {
        return "it has no options (no stage is followed by two)".to_owned();
    }
    let names: Vec<String> = options.iter().map(|o| format!("\"{o}\"")).collect();
    format!("its options are {}", names.join(", "))
}

/// A row of the timeline: a chain of stages, each the first follower of
/// the one before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The stages, in order.
    pub stages: Vec<usize>,
    /// The decision the lane branches from (`None` for the main line).
    pub decision: Option<usize>,
    /// How many stages come before the lane's first stage on its way from
    /// the first stage (the column it starts in).
    pub column: usize,
}

impl Plan {
    /// Every stage's followers, in file order (the tree's children lists).
    pub fn children(&self) -> Vec<Vec<usize>> {
        let mut children = vec![Vec::new(); self.stages.len()];
        for index in 1..self.stages.len() {
            if let Some(parent) = self.parent(index) {
                children[parent].push(index);
            }
        }
        children
    }

    /// Whether the stage at `index` is a decision (two or more followers).
    pub fn is_decision(&self, index: usize) -> bool {
        self.followers(index).len() > 1
    }

    /// Whether the stage at `index` is the first stage of an option (it
    /// follows a decision).
    pub fn starts_option(&self, index: usize) -> bool {
        self.parent(index).is_some_and(|p| self.is_decision(p))
    }

    /// The number of stages before the stage at `index` on its way from
    /// the first stage.
    pub fn depth(&self, index: usize) -> usize {
        self.ancestors(index).count()
    }

    /// The main line: from the first stage through each stage's first
    /// follower in file order.
    pub fn main_line(&self) -> Vec<usize> {
        if self.stages.is_empty() {
            return Vec::new();
        }
        self.line_from(0, &self.children())
    }

    /// The stage at `start`, its first follower, that one's, … to the end.
    fn line_from(&self, start: usize, children: &[Vec<usize>]) -> Vec<usize> {
        std::iter::successors(Some(start), |i| children[*i].first().copied()).collect()
    }

    /// Every stage in tree order (main line first: at a decision, the whole
    /// first option before the next), each decision's step right after its
    /// stage.
    pub fn tree_order(&self) -> Vec<TreeStep> {
        let children = self.children();
        let mut order = Vec::with_capacity(self.stages.len());
        let mut todo: Vec<usize> = if self.stages.is_empty() {
            Vec::new()
        } else {
            vec![0]
        };
        while let Some(index) = todo.pop() {
            order.push(TreeStep::Stage(index));
            if children[index].len() > 1 {
                order.push(TreeStep::Decision(index));
            }
            todo.extend(children[index].iter().rev());
        }
        order
    }

    /// The path through the stage at `index`: its ancestors from the first
    /// stage, the stage, then its main line to the end.
    pub fn path_through(&self, index: usize) -> Vec<usize> {
        if index >= self.stages.len() {
            return Vec::new();
        }
        let mut path: Vec<usize> = self.ancestors(index).collect();
        path.reverse();
        path.extend(self.line_from(index, &self.children()));
        path
    }

    /// The option the stage at `index` is on: the first stage of the
    /// nearest option among the stage and its ancestors (`None` on the
    /// main line before any decision, and on a plan without decisions).
    pub fn option_of(&self, index: usize) -> Option<usize> {
        std::iter::once(index)
            .chain(self.ancestors(index))
            .find(|i| self.starts_option(*i))
    }

    /// The first stage of the option named `name` (letter case and
    /// surrounding spaces aside), if the plan has one.
    pub fn find_option(&self, name: &str) -> Option<usize> {
        let wanted = name.trim().to_lowercase();
        (1..self.stages.len())
            .filter(|i| self.starts_option(*i))
            .find(|i| self.option_name(*i).trim().to_lowercase() == wanted)
    }

    /// The first stage of the option named `name`, or an error listing
    /// the options there are.
    pub fn option_named(&self, name: &str) -> Result<usize, UnknownOption> {
        self.find_option(name).ok_or_else(|| UnknownOption {
            name: name.to_owned(),
            options: self.option_names(),
        })
    }

    /// The names of every option, in tree order (for messages listing what
    /// `--option` accepts).
    pub fn option_names(&self) -> Vec<String> {
        self.tree_order()
            .into_iter()
            .filter_map(|step| match step {
                TreeStep::Stage(i) if self.starts_option(i) => Some(self.option_name(i)),
                _ => None,
            })
            .collect()
    }

    /// The timeline's rows: the main line first, then each option as a
    /// lane starting under its decision (an option's own options right
    /// after it, as in [`Plan::tree_order`]). Every stage is in exactly
    /// one lane.
    pub fn lanes(&self) -> Vec<Lane> {
        let children = self.children();
        let mut lanes = Vec::new();
        if self.stages.is_empty() {
            return lanes;
        }
        // Lane starts still to lay out: (first stage, decision), last first.
        let mut todo = vec![(0, None)];
        while let Some((start, decision)) = todo.pop() {
            let stages = self.line_from(start, &children);
            let branches: Vec<(usize, Option<usize>)> = stages
                .iter()
                .flat_map(|s| children[*s].iter().skip(1).map(move |c| (*c, Some(*s))))
                .collect();
            todo.extend(branches.into_iter().rev());
            lanes.push(Lane {
                column: self.depth(start),
                stages,
                decision,
            });
        }
        // In tree order: an option's own options before the next option.
        let mut place = vec![0; self.stages.len()];
        for (at, step) in self.tree_order().into_iter().enumerate() {
            if let TreeStep::Stage(i) = step {
                place[i] = at;
            }
        }
        lanes.sort_by_key(|lane| place[lane.stages[0]]);
        lanes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stage, StageKind};

    /// Stages named by id, each `(id, after)`.
    fn plan(stages: &[(&str, Option<&str>)]) -> Plan {
        let mut plan = Plan::new("t");
        for (id, after) in stages {
            let mut stage = Stage::new(*id, *id, StageKind::Custom);
            stage.after = after.map(str::to_owned);
            plan.stages.push(stage);
        }
        plan
    }

    /// founder → split → {grow → later, hire}
    fn branched() -> Plan {
        plan(&[
            ("founder", None),
            ("split", None),
            ("grow", None),
            ("later", None),
            ("hire", Some("split")),
        ])
    }

    #[test]
    fn a_straight_plan_is_one_lane_and_its_file_order() {
        let plan = plan(&[("a", None), ("b", None), ("c", None)]);
        assert_eq!(plan.main_line(), vec![0, 1, 2]);
        assert_eq!(
            plan.tree_order(),
            vec![TreeStep::Stage(0), TreeStep::Stage(1), TreeStep::Stage(2)]
        );
        assert_eq!(plan.lanes().len(), 1);
        assert!(plan.option_names().is_empty());
        assert_eq!(plan.find_option("Option A"), None);
    }

    #[test]
    fn the_main_line_takes_first_followers_and_options_follow_in_tree_order() {
        let plan = branched();
        assert_eq!(plan.main_line(), vec![0, 1, 2, 3]);
        assert!(plan.is_decision(1));
        assert!(plan.starts_option(4) && plan.starts_option(2));
        assert!(!plan.starts_option(3));
        assert_eq!(
            plan.tree_order(),
            vec![
                TreeStep::Stage(0),
                TreeStep::Stage(1),
                TreeStep::Decision(1),
                TreeStep::Stage(2),
                TreeStep::Stage(3),
                TreeStep::Stage(4),
            ]
        );
        assert_eq!(plan.path_through(4), vec![0, 1, 4]);
        assert_eq!(plan.path_through(2), vec![0, 1, 2, 3]);
        assert_eq!(plan.option_names(), vec!["Option A", "Option B"]);
        assert_eq!(plan.find_option(" option b "), Some(4));
        let unknown = plan.option_named("Hire").unwrap_err().to_string();
        assert_eq!(
            unknown,
            "the plan has no option \"Hire\"; its options are \"Option A\", \"Option B\""
        );
    }

    #[test]
    fn each_option_is_a_lane_starting_under_its_decision() {
        // a → b → {c → {d, e}, f}
        let plan = plan(&[
            ("a", None),
            ("b", None),
            ("c", None),
            ("d", None),
            ("e", Some("c")),
            ("f", Some("b")),
        ]);
        let lanes = plan.lanes();
        let rows: Vec<(Vec<usize>, Option<usize>, usize)> = lanes
            .into_iter()
            .map(|l| (l.stages, l.decision, l.column))
            .collect();
        assert_eq!(
            rows,
            vec![
                (vec![0, 1, 2, 3], None, 0),
                (vec![4], Some(2), 3),
                (vec![5], Some(1), 2),
            ]
        );
    }
}
