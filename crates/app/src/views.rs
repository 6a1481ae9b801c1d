//! Views follow the ledger. A commit writes its facts alone and is acknowledged; the views the
//! facts change (element rows, their links, person scopes) are written after, by a task the
//! writer starts beside its commits, in transactions of their own that gather many commits'
//! elements and do not wait for the disk (on SQLite, in a file of their own, so that they and
//! the commits do not wait for each other). The store records with them the last fact they show
//! (`views_seq`).
//!
//! Why: a commit of 40 persons registered wrote about 96 pages to the WAL, and 9 of them were
//! the facts; the rest were the views' B-trees at random places. Gathered, the views of many
//! commits share their pages, and the commit that makes facts durable is left with the facts.
//!
//! What holds: reads made from the views (lists, counts, links) first wait until the views show
//! every fact committed when the read began ([`Follow::caught_up`]), so an officer still reads
//! what they just wrote. A crash can lose only views: a start replays the ledger anyway and
//! rewrites the views of the elements the facts after `views_seq` touched.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use domain::World;
use domain::fact::ElementKind;
use storage::Batch;
use tokio::sync::{Notify, watch};

use crate::AppError;
use crate::rows::{element_rows, person_scopes};

/// How long a read waits for the views before it gives up (the store is failing).
const WAIT_MAX: Duration = Duration::from_secs(10);

/// Where the views are, against the ledger; shared by the writer and the reads.
pub(crate) struct Follow {
    /// The last fact committed.
    committed: AtomicI64,
    /// The last fact the views show.
    written: watch::Sender<i64>,
    /// A read waits: the writer writes the views after the batch in hand.
    wanted: AtomicBool,
    /// Wakes a writer that waits for jobs when a read waits.
    wake: Notify,
}

impl Follow {
    /// Views that show the ledger up to `seq`, its last fact.
    pub fn new(seq: i64) -> Follow {
        Follow {
            committed: AtomicI64::new(seq),
            written: watch::Sender::new(seq),
            wanted: AtomicBool::new(false),
            wake: Notify::new(),
        }
    }

    /// Facts up to `seq` are committed (the writer, before anyone is answered).
    pub fn committed(&self, seq: i64) {
        self.committed.store(seq, Ordering::Release);
    }

    /// The views show the facts up to `seq` (the writer's views task, once they are written).
    /// A read that waits for later facts still wants them.
    pub fn written(&self, seq: i64) {
        if seq >= self.committed.load(Ordering::Acquire) {
            self.wanted.store(false, Ordering::Release);
        }
        self.written.send_replace(seq);
    }

    /// The last fact the views show.
    pub fn written_seq(&self) -> i64 {
        *self.written.borrow()
    }

    /// Whether a read waits for the views (and forget it: they are about to be written).
    pub fn take_wanted(&self) -> bool {
        self.wanted.swap(false, Ordering::AcqRel)
    }

    /// Returns once a read has waited for the views (the writer, waiting for jobs).
    pub async fn wanted(&self) {
        self.wake.notified().await;
    }

    /// Waits until the views show every fact committed before this call.
    pub async fn caught_up(&self) -> Result<(), AppError> {
        let target = self.committed.load(Ordering::Acquire);
        let mut written = self.written.subscribe();
        if *written.borrow_and_update() >= target {
            return Ok(());
        }
        self.wanted.store(true, Ordering::Release);
        self.wake.notify_one();
        match tokio::time::timeout(WAIT_MAX, written.wait_for(|seq| *seq >= target)).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(AppError::Store(storage::StoreError::Stopped(format!(
                "the views did not reach fact #{target} within {} s",
                WAIT_MAX.as_secs()
            )))),
        }
    }
}

/// Elements in the views' key order, so that their rows go into the B-trees' pages one after
/// another instead of at random.
pub(crate) fn in_key_order(keys: &HashSet<(ElementKind, String)>) -> Vec<&(ElementKind, String)> {
    let mut keys: Vec<&(ElementKind, String)> = keys.iter().collect();
    keys.sort_unstable_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
    keys
}

/// The views of some elements as the world has them now, in key order, with the person scopes
/// of the persons among them.
pub(crate) fn views_of(world: &World, keys: &HashSet<(ElementKind, String)>) -> Batch {
    let mut batch = Batch::default();
    for (kind, id) in in_key_order(keys) {
        add_view(world, &mut batch, *kind, id);
    }
    batch
}

/// Adds one element's view (and a person's scopes) to a batch.
pub(crate) fn add_view(world: &World, batch: &mut Batch, kind: ElementKind, id: &str) {
    if let Some(view) = world.view(kind, id) {
        let (row, links) = element_rows(view);
        batch.elements.push(row);
        batch.links.extend(links);
    }
    if kind == ElementKind::Person
        && let Ok(person) = domain::ids::PersonId::parse(id)
    {
        batch.person_scopes.extend(person_scopes(world, &person));
    }
}
