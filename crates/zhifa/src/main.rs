//! `zhifa`: the one binary. Entry point only: parses arguments and calls `app`; no SQL here.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use app::{App, AppError, ImportOptions};
use clap::{Parser, Subcommand};
use domain::elements::{Gender, Role, UnitLevel};
use domain::fact::{FactBody, OfficerChanged, OfficerDefined, UnitDefined};
use domain::ids::{OfficerId, UnitId};
use domain::{DomainError, ErrorCode, Fact};
use rand::Rng;

/// Zhifa 执法 — 执法办案与执法监督平台.
#[derive(Parser)]
#[command(name = "zhifa", version, about)]
struct Cli {
    /// Data directory for the embedded SQLite database.
    #[arg(
        long,
        global = true,
        default_value = "./zhifa-data",
        env = "ZHIFA_DATA"
    )]
    data: PathBuf,
    /// Database URL instead of the data directory: sqlite://PATH or postgres://…
    #[arg(long, global = true, env = "ZHIFA_DB")]
    db: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the web UI and the API.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080", env = "ZHIFA_ADDR")]
        addr: String,
    },
    /// Generates a demo province (if the store is empty), prints demo accounts and serves it.
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080", env = "ZHIFA_ADDR")]
        addr: String,
        /// Size of the province (1.0 ≈ 20k incidents over 180 days).
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// When the generated history stops (RFC 3339, e.g. 2026-11-22T12:00:00+08:00); by
        /// default now, so the province is live: what was open when it stopped comes due
        /// while it is served.
        #[arg(long)]
        end: Option<jiff::Timestamp>,
        /// Set up the data and accounts, print them, and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Imports FORMAT.md v1 JSON Lines files (all or nothing).
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Import the valid lines; write the rejected ones to --rejects.
        #[arg(long)]
        skip_invalid: bool,
        #[arg(long, default_value = "rejected.jsonl")]
        rejects: PathBuf,
    },
    /// Writes the whole ledger as JSON Lines.
    Export {
        /// Output file (standard output if absent).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Re-checks every hash chain and that the views equal a replay of the ledger.
    Verify {
        /// A checkpoint file kept outside the database: its chain heads must still be in the
        /// ledger (this catches facts cut off the end); after a clean check it is rewritten with
        /// today's heads.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
    },
    /// Rebuilds every view from the ledger.
    Rebuild,
    /// Prints the warnings open at a time, one JSON object per line (FORMAT.md "Screening
    /// output"): of the given files (their facts and calendar only), or of the data directory.
    Screen {
        /// The screening time, RFC 3339 with offset (now if absent); later facts are ignored.
        #[arg(long)]
        as_of: Option<String>,
        files: Vec<PathBuf>,
    },
    /// Generates a synthetic province as JSON Lines.
    Gen {
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        #[arg(long, default_value_t = 180)]
        days: u32,
        /// Output file (standard output if absent).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Runs the benchmarks side by side with DuckDB, SQLite and PostgreSQL on a generated tier
    /// (s: 1/100 of a province-year, m: 1/10, l: one, xl: three), checks that every peer finds
    /// exactly what Zhifa finds, and prints a table and one JSON object per metric.
    Bench {
        #[arg(long, default_value = "s")]
        tier: String,
        /// Where tiers' data is kept between runs.
        #[arg(long, default_value = "target/bench")]
        dir: PathBuf,
        /// Timed runs of each screening (the median is reported).
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Comma-separated peers: duckdb, sqlite, postgres (none: Zhifa alone).
        #[arg(long, default_value = "duckdb,sqlite,postgres")]
        peers: String,
        /// Only probe the machine (read bandwidth, fdatasync latency) and print it as JSON.
        #[arg(long, hide = true)]
        probe_only: bool,
        /// The last facts of the tier, applied one by one with their evaluation timed.
        #[arg(long, default_value_t = 20_000)]
        tail: usize,
        /// Facts recorded one by one, by `--ingest-clients` clients at once, in the
        /// durable-ingest benchmark.
        #[arg(long, default_value_t = 64_000)]
        ingest_facts: usize,
        /// Clients recording at once in the durable-ingest benchmark, each awaiting its commit
        /// before its next fact.
        #[arg(long, default_value_t = 64)]
        ingest_clients: usize,
        /// Seconds a peer may take, loading and screening, before it is stopped.
        #[arg(long, default_value_t = 3600)]
        peer_timeout: u32,
        /// Seconds of each HTTP load (0: no HTTP benchmark).
        #[arg(long, default_value_t = 10)]
        http_seconds: u32,
        /// The PostgreSQL peer as a URL (the ingest benchmark's driver).
        #[arg(
            long,
            default_value = "postgres://postgres@127.0.0.1:5432/test",
            env = "ZHIFA_BENCH_POSTGRES_URL"
        )]
        postgres_url: String,
        /// The PostgreSQL peer (libpq connection string).
        #[arg(
            long,
            default_value = "host=127.0.0.1 port=5432 dbname=test user=postgres",
            env = "ZHIFA_BENCH_POSTGRES"
        )]
        postgres: String,
    },
    /// Administers units, officers and accounts (run with the server stopped).
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
}

