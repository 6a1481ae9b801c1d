//! Zhifa's supervision rules (issue 3): each a pure function of the world and the screening
//! time, with its catalog id, legal basis and limit (`../shared/rules/README.md`, "The core
//! set"). `screen` runs every implemented rule over a world.
//!
//! **Architecture Invariant:** no IO and no clock: the screening time is an argument, so batch
//! screening (`zhifa screen --as-of T`) and live evaluation run the same code.
//!
//! `IMPLEMENTED` lists the rules: every rule of the core set. The scenario test checks the
//! findings of exactly those. Deadline rules give a level by the bands of their
//! limit; prohibitions (XZ-06, XZ-08, XS-04, XS-09, CS-05, CS-07, CW-02, CW-14, TS-01, TS-02;
//! JQ-05 yellow) hold at once and stay open after the fact, until the supervision loop closes
//! them.

pub mod catalog;
use domain::World;
use std::collections::{HashMap, HashSet};

use domain::elements::{
    CaseKind, DecisionKind, DisposalResult, Document, Gender, Interrogation, Measure, MeasureKind,
    PenaltyKind, PersonFlag, PersonRole, Property, RoomKind, UnitLevel,
};
use domain::fact::ElementKind;
use domain::ids::{CaseId, IncidentId, PersonId};
use domain::legal_time::{Due, Level, Limit, Moves, due, level};
use jiff::Timestamp;

/// One finding open at the screening time (FORMAT.md "Screening output").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub rule: &'static str,
    pub level: LevelCode,
    pub subject: String,
    pub element: &'static str,
    /// The deadline, RFC 3339 in China time, when the rule has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub basis: &'static str,
    /// Chinese: what is wrong, how the deadline was computed, what to do.
    pub message: String,
}

/// `blue` | `yellow` | `red`, as FORMAT.md writes levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelCode {
    Blue,
    Yellow,
    Red,
}

impl From<Level> for LevelCode {
    fn from(level: Level) -> Self {
        match level {
            Level::Blue => LevelCode::Blue,
            Level::Yellow => LevelCode::Yellow,
            Level::Red => LevelCode::Red,
        }
    }
}

/// A rule's metadata.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub id: &'static str,
    pub element: ElementKind,
    pub basis: &'static str,
    /// What must happen, in Chinese.
    pub duty_zh: &'static str,
}

