//! The forms of the main actions: each is one fact kind with its fields, rendered by one
//! template and turned back into a FORMAT.md object when posted.

use std::sync::LazyLock;

use app::Actor;
use domain::elements::*;
use serde_json::{Map, Value};

/// How a field is entered.
#[derive(Clone, Debug)]
pub enum Input {
    Text,
    /// Free text with suggestions.
    Suggest(Vec<(String, String)>),
    Select(Vec<(String, String)>),
    Check,
    /// Several codes, one checkbox each.
    Multi(Vec<(String, String)>),
    /// Several ids, separated by commas or spaces.
    List,
    Number,
    /// A whole number (days, hours): facts carry these as integers, and `7.0` would not parse.
    Integer,
    Date,
    DateTime,
    /// The penalties of a decision: rows of person, kind, amount and days.
    Penalties,
}

/// How many penalty rows a decision form offers (more than one suspect is common; a case with
/// more is recorded through the API or an import).
pub const PENALTY_ROWS: usize = 3;

/// What a field is pre-filled with.
#[derive(Clone, Copy, Debug)]
pub enum Prefill {
    None,
    /// A fresh id with this prefix.
    Fresh(&'static str),
    ActorUnit,
    ActorOfficer,
    Now,
}

/// One field of an action form.
#[derive(Clone, Debug)]
pub struct FieldDef {
    pub name: &'static str,
    pub label: &'static str,
    pub input: Input,
    pub required: bool,
    /// Sent even when empty (a document number left empty is numbered by Zhifa).
    pub keep_empty: bool,
    pub prefill: Prefill,
    pub hint: &'static str,
}

/// One action: a fact kind and its form.
#[derive(Clone, Debug)]
pub struct Action {
    pub code: &'static str,
    pub fact: &'static str,
    pub title: &'static str,
    /// Setup actions are for administrators.
    pub admin: bool,
    /// The roles that may use the action; empty: every officer who does casework.
    pub roles: &'static [Role],
    pub fields: Vec<FieldDef>,
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_string(), label(*v).to_string()))
        .collect()
}

fn field(name: &'static str, label: &'static str, input: Input) -> FieldDef {
    FieldDef {
        name,
        label,
        input,
        required: true,
        keep_empty: false,
        prefill: Prefill::None,
        hint: "",
    }
}

impl FieldDef {
    fn optional(mut self) -> Self {
        self.required = false;
        self
    }
    fn prefill(mut self, prefill: Prefill) -> Self {
        self.prefill = prefill;
        self
    }
    fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }
}

fn id(label: &'static str, prefix: &'static str) -> FieldDef {
    field("id", label, Input::Text).prefill(Prefill::Fresh(prefix))
}

fn existing(name: &'static str, label: &'static str) -> FieldDef {
    field(name, label, Input::Text)
}

fn at() -> FieldDef {
    field("at", "业务时间", Input::DateTime)
        .prefill(Prefill::Now)
        .hint("发生时间（北京时间），不是录入时间")
}

fn action(
    code: &'static str,
    fact: &'static str,
    title: &'static str,
    mut fields: Vec<FieldDef>,
) -> Action {
    fields.push(at());
    Action {
        code,
        fact,
        title,
        admin: false,
        roles: &[],
        fields,
    }
}

/// Who checks a warning, orders its rectification, decides accountability and closes it:
/// 法制员, 执法监督 and 领导.
const SUPERVISING: &[Role] = &[Role::LegalOfficer, Role::Supervisor, Role::Leader];
/// Who reports a rectification done: the handling unit's officers, and the legal officer.
const RECTIFYING: &[Role] = &[Role::Officer, Role::LegalOfficer];

impl Action {
    /// Limits the action to officers holding one of `roles`.
    fn roles(mut self, roles: &'static [Role]) -> Self {
        self.roles = roles;
        self
    }

    /// Whether an actor with these roles may use the action.
    pub fn allows(&self, roles: &[Role]) -> bool {
        if self.admin {
            return roles.contains(&Role::Admin);
        }
        self.roles.is_empty() || self.roles.iter().any(|r| roles.contains(r))
    }

    /// Why an actor may not use the action (the roles that may, in Chinese).
    pub fn refusal(&self) -> String {
        if self.admin {
            return "仅系统管理员可以维护单位、民警、日历和预警阈值".into();
        }
        let names: Vec<&str> = self.roles.iter().map(|r| r.label()).collect();
        format!("仅{}可以办理“{}”", names.join("、"), self.title)
    }

    /// Names the business time after what it means for this fact (the start of a questioning).
    fn at_label(mut self, label: &'static str, hint: &'static str) -> Self {
        if let Some(at) = self.fields.iter_mut().find(|f| f.name == "at") {
            at.label = label;
            at.hint = hint;
        }
        self
    }
}

fn select<T: Copy>(
    name: &'static str,
    label: &'static str,
    all: &[T],
    code: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
) -> FieldDef {
    field(name, label, Input::Select(options(all, code, text)))
}

