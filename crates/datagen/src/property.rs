//! 物 seized property: seized → stored → (checked out → checked in) → disposed.

use crate::cases::CaseCtx;
use crate::clock::{DAY, MINUTE};
use crate::generator::{Gen, IdKind};
use crate::names::{self, DocKind, Owner, PropKind};

/// Share of items stored later than 24 h after seizure (CW-01).
const LATE_STORAGE: f64 = 0.04;
/// Share of items never handed to the store (still at the station; CW-01).
const NEVER_STORED: f64 = 0.01;
/// Share of items whose custodian is the seizing officer (CW-02).
const SELF_CUSTODY: f64 = 0.02;
/// Share of checked-out items returned after their due time (CW-10).
const LATE_CHECK_IN: f64 = 0.06;
/// Share of checked-out items still out (CW-10).
const NEVER_CHECKED_IN: f64 = 0.02;
/// Share of seizure batches (扣押/查封) with no seizure list (CW-04).
pub(crate) const NO_SEIZURE_LIST: f64 = 0.02;
/// Share of registered preservations made without their 证据保全决定书 (CW-04), drawn by key.
pub(crate) const NO_PRESERVATION_DECISION: f64 = 0.02;
/// Share of registered-preservation items left undecided past 7 days (CW-07).
pub(crate) const PRESERVATION_UNDECIDED: f64 = 0.03;
/// Share of the victims' items returned three weeks or more after they were found to be the
/// victims' (CW-11; on time, within ten days), drawn by key.
pub(crate) const VICTIM_RETURN_LATE: f64 = 0.05;
/// Share of items whose owner was called for and not dealt with until two months after the six
/// months of the notice (CW-13), drawn by key.
pub(crate) const UNCLAIMED_LATE: f64 = 0.1;

/// A seized item and what is known about it when the case is resolved.
pub(crate) struct Item {
    pub id: String,
    pub owner: Owner,
    pub measure: &'static str,
    pub seized: i64,
    /// Earliest time it can be disposed of (stored and back in the store), or `None` when it
    /// never can within this history.
    pub ready: Option<i64>,
    pub disposed: bool,
}

impl Gen {
    /// Seizes a batch of 1–`max` items for case `c` at `at`, with a seizure list.
    pub(crate) fn seize_batch(
        &mut self,
        c: &CaseCtx,
        at: i64,
        max: i64,
        seizer: usize,
    ) -> Vec<Item> {
        let kinds = c.category().props;
        if kinds.is_empty() {
            return Vec::new();
        }
        let n = self.r(1, max + 1);
        let mut items = Vec::new();
        let mut money = false;
        for _ in 0..n {
            let kind = kinds[self.idx(kinds.len())];
            // Cash and account balances are one item each, whatever the amount.
            let is_money = matches!(kind.category, "cash" | "deposit");
            if is_money && money {
                continue;
            }
            money |= is_money;
            items.push(self.seize(c, at, kind, seizer));
        }
        // One list for the batch, made on the spot (CW-04), naming no single item.
        let listed = items
            .iter()
            .any(|i| matches!(i.measure, "seizure" | "sealing"));
        if listed && !self.p(NO_SEIZURE_LIST) {
            let list_at = at + self.mins(5, 30);
            self.issue_doc(list_at, c, DocKind::SeizureList, None);
        }
        // A registered preservation's 证据保全决定书 with its list, made on the spot (CW-04,
        // JZ-09), but for a few; drawn by key.
        if let Some(first) = items
            .iter()
            .find(|i| i.measure == "registration_preservation")
        {
            let key = format!("{}/preservation_decision", first.id);
            if !self.p_keyed(&key, NO_PRESERVATION_DECISION) {
                let doc_at = at + 5 * MINUTE + self.span_keyed(&key, 25.0, MINUTE);
                let contents = [
                    "identity", "reasons", "basis", "period", "list", "remedies", "seal",
                ];
                self.issue_doc_listing(
                    doc_at,
                    c,
                    DocKind::PreservationDecision,
                    None,
                    Some(&contents),
                );
            }
        }
        items
    }

