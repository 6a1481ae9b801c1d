//! The elements and their value types. Each enum's serde name is the FORMAT.md code; `label()`
//! is the Chinese term shown to people (docs/glossary.md maps them).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::at::At;
use crate::fact::ElementKind;
use crate::id_number::IdNumber;
use crate::ids::*;

macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal / $label:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($(#[$vdoc])* #[serde(rename = $code)] $variant),* }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The FORMAT.md code.
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $code),* } }
            /// The Chinese term.
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label),* } }
            /// Parses a FORMAT.md code.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }
        }
    };
}

code_enum!(/// 性别.
Gender { Male = "male" / "男", Female = "female" / "女" });

code_enum!(/// Level of a unit in the tree.
UnitLevel {
    Province = "province" / "省厅",
    City = "city" / "市局",
    County = "county" / "县局/分局",
    Station = "station" / "派出所",
    Division = "division" / "大队",
});

code_enum!(/// What an officer may do. `admin` is Zhifa's extension for system administrators.
Role {
    Officer = "officer" / "办案民警",
    LegalOfficer = "legal_officer" / "法制员",
    CenterStaff = "center_staff" / "办案中心管理员",
    Custodian = "custodian" / "涉案财物管理员",
    Supervisor = "supervisor" / "执法监督",
    Leader = "leader" / "领导",
    Admin = "admin" / "系统管理员",
});

code_enum!(/// 警情来源.
IncidentSource {
    Phone110 = "phone_110" / "110报警",
    WalkIn = "walk_in" / "来所报案",
    SelfService = "self_service" / "扫码自助报警",
    Online = "online" / "网上报警",
    Transferred = "transferred" / "移交",
});

code_enum!(/// 警情性质.
IncidentNature {
    Criminal = "criminal" / "刑事",
    Administrative = "administrative" / "行政(治安)",
    Dispute = "dispute" / "纠纷",
    Assistance = "assistance" / "求助",
    Traffic = "traffic" / "交通",
    Other = "other" / "其他",
});

impl IncidentNature {
    /// Criminal and administrative incidents call for a case (案件类警情).
    pub fn is_case_type(self) -> bool {
        matches!(
            self,
            IncidentNature::Criminal | IncidentNature::Administrative
        )
    }
}

code_enum!(/// 警情处置结果.
DisposalResult {
    CaseAccepted = "case_accepted" / "受案",
    OnSpotPenalty = "on_spot_penalty" / "当场处罚",
    Mediated = "mediated" / "调解",
    Transferred = "transferred" / "移送",
    NotPoliceMatter = "not_police_matter" / "不属公安职责",
    AssistanceGiven = "assistance_given" / "已救助",
    Duplicate = "duplicate" / "重复警情",
    Invalid = "invalid" / "无效警情",
    MistakenTransfer = "mistaken_transfer" / "误转账",
    CivilDispute = "civil_dispute" / "民事纠纷",
});

code_enum!(/// 案件类别.
CaseKind { Administrative = "administrative" / "行政案件", Criminal = "criminal" / "刑事案件" });

code_enum!(/// 侦查/调查行为.
ActKind {
    Questioning = "questioning" / "询问",
    Inspection = "inspection" / "勘验检查",
    AppraisalCommissioned = "appraisal_commissioned" / "委托鉴定",
    Search = "search" / "搜查",
    Other = "other" / "其他",
});

code_enum!(/// 人身搜查、检查或提取样本 (a Zhifa extension: docs/format-extensions.md).
BodyCheckKind {
    Search = "search" / "人身搜查",
    Examination = "examination" / "人身检查",
    Sample = "sample" / "提取生物样本",
});

code_enum!(/// 技术侦查措施的环节 (a Zhifa extension: docs/format-extensions.md).
TechStep {
    Approved = "approved" / "批准采取",
    Extended = "extended" / "批准延长",
    Ended = "ended" / "解除",
});

code_enum!(/// 重新计算侦查羁押期限的事由 (a Zhifa extension: docs/format-extensions.md).
RecalculationReason {
    NewCrime = "new_crime" / "发现另有重要罪行",
    IdentityUnknown = "identity_unknown" / "身份不明，自查清身份之日起计算",
    IdentityEstablished = "identity_established" / "查清身份",
});

code_enum!(/// 在区突发事件 (a Zhifa extension: docs/format-extensions.md).
StayIncidentKind {
    Illness = "illness" / "突发疾病",
    Injury = "injury" / "受伤",
    SelfHarm = "self_harm" / "自伤自残",
    Escape = "escape" / "脱逃",
    Death = "death" / "死亡",
});

code_enum!(/// 当场收缴罚款的环节 (a Zhifa extension: docs/format-extensions.md).
CashStep {
    Collected = "collected" / "当场收缴",
    HandedOver = "handed_over" / "交至所属机关",
    Deposited = "deposited" / "缴付指定银行",
});

