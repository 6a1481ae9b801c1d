//! Chinese labels for statuses, snapshot fields and coded values shown on pages.

use domain::elements::*;
use domain::fact::ElementKind;
use serde_json::Value;

/// The element kinds that have lists and pages, in menu order.
pub const PAGE_KINDS: [&str; 11] = [
    "incident",
    "case",
    "person",
    "measure",
    "stay",
    "interrogation",
    "property",
    "document",
    "warning",
    "unit",
    "officer",
];

/// The Chinese name of an element kind.
pub fn kind_label(kind: &str) -> &'static str {
    ElementKind::from_code(kind)
        .map(|k| k.label())
        .unwrap_or("要素")
}

/// The statuses an element kind can be in, with their Chinese names (as the world names them).
pub fn statuses(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "unit" => &[("active", "在用")],
        "officer" => &[("active", "在职")],
        "incident" => &[
            ("received", "已接警"),
            ("dispatched", "已派警"),
            ("on_scene", "已到场"),
            ("disposed", "已处置"),
        ],
        "case" => &[
            ("accepted", "已受案"),
            ("filed", "已立案"),
            ("not_filed", "不予立案"),
            ("decided", "已决定"),
            ("sent_for_prosecution", "已移送起诉"),
            ("supplementary_investigation", "补充侦查中"),
            ("dropped", "已撤销"),
            ("closed", "已结案"),
            ("archived", "已归档"),
        ],
        "person" => &[("registered", "已登记"), ("in_center", "在区")],
        "measure" => &[("active", "执行中"), ("ended", "已结束")],
        "stay" => &[("in_center", "在区"), ("exited", "已离区")],
        "interrogation" => &[("held", "已完成")],
        "property" => &[
            ("seized", "待入库"),
            ("stored", "在库"),
            ("checked_out", "已出库"),
            ("disposed", "已处置"),
        ],
        "document" => &[("issued", "已签发"), ("served", "已送达")],
        // The loop stages (`LoopStage`), and `cleared` for a warning the engine withdrew before
        // anyone verified it (domain `World::view`).
        "warning" => &[
            ("found", "发现"),
            ("cleared", "已解除"),
            ("verified", "已核查"),
            ("false_positive", "误报"),
            ("rectification_ordered", "整改中"),
            ("rectified", "已整改"),
            ("accountability", "已追责"),
            ("closed", "已办结"),
        ],
        _ => &[],
    }
}

/// The Chinese name of a status.
pub fn status_label(kind: &str, status: &str) -> String {
    statuses(kind)
        .iter()
        .find(|(code, _)| *code == status)
        .map(|(_, l)| l.to_string())
        .unwrap_or_else(|| status.to_string())
}

/// The Chinese name of a field of an element kind's snapshot or facts: the shared name, unless
/// the kind means something else by it (a warning's `due` is its deadline, not a return date).
pub fn field_label_of<'a>(element: &str, field: &'a str) -> &'a str {
    match (element, field) {
        ("warning", "due") => "期限",
        ("warning", "closed_at") => "办结时间",
        ("warning", "outcome") => "追责结果",
        ("warning", "subject") => "预警对象",
        ("warning", "level") => "预警等级",
        ("warning", "reason") => "核查意见/误报理由",
        _ => field_label(field),
    }
}

