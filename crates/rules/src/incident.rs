//! 警情: JQ-02, JQ-04, JQ-05, JQ-06.

use domain::elements::{DisposalResult, Incident, IncidentSource};
use domain::legal_time::{Level, Limit, Moves};

use crate::cx::Cx;
use crate::thresholds::P;

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
