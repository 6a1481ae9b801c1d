//! Zhifa's supervision rules (issue 3): each a pure function of the world and the screening
//! time, with its catalog id, legal basis and limit (`../shared/rules/README.md`, "The core
//! set"). `screen` runs every implemented rule over a world.
//!
//! **Architecture Invariant:** no IO and no clock: the screening time is an argument, so batch
//! screening (`zhifa screen --as-of T`) and live evaluation run the same code.
//!
//! `IMPLEMENTED` lists the rules: every rule of the core set, then those implemented beyond it
//! (catalog status `Implemented`). The scenario test checks the findings of exactly those.
//! Deadline rules give a level by the bands of their limit; prohibitions (XZ-05, XZ-06, XZ-08,
//! XS-04, XS-09, XS-13, CS-04, CS-05, CS-07, CS-09, CS-10, CW-02, CW-14, JZ-06, TS-01, TS-02,
//! TS-06, TS-09; JQ-05, CS-08 yellow) hold at once and stay open after the fact, until the
//! supervision loop closes them; absence checks (JQ-06, RQ-11) hold at once while what is absent
//! stays so.

mod case;
pub mod catalog;
mod cx;
mod documents;
mod incident;
mod interrogation;
mod links;
mod measure;
mod person;
mod property;
mod stay;
mod supervision;
#[cfg(test)]
mod tests;
pub mod thresholds;

use std::collections::BTreeSet;

use domain::World;
use domain::fact::{ElementKind, FactKind};
use domain::legal_time::Level;
use domain::world::HashMap;
use jiff::Timestamp;

pub use links::Links;
pub use thresholds::Policy;

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

impl LevelCode {
    /// The FORMAT.md code.
    pub fn as_str(self) -> &'static str {
        match self {
            LevelCode::Blue => "blue",
            LevelCode::Yellow => "yellow",
            LevelCode::Red => "red",
        }
    }
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

