//! Shared test fixtures: fresh stores on SQLite and PostgreSQL, and a small county.

#![allow(dead_code)]

use std::path::PathBuf;

use app::App;

/// A county with two sibling stations, officers and an administrator.
pub const COUNTY: &str = r#"
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33","name":"浙江省公安厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U3305","name":"湖州市公安局","parent":"U33","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U330503","name":"南浔区公安分局","parent":"U3305","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33050301","name":"南浔派出所","parent":"U330503","level":"station"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33050302","name":"练市派出所","parent":"U330503","level":"station"}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O1","name":"王晓俊","unit":"U330503","gender":"male","auxiliary":false,"roles":["legal_officer","supervisor"]}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O2","name":"李明","unit":"U33050301","gender":"male","auxiliary":false,"roles":["officer"]}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"张强","unit":"U33050301","gender":"male","auxiliary":false,"roles":["officer"]}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O4","name":"陈静","unit":"U33050302","gender":"female","auxiliary":false,"roles":["officer"]}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O6","name":"周红","unit":"U330503","gender":"female","auxiliary":false,"roles":["custodian"]}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O9","name":"管理员","unit":"U33","gender":"male","auxiliary":false,"roles":["admin"]}
{"fact":"calendar.day","at":"2026-01-01T00:00:00+08:00","date":"2026-10-01","kind":"holiday"}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1","unit":"U33050301","kind":"criminal","category":"050200"}
{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P1","name":"钱一","id_number":"11010519491231002X"}
{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P1","case":"C1","role":"suspect"}
"#;

/// A temporary directory removed at drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!(
            "zhifa-test-{name}-{}-{}",
            std::process::id(),
            rand_suffix()
        ));
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
    pub fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
    pub fn sqlite_url(&self) -> String {
        format!("sqlite://{}", self.0.join("zhifa.db").display())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{nanos:x}{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// The PostgreSQL server tests use (CI starts one; trust auth, database `test`).
pub fn postgres_base_url() -> String {
    std::env::var("ZHIFA_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A fresh PostgreSQL database for one test: created from the base server, so tests running at
/// once never see each other's rows.
pub async fn fresh_postgres() -> String {
    let base = postgres_base_url();
    let name = format!("zhifa_test_{}", rand_suffix());
    let admin = storage::SqlStore::open(&base)
        .await
        .expect("PostgreSQL must be running (see README)");
    admin
        .execute_raw(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let (prefix, _) = base.rsplit_once('/').unwrap();
    format!("{prefix}/{name}")
}

/// An app on a fresh store with the county imported.
pub async fn county_app(url: &str, dir: &TempDir) -> App {
    let app = App::open(url).await.unwrap();
    let file = dir.file("county.jsonl", COUNTY);
    app.import_files(&[file], Default::default()).await.unwrap();
    app
}

/// Opens an account for an officer and signs in with a changed password.
pub async fn signed_in(app: &App, officer: &str) -> app::Actor {
    let username = format!("user{officer}");
    app.set_account(None, officer, &username, "初始密码12345")
        .await
        .unwrap();
    let login = app.login(&username, "初始密码12345").await.unwrap();
    assert!(login.actor.must_change_password);
    app.change_password(&login.actor, "初始密码12345", "新的密码67890")
        .await
        .unwrap();
    app.login(&username, "新的密码67890").await.unwrap().actor
}
