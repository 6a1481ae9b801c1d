//! Zhifa's use cases. Entry points (CLI, HTTP API, web UI) call only this crate.
//!
//! **Architecture Invariant:** only `app` changes data, and every change goes through the one
//! writer: facts appended to the ledger and views updated in the same transaction.
//! **Architecture Invariant:** every read of an element is scoped to the actor's unit and below;
//! outside it the answer is `NotFound`, never "forbidden", so existence does not leak.

mod auth;
pub mod bulletins;
mod cache;
mod engine;
mod error;
pub mod history;
mod ledger_ops;
pub mod numbering;
mod reads;
mod rows;
mod supervision;
mod timelines;
mod views;
mod writer;

use std::collections::HashMap;
use std::sync::Arc;

use domain::elements::Role;
use domain::fact::{ElementKind, FactBody};
use domain::ids::{OfficerId, UnitId};
use domain::world::Applied;
use domain::{Fact, World};
use storage::Store;
use tokio::sync::{RwLock, broadcast, mpsc, oneshot};

pub use auth::{LoginOutcome, hash_password};
pub use error::{AppError, LineError};
pub use ledger_ops::{
    ImportOptions, ImportReport, VerifyProblem, VerifyReport, checkpoint, read_checkpoint,
    screen_files, screen_store, verify, verify_checkpoint, write_checkpoint,
};
pub use reads::{AUDIT_ROWS, ElementAnswer, ElementDetail, ListRequest, Listing, TimelineEntry};
pub use rows::now;
pub use supervision::{Board, BoardFilter, BoardRow, ENGINE_ACTOR, WarningNotice, WarningSummary};
pub use writer::Committed;
use writer::{Author, Guard, Job, JobOutcome, Writer};

/// How many facts are read per page when replaying the ledger.
const REPLAY_PAGE: i64 = 20_000;

/// A signed-in officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub officer: OfficerId,
    pub name: String,
    pub unit: UnitId,
    pub unit_name: String,
    /// The unit's path: the actor sees elements whose path starts with it.
    pub unit_path: String,
    pub roles: Vec<Role>,
    /// The password must be changed before anything else.
    pub must_change_password: bool,
}

impl Actor {
    /// Whether the actor holds a role.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// A command from a person: a fact to record, and a reason if it overrides a prohibition.
#[derive(Clone, Debug)]
pub struct Command {
    pub fact: Fact,
    pub override_reason: Option<String>,
}

/// What recording did.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub seq: i64,
    pub fact: Fact,
}

/// The application: the store, the world, the writer.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<dyn Store>,
    world: Arc<RwLock<World>>,
    jobs: mpsc::Sender<Job>,
    events: broadcast::Sender<Committed>,
    /// Each element's facts by sequence number (timelines.rs).
    timelines: Arc<std::sync::RwLock<timelines::Timelines>>,
    /// Failed logins per username (auth.rs): in memory, see `auth::Lockouts` for why.
    lockouts: auth::Lockouts,
    /// The actors behind recent sessions (auth.rs), moved on by the writer.
    sessions: Arc<auth::Sessions>,
    /// What reads keep between commits (links, rendered elements), moved on by every commit.
    reads: Arc<reads::ReadCaches>,
    /// Where the views are against the ledger: reads made from them wait for them (views.rs).
    follow: Arc<views::Follow>,
}

impl App {
    /// Opens the store at `url`, replays the ledger into memory and starts the writer.
    pub async fn open(url: &str) -> Result<App, AppError> {
        let store = storage::open_writer(url).await?;
        App::with_store(store).await
    }