/// Every action, in menu order.
pub static ACTIONS: LazyLock<Vec<Action>> = LazyLock::new(|| {
    let mut setup = vec![
        action(
            "unit_define",
            "unit.defined",
            "设立单位",
            vec![
                id("单位编号", "U"),
                field("name", "单位名称", Input::Text),
                field("parent", "上级单位编号", Input::Text)
                    .optional()
                    .hint("省厅不填"),
                field(
                    "level",
                    "级别",
                    Input::Select(options(UnitLevel::ALL, UnitLevel::as_str, UnitLevel::label)),
                ),
            ],
        ),
        action(
            "officer_define",
            "officer.defined",
            "登记民警",
            vec![
                id("警号/编号", "P"),
                field("name", "姓名", Input::Text),
                field("unit", "所属单位编号", Input::Text),
                field(
                    "gender",
                    "性别",
                    Input::Select(options(Gender::ALL, Gender::as_str, Gender::label)),
                ),
                field("auxiliary", "辅警", Input::Check).optional(),
                field(
                    "roles",
                    "角色",
                    Input::Multi(options(Role::ALL, Role::as_str, Role::label)),
                ),
            ],
        ),
        action(
            "officer_change",
            "officer.changed",
            "变更民警角色/单位",
            vec![
                existing("id", "警号/编号"),
                field("unit", "新单位编号", Input::Text)
                    .optional()
                    .hint("不变则不填"),
                field(
                    "roles",
                    "角色",
                    Input::Multi(options(Role::ALL, Role::as_str, Role::label)),
                ),
            ],
        ),
        action(
            "calendar_day",
            "calendar.day",
            "设置节假日/调休上班",
            vec![
                field("date", "日期", Input::Date),
                select(
                    "kind",
                    "类型",
                    DayKind::ALL,
                    DayKind::as_str,
                    DayKind::label,
                )
                .hint("法定节假日，或周末调休上班；用于计算以工作日计的期限"),
            ],
        ),
        action(
            "threshold_set",
            "threshold.set",
            "设置预警阈值",
            vec![
                field("unit", "单位编号", Input::Text)
                    .hint("对本单位及下级单位生效；下级单位自行设置的优先"),
                field(
                    "key",
                    "阈值",
                    Input::Select(
                        rules::thresholds::SETTINGS
                            .iter()
                            .map(|s| {
                                (
                                    s.key.to_string(),
                                    format!(
                                        "{} {}（{}，默认{}，可设{}至{}）",
                                        s.rule,
                                        s.what_zh,
                                        s.unit.label_zh(),
                                        s.default,
                                        s.min,
                                        s.max
                                    ),
                                )
                            })
                            .collect(),
                    ),
                ),
                field("value", "数值", Input::Integer),
            ],
        ),
    ];
    for a in &mut setup {
        a.admin = true;
    }
    let mut all = vec![
        action(
            "incident_receive",
            "incident.received",
            "接警登记",
            vec![
                id("警情编号", "J"),
                field("unit", "管辖单位编号", Input::Text).prefill(Prefill::ActorUnit),
                field(
                    "source",
                    "警情来源",
                    Input::Select(options(
                        IncidentSource::ALL,
                        IncidentSource::as_str,
                        IncidentSource::label,
                    )),
                ),
                field(
                    "nature",
                    "警情性质",
                    Input::Select(options(
                        IncidentNature::ALL,
                        IncidentNature::as_str,
                        IncidentNature::label,
                    )),
                ),
                field("category", "警情类别代码", Input::Text),
                field("summary", "简要情况", Input::Text).optional(),
            ],
        ),
        action(
            "incident_dispatch",
            "incident.dispatched",
            "派警",
            vec![
                existing("id", "警情编号"),
                field("officers", "出警民警", Input::List)
                    .prefill(Prefill::ActorOfficer)
                    .hint("多名民警用逗号分隔"),
            ],
        ),
        action(
            "incident_arrive",
            "incident.arrived",
            "到达现场",
            vec![existing("id", "警情编号")],
        ),
        action(
            "incident_dispose",
            "incident.disposed",
            "警情处置",
            vec![
                existing("id", "警情编号"),
                field(
                    "result",
                    "处置结果",
                    Input::Select(options(
                        DisposalResult::ALL,
                        DisposalResult::as_str,
                        DisposalResult::label,
                    )),
                ),
                field("case", "受案案件编号", Input::Text)
                    .optional()
                    .hint("处置结果为受案时填写"),
            ],
        ),
        action(
            "incident_recategorize",
            "incident.recategorized",
            "警情性质变更",
            vec![
                existing("id", "警情编号"),
                select(
                    "nature",
                    "新的警情性质",
                    IncidentNature::ALL,
                    IncidentNature::as_str,
                    IncidentNature::label,
                ),
                field("category", "新的警情类别代码", Input::Text),
            ],
        ),
        action(
            "incident_video",
            "incident.video_linked",
            "关联执法记录仪视频",
            vec![
                existing("id", "警情编号"),
                field("ref", "视频编号", Input::Text).hint("执法记录仪视频在视频管理系统中的编号"),
            ],
        ),
        action(
            "incident_receipt",
            "incident.receipt_issued",
            "出具接报案回执",
            vec![existing("id", "警情编号").hint("来所报案的，当场出具接报案回执")],
        ),
        action(
            "incident_evidence",
            "incident.evidence_received",
            "接受证据材料",
            vec![
                existing("id", "警情编号"),
                field("listed", "已出具接受证据材料清单", Input::Check)
                    .hint("接受报案人提供的证据材料，须出具接受证据材料清单"),
            ],
        ),
        action(
            "incident_jurisdiction",
            "incident.jurisdiction_found",
            "管辖审查",
            vec![
                existing("id", "警情编号"),
                select(
                    "finding",
                    "结论",
                    JurisdictionFinding::ALL,
                    JurisdictionFinding::as_str,
                    JurisdictionFinding::label,
                )
                .hint("不属本单位管辖的，24小时内移送有管辖权的机关并告知报案人；不属公安机关职责的，当场告知报案人"),
            ],
        ),
        action(
            "incident_reporter_tell",
            "incident.reporter_told",
            "告知报案人",
            vec![
                existing("id", "警情编号"),
                field("written", "书面告知", Input::Check)
                    .optional()
                    .hint("报案人有异议的，书面告知"),
            ],
        ),
        action(
            "case_accept",
            "case.accepted",
            "受案登记",
            vec![
                id("案件编号", "A"),
                field("unit", "办案单位编号", Input::Text).prefill(Prefill::ActorUnit),
                field(
                    "kind",
                    "案件类别",
                    Input::Select(options(CaseKind::ALL, CaseKind::as_str, CaseKind::label)),
                ),
                field("category", "案由代码", Input::Text),
                field("incident", "来源警情编号", Input::Text).optional(),
                field("complex", "疑难复杂", Input::Check).optional(),
                field("economic", "经济犯罪", Input::Check).optional(),
                field("committed_at", "违法犯罪行为发生时间", Input::DateTime)
                    .optional()
                    .hint("行为有连续或继续状态的，填终了时间；治安案件超过六个月、其他行政案件超过二年才发现的不再处罚"),
                field("other_administrative", "非治安行政案件", Input::Check)
                    .optional()
                    .hint("依其他法律办理的行政案件，办案期限为立案后90日"),
                field("injury", "伤害案件", Input::Check)
                    .optional()
                    .hint("受案后24小时内须委托伤情鉴定"),
                field("sexual_or_violent", "性侵害、暴力伤害案件", Input::Check)
                    .optional()
                    .hint("询问未成年被害人、证人须同步录音录像，尽量一次完成"),
                field("from_agency", "行政执法机关移送", Input::Check)
                    .optional()
                    .hint("行政执法机关移送的涉嫌犯罪案件：3日内审查决定是否立案；材料不全的，24小时内通知移送机关补正")
            ],
        ),
        action(
            "case_file",
            "case.filed",
            "立案",
            vec![existing("id", "案件编号")],
        ),
        action(
            "case_not_file",
            "case.not_filed",
            "不予立案",
            vec![existing("id", "案件编号")],
        ),
        action(
            "case_filing_extend",
            "case.filing_extended",
            "立案审查延期",
            vec![
                existing("id", "案件编号"),
                field("days", "延长后的审查期限(日)", Input::Integer)
                    .hint("自受案起算的总期限：一般7日，重大疑难复杂30日"),
                field("approved_by", "批准人（警号）", Input::Text),
            ],
        ),
        action(
            "case_fast_track",
            "case.fast_track",
            "快速办理",
            vec![existing("id", "案件编号")],
        ),
        action(
            "case_act",
            "case.act",
            "登记侦查/调查行为",
            vec![
                existing("id", "案件编号"),
                select("act", "行为", ActKind::ALL, ActKind::as_str, ActKind::label),
            ],
        ),
        action(
            "case_technical_investigation",
            "case.technical_investigation",
            "技术侦查措施审批",
            vec![
                existing("id", "案件编号"),
                field("measure", "措施编号", Input::Text)
                    .hint("批准决定书上的编号；延长、解除时填同一编号"),
                select("step", "环节", TechStep::ALL, TechStep::as_str, TechStep::label).hint(
                    "批准决定自签发之日起三个月内有效；需继续采取的，须在届满前办理延长（每次不超过三个月）",
                ),
            ],
        ),
        action(
            "case_fine_cash",
            "case.fine_cash",
            "当场收缴罚款",
            vec![
                existing("id", "案件编号"),
                existing("person", "被处罚人编号"),
                select("step", "环节", CashStep::ALL, CashStep::as_str, CashStep::label)
                    .hint("自收缴之日起2日内交至所属机关，机关自收到之日起2日内缴付指定银行"),
                field("amount_yuan", "金额（元）", Input::Number)
                    .optional()
                    .hint("当场收缴时填写"),
            ],
        ),
        action(
            "case_enforcement",
            "case.enforcement",
            "行政决定的执行",
            vec![
                existing("id", "案件编号"),
                existing("person", "被处罚人编号"),
                select(
                    "step",
                    "环节",
                    EnforcementStep::ALL,
                    EnforcementStep::as_str,
                    EnforcementStep::label,
                )
                .hint("不履行处罚决定的，先送达催告书；送达10日后仍未履行的，自复议、诉讼期限届满之日起3个月内申请人民法院强制执行"),
            ],
        ),
        action(
            "case_completion_request",
            "case.completion_requested",
            "通知移送机关补正材料",
            vec![existing("id", "案件编号").hint("材料不全的，须在受案后24小时内通知移送机关在3日内补正；不得以材料不全为由不接受移送")],
        ),
        action(
            "case_reconsideration_request",
            "case.reconsideration_requested",
            "移送机关申请复议",
            vec![existing("id", "案件编号").hint("移送机关对不予立案决定不服申请复议的，须在3日内作出决定并书面通知移送机关")],
        ),
        action(
            "case_reconsideration_decide",
            "case.reconsideration_decided",
            "作出复议决定",
            vec![
                existing("id", "案件编号"),
                field("upheld", "维持不予立案决定", Input::Check).hint("不勾选即撤销原决定，应当立案"),
            ],
        ),
        action(
            "case_identification",
            "case.identification",
            "辨认",
            vec![
                existing("id", "案件编号"),
                field("identifier", "辨认人编号", Input::Text),
                select(
                    "kind",
                    "辨认对象",
                    IdentificationKind::ALL,
                    IdentificationKind::as_str,
                    IdentificationKind::label,
                ),
                field("lineup", "混杂的对象数（含被辨认对象）", Input::Integer)
                    .hint("辨认犯罪嫌疑人不少于7人，照片不少于10张，物品不少于5件"),
                field("officers", "主持辨认的侦查人员", Input::List).hint("不得少于二人"),
            ],
        ),
        action(
            "case_jurisdiction",
            "case.jurisdiction_found",
            "发现不属本单位管辖",
            vec![existing("id", "案件编号")
                .hint("须在24小时内经县级以上公安机关负责人批准移送有管辖权的机关")],
        ),
        action(
            "case_transfer",
            "case.transferred",
            "移送管辖",
            vec![
                existing("id", "案件编号"),
                field("to_unit", "移送至单位编号", Input::Text).hint(
                    "移送后本单位结案；财物、文件随案移交（处置方式“随案移送”）；已立案的，3日内向报案人送达移送案件通知书（文书种类 transfer_notice）",
                ),
            ],
        ),
        action(
            "case_mediation_bar",
            "case.mediation_barred",
            "不适用调解的情形",
            vec![
                existing("id", "案件编号"),
                select(
                    "reason",
                    "情形",
                    MediationBar::ALL,
                    MediationBar::as_str,
                    MediationBar::label,
                ),
            ],
        ),
        action(
            "case_publicize",
            "case.publicized",
            "对外发布案件信息",
            vec![
                existing("id", "案件编号"),
                field("identified", "披露身份信息的人员编号", Input::List)
                    .optional()
                    .hint("发布内容含姓名、影像、住所、学校等可识别身份信息的人员；不得披露未成年人的身份信息"),
            ],
        ),
        action(
            "case_deferral_request",
            "case.deferral_requested",
            "暂缓执行行政拘留申请",
            vec![
                existing("id", "案件编号"),
                existing("person", "申请人编号")
                    .hint("被处罚人申请行政复议或提起行政诉讼的，可申请暂缓执行；须在24小时内作出决定"),
            ],
        ),
        action(
            "case_deferral_decide",
            "case.deferral_decided",
            "暂缓执行行政拘留决定",
            vec![
                existing("id", "案件编号"),
                existing("person", "申请人编号"),
                field("granted", "准许暂缓执行", Input::Check).optional(),
                field("bond_yuan", "保证金（元）", Input::Number)
                    .optional()
                    .hint("按每日行政拘留200元的标准；与担保人只择其一"),
                field("guarantor", "担保人", Input::Text).optional(),
            ],
        ),
        action(
            "case_person_search",
            "case.person_searched",
            "人身搜查/检查",
            vec![
                existing("id", "案件编号"),
                existing("person", "被搜查/检查人编号"),
                select(
                    "kind",
                    "类别",
                    BodyCheckKind::ALL,
                    BodyCheckKind::as_str,
                    BodyCheckKind::label,
                ),
                field("officers", "执行人员", Input::List)
                    .prefill(Prefill::ActorOfficer)
                    .hint("检查、搜查妇女的身体或提取女性生物样本，须由女性工作人员进行；用逗号分隔"),
                field("doctor", "由医师进行人身检查", Input::Check).optional(),
            ],
        ),
        action(
            "case_injury",
            "case.injury_assessed",
            "伤情鉴定",
            vec![
                existing("id", "案件编号"),
                existing("person", "被鉴定人编号"),
                select(
                    "grade",
                    "伤情等级",
                    InjuryGrade::ALL,
                    InjuryGrade::as_str,
                    InjuryGrade::label,
                ),
            ],
        ),
        action(
            "case_prior_notice",
            "case.prior_notice_given",
            "处罚前告知",
            vec![
                existing("id", "案件编号"),
                existing("person", "被告知人编号"),
                field("hearing_right", "告知听证权利", Input::Check)
                    .optional()
                    .hint("拟罚款二千元以上（2026年起治安案件四千元以上）、吊销许可证件或对未成年人行政拘留的，须告知"),
            ],
        ),
        action(
            "case_hearing_request",
            "case.hearing_requested",
            "听证申请",
            vec![
                existing("id", "案件编号"),
                existing("person", "申请人编号").hint("须在10日内举行听证"),
            ],
        ),
        action(
            "case_hearing_hold",
            "case.hearing_held",
            "举行听证",
            vec![existing("id", "案件编号"), existing("person", "申请人编号")],
        ),
        action(
            "case_review_pass",
            "case.review_passed",
            "法制审核通过",
            vec![
                existing("id", "案件编号"),
                field("reviewer", "审核人（警号）", Input::Text).prefill(Prefill::ActorOfficer),
            ],
        ),
        action(
            "case_review_return",
            "case.review_returned",
            "法制审核退回",
            vec![
                existing("id", "案件编号"),
                field("reviewer", "审核人（警号）", Input::Text).prefill(Prefill::ActorOfficer),
            ],
        ),
        action(
            "case_limit_extend",
            "case.limit_extended",
            "办案期限延长",
            vec![
                existing("id", "案件编号"),
                field("days", "延长后的办案期限(日)", Input::Integer)
                    .hint("自受案起算的总期限，如行政案件30日延长至60日"),
                field("approved_by_unit", "批准单位编号", Input::Text),
            ],
        ),
        action(
            "case_decide",
            "case.decided",
            "作出处理决定",
            vec![
                existing("id", "案件编号"),
                select(
                    "decision",
                    "处理决定",
                    DecisionKind::ALL,
                    DecisionKind::as_str,
                    DecisionKind::label,
                ),
                field("decided_by_unit", "决定单位编号", Input::Text)
                    .prefill(Prefill::ActorUnit)
                    .hint("行政拘留须由县级以上公安机关决定"),
                field("penalties", "处罚", Input::Penalties)
                    .optional()
                    .hint("给予处罚时逐人填写；罚款填金额，拘留填天数"),
            ],
        ),
        action(
            "case_drop",
            "case.dropped",
            "撤销案件",
            vec![existing("id", "案件编号")],
        ),
        action(
            "case_send_for_prosecution",
            "case.sent_for_prosecution",
            "移送审查起诉",
            vec![existing("id", "案件编号")],
        ),
        action(
            "case_procuratorate_notice",
            "case.procuratorate_notice",
            "登记检察机关通知",
            vec![
                existing("id", "案件编号"),
                select(
                    "notice",
                    "通知",
                    ProcuratorateNoticeKind::ALL,
                    ProcuratorateNoticeKind::as_str,
                    ProcuratorateNoticeKind::label,
                )
                .hint("退回补充侦查须在1个月内补查完毕并重新移送；要求说明不立案理由须在7日内书面说明；通知立案须在15日内立案；不批准逮捕、不起诉的，在押人员须立即释放"),
                field("measure", "措施编号", Input::Text)
                    .optional()
                    .hint("不批准逮捕时填写提请逮捕的刑事拘留措施编号；建议释放或变更强制措施时填写所涉刑事拘留或逮捕措施编号（10日内回复处理情况，文书种类 custody_review_reply）"),
            ],
        ),
        action(
            "case_close",
            "case.closed",
            "结案",
            vec![existing("id", "案件编号")],
        ),
        action(
            "case_archive",
            "case.archived",
            "归档",
            vec![existing("id", "案件编号")],
        ),
        action(
            "person_register",
            "person.registered",
            "登记人员",
            vec![
                id("人员编号", "R"),
                field("name", "姓名", Input::Text),
                field(
                    "gender",
                    "性别",
                    Input::Select(options(Gender::ALL, Gender::as_str, Gender::label)),
                ),
                field("id_number", "身份证号码", Input::Text)
                    .optional()
                    .hint("可不填；填写时校验末位校验码"),
                field("birth_date", "出生日期", Input::Date).optional(),
                field(
                    "flags",
                    "特殊人群",
                    Input::Multi(options(
                        PersonFlag::ALL,
                        PersonFlag::as_str,
                        PersonFlag::label,
                    )),
                )
                .optional(),
                field("nationality", "国籍（外国人）", Input::Text)
                    .optional()
                    .hint("外国人填ISO国家代码，如 US、VNM；中国公民不填"),
            ],
        ),
        action(
            "person_link",
            "person.linked",
            "关联人员与案件",
            vec![
                existing("id", "人员编号"),
                existing("case", "案件编号"),
                field(
                    "role",
                    "涉案角色",
                    Input::Select(options(
                        PersonRole::ALL,
                        PersonRole::as_str,
                        PersonRole::label,
                    )),
                ),
            ],
        ),
        action(
            "legal_aid_notify",
            "legal_aid.notified",
            "通知法律援助",
            vec![existing("person", "人员编号"), existing("case", "案件编号")],
        ),
        action(
            "legal_aid_request",
            "legal_aid.requested",
            "登记法律援助申请",
            vec![
                existing("person", "申请人编号"),
                existing("case", "案件编号")
                    .hint("犯罪嫌疑人申请法律援助的，须在24小时内转交法律援助机构（通知法律援助）"),
            ],
        ),
        action(
            "measure_start",
            "measure.started",
            "采取措施",
            vec![
                id("措施编号", "M"),
                existing("person", "人员编号"),
                existing("case", "案件编号"),
                field(
                    "kind",
                    "措施种类",
                    Input::Select(options(
                        MeasureKind::ALL,
                        MeasureKind::as_str,
                        MeasureKind::label,
                    )),
                ),
                field("arrived_at", "到案时间", Input::DateTime)
                    .optional()
                    .hint("传唤、询问类填写；不填即为业务时间"),
            ],
        ),
        action(
            "measure_extend",
            "measure.extended",
            "延长措施期限",
            vec![
                existing("id", "措施编号"),
                field("hours", "延长后的总时长(小时)", Input::Integer)
                    .optional()
                    .hint("传唤、拘传、询问、继续盘问以小时计，如8小时延长至24小时"),
                field("days", "延长后的总期限(日)", Input::Integer)
                    .optional()
                    .hint("拘留等以日计，如刑事拘留3日延长至7日或30日"),
                field("approved_by", "批准人（警号）", Input::Text),
            ],
        ),
        action(
            "measure_family_notify",
            "measure.family_notified",
            "通知家属",
            vec![existing("id", "措施编号")],
        ),
        action(
            "measure_family_not_notify",
            "measure.family_not_notified",
            "不通知家属",
            vec![
                existing("id", "措施编号"),
                field("reason", "不通知的理由", Input::Text)
                    .hint("如无法通知，或可能有碍侦查（须依法审批）"),
            ],
        ),
        action(
            "measure_deliver",
            "measure.delivered",
            "送押",
            vec![
                existing("id", "措施编号"),
                select(
                    "facility",
                    "羁押场所",
                    Facility::ALL,
                    Facility::as_str,
                    Facility::label,
                ),
            ],
        ),
        action(
            "measure_arrest_request",
            "measure.arrest_requested",
            "提请批准逮捕",
            vec![existing("id", "措施编号")],
        ),
        action(
            "measure_approve",
            "measure.approved",
            "补办审批",
            vec![
                existing("id", "措施编号"),
                field("approved_by", "审批人（负责人）", Input::Text)
                    .hint("当场约束的，须在24小时内向负责人报告并补办批准手续"),
            ],
        ),
        action(
            "measure_custody_recalculate",
            "measure.custody_recalculated",
            "重新计算侦查羁押期限",
            vec![
                existing("id", "逮捕措施编号"),
                select(
                    "reason",
                    "事由",
                    RecalculationReason::ALL,
                    RecalculationReason::as_str,
                    RecalculationReason::label,
                )
                .hint("发现另有重要罪行的，自发现之日起5日内报县级以上公安机关负责人批准；批准后签发变更羁押期限通知书（文书种类 custody_change_notice）送达看守所"),
                field("approved_by", "批准人（县级以上公安机关负责人）", Input::Text),
                field("from", "重新起算时间", Input::DateTime)
                    .optional()
                    .hint("发现另有重要罪行或查清身份的时间；身份不明的不填"),
            ],
        ),
        action(
            "measure_change_request",
            "measure.change_requested",
            "登记变更强制措施申请",
            vec![existing("id", "措施编号")
                .hint("须在3日内作出决定：变更、解除措施，或签发不同意变更的答复（文书种类 change_request_reply）")],
        ),
        action(
            "measure_end",
            "measure.ended",
            "结束措施",
            vec![
                existing("id", "措施编号"),
                field(
                    "outcome",
                    "结束方式",
                    Input::Select(options(
                        MeasureOutcome::ALL,
                        MeasureOutcome::as_str,
                        MeasureOutcome::label,
                    )),
                ),
            ],
        ),
        action(
            "custody_enter",
            "custody.entered",
            "进入办案中心",
            vec![
                id("在区记录编号", "S"),
                existing("person", "人员编号"),
                field("center", "办案中心单位编号", Input::Text).prefill(Prefill::ActorUnit),
                field("case", "案件编号", Input::Text).optional(),
                field("basis", "依据措施编号", Input::Text).optional(),
            ],
        ),
        action(
            "custody_security_check",
            "custody.security_checked",
            "人身安全检查",
            vec![
                existing("id", "在区记录编号"),
                field("officers", "检查人员", Input::List)
                    .optional()
                    .hint("检查妇女的身体，须由女性工作人员进行；用逗号分隔"),
            ],
        ),
        action(
            "custody_info_collect",
            "custody.info_collected",
            "信息采集",
            vec![existing("id", "在区记录编号")],
        ),
        action(
            "custody_meal",
            "custody.meal",
            "就餐登记",
            vec![existing("id", "在区记录编号")],
        ),
        action(
            "custody_incident",
            "custody.incident",
            "在区突发事件",
            vec![
                existing("id", "在区记录编号"),
                select(
                    "kind",
                    "事件",
                    StayIncidentKind::ALL,
                    StayIncidentKind::as_str,
                    StayIncidentKind::label,
                )
                .hint("须立即救治、通知家属并报告督察"),
            ],
        ),
        action(
            "custody_incident_report",
            "custody.incident_reported",
            "报告督察",
            vec![existing("id", "在区记录编号")],
        ),
        action(
            "custody_death_appraisal",
            "custody.death_appraisal_commissioned",
            "委托死因鉴定",
            vec![existing("id", "在区记录编号").hint("在区人员死亡的，须在24小时内委托死因鉴定")],
        ),
        action(
            "custody_place",
            "custody.placed",
            "安排房间",
            vec![
                existing("id", "在区记录编号"),
                field("room", "房间号", Input::Text),
                select(
                    "room_kind",
                    "房间类型",
                    RoomKind::ALL,
                    RoomKind::as_str,
                    RoomKind::label,
                ),
            ],
        ),
        action(
            "custody_exit",
            "custody.exited",
            "离开办案中心",
            vec![
                existing("id", "在区记录编号"),
                field(
                    "destination",
                    "去向",
                    Input::Select(options(
                        Destination::ALL,
                        Destination::as_str,
                        Destination::label,
                    )),
                ),
                field("document", "依据文书编号", Input::Text).optional(),
            ],
        ),
        action(
            "interrogation_hold",
            "interrogation.held",
            "讯问/询问登记",
            vec![
                id("笔录编号", "X"),
                existing("person", "被讯问/询问人编号"),
                existing("case", "案件编号"),
                select(
                    "kind",
                    "种类",
                    InterrogationKind::ALL,
                    InterrogationKind::as_str,
                    InterrogationKind::label,
                ),
                field("end", "结束时间", Input::DateTime),
                field("officers", "讯问/询问民警", Input::List)
                    .prefill(Prefill::ActorOfficer)
                    .hint("两名以上人民警察（辅警不计），用逗号分隔"),
                field("stay", "在区记录编号", Input::Text)
                    .optional()
                    .hint("在办案中心进行时填写"),
                field(
                    "guardian_present",
                    "法定代理人/合适成年人在场",
                    Input::Check,
                )
                .optional(),
                field("female_staff_present", "女性工作人员在场", Input::Check).optional(),
                field("interpreter_present", "通晓手语的人参加", Input::Check)
                    .optional()
                    .hint("讯问、询问聋、哑人须有通晓聋、哑手势的人参加"),
                field("av_recorded", "全程同步录音录像", Input::Check).optional(),
            ],
        )
        .at_label("开始时间", "讯问/询问开始的时间（北京时间）"),
        action(
            "property_seize",
            "property.seized",
            "扣押/查封/冻结财物",
            vec![
                id("财物编号", "W"),
                existing("case", "案件编号"),
                field(
                    "measure",
                    "措施",
                    Input::Select(options(
                        PropertyMeasure::ALL,
                        PropertyMeasure::as_str,
                        PropertyMeasure::label,
                    )),
                ),
                field("category", "财物类别", Input::Text),
                field("description", "财物描述", Input::Text).optional(),
                field("quantity", "数量", Input::Number).optional(),
                field("value_yuan", "价值(元)", Input::Number).optional(),
                field("seized_by", "扣押民警", Input::Text).prefill(Prefill::ActorOfficer),
            ],
        ),
        action(
            "property_store",
            "property.stored",
            "财物入库保管",
            vec![
                existing("id", "财物编号"),
                field("location", "保管位置", Input::Text),
                field("custodian", "保管人（涉案财物管理员）", Input::Text),
                field("hazmat_store", "危险品专用仓库", Input::Check)
                    .optional()
                    .hint("危险品须存放于专门仓库"),
            ],
        ),
        action(
            "property_check_out",
            "property.checked_out",
            "财物出库",
            vec![
                existing("id", "财物编号"),
                field("purpose", "出库用途", Input::Text).hint("如：鉴定、辨认、出庭"),
                field("due", "应归还时间", Input::DateTime),
                field("approved_by", "批准人（警号）", Input::Text),
            ],
        ),
        action(
            "property_check_in",
            "property.checked_in",
            "归还入库",
            vec![existing("id", "财物编号")],
        ),
        action(
            "property_found_unrelated",
            "property.found_unrelated",
            "确认与案件无关",
            vec![existing("id", "财物编号")],
        ),
        action(
            "property_owner_sought",
            "property.owner_sought",
            "发布招领公告",
            vec![existing("id", "财物编号")
                .hint("公告后六个月无人认领的，按无主财物处理")],
        ),
        action(
            "property_flag",
            "property.flagged",
            "财物性质认定",
            vec![
                existing("id", "财物编号"),
                select(
                    "flag",
                    "认定为",
                    PropertyFlag::ALL,
                    PropertyFlag::as_str,
                    PropertyFlag::label,
                )
                .hint("权属明确的被害人合法财产，登记、拍照、估价后及时发还；易腐烂变质的，拍照后及时拍卖、变卖；危险品存放于专门仓库"),
            ],
        ),
        action(
            "property_seizure_extend",
            "property.seizure_extended",
            "扣押期限延长",
            vec![
                existing("id", "财物编号"),
                field("days", "延长后的扣押期限(日)", Input::Integer).hint("自扣押起算的总期限"),
                field("approved_by_unit", "批准单位编号", Input::Text),
            ],
        ),
        action(
            "property_dispose",
            "property.disposed",
            "财物处置",
            vec![
                existing("id", "财物编号"),
                select(
                    "method",
                    "处置方式",
                    DisposalMethod::ALL,
                    DisposalMethod::as_str,
                    DisposalMethod::label,
                ),
            ],
        ),
        action(
            "document_issue",
            "document.issued",
            "签发文书",
            vec![
                id("文书编号", "D"),
                existing("case", "案件编号"),
                field(
                    "kind",
                    "文书种类",
                    Input::Suggest(
                        crate::labels::DOCUMENT_KINDS
                            .iter()
                            .map(|(c, l)| (c.to_string(), l.to_string()))
                            .collect(),
                    ),
                ),
                FieldDef {
                    keep_empty: true,
                    ..field("number", "文号", Input::Text)
                        .optional()
                        .hint("留空由系统按单位、文书种类和年度自动编号")
                },
                field("subject", "对象编号", Input::Text)
                    .optional()
                    .hint("措施、人员或财物编号"),
                field(
                    "contents",
                    "文书要素",
                    Input::Multi(options(
                        DocElement::ALL,
                        DocElement::as_str,
                        DocElement::label,
                    )),
                )
                .optional()
                .hint("处罚决定书、证据保全决定书须载明的要素；勾选文书所含要素，系统核对是否齐全"),
            ],
        ),
        action(
            "document_serve",
            "document.served",
            "文书送达",
            vec![existing("id", "文书编号"), existing("to", "受送达人编号")],
        ),
        action(
            "warning_verify",
            "warning.verified",
            "核查预警",
            vec![
                existing("id", "预警编号"),
                field("confirmed", "核查属实", Input::Check)
                    .optional()
                    .hint("不勾选即认定为误报，须写明理由"),
                field("reason", "核查意见/误报理由", Input::Text).optional(),
            ],
        )
        .roles(SUPERVISING)
        .at_label("核查时间", "核查的时间（北京时间）"),
        action(
            "warning_order_rectification",
            "warning.rectification_ordered",
            "责令整改",
            vec![
                existing("id", "预警编号"),
                field("deadline", "整改期限", Input::DateTime).hint("应晚于责令整改的时间"),
                field("instruction", "整改要求", Input::Text),
            ],
        )
        .roles(SUPERVISING),
        action(
            "warning_rectify",
            "warning.rectified",
            "整改完成",
            vec![
                existing("id", "预警编号"),
                field("evidence", "整改情况/材料", Input::Text)
                    .hint("整改的结果及佐证材料，如补办的文书编号"),
            ],
        )
        .roles(RECTIFYING),
        action(
            "warning_decide_accountability",
            "warning.accountability_decided",
            "追责",
            vec![
                existing("id", "预警编号"),
                select(
                    "outcome",
                    "追责结果",
                    AccountabilityOutcome::ALL,
                    AccountabilityOutcome::as_str,
                    AccountabilityOutcome::label,
                ),
                field("note", "追责说明", Input::Text).optional(),
            ],
        )
        .roles(SUPERVISING),
        action(
            "warning_close",
            "warning.closed",
            "督办办结",
            vec![
                existing("id", "预警编号"),
                field("note", "办结意见", Input::Text).optional(),
            ],
        )
        .roles(SUPERVISING),
    ];
    all.extend(setup);
    all
});

