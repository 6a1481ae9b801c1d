//! 案件: XZ-02, XZ-03, XZ-04 (TS-10), XZ-05, XZ-06, XZ-08, XZ-14, XZ-15, XS-01 (XS-02), XS-03, XS-05,
//! XS-07, XS-08, XS-09, XS-10, XZ-07, XZ-09, XZ-10, XZ-11, XZ-12, TS-08, XZ-13, TS-11, XS-06, XS-15, XS-11, XS-12, XS-14, RQ-15, JZ-01, JZ-02, JZ-03, JZ-07.

use domain::elements::{
    ActKind, BodyCheckKind, Case, CaseKind, DecisionKind, DisposalResult, Facility, Gender,
    InjuryGrade, MeasureKind, PenaltyKind, PersonRole, ProcuratorateNoticeKind, UnitLevel,
};
use domain::ids::PersonId;
use domain::legal_time::{Level, Limit, Moves};

use crate::cx::Cx;
use crate::documents;
use crate::thresholds::P;

pub(crate) fn evaluate(cx: &mut Cx, case: &Case) {
    let id = &case.id;
    let subject = id.as_str();
    let p = cx.p(Some(&case.unit));
    if let Some(decision) = &case.decision {
        // XZ-06: every penalised person told beforehand.
        let untold: Vec<&str> = decision
            .penalties
            .iter()
            .filter(|p| {
                !case
                    .prior_notices
                    .iter()
                    .any(|n| n.person == p.person && n.at < decision.at)
            })
            .map(|p| p.person.as_str())
            .collect();
        if !untold.is_empty() {
            cx.prohibited("XZ-06", subject, || {
                format!("对{}作出处罚前未见告知记录", untold.join("、"))
            });
        }
        if case.kind == CaseKind::Administrative && decision.decision == DecisionKind::Penalty {
            hearing_right(cx, case, decision);
        }
        // XZ-08: detention reviewed beforehand, and not decided by a station.
        if decision
            .penalties
            .iter()
            .any(|p| p.kind == PenaltyKind::Detention)
        {
            let reviewed = case.reviews.iter().any(|r| r.passed && r.at < decision.at);
            let by_station = cx
                .world
                .units
                .get(&decision.decided_by_unit)
                .is_some_and(|u| u.level == UnitLevel::Station);
            if !reviewed || by_station {
                cx.prohibited("XZ-08", subject, || {
                    format!(
                        "行政拘留决定{}{}",
                        if reviewed {
                            ""
                        } else {
                            "未经法制审核通过"
                        },
                        if by_station {
                            "，由派出所作出"
                        } else {
                            ""
                        }
                    )
                });
            }
        }
        // XZ-05: an incident disposed on the spot (当场处罚) names this case, whose decision goes
        // beyond a warning or a fine of 200 元 on a person.
        let on_spot: Vec<&str> = cx
            .incidents_of_case(id)
            .filter(|i| i.result == Some(DisposalResult::OnSpotPenalty))
            .map(|i| i.id.as_str())
            .collect();
        if !on_spot.is_empty() {
            let beyond: Vec<String> =
                decision
                    .penalties
                    .iter()
                    .filter_map(|p| match p.kind {
                        PenaltyKind::Detention | PenaltyKind::LicenseRevoked => {
                            Some(format!("{}{}", p.person, p.kind.label()))
                        }
                        PenaltyKind::Fine if p.amount_yuan.is_some_and(|a| a > 200.0) => Some(
                            format!("{}罚款{}元", p.person, p.amount_yuan.unwrap_or_default()),
                        ),
                        _ => None,
                    })
                    .collect();
            if !beyond.is_empty() {
                cx.prohibited(
                    "XZ-05",
                    subject,
                    || format!(
                        "警情{}按当场处罚处置，而处罚决定为{}，超出当场处罚范围（警告或二百元以下罚款）",
                        on_spot.join("、"),
                        beyond.join("、")
                    ),
                );
            }
        }
        // RQ-15: each person's detention executed (delivered to a detention center, family
        // told) within 24 h (P), yellow when passed, unless TS-09 exempts them; the detentions of
        // one person in the decision together at most 20 d, red at once.
        let mut detained: Vec<(&PersonId, u32)> = Vec::new();
        for penalty in decision
            .penalties
            .iter()
            .filter(|p| p.kind == PenaltyKind::Detention)
        {
            match detained.iter_mut().find(|(p, _)| **p == penalty.person) {
                Some((_, days)) => *days += penalty.days.unwrap_or_default(),
                None => detained.push((&penalty.person, penalty.days.unwrap_or_default())),
            }
        }
        let over: Vec<String> = detained
            .iter()
            .filter(|(_, days)| *days > 20)
            .map(|(p, days)| format!("{p}合并行政拘留{days}日"))
            .collect();
        let pending = detained.iter().any(|(person, _)| {
            // Exempt (TS-09), or its execution deferred (XZ-12).
            let exempt = case.deferred(person)
                || cx.world.persons.get(*person).is_some_and(|p| {
                    crate::person::detention_not_executed(p, case, decision.at).is_some()
                });
            let executed = cx.measures_of_case(id).any(|m| {
                m.person == **person
                    && m.kind == MeasureKind::AdminDetention
                    && m.delivered
                        .as_ref()
                        .is_some_and(|(_, f)| *f == Facility::DetentionCenter)
                    && m.family.is_some()
            });
            !exempt && !executed
        });
        let late = pending.then(|| {
            let due = cx.due(
                decision.at.instant(),
                p.limit(P::Rq15Execution),
                Moves::Never,
            );
            cx.passed("RQ-15", subject, &due, Level::Yellow)
        });
        let too_long = (!over.is_empty()).then(|| {
            cx.found_at("RQ-15", subject, Level::Red, || {
                format!("{}，超过二十日", over.join("、"))
            })
        });
        cx.highest([late.flatten(), too_long]);
        // JZ-01: the penalty decision served on every penalised person within 2 d (natural or
        // working days, as the unit decided: T-04).
        if decision.decision == DecisionKind::Penalty {
            let unserved = decision.penalties.iter().any(|p| {
                !cx.documents(id).any(|d| {
                    d.kind == documents::PENALTY_DECISION
                        && d.served.iter().any(|s| s.to == p.person)
                })
            });
            if unserved {
                let limit = p.days(P::Jz01Counting, 2);
                let due = cx.due(decision.at.instant(), limit, Moves::PastRestDays);
                cx.deadline("JZ-01", subject, due, false);
            }
        }
    }
    // XS-14 (criminal: the opinion told within 3 d, P) and JZ-03 (administrative: a copy served
    // within 5 d): after each injury assessment, every suspect and victim linked to the case is
    // served the appraisal opinion; the deadline of the earliest assessment someone still awaits.
    let (rule, kind, limit) = match case.kind {
        CaseKind::Criminal => (
            "XS-14",
            documents::APPRAISAL_OPINION_NOTICE,
            p.limit(P::Xs14Notice),
        ),
        CaseKind::Administrative => ("JZ-03", documents::APPRAISAL_OPINION, Limit::Days(5)),
    };
    // The persons are read only for a case with an assessment: most have none, and reading
    // each linked person is a cache miss or two in a province.
    let told = match case.injuries.is_empty() {
        true => Vec::new(),
        false => cx.linked(id, &[PersonRole::Suspect, PersonRole::Victim]),
    };
    let awaited = case
        .injuries
        .iter()
        .filter(|a| told.iter().any(|p| !cx.served(id, kind, p, a.at)))
        .map(|a| a.at)
        .min();
    if let Some(assessed) = awaited {
        let due = cx.due(assessed.instant(), limit, Moves::PastRestDays);
        cx.deadline(rule, subject, due, false);
    }
    if case.kind == CaseKind::Administrative
        && let Some(committed) = case.committed_at
    {
        limitation(cx, case, committed);
    }
    if !case.extras().technical_investigations.is_empty() {
        technical(cx, case);
    }
    if !case.extras().deferrals.is_empty() {
        deferrals(cx, case);
    }
    // XZ-10: cash collected on the spot handed over to the unit within 2 d, and deposited at
    // the bank within 2 d of that (行规 §216), yellow when passed as the catalog's template has
    // it; day limits of an administrative procedure, moved past rest days (T-03).
    let cash: Vec<_> = case
        .extras()
        .fine_cash
        .iter()
        .filter_map(|c| match (c.handed_over_at, c.deposited_at) {
            (None, _) => Some(c.collected_at),
            (Some(handed), None) => Some(handed),
            (Some(_), Some(_)) => None,
        })
        .collect();
    let late: Vec<_> = cash
        .into_iter()
        .map(|from| {
            let due = cx.due(from.instant(), Limit::Days(2), Moves::PastRestDays);
            cx.passed("XZ-10", subject, &due, Level::Yellow)
        })
        .collect();
    cx.highest(late);
    // XS-10: sent for prosecution with its prosecution opinion, and every suspect told of the
    // transfer, which tells the defence lawyer too (刑规 §287, §289): no law sets the time, so P
    // `XS-10.notice` (3 d) after the first sending, yellow when passed (the catalog's template).
    if let Some(sent) = case.sent_for_prosecution_at {
        let opinion = cx
            .documents(id)
            .any(|d| d.kind == documents::PROSECUTION_OPINION);
        let untold = cx
            .suspects(id)
            .iter()
            .any(|s| !cx.served(id, documents::PROSECUTION_TRANSFER_NOTICE, s, sent));
        if !opinion || untold {
            let due = cx.due(sent.instant(), p.limit(P::Xs10Notice), Moves::PastRestDays);
            let late = cx.passed("XS-10", subject, &due, Level::Yellow);
            cx.highest([late]);
        }
    }
    if !case.extras().enforcements.is_empty() {
        enforcement(cx, case);
    }
    transfer(cx, case);
    identifications(cx, case);
    document_elements(cx, case);
    if case.from_agency {
        from_agency(cx, case);
    }
    // XZ-09: mediated where mediation is not allowed (行规 §179): a downgrade risk, yellow.
    if let (Some(decision), false) = (&case.decision, case.extras().mediation_bars.is_empty())
        && decision.decision == DecisionKind::Mediated
    {
        cx.finding("XZ-09", subject, Level::Yellow, || {
            let bars: Vec<&str> = case
                .extras()
                .mediation_bars
                .iter()
                .map(|(_, bar)| bar.label())
                .collect();
            format!("存在“{}”，不适用调解，疑似降格处理", bars.join("、"))
        });
    }
    // TS-08: a release to the public disclosed a minor's identity (未保法 §103, 刑规 §331):
    // red, as the catalog's template has it.
    let persons = &cx.world.persons;
    let minors: Vec<&str> = case
        .extras()
        .publications
        .iter()
        .flat_map(|p| {
            p.identified.iter().filter(move |person| {
                persons
                    .get(*person)
                    .and_then(|x| x.age_on(p.at.china_date()))
                    .is_some_and(|a| a < 18)
            })
        })
        .map(|p| p.as_str())
        .collect();
    if !minors.is_empty() {
        cx.prohibited("TS-08", subject, || {
            format!(
                "对外发布的案件信息披露了未成年人{}的身份信息",
                minors.join("、")
            )
        });
    }
    // XZ-07: a hearing held within 10 d of its application (行规 §135), yellow when passed, as
    // the catalog's template has it; moot once the case is decided.
    if case.decision.is_none() {
        let found: Vec<_> = case
            .extras()
            .hearings
            .iter()
            .filter(|h| h.held_at.is_none())
            .map(|h| {
                let due = cx.due(
                    h.requested_at.instant(),
                    Limit::Days(10),
                    Moves::PastRestDays,
                );
                cx.passed("XZ-07", subject, &due, Level::Yellow)
            })
            .collect();
        cx.highest(found);
    }
    if case.kind == CaseKind::Criminal && !case.extras().procuratorate_notices.is_empty() {
        procuratorate(cx, case);
    }
    // JZ-02: an administrative decision (to punish or not) served on every victim within 2 d.
    if let Some(decision) = &case.decision
        && case.kind == CaseKind::Administrative
    {
        let kind = match decision.decision {
            DecisionKind::Penalty => Some(documents::PENALTY_DECISION),
            DecisionKind::NoPenalty | DecisionKind::MinorNoPenalty => {
                Some(documents::NO_PENALTY_DECISION)
            }
            _ => None,
        };
        if let Some(kind) = kind
            && cx
                .linked(id, &[PersonRole::Victim])
                .iter()
                .any(|v| !cx.served(id, kind, v, decision.at))
        {
            let due = cx.due(decision.at.instant(), Limit::Days(2), Moves::PastRestDays);
            cx.deadline("JZ-02", subject, due, false);
        }
    }
    // TS-11: a woman's body searched, examined or sampled by female staff; a doctor may examine
    // her (CPL §132, §139).
    for check in &case.extras().body_checks {
        let woman = cx
            .world
            .persons
            .get(&check.person)
            .filter(|p| p.gender == Gender::Female);
        let Some(woman) = woman.filter(|_| !check.doctor) else {
            continue;
        };
        let men = cx.men(&check.officers);
        if !men.is_empty() {
            cx.prohibited("TS-11", subject, || {
                format!(
                    "{}对女性{}（{}）{}，执行人有男性工作人员{}",
                    check.at.display_china(),
                    woman.name,
                    woman.id,
                    check.kind.label(),
                    men.join("、")
                )
            });
            break;
        }
    }
    // XZ-15: an injury case's appraisal commissioned within 24 h of acceptance (伤害规定 §18):
    // yellow when passed, as the catalog's template has it.
    if case.injury
        && !case
            .acts
            .iter()
            .any(|a| a.act == ActKind::AppraisalCommissioned)
    {
        let due = cx.due(case.accepted_at.instant(), Limit::Hours(24), Moves::Never);
        let late = cx.passed("XZ-15", subject, &due, Level::Yellow);
        cx.highest([late]);
    }
    // XZ-02: an administrative case decided within 30 d of acceptance (or the extended total),
    // appraisal periods not counted (T-06, 行规 §165). XZ-03: another administrative case
    // within 90 d of filing (处罚法 §60); FORMAT's administrative cases mostly go from
    // acceptance to decision, so the acceptance stands for the filing where none is recorded.
    if case.kind == CaseKind::Administrative
        && case.decision.is_none()
        && case.dropped_at.is_none()
        && case.closed_at.is_none()
    {
        if case.other_administrative {
            let filed = case.filed_at.unwrap_or(case.accepted_at);
            let days = case.limit_extended_days.unwrap_or(90);
            let due = cx.due(filed.instant(), Limit::Days(days), Moves::PastRestDays);
            cx.deadline("XZ-03", subject, due, false);
        } else {
            let days = case.limit_extended_days.unwrap_or(30);
            let due = cx.due_excluding(
                case.accepted_at.instant(),
                days,
                Moves::PastRestDays,
                &appraisal_periods(case),
            );
            cx.deadline("XZ-02", subject, due, false);
        }
    }
    // XS-09: dropped while a suspect of the case was held in criminal detention or arrest.
    if let Some(dropped) = case.dropped_at {
        let held: Vec<&str> = cx
            .measures_of_case(id)
            .filter(|m| {
                m.kind.is_criminal_custody()
                    && m.started_at <= dropped
                    && m.ended.as_ref().is_none_or(|(at, _)| *at > dropped)
            })
            .map(|m| m.id.as_str())
            .collect();
        if !held.is_empty() {
            cx.prohibited("XS-09", subject, || {
                format!("撤案时{}仍处于羁押状态", held.join("、"))
            });
        }
    }
    // XZ-04: fast-track decided within 48 h of the earliest arrival of a suspect; never for a
    // minor (red at once).
    if let (Some(flagged), None) = (case.fast_track_at, &case.decision) {
        let suspects = cx.suspects(id);
        let minor = suspects.iter().any(|p| {
            cx.world
                .persons
                .get(p)
                .and_then(|p| p.age_on(flagged.china_date()))
                .is_some_and(|a| a < 18)
        });
        if minor {
            cx.prohibited("XZ-04", subject, || "快速办理的案件有未成年嫌疑人".into());
        } else if let Some(arrived) = cx
            .measures_of_case(id)
            .filter(|m| suspects.contains(&m.person))
            .map(|m| m.arrived_at)
            .min()
        {
            let due = cx.due(arrived.instant(), Limit::Hours(48), Moves::Never);
            cx.deadline("XZ-04", subject, due, false);
        }
    }
    // XZ-14: an injury assessed light or serious makes it a criminal case.
    if case.kind == CaseKind::Administrative
        && case
            .injuries
            .iter()
            .any(|i| matches!(i.grade, InjuryGrade::Light | InjuryGrade::Serious))
        && case
            .decision
            .as_ref()
            .is_none_or(|d| d.decision != DecisionKind::ToCriminal)
    {
        cx.prohibited("XZ-14", subject, || {
            "伤情鉴定为轻伤以上，未转为刑事案件".into()
        });
    }
    // XS-05: the not-filing notice served within 3 d.
    if let Some(not_filed) = case.not_filed_at {
        let served = cx
            .documents(id)
            .any(|d| d.kind == documents::NOT_FILING_NOTICE && !d.served.is_empty());
        if !served {
            let due = cx.due(not_filed.instant(), Limit::Days(3), Moves::PastRestDays);
            cx.deadline("XS-05", subject, due, false);
        }
    }
    // XS-08 (P): a filed criminal case with no act for 30 d (yellow) or 90 d (red).
    if let Some(filed) = case.filed_at
        && case.kind == CaseKind::Criminal
        && case.dropped_at.is_none()
        && case.closed_at.is_none()
        && case.sent_for_prosecution_at.is_none()
    {
        let now = cx.now;
        let last = case
            .acts
            .iter()
            .map(|a| a.at)
            .chain(cx.interrogations_of_case(id).map(|i| i.started_at))
            .chain(cx.measures_of_case(id).map(|m| m.started_at))
            .chain(cx.properties_of_case(id).map(|p| p.seized_at))
            .filter(|at| at.instant() <= now)
            .fold(filed, std::cmp::max);
        let red = cx.due(last.instant(), p.limit(P::Xs08Red), Moves::Never);
        let yellow = cx.due(last.instant(), p.limit(P::Xs08Yellow), Moves::Never);
        let found = [
            cx.passed("XS-08", subject, &red, Level::Red),
            cx.passed("XS-08", subject, &yellow, Level::Yellow),
        ];
        cx.highest(found);
    }
    // JZ-07 (P): closed, not archived 30 d later; a case transferred takes its file with it.
    if let (Some(closed), None, None) =
        (case.closed_at, case.archived_at, &case.extras().transferred)
    {
        let due = cx.due(closed.instant(), p.limit(P::Jz07Archive), Moves::Never);
        let found = cx.passed("JZ-07", subject, &due, Level::Yellow);
        cx.highest([found]);
    }
    // XS-01 (XS-02 for economic cases): 3 d (7 d) from acceptance, or the extended total.
    if case.kind == CaseKind::Criminal
        && case.filed_at.is_none()
        && case.not_filed_at.is_none()
        && case.closed_at.is_none()
    {
        let days = case
            .filing_extended_days
            .unwrap_or(if case.economic { 7 } else { 3 });
        let due = cx.due(
            case.accepted_at.instant(),
            Limit::Days(days),
            Moves::PastRestDays,
        );
        cx.deadline("XS-01", subject, due, false);
    }
}