/// The rules implemented: the core set of `rules/README.md`. `basis` is the catalog's
/// (`rules/catalog.md`), verbatim: CPL 刑事诉讼法, 刑规 公安机关办理刑事案件程序规定, 行规
/// 公安机关办理行政案件程序规定, 治安法12 治安管理处罚法 (2012), with the catalog's confidence
/// marks.
pub const IMPLEMENTED: &[Rule] = &[
    Rule {
        id: "JQ-02",
        element: ElementKind::Incident,
        basis: "警察法 §21; 治安法12 §116(九): failing to attend an incident is a disciplinable act",
        duty_zh: "派警后须在30分钟内到达现场，接警后须在24小时内处置完毕（平台阈值）",
    },
    Rule {
        id: "JQ-04",
        element: ElementKind::Incident,
        basis: "受立案意见 (S); MPS press conference 2025-11-17 on \"案件类警情动态清零\" (S)",
        duty_zh: "刑事、行政类警情须在24小时内受案（或依法移送、作无效处理）",
    },
    Rule {
        id: "JQ-05",
        element: ElementKind::Incident,
        basis: "CPL §110 (must accept), §112 (must file when facts are present); 接报案规定 第三条 \"如实登记、依法立案\" (S); MPS 2025 on screening \"疑似应立未立\" (S)",
        duty_zh: "案件类警情不得降格处理，须核查是否应立未立",
    },
    Rule {
        id: "XZ-06",
        element: ElementKind::Case,
        basis: "处罚法 §44–45, §62; 行规 §167–169",
        duty_zh: "作出行政处罚决定前须告知当事人拟处罚的事实、理由、依据及其权利",
    },
    Rule {
        id: "XZ-08",
        element: ElementKind::Case,
        basis: "处罚法 §58; 行规 §170–171, §173",
        duty_zh: "行政拘留决定须经法制审核通过，且不得由派出所作出",
    },
    Rule {
        id: "XS-01",
        element: ElementKind::Case,
        basis: "受立案意见 (S)",
        duty_zh: "刑事案件受案后须在期限内作出立案或不予立案决定",
    },
    Rule {
        id: "RQ-01",
        element: ElementKind::Measure,
        basis: "CPL §119; 刑规 §79–80, §199–201; 检规 §83, §185",
        duty_zh: "传唤、拘传持续时间届满前须结束",
    },
    Rule {
        id: "RQ-02",
        element: ElementKind::Measure,
        basis: "治安法12 §83; 行规 §55(五), §67–70 (V); 治安法25 §97 (S/U)",
        duty_zh: "询问查证时间届满前须结束",
    },
    Rule {
        id: "RQ-04",
        element: ElementKind::Measure,
        basis: "CPL §85; 刑规 §126",
        duty_zh: "刑事拘留后须在24小时内送看守所羁押",
    },
    Rule {
        id: "RQ-05",
        element: ElementKind::Measure,
        basis: "CPL §85; 刑规 §113, §127",
        duty_zh: "拘留、逮捕后须在24小时内通知家属，无法通知的须注明原因",
    },
    Rule {
        id: "RQ-07",
        element: ElementKind::Measure,
        basis: "CPL §91–92; 刑规 §129–131, §140–141",
        duty_zh: "刑事拘留后须在期限内提请批准逮捕或变更、解除强制措施（羁押期限不顺延）",
    },
    Rule {
        id: "RQ-09",
        element: ElementKind::Measure,
        basis: "CPL §156–159; 刑规 §148–150",
        duty_zh: "侦查羁押期限届满前须侦查终结或依法延长，延长须于届满7日前报请",
    },
    Rule {
        id: "RQ-13",
        element: ElementKind::Measure,
        basis: "CPL §71, §79; 刑规 §92, §98–99, §104, §107 (V); 取保规定 (S)",
        duty_zh: "取保候审最长不得超过十二个月，届满前须解除或变更",
    },
    Rule {
        id: "RQ-14",
        element: ElementKind::Measure,
        basis: "CPL §75–76, §79; 刑规 §111–113, §118",
        duty_zh: "监视居住最长不得超过六个月，届满前须解除或变更",
    },
    Rule {
        id: "XZ-02",
        element: ElementKind::Case,
        basis: "治安法12 §99; 行规 §165 (V); 治安法25 (S/U)",
        duty_zh: "治安案件须在受案后30日内（经批准延长的在延长后的期限内）作出处理决定",
    },
    Rule {
        id: "XS-04",
        element: ElementKind::Measure,
        basis: "刑规 §174 (V); 财物规定: no seizure before filing (S)",
        duty_zh: "刑事案件立案前不得采取拘传、刑事拘留、逮捕、取保候审、监视居住等强制措施",
    },
    Rule {
        id: "XS-09",
        element: ElementKind::Case,
        basis: "刑规 §186–189",
        duty_zh: "撤销案件时，对在押的犯罪嫌疑人须立即释放或变更强制措施",
    },
    Rule {
        id: "RQ-06",
        element: ElementKind::Measure,
        basis: "CPL §86, §94; 刑规 §128, §144",
        duty_zh: "拘留、逮捕后须在24小时内进行讯问",
    },
    Rule {
        id: "CS-02",
        element: ElementKind::Stay,
        basis: "行规 §53; 刑规 §154–155",
        duty_zh: "人员进入办案中心后须在30分钟内完成安全检查",
    },
    Rule {
        id: "CS-07",
        element: ElementKind::Stay,
        basis: "行规 §71; 盘问规定 §10, §29, §31",
        duty_zh: "未满16周岁、70周岁以上、怀孕或哺乳期的人不得关入候问室",
    },
    Rule {
        id: "CS-05",
        element: ElementKind::Interrogation,
        basis: "CPL §118, §124; 刑规 §202, §210; 行规 §39, §52, §72; 处罚法 §42; 治安法25 (S)",
        duty_zh: "讯问、询问须由不少于二名人民警察（辅警不计）进行",
    },
    Rule {
        id: "CW-01",
        element: ElementKind::Property,
        basis: "行规 §190 (V); 财物规定 (S; article number to check)",
        duty_zh: "扣押的财物须在24小时内移交涉案财物管理员入库",
    },
    Rule {
        id: "CW-02",
        element: ElementKind::Property,
        basis: "刑规 §235; 行规 §188",
        duty_zh: "办案民警不得自行保管涉案财物，须由涉案财物管理员保管",
    },
    Rule {
        id: "CW-05",
        element: ElementKind::Property,
        basis: "CPL §145; 刑规 §233, §247",
        duty_zh: "经查明与案件无关的财物须在3日内解除扣押并退还",
    },
    Rule {
        id: "CW-14",
        element: ElementKind::Property,
        basis: "刑规 §174; 财物规定 (S)",
        duty_zh: "行政案件受案前、刑事案件立案前不得扣押、查封、冻结财物",
    },
    Rule {
        id: "JZ-01",
        element: ElementKind::Case,
        basis: "行规 §36; 治安法12 §97; 处罚法 §61",
        duty_zh: "行政处罚决定书须在2日内送达被处罚人",
    },
    Rule {
        id: "TS-01",
        element: ElementKind::Interrogation,
        basis: "CPL §281; 刑规 §323, §325–326; 未保法 §110; 行规 §75; 治安法12 §84",
        duty_zh: "讯问、询问未成年人须通知其法定代理人或其他合适成年人到场",
    },
    Rule {
        id: "TS-02",
        element: ElementKind::Interrogation,
        basis: "CPL §281 (paras 3 and 5); 刑规 §324, §326",
        duty_zh: "讯问、询问未成年女性须有女性工作人员在场",
    },
    Rule {
        id: "JZ-07",
        element: ElementKind::Case,
        basis: "行规 §260–262; 刑规 §287",
        duty_zh: "案件办结后须及时立卷归档（平台阈值：结案后30日）",
    },
    Rule {
        id: "XZ-04",
        element: ElementKind::Case,
        basis: "行规 §40–42, §47",
        duty_zh: "快速办理案件须在嫌疑人到案后48小时内作出决定，未成年人案件不适用快速办理",
    },
    Rule {
        id: "XZ-14",
        element: ElementKind::Case,
        basis: "行规 §65, §172(五); 处罚法 §57(四)",
        duty_zh: "伤情鉴定为轻伤以上的，须转为刑事案件办理",
    },
    Rule {
        id: "XS-05",
        element: ElementKind::Case,
        basis: "刑规 §178–179",
        duty_zh: "决定不予立案的，须在3日内送达不予立案通知书",
    },
    Rule {
        id: "XS-08",
        element: ElementKind::Case,
        basis: "检规 §564; CPL §113; 刑规 §107",
        duty_zh: "立案后须持续开展侦查，长期无侦查活动的须核查（平台阈值：30日黄、90日红）",
    },
    Rule {
        id: "RQ-03",
        element: ElementKind::Measure,
        basis: "警察法 §9; 盘问规定 §10–11, §14, §17; 行规 §57",
        duty_zh: "继续盘问时间届满前须结束",
    },
    Rule {
        id: "CS-03",
        element: ElementKind::Stay,
        basis: "As RQ-01–04",
        duty_zh: "在办案中心停留不得超过所依据措施的时限（无依据的平台阈值12小时）",
    },
    Rule {
        id: "CS-10",
        element: ElementKind::Stay,
        basis: "办案区规定 §5 (S); CPL §85",
        duty_zh: "送看守所、拘留所须有刑事拘留、逮捕或行政拘留措施",
    },
    Rule {
        id: "CW-06",
        element: ElementKind::Property,
        basis: "行规 §112; 强制法 §25, §28",
        duty_zh: "行政案件扣押、查封期限不得超过30日（经批准延长的在延长后的期限内）",
    },
    Rule {
        id: "CW-08",
        element: ElementKind::Property,
        basis: "刑规 §240, §243–245",
        duty_zh: "刑事案件冻结期限为六个月，届满前须续冻或解除",
    },
    Rule {
        id: "CW-10",
        element: ElementKind::Property,
        basis: "行规 §190; 财物规定 (S)",
        duty_zh: "调用的涉案财物须按期归还入库",
    },
    Rule {
        id: "CW-12",
        element: ElementKind::Property,
        basis: "行规 §193–196; 刑规 §187, §288, §293",
        duty_zh: "案件办结后涉案财物须及时处置（平台阈值：30日黄、90日红）",
    },
    Rule {
        id: "JZ-04",
        element: ElementKind::Measure,
        basis: "刑规 §79, §113, §125–127, §142–151, §178, §199",
        duty_zh: "拘留、逮捕后须在24小时内制作拘留通知书、逮捕通知书",
    },
    Rule {
        id: "TS-04",
        element: ElementKind::Person,
        basis: "CPL §35, §278; 刑规 §46, §320; 法援法 §25–26, §36",
        duty_zh: "未成年人及盲聋哑、精神病人犯罪嫌疑人没有委托辩护人的，须在3日内通知法律援助机构",
    },
    Rule {
        id: "TS-07",
        element: ElementKind::Person,
        basis: "刑规 §321; 刑法 §17 (12/14/16-year thresholds, as amended 2020); 治安法12 §12; 处罚法 §30",
        duty_zh: "嫌疑人受案时年龄临近12、14、16、18周岁的，须核实其准确年龄",
    },
];

fn rule(id: &str) -> &'static Rule {
    IMPLEMENTED
        .iter()
        .find(|r| r.id == id)
        .expect("every rule raised is listed")
}

/// A deadline finding, if the deadline is near enough for a level at `now`.
fn deadline(
    id: &'static str,
    subject: &str,
    due: Due,
    now: Timestamp,
    custody: bool,
) -> Option<Warning> {
    let found = level(&due, now, custody)?;
    Some(deadline_at(id, subject, &due, found))
}

/// A deadline warning at a given level.
fn deadline_at(id: &'static str, subject: &str, due: &Due, level: Level) -> Warning {
    let rule = rule(id);
    Warning {
        rule: id,
        level: level.into(),
        subject: subject.to_string(),
        element: rule.element.as_str(),
        due: Some(domain::At::china(due.at).to_string()),
        basis: rule.basis,
        message: format!(
            "【{}】{}：{}（{}），依据{}",
            level.label_zh(),
            id,
            rule.duty_zh,
            due.explain_zh(),
            rule.basis
        ),
    }
}

/// A finding about what happened (a prohibition, a downgrade): at its level at once, no
/// deadline.
fn finding(id: &'static str, subject: &str, level: Level, what_zh: String) -> Warning {
    let rule = rule(id);
    Warning {
        rule: id,
        level: level.into(),
        subject: subject.to_string(),
        element: rule.element.as_str(),
        due: None,
        basis: rule.basis,
        message: format!(
            "【{}】{id}：{}。{what_zh}，依据{}",
            level.label_zh(),
            rule.duty_zh,
            rule.basis
        ),
    }
}