    /// Starts on an opened store.
    pub async fn with_store(store: Arc<dyn Store>) -> Result<App, AppError> {
        let mut timelines = timelines::Timelines::default();
        // Views lost in a crash (written behind their facts, views.rs) are written again from
        // the replay: those of the elements touched by facts after the last the views show.
        let views_seq = store.views_seq().await?;
        let mut behind = std::collections::HashSet::new();
        let world = ledger_ops::replay(store.as_ref(), |row, applied| {
            timelines.note(&row.element, &row.subject, row.seq);
            if row.seq > views_seq {
                behind.extend(applied.touched.iter().cloned());
            }
        })
        .await?;
        let timelines = Arc::new(std::sync::RwLock::new(timelines));
        let mut heads = HashMap::new();
        for head in store.chain_heads().await? {
            heads.insert(head.chain, (head.chain_seq, head.hash));
        }
        let (max_seq, _) = store.ledger_extent().await?;
        if max_seq > views_seq {
            let mut batch = views::views_of(&world, &behind);
            batch.views_seq = Some(max_seq);
            tracing::info!(
                views_seq,
                max_seq,
                elements = batch.elements.len(),
                "views behind the ledger written again"
            );
            store.commit(batch).await?;
        }
        let follow = Arc::new(views::Follow::new(max_seq));
        let world = Arc::new(RwLock::new(world));
        let (events, _) = broadcast::channel(4096);
        let (jobs, receiver) = mpsc::channel(4096);
        let sessions = Arc::new(auth::Sessions::new(auth::SESSIONS_CACHED_MAX));
        let reads = Arc::new(reads::ReadCaches::new());
        let writer = Writer {
            store: store.clone(),
            world: world.clone(),
            events: events.clone(),
            heads,
            next_seq: max_seq + 1,
            timelines: timelines.clone(),
            sessions: sessions.clone(),
            reads: reads.clone(),
            follow: follow.clone(),
            pending: Default::default(),
            pending_since: None,
            views_task: None,
            views_started: max_seq,
            views_wanted: false,
        };
        tokio::spawn(writer.run(receiver));
        Ok(App {
            inner: Arc::new(Inner {
                store,
                world,
                jobs,
                events,
                timelines,
                lockouts: auth::Lockouts::default(),
                sessions,
                reads,
                follow,
            }),
        })
    }

    /// A handle that does not keep the app alive (for background tasks).
    pub(crate) fn downgrade(&self) -> std::sync::Weak<Inner> {
        Arc::downgrade(&self.inner)
    }

    /// The app again, if it is still alive.
    pub(crate) fn upgrade(weak: &std::sync::Weak<Inner>) -> Option<App> {
        weak.upgrade().map(|inner| App { inner })
    }

