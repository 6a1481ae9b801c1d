//! 涉案财物: CW-01, CW-02, CW-04 to CW-14.

use domain::elements::{CaseKind, DisposalMethod, Property, PropertyFlag, PropertyMeasure};
use domain::legal_time::{Level, Limit, Moves};

use crate::Warning;
use crate::cx::Cx;
use crate::thresholds::P;

pub(crate) fn evaluate(cx: &mut Cx, item: &Property) {
    let subject = item.id.as_str();
    let case = cx.world.cases.get(&item.case);
    let p = cx.p(case.map(|c| &c.unit));
    // CW-02: kept by the officer who seized it.
    if item.storages.iter().any(|s| s.custodian == item.seized_by) {
        cx.prohibited("CW-02", subject, || {
            format!("保管人即扣押民警{}", item.seized_by)
        });
    }
    // CW-14: seized before the administrative case was accepted, or before the criminal case
    // was filed.
    if let Some(case) = case {
        let early = match case.kind {
            CaseKind::Administrative => item.seized_at < case.accepted_at,
            CaseKind::Criminal => case.filed_at.is_none_or(|filed| filed > item.seized_at),
        };
        if early {
            cx.prohibited("CW-14", subject, || {
                format!(
                    "{}于{}，案件{}尚未{}",
                    item.measure.label(),
                    item.seized_at.display_china(),
                    item.case,
                    match case.kind {
                        CaseKind::Administrative => "受案",
                        CaseKind::Criminal => "立案",
                    }
                )
            });
        }
    }
    if item.disposed.is_none()
        && let Some(case) = case
    {
        // CW-06: administrative seizure or sealing, 30 d (or the extended total).
        if case.kind == CaseKind::Administrative
            && matches!(
                item.measure,
                PropertyMeasure::Seizure | PropertyMeasure::Sealing
            )
        {
            let days = item.seizure_extended_days.unwrap_or(30);
            let due = cx.due(
                item.seized_at.instant(),
                Limit::Days(days),
                Moves::PastRestDays,
            );
            cx.deadline("CW-06", subject, due, false);
        }
        // CW-07: registered preservation decided within 7 d (natural or working days, as the
        // unit decided: T-04).
        if item.measure == PropertyMeasure::RegistrationPreservation {
            let limit = p.days(P::Cw07Counting, 7);
            let due = cx.due(item.seized_at.instant(), limit, Moves::PastRestDays);
            cx.deadline("CW-07", subject, due, false);
        }
        // CW-09: an administrative freeze, 30 d (or the extended total).
        if case.kind == CaseKind::Administrative && item.measure == PropertyMeasure::Freeze {
            let days = item.seizure_extended_days.unwrap_or(30);
            let due = cx.due(
                item.seized_at.instant(),
                Limit::Days(days),
                Moves::PastRestDays,
            );
            cx.deadline("CW-09", subject, due, false);
        }
        // CW-08: a freeze on a criminal case, 6 months.
        if case.kind == CaseKind::Criminal && item.measure == PropertyMeasure::Freeze {
            let due = cx.due(
                item.seized_at.instant(),
                Limit::Months(6),
                Moves::PastRestDays,
            );
            cx.deadline("CW-08", subject, due, false);
        }
        // CW-12 (P): the case ended 30 d (yellow) or 90 d (red) ago, the item not disposed.
        // An item whose owner is being called for is kept the six months the notice runs
        // (刑规 §233, 行规 §197): CW-13 watches it instead.
        let ended = [
            case.decision.as_ref().map(|d| d.at),
            case.dropped_at,
            case.closed_at,
        ]
        .into_iter()
        .flatten()
        .min();
        if let Some(ended) = ended
            && item.owner_sought_at.is_none()
        {
            let red = cx.due(ended.instant(), p.limit(P::Cw12Red), Moves::Never);
            let yellow = cx.due(ended.instant(), p.limit(P::Cw12Yellow), Moves::Never);
            let found = [
                cx.passed("CW-12", subject, &red, Level::Red),
                cx.passed("CW-12", subject, &yellow, Level::Yellow),
            ];
            cx.highest(found);
        }
    }
    // CW-10 (P): a loan back by its due (yellow), red 24 h after.
    if let Some(loan) = item.open_check_out() {
        let red_at = cx
            .due(loan.due.instant(), p.limit(P::Cw10Red), Moves::Never)
            .at;
        cx.wake(loan.due.instant());
        cx.wake(red_at);
        let level = if cx.now >= red_at {
            Some(Level::Red)
        } else if cx.now >= loan.due.instant() {
            Some(Level::Yellow)
        } else {
            None
        };
        if let Some(level) = level
            && !cx.explain
        {
            cx.found
                .push(crate::cx::unexplained("CW-10", subject, level));
        } else if let Some(level) = level {
            let rule = crate::rule("CW-10");
            cx.found.push(Warning {
                rule: rule.id,
                level: level.into(),
                subject: subject.to_string(),
                element: rule.element.as_str(),
                due: Some(loan.due.to_string()),
                basis: rule.basis,
                message: format!(
                    "【{}】CW-10：{}（起算事实：调用；应于{}归还，逾期即黄，逾期满红色预警时限转红），依据{}",
                    level.label_zh(),
                    rule.duty_zh,
                    loan.due.display_china(),
                    rule.basis
                ),
            });
        }
    }
    // CW-04 (P): a seizure or sealing listed (a seizure list on the case naming the item, or no
    // item, made since) within 24 h, red when passed; a registered preservation likewise with
    // its 证据保全决定书 (and list, 行规 §111, 强制法 §24).
    let needed = match item.measure {
        PropertyMeasure::Seizure | PropertyMeasure::Sealing => Some(crate::documents::SEIZURE_LIST),
        PropertyMeasure::RegistrationPreservation => Some(crate::documents::PRESERVATION_DECISION),
        PropertyMeasure::Freeze => None,
    };
    if let Some(needed) = needed {
        let listed = cx.documents(&item.case).any(|d| {
            d.kind == needed
                && d.subject.as_deref().is_none_or(|s| s == subject)
                && d.issued_at >= item.seized_at
        });
        if !listed {
            let due = cx.due(item.seized_at.instant(), p.limit(P::Cw04List), Moves::Never);
            let found = cx.passed("CW-04", subject, &due, Level::Red);
            cx.highest([found]);
        }
    }
    // CW-05: found unrelated, returned within 3 d.
    if let (Some(found_at), None) = (item.found_unrelated_at, &item.disposed) {
        let due = cx.due(found_at.instant(), Limit::Days(3), Moves::PastRestDays);
        cx.deadline("CW-05", subject, due, false);
    }
    // CW-13: the owner called for and no one claimed the item 6 months on: it is dealt with as
    // ownerless (刑规 §233, 行规 §197), so it must be disposed of by then.
    if let (Some(sought), None) = (item.owner_sought_at, &item.disposed) {
        let due = cx.due(sought.instant(), Limit::Months(6), Moves::PastRestDays);
        cx.deadline("CW-13", subject, due, false);
    }
    if let Some((at, flag)) = item.flagged {
        flagged(cx, item, at, flag);
    }
    // CW-01: seized, not stored within 24 h.
    if item.storages.is_empty() && item.disposed.is_none() {
        let due = cx.due(item.seized_at.instant(), Limit::Hours(24), Moves::Never);
        cx.deadline("CW-01", subject, due, false);
    }
}

