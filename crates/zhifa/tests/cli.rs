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

#[test]
fn verify_says_how_far_behind_the_views_are_and_the_next_start_writes_them() {
    let dir = Dir::new();
    let facts = dir.file(
        "facts.jsonl",
        &format!("{UNITS}{}{}", incident(1, "UA"), incident(2, "UA")),
    );
    ok(&dir, &["import", path(&facts)]);
    // As a crash leaves the store: the last fact committed, its view not written.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let raw = storage::SqlStore::open(&sqlite_url(&dir)).await.unwrap();
        for sql in [
            "DELETE FROM elements WHERE id = 'J2'",
            "UPDATE views_state SET seq = (SELECT MAX(seq) - 1 FROM facts)",
        ] {
            raw.execute_raw(sql).await.unwrap();
        }
    });
    let behind = ok(&dir, &["verify"]);
    assert!(
        text(&behind).contains("视图显示至第5号事实，其后1条事实的视图将在下次启动时写入"),
        "{}",
        text(&behind)
    );
    // Any start writes them: an export opens the app.
    ok(&dir, &["export", "--out", path(&dir.0.join("out.jsonl"))]);
    let caught_up = ok(&dir, &["verify"]);
    assert!(
        !text(&caught_up).contains("视图显示至"),
        "{}",
        text(&caught_up)
    );
    runtime.block_on(async {
        use storage::Store;
        let raw = storage::SqlStore::open(&sqlite_url(&dir)).await.unwrap();
        assert!(raw.element("incident", "J2").await.unwrap().is_some());
    });
}

/// The initial password printed after `初始密码：`.
fn printed_password(output: &Output) -> String {
    let out = String::from_utf8_lossy(&output.stdout);
    let (_, rest) = out
        .split_once("初始密码：")
        .unwrap_or_else(|| panic!("no password printed: {out}"));
    rest.split_whitespace().next().unwrap().to_string()
}