/// The rules implemented: the core set of `rules/README.md`, then the rules implemented beyond
/// it (`catalog::Status::Implemented`). `basis` is the catalog's
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
        duty_zh: "人员进入办案中心后须在30分钟内完成安全检查；检查女性的身体须由女性工作人员进行",
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
        duty_zh: "案件办结后涉案财物须及时处置（平台阈值：30日黄、90日红；已发布招领公告、待认领的财物依CW-13处理）",
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
    // Beyond the core set (catalog status `Implemented`).
    Rule {
        id: "JQ-06",
        element: ElementKind::Incident,
        basis: "视音频规定 §13 (S)",
        duty_zh: "现场处置须使用执法记录仪全程录音录像，视频须关联到警情",
    },
    Rule {
        id: "XZ-05",
        element: ElementKind::Case,
        basis: "行规 §37, §39; 治安法12 §100–101; 处罚法 §51–52",
        duty_zh: "当场处罚仅限警告或二百元以下罚款，行政拘留、吊销许可证等不得当场作出",
    },
    Rule {
        id: "RQ-11",
        element: ElementKind::Measure,
        basis: "CPL §96–99; 刑规 §158, §161; 看守所条例 §43; 行规 §259",
        duty_zh: "强制措施期满（行政拘留执行期满）或案件撤销、终止调查、结案后，须立即解除或变更",
    },
    Rule {
        id: "XZ-13",
        element: ElementKind::Case,
        basis: "治安法12 §22; 行规 §154; 处罚法 §36",
        duty_zh: "违反治安管理行为在六个月内、其他行政违法行为在二年内没有被发现的，不再处罚",
    },
    Rule {
        id: "XZ-15",
        element: ElementKind::Case,
        basis: "伤害规定 §18–19 (S)",
        duty_zh: "伤害案件须在受案后24小时内开具伤情鉴定委托书，委托伤情鉴定",
    },
    Rule {
        id: "TS-03",
        element: ElementKind::Interrogation,
        basis: "未保法 §112; 刑规 §326",
        duty_zh: "询问性侵害、暴力伤害案件的未成年被害人、证人，须同步录音录像，尽量一次完成",
    },
    Rule {
        id: "TS-11",
        element: ElementKind::Case,
        basis: "CPL §132, §139; 刑规 §155, §225; 治安法12 §87; 行规 §82, §94; 拘留所条例; 看守所条例",
        duty_zh: "检查妇女的身体、搜查妇女的身体、提取女性生物样本，须由女性工作人员进行（人身检查可由医师进行）",
    },
    Rule {
        id: "XS-15",
        element: ElementKind::Case,
        basis: "CPL §151; 刑规 §266–267",
        duty_zh: "技术侦查措施的批准决定自签发之日起三个月内有效；需要继续采取的，须在期限届满前办理延长（每次不超过三个月），不需要继续采取的应当及时解除",
    },
    Rule {
        id: "RQ-10",
        element: ElementKind::Measure,
        basis: "CPL §160; 刑规 §151–152",
        duty_zh: "侦查期间发现犯罪嫌疑人另有重要罪行的，须自发现之日起5日内报批重新计算侦查羁押期限；重新计算后须将变更羁押期限通知书送达看守所",
    },
    Rule {
        id: "RQ-17",
        element: ElementKind::Measure,
        basis: "强制法 §19–20; 行规 §55–56, §58",
        duty_zh: "当场采取约束等行政强制措施的，须在24小时内向负责人报告并补办批准手续，并立即通知家属",
    },
    Rule {
        id: "XZ-12",
        element: ElementKind::Case,
        basis: "行规 §222–224, §231; 治安法12 §107",
        duty_zh: "被处罚人申请暂缓执行行政拘留的，须在收到申请后24小时内作出决定；准许的，责令提出担保人或者按每日行政拘留200元的标准交纳保证金，二者不得同时要求",
    },
    Rule {
        id: "CS-11",
        element: ElementKind::Stay,
        basis: "盘问规定 §23–25, §36",
        duty_zh: "在区人员突发疾病、受伤、自伤自残、脱逃或死亡的，须立即报告督察；死亡的，须在24小时内委托死因鉴定",
    },
    Rule {
        id: "RQ-16",
        element: ElementKind::Measure,
        basis: "禁毒法 §33, §40, §47",
        duty_zh: "强制隔离戒毒决定须在执行前送达，送达后24小时内通知家属、所在单位和户籍所在地派出所；强制隔离戒毒期限二年（延长不超过一年），社区戒毒期限三年",
    },
    Rule {
        id: "XZ-07",
        element: ElementKind::Case,
        basis: "行规 §123, §133, §135–137; 处罚法 §63–64; 治安法12 §98 (V); 治安法25 §117 (S+)",
        duty_zh: "拟作出较大数额罚款（二千元以上；2026年起治安案件四千元以上）、吊销许可证件或对未成年人行政拘留的，须告知听证权利；当事人申请听证的，须在10日内举行听证",
    },
    Rule {
        id: "XZ-10",
        element: ElementKind::Case,
        basis: "行规 §214–218; 处罚法 §67–72; 治安法12 §104",
        duty_zh: "当场收缴的罚款，人民警察须自收缴之日起2日内交至所属公安机关；公安机关须自收到之日起2日内缴付指定银行",
    },
    Rule {
        id: "XS-10",
        element: ElementKind::Case,
        basis: "CPL §161–162; 刑规 §287, §289",
        duty_zh: "侦查终结移送审查起诉的，须制作起诉意见书，并将案件移送情况告知犯罪嫌疑人及其辩护律师（平台阈值：移送后3日内）",
    },
    Rule {
        id: "JZ-09",
        element: ElementKind::Case,
        basis: "行规 §111, §175; 强制法 §24",
        duty_zh: "行政处罚决定书须载明当事人身份、违法事实和证据、处罚种类和依据、履行方式和期限、涉案财物处理、救济途径和期限、机关印章和日期及加处罚款；证据保全决定书须载明理由、依据、期限及清单",
    },
    Rule {
        id: "JZ-05",
        element: ElementKind::Case,
        basis: "CPL §122; 刑规 §199, §206, §223–225, §259–260; 行规 §68, §77, §102–104",
        duty_zh: "辨认须由二名以上侦查人员主持，辨认犯罪嫌疑人不少于七人、照片不少于十张、物品不少于五件；执行搜查的侦查人员不得少于二人",
    },
    Rule {
        id: "XS-03",
        element: ElementKind::Case,
        basis: "刑规 §180–181 (V); 经侦规定 §16 (S)",
        duty_zh: "行政执法机关移送的案件，材料不全的须在受案后24小时内通知移送机关补正；移送机关对不予立案决定申请复议的，须在3日内作出决定",
    },
    Rule {
        id: "XS-07",
        element: ElementKind::Case,
        basis: "刑规 §175, §184–185",
        duty_zh: "审查发现不属本单位管辖的案件，须在24小时内移送有管辖权的机关；立案后移送的，须在移送后3日内书面通知报案人等",
    },
    Rule {
        id: "XZ-09",
        element: ElementKind::Case,
        basis: "行规 §178–179",
        duty_zh: "雇凶伤害、结伙斗殴或寻衅滋事、多次违法、当事人拒绝调解、调解中又实施违法或逃跑的，不适用调解",
    },
    Rule {
        id: "TS-08",
        element: ElementKind::Case,
        basis: "CPL §286; 刑规 §331; 未保法 §103 (V); 治安法25 (S)",
        duty_zh: "不得披露未成年人的姓名、影像、住所、就读学校以及可能识别出其身份的其他信息",
    },
    Rule {
        id: "JQ-01",
        element: ElementKind::Incident,
        basis: "刑规 §169–171, §175; 行规 §60–61, §64 (V). 接报案规定 第四条; 受立案意见 (S)",
        duty_zh: "对来所报案的，须当场登记、接受证据材料并出具接受证据材料清单、出具接报案回执",
    },
    Rule {
        id: "JQ-03",
        element: ElementKind::Incident,
        basis: "行规 §61; 刑规 §175",
        duty_zh: "属于公安机关职责但不属本单位管辖的，须在24小时内移送有管辖权的机关并告知报案人；不属公安机关职责的，须告知报案人",
    },
    Rule {
        id: "CW-11",
        element: ElementKind::Property,
        basis: "刑规 §234, §236; 行规 §191–192",
        duty_zh: "权属明确的被害人合法财产，登记、拍照、估价后及时发还；易腐烂变质等不宜长期保存的物品，拍照后及时拍卖、变卖；危险品存放于专门仓库",
    },
    Rule {
        id: "XZ-11",
        element: ElementKind::Case,
        basis: "行规 §200, §206–207; 强制法 §53",
        duty_zh: "当事人不履行行政处罚决定，又不申请复议、提起诉讼的，须先送达催告书，催告书送达10日后仍未履行的，自复议、诉讼期限届满之日起3个月内申请人民法院强制执行",
    },
    Rule {
        id: "XZ-03",
        element: ElementKind::Case,
        basis: "处罚法 §60",
        duty_zh: "治安案件以外的行政案件，须自立案之日起90日内作出行政处罚决定（法律、法规、规章另有规定的除外）",
    },
    Rule {
        id: "XS-06",
        element: ElementKind::Case,
        basis: "刑规 §182; 检规 §560, §563–564",
        duty_zh: "检察机关要求说明不立案理由的，须在收到通知后7日内书面说明；通知立案的，须在收到通知后15日内立案",
    },
    Rule {
        id: "XS-11",
        element: ElementKind::Case,
        basis: "CPL §175; 刑规 §295–296",
        duty_zh: "检察机关退回补充侦查的案件，须在1个月内补充侦查完毕并重新移送；补充侦查以二次为限",
    },
    Rule {
        id: "XS-12",
        element: ElementKind::Case,
        basis: "刑规 §141, §293–294, §330",
        duty_zh: "检察机关不批准逮捕的，须立即释放被拘留的犯罪嫌疑人（或依法变更措施）；决定不起诉的，在押的犯罪嫌疑人须立即释放（平台阈值：收到通知后24小时内）",
    },
    Rule {
        id: "TS-05",
        element: ElementKind::Person,
        basis: "刑规 §47, §49, §52–54; 法援法 §35, §37, §39",
        duty_zh: "犯罪嫌疑人申请法律援助的，须在收到申请后24小时内转交法律援助机构",
    },
    Rule {
        id: "RQ-12",
        element: ElementKind::Measure,
        basis: "CPL §95, §97; 刑规 §160",
        duty_zh: "收到变更强制措施申请后须在3日内作出决定，不同意变更的须告知申请人并说明理由；检察机关建议释放或变更强制措施的，须在10日内将处理情况通知检察机关",
    },
    Rule {
        id: "TS-12",
        element: ElementKind::Interrogation,
        basis: "CPL §121; 刑规 §204; 行规 §76; 治安法12 §86",
        duty_zh: "讯问、询问聋、哑人，应当有通晓聋、哑手势的人参加，并在笔录上注明",
    },
    Rule {
        id: "CW-13",
        element: ElementKind::Property,
        basis: "刑规 §233; 行规 §197, §213; 治安法12 §89",
        duty_zh: "发布招领公告后六个月无人认领的涉案财物，须按无主财物处理（依法拍卖、变卖或上缴国库）",
    },
    Rule {
        id: "TS-13",
        element: ElementKind::Measure,
        basis: "刑规 §164–168, §367; 行规 §174, §240, §242, §244, §250, §254",
        duty_zh: "对外国籍犯罪嫌疑人采取刑事拘留、逮捕的，须在48小时内层报省级公安机关，同时通报同级人民政府外事办公室",
    },
    Rule {
        id: "XS-14",
        element: ElementKind::Case,
        basis: "CPL §148; 刑规 §252–255",
        duty_zh: "刑事案件的鉴定意见须及时告知犯罪嫌疑人、被害人（平台阈值：收到后3日内）",
    },
    Rule {
        id: "JZ-02",
        element: ElementKind::Case,
        basis: "行规 §172; 治安法12 §97",
        duty_zh: "治安案件有被侵害人的，须在决定后2日内将决定书复印件送达被侵害人",
    },
    Rule {
        id: "JZ-03",
        element: ElementKind::Case,
        basis: "行规 §97–98",
        duty_zh: "行政案件的鉴定意见须在收到后5日内将复印件送达违法嫌疑人和被侵害人",
    },
    Rule {
        id: "RQ-08",
        element: ElementKind::Measure,
        basis: "CPL §93; 刑规 §142–145",
        duty_zh: "逮捕后须立即送看守所羁押（平台阈值24小时），并在3日内将执行回执送达人民检察院",
    },
    Rule {
        id: "RQ-15",
        element: ElementKind::Case,
        basis: "治安法12 §16, §92, §97; 行规 §162–164, §176, §220; 拘留所条例 §12, §27, §29",
        duty_zh: "行政拘留决定后须及时送拘留所执行并通知家属（平台阈值24小时），合并执行的行政拘留最长不超过二十日",
    },
    Rule {
        id: "TS-09",
        element: ElementKind::Person,
        basis: "治安法12 §12, §21; 行规 §157, §164 (V); 治安法25 §23 (S)",
        duty_zh: "不满十四周岁的不予行政处罚；不满十六周岁、七十周岁以上、怀孕或哺乳期的，依法不执行行政拘留",
    },
    Rule {
        id: "CS-01",
        element: ElementKind::Measure,
        basis: "办案区规定 §4 and register clause (S)",
        duty_zh: "被传唤、拘传、盘问的人员到案后须立即带入办案区登记（平台阈值30分钟）",
    },
    Rule {
        id: "CS-04",
        element: ElementKind::Interrogation,
        basis: "CPL §118; 刑规 §198; 行规 §71",
        duty_zh: "讯问须在办案中心讯问室进行；已送看守所羁押的，须在看守所内讯问",
    },
    Rule {
        id: "CS-06",
        element: ElementKind::Stay,
        basis: "CPL §119; 刑规 §201; 行规 §71; 盘问规定 §27",
        duty_zh: "在区人员须按时提供饮食并记录（平台阈值：入区、两餐、离区之间不超过6小时）",
    },
    Rule {
        id: "CS-09",
        element: ElementKind::Interrogation,
        basis: "CPL §123; 刑规 §208; 治安法25 (S)",
        duty_zh: "在办案中心讯问、询问须全程同步录音录像",
    },
    Rule {
        id: "XS-13",
        element: ElementKind::Interrogation,
        basis: "CPL §123; 刑规 §208 (V); 录像规定 §4 (S)",
        duty_zh: "讯问未成年人及盲、聋、哑、精神病人犯罪嫌疑人须全程同步录音录像",
    },
    Rule {
        id: "JZ-06",
        element: ElementKind::Interrogation,
        basis: "CPL §34, §120; 刑规 §203",
        duty_zh: "第一次讯问犯罪嫌疑人时须告知其诉讼权利，送达犯罪嫌疑人诉讼权利义务告知书",
    },
    Rule {
        id: "CS-08",
        element: ElementKind::Stay,
        basis: "看守所条例 §14; CPL §280",
        duty_zh: "候问、等候的人员须男女分别看管，同案犯罪嫌疑人分别看管（办案中心为平台规定）",
    },
    Rule {
        id: "TS-06",
        element: ElementKind::Stay,
        basis: "CPL §280; 刑规 §327–328; 看守所条例 §14",
        duty_zh: "未成年人须与成年人分别关押、分别管理",
    },
    Rule {
        id: "CW-04",
        element: ElementKind::Property,
        basis: "CPL §142; 刑规 §229–230; 行规 §111; 强制法 §24",
        duty_zh: "扣押、查封财物须当场开列扣押清单，先行登记保存须当场开具证据保全决定书（平台阈值24小时）",
    },
    Rule {
        id: "CW-07",
        element: ElementKind::Property,
        basis: "行规 §110; 处罚法 §56",
        duty_zh: "先行登记保存的证据须在7日内作出处理决定，逾期视为自动解除",
    },
    Rule {
        id: "CW-09",
        element: ElementKind::Property,
        basis: "行规 §113–114; 强制法 §32",
        duty_zh: "行政案件冻结期限为30日（经批准延长的在延长后的期限内），届满前须作出处理决定或解除冻结",
    },
    Rule {
        id: "DB-01",
        element: ElementKind::Warning,
        basis: "Zhifa (issue 3): 预警 → 发现 → 核查 → 整改 → 追责; overdue rectification is itself warned (seeds: 整改率 99.8 %)",
        duty_zh: "责令整改的，须在整改期限内完成整改",
    },
];