    /// The store, for read-only tools (the CLI's verify output, benchmarks).
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.inner.store
    }

    /// Waits until the views (lists, counts, links in the store) show every fact committed
    /// before the call: they are written behind the facts (views.rs). Reads through the app
    /// wait by themselves; this is for what reads the store directly (tests, benchmarks).
    pub async fn views_caught_up(&self) -> Result<(), AppError> {
        self.inner.follow.caught_up().await
    }

    /// Committed facts as they happen.
    pub fn subscribe(&self) -> broadcast::Receiver<Committed> {
        self.inner.events.subscribe()
    }

    /// Reads the world (for the supervision engine and policy previews).
    pub async fn world(&self) -> tokio::sync::RwLockReadGuard<'_, World> {
        self.inner.world.read().await
    }

    async fn submit(
        &self,
        author: Author,
        facts: Vec<Fact>,
        options: writer::JobOptions,
    ) -> Result<JobOutcome, writer::JobFailure> {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            author,
            facts,
            options,
            reply,
        };
        if self.inner.jobs.send(job).await.is_err() {
            return Err(writer::JobFailure {
                refused: vec![(
                    0,
                    AppError::Store(storage::StoreError::Stopped("writer stopped".into())),
                )],
            });
        }
        answer.await.unwrap_or_else(|_| {
            Err(writer::JobFailure {
                refused: vec![(
                    0,
                    AppError::Store(storage::StoreError::Stopped("writer stopped".into())),
                )],
            })
        })
    }

    /// Records facts for an actor: role, scope and policy checked, one transaction.
    pub async fn record(
        &self,
        actor: &Actor,
        commands: Vec<Command>,
    ) -> Result<Vec<Recorded>, AppError> {
        if actor.must_change_password {
            return Err(AppError::Forbidden("须先修改初始密码"));
        }
        let mut facts = Vec::with_capacity(commands.len());
        let mut reasons = Vec::with_capacity(commands.len());
        for command in commands {
            if let FactBody::ThresholdSet(p) = &command.fact.body {
                check_threshold(p)?;
            }
            let kind = command.fact.kind();
            let setup = matches!(
                kind.element(),
                ElementKind::Unit | ElementKind::Officer | ElementKind::Calendar
            );
            if setup && !actor.has(Role::Admin) {
                return Err(AppError::Forbidden(
                    "仅系统管理员可以维护单位、民警、日历和预警阈值",
                ));
            }
            if !setup && actor.roles.iter().all(|r| *r == Role::Admin) {
                return Err(AppError::Forbidden("系统管理员不办理业务"));
            }
            // Like setup facts, refused before the scope is consulted: 403 whatever they name.
            if is_engines(&command.fact.body) {
                return Err(AppError::Forbidden("预警由监督引擎发出、变更和解除"));
            }
            if let Some(refusal) = loop_role(actor, &command.fact.body) {
                return Err(AppError::Forbidden(refusal));
            }
            if command.fact.at.instant()
                > jiff::Timestamp::now() + jiff::SignedDuration::from_mins(5)
            {
                return Err(AppError::Domain(domain::DomainError::invalid(
                    "at",
                    "业务时间不能晚于当前时间 (time is in the future)",
                )));
            }
            let reason = command.override_reason.filter(|r| !r.trim().is_empty());
            let fact = match &reason {
                Some(reason) => command
                    .fact
                    .with_field("override_reason", serde_json::Value::String(reason.clone())),
                None => command.fact,
            };
            reasons.push(reason.is_some());
            facts.push(fact);
        }
        let scope = actor.unit_path.clone();
        let overrides: Arc<Vec<bool>> = Arc::new(reasons);
        let counter = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let guard: Guard = Box::new(
            move |world: &World, fact: &Fact, applied: Option<&Applied>| match applied {
                None => {
                    let index = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    check_existing_in_scope(world, fact, &scope)?;
                    let found = domain::policy::prohibitions(world, fact);
                    if !found.is_empty() && !overrides.get(index).copied().unwrap_or(false) {
                        return Err(AppError::Prohibited(found));
                    }
                    Ok(())
                }
                Some(applied) => {
                    if visible(world, applied.element, &applied.subject, &scope) {
                        Ok(())
                    } else {
                        Err(AppError::NotFound)
                    }
                }
            },
        );
        let author = Author {
            actor: actor.officer.to_string(),
            registering_unit: Some(actor.unit.clone()),
        };
        recorded(
            self.submit(
                author,
                facts,
                writer::JobOptions {
                    guard: Some(guard),
                    return_facts: true,
                    ..Default::default()
                },
            )
            .await,
        )
    }

    /// Records setup facts (`unit.defined`, `officer.defined`, `officer.changed`,
    /// `calendar.day`, `threshold.set`) for the operator at the server's console (`zhifa admin`), with actor
    /// `operator`: no role or scope applies, as whoever runs the binary holds the database; the
    /// world still checks every fact, and the job is all or nothing. Any other kind (accounts
    /// included: they go through [`App::set_account`]) is refused before anything is submitted.
    pub async fn record_as_operator(&self, facts: Vec<Fact>) -> Result<Vec<Recorded>, AppError> {
        let latest = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(5);
        for fact in &facts {
            let kind = fact.kind();
            if let FactBody::ThresholdSet(p) = &fact.body {
                check_threshold(p)?;
            }
            if !matches!(
                fact.body,
                FactBody::UnitDefined(_)
                    | FactBody::OfficerDefined(_)
                    | FactBody::OfficerChanged(_)
                    | FactBody::CalendarDay(_)
                    | FactBody::ThresholdSet(_)
            ) {
                return Err(domain::DomainError::new(
                    domain::ErrorCode::Invalid,
                    format!(
                        "控制台只能记录单位、民警和日历事实，不能记录“{}”",
                        kind.as_str()
                    ),
                    format!(
                        "the console records only unit, officer and calendar facts, not `{}`",
                        kind.as_str()
                    ),
                )
                .at_field("fact")
                .into());
            }
            if fact.at.instant() > latest {
                return Err(AppError::Domain(domain::DomainError::invalid(
                    "at",
                    "业务时间不能晚于当前时间 (time is in the future)",
                )));
            }
        }
        let author = Author {
            actor: "operator".into(),
            registering_unit: None,
        };
        recorded(
            self.submit(
                author,
                facts,
                writer::JobOptions {
                    return_facts: true,
                    ..Default::default()
                },
            )
            .await,
        )
    }
}

/// Whether a fact is one only the supervision engine records (`warning.raised`,
/// `warning.level_changed`, `warning.cleared`); people work the loop, and an import may carry
/// the engine's facts from another system.
fn is_engines(body: &FactBody) -> bool {
    matches!(
        body,
        FactBody::WarningRaised(_) | FactBody::WarningLevelChanged(_) | FactBody::WarningCleared(_)
    )
}