/// The ledger as exported, one JSON object per fact.
fn exported(dir: &Dir) -> Vec<serde_json::Value> {
    let export = dir.zhifa(&["export"]);
    assert!(export.status.success(), "{}", text(&export));
    String::from_utf8_lossy(&export.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn sqlite_url(dir: &Dir) -> String {
    format!("sqlite://{}", dir.0.join("data").join("zhifa.db").display())
}

fn ok(dir: &Dir, args: &[&str]) -> Output {
    let output = dir.zhifa(args);
    assert!(output.status.success(), "{args:?}: {}", text(&output));
    output
}

#[test]
fn admin_defines_units_and_officers_changes_roles_and_unit_and_resets_an_account() {
    let dir = Dir::new();
    ok(
        &dir,
        &["admin", "unit", "U0", "某省公安厅", "--level", "province"],
    );
    ok(
        &dir,
        &[
            "admin",
            "unit",
            "UC",
            "某市公安局",
            "--level",
            "city",
            "--parent",
            "U0",
        ],
    );
    ok(
        &dir,
        &[
            "admin",
            "unit",
            "U1",
            "某县公安局",
            "--level",
            "county",
            "--parent",
            "UC",
        ],
    );
    let station = ok(
        &dir,
        &[
            "admin",
            "unit",
            "UA",
            "甲派出所",
            "--level",
            "station",
            "--parent",
            "U1",
        ],
    );
    assert!(text(&station).contains("甲派出所"), "{}", text(&station));
    ok(
        &dir,
        &[
            "admin",
            "unit",
            "UB",
            "乙派出所",
            "--level",
            "station",
            "--parent",
            "U1",
        ],
    );
    let officer = ok(
        &dir,
        &[
            "admin",
            "officer",
            "P1",
            "张三",
            "--unit",
            "UA",
            "--gender",
            "male",
            "--roles",
            "officer,legal_officer",
        ],
    );
    assert!(text(&officer).contains("张三"), "{}", text(&officer));
    ok(
        &dir,
        &[
            "admin",
            "officer",
            "P2",
            "李四",
            "--unit",
            "UA",
            "--gender",
            "female",
            "--roles",
            "officer",
            "--auxiliary",
        ],
    );
    let roles = ok(&dir, &["admin", "roles", "P1", "officer,supervisor"]);
    assert!(text(&roles).contains("执法监督"), "{}", text(&roles));
    let moved = ok(&dir, &["admin", "move", "P1", "UB"]);
    assert!(text(&moved).contains("乙派出所"), "{}", text(&moved));

    let facts = exported(&dir);
    let kinds: Vec<&str> = facts.iter().map(|f| f["fact"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "unit.defined",
            "unit.defined",
            "unit.defined",
            "unit.defined",
            "unit.defined",
            "officer.defined",
            "officer.defined",
            "officer.changed",
            "officer.changed"
        ]
    );
    assert_eq!(facts[1]["parent"], "U0");
    assert_eq!(facts[1]["level"], "city");
    assert_eq!(
        facts[5]["roles"],
        serde_json::json!(["officer", "legal_officer"])
    );
    assert_eq!(facts[5]["gender"], "male");
    assert_eq!(facts[6]["auxiliary"], true);
    // Each change carries only the field that changed.
    let keys =
        |f: &serde_json::Value| -> Vec<String> { f.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&facts[7]), ["fact", "at", "id", "roles"]);
    assert_eq!(
        facts[7]["roles"],
        serde_json::json!(["officer", "supervisor"])
    );
    assert_eq!(keys(&facts[8]), ["fact", "at", "id", "unit"]);
    assert_eq!(facts[8]["unit"], "UB");

    let opened = ok(&dir, &["admin", "account", "P1", "zhangsan"]);
    let first = printed_password(&opened);
    let reset = ok(&dir, &["admin", "reset", "P1"]);
    let second = printed_password(&reset);
    assert_ne!(first, second);
    assert!(text(&reset).contains("zhangsan"), "{}", text(&reset));
    let list = ok(&dir, &["admin", "list"]);
    assert!(
        String::from_utf8_lossy(&list.stdout).contains("zhangsan\tP1\t待改密"),
        "{}",
        text(&list)
    );

    let verified = ok(&dir, &["verify"]);
    assert!(text(&verified).contains("校验通过"), "{}", text(&verified));

    // The reset took: the old password no longer opens the account, the new one does (and must
    // be changed); the officer is in the new unit with the new roles; the setup facts were
    // recorded by the operator.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let app = app::App::open(&sqlite_url(&dir)).await.unwrap();
        assert!(app.login("zhangsan", &first).await.is_err());
        let session = app.login("zhangsan", &second).await.unwrap();
        assert!(session.actor.must_change_password);
        assert_eq!(session.actor.unit.as_str(), "UB");
        assert_eq!(
            session.actor.roles,
            [
                domain::elements::Role::Officer,
                domain::elements::Role::Supervisor
            ]
        );
        let rows = app.store().facts_after(0, 100).await.unwrap();
        // Everything done at the console is the operator's.
        for row in &rows {
            assert_eq!(row.actor, "operator", "{}", row.kind);
        }
    });
}

#[test]
fn admin_refuses_bad_input_naming_the_problem_and_changes_nothing() {
    let dir = Dir::new();
    let units = dir.file("units.jsonl", UNITS);
    ok(&dir, &["import", path(&units)]);
    ok(
        &dir,
        &[
            "admin", "officer", "P1", "张三", "--unit", "UA", "--gender", "male", "--roles",
            "officer",
        ],
    );
    let before = exported(&dir);

    let refusals: [(&[&str], &[&str]); 8] = [
        // An unknown role, named with its position.
        (
            &[
                "admin",
                "officer",
                "P2",
                "李四",
                "--unit",
                "UA",
                "--gender",
                "female",
                "--roles",
                "officer,chief",
            ],
            &["roles[1]", "chief"],
        ),
        (
            &["admin", "roles", "P1", "officer,boss"],
            &["roles[1]", "boss"],
        ),
        // An unknown unit.
        (
            &[
                "admin", "officer", "P2", "李四", "--unit", "U404", "--gender", "female",
                "--roles", "officer",
            ],
            &["U404", "unit"],
        ),
        (&["admin", "move", "P1", "U404"], &["U404", "unit"]),
        // A second definition of an id.
        (
            &[
                "admin",
                "unit",
                "UA",
                "又一个甲派出所",
                "--level",
                "station",
                "--parent",
                "U1",
            ],
            &["UA", "已存在", "id"],
        ),
        (
            &[
                "admin", "officer", "P1", "张三", "--unit", "UA", "--gender", "male", "--roles",
                "officer",
            ],
            &["P1", "已存在", "id"],
        ),
        // A parent at the wrong level: a station under a city.
        (
            &[
                "admin",
                "unit",
                "UX",
                "某派出所",
                "--level",
                "station",
                "--parent",
                "UC",
            ],
            &["level", "派出所不能隶属于市局"],
        ),
        // No account to reset.
        (&["admin", "reset", "P1"], &["P1", "没有账号"]),
    ];
    for (args, expected) in refusals {
        let output = dir.zhifa(args);
        let message = text(&output);
        assert!(!output.status.success(), "{args:?} succeeded: {message}");
        for part in expected {
            assert!(message.contains(part), "{args:?}: {part} not in {message}");
        }
    }

    assert_eq!(exported(&dir), before, "refusals record nothing");
    let list = ok(&dir, &["admin", "list"]);
    assert!(list.stdout.is_empty(), "{}", text(&list));
    ok(&dir, &["verify"]);
}

