//! The `zhifa` binary as an operator runs it: exit status, messages, and the checkpoint that
//! catches facts cut off the end of the ledger.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const UNITS: &str = r#"{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"U0","name":"某省公安厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"UC","name":"某市公安局","parent":"U0","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"U1","name":"某县公安局","parent":"UC","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"UA","name":"甲派出所","parent":"U1","level":"station"}
"#;

fn incident(n: u32, unit: &str) -> String {
    format!(
        r#"{{"fact":"incident.received","at":"2026-04-01T09:00:00+08:00","id":"J{n}","unit":"{unit}","source":"phone_110","nature":"dispute","category":"dispute.neighbour"}}"#
    ) + "\n"
}

struct Dir(PathBuf);

impl Dir {
    fn new() -> Dir {
        let path = std::env::temp_dir().join(format!(
            "zhifa-cli-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&path).unwrap();
        Dir(path)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn zhifa(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_zhifa"))
            .arg("--data")
            .arg(self.0.join("data"))
            .args(args)
            .output()
            .unwrap()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn import_verify_and_a_checkpoint_that_catches_a_cut_end() {
    let dir = Dir::new();
    let first = dir.file("first.jsonl", &format!("{UNITS}{}", incident(1, "UA")));
    let imported = dir.zhifa(&["import", path(&first)]);
    assert!(imported.status.success(), "{}", text(&imported));

    // A bad line fails the whole file, names its line, and exits non-zero.
    let bad = dir.file(
        "bad.jsonl",
        &format!("{}{}", incident(2, "UA"), incident(3, "U404")),
    );
    let refused = dir.zhifa(&["import", path(&bad)]);
    assert!(!refused.status.success());
    let message = text(&refused);
    assert!(
        message.contains(":2") || message.contains("第2行"),
        "{message}"
    );

    let checkpoint = dir.0.join("checkpoint.jsonl");
    let clean = dir.zhifa(&["verify", "--checkpoint", path(&checkpoint)]);
    assert!(clean.status.success(), "{}", text(&clean));
    assert!(checkpoint.exists());

    // The ledger grows: the old checkpoint still holds, and is advanced.
    let second = dir.file("second.jsonl", &incident(4, "UA"));
    assert!(dir.zhifa(&["import", path(&second)]).status.success());
    let grown = dir.zhifa(&["verify", "--checkpoint", path(&checkpoint)]);
    assert!(grown.status.success(), "{}", text(&grown));

    // Someone with the database file removes the newest fact: the chain alone cannot tell,
    // the checkpoint can.
    let url = format!("sqlite://{}", dir.0.join("data").join("zhifa.db").display());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let raw = storage::SqlStore::open(&url).await.unwrap();
        raw.execute_raw("DELETE FROM facts WHERE seq = (SELECT MAX(seq) FROM facts)")
            .await
            .unwrap();
    });
    let kept = std::fs::read_to_string(&checkpoint).unwrap();
    let cut = dir.zhifa(&["verify", "--checkpoint", path(&checkpoint)]);
    assert!(!cut.status.success(), "{}", text(&cut));
    assert!(text(&cut).contains("末尾的事实被删除"), "{}", text(&cut));
    assert_eq!(
        std::fs::read_to_string(&checkpoint).unwrap(),
        kept,
        "a failed check keeps the checkpoint"
    );
}
