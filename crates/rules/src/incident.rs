//! 警情: JQ-01 to JQ-06.

use domain::elements::{DisposalResult, Incident, IncidentSource, JurisdictionFinding};
use domain::legal_time::{Level, Limit, Moves};

use crate::cx::Cx;
use crate::thresholds::{P, Thresholds};

pub(crate) fn evaluate(cx: &mut Cx, incident: &Incident) {
    let subject = incident.id.as_str();
    let p = cx.p(Some(&incident.unit));
    // JQ-02 (P): arrival within 30 min of dispatch (yellow when passed); disposal within 24 h of
    // receipt (red when passed). One warning, at the higher level.
    let mut late = [None, None];
    if let (Some(dispatched), None, None) = (
        incident.dispatched_at,
        incident.arrived_at,
        incident.disposed_at,
    ) {
        let due = cx.due(dispatched.instant(), p.limit(P::Jq02Arrival), Moves::Never);
        late[0] = cx.passed("JQ-02", subject, &due, Level::Yellow);
    }
    if incident.disposed_at.is_none() {
        let due = cx.due(
            incident.received_at.instant(),
            p.limit(P::Jq02Disposal),
            Moves::Never,
        );
        late[1] = cx.passed("JQ-02", subject, &due, Level::Red);
    }
    cx.highest(late);
    receipt_and_jurisdiction(cx, incident, p);
    // JQ-04: a case-type incident with no case accepted for it, not transferred, duplicate or
    // invalid: 24 h from receipt.
    let has_case = incident.case.is_some() || cx.links.has_case(&incident.id);
    let set_aside = matches!(
        incident.result,
        Some(DisposalResult::Transferred | DisposalResult::Duplicate | DisposalResult::Invalid)
    );
    if incident.nature.is_case_type() && !has_case && !set_aside {
        let due = cx.due(
            incident.received_at.instant(),
            Limit::Hours(24),
            Moves::Never,
        );
        cx.deadline("JQ-04", subject, due, false);
    }
    // JQ-06: attended on the scene and disposed, with no body-camera video linked: an absence
    // check, red at once; cleared when a video is linked. A walk-in report (来所报案) is taken
    // at the station: there is no scene to record (视音频规定 is about on-scene enforcement).
    if let (Some(arrived), Some(disposed), true, false) = (
        incident.arrived_at,
        incident.disposed_at,
        incident.videos.is_empty(),
        incident.source == IncidentSource::WalkIn,
    ) {
        cx.prohibited("JQ-06", subject, || {
            format!(
                "{}到达现场，{}处置完毕，未关联执法记录仪视频",
                arrived.display_china(),
                disposed.display_china()
            )
        });
    }
    // JQ-05: received as a case-type incident, then closed as a non-case or recategorized to a
    // non-case nature (降格).
    if incident.received_nature.is_case_type() {
        let closed_as_not_a_case = matches!(
            incident.result,
            Some(
                DisposalResult::Mediated
                    | DisposalResult::CivilDispute
                    | DisposalResult::MistakenTransfer
                    | DisposalResult::AssistanceGiven
                    | DisposalResult::NotPoliceMatter
            )
        );
        let downgraded = incident
            .recategorizations
            .iter()
            .any(|r| !r.nature.is_case_type());
        if closed_as_not_a_case || downgraded {
            cx.finding("JQ-05", subject, Level::Yellow, || {
                format!(
                    "接警性质为{}，后{}",
                    incident.received_nature.label(),
                    if downgraded {
                        "改为非案件类性质"
                    } else {
                        "按非案件处置"
                    }
                )
            });
        }
    }
}

/// JQ-01 (刑规 §171, 行规 §61): a report made in person is given its receipt (接报案回执) on the
/// spot (P `JQ-01.receipt`), and evidence materials received with a list of them; JQ-03 (行规
/// §61, 刑规 §175): an incident found not to be the unit's is transferred to the competent unit
/// within 24 h, and the reporter told of a finding of either kind (P `JQ-03.tell`). Yellow, as
/// the catalog's templates have it; hour limits never move.
fn receipt_and_jurisdiction(cx: &mut Cx, incident: &Incident, p: &Thresholds) {
    let subject = incident.id.as_str();
    let extras = incident.extras();
    let mut jq01 = Vec::new();
    if incident.source == IncidentSource::WalkIn && extras.receipt_issued_at.is_none() {
        let due = cx.due(
            incident.received_at.instant(),
            p.limit(P::Jq01Receipt),
            Moves::Never,
        );
        jq01.push(cx.passed("JQ-01", subject, &due, Level::Yellow));
    }
    if let Some(unlisted) = extras.evidence_received.iter().find(|e| !e.listed) {
        jq01.push(Some(cx.found_at("JQ-01", subject, Level::Yellow, || {
            format!(
                "{}接受证据材料，未出具接受证据材料清单",
                unlisted.at.display_china()
            )
        })));
    }
    cx.highest(jq01);
    let Some((found, finding)) = extras.jurisdiction else {
        return;
    };
    let mut jq03 = Vec::new();
    if finding == JurisdictionFinding::OtherUnit {
        match incident.result {
            None => {
                let due = cx.due(found.instant(), Limit::Hours(24), Moves::Never);
                jq03.push(cx.passed("JQ-03", subject, &due, Level::Yellow));
            }
            Some(DisposalResult::Transferred) => {}
            Some(result) => {
                jq03.push(Some(cx.found_at("JQ-03", subject, Level::Yellow, || {
                    format!(
                        "{}认定不属本单位管辖，未移送而以“{}”处置",
                        found.display_china(),
                        result.label()
                    )
                })));
            }
        }
    }
    if extras.reporter_told.is_none() {
        let due = cx.due(found.instant(), p.limit(P::Jq03Tell), Moves::Never);
        jq03.push(cx.passed("JQ-03", subject, &due, Level::Yellow));
    }
    cx.highest(jq03);
}