/// The Chinese name of a snapshot or fact field.
pub fn field_label(field: &str) -> &str {
    match field {
        "id" => "编号",
        "name" => "名称/姓名",
        "unit" => "单位",
        "parent" => "上级单位",
        "level" => "级别",
        "path" => "单位路径",
        "gender" => "性别",
        "auxiliary" => "辅警",
        "roles" => "角色",
        "defined_at" => "登记时间",
        "source" => "警情来源",
        "nature" => "警情性质",
        "received_nature" => "接警时性质",
        "category" => "类别",
        "summary" => "简要情况",
        "received_at" => "接警时间",
        "officers" => "民警",
        "dispatched_at" => "派警时间",
        "arrived_at" => "到达/到案时间",
        "disposed_at" => "处置时间",
        "result" => "处置结果",
        "case" => "案件",
        "recategorizations" => "性质变更",
        "videos" => "执法视频",
        "kind" => "种类",
        "incident" => "警情",
        "complex" => "疑难复杂",
        "economic" => "经济犯罪",
        "accepted_at" => "受案时间",
        "committed_at" => "违法犯罪行为发生时间",
        "other_administrative" => "非治安行政案件",
        "injury" => "伤害案件",
        "sexual_or_violent" => "性侵害、暴力伤害案件",
        "filing_extended_days" => "立案审查延长(天)",
        "filed_at" => "立案时间",
        "not_filed_at" => "不予立案时间",
        "fast_track_at" => "快速办理时间",
        "acts" => "侦查/调查行为",
        "body_checks" => "人身搜查/检查",
        "technical_investigations" => "技术侦查措施",
        "deferrals" => "暂缓执行行政拘留",
        "fine_cash" => "当场收缴罚款",
        "enforcements" => "行政决定的执行",
        "reminder_served_at" => "催告书送达时间",
        "contested_at" => "申请复议或提起诉讼时间",
        "complied_at" => "履行时间",
        "court_applied_at" => "申请人民法院强制执行时间",
        "collected_at" => "收缴时间",
        "handed_over_at" => "交至所属机关时间",
        "deposited_at" => "缴付银行时间",
        "hearing_right" => "告知听证权利",
        "hearings" => "听证",
        "recalculations" => "重新计算羁押期限",
        "from" => "重新起算时间",
        "held_at" => "举行听证时间",
        "incidents" => "在区突发事件",
        "reported_at" => "报告督察时间",
        "appraisal_commissioned_at" => "委托死因鉴定时间",
        "requested_at" => "申请时间",
        "decided" => "决定",
        "granted" => "准许",
        "bond_yuan" => "保证金（元）",
        "guarantor" => "担保人",
        "approved_at" => "批准时间",
        "extended_at" => "延长批准时间",
        "step" => "环节",
        "doctor" => "由医师进行",
        "injuries" => "伤情鉴定",
        "prior_notices" => "处罚前告知",
        "reviews" => "法制审核",
        "limit_extended_days" => "办案期限延长(天)",
        "decision" => "处理决定",
        "dropped_at" => "撤销时间",
        "sent_for_prosecution_at" => "移送起诉时间",
        "sent_again_at" => "补充侦查后重新移送时间",
        "procuratorate_notices" => "检察机关通知",
        "notice" => "通知",
        "closed_at" => "结案时间",
        "archived_at" => "归档时间",
        "id_number" => "身份证号码",
        "birth_date" => "出生日期",
        "flags" => "特殊人群",
        "registered_at" => "登记时间",
        "links" => "涉案关系",
        "legal_aid_requests" => "法律援助申请",
        "change_requests" => "变更强制措施申请",
        "legal_aid" => "法律援助",
        "person" => "人员",
        "started_at" => "开始时间",
        "extended_hours" => "延长至(小时)",
        "extended_days" => "延长至(天)",
        "family" => "家属通知",
        "delivered" => "送押",
        "arrest_requested_at" => "提请逮捕时间",
        "ended" => "结束",
        "center" => "办案中心",
        "basis" => "依据措施",
        "entered_at" => "入区时间",
        "security_checked_at" => "安全检查时间",
        "security_checked_by" => "安全检查人员",
        "finding" => "管辖审查结论",
        "flag" => "性质认定",
        "info_collected_at" => "信息采集时间",
        "meals" => "就餐",
        "placements" => "房间安排",
        "exited" => "离区",
        "exit_document" => "离区文书",
        "ended_at" => "结束时间",
        "end" => "结束时间",
        "stay" => "在区记录",
        "guardian_present" => "监护人/合适成年人在场",
        "owner_sought_at" => "招领公告时间",
        "flagged" => "性质认定",
        "receipt_issued_at" => "接报案回执出具时间",
        "jurisdiction_found_at" => "发现不属本单位管辖时间",
        "transferred" => "移送管辖",
        "to_unit" => "移送至单位",
        "mediation_bars" => "不适用调解的情形",
        "publications" => "对外发布案件信息",
        "identified" => "披露身份信息的人员",
        "from_agency" => "行政执法机关移送",
        "identifications" => "辨认",
        "contents" => "文书要素",
        "identifier" => "辨认人",
        "lineup" => "混杂的对象数",
        "completion_requested_at" => "通知补正材料时间",
        "reconsideration" => "移送机关申请复议",
        "decided_at" => "决定时间",
        "upheld" => "维持原决定",
        "evidence_received" => "接受证据材料",
        "listed" => "已出具清单",
        "jurisdiction" => "管辖审查结论",
        "reporter_told" => "告知报案人",
        "written" => "书面告知",
        "hazmat_store" => "危险品专用仓库",
        "nationality" => "国籍",
        "interpreter_present" => "通晓手语的人参加",
        "female_staff_present" => "女性工作人员在场",
        "av_recorded" => "同步录音录像",
        "measure" => "措施",
        "description" => "描述",
        "quantity" => "数量",
        "value_yuan" => "价值(元)",
        "seized_by" => "扣押民警",
        "seized_at" => "扣押时间",
        "storages" => "保管记录",
        "check_outs" => "出库记录",
        "found_unrelated_at" => "确认无关时间",
        "seizure_extended_days" => "扣押延长(天)",
        "disposed" => "处置",
        "number" => "文号",
        "subject" => "对象",
        "issued_at" => "签发时间",
        "served" => "送达",
        "serial" => "序号",
        "location" => "保管位置",
        "custodian" => "保管人",
        "purpose" => "用途",
        "due" => "应归还时间",
        "approved_by" => "批准人",
        "approved_by_unit" => "批准单位",
        "room" => "房间",
        "room_kind" => "房间类型",
        "destination" => "去向",
        "document" => "文书",
        "outcome" => "结束方式",
        "facility" => "羁押场所",
        "reason" => "理由",
        "method" => "处置方式",
        "days" => "天数",
        "hours" => "小时数",
        "reviewer" => "审核人",
        "decided_by_unit" => "决定单位",
        "penalties" => "处罚",
        "grade" => "伤情等级",
        "act" => "行为",
        "role" => "角色",
        "to" => "送达对象",
        "username" => "用户名",
        "reset" => "重置",
        "disabled" => "停用",
        "override_reason" => "强制提交理由",
        "at" => "时间",
        "passed" => "通过",
        "notified" => "已通知",
        "returned_at" => "归还时间",
        "amount_yuan" => "金额(元)",
        "ref" => "视频编号",
        "date" => "日期",
        "year" => "年份",
        "holidays" => "放假日期",
        "workdays" => "调休上班日期",
        "rule" => "规则",
        "element" => "对象类别",
        "message" => "预警说明",
        "raised_at" => "预警时间",
        "history" => "等级变化",
        "cleared_at" => "解除时间",
        "stage" => "督办环节",
        "verified_at" => "核查时间",
        "confirmed" => "核查属实",
        "verification_reason" => "核查说明",
        "ordered_at" => "责令整改时间",
        "deadline" => "整改期限",
        "instruction" => "整改要求",
        "rectified_at" => "整改完成时间",
        "evidence" => "整改材料",
        "accountability_at" => "追责时间",
        "accountability_note" => "追责说明",
        "closing_note" => "办结说明",
        "note" => "说明",
        _ => field,
    }
}