#[test]
fn the_operator_records_only_unit_officer_and_calendar_facts() {
    let dir = Dir::new();
    std::fs::create_dir_all(dir.0.join("data")).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let app = app::App::open(&sqlite_url(&dir)).await.unwrap();
        let facts = |text: &str| -> Vec<domain::Fact> {
            text.lines()
                .map(|line| domain::Fact::from_line(line).unwrap())
                .collect()
        };
        let recorded = app.record_as_operator(facts(UNITS)).await.unwrap();
        assert_eq!(recorded.len(), 4);
        let extent = app.store().ledger_extent().await.unwrap();

        // An incident is not the console's to record, nor is an account (it goes with its
        // credentials through set_account); a batch holding one is refused whole.
        let refused = [
            format!(
                "{}{}",
                r#"{"fact":"unit.defined","at":"2026-01-02T08:00:00+08:00","id":"UB","name":"乙派出所","parent":"U1","level":"station"}"#,
                "\n"
            ) + &incident(1, "UA"),
            r#"{"fact":"account.created","at":"2026-01-02T08:00:00+08:00","id":"P1","username":"x"}"#
                .to_string(),
        ];
        for text in refused {
            let error = app.record_as_operator(facts(&text)).await.unwrap_err();
            assert_eq!(error.field(), Some("fact"), "{}", error.message_zh());
            assert!(error.message_zh().contains("控制台只能记录"));
        }
        assert_eq!(app.store().ledger_extent().await.unwrap(), extent);
        assert!(!app.world().await.units.contains_key(
            &domain::ids::UnitId::parse("UB").unwrap()
        ));
    });
}