pub(crate) fn rule(id: &str) -> &'static Rule {
    IMPLEMENTED
        .iter()
        .find(|r| r.id == id)
        .expect("every rule raised is listed")
}

/// What the rules find about one element at one time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// The warnings open, in rule order.
    pub warnings: Vec<Warning>,
    /// When the element must be evaluated again, facts aside: the first instant after the
    /// evaluation time at which a warning may appear or change level (`next_due`).
    pub next_due: Option<Timestamp>,
}

/// Evaluates every rule about one element at `now`. `links` must be current for the world
/// (`Links::of`, or kept with `Links::note`); an element that does not exist has no warnings.
pub fn evaluate(
    world: &World,
    links: &Links,
    policy: &Policy,
    kind: ElementKind,
    id: &str,
    now: Timestamp,
) -> Evaluation {
    evaluate_as(world, links, policy, kind, id, now, true)
}

/// As [`evaluate`], but the warnings carry no message and no due time: rule, level and subject
/// only, at a fraction of the cost. The live engine compares these, then explains what changed.
pub fn evaluate_levels(
    world: &World,
    links: &Links,
    policy: &Policy,
    kind: ElementKind,
    id: &str,
    now: Timestamp,
) -> Evaluation {
    evaluate_as(world, links, policy, kind, id, now, false)
}

