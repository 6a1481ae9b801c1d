//! What is kept in memory between requests follows the writes: an element's links read again
//! after a commit that changed them are the new ones (the sessions' side is in `lockout.rs`).

mod common;

use app::Command;
use common::*;

#[tokio::test]
async fn an_elements_links_follow_the_commit_that_changes_them() {
    let dir = TempDir::new("links-cache");
    let app = county_app(&dir.sqlite_url(), &dir).await;
    let officer = signed_in(&app, "O2").await;
    let linked = |detail: &app::ElementDetail| {
        let mut ids: Vec<String> = detail
            .links
            .iter()
            .flat_map(|l| [l.id.clone(), l.other_id.clone()])
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let before = app.element(&officer, "case", "C1").await.unwrap();
    assert!(
        linked(&before).contains(&"P1".to_string()),
        "{:?}",
        before.links
    );
    // Read twice: the second answer comes from memory, and is the same.
    assert_eq!(
        app.element(&officer, "case", "C1").await.unwrap().links,
        before.links
    );
    let fact = r#"{"fact":"measure.started","at":"2026-03-02T09:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#;
    let command = Command {
        fact: domain::Fact::from_line(fact).unwrap(),
        override_reason: None,
    };
    app.record(&officer, vec![command]).await.unwrap();
    let after = app.element(&officer, "case", "C1").await.unwrap();
    assert!(
        linked(&after).contains(&"M1".to_string()),
        "the new measure: {:?}",
        after.links
    );
}