/// T-06: a case's appraisal periods, each from an appraisal's commission (`case.act`
/// `appraisal_commissioned`) to the first injury assessment at or after it, by China date. An
/// appraisal with no result recorded stops no clock: FORMAT records no other appraisal's end,
/// and a clock stopped without end would never warn (catalog §14 item 6: the earlier date).
fn appraisal_periods(case: &Case) -> Vec<(jiff::civil::Date, jiff::civil::Date)> {
    let mut results: Vec<domain::At> = case.injuries.iter().map(|i| i.at).collect();
    results.sort();
    let mut commissions: Vec<domain::At> = case
        .acts
        .iter()
        .filter(|a| a.act == ActKind::AppraisalCommissioned)
        .map(|a| a.at)
        .collect();
    commissions.sort();
    let mut results = results.into_iter().peekable();
    let mut periods = Vec::new();
    for commissioned in commissions {
        while results.next_if(|r| *r < commissioned).is_some() {}
        let Some(result) = results.next() else {
            break;
        };
        periods.push((commissioned.china_date(), result.china_date()));
    }
    periods
}

/// XZ-07: before a penalty that gives a right to a hearing, the person is told of it (行规 §123,
/// 处罚法 §63–64): a fine of 2,000 元 or more, a licence revoked, and under the 2025 public-order
/// law (治安法25 §117, from 2026-01-01, public-order cases) a fine of 4,000 元 or more instead, or a
/// minor's detention. A person who applied for a hearing was told.
fn hearing_right(cx: &mut Cx, case: &Case, decision: &domain::elements::Decision) {
    let from_2026 =
        !case.other_administrative && decision.at.china_date() >= jiff::civil::date(2026, 1, 1);
    let threshold = if from_2026 { 4000.0 } else { 2000.0 };
    let untold: Vec<&domain::elements::Penalty> = decision
        .penalties
        .iter()
        .filter(|p| {
            let heard = match p.kind {
                PenaltyKind::Fine => p.amount_yuan.is_some_and(|a| a >= threshold),
                PenaltyKind::LicenseRevoked => true,
                PenaltyKind::Detention => {
                    from_2026
                        && cx
                            .world
                            .persons
                            .get(&p.person)
                            .and_then(|x| x.age_on(decision.at.china_date()))
                            .is_some_and(|a| a < 18)
                }
                _ => false,
            };
            let told = case
                .prior_notices
                .iter()
                .any(|n| n.person == p.person && n.hearing_right && n.at < decision.at)
                || case.extras().hearings.iter().any(|h| h.person == p.person);
            heard && !told
        })
        .collect();
    if !untold.is_empty() {
        cx.prohibited("XZ-07", case.id.as_str(), || {
            let what: Vec<String> = untold
                .iter()
                .map(|p| match p.amount_yuan {
                    Some(a) if p.kind == PenaltyKind::Fine => format!("{}罚款{a}元", p.person),
                    _ => format!("{}{}", p.person, p.kind.label()),
                })
                .collect();
            format!("{}，处罚前未告知听证权利", what.join("、"))
        });
    }
}