/// As [`evaluate_levels`], the element at position `pos` of its world map ([`Affected`] lists
/// elements so).
pub fn evaluate_levels_at(
    world: &World,
    links: &Links,
    policy: &Policy,
    kind: ElementKind,
    pos: u32,
    now: Timestamp,
) -> Evaluation {
    evaluate_pos(world, links, policy, kind, pos as usize, now, false)
}

fn evaluate_as(
    world: &World,
    links: &Links,
    policy: &Policy,
    kind: ElementKind,
    id: &str,
    now: Timestamp,
    explain: bool,
) -> Evaluation {
    match world.position(kind, id) {
        Some(pos) => evaluate_pos(world, links, policy, kind, pos, now, explain),
        None => Evaluation {
            warnings: Vec::new(),
            next_due: None,
        },
    }
}

/// Evaluates the element at position `pos` of its world map.
fn evaluate_pos(
    world: &World,
    links: &Links,
    policy: &Policy,
    kind: ElementKind,
    pos: usize,
    now: Timestamp,
    explain: bool,
) -> Evaluation {
    let mut cx = cx::Cx::new(world, links, policy, now);
    cx.explain = explain;
    fn at<K, V>(map: &domain::world::ElementMap<K, V>, pos: usize) -> Option<&V> {
        map.get_index(pos).map(|(_, v)| v)
    }
    match kind {
        ElementKind::Incident => at(&world.incidents, pos).map(|e| incident::evaluate(&mut cx, e)),
        ElementKind::Case => at(&world.cases, pos).map(|e| case::evaluate(&mut cx, e)),
        ElementKind::Measure => at(&world.measures, pos).map(|e| measure::evaluate(&mut cx, e)),
        ElementKind::Stay => at(&world.stays, pos).map(|e| stay::evaluate(&mut cx, e)),
        ElementKind::Interrogation => {
            at(&world.interrogations, pos).map(|e| interrogation::evaluate(&mut cx, e))
        }
        ElementKind::Property => at(&world.properties, pos).map(|e| property::evaluate(&mut cx, e)),
        ElementKind::Person => at(&world.persons, pos).map(|e| person::evaluate(&mut cx, e)),
        ElementKind::Warning => at(&world.warnings, pos).map(|e| supervision::evaluate(&mut cx, e)),
        _ => None,
    };
    cx.found.sort_by_key(|w| w.rule);
    Evaluation {
        warnings: cx.found,
        next_due: cx.next,
    }
}