code_enum!(/// 申请人民法院强制执行的环节 (a Zhifa extension: docs/format-extensions.md).
EnforcementStep {
    ReminderServed = "reminder_served" / "送达催告书",
    Contested = "contested" / "申请复议或提起诉讼",
    Complied = "complied" / "履行",
    CourtApplied = "court_applied" / "申请人民法院强制执行",
});

code_enum!(/// 涉案财物的性质认定 (a Zhifa extension: docs/format-extensions.md).
PropertyFlag {
    VictimOwned = "victim_owned" / "权属明确的被害人合法财产",
    Perishable = "perishable" / "易腐烂变质",
    Hazardous = "hazardous" / "危险品",
});

code_enum!(/// 警情管辖审查的结论 (a Zhifa extension: docs/format-extensions.md).
JurisdictionFinding {
    OtherUnit = "other_unit" / "不属本单位管辖",
    NotPoliceMatter = "not_police_matter" / "不属公安机关职责",
});

code_enum!(/// 不适用调解的情形 (行规 §179; a Zhifa extension: docs/format-extensions.md).
MediationBar {
    HiredInjury = "hired_injury" / "雇凶伤害他人",
    GangFight = "gang_fight" / "结伙斗殴",
    Provocation = "provocation" / "寻衅滋事",
    Repeated = "repeated" / "多次实施违反治安管理行为",
    Refused = "refused" / "当事人拒绝调解",
    NewViolation = "new_violation" / "调解过程中又针对对方实施违反治安管理行为",
    Fled = "fled" / "调解过程中违法嫌疑人逃跑",
});

code_enum!(/// 辨认的对象 (a Zhifa extension: docs/format-extensions.md).
IdentificationKind {
    Person = "person" / "辨认犯罪嫌疑人",
    Photo = "photo" / "辨认照片",
    Object = "object" / "辨认物品",
    Place = "place" / "辨认场所、尸体等特定对象",
});

code_enum!(/// 决定书的必备要素 (a Zhifa extension: docs/format-extensions.md).
DocElement {
    Identity = "identity" / "当事人身份",
    Facts = "facts" / "违法事实和证据",
    Penalty = "penalty" / "处罚的种类、幅度和依据",
    Execution = "execution" / "履行方式和期限",
    Property = "property" / "涉案财物的处理",
    Remedies = "remedies" / "救济途径和期限",
    Seal = "seal" / "机关名称、印章和日期",
    Surcharge = "surcharge" / "逾期不缴纳罚款加处罚款",
    Reasons = "reasons" / "理由",
    Basis = "basis" / "依据",
    Period = "period" / "期限",
    List = "list" / "财物清单",
});

code_enum!(/// 检察机关的通知 (a Zhifa extension: docs/format-extensions.md).
ProcuratorateNoticeKind {
    SupplementaryInvestigation = "supplementary_investigation" / "退回补充侦查",
    ExplainNotFiling = "explain_not_filing" / "要求说明不立案理由",
    FileCase = "file_case" / "通知立案",
    ArrestRefused = "arrest_refused" / "不批准逮捕",
    ReleaseRecommended = "release_recommended" / "建议释放或变更强制措施",
    NotProsecuted = "not_prosecuted" / "不起诉决定",
});

code_enum!(/// 伤情.
InjuryGrade { None = "none" / "未达轻微伤", Minor = "minor" / "轻微伤", Light = "light" / "轻伤", Serious = "serious" / "重伤" });

code_enum!(/// 处理决定.
DecisionKind {
    Penalty = "penalty" / "给予处罚",
    NoPenalty = "no_penalty" / "不予处罚",
    MinorNoPenalty = "minor_no_penalty" / "轻微不罚",
    Mediated = "mediated" / "调解结案",
    ToCriminal = "to_criminal" / "转为刑事案件",
    Terminated = "terminated" / "终止调查",
});

code_enum!(/// 处罚种类.
PenaltyKind { Warning = "warning" / "警告", Fine = "fine" / "罚款", Detention = "detention" / "行政拘留", LicenseRevoked = "license_revoked" / "吊销许可证" });

code_enum!(/// 涉案人员角色.
PersonRole { Suspect = "suspect" / "嫌疑人", Victim = "victim" / "被害人", Witness = "witness" / "证人", Reporter = "reporter" / "报案人" });

code_enum!(/// 特殊人群标记.
PersonFlag {
    Pregnant = "pregnant" / "怀孕",
    NursingInfant = "nursing_infant" / "哺乳自己不满一周岁婴儿",
    Blind = "blind" / "盲人",
    Deaf = "deaf" / "聋人",
    Mute = "mute" / "哑人",
    Mental = "mental" / "精神疾病",
});