/// The Chinese name of a coded value, given the field it is in and the element kind.
pub fn value_label(element: &str, field: &str, code: &str) -> Option<&'static str> {
    match field {
        "gender" => Gender::from_code(code).map(Gender::label),
        "level" | "history" if element == "warning" => {
            WarningLevel::from_code(code).map(WarningLevel::label)
        }
        "outcome" if element == "warning" => {
            AccountabilityOutcome::from_code(code).map(AccountabilityOutcome::label)
        }
        "stage" => LoopStage::from_code(code).map(LoopStage::label),
        "element" => ElementKind::from_code(code).map(ElementKind::label),
        "level" => UnitLevel::from_code(code).map(UnitLevel::label),
        "roles" => Role::from_code(code).map(Role::label),
        "source" => IncidentSource::from_code(code).map(IncidentSource::label),
        "nature" | "received_nature" => IncidentNature::from_code(code).map(IncidentNature::label),
        "result" => DisposalResult::from_code(code).map(DisposalResult::label),
        "act" => ActKind::from_code(code).map(ActKind::label),
        "notice" => ProcuratorateNoticeKind::from_code(code).map(ProcuratorateNoticeKind::label),
        "grade" => InjuryGrade::from_code(code).map(InjuryGrade::label),
        "decision" => DecisionKind::from_code(code).map(DecisionKind::label),
        "role" => PersonRole::from_code(code).map(PersonRole::label),
        "flags" => PersonFlag::from_code(code).map(PersonFlag::label),
        "jurisdiction" | "finding" => {
            JurisdictionFinding::from_code(code).map(JurisdictionFinding::label)
        }
        "contents" => DocElement::from_code(code).map(DocElement::label),
        "flag" | "flagged" => PropertyFlag::from_code(code).map(PropertyFlag::label),
        "mediation_bars" | "reason" => MediationBar::from_code(code)
            .map(MediationBar::label)
            .or_else(|| RecalculationReason::from_code(code).map(RecalculationReason::label)),
        "step" => TechStep::from_code(code)
            .map(TechStep::label)
            .or_else(|| CashStep::from_code(code).map(CashStep::label))
            .or_else(|| EnforcementStep::from_code(code).map(EnforcementStep::label)),
        // Tuples shown as `[at, code]` (`rows`): a measure's end and delivery, an item's
        // disposal, a stay's exit.
        "ended" if element == "measure" => {
            MeasureOutcome::from_code(code).map(MeasureOutcome::label)
        }
        "delivered" => Facility::from_code(code).map(Facility::label),
        "disposed" => DisposalMethod::from_code(code).map(DisposalMethod::label),
        "exited" => Destination::from_code(code).map(Destination::label),
        "outcome" => MeasureOutcome::from_code(code).map(MeasureOutcome::label),
        "facility" => Facility::from_code(code).map(Facility::label),
        "room_kind" => RoomKind::from_code(code).map(RoomKind::label),
        "destination" => Destination::from_code(code).map(Destination::label),
        "method" => DisposalMethod::from_code(code).map(DisposalMethod::label),
        "measure" if element == "property" => {
            PropertyMeasure::from_code(code).map(PropertyMeasure::label)
        }
        "kind" => match element {
            // A case's own kind, or a body check's (`case.person_searched`, `body_checks`).
            // … or an identification's (`case.identification`, `identifications`).
            "case" => CaseKind::from_code(code)
                .map(CaseKind::label)
                .or_else(|| BodyCheckKind::from_code(code).map(BodyCheckKind::label))
                .or_else(|| IdentificationKind::from_code(code).map(IdentificationKind::label)),
            "calendar" => DayKind::from_code(code).map(DayKind::label),
            "measure" => MeasureKind::from_code(code).map(MeasureKind::label),
            "interrogation" => InterrogationKind::from_code(code).map(InterrogationKind::label),
            "document" => document_kind_label(code),
            "penalty" => PenaltyKind::from_code(code).map(PenaltyKind::label),
            "stay" => StayIncidentKind::from_code(code).map(StayIncidentKind::label),
            _ => None,
        },
        _ => None,
    }
}