#[derive(Subcommand)]
enum AdminAction {
    /// Defines a unit (unit.defined).
    Unit {
        id: String,
        name: String,
        /// province | city | county | station | division
        #[arg(long)]
        level: String,
        /// The unit above (absent only for the province).
        #[arg(long)]
        parent: Option<String>,
    },
    /// Registers an officer (officer.defined).
    Officer {
        id: String,
        name: String,
        #[arg(long)]
        unit: String,
        /// male | female
        #[arg(long)]
        gender: String,
        /// Comma-separated: officer, legal_officer, center_staff, custodian, supervisor, leader,
        /// admin.
        #[arg(long)]
        roles: String,
        /// 辅警: does not count as a 人民警察 for two-officer rules.
        #[arg(long)]
        auxiliary: bool,
    },
    /// Replaces an officer's roles (officer.changed).
    Roles {
        officer: String,
        /// Comma-separated role codes, as for `officer --roles`.
        roles: String,
    },
    /// Moves an officer to another unit (officer.changed).
    Move { officer: String, unit: String },
    /// Opens or resets an officer's account, under `username` (a new name is recorded in the
    /// reset's fact); prints an initial password to change at first login.
    Account { officer: String, username: String },
    /// Resets an existing account's password (the username is kept); prints an initial password
    /// to change at first login.
    Reset { officer: String },
    /// Refuses an account's logins.
    Disable { officer: String },
    /// Allows an account's logins again.
    Enable { officer: String },
    /// Lists accounts.
    List,
    /// Sets platform thresholds (threshold.set) from a JSON file
    /// `{"UNIT": {"JQ-02.arrival": 20, …}, …}`; without a file, lists every threshold with its
    /// default and the units' own values. Values already set alike are skipped.
    Thresholds { file: Option<PathBuf> },
    /// Records a year's public holidays and make-up workdays (calendar.day): a year shipped in
    /// `data/calendar`, or a file of calendar.day lines. Days already recorded alike are skipped.
    Calendar {
        /// A shipped year (2025, 2026).
        #[arg(long, conflicts_with = "file")]
        year: Option<i16>,
        /// A file of calendar.day facts, one per line.
        file: Option<PathBuf>,
    },
}

/// mimalloc: an import allocates and frees millions of small strings and JSON values; with
/// glibc's allocator a third of an import's time went to malloc and free (measured with perf).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ZHIFA_LOG")
                .unwrap_or_else(|_| "warn,zhifa=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio starts");
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("错误 error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn database_url(cli: &Cli) -> Result<String> {
    if let Some(url) = &cli.db {
        return Ok(url.clone());
    }
    std::fs::create_dir_all(&cli.data)
        .with_context(|| format!("cannot create {}", cli.data.display()))?;
    Ok(format!("sqlite://{}", cli.data.join("zhifa.db").display()))
}

async fn open(cli: &Cli) -> Result<App> {
    let url = database_url(cli)?;
    App::open(&url)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.message_zh()))
        .with_context(|| format!("opening {url}"))
}

async fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Serve { addr } => serve(open(&cli).await?, addr).await,
        Command::Demo {
            addr,
            scale,
            seed,
            end,
            no_serve,
        } => {
            let app = open(&cli).await?;
            let end = end.unwrap_or_else(|| {
                // Whole seconds, as the generator counts.
                jiff::Timestamp::from_second(jiff::Timestamp::now().as_second())
                    .expect("now is in range")
            });
            demo(&app, *scale, *seed, end).await?;
            app.views_caught_up().await.map_err(console_error)?;
            if *no_serve {
                Ok(())
            } else {
                serve(app, addr).await
            }
        }
        Command::Import {
            files,
            skip_invalid,
            rejects,
        } => {
            let app = open(&cli).await?;
            import(&app, files, *skip_invalid, rejects).await?;
            // The views follow the facts (a start would write them anyway): leave them written.
            app.views_caught_up().await.map_err(console_error)
        }
        Command::Export { out } => {
            let app = open(&cli).await?;
            let count = match out {
                Some(path) => {
                    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
                    app.export(&mut file).await?
                }
                None => {
                    app.export(&mut std::io::BufWriter::new(std::io::stdout().lock()))
                        .await?
                }
            };
            eprintln!("导出 {count} 条事实 (exported {count} facts)");
            Ok(())
        }
        Command::Screen { as_of, files } => {
            let as_of = match as_of {
                Some(text) => {
                    domain::At::parse(text).map_err(|e| anyhow::anyhow!("--as-of：{e}"))?
                }
                None => app::now(),
            };
            let found = if files.is_empty() {
                let store = storage::SqlStore::open(&database_url(&cli)?).await?;
                app::screen_store(&store, as_of).await
            } else {
                app::screen_files(files, as_of)
            };
            let warnings = match found {
                Ok(warnings) => warnings,
                Err(app::AppError::Import(errors, total)) => {
                    for error in &errors {
                        eprintln!("✗ {error}");
                    }
                    bail!("{total} 处错误，未筛查 ({total} errors, nothing screened)")
                }
                Err(error) => bail!("{} ({})", error.message_zh(), error.code()),
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for warning in &warnings {
                serde_json::to_writer(&mut out, warning)?;
                writeln!(out)?;
            }
            out.flush()?;
            eprintln!("预警 {} 条 ({} warnings)", warnings.len(), warnings.len());
            Ok(())
        }
        Command::Verify { checkpoint } => {
            let url = database_url(&cli)?;
            let store = storage::SqlStore::open(&url).await?;
            let zh = |e: app::AppError| anyhow::anyhow!("{}", e.message_zh());
            let mut report = app::verify(&store).await.map_err(zh)?;
            if let Some(path) = checkpoint
                && path.exists()
            {
                let heads = app::read_checkpoint(path).map_err(zh)?;
                report
                    .problems
                    .extend(app::verify_checkpoint(&store, &heads).await.map_err(zh)?);
                println!("检查点 {} 条链 (checkpoint chains checked)", heads.len());
            }
            if let Some(path) = checkpoint
                && report.ok()
            {
                let heads = app::checkpoint(&store).await.map_err(zh)?;
                app::write_checkpoint(path, &heads).map_err(zh)?;
                println!(
                    "已写入检查点 {}：请另行保存 (checkpoint written; keep a copy off this machine)",
                    path.display()
                );
            }
            println!(
                "事实 {} 条，哈希链 {} 条，元素 {} 个 (facts, chains, elements)",
                report.facts, report.chains, report.elements
            );
            if report.views_seq < report.facts {
                println!(
                    "视图显示至第{}号事实，其后{}条事实的视图将在下次启动时写入 (views show facts up to #{}; the next start writes the rest)",
                    report.views_seq,
                    report.facts - report.views_seq,
                    report.views_seq
                );
            }
            if report.ok() {
                println!("校验通过：哈希链完整，视图与账本重放一致 (verified)");
                Ok(())
            } else {
                for problem in &report.problems {
                    println!("✗ {} ({})", problem.message_zh, problem.message_en);
                }
                bail!(
                    "校验失败：{} 处问题 (verification failed)",
                    report.problems.len()
                )
            }
        }
        Command::Rebuild => {
            let app = open(&cli).await?;
            let count = app
                .rebuild()
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.message_zh()))?;
            println!("已从账本重建 {count} 个元素视图 (rebuilt {count} views)");
            Ok(())
        }
        Command::Bench {
            tier,
            dir,
            runs,
            peers,
            probe_only,
            tail,
            ingest_facts,
            ingest_clients,
            http_seconds,
            peer_timeout,
            postgres,
            postgres_url,
        } => {
            if *probe_only {
                let machine = bench::probe::probe(&dir.join("probe"))?;
                println!("{}", serde_json::to_string(&machine)?);
                return Ok(());
            }
            let tier = bench::Tier::parse(tier).ok_or_else(|| {
                anyhow::anyhow!("未知的数据规模 {tier:?}，可选 s、m、l、xl (unknown tier)")
            })?;
            let options = bench::run::Options {
                tier,
                dir: dir.clone(),
                runs: *runs,
                peers: peers
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect(),
                postgres: postgres.clone(),
                postgres_url: postgres_url.clone(),
                ingest_facts: *ingest_facts,
                ingest_clients: *ingest_clients,
                http_seconds: *http_seconds,
                peer_timeout: *peer_timeout,
                tail: *tail,
                probe_program: Some(std::env::current_exe()?),
            };
            if let Some(unknown) = options
                .peers
                .iter()
                .find(|p| !bench::peers::PEERS.contains(&p.as_str()))
            {
                anyhow::bail!(
                    "未知的对比对象 {unknown:?}，可选 duckdb、sqlite、postgres (unknown peer)"
                );
            }
            let report = bench::run::run(&options, &mut |line| eprintln!("{line}")).await?;
            eprint!("{}", bench::run::table(&report.metrics));
            for metric in &report.metrics {
                println!("{}", serde_json::to_string(metric)?);
            }
            if !report.failures.is_empty() {
                anyhow::bail!(
                    "对比对象运行失败（peers failed）: {}",
                    report.failures.join("; ")
                );
            }
            Ok(())
        }
        Command::Gen {
            scale,
            seed,
            days,
            out,
        } => {
            let config = datagen::Config {
                scale: *scale,
                seed: *seed,
                days: *days,
                ..Default::default()
            };
            let province = datagen::generate(&config);
            match out {
                Some(path) => datagen::write_jsonl(
                    &province.facts,
                    &mut std::io::BufWriter::new(std::fs::File::create(path)?),
                )?,
                None => datagen::write_jsonl(
                    &province.facts,
                    &mut std::io::BufWriter::new(std::io::stdout().lock()),
                )?,
            }
            eprintln!("生成 {} 条事实 (generated facts)", province.facts.len());
            Ok(())
        }
        Command::Admin { action } => admin(&open(&cli).await?, action).await,
    }
}

