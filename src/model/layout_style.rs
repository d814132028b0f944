//! Layout styles: the shapes a tidy chart can take (DESIGN.md "Layout
//! styles and big charts").

use std::fmt;

/// How a stage's tidy layout arranges its reporting tree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LayoutStyle {
    /// The tidy tree: a manager's reports side by side below it, leaf
    /// reports stacked in a column.
    #[default]
    Wide,
    /// The tidy tree with wide teams wrapped into further rows under their
    /// manager, so the chart comes out close to a page's proportions.
    Compact,
    /// The tree grows to the right: reports to the right of their manager.
    LeftRight,
}

impl LayoutStyle {
    /// Every style, in menu order.
    pub const ALL: [Self; 3] = [Self::Wide, Self::Compact, Self::LeftRight];

    /// The id used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Self::Wide => "wide",
            Self::Compact => "compact",
            Self::LeftRight => "left-right",
        }
    }

    /// The style with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The ids, for messages: "wide, compact, left-right".
    pub fn expected() -> String {
        Self::ALL.map(Self::id).join(", ")
    }

    /// The name in menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Wide => "Wide",
            Self::Compact => "Compact",
            Self::LeftRight => "Left to right",
        }
    }

    /// One line on what the style does, for tooltips.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Wide => "Reports side by side under their manager: one wide tree",
            Self::Compact => {
                "Wide teams wrap into more rows under their manager, so the chart is about as wide as a page"
            }
            Self::LeftRight => "The tree grows to the right: reports right of their manager",
        }
    }

    /// Whether reports sit right of their manager instead of below.
    pub fn grows_right(self) -> bool {
        self == Self::LeftRight
    }
}

impl fmt::Display for LayoutStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_ones_list_the_styles() {
        for style in LayoutStyle::ALL {
            assert_eq!(LayoutStyle::from_id(style.id()), Some(style));
        }
        assert_eq!(LayoutStyle::from_id("diagonal"), None);
        assert!(LayoutStyle::expected().contains("left-right"));
    }
}