/// The element kinds rules are about.
pub const EVALUATED: [ElementKind; 8] = [
    ElementKind::Incident,
    ElementKind::Case,
    ElementKind::Measure,
    ElementKind::Stay,
    ElementKind::Interrogation,
    ElementKind::Property,
    ElementKind::Person,
    ElementKind::Warning,
];

/// Every warning open at `now` in `world` (built from the facts at or before `now`), with the
/// thresholds its units set: the batch mode (`zhifa screen`).
pub fn screen(world: &World, now: Timestamp) -> Vec<Warning> {
    let links = Links::of(world);
    screen_with(world, &links, &Policy::of(world), now)
}

/// Runs `part(thread, threads)` once per core and joins what each found, in thread order.
fn on_every_core<T: Send>(part: impl Fn(usize, usize) -> Vec<T> + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 {
        return part(0, 1);
    }
    let part = &part;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || part(t, threads)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("screening threads do not panic"))
            .collect()
    })
}

/// Every warning open at `now`, with given links and thresholds, sorted by rule and subject.
/// The elements are shared among the machine's cores (each thread takes every n-th element of
/// each kind, so the work is even whatever the mix of kinds).
pub fn screen_with(world: &World, links: &Links, policy: &Policy, now: Timestamp) -> Vec<Warning> {
    let mut found = on_every_core(|thread, threads| {
        let mut cx = cx::Cx::new(world, links, policy, now);
        let mine = |n: &usize| n % threads == thread;
        macro_rules! each {
            ($map:ident, $module:ident) => {
                let elements = world.$map.values().enumerate();
                for (_, e) in elements.filter(|(n, _)| mine(n)) {
                    $module::evaluate(&mut cx, e);
                }
            };
        }
        each!(incidents, incident);
        each!(cases, case);
        each!(measures, measure);
        each!(stays, stay);
        each!(interrogations, interrogation);
        each!(properties, property);
        each!(persons, person);
        each!(warnings, supervision);
        cx.found
    });
    found.sort_by(|a, b| (a.rule, &a.subject).cmp(&(b.rule, &b.subject)));
    found
}

/// Beyond its subject, what a fact that changes no links can affect: the fields it sets are read
/// only by its subject's rules and by the rules of these elements (checked field by field against
/// the rule modules; `tests/incremental.rs` replays every fact through `affected_by_fact` and
/// fails when one is left out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reach {
    /// The case of the measure the fact is about.
    pub case: bool,
    /// The other measures of the measure's person.
    pub measures: bool,
    /// The stays of the measure's person.
    pub stays: bool,
    /// The interrogations of the measure's person.
    pub interrogations: bool,
    /// The measures and property items of the case the fact is about.
    pub case_elements: bool,
}

impl Reach {
    const SUBJECT: Reach = Reach {
        case: false,
        measures: false,
        stays: false,
        interrogations: false,
        case_elements: false,
    };
}

/// What a fact reaches, if it changes no links and the fields it sets are read by few rules;
/// `None` for the rest, which are evaluated with all their subject feeds ([`affected`]).
pub fn reach(fact: FactKind) -> Option<Reach> {
    use FactKind as F;
    let only = Reach::SUBJECT;
    Some(match fact {
        F::CaseAct => only,                    // acts: XS-08
        F::CasePersonSearched => only,         // acts: XS-08; TS-11
        F::CaseTechnicalInvestigation => only, // XS-15
        // XZ-12 on the case; RQ-15 on the case too (a deferral granted stops its clock).
        F::CaseDeferralRequested | F::CaseDeferralDecided => only,
        F::CaseReviewPassed => only,     // reviews: XZ-08
        F::CaseReviewReturned => only,   // reviews: XZ-08
        F::CasePriorNoticeGiven => only, // prior notices: XZ-06, XZ-07
        F::CaseHearingRequested | F::CaseHearingHeld => only, // XZ-07
        F::CaseFineCash => only,         // XZ-10
        F::CaseEnforcement => only,      // XZ-11
        F::CaseJurisdictionFound => only, // XS-07
        F::CaseIdentification => only,   // JZ-05
        F::CaseCompletionRequested
        | F::CaseReconsiderationRequested
        | F::CaseReconsiderationDecided => only, // XS-03
        F::CaseMediationBarred => only,  // XZ-09
        F::CasePublicized => only,       // TS-08
        F::CaseLimitExtended => only,    // XZ-02
        F::CaseFilingExtended => only,   // XS-01
        F::CaseArchived => only,         // JZ-07
        F::CaseSentForProsecution => only, // XS-08, XS-11
        // XS-06, XS-11, XS-12 on the case; RQ-12 on the measure a recommendation names.
        F::CaseProcuratorateNotice => Reach {
            case_elements: true,
            ..only
        },
        F::MeasureChangeRequested => only,     // RQ-12
        F::MeasureApproved => only,            // RQ-17
        F::MeasureCustodyRecalculated => only, // RQ-09, RQ-10
        F::CaseInjuryAssessed => only,         // XZ-14, XS-14, JZ-03
        F::MeasureArrestRequested => only,     // RQ-07
        F::LegalAidNotified => only,           // TS-04, TS-05
        F::LegalAidRequested => only,          // TS-05
        F::CustodySecurityChecked => only,     // CS-02
        F::CustodyInfoCollected => only,       // no rule reads it
        F::CustodyMeal => only,                // CS-06
        F::CustodyIncident | F::CustodyIncidentReported | F::CustodyDeathAppraisalCommissioned => {
            only // CS-11
        }
        F::PropertySeizureExtended => only, // CW-06, CW-09
        // The case's own rules; its measures read when it was filed (XS-04), dropped (RQ-11,
        // XS-09) or closed (RQ-11), its property items the same times (CW-14, CW-12); no other
        // element reads them (persons read a case's kind, acceptance and decision;
        // interrogations its kind; incidents whether it exists).
        // A transfer closes the case here (XS-07).
        F::CaseFiled | F::CaseDropped | F::CaseClosed | F::CaseTransferred => Reach {
            case_elements: true,
            ..only
        },
        // The item's own rules (CW-…); its case reads only when it was seized (XS-08), which
        // these do not change, and no other element reads an item.
        F::PropertyStored => only,
        F::PropertyCheckedOut => only,
        F::PropertyCheckedIn => only,
        F::PropertyFoundUnrelated => only,
        F::PropertyOwnerSought => only, // CW-13
        F::PropertyFlagged => only,     // CW-11
        // JQ-01 and JQ-03 on the incident; no other element reads them.
        F::IncidentReceiptIssued
        | F::IncidentEvidenceReceived
        | F::IncidentJurisdictionFound
        | F::IncidentReporterTold => only,
        F::PropertyDisposed => only,
        // RQ-01…RQ-03, RQ-07, RQ-09 on the measure; CS-03 on the stay it is the basis of.
        F::MeasureExtended => Reach {
            stays: true,
            ..only
        },
        // RQ-05 on the measure, RQ-15 on its case.
        F::MeasureFamilyNotified | F::MeasureFamilyNotNotified => Reach { case: true, ..only },
        // RQ-15, XS-09 and XS-11 on the case, RQ-08 and RQ-11 on the person's other measures, CS-04 on
        // their interrogations.
        F::MeasureDelivered | F::MeasureEnded => Reach {
            case: true,
            measures: true,
            interrogations: true,
            ..only
        },
        _ => return None,
    })
}