/// Common document kinds and their names, with every kind a rule reads (docs/format-extensions.md).
pub const DOCUMENT_KINDS: &[(&str, &str)] = &[
    ("acceptance_receipt", "受案回执"),
    ("filing_decision", "立案决定书"),
    ("not_filing_notice", "不予立案通知书"),
    ("summons_warrant", "传唤证"),
    ("compelled_appearance_warrant", "拘传证"),
    ("detention_warrant", "拘留证"),
    ("arrest_warrant", "逮捕证"),
    ("residential_surveillance_decision", "监视居住决定书"),
    ("case_dropping_decision", "撤销案件决定书"),
    ("mediation_agreement", "治安调解协议书"),
    ("termination_decision", "终止案件调查决定书"),
    ("detention_notice", "拘留通知书"),
    ("seizure_list", "扣押清单"),
    ("seizure_decision", "扣押决定书"),
    ("penalty_decision", "行政处罚决定书"),
    ("prior_notice", "行政处罚告知笔录"),
    ("release_notice", "释放通知书"),
    ("bail_decision", "取保候审决定书"),
    ("arrest_notice", "逮捕通知书"),
    ("arrest_execution_receipt", "逮捕证执行回执"),
    ("rights_notice", "犯罪嫌疑人诉讼权利义务告知书"),
    ("appraisal_opinion_notice", "鉴定意见通知书"),
    ("appraisal_opinion", "鉴定意见复印件"),
    ("no_penalty_decision", "不予行政处罚决定书"),
    ("not_filing_explanation", "不立案理由说明书"),
    ("change_request_reply", "不同意变更强制措施通知书"),
    ("custody_review_reply", "羁押必要性审查建议处理情况回复"),
    ("rehab_decision", "强制隔离戒毒决定书"),
    ("custody_change_notice", "变更羁押期限通知书"),
    ("preservation_decision", "证据保全决定书"),
    ("transfer_notice", "移送案件通知书"),
    ("prosecution_opinion", "起诉意见书"),
    ("prosecution_transfer_notice", "移送审查起诉告知书"),
    (
        "foreign_national_report",
        "外国人犯罪案件层报及通报外事部门报告",
    ),
];

