//! A minimal W3C WebDriver client over `ureq`, driving headless Chromium through ChromeDriver.
//!
//! Only the commands the browser tests need: navigate, find, type, click, read text and the URL,
//! screenshot. Waiting is by polling with a deadline, never by fixed sleeps, so a slow machine
//! only makes a test slower, not flaky.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// How long an element or a page may take to appear. Chromium's first start on a loaded
/// 2-core machine takes a few seconds; pages of the test server take milliseconds.
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);
/// The key W3C WebDriver uses for an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A ChromeDriver process and one browser session; both end on drop.
pub struct Browser {
    driver: Child,
    /// `http://127.0.0.1:PORT/session/ID`.
    session: String,
    profile: PathBuf,
    agent: ureq::Agent,
}

/// A WebDriver error answer: the `error` code (`no such element`) and its message.
#[derive(Debug)]
pub struct DriverError {
    pub error: String,
    pub message: String,
}

impl std::fmt::Display for DriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.error, self.message)
    }
}

fn free_port() -> u16 {
    // The port is released before ChromeDriver binds it; another process taking it in between
    // makes the launch fail loudly, not silently.
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl Browser {
    /// Starts ChromeDriver on a free port and a headless Chromium with a fresh profile.
    ///
    /// Panics (the test fails) when Chromium or ChromeDriver is missing: CI installs them
    /// (`scripts/test`), so a missing browser is a broken environment, not a reason to skip.
    pub fn launch(width: u32, height: u32) -> Browser {
        for binary in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                std::path::Path::new(binary).exists(),
                "{binary} is missing; install it with \
                 `apt-get update && apt-get install -y chromium chromium-driver fonts-noto-cjk`"
            );
        }
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = super::support::fresh_dir("zhifa-chromium");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        // From here on, a panic still stops ChromeDriver (the guard's drop).
        let mut browser = Browser {
            driver,
            session: String::new(),
            profile,
            agent,
        };
        let base = format!("http://127.0.0.1:{port}");
        browser.wait_until_ready(&base);
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", browser.profile.display()),
                ],
            },
        }}});
        let created = browser
            .request("POST", &format!("{base}/session"), Some(capabilities))
            .unwrap_or_else(|e| panic!("cannot start Chromium: {e}"));
        let id = created["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        browser.session = format!("{base}/session/{id}");
        browser.fit_viewport(width, height);
        browser
    }

    /// Resizes the window so that the page itself (not the window) is `width` × `height`:
    /// `--window-size` counts the browser's frame, which headless Chromium still reserves.
    fn fit_viewport(&self, width: u32, height: u32) {
        let inner = self.command(
            "POST",
            "/execute/sync",
            Some(json!({"script": "return [window.innerWidth, window.innerHeight];", "args": []})),
        );
        let inner = (
            inner[0].as_i64().unwrap_or(0),
            inner[1].as_i64().unwrap_or(0),
        );
        let (width, height) = (i64::from(width), i64::from(height));
        if inner == (width, height) {
            return;
        }
        let outer = self.command("GET", "/window/rect", None);
        let outer = (
            outer["width"].as_i64().unwrap_or(width),
            outer["height"].as_i64().unwrap_or(height),
        );
        self.command(
            "POST",
            "/window/rect",
            Some(json!({
                "width": outer.0 + width - inner.0,
                "height": outer.1 + height - inner.1,
            })),
        );
    }

    fn wait_until_ready(&mut self, base: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.driver.try_wait().expect("chromedriver status") {
                panic!("chromedriver exited at start: {status}");
            }
            let ready = self
                .request("GET", &format!("{base}/status"), None)
                .is_ok_and(|v| v["ready"] == true);
            if ready {
                return;
            }
            assert!(Instant::now() < deadline, "chromedriver did not get ready");
            std::thread::sleep(POLL);
        }
    }

    /// One WebDriver command; the answer's `value`, or its error.
    fn request(&self, method: &str, url: &str, body: Option<Value>) -> Result<Value, DriverError> {
        let sent = match (method, body) {
            ("GET", _) => self.agent.get(url).call(),
            ("DELETE", _) => self.agent.delete(url).call(),
            // WebDriver wants a JSON body on every POST, `{}` when there is nothing to say.
            (_, body) => self.agent.post(url).send_json(body.unwrap_or(json!({}))),
        };
        let mut response = sent.map_err(|e| DriverError {
            error: "transport".into(),
            message: e.to_string(),
        })?;
        let ok = response.status().is_success();
        let answer: Value = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_json()
            .map_err(|e| DriverError {
                error: "bad answer".into(),
                message: e.to_string(),
            })?;
        let value = answer.get("value").cloned().unwrap_or(Value::Null);
        if ok {
            Ok(value)
        } else {
            Err(DriverError {
                error: value["error"].as_str().unwrap_or("unknown").to_string(),
                message: value["message"].as_str().unwrap_or("").to_string(),
            })
        }
    }

    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.session);
        self.request(method, &url, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// Opens a URL and waits for it to load.
    pub fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(json!({"url": url})));
    }

    /// The current URL's path (`/e/case/C1`), without query.
    pub fn path(&self) -> String {
        let url = self.command("GET", "/url", None);
        let url = url.as_str().unwrap_or("");
        let after_scheme = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
        let path = after_scheme
            .find('/')
            .map(|i| &after_scheme[i..])
            .unwrap_or("/");
        path.split(['?', '#']).next().unwrap_or("/").to_string()
    }

    /// Waits until the current path is `path` (after a click that navigates).
    pub fn wait_for_path(&self, path: &str) {
        self.wait_for_any_path(&[path]);
    }

    /// Waits until the current path is one of `paths`; returns it.
    pub fn wait_for_any_path(&self, paths: &[&str]) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let now = self.path();
            if paths.contains(&now.as_str()) {
                return now;
            }
            assert!(
                Instant::now() < deadline,
                "still at {now}, expected {paths:?}; page: {}",
                self.text("body")
            );
            std::thread::sleep(POLL);
        }
    }

    /// The element a CSS selector finds now, if any.
    pub fn find(&self, css: &str) -> Option<String> {
        let url = format!("{}/element", self.session);
        match self.request(
            "POST",
            &url,
            Some(json!({"using": "css selector", "value": css})),
        ) {
            Ok(value) => value[ELEMENT_KEY].as_str().map(String::from),
            Err(e) if e.error == "no such element" => None,
            Err(e) => panic!("find {css}: {e}"),
        }
    }

    /// Waits for an element to appear; panics with the page's text when it does not.
    pub fn wait_for(&self, css: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(element) = self.find(css) {
                return element;
            }
            assert!(
                Instant::now() < deadline,
                "no element {css} at {}; page: {}",
                self.path(),
                self.find("body")
                    .map(|b| self.element_text(&b))
                    .unwrap_or_default()
            );
            std::thread::sleep(POLL);
        }
    }

    fn element_text(&self, element: &str) -> String {
        let value = self.command("GET", &format!("/element/{element}/text"), None);
        value.as_str().unwrap_or("").to_string()
    }

    /// The visible text of the first element a selector finds (waiting for it).
    pub fn text(&self, css: &str) -> String {
        let element = self.wait_for(css);
        self.element_text(&element)
    }

    /// Types into a field after clearing it.
    pub fn type_into(&self, css: &str, text: &str) {
        let element = self.wait_for(css);
        self.command("POST", &format!("/element/{element}/clear"), None);
        self.command(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({"text": text})),
        );
    }

    /// Clicks an element.
    pub fn click(&self, css: &str) {
        let element = self.wait_for(css);
        self.command("POST", &format!("/element/{element}/click"), None);
    }

    /// The viewport as PNG bytes.
    pub fn screenshot_png(&self) -> Vec<u8> {
        let value = self.command("GET", "/screenshot", None);
        decode_base64(value.as_str().expect("a base64 screenshot"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ending the session closes Chromium; killing ChromeDriver first could orphan it.
        if !self.session.is_empty() {
            let _ = self.request("DELETE", &self.session.clone(), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Decodes standard base64 (with padding, as WebDriver sends screenshots).
pub fn decode_base64(text: &str) -> Vec<u8> {
    fn sextet(c: u8) -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    }
    let clean: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    for chunk in clean.chunks(4) {
        let data: Vec<u8> = chunk.iter().copied().filter(|c| *c != b'=').collect();
        let bits = data
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, c)| acc | (sextet(*c) << (18 - 6 * i)));
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..data.len().max(1)]);
    }
    out
}

/// A PNG's width and height from its header; panics when the bytes are not a PNG.
pub fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(
        png.len() > 24 && png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "not a PNG"
    );
    let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (word(16), word(20))
}