code_enum!(/// 强制措施及到案方式.
MeasureKind {
    SummonsCriminal = "summons_criminal" / "刑事传唤",
    CompelledAppearance = "compelled_appearance" / "拘传",
    AdminQuestioning = "admin_questioning" / "行政传唤询问",
    ContinuedQuestioning = "continued_questioning" / "继续盘问",
    CriminalDetention = "criminal_detention" / "刑事拘留",
    Arrest = "arrest" / "逮捕",
    Bail = "bail" / "取保候审",
    ResidentialSurveillance = "residential_surveillance" / "监视居住",
    AdminDetention = "admin_detention" / "行政拘留",
    /// 约束 (a Zhifa extension): an administrative measure restricting liberty taken on the spot,
    /// approved afterwards (`measure.approved`).
    Restraint = "restraint" / "约束",
    /// 强制隔离戒毒 (a Zhifa extension), executed in a rehabilitation center.
    CompulsoryRehab = "compulsory_rehab" / "强制隔离戒毒",
    /// 社区戒毒 (a Zhifa extension).
    CommunityRehab = "community_rehab" / "社区戒毒",
});

impl MeasureKind {
    /// Kinds whose limit is stated in hours (extensions give `hours`); the others use `days`.
    pub fn counts_hours(self) -> bool {
        matches!(
            self,
            MeasureKind::SummonsCriminal
                | MeasureKind::CompelledAppearance
                | MeasureKind::AdminQuestioning
                | MeasureKind::ContinuedQuestioning
        )
    }
    /// 刑事羁押: criminal detention or arrest, the measures that hold a suspect in custody on a
    /// criminal case (CPL §105's 在押).
    pub fn is_criminal_custody(self) -> bool {
        matches!(self, MeasureKind::CriminalDetention | MeasureKind::Arrest)
    }

    /// Kinds that hold a person in a facility and can be `delivered` (送押).
    pub fn is_detention(self) -> bool {
        matches!(
            self,
            MeasureKind::CriminalDetention
                | MeasureKind::Arrest
                | MeasureKind::AdminDetention
                | MeasureKind::CompulsoryRehab
        )
    }
}

code_enum!(/// 措施结束方式.
MeasureOutcome { Released = "released" / "释放", Converted = "converted" / "变更措施", Expired = "expired" / "期满", Revoked = "revoked" / "撤销" });

code_enum!(/// 羁押场所.
Facility {
    DetentionHouse = "detention_house" / "看守所",
    DetentionCenter = "detention_center" / "拘留所",
    /// A Zhifa extension, for 强制隔离戒毒.
    RehabCenter = "rehab_center" / "强制隔离戒毒所",
});

code_enum!(/// 办案区房间类型.
RoomKind { Holding = "holding" / "候问室", Interrogation = "interrogation" / "讯询问室", Waiting = "waiting" / "等候室", Medical = "medical" / "医务室" });

code_enum!(/// 离开办案中心去向.
Destination {
    Released = "released" / "放行",
    DetentionHouse = "detention_house" / "送看守所",
    DetentionCenter = "detention_center" / "送拘留所",
    Hospital = "hospital" / "送医",
    Transferred = "transferred" / "移交",
});

code_enum!(/// 讯问/询问.
InterrogationKind { Interrogation = "interrogation" / "讯问", Questioning = "questioning" / "询问" });

code_enum!(/// 财物强制措施.
PropertyMeasure { Seizure = "seizure" / "扣押", Sealing = "sealing" / "查封", Freeze = "freeze" / "冻结", RegistrationPreservation = "registration_preservation" / "登记保存" });

code_enum!(/// 财物处置方式.
DisposalMethod {
    ReturnedToOwner = "returned_to_owner" / "发还所有人",
    ReturnedToVictim = "returned_to_victim" / "发还被害人",
    Auctioned = "auctioned" / "拍卖",
    Sold = "sold" / "变卖",
    Confiscated = "confiscated" / "没收",
    Destroyed = "destroyed" / "销毁",
    TransferredWithCase = "transferred_with_case" / "随案移送",
    Released = "released" / "解除",
});

code_enum!(/// 日历: 法定节假日或调休上班.
DayKind { Holiday = "holiday" / "节假日", Workday = "workday" / "调休上班" });

code_enum!(/// 预警等级: blue a deadline approaches, yellow it is reached or an irregularity is found,
/// red it is overdue or serious (DESIGN.md "Levels").
WarningLevel { Blue = "blue" / "蓝色预警", Yellow = "yellow" / "黄色预警", Red = "red" / "红色预警" });

impl From<crate::legal_time::Level> for WarningLevel {
    fn from(level: crate::legal_time::Level) -> Self {
        match level {
            crate::legal_time::Level::Blue => WarningLevel::Blue,
            crate::legal_time::Level::Yellow => WarningLevel::Yellow,
            crate::legal_time::Level::Red => WarningLevel::Red,
        }
    }
}

code_enum!(/// 督办环节: where a warning is in its supervision loop, 发现 → 核查 → 整改 → 追责 → 办结.
LoopStage {
    Found = "found" / "发现",
    /// 核查属实: confirmed by a person.
    Verified = "verified" / "已核查",
    /// 误报: the check found the warning wrong (with the reason).
    FalsePositive = "false_positive" / "误报",
    RectificationOrdered = "rectification_ordered" / "整改中",
    Rectified = "rectified" / "已整改",
    Accountability = "accountability" / "已追责",
    Closed = "closed" / "已办结",
});

