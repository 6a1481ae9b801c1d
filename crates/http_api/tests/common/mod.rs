//! The API over real HTTP: a server on a free port, a temporary SQLite store, a blocking client.

#![allow(dead_code)]

use serde_json::{Value, json};

/// A running API on its own store.
pub struct Server {
    pub base: String,
    pub app: app::App,
    pub runtime: tokio::runtime::Runtime,
    agent: ureq::Agent,
    dir: std::path::PathBuf,
}

/// One answer: status, content type, body (JSON, or `Null` when it is not JSON), raw text and
/// the Retry-After header.
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: Value,
    pub text: String,
    pub retry_after: Option<String>,
}

impl Answer {
    /// Asserts the answer is a problem with this status and code, in both languages.
    pub fn assert_problem(&self, status: u16, code: &str, what: &str) {
        assert_eq!(
            (self.status, self.body["code"].as_str()),
            (status, Some(code)),
            "{what}: {}",
            self.text
        );
        assert_problem_shape(self, what);
    }
}

/// Every error answer is `application/problem+json` with a stable code, a Chinese `detail`
/// and an English `detail_en`.
pub fn assert_problem_shape(answer: &Answer, what: &str) {
    assert_eq!(
        answer.content_type, "application/problem+json",
        "{what}: {}",
        answer.text
    );
    let body = &answer.body;
    let code = body["code"].as_str().unwrap_or("");
    assert!(
        !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        "{what}: a stable snake_case code: {}",
        answer.text
    );
    assert_eq!(body["status"], answer.status, "{what}: {}", answer.text);
    assert_eq!(
        body["type"].as_str(),
        Some(format!("urn:zhifa:problem:{code}").as_str()),
        "{what}"
    );
    let detail = body["detail"].as_str().unwrap_or("");
    assert!(
        detail
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{what}: a Chinese detail: {}",
        answer.text
    );
    // English, though it may quote a Chinese detail from the domain ("field `level` is
    // invalid: 大队不能隶属于派出所 (a division cannot be under a station)").
    let detail_en = body["detail_en"].as_str().unwrap_or("");
    assert!(
        detail_en
            .split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
            .count()
            >= 2,
        "{what}: an English detail_en: {}",
        answer.text
    );
}

/// The root unit and its administrator: the least a store needs to be administered.
pub const ROOT: &str = r#"{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"U0","name":"某省公安厅","level":"province"}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"O0","name":"管理员","unit":"U0","gender":"male","roles":["admin"]}
"#;

impl Server {
    /// Starts an API on a fresh SQLite store with `setup` (FORMAT.md lines) imported and an
    /// `admin` account (initial password `initial-pass-0`) for officer `O0`.
    pub fn start(setup: &str) -> Server {
        let dir = std::env::temp_dir().join(format!(
            "zhifa-http-{}-{}",
            std::process::id(),
            jiff::Timestamp::now().as_nanosecond()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let setup_file = dir.join("setup.jsonl");
        std::fs::write(&setup_file, setup).unwrap();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let url = format!("sqlite://{}", dir.join("zhifa.db").display());
        let (app, base) = runtime.block_on(async {
            let app = app::App::open(&url).await.unwrap();
            app.import_files(&[&setup_file], app::ImportOptions::default())
                .await
                .unwrap();
            app.set_account(None, "O0", "admin", "initial-pass-0")
                .await
                .unwrap();
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let base = format!("http://{}", listener.local_addr().unwrap());
            let router = http_api::router(app.clone());
            tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
            (app, base)
        });
        // A fresh connection per request: the server may close a connection after refusing a
        // request whose body it did not read (a 401 before the body), and a pooled connection
        // would make the next request fail with "peer disconnected" at random.
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_idle_connections(0)
            .build()
            .into();
        Server {
            base,
            app,
            runtime,
            agent,
            dir,
        }
    }

    /// A request with a JSON body (or none).
    pub fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, String, Value) {
        let answer = self.request(
            method,
            path,
            token,
            body.map(|b| b.to_string().into_bytes()),
        );
        (answer.status, answer.content_type, answer.body)
    }

    /// A request with raw body bytes, sent as `application/json`.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Vec<u8>>,
    ) -> Answer {
        let url = format!("{}{}", self.base, path);
        let auth = token.map(|t| format!("Bearer {t}"));
        macro_rules! with_auth {
            ($request:expr) => {{
                let mut request = $request;
                if let Some(auth) = &auth {
                    request = request.header("Authorization", auth);
                }
                request
            }};
        }
        macro_rules! with_body {
            ($request:expr) => {{
                let request = with_auth!($request);
                match body {
                    Some(bytes) => request.content_type("application/json").send(&bytes[..]),
                    None => request.send_empty(),
                }
            }};
        }
        let result = match method {
            "GET" => with_auth!(self.agent.get(&url)).call(),
            "DELETE" => with_auth!(self.agent.delete(&url)).call(),
            "POST" => with_body!(self.agent.post(&url)),
            "PUT" => with_body!(self.agent.put(&url)),
            "PATCH" => with_body!(self.agent.patch(&url)),
            other => panic!("no client for method {other}"),
        };
        let mut response = result.unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let text = response.body_mut().read_to_string().unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Answer {
            status,
            content_type,
            body,
            text,
            retry_after,
        }
    }

    /// Opens an account for an officer with an initial password (as the CLI would).
    pub fn open_account(&self, officer: &str, username: &str, initial: &str) {
        self.runtime.block_on(async {
            self.app
                .set_account(None, officer, username, initial)
                .await
                .unwrap();
        });
    }

    /// Logs in with the initial password, changes it to `{initial}-new`, and returns a token.
    pub fn first_login(&self, username: &str, initial: &str) -> String {
        let (status, _, body) = self.call(
            "POST",
            "/api/v1/session",
            None,
            Some(json!({"username": username, "password": initial})),
        );
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["must_change_password"], true);
        let token = body["token"].as_str().unwrap().to_string();
        let (status, _, body) = self.call(
            "POST",
            "/api/v1/password",
            Some(&token),
            Some(json!({"old_password": initial, "new_password": format!("{initial}-new")})),
        );
        assert_eq!(status, 204, "{body}");
        token
    }

    /// Opens an account and signs in with a changed password.
    pub fn signed_in(&self, officer: &str) -> String {
        let username = format!("user-{officer}");
        self.open_account(officer, &username, "initial-pass-x");
        self.first_login(&username, "initial-pass-x")
    }

    pub fn command(&self, token: &str, body: Value) -> (u16, String, Value) {
        self.call("POST", "/api/v1/commands", Some(token), Some(body))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A valid GB 11643 number from its first 17 digits.
pub fn id_number(first17: &str) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{first17}{check}")
}