/// Whether the elements a fact affects are known from the fact alone ([`reach`]): such a fact
/// changes no links, and [`affected_by_fact`] lists a few elements instead of all that its
/// subject feeds.
pub fn is_narrow(fact: FactKind) -> bool {
    reach(fact).is_some()
}

/// As [`affected`], knowing which fact touched the element: a fact with a [`reach`] affects its
/// subject and what it reaches.
pub fn affected_by_fact(
    world: &World,
    links: &Links,
    fact: FactKind,
    kind: ElementKind,
    id: &str,
) -> Affected {
    match reach(fact) {
        Some(reach) if kind == fact.element() => {
            let Some(this) = world.position(kind, id) else {
                return Affected::Elements(Vec::new());
            };
            let mut out = vec![(kind, this as u32)];
            use {ElementKind as K, links::Tag};
            if reach.case_elements
                && kind == K::Case
                && let Some(r) = world
                    .cases
                    .get_index(this)
                    .and_then(|(id, _)| links.of_case(id))
            {
                out.extend(r.of(Tag::Measure).map(|n| (K::Measure, n)));
                out.extend(r.of(Tag::Property).map(|n| (K::Property, n)));
                out.sort_unstable();
                out.dedup();
            }
            if kind == K::Measure
                && reach != Reach::SUBJECT
                && let Some((_, m)) = world.measures.get_index(this)
            {
                if reach.case {
                    out.extend(
                        world
                            .cases
                            .get_index_of(&m.case)
                            .map(|n| (K::Case, n as u32)),
                    );
                }
                if let Some(r) = links.of_person(&m.person) {
                    if reach.measures {
                        out.extend(r.of(Tag::Measure).map(|n| (K::Measure, n)));
                    }
                    if reach.stays {
                        out.extend(r.of(Tag::Stay).map(|n| (K::Stay, n)));
                    }
                    if reach.interrogations {
                        out.extend(r.of(Tag::Interrogation).map(|n| (K::Interrogation, n)));
                    }
                }
                out.sort_unstable();
                out.dedup();
            }
            Affected::Elements(out)
        }
        _ => affected(world, links, kind, id),
    }
}

/// What a touched element changes: the elements whose rules read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Affected {
    /// These elements (the touched one among them), by kind and position in their world map
    /// ([`World::position`]; [`evaluate_levels_at`] evaluates one), sorted, each once: positions,
    /// not ids, because hashing ids to list and then find the affected elements was a third of
    /// the incremental work in a province.
    Elements(Vec<(ElementKind, u32)>),
    /// Everything: units, officers and calendar days feed rules across the whole world.
    All,
}

/// An element to list as affected: by id, or by position in its world map.
enum Found<'a> {
    Id(&'a str),
    At(u32),
}