code_enum!(/// 追责结果.
AccountabilityOutcome {
    None = "none" / "不予追责",
    Education = "education" / "批评教育",
    WrittenReview = "written_review" / "书面检查",
    CirculatedCriticism = "circulated_criticism" / "通报批评",
    Admonition = "admonition" / "诫勉",
    Disciplinary = "disciplinary" / "移送纪检监察",
});

/// 单位.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub parent: Option<UnitId>,
    pub level: UnitLevel,
    /// Ids from the root down to this unit: `/U33/U3305/U330503/`. Scoping by prefix.
    pub path: String,
    pub defined_at: At,
    /// Platform thresholds this unit set for itself and below (`threshold.set`): key → value.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub thresholds: std::collections::BTreeMap<String, u32>,
}

/// 民警/辅警.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Officer {
    pub id: OfficerId,
    pub name: String,
    pub unit: UnitId,
    pub gender: Gender,
    /// 辅警: does not count as a 人民警察 for two-officer rules.
    pub auxiliary: bool,
    pub roles: Vec<Role>,
    pub defined_at: At,
}

/// A change of an incident's nature (a possible 降格).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recategorization {
    pub at: At,
    pub nature: IncidentNature,
    pub category: String,
}

/// 警情.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: IncidentId,
    pub unit: UnitId,
    pub source: IncidentSource,
    /// The nature at receipt; `nature` is the current one.
    pub received_nature: IncidentNature,
    pub nature: IncidentNature,
    pub category: String,
    pub summary: String,
    pub received_at: At,
    pub officers: Vec<OfficerId>,
    pub dispatched_at: Option<At>,
    pub arrived_at: Option<At>,
    pub disposed_at: Option<At>,
    pub result: Option<DisposalResult>,
    pub case: Option<CaseId>,
    pub recategorizations: Vec<Recategorization>,
    pub videos: Vec<String>,
    /// What few incidents have ([`Incident::extras`]), shown among the incident's own fields.
    #[serde(flatten)]
    pub(crate) extras: Option<Box<IncidentExtras>>,
}

/// The records of Zhifa's extensions on an incident, kept behind one pointer (a Zhifa
/// extension: JQ-01, JQ-03).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentExtras {
    /// 接报案回执: the receipt given to a reporter in person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_issued_at: Option<At>,
    /// 接受证据材料: each time, and whether a list of them was given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_received: Vec<EvidenceReceived>,
    /// The finding that the incident is not this unit's, or not a police matter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<(At, JurisdictionFinding)>,
    /// The reporter told of the finding (the first time), and whether in writing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter_told: Option<(At, bool)>,
}

/// Evidence materials received from a reporter (a Zhifa extension, JQ-01).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceReceived {
    pub at: At,
    /// 接受证据材料清单 given.
    pub listed: bool,
}

static NO_INCIDENT_EXTRAS: IncidentExtras = IncidentExtras {
    receipt_issued_at: None,
    evidence_received: Vec::new(),
    jurisdiction: None,
    reporter_told: None,
};

impl Incident {
    /// The extensions' records (none for most incidents).
    pub fn extras(&self) -> &IncidentExtras {
        self.extras.as_deref().unwrap_or(&NO_INCIDENT_EXTRAS)
    }

    /// The extensions' records, to add to.
    pub fn extras_mut(&mut self) -> &mut IncidentExtras {
        self.extras.get_or_insert_with(Box::default)
    }
}

/// An investigative act (the latest ones matter for 立而不侦).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Act {
    pub at: At,
    pub act: ActKind,
}

/// A person's body searched, examined or sampled on a case, and by whom (a Zhifa extension,
/// TS-11).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyCheck {
    pub at: At,
    pub person: PersonId,
    pub kind: BodyCheckKind,
    pub officers: Vec<OfficerId>,
    /// An examination done by a doctor (who may examine a woman).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doctor: bool,
}

/// A technical investigation measure (技术侦查措施) on a case: its approval, extensions and
/// end (a Zhifa extension, XS-15).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TechInvestigation {
    /// The measure's number, as on its approval (unique within the case).
    pub measure: String,
    pub approved_at: At,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extended_at: Vec<At>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<At>,
}

/// An injury assessment of a person in a case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InjuryAssessment {
    pub at: At,
    pub person: PersonId,
    pub grade: InjuryGrade,
}

/// A procuratorate's notice to the police about a case, as received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcuratorateNotice {
    pub at: At,
    pub notice: ProcuratorateNoticeKind,
    /// The criminal detention whose arrest was refused (`arrest_refused`), or the detention or
    /// arrest the procuratorate recommends ending (`release_recommended`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<MeasureId>,
}

/// 处罚前告知.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriorNotice {
    pub at: At,
    pub person: PersonId,
    /// The right to ask for a hearing told too (a Zhifa extension, XZ-07).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hearing_right: bool,
}

/// 法制审核.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub at: At,
    pub reviewer: OfficerId,
    pub passed: bool,
}

/// One penalty on one person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Penalty {
    pub person: PersonId,
    pub kind: PenaltyKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_yuan: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
}