/// XZ-12: an application to defer the execution of administrative detention is decided within
/// 24 h (行规 §223); a deferral granted takes a guarantor or a bond of 200 元 a day of detention,
/// not both (行规 §224, 治安法12 §107–108).
fn deferrals(cx: &mut Cx, case: &Case) {
    let subject = case.id.as_str();
    let mut found = Vec::new();
    for d in &case.extras().deferrals {
        let due = cx.due(d.requested_at.instant(), Limit::Hours(24), Moves::Never);
        let Some(decided) = &d.decided else {
            found.push(cx.banded("XZ-12", subject, &due, false));
            continue;
        };
        if decided.at.instant() > due.at {
            found.push(Some(cx.found_at("XZ-12", subject, Level::Red, || {
                format!(
                    "{}于{}申请暂缓执行行政拘留，{}才作出决定，超过24小时",
                    d.person,
                    d.requested_at.display_china(),
                    decided.at.display_china()
                )
            })));
        }
        if !decided.granted {
            continue;
        }
        let days = case.detention_days(&d.person);
        let standard = f64::from(days) * 200.0;
        let wrong = match (decided.bond_yuan, &decided.guarantor) {
            (Some(_), Some(_)) => Some("同时要求担保人和保证金".to_string()),
            (None, None) => Some("未要求担保人或保证金".to_string()),
            (Some(bond), None) if (bond - standard).abs() > 0.005 => Some(format!(
                "保证金{bond}元，不是按每日行政拘留200元（{days}日，{standard}元）的标准"
            )),
            _ => None,
        };
        if let Some(wrong) = wrong {
            found.push(Some(cx.found_at("XZ-12", subject, Level::Red, || {
                format!("准许{}暂缓执行行政拘留，{wrong}", d.person)
            })));
        }
    }
    cx.highest(found);
}