/// The action with a code.
pub fn find(code: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|a| a.code == code)
}

/// A fresh id: prefix, the time in base 36, two random characters.
pub fn fresh_id(prefix: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut millis = jiff::Timestamp::now().as_millisecond().max(0) as u64;
    let mut time = Vec::new();
    while millis > 0 {
        time.push(DIGITS[(millis % 36) as usize]);
        millis /= 36;
    }
    time.reverse();
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(jiff::Timestamp::now().as_nanosecond() as u64);
    let random = hasher.finish();
    let tail = [
        DIGITS[(random % 36) as usize],
        DIGITS[((random / 36) % 36) as usize],
    ];
    format!(
        "{prefix}{}{}",
        String::from_utf8_lossy(&time),
        String::from_utf8_lossy(&tail)
    )
}

/// The value shown in a `datetime-local` input for now, China time.
pub fn now_local() -> String {
    let at = app::now();
    at.display_china().replace(' ', "T")
}

/// A `datetime-local` value (`2026-03-02T09:30`) as RFC 3339 in China time.
pub fn local_to_rfc3339(text: &str) -> String {
    let text = text.trim();
    match text.len() {
        16 => format!("{text}:00+08:00"),
        19 => format!("{text}+08:00"),
        _ => text.to_string(),
    }
}

