//! Facts: one thing that happened, in FORMAT.md v1 terms. A fact keeps the JSON object it came
//! from (unknown fields are kept, never rejected) beside its typed body.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::at::At;
use crate::elements::*;
use crate::error::{DomainError, ErrorCode};
use crate::id_number::IdNumber;
use crate::ids::*;

/// The element a fact is about: also the name of its view and API route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    Unit,
    Officer,
    Calendar,
    Incident,
    Case,
    Person,
    Measure,
    Stay,
    Interrogation,
    Property,
    Document,
    Warning,
}

impl ElementKind {
    /// Every kind.
    pub const ALL: [ElementKind; 12] = [
        ElementKind::Unit,
        ElementKind::Officer,
        ElementKind::Calendar,
        ElementKind::Incident,
        ElementKind::Case,
        ElementKind::Person,
        ElementKind::Measure,
        ElementKind::Stay,
        ElementKind::Interrogation,
        ElementKind::Property,
        ElementKind::Document,
        ElementKind::Warning,
    ];
    /// The kinds that have element views and pages (the calendar is a table of days).
    pub const VIEWED: [ElementKind; 11] = [
        ElementKind::Unit,
        ElementKind::Officer,
        ElementKind::Incident,
        ElementKind::Case,
        ElementKind::Person,
        ElementKind::Measure,
        ElementKind::Stay,
        ElementKind::Interrogation,
        ElementKind::Property,
        ElementKind::Document,
        ElementKind::Warning,
    ];

    /// The stable code (`case`).
    pub fn as_str(self) -> &'static str {
        match self {
            ElementKind::Unit => "unit",
            ElementKind::Officer => "officer",
            ElementKind::Calendar => "calendar",
            ElementKind::Incident => "incident",
            ElementKind::Case => "case",
            ElementKind::Person => "person",
            ElementKind::Measure => "measure",
            ElementKind::Stay => "stay",
            ElementKind::Interrogation => "interrogation",
            ElementKind::Property => "property",
            ElementKind::Document => "document",
            ElementKind::Warning => "warning",
        }
    }

    /// Parses the stable code.
    pub fn from_code(code: &str) -> Option<ElementKind> {
        ElementKind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            ElementKind::Unit => "单位",
            ElementKind::Officer => "民警",
            ElementKind::Calendar => "日历",
            ElementKind::Incident => "警情",
            ElementKind::Case => "案件",
            ElementKind::Person => "人员",
            ElementKind::Measure => "强制措施",
            ElementKind::Stay => "办案中心在区",
            ElementKind::Interrogation => "讯询问",
            ElementKind::Property => "涉案财物",
            ElementKind::Document => "文书",
            ElementKind::Warning => "预警",
        }
    }
}