/// JZ-09: a penalty decision holds the person's identity, the facts and evidence, the penalty
/// and its basis, how and when to comply, the remedies and their deadlines, and the organ's seal
/// and date (行规 §175; 处罚法 §59), the late-payment surcharge where it fines and the property's
/// outcome where the case seized any; an evidence-preservation decision its reasons, basis,
/// period and list, with the remedies and seal (强制法 §24; 行规 §111). Checked where the
/// document says what it contains (`contents`); red, as the catalog's template has it.
fn document_elements(cx: &mut Cx, case: &Case) {
    use domain::elements::DocElement as E;
    // Few documents list their contents: look no further for the rest.
    let listed: Vec<_> = cx
        .documents(&case.id)
        .filter_map(|d| d.contents.as_deref().map(|contents| (d, contents)))
        .collect();
    if listed.is_empty() {
        return;
    }
    let fines = case
        .decision
        .as_ref()
        .is_some_and(|d| d.penalties.iter().any(|p| p.kind == PenaltyKind::Fine));
    let seized = cx.properties_of_case(&case.id).next().is_some();
    let mut faults = Vec::new();
    for (d, contents) in listed {
        let required: Vec<E> = match d.kind.as_str() {
            documents::PENALTY_DECISION => {
                let mut r = vec![
                    E::Identity,
                    E::Facts,
                    E::Penalty,
                    E::Execution,
                    E::Remedies,
                    E::Seal,
                ];
                r.extend(fines.then_some(E::Surcharge));
                r.extend(seized.then_some(E::Property));
                r
            }
            documents::PRESERVATION_DECISION => vec![
                E::Identity,
                E::Reasons,
                E::Basis,
                E::Period,
                E::List,
                E::Remedies,
                E::Seal,
            ],
            _ => continue,
        };
        let missing: Vec<&str> = required
            .into_iter()
            .filter(|e| !contents.contains(e))
            .map(E::label)
            .collect();
        if !missing.is_empty() {
            faults.push(format!("{}缺少“{}”", d.number, missing.join("”“")));
        }
    }
    if !faults.is_empty() {
        cx.prohibited("JZ-09", case.id.as_str(), || faults.join("；"));
    }
}

