//! Where lines run between cards, as points in scene units: the canvas
//! strokes them, the SVG export writes them as paths.

/// A card's rectangle: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl Bounds {
    /// A rectangle from its centre and size.
    pub fn around([x, y]: [f32; 2], [w, h]: [f32; 2]) -> Self {
        Self {
            left: x - w / 2.0,
            top: y - h / 2.0,
            right: x + w / 2.0,
            bottom: y + h / 2.0,
        }
    }

    /// The centre.
    pub fn center(&self) -> [f32; 2] {
        [
            (self.left + self.right) / 2.0,
            (self.top + self.bottom) / 2.0,
        ]
    }

    /// The same rectangle moved by `[dx, dy]`.
    pub fn translated(&self, [dx, dy]: [f32; 2]) -> Self {
        Self {
            left: self.left + dx,
            top: self.top + dy,
            right: self.right + dx,
            bottom: self.bottom + dy,
        }
    }

    /// Width and height.
    pub fn size(&self) -> [f32; 2] {
        [self.right - self.left, self.bottom - self.top]
    }
}

/// A line's shape: a polyline, or a quadratic curve (start, control, end)
/// arcing over a row of cards.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// Straight segments through the points.
    Polyline(Vec<[f32; 2]>),
    /// A quadratic Bézier curve.
    Arc {
        /// Start.
        from: [f32; 2],
        /// Control point.
        control: [f32; 2],
        /// End.
        to: [f32; 2],
    },
}

impl Route {
    /// The same route moved by `[dx, dy]`.
    pub fn translated(&self, [dx, dy]: [f32; 2]) -> Self {
        let m = |p: &[f32; 2]| [p[0] + dx, p[1] + dy];
        match self {
            Self::Polyline(points) => Self::Polyline(points.iter().map(m).collect()),
            Self::Arc { from, control, to } => Self::Arc {
                from: m(from),
                control: m(control),
                to: m(to),
            },
        }
    }

    /// The route as points; an arc is sampled in `segments` pieces.
    pub fn points(&self, segments: usize) -> Vec<[f32; 2]> {
        match self {
            Self::Polyline(points) => points.clone(),
            Self::Arc { from, control, to } => (0..=segments)
                .map(|i| {
                    let t = i as f32 / segments.max(1) as f32;
                    let u = 1.0 - t;
                    [
                        u * u * from[0] + 2.0 * u * t * control[0] + t * t * to[0],
                        u * u * from[1] + 2.0 * u * t * control[1] + t * t * to[1],
                    ]
                })
                .collect(),
        }
    }
}

/// How a reporting line runs from a manager to one report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportLine {
    /// An orthogonal elbow from the manager's bottom edge to the report's top.
    Down,
    /// A spine down the left side of a stack of reports (see
    /// [`crate::layout::stacks_reports`]).
    Stacked,
    /// An elbow from the manager's right edge to the report's left edge
    /// ([`crate::model::LayoutStyle::LeftRight`]).
    Right,
}

impl ReportLine {
    /// The line to a report in a stage laid out `style`, in a stack or not.
    pub fn of(style: crate::model::LayoutStyle, stacked: bool) -> Self {
        if style.grows_right() {
            Self::Right
        } else if stacked {
            Self::Stacked
        } else {
            Self::Down
        }
    }
}

/// How far above a report's top edge the line to it runs across (at most:
/// halfway between the cards when they are closer), so in a compact chart
/// the line to a lower row runs in the gap just above that row.
const CROSSING: f32 = 28.0;

/// A reporting line from `manager` to `report`, shaped as `line` says.
pub fn reporting_route(manager: Bounds, report: Bounds, line: ReportLine) -> Route {
    let from = [manager.center()[0], manager.bottom];
    let to = [report.center()[0], report.top];
    if line == ReportLine::Right && report.left > manager.right + 8.0 {
        let (from, to) = (
            [manager.right, manager.center()[1]],
            [report.left, report.center()[1]],
        );
        let cross = to[0] - ((to[0] - from[0]) / 2.0).min(CROSSING);
        return Route::Polyline(vec![from, [cross, from[1]], [cross, to[1]], to]);
    }
    if line == ReportLine::Stacked && report.top > manager.bottom {
        let spine = report.left - 14.0;
        let mut points = if spine > manager.left + 8.0 && spine < manager.right - 8.0 {
            vec![[spine, manager.bottom]]
        } else {
            let drop = from[1] + 16.0;
            vec![from, [from[0], drop], [spine, drop]]
        };
        points.push([spine, report.center()[1]]);
        points.push([report.left, report.center()[1]]);
        Route::Polyline(points)
    } else if to[1] > from[1] + 8.0 {
        let cross = to[1] - ((to[1] - from[1]) / 2.0).min(CROSSING);
        Route::Polyline(vec![from, [from[0], cross], [to[0], cross], to])
    } else {
        Route::Polyline(vec![manager.center(), report.center()])
    }
}

