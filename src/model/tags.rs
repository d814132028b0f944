//! Responsibility tags: the twelve core responsibilities in two families, plus
//! free custom tags, and the hat a member's tags add up to.

use std::fmt;

/// The family a core responsibility belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TagFamily {
    /// Vision, inspiration, strategy, process design: setting the direction.
    Leadership,
    /// Execution, rigor, process discipline, metrics: hitting the targets.
    Management,
}

impl TagFamily {
    /// Human-readable family name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Leadership => "leadership",
            Self::Management => "management",
        }
    }
}

/// One of the twelve core responsibilities of a sales organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Responsibility {
    /// Setting the vision for the team.
    Vision,
    /// Inspiring and motivating the team.
    Inspiration,
    /// Strategic direction.
    Strategy,
    /// Creating the processes and metrics.
    ProcessDesign,
    /// Bringing in technical resources for scoping and pricing.
    CrossFunctional,
    /// Making marketing match sales messaging and service delivery.
    MarketingAlignment,
    /// Day-to-day execution.
    Execution,
    /// Rigor and control.
    Rigor,
    /// Running the defined process.
    ProcessDiscipline,
    /// Tracking performance against targets.
    Metrics,
    /// Holding people accountable.
    Accountability,
    /// Coaching the salespeople.
    Coaching,
}

impl Responsibility {
    /// All twelve responsibilities, leadership first, in catalogue order.
    pub const ALL: [Self; 12] = [
        Self::Vision,
        Self::Inspiration,
        Self::Strategy,
        Self::ProcessDesign,
        Self::CrossFunctional,
        Self::MarketingAlignment,
        Self::Execution,
        Self::Rigor,
        Self::ProcessDiscipline,
        Self::Metrics,
        Self::Accountability,
        Self::Coaching,
    ];

    /// The identifier used in files (kebab-case).
    pub fn id(self) -> &'static str {
        match self {
            Self::Vision => "vision",
            Self::Inspiration => "inspiration",
            Self::Strategy => "strategy",
            Self::ProcessDesign => "process-design",
            Self::CrossFunctional => "cross-functional",
            Self::MarketingAlignment => "marketing-alignment",
            Self::Execution => "execution",
            Self::Rigor => "rigor",
            Self::ProcessDiscipline => "process-discipline",
            Self::Metrics => "metrics",
            Self::Accountability => "accountability",
            Self::Coaching => "coaching",
        }
    }

    /// Parses a file identifier; `None` for anything that is not one of the twelve.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.id() == id)
    }

    /// A short human label, e.g. "process design".
    pub fn label(self) -> &'static str {
        match self {
            Self::Vision => "vision",
            Self::Inspiration => "inspiration",
            Self::Strategy => "strategy",
            Self::ProcessDesign => "process design",
            Self::CrossFunctional => "cross-functional",
            Self::MarketingAlignment => "marketing alignment",
            Self::Execution => "execution",
            Self::Rigor => "rigor & control",
            Self::ProcessDiscipline => "process discipline",
            Self::Metrics => "metrics",
            Self::Accountability => "accountability",
            Self::Coaching => "coaching",
        }
    }

    /// The family this responsibility belongs to.
    pub fn family(self) -> TagFamily {
        match self {
            Self::Vision
            | Self::Inspiration
            | Self::Strategy
            | Self::ProcessDesign
            | Self::CrossFunctional
            | Self::MarketingAlignment => TagFamily::Leadership,
            _ => TagFamily::Management,
        }
    }

    /// A small dense index (0..12), handy for bit sets.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Responsibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The *direction tags*: the core of leadership in the seed (inspire,
/// motivate, set the vision and the strategic direction).
pub const DIRECTION_TAGS: ResponsibilitySet = ResponsibilitySet::of(&[
    Responsibility::Vision,
    Responsibility::Inspiration,
    Responsibility::Strategy,
]);

/// A tag on a member: a core responsibility or a free-form custom tag.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// One of the twelve core responsibilities.
    Core(Responsibility),
    /// Any other tag, kept as written.
    Custom(String),
}

impl Tag {
    /// Reads a tag from its file identifier: a core id becomes [`Tag::Core`],
    /// anything else a [`Tag::Custom`].
    pub fn parse(text: &str) -> Self {
        match Responsibility::from_id(text) {
            Some(r) => Self::Core(r),
            None => Self::Custom(text.to_owned()),
        }
    }

    /// The identifier written to files.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Core(r) => r.id(),
            Self::Custom(s) => s,
        }
    }

    /// The core responsibility, if this is one.
    pub fn responsibility(&self) -> Option<Responsibility> {
        match self {
            Self::Core(r) => Some(*r),
            Self::Custom(_) => None,
        }
    }
}

