//! Bulk operations on the ledger: replay, import, export, verify, rebuild.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

use domain::fact::{ElementKind, FactBody};
use domain::ledger::{GENESIS, HashInput, fact_hash};
use domain::world::Applied;
use domain::{Fact, World};
use storage::{Batch, Store};

use crate::error::LineError;
use crate::writer::Author;
use crate::{App, AppError};

/// Rebuilds the world by applying every fact in ledger order; `each` sees every fact with what
/// applying it did.
pub(crate) async fn replay(
    store: &dyn Store,
    each: impl FnMut(&storage::FactRow, &Applied),
) -> Result<World, AppError> {
    replay_until(store, Until::default(), each).await
}

/// Where a replay stops.
#[derive(Clone, Copy)]
struct Until {
    /// Facts whose business time is after this are left out.
    at_micros: i64,
    /// The replay ends after this fact.
    seq: i64,
}

impl Default for Until {
    fn default() -> Until {
        Until {
            at_micros: i64::MAX,
            seq: i64::MAX,
        }
    }
}

/// Rebuilds the world from the facts `until` lets in.
async fn replay_until(
    store: &dyn Store,
    until: Until,
    mut each: impl FnMut(&storage::FactRow, &Applied),
) -> Result<World, AppError> {
    let mut world = World::new();
    let mut page = if until.seq > 0 {
        store.facts_after(0, crate::REPLAY_PAGE).await?
    } else {
        Vec::new()
    };
    // Each page is read while the one before it is applied: on SQLite the reading runs on a
    // thread of its own (`storage`'s `sqlite_reader`), so the two share the machine's cores.
    while let Some(last) = page.last().map(|row| row.seq) {
        let next = async {
            if last < until.seq {
                store.facts_after(last, crate::REPLAY_PAGE).await
            } else {
                Ok(Vec::new())
            }
        };
        let apply = async {
            for row in page
                .iter()
                .filter(|row| row.at_micros <= until.at_micros && row.seq <= until.seq)
            {
                let fact =
                    Fact::from_line(&row.payload).map_err(|e| corrupt(row.seq, &e.message_en))?;
                let applied = world
                    .apply(&fact, None)
                    .map_err(|e| corrupt(row.seq, &e.message_en))?;
                each(row, &applied);
            }
            Ok::<_, AppError>(())
        };
        // Biased: `next` is polled first, which starts the read, then this page is applied.
        let (next, applied) = tokio::join!(biased; next, apply);
        applied?;
        page = next?;
    }
    Ok(world)
}

fn corrupt(seq: i64, detail: &str) -> AppError {
    AppError::Store(storage::StoreError::Corrupt(format!(
        "fact #{seq} does not replay: {detail}"
    )))
}

/// Every view of a world, as one batch.
fn all_views(world: &World) -> Batch {
    let mut batch = Batch::default();
    for kind in ElementKind::VIEWED {
        for id in world.ids(kind) {
            crate::views::add_view(world, &mut batch, kind, &id);
        }
    }
    batch.calendar = world
        .calendar
        .iter()
        .map(|(d, k)| (d.to_string(), k.as_str().to_string()))
        .collect();
    batch
}

/// Options of an import.
#[derive(Default)]
pub struct ImportOptions {
    /// Import the valid lines and report the others, instead of all or nothing.
    pub skip_invalid: bool,
    /// Called with (facts done, facts in all) while applying.
    pub progress: Option<std::sync::Arc<dyn Fn(u64, u64) + Send + Sync>>,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub read: usize,
    pub imported: usize,
    pub rejected: Vec<LineError>,
}

/// A problem found by verification, naming the first bad fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyProblem {
    pub chain: String,
    pub seq: Option<i64>,
    pub chain_seq: Option<i64>,
    pub message_zh: String,
    pub message_en: String,
}

/// The result of `verify`.
#[derive(Clone, Debug, Default)]
pub struct VerifyReport {
    pub facts: i64,
    pub chains: usize,
    pub elements: usize,
    /// The last fact the views show: less than `facts` after a crash, until the next start
    /// writes the rest (views.rs).
    pub views_seq: i64,
    pub problems: Vec<VerifyProblem>,
}