/// A collaboration line between the card borders; between cards in one row
/// it arcs over the row instead of running behind the cards between them.
pub fn collaboration_route(a: Bounds, b: Bounds) -> Route {
    let (ca, cb) = (a.center(), b.center());
    let [wa, ha] = a.size();
    let wb = b.size()[0];
    let same_row = (ca[1] - cb[1]).abs() < ha / 2.0;
    let far_apart = (ca[0] - cb[0]).abs() > (wa + wb) / 2.0 + 40.0;
    let hb = b.size()[1];
    let same_column = (ca[0] - cb[0]).abs() < wa.min(wb) / 2.0;
    let far_below = (ca[1] - cb[1]).abs() > (ha + hb) / 2.0 + 40.0;
    if same_column && far_below {
        // A column of cards (a stack, or a left-to-right chart): arc out
        // to the left instead of running behind the cards between.
        let (pa, pb) = ([a.left, ca[1]], [b.left, cb[1]]);
        let lift = ((pb[1] - pa[1]).abs() * 0.12).clamp(24.0, 90.0);
        let control = [pa[0].min(pb[0]) - 2.0 * lift, (pa[1] + pb[1]) / 2.0];
        return Route::Arc {
            from: pa,
            control,
            to: pb,
        };
    }
    if same_row && far_apart {
        let (pa, pb) = ([ca[0], a.top], [cb[0], b.top]);
        let lift = ((pb[0] - pa[0]).abs() * 0.18).clamp(24.0, 90.0);
        let control = [(pa[0] + pb[0]) / 2.0, pa[1].min(pb[1]) - 2.0 * lift];
        Route::Arc {
            from: pa,
            control,
            to: pb,
        }
    } else {
        Route::Polyline(vec![border_point(a, cb), border_point(b, ca)])
    }
}

/// Where the ray from `bounds`' centre towards `target` leaves it.
pub fn border_point(bounds: Bounds, target: [f32; 2]) -> [f32; 2] {
    let c = bounds.center();
    let d = [target[0] - c[0], target[1] - c[1]];
    if d[0] * d[0] + d[1] * d[1] < 1e-6 {
        return c;
    }
    let [w, h] = bounds.size();
    let sx = if d[0].abs() > 1e-6 {
        w / 2.0 / d[0].abs()
    } else {
        f32::INFINITY
    };
    let sy = if d[1].abs() > 1e-6 {
        h / 2.0 / d[1].abs()
    } else {
        f32::INFINITY
    };
    let s = sx.min(sy).min(1.0);
    [c[0] + d[0] * s, c[1] + d[1] * s]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_elbow_runs_from_the_managers_bottom_to_the_reports_top() {
        let manager = Bounds::around([0.0, 0.0], [100.0, 50.0]);
        let report = Bounds::around([200.0, 200.0], [100.0, 50.0]);
        let Route::Polyline(points) = reporting_route(manager, report, ReportLine::Down) else {
            panic!()
        };
        assert_eq!(points.first(), Some(&[0.0, 25.0]));
        assert_eq!(points.last(), Some(&[200.0, 175.0]));
        assert_eq!(points.len(), 4);
    }

    #[test]
    fn far_cards_in_one_row_arc_and_others_meet_at_the_borders() {
        let a = Bounds::around([0.0, 0.0], [100.0, 50.0]);
        let far = Bounds::around([600.0, 0.0], [100.0, 50.0]);
        assert!(matches!(collaboration_route(a, far), Route::Arc { .. }));
        let near = Bounds::around([150.0, 100.0], [100.0, 50.0]);
        assert_eq!(
            collaboration_route(a, near),
            Route::Polyline(vec![[37.5, 25.0], [112.5, 75.0]])
        );
        // Far apart in one column: an arc out to the left of the column.
        let below = Bounds::around([0.0, 300.0], [100.0, 50.0]);
        let Route::Arc { from, control, to } = collaboration_route(a, below) else {
            panic!("a column's cards far apart are joined by an arc")
        };
        assert_eq!((from, to), ([-50.0, 0.0], [-50.0, 300.0]));
        assert!(control[0] < -50.0);
    }
}
