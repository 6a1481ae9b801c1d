//! The one writer: it owns changes to the world and the ledger. Jobs queue on a channel; the
//! writer takes every job waiting (group commit), applies each to the world under a journal
//! (a refused job is rolled back alone), and commits the batch in one transaction. Nothing is
//! acknowledged before its transaction commits; if the commit fails, the whole batch is rolled
//! back in memory too, so the world never runs ahead of the ledger.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use domain::fact::{ElementKind, FactBody};
use domain::ledger::{GENESIS, Hash, HashInput, fact_hash};
use domain::world::Applied;
use domain::{Fact, World};
use storage::{AccountRow, Batch, Bulk, FactRow, SerialRow, Store, StoreError};
use tokio::sync::{RwLock, broadcast, mpsc, oneshot};

use crate::error::AppError;
use crate::views;

/// Jobs that wait are taken into the same transaction, up to this many.
const JOBS_PER_COMMIT_MAX: usize = 512;

/// The views of this many elements touched are written at once, by a task beside the commits.
/// Fewer gather fewer commits' elements on each page; more make the views lag further.
const VIEWS_PENDING_MAX: usize = 256;

/// Views are written at the latest this long after their first element was touched, even while
/// commits wait.
const VIEWS_AGE_MAX: std::time::Duration = std::time::Duration::from_millis(50);

/// With nothing to commit for this long, the writer writes the views (a read that waits for them
/// does not wait this long: it wakes the writer).
const VIEWS_IDLE: std::time::Duration = std::time::Duration::from_millis(1);

/// A job with at least this many facts (an import) is committed alone, its rows streamed to the
/// store in parts of [`BULK_PART`] while the next part is applied: writing on one core overlaps
/// with parsing, applying and hashing on the other. It is still one transaction.
const BULK_FACTS_MIN: usize = 20_000;
const BULK_PART: usize = 8_192;

impl Job {
    /// Whether the job is large enough to be committed alone, streamed in parts.
    fn is_bulk(&self) -> bool {
        self.facts.len() >= BULK_FACTS_MIN
    }
}

/// Who a job acts for, as it goes into the ledger.
#[derive(Clone, Debug)]
pub struct Author {
    /// Officer id, or `import` / `system`.
    pub actor: String,
    /// Unit that owns persons registered without a unit.
    pub registering_unit: Option<domain::ids::UnitId>,
}

/// Checks a job makes before its facts are kept (scope, policy): run under the writer's lock
/// against the world as it is before and after each fact.
pub type Guard = Box<dyn Fn(&World, &Fact, Option<&Applied>) -> Result<(), AppError> + Send + Sync>;

/// Called with the number of a job's facts applied so far (an import's progress bar).
pub type Progress = Arc<dyn Fn(u64) + Send + Sync>;

/// One unit of work.
pub struct Job {
    pub author: Author,
    pub facts: Vec<Fact>,
    pub options: JobOptions,
    pub reply: oneshot::Sender<Result<JobOutcome, JobFailure>>,
}

/// How a job is done.
#[derive(Default)]
pub struct JobOptions {
    /// Login accounts written with the facts.
    pub accounts: Vec<AccountRow>,
    pub guard: Option<Guard>,
    /// For imports with `--skip-invalid`: keep the facts that apply, report the others.
    pub skip_invalid: bool,
    pub progress: Option<Progress>,
    /// Whether the outcome carries the facts as kept (a command shows them; an import of a
    /// million facts would only hold a second copy of each).
    pub return_facts: bool,
}

/// What a committed job did.
#[derive(Debug, Default)]
pub struct JobOutcome {
    /// Ledger sequence numbers of the kept facts.
    pub seqs: Vec<i64>,
    /// The facts as kept (with numbers and units filled in).
    pub facts: Vec<Fact>,
    /// Index in the job of each refused fact, with the error (only with skip_invalid, or the
    /// first one otherwise).
    pub refused: Vec<(usize, AppError)>,
}

/// Why a job failed: the index of the fact at fault (if any) and the error; with every refusal
/// when the job is all or nothing.
#[derive(Debug)]
pub struct JobFailure {
    pub refused: Vec<(usize, AppError)>,
}

