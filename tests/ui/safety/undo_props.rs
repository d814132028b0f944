//! Undo and redo, proven at the app level: random sequences of commands go
//! through the app as the menus and panels send them (add, delete, rename,
//! re-parent, tag, link, add stage, next stage, delete stage, reorder
//! stages, change kind, rule settings; add, reorder and delete options, so
//! the stages grow into random trees; costs, quotas and targets). After every step the plan keeps its
//! invariants, and the app's findings and the shown stage's diff equal a
//! fresh computation over the tree (the diff against the nearest non-empty
//! ancestor, never a sibling option); undoing
//! everything gives back the original plan exactly, redoing everything the
//! final one.

use crate::common;

use std::collections::HashSet;

use egui_kittest::Harness;
use orgevo::app::{AppCommand, OrgevoApp};
use orgevo::diff::diff_plan_stages;
use orgevo::edit::Edit;
use orgevo::edit::compose::{self, NewStage};
use orgevo::model::{Link, LinkKind, Plan, RuleLevel, Stage, StageKind, Tag};
use orgevo::rules::{RULES, check_stage};
use proptest::prelude::*;

/// One user action, by indices resolved against the plan when it runs.
#[derive(Clone, Debug)]
enum Action {
    Add,
    Delete(usize),
    Rename(usize, String),
    Reparent(usize, Option<usize>),
    Tag(usize, usize),
    Link(usize, usize),
    AddStage(usize),
    NextStage,
    AddOption(usize),
    MakeMain(usize),
    SetCost(usize, u32),
    SetTarget(Option<u32>),
    DeleteOption(usize),
    DeleteStage(usize),
    MoveStage(usize, usize),
    ChangeKind(usize),
    RuleLevel(usize, usize),
    ShowStage(usize),
    Undo,
    Redo,
}

fn action() -> impl Strategy<Value = Action> {
    let i = || 0..64usize;
    prop_oneof![
        Just(Action::Add),
        i().prop_map(Action::Delete),
        (i(), "[A-Za-z ]{0,10}").prop_map(|(m, name)| Action::Rename(m, name)),
        (i(), prop::option::of(i())).prop_map(|(m, to)| Action::Reparent(m, to)),
        (i(), i()).prop_map(|(m, t)| Action::Tag(m, t)),
        (i(), i()).prop_map(|(a, b)| Action::Link(a, b)),
        (0..4usize).prop_map(Action::AddStage),
        Just(Action::NextStage),
        (0..5usize).prop_map(Action::AddOption),
        (0..5usize).prop_map(Action::AddOption),
        i().prop_map(Action::MakeMain),
        (i(), 0..200_000u32).prop_map(|(m, c)| Action::SetCost(m, c)),
        prop::option::of(0..3_000_000u32).prop_map(Action::SetTarget),
        i().prop_map(Action::DeleteOption),
        i().prop_map(Action::DeleteStage),
        (i(), i()).prop_map(|(s, to)| Action::MoveStage(s, to)),
        (0..4usize).prop_map(Action::ChangeKind),
        (i(), 0..4usize).prop_map(|(r, l)| Action::RuleLevel(r, l)),
        i().prop_map(Action::ShowStage),
        Just(Action::Undo),
        Just(Action::Redo),
    ]
}

fn member_id(stage: &Stage, i: usize) -> Option<String> {
    let ids: Vec<&str> = stage.members().map(|m| m.id.as_str()).collect();
    (!ids.is_empty()).then(|| ids[i % ids.len()].to_owned())
}

