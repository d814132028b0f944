//! The closed vocabularies of a plan: member functions, stage kinds, link kinds.

use super::named_enum::named_enum;

named_enum! {
    /// What a member does in the company.
    pub enum Function {
        /// The founder or owner of the company.
        Owner = ("owner", "Owner"),
        /// A dedicated sales leader (vision and direction).
        SalesLeader = ("sales-leader", "Sales leader"),
        /// A dedicated sales manager (execution and discipline).
        SalesManager = ("sales-manager", "Sales manager"),
        /// One leader holding both leadership and management.
        GrowthLeader = ("growth-leader", "Growth leader"),
        /// Account executives, SDRs and other sellers.
        Sales = ("sales", "Sales"),
        /// Marketing.
        Marketing = ("marketing", "Marketing"),
        /// Pre-sales and solution engineers.
        Technical = ("technical", "Technical"),
        /// Delivery of the service that was sold.
        ServiceDelivery = ("service-delivery", "Service delivery"),
        /// Sales and revenue operations.
        Operations = ("operations", "Operations"),
        /// Anyone else.
        Other = ("other", "Other"),
    }
}

named_enum! {
    /// The shape a stage promises.
    pub enum StageKind {
        /// The owner leads and manages.
        FounderLed = ("founder-led", "Founder-led"),
        /// The owner leads; a dedicated sales manager manages.
        SplitRoles = ("split-roles", "Split roles"),
        /// One growth leader holds both leadership and management.
        Converged = ("converged", "Converged"),
        /// Any other stage; only the general rules apply.
        Custom = ("custom", "Custom"),
    }
}

named_enum! {
    /// The kind of a line between two members.
    pub enum LinkKind {
        /// `from` reports to `to` (solid line, part of the hierarchy).
        ReportsTo = ("reports-to", "reports to"),
        /// Cross-functional work (dashed line, undirected in meaning).
        CollaboratesWith = ("collaborates-with", "collaborates with"),
    }
}

impl Function {
    /// The *leading functions* of the rule catalogue: `owner`,
    /// `sales-leader`, `growth-leader`.
    pub fn is_leading(self) -> bool {
        matches!(self, Self::Owner | Self::SalesLeader | Self::GrowthLeader)
    }

    /// The *sales line*: the leading functions, `sales-manager` and `sales`.
    pub fn is_sales_line(self) -> bool {
        self.is_leading() || matches!(self, Self::SalesManager | Self::Sales)
    }
}

named_enum! {
    /// How a plan overrides a rule's default severity (`settings.rules`).
    pub enum RuleLevel {
        /// The rule does not run.
        Off = ("off", "Off"),
        /// Findings are notes.
        Info = ("info", "Info"),
        /// Findings are warnings.
        Warning = ("warning", "Warning"),
        /// Findings are errors; `orgevo check` exits 1.
        Error = ("error", "Error"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for f in Function::ALL {
            assert_eq!(Function::from_id(f.id()), Some(*f));
        }
        for k in StageKind::ALL {
            assert_eq!(StageKind::from_id(k.id()), Some(*k));
        }
        assert_eq!(LinkKind::from_id("reports-to"), Some(LinkKind::ReportsTo));
        assert_eq!(Function::from_id("Owner"), None);
        assert!(StageKind::expected().contains("split-roles"));
        assert_eq!(RuleLevel::from_id("off"), Some(RuleLevel::Off));
    }

    #[test]
    fn leading_functions_and_the_sales_line() {
        let leading: Vec<_> = Function::ALL.iter().filter(|f| f.is_leading()).collect();
        assert_eq!(
            leading,
            [
                &Function::Owner,
                &Function::SalesLeader,
                &Function::GrowthLeader
            ]
        );
        assert!(Function::SalesManager.is_sales_line() && !Function::SalesManager.is_leading());
        assert!(Function::Sales.is_sales_line());
        assert!(!Function::Marketing.is_sales_line() && !Function::Technical.is_sales_line());
    }
}