fn document_kind_label(code: &str) -> Option<&'static str> {
    DOCUMENT_KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| *l)
}

/// Countries by ISO 3166-1 code (alpha-3 or alpha-2), for a foreigner's nationality (TS-13):
/// China's neighbours and the countries most often seen in its cases; another code shows as
/// itself.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("CHN", "CN", "中国"),
    ("VNM", "VN", "越南"),
    ("MMR", "MM", "缅甸"),
    ("LAO", "LA", "老挝"),
    ("KHM", "KH", "柬埔寨"),
    ("THA", "TH", "泰国"),
    ("MYS", "MY", "马来西亚"),
    ("SGP", "SG", "新加坡"),
    ("IDN", "ID", "印度尼西亚"),
    ("PHL", "PH", "菲律宾"),
    ("KOR", "KR", "韩国"),
    ("PRK", "KP", "朝鲜"),
    ("JPN", "JP", "日本"),
    ("MNG", "MN", "蒙古"),
    ("RUS", "RU", "俄罗斯"),
    ("KAZ", "KZ", "哈萨克斯坦"),
    ("KGZ", "KG", "吉尔吉斯斯坦"),
    ("TJK", "TJ", "塔吉克斯坦"),
    ("AFG", "AF", "阿富汗"),
    ("PAK", "PK", "巴基斯坦"),
    ("IND", "IN", "印度"),
    ("NPL", "NP", "尼泊尔"),
    ("BTN", "BT", "不丹"),
    ("NGA", "NG", "尼日利亚"),
    ("USA", "US", "美国"),
    ("CAN", "CA", "加拿大"),
    ("GBR", "GB", "英国"),
    ("FRA", "FR", "法国"),
    ("DEU", "DE", "德国"),
    ("AUS", "AU", "澳大利亚"),
];

fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(a3, a2, _)| code.eq_ignore_ascii_case(a3) || code.eq_ignore_ascii_case(a2))
        .map(|(_, _, name)| *name)
}

/// Whether a text is an RFC 3339 time; if so, shown in China time.
fn time_text(text: &str) -> Option<String> {
    if text.len() >= 20 && text.as_bytes().get(10) == Some(&b'T') {
        domain::At::parse(text).ok().map(|at| at.display_china())
    } else {
        None
    }
}