/// Runs `action` through the app, as its menu, panel or canvas would.
fn run(h: &mut Harness<'_, OrgevoApp>, action: &Action) {
    let ctx = h.ctx.clone();
    let app = h.state_mut();
    let plan = app.plan().clone();
    let index = app.stage_index();
    let Some(stage) = plan.stages.get(index) else {
        if matches!(action, Action::Undo) {
            app.run_command(&ctx, AppCommand::Undo);
        }
        return;
    };
    let stage_id = stage.id.clone();
    let stage_at = |i: usize| &plan.stages[i % plan.stages.len()];
    let edit = match action {
        Action::Add => return app.run_command(&ctx, AppCommand::AddMember),
        Action::Undo => return app.run_command(&ctx, AppCommand::Undo),
        Action::Redo => return app.run_command(&ctx, AppCommand::Redo),
        Action::ShowStage(i) => return app.set_stage(i % plan.stages.len()),
        Action::Delete(m) => member_id(stage, *m).map(|id| Edit::RemoveMembers {
            stage: stage_id.clone(),
            ids: vec![id],
        }),
        Action::Rename(m, name) => member_id(stage, *m).and_then(|id| {
            let mut member = stage.member(&id)?.clone();
            member.name = name.clone();
            Some(Edit::UpdateMember {
                stage: stage_id.clone(),
                member,
            })
        }),
        Action::Tag(m, t) => member_id(stage, *m).and_then(|id| {
            let mut member = stage.member(&id)?.clone();
            let tag = Tag::Core(orgevo::model::Responsibility::ALL[t % 12]);
            match member.tags.iter().position(|x| *x == tag) {
                Some(at) => drop(member.tags.remove(at)),
                None => member.tags.push(tag),
            }
            Some(Edit::UpdateMember {
                stage: stage_id.clone(),
                member,
            })
        }),
        Action::Reparent(m, to) => member_id(stage, *m).map(|member| Edit::SetManager {
            stage: stage_id.clone(),
            member,
            manager: to.and_then(|t| member_id(stage, t)),
        }),
        Action::Link(a, b) => member_id(stage, *a)
            .zip(member_id(stage, *b))
            .map(|(a, b)| Edit::AddLink {
                stage: stage_id.clone(),
                link: Link::new(a, b, LinkKind::CollaboratesWith),
            }),
        Action::AddStage(kind) => {
            let how = NewStage::Empty(StageKind::ALL[*kind]);
            Some(compose::add_stage(&plan, index, how).0)
        }
        Action::NextStage => {
            Some(compose::add_stage(&plan, index, NewStage::NextFrom(stage.kind)).0)
        }
        Action::AddOption(m) => {
            let mv = orgevo::edit::moves::Move::ALL[*m];
            orgevo::edit::moves::add_option(&plan, index, mv).map(|(edit, _)| edit)
        }
        Action::SetCost(m, cost) => member_id(stage, *m).and_then(|id| {
            let mut member = stage.member(&id)?.clone();
            member.cost = Some(f64::from(*cost));
            member.quota = Some(f64::from(*cost) * 5.0);
            Some(Edit::UpdateMember {
                stage: stage_id.clone(),
                member,
            })
        }),
        Action::SetTarget(target) => Some(Edit::SetStageTarget {
            id: stage_id.clone(),
            target: target.map(f64::from),
        }),
        Action::MakeMain(s) => {
            orgevo::edit::options::make_main_option(&plan, s % plan.stages.len())
        }
        Action::DeleteOption(s) => {
            orgevo::edit::options::delete_option(&plan, s % plan.stages.len())
        }
        Action::DeleteStage(s) => Some(Edit::RemoveStage {
            id: stage_at(*s).id.clone(),
        }),
        Action::MoveStage(s, to) => Some(Edit::MoveStage {
            id: stage_at(*s).id.clone(),
            to: to % plan.stages.len(),
        }),
        Action::ChangeKind(kind) => Some(Edit::SetStageInfo {
            id: stage_id.clone(),
            name: stage.name.clone(),
            kind: StageKind::ALL[*kind],
            when: stage.when.clone(),
            notes: stage.notes.clone(),
        }),
        Action::RuleLevel(rule, level) => {
            let mut settings = plan.settings.clone();
            let rule = RULES[rule % RULES.len()].id.to_owned();
            let level = [
                RuleLevel::Off,
                RuleLevel::Info,
                RuleLevel::Warning,
                RuleLevel::Error,
            ][*level];
            settings.rules.insert(rule, level);
            Some(Edit::SetSettings(Box::new(settings)))
        }
    };
    if let Some(edit) = edit {
        app.apply(&edit);
    }
}

