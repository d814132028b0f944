//! The window's side of present mode: full screen on the way in, the
//! window as it was on the way out, and a plan that presents once opened.

use egui::ViewportCommand;

use crate::app::present::presenter::Presenter;
use crate::app::state::derived::FindingsCache;
use crate::model::Plan;

/// Present mode, when on, and what the window looked like before.
#[derive(Debug, Default)]
pub struct PresentMode {
    /// The presentation, while presenting.
    pub presenter: Option<Presenter>,
    /// The window's place and size before it was made to cover the monitor.
    window_before: Option<egui::Rect>,
    /// Frames since present mode began.
    frames: u32,
    /// Present the plan being opened once it is ready.
    pub on_open: bool,
    /// The option to present the road through (`--present --option`),
    /// by name.
    pub option: Option<String>,
    /// "Present this team": the head of the team to present, by id.
    pub team: Option<String>,
}

impl PresentMode {
    /// Starts presenting stage `index` of `plan`, full screen, choosing at
    /// each decision the way to `through` (an option's first stage) if
    /// given; only the team of `team` (a member id) when given.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        plan: &Plan,
        index: usize,
        through: Option<usize>,
        team: Option<&str>,
        findings: &FindingsCache,
    ) {
        // Full screen is the monitor's size, where the system says it.
        let screen = ctx
            .input(|i| i.viewport().monitor_size)
            .unwrap_or_else(|| ctx.content_rect().size());
        self.presenter = Some(Presenter::new(plan, index, through, team, findings, screen));
        self.frames = 0;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
    }

    /// Leaves present mode; the stage shown last, if it was on.
    pub fn stop(&mut self, ctx: &egui::Context) -> Option<usize> {
        let presenter = self.presenter.take()?;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        if let Some(rect) = self.window_before.take() {
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(rect.min));
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(rect.size()));
        }
        Some(presenter.index())
    }

    /// Where the desktop cannot make the window full screen (no window
    /// manager), cover the monitor instead, once, a few frames in.
    pub fn cover_monitor_if_not_fullscreen(&mut self, ctx: &egui::Context) {
        self.frames = self.frames.saturating_add(1);
        if self.frames < 10 {
            ctx.request_repaint();
        }
        if self.frames != 10 {
            return;
        }
        let viewport = ctx.input(|i| i.viewport().clone());
        let (Some(monitor), Some(outer)) = (viewport.monitor_size, viewport.outer_rect) else {
            return;
        };
        // Some systems report full screen without resizing the window.
        if (outer.size() - monitor).length() < 4.0 {
            return;
        }
        self.window_before = viewport.outer_rect;
        ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::Pos2::ZERO));
        ctx.send_viewport_cmd(ViewportCommand::InnerSize(monitor));
    }
}