/// 处理决定.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub at: At,
    pub decision: DecisionKind,
    pub decided_by_unit: UnitId,
    pub penalties: Vec<Penalty>,
}

/// 案件.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub unit: UnitId,
    pub kind: CaseKind,
    pub category: String,
    pub incident: Option<IncidentId>,
    pub complex: bool,
    pub economic: bool,
    /// When the act was committed, or ended if it went on (a Zhifa extension, XZ-13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed_at: Option<At>,
    /// 非治安行政案件 (a Zhifa extension, XZ-03): an administrative case under a law other than
    /// the public-order one, decided within 90 d of filing instead of 30.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other_administrative: bool,
    /// 伤害案件 (a Zhifa extension, XZ-15): an injury case, whose injury appraisal is
    /// commissioned within 24 h of acceptance.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub injury: bool,
    /// 性侵害、暴力伤害案件 (a Zhifa extension, TS-03): a minor victim or witness is questioned
    /// with audio and video, in as few sessions as possible.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sexual_or_violent: bool,
    /// 行政执法机关移送 (a Zhifa extension, XS-03): a criminal case transferred by an
    /// administrative agency.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_agency: bool,
    pub accepted_at: At,
    /// 立案审查 extended total, in days.
    pub filing_extended_days: Option<u32>,
    pub filed_at: Option<At>,
    pub not_filed_at: Option<At>,
    pub fast_track_at: Option<At>,
    pub acts: Vec<Act>,
    pub injuries: Vec<InjuryAssessment>,
    pub prior_notices: Vec<PriorNotice>,
    pub reviews: Vec<Review>,
    /// 办案期限 extended total, in days.
    pub limit_extended_days: Option<u32>,
    pub decision: Option<Decision>,
    pub dropped_at: Option<At>,
    /// The first sending for prosecution.
    pub sent_for_prosecution_at: Option<At>,
    pub closed_at: Option<At>,
    pub archived_at: Option<At>,
    /// What few cases have ([`Case::extras`]), shown among the case's own fields.
    #[serde(flatten)]
    pub(crate) extras: Option<Box<CaseExtras>>,
}

/// The lists of Zhifa's extensions that few cases have, kept behind one pointer: the millions of
/// cases without any pay 8 bytes for them, not 24 a list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseExtras {
    /// Bodies searched, examined or sampled (also counted among the acts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body_checks: Vec<BodyCheck>,
    /// 技术侦查措施, in the order approved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technical_investigations: Vec<TechInvestigation>,
    /// The procuratorate's notices, in order: returns for supplementary investigation, requests
    /// for the reasons for not filing, orders to file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procuratorate_notices: Vec<ProcuratorateNotice>,
    /// Each sending again after a return for supplementary investigation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent_again_at: Vec<At>,
    /// Applications to defer the execution of administrative detention, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deferrals: Vec<Deferral>,
    /// Applications for a hearing, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hearings: Vec<Hearing>,
    /// Fines collected in cash on the spot, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fine_cash: Vec<FineCash>,
    /// Decisions not complied with, one per person, on the way to the court.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enforcements: Vec<Enforcement>,
    /// 审查发现不属本单位管辖 (XS-07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction_found_at: Option<At>,
    /// 移送管辖: when, and to which unit; the case ends here then (`closed_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferred: Option<(At, UnitId)>,
    /// Situations in which mediation is not allowed, as they became known (XZ-09).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mediation_bars: Vec<(At, MediationBar)>,
    /// 辨认, in order (JZ-05).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifications: Vec<Identification>,
    /// 通知移送机关补正材料 (XS-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_requested_at: Option<At>,
    /// The agency's request for reconsideration of not filing, and the decision on it (XS-03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconsideration: Option<Reconsideration>,
    /// 对外发布案件信息: when, and whose identity each release disclosed (TS-08).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
}

/// 辨认: a person (the identifier) picks out a suspect, photo, object or place among others, led
/// by officers (a Zhifa extension, JZ-05).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Identification {
    pub at: At,
    pub identifier: PersonId,
    pub kind: IdentificationKind,
    /// How many persons, photos or objects were shown together, the one to identify included.
    pub lineup: u32,
    pub officers: Vec<OfficerId>,
}

impl IdentificationKind {
    /// The fewest shown together (刑规 §260): 7 persons, 10 photos, 5 objects; a place, a body or
    /// an object the identifier can describe exactly needs no others.
    pub fn lineup_minimum(self) -> u32 {
        match self {
            IdentificationKind::Person => 7,
            IdentificationKind::Photo => 10,
            IdentificationKind::Object => 5,
            IdentificationKind::Place => 1,
        }
    }
}

/// An administrative agency's request that the police reconsider not filing the case it
/// transferred, and the decision on it (a Zhifa extension, XS-03).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reconsideration {
    pub requested_at: At,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<At>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upheld: Option<bool>,
}