/// Pads to a width in terminal columns: Chinese characters take two.
fn pad(text: &str, columns: usize) -> String {
    let width: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{text}{}", " ".repeat(columns.saturating_sub(width).max(1)))
}

fn initial_password() -> String {
    let mut rng = rand::thread_rng();
    format!(
        "zf-{:06}-{:04}",
        rng.gen_range(0..1_000_000),
        rng.gen_range(0..10_000)
    )
}

/// An app error as the console shows it: the Chinese message, the field at fault, the code.
fn console_error(error: AppError) -> anyhow::Error {
    let message = error.message_zh();
    let code = error.code();
    // `字段“level”无效：…` names its field already.
    match error
        .field()
        .filter(|field| !message.contains(&format!("字段“{field}”")))
    {
        Some(field) => anyhow::anyhow!("{message}（字段 {field}）({code})"),
        None => anyhow::anyhow!("{message} ({code})"),
    }
}

/// Parses an id given on the command line, naming `field` if it is malformed.
fn parse_id<T>(
    field: &str,
    text: &str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, DomainError> {
    parse(text).map_err(|e| DomainError::invalid(field, e))
}

/// A name: not blank.
fn parse_name(text: &str) -> Result<String, DomainError> {
    let name = text.trim();
    if name.is_empty() {
        return Err(DomainError::invalid("name", "名称为空 (empty name)"));
    }
    Ok(name.to_string())
}

/// `code（label）, …`: the values a code may take.
fn choices<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> String {
    all.iter()
        .map(|&v| format!("{}（{}）", code(v), label(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn parse_level(text: &str) -> Result<UnitLevel, DomainError> {
    UnitLevel::from_code(text.trim()).ok_or_else(|| {
        DomainError::invalid(
            "level",
            format!(
                "未知的单位级别“{text}” (unknown level); 可选 (one of): {}",
                choices(UnitLevel::ALL, UnitLevel::as_str, UnitLevel::label)
            ),
        )
    })
}

fn parse_gender(text: &str) -> Result<Gender, DomainError> {
    Gender::from_code(text.trim()).ok_or_else(|| {
        DomainError::invalid(
            "gender",
            format!(
                "未知的性别“{text}” (unknown gender); 可选 (one of): {}",
                choices(Gender::ALL, Gender::as_str, Gender::label)
            ),
        )
    })
}

/// Comma-separated role codes, at least one, each once (in the order given).
fn parse_roles(text: &str) -> Result<Vec<Role>, DomainError> {
    let mut roles = Vec::new();
    for (index, code) in text.split(',').map(str::trim).enumerate() {
        let role = Role::from_code(code).ok_or_else(|| {
            DomainError::invalid(
                format!("roles[{index}]"),
                format!(
                    "未知的角色“{code}” (unknown role); 可选 (one of): {}",
                    choices(Role::ALL, Role::as_str, Role::label)
                ),
            )
        })?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

fn role_labels(roles: &[Role]) -> String {
    if roles.is_empty() {
        return "（无）".into();
    }
    roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join("、")
}

/// Records one setup fact as the operator; returns its ledger sequence number.
async fn record(app: &App, body: FactBody) -> Result<i64, AppError> {
    let recorded = app
        .record_as_operator(vec![Fact::new(app::now(), body)])
        .await?;
    Ok(recorded.first().map(|r| r.seq).unwrap_or_default())
}

/// An officer as the world knows it now: (name, unit, unit name, roles).
async fn officer_now(app: &App, id: &OfficerId) -> Option<(String, String, String, Vec<Role>)> {
    let world = app.world().await;
    let officer = world.officers.get(id)?;
    let unit_name = world
        .units
        .get(&officer.unit)
        .map(|u| u.name.clone())
        .unwrap_or_default();
    Some((
        officer.name.clone(),
        officer.unit.to_string(),
        unit_name,
        officer.roles.clone(),
    ))
}

async fn admin(app: &App, action: &AdminAction) -> Result<()> {
    admin_action(app, action).await.map_err(console_error)?;
    // The views follow the facts (a start would write them anyway): leave them written.
    app.views_caught_up().await.map_err(console_error)
}

async fn admin_action(app: &App, action: &AdminAction) -> Result<(), AppError> {
    match action {
        AdminAction::Thresholds { file } => {
            let Some(path) = file else {
                let world = app.world().await;
                for s in rules::thresholds::SETTINGS.iter() {
                    let mut own: Vec<String> = world
                        .units
                        .values()
                        .filter_map(|u| u.thresholds.get(s.key).map(|v| format!("{}={v}", u.id)))
                        .collect();
                    own.sort();
                    println!(
                        "{}\t{}\t默认 {}{}（{}–{}）\t{}",
                        s.key,
                        s.what_zh,
                        s.default,
                        s.unit.label_zh(),
                        s.min,
                        s.max,
                        own.join(" ")
                    );
                }
                return Ok(());
            };
            let text = std::fs::read_to_string(path).map_err(|e| {
                domain::DomainError::invalid("file", format!("{}: {e}", path.display()))
            })?;
            let settings: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u32>> =
                serde_json::from_str(&text).map_err(|e| {
                    domain::DomainError::invalid(
                        "file",
                        format!(
                            "{}：须为 {{\"单位编号\": {{\"阈值\": 数值}}}} 形式的JSON (expected {{unit: {{key: value}}}}): {e}",
                            path.display()
                        ),
                    )
                })?;
            let mut facts = Vec::new();
            {
                let world = app.world().await;
                for (unit, values) in &settings {
                    let unit = parse_id("unit", unit, UnitId::parse)?;
                    for (key, value) in values {
                        let current = world.units.get(&unit).and_then(|u| u.thresholds.get(key));
                        if current != Some(value) {
                            facts.push(Fact::new(
                                app::now(),
                                FactBody::ThresholdSet(domain::fact::ThresholdSet {
                                    unit: unit.clone(),
                                    key: key.clone(),
                                    value: *value,
                                }),
                            ));
                        }
                    }
                }
            }
            let count = facts.len();
            if count > 0 {
                app.record_as_operator(facts).await?;
            }
            println!("已设置预警阈值 {count} 项（thresholds set: {count}）");
            Ok(())
        }
        AdminAction::Calendar { year, file } => {
            let facts = match (year, file) {
                (Some(year), _) => domain::calendar::shipped(*year).ok_or_else(|| {
                    let shipped: Vec<String> = domain::calendar::SHIPPED
                        .iter()
                        .map(|(y, _)| y.to_string())
                        .collect();
                    domain::DomainError::invalid(
                        "year",
                        format!(
                            "未附带{year}年日历，可用：{} (not shipped)",
                            shipped.join("、")
                        ),
                    )
                })?,
                (None, Some(path)) => {
                    let text = std::fs::read_to_string(path).map_err(|e| {
                        domain::DomainError::invalid("file", format!("{}: {e}", path.display()))
                    })?;
                    domain::calendar::parse(&text).map_err(|(line, e)| {
                        let error = app::LineError {
                            file: path.display().to_string(),
                            line,
                            code: e.code.as_str(),
                            field: e.field.clone(),
                            message_zh: e.message_zh,
                            message_en: e.message_en,
                            text: text.lines().nth(line - 1).unwrap_or_default().into(),
                        };
                        AppError::Import(vec![error], 1)
                    })?
                }
                (None, None) => {
                    return Err(domain::DomainError::invalid(
                        "year",
                        "须指定 --year 或日历文件 (give --year or a file)",
                    )
                    .into());
                }
            };
            let new = domain::calendar::changes(facts, &app.world().await.calendar);
            let count = new.len();
            if count > 0 {
                app.record_as_operator(new).await?;
            }
            println!("已记录节假日安排 {count} 天（calendar days recorded: {count}）");
            Ok(())
        }
        AdminAction::Unit {
            id,
            name,
            level,
            parent,
        } => {
            let body = UnitDefined {
                id: parse_id("id", id, UnitId::parse)?,
                name: parse_name(name)?,
                parent: parent
                    .as_deref()
                    .map(|p| parse_id("parent", p, UnitId::parse))
                    .transpose()?,
                level: parse_level(level)?,
            };
            let (label, name) = (body.level.label(), body.name.clone());
            let above = match &body.parent {
                Some(parent) => format!("，上级 {parent}"),
                None => "，根单位".into(),
            };
            let seq = record(app, FactBody::UnitDefined(body)).await?;
            println!("已设立单位 {name}（{id}，{label}{above}）(unit defined, #{seq})");
            Ok(())
        }
        AdminAction::Officer {
            id,
            name,
            unit,
            gender,
            roles,
            auxiliary,
        } => {
            let body = OfficerDefined {
                id: parse_id("id", id, OfficerId::parse)?,
                name: parse_name(name)?,
                unit: parse_id("unit", unit, UnitId::parse)?,
                gender: parse_gender(gender)?,
                auxiliary: *auxiliary,
                roles: parse_roles(roles)?,
            };
            let unit_name = app
                .world()
                .await
                .units
                .get(&body.unit)
                .map(|u| u.name.clone())
                .unwrap_or_default();
            let summary = format!(
                "{unit_name}（{}），{}{}，{}",
                body.unit,
                body.gender.label(),
                if body.auxiliary { "，辅警" } else { "" },
                role_labels(&body.roles)
            );
            let name = body.name.clone();
            let seq = record(app, FactBody::OfficerDefined(body)).await?;
            println!("已登记民警 {name}（{id}，{summary}）(officer defined, #{seq})");
            Ok(())
        }
        AdminAction::Roles { officer, roles } => {
            let id = parse_id("id", officer, OfficerId::parse)?;
            let roles = parse_roles(roles)?;
            let before = officer_now(app, &id).await;
            if let Some((name, _, _, old)) = &before
                && *old == roles
            {
                println!(
                    "民警 {name}（{id}）角色未变：{}，未记录 (unchanged, nothing recorded)",
                    role_labels(old)
                );
                return Ok(());
            }
            let after = role_labels(&roles);
            let seq = record(
                app,
                FactBody::OfficerChanged(OfficerChanged {
                    id: id.clone(),
                    name: None,
                    unit: None,
                    roles: Some(roles),
                    auxiliary: None,
                }),
            )
            .await?;
            let (name, _, _, old) = before.unwrap_or_default();
            println!(
                "民警 {name}（{id}）角色：{} → {after} (roles changed, #{seq})",
                role_labels(&old)
            );
            Ok(())
        }
        AdminAction::Move { officer, unit } => {
            let id = parse_id("id", officer, OfficerId::parse)?;
            let unit = parse_id("unit", unit, UnitId::parse)?;
            let before = officer_now(app, &id).await;
            if let Some((name, old, old_name, _)) = &before
                && old == unit.as_str()
            {
                println!(
                    "民警 {name}（{id}）已在 {old_name}（{old}），未记录 (unchanged, nothing recorded)"
                );
                return Ok(());
            }
            let seq = record(
                app,
                FactBody::OfficerChanged(OfficerChanged {
                    id: id.clone(),
                    name: None,
                    unit: Some(unit.clone()),
                    roles: None,
                    auxiliary: None,
                }),
            )
            .await?;
            let (name, old, old_name, _) = before.unwrap_or_default();
            let new_name = app
                .world()
                .await
                .units
                .get(&unit)
                .map(|u| u.name.clone())
                .unwrap_or_default();
            println!(
                "民警 {name}（{id}）单位：{old_name}（{old}）→ {new_name}（{unit}）(unit changed, #{seq})"
            );
            Ok(())
        }
        AdminAction::Account { officer, username } => {
            let password = initial_password();
            app.set_account(None, officer, username, &password).await?;
            println!("账号 {username}（{officer}）初始密码：{password}  —— 首次登录须修改");
            Ok(())
        }
        AdminAction::Reset { officer } => {
            let account = app.store().account_by_officer(officer).await?.ok_or_else(|| {
                DomainError::new(
                    ErrorCode::UnknownReference,
                    format!("民警“{officer}”没有账号，请先用 zhifa admin account 开通"),
                    format!("officer `{officer}` has no account; open one with `zhifa admin account`"),
                )
                .at_field("officer")
            })?;
            let password = initial_password();
            // set_account resets an existing account: same username, a new password that must
            // be changed, and the account enabled. A disabled account stays disabled.
            app.set_account(None, officer, &account.username, &password)
                .await?;
            if account.disabled {
                app.set_account_disabled(None, officer, true).await?;
            }
            println!(
                "账号 {}（{officer}）密码已重置，初始密码：{password}  —— 首次登录须修改 (password reset; change it at first login)",
                account.username
            );
            if account.disabled {
                println!(
                    "该账号仍为停用状态，启用请用 zhifa admin enable (the account stays disabled)"
                );
            }
            Ok(())
        }
        AdminAction::Disable { officer } => app.set_account_disabled(None, officer, true).await,
        AdminAction::Enable { officer } => app.set_account_disabled(None, officer, false).await,
        AdminAction::List => {
            for account in app.store().accounts().await? {
                let state = if account.disabled {
                    "停用"
                } else if account.must_change {
                    "待改密"
                } else {
                    "正常"
                };
                println!("{}\t{}\t{state}", account.username, account.officer);
            }
            Ok(())
        }
    }
}

fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {msg} [{bar:40}] {pos}/{len} ({per_sec})",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar
}

async fn import(app: &App, files: &[PathBuf], skip_invalid: bool, rejects: &PathBuf) -> Result<()> {
    let bar = progress_bar();
    bar.set_message("导入");
    let progress_bar = bar.clone();
    let options = ImportOptions {
        skip_invalid,
        progress: Some(std::sync::Arc::new(move |done, total| {
            progress_bar.set_length(total);
            progress_bar.set_position(done);
        })),
    };
    let started = std::time::Instant::now();
    match app.import_files(files, options).await {
        Ok(report) => {
            bar.finish_and_clear();
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "导入 {} 条事实，用时 {seconds:.1} 秒（{:.0} 条/秒）(imported)",
                report.imported,
                report.imported as f64 / seconds.max(1e-9)
            );
            if !report.rejected.is_empty() {
                let mut out = std::fs::File::create(rejects)?;
                for error in &report.rejected {
                    writeln!(out, "{}", error.text)?;
                    eprintln!("✗ {error}");
                }
                println!(
                    "拒绝 {} 行，已写入 {} (rejected lines written)",
                    report.rejected.len(),
                    rejects.display()
                );
            }
            // Durable already; this copies the WAL into the database file and empties it, so
            // the next start does not have to read it back.
            app.store()
                .settle()
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            Ok(())
        }
        Err(AppError::Import(errors, total)) => {
            bar.finish_and_clear();
            for error in &errors {
                eprintln!("✗ {error}");
            }
            bail!("{total} 处错误，未导入任何数据 ({total} errors, nothing imported)")
        }
        Err(error) => bail!("{} ({})", error.message_zh(), error.code()),
    }
}

async fn demo(app: &App, scale: f64, seed: u64, end: jiff::Timestamp) -> Result<()> {
    let config = datagen::Config {
        scale,
        seed,
        end,
        ..Default::default()
    };
    let (_, stored) = app.store().ledger_extent().await?;
    let accounts = if stored == 0 {
        // The generator's lines parsed as they come (a JSON value per fact would be 1.5 KB).
        let mut text = Vec::new();
        let accounts = datagen::generate_jsonl(&config, &mut text)?;
        let generated = std::str::from_utf8(&text)?
            .lines()
            .map(domain::Fact::from_line)
            .collect::<Result<Vec<_>, _>>()?;
        drop(text);
        eprintln!(
            "生成演示省份：{} 条事实，截至 {} (generating the demo province)…",
            generated.len(),
            domain::At::china(end).display_china()
        );
        // The supervision it would have had: warnings raised as they fell due, and the loop
        // worked by its legal officers (`app::history`).
        let (supervised, added) = app::history::supervise(generated, end, seed)?;
        eprintln!(
            "重演监督：预警变化 {} 条，督办环节 {} 条 (the engine and the loop over the history)",
            added.engine, added.steps
        );
        let path = std::env::temp_dir().join(format!("zhifa-demo-{}.jsonl", std::process::id()));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for fact in &supervised {
            serde_json::to_writer(&mut out, &fact.object())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        drop((out, supervised));
        let result = import(
            app,
            std::slice::from_ref(&path),
            false,
            &PathBuf::from("rejected.jsonl"),
        )
        .await;
        let _ = std::fs::remove_file(&path);
        result?;
        accounts
    } else {
        eprintln!("数据目录已有 {stored} 条事实，直接使用 (using the existing data)");
        // The same accounts: the generator's organisation, its facts not kept.
        datagen::generate_jsonl(&config, &mut std::io::sink())?
    };
    println!(
        "\n演示账号（首次登录须修改密码）/ demo accounts (change the password at first login):"
    );
    println!(
        "{}{}{}{}单位",
        pad("角色", 16),
        pad("用户名", 22),
        pad("姓名", 8),
        pad("初始密码", 18)
    );
    for account in &accounts {
        let password = initial_password();
        let username = format!("demo_{}", account.role);
        app.set_account(None, &account.officer_id, &username, &password)
            .await
            .map_err(|e| anyhow::anyhow!("{} ({})", e.message_zh(), e.code()))?;
        let role = domain::elements::Role::from_code(&account.role)
            .map(|r| r.label())
            .unwrap_or("");
        println!(
            "{}{}{}{}{}",
            pad(role, 16),
            pad(&username, 22),
            pad(&account.name, 8),
            pad(&password, 18),
            account.unit_name
        );
    }
    Ok(())
}

async fn serve(app: App, addr: &str) -> Result<()> {
    let started = std::time::Instant::now();
    let open = app.start_engine().await.map_err(console_error)?;
    println!(
        "监督引擎已启动：在办预警 {open} 条（supervision engine: {open} open warnings, {:.1} s）",
        started.elapsed().as_secs_f64()
    );
    // Deadlines reaching into a year whose holidays are not recorded count weekends alone.
    let this_year = app::now().china_date().year();
    let calendar = domain::calendar::years(&app.world().await.calendar);
    for year in [this_year, this_year + 1] {
        if !calendar.iter().any(|y| y.year == year) {
            println!(
                "提示：{year}年节假日安排尚未录入，涉及该年的期限暂按周六、周日计算；请在“系统管理”页或用 zhifa admin calendar 录入 (the {year} holidays are not recorded)"
            );
        }
    }
    let router = http_api::router(app.clone())
        .merge(web_ui::router(app))
        .layer(tower_http::trace::TraceLayer::new_for_http());
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    println!("\nZhifa 执法 已启动：http://{addr}  (Ctrl+C 停止)");
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
