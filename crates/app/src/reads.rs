//! Scoped, audited reads. A person's record is audited on every read; an ID number is shown
//! masked unless revealed with a reason, which is audited too.

use domain::fact::ElementKind;
use std::sync::Arc;

use serde_json::Value;
use serde_json::value::RawValue;
use storage::{AuditRow, Batch, ElementRow, FactRow, LinkRow, ListQuery};

use crate::cache::Cache;
use crate::{Actor, App, AppError};

/// What reads keep between commits, moved on by every commit: a page read again and again
/// between writes neither asks the store nor renders the element each time.
pub(crate) struct ReadCaches {
    /// Each element's links as read from the store (both directions).
    links: Cache<(ElementKind, String), Vec<LinkRow>>,
    /// Each element as the API renders it, by the scope (unit path) of the reader: what a reader
    /// may see of an element and its relations depends on nothing else. Persons are not kept.
    rendered: Cache<(ElementKind, String, String), Arc<[u8]>>,
}

impl ReadCaches {
    pub fn new() -> ReadCaches {
        ReadCaches {
            links: Cache::new(LINKS_CACHED_MAX),
            rendered: Cache::new(RENDERED_CACHED_MAX),
        }
    }

    /// Every answer kept so far may be stale. The writer calls it while it still holds the
    /// world, so that a read taking the new generation reads the new world.
    pub fn move_on(&self) {
        self.links.move_on();
        self.rendered.move_on();
    }
}

/// Elements whose links are kept at most.
const LINKS_CACHED_MAX: usize = 100_000;
/// Rendered elements kept at most (a case's answer is 1–3 KB).
const RENDERED_CACHED_MAX: usize = 20_000;

/// Largest page a list returns.
pub const PAGE_SIZE_MAX: i64 = 200;
/// The most audit rows one read of the trail returns.
pub const AUDIT_ROWS: i64 = 500;

/// A list request from an entry point (the scope comes from the actor).
#[derive(Clone, Debug, Default)]
pub struct ListRequest {
    pub kind: String,
    pub status: Option<String>,
    pub tag: Option<String>,
    pub text: Option<String>,
    pub opened_from_micros: Option<i64>,
    pub opened_until_micros: Option<i64>,
    pub oldest_first: bool,
    pub limit: i64,
    pub offset: i64,
}

/// A page of elements.
#[derive(Clone, Debug)]
pub struct Listing {
    pub rows: Vec<ElementRow>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// One element with its relations.
#[derive(Clone, Debug)]
pub struct ElementDetail {
    pub row: ElementRow,
    /// The snapshot, ID numbers masked unless revealed.
    pub snapshot: Value,
    pub links: Vec<LinkRow>,
}

/// One element as the API answers it: its snapshot as JSON text (ID numbers masked), not a tree.
#[derive(Debug)]
pub struct ElementAnswer {
    /// The element's row; its `snapshot` is moved out into the field below.
    pub row: ElementRow,
    pub snapshot: Box<RawValue>,
    pub links: Vec<LinkRow>,
}

/// One fact in an element's timeline.
#[derive(Clone, Debug)]
pub struct TimelineEntry {
    pub seq: i64,
    pub kind: String,
    pub label: &'static str,
    pub at: String,
    pub recorded_at_micros: i64,
    pub actor: String,
    pub payload: Value,
    pub hash: String,
}

fn parse_kind(kind: &str) -> Result<ElementKind, AppError> {
    ElementKind::from_code(kind)
        .filter(|k| *k != ElementKind::Calendar)
        .ok_or(AppError::NotFound)
}

/// Masks every `id_number` in a snapshot (persons carry one at the top level).
fn mask(mut snapshot: Value) -> Value {
    if let Some(number) = snapshot.get("id_number").and_then(Value::as_str)
        && let Ok(parsed) = domain::IdNumber::parse(number)
    {
        snapshot["id_number"] = Value::String(parsed.masked());
    }
    snapshot
}

fn mask_payload(mut payload: Value) -> Value {
    if payload.get("fact").and_then(Value::as_str) == Some("person.registered") {
        payload = mask(payload);
    }
    payload
}

impl App {
    /// A page of elements of a kind within the actor's scope.
    pub async fn list(&self, actor: &Actor, request: &ListRequest) -> Result<Listing, AppError> {
        parse_kind(&request.kind)?;
        let limit = request.limit.clamp(1, PAGE_SIZE_MAX);
        let offset = request.offset.max(0);
        let query = ListQuery {
            kind: request.kind.clone(),
            scope_path: actor.unit_path.clone(),
            status: request.status.clone().filter(|s| !s.is_empty()),
            tag: request.tag.clone().filter(|s| !s.is_empty()),
            text: request
                .text
                .clone()
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().to_string()),
            opened_from_micros: request.opened_from_micros,
            opened_until_micros: request.opened_until_micros,
            oldest_first: request.oldest_first,
            limit,
            offset,
        };
        self.views_caught_up().await?;
        let page = self.store().list(&query).await?;
        let rows = page.rows.into_iter().map(|mut row| {
            if row.kind == "person" {
                row.snapshot =
                    mask(serde_json::from_str(&row.snapshot).unwrap_or(Value::Null)).to_string();
            }
            row
        });
        Ok(Listing {
            rows: rows.collect(),
            total: page.total,
            limit,
            offset,
        })
    }

