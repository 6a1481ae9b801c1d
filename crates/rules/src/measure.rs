//! 强制措施: XS-04, RQ-01 to RQ-10, RQ-11 to RQ-14, RQ-16, RQ-17, CS-01, JZ-04, TS-13.

use domain::World;
use domain::elements::{
    CaseKind, DecisionKind, Facility, Measure, MeasureKind, PersonFlag, ProcuratorateNoticeKind,
    RecalculationReason,
};
use domain::legal_time::{self, Due, Level, Limit, Moves, due, restricted_days};

use crate::cx::Cx;
use crate::thresholds::P;

pub(crate) fn evaluate(cx: &mut Cx, m: &Measure) {
    let subject = m.id.as_str();
    // XS-04: a coercive measure on a criminal case before it was filed (a finding about the
    // past: it stays open after the measure ends, until the loop closes it).
    if matches!(
        m.kind,
        MeasureKind::CompelledAppearance
            | MeasureKind::CriminalDetention
            | MeasureKind::Arrest
            | MeasureKind::Bail
            | MeasureKind::ResidentialSurveillance
    ) && let Some(case) = cx.world.cases.get(&m.case)
        && case.kind == CaseKind::Criminal
        && case.filed_at.is_none_or(|filed| filed > m.started_at)
    {
        cx.prohibited("XS-04", subject, || {
            format!(
                "{}于{}采取，案件{}尚未立案",
                m.kind.label(),
                m.started_at.display_china(),
                m.case
            )
        });
    }
    // CS-01 (P): brought in under a summons or questioning, registered in the case-handling area
    // (a stay naming the measure, or not left before the arrival) within 30 min of arrival,
    // yellow when passed; not if the measure ended before that.
    if matches!(
        m.kind,
        MeasureKind::SummonsCriminal
            | MeasureKind::CompelledAppearance
            | MeasureKind::AdminQuestioning
            | MeasureKind::ContinuedQuestioning
    ) {
        let arrived = m.arrived_at;
        let registered = cx.stays_of_person(&m.person).any(|s| {
            s.basis.as_ref() == Some(&m.id) || s.exited.as_ref().is_none_or(|(at, _)| *at > arrived)
        });
        if !registered {
            let p = cx.p(cx.world.cases.get(&m.case).map(|c| &c.unit));
            let due = cx.due(arrived.instant(), p.limit(P::Cs01Entry), Moves::Never);
            if m.ended
                .as_ref()
                .is_none_or(|(at, _)| at.instant() >= due.at)
            {
                let found = cx.passed("CS-01", subject, &due, Level::Yellow);
                cx.highest([found]);
            }
        }
    }
    // RQ-08: an arrest delivered to the detention house at once (24 h, P; already there under an
    // earlier criminal detention on the case), while it lasts; the execution receipt returned to
    // the procuratorate within 3 d.
    if m.kind == MeasureKind::Arrest {
        let started = m.started_at.instant();
        let p = cx.p(cx.world.cases.get(&m.case).map(|c| &c.unit));
        let in_house = |d: &Measure| {
            d.delivered
                .as_ref()
                .is_some_and(|(_, f)| *f == Facility::DetentionHouse)
        };
        let delivered = in_house(m)
            || cx.measures_of_person(&m.person).any(|d| {
                d.case == m.case
                    && d.kind == MeasureKind::CriminalDetention
                    && d.started_at <= m.started_at
                    && in_house(d)
            });
        let mut found = [None, None];
        if m.ended.is_none() && !delivered {
            let due = cx.due(started, p.limit(P::Rq08Delivery), Moves::Never);
            found[0] = cx.banded("RQ-08", subject, &due, false);
        }
        let receipt = cx.documents(&m.case).any(|d| {
            d.kind == crate::documents::ARREST_EXECUTION_RECEIPT
                && d.subject.as_deref() == Some(subject)
        });
        if !receipt {
            let due = cx.due(started, Limit::Days(3), Moves::PastRestDays);
            found[1] = cx.banded("RQ-08", subject, &due, false);
        }
        cx.highest(found);
    }
    change_requested(cx, m);
    foreign_national(cx, m);
    if m.kind == MeasureKind::Restraint {
        restraint(cx, m);
    }
    if m.kind == MeasureKind::CompulsoryRehab {
        rehab_served(cx, m);
    }
    if m.kind == MeasureKind::Arrest && !m.recalculations().is_empty() {
        recalculated(cx, m);
    }
    if m.ended.is_some() {
        return;
    }
    // RQ-11: still in force after its case was dropped, closed or its investigation terminated
    // (a detention or arrest on a dropped case is XS-09's). Drug rehabilitation is the case's
    // outcome: it runs its years after the case is closed.
    let rehab = matches!(
        m.kind,
        MeasureKind::CompulsoryRehab | MeasureKind::CommunityRehab
    );
    if let (Some(case), false) = (cx.world.cases.get(&m.case), rehab) {
        let xs09 =
            m.kind.is_criminal_custody() && case.dropped_at.is_some_and(|at| m.started_at <= at);
        let ended = [
            case.dropped_at.map(|at| (at, "撤销")),
            case.closed_at.map(|at| (at, "结案")),
            case.decision
                .as_ref()
                .filter(|d| d.decision == DecisionKind::Terminated)
                .map(|d| (d.at, "终止调查")),
        ]
        .into_iter()
        .flatten()
        .min_by_key(|(at, _)| *at);
        if let (Some((at, how)), false) = (ended, xs09) {
            cx.prohibited("RQ-11", subject, || {
                format!(
                    "案件{}已于{}{}，{}未解除或变更",
                    m.case,
                    at.display_china(),
                    how,
                    m.kind.label()
                )
            });
        }
    }
    let started = m.started_at.instant();
    // Liberty limits never move (T-01, T-03); bail and surveillance do.
    let liberty = |cx: &Cx, limit| cx.due(started, limit, Moves::Never);
    if m.kind.is_criminal_custody() {
        // JZ-04: the detention or arrest notice made within 24 h, red when passed.
        let kind = if m.kind == MeasureKind::Arrest {
            crate::documents::ARREST_NOTICE
        } else {
            crate::documents::DETENTION_NOTICE
        };
        let issued = cx
            .documents(&m.case)
            .any(|d| d.kind == kind && d.subject.as_deref() == Some(subject));
        if !issued {
            let due = liberty(cx, Limit::Hours(24));
            let found = cx.passed("JZ-04", subject, &due, Level::Red);
            cx.highest([found]);
        }
    }
    match m.kind {
        MeasureKind::ContinuedQuestioning
        | MeasureKind::SummonsCriminal
        | MeasureKind::CompelledAppearance
        | MeasureKind::AdminQuestioning => {
            let (rule, due) = questioning_due(cx.world, m).expect("a questioning measure");
            cx.deadline(rule, subject, due, false);
        }
        MeasureKind::CriminalDetention => {
            if m.delivered.is_none() {
                cx.deadline("RQ-04", subject, liberty(cx, Limit::Hours(24)), false);
            }
            if m.family.is_none() {
                cx.deadline("RQ-05", subject, liberty(cx, Limit::Hours(24)), false);
            }
            if !interrogated_after(cx, m) {
                cx.deadline("RQ-06", subject, liberty(cx, Limit::Hours(24)), false);
            }
            if m.arrest_requested_at.is_none() {
                let days = m.extended_days.unwrap_or(3);
                cx.deadline("RQ-07", subject, liberty(cx, Limit::Days(days)), false);
            }
        }
        MeasureKind::Arrest => {
            if !interrogated_after(cx, m) {
                cx.deadline("RQ-06", subject, liberty(cx, Limit::Hours(24)), false);
            }
            if m.family.is_none() {
                cx.deadline("RQ-05", subject, liberty(cx, Limit::Hours(24)), false);
            }
            // The extended total is given in days; without one, two months (T-02). A
            // recalculation (RQ-10) starts the period again from the day it names, and while
            // the identity is unknown it has not begun.
            let limit = m.extended_days.map_or(Limit::Months(2), Limit::Days);
            if let Some(from) = m.custody_from() {
                let due = cx.due(from.instant(), limit, Moves::Never);
                cx.deadline("RQ-09", subject, due, true);
            }
        }
        MeasureKind::Bail => {
            let due = cx.due(started, Limit::Months(12), Moves::PastRestDays);
            cx.deadline("RQ-13", subject, due, false);
        }
        MeasureKind::ResidentialSurveillance => {
            let due = cx.due(started, Limit::Months(6), Moves::PastRestDays);
            cx.deadline("RQ-14", subject, due, false);
        }
        // RQ-17's family notice is part of `restraint`.
        MeasureKind::Restraint => {}
        // RQ-16: compulsory rehabilitation lasts 2 years, or the extended total (禁毒法 §47),
        // never moved (a limit on liberty); community rehabilitation 3 years (§33).
        MeasureKind::CompulsoryRehab => {
            let limit = m.extended_days.map_or(Limit::Years(2), Limit::Days);
            cx.deadline("RQ-16", subject, liberty(cx, limit), false);
        }
        MeasureKind::CommunityRehab => {
            let due = cx.due(started, Limit::Years(3), Moves::PastRestDays);
            cx.deadline("RQ-16", subject, due, false);
        }
        MeasureKind::AdminDetention => {
            // One RQ-11 per measure: a case already ended says more than the days served. (A
            // batch screening's context holds other elements' warnings too.)
            let ended_case = cx
                .found
                .iter()
                .any(|w| w.rule == "RQ-11" && w.subject == subject);
            if let (Some(due), false) = (detention_due(cx, m), ended_case) {
                cx.deadline("RQ-11", subject, due, false);
            }
        }
    }
}