/// A value as Chinese text for a page.
pub fn display_value(element: &str, field: &str, value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "是".into(),
        Value::Bool(false) => "否".into(),
        // Whole amounts kept as floats (`500.0` 元) read as whole numbers.
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        Value::String(s) => {
            if let Some(label) = value_label(element, field, s) {
                label.to_string()
            } else if field == "category"
                && let Some(name) = domain::category::name(s)
            {
                format!("{name}（{s}）")
            } else if field == "nationality"
                && let Some(name) = country_name(s)
            {
                format!("{name}（{s}）")
            } else if let Some(time) = time_text(s) {
                time
            } else {
                s.clone()
            }
        }
        Value::Array(items) => {
            let sub = if field == "penalties" {
                "penalty"
            } else {
                element
            };
            let parts: Vec<String> = items
                .iter()
                .map(|v| display_value(sub, field, v))
                .filter(|s| !s.is_empty())
                .collect();
            parts.join("、")
        }
        Value::Object(map) => {
            let sub = if field == "penalties" {
                "penalty"
            } else {
                element
            };
            let parts: Vec<String> = map
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{}：{}", field_label(k), display_value(sub, k, v)))
                .collect();
            format!("（{}）", parts.join("，"))
        }
    }
}

/// The fields of a snapshot or fact payload as (label, text) rows, skipping empty ones.
pub fn rows(element: &str, value: &Value, skip: &[&str]) -> Vec<(String, String)> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    map.iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .map(|(k, v)| {
            // Tuples like `ended: [at, outcome]` come as arrays of mixed values.
            let text = match v {
                Value::Array(items)
                    if items.len() == 2
                        && items[0].is_string()
                        && items[1].is_string()
                        && time_text(items[0].as_str().unwrap_or("")).is_some() =>
                {
                    format!(
                        "{} {}",
                        display_value(element, k, &items[0]),
                        display_value(element, k, &items[1])
                    )
                }
                _ => display_value(element, k, v),
            };
            (field_label_of(element, k).to_string(), text)
        })
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

