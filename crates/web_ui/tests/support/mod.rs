//! What the real-HTTP and browser tests share: a small province imported from a setup file into
//! a fresh SQLite store, accounts with initial passwords, and the web UI served on 127.0.0.1:0.

use std::path::PathBuf;

/// A province, a county with two sibling stations, and one officer per station (plus an
/// administrator) so that scope can be checked.
pub const SETUP: &str = r#"{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"U0","name":"某省公安厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"UC","name":"某市公安局","parent":"U0","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"U1","name":"某县公安局","parent":"UC","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"UA","name":"甲派出所","parent":"U1","level":"station"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"UB","name":"乙派出所","parent":"U1","level":"station"}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"O0","name":"管理员","unit":"U0","gender":"male","roles":["admin"]}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OA","name":"张三","unit":"UA","gender":"male","roles":["officer"]}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OB","name":"李四","unit":"UB","gender":"female","roles":["officer"]}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OA2","name":"王五","unit":"UA","gender":"female","roles":["officer"]}
"#;

/// The accounts every test gets: (officer, username, initial password).
pub const ACCOUNTS: [(&str, &str, &str); 3] = [
    ("O0", "admin", "initial-pass-0"),
    ("OA", "zhangsan", "initial-pass-a"),
    ("OB", "lisi", "initial-pass-b"),
];

/// The web UI serving a fresh store. The runtime lives as long as this value.
pub struct Served {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The test's own directory (store, setup file); removed on drop.
    pub dir: PathBuf,
    /// The app behind the pages, to record facts from the test as another officer would.
    #[allow(dead_code)]
    pub app: app::App,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Served {
    /// Runs a future on the server's runtime.
    #[allow(dead_code)]
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.as_ref().expect("running").block_on(future)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        // The server (and its SQLite connections) stops before its files are removed.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(std::time::Duration::from_secs(5));
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A fresh directory under the system temp dir, unique to this process and moment.
pub fn fresh_dir(prefix: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "{prefix}-{}-{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Imports `SETUP` followed by `facts` (JSON Lines, may be empty), opens `ACCOUNTS` and serves
/// `web_ui::router` on a free port.
pub fn serve(facts: &str) -> Served {
    serve_with(facts, &[])
}

/// As `serve`, with the live supervision engine running (as `zhifa serve` runs it).
#[allow(dead_code)]
pub fn serve_live(facts: &str) -> Served {
    serve_full(facts, &[], true)
}

/// As [`serve`], opening `more` accounts (of officers defined in `facts`) besides `ACCOUNTS`.
#[allow(dead_code)]
pub fn serve_with(facts: &str, more: &[(&str, &str, &str)]) -> Served {
    serve_full(facts, more, false)
}

fn serve_full(facts: &str, more: &[(&str, &str, &str)], engine: bool) -> Served {
    let dir = fresh_dir("zhifa-web");
    let setup = dir.join("setup.jsonl");
    std::fs::write(&setup, format!("{SETUP}{facts}")).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let url = format!("sqlite://{}", dir.join("zhifa.db").display());
    let (base, app) = runtime.block_on(async {
        let app = app::App::open(&url).await.unwrap();
        app.import_files(&[&setup], app::ImportOptions::default())
            .await
            .unwrap();
        for (officer, username, password) in ACCOUNTS.iter().chain(more) {
            app.set_account(None, officer, username, password)
                .await
                .unwrap();
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        if engine {
            app.start_engine().await.unwrap();
        }
        let router = web_ui::router(app.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        (base, app)
    });
    Served {
        base,
        dir,
        app,
        runtime: Some(runtime),
    }
}
