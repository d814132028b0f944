//! A fluent builder for plans, so tests and examples read like the situation
//! they describe instead of JSON literals.

use super::error::ModelError;
use super::kinds::{Function, LinkKind, StageKind};
use super::member::Member;
use super::plan::Plan;
use super::stage::{Link, Stage};
use super::tags::Tag;

/// Builds a [`Plan`] stage by stage. Errors (duplicate ids, unknown members)
/// are collected and returned by [`PlanBuilder::build`].
#[derive(Debug, Default)]
pub struct PlanBuilder {
    plan: Plan,
    error: Option<ModelError>,
}

impl PlanBuilder {
    /// An empty plan titled "Test plan".
    pub fn new() -> Self {
        Self {
            plan: Plan::new("Test plan"),
            error: None,
        }
    }

    /// Sets the title.
    pub fn title(mut self, title: &str) -> Self {
        self.plan.title = title.to_owned();
        self
    }

    /// Sets the span-of-control threshold.
    pub fn max_direct_reports(mut self, n: u32) -> Self {
        self.plan.settings.max_direct_reports = n;
        self
    }

    /// Starts a new stage; later calls add to it.
    pub fn stage(mut self, id: &str, kind: StageKind) -> Self {
        self.plan.stages.push(Stage::new(id, id, kind));
        self
    }

    /// Adds a member to the current stage. `tags` are file identifiers;
    /// unknown ones become custom tags.
    pub fn member(self, id: &str, function: Function, tags: &[&str]) -> Self {
        let mut member = Member::new(id, id, function);
        member.tags = tags.iter().map(|t| Tag::parse(t)).collect();
        self.with_member(member)
    }

    /// Adds a fully built member to the current stage.
    pub fn with_member(mut self, member: Member) -> Self {
        let result = self.current().map(|s| s.add_member(member).map(|_| ()));
        self.record(result);
        self
    }

    /// `from` reports to `to` in the current stage.
    pub fn reports(self, from: &str, to: &str) -> Self {
        self.link(from, to, LinkKind::ReportsTo)
    }

    /// `a` collaborates with `b` in the current stage.
    pub fn collaborates(self, a: &str, b: &str) -> Self {
        self.link(a, b, LinkKind::CollaboratesWith)
    }

    /// Adds a line of any kind to the current stage.
    pub fn link(mut self, from: &str, to: &str, kind: LinkKind) -> Self {
        let link = Link::new(from, to, kind);
        let result = self.current().map(|s| s.add_link(&link).map(|_| ()));
        self.record(result);
        self
    }

    /// The plan, or the first error met while building it.
    pub fn build(self) -> Result<Plan, ModelError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.plan),
        }
    }

    fn current(&mut self) -> Option<&mut Stage> {
        self.plan.stages.last_mut()
    }

    fn record(&mut self, result: Option<Result<(), ModelError>>) {
        let error = match result {
            Some(Ok(())) => return,
            Some(Err(e)) => e,
            None => ModelError::UnknownMember {
                id: "(no stage started)".to_owned(),
            },
        };
        self.error.get_or_insert(error);
    }
}