macro_rules! facts {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $code:literal / $label:literal, $element:ident, $payload:ident {
            $($(#[$fattr:meta])* $field:ident : $ty:ty),* $(,)?
        }
    )*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
            pub struct $payload { $($(#[$fattr])* pub $field: $ty),* }
        )*

        /// A fact's kind (`case.accepted`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FactKind { $($variant),* }

        impl FactKind {
            /// Every kind, in FORMAT.md order.
            pub const ALL: &'static [FactKind] = &[$(FactKind::$variant),*];
            /// The FORMAT.md code.
            pub fn as_str(self) -> &'static str { match self { $(FactKind::$variant => $code),* } }
            /// The Chinese name shown in timelines.
            pub fn label(self) -> &'static str { match self { $(FactKind::$variant => $label),* } }
            /// The element the fact is about.
            pub fn element(self) -> ElementKind { match self { $(FactKind::$variant => ElementKind::$element),* } }
            /// Parses a FORMAT.md code.
            pub fn from_code(code: &str) -> Option<FactKind> {
                match code { $($code => Some(FactKind::$variant),)* _ => None }
            }
        }

        /// A fact's typed content.
        #[derive(Clone, Debug, PartialEq)]
        pub enum FactBody { $($variant($payload)),* }

        impl FactBody {
            /// The kind.
            pub fn kind(&self) -> FactKind { match self { $(FactBody::$variant(_) => FactKind::$variant),* } }

            /// Parses the payload; only when that fails is it parsed again, tracking the path,
            /// to name the field at fault (tracking costs a fifth of parsing every line).
            fn parse(kind: FactKind, text: &str) -> Result<FactBody, serde_path_to_error::Error<serde_json::Error>> {
                let fast = match kind { $(FactKind::$variant => serde_json::from_str(text).map(FactBody::$variant)),* };
                if let Ok(body) = fast {
                    return Ok(body);
                }
                let mut json = serde_json::Deserializer::from_str(text);
                Ok(match kind { $(FactKind::$variant => FactBody::$variant(serde_path_to_error::deserialize(&mut json)?)),* })
            }

            fn to_map(&self) -> Map<String, Value> {
                let value = match self { $(FactBody::$variant(p) => serde_json::to_value(p)),* };
                match value.expect("payloads serialize") {
                    Value::Object(map) => map,
                    _ => unreachable!("payloads are structs"),
                }
            }
        }
    };
}

fn is_false(value: &bool) -> bool {
    !*value
}

facts! {
    /// `unit.defined`.
    UnitDefined = "unit.defined" / "单位设立", Unit, UnitDefined { id: UnitId, name: String, parent: Option<UnitId>, level: UnitLevel }
    /// `officer.defined`.
    OfficerDefined = "officer.defined" / "民警登记", Officer, OfficerDefined {
        id: OfficerId, name: String, unit: UnitId, gender: Gender,
        #[serde(default)] auxiliary: bool,
        roles: Vec<Role>,
    }
    /// `officer.changed` (Zhifa extension): an administrator changes an officer's unit, roles or
    /// auxiliary flag; absent fields keep their value.
    OfficerChanged = "officer.changed" / "民警信息变更", Officer, OfficerChanged {
        id: OfficerId,
        #[serde(default, skip_serializing_if = "Option::is_none")] name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")] unit: Option<UnitId>,
        #[serde(default, skip_serializing_if = "Option::is_none")] roles: Option<Vec<Role>>,
        #[serde(default, skip_serializing_if = "Option::is_none")] auxiliary: Option<bool>,
    }
    /// `account.created` (Zhifa extension): a login was opened for an officer. Credentials are
    /// never part of a fact.
    AccountCreated = "account.created" / "开通账号", Officer, AccountCreated { id: OfficerId, username: String }
    /// `account.password_set` (Zhifa extension): the password was set, by its owner or reset by an
    /// administrator (then it must be changed at next login); `username` when the reset also gave
    /// the login a new name.
    AccountPasswordSet = "account.password_set" / "设置密码", Officer, AccountPasswordSet { id: OfficerId, #[serde(default)] reset: bool, #[serde(default, skip_serializing_if = "Option::is_none")] username: Option<String> }
    /// `account.disabled` (Zhifa extension): login refused (or allowed again).
    AccountDisabled = "account.disabled" / "停用账号", Officer, AccountDisabled { id: OfficerId, disabled: bool }
    /// `calendar.day`.
    CalendarDay = "calendar.day" / "节假日设置", Calendar, CalendarDay { date: Date, kind: DayKind }
    /// `threshold.set` (Zhifa extension): a unit sets a platform threshold (P) of a rule for
    /// itself and the units below it; `key` names it (`JQ-02.arrival`), `value` is in the
    /// threshold's unit (minutes, hours or days).
    ThresholdSet = "threshold.set" / "设置预警阈值", Unit, ThresholdSet { unit: UnitId, key: String, value: u32 }

    /// `incident.received`.
    IncidentReceived = "incident.received" / "接警", Incident, IncidentReceived {
        id: IncidentId, unit: UnitId, source: IncidentSource, nature: IncidentNature,
        category: String, #[serde(default)] summary: String,
    }
    /// `incident.dispatched`.
    IncidentDispatched = "incident.dispatched" / "派警", Incident, IncidentDispatched { id: IncidentId, officers: Vec<OfficerId> }
    /// `incident.arrived`.
    IncidentArrived = "incident.arrived" / "到达现场", Incident, IncidentArrived { id: IncidentId }
    /// `incident.disposed`.
    IncidentDisposed = "incident.disposed" / "警情处置", Incident, IncidentDisposed {
        id: IncidentId, result: DisposalResult,
        #[serde(default, skip_serializing_if = "Option::is_none")] case: Option<CaseId>,
    }
    /// `incident.recategorized`.
    IncidentRecategorized = "incident.recategorized" / "警情性质变更", Incident, IncidentRecategorized { id: IncidentId, nature: IncidentNature, category: String }
    /// `incident.video_linked`.
    IncidentVideoLinked = "incident.video_linked" / "关联执法记录仪视频", Incident, IncidentVideoLinked { id: IncidentId, #[serde(rename = "ref")] reference: String }
    /// `incident.receipt_issued` (出具接报案回执, a Zhifa extension).
    IncidentReceiptIssued = "incident.receipt_issued" / "出具接报案回执", Incident, IncidentReceiptIssued { id: IncidentId }
    /// `incident.evidence_received` (接受证据材料, a Zhifa extension).
    IncidentEvidenceReceived = "incident.evidence_received" / "接受证据材料", Incident, IncidentEvidenceReceived { id: IncidentId, listed: bool }
    /// `incident.jurisdiction_found` (管辖审查结论, a Zhifa extension).
    IncidentJurisdictionFound = "incident.jurisdiction_found" / "管辖审查", Incident, IncidentJurisdictionFound { id: IncidentId, finding: JurisdictionFinding }
    /// `incident.reporter_told` (告知报案人, a Zhifa extension).
    IncidentReporterTold = "incident.reporter_told" / "告知报案人", Incident, IncidentReporterTold {
        id: IncidentId,
        #[serde(default, skip_serializing_if = "is_false")] written: bool,
    }

    /// `case.accepted` (受案).
    CaseAccepted = "case.accepted" / "受案", Case, CaseAccepted {
        id: CaseId, unit: UnitId, kind: CaseKind, category: String,
        #[serde(default, skip_serializing_if = "Option::is_none")] incident: Option<IncidentId>,
        #[serde(default, skip_serializing_if = "is_false")] complex: bool,
        #[serde(default, skip_serializing_if = "is_false")] economic: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")] committed_at: Option<At>,
        #[serde(default, skip_serializing_if = "is_false")] other_administrative: bool,
        #[serde(default, skip_serializing_if = "is_false")] injury: bool,
        #[serde(default, skip_serializing_if = "is_false")] sexual_or_violent: bool,
        #[serde(default, skip_serializing_if = "is_false")] from_agency: bool,
    }
    /// `case.filing_extended`.
    CaseFilingExtended = "case.filing_extended" / "立案审查延期", Case, CaseFilingExtended { id: CaseId, days: u32, approved_by: OfficerId }
    /// `case.filed` (立案).
    CaseFiled = "case.filed" / "立案", Case, CaseFiled { id: CaseId }
    /// `case.not_filed` (不予立案).
    CaseNotFiled = "case.not_filed" / "不予立案", Case, CaseNotFiled { id: CaseId }
    /// `case.fast_track` (快速办理).
    CaseFastTrack = "case.fast_track" / "快速办理", Case, CaseFastTrack { id: CaseId }
    /// `case.act`.
    CaseAct = "case.act" / "侦查/调查行为", Case, CaseAct { id: CaseId, act: ActKind }
    /// `case.person_searched` (人身搜查、检查或提取样本, a Zhifa extension).
    CasePersonSearched = "case.person_searched" / "人身搜查检查", Case, CasePersonSearched {
        id: CaseId, person: PersonId, kind: BodyCheckKind, officers: Vec<OfficerId>,
        #[serde(default, skip_serializing_if = "is_false")] doctor: bool,
    }
    /// `case.technical_investigation` (技术侦查措施的批准、延长、解除, a Zhifa extension).
    CaseTechnicalInvestigation = "case.technical_investigation" / "技术侦查措施", Case, CaseTechnicalInvestigation {
        id: CaseId, measure: String, step: TechStep,
    }
    /// `case.deferral_requested` (暂缓执行行政拘留申请, a Zhifa extension).
    CaseDeferralRequested = "case.deferral_requested" / "申请暂缓执行行政拘留", Case, CaseDeferralRequested { id: CaseId, person: PersonId }
    /// `case.deferral_decided` (暂缓执行行政拘留决定, a Zhifa extension).
    CaseDeferralDecided = "case.deferral_decided" / "暂缓执行行政拘留决定", Case, CaseDeferralDecided {
        id: CaseId, person: PersonId, granted: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")] bond_yuan: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")] guarantor: Option<String>,
    }
    /// `case.fine_cash` (当场收缴罚款、上交、缴付银行, a Zhifa extension).
    CaseFineCash = "case.fine_cash" / "当场收缴罚款", Case, CaseFineCash {
        id: CaseId, person: PersonId, step: CashStep,
        #[serde(default, skip_serializing_if = "Option::is_none")] amount_yuan: Option<f64>,
    }
    /// `case.enforcement` (催告、复议诉讼、履行、申请人民法院强制执行, a Zhifa extension).
    CaseEnforcement = "case.enforcement" / "行政决定的执行", Case, CaseEnforcement { id: CaseId, person: PersonId, step: EnforcementStep }
    /// `case.jurisdiction_found` (审查发现不属本单位管辖, a Zhifa extension).
    CaseJurisdictionFound = "case.jurisdiction_found" / "发现不属本单位管辖", Case, CaseJurisdictionFound { id: CaseId }
    /// `case.transferred` (移送管辖, a Zhifa extension).
    CaseTransferred = "case.transferred" / "移送管辖", Case, CaseTransferred { id: CaseId, to_unit: UnitId }
    /// `case.mediation_barred` (不适用调解的情形, a Zhifa extension).
    CaseMediationBarred = "case.mediation_barred" / "不适用调解的情形", Case, CaseMediationBarred { id: CaseId, reason: MediationBar }
    /// `case.publicized` (对外发布案件信息, a Zhifa extension).
    CasePublicized = "case.publicized" / "对外发布案件信息", Case, CasePublicized {
        id: CaseId,
        #[serde(default, skip_serializing_if = "Vec::is_empty")] identified: Vec<PersonId>,
    }
    /// `case.identification` (辨认, a Zhifa extension).
    CaseIdentification = "case.identification" / "辨认", Case, CaseIdentification {
        id: CaseId, identifier: PersonId, kind: IdentificationKind, lineup: u32, officers: Vec<OfficerId>,
    }
    /// `case.completion_requested` (通知移送机关补正材料, a Zhifa extension).
    CaseCompletionRequested = "case.completion_requested" / "通知补正材料", Case, CaseCompletionRequested { id: CaseId }
    /// `case.reconsideration_requested` (移送机关申请复议, a Zhifa extension).
    CaseReconsiderationRequested = "case.reconsideration_requested" / "移送机关申请复议", Case, CaseReconsiderationRequested { id: CaseId }
    /// `case.reconsideration_decided` (复议决定, a Zhifa extension).
    CaseReconsiderationDecided = "case.reconsideration_decided" / "复议决定", Case, CaseReconsiderationDecided { id: CaseId, upheld: bool }
    /// `case.injury_assessed`.
    CaseInjuryAssessed = "case.injury_assessed" / "伤情鉴定", Case, CaseInjuryAssessed { id: CaseId, person: PersonId, grade: InjuryGrade }
    /// `case.prior_notice_given` (处罚前告知).
    CasePriorNoticeGiven = "case.prior_notice_given" / "处罚前告知", Case, CasePriorNoticeGiven {
        id: CaseId, person: PersonId,
        #[serde(default, skip_serializing_if = "is_false")] hearing_right: bool,
    }
    /// `case.hearing_requested` (申请听证, a Zhifa extension).
    CaseHearingRequested = "case.hearing_requested" / "申请听证", Case, CaseHearingRequested { id: CaseId, person: PersonId }
    /// `case.hearing_held` (举行听证, a Zhifa extension).
    CaseHearingHeld = "case.hearing_held" / "举行听证", Case, CaseHearingHeld { id: CaseId, person: PersonId }
    /// `case.review_passed` (法制审核通过).
    CaseReviewPassed = "case.review_passed" / "法制审核通过", Case, CaseReviewPassed { id: CaseId, reviewer: OfficerId }
    /// `case.review_returned`.
    CaseReviewReturned = "case.review_returned" / "法制审核退回", Case, CaseReviewReturned { id: CaseId, reviewer: OfficerId }
    /// `case.limit_extended` (办案期限延长).
    CaseLimitExtended = "case.limit_extended" / "办案期限延长", Case, CaseLimitExtended { id: CaseId, days: u32, approved_by_unit: UnitId }
    /// `case.decided`.
    CaseDecided = "case.decided" / "作出决定", Case, CaseDecided {
        id: CaseId, decision: DecisionKind, decided_by_unit: UnitId,
        #[serde(default)] penalties: Vec<Penalty>,
    }
    /// `case.dropped` (撤销案件).
    CaseDropped = "case.dropped" / "撤销案件", Case, CaseDropped { id: CaseId }
    /// `case.sent_for_prosecution`.
    CaseSentForProsecution = "case.sent_for_prosecution" / "移送审查起诉", Case, CaseSentForProsecution { id: CaseId }
    /// `case.procuratorate_notice` (检察机关通知, a Zhifa extension).
    CaseProcuratorateNotice = "case.procuratorate_notice" / "检察机关通知", Case, CaseProcuratorateNotice {
        id: CaseId, notice: ProcuratorateNoticeKind,
        #[serde(default, skip_serializing_if = "Option::is_none")] measure: Option<MeasureId>,
    }
    /// `case.closed`.
    CaseClosed = "case.closed" / "结案", Case, CaseClosed { id: CaseId }
    /// `case.archived`.
    CaseArchived = "case.archived" / "归档", Case, CaseArchived { id: CaseId }

    /// `person.registered`. `unit` is a Zhifa extension: the registering unit.
    PersonRegistered = "person.registered" / "人员登记", Person, PersonRegistered {
        id: PersonId, name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")] gender: Option<Gender>,
        #[serde(default, skip_serializing_if = "Option::is_none")] id_number: Option<IdNumber>,
        #[serde(default, skip_serializing_if = "Option::is_none")] birth_date: Option<Date>,
        #[serde(default)] flags: Vec<PersonFlag>,
        #[serde(default, skip_serializing_if = "Option::is_none")] unit: Option<UnitId>,
        #[serde(default, skip_serializing_if = "Option::is_none")] nationality: Option<String>,
    }
    /// `person.linked`.
    PersonLinked = "person.linked" / "关联案件", Person, PersonLinked { id: PersonId, case: CaseId, role: PersonRole }
    /// `legal_aid.notified`: its subject is the person.
    LegalAidNotified = "legal_aid.notified" / "通知法律援助", Person, LegalAidNotified { person: PersonId, case: CaseId }
    /// `legal_aid.requested` (申请法律援助, a Zhifa extension).
    LegalAidRequested = "legal_aid.requested" / "申请法律援助", Person, LegalAidRequested { person: PersonId, case: CaseId }

    /// `measure.started`.
    MeasureStarted = "measure.started" / "采取措施", Measure, MeasureStarted {
        id: MeasureId, person: PersonId, case: CaseId, kind: MeasureKind,
        #[serde(default, skip_serializing_if = "Option::is_none")] arrived_at: Option<At>,
    }
    /// `measure.extended`: the new total limit.
    MeasureExtended = "measure.extended" / "措施延长", Measure, MeasureExtended {
        id: MeasureId,
        #[serde(default, skip_serializing_if = "Option::is_none")] hours: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")] days: Option<u32>,
        approved_by: OfficerId,
    }
    /// `measure.family_notified`.
    MeasureFamilyNotified = "measure.family_notified" / "通知家属", Measure, MeasureFamilyNotified { id: MeasureId }
    /// `measure.family_not_notified`.
    MeasureFamilyNotNotified = "measure.family_not_notified" / "不通知家属", Measure, MeasureFamilyNotNotified { id: MeasureId, reason: String }
    /// `measure.delivered` (送押).
    MeasureDelivered = "measure.delivered" / "送押", Measure, MeasureDelivered { id: MeasureId, facility: Facility }
    /// `measure.arrest_requested` (提请批准逮捕).
    MeasureArrestRequested = "measure.arrest_requested" / "提请批准逮捕", Measure, MeasureArrestRequested { id: MeasureId }
    /// `measure.approved` (当场采取的强制措施补办审批, a Zhifa extension).
    MeasureApproved = "measure.approved" / "补办审批", Measure, MeasureApproved { id: MeasureId, approved_by: OfficerId }
    /// `measure.custody_recalculated` (重新计算侦查羁押期限, a Zhifa extension).
    MeasureCustodyRecalculated = "measure.custody_recalculated" / "重新计算羁押期限", Measure, MeasureCustodyRecalculated {
        id: MeasureId, reason: RecalculationReason, approved_by: OfficerId,
        #[serde(default, skip_serializing_if = "Option::is_none")] from: Option<At>,
    }
    /// `measure.change_requested` (申请变更强制措施, a Zhifa extension).
    MeasureChangeRequested = "measure.change_requested" / "申请变更强制措施", Measure, MeasureChangeRequested { id: MeasureId }
    /// `measure.ended`.
    MeasureEnded = "measure.ended" / "措施结束", Measure, MeasureEnded { id: MeasureId, outcome: MeasureOutcome }

    /// `custody.entered`.
    CustodyEntered = "custody.entered" / "进入办案中心", Stay, CustodyEntered {
        id: StayId, person: PersonId, center: UnitId,
        #[serde(default, skip_serializing_if = "Option::is_none")] case: Option<CaseId>,
        #[serde(default, skip_serializing_if = "Option::is_none")] basis: Option<MeasureId>,
    }
    /// `custody.security_checked`.
    CustodySecurityChecked = "custody.security_checked" / "人身安全检查", Stay, CustodySecurityChecked {
        id: StayId,
        /// Who did the check (a Zhifa extension, CS-02: a woman's body by female staff).
        #[serde(default, skip_serializing_if = "Vec::is_empty")] officers: Vec<OfficerId>,
    }
    /// `custody.info_collected`.
    CustodyInfoCollected = "custody.info_collected" / "信息采集", Stay, CustodyInfoCollected { id: StayId }
    /// `custody.meal`.
    CustodyMeal = "custody.meal" / "就餐", Stay, CustodyMeal { id: StayId }
    /// `custody.incident` (在区突发事件, a Zhifa extension).
    CustodyIncident = "custody.incident" / "在区突发事件", Stay, CustodyIncident { id: StayId, kind: StayIncidentKind }
    /// `custody.incident_reported` (报告督察, a Zhifa extension): every incident of the stay so far.
    CustodyIncidentReported = "custody.incident_reported" / "报告督察", Stay, CustodyIncidentReported { id: StayId }
    /// `custody.death_appraisal_commissioned` (委托死因鉴定, a Zhifa extension).
    CustodyDeathAppraisalCommissioned = "custody.death_appraisal_commissioned" / "委托死因鉴定", Stay, CustodyDeathAppraisalCommissioned { id: StayId }
    /// `custody.placed`.
    CustodyPlaced = "custody.placed" / "安排房间", Stay, CustodyPlaced { id: StayId, room: String, room_kind: RoomKind }
    /// `custody.exited`.
    CustodyExited = "custody.exited" / "离开办案中心", Stay, CustodyExited {
        id: StayId, destination: Destination,
        #[serde(default, skip_serializing_if = "Option::is_none")] document: Option<DocumentId>,
    }
    /// `interrogation.held`.
    InterrogationHeld = "interrogation.held" / "讯询问", Interrogation, InterrogationHeld {
        id: InterrogationId, person: PersonId, case: CaseId, kind: InterrogationKind, end: At,
        officers: Vec<OfficerId>,
        #[serde(default, skip_serializing_if = "Option::is_none")] stay: Option<StayId>,
        #[serde(default)] guardian_present: bool,
        #[serde(default)] female_staff_present: bool,
        #[serde(default)] av_recorded: bool,
        #[serde(default, skip_serializing_if = "is_false")] interpreter_present: bool,
    }

    /// `property.seized`.
    PropertySeized = "property.seized" / "扣押/查封/冻结", Property, PropertySeized {
        id: PropertyId, case: CaseId, measure: PropertyMeasure, category: String,
        #[serde(default)] description: String,
        #[serde(default = "one")] quantity: f64,
        #[serde(default)] value_yuan: f64,
        seized_by: OfficerId,
    }
    /// `property.stored`.
    PropertyStored = "property.stored" / "入库保管", Property, PropertyStored {
        id: PropertyId, location: String, custodian: OfficerId,
        /// 危险品专用仓库 (a Zhifa extension, CW-11).
        #[serde(default, skip_serializing_if = "is_false")] hazmat_store: bool,
    }
    /// `property.checked_out`.
    PropertyCheckedOut = "property.checked_out" / "出库", Property, PropertyCheckedOut { id: PropertyId, purpose: String, due: At, approved_by: OfficerId }
    /// `property.checked_in`.
    PropertyCheckedIn = "property.checked_in" / "归还入库", Property, PropertyCheckedIn { id: PropertyId }
    /// `property.found_unrelated`.
    PropertyFoundUnrelated = "property.found_unrelated" / "确认与案件无关", Property, PropertyFoundUnrelated { id: PropertyId }
    /// `property.owner_sought` (发布招领公告, a Zhifa extension).
    PropertyOwnerSought = "property.owner_sought" / "发布招领公告", Property, PropertyOwnerSought { id: PropertyId }
    /// `property.flagged` (权属明确、易腐烂变质、危险品, a Zhifa extension).
    PropertyFlagged = "property.flagged" / "财物性质认定", Property, PropertyFlagged { id: PropertyId, flag: PropertyFlag }
    /// `property.seizure_extended`.
    PropertySeizureExtended = "property.seizure_extended" / "扣押期限延长", Property, PropertySeizureExtended { id: PropertyId, days: u32, approved_by_unit: UnitId }
    /// `property.disposed`.
    PropertyDisposed = "property.disposed" / "处置", Property, PropertyDisposed { id: PropertyId, method: DisposalMethod }

    /// `document.issued`.
    DocumentIssued = "document.issued" / "文书签发", Document, DocumentIssued {
        id: DocumentId, case: CaseId, kind: String, number: String,
        #[serde(default, skip_serializing_if = "Option::is_none")] subject: Option<String>,
        /// Zhifa extension: the serial within the issuing unit, kind and year when Zhifa numbered it.
        #[serde(default, skip_serializing_if = "Option::is_none")] serial: Option<u32>,
        /// Zhifa extension: the elements the document contains (JZ-09).
        #[serde(default, skip_serializing_if = "Option::is_none")] contents: Option<Vec<DocElement>>,
    }
    /// `document.served`.
    DocumentServed = "document.served" / "文书送达", Document, DocumentServed { id: DocumentId, to: PersonId }

    /// `warning.raised` (Zhifa extension, by the supervision engine): a rule found something
    /// about an element. The warning belongs to the subject's unit at this time.
    WarningRaised = "warning.raised" / "预警发出", Warning, WarningRaised {
        id: WarningId,
        /// The catalog id (`RQ-04`).
        rule: String,
        /// The subject's element kind.
        element: ElementKind,
        subject: String,
        level: WarningLevel,
        #[serde(default, skip_serializing_if = "Option::is_none")] due: Option<At>,
        message: String,
    }
    /// `warning.level_changed` (Zhifa extension, by the engine): the new level, with the
    /// deadline and message that now hold.
    WarningLevelChanged = "warning.level_changed" / "预警等级变更", Warning, WarningLevelChanged {
        id: WarningId,
        level: WarningLevel,
        #[serde(default, skip_serializing_if = "Option::is_none")] due: Option<At>,
        message: String,
    }
    /// `warning.cleared` (Zhifa extension, by the engine): the required fact arrived or the
    /// condition ended.
    WarningCleared = "warning.cleared" / "预警解除", Warning, WarningCleared { id: WarningId }
    /// `warning.verified` (Zhifa extension): 核查, confirmed or a false positive (误报), which
    /// must give its reason.
    WarningVerified = "warning.verified" / "核查", Warning, WarningVerified {
        id: WarningId,
        confirmed: bool,
        #[serde(default)] reason: String,
    }
    /// `warning.rectification_ordered` (Zhifa extension): 责令整改, by a deadline.
    WarningRectificationOrdered = "warning.rectification_ordered" / "责令整改", Warning, WarningRectificationOrdered {
        id: WarningId,
        deadline: At,
        instruction: String,
    }
    /// `warning.rectified` (Zhifa extension): 整改完成, with what shows it.
    WarningRectified = "warning.rectified" / "整改完成", Warning, WarningRectified { id: WarningId, evidence: String }
    /// `warning.accountability_decided` (Zhifa extension): 追责.
    WarningAccountabilityDecided = "warning.accountability_decided" / "追责", Warning, WarningAccountabilityDecided {
        id: WarningId,
        outcome: AccountabilityOutcome,
        #[serde(default)] note: String,
    }
    /// `warning.closed` (Zhifa extension): 督办办结, the loop is over.
    WarningClosed = "warning.closed" / "督办办结", Warning, WarningClosed {
        id: WarningId,
        #[serde(default)] note: String,
    }
}

fn one() -> f64 {
    1.0
}

/// One fact: business time, typed body, and the JSON object it is stored and exported as.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub at: At,
    pub body: FactBody,
    /// The whole object as compact JSON text: what is hashed, stored and exported. An imported
    /// fact keeps the object as read (unknown fields, field order); one made inside has `fact`
    /// and `at` first. Text rather than a parsed map: a million imported facts would otherwise
    /// each hold a tree of maps and strings that only export ever reads.
    json: String,
}

/// What every object has: read first, skipping everything else, to know which payload to parse.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(borrow, default)]
    fact: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    at: Option<std::borrow::Cow<'a, str>>,
}