/// JZ-05: an identification is led by at least two officers (刑规 §259), and shows at least 7
/// persons, 10 photos or 5 objects together (§260); a body search is done by at least two
/// officers (§223). Red, as the catalog's template has it.
fn identifications(cx: &mut Cx, case: &Case) {
    let subject = case.id.as_str();
    let extras = case.extras();
    let mut faults: Vec<String> = Vec::new();
    for i in &extras.identifications {
        let minimum = i.kind.lineup_minimum();
        if i.lineup < minimum {
            faults.push(format!(
                "{}{}（{}）混杂的对象共{}个，不足{}个",
                i.at.display_china(),
                i.kind.label(),
                i.identifier,
                i.lineup,
                minimum
            ));
        }
        if i.officers.len() < 2 {
            faults.push(format!(
                "{}{}（{}）主持辨认的侦查人员不足二人",
                i.at.display_china(),
                i.kind.label(),
                i.identifier
            ));
        }
    }
    for b in &extras.body_checks {
        if b.kind == BodyCheckKind::Search && b.officers.len() < 2 {
            faults.push(format!(
                "{}对{}人身搜查，执行搜查的侦查人员不足二人",
                b.at.display_china(),
                b.person
            ));
        }
    }
    if !faults.is_empty() {
        cx.prohibited("JZ-05", subject, || faults.join("；"));
    }
}