impl VerifyReport {
    /// Whether everything checked out.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The files of an import, read whole; lines are ranges of them.
struct Sources {
    /// (name, text) per file.
    files: Vec<(String, String)>,
    /// Every line that holds a fact (not blank, not a `#` comment), in file order.
    lines: Vec<SourceLine>,
}

#[derive(Clone, Copy)]
struct SourceLine {
    file: usize,
    line: usize,
    start: usize,
    end: usize,
}

impl Sources {
    fn read(paths: &[impl AsRef<Path>]) -> Result<Sources, AppError> {
        let mut sources = Sources {
            files: Vec::new(),
            lines: Vec::new(),
        };
        for path in paths {
            let path = path.as_ref();
            let name = path.display().to_string();
            let text = String::from_utf8(std::fs::read(path)?).map_err(|e| {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
                AppError::Import(
                    vec![LineError {
                        file: name.clone(),
                        line,
                        code: "invalid",
                        field: None,
                        message_zh: "不是有效的UTF-8文本".into(),
                        message_en: "not valid UTF-8 text".into(),
                        text: String::new(),
                    }],
                    1,
                )
            })?;
            let file = sources.files.len();
            let mut start = 0;
            for (index, raw) in text.split('\n').enumerate() {
                let line = raw.strip_suffix('\r').unwrap_or(raw);
                let trimmed = line.trim();
                if !trimmed.is_empty() && !trimmed.starts_with('#') {
                    sources.lines.push(SourceLine {
                        file,
                        line: index + 1,
                        start,
                        end: start + line.len(),
                    });
                }
                start += raw.len() + 1;
            }
            sources.files.push((name, text));
        }
        Ok(sources)
    }

    fn text(&self, line: &SourceLine) -> &str {
        &self.files[line.file].1[line.start..line.end]
    }

    fn error(&self, line: &SourceLine, error: &AppError) -> LineError {
        LineError {
            file: self.files[line.file].0.clone(),
            line: line.line,
            code: error.code(),
            field: error.field().map(String::from),
            message_zh: error.message_zh(),
            message_en: error.message_en(),
            text: self.text(line).to_string(),
        }
    }
}

impl App {
    /// Imports FORMAT.md files: facts applied in order of `at` (ties in file order), all or
    /// nothing unless `skip_invalid`. Every error names its file and line.
    pub async fn import_files(
        &self,
        paths: &[impl AsRef<Path>],
        options: ImportOptions,
    ) -> Result<ImportReport, AppError> {
        let started = std::time::Instant::now();
        let paths: Vec<std::path::PathBuf> =
            paths.iter().map(|p| p.as_ref().to_path_buf()).collect();
        let (sources, (mut facts, mut errors)) = tokio::task::spawn_blocking(move || {
            let sources = Sources::read(&paths)?;
            let parsed = parse_all(&sources);
            Ok::<_, AppError>((sources, parsed))
        })
        .await
        .map_err(|e| AppError::Store(storage::StoreError::Corrupt(e.to_string())))??;
        let read = sources.lines.len();
        tracing::info!(
            lines = read,
            seconds = started.elapsed().as_secs_f64(),
            "import: parsed"
        );
        if !errors.is_empty() && !options.skip_invalid {
            let total = errors.len();
            errors.truncate(1000);
            return Err(AppError::Import(errors, total));
        }
        // Facts apply in order of business time; the sort is stable, so ties keep file order.
        facts.sort_by_key(|(fact, _)| fact.at);
        assign_person_units(&*self.world().await, &mut facts);
        let order: Vec<usize> = facts.iter().map(|(_, source)| *source).collect();
        let facts: Vec<Fact> = facts.into_iter().map(|(fact, _)| fact).collect();
        let total = facts.len() as u64;
        tracing::info!(seconds = started.elapsed().as_secs_f64(), "import: sorted");
        if let Some(progress) = &options.progress {
            progress(0, total);
        }
        let author = Author {
            actor: "import".into(),
            registering_unit: None,
        };
        let result = self
            .submit(
                author,
                facts,
                crate::writer::JobOptions {
                    skip_invalid: options.skip_invalid,
                    progress: options.progress.as_ref().map(|progress| {
                        let progress = progress.clone();
                        std::sync::Arc::new(move |done| progress(done, total))
                            as crate::writer::Progress
                    }),
                    ..Default::default()
                },
            )
            .await;
        if let Some(progress) = &options.progress {
            progress(total, total);
        }
        match result {
            Ok(outcome) => {
                errors.extend(
                    outcome
                        .refused
                        .iter()
                        .map(|(index, error)| sources.error(&sources.lines[order[*index]], error)),
                );
                errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
                Ok(ImportReport {
                    read,
                    imported: outcome.seqs.len(),
                    rejected: errors,
                })
            }
            Err(failure) => {
                let total = failure.refused.len();
                let mut errors: Vec<LineError> = failure
                    .refused
                    .iter()
                    .map(|(index, error)| sources.error(&sources.lines[order[*index]], error))
                    .collect();
                errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
                Err(AppError::Import(errors, total))
            }
        }
    }