/// A microsecond instant shown in China time.
pub fn micros_display(micros: i64) -> String {
    jiff::Timestamp::from_microsecond(micros)
        .map(|t| domain::At::china(t).display_china())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese first: every field an element page or a timeline shows has a Chinese label, and
    /// every coded value (`reminder_served`, `other_unit`) a Chinese name, over every element
    /// and fact of a generated province (labels and values fall back to the code itself, so a
    /// field or code added without one would show in English).
    #[test]
    fn every_field_of_a_generated_province_has_a_chinese_label() {
        /// Each (element, field, code-like string value it holds, or "" for the field itself);
        /// a penalty's fields are the penalty's, as `display_value` shows them.
        type Seen<'v> = std::collections::BTreeSet<(&'v str, &'v str, &'v str)>;
        fn keys<'v>(value: &'v Value, element: &'v str, field: &'v str, out: &mut Seen<'v>) {
            match value {
                Value::Object(map) => {
                    for (k, v) in map {
                        out.insert((element, k, ""));
                        keys(v, element, k, out);
                    }
                }
                Value::Array(items) => {
                    let sub = if field == "penalties" {
                        "penalty"
                    } else {
                        element
                    };
                    items.iter().for_each(|v| keys(v, sub, field, out))
                }
                Value::String(code)
                    if !code.is_empty()
                        && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
                {
                    out.insert((element, field, code));
                }
                _ => {}
            }
        }
        let untranslated = |element: &str, k: &str, code: &str| {
            if code.is_empty() {
                field_label_of(element, k) == k && !["fact", "at", "id"].contains(&k)
            } else {
                display_value(element, k, &Value::String(code.into())) == code
            }
        };
        let province = datagen::generate(&datagen::Config {
            scale: 0.2,
            ..datagen::Config::default()
        });
        let mut world = domain::World::new();
        let mut unlabelled = std::collections::BTreeSet::new();
        for line in &province.facts {
            let fact = domain::Fact::from_line(&line.to_string()).unwrap();
            world.apply(&fact, None).unwrap();
            let mut fields = Seen::new();
            keys(line, fact.kind().element().as_str(), "", &mut fields);
            for (element, k, code) in fields {
                if k != "fact" && untranslated(element, k, code) {
                    unlabelled.insert(format!("fact {}: {k} {code}", fact.kind().as_str()));
                }
            }
        }
        for kind in domain::fact::ElementKind::VIEWED {
            for id in world.ids(kind) {
                let view = world.view(kind, &id).unwrap();
                let snapshot: Value = serde_json::from_str(&view.snapshot).unwrap();
                let mut fields = Seen::new();
                keys(&snapshot, kind.as_str(), "", &mut fields);
                for (element, k, code) in fields {
                    if untranslated(element, k, code) {
                        unlabelled.insert(format!("{}: {k} {code}", kind.as_str()));
                    }
                }
            }
        }
        assert!(
            unlabelled.is_empty(),
            "fields without a label: {unlabelled:#?}"
        );
    }

    #[test]
    fn a_nationality_shows_its_country_beside_the_code() {
        let shown = |c: &str| display_value("person", "nationality", &Value::String(c.into()));
        assert_eq!(shown("PAK"), "巴基斯坦（PAK）");
        assert_eq!(shown("vn"), "越南（vn）");
        assert_eq!(shown("ZZZ"), "ZZZ");
    }

    #[test]
    fn whole_amounts_show_without_a_fraction() {
        let shown = |v: Value| display_value("case", "amount_yuan", &v);
        assert_eq!(shown(serde_json::json!(500.0)), "500");
        assert_eq!(shown(serde_json::json!(12.5)), "12.5");
        assert_eq!(shown(serde_json::json!(3)), "3");
    }

    #[test]
    fn category_codes_show_their_chinese_name_beside_the_code() {
        let code = |c: &str| display_value("incident", "category", &Value::String(c.into()));
        assert_eq!(code("theft.burglary"), "入室盗窃（theft.burglary）");
        assert_eq!(code("050200"), "050200");
    }

    #[test]
    fn a_warning_names_its_fields_for_what_they_mean_there() {
        let snapshot = serde_json::json!({
            "due": "2026-03-02T09:30:00+08:00",
            "closed_at": "2026-03-05T09:30:00+08:00",
            "outcome": "education",
        });
        let mut labels: Vec<String> = rows("warning", &snapshot, &[])
            .into_iter()
            .map(|(label, _)| label)
            .collect();
        labels.sort();
        let mut expected = ["期限", "办结时间", "追责结果"];
        expected.sort();
        assert_eq!(labels, expected);
        let property = rows(
            "property",
            &serde_json::json!({"due": "2026-03-02T09:30:00+08:00"}),
            &[],
        );
        assert_eq!(property[0].0, "应归还时间");
        assert_eq!(
            rows(
                "case",
                &serde_json::json!({"closed_at": "2026-03-02T09:30:00+08:00"}),
                &[]
            )[0]
            .0,
            "结案时间"
        );
    }

    #[test]
    fn codes_become_chinese() {
        assert_eq!(status_label("case", "filed"), "已立案");
        assert_eq!(status_label("warning", "rectification_ordered"), "整改中");
        assert_eq!(
            display_value("warning", "level", &Value::String("red".into())),
            "红色预警"
        );
        assert_eq!(
            display_value("warning", "outcome", &Value::String("admonition".into())),
            "诫勉"
        );
        assert_eq!(
            display_value("warning", "element", &Value::String("measure".into())),
            "强制措施"
        );
        assert_eq!(
            display_value("unit", "level", &Value::String("county".into())),
            "县局/分局"
        );
        assert_eq!(
            display_value("case", "kind", &Value::String("criminal".into())),
            "刑事案件"
        );
        assert_eq!(
            display_value(
                "case",
                "filed_at",
                &Value::String("2026-03-02T09:30:00+08:00".into())
            ),
            "2026-03-02 09:30"
        );
        assert_eq!(
            display_value(
                "officer",
                "roles",
                &serde_json::json!(["officer", "leader"])
            ),
            "办案民警、领导"
        );
    }
}