/// A committed fact, as announced to listeners (live warnings, SSE).
#[derive(Clone, Debug)]
pub struct Committed {
    pub seq: i64,
    pub kind: &'static str,
    pub element: ElementKind,
    pub subject: String,
    pub unit_path: String,
    /// The elements whose snapshot the fact changed (the subject first): what the live engine
    /// re-evaluates.
    pub touched: Vec<(ElementKind, String)>,
}

pub(crate) struct Writer {
    pub store: Arc<dyn Store>,
    pub world: Arc<RwLock<World>>,
    pub events: broadcast::Sender<Committed>,
    pub heads: HashMap<String, (i64, Hash)>,
    pub next_seq: i64,
    pub timelines: Arc<std::sync::RwLock<crate::timelines::Timelines>>,
    pub sessions: Arc<crate::auth::Sessions>,
    pub reads: Arc<crate::reads::ReadCaches>,
    /// Where the views are against the ledger (views.rs).
    pub follow: Arc<views::Follow>,
    /// Elements touched by committed facts whose views are not written yet.
    pub pending: HashSet<(ElementKind, String)>,
    /// When the first of them was touched.
    pub pending_since: Option<std::time::Instant>,
    /// The views transaction running beside the commits, if any (one at a time, so that views
    /// are written in the order of the facts).
    pub views_task: Option<ViewsTask>,
    /// The last fact the views show once the running task (if any) is done.
    pub views_started: i64,
    /// A read waits for the views: they are written as soon as no task runs.
    pub views_wanted: bool,
}

/// A views transaction running on its own task: it marks the views written itself, so that
/// waiting reads go on even while the writer is busy.
pub(crate) struct ViewsTask {
    task: tokio::task::JoinHandle<Result<(), StoreError>>,
    /// Its elements: pending again if it fails.
    elements: HashSet<(ElementKind, String)>,
}

/// What woke a writer waiting for jobs.
enum Woken {
    Job(Option<Job>),
    /// Time to write the views (a read waits, or no job came for [`VIEWS_IDLE`]).
    Views,
    /// The views task finished.
    ViewsDone(Result<Result<(), StoreError>, tokio::task::JoinError>),
}