    /// Writes the whole ledger as FORMAT.md JSON Lines, in ledger order.
    pub async fn export(&self, out: &mut impl Write) -> Result<i64, AppError> {
        let mut after = 0;
        let mut count = 0;
        loop {
            let page = self.store().facts_after(after, crate::REPLAY_PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            for row in &page {
                out.write_all(row.payload.as_bytes())?;
                out.write_all(b"\n")?;
                count += 1;
            }
        }
        out.flush()?;
        Ok(count)
    }

    /// Re-checks every chain, the ledger's sequence, and that the views equal a replay.
    pub async fn verify(&self) -> Result<VerifyReport, AppError> {
        self.views_caught_up().await?;
        verify(self.store().as_ref()).await
    }
}

/// Re-checks a store without opening an app (a damaged ledger may not replay).
pub async fn verify(store: &dyn Store) -> Result<VerifyReport, AppError> {
    let mut report = VerifyReport::default();
    // The global sequence has no gaps: a deleted fact anywhere shows here.
    let mut after = 0;
    let mut expected = 1;
    'sequence: loop {
        let page = store.facts_after(after, crate::REPLAY_PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for row in &page {
            if row.seq != expected {
                report.problems.push(VerifyProblem {
                    chain: row.chain.clone(),
                    seq: Some(row.seq),
                    chain_seq: Some(row.chain_seq),
                    message_zh: format!(
                        "账本序号不连续：缺少第{expected}号事实（可能被删除），下一条为第{}号",
                        row.seq
                    ),
                    message_en: format!(
                        "ledger sequence gap: fact #{expected} is missing (deleted?), next is #{}",
                        row.seq
                    ),
                });
                break 'sequence;
            }
            expected += 1;
        }
    }
    report.facts = expected - 1;
    let heads = store.chain_heads().await?;
    report.chains = heads.len();
    for head in &heads {
        if let Some(problem) = verify_chain(store, &head.chain).await? {
            report.problems.push(problem);
        }
    }
    // The views show the ledger up to `views_seq` (views.rs): they are compared with a replay to
    // there, and the rest of the ledger must still replay.
    report.views_seq = store.views_seq().await?;
    let until = Until {
        seq: report.views_seq,
        ..Until::default()
    };
    let replayed = match replay_until(store, until, |_, _| {}).await {
        Ok(world) => {
            compare_views(store, &world, &mut report).await?;
            if report.views_seq < report.facts {
                replay(store, |_, _| {}).await.map(drop)
            } else {
                Ok(())
            }
        }
        Err(error) => Err(error),
    };
    if let Err(error) = replayed {
        report.problems.push(VerifyProblem {
            chain: String::new(),
            seq: None,
            chain_seq: None,
            message_zh: format!("账本无法重放：{}", error.message_en()),
            message_en: format!("the ledger does not replay: {}", error.message_en()),
        });
    }
    Ok(report)
}

/// A checkpoint: the head of every chain at a moment, kept outside the database (another disk,
/// a printout, the supervising unit). The hash chain shows any fact changed, removed or
/// reordered between others; only a checkpoint shows facts cut off the end of a chain.
pub async fn checkpoint(store: &dyn Store) -> Result<Vec<storage::ChainHead>, AppError> {
    Ok(store.chain_heads().await?)
}

/// Checks that every head of a checkpoint is still in the ledger, with the same hash.
pub async fn verify_checkpoint(
    store: &dyn Store,
    heads: &[storage::ChainHead],
) -> Result<Vec<VerifyProblem>, AppError> {
    let mut problems = Vec::new();
    for head in heads {
        let found = store
            .chain_facts(&head.chain, head.chain_seq - 1, 1)
            .await?
            .into_iter()
            .next()
            .filter(|row| row.chain_seq == head.chain_seq);
        let problem = match found {
            None => Some((
                format!(
                    "链{}在检查点时已有{}条事实，现已不足：末尾的事实被删除（账本被截断）",
                    head.chain, head.chain_seq
                ),
                format!(
                    "chain {} had {} facts at the checkpoint and now has fewer: facts were cut off its end",
                    head.chain, head.chain_seq
                ),
            )),
            Some(row) if row.hash != head.hash => Some((
                format!(
                    "链{}第{}条事实（第{}号）与检查点的哈希不符：账本被改写",
                    head.chain, head.chain_seq, row.seq
                ),
                format!(
                    "chain {} entry {} (fact #{}) does not match the checkpoint's hash: the ledger was rewritten",
                    head.chain, head.chain_seq, row.seq
                ),
            )),
            Some(_) => None,
        };
        if let Some((zh, en)) = problem {
            problems.push(VerifyProblem {
                chain: head.chain.clone(),
                seq: None,
                chain_seq: Some(head.chain_seq),
                message_zh: zh,
                message_en: en,
            });
        }
    }
    Ok(problems)
}

/// One line of a checkpoint file.
#[derive(serde::Serialize, serde::Deserialize)]
struct CheckpointLine {
    chain: String,
    chain_seq: i64,
    hash: String,
}

/// Reads a checkpoint file: JSON Lines of `{"chain", "chain_seq", "hash"}`.
pub fn read_checkpoint(path: &Path) -> Result<Vec<storage::ChainHead>, AppError> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let CheckpointLine {
                chain,
                chain_seq,
                hash,
            } = serde_json::from_str(line).map_err(|e| {
                domain::DomainError::invalid(
                    "checkpoint",
                    format!(
                        "检查点文件第{}行应有 chain、chain_seq 和 hash (line {}: {e})",
                        index + 1,
                        index + 1
                    ),
                )
            })?;
            let hash = <[u8; 32]>::try_from(hex::decode(&hash).unwrap_or_default()).map_err(|_| {
                domain::DomainError::invalid(
                    "checkpoint",
                    format!(
                        "检查点文件第{}行的 hash 应为64位十六进制数 (line {}: hash must be 64 hex digits)",
                        index + 1,
                        index + 1
                    ),
                )
            })?;
            Ok(storage::ChainHead {
                chain,
                chain_seq,
                hash,
            })
        })
        .collect()
}