/// XS-07: a case found outside the unit's jurisdiction is transferred within 24 h (刑规 §175;
/// yellow when passed, as the catalog's template has it), and after the filing each reporter
/// (扭送人、报案人、控告人、举报人: the persons linked as `reporter`) is told in writing within
/// 3 日 of the transfer (§184: the 移送案件通知书 served; with no reporter linked, issued),
/// yellow when passed. The 3 日 is an administrative procedure's day limit, moved past rest
/// days (T-03); the 24 h never moves.
fn transfer(cx: &mut Cx, case: &Case) {
    let subject = case.id.as_str();
    let extras = case.extras();
    let mut found = Vec::new();
    if let (Some(at), None) = (extras.jurisdiction_found_at, &extras.transferred) {
        let due = cx.due(at.instant(), Limit::Hours(24), Moves::Never);
        found.push(cx.passed("XS-07", subject, &due, Level::Yellow));
    }
    if let Some((at, _)) = &extras.transferred
        && case.filed_at.is_some_and(|filed| filed <= *at)
    {
        let reporters = cx.linked(&case.id, &[PersonRole::Reporter]);
        let told = if reporters.is_empty() {
            cx.documents(&case.id)
                .any(|d| d.kind == documents::TRANSFER_NOTICE && d.issued_at >= *at)
        } else {
            reporters
                .iter()
                .all(|r| cx.served(&case.id, documents::TRANSFER_NOTICE, r, *at))
        };
        if !told {
            let due = cx.due(at.instant(), Limit::Days(3), Moves::PastRestDays);
            found.push(cx.passed("XS-07", subject, &due, Level::Yellow));
        }
    }
    cx.highest(found);
}

/// XS-03: a case transferred by an administrative agency (刑规 §180–181). The filing decision
/// within 3 日 is XS-01's. An incomplete file is notified to the agency within 24 h of the
/// acceptance (yellow when the notice came later); the agency's request to reconsider not
/// filing is decided within 3 日, a deadline in bands, red when passed or decided late (the
/// catalog's template is red). The 3 日 moves past rest days (T-03); the 24 h does not.
fn from_agency(cx: &mut Cx, case: &Case) {
    let subject = case.id.as_str();
    let extras = case.extras();
    let mut found = Vec::new();
    if let Some(requested) = extras.completion_requested_at {
        let due = cx.due(case.accepted_at.instant(), Limit::Hours(24), Moves::Never);
        if requested.instant() >= due.at {
            found.push(Some(cx.found_at("XS-03", subject, Level::Yellow, || {
                format!(
                    "{}受案，{}才通知移送机关补正材料，超过24小时",
                    case.accepted_at.display_china(),
                    requested.display_china()
                )
            })));
        }
    }
    if let Some(r) = &extras.reconsideration {
        let due = cx.due(
            r.requested_at.instant(),
            Limit::Days(3),
            Moves::PastRestDays,
        );
        match r.decided_at {
            None => found.push(cx.banded("XS-03", subject, &due, false)),
            Some(decided) if decided.instant() >= due.at => {
                found.push(Some(cx.found_at("XS-03", subject, Level::Red, || {
                    format!(
                        "移送机关{}申请复议，{}才作出复议决定，超过3日",
                        r.requested_at.display_china(),
                        decided.display_china()
                    )
                })));
            }
            Some(_) => {}
        }
    }
    cx.highest(found);
}