/// The plan's invariants, and the app's findings against a fresh check.
fn check(app: &OrgevoApp) -> Result<(), TestCaseError> {
    let plan: &Plan = app.plan();
    let mut stage_ids = HashSet::new();
    for (i, stage) in plan.stages.iter().enumerate() {
        // The stages stay a tree: every `after` names an earlier stage.
        if let Some(after) = &stage.after {
            prop_assert!(
                stage_ids.contains(after),
                "{} follows {after}, not earlier",
                stage.id
            );
        }
        prop_assert!(stage_ids.insert(&stage.id), "stage id {} twice", stage.id);
        let ids: HashSet<&str> = stage.members().map(|m| m.id.as_str()).collect();
        prop_assert_eq!(ids.len(), stage.member_count(), "member ids are unique");
        let mut managed = HashSet::new();
        for link in stage.links() {
            prop_assert!(ids.contains(link.from.as_str()) && ids.contains(link.to.as_str()));
            if link.kind == LinkKind::ReportsTo {
                prop_assert!(
                    managed.insert(link.from.clone()),
                    "{} has two managers",
                    link.from
                );
            }
        }
        let fresh = check_stage(plan, i);
        prop_assert_eq!(app.findings_of(i), fresh.as_slice(), "stage {}", i);
        // The numbers the strip shows: a fresh computation's.
        prop_assert_eq!(app.stage_totals(i), plan.totals(i), "totals of stage {}", i);
    }
    // The shown stage's changes: against its nearest non-empty ancestor.
    let shown = app.stage_index();
    let fresh = plan
        .previous_non_empty(shown)
        .and_then(|previous| diff_plan_stages(plan, previous, shown));
    if let Some(previous) = plan.previous_non_empty(shown) {
        prop_assert!(
            plan.ancestors(shown).any(|a| a == previous),
            "the previous stage is an ancestor"
        );
    }
    prop_assert_eq!(
        app.current_diff(),
        fresh.as_ref(),
        "diff of stage {}",
        shown
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn random_commands_keep_the_plan_whole_and_undo_to_the_start(
        actions in prop::collection::vec(action(), 1..30)
    ) {
        let mut h = common::harness_with(common::example_app(), 8);
        h.step();
        let original = h.state().plan().clone();
        for action in &actions {
            run(&mut h, action);
            h.step();
            check(h.state())?;
        }
        let ctx = h.ctx.clone();
        let walk = |h: &mut Harness<'_, OrgevoApp>, command: AppCommand| -> Result<(), TestCaseError> {
            let more = |app: &OrgevoApp| match command {
                AppCommand::Undo => app.document().history().undo_label().is_some(),
                _ => app.document().history().redo_label().is_some(),
            };
            // Each action makes at most one undo step.
            for _ in 0..=actions.len() {
                if !more(h.state()) {
                    return Ok(());
                }
                h.state_mut().run_command(&ctx, command);
                h.step();
                check(h.state())?;
            }
            prop_assert!(!more(h.state()), "more {command:?} steps than actions");
            Ok(())
        };
        // The end of the current line of edits (undone steps redone).
        walk(&mut h, AppCommand::Redo)?;
        let last = h.state().plan().clone();
        // Whatever tree of options the edits made saves and loads back.
        let text = orgevo::io::plan_to_string(&last).unwrap();
        prop_assert_eq!(&orgevo::io::plan_from_str(&text).unwrap(), &last);
        walk(&mut h, AppCommand::Undo)?;
        prop_assert_eq!(h.state().plan(), &original);
        walk(&mut h, AppCommand::Redo)?;
        prop_assert_eq!(h.state().plan(), &last);
        check(h.state())?;
    }
}