/// Writes a checkpoint file, replacing the old one only once the new one is complete.
pub fn write_checkpoint(path: &Path, heads: &[storage::ChainHead]) -> Result<(), AppError> {
    let partial = path.with_extension("partial");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&partial)?);
    for head in heads {
        let line = CheckpointLine {
            chain: head.chain.clone(),
            chain_seq: head.chain_seq,
            hash: hex::encode(head.hash),
        };
        serde_json::to_writer(&mut out, &line).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    }
    out.into_inner()
        .map_err(|e| AppError::from(e.into_error()))?
        .sync_all()?;
    std::fs::rename(&partial, path)?;
    Ok(())
}

impl App {
    /// Rebuilds every view from the ledger, in one transaction. For the CLI (`zhifa rebuild`),
    /// with no supervision engine running: an engine's links hold positions in the world it
    /// started from (`rules::Links`), and would need `Engine::full` after the world is replaced.
    pub async fn rebuild(&self) -> Result<usize, AppError> {
        let mut world = self.inner.world.write().await;
        let mut timelines = crate::timelines::Timelines::default();
        let mut last = 0;
        let fresh = replay(self.store().as_ref(), |row, _| {
            timelines.note(&row.element, &row.subject, row.seq);
            last = row.seq;
        })
        .await?;
        *self.inner.timelines.write().expect("not poisoned") = timelines;
        let mut batch = all_views(&fresh);
        batch.views_seq = Some(last);
        let elements = batch.elements.len();
        self.store().replace_views(batch).await?;
        *world = fresh;
        Ok(elements)
    }
}