/// A prohibition found: red at once.
fn prohibited(id: &'static str, subject: &str, what_zh: String) -> Warning {
    finding(id, subject, Level::Red, what_zh)
}

/// A threshold that has only one level, reached when it passes ("yellow when passed").
fn when_passed(
    id: &'static str,
    subject: &str,
    due: Due,
    now: Timestamp,
    at: Level,
) -> Option<Warning> {
    (now >= due.at).then(|| deadline_at(id, subject, &due, at))
}

/// Every warning open at `now` in `world` (built from the facts at or before `now`).
pub fn screen(world: &World, now: Timestamp) -> Vec<Warning> {
    let mut found = Vec::new();
    let calendar = &world.calendar;
    let index = Index::new(world);
    for (id, incident) in &world.incidents {
        let subject = id.as_str();
        // JQ-02 (P): arrival within 30 min of dispatch (yellow when passed); disposal within
        // 24 h of receipt (red when passed). One warning, at the higher level.
        let mut late = Vec::new();
        if let (Some(dispatched), None, None) = (
            incident.dispatched_at,
            incident.arrived_at,
            incident.disposed_at,
        ) {
            let due = due(
                dispatched.instant(),
                Limit::Minutes(30),
                Moves::Never,
                calendar,
            );
            late.extend(when_passed("JQ-02", subject, due, now, Level::Yellow));
        }
        if incident.disposed_at.is_none() {
            let due = due(
                incident.received_at.instant(),
                Limit::Hours(24),
                Moves::Never,
                calendar,
            );
            late.extend(when_passed("JQ-02", subject, due, now, Level::Red));
        }
        found.extend(late.into_iter().max_by_key(|w| w.level));
        // JQ-04: a case-type incident with no case accepted for it, not transferred, duplicate
        // or invalid: 24 h from receipt.
        let has_case = incident.case.is_some() || index.cased_incidents.contains(id);
        let set_aside = matches!(
            incident.result,
            Some(DisposalResult::Transferred | DisposalResult::Duplicate | DisposalResult::Invalid)
        );
        if incident.nature.is_case_type() && !has_case && !set_aside {
            let due = due(
                incident.received_at.instant(),
                Limit::Hours(24),
                Moves::Never,
                calendar,
            );
            found.extend(deadline("JQ-04", subject, due, now, false));
        }
        // JQ-05: received as a case-type incident, then closed as a non-case or recategorized
        // to a non-case nature (降格).
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
                let warning = finding(
                    "JQ-05",
                    subject,
                    Level::Yellow,
                    format!(
                        "接警性质为{}，后{}",
                        incident.received_nature.label(),
                        if downgraded {
                            "改为非案件类性质"
                        } else {
                            "按非案件处置"
                        }
                    ),
                );
                found.push(warning);
            }
        }
    }
    for (id, case) in &world.cases {
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
                found.push(prohibited(
                    "XZ-06",
                    id.as_str(),
                    format!("对{}作出处罚前未见告知记录", untold.join("、")),
                ));
            }
            // XZ-08: detention reviewed beforehand, and not decided by a station.
            if decision
                .penalties
                .iter()
                .any(|p| p.kind == PenaltyKind::Detention)
            {
                let reviewed = case.reviews.iter().any(|r| r.passed && r.at < decision.at);
                let by_station = world
                    .units
                    .get(&decision.decided_by_unit)
                    .is_some_and(|u| u.level == UnitLevel::Station);
                if !reviewed || by_station {
                    found.push(prohibited(
                        "XZ-08",
                        id.as_str(),
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
                        ),
                    ));
                }
            }
            // JZ-01: the penalty decision served on every penalised person within 2 d.
            if decision.decision == DecisionKind::Penalty {
                let unserved = decision.penalties.iter().any(|p| {
                    !index.documents(id).any(|d| {
                        d.kind == "penalty_decision" && d.served.iter().any(|s| s.to == p.person)
                    })
                });
                if unserved {
                    let due = due(
                        decision.at.instant(),
                        Limit::Days(2),
                        Moves::PastRestDays,
                        calendar,
                    );
                    found.extend(deadline("JZ-01", id.as_str(), due, now, false));
                }
            }
        }
        // XZ-02: an administrative case decided within 30 d of acceptance (or the extended total).
        if case.kind == CaseKind::Administrative
            && case.decision.is_none()
            && case.dropped_at.is_none()
            && case.closed_at.is_none()
        {
            let days = case.limit_extended_days.unwrap_or(30);
            let due = due(
                case.accepted_at.instant(),
                Limit::Days(days),
                Moves::PastRestDays,
                calendar,
            );
            found.extend(deadline("XZ-02", id.as_str(), due, now, false));
        }
        // XS-09: dropped while a suspect of the case was held in criminal detention or arrest.
        if let Some(dropped) = case.dropped_at {
            let held: Vec<&str> = index
                .measures_of_case(id)
                .filter(|m| {
                    matches!(m.kind, MeasureKind::CriminalDetention | MeasureKind::Arrest)
                        && m.started_at <= dropped
                        && m.ended.as_ref().is_none_or(|(at, _)| *at > dropped)
                })
                .map(|m| m.id.as_str())
                .collect();
            if !held.is_empty() {
                found.push(prohibited(
                    "XS-09",
                    id.as_str(),
                    format!("撤案时{}仍处于羁押状态", held.join("、")),
                ));
            }
        }
        // XZ-04: fast-track decided within 48 h of the earliest arrival of a suspect; never
        // for a minor (red at once).
        if let (Some(flagged), None) = (case.fast_track_at, &case.decision) {
            let suspects = index
                .suspects
                .get(id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let minor = suspects.iter().any(|p| {
                world.persons[*p]
                    .age_on(flagged.china_date())
                    .is_some_and(|a| a < 18)
            });
            if minor {
                found.push(prohibited(
                    "XZ-04",
                    id.as_str(),
                    "快速办理的案件有未成年嫌疑人".into(),
                ));
            } else if let Some(arrived) = index
                .measures_of_case(id)
                .filter(|m| suspects.contains(&&m.person))
                .map(|m| m.arrived_at)
                .min()
            {
                let due = due(arrived.instant(), Limit::Hours(48), Moves::Never, calendar);
                found.extend(deadline("XZ-04", id.as_str(), due, now, false));
            }
        }
        // XZ-14: an injury assessed light or serious makes it a criminal case.
        if case.kind == CaseKind::Administrative
            && case.injuries.iter().any(|i| {
                matches!(
                    i.grade,
                    domain::elements::InjuryGrade::Light | domain::elements::InjuryGrade::Serious
                )
            })
            && case
                .decision
                .as_ref()
                .is_none_or(|d| d.decision != DecisionKind::ToCriminal)
        {
            found.push(prohibited(
                "XZ-14",
                id.as_str(),
                "伤情鉴定为轻伤以上，未转为刑事案件".into(),
            ));
        }
        // XS-05: the not-filing notice served within 3 d.
        if let Some(not_filed) = case.not_filed_at {
            let served = index
                .documents(id)
                .any(|d| d.kind == "not_filing_notice" && !d.served.is_empty());
            if !served {
                let due = due(
                    not_filed.instant(),
                    Limit::Days(3),
                    Moves::PastRestDays,
                    calendar,
                );
                found.extend(deadline("XS-05", id.as_str(), due, now, false));
            }
        }
        // XS-08 (P): a filed criminal case with no act for 30 d (yellow) or 90 d (red).
        if let Some(filed) = case.filed_at
            && case.kind == CaseKind::Criminal
            && case.dropped_at.is_none()
            && case.closed_at.is_none()
            && case.sent_for_prosecution_at.is_none()
        {
            let last = case
                .acts
                .iter()
                .map(|a| a.at)
                .chain(index.interrogations_of_case(id).map(|i| i.started_at))
                .chain(index.measures_of_case(id).map(|m| m.started_at))
                .chain(index.properties_of_case(id).map(|p| p.seized_at))
                .filter(|at| at.instant() <= now)
                .fold(filed, std::cmp::max);
            let red = due(last.instant(), Limit::ExactDays(90), Moves::Never, calendar);
            let yellow = due(last.instant(), Limit::ExactDays(30), Moves::Never, calendar);
            found.extend(
                when_passed("XS-08", id.as_str(), red, now, Level::Red)
                    .or_else(|| when_passed("XS-08", id.as_str(), yellow, now, Level::Yellow)),
            );
        }
        // JZ-07: closed, not archived 30 d later (P).
        if let (Some(closed), None) = (case.closed_at, case.archived_at) {
            let due = due(
                closed.instant(),
                Limit::ExactDays(30),
                Moves::Never,
                calendar,
            );
            found.extend(when_passed("JZ-07", id.as_str(), due, now, Level::Yellow));
        }
        // XS-01 (XS-02 for economic cases): 3 d (7 d) from acceptance, or the extended total.
        if case.kind == CaseKind::Criminal && case.filed_at.is_none() && case.not_filed_at.is_none()
        {
            let days = case
                .filing_extended_days
                .unwrap_or(if case.economic { 7 } else { 3 });
            let due = due(
                case.accepted_at.instant(),
                Limit::Days(days),
                Moves::PastRestDays,
                calendar,
            );
            found.extend(deadline("XS-01", id.as_str(), due, now, false));
        }
    }
    for (id, m) in &world.measures {
        // XS-04: a coercive measure on a criminal case before it was filed (a finding about the
        // past: it stays open after the measure ends, until the loop closes it).
        if matches!(
            m.kind,
            MeasureKind::CompelledAppearance
                | MeasureKind::CriminalDetention
                | MeasureKind::Arrest
                | MeasureKind::Bail
                | MeasureKind::ResidentialSurveillance
        ) && let Some(case) = world.cases.get(&m.case)
            && case.kind == CaseKind::Criminal
            && case.filed_at.is_none_or(|filed| filed > m.started_at)
        {
            found.push(prohibited(
                "XS-04",
                id.as_str(),
                format!(
                    "{}于{}采取，案件{}尚未立案",
                    m.kind.label(),
                    m.started_at.display_china(),
                    m.case
                ),
            ));
        }
        if m.ended.is_some() {
            continue;
        }
        let subject = id.as_str();
        let started = m.started_at.instant();
        // Liberty limits never move (T-01, T-03); bail and surveillance do.
        let liberty = |limit| due(started, limit, Moves::Never, calendar);
        if matches!(m.kind, MeasureKind::CriminalDetention | MeasureKind::Arrest) {
            // JZ-04: the detention or arrest notice made within 24 h, red when passed.
            let kind = if m.kind == MeasureKind::Arrest {
                "arrest_notice"
            } else {
                "detention_notice"
            };
            let issued = index
                .documents(&m.case)
                .any(|d| d.kind == kind && d.subject.as_deref() == Some(subject));
            if !issued {
                let due = due(started, Limit::Hours(24), Moves::Never, calendar);
                found.extend(when_passed("JZ-04", subject, due, now, Level::Red));
            }
        }
        match m.kind {
            MeasureKind::ContinuedQuestioning
            | MeasureKind::SummonsCriminal
            | MeasureKind::CompelledAppearance
            | MeasureKind::AdminQuestioning => {
                let (rule, due) = questioning_due(world, m).expect("a questioning measure");
                found.extend(deadline(rule, subject, due, now, false));
            }
            MeasureKind::CriminalDetention => {
                if m.delivered.is_none() {
                    found.extend(deadline(
                        "RQ-04",
                        subject,
                        liberty(Limit::Hours(24)),
                        now,
                        false,
                    ));
                }
                if m.family.is_none() {
                    found.extend(deadline(
                        "RQ-05",
                        subject,
                        liberty(Limit::Hours(24)),
                        now,
                        false,
                    ));
                }
                if !interrogated_after(&index, m) {
                    found.extend(deadline(
                        "RQ-06",
                        subject,
                        liberty(Limit::Hours(24)),
                        now,
                        false,
                    ));
                }
                if m.arrest_requested_at.is_none() {
                    let days = m.extended_days.unwrap_or(3);
                    found.extend(deadline(
                        "RQ-07",
                        subject,
                        liberty(Limit::Days(days)),
                        now,
                        false,
                    ));
                }
            }
            MeasureKind::Arrest => {
                if !interrogated_after(&index, m) {
                    found.extend(deadline(
                        "RQ-06",
                        subject,
                        liberty(Limit::Hours(24)),
                        now,
                        false,
                    ));
                }
                if m.family.is_none() {
                    found.extend(deadline(
                        "RQ-05",
                        subject,
                        liberty(Limit::Hours(24)),
                        now,
                        false,
                    ));
                }
                // The extended total is given in days; without one, two months (T-02).
                let limit = m.extended_days.map_or(Limit::Months(2), Limit::Days);
                found.extend(deadline("RQ-09", subject, liberty(limit), now, true));
            }
            MeasureKind::Bail => {
                let due = due(started, Limit::Months(12), Moves::PastRestDays, calendar);
                found.extend(deadline("RQ-13", subject, due, now, false));
            }
            MeasureKind::ResidentialSurveillance => {
                let due = due(started, Limit::Months(6), Moves::PastRestDays, calendar);
                found.extend(deadline("RQ-14", subject, due, now, false));
            }
            MeasureKind::AdminDetention => {}
        }
    }
    for (id, s) in &world.stays {
        // CS-07: no holding room for the under-16, the 70-or-over, the pregnant or nursing.
        if let Some(person) = world.persons.get(&s.person) {
            for placement in s
                .placements
                .iter()
                .filter(|p| p.room_kind == RoomKind::Holding)
            {
                let age = person.age_on(placement.at.china_date());
                let special = age.is_some_and(|a| !(16..70).contains(&a))
                    || person
                        .flags
                        .iter()
                        .any(|f| matches!(f, PersonFlag::Pregnant | PersonFlag::NursingInfant));
                if special {
                    found.push(prohibited(
                        "CS-07",
                        id.as_str(),
                        format!(
                            "{}于{}被安排进入候问室{}",
                            person.name,
                            placement.at.display_china(),
                            age.map(|a| format!("（{a}周岁）")).unwrap_or_default()
                        ),
                    ));
                    break;
                }
            }
        }
        // CS-03: out of the center within the basis measure's limit from its arrival; 12 h (P)
        // from entry without one.
        if s.exited.is_none() {
            let basis = s.basis.as_ref().and_then(|b| world.measures.get(b));
            let due = match basis {
                Some(m) if m.kind == MeasureKind::CriminalDetention => Some(due(
                    m.started_at.instant(),
                    Limit::Hours(24),
                    Moves::Never,
                    calendar,
                )),
                Some(m) => questioning_due(world, m).map(|(_, due)| due),
                None => Some(due(
                    s.entered_at.instant(),
                    Limit::Hours(12),
                    Moves::Never,
                    calendar,
                )),
            };
            if let Some(due) = due {
                found.extend(deadline("CS-03", id.as_str(), due, now, false));
            }
        }
        // CS-10: sent to a detention house or center only under a detention or arrest.
        if let Some((exited, destination)) = &s.exited
            && matches!(
                destination,
                domain::elements::Destination::DetentionHouse
                    | domain::elements::Destination::DetentionCenter
            )
            && !index.measures_of_person(&s.person).any(|m| {
                m.started_at <= *exited
                    && matches!(
                        m.kind,
                        MeasureKind::CriminalDetention
                            | MeasureKind::Arrest
                            | MeasureKind::AdminDetention
                    )
            })
        {
            found.push(prohibited(
                "CS-10",
                id.as_str(),
                format!(
                    "于{}送{}，无刑事拘留、逮捕或行政拘留措施",
                    exited.display_china(),
                    destination.label()
                ),
            ));
        }
        // CS-02: a security check within 30 min of entry (P), red when passed.
        if s.security_checked_at.is_none() && s.exited.is_none() {
            let due = due(
                s.entered_at.instant(),
                Limit::Minutes(30),
                Moves::Never,
                calendar,
            );
            found.extend(when_passed("CS-02", id.as_str(), due, now, Level::Red));
        }
    }
    for (id, i) in &world.interrogations {
        // TS-01 / TS-02: a minor with a guardian, a girl with female staff present.
        if let Some(person) = world.persons.get(&i.person)
            && let Some(age) = person.age_on(i.started_at.china_date())
            && age < 18
        {
            if !i.guardian_present {
                found.push(prohibited(
                    "TS-01",
                    id.as_str(),
                    format!("{}时年{age}周岁，法定代理人或合适成年人未到场", person.name),
                ));
            }
            if person.gender == Gender::Female && !i.female_staff_present {
                found.push(prohibited(
                    "TS-02",
                    id.as_str(),
                    format!("{}时年{age}周岁，无女性工作人员在场", person.name),
                ));
            }
        }
        // CS-05: at least two officers who are not auxiliaries.
        let sworn = i
            .officers
            .iter()
            .filter(|o| world.officers.get(*o).is_some_and(|o| !o.auxiliary))
            .count();
        if sworn < 2 {
            found.push(prohibited(
                "CS-05",
                id.as_str(),
                format!("在场正式民警{sworn}名"),
            ));
        }
    }
    for (id, p) in &world.properties {
        // CW-02: kept by the officer who seized it.
        if p.storages.iter().any(|s| s.custodian == p.seized_by) {
            found.push(prohibited(
                "CW-02",
                id.as_str(),
                format!("保管人即扣押民警{}", p.seized_by),
            ));
        }
        // CW-14: seized before the administrative case was accepted, or before the criminal
        // case was filed.
        if let Some(case) = world.cases.get(&p.case) {
            let early = match case.kind {
                CaseKind::Administrative => p.seized_at < case.accepted_at,
                CaseKind::Criminal => case.filed_at.is_none_or(|filed| filed > p.seized_at),
            };
            if early {
                found.push(prohibited(
                    "CW-14",
                    id.as_str(),
                    format!(
                        "{}于{}，案件{}尚未{}",
                        p.measure.label(),
                        p.seized_at.display_china(),
                        p.case,
                        match case.kind {
                            CaseKind::Administrative => "受案",
                            CaseKind::Criminal => "立案",
                        }
                    ),
                ));
            }
        }
        if p.disposed.is_none()
            && let Some(case) = world.cases.get(&p.case)
        {
            use domain::elements::PropertyMeasure;
            // CW-06: administrative seizure or sealing, 30 d (or the extended total).
            if case.kind == CaseKind::Administrative
                && matches!(
                    p.measure,
                    PropertyMeasure::Seizure | PropertyMeasure::Sealing
                )
            {
                let days = p.seizure_extended_days.unwrap_or(30);
                let due = due(
                    p.seized_at.instant(),
                    Limit::Days(days),
                    Moves::PastRestDays,
                    calendar,
                );
                found.extend(deadline("CW-06", id.as_str(), due, now, false));
            }
            // CW-08: a freeze on a criminal case, 6 months.
            if case.kind == CaseKind::Criminal && p.measure == PropertyMeasure::Freeze {
                let due = due(
                    p.seized_at.instant(),
                    Limit::Months(6),
                    Moves::PastRestDays,
                    calendar,
                );
                found.extend(deadline("CW-08", id.as_str(), due, now, false));
            }
            // CW-12 (P): the case ended 30 d (yellow) or 90 d (red) ago, the item not disposed.
            let ended = [
                case.decision.as_ref().map(|d| d.at),
                case.dropped_at,
                case.closed_at,
            ]
            .into_iter()
            .flatten()
            .min();
            if let Some(ended) = ended {
                let red = due(
                    ended.instant(),
                    Limit::ExactDays(90),
                    Moves::Never,
                    calendar,
                );
                let yellow = due(
                    ended.instant(),
                    Limit::ExactDays(30),
                    Moves::Never,
                    calendar,
                );
                found.extend(
                    when_passed("CW-12", id.as_str(), red, now, Level::Red)
                        .or_else(|| when_passed("CW-12", id.as_str(), yellow, now, Level::Yellow)),
                );
            }
        }
        // CW-10: a loan back by its due (yellow), red 24 h after (P).
        if let Some(loan) = p.open_check_out() {
            let back = due(loan.due.instant(), Limit::Hours(24), Moves::Never, calendar);
            let late = |level| Warning {
                rule: "CW-10",
                level,
                subject: id.to_string(),
                element: ElementKind::Property.as_str(),
                due: Some(loan.due.to_string()),
                basis: rule("CW-10").basis,
                message: format!(
                    "【{}】CW-10：{}（应于{}归还），依据{}",
                    if level == LevelCode::Red {
                        "红"
                    } else {
                        "黄"
                    },
                    rule("CW-10").duty_zh,
                    loan.due.display_china(),
                    rule("CW-10").basis
                ),
            };
            if now >= back.at {
                found.push(late(LevelCode::Red));
            } else if now >= loan.due.instant() {
                found.push(late(LevelCode::Yellow));
            }
        }
        // CW-05: found unrelated, returned within 3 d.
        if let (Some(found_at), None) = (p.found_unrelated_at, &p.disposed) {
            let due = due(
                found_at.instant(),
                Limit::Days(3),
                Moves::PastRestDays,
                calendar,
            );
            found.extend(deadline("CW-05", id.as_str(), due, now, false));
        }
        // CW-01: seized, not stored within 24 h.
        if p.storages.is_empty() && p.disposed.is_none() {
            let due = due(
                p.seized_at.instant(),
                Limit::Hours(24),
                Moves::Never,
                calendar,
            );
            found.extend(deadline("CW-01", id.as_str(), due, now, false));
        }
    }
    for (id, person) in &world.persons {
        let suspect_in = |kinds: &[CaseKind]| {
            person
                .links
                .iter()
                .filter(|l| l.role == PersonRole::Suspect)
                .filter_map(|l| world.cases.get(&l.case))
                .filter(|c| kinds.contains(&c.kind))
                .collect::<Vec<_>>()
        };
        // TS-04: legal aid notified within 3 d of the first interrogation or measure, for a
        // criminal suspect under 18, blind, deaf, mute or mental.
        let criminal = suspect_in(&[CaseKind::Criminal]);
        if !criminal.is_empty() && person.legal_aid.is_empty() {
            let first = index
                .interrogations_of_person(id)
                .map(|i| i.started_at)
                .chain(index.measures_of_person(id).map(|m| m.started_at))
                .filter(|at| at.instant() <= now)
                .min();
            if let Some(first) = first {
                let minor = person.age_on(first.china_date()).is_some_and(|a| a < 18);
                let disabled = person.flags.iter().any(|f| {
                    matches!(
                        f,
                        PersonFlag::Blind
                            | PersonFlag::Deaf
                            | PersonFlag::Mute
                            | PersonFlag::Mental
                    )
                });
                if minor || disabled {
                    let due = due(
                        first.instant(),
                        Limit::Days(3),
                        Moves::PastRestDays,
                        calendar,
                    );
                    found.extend(deadline("TS-04", id.as_str(), due, now, false));
                }
            }
        }
        // TS-07: a 12th, 14th, 16th or 18th birthday within 90 d of a case's acceptance.
        if let Some(birth) = person
            .birth_date
            .or_else(|| person.id_number.as_ref().map(|n| n.birth_date()))
        {
            let near = suspect_in(&[CaseKind::Criminal, CaseKind::Administrative])
                .into_iter()
                .find_map(|case| {
                    let accepted = case.accepted_at.china_date();
                    [12i16, 14, 16, 18].into_iter().find_map(|years| {
                        let birthday = birth.checked_add(jiff::Span::new().years(years)).ok()?;
                        // `until` between dates counts in days unless asked for more.
                        let days = accepted.until(birthday).ok()?.get_days();
                        (days.abs() <= 90).then_some((case, years))
                    })
                });
            if let Some((case, years)) = near {
                let warning = finding(
                    "TS-07",
                    id.as_str(),
                    Level::Yellow,
                    format!(
                        "{}于案件{}受案时临近{years}周岁（出生日期{birth}）",
                        person.name, case.id
                    ),
                );
                found.push(warning);
            }
        }
    }
    found.sort_by(|a, b| (a.rule, &a.subject).cmp(&(b.rule, &b.subject)));
    found
}