impl Fact {
    /// A fact made inside Zhifa (a command): the object is built from the body.
    pub fn new(at: At, body: FactBody) -> Fact {
        let mut object = Map::new();
        object.insert("fact".into(), Value::String(body.kind().as_str().into()));
        object.insert("at".into(), Value::String(at.to_string()));
        for (key, value) in body.to_map() {
            if !value.is_null() {
                object.insert(key, value);
            }
        }
        Fact {
            at,
            body,
            json: serde_json::to_string(&object).expect("maps serialize"),
        }
    }

    /// The same fact with an extra field (an override reason, a note) kept in its object.
    pub fn with_field(mut self, key: &str, value: Value) -> Fact {
        self.set_field(key, value);
        self
    }

    /// Sets a field of the object (what Zhifa fills in: a person's unit, a document's number).
    /// The typed body is the caller's to keep in step.
    pub fn set_field(&mut self, key: &str, value: Value) {
        let mut object = self.object();
        object.insert(key.into(), value);
        self.json = serde_json::to_string(&object).expect("maps serialize");
    }

    /// The whole object, parsed.
    pub fn object(&self) -> Map<String, Value> {
        serde_json::from_str(&self.json).expect("a fact's JSON was parsed when it was made")
    }

    /// Parses one JSON object of FORMAT.md v1.
    pub fn from_value(value: Value) -> Result<Fact, DomainError> {
        if !value.is_object() {
            return Err(not_an_object());
        }
        Fact::from_line(&serde_json::to_string(&value).expect("values serialize"))
    }