/// A release of a case's information to the public, with the persons whose identity (name,
/// image, address, school) it disclosed (a Zhifa extension, TS-08).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub at: At,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identified: Vec<PersonId>,
}

/// A person's penalty decision not complied with, and what followed: the reminder (催告书), an
/// administrative review or lawsuit, compliance, the application to the court (a Zhifa
/// extension, XZ-11). Each step at most once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Enforcement {
    pub person: PersonId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_served_at: Option<At>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contested_at: Option<At>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complied_at: Option<At>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub court_applied_at: Option<At>,
}

impl Enforcement {
    /// When a step was recorded.
    pub fn step(&self, step: EnforcementStep) -> Option<At> {
        match step {
            EnforcementStep::ReminderServed => self.reminder_served_at,
            EnforcementStep::Contested => self.contested_at,
            EnforcementStep::Complied => self.complied_at,
            EnforcementStep::CourtApplied => self.court_applied_at,
        }
    }

    /// Records a step.
    pub fn set(&mut self, step: EnforcementStep, at: At) {
        *match step {
            EnforcementStep::ReminderServed => &mut self.reminder_served_at,
            EnforcementStep::Contested => &mut self.contested_at,
            EnforcementStep::Complied => &mut self.complied_at,
            EnforcementStep::CourtApplied => &mut self.court_applied_at,
        } = Some(at);
    }
}

/// A fine collected in cash on the spot by an officer, handed over to the unit and deposited at
/// the bank (a Zhifa extension, XZ-10).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FineCash {
    pub person: PersonId,
    pub amount_yuan: f64,
    pub collected_at: At,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_over_at: Option<At>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposited_at: Option<At>,
}

/// 听证: a person's application for a hearing before an administrative penalty, and the hearing
/// (a Zhifa extension, XZ-07).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hearing {
    pub person: PersonId,
    pub requested_at: At,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_at: Option<At>,
}

/// 暂缓执行行政拘留: a penalised person's application, and the decision on it (a Zhifa extension,
/// XZ-12).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deferral {
    pub person: PersonId,
    pub requested_at: At,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<DeferralDecision>,
}

/// The decision on an application to defer detention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeferralDecision {
    pub at: At,
    pub granted: bool,
    /// 保证金, in yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bond_yuan: Option<f64>,
    /// 担保人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guarantor: Option<String>,
}

impl CaseExtras {
    /// Whether the person's application for a hearing waits to be held.
    pub fn hearing_pending(&self, person: &PersonId) -> bool {
        self.hearings
            .iter()
            .any(|h| h.person == *person && h.held_at.is_none())
    }

    /// Whether the person's application to defer detention waits for a decision.
    pub fn deferral_pending(&self, person: &PersonId) -> bool {
        self.deferrals
            .iter()
            .any(|d| d.person == *person && d.decided.is_none())
    }
}

static NO_EXTRAS: CaseExtras = CaseExtras {
    body_checks: Vec::new(),
    technical_investigations: Vec::new(),
    procuratorate_notices: Vec::new(),
    sent_again_at: Vec::new(),
    deferrals: Vec::new(),
    hearings: Vec::new(),
    fine_cash: Vec::new(),
    enforcements: Vec::new(),
    jurisdiction_found_at: None,
    transferred: None,
    mediation_bars: Vec::new(),
    publications: Vec::new(),
    completion_requested_at: None,
    reconsideration: None,
    identifications: Vec::new(),
};

/// A person's link to a case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseLink {
    pub at: At,
    pub case: CaseId,
    pub role: PersonRole,
}

/// 法律援助通知.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegalAidNotice {
    pub at: At,
    pub case: CaseId,
}

/// 人员.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub gender: Gender,
    pub id_number: Option<IdNumber>,
    pub birth_date: Option<Date>,
    pub flags: Vec<PersonFlag>,
    /// 国籍 (a Zhifa extension, TS-13): an ISO 3166-1 code; none for a Chinese citizen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// The unit that registered the person (Zhifa extension field `unit`; the root otherwise).
    pub unit: UnitId,
    pub registered_at: At,
    pub links: Vec<CaseLink>,
    pub legal_aid: Vec<LegalAidNotice>,
    /// The person's applications for legal aid, on a case (a Zhifa extension, TS-05).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_aid_requests: Vec<LegalAidNotice>,
}

impl Case {
    /// The extensions' lists (empty for most cases).
    pub fn extras(&self) -> &CaseExtras {
        self.extras.as_deref().unwrap_or(&NO_EXTRAS)
    }

    /// The extensions' lists, to add to.
    pub fn extras_mut(&mut self) -> &mut CaseExtras {
        self.extras.get_or_insert_with(Box::default)
    }

    /// The days of administrative detention the case's decision gives a person, all penalties
    /// together (RQ-11, XZ-12).
    pub fn detention_days(&self, person: &PersonId) -> u32 {
        self.decision
            .iter()
            .flat_map(|d| &d.penalties)
            .filter(|p| p.person == *person && p.kind == PenaltyKind::Detention)
            .filter_map(|p| p.days)
            .sum()
    }