/// Who works the supervision loop: legal officers, supervisors and leaders verify, order
/// rectification, decide accountability and close; the handling unit's officers (and legal
/// officers) record a rectification. Refused before scope, like setup facts.
fn loop_role(actor: &Actor, body: &FactBody) -> Option<&'static str> {
    let supervises = [Role::LegalOfficer, Role::Supervisor, Role::Leader]
        .iter()
        .any(|r| actor.has(*r));
    match body {
        FactBody::WarningVerified(_)
        | FactBody::WarningRectificationOrdered(_)
        | FactBody::WarningAccountabilityDecided(_)
        | FactBody::WarningClosed(_)
            if !supervises =>
        {
            Some("核查、责令整改、追责和办结由法制员、督察或领导办理")
        }
        FactBody::WarningRectified(_)
            if !actor.has(Role::Officer) && !actor.has(Role::LegalOfficer) =>
        {
            Some("整改完成由办案民警或法制员登记")
        }
        _ => None,
    }
}

/// A threshold a person sets must be one a rule reads, within its range.
fn check_threshold(p: &domain::fact::ThresholdSet) -> Result<(), AppError> {
    use rules::thresholds::{P, SETTINGS};
    let Some(threshold) = P::from_key(&p.key) else {
        let known: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
        return Err(domain::DomainError::invalid(
            "key",
            format!(
                "没有名为“{}”的预警阈值，可设置：{}",
                p.key,
                known.join("、")
            ),
        )
        .into());
    };
    threshold
        .setting()
        .check(p.value)
        .map_err(|e| domain::DomainError::invalid("value", e).into())
}

/// What a person's job recorded, or the first refusal.
fn recorded(result: Result<JobOutcome, writer::JobFailure>) -> Result<Vec<Recorded>, AppError> {
    match result {
        Ok(outcome) => Ok(outcome
            .seqs
            .into_iter()
            .zip(outcome.facts)
            .map(|(seq, fact)| Recorded { seq, fact })
            .collect()),
        Err(failure) => Err(failure
            .refused
            .into_iter()
            .next()
            .map(|(_, e)| e)
            .unwrap_or(AppError::NotFound)),
    }
}

/// Whether an element is visible from a scope path.
pub(crate) fn visible(world: &World, kind: ElementKind, id: &str, scope: &str) -> bool {
    if kind == ElementKind::Calendar {
        return true;
    }
    if kind == ElementKind::Person {
        let Ok(person) = domain::ids::PersonId::parse(id) else {
            return false;
        };
        return world
            .person_units(&person)
            .iter()
            .any(|u| world.unit_path(Some(u)).starts_with(scope));
    }
    world
        .owner_unit(kind, id)
        .is_some_and(|u| world.unit_path(Some(&u)).starts_with(scope))
}

/// Before a fact applies, everything it names must be visible to the actor: its subject if it
/// exists, and every element it refers to. Otherwise the answer is "not found", as for an id
/// that exists nowhere. Units and officers may also be above the actor (the county's legal
/// officer reviews, its property room keeps, its bureau approves), never beside it.
fn check_existing_in_scope(world: &World, fact: &Fact, scope: &str) -> Result<(), AppError> {
    let element = fact.kind().element();
    let subject = fact.subject();
    if world.exists(element, &subject) && !visible(world, element, &subject, scope) {
        return Err(AppError::NotFound);
    }
    for (kind, id) in references(fact) {
        if !world.exists(kind, &id) {
            continue; // the world answers an unknown reference
        }
        if !may_name(world, kind, &id, scope) {
            return Err(AppError::NotFound);
        }
    }
    Ok(())
}

/// Whether an actor whose scope is `scope` may name (or see named) an element: anything visible,
/// and also units and officers above the actor (the county's legal officer reviews, its property
/// room keeps, its bureau approves), never beside it.
pub(crate) fn may_name(world: &World, kind: ElementKind, id: &str, scope: &str) -> bool {
    match kind {
        ElementKind::Unit | ElementKind::Officer => world
            .owner_unit(kind, id)
            .map(|unit| world.unit_path(Some(&unit)))
            .is_some_and(|path| path.starts_with(scope) || scope.starts_with(path)),
        _ => visible(world, kind, id, scope),
    }
}