    fn seize(&mut self, c: &CaseCtx, at: i64, kind: &PropKind, seizer: usize) -> Item {
        let id = self.new_id(IdKind::Property);
        let template = self.pick(kind.descriptions);
        let (value, description) = if template.contains("{amt}") {
            let v = self.r(kind.value_yuan.0 / 100, kind.value_yuan.1 / 100 + 1) * 100;
            (v, template.replace("{amt}", &v.to_string()))
        } else {
            (
                self.r(kind.value_yuan.0, kind.value_yuan.1 + 1) / 10 * 10,
                self.fill(template),
            )
        };
        self.sink
            .fact(at, "property.seized")
            .s("id", &id)
            .s("case", &c.id)
            .s("measure", kind.measure)
            .s("category", kind.category)
            .s("description", &description)
            .n("quantity", 1)
            .n("value_yuan", value)
            .s("seized_by", &self.org.officers[seizer].id)
            .done();
        let mut item = Item {
            id,
            owner: kind.owner,
            measure: kind.measure,
            seized: at,
            ready: None,
            disposed: false,
        };
        if self.p(NEVER_STORED) {
            return item;
        }
        let stored = at
            + if self.p(LATE_STORAGE) {
                self.hrs(25, 72)
            } else {
                self.mins(30, 20 * 60)
            };
        let custodian = if self.p(SELF_CUSTODY) {
            seizer
        } else {
            self.county_custodian(c.county)
        };
        let short = self.org.counties[c.county].short;
        let location = if kind.measure == "freeze" {
            format!("{short}涉案财物管理中心（冻结登记）")
        } else {
            let zone = ["A", "B", "C", "D"][self.idx(4)];
            format!("{short}涉案财物管理中心{zone}区-{:02}", self.r(1, 61))
        };
        self.sink
            .fact(stored, "property.stored")
            .s("id", &item.id)
            .s("location", &location)
            .s("custodian", &self.org.officers[custodian].id)
            .done();
        let mut ready = stored + MINUTE;
        let preserved = kind.measure == "registration_preservation";
        if kind.measure != "freeze" && !preserved && self.p(0.1) {
            let out = stored + self.days(1, 12);
            let due = out + self.days(1, 7);
            let approver = self.county_leader(c.county);
            let purpose = self.pick(names::CHECKOUT_PURPOSES);
            self.sink
                .fact(out, "property.checked_out")
                .s("id", &item.id)
                .s("purpose", purpose)
                .t("due", due)
                .s("approved_by", &self.org.officers[approver].id)
                .done();
            let u = self.r(0, 1000) as f64 / 1000.0;
            if u < NEVER_CHECKED_IN {
                item.ready = None;
                return item;
            }
            let back = if u < NEVER_CHECKED_IN + LATE_CHECK_IN {
                due + self.hrs(2, 72)
            } else {
                out + self.r(2 * 60, (due - out) / 60 - 60) * 60
            };
            self.sink
                .fact(back, "property.checked_in")
                .s("id", &item.id)
                .done();
            ready = back + MINUTE;
        }
        item.ready = Some(ready);
        // 先行登记保存 is decided within 7 days (CW-07): the evidence copied and the item
        // returned, mostly.
        // Left undecided, the preservation is forgotten: never disposed of in this history.
        if preserved {
            if self.p(PRESERVATION_UNDECIDED) {
                item.ready = None;
            } else {
                let back = (at + self.days(1, 5)).max(ready);
                self.dispose(c, &mut item, back, "returned_to_owner", true);
            }
            return item;
        }
        // Occasionally an item turns out unrelated to the case and must go back within 3 days (CW-05).
        if self.p(0.01) {
            let found = ready + self.days(1, 10);
            self.sink
                .fact(found, "property.found_unrelated")
                .s("id", &item.id)
                .done();
            let back = found
                + if self.p(0.15) {
                    self.days(4, 8)
                } else {
                    self.hrs(4, 60)
                };
            self.dispose(c, &mut item, back, "returned_to_owner", true);
        }
        item
    }

    /// Disposes of an item at `at` (or when it is back in the store). For administrative
    /// seizures held past 30 days, a lawful disposal comes with an extension (CW-06).
    pub(crate) fn dispose(
        &mut self,
        c: &CaseCtx,
        item: &mut Item,
        at: i64,
        method: &str,
        lawful: bool,
    ) {
        let Some(ready) = item.ready else { return };
        if item.disposed {
            return;
        }
        let mut at = at.max(ready);
        let mut method = method;
        // A victim's item on a criminal case with no victim known has no one to go back to:
        // its owner is called for by a public notice (招领公告) when it would have been
        // returned, and six months on it is sold at auction as ownerless, a few two months
        // late (CW-13). Drawn by key.
        if method == "returned_to_victim" && c.criminal && c.victimless.get() {
            let key = format!("{}/owner_sought", item.id);
            self.sink
                .fact(at, "property.owner_sought")
                .s("id", &item.id)
                .done();
            let (lo, hi) = if self.p_keyed(&format!("{key}/late"), UNCLAIMED_LATE) {
                (245, 290)
            } else {
                (186, 200)
            };
            at = self.office_keyed(&key, at, lo, hi);
            method = "auctioned";
        }
        // A victim's item is found to be theirs before it is returned (CW-11): within ten
        // days of the return, three to six weeks before it for a few. Drawn by key.
        if method == "returned_to_victim" {
            let key = format!("{}/victim_owned", item.id);
            let days = if self.p_keyed(&format!("{key}/late"), VICTIM_RETURN_LATE) {
                21.0 + self.u_keyed(&key) * 21.0
            } else {
                1.0 + self.u_keyed(&key) * 9.0
            };
            let flagged = (at - (days * DAY as f64) as i64).max(ready);
            self.sink
                .fact(flagged, "property.flagged")
                .s("id", &item.id)
                .s("flag", "victim_owned")
                .done();
        }
        if !c.criminal
            && lawful
            && matches!(item.measure, "seizure" | "sealing" | "freeze")
            && at - item.seized > 30 * DAY
            && at - item.seized <= 60 * DAY
        {
            let ext = (item.seized + self.days(25, 29)).max(ready);
            self.sink
                .fact(ext, "property.seizure_extended")
                .s("id", &item.id)
                .n("days", 60)
                .s(
                    "approved_by_unit",
                    &self.org.units[self.org.counties[c.county].unit].id,
                )
                .done();
        }
        self.sink
            .fact(at.max(ready), "property.disposed")
            .s("id", &item.id)
            .s("method", method)
            .done();
        item.disposed = true;
    }

    /// The usual disposal of an item when its case ends (`sent`: transferred for prosecution).
    pub(crate) fn disposal_method(&mut self, c: &CaseCtx, item: &Item, sent: bool) -> &'static str {
        match (item.owner, c.criminal, sent) {
            (Owner::Victim, _, _) => "returned_to_victim",
            (Owner::Suspect, true, true) | (Owner::Frozen, true, true) => "transferred_with_case",
            (Owner::Contraband, true, true) => {
                if self.p(0.7) {
                    "transferred_with_case"
                } else {
                    "destroyed"
                }
            }
            (Owner::Suspect, _, _) => "returned_to_owner",
            (Owner::Frozen, _, _) => "released",
            (Owner::Contraband, _, _) => {
                if self.p(0.6) {
                    "confiscated"
                } else {
                    "destroyed"
                }
            }
        }
    }
}