    /// Parses one line of a JSON Lines file: the head, then the typed payload, both straight
    /// from the text.
    pub fn from_line(line: &str) -> Result<Fact, DomainError> {
        // Derived structs also read arrays: only an object is a fact.
        if !line.trim_start().starts_with('{') {
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(line) {
                Ok(_) => not_an_object(),
                Err(e) => DomainError::new(
                    ErrorCode::Invalid,
                    format!("不是有效的JSON：{e}"),
                    format!("not valid JSON: {e}"),
                ),
            });
        }
        let head: Head = serde_json::from_str(line).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => not_an_object(),
            _ => DomainError::new(
                ErrorCode::Invalid,
                format!("不是有效的JSON：{e}"),
                format!("not valid JSON: {e}"),
            ),
        })?;
        let code = head
            .fact
            .ok_or_else(|| DomainError::invalid("fact", "缺少事实类型 (missing fact kind)"))?;
        let kind = FactKind::from_code(&code).ok_or_else(|| {
            DomainError::new(
                ErrorCode::UnknownKind,
                format!("未知的事实类型“{code}”"),
                format!("unknown fact kind `{code}`"),
            )
            .at_field("fact")
        })?;
        let at_text = head
            .at
            .ok_or_else(|| DomainError::invalid("at", "缺少业务时间 (missing business time)"))?;
        let at = At::parse(&at_text).map_err(|e| DomainError::invalid("at", e))?;
        let body = FactBody::parse(kind, line).map_err(|error| {
            let path = error.path().to_string();
            let field = if path == "." {
                "(对象)".to_string()
            } else {
                path
            };
            DomainError::invalid(field, error.into_inner())
        })?;
        Ok(Fact {
            at,
            body,
            json: compact(line),
        })
    }

    /// The compact JSON object (one line of an export; what the hash covers).
    pub fn json(&self) -> &str {
        &self.json
    }

    /// The JSON object's text, taken.
    pub fn into_json(self) -> String {
        self.json
    }

    /// The kind.
    pub fn kind(&self) -> FactKind {
        self.body.kind()
    }

    /// The id of the element the fact is about (the date for calendar days).
    pub fn subject(&self) -> String {
        use FactBody::*;
        match &self.body {
            UnitDefined(p) => p.id.to_string(),
            OfficerDefined(p) => p.id.to_string(),
            OfficerChanged(p) => p.id.to_string(),
            AccountCreated(p) => p.id.to_string(),
            AccountPasswordSet(p) => p.id.to_string(),
            AccountDisabled(p) => p.id.to_string(),
            CalendarDay(p) => p.date.to_string(),
            ThresholdSet(p) => p.unit.to_string(),
            IncidentReceived(p) => p.id.to_string(),
            IncidentDispatched(p) => p.id.to_string(),
            IncidentArrived(p) => p.id.to_string(),
            IncidentDisposed(p) => p.id.to_string(),
            IncidentRecategorized(p) => p.id.to_string(),
            IncidentVideoLinked(p) => p.id.to_string(),
            IncidentReceiptIssued(p) => p.id.to_string(),
            IncidentEvidenceReceived(p) => p.id.to_string(),
            IncidentJurisdictionFound(p) => p.id.to_string(),
            IncidentReporterTold(p) => p.id.to_string(),
            CaseAccepted(p) => p.id.to_string(),
            CaseFilingExtended(p) => p.id.to_string(),
            CaseFiled(p) => p.id.to_string(),
            CaseNotFiled(p) => p.id.to_string(),
            CaseFastTrack(p) => p.id.to_string(),
            CaseAct(p) => p.id.to_string(),
            CasePersonSearched(p) => p.id.to_string(),
            CaseDeferralRequested(p) => p.id.to_string(),
            CaseHearingRequested(p) => p.id.to_string(),
            CaseFineCash(p) => p.id.to_string(),
            CaseEnforcement(p) => p.id.to_string(),
            CaseJurisdictionFound(p) => p.id.to_string(),
            CaseTransferred(p) => p.id.to_string(),
            CaseMediationBarred(p) => p.id.to_string(),
            CasePublicized(p) => p.id.to_string(),
            CaseCompletionRequested(p) => p.id.to_string(),
            CaseIdentification(p) => p.id.to_string(),
            CaseReconsiderationRequested(p) => p.id.to_string(),
            CaseReconsiderationDecided(p) => p.id.to_string(),
            CaseHearingHeld(p) => p.id.to_string(),
            CaseDeferralDecided(p) => p.id.to_string(),
            CaseTechnicalInvestigation(p) => p.id.to_string(),
            CaseInjuryAssessed(p) => p.id.to_string(),
            CasePriorNoticeGiven(p) => p.id.to_string(),
            CaseReviewPassed(p) => p.id.to_string(),
            CaseReviewReturned(p) => p.id.to_string(),
            CaseLimitExtended(p) => p.id.to_string(),
            CaseDecided(p) => p.id.to_string(),
            CaseDropped(p) => p.id.to_string(),
            CaseSentForProsecution(p) => p.id.to_string(),
            CaseProcuratorateNotice(p) => p.id.to_string(),
            CaseClosed(p) => p.id.to_string(),
            CaseArchived(p) => p.id.to_string(),
            PersonRegistered(p) => p.id.to_string(),
            PersonLinked(p) => p.id.to_string(),
            LegalAidNotified(p) => p.person.to_string(),
            LegalAidRequested(p) => p.person.to_string(),
            MeasureStarted(p) => p.id.to_string(),
            MeasureExtended(p) => p.id.to_string(),
            MeasureFamilyNotified(p) => p.id.to_string(),
            MeasureFamilyNotNotified(p) => p.id.to_string(),
            MeasureDelivered(p) => p.id.to_string(),
            MeasureArrestRequested(p) => p.id.to_string(),
            MeasureChangeRequested(p) => p.id.to_string(),
            MeasureApproved(p) => p.id.to_string(),
            MeasureCustodyRecalculated(p) => p.id.to_string(),
            MeasureEnded(p) => p.id.to_string(),
            CustodyEntered(p) => p.id.to_string(),
            CustodySecurityChecked(p) => p.id.to_string(),
            CustodyInfoCollected(p) => p.id.to_string(),
            CustodyMeal(p) => p.id.to_string(),
            CustodyIncident(p) => p.id.to_string(),
            CustodyIncidentReported(p) => p.id.to_string(),
            CustodyDeathAppraisalCommissioned(p) => p.id.to_string(),
            CustodyPlaced(p) => p.id.to_string(),
            CustodyExited(p) => p.id.to_string(),
            InterrogationHeld(p) => p.id.to_string(),
            PropertySeized(p) => p.id.to_string(),
            PropertyStored(p) => p.id.to_string(),
            PropertyCheckedOut(p) => p.id.to_string(),
            PropertyCheckedIn(p) => p.id.to_string(),
            PropertyFoundUnrelated(p) => p.id.to_string(),
            PropertyOwnerSought(p) => p.id.to_string(),
            PropertyFlagged(p) => p.id.to_string(),
            PropertySeizureExtended(p) => p.id.to_string(),
            PropertyDisposed(p) => p.id.to_string(),
            DocumentIssued(p) => p.id.to_string(),
            DocumentServed(p) => p.id.to_string(),
            WarningRaised(p) => p.id.to_string(),
            WarningLevelChanged(p) => p.id.to_string(),
            WarningCleared(p) => p.id.to_string(),
            WarningVerified(p) => p.id.to_string(),
            WarningRectificationOrdered(p) => p.id.to_string(),
            WarningRectified(p) => p.id.to_string(),
            WarningAccountabilityDecided(p) => p.id.to_string(),
            WarningClosed(p) => p.id.to_string(),
        }
    }
}