/// Parses lines on every core: lines are independent, and parsing is a large share of an import.
/// Screens FORMAT.md files as of `as_of` (`zhifa screen --as-of T FILE…`): their facts at or
/// before it, in order of `at`, make a world of their own; only their `calendar.day` facts and
/// weekends count as rest days. Every line that does not parse, or cannot be true, is an error.
pub fn screen_files(
    paths: &[impl AsRef<Path>],
    as_of: domain::At,
) -> Result<Vec<rules::Warning>, AppError> {
    let sources = Sources::read(paths)?;
    let (mut facts, mut errors) = parse_all(&sources);
    facts.sort_by_key(|(fact, _)| fact.at);
    let mut world = World::new();
    for (fact, index) in facts.iter().filter(|(fact, _)| fact.at <= as_of) {
        if let Err(error) = world.apply(fact, None) {
            errors.push(sources.error(&sources.lines[*index], &AppError::Domain(error)));
        }
    }
    if !errors.is_empty() {
        let total = errors.len();
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        errors.truncate(1000);
        return Err(AppError::Import(errors, total));
    }
    Ok(rules::screen(&world, as_of.instant()))
}

/// Screens a store's ledger as of `as_of`: its facts at or before it, in ledger order, with the
/// deployment's calendar.
pub async fn screen_store(
    store: &dyn Store,
    as_of: domain::At,
) -> Result<Vec<rules::Warning>, AppError> {
    let until = Until {
        at_micros: as_of.micros(),
        ..Until::default()
    };
    let world = replay_until(store, until, |_, _| {}).await?;
    Ok(rules::screen(&world, as_of.instant()))
}

/// Parses every line on every core: the facts with the index of their line, in line order,
/// and an error for each line that does not parse.
fn parse_all(sources: &Sources) -> (Vec<(Fact, usize)>, Vec<LineError>) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let part = sources.lines.len().div_ceil(threads).max(1);
    let parsed: Vec<Vec<_>> = std::thread::scope(|scope| {
        let parsers: Vec<_> = sources
            .lines
            .chunks(part)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|line| Fact::from_line(sources.text(line)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parsers
            .into_iter()
            .map(|parser| parser.join().expect("a parser thread does not panic"))
            .collect()
    });
    let mut facts = Vec::with_capacity(sources.lines.len());
    let mut errors = Vec::new();
    for (index, result) in parsed.into_iter().flatten().enumerate() {
        match result {
            Ok(fact) => facts.push((fact, index)),
            Err(error) => {
                errors.push(sources.error(&sources.lines[index], &AppError::Domain(error)))
            }
        }
    }
    (facts, errors)
}

/// Persons registered without a unit belong to the unit of the first case they are linked to
/// in the same import (their registration is usually the line before); otherwise the root.
fn assign_person_units(world: &World, facts: &mut [(Fact, usize)]) {
    let mut case_units: HashMap<String, domain::ids::UnitId> = world
        .cases
        .iter()
        .map(|(id, case)| (id.to_string(), case.unit.clone()))
        .collect();
    let mut first_case: HashMap<String, domain::ids::UnitId> = HashMap::new();
    for (fact, _) in facts.iter() {
        match &fact.body {
            FactBody::CaseAccepted(p) => {
                case_units.insert(p.id.to_string(), p.unit.clone());
            }
            FactBody::PersonLinked(p) => {
                if let Some(unit) = case_units.get(p.case.as_str()) {
                    first_case
                        .entry(p.id.to_string())
                        .or_insert_with(|| unit.clone());
                }
            }
            _ => {}
        }
    }
    for (fact, _) in facts.iter_mut() {
        if let FactBody::PersonRegistered(p) = &mut fact.body
            && p.unit.is_none()
            && let Some(unit) = first_case.get(p.id.as_str())
        {
            p.unit = Some(unit.clone());
            fact.set_field("unit", serde_json::Value::String(unit.to_string()));
        }
    }
}

