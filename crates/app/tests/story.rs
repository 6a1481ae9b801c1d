//! One storage story, run against SQLite and PostgreSQL: everything the app does that touches
//! storage, with the same expectations on both.

mod common;

use app::{AppError, Command, ImportOptions, ListRequest};
use common::*;
use domain::Fact;

fn command(line: &str) -> Command {
    Command {
        fact: Fact::from_line(line).unwrap(),
        override_reason: None,
    }
}

async fn story(url: &str) {
    let dir = TempDir::new("story");
    let app = county_app(url, &dir).await;

    // Accounts start with a password that must be changed before any work.
    app.set_account(None, "O2", "liming", "初始密码12345")
        .await
        .unwrap();
    let first = app.login("liming", "初始密码12345").await.unwrap();
    let refused = app
        .record(
            &first.actor,
            vec![command(
                r#"{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C1"}"#,
            )],
        )
        .await;
    assert!(
        matches!(refused, Err(AppError::Forbidden(_))),
        "{refused:?}"
    );
    assert!(app.login("liming", "错误的密码").await.is_err());
    app.change_password(&first.actor, "初始密码12345", "新的密码67890")
        .await
        .unwrap();
    let officer = app.login("liming", "新的密码67890").await.unwrap().actor;
    assert!(!officer.must_change_password);
    let token = app.issue_api_token(&officer, "测试").await.unwrap();
    assert_eq!(
        app.authenticate(&token).await.unwrap().officer,
        officer.officer
    );

    // A measure banned before filing is blocked, then recorded with an explicit reason.
    let detention = r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#;
    match app.record(&officer, vec![command(detention)]).await {
        Err(AppError::Prohibited(list)) => assert_eq!(list[0].rule, "XS-04"),
        other => panic!("expected a prohibition, got {other:?}"),
    }
    let overridden = Command {
        fact: Fact::from_line(detention).unwrap(),
        override_reason: Some("现行犯紧急情况".into()),
    };
    let recorded = app.record(&officer, vec![overridden]).await.unwrap();
    assert_eq!(
        recorded[0].fact.object()["override_reason"],
        "现行犯紧急情况"
    );
    app.record(
        &officer,
        vec![command(
            r#"{"fact":"case.filed","at":"2026-03-02T11:00:00+08:00","id":"C1"}"#,
        )],
    )
    .await
    .unwrap();

    // An impossible transition is refused with its code and changes nothing.
    let (before, _) = app.store().ledger_extent().await.unwrap();
    let again = app
        .record(
            &officer,
            vec![command(
                r#"{"fact":"case.filed","at":"2026-03-02T12:00:00+08:00","id":"C1"}"#,
            )],
        )
        .await;
    assert_eq!(again.unwrap_err().code(), "impossible_transition");
    assert_eq!(app.store().ledger_extent().await.unwrap().0, before);

    // Documents issued without a number get the next official one.
    for serial in 1..=2 {
        let line = format!(
            r#"{{"fact":"document.issued","at":"2026-03-02T12:00:00+08:00","id":"D{serial}","case":"C1","kind":"detention_notice","number":"","subject":"M1"}}"#
        );
        let recorded = app.record(&officer, vec![command(&line)]).await.unwrap();
        assert_eq!(
            recorded[0].fact.object()["number"],
            format!("南公（刑）拘通字〔2026〕{serial:04}号")
        );
    }

    // Scope: a sibling station sees nothing of station 1; the county sees everything.
    let sibling = signed_in(&app, "O4").await;
    let county = signed_in(&app, "O1").await;
    for (kind, id) in [
        ("case", "C1"),
        ("person", "P1"),
        ("measure", "M1"),
        ("document", "D1"),
    ] {
        assert!(
            matches!(
                app.element(&sibling, kind, id).await,
                Err(AppError::NotFound)
            ),
            "{kind} {id}"
        );
        assert!(
            matches!(
                app.timeline(&sibling, kind, id).await,
                Err(AppError::NotFound)
            ),
            "{kind} {id}"
        );
        app.element(&county, kind, id).await.unwrap();
    }
    let sibling_cases = app
        .list(
            &sibling,
            &ListRequest {
                kind: "case".into(),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(sibling_cases.total, 0);
    let county_cases = app
        .list(
            &county,
            &ListRequest {
                kind: "case".into(),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(county_cases.total, 1);
    let sibling_write = app
        .record(
            &sibling,
            vec![command(
                r#"{"fact":"case.closed","at":"2026-03-05T12:00:00+08:00","id":"C1"}"#,
            )],
        )
        .await;
    assert!(
        matches!(sibling_write, Err(AppError::NotFound)),
        "{sibling_write:?}"
    );

    // A warning (预警) belongs to its subject's unit: the station and the county see it, the
    // sibling station does not; its view links to the case.
    // Warnings are raised, changed and cleared by the supervision engine (or imported), never
    // by a person: refused whoever asks, before anything is looked up.
    let raised = r#"{"fact":"warning.raised","at":"2026-03-03T08:00:00+08:00","id":"YJ1","rule":"XS-04","element":"case","subject":"C1","level":"red","message":"立案前采取刑事拘留"}"#;
    for (actor, line) in [
        (&officer, raised),
        (&county, raised),
        (&sibling, raised),
        (
            &officer,
            r#"{"fact":"warning.level_changed","at":"2026-03-03T08:30:00+08:00","id":"YJ1","level":"yellow","message":"降为黄色"}"#,
        ),
        (
            &officer,
            r#"{"fact":"warning.cleared","at":"2026-03-03T08:30:00+08:00","id":"YJ1"}"#,
        ),
    ] {
        let refused = app.record(actor, vec![command(line)]).await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{line}: {refused:?}"
        );
    }
    assert!(app.element(&county, "warning", "YJ1").await.is_err());
    let file = dir.file("warning.jsonl", &format!("{raised}\n"));
    app.import_files(&[file], Default::default()).await.unwrap();
    app.record(
        &county,
        vec![command(
            r#"{"fact":"warning.verified","at":"2026-03-03T09:00:00+08:00","id":"YJ1","confirmed":true,"reason":"属实"}"#,
        )],
    )
    .await
    .unwrap();
    let ordered = r#"{"fact":"warning.rectification_ordered","at":"2026-03-03T10:00:00+08:00","id":"YJ1","deadline":"2026-03-10T18:00:00+08:00","instruction":"补办立案手续"}"#;
    // Only legal officers, supervisors and leaders order rectification; a sibling station's
    // officer does not even learn that the warning exists.
    let not_theirs = app.record(&officer, vec![command(ordered)]).await;
    assert!(
        matches!(not_theirs, Err(AppError::Forbidden(_))),
        "{not_theirs:?}"
    );
    let rectified_early = r#"{"fact":"warning.rectified","at":"2026-03-03T11:00:00+08:00","id":"YJ1","evidence":"已补办"}"#;
    let hidden = app.record(&sibling, vec![command(rectified_early)]).await;
    assert!(matches!(hidden, Err(AppError::NotFound)), "{hidden:?}");
    app.record(&county, vec![command(ordered)]).await.unwrap();
    let warning = app.element(&officer, "warning", "YJ1").await.unwrap();
    assert_eq!(warning.row.status, "rectification_ordered");
    assert_eq!(warning.row.title, "XS-04 红色预警 · C1");
    assert_eq!(warning.snapshot["instruction"], "补办立案手续");
    assert!(
        warning
            .links
            .iter()
            .any(|l| l.other_kind == "case" && l.other_id == "C1" && l.role == "subject"),
        "{:?}",
        warning.links
    );
    assert!(matches!(
        app.element(&sibling, "warning", "YJ1").await,
        Err(AppError::NotFound)
    ));
    let closed_early = app
        .record(
            &county,
            vec![command(
                r#"{"fact":"warning.closed","at":"2026-03-03T11:00:00+08:00","id":"YJ1"}"#,
            )],
        )
        .await;
    assert_eq!(closed_early.unwrap_err().code(), "impossible_transition");

    // Person reads are audited and ID numbers masked unless revealed with a reason.
    let person = app.element(&county, "person", "P1").await.unwrap();
    assert_eq!(person.snapshot["id_number"], "110105********002X");
    assert!(app.reveal_id_number(&county, "P1", "").await.is_err());
    let full = app
        .reveal_id_number(&county, "P1", "核对身份")
        .await
        .unwrap();
    assert_eq!(full.as_deref(), Some("11010519491231002X"));
    let trail = app
        .audit_trail(&county, Some(("person", "P1")))
        .await
        .unwrap();
    // The scope check above read the person once, the masked read here once more.
    assert_eq!(
        trail.iter().map(|a| a.action.as_str()).collect::<Vec<_>>(),
        ["reveal", "read", "read"]
    );
    assert_eq!(trail[0].reason, "核对身份");

    // The timeline shows the facts in order, with their actors.
    let timeline = app.timeline(&county, "case", "C1").await.unwrap();
    assert_eq!(
        timeline.iter().map(|t| t.kind.as_str()).collect::<Vec<_>>(),
        ["case.accepted", "case.filed"]
    );
    assert_eq!(timeline[1].actor, "O2");

    // Verification passes; views survive a rebuild unchanged.
    let report = app.verify().await.unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    app.views_caught_up().await.unwrap();
    let before_rebuild = app.store().all_elements("case").await.unwrap();
    let warnings_before_rebuild = app.store().all_elements("warning").await.unwrap();
    assert_eq!(warnings_before_rebuild.len(), 1);
    app.rebuild().await.unwrap();
    assert_eq!(
        app.store().all_elements("case").await.unwrap(),
        before_rebuild
    );
    assert_eq!(
        app.store().all_elements("warning").await.unwrap(),
        warnings_before_rebuild
    );
    // Timelines are found by sequence numbers kept in memory: rebuilt with the views.
    let seqs = |t: &[app::TimelineEntry]| t.iter().map(|e| e.seq).collect::<Vec<_>>();
    let after_rebuild = app.timeline(&county, "case", "C1").await.unwrap();
    assert_eq!(seqs(&after_rebuild), seqs(&timeline));

    // Export, then import into an empty store: the same views.
    let mut exported = Vec::new();
    let count = app.export(&mut exported).await.unwrap();
    assert!(count > 20);
    let copy_dir = TempDir::new("copy");
    let file = copy_dir.file("export.jsonl", std::str::from_utf8(&exported).unwrap());
    let copy = app::App::open(&copy_dir.sqlite_url()).await.unwrap();
    copy.import_files(&[file], ImportOptions::default())
        .await
        .unwrap();
    // In the copy (its memory built by the import) the same facts make up the timeline.
    let copy_county = copy.actor("O1").await.unwrap();
    let copied = copy.timeline(&copy_county, "case", "C1").await.unwrap();
    let kinds = |t: &[app::TimelineEntry]| t.iter().map(|e| e.kind.clone()).collect::<Vec<_>>();
    assert_eq!(kinds(&copied), kinds(&timeline));
    app.views_caught_up().await.unwrap();
    copy.views_caught_up().await.unwrap();
    for kind in [
        "unit", "officer", "case", "person", "measure", "document", "warning",
    ] {
        let mut a = app.store().all_elements(kind).await.unwrap();
        let mut b = copy.store().all_elements(kind).await.unwrap();
        a.sort_by(|x, y| x.id.cmp(&y.id));
        b.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(a, b, "{kind} views differ after import(export(x))");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn story_on_sqlite() {
    let dir = TempDir::new("sqlite");
    story(&dir.sqlite_url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn story_on_postgres() {
    story(&fresh_postgres().await).await;
}

async fn concurrent_numbering(url: &str) {
    let dir = TempDir::new("numbering");
    let app = county_app(url, &dir).await;
    let officer = signed_in(&app, "O2").await;
    let mut tasks = Vec::new();
    for n in 0..40 {
        let app = app.clone();
        let officer = officer.clone();
        tasks.push(tokio::spawn(async move {
            let line = format!(r#"{{"fact":"document.issued","at":"2026-03-03T12:00:00+08:00","id":"DN{n}","case":"C1","kind":"summons_warrant","number":""}}"#);
            app.record(&officer, vec![command(&line)]).await.unwrap()[0].fact.object()["serial"].as_u64().unwrap()
        }));
    }
    let mut serials = Vec::new();
    for task in tasks {
        serials.push(task.await.unwrap());
    }
    serials.sort();
    assert_eq!(
        serials,
        (1..=40).collect::<Vec<u64>>(),
        "unique and gap-free"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_numbers_are_unique_and_gap_free_under_concurrency_on_sqlite() {
    let dir = TempDir::new("sqlite-numbers");
    concurrent_numbering(&dir.sqlite_url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_numbers_are_unique_and_gap_free_under_concurrency_on_postgres() {
    concurrent_numbering(&fresh_postgres().await).await;
}