fn not_an_object() -> DomainError {
    DomainError::new(
        ErrorCode::Invalid,
        "每行应为一个JSON对象",
        "each line must be a JSON object",
    )
}

/// Valid JSON text without the whitespace between tokens.
fn compact(text: &str) -> String {
    // Most lines have none (exports, generated files): found at SIMD speed.
    if memchr::memchr3(b' ', b'\t', b'\r', text.as_bytes()).is_none() && !text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if byte == b'"' {
            in_string = true;
        } else if matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            // Whitespace is ASCII, so slicing here stays on character boundaries.
            out.push_str(&text[start..i]);
            start = i + 1;
        }
    }
    out.push_str(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_removes_whitespace_between_tokens_only() {
        assert_eq!(
            compact(" {\"a\" : [1, 2],\t\"b\": \"x y \\\" z\" }\r"),
            r#"{"a":[1,2],"b":"x y \" z"}"#
        );
        assert_eq!(compact(r#"{"a":"\\"}"#), r#"{"a":"\\"}"#);
    }

    #[test]
    fn parses_a_scenario_line_and_keeps_unknown_fields() {
        let line = r#"{"fact": "case.accepted", "at": "2026-03-02T08:00:00+08:00", "id": "C1", "unit": "U1", "kind": "criminal", "category": "050200", "complex": false, "economic": false, "source_system": "警综"}"#;
        let fact = Fact::from_line(line).unwrap();
        assert_eq!(fact.kind(), FactKind::CaseAccepted);
        assert_eq!(fact.subject(), "C1");
        assert_eq!(fact.object()["source_system"], "警综");
        let FactBody::CaseAccepted(p) = &fact.body else {
            panic!()
        };
        assert_eq!(p.kind, CaseKind::Criminal);
        // Export is the object as read, order kept.
        assert!(
            fact.json().starts_with(
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1""#
            )
        );
    }

    #[test]
    fn errors_name_the_field_at_fault() {
        let cases = [
            (
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00","id":"C1"}"#,
                ErrorCode::Invalid,
                Some("at"),
            ),
            (
                r#"{"fact":"case.opened","at":"2026-03-02T08:00:00+08:00","id":"C1"}"#,
                ErrorCode::UnknownKind,
                Some("fact"),
            ),
            (
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1","unit":"U1","kind":"civil","category":"x"}"#,
                ErrorCode::Invalid,
                Some("kind"),
            ),
            (
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P1","name":"甲","id_number":"110105194912310021"}"#,
                ErrorCode::Invalid,
                Some("id_number"),
            ),
            (
                r#"{"fact":"case.filed","at":"2026-03-02T08:00:00+08:00"}"#,
                ErrorCode::Invalid,
                None,
            ),
            (r#"[1,2]"#, ErrorCode::Invalid, None),
            // Read as a struct, this array would be a valid head and payload.
            (
                r#"["incident.arrived","2026-03-02T08:00:00+08:00"]"#,
                ErrorCode::Invalid,
                None,
            ),
            (r#"{"fact":"incident.arrived","#, ErrorCode::Invalid, None),
        ];
        for (line, code, field) in cases {
            let error = Fact::from_line(line).expect_err(line);
            assert_eq!(error.code, code, "{line}: {error}");
            if let Some(field) = field {
                assert_eq!(error.field.as_deref(), Some(field), "{line}: {error}");
            }
        }
    }

    #[test]
    fn facts_made_inside_round_trip_through_json() {
        let at = At::parse("2026-03-02T10:20:00+08:00").unwrap();
        let body = FactBody::MeasureStarted(MeasureStarted {
            id: MeasureId::parse("M1").unwrap(),
            person: PersonId::parse("P1").unwrap(),
            case: CaseId::parse("C1").unwrap(),
            kind: MeasureKind::SummonsCriminal,
            arrived_at: None,
        });
        let fact = Fact::new(at, body);
        assert!(!fact.json().contains("null"));
        let again = Fact::from_line(fact.json()).unwrap();
        assert_eq!(again, fact);
    }

    #[test]
    fn warning_facts_parse_and_name_the_field_at_fault() {
        let at = r#""at":"2026-03-03T08:00:00+08:00","id":"YJ1""#;
        let good = [
            (
                r#""fact":"warning.raised","rule":"RQ-04","element":"measure","subject":"M1","level":"red","due":"2026-03-02T22:20:00+08:00","message":"传唤即将超时""#,
                FactKind::WarningRaised,
            ),
            (
                r#""fact":"warning.level_changed","level":"yellow","message":"已到期""#,
                FactKind::WarningLevelChanged,
            ),
            (r#""fact":"warning.cleared""#, FactKind::WarningCleared),
            (
                r#""fact":"warning.verified","confirmed":true"#,
                FactKind::WarningVerified,
            ),
            (
                r#""fact":"warning.rectification_ordered","deadline":"2026-03-10T18:00:00+08:00","instruction":"补录""#,
                FactKind::WarningRectificationOrdered,
            ),
            (
                r#""fact":"warning.rectified","evidence":"情况说明""#,
                FactKind::WarningRectified,
            ),
            (
                r#""fact":"warning.accountability_decided","outcome":"circulated_criticism""#,
                FactKind::WarningAccountabilityDecided,
            ),
            (r#""fact":"warning.closed""#, FactKind::WarningClosed),
        ];
        for (rest, kind) in good {
            let line = format!("{{{rest},{at}}}");
            let fact = Fact::from_line(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(fact.kind(), kind);
            assert_eq!(kind.element(), ElementKind::Warning);
            assert_eq!(fact.subject(), "YJ1");
            // Made inside from the same body, it reads back the same.
            let again = Fact::new(fact.at, fact.body.clone());
            assert_eq!(Fact::from_line(again.json()).unwrap().body, fact.body);
        }
        let bad = [
            (
                r#""fact":"warning.raised","rule":"RQ-04","element":"measure","subject":"M1","level":"orange","message":"x""#,
                "level",
            ),
            (
                r#""fact":"warning.raised","rule":"RQ-04","element":"cases","subject":"C1","level":"red","message":"x""#,
                "element",
            ),
            (
                r#""fact":"warning.raised","rule":"RQ-04","element":"case","subject":"C1","level":"red","due":"2026-03-10","message":"x""#,
                "due",
            ),
            (
                r#""fact":"warning.verified","confirmed":"yes""#,
                "confirmed",
            ),
            (
                r#""fact":"warning.rectification_ordered","deadline":"2026-03-10T18:00:00","instruction":"补录""#,
                "deadline",
            ),
            (
                r#""fact":"warning.accountability_decided","outcome":"dismissed""#,
                "outcome",
            ),
        ];
        for (rest, field) in bad {
            let line = format!("{{{rest},{at}}}");
            let error = Fact::from_line(&line).expect_err(&line);
            assert_eq!(error.code, ErrorCode::Invalid, "{line}: {error}");
            assert_eq!(error.field.as_deref(), Some(field), "{line}: {error}");
        }
    }

    #[test]
    fn warning_codes_and_labels() {
        assert_eq!(
            ElementKind::from_code("warning"),
            Some(ElementKind::Warning)
        );
        assert_eq!(ElementKind::Warning.label(), "预警");
        assert!(ElementKind::VIEWED.contains(&ElementKind::Warning));
        assert_eq!(WarningLevel::from_code("red"), Some(WarningLevel::Red));
        assert_eq!(WarningLevel::Red.label(), "红色预警");
        assert_eq!(
            WarningLevel::from(crate::legal_time::Level::Yellow),
            WarningLevel::Yellow
        );
        assert_eq!(AccountabilityOutcome::Admonition.label(), "诫勉");
        assert_eq!(
            AccountabilityOutcome::from_code("disciplinary").map(AccountabilityOutcome::label),
            Some("移送纪检监察")
        );
        assert_eq!(LoopStage::FalsePositive.label(), "误报");
    }

    #[test]
    fn every_kind_code_round_trips() {
        for kind in FactKind::ALL {
            assert_eq!(FactKind::from_code(kind.as_str()), Some(*kind));
            assert!(!kind.label().is_empty());
        }
    }
}