/// `zhifa screen`: a seized item not stored within 24 h (CW-01, 行规 §190) is yellow with an
/// hour left and red when the 24 h have passed; the same data imported screens the same; later
/// facts are ignored; a bad line is refused with its line number.
#[test]
fn screen_prints_warnings_as_of_a_time_for_files_and_for_the_data_directory() {
    let dir = Dir::new();
    let facts = format!(
        "{UNITS}{}{}{}{}",
        r#"{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"O1","name":"李明","unit":"UA","gender":"male","roles":["officer"]}"#.to_string() + "\n",
        r#"{"fact":"case.accepted","at":"2026-05-01T09:00:00+08:00","id":"C1","unit":"UA","kind":"administrative","category":"order.fight"}"#.to_string() + "\n",
        r#"{"fact":"property.seized","at":"2026-05-01T10:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O1"}"#.to_string() + "\n",
        r#"{"fact":"property.stored","at":"2026-05-03T10:00:00+08:00","id":"W1","location":"A-01","custodian":"O1"}"#.to_string() + "\n",
    );
    let file = dir.file("facts.jsonl", &facts);
    let screen = |as_of: &str, file: Option<&Path>| {
        let mut args = vec!["screen", "--as-of", as_of];
        if let Some(file) = file {
            args.push(path(file));
        }
        let out = dir.zhifa(&args);
        assert!(out.status.success(), "{}", text(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let cw01 = |lines: &str| -> Option<String> {
        lines
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|w| w["rule"] == "CW-01" && w["subject"] == "W1")
            .map(|w| w["level"].as_str().unwrap().to_string())
    };
    assert_eq!(
        cw01(&screen("2026-05-02T09:00:00+08:00", Some(&file))).as_deref(),
        Some("yellow")
    );
    assert_eq!(
        cw01(&screen("2026-05-02T10:00:00+08:00", Some(&file))).as_deref(),
        Some("red")
    );
    // Stored at 05-03 10:00: from then on, nothing is open.
    assert_eq!(
        cw01(&screen("2026-05-03T10:00:00+08:00", Some(&file))),
        None
    );
    let out = dir.zhifa(&["import", path(&file)]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        cw01(&screen("2026-05-02T10:00:00+08:00", None)).as_deref(),
        Some("red")
    );
    let bad = dir.file("bad.jsonl", &format!("{facts}not json\n"));
    let out = dir.zhifa(&["screen", "--as-of", "2026-05-02T10:00:00+08:00", path(&bad)]);
    assert!(!out.status.success());
    assert!(text(&out).contains("bad.jsonl:9"), "{}", text(&out));
}

/// The shipped calendar (T-06's holidays) is recorded once; a second load records nothing; an
/// unknown year and a file with another kind of fact are refused, naming the year or the line.
#[test]
fn admin_calendar_records_a_shipped_year_once_and_refuses_bad_input() {
    let dir = Dir::new();
    let first = ok(&dir, &["admin", "calendar", "--year", "2026"]);
    assert!(
        text(&first).contains("已记录节假日安排 39 天"),
        "{}",
        text(&first)
    );
    let again = ok(&dir, &["admin", "calendar", "--year", "2026"]);
    assert!(
        text(&again).contains("已记录节假日安排 0 天"),
        "{}",
        text(&again)
    );
    let days: Vec<_> = exported(&dir)
        .into_iter()
        .filter(|f| f["fact"] == "calendar.day")
        .collect();
    assert_eq!(days.len(), 39);
    assert!(
        days.iter()
            .any(|d| d["date"] == "2026-10-10" && d["kind"] == "workday")
    );
    let unknown = dir.zhifa(&["admin", "calendar", "--year", "1999"]);
    assert!(!unknown.status.success());
    assert!(text(&unknown).contains("1999"), "{}", text(&unknown));
    let file = dir.file(
        "cal.jsonl",
        &format!(
            "{}\n{UNITS}",
            r#"{"fact":"calendar.day","at":"2026-11-01T00:00:00+08:00","date":"2027-01-01","kind":"holiday"}"#
        ),
    );
    let refused = dir.zhifa(&["admin", "calendar", path(&file)]);
    assert!(!refused.status.success());
    assert!(text(&refused).contains("cal.jsonl:2"), "{}", text(&refused));
    assert_eq!(
        exported(&dir)
            .iter()
            .filter(|f| f["fact"] == "calendar.day")
            .count(),
        39
    );
}

/// Platform thresholds (catalog "P … configurable per 省/市"): a county sets JQ-02's arrival
/// limit to 10 min from a JSON file; screening then finds an incident 15 min after dispatch
/// (30 min by default); an unknown key and a value out of range are refused, naming the field,
/// and change nothing.
#[test]
fn admin_thresholds_from_a_file_change_what_screening_finds() {
    let dir = Dir::new();
    // A threshold is in force from when it is set (now): the incident is dispatched 5 min ago
    // and screened 15 min after its dispatch.
    let china = |t: jiff::Timestamp| domain::At::china(t).to_string();
    let dispatched = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(5);
    let as_of = china(dispatched + jiff::SignedDuration::from_mins(15));
    let dispatched = china(dispatched);
    let facts = format!(
        "{UNITS}{}\n{}\n{}\n",
        r#"{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"O1","name":"李明","unit":"UA","gender":"male","roles":["officer"]}"#,
        format_args!(
            r#"{{"fact":"incident.received","at":"{dispatched}","id":"J1","unit":"UA","source":"phone_110","nature":"dispute","category":"x"}}"#
        ),
        format_args!(
            r#"{{"fact":"incident.dispatched","at":"{dispatched}","id":"J1","officers":["O1"]}}"#
        ),
    );
    let file = dir.file("facts.jsonl", &facts);
    ok(&dir, &["import", path(&file)]);
    let jq02 = |dir: &Dir| -> Option<String> {
        let out = ok(dir, &["screen", "--as-of", &as_of]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|w| w["rule"] == "JQ-02" && w["subject"] == "J1")
            .map(|w| w["level"].as_str().unwrap().to_string())
    };
    assert_eq!(jq02(&dir), None, "30 min by default");
    let config = dir.file("thresholds.json", r#"{"U1": {"JQ-02.arrival": 10}}"#);
    let set = ok(&dir, &["admin", "thresholds", path(&config)]);
    assert!(text(&set).contains("已设置预警阈值 1 项"), "{}", text(&set));
    let again = ok(&dir, &["admin", "thresholds", path(&config)]);
    assert!(
        text(&again).contains("已设置预警阈值 0 项"),
        "{}",
        text(&again)
    );
    assert_eq!(jq02(&dir).as_deref(), Some("yellow"), "the county's 10 min");
    let listed = ok(&dir, &["admin", "thresholds"]);
    assert!(text(&listed).contains("U1=10"), "{}", text(&listed));
    for (bad, field) in [
        (r#"{"U1": {"JQ-02.nothing": 10}}"#, "key"),
        (r#"{"U1": {"JQ-02.arrival": 100000}}"#, "value"),
    ] {
        let config = dir.file("bad.json", bad);
        let refused = dir.zhifa(&["admin", "thresholds", path(&config)]);
        assert!(!refused.status.success());
        assert!(text(&refused).contains(field), "{}", text(&refused));
    }
    let exported = exported(&dir);
    let set: Vec<_> = exported
        .iter()
        .filter(|f| f["fact"] == "threshold.set")
        .collect();
    assert_eq!(set.len(), 1, "{set:?}");
}

/// The README's first command, without serving: a province generated into an empty store
/// whose history stops now (so what was open then comes due while it is served), an account
/// per role printed, warnings screened; run again, the data is kept and the accounts reset.
#[test]
fn demo_generates_a_live_province_and_prints_an_account_per_role() {
    let dir = Dir::new();
    let before = jiff::Timestamp::now();
    let demo = ok(&dir, &["demo", "--scale", "0.02", "--no-serve"]);
    let printed = text(&demo);
    for role in [
        "demo_officer",
        "demo_legal_officer",
        "demo_center_staff",
        "demo_custodian",
        "demo_supervisor",
        "demo_leader",
        "demo_admin",
    ] {
        assert!(printed.contains(role), "{role}: {printed}");
    }
    let facts = exported(&dir);
    assert!(facts.len() > 1_000, "{}", facts.len());
    // The generated facts' (the accounts' facts are recorded as the demo starts).
    let last: jiff::Timestamp = facts
        .iter()
        .filter(|f| !f["fact"].as_str().unwrap().starts_with("account."))
        .filter_map(|f| f["at"].as_str()?.parse().ok())
        .max()
        .unwrap();
    assert!(
        last <= jiff::Timestamp::now() && last > before - jiff::SignedDuration::from_hours(24),
        "the history stops now, not at a fixed date: last fact at {last}"
    );
    // The supervision the history would have had: warnings raised as they fell due, the loop
    // worked (核查, 整改, 办结), each at its time within the history.
    let of_kind = |kind: &str| facts.iter().filter(|f| f["fact"] == kind).count();
    for kind in [
        "warning.raised",
        "warning.cleared",
        "warning.verified",
        "warning.rectification_ordered",
        "warning.rectified",
        "warning.closed",
    ] {
        assert!(of_kind(kind) > 0, "{kind}");
    }
    let screened = ok(&dir, &["screen"]);
    let warnings = String::from_utf8_lossy(&screened.stdout).lines().count();
    assert!(warnings > 0, "{}", text(&screened));
    // Open measures and cases come due as the hours pass: more warnings three days on.
    let later = jiff::Timestamp::now().as_second() + 72 * 3600;
    let later = jiff::Timestamp::from_second(later).unwrap().to_string();
    let later = ok(&dir, &["screen", "--as-of", &later]);
    assert!(
        String::from_utf8_lossy(&later.stdout).lines().count() > warnings,
        "{}",
        text(&later)
    );

    // Again: the data is kept, the accounts get new initial passwords.
    let again = ok(&dir, &["demo", "--scale", "0.02", "--no-serve"]);
    assert!(text(&again).contains("直接使用"), "{}", text(&again));
    let business = |facts: &[serde_json::Value]| {
        facts
            .iter()
            .filter(|f| !f["fact"].as_str().unwrap().starts_with("account."))
            .count()
    };
    assert_eq!(
        business(&exported(&dir)),
        business(&facts),
        "nothing generated again"
    );
    let admin_line = |output: &Output| {
        let out = String::from_utf8_lossy(&output.stdout).to_string();
        out.lines()
            .find(|l| l.contains("demo_admin"))
            .map(String::from)
            .unwrap_or_else(|| panic!("no demo_admin: {out}"))
    };
    assert_ne!(
        admin_line(&demo),
        admin_line(&again),
        "a new initial password"
    );
}