impl Writer {
    pub async fn run(mut self, mut jobs: mpsc::Receiver<Job>) {
        loop {
            let first = match jobs.try_recv() {
                Ok(job) => job,
                Err(mpsc::error::TryRecvError::Empty) => match self.next_job(&mut jobs).await {
                    Some(job) => job,
                    None => break,
                },
                Err(mpsc::error::TryRecvError::Disconnected) => break,
            };
            if first.is_bulk() {
                // An import writes the pending views with its own: none may be in flight.
                self.finish_views().await;
                self.process(vec![first]).await;
                continue;
            }
            let mut batch = vec![first];
            while batch.len() < JOBS_PER_COMMIT_MAX {
                match jobs.try_recv() {
                    Ok(job) if job.is_bulk() => {
                        self.process(batch).await;
                        self.finish_views().await;
                        batch = vec![job];
                        break;
                    }
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            self.process(batch).await;
            self.views_wanted |= self.follow.take_wanted();
            if self.views_wanted
                || self.pending.len() >= VIEWS_PENDING_MAX
                || self
                    .pending_since
                    .is_some_and(|since| since.elapsed() >= VIEWS_AGE_MAX)
            {
                self.reap_views().await;
                self.start_views().await;
            }
        }
        self.finish_views().await;
    }

    /// Waits for the next job, and meanwhile lets the views catch up: after [`VIEWS_IDLE`]
    /// without a job, or at once if a read waits for them. Under load the next commit's jobs
    /// come first, and the views of several commits are written together.
    async fn next_job(&mut self, jobs: &mut mpsc::Receiver<Job>) -> Option<Job> {
        loop {
            let behind = self.views_started < self.next_seq - 1;
            if self.views_task.is_none() && !behind {
                return jobs.recv().await;
            }
            let can_start = self.views_task.is_none();
            if can_start && self.views_wanted {
                self.start_views().await;
                continue;
            }
            let follow = self.follow.clone();
            let running = self.views_task.as_mut().map(|v| &mut v.task);
            let woken = tokio::select! {
                job = jobs.recv() => Woken::Job(job),
                () = follow.wanted(), if can_start => Woken::Views,
                () = tokio::time::sleep(VIEWS_IDLE), if can_start => Woken::Views,
                done = async move {
                    match running {
                        Some(task) => task.await,
                        None => std::future::pending().await,
                    }
                }, if !can_start => Woken::ViewsDone(done),
            };
            match woken {
                Woken::Job(job) => return job,
                Woken::Views => self.start_views().await,
                Woken::ViewsDone(done) => {
                    if let Some(task) = self.views_task.take() {
                        self.views_done(task.elements, done);
                    }
                }
            }
        }
    }

    /// Starts writing the views of the elements touched since they were last written, as the
    /// world has them now, with the last fact committed as the store's `views_seq` (views.rs),
    /// unless a views task runs or they show every fact already.
    async fn start_views(&mut self) {
        let seq = self.next_seq - 1;
        if self.views_task.is_some() || self.views_started >= seq {
            return;
        }
        let elements = std::mem::take(&mut self.pending);
        let mut batch = views::views_of(&*self.world.read().await, &elements);
        batch.views_seq = Some(seq);
        self.pending_since = None;
        self.views_wanted = false;
        self.views_started = seq;
        let (store, follow) = (self.store.clone(), self.follow.clone());
        let count = elements.len();
        let task = tokio::spawn(async move {
            let started = std::time::Instant::now();
            store.commit_views(batch).await?;
            tracing::debug!(
                elements = count,
                seconds = started.elapsed().as_secs_f64(),
                "writer: views"
            );
            follow.written(seq);
            Ok(())
        });
        self.views_task = Some(ViewsTask { task, elements });
    }

    /// Takes the result of a views task that has finished, if any.
    async fn reap_views(&mut self) {
        if self
            .views_task
            .as_ref()
            .is_some_and(|v| v.task.is_finished())
        {
            self.await_views().await;
        }
    }

    /// Waits for the views task, if any, and takes its result.
    async fn await_views(&mut self) {
        if let Some(ViewsTask { task, elements }) = self.views_task.take() {
            let done = task.await;
            self.views_done(elements, done);
        }
    }

    /// Waits for the views task, then writes what is still pending, and waits for that too.
    async fn finish_views(&mut self) {
        self.await_views().await;
        self.start_views().await;
        self.await_views().await;
    }

    /// After a views task: on failure its elements are pending again, to be tried once more
    /// (reads wait meanwhile).
    fn views_done(
        &mut self,
        elements: HashSet<(ElementKind, String)>,
        done: Result<Result<(), StoreError>, tokio::task::JoinError>,
    ) {
        let error = match done {
            Ok(Ok(())) => return,
            Ok(Err(error)) => error.to_string(),
            Err(error) => error.to_string(),
        };
        tracing::error!(%error, "views not written; they will be tried again");
        self.pending.extend(elements);
        self.pending_since
            .get_or_insert_with(std::time::Instant::now);
        self.views_started = self.follow.written_seq();
    }

    async fn process(&mut self, jobs: Vec<Job>) {
        let started = std::time::Instant::now();
        // One time of recording for the batch: its facts are recorded together.
        let recorded_at_micros = jiff::Timestamp::now().as_microsecond();
        let mut world = self.world.write().await;
        world.begin();
        let mut heads = self.heads.clone();
        let mut next_seq = self.next_seq;
        let mut batch = Batch::default();
        let mut touched: HashSet<(ElementKind, String)> = HashSet::new();
        let mut replies = Vec::new();
        let mut announcements = Vec::new();
        // Whether a job set accounts: cached sessions are forgotten once it commits.
        let mut sessions_change = false;
        let mut stream =
            (jobs.len() == 1 && jobs[0].is_bulk()).then(|| Stream::start(self.store.clone()));
        if stream.is_some() {
            batch.facts.reserve(BULK_PART);
        }
        // Whether anyone follows commits (the live engine, a browser's warning feed).
        let listened = self.events.receiver_count() > 0;
        for job in jobs {
            let mark = world.journal_mark();
            let (facts_mark, serials_mark, calendar_mark) =
                (batch.facts.len(), batch.serials.len(), batch.calendar.len());
            let mut outcome = JobOutcome::default();
            outcome.seqs.reserve(job.facts.len());
            let mut job_touched = HashSet::new();
            let mut job_announcements = Vec::with_capacity(job.facts.len());
            let mut failed = Vec::new();
            for (index, fact) in job.facts.into_iter().enumerate() {
                if let Some(progress) = &job.options.progress
                    && index % BULK_PART == 0
                {
                    progress(index as u64);
                }
                let fact = prepare(&world, fact, &job.author);
                let applied =
                    match apply_guarded(&mut world, &fact, &job.author, job.options.guard.as_ref())
                    {
                        Ok(applied) => applied,
                        Err(error) => {
                            failed.push((index, error));
                            if !job.options.skip_invalid && failed.len() >= 1000 {
                                break;
                            }
                            continue;
                        }
                    };
                let chain = world.chain_of(applied.unit.as_ref());
                let unit = applied
                    .unit
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                if let FactBody::DocumentIssued(p) = &fact.body
                    && let Some(serial) = p.serial
                {
                    batch.serials.push(SerialRow {
                        unit: unit.clone(),
                        kind: p.kind.clone(),
                        year: fact.at.china_date().year().into(),
                        serial: serial.into(),
                        document: p.id.to_string(),
                    });
                }
                if let FactBody::CalendarDay(p) = &fact.body {
                    batch
                        .calendar
                        .push((p.date.to_string(), p.kind.as_str().into()));
                }
                job_announcements.push(Committed {
                    seq: next_seq,
                    kind: fact.kind().as_str(),
                    element: applied.element,
                    subject: applied.subject.clone(),
                    unit_path: world.unit_path(applied.unit.as_ref()).to_string(),
                    // Only the live engine reads these; an import with nobody listening (the
                    // CLI) does not copy them for every fact.
                    touched: if listened {
                        applied.touched.clone()
                    } else {
                        Vec::new()
                    },
                });
                let (head_seq, prev_hash) = heads.get(chain).copied().unwrap_or((0, GENESIS));
                let at_micros = fact.at.micros();
                let kind = fact.kind().as_str();
                // The payload moves into the row unless the caller wants the fact back.
                let payload = if job.options.return_facts {
                    let payload = fact.json().to_string();
                    outcome.facts.push(fact);
                    payload
                } else {
                    fact.into_json()
                };
                let row = fact_row(
                    FactRowParts {
                        seq: next_seq,
                        chain,
                        chain_seq: head_seq + 1,
                        prev_hash: &prev_hash,
                        recorded_at_micros,
                        actor: &job.author.actor,
                        kind,
                        at_micros,
                    },
                    unit,
                    payload,
                    &applied,
                );
                match heads.get_mut(chain) {
                    Some(head) => *head = (row.chain_seq, row.hash),
                    None => {
                        heads.insert(chain.to_string(), (row.chain_seq, row.hash));
                    }
                }
                outcome.seqs.push(next_seq);
                next_seq += 1;
                batch.facts.push(row);
                if let Some(stream) = &mut stream
                    && batch.facts.len() >= BULK_PART
                {
                    let facts = std::mem::replace(&mut batch.facts, stream.next_facts());
                    stream
                        .send(Batch {
                            facts,
                            ..Batch::default()
                        })
                        .await;
                }
                job_touched.extend(applied.touched);
            }
            if !failed.is_empty() && !job.options.skip_invalid {
                // All or nothing: undo this job only.
                world.rollback_to(mark);
                batch.facts.truncate(facts_mark);
                batch.serials.truncate(serials_mark);
                batch.calendar.truncate(calendar_mark);
                heads = recompute_heads(&self.heads, &batch.facts);
                next_seq = self.next_seq + batch.facts.len() as i64;
                replies.push((job.reply, Err(JobFailure { refused: failed })));
                continue;
            }
            outcome.refused = failed;
            sessions_change |= !job.options.accounts.is_empty();
            batch.accounts.extend(job.options.accounts);
            touched.extend(job_touched);
            announcements.extend(job_announcements);
            replies.push((job.reply, Ok(outcome)));
        }
        // An import writes its views in its own transaction, with those still pending: then they
        // show every fact up to its last. Other batches leave them to `write_views`.
        if stream.is_some() {
            touched.extend(self.pending.iter().cloned());
            for (index, (kind, id)) in views::in_key_order(&touched).into_iter().enumerate() {
                if let Some(stream) = &mut stream
                    && index > 0
                    && index % BULK_PART == 0
                {
                    stream.send(std::mem::take(&mut batch)).await;
                    stream.drop_written();
                }
                views::add_view(&world, &mut batch, *kind, id);
            }
            batch.views_seq = Some(next_seq - 1);
        }
        // A person becomes visible to a case's unit when linked: covered above, since
        // person.linked touches the person.
        let built = started.elapsed();
        let facts = (next_seq - self.next_seq) as usize;
        // Whether the views are written in this transaction (an import that is kept).
        let mut views_written = false;
        let result = match stream {
            None => self.store.commit(batch).await,
            // A refused all-or-nothing job keeps nothing: its streamed parts are rolled back.
            Some(stream) => {
                let keep = replies.iter().any(|(_, result)| result.is_ok());
                views_written = keep;
                stream.finish(batch, keep).await
            }
        };
        tracing::debug!(
            facts,
            elements = touched.len(),
            apply_seconds = built.as_secs_f64(),
            commit_seconds = (started.elapsed() - built).as_secs_f64(),
            "writer: batch"
        );
        match result {
            Ok(()) => {
                world.commit();
                // Before anyone is answered: a session must not outlive what ended it.
                if sessions_change
                    || announcements
                        .iter()
                        .any(|a| crate::auth::changes_sessions(a.kind, a.element))
                {
                    self.sessions.move_on();
                }
                // Before the read caches move on: a read that sees the new generation waits
                // for views that show these facts.
                self.follow.committed(next_seq - 1);
                self.reads.move_on();
                self.heads = heads;
                self.next_seq = next_seq;
                drop(world);
                if views_written {
                    self.pending.clear();
                    self.pending_since = None;
                    self.views_started = next_seq - 1;
                    self.follow.written(next_seq - 1);
                } else if !touched.is_empty() {
                    self.pending_since
                        .get_or_insert_with(std::time::Instant::now);
                    self.pending.extend(touched);
                }
                {
                    let mut timelines = self.timelines.write().expect("not poisoned");
                    for a in &announcements {
                        timelines.note(a.element.as_str(), &a.subject, a.seq);
                    }
                }
                for announcement in announcements {
                    let _ = self.events.send(announcement);
                }
                for (reply, result) in replies {
                    let _ = reply.send(result);
                }
            }
            Err(error) => {
                tracing::error!(%error, "commit failed; batch rolled back");
                world.rollback();
                drop(world);
                let message = error.to_string();
                for (reply, result) in replies {
                    let result = match result {
                        Ok(_) => Err(JobFailure {
                            refused: vec![(
                                0,
                                AppError::Store(storage::StoreError::Corrupt(message.clone())),
                            )],
                        }),
                        failure => failure,
                    };
                    let _ = reply.send(result);
                }
            }
        }
    }
}

/// The parts of one bulk transaction, written by their own task.
struct Stream {
    parts: mpsc::Sender<Batch>,
    /// Parts written, handed back: their rows are dropped here, on the thread that allocated
    /// them (a cross-thread free cost the database's thread 5 % of its time), and their
    /// capacity is reused.
    written: std::sync::mpsc::Receiver<Batch>,
    waited: std::time::Duration,
    task: tokio::task::JoinHandle<Result<Box<dyn Bulk>, StoreError>>,
}

impl Stream {
    fn start(store: Arc<dyn Store>) -> Stream {
        // Two parts in flight: one being written, one ready.
        let (parts, mut receiver) = mpsc::channel::<Batch>(2);
        let (give_back, written) = std::sync::mpsc::channel();
        let task = tokio::spawn(async move {
            let mut bulk = store.begin().await?;
            while let Some(part) = receiver.recv().await {
                let _ = give_back.send(bulk.write(part).await?);
            }
            Ok(bulk)
        });
        Stream {
            parts,
            written,
            task,
            waited: Default::default(),
        }
    }

    /// Drops the parts written so far (views: nothing to reuse).
    fn drop_written(&self) {
        while self.written.try_recv().is_ok() {}
    }

    /// An empty list for the next part's facts: a written part's, cleared here.
    fn next_facts(&self) -> Vec<FactRow> {
        match self.written.try_recv() {
            Ok(mut part) => {
                part.facts.clear();
                part.facts
            }
            Err(_) => Vec::with_capacity(BULK_PART),
        }
    }

    /// Sends a part. If writing failed, the part is dropped: `finish` reports the failure.
    async fn send(&mut self, part: Batch) {
        let t = std::time::Instant::now();
        let _ = self.parts.send(part).await;
        self.waited += t.elapsed();
    }

    /// Writes the last part and commits, or rolls everything back.
    async fn finish(mut self, last: Batch, keep: bool) -> Result<(), StoreError> {
        if keep {
            self.send(last).await;
        }
        drop(self.parts);
        // Time the writer spent waiting for the store: near the whole apply time means the
        // import is bound by the database, not by parsing, applying or hashing.
        tracing::debug!(
            waited_for_store_seconds = self.waited.as_secs_f64(),
            "writer: bulk parts written"
        );
        let bulk = self
            .task
            .await
            .map_err(|e| StoreError::Corrupt(format!("bulk writer failed: {e}")))??;
        if keep {
            bulk.commit().await?;
        }
        Ok(())
    }
}

fn recompute_heads(
    base: &HashMap<String, (i64, Hash)>,
    facts: &[FactRow],
) -> HashMap<String, (i64, Hash)> {
    let mut heads = base.clone();
    for f in facts {
        heads.insert(f.chain.clone(), (f.chain_seq, f.hash));
    }
    heads
}

/// Fills in what Zhifa adds to a fact before it is kept: the registering unit of a person, and
/// the official number of a document issued without one.
fn prepare(world: &World, mut fact: Fact, author: &Author) -> Fact {
    let mut fields = Vec::new();
    match &mut fact.body {
        FactBody::PersonRegistered(p) if p.unit.is_none() => {
            if let Some(unit) = author
                .registering_unit
                .clone()
                .or_else(|| world.root().cloned())
            {
                fields.push(("unit", serde_json::Value::String(unit.to_string())));
                p.unit = Some(unit);
            }
        }
        FactBody::DocumentIssued(p) if p.number.trim().is_empty() => {
            if let Some(case) = world.cases.get(&p.case) {
                let year = fact.at.china_date().year();
                let serial = world.last_document_serial(&case.unit, &p.kind, year) + 1;
                let unit_name = world
                    .units
                    .get(&case.unit)
                    .map(|u| u.name.as_str())
                    .unwrap_or("");
                p.number =
                    crate::numbering::official_number(unit_name, case.kind, &p.kind, year, serial);
                p.serial = Some(serial);
                fields.push(("number", serde_json::Value::String(p.number.clone())));
                fields.push(("serial", serde_json::Value::from(serial)));
            }
        }
        _ => {}
    }
    for (key, value) in fields {
        fact.set_field(key, value);
    }
    fact
}

fn apply_guarded(
    world: &mut World,
    fact: &Fact,
    author: &Author,
    guard: Option<&Guard>,
) -> Result<Applied, AppError> {
    if let Some(guard) = guard {
        guard(world, fact, None)?;
    }
    // Only a guard can refuse a fact after it applied; a segment per fact would copy elements
    // into the journal once per fact.
    let mark = guard.map(|_| world.journal_mark());
    let applied = world.apply(fact, author.registering_unit.as_ref())?;
    if let (Some(guard), Some(mark)) = (guard, mark)
        && let Err(error) = guard(world, fact, Some(&applied))
    {
        world.rollback_to(mark);
        return Err(error);
    }
    Ok(applied)
}

/// What a fact's row is made of, besides what it owns.
struct FactRowParts<'a> {
    seq: i64,
    chain: &'a str,
    chain_seq: i64,
    prev_hash: &'a Hash,
    recorded_at_micros: i64,
    actor: &'a str,
    kind: &'static str,
    at_micros: i64,
}

fn fact_row(parts: FactRowParts<'_>, unit: String, payload: String, applied: &Applied) -> FactRow {
    let hash = fact_hash(&HashInput {
        prev_hash: parts.prev_hash,
        chain: parts.chain,
        chain_seq: parts.chain_seq,
        recorded_at_micros: parts.recorded_at_micros,
        actor: parts.actor,
        unit: &unit,
        payload: &payload,
    });
    FactRow {
        seq: parts.seq,
        chain: parts.chain.into(),
        chain_seq: parts.chain_seq,
        at_micros: parts.at_micros,
        recorded_at_micros: parts.recorded_at_micros,
        actor: parts.actor.into(),
        unit,
        kind: parts.kind.into(),
        element: applied.element.as_str().into(),
        subject: applied.subject.clone(),
        payload,
        hash,
    }
}