/// RQ-10: another major crime found in investigation is reported for approval within 5 日 of
/// its discovery (刑规 §151), a finding about the past once late: yellow, also after the arrest
/// ended; and while the arrest lasts, after each recalculation the detention house gets the
/// notice of the changed period (变更羁押期限通知书, P `RQ-10.notice`), yellow when passed as
/// the catalog's template has it. Both concern a period of custody, so neither moves past
/// rest days.
fn recalculated(cx: &mut Cx, m: &Measure) {
    let subject = m.id.as_str();
    let mut found = Vec::new();
    for r in m.recalculations() {
        if let (RecalculationReason::NewCrime, Some(from)) = (r.reason, r.from) {
            let due = cx.due(from.instant(), Limit::Days(5), Moves::Never);
            if r.at.instant() >= due.at {
                found.push(Some(cx.found_at("RQ-10", subject, Level::Yellow, || {
                    format!(
                        "{}发现另有重要罪行，{}才批准重新计算侦查羁押期限，超过5日",
                        from.display_china(),
                        r.at.display_china()
                    )
                })));
            }
        }
    }
    let last = m.recalculations().last().expect("recalculated");
    let notified = cx.issued_naming(
        &m.case,
        crate::documents::CUSTODY_CHANGE_NOTICE,
        subject,
        last.at,
    );
    if !notified && m.ended.is_none() {
        let p = cx.p(cx.world.cases.get(&m.case).map(|c| &c.unit));
        let due = cx.due(last.at.instant(), p.limit(P::Rq10Notice), Moves::Never);
        found.push(cx.passed("RQ-10", subject, &due, Level::Yellow));
    }
    cx.highest(found);
}

