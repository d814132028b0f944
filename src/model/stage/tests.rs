//! The stage's invariants and its copy-on-write sharing.

use super::*;
use crate::model::Function;

/// Three members, `a`, `b` and `c`, and no lines.
pub(super) fn stage() -> Stage {
    let mut s = Stage::new("s", "S", StageKind::Custom);
    for id in ["a", "b", "c"] {
        s.add_member(Member::new(id, id, Function::Sales)).unwrap();
    }
    s
}

#[test]
fn refuses_duplicates_unknowns_and_second_managers() {
    let mut s = stage();
    assert!(matches!(
        s.add_member(Member::new("a", "again", Function::Sales)),
        Err(ModelError::DuplicateMember { .. })
    ));
    assert!(matches!(
        s.add_link(&Link::new("a", "zz", LinkKind::ReportsTo)),
        Err(ModelError::UnknownMember { id }) if id == "zz"
    ));
    s.add_link(&Link::new("a", "b", LinkKind::ReportsTo))
        .unwrap();
    assert!(matches!(
        s.add_link(&Link::new("a", "c", LinkKind::ReportsTo)),
        Err(ModelError::SecondManager { member, .. }) if member == "a"
    ));
    // A collaboration line is not a second manager.
    s.add_link(&Link::new("a", "c", LinkKind::CollaboratesWith))
        .unwrap();
    assert_eq!(s.manager_of("a").map(|m| m.id.as_str()), Some("b"));
    assert_eq!(s.reports_of("b").len(), 1);
}

#[test]
fn a_collaboration_line_has_no_direction() {
    let mut s = stage();
    s.add_link(&Link::new("a", "b", LinkKind::CollaboratesWith))
        .unwrap();
    assert!(matches!(
        s.add_link(&Link::new("b", "a", LinkKind::CollaboratesWith)),
        Err(ModelError::DuplicateLink { .. })
    ));
    // A reporting line the other way is a different line.
    s.add_link(&Link::new("b", "a", LinkKind::ReportsTo))
        .unwrap();
    assert_eq!(s.link_count(), 2);
    assert!(s.remove_link(&Link::new("b", "a", LinkKind::CollaboratesWith)));
    assert_eq!(s.link_count(), 1);
}

#[test]
fn removing_a_member_removes_its_lines() {
    let mut s = stage();
    s.add_link(&Link::new("a", "b", LinkKind::ReportsTo))
        .unwrap();
    s.add_link(&Link::new("c", "b", LinkKind::ReportsTo))
        .unwrap();
    assert!(s.remove_member("b").is_some());
    assert_eq!(s.link_count(), 0);
    assert!(s.manager_of("a").is_none());
    assert!(s.member("b").is_none());
}

#[test]
fn copies_share_the_chart_until_one_changes() {
    let mut s = stage();
    let copy = s.clone();
    assert!(copy.shares_chart_with(&s));
    assert_eq!(copy.revision(), s.revision());
    assert_eq!(copy.bytes_not_shared_with(&s), 0);
    s.member_mut("a").unwrap().name = "Ann".into();
    assert!(!copy.shares_chart_with(&s));
    assert_ne!(
        copy.revision(),
        s.revision(),
        "a change gets a new revision"
    );
    assert_eq!(
        copy.member("a").unwrap().name,
        "a",
        "the copy keeps its value"
    );
    assert!(copy.bytes_not_shared_with(&s) > 0);
    assert_ne!(copy, s);
    // Equal content, separate charts: still equal.
    s.member_mut("a").unwrap().name = "a".into();
    assert_eq!(copy, s);
    // Reading never copies.
    let before = s.revision();
    let _ = (s.member("b"), s.links().count(), s.manager_of("a"));
    assert_eq!(s.revision(), before);
}

#[test]
fn renaming_an_id_keeps_lines() {
    let mut s = stage();
    s.add_link(&Link::new("a", "b", LinkKind::ReportsTo))
        .unwrap();
    s.rename_member_id("b", "boss").unwrap();
    assert_eq!(s.manager_of("a").map(|m| m.id.as_str()), Some("boss"));
    assert!(s.rename_member_id("a", "c").is_err());
}
