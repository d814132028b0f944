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
    }
}