/// RQ-17: a restraint (约束) taken on the spot is reported and approved afterwards within 24 h
/// (强制法 §19), whether or not it has ended since; while it lasts, the family is told at once
/// (强制法 §20: P `RQ-17.family`). Both limits restrict liberty, so they never move.
fn restraint(cx: &mut Cx, m: &Measure) {
    let started = m.started_at.instant();
    let mut found = [None, None];
    if m.approved_at.is_none() {
        let due = cx.due(started, Limit::Hours(24), Moves::Never);
        found[0] = cx.banded("RQ-17", m.id.as_str(), &due, false);
    }
    if m.family.is_none() && m.ended.is_none() {
        let p = cx.p(cx.world.cases.get(&m.case).map(|c| &c.unit));
        let due = cx.due(started, p.limit(P::Rq17Family), Moves::Never);
        found[1] = cx.banded("RQ-17", m.id.as_str(), &due, false);
    }
    cx.highest(found);
}

/// RQ-16: a compulsory rehabilitation decision is served before it is executed, and the family
/// told within 24 h of the service (禁毒法 §40), red when passed as the catalog's template has
/// it. Executed (delivered to the center) before any service: red at once, and the family's
/// clock runs from the execution.
fn rehab_served(cx: &mut Cx, m: &Measure) {
    let served = cx
        .documents(&m.case)
        .filter(|d| {
            d.kind == crate::documents::REHAB_DECISION
                && d.subject.as_deref() == Some(m.id.as_str())
        })
        .flat_map(|d| d.served.iter().filter(|s| s.to == m.person).map(|s| s.at))
        .min();
    let executed = m.delivered.as_ref().map(|(at, _)| *at);
    let mut found = [None, None];
    if let Some(executed) = executed
        && served.is_none_or(|s| s > executed)
    {
        found[0] = Some(cx.found_at("RQ-16", m.id.as_str(), Level::Red, || {
            format!(
                "强制隔离戒毒于{}送所执行，执行前未见送达决定书",
                executed.display_china()
            )
        }));
    }
    let anchor = [served, executed].into_iter().flatten().min();
    if let (Some(anchor), None) = (anchor, &m.family) {
        let due = cx.due(anchor.instant(), Limit::Hours(24), Moves::Never);
        found[1] = cx.passed("RQ-16", m.id.as_str(), &due, Level::Red);
    }
    cx.highest(found);
}

