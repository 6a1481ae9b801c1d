//! The audit trail of reads: a supervisor sees every read of what their unit may see, however
//! busily other units read.

mod common;

use common::*;

const SIBLINGS: &str = r#"
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O7","name":"赵督察","unit":"U33050301","gender":"male","auxiliary":false,"roles":["supervisor"]}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O8","name":"孙督察","unit":"U33050302","gender":"female","auxiliary":false,"roles":["supervisor"]}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050302","kind":"criminal","category":"050200"}
{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","id_number":"110105194912310038"}
{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C2","role":"suspect"}
"#;

async fn a_quiet_units_reads_stay_in_its_trail(url: &str, dir: &TempDir) {
    let app = county_app(url, dir).await;
    let siblings = dir.file("siblings.jsonl", SIBLINGS);
    app.import_files(&[siblings], Default::default())
        .await
        .unwrap();
    let busy = signed_in(&app, "O7").await;
    let quiet = signed_in(&app, "O8").await;
    app.element(&quiet, "person", "P2").await.unwrap();
    // More reads next door than one page of the trail holds, all after the quiet unit's one.
    for _ in 0..app::AUDIT_ROWS + 20 {
        app.element(&busy, "person", "P1").await.unwrap();
    }
    let trail = app.audit_trail(&quiet, None).await.unwrap();
    let subjects: Vec<&str> = trail.iter().map(|row| row.subject.as_str()).collect();
    assert_eq!(
        subjects,
        ["P2"],
        "the quiet station sees its own read, and only it"
    );
    assert_eq!(trail[0].actor, "O8");
    let busy_trail = app.audit_trail(&busy, None).await.unwrap();
    assert_eq!(
        busy_trail.len(),
        app::AUDIT_ROWS as usize,
        "one page, newest first"
    );
    assert!(busy_trail.iter().all(|row| row.subject == "P1"));
}

#[tokio::test]
async fn a_quiet_units_reads_stay_in_its_trail_on_sqlite() {
    let dir = TempDir::new("audit-sqlite");
    a_quiet_units_reads_stay_in_its_trail(&dir.sqlite_url(), &dir).await;
}

#[tokio::test]
async fn a_quiet_units_reads_stay_in_its_trail_on_postgres() {
    let dir = TempDir::new("audit-postgres");
    a_quiet_units_reads_stay_in_its_trail(&fresh_postgres().await, &dir).await;
}