/// CW-11 (刑规 §234, §236; 行规 §191–192): an item found to be the victim's lawful property is
/// returned in time (P `CW-11.return`; the law says "及时"), and not disposed of otherwise; a
/// perishable one sold, auctioned or returned in time (P `CW-11.perishable`); a hazardous one
/// kept in a dedicated store. Yellow, as the catalog's template has it.
fn flagged(cx: &mut Cx, item: &Property, at: domain::At, flag: PropertyFlag) {
    let subject = item.id.as_str();
    let p = cx.p(cx.world.cases.get(&item.case).map(|c| &c.unit));
    match (flag, item.disposed) {
        (PropertyFlag::VictimOwned, Some((when, method))) => {
            let returned = matches!(
                method,
                DisposalMethod::ReturnedToVictim
                    | DisposalMethod::ReturnedToOwner
                    | DisposalMethod::TransferredWithCase
            );
            if !returned {
                cx.finding("CW-11", subject, Level::Yellow, || {
                    format!(
                        "权属明确的被害人合法财产于{}{}，未发还",
                        when.display_china(),
                        method.label()
                    )
                });
            }
        }
        (PropertyFlag::VictimOwned | PropertyFlag::Perishable, None) => {
            let limit = p.limit(if flag == PropertyFlag::VictimOwned {
                P::Cw11Return
            } else {
                P::Cw11Perishable
            });
            let due = cx.due(at.instant(), limit, Moves::PastRestDays);
            let found = cx.passed("CW-11", subject, &due, Level::Yellow);
            cx.highest([found]);
        }
        (PropertyFlag::Hazardous, None) => {
            if let Some(store) = item.storages.last().filter(|s| !s.hazmat_store) {
                cx.finding("CW-11", subject, Level::Yellow, || {
                    format!("危险品存放于{}，非危险品专用仓库", store.location)
                });
            }
        }
        (PropertyFlag::Perishable | PropertyFlag::Hazardous, Some(_)) => {}
    }
}