/// XZ-11: a penalty decision not complied with is enforced through the court (强制法 §53–54;
/// 行规 §206–207). The court is asked only after a reminder (催告书) has been served and 10 日
/// have passed, and only once the periods for review (60 日, 复议法 §20) and lawsuit (6个月,
/// 行诉法 §46) have ended, within 3个月 of their end (强制法 §53 "自期限届满之日起三个月内").
/// Both periods run from when the person knew of the decision: the service of the penalty
/// decision (`document.served` of a `penalty_decision` on the case) on that person, or the
/// decision itself where no service is recorded (the earlier date). Once a reminder is served
/// and the person neither complied nor contested, the three months are a deadline, blue as they
/// near their end (the catalog's template); the court applied to without a reminder, less than
/// 10 日 after it, before the periods ended or after the three months: red. Day and month limits
/// of an administrative procedure, moved past rest days (T-03).
fn enforcement(cx: &mut Cx, case: &Case) {
    let subject = case.id.as_str();
    let Some(decision) = &case.decision else {
        return;
    };
    let mut found = Vec::new();
    for e in &case.extras().enforcements {
        // 知道或者应当知道: the decision served on this person, else the decision.
        let served = cx.first_service(
            &case.id,
            documents::PENALTY_DECISION,
            &e.person,
            decision.at,
        );
        let known = served.unwrap_or(decision.at);
        let periods = cx.due(known.instant(), Limit::Months(6), Moves::PastRestDays);
        // 自期限届满之日起三个月: the day the periods end is not counted.
        let last = periods.at - jiff::SignedDuration::from_secs(1);
        let deadline = cx.due(last, Limit::Months(3), Moves::PastRestDays);
        let Some(applied) = e.court_applied_at else {
            if e.reminder_served_at.is_some() && e.contested_at.is_none() && e.complied_at.is_none()
            {
                found.push(cx.banded("XZ-11", subject, &deadline, false));
            }
            continue;
        };
        let early = match e.reminder_served_at {
            None => Some(format!(
                "未送达催告书即于{}申请人民法院强制执行",
                applied.display_china()
            )),
            Some(reminded) => {
                let wait = cx.due(reminded.instant(), Limit::Days(10), Moves::PastRestDays);
                (applied.instant() < wait.at).then(|| {
                    format!(
                        "催告书于{}送达，未满10日即于{}申请人民法院强制执行",
                        reminded.display_china(),
                        applied.display_china()
                    )
                })
            }
        };
        if let Some(what) = early {
            found.push(Some(cx.found_at("XZ-11", subject, Level::Red, || {
                format!("{}：{}", e.person, what)
            })));
        }
        let known_zh = || match served {
            Some(at) => format!("处罚决定书{}送达", at.display_china()),
            None => format!("{}作出处罚决定", decision.at.display_china()),
        };
        if applied.instant() < periods.at {
            found.push(Some(cx.found_at("XZ-11", subject, Level::Red, || {
                format!(
                    "{}：{}即申请人民法院强制执行，复议、诉讼期限（自{}起6个月）至{}方届满",
                    e.person,
                    applied.display_china(),
                    known_zh(),
                    domain::At::china(last).china_date()
                )
            })));
        }
        if applied.instant() >= deadline.at {
            found.push(Some(cx.found_at("XZ-11", subject, Level::Red, || {
                format!(
                    "{}：{}才申请人民法院强制执行，已超过复议、诉讼期限届满后3个月（自{}起算，至{}）",
                    e.person,
                    applied.display_china(),
                    known_zh(),
                    domain::At::china(deadline.at).display_china()
                )
            })));
        }
    }
    cx.highest(found);
}

/// XS-15: a technical investigation measure is valid 3 months from its approval, and each
/// extension, approved before the validity ends, adds at most 3 months from its end (CPL
/// §151). Warned while one runs towards its end (bands); red once it runs past it, was
/// extended only after it, or was ended only after it. A validity is not a procedural period
/// for a party, so it does not move past rest days (the earlier date).
fn technical(cx: &mut Cx, case: &Case) {
    let subject = case.id.as_str();
    let mut found = Vec::new();
    for t in &case.extras().technical_investigations {
        let mut valid = cx.due(t.approved_at.instant(), Limit::Months(3), Moves::Never);
        for (n, extended) in t.extended_at.iter().enumerate() {
            if extended.instant() >= valid.at {
                let ended = domain::At::china(valid.at);
                found.push(Some(cx.found_at("XS-15", subject, Level::Red, || {
                    format!(
                        "技术侦查措施{}的有效期已于{}届满，第{}次延长于{}才批准",
                        t.measure,
                        ended.display_china(),
                        n + 1,
                        extended.display_china()
                    )
                })));
            }
            // The next three months run from the last day of the validity, not counted.
            let last = valid.at - jiff::SignedDuration::from_secs(1);
            valid = cx.due(last, Limit::Months(3), Moves::Never);
        }
        match t.ended_at {
            None => found.push(cx.banded("XS-15", subject, &valid, false)),
            Some(ended) if ended.instant() > valid.at => {
                let expired = domain::At::china(valid.at);
                found.push(Some(cx.found_at("XS-15", subject, Level::Red, || {
                    format!(
                        "技术侦查措施{}的有效期已于{}届满，至{}才解除",
                        t.measure,
                        expired.display_china(),
                        ended.display_china()
                    )
                })));
            }
            Some(_) => {}
        }
    }
    cx.highest(found);
}