/// The elements to evaluate again after a fact touched `(kind, id)`; `links` must already have
/// noted it. Every rule that reads another element is listed here, from the side of the element
/// read:
/// - an incident feeds the case its disposal names (XZ-05);
/// - a case its incident (JQ-04), measures (XS-04, RQ-11), property (CW-06, CW-08, CW-09,
///   CW-12, CW-14), suspects (TS-04, TS-07) and the persons its decision penalises (TS-09);
/// - a person their measures (RQ-03), interrogations (TS-01, TS-02, XS-13), stays (CS-07) and
///   the stays that shared a room with them (CS-08's co-suspects), and the cases they are linked
///   to (XZ-04's minors, XS-14, JZ-02, JZ-03);
/// - a measure its case (XS-08, XS-09, XZ-04, RQ-15) and the case's measures (XS-04), its
///   person (TS-04, TS-09) and the person's measures (RQ-08), stays (CS-03, CS-10) and
///   interrogations (RQ-06's other side, CS-04);
/// - an interrogation its case and the case's measures (XS-08), its person and the person's
///   measures (RQ-06), interrogations (JZ-06's first interrogation) and stays;
/// - a property item its case (XS-08);
/// - a document, by its kind (`documents::readers`): its case (JZ-01, JZ-02, JZ-03, XS-05,
///   XS-14), the measure it names (JZ-04, RQ-08), the property it lists (CW-04) or the case's
///   interrogations (JZ-06); a kind no rule reads, nothing;
/// - a stay its person's measures (CS-01; the entry also touches the person), the
///   interrogations held during it (CS-04, CS-09) and the stays that shared a room with it
///   (CS-08, TS-06).
pub fn affected(world: &World, links: &Links, kind: ElementKind, id: &str) -> Affected {
    use ElementKind as K;
    let this = world.position(kind, id);
    fn at<K, V>(map: &domain::world::ElementMap<K, V>, n: Option<usize>) -> Option<&V> {
        map.get_index(n?).map(|(_, v)| v)
    }
    let mut out: Vec<(K, u32)> = this.map(|n| (kind, n as u32)).into_iter().collect();
    // By id (a hash lookup; an element not there has nothing to evaluate) or by position.
    let mut push = |k: K, at: Found| {
        let n = match at {
            Found::Id(id) => world.position(k, id).map(|n| n as u32),
            Found::At(n) => Some(n),
        };
        out.extend(n.map(|n| (k, n)));
    };
    use Found::{At, Id};
    use links::Tag;
    let of_case = |case: &domain::ids::CaseId, push: &mut dyn FnMut(K, Found)| {
        push(K::Case, Id(case.as_str()));
        if let Some(r) = links.of_case(case) {
            r.of(Tag::Measure).for_each(|n| push(K::Measure, At(n)));
        }
    };
    let near = |s: &domain::elements::Stay, push: &mut dyn FnMut(K, Found)| {
        links
            .stays_near(s)
            .into_iter()
            .for_each(|n| push(K::Stay, At(n)));
    };
    let of_person = |person: &domain::ids::PersonId, push: &mut dyn FnMut(K, Found)| {
        push(K::Person, Id(person.as_str()));
        if let Some(r) = links.of_person(person) {
            r.of(Tag::Measure).for_each(|n| push(K::Measure, At(n)));
            r.of(Tag::Stay).for_each(|n| push(K::Stay, At(n)));
            r.of(Tag::Interrogation)
                .for_each(|n| push(K::Interrogation, At(n)));
        }
    };
    match kind {
        K::Unit | K::Officer | K::Calendar => return Affected::All,
        K::Incident => {
            if let Some(case) = at(&world.incidents, this).and_then(|i| i.case.as_ref()) {
                push(K::Case, Id(case.as_str()));
            }
        }
        K::Case => {
            if let Some(case) = at(&world.cases, this) {
                if let Some(incident) = &case.incident {
                    push(K::Incident, Id(incident.as_str()));
                }
                if let Some(r) = links.of_case(&case.id) {
                    r.of(Tag::Measure).for_each(|n| push(K::Measure, At(n)));
                    r.of(Tag::Property).for_each(|n| push(K::Property, At(n)));
                }
                for suspect in links.suspects(&case.id) {
                    push(K::Person, Id(suspect.as_str()));
                }
                for penalty in case.decision.iter().flat_map(|d| &d.penalties) {
                    push(K::Person, Id(penalty.person.as_str()));
                }
            }
        }
        K::Person => {
            if let Some(p) = at(&world.persons, this) {
                of_person(&p.id, &mut push);
                for link in &p.links {
                    push(K::Case, Id(link.case.as_str()));
                }
                if let Some(r) = links.of_person(&p.id) {
                    for n in r.of(Tag::Stay) {
                        if let Some((_, stay)) = world.stays.get_index(n as usize) {
                            near(stay, &mut push);
                        }
                    }
                }
            }
        }
        K::Measure => {
            if let Some(m) = at(&world.measures, this) {
                of_case(&m.case, &mut push);
                of_person(&m.person, &mut push);
            }
        }
        K::Interrogation => {
            if let Some(i) = at(&world.interrogations, this) {
                of_case(&i.case, &mut push);
                of_person(&i.person, &mut push);
            }
        }
        K::Property => {
            if let Some(p) = at(&world.properties, this) {
                push(K::Case, Id(p.case.as_str()));
            }
        }
        K::Document => {
            if let Some(d) = at(&world.documents, this) {
                use documents::Readers;
                let of_case = |tag: Tag, kind: K, push: &mut dyn FnMut(K, Found)| {
                    if let Some(r) = links.of_case(&d.case) {
                        r.of(tag).for_each(|n| push(kind, At(n)));
                    }
                };
                match (documents::readers(&d.kind), d.subject.as_deref()) {
                    (Readers::Case, _) => push(K::Case, Id(d.case.as_str())),
                    (Readers::NamedMeasure, Some(measure)) => push(K::Measure, Id(measure)),
                    (Readers::CaseInterrogations, _) => {
                        of_case(Tag::Interrogation, K::Interrogation, &mut push)
                    }
                    (Readers::ListedProperty, Some(item)) => push(K::Property, Id(item)),
                    (Readers::ListedProperty, None) => {
                        of_case(Tag::Property, K::Property, &mut push)
                    }
                    (Readers::CaseAndListedProperty, item) => {
                        push(K::Case, Id(d.case.as_str()));
                        match item {
                            Some(item) => push(K::Property, Id(item)),
                            None => of_case(Tag::Property, K::Property, &mut push),
                        }
                    }
                    (Readers::NamedMeasure, None) | (Readers::Nobody, _) => {}
                }
            }
        }
        K::Stay => {
            if let Some(s) = at(&world.stays, this) {
                if let Some(r) = links.of_person(&s.person) {
                    r.of(Tag::Measure).for_each(|n| push(K::Measure, At(n)));
                }
                for i in links.interrogations_of_stay(&s.id) {
                    push(K::Interrogation, Id(i.as_str()));
                }
                near(s, &mut push);
            }
        }
        #[allow(unreachable_patterns)]
        _ => {}
    }
    out.sort();
    out.dedup();
    Affected::Elements(out)
}