/// TS-13: a foreign national detained or arrested on a criminal case is reported to the
/// provincial public security organ, and the foreign-affairs office told, within 48 h of the
/// measure (刑规 §367): a `foreign_national_report` naming the measure, issued at or after it.
/// Owed whether or not the person was released since.
fn foreign_national(cx: &mut Cx, m: &Measure) {
    if !m.kind.is_criminal_custody()
        || !cx
            .world
            .persons
            .get(&m.person)
            .is_some_and(|p| p.is_foreign())
    {
        return;
    }
    let reported = cx.issued_naming(
        &m.case,
        crate::documents::FOREIGN_NATIONAL_REPORT,
        m.id.as_str(),
        m.started_at,
    );
    if !reported {
        let due = cx.due(m.started_at.instant(), Limit::Hours(48), Moves::Never);
        cx.deadline("TS-13", m.id.as_str(), due, false);
    }
}

/// RQ-12: a request to change the measure is decided within 3 d (CPL §97): the measure ended
/// (changed or lifted) or a reply naming it (`change_request_reply`, 不同意变更强制措施的答复)
/// issued at or after the request; and a procuratorate's recommendation to release or change a
/// detention or arrest (CPL §95) is answered within 10 d with what was done
/// (`custody_review_reply` naming the measure), whatever was done. While the person is held the
/// days are not moved past rest days (CPL §105).
fn change_requested(cx: &mut Cx, m: &Measure) {
    let custodial = m.kind.is_criminal_custody();
    let moves = if custodial && m.ended.is_none() {
        Moves::Never
    } else {
        Moves::PastRestDays
    };
    let replied = |cx: &Cx, kind: &str, from: domain::At| {
        cx.issued_naming(&m.case, kind, m.id.as_str(), from)
    };
    let requested = match m.ended {
        Some(_) => None,
        None => m
            .change_requests
            .iter()
            .copied()
            .find(|r| !replied(cx, crate::documents::CHANGE_REQUEST_REPLY, *r)),
    };
    let recommended = match custodial {
        false => None,
        true => cx.world.cases.get(&m.case).and_then(|case| {
            case.extras()
                .procuratorate_notices
                .iter()
                .filter(|n| {
                    n.notice == ProcuratorateNoticeKind::ReleaseRecommended
                        && n.measure.as_ref() == Some(&m.id)
                })
                .map(|n| n.at)
                .find(|at| !replied(cx, crate::documents::CUSTODY_REVIEW_REPLY, *at))
        }),
    };
    let subject = m.id.as_str();
    let found: Vec<_> = [(requested, 3), (recommended, 10)]
        .into_iter()
        .filter_map(|(at, days)| Some((at?, days)))
        .map(|(at, days)| {
            let due = cx.due(at.instant(), Limit::Days(days), moves);
            cx.banded("RQ-12", subject, &due, false)
        })
        .collect();
    cx.highest(found);
}