async fn verify_chain(store: &dyn Store, chain: &str) -> Result<Option<VerifyProblem>, AppError> {
    let mut after = 0;
    let mut prev_hash = GENESIS;
    let problem = |row: &storage::FactRow, zh: String, en: String| VerifyProblem {
        chain: chain.into(),
        seq: Some(row.seq),
        chain_seq: Some(row.chain_seq),
        message_zh: zh,
        message_en: en,
    };
    loop {
        let page = store.chain_facts(chain, after, crate::REPLAY_PAGE).await?;
        if page.is_empty() {
            return Ok(None);
        }
        for row in &page {
            if row.chain_seq != after + 1 {
                return Ok(Some(problem(
                    row,
                    format!(
                        "链{chain}缺少第{}条事实（被删除或移动），首个异常为第{}号事实",
                        after + 1,
                        row.seq
                    ),
                    format!(
                        "chain {chain} is missing entry {} (deleted or moved); first bad fact #{}",
                        after + 1,
                        row.seq
                    ),
                )));
            }
            // The hash covers the predecessor's: a fact moved, or one before it altered, fails
            // here as a changed fact does.
            let hash = fact_hash(&HashInput {
                prev_hash: &prev_hash,
                chain: &row.chain,
                chain_seq: row.chain_seq,
                recorded_at_micros: row.recorded_at_micros,
                actor: &row.actor,
                unit: &row.unit,
                payload: &row.payload,
            });
            if hash != row.hash {
                return Ok(Some(problem(
                    row,
                    format!(
                        "第{}号事实与其哈希不符：内容被篡改，或与链上前一条的顺序被改动",
                        row.seq
                    ),
                    format!(
                        "fact #{} does not match its hash: modified, or out of order with its predecessor",
                        row.seq
                    ),
                )));
            }
            prev_hash = row.hash;
            after = row.chain_seq;
        }
    }
}

async fn compare_views(
    store: &dyn Store,
    world: &World,
    report: &mut VerifyReport,
) -> Result<(), AppError> {
    let expected = all_views(world);
    report.elements = expected.elements.len();
    let mut want: BTreeMap<(String, String), storage::ElementRow> = expected
        .elements
        .into_iter()
        .map(|r| ((r.kind.clone(), r.id.clone()), r))
        .collect();
    let view_problem = |zh: String, en: String| VerifyProblem {
        chain: String::new(),
        seq: None,
        chain_seq: None,
        message_zh: zh,
        message_en: en,
    };
    let mut differences = 0;
    for kind in ElementKind::VIEWED {
        for row in store.all_elements(kind.as_str()).await? {
            let key = (row.kind.clone(), row.id.clone());
            match want.remove(&key) {
                Some(expected) if expected == row => {}
                Some(_) => {
                    differences += 1;
                    if differences <= 20 {
                        report.problems.push(view_problem(
                            format!("视图与账本重放不一致：{} {}", key.0, key.1),
                            format!("view differs from the ledger replay: {} {}", key.0, key.1),
                        ));
                    }
                }
                None => {
                    differences += 1;
                    if differences <= 20 {
                        report.problems.push(view_problem(
                            format!("视图中多出账本没有的元素：{} {}", key.0, key.1),
                            format!(
                                "view has an element the ledger does not: {} {}",
                                key.0, key.1
                            ),
                        ));
                    }
                }
            }
        }
    }
    for (kind, id) in want.keys().take(20) {
        report.problems.push(view_problem(
            format!("视图缺少账本中的元素：{kind} {id}"),
            format!("view lacks an element of the ledger: {kind} {id}"),
        ));
    }
    let stored: BTreeSet<_> = store.all_links().await?.into_iter().collect();
    let replayed: BTreeSet<_> = expected.links.into_iter().collect();
    if stored != replayed {
        report.problems.push(view_problem(
            format!(
                "关联关系与账本重放不一致（{}处）",
                stored.symmetric_difference(&replayed).count()
            ),
            format!(
                "links differ from the ledger replay ({} rows)",
                stored.symmetric_difference(&replayed).count()
            ),
        ));
    }
    let calendar: Vec<(String, String)> = store.calendar().await?;
    if calendar != expected.calendar {
        report.problems.push(view_problem(
            "节假日日历与账本重放不一致".into(),
            "calendar differs from the ledger replay".into(),
        ));
    }
    Ok(())
}