    /// Whether the execution of a person's detention was deferred (XZ-12).
    pub fn deferred(&self, person: &PersonId) -> bool {
        self.extras()
            .deferrals
            .iter()
            .any(|d| d.person == *person && d.decided.as_ref().is_some_and(|x| x.granted))
    }

    /// The returns for supplementary investigation, in order.
    pub fn returns(&self) -> impl Iterator<Item = At> + '_ {
        self.extras()
            .procuratorate_notices
            .iter()
            .filter(|n| n.notice == ProcuratorateNoticeKind::SupplementaryInvestigation)
            .map(|n| n.at)
    }

    /// Whether the case is with the procuratorate now: sent, and sent again after each return.
    pub fn with_procuratorate(&self) -> bool {
        self.sent_for_prosecution_at.is_some()
            && self.returns().count() == self.extras().sent_again_at.len()
    }

    /// The return for supplementary investigation the police are working on now, if any.
    pub fn pending_return(&self) -> Option<At> {
        // A return always follows a sending: once sent, the case is either with the
        // procuratorate or back since its last return.
        self.returns().last().filter(|_| !self.with_procuratorate())
    }
}

impl Person {
    /// Whether the person is a foreign national (TS-13): a nationality other than China's.
    pub fn is_foreign(&self) -> bool {
        self.nationality
            .as_deref()
            .is_some_and(|n| !matches!(n, "CN" | "CHN"))
    }

    /// Age in whole years at a given date; `None` without a known birth date.
    pub fn age_on(&self, date: Date) -> Option<i16> {
        let birth = self.birth_date?;
        let mut age = date.year() - birth.year();
        if (date.month(), date.day()) < (birth.month(), birth.day()) {
            age -= 1;
        }
        Some(age)
    }
}

/// A family-notification outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FamilyNotification {
    pub at: At,
    pub notified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// 强制措施.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub id: MeasureId,
    pub person: PersonId,
    pub case: CaseId,
    pub kind: MeasureKind,
    pub started_at: At,
    /// 到案时间: the anchor of hour limits.
    pub arrived_at: At,
    pub extended_hours: Option<u32>,
    pub extended_days: Option<u32>,
    pub family: Option<FamilyNotification>,
    pub delivered: Option<(At, Facility)>,
    pub arrest_requested_at: Option<At>,
    /// Requests to change the measure (a Zhifa extension, RQ-12).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub change_requests: Vec<At>,
    /// 补办审批 of a measure taken on the spot (a Zhifa extension, RQ-17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_at: Option<At>,
    /// 重新计算侦查羁押期限 of an arrest, in order (a Zhifa extension, RQ-10): behind one
    /// pointer, since few arrests have any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recalculations: Option<Box<Vec<Recalculation>>>,
    pub ended: Option<(At, MeasureOutcome)>,
}

/// A recalculation of an arrest's custody period, approved by the county-level head (CPL §160;
/// 刑规 §151–152; a Zhifa extension, RQ-10).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recalculation {
    /// The approval.
    pub at: At,
    pub reason: RecalculationReason,
    /// The day the period runs from anew: the discovery of the other crime, or the day the
    /// identity was established; none while the identity is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<At>,
}

impl Measure {
    /// The recalculations of the custody period (none for most measures).
    pub fn recalculations(&self) -> &[Recalculation] {
        self.recalculations.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Where an arrest's custody period runs from (RQ-09): the arrest, or the day the last
    /// recalculation names; `None` while the suspect's identity is unknown (刑规 §152: the
    /// period runs from the day it is established).
    pub fn custody_from(&self) -> Option<At> {
        match self.recalculations().last() {
            None => Some(self.started_at),
            Some(r) => r.from,
        }
    }
}

/// A placement in a room of the center.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub at: At,
    pub room: String,
    pub room_kind: RoomKind,
}

/// 办案中心在区记录.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stay {
    pub id: StayId,
    pub person: PersonId,
    /// The unit that runs the center.
    pub center: UnitId,
    pub case: Option<CaseId>,
    pub basis: Option<MeasureId>,
    pub entered_at: At,
    pub security_checked_at: Option<At>,
    /// Who did the security check, where recorded (a Zhifa extension, CS-02).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_checked_by: Vec<OfficerId>,
    pub info_collected_at: Option<At>,
    pub meals: Vec<At>,
    pub placements: Vec<Placement>,
    pub exited: Option<(At, Destination)>,
    pub exit_document: Option<DocumentId>,
    /// Illnesses, injuries, self-harm, escapes and deaths in the area (a Zhifa extension,
    /// CS-11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<StayIncident>,
}

/// 在区突发事件 (a Zhifa extension, CS-11).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StayIncident {
    pub at: At,
    pub kind: StayIncidentKind,
    /// 报告督察.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_at: Option<At>,
    /// 委托死因鉴定, for a death.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appraisal_commissioned_at: Option<At>,
}