    /// Counts by status within the actor's scope (workbench tiles).
    pub async fn counts(&self, actor: &Actor, kind: &str) -> Result<Vec<(String, i64)>, AppError> {
        parse_kind(kind)?;
        self.views_caught_up().await?;
        Ok(self.store().count_by_status(kind, &actor.unit_path).await?)
    }

    /// An element's row as the store keeps it, made from the world in memory (the store's row
    /// is the same view, written when its fact committed), if the actor may see it.
    async fn visible_row(
        &self,
        actor: &Actor,
        kind: &str,
        id: &str,
    ) -> Result<ElementRow, AppError> {
        let element = parse_kind(kind)?;
        let world = self.world().await;
        let view = world.view(element, id).ok_or(AppError::NotFound)?;
        let (row, _) = crate::rows::element_rows(view);
        let visible = if element == ElementKind::Person {
            crate::visible(&world, element, id, &actor.unit_path)
        } else {
            row.unit_path.starts_with(&actor.unit_path)
        };
        if visible {
            Ok(row)
        } else {
            Err(AppError::NotFound)
        }
    }

    /// One element, if the actor may see it. Reading a person is audited.
    pub async fn element(
        &self,
        actor: &Actor,
        kind: &str,
        id: &str,
    ) -> Result<ElementDetail, AppError> {
        let row = self.visible_row(actor, kind, id).await?;
        let mut snapshot: Value = serde_json::from_str(&row.snapshot)
            .map_err(|e| storage::StoreError::Corrupt(e.to_string()))?;
        if kind == "person" {
            self.audit(actor, "read", kind, id, "查看人员信息").await?;
            snapshot = mask(snapshot);
            // A person linked to cases of several units shows only what this actor may see.
            let world = self.world().await;
            for field in ["links", "legal_aid"] {
                if let Some(Value::Array(entries)) = snapshot.get_mut(field) {
                    entries.retain(|entry| case_in_scope(&world, entry, &actor.unit_path));
                }
            }
        }
        let links = self.scoped_links(actor, kind, id).await?;
        Ok(ElementDetail {
            row,
            snapshot,
            links,
        })
    }

    /// An element's links (both directions) to elements the actor may name.
    async fn scoped_links(
        &self,
        actor: &Actor,
        kind: &str,
        id: &str,
    ) -> Result<Vec<LinkRow>, AppError> {
        let key = (parse_kind(kind)?, id.to_string());
        let cache = &self.inner.reads.links;
        let mut links = match cache.get(&key) {
            Some(links) => links,
            None => {
                // The generation first: a commit after it makes this answer one not to keep.
                let generation = cache.generation();
                self.views_caught_up().await?;
                let links = self.store().links(kind, id).await?;
                cache.put(key, links.clone(), generation);
                links
            }
        };
        let world = self.world().await;
        links.retain(|link| {
            let (other_kind, other_id) = if link.kind == kind && link.id == id {
                (&link.other_kind, &link.other_id)
            } else {
                (&link.kind, &link.id)
            };
            ElementKind::from_code(other_kind)
                .is_some_and(|k| crate::may_name(&world, k, other_id, &actor.unit_path))
        });
        Ok(links)
    }

    /// One element as `render` makes it (the API's JSON), kept for readers of the same scope until
    /// the next commit: read again between writes, it costs a lookup. The snapshot is handed over
    /// as the JSON text the world made, not parsed and written again. A person is rendered anew
    /// each time, since every read of a person's record is audited (and masked).
    pub async fn element_rendered(
        &self,
        actor: &Actor,
        kind: &str,
        id: &str,
        render: impl FnOnce(ElementAnswer) -> Vec<u8>,
    ) -> Result<Arc<[u8]>, AppError> {
        let element = parse_kind(kind)?;
        if element == ElementKind::Person {
            let detail = self.element(actor, kind, id).await?;
            let snapshot = serde_json::value::to_raw_value(&detail.snapshot)
                .map_err(|e| storage::StoreError::Corrupt(e.to_string()))?;
            return Ok(render(ElementAnswer {
                row: detail.row,
                snapshot,
                links: detail.links,
            })
            .into());
        }
        let cache = &self.inner.reads.rendered;
        // Taken before the world is read: an answer read before a commit is never kept past it.
        let generation = cache.generation();
        let key = (element, id.to_string(), actor.unit_path.clone());
        if let Some(body) = cache.get(&key) {
            return Ok(body);
        }
        let mut row = self.visible_row(actor, kind, id).await?;
        let snapshot = RawValue::from_string(std::mem::take(&mut row.snapshot))
            .map_err(|e| storage::StoreError::Corrupt(e.to_string()))?;
        let links = self.scoped_links(actor, kind, id).await?;
        let body: Arc<[u8]> = render(ElementAnswer {
            row,
            snapshot,
            links,
        })
        .into();
        cache.put(key, body.clone(), generation);
        Ok(body)
    }

