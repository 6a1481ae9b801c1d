//! HTTP: Zhifa's JSON API under load from a second process (`wrk`, 64 connections), beside an
//! axum hello-world served by the same process and runtime, so that the difference is Zhifa's
//! own work: authentication, scope, the element read from memory and written as JSON; or a
//! fact checked, committed to the ledger and acknowledged.

use std::io;
use std::net::SocketAddr;
use std::path::Path;

use app::{Actor, App};

/// Requests per second and the 99th-percentile latency, in seconds.
#[derive(Clone, Copy, Debug)]
pub struct Load {
    pub per_second: f64,
    pub p99: f64,
}

fn failed(what: impl std::fmt::Display) -> io::Error {
    io::Error::other(what.to_string())
}

/// A server of the benchmark, on the current runtime.
pub struct Server {
    pub addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<io::Result<()>>,
}

impl Server {
    /// Stops taking connections and waits, at most 10 s, for those open to finish.
    pub async fn stop(self) -> io::Result<()> {
        let _ = self.stop.send(());
        match tokio::time::timeout(std::time::Duration::from_secs(10), self.task).await {
            Ok(served) => served.map_err(failed)?,
            Err(_) => Err(failed("a connection still open 10 s after the load")),
        }
    }
}

/// Serves `router` on a free port of 127.0.0.1, on the current runtime.
pub async fn serve(router: axum::Router) -> io::Result<Server> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    Ok(Server { addr, stop, task })
}

/// The hello-world every web benchmark starts from.
pub fn hello_world() -> axum::Router {
    axum::Router::new().route("/", axum::routing::get(|| async { "Hello, World!" }))
}

/// Checks that `wrk` is installed.
pub fn check() -> io::Result<()> {
    match std::process::Command::new("wrk").arg("--version").output() {
        Ok(_) => Ok(()),
        Err(e) => Err(failed(format!(
            "未找到 wrk，请安装（apt-get install wrk）(wrk is not installed): {e}"
        ))),
    }
}

/// Loads `url` for `seconds` with 64 connections on 2 threads, with an optional Lua script
/// (which makes the requests); fails if any answer was not a success.
pub async fn wrk(url: String, script: Option<&Path>, seconds: u32) -> io::Result<Load> {
    let mut command = std::process::Command::new("wrk");
    command
        .args(["-t2", "-c64", "--latency"])
        .arg(format!("-d{seconds}s"));
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    command.arg(&url);
    // Waited for off the runtime's threads, which serve the requests meanwhile.
    let out = tokio::task::spawn_blocking(move || command.output())
        .await
        .map_err(failed)??;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(failed(format!("wrk failed: {text}")));
    }
    parse(&text).map_err(|why| failed(format!("{why}: {url}\n{text}")))
}

/// Reads wrk's report: `Requests/sec:` and the 99 % line of `--latency`.
fn parse(report: &str) -> Result<Load, String> {
    if let Some(line) = report
        .lines()
        .find(|l| l.contains("Non-2xx or 3xx responses"))
    {
        return Err(format!("some requests failed ({})", line.trim()));
    }
    let per_second = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .ok_or("no Requests/sec")?;
    let p99 = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("99%"))
        .and_then(|v| duration(v.trim()))
        .ok_or("no 99% latency")?;
    Ok(Load { per_second, p99 })
}

/// A wrk duration (`431.00us`, `1.23ms`, `2.00s`) in seconds.
fn duration(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let scale = match unit {
        "us" => 1e-6,
        "ms" => 1e-3,
        "s" => 1.0,
        "m" => 60.0,
        _ => return None,
    };
    Some(number * scale)
}

/// The Zhifa loads: a case read (`GET /api/v1/case/{id}`) and a person registered
/// (`POST /api/v1/commands`, each with an id of its own), with an API token of `actor`.
pub struct ZhifaLoads {
    pub server: Server,
    pub read_url: String,
    pub write_url: String,
    pub read_script: std::path::PathBuf,
    pub write_script: std::path::PathBuf,
}

/// Serves Zhifa's API for `app` and writes the wrk scripts into `dir`.
pub async fn zhifa(app: &App, actor: &Actor, dir: &Path) -> io::Result<ZhifaLoads> {
    let token = app
        .issue_api_token(actor, "bench")
        .await
        .map_err(|e| failed(e.message_zh()))?;
    let case = {
        let world = app.world().await;
        world
            .cases
            .values()
            .find(|c| c.unit == actor.unit)
            .map(|c| c.id.to_string())
            .ok_or_else(|| failed("the officer's unit has a case"))?
    };
    let server = serve(http_api::router(app.clone())).await?;
    let addr = server.addr;
    let path = format!("/api/v1/case/{case}");
    let (status, body) = request_once(addr, "GET", &path, &token, "").await?;
    if status != 200 {
        return Err(failed(format!("GET {path}: {status} {body}")));
    }
    let person = r#"{"fact":"person.registered","id":"WRK-CHECK","name":"基准","gender":"male"}"#;
    let (status, body) = request_once(addr, "POST", "/api/v1/commands", &token, person).await?;
    if status != 201 {
        return Err(failed(format!("POST /api/v1/commands: {status} {body}")));
    }
    std::fs::create_dir_all(dir)?;
    let read_script = dir.join("read.lua");
    std::fs::write(
        &read_script,
        format!("wrk.headers[\"Authorization\"] = \"Bearer {token}\"\n"),
    )?;
    let write_script = dir.join("write.lua");
    std::fs::write(
        &write_script,
        format!(
            r#"-- Each request registers a person of its own: thread number, then a counter.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread", threads)
end
local n = 0
request = function()
  n = n + 1
  local body = '{{"fact":"person.registered","id":"WRK-' .. thread .. '-' .. n .. '","name":"基准","gender":"male"}}'
  return wrk.format("POST", "/api/v1/commands",
    {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {token}"}}, body)
end
"#
        ),
    )?;
    Ok(ZhifaLoads {
        server,
        read_url: format!("http://{addr}/api/v1/case/{case}"),
        write_url: format!("http://{addr}/"),
        read_script,
        write_script,
    })
}

/// One request, answered before the load starts: its status and body (a load whose every
/// answer is an error would measure nothing).
async fn request_once(
    addr: SocketAddr,
    method: &str,
    path: &str,
    token: &str,
    body: &str,
) -> io::Result<(u16, String)> {
    use std::io::{Read, Write};
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let answer = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr)?;
        stream.write_all(request.as_bytes())?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok::<_, io::Error>(answer)
    })
    .await
    .map_err(failed)??;
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    Ok((status, body.chars().take(500).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrk_report_is_read() {
        let report = "Running 10s test @ http://127.0.0.1:1/\n  2 threads and 64 connections\n  Latency Distribution\n     50%  431.00us\n     75%  600.00us\n     90%  800.00us\n     99%    1.23ms\n  123456 requests in 10.00s, 1.00MB read\nRequests/sec:  12345.67\nTransfer/sec:      1.00MB\n";
        let load = parse(report).unwrap();
        assert_eq!(load.per_second, 12345.67);
        assert!((load.p99 - 0.00123).abs() < 1e-12);
        let failing = report.replace(
            "Requests/sec",
            "  Non-2xx or 3xx responses: 5\nRequests/sec",
        );
        assert!(parse(&failing).unwrap_err().contains("failed"));
        assert_eq!(duration("2.00s"), Some(2.0));
        assert!((duration("12.5us").unwrap() - 12.5e-6).abs() < 1e-15);
        assert_eq!(duration("fast"), None);
    }
}