/// Every element a fact refers to besides its subject.
fn references(fact: &Fact) -> Vec<(ElementKind, String)> {
    use ElementKind as K;
    use FactBody::*;
    let one = |kind: K, id: &dyn ToString| vec![(kind, id.to_string())];
    let officers = |ids: &[domain::ids::OfficerId]| -> Vec<(K, String)> {
        ids.iter().map(|o| (K::Officer, o.to_string())).collect()
    };
    match &fact.body {
        UnitDefined(p) => p.parent.iter().map(|u| (K::Unit, u.to_string())).collect(),
        OfficerDefined(p) => one(K::Unit, &p.unit),
        OfficerChanged(p) => p.unit.iter().map(|u| (K::Unit, u.to_string())).collect(),
        IncidentReceived(p) => one(K::Unit, &p.unit),
        IncidentDispatched(p) => officers(&p.officers),
        IncidentDisposed(p) => p.case.iter().map(|c| (K::Case, c.to_string())).collect(),
        CaseAccepted(p) => {
            let mut refs = one(K::Unit, &p.unit);
            refs.extend(p.incident.iter().map(|i| (K::Incident, i.to_string())));
            refs
        }
        CaseFilingExtended(p) => one(K::Officer, &p.approved_by),
        CaseProcuratorateNotice(p) => p
            .measure
            .iter()
            .map(|m| (K::Measure, m.to_string()))
            .collect(),
        CaseInjuryAssessed(p) => one(K::Person, &p.person),
        CaseDeferralRequested(p) => one(K::Person, &p.person),
        CaseHearingRequested(p) => one(K::Person, &p.person),
        CaseFineCash(p) => one(K::Person, &p.person),
        CaseEnforcement(p) => one(K::Person, &p.person),
        CaseIdentification(p) => {
            let mut refs = one(K::Person, &p.identifier);
            refs.extend(officers(&p.officers));
            refs
        }
        CasePublicized(p) => p
            .identified
            .iter()
            .map(|x| (K::Person, x.to_string()))
            .collect(),
        CaseHearingHeld(p) => one(K::Person, &p.person),
        CaseDeferralDecided(p) => one(K::Person, &p.person),
        CasePersonSearched(p) => {
            let mut refs = one(K::Person, &p.person);
            refs.extend(officers(&p.officers));
            refs
        }
        CasePriorNoticeGiven(p) => one(K::Person, &p.person),
        CustodySecurityChecked(p) => officers(&p.officers),
        CaseReviewPassed(p) => one(K::Officer, &p.reviewer),
        CaseReviewReturned(p) => one(K::Officer, &p.reviewer),
        CaseLimitExtended(p) => one(K::Unit, &p.approved_by_unit),
        CaseDecided(p) => {
            let mut refs = one(K::Unit, &p.decided_by_unit);
            refs.extend(
                p.penalties
                    .iter()
                    .map(|x| (K::Person, x.person.to_string())),
            );
            refs
        }
        PersonRegistered(p) => p.unit.iter().map(|u| (K::Unit, u.to_string())).collect(),
        PersonLinked(p) => one(K::Case, &p.case),
        LegalAidNotified(p) => one(K::Case, &p.case),
        LegalAidRequested(p) => one(K::Case, &p.case),
        MeasureStarted(p) => vec![
            (K::Person, p.person.to_string()),
            (K::Case, p.case.to_string()),
        ],
        MeasureExtended(p) => one(K::Officer, &p.approved_by),
        MeasureApproved(p) => one(K::Officer, &p.approved_by),
        MeasureCustodyRecalculated(p) => one(K::Officer, &p.approved_by),
        CustodyEntered(p) => {
            let mut refs = vec![
                (K::Person, p.person.to_string()),
                (K::Unit, p.center.to_string()),
            ];
            refs.extend(p.case.iter().map(|c| (K::Case, c.to_string())));
            refs.extend(p.basis.iter().map(|m| (K::Measure, m.to_string())));
            refs
        }
        CustodyExited(p) => p
            .document
            .iter()
            .map(|d| (K::Document, d.to_string()))
            .collect(),
        InterrogationHeld(p) => {
            let mut refs = vec![
                (K::Person, p.person.to_string()),
                (K::Case, p.case.to_string()),
            ];
            refs.extend(p.stay.iter().map(|s| (K::Stay, s.to_string())));
            refs.extend(officers(&p.officers));
            refs
        }
        PropertySeized(p) => vec![
            (K::Case, p.case.to_string()),
            (K::Officer, p.seized_by.to_string()),
        ],
        PropertyStored(p) => one(K::Officer, &p.custodian),
        PropertyCheckedOut(p) => one(K::Officer, &p.approved_by),
        PropertySeizureExtended(p) => one(K::Unit, &p.approved_by_unit),
        DocumentIssued(p) => one(K::Case, &p.case),
        DocumentServed(p) => one(K::Person, &p.to),
        WarningRaised(p) => vec![(p.element, p.subject.clone())],
        _ => Vec::new(),
    }
}