/// 讯问/询问.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interrogation {
    pub id: InterrogationId,
    pub person: PersonId,
    pub case: CaseId,
    pub kind: InterrogationKind,
    pub started_at: At,
    pub ended_at: At,
    pub officers: Vec<OfficerId>,
    pub stay: Option<StayId>,
    pub guardian_present: bool,
    pub female_staff_present: bool,
    pub av_recorded: bool,
    /// A sign-language interpreter took part (a Zhifa extension, TS-12).
    #[serde(default)]
    pub interpreter_present: bool,
}

/// A loan of an item out of storage (for appraisal, court, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckOut {
    pub at: At,
    pub purpose: String,
    pub due: At,
    pub approved_by: OfficerId,
    pub returned_at: Option<At>,
}

/// Where and with whom an item is kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Storage {
    pub at: At,
    pub location: String,
    pub custodian: OfficerId,
    /// 危险品专用仓库 (a Zhifa extension, CW-11).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hazmat_store: bool,
}

/// 涉案财物.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Property {
    pub id: PropertyId,
    pub case: CaseId,
    pub measure: PropertyMeasure,
    pub category: String,
    pub description: String,
    pub quantity: f64,
    pub value_yuan: f64,
    pub seized_by: OfficerId,
    pub seized_at: At,
    /// Every storage, first to latest (a move is a new storage).
    pub storages: Vec<Storage>,
    pub check_outs: Vec<CheckOut>,
    pub found_unrelated_at: Option<At>,
    /// The notice or public notice calling for the owner (a Zhifa extension, CW-13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_sought_at: Option<At>,
    /// What the item was found to be: the victim's, perishable or hazardous (a Zhifa
    /// extension, CW-11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flagged: Option<(At, PropertyFlag)>,
    pub seizure_extended_days: Option<u32>,
    pub disposed: Option<(At, DisposalMethod)>,
}

impl Property {
    /// The loan not yet returned, if any.
    pub fn open_check_out(&self) -> Option<&CheckOut> {
        self.check_outs.last().filter(|c| c.returned_at.is_none())
    }
}

/// Service of a document on a person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub at: At,
    pub to: PersonId,
}

/// 文书.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocumentId,
    pub case: CaseId,
    pub kind: String,
    /// 文号, unique within the issuing unit.
    pub number: String,
    pub subject: Option<String>,
    pub issued_at: At,
    pub served: Vec<Service>,
    /// The elements the document contains, where the system that wrote it says (a Zhifa
    /// extension, JZ-09); behind one pointer, since most documents do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents: Option<Box<Vec<DocElement>>>,
}

/// 预警: a finding of the supervision engine kept as an element, and the loop people work it
/// through (核查 → 整改 → 追责 → 办结). Named `WarningState` because `rules::Warning` is the
/// screening finding the engine raises it from.
///
/// The engine's side (level, `cleared_at`) and the people's side (`stage`) are independent: the
/// engine may clear a warning whose loop goes on, and a loop may be closed before the engine
/// clears a finding. The time of every step is kept, for handling and rectification timeliness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WarningState {
    pub id: WarningId,
    /// The catalog id of the rule (`RQ-04`).
    pub rule: String,
    /// The kind of the element the warning is about.
    pub element: ElementKind,
    /// The id of the element the warning is about.
    pub subject: String,
    /// The subject's owning unit when the warning was raised: who sees and handles it.
    pub unit: UnitId,
    pub level: WarningLevel,
    /// The deadline the finding is about, when it has one.
    pub due: Option<At>,
    /// Chinese: what is wrong and what to do (the latest, after any level change).
    pub message: String,
    pub raised_at: At,
    /// Every level the warning had and since when: the raise first, then each change.
    pub history: Vec<(At, WarningLevel)>,
    /// When the engine withdrew the warning (the required fact arrived, the condition ended).
    pub cleared_at: Option<At>,
    pub stage: LoopStage,
    pub verified_at: Option<At>,
    /// The check's outcome: `Some(false)` is a false positive (误报).
    pub confirmed: Option<bool>,
    /// Why the check found what it found (required for a false positive).
    pub verification_reason: String,
    /// 责令整改.
    pub ordered_at: Option<At>,
    pub deadline: Option<At>,
    pub instruction: String,
    /// 整改完成.
    pub rectified_at: Option<At>,
    pub evidence: String,
    /// 追责.
    pub accountability_at: Option<At>,
    pub outcome: Option<AccountabilityOutcome>,
    pub accountability_note: String,
    /// 督办办结.
    pub closed_at: Option<At>,
    pub closing_note: String,
}

impl WarningState {
    /// Whether the engine still holds the finding to be true.
    pub fn is_cleared(&self) -> bool {
        self.cleared_at.is_some()
    }

    /// The time of the latest step of the loop (the raise when none was taken yet): a new step
    /// cannot be earlier, so every interval measured for timeliness is non-negative.
    pub fn last_step_at(&self) -> At {
        [
            self.verified_at,
            self.ordered_at,
            self.rectified_at,
            self.accountability_at,
            self.closed_at,
        ]
        .into_iter()
        .flatten()
        .fold(self.raised_at, At::max)
    }
}