/// A form field ready for the template.
#[derive(Clone, Debug)]
pub struct FormField {
    pub name: String,
    pub label: String,
    /// text, select, check, multi, number, date, datetime, suggest
    pub input: &'static str,
    pub value: String,
    pub options: Vec<FormOption>,
    pub checked: bool,
    pub required: bool,
    pub hint: String,
    pub error: bool,
    /// The rows of a penalties field (empty for other inputs).
    pub penalties: Vec<PenaltyRow>,
}

/// One row of a decision's penalties, as entered.
#[derive(Clone, Debug)]
pub struct PenaltyRow {
    pub person: String,
    pub kinds: Vec<FormOption>,
    pub amount_yuan: String,
    pub days: String,
}

/// The posted penalty rows as (person, kind, amount, days) texts, trimmed, blank rows kept.
fn penalty_rows(pairs: &[(String, String)]) -> Vec<[String; 4]> {
    let columns =
        ["person", "kind", "amount_yuan", "days"].map(|c| values(pairs, &format!("penalties.{c}")));
    let count = columns.iter().map(Vec::len).max().unwrap_or(0);
    (0..count)
        .map(|i| {
            columns
                .each_ref()
                .map(|c| c.get(i).map(|v| v.trim()).unwrap_or("").to_string())
        })
        .collect()
}

