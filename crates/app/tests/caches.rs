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

#[tokio::test]
async fn a_rendered_element_follows_commits_and_is_kept_per_scope() {
    let dir = TempDir::new("rendered-cache");
    let app = county_app(&dir.sqlite_url(), &dir).await;
    let station = signed_in(&app, "O2").await;
    let sibling = signed_in(&app, "O4").await;
    let county = signed_in(&app, "O1").await;
    let renders = std::sync::atomic::AtomicUsize::new(0);
    let read = |actor: app::Actor| {
        let renders = &renders;
        let app = &app;
        async move {
            app.element_rendered(&actor, "case", "C1", |detail| {
                renders.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                format!("{} {}", detail.row.status, detail.links.len()).into_bytes()
            })
            .await
            .map(|body| String::from_utf8(body.to_vec()).unwrap())
        }
    };
    let first = read(station.clone()).await.unwrap();
    assert_eq!(read(station.clone()).await.unwrap(), first);
    assert_eq!(
        renders.load(std::sync::atomic::Ordering::Relaxed),
        1,
        "the second read is kept"
    );
    // A reader of another scope has an answer of their own: none, for the sibling station.
    assert!(matches!(
        read(sibling.clone()).await,
        Err(app::AppError::NotFound)
    ));
    assert_eq!(read(county.clone()).await.unwrap(), first);
    assert_eq!(renders.load(std::sync::atomic::Ordering::Relaxed), 2);

    let filed = r#"{"fact":"case.filed","at":"2026-03-02T10:00:00+08:00","id":"C1"}"#;
    let command = Command {
        fact: domain::Fact::from_line(filed).unwrap(),
        override_reason: None,
    };
    app.record(&station, vec![command]).await.unwrap();
    let after = read(station.clone()).await.unwrap();
    assert_ne!(after, first, "rendered again after the commit");
    assert!(
        after.starts_with(
            &app.element(&station, "case", "C1")
                .await
                .unwrap()
                .row
                .status
        )
    );
    assert_eq!(renders.load(std::sync::atomic::Ordering::Relaxed), 3);
}