impl From<Responsibility> for Tag {
    fn from(r: Responsibility) -> Self {
        Self::Core(r)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of core responsibilities, stored as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ResponsibilitySet(u16);

impl ResponsibilitySet {
    /// The empty set.
    pub const EMPTY: Self = Self(0);

    /// The set of the given responsibilities (usable in constants).
    pub const fn of(items: &[Responsibility]) -> Self {
        let mut bits = 0u16;
        let mut i = 0;
        while i < items.len() {
            bits |= 1 << (items[i] as usize);
            i += 1;
        }
        Self(bits)
    }

    /// All twelve core responsibilities.
    pub const ALL: Self = Self((1 << 12) - 1);

    /// How many responsibilities the set holds.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the two sets share a responsibility.
    pub fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// The set without `r`.
    pub fn without(self, r: Responsibility) -> Self {
        Self(self.0 & !(1 << r.index()))
    }

    /// Adds a responsibility.
    pub fn insert(&mut self, r: Responsibility) {
        self.0 |= 1 << r.index();
    }

    /// Whether the set holds `r`.
    pub fn contains(self, r: Responsibility) -> bool {
        self.0 & (1 << r.index()) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Elements common to both sets.
    pub fn intersection(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }

    /// Elements of either set.
    pub fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Elements of `self` not in `other`.
    pub fn difference(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }

    /// Only the responsibilities of `family`.
    pub fn of_family(self, family: TagFamily) -> Self {
        let mut out = Self::EMPTY;
        for r in self.iter().filter(|r| r.family() == family) {
            out.insert(r);
        }
        out
    }

    /// The responsibilities in catalogue order.
    pub fn iter(self) -> impl Iterator<Item = Responsibility> {
        Responsibility::ALL
            .into_iter()
            .filter(move |r| self.contains(*r))
    }

    /// The hat these responsibilities add up to.
    pub fn hat(self) -> Hat {
        let leads = !self.of_family(TagFamily::Leadership).is_empty();
        let manages = !self.of_family(TagFamily::Management).is_empty();
        match (leads, manages) {
            (true, true) => Hat::Both,
            (true, false) => Hat::Leader,
            (false, true) => Hat::Manager,
            (false, false) => Hat::None,
        }
    }
}

impl FromIterator<Responsibility> for ResponsibilitySet {
    fn from_iter<I: IntoIterator<Item = Responsibility>>(iter: I) -> Self {
        let mut set = Self::EMPTY;
        for r in iter {
            set.insert(r);
        }
        set
    }
}

/// The hat a member wears, derived from their tags (never stored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hat {
    /// Leadership tags only.
    Leader,
    /// Management tags only.
    Manager,
    /// Both families.
    Both,
    /// No core responsibility.
    None,
}

impl Hat {
    /// Whether the hat includes leadership.
    pub fn leads(self) -> bool {
        matches!(self, Self::Leader | Self::Both)
    }

    /// Whether the hat includes management.
    pub fn manages(self) -> bool {
        matches!(self, Self::Manager | Self::Both)
    }

    /// The badge drawn on a card: "L", "M", "L+M" or "".
    pub fn badge(self) -> &'static str {
        match self {
            Self::Leader => "L",
            Self::Manager => "M",
            Self::Both => "L+M",
            Self::None => "",
        }
    }

    /// A plain word for messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Leader => "leader",
            Self::Manager => "manager",
            Self::Both => "leader and manager",
            Self::None => "no hat",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_families_split_six_six() {
        for r in Responsibility::ALL {
            assert_eq!(Responsibility::from_id(r.id()), Some(r));
        }
        let leadership = Responsibility::ALL
            .iter()
            .filter(|r| r.family() == TagFamily::Leadership)
            .count();
        assert_eq!(leadership, 6);
        assert_eq!(Tag::parse("closing"), Tag::Custom("closing".into()));
        assert_eq!(Tag::parse("metrics"), Tag::Core(Responsibility::Metrics));
    }

    #[test]
    fn hat_follows_families() {
        use Responsibility::*;
        let set = |rs: &[Responsibility]| rs.iter().copied().collect::<ResponsibilitySet>();
        assert_eq!(set(&[]).hat(), Hat::None);
        assert_eq!(set(&[Vision]).hat(), Hat::Leader);
        assert_eq!(set(&[Metrics, Coaching]).hat(), Hat::Manager);
        assert_eq!(set(&[Strategy, Rigor]).hat(), Hat::Both);
        assert_eq!(
            set(&[Strategy, Rigor]).iter().collect::<Vec<_>>(),
            [Strategy, Rigor]
        );
    }
}