/// The penalty rows to show: those entered, then blank ones up to `PENALTY_ROWS`.
fn penalty_form_rows(pairs: &[(String, String)]) -> Vec<PenaltyRow> {
    let mut entered = penalty_rows(pairs);
    while entered.len() < PENALTY_ROWS {
        entered.push(Default::default());
    }
    entered
        .into_iter()
        .map(|[person, kind, amount_yuan, days]| PenaltyRow {
            kinds: PenaltyKind::ALL
                .iter()
                .map(|k| FormOption {
                    code: k.as_str().into(),
                    label: k.label().into(),
                    selected: kind == k.as_str(),
                })
                .collect(),
            person,
            amount_yuan,
            days,
        })
        .collect()
}

/// One option of a select or checkbox group.
#[derive(Clone, Debug)]
pub struct FormOption {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

fn values<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The form's fields, filled from submitted or query values, else the prefill.
pub fn form_fields(
    action: &Action,
    actor: &Actor,
    given: &[(String, String)],
    error_field: Option<&str>,
) -> Vec<FormField> {
    action
        .fields
        .iter()
        .map(|f| {
            let given_values = values(given, f.name);
            let value = match given_values.first() {
                Some(v) => v.to_string(),
                None => match f.prefill {
                    Prefill::None => String::new(),
                    Prefill::Fresh(prefix) => fresh_id(prefix),
                    Prefill::ActorUnit => actor.unit.to_string(),
                    Prefill::ActorOfficer => actor.officer.to_string(),
                    Prefill::Now => now_local(),
                },
            };
            let (input, opts) = match &f.input {
                Input::Text | Input::List => ("text", Vec::new()),
                Input::Suggest(o) => ("suggest", o.clone()),
                Input::Select(o) => ("select", o.clone()),
                Input::Check => ("check", Vec::new()),
                Input::Multi(o) => ("multi", o.clone()),
                Input::Number => ("number", Vec::new()),
                Input::Integer => ("integer", Vec::new()),
                Input::Date => ("date", Vec::new()),
                Input::DateTime => ("datetime", Vec::new()),
                Input::Penalties => ("penalties", Vec::new()),
            };
            let options = opts
                .into_iter()
                .map(|(code, label)| {
                    let selected = if input == "multi" {
                        given_values.contains(&code.as_str())
                    } else {
                        value == code
                    };
                    FormOption {
                        code,
                        label,
                        selected,
                    }
                })
                .collect();
            FormField {
                name: f.name.into(),
                label: f.label.into(),
                input,
                checked: matches!(f.input, Input::Check)
                    && given_values.iter().any(|v| !v.is_empty()),
                value,
                options,
                required: f.required
                    && !matches!(f.input, Input::Check | Input::Multi(_) | Input::Penalties),
                hint: f.hint.into(),
                // Nested errors name their path (`penalties[0].person`).
                error: error_field.is_some_and(|e| {
                    e == f.name
                        || e.strip_prefix(f.name)
                            .is_some_and(|rest| rest.starts_with(['.', '[']))
                }),
                penalties: if matches!(f.input, Input::Penalties) {
                    penalty_form_rows(given)
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// A field the user must fix.
#[derive(Debug)]
pub struct FormError {
    pub field: &'static str,
    pub message: String,
}

/// The posted form as a FORMAT.md object.
pub fn to_object(action: &Action, pairs: &[(String, String)]) -> Result<Value, FormError> {
    let mut object = Map::new();
    object.insert("fact".into(), Value::String(action.fact.into()));
    for f in &action.fields {
        let given = values(pairs, f.name);
        let text = given.first().map(|s| s.trim()).unwrap_or("");
        let value = match &f.input {
            Input::Check => Some(Value::Bool(given.iter().any(|v| !v.is_empty()))),
            Input::Multi(_) => {
                let codes: Vec<Value> = given
                    .iter()
                    .filter(|v| !v.is_empty())
                    .map(|v| Value::String(v.to_string()))
                    .collect();
                if codes.is_empty() && f.required {
                    return Err(FormError {
                        field: f.name,
                        message: format!("请至少选择一项“{}”", f.label),
                    });
                }
                Some(Value::Array(codes))
            }
            Input::Penalties => {
                let penalties = penalties_value(pairs)?;
                (!penalties.is_empty()).then_some(Value::Array(penalties))
            }
            _ if text.is_empty() => {
                if f.required {
                    return Err(FormError {
                        field: f.name,
                        message: format!("请填写“{}”", f.label),
                    });
                }
                f.keep_empty.then(|| Value::String(String::new()))
            }
            Input::List => Some(Value::Array(
                text.split([',', '，', '、', ' ', ';', '；'])
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            )),
            Input::Number => match text.parse::<f64>() {
                Ok(n) => serde_json::Number::from_f64(n).map(Value::Number),
                Err(_) => {
                    return Err(FormError {
                        field: f.name,
                        message: format!("“{}”应为数字", f.label),
                    });
                }
            },
            Input::Integer => match text.parse::<u64>() {
                Ok(n) => Some(Value::from(n)),
                Err(_) => {
                    return Err(FormError {
                        field: f.name,
                        message: format!("“{}”应为整数", f.label),
                    });
                }
            },
            Input::DateTime => Some(Value::String(local_to_rfc3339(text))),
            Input::Text | Input::Suggest(_) | Input::Select(_) | Input::Date => {
                Some(Value::String(text.to_string()))
            }
        };
        if let Some(value) = value {
            object.insert(f.name.into(), value);
        }
    }
    if !object.contains_key("at") {
        object.insert("at".into(), Value::String(app::now().to_string()));
    }
    Ok(Value::Object(object))
}

/// The posted penalty rows as FORMAT.md penalty objects; blank rows are left out.
fn penalties_value(pairs: &[(String, String)]) -> Result<Vec<Value>, FormError> {
    let mut penalties = Vec::new();
    for (i, [person, kind, amount, days]) in penalty_rows(pairs).into_iter().enumerate() {
        if [&person, &kind, &amount, &days]
            .iter()
            .all(|t| t.is_empty())
        {
            continue;
        }
        let row = i + 1;
        let wrong = |message: String| FormError {
            field: "penalties",
            message,
        };
        if person.is_empty() {
            return Err(wrong(format!("第{row}条处罚未填写被处罚人编号")));
        }
        if kind.is_empty() {
            return Err(wrong(format!("第{row}条处罚未选择处罚种类")));
        }
        let mut penalty = Map::new();
        penalty.insert("person".into(), Value::String(person));
        penalty.insert("kind".into(), Value::String(kind));
        if !amount.is_empty() {
            let yuan = amount
                .parse::<f64>()
                .ok()
                .filter(|y| y.is_finite() && *y >= 0.0)
                .and_then(serde_json::Number::from_f64)
                .ok_or_else(|| wrong(format!("第{row}条处罚的罚款金额应为数字")))?;
            penalty.insert("amount_yuan".into(), Value::Number(yuan));
        }
        if !days.is_empty() {
            let days: u64 = days
                .parse()
                .map_err(|_| wrong(format!("第{row}条处罚的拘留天数应为整数")))?;
            penalty.insert("days".into(), Value::from(days));
        }
        penalties.push(Value::Object(penalty));
    }
    Ok(penalties)
}

/// Actions offered together on an element page.
#[derive(Clone, Debug)]
pub struct ActionGroup {
    pub title: &'static str,
    /// (title, link to the form with what the page knows filled in).
    pub links: Vec<(String, String)>,
}

/// A link to an action's form with some fields filled in (empty values are left out).
pub fn link(code: &str, params: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in params {
        if !value.is_empty() {
            query.append_pair(name, value);
        }
    }
    format!("/act/{code}?{}", query.finish())
}

/// The actions offered on an element's page, grouped, the element's id filled in.
///
/// Actions the element's state rules out (a second filing, anything on an archived case or a
/// disposed item) are not offered, to keep the page short, nor are actions the actor's roles do
/// not allow; whatever is offered is still checked by the world and the policy when submitted.
pub fn for_element(
    kind: &str,
    id: &str,
    status: &str,
    snapshot: &Value,
    roles: &[Role],
) -> Vec<ActionGroup> {
    let is_admin = roles.contains(&Role::Admin);
    // A field counts as set when present, not null, and not an empty list.
    let set = |field: &str| {
        snapshot
            .get(field)
            .is_some_and(|v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
    };
    let text = |field: &str| snapshot.get(field).and_then(Value::as_str).unwrap_or("");
    let on =
        |title: &'static str, code: &str, param: &str| Some((title, link(code, &[(param, id)])));
    let when = |condition: bool, item: Option<(&'static str, String)>| item.filter(|_| condition);
    type Links = Vec<Option<(&'static str, String)>>;
    let groups: Vec<(&'static str, Links)> = match kind {
        "incident" => {
            let open = !set("disposed_at");
            vec![
                (
                    "处警",
                    vec![
                        when(open, on("派警", "incident_dispatch", "id")),
                        when(
                            open && !set("arrived_at"),
                            on("到达现场", "incident_arrive", "id"),
                        ),
                        when(open, on("警情处置", "incident_dispose", "id")),
                        on("受案", "case_accept", "incident"),
                    ],
                ),
                (
                    "补充登记",
                    vec![
                        on("性质变更", "incident_recategorize", "id"),
                        on("关联执法记录仪视频", "incident_video", "id"),
                        when(
                            !set("receipt_issued_at"),
                            on("出具接报案回执", "incident_receipt", "id"),
                        ),
                        on("接受证据材料", "incident_evidence", "id"),
                        when(
                            open && !set("jurisdiction"),
                            on("管辖审查", "incident_jurisdiction", "id"),
                        ),
                        when(
                            set("jurisdiction") && !set("reporter_told"),
                            on("告知报案人", "incident_reporter_tell", "id"),
                        ),
                    ],
                ),
            ]
        }
        "case" if status == "archived" => Vec::new(),
        "case" => {
            let criminal = text("kind") == "criminal";
            let undecided_filing = status == "accepted";
            let decided = set("decision");
            let closed = set("closed_at");
            vec![
                (
                    "立案",
                    vec![
                        // A case not filed may be filed after all: ordered by the
                        // procuratorate (通知立案) or on reconsideration.
                        when(
                            undecided_filing || status == "not_filed",
                            on("立案", "case_file", "id"),
                        ),
                        when(undecided_filing, on("不予立案", "case_not_file", "id")),
                        when(
                            undecided_filing && criminal,
                            on("立案审查延期", "case_filing_extend", "id"),
                        ),
                        when(
                            !set("fast_track_at") && !decided,
                            on("快速办理", "case_fast_track", "id"),
                        ),
                    ],
                ),
                (
                    "调查取证",
                    vec![
                        on("关联人员", "person_link", "case"),
                        on("采取措施", "measure_start", "case"),
                        on("讯问/询问", "interrogation_hold", "case"),
                        on("侦查/调查行为", "case_act", "id"),
                        on("人身搜查/检查", "case_person_search", "id"),
                        when(
                            criminal && set("filed_at"),
                            on("技术侦查措施", "case_technical_investigation", "id"),
                        ),
                        on("伤情鉴定", "case_injury", "id"),
                        on("进入办案中心", "custody_enter", "case"),
                        on("扣押财物", "property_seize", "case"),
                        on("通知法律援助", "legal_aid_notify", "case"),
                        on("法律援助申请", "legal_aid_request", "case"),
                    ],
                ),
                (
                    "审核与决定",
                    vec![
                        on("处罚前告知", "case_prior_notice", "id"),
                        when(
                            !decided && !criminal,
                            on("听证申请", "case_hearing_request", "id"),
                        ),
                        when(
                            !decided && !criminal,
                            on("举行听证", "case_hearing_hold", "id"),
                        ),
                        on("法制审核通过", "case_review_pass", "id"),
                        on("法制审核退回", "case_review_return", "id"),
                        when(!decided, on("办案期限延长", "case_limit_extend", "id")),
                        when(!decided && !closed, on("作出处理决定", "case_decide", "id")),
                        when(
                            decided && !criminal,
                            on("当场收缴罚款", "case_fine_cash", "id"),
                        ),
                        when(
                            decided && !criminal,
                            on("催告与强制执行", "case_enforcement", "id"),
                        ),
                        when(
                            !criminal,
                            on("不适用调解的情形", "case_mediation_bar", "id"),
                        ),
                        when(
                            !closed && !set("jurisdiction_found_at"),
                            on("发现不属本单位管辖", "case_jurisdiction", "id"),
                        ),
                        when(!decided && !closed, on("移送管辖", "case_transfer", "id")),
                        on("对外发布案件信息", "case_publicize", "id"),
                        when(criminal, on("辨认", "case_identification", "id")),
                        when(
                            criminal && set("from_agency") && undecided_filing,
                            on("通知补正材料", "case_completion_request", "id"),
                        ),
                        when(
                            criminal && set("from_agency") && status == "not_filed",
                            on("移送机关申请复议", "case_reconsideration_request", "id"),
                        ),
                        when(
                            set("reconsideration"),
                            on("作出复议决定", "case_reconsideration_decide", "id"),
                        ),
                        when(
                            decided && !criminal,
                            on("暂缓执行行政拘留申请", "case_deferral_request", "id"),
                        ),
                        when(
                            decided && !criminal,
                            on("暂缓执行行政拘留决定", "case_deferral_decide", "id"),
                        ),
                    ],
                ),
                (
                    "文书与结案",
                    vec![
                        on("签发文书", "document_issue", "case"),
                        when(
                            criminal
                                && !set("dropped_at")
                                && (!set("sent_for_prosecution_at")
                                    || status == "supplementary_investigation"),
                            on("移送审查起诉", "case_send_for_prosecution", "id"),
                        ),
                        when(
                            criminal && !closed,
                            on("登记检察机关通知", "case_procuratorate_notice", "id"),
                        ),
                        when(
                            !set("dropped_at") && !closed,
                            on("撤销案件", "case_drop", "id"),
                        ),
                        when(!closed, on("结案", "case_close", "id")),
                        when(closed, on("归档", "case_archive", "id")),
                    ],
                ),
            ]
        }
        "person" => vec![(
            "办案",
            vec![
                on("关联案件", "person_link", "id"),
                on("采取措施", "measure_start", "person"),
                when(
                    status != "in_center",
                    on("进入办案中心", "custody_enter", "person"),
                ),
                on("讯问/询问", "interrogation_hold", "person"),
                on("通知法律援助", "legal_aid_notify", "person"),
                on("法律援助申请", "legal_aid_request", "person"),
            ],
        )],
        "measure" => {
            let active = !set("ended");
            let measure = MeasureKind::from_code(text("kind"));
            let family_open = !set("family");
            vec![(
                "措施",
                vec![
                    when(
                        active && measure != Some(MeasureKind::Restraint),
                        on("延长期限", "measure_extend", "id"),
                    ),
                    when(
                        measure == Some(MeasureKind::Restraint) && !set("approved_at"),
                        on("补办审批", "measure_approve", "id"),
                    ),
                    when(family_open, on("通知家属", "measure_family_notify", "id")),
                    when(
                        family_open,
                        on("不通知家属", "measure_family_not_notify", "id"),
                    ),
                    when(
                        active
                            && measure.is_some_and(MeasureKind::is_detention)
                            && !set("delivered"),
                        on("送押", "measure_deliver", "id"),
                    ),
                    when(
                        active
                            && measure == Some(MeasureKind::CriminalDetention)
                            && !set("arrest_requested_at"),
                        on("提请批准逮捕", "measure_arrest_request", "id"),
                    ),
                    when(
                        active && measure == Some(MeasureKind::Arrest),
                        on("重新计算羁押期限", "measure_custody_recalculate", "id"),
                    ),
                    when(
                        active,
                        on("变更强制措施申请", "measure_change_request", "id"),
                    ),
                    when(active, on("结束措施", "measure_end", "id")),
                ],
            )]
        }
        "stay" => {
            let incidents = snapshot.get("incidents").and_then(|v| v.as_array());
            let any =
                |f: &dyn Fn(&serde_json::Value) -> bool| incidents.is_some_and(|a| a.iter().any(f));
            let unreported = any(&|i| i.get("reported_at").is_none());
            let death_open =
                any(&|i| i["kind"] == "death" && i.get("appraisal_commissioned_at").is_none());
            let follow_up = (
                "突发事件",
                vec![
                    when(!set("exited"), on("在区突发事件", "custody_incident", "id")),
                    when(unreported, on("报告督察", "custody_incident_report", "id")),
                    when(
                        death_open,
                        on("委托死因鉴定", "custody_death_appraisal", "id"),
                    ),
                ],
            );
            if set("exited") {
                vec![follow_up]
            } else {
                vec![
                    (
                        "办案中心",
                        vec![
                            when(
                                !set("security_checked_at"),
                                on("人身安全检查", "custody_security_check", "id"),
                            ),
                            when(
                                !set("info_collected_at"),
                                on("信息采集", "custody_info_collect", "id"),
                            ),
                            on("就餐登记", "custody_meal", "id"),
                            on("安排房间", "custody_place", "id"),
                            Some((
                                "讯问/询问",
                                link(
                                    "interrogation_hold",
                                    &[
                                        ("stay", id),
                                        ("person", text("person")),
                                        ("case", text("case")),
                                    ],
                                ),
                            )),
                            on("离开办案中心", "custody_exit", "id"),
                        ],
                    ),
                    follow_up,
                ]
            }
        }
        "property" if status == "disposed" => Vec::new(),
        "property" => {
            let out = status == "checked_out";
            vec![
                (
                    "保管",
                    vec![
                        when(!out, on("入库保管", "property_store", "id")),
                        when(status == "stored", on("出库", "property_check_out", "id")),
                        when(out, on("归还入库", "property_check_in", "id")),
                    ],
                ),
                (
                    "期限与处置",
                    vec![
                        on("扣押期限延长", "property_seizure_extend", "id"),
                        when(
                            !set("found_unrelated_at"),
                            on("确认与案件无关", "property_found_unrelated", "id"),
                        ),
                        when(
                            !set("owner_sought_at"),
                            on("发布招领公告", "property_owner_sought", "id"),
                        ),
                        when(!set("flagged"), on("财物性质认定", "property_flag", "id")),
                        on("处置", "property_dispose", "id"),
                    ],
                ),
            ]
        }
        "document" => vec![("文书", vec![on("送达", "document_serve", "id")])],
        "officer" if is_admin => vec![("管理", vec![on("变更角色/单位", "officer_change", "id")])],
        "warning" => {
            // The loop's steps as the world allows them (`World::check_warning`): 核查 first,
            // then 责令整改 or 追责, 整改完成 after an order, 办结 after a false positive, a
            // rectification or an accountability decision.
            let stage = LoopStage::from_code(text("stage"));
            let at = |stages: &[LoopStage]| stage.is_some_and(|s| stages.contains(&s));
            use LoopStage::*;
            vec![(
                "督办",
                vec![
                    when(at(&[Found]), on("核查", "warning_verify", "id")),
                    when(
                        at(&[Verified]),
                        on("责令整改", "warning_order_rectification", "id"),
                    ),
                    when(
                        at(&[RectificationOrdered]),
                        on("整改完成", "warning_rectify", "id"),
                    ),
                    when(
                        at(&[Verified, Rectified]),
                        on("追责", "warning_decide_accountability", "id"),
                    ),
                    when(
                        at(&[FalsePositive, Rectified, Accountability]),
                        on("办结", "warning_close", "id"),
                    ),
                ],
            )]
        }
        _ => Vec::new(),
    };
    let allowed = |href: &str| {
        href.strip_prefix("/act/")
            .and_then(|rest| find(rest.split('?').next().unwrap_or(rest)))
            .is_none_or(|action| action.allows(roles))
    };
    groups
        .into_iter()
        .map(|(title, links)| ActionGroup {
            title,
            links: links
                .into_iter()
                .flatten()
                .filter(|(_, l)| allowed(l))
                .map(|(t, l)| (t.to_string(), l))
                .collect(),
        })
        .filter(|g| !g.links.is_empty())
        .collect()
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_are_valid_and_differ() {
        let a = fresh_id("J");
        assert!(a.starts_with('J') && a.len() > 8);
        assert!(domain::ids::check_id(&a).is_ok());
        let many: std::collections::HashSet<String> = (0..20).map(|_| fresh_id("J")).collect();
        assert!(many.len() > 1);
    }

    #[test]
    fn a_posted_form_becomes_a_fact() {
        let action = find("document_issue").unwrap();
        let pairs: Vec<(String, String)> = [
            ("id", "D1"),
            ("case", "C1"),
            ("kind", "seizure_list"),
            ("number", ""),
            ("at", "2026-03-02T09:30"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let object = to_object(action, &pairs).unwrap();
        assert_eq!(object["number"], "");
        assert_eq!(object["at"], "2026-03-02T09:30:00+08:00");
        assert!(domain::Fact::from_value(object).is_ok());
        let missing = to_object(action, &pairs[..1]).unwrap_err();
        assert_eq!(missing.field, "case");
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// Facts nobody types into a fact form: accounts are kept by the admin page's own forms,
    /// which never put credentials into a fact.
    const NOT_BY_FORM: [&str; 3] = [
        "account.created",
        "account.password_set",
        "account.disabled",
    ];

    /// Facts the supervision engine records: raised, changed and cleared by the rules.
    const BY_THE_ENGINE: [&str; 3] = ["warning.raised", "warning.level_changed", "warning.cleared"];

    #[test]
    fn every_fact_recorded_by_hand_has_a_form() {
        for kind in domain::FactKind::ALL {
            let code = kind.as_str();
            let has_form = ACTIONS.iter().any(|a| a.fact == code);
            let without_form = NOT_BY_FORM.contains(&code) || BY_THE_ENGINE.contains(&code);
            assert_eq!(
                has_form, !without_form,
                "{code}: a form exists only for facts recorded by hand"
            );
        }
        let mut codes = std::collections::HashSet::new();
        for action in ACTIONS.iter() {
            assert!(
                domain::FactKind::from_code(action.fact).is_some(),
                "{}: unknown fact {}",
                action.code,
                action.fact
            );
            assert!(codes.insert(action.code), "{} twice", action.code);
            assert!(action.fields.iter().any(|f| f.name == "at"));
        }
    }

    #[test]
    fn element_pages_link_to_forms_with_their_fields() {
        let case = serde_json::json!({"kind": "criminal", "decision": null, "closed_at": null});
        let stay = serde_json::json!({"person": "P1", "case": "C1", "exited": null});
        let measure = serde_json::json!({"kind": "criminal_detention", "ended": null});
        let closed =
            serde_json::json!({"kind": "administrative", "closed_at": "2026-03-02T09:30:00+08:00"});
        let pages = [
            ("case", "closed", closed.clone()),
            ("property", "checked_out", serde_json::json!({})),
            ("incident", "received", serde_json::json!({})),
            (
                "incident",
                "received",
                serde_json::json!({"jurisdiction": ["2026-03-02T11:00:00+08:00", "other_unit"]}),
            ),
            ("case", "accepted", case.clone()),
            (
                "case",
                "accepted",
                serde_json::json!({"kind": "administrative", "decision": null}),
            ),
            (
                "case",
                "accepted",
                serde_json::json!({"kind": "criminal", "from_agency": true}),
            ),
            (
                "case",
                "not_filed",
                serde_json::json!({"kind": "criminal", "from_agency": true, "reconsideration": {"requested_at": "2026-03-05T10:00:00+08:00"}}),
            ),
            (
                "case",
                "decided",
                serde_json::json!({"kind": "administrative", "decision": {"decision": "penalty"}}),
            ),
            (
                "case",
                "filed",
                serde_json::json!({"kind": "criminal", "filed_at": "2026-03-02T09:30:00+08:00"}),
            ),
            ("person", "registered", serde_json::json!({})),
            ("measure", "active", measure),
            (
                "measure",
                "active",
                serde_json::json!({"kind": "restraint", "ended": null}),
            ),
            (
                "measure",
                "active",
                serde_json::json!({"kind": "arrest", "ended": null}),
            ),
            ("stay", "in_center", stay),
            (
                "stay",
                "exited",
                serde_json::json!({"exited": ["2026-03-02T12:00:00+08:00", "hospital"], "incidents": [{"kind": "death"}]}),
            ),
            ("property", "stored", serde_json::json!({})),
            ("document", "issued", serde_json::json!({})),
            ("officer", "active", serde_json::json!({})),
            ("warning", "found", serde_json::json!({"stage": "found"})),
            (
                "warning",
                "verified",
                serde_json::json!({"stage": "verified"}),
            ),
            (
                "warning",
                "rectification_ordered",
                serde_json::json!({"stage": "rectification_ordered"}),
            ),
            (
                "warning",
                "rectified",
                serde_json::json!({"stage": "rectified"}),
            ),
        ];
        let mut linked = std::collections::HashSet::new();
        for (kind, status, snapshot) in &pages {
            let groups = for_element(kind, "X1", status, snapshot, Role::ALL);
            assert!(!groups.is_empty(), "{kind} has actions");
            for (title, href) in groups.iter().flat_map(|g| &g.links) {
                let (path, query) = href.split_once('?').unwrap();
                let code = path.strip_prefix("/act/").unwrap();
                let action = find(code).unwrap_or_else(|| panic!("{title}: no action {code}"));
                for (name, value) in form_urlencoded::parse(query.as_bytes()) {
                    assert!(
                        action.fields.iter().any(|f| f.name == name),
                        "{href}: {code} has no field {name}"
                    );
                    assert!(!value.is_empty());
                }
                linked.insert(action.code);
            }
        }
        // Every business action is reachable from some element page, except those that start
        // an element (offered on the workbench and lists) and the administrator's setup.
        for action in ACTIONS.iter() {
            let starts = matches!(
                action.code,
                "incident_receive" | "person_register" | "document_issue"
            );
            if !action.admin && !starts {
                assert!(
                    linked.contains(action.code),
                    "{} is linked nowhere",
                    action.code
                );
            }
        }
        // An archived case and a disposed item offer nothing; a closed case offers archiving.
        assert!(for_element("case", "C1", "archived", &case, &[Role::Officer]).is_empty());
        assert!(
            for_element(
                "property",
                "W1",
                "disposed",
                &serde_json::json!({}),
                &[Role::Officer]
            )
            .is_empty()
        );
        let offered: Vec<String> = for_element("case", "C1", "closed", &closed, &[Role::Officer])
            .into_iter()
            .flat_map(|g| g.links.into_iter().map(|(t, _)| t))
            .collect();
        assert!(offered.contains(&"归档".to_string()), "{offered:?}");
        assert!(!offered.contains(&"结案".to_string()), "{offered:?}");
        assert!(
            !offered.contains(&"移送审查起诉".to_string()),
            "{offered:?}"
        );
    }

    /// The titles offered on a warning page at a stage, to an actor with `roles`.
    fn warning_offers(stage: &str, roles: &[Role]) -> Vec<String> {
        let snapshot = serde_json::json!({ "stage": stage });
        for_element("warning", "YJ1", stage, &snapshot, roles)
            .into_iter()
            .flat_map(|g| g.links.into_iter().map(|(t, _)| t))
            .collect()
    }

    #[test]
    fn a_warning_offers_the_loop_steps_its_stage_allows_to_the_roles_that_take_them() {
        let legal = &[Role::LegalOfficer];
        assert_eq!(warning_offers("found", legal), ["核查"]);
        assert_eq!(warning_offers("verified", legal), ["责令整改", "追责"]);
        assert_eq!(warning_offers("rectification_ordered", legal), ["整改完成"]);
        assert_eq!(warning_offers("rectified", legal), ["追责", "办结"]);
        assert_eq!(warning_offers("false_positive", legal), ["办结"]);
        assert_eq!(warning_offers("accountability", legal), ["办结"]);
        assert!(warning_offers("closed", Role::ALL).is_empty());
        // An officer reports the rectification, and is offered nothing else.
        let officer = &[Role::Officer];
        assert!(warning_offers("found", officer).is_empty());
        assert_eq!(
            warning_offers("rectification_ordered", officer),
            ["整改完成"]
        );
        assert!(warning_offers("rectification_ordered", &[Role::Supervisor]).is_empty());
        assert_eq!(
            warning_offers("verified", &[Role::Leader]),
            ["责令整改", "追责"]
        );
        let verify = find("warning_verify").unwrap();
        assert!(verify.allows(&[Role::Supervisor]) && !verify.allows(officer));
        assert!(verify.refusal().contains("法制员"), "{}", verify.refusal());

        // A false positive is sent unchecked, its reason as entered.
        let object = to_object(
            verify,
            &pairs(&[("id", "YJ1"), ("reason", ""), ("at", "2026-03-02T09:30")]),
        )
        .unwrap();
        assert_eq!(object["confirmed"], false);
        let fact = domain::Fact::from_value(object).unwrap();
        assert!(matches!(
            fact.body,
            domain::FactBody::WarningVerified(ref p) if !p.confirmed && p.reason.is_empty()
        ));
        let order = find("warning_order_rectification").unwrap();
        let object = to_object(
            order,
            &pairs(&[
                ("id", "YJ1"),
                ("deadline", "2026-03-09T18:00"),
                ("instruction", "补办手续"),
                ("at", "2026-03-02T09:30"),
            ]),
        )
        .unwrap();
        assert_eq!(object["deadline"], "2026-03-09T18:00:00+08:00");
        assert!(domain::Fact::from_value(object).is_ok());
    }

    #[test]
    fn a_body_search_names_its_officers_and_a_doctor_only_when_ticked() {
        let search = find("case_person_search").unwrap();
        let object = to_object(
            search,
            &pairs(&[
                ("id", "C1"),
                ("person", "P2"),
                ("kind", "examination"),
                ("officers", "O3, O4"),
                ("doctor", "on"),
                ("at", "2026-03-02T09:30"),
            ]),
        )
        .unwrap();
        let fact = domain::Fact::from_value(object).unwrap();
        assert!(matches!(
            fact.body,
            domain::FactBody::CasePersonSearched(ref p)
                if p.doctor && p.officers.len() == 2 && p.officers[1].as_str() == "O4"
                    && p.kind == BodyCheckKind::Examination
        ));
        let object = to_object(
            search,
            &pairs(&[
                ("id", "C1"),
                ("person", "P2"),
                ("kind", "search"),
                ("officers", "O3"),
                ("at", "2026-03-02T09:30"),
            ]),
        )
        .unwrap();
        let fact = domain::Fact::from_value(object).unwrap();
        assert!(matches!(
            fact.body,
            domain::FactBody::CasePersonSearched(ref p) if !p.doctor
        ));
    }

    #[test]
    fn decisions_carry_penalty_rows_and_extensions_whole_numbers() {
        let decide = find("case_decide").unwrap();
        let posted = pairs(&[
            ("id", "C1"),
            ("decision", "penalty"),
            ("decided_by_unit", "U1"),
            ("penalties.person", "P1"),
            ("penalties.kind", "fine"),
            ("penalties.amount_yuan", "500"),
            ("penalties.days", ""),
            ("penalties.person", ""),
            ("penalties.kind", ""),
            ("penalties.amount_yuan", ""),
            ("penalties.days", ""),
            ("penalties.person", "P2"),
            ("penalties.kind", "detention"),
            ("penalties.amount_yuan", ""),
            ("penalties.days", "5"),
            ("at", "2026-03-02T09:30"),
        ]);
        let object = to_object(decide, &posted).unwrap();
        assert_eq!(
            object["penalties"],
            serde_json::json!([
                {"person": "P1", "kind": "fine", "amount_yuan": 500.0},
                {"person": "P2", "kind": "detention", "days": 5}
            ])
        );
        assert!(domain::Fact::from_value(object).is_ok());

        // A row without its person is named, and no penalties at all is a decision without any.
        let mut missing = posted.clone();
        missing[3].1 = String::new();
        let error = to_object(decide, &missing).unwrap_err();
        assert_eq!(error.field, "penalties");
        assert!(error.message.contains("第1条"), "{}", error.message);
        let without: Vec<_> = posted
            .iter()
            .filter(|(name, _)| !name.starts_with("penalties."))
            .cloned()
            .collect();
        let none = to_object(decide, &without).unwrap();
        assert!(none.get("penalties").is_none());

        // The form shows what was entered, then blank rows.
        let actor = app::Actor {
            officer: domain::ids::OfficerId::parse("OA").unwrap(),
            name: "张三".into(),
            unit: domain::ids::UnitId::parse("UA").unwrap(),
            unit_name: "甲派出所".into(),
            unit_path: "/U0/UA/".into(),
            roles: vec![Role::Officer],
            must_change_password: false,
        };
        let fields = form_fields(decide, &actor, &posted[..7], Some("penalties[0].person"));
        let penalties = fields.iter().find(|f| f.name == "penalties").unwrap();
        assert!(penalties.error);
        assert_eq!(penalties.penalties.len(), PENALTY_ROWS);
        assert_eq!(penalties.penalties[0].person, "P1");
        assert!(
            penalties.penalties[0]
                .kinds
                .iter()
                .any(|k| k.selected && k.code == "fine")
        );

        let extend = find("measure_extend").unwrap();
        let object = to_object(
            extend,
            &pairs(&[
                ("id", "M1"),
                ("hours", "24"),
                ("approved_by", "OA"),
                ("at", "2026-03-02T09:30"),
            ]),
        )
        .unwrap();
        assert_eq!(object["hours"], serde_json::json!(24));
        assert!(object.get("days").is_none());
        assert!(domain::Fact::from_value(object).is_ok());
        let error = to_object(
            extend,
            &pairs(&[("id", "M1"), ("hours", "24.5"), ("approved_by", "OA")]),
        )
        .unwrap_err();
        assert_eq!(error.field, "hours");
    }
}