/// The limit of a questioning measure from its arrival: RQ-01 (12 h, or the extended total),
/// RQ-02 (8 h, or the extended total), RQ-03; `None` for other kinds.
fn questioning_due(world: &World, m: &Measure) -> Option<(&'static str, Due)> {
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
fn interrogated_after(index: &Index, m: &Measure) -> bool {
    index
        .interrogations_of_person(&m.person)
        .any(|i| i.started_at >= m.started_at)
}

/// The world's elements grouped by the case and the person they belong to, built once per
/// screening: rules look across elements (a case's measures, a person's interrogations), and
/// scanning every element for each would be quadratic in a province.
struct Index<'w> {
    cased_incidents: HashSet<&'w IncidentId>,
    suspects: HashMap<&'w CaseId, Vec<&'w PersonId>>,
    by_case: HashMap<&'w CaseId, Related<'w>>,
    by_person: HashMap<&'w PersonId, Related<'w>>,
}

#[derive(Default)]
struct Related<'w> {
    measures: Vec<&'w Measure>,
    interrogations: Vec<&'w Interrogation>,
    properties: Vec<&'w Property>,
    documents: Vec<&'w Document>,
}

impl<'w> Index<'w> {
    fn new(world: &'w World) -> Index<'w> {
        let mut index = Index {
            cased_incidents: world
                .cases
                .values()
                .filter_map(|c| c.incident.as_ref())
                .collect(),
            suspects: HashMap::new(),
            by_case: HashMap::new(),
            by_person: HashMap::new(),
        };
        for p in world.persons.values() {
            for link in p.links.iter().filter(|l| l.role == PersonRole::Suspect) {
                index.suspects.entry(&link.case).or_default().push(&p.id);
            }
        }
        for m in world.measures.values() {
            index.by_case.entry(&m.case).or_default().measures.push(m);
            index
                .by_person
                .entry(&m.person)
                .or_default()
                .measures
                .push(m);
        }
        for i in world.interrogations.values() {
            index
                .by_case
                .entry(&i.case)
                .or_default()
                .interrogations
                .push(i);
            index
                .by_person
                .entry(&i.person)
                .or_default()
                .interrogations
                .push(i);
        }
        for p in world.properties.values() {
            index.by_case.entry(&p.case).or_default().properties.push(p);
        }
        for d in world.documents.values() {
            index.by_case.entry(&d.case).or_default().documents.push(d);
        }
        index
    }

    fn measures_of_case(&self, id: &CaseId) -> impl Iterator<Item = &'w Measure> + '_ {
        self.by_case
            .get(id)
            .into_iter()
            .flat_map(|r| r.measures.iter().copied())
    }

    fn interrogations_of_case(&self, id: &CaseId) -> impl Iterator<Item = &'w Interrogation> + '_ {
        self.by_case
            .get(id)
            .into_iter()
            .flat_map(|r| r.interrogations.iter().copied())
    }

    fn properties_of_case(&self, id: &CaseId) -> impl Iterator<Item = &'w Property> + '_ {
        self.by_case
            .get(id)
            .into_iter()
            .flat_map(|r| r.properties.iter().copied())
    }

    fn documents(&self, id: &CaseId) -> impl Iterator<Item = &'w Document> + '_ {
        self.by_case
            .get(id)
            .into_iter()
            .flat_map(|r| r.documents.iter().copied())
    }

    fn measures_of_person(&self, id: &PersonId) -> impl Iterator<Item = &'w Measure> + '_ {
        self.by_person
            .get(id)
            .into_iter()
            .flat_map(|r| r.measures.iter().copied())
    }

    fn interrogations_of_person(
        &self,
        id: &PersonId,
    ) -> impl Iterator<Item = &'w Interrogation> + '_ {
        self.by_person
            .get(id)
            .into_iter()
            .flat_map(|r| r.interrogations.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{At, Fact};

    const BASE: &str = r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33","name":"省厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U3305","name":"市局","parent":"U33","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U330503","name":"分局","parent":"U3305","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33050301","name":"派出所","parent":"U330503","level":"station"}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O2","name":"李明","unit":"U33050301","gender":"male","roles":["officer"]}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1","unit":"U33050301","kind":"criminal","category":"050200"}
{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C1"}
{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P1","name":"钱一","gender":"male","birth_date":"1980-01-01"}
{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P1","case":"C1","role":"suspect"}"#;

    fn levels(extra: &[&str], now: &str) -> Vec<(&'static str, String, LevelCode)> {
        let mut world = World::new();
        for line in BASE.lines().chain(extra.iter().copied()) {
            world.apply(&Fact::from_line(line).unwrap(), None).unwrap();
        }
        screen(&world, At::parse(now).unwrap().instant())
            .into_iter()
            .map(|w| (w.rule, w.subject, w.level))
            .collect()
    }

    /// (what it shows, with its basis; facts after BASE; screening time; rule, subject, level or
    /// none).
    type Case = (
        &'static str,
        &'static [&'static str],
        &'static str,
        &'static str,
        &'static str,
        Option<LevelCode>,
    );

    #[test]
    fn each_rule_by_its_basis() {
        use LevelCode::*;
        let cases: &[Case] = &[
            (
                "XS-01 受立案意见: an unfiled criminal case is red after 3 days",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                ],
                "2026-03-06T00:00:00+08:00",
                "XS-01",
                "C2",
                Some(Red),
            ),
            (
                "XS-02: an economic case has 7 days",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"030000","economic":true}"#,
                ],
                "2026-03-06T00:00:00+08:00",
                "XS-01",
                "C2",
                None,
            ),
            (
                "RQ-01 CPL §119: a summons is yellow with 1 h of its 12 h left",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:20:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
                ],
                "2026-03-02T21:20:00+08:00",
                "RQ-01",
                "M1",
                Some(Yellow),
            ),
            (
                "RQ-01 CPL §119: an extension to 24 h lowers it",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:20:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
                    r#"{"fact":"measure.extended","at":"2026-03-02T20:00:00+08:00","id":"M1","hours":24,"approved_by":"O2"}"#,
                ],
                "2026-03-02T21:20:00+08:00",
                "RQ-01",
                "M1",
                None,
            ),
            (
                "RQ-02 治安法12 §83: questioning is red after 8 h",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"admin_questioning"}"#,
                ],
                "2026-03-02T18:00:00+08:00",
                "RQ-02",
                "M1",
                Some(Red),
            ),
            (
                "RQ-04 CPL §85: detained, not delivered after 24 h",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                ],
                "2026-03-03T10:00:00+08:00",
                "RQ-04",
                "M1",
                Some(Red),
            ),
            (
                "RQ-05 CPL §85: family not notified, blue at half of 24 h",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                ],
                "2026-03-02T22:00:00+08:00",
                "RQ-05",
                "M1",
                Some(Blue),
            ),
            (
                "RQ-07 CPL §91: 3 days of detention end on a Saturday and do not move",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-04T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                ],
                "2026-03-08T00:00:00+08:00",
                "RQ-07",
                "M1",
                Some(Red),
            ),
            (
                "RQ-09 CPL §156: arrest red 7 days before 2 months end",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                ],
                "2026-04-26T00:00:00+08:00",
                "RQ-09",
                "M1",
                Some(Red),
            ),
            (
                "RQ-13 CPL §79: bail blue 30 days before 12 months",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"bail"}"#,
                ],
                "2027-02-05T00:00:00+08:00",
                "RQ-13",
                "M1",
                Some(Blue),
            ),
            (
                "RQ-14 CPL §79: surveillance yellow 15 days before 6 months",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"residential_surveillance"}"#,
                ],
                "2026-08-20T00:00:00+08:00",
                "RQ-14",
                "M1",
                Some(Yellow),
            ),
            (
                "JQ-02 警察法 §21: dispatched, not arrived after 30 min is yellow",
                &[
                    r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                    r#"{"fact":"incident.dispatched","at":"2026-03-02T10:05:00+08:00","id":"J1","officers":["O2"]}"#,
                ],
                "2026-03-02T10:35:00+08:00",
                "JQ-02",
                "J1",
                Some(Yellow),
            ),
            (
                "JQ-02: not disposed 24 h after receipt is red",
                &[
                    r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                ],
                "2026-03-03T10:00:00+08:00",
                "JQ-02",
                "J1",
                Some(Red),
            ),
            (
                "JQ-04 受立案意见: a criminal incident with no case is blue at half of 24 h",
                &[
                    r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                ],
                "2026-03-02T22:00:00+08:00",
                "JQ-04",
                "J1",
                Some(Blue),
            ),
            (
                "JQ-05 CPL §110: a criminal incident closed as mediated is yellow at once",
                &[
                    r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                    r#"{"fact":"incident.disposed","at":"2026-03-02T11:00:00+08:00","id":"J1","result":"mediated"}"#,
                ],
                "2026-03-02T11:00:00+08:00",
                "JQ-05",
                "J1",
                Some(Yellow),
            ),
            (
                "JQ-05: recategorized to a dispute is yellow too",
                &[
                    r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                    r#"{"fact":"incident.recategorized","at":"2026-03-02T11:00:00+08:00","id":"J1","nature":"dispute","category":"dispute.neighbour"}"#,
                ],
                "2026-03-02T11:00:00+08:00",
                "JQ-05",
                "J1",
                Some(Yellow),
            ),
            (
                "XZ-06 处罚法 §44: a fine without prior notice is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                ],
                "2026-03-05T10:00:00+08:00",
                "XZ-06",
                "C2",
                Some(Red),
            ),
            (
                "XZ-06: with the notice the day before, nothing",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                    r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                ],
                "2026-03-05T10:00:00+08:00",
                "XZ-06",
                "C2",
                None,
            ),
            (
                "XZ-08 处罚法 §58: detention decided by a station, unreviewed, is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                    r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U33050301","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                ],
                "2026-03-05T10:00:00+08:00",
                "XZ-08",
                "C2",
                Some(Red),
            ),
            (
                "JZ-01 行规 §36: not served 2 days on; the last day (a Saturday) moves to Monday, red after it",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                    r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                ],
                "2026-03-10T00:00:00+08:00",
                "JZ-01",
                "C2",
                Some(Red),
            ),
            (
                "JZ-01: served, nothing",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                    r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                    r#"{"fact":"document.issued","at":"2026-03-05T11:00:00+08:00","id":"D1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
                    r#"{"fact":"document.served","at":"2026-03-05T12:00:00+08:00","id":"D1","to":"P1"}"#,
                ],
                "2026-03-08T00:00:00+08:00",
                "JZ-01",
                "C2",
                None,
            ),
            (
                "TS-01 CPL §281: a 15-year-old questioned without a guardian is red",
                &[
                    r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                    r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"],"female_staff_present":true}"#,
                ],
                "2026-03-02T12:00:00+08:00",
                "TS-01",
                "I1",
                Some(Red),
            ),
            (
                "TS-02 CPL §281: a girl questioned with no female staff is red",
                &[
                    r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                    r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"],"guardian_present":true}"#,
                ],
                "2026-03-02T12:00:00+08:00",
                "TS-02",
                "I1",
                Some(Red),
            ),
            (
                "CS-07 行规 §71: a 15-year-old placed in a holding room is red",
                &[
                    r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                    r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P2","center":"U330503"}"#,
                    r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                ],
                "2026-03-02T11:10:00+08:00",
                "CS-07",
                "S1",
                Some(Red),
            ),
            (
                "CS-07: an adult in the same room, nothing",
                &[
                    r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                    r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                ],
                "2026-03-02T11:10:00+08:00",
                "CS-07",
                "S1",
                None,
            ),
            (
                "XZ-04 行规 §40: fast-track undecided 48 h after the suspect arrived is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"case.fast_track","at":"2026-03-02T10:30:00+08:00","id":"C2"}"#,
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_questioning"}"#,
                ],
                "2026-03-04T10:00:00+08:00",
                "XZ-04",
                "C2",
                Some(Red),
            ),
            (
                "XZ-14 行规 §172: a light injury kept as an administrative case is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"case.injury_assessed","at":"2026-03-03T10:00:00+08:00","id":"C2","person":"P1","grade":"light"}"#,
                ],
                "2026-03-03T10:00:00+08:00",
                "XZ-14",
                "C2",
                Some(Red),
            ),
            (
                "XS-05 刑规 §178: no not-filing notice served 3 days on is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                    r#"{"fact":"case.not_filed","at":"2026-03-02T12:00:00+08:00","id":"C2"}"#,
                ],
                "2026-03-06T00:00:00+08:00",
                "XS-05",
                "C2",
                Some(Red),
            ),
            (
                "XS-08 刑规 §107: filed, no act for 30 × 24 h is yellow",
                &[],
                "2026-04-01T09:00:00+08:00",
                "XS-08",
                "C1",
                Some(Yellow),
            ),
            (
                "XS-08: for 90 × 24 h red",
                &[],
                "2026-05-31T09:00:00+08:00",
                "XS-08",
                "C1",
                Some(Red),
            ),
            (
                "XS-08: an act 10 days before resets it",
                &[
                    r#"{"fact":"case.act","at":"2026-05-21T09:00:00+08:00","id":"C1","act":"questioning"}"#,
                ],
                "2026-05-31T09:00:00+08:00",
                "XS-08",
                "C1",
                None,
            ),
            (
                "RQ-03 盘问规定 §11: continued questioning of an adult is red after 12 h",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"continued_questioning"}"#,
                ],
                "2026-03-02T22:00:00+08:00",
                "RQ-03",
                "M1",
                Some(Red),
            ),
            (
                "RQ-03 盘问规定 §11: of a 15-year-old, after 4 h",
                &[
                    r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                    r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P2","case":"C1","kind":"continued_questioning"}"#,
                ],
                "2026-03-02T14:00:00+08:00",
                "RQ-03",
                "M1",
                Some(Red),
            ),
            (
                "CS-03: a stay without a basis is red after 12 h (P)",
                &[
                    r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                ],
                "2026-03-02T23:00:00+08:00",
                "CS-03",
                "S1",
                Some(Red),
            ),
            (
                "CS-10 CPL §85: sent to the detention house without a detention is red",
                &[
                    r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                    r#"{"fact":"custody.security_checked","at":"2026-03-02T11:10:00+08:00","id":"S1"}"#,
                    r#"{"fact":"custody.exited","at":"2026-03-02T15:00:00+08:00","id":"S1","destination":"detention_house"}"#,
                ],
                "2026-03-02T15:00:00+08:00",
                "CS-10",
                "S1",
                Some(Red),
            ),
            (
                "CW-06 强制法 §25: an administrative seizure 30 days on is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                ],
                "2026-04-02T00:00:00+08:00",
                "CW-06",
                "W1",
                Some(Red),
            ),
            (
                "CW-08 刑规 §243: a freeze 6 months on is red",
                &[
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"freeze","category":"deposit","seized_by":"O2"}"#,
                ],
                "2026-09-03T00:00:00+08:00",
                "CW-08",
                "W1",
                Some(Red),
            ),
            (
                "CW-10 行规 §190: a loan not back by its due is yellow",
                &[
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"freeze","category":"deposit","seized_by":"O2"}"#,
                    r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"A-01","custodian":"O2"}"#,
                    r#"{"fact":"property.checked_out","at":"2026-03-03T10:00:00+08:00","id":"W1","purpose":"鉴定","due":"2026-03-05T10:00:00+08:00","approved_by":"O2"}"#,
                ],
                "2026-03-05T10:00:00+08:00",
                "CW-10",
                "W1",
                Some(Yellow),
            ),
            (
                "CW-10: 24 h after it, red",
                &[
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"freeze","category":"deposit","seized_by":"O2"}"#,
                    r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"A-01","custodian":"O2"}"#,
                    r#"{"fact":"property.checked_out","at":"2026-03-03T10:00:00+08:00","id":"W1","purpose":"鉴定","due":"2026-03-05T10:00:00+08:00","approved_by":"O2"}"#,
                ],
                "2026-03-06T10:00:00+08:00",
                "CW-10",
                "W1",
                Some(Red),
            ),
            (
                "CW-12 行规 §193: decided 30 × 24 h ago, the item not disposed, is yellow",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                    r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                    r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                ],
                "2026-04-04T10:00:00+08:00",
                "CW-12",
                "W1",
                Some(Yellow),
            ),
            (
                "JZ-04 刑规 §125: no detention notice 24 h after is red",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                ],
                "2026-03-03T11:00:00+08:00",
                "JZ-04",
                "M1",
                Some(Red),
            ),
            (
                "JZ-04: with the notice, nothing",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                    r#"{"fact":"document.issued","at":"2026-03-02T12:00:00+08:00","id":"D1","case":"C1","kind":"detention_notice","number":"X1","subject":"M1"}"#,
                ],
                "2026-03-03T11:00:00+08:00",
                "JZ-04",
                "M1",
                None,
            ),
            (
                "TS-04 CPL §278: a minor suspect interrogated, no legal aid notified 3 days on, is red",
                &[
                    r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                    r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true}"#,
                ],
                "2026-03-06T00:00:00+08:00",
                "TS-04",
                "P2",
                Some(Red),
            ),
            (
                "TS-07 刑法 §17: an 18th birthday 30 days after acceptance is yellow",
                &[
                    r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"2008-04-01"}"#,
                    r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P3","case":"C1","role":"suspect"}"#,
                ],
                "2026-03-02T12:00:00+08:00",
                "TS-07",
                "P3",
                Some(Yellow),
            ),
            (
                "TS-07: an adult of 46, nothing",
                &[],
                "2026-03-02T12:00:00+08:00",
                "TS-07",
                "P1",
                None,
            ),
            (
                "XZ-02 治安法12 §99: an administrative case undecided 30 days on is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                ],
                "2026-04-02T00:00:00+08:00",
                "XZ-02",
                "C2",
                Some(Red),
            ),
            (
                "XS-04 刑规 §174: a detention before filing is red",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                    r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"criminal_detention"}"#,
                ],
                "2026-03-02T11:00:00+08:00",
                "XS-04",
                "M1",
                Some(Red),
            ),
            (
                "XS-04: the same measure after filing is not",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                ],
                "2026-03-02T11:00:00+08:00",
                "XS-04",
                "M1",
                None,
            ),
            (
                "XS-09 刑规 §186: dropped while the suspect is detained",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                    r#"{"fact":"case.dropped","at":"2026-03-03T11:00:00+08:00","id":"C1"}"#,
                ],
                "2026-03-03T12:00:00+08:00",
                "XS-09",
                "C1",
                Some(Red),
            ),
            (
                "RQ-06 CPL §86: detained and not interrogated within 24 h",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                ],
                "2026-03-03T11:00:00+08:00",
                "RQ-06",
                "M1",
                Some(Red),
            ),
            (
                "RQ-06: an interrogation after the detention clears it",
                &[
                    r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                    r#"{"fact":"interrogation.held","at":"2026-03-02T13:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-02T14:00:00+08:00","officers":["O2"]}"#,
                ],
                "2026-03-03T11:00:00+08:00",
                "RQ-06",
                "M1",
                None,
            ),
            (
                "CS-02 行规 §53: no security check 30 min after entry is red, not earlier",
                &[
                    r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                ],
                "2026-03-02T11:29:59+08:00",
                "CS-02",
                "S1",
                None,
            ),
            (
                "CS-02: at 30 min it is red",
                &[
                    r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                ],
                "2026-03-02T11:30:00+08:00",
                "CS-02",
                "S1",
                Some(Red),
            ),
            (
                "CS-05 CPL §118: one officer questioning is red",
                &[
                    r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"]}"#,
                ],
                "2026-03-02T12:00:00+08:00",
                "CS-05",
                "I1",
                Some(Red),
            ),
            (
                "CW-02 刑规 §235: the seizing officer keeps the item",
                &[
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                    r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"A-01","custodian":"O2"}"#,
                ],
                "2026-03-02T12:00:00+08:00",
                "CW-02",
                "W1",
                Some(Red),
            ),
            (
                "CW-14 刑规 §174: seized before the criminal case was filed",
                &[
                    r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                ],
                "2026-03-02T11:00:00+08:00",
                "CW-14",
                "W1",
                Some(Red),
            ),
            (
                "CW-05 CPL §145: found unrelated, not returned 3 days on",
                &[
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                    r#"{"fact":"property.found_unrelated","at":"2026-03-02T12:00:00+08:00","id":"W1"}"#,
                ],
                "2026-03-06T00:00:00+08:00",
                "CW-05",
                "W1",
                Some(Red),
            ),
            (
                "JZ-07 行规 §260: closed, not archived after 30 × 24 h is yellow",
                &[r#"{"fact":"case.closed","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#],
                "2026-04-02T10:00:00+08:00",
                "JZ-07",
                "C1",
                Some(Yellow),
            ),
            (
                "CW-01 行规 §190: seized, not stored after 24 h",
                &[
                    r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                ],
                "2026-03-03T11:00:00+08:00",
                "CW-01",
                "W1",
                Some(Red),
            ),
        ];
        for (what, extra, now, rule, subject, expected) in cases {
            let found = levels(extra, now);
            let level = found
                .iter()
                .find(|(r, s, _)| r == rule && s == subject)
                .map(|(_, _, l)| *l);
            assert_eq!(level, *expected, "{what}: {found:?}");
        }
    }
}