/// A screening kept between times: each element's warnings and when they may next change. A
/// warning cannot change before its element's `next_due` without a new fact (tested in
/// `tests/incremental.rs`), so screening again at a later time re-evaluates only the elements
/// whose time has come; the rest keep what they had. Building it costs one full screening (at
/// load); a screening after that costs in proportion to what is due, not to the province.
pub struct Screening {
    links: Links,
    policy: Policy,
    /// The time of the last screening.
    at: Timestamp,
    /// Elements (by kind and position in their world map) with warnings: their warnings as of
    /// `at`. Positions, not ids: a province-year has 28 million elements.
    kept: HashMap<(ElementKind, u32), Vec<Warning>>,
    /// When to look at an element again.
    timers: BTreeSet<(Timestamp, ElementKind, u32)>,
}

/// Elements evaluated at a time by one thread, so that what they found is kept as it comes
/// rather than held for the whole province.
const SCREENING_CHUNK: usize = 1 << 18;

impl Screening {
    /// Screens the whole world at `now` (with the thresholds its units set), on every core.
    pub fn new(world: &World, now: Timestamp) -> Screening {
        Screening::with(world, Links::of(world), Policy::of(world), now)
    }

    /// As [`Screening::new`], with the world's links and thresholds already made (a province's
    /// links take gigabytes: they are moved in, not made twice).
    pub fn with(world: &World, links: Links, policy: Policy, now: Timestamp) -> Screening {
        let mut screening = Screening {
            links,
            policy,
            at: now,
            kept: HashMap::default(),
            timers: BTreeSet::new(),
        };
        for kind in EVALUATED {
            let count = world.count(kind) as u32;
            let mut from = 0;
            while from < count {
                let to = count.min(from + (SCREENING_CHUNK as u32) * 2);
                let chunk: Vec<(ElementKind, u32)> = (from..to).map(|pos| (kind, pos)).collect();
                screening.evaluate_all(world, &chunk, now, true);
                from = to;
            }
        }
        screening
    }

    /// Evaluates the elements at `now`, shared among the cores, and keeps what they found;
    /// `fresh`: none of them was kept before.
    fn evaluate_all(
        &mut self,
        world: &World,
        elements: &[(ElementKind, u32)],
        now: Timestamp,
        fresh: bool,
    ) {
        if elements.is_empty() {
            return;
        }
        let (links, policy) = (&self.links, &self.policy);
        let found = on_every_core(|thread, threads| {
            elements
                .iter()
                .skip(thread)
                .step_by(threads)
                .map(|(kind, pos)| {
                    let found = evaluate_pos(world, links, policy, *kind, *pos as usize, now, true);
                    (*kind, *pos, found)
                })
                .filter(|(_, _, found)| found.next_due.is_some() || !found.warnings.is_empty())
                .collect::<Vec<_>>()
        });
        // Elements found with nothing keep nothing: those re-evaluated lose what they had.
        if !fresh {
            for key in elements {
                self.kept.remove(key);
            }
        }
        for (kind, pos, found) in found {
            if let Some(next) = found.next_due {
                self.timers.insert((next, kind, pos));
            }
            if !found.warnings.is_empty() {
                self.kept.insert((kind, pos), found.warnings);
            }
        }
    }

    /// Moves the screening to `at` (not before the last screening; the world unchanged since):
    /// re-evaluates the elements whose time has come, and answers how many there were.
    pub fn advance(&mut self, world: &World, at: Timestamp) -> usize {
        assert!(at >= self.at, "a kept screening only moves forward in time");
        let mut due = Vec::new();
        while let Some((next, _, _)) = self.timers.first() {
            if *next > at {
                break;
            }
            let (_, kind, pos) = self.timers.pop_first().expect("just seen");
            due.push((kind, pos));
        }
        for chunk in due.chunks(SCREENING_CHUNK * 2) {
            self.evaluate_all(world, chunk, at, false);
        }
        self.at = at;
        due.len()
    }

    /// Every warning open at the last screening's time, in no particular order.
    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        self.kept.values().flatten()
    }

    /// Every warning open at `at` (see [`Screening::advance`]), sorted by rule and subject.
    pub fn screen_at(&mut self, world: &World, at: Timestamp) -> Vec<Warning> {
        self.advance(world, at);
        let mut found: Vec<Warning> = self.warnings().cloned().collect();
        found.sort_by(|a, b| (a.rule, &a.subject).cmp(&(b.rule, &b.subject)));
        found
    }
}