    /// Reveals a person's full ID number, for a stated reason (audited).
    pub async fn reveal_id_number(
        &self,
        actor: &Actor,
        person: &str,
        reason: &str,
    ) -> Result<Option<String>, AppError> {
        if reason.trim().chars().count() < 2 {
            return Err(domain::DomainError::invalid(
                "reason",
                "查看完整身份证号码须填写理由 (a reason is required)",
            )
            .into());
        }
        let row = self.visible_row(actor, "person", person).await?;
        self.audit(actor, "reveal", "person", person, reason.trim())
            .await?;
        let snapshot: Value = serde_json::from_str(&row.snapshot)
            .map_err(|e| storage::StoreError::Corrupt(e.to_string()))?;
        Ok(snapshot
            .get("id_number")
            .and_then(Value::as_str)
            .map(String::from))
    }

    /// The facts about an element, oldest first (ID numbers masked).
    pub async fn timeline(
        &self,
        actor: &Actor,
        kind: &str,
        id: &str,
    ) -> Result<Vec<TimelineEntry>, AppError> {
        self.visible_row(actor, kind, id).await?;
        let seqs = self
            .inner
            .timelines
            .read()
            .expect("not poisoned")
            .of(kind, id);
        let mut entries: Vec<TimelineEntry> = self
            .store()
            .facts_at(&seqs)
            .await?
            .into_iter()
            .map(timeline_entry)
            .collect();
        if kind == "person" {
            // A person's facts about another unit's case (linked there, legal aid there) stay
            // with that unit.
            let world = self.world().await;
            entries.retain(|entry| case_in_scope(&world, &entry.payload, &actor.unit_path));
        }
        Ok(entries)
    }

    /// The audit trail of an element (or all that the actor may see), newest first, at most
    /// [`AUDIT_ROWS`] rows. Supervisors, leaders, admins.
    pub async fn audit_trail(
        &self,
        actor: &Actor,
        element: Option<(&str, &str)>,
    ) -> Result<Vec<AuditRow>, AppError> {
        use domain::elements::Role;
        if !(actor.has(Role::Supervisor) || actor.has(Role::Leader) || actor.has(Role::Admin)) {
            return Err(AppError::Forbidden(
                "仅执法监督、领导和管理员可以查看审计记录",
            ));
        }
        if let Some((kind, id)) = element {
            self.visible_row(actor, kind, id).await?;
        }
        if element.is_some() {
            let rows = self
                .store()
                .audit_entries(element, None, AUDIT_ROWS)
                .await?;
            return Ok(rows.into_iter().map(|(_, row)| row).collect());
        }
        // The whole trail holds every unit's reads: page back through it, keeping the rows about
        // elements the actor may see, until a page's worth is kept or the trail ends. (Filtering
        // one page would show a county little or nothing while other counties read busily.)
        let mut kept = Vec::new();
        let mut before = None;
        loop {
            let page = self.store().audit_entries(None, before, AUDIT_ROWS).await?;
            let ended = (page.len() as i64) < AUDIT_ROWS;
            before = page.last().map(|(seq, _)| *seq);
            let world = self.world().await;
            kept.extend(page.into_iter().map(|(_, row)| row).filter(|row| {
                ElementKind::from_code(&row.element).is_some_and(|kind| {
                    crate::visible(&world, kind, &row.subject, &actor.unit_path)
                })
            }));
            if ended || kept.len() >= AUDIT_ROWS as usize {
                kept.truncate(AUDIT_ROWS as usize);
                return Ok(kept);
            }
        }
    }

    async fn audit(
        &self,
        actor: &Actor,
        action: &str,
        element: &str,
        subject: &str,
        reason: &str,
    ) -> Result<(), AppError> {
        let row = AuditRow {
            at_micros: jiff::Timestamp::now().as_microsecond(),
            actor: actor.officer.to_string(),
            action: action.into(),
            element: element.into(),
            subject: subject.into(),
            reason: reason.into(),
        };
        Ok(self
            .store()
            .commit(Batch {
                audit: vec![row],
                ..Batch::default()
            })
            .await?)
    }
}

/// Whether what a JSON object says about a case, if it names one, is for this scope.
fn case_in_scope(world: &domain::World, value: &Value, scope: &str) -> bool {
    value
        .get("case")
        .and_then(Value::as_str)
        .is_none_or(|case| crate::visible(world, ElementKind::Case, case, scope))
}

fn timeline_entry(row: FactRow) -> TimelineEntry {
    let payload: Value = serde_json::from_str(&row.payload).unwrap_or(Value::Null);
    let label = domain::FactKind::from_code(&row.kind)
        .map(|k| k.label())
        .unwrap_or("");
    let at = payload
        .get("at")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    TimelineEntry {
        seq: row.seq,
        label,
        kind: row.kind,
        at,
        recorded_at_micros: row.recorded_at_micros,
        actor: row.actor,
        payload: mask_payload(payload),
        hash: hex::encode(row.hash),
    }
}