/// XZ-13: a public-order violation the police did not discover within six months of its
/// commission (or end) is no longer punished (治安法12 §22), another administrative violation
/// within two years (处罚法 §36): yellow when such a case is accepted, red when it is punished
/// all the same. Discovered is the earlier of the report (the case's incident) and the
/// acceptance. A limitation period is not a procedural period, so its end does not move past
/// rest days.
fn limitation(cx: &mut Cx, case: &Case, committed: domain::At) {
    let reported = case
        .incident
        .as_ref()
        .and_then(|i| cx.world.incidents.get(i))
        .map(|i| i.received_at);
    let discovered = reported.map_or(case.accepted_at, |r| r.min(case.accepted_at));
    let (limit, period) = if case.other_administrative {
        (Limit::Years(2), "二年")
    } else {
        (Limit::Months(6), "六个月")
    };
    let due = cx.due(committed.instant(), limit, Moves::Never);
    if discovered.instant() < due.at {
        return;
    }
    let ended = domain::At::china(due.at);
    let subject = case.id.as_str();
    match &case.decision {
        Some(d) if d.decision == DecisionKind::Penalty => {
            cx.finding("XZ-13", subject, Level::Red, || {
                format!(
                    "违法行为发生于{}，{period}追究时效于{}届满，{}才发现，仍于{}作出处罚",
                    committed.display_china(),
                    ended.display_china(),
                    discovered.display_china(),
                    d.at.display_china()
                )
            })
        }
        Some(_) => {}
        None if case.dropped_at.is_none() && case.closed_at.is_none() => {
            cx.finding("XZ-13", subject, Level::Yellow, || {
                format!(
                    "违法行为发生于{}，{period}追究时效于{}届满，{}才发现，可能超过追究时效，不再处罚",
                    committed.display_china(),
                    ended.display_china(),
                    discovered.display_china()
                )
            })
        }
        None => {}
    }
}

/// The rules on what the procuratorate told the police about a criminal case.
fn procuratorate(cx: &mut Cx, case: &Case) {
    let id = &case.id;
    let subject = id.as_str();
    // XS-06: asked for the reasons for not filing, the police explain in writing within 7 d;
    // ordered to file, they file within 15 d (刑规 §182). Filing answers both.
    if case.filed_at.is_none() {
        let pending: Vec<_> = case
            .extras()
            .procuratorate_notices
            .iter()
            .filter_map(|n| match n.notice {
                ProcuratorateNoticeKind::ExplainNotFiling => {
                    let explained = cx.documents(id).any(|d| {
                        d.kind == documents::NOT_FILING_EXPLANATION && d.issued_at >= n.at
                    });
                    (!explained).then_some((n.at, Limit::Days(7)))
                }
                ProcuratorateNoticeKind::FileCase => Some((n.at, Limit::Days(15))),
                _ => None,
            })
            .collect();
        let found: Vec<_> = pending
            .into_iter()
            .map(|(at, limit)| {
                let due = cx.due(at.instant(), limit, Moves::PastRestDays);
                cx.banded("XS-06", subject, &due, false)
            })
            .collect();
        cx.highest(found);
    }
    // XS-12: a refusal to arrest releases the detained suspect, and a decision not to prosecute
    // every suspect the case holds, at once (CPL §91, 刑规 §141, §293); "立即" is platform
    // policy (P, hours). A measure ended after the notice clears it.
    let limit = cx.p(Some(&case.unit)).limit(P::Xs12Release);
    let mut held_after = Vec::new();
    for n in &case.extras().procuratorate_notices {
        // Held when the notice came, and not released since.
        let held = |m: &domain::elements::Measure| m.started_at <= n.at && m.ended.is_none();
        let holds = match (n.notice, &n.measure) {
            (ProcuratorateNoticeKind::ArrestRefused, Some(measure)) => {
                cx.world.measures.get(measure).is_some_and(held)
            }
            (ProcuratorateNoticeKind::NotProsecuted, _) => cx
                .measures_of_case(id)
                .any(|m| m.kind.is_criminal_custody() && held(m)),
            _ => false,
        };
        if holds {
            held_after.push(n.at);
        }
    }
    if let Some(at) = held_after.into_iter().min() {
        let due = cx.due(at.instant(), limit, Moves::Never);
        cx.deadline("XS-12", subject, due, false);
    }
    // XS-11: a case returned for supplementary investigation is finished and sent again within
    // a month of the return (CPL §175); supplementary investigation is limited to two returns.
    // A month in custody is not moved past rest days (CPL §105, T-01).
    let returns = case.returns().count();
    let mut found = Vec::new();
    if let Some(returned) = case.pending_return() {
        let held = cx.measures_of_case(id).any(|m| {
            m.kind.is_criminal_custody()
                && m.started_at <= returned
                && m.ended.as_ref().is_none_or(|(at, _)| *at > returned)
        });
        let moves = if held {
            Moves::Never
        } else {
            Moves::PastRestDays
        };
        let due = cx.due(returned.instant(), Limit::Months(1), moves);
        found.push(cx.banded("XS-11", subject, &due, false));
    }
    if returns > 2 {
        found.push(Some(cx.found_at("XS-11", subject, Level::Red, || {
            format!("已第{returns}次退回补充侦查，补充侦查以二次为限")
        })));
    }
    cx.highest(found);
}