/// RQ-11 for an administrative detention (T-07): released when its days are served. The days
/// are the detention penalties the case's decision gives the person; they run from admission to
/// the detention center (or the measure's start, if not delivered), offset one for one by the
/// person's earlier criminal detention or arrest on the same case (治安法12 §92: 询问查证,
/// 继续盘问 and 约束 do not offset). `None` while no decision gives the days.
fn detention_due(cx: &Cx, m: &Measure) -> Option<Due> {
    let case = cx.world.cases.get(&m.case)?;
    let days = case.detention_days(&m.person);
    if days == 0 {
        return None;
    }
    let offset: u32 = cx
        .measures_of_person(&m.person)
        .filter(|other| {
            other.case == m.case
                && other.kind.is_criminal_custody()
                && other.started_at < m.started_at
        })
        .filter_map(|other| {
            let (ended, _) = other.ended.as_ref()?;
            Some(restricted_days(other.started_at.instant(), ended.instant()))
        })
        .sum();
    let admitted = m.delivered.as_ref().map_or(m.started_at, |(at, _)| *at);
    Some(legal_time::detention_due(admitted.instant(), days, offset))
}

/// The limit of a questioning measure from its arrival: RQ-01 (12 h, or the extended total),
/// RQ-02 (8 h, or the extended total), RQ-03; `None` for other kinds.
pub(crate) fn questioning_due(world: &World, m: &Measure) -> Option<(&'static str, Due)> {
    let (rule, limit) = match m.kind {
        MeasureKind::SummonsCriminal | MeasureKind::CompelledAppearance => {
            ("RQ-01", Limit::Hours(m.extended_hours.unwrap_or(12)))
        }
        MeasureKind::AdminQuestioning => ("RQ-02", Limit::Hours(m.extended_hours.unwrap_or(8))),
        MeasureKind::ContinuedQuestioning => ("RQ-03", continued_questioning_limit(world, m)),
        _ => return None,
    };
    Some((
        rule,
        due(m.arrived_at.instant(), limit, Moves::Never, &world.calendar),
    ))
}

/// RQ-03: 12 h, or the extended total (24 h, 48 h); 4 h, never extended, for a person under
/// 16, 70 or over, pregnant or nursing.
fn continued_questioning_limit(world: &World, m: &Measure) -> Limit {
    let special = world.persons.get(&m.person).is_some_and(|p| {
        p.age_on(m.started_at.china_date())
            .is_some_and(|a| !(16..70).contains(&a))
            || p.flags
                .iter()
                .any(|f| matches!(f, PersonFlag::Pregnant | PersonFlag::NursingInfant))
    });
    if special {
        Limit::Hours(4)
    } else {
        Limit::Hours(m.extended_hours.unwrap_or(12))
    }
}

/// Whether the person under a measure was interrogated after it began.
fn interrogated_after(cx: &Cx, m: &Measure) -> bool {
    cx.interrogations_of_person(&m.person)
        .any(|i| i.started_at >= m.started_at)
}
