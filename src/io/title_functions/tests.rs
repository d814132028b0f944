//! Each line of DESIGN.md's title table, with a near miss beside it.

use super::TitleRules;
use crate::model::Function::{self, *};

fn of(title: &str) -> Option<Function> {
    TitleRules::default().function_of(title)
}

#[test]
fn each_line_of_the_table_with_a_near_miss() {
    let cases: &[(&str, Option<Function>)] = &[
        // owner
        ("CEO", Some(Owner)),
        ("Founder & CEO", Some(Owner)),
        ("Chief Executive", Some(Owner)),
        ("Co-Founder", Some(Owner)),
        ("Owner", Some(Owner)),
        ("Managing Director", Some(Owner)),
        ("President", Some(Owner)),
        ("Vice President, Administration", None),
        ("Administration Vice President", None),
        ("Ceorg Smith", None),
        // sales-leader
        ("VP Sales", Some(SalesLeader)),
        ("VP of Sales", Some(SalesLeader)),
        ("Vice President Sales", Some(SalesLeader)),
        ("Vice President of Sales", Some(SalesLeader)),
        ("Head of Sales", Some(SalesLeader)),
        ("Sales Director", Some(SalesLeader)),
        ("Director of Sales", Some(SalesLeader)),
        ("Chief Revenue Officer", Some(SalesLeader)),
        ("CRO", Some(SalesLeader)),
        ("Chief Sales Officer", Some(SalesLeader)),
        ("Director of Salesforce Administration", None),
        // growth-leader
        ("Growth Leader", Some(GrowthLeader)),
        ("Head of Growth", Some(GrowthLeader)),
        ("VP Growth", Some(GrowthLeader)),
        ("VP of Growth", Some(GrowthLeader)),
        ("Chief Growth Officer", Some(GrowthLeader)),
        ("Growth Hacker", None),
        // sales-manager
        ("Sales Manager", Some(SalesManager)),
        ("Sales Team Lead", Some(SalesManager)),
        ("Sales Lead", Some(SalesManager)),
        ("SDR Manager", Some(SalesManager)),
        ("BDR Manager", Some(SalesManager)),
        ("Sales Development Manager", Some(SalesManager)),
        ("Marketing Manager", Some(Marketing)),
        ("Salesmanager", None),
        // technical
        ("Sales Engineer", Some(Technical)),
        ("Solutions Engineer", Some(Technical)),
        ("Solution Architect", Some(Technical)),
        ("Solutions Architect", Some(Technical)),
        ("Pre-Sales Consultant", Some(Technical)),
        ("Presales", Some(Technical)),
        ("Solutions Consultant", Some(Technical)),
        ("Software Engineer", None),
        // operations
        ("Sales Operations Analyst", Some(Operations)),
        ("Sales Ops", Some(Operations)),
        ("Revenue Operations Lead", Some(Operations)),
        ("RevOps", Some(Operations)),
        ("Operations Manager", None),
        // marketing
        ("Marketing Lead", Some(Marketing)),
        ("CMO", Some(Marketing)),
        ("Brand Designer", Some(Marketing)),
        ("Demand Generation", Some(Marketing)),
        ("Content Writer", Some(Marketing)),
        ("Communications Officer", Some(Marketing)),
        ("Contentious Clerk", None),
        // service-delivery
        ("Customer Success Manager", Some(ServiceDelivery)),
        ("Service Delivery Lead", Some(ServiceDelivery)),
        ("Implementation Consultant", Some(ServiceDelivery)),
        ("Onboarding Specialist", Some(ServiceDelivery)),
        ("Support Engineer", Some(ServiceDelivery)),
        ("Customer Service", None),
        // sales
        ("Account Executive", Some(Sales)),
        ("Sales Representative", Some(Sales)),
        ("Sales Rep", Some(Sales)),
        ("SDR", Some(Sales)),
        ("BDR", Some(Sales)),
        ("Sales Development Rep", Some(Sales)),
        ("Business Development", Some(Sales)),
        ("Account Manager", Some(Sales)),
        ("Salesperson", Some(Sales)),
        ("Accountant", None),
        ("", None),
    ];
    for (title, expected) in cases {
        assert_eq!(of(title), *expected, "{title:?}");
    }
}

#[test]
fn the_first_matching_line_wins_and_case_and_plurals_do_not_matter() {
    // "sales director" (sales-leader) comes before "sales development".
    assert_eq!(of("Sales Director, Sales Development"), Some(SalesLeader));
    // "founder" (owner) comes before "vp of sales".
    assert_eq!(of("Founder and VP of Sales"), Some(Owner));
    assert_eq!(of("sAlEs MaNaGeR"), Some(SalesManager));
    assert_eq!(of("Team Lead, Account Executives"), Some(Sales));
}

#[test]
fn own_lines_come_first_and_the_table_can_be_turned_off() {
    let own = TitleRules {
        extra: vec![
            ("Rainmaker".into(), SalesLeader),
            ("Sales Manager".into(), Sales),
        ],
        builtin: true,
    };
    assert_eq!(own.function_of("Chief Rainmaker"), Some(SalesLeader));
    assert_eq!(own.function_of("Sales Manager"), Some(Sales));
    assert_eq!(own.function_of("CEO"), Some(Owner));
    let off = TitleRules {
        extra: vec![("Rainmaker".into(), SalesLeader)],
        builtin: false,
    };
    assert_eq!(off.function_of("CEO"), None);
    assert_eq!(off.function_of("Rainmaker"), Some(SalesLeader));
}
