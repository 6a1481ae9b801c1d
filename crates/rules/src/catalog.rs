//! The rule catalog: every rule of `../shared/rules/catalog.md` (T-01…T-07 and the 100 rules of
//! its eight families), in catalog order, with its cells verbatim and what Zhifa does about it:
//! implemented (the core set of `../shared/rules/README.md`, or beyond it: together exactly
//! [`crate::IMPLEMENTED`]), expressible with the facts of `../shared/FORMAT.md` but not
//! implemented (yet, or separately), not expressible with them, or (T-…) how legal time applies
//! it.
//!
//! The table was generated once from catalog.md; this file is now its source and nothing reads
//! `../shared` when building. [`markdown`] renders `docs/rules.md`, with the number of tests that
//! cite each implemented rule; the test `docs_rules_md_is_current` keeps the file in step
//! (`ZHIFA_BLESS=1 cargo test -p rules docs_rules_md_is_current` rewrites it).

use std::fmt::Write as _;

/// A section of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// §0, T-01…T-07: how time is counted.
    Clock,
    /// §1 JQ 警情.
    Incident,
    /// §2 XZ 行政案件.
    AdminCase,
    /// §3 XS 刑事案件.
    CriminalCase,
    /// §4 RQ 人、强制措施.
    Measure,
    /// §5 CS 办案中心.
    Center,
    /// §6 CW 涉案财物.
    Property,
    /// §7 JZ 卷宗文书.
    File,
    /// §8 TS 未成年人与特殊群体.
    Special,
    /// DB 督办: Zhifa's own rules about the supervision loop (not in the catalog).
    Supervision,
}

impl Family {
    /// In catalog order: the section number is the index.
    pub const ALL: [Family; 10] = [
        Family::Clock,
        Family::Incident,
        Family::AdminCase,
        Family::CriminalCase,
        Family::Measure,
        Family::Center,
        Family::Property,
        Family::File,
        Family::Special,
        Family::Supervision,
    ];

    /// The catalog's section heading, without its number and rule count.
    pub fn heading(self) -> &'static str {
        match self {
            Family::Clock => {
                "Clock rules: how the engine counts time (apply before any other rule)"
            }
            Family::Incident => "警情 (incidents)",
            Family::AdminCase => "案件 – 行政 (administrative / 治安 cases)",
            Family::CriminalCase => "案件 – 刑事 (criminal cases)",
            Family::Measure => "人 – 强制措施 (persons and coercive measures)",
            Family::Center => "办案中心 / 场所 (case-handling center)",
            Family::Property => "涉案财物 (seized property)",
            Family::File => "卷宗 / 文书 (files and documents)",
            Family::Special => "未成年人与特殊群体 (minors and special groups)",
            Family::Supervision => "督办 (the supervision loop; Zhifa's own, not in the catalog)",
        }
    }

    /// The prefix of the family's ids (`T` for the clock rules).
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Clock => "T",
            Family::Incident => "JQ",
            Family::AdminCase => "XZ",
            Family::CriminalCase => "XS",
            Family::Measure => "RQ",
            Family::Center => "CS",
            Family::Property => "CW",
            Family::File => "JZ",
            Family::Special => "TS",
            Family::Supervision => "DB",
        }
    }

    /// The catalog's section number.
    pub fn number(self) -> usize {
        Family::ALL
            .iter()
            .position(|f| *f == self)
            .expect("every family is listed")
    }
}

/// What Zhifa does about a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// In the core set of `rules/README.md`: implemented, listed in [`crate::IMPLEMENTED`].
    Core,
    /// Not in the core set, implemented beyond it and listed in [`crate::IMPLEMENTED`]. The text
    /// says what the engine checks (facts, anchor, limit, level) and which parts it cannot
    /// check for want of facts.
    Implemented(&'static str),
    /// Not in the core set, not implemented; its trigger can be checked with the facts of
    /// FORMAT.md. The text says what the engine would check (facts, anchor, limit, level) and
    /// which facts are missing for the parts it cannot check, or which implemented rule already
    /// raises it.
    Expressible(&'static str),
    /// Not in the core set and not checkable with FORMAT.md's facts: what is missing.
    NotExpressible(&'static str),
    /// A clock rule (T-…): where legal time implements it, or why it does not.
    Clock(&'static str),
}

/// One rule of the catalog. The text fields are its cells, verbatim; a clock rule has no
/// trigger, limits or template (empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: &'static str,
    pub family: Family,
    /// The 规则 / gloss cell (the Rule cell of a clock rule).
    pub title: &'static str,
    pub trigger: &'static str,
    /// The Limit(s) cell.
    pub limits: &'static str,
    /// The Legal basis cell.
    pub basis: &'static str,
    /// The Conf. cell: V verified, S secondary, S+ near-verbatim, U unverified, P platform policy.
    pub confidence: &'static str,
    /// The warning text template.
    pub template: &'static str,
    pub status: Status,
}

/// The rule with this id.
pub fn entry(id: &str) -> Option<&'static Entry> {
    CATALOG.iter().find(|e| e.id == id)
}

pub const CATALOG: &[Entry] = &[
    Entry {
        id: "T-01",
        family: Family::Clock,
        title: "Criminal periods are counted in hours, days or months. The starting hour or day is not counted. If the last day is a holiday the deadline moves to the next working day, **except while the person is in custody (在押): then no extension.**",
        trigger: "",
        limits: "",
        basis: "CPL §105",
        confidence: "V",
        template: "",
        status: Status::Clock(
            "Implemented by `domain::legal_time::due`: hour and minute limits run from the exact anchor; a day limit does not count the start day and ends at 24:00 of the N-th day after it; a day, month or year limit whose last day is a rest day moves to the end of the next working day (`Moves::PastRestDays`), except a liberty limit, which never moves (`Moves::Never`: RQ-01…RQ-07, RQ-09, CS-03). Rest days are weekends unless a `calendar.day` marks a workday, plus `calendar.day` holidays; the rules read only `calendar.day` facts, and the yearly arrangement ships in `data/calendar/cn-YYYY.jsonl` (`domain::calendar`), recorded by `zhifa admin calendar` or on the admin page (系统管理 → 法定节假日安排). A year not recorded counts weekends alone, and a due time that looked at its days for rest days says so in its explanation (`Due::unrecorded_year`).",
        ),
    },
    Entry {
        id: "T-02",
        family: Family::Clock,
        title: "A month runs from a day to the same day of the next month. If the start is the last day of a month, it ends on the last day of the next month. If the next month has no such day, it ends on that month's last day. Half a month is 15 days.",
        trigger: "",
        limits: "",
        basis: "高法解释 §202",
        confidence: "V",
        template: "",
        status: Status::Clock(
            "Implemented by `domain::legal_time::due`: months are added to the start date, clamped to a shorter month's last day (01-31 + 1 month → 02-28/29); a start on a month's last day ends on the last day of the month reached (04-30 + 1 month → 05-31); the deadline is 24:00 of that day, moving as T-01 says. Half months are not implemented (no limit uses them).",
        ),
    },
    Entry {
        id: "T-03",
        family: Family::Clock,
        title: "Administrative periods use hour, day, month and year. The start is not counted. Travel time for serving documents is excluded. A holiday end-date is extended, **except for periods of restricted liberty.**",
        trigger: "",
        limits: "",
        basis: "行规 §35",
        confidence: "V",
        template: "",
        status: Status::Clock(
            "Implemented as T-01 for administrative limits (`domain::legal_time::due`): the start day is not counted; XZ-02, CW-06 and JZ-01 (beyond the core set CW-07, CW-09, JZ-02 and JZ-03) move past rest days; RQ-02, RQ-03 and CS-03 restrict liberty and never move; year limits exist (`Limit::Years`) though no rule uses one. Not implemented: excluding travel time for serving documents, which no fact records.",
        ),
    },
    Entry {
        id: "T-04",
        family: Family::Clock,
        title: "In 处罚法, \"二日/三日/五日/七日\" mean **working days**. 行规 §35 counts natural days, so each rule needs a `calendar` attribute: natural or working.",
        trigger: "",
        limits: "",
        basis: "处罚法 §85",
        confidence: "V",
        template: "",
        status: Status::Clock(
            "Implemented: `Limit::WorkingDays` in `domain::legal_time` counts only working days after the start day (weekends and `calendar.day` holidays skipped, adjusted workdays counted) and ends at 24:00 of the N-th; its explanation says how many rest days were skipped; property-tested never to end before the natural-day limit. The per-rule attribute is a unit's setting, as catalog §14 item 6 asks (decide per rule with legal affairs): `JZ-01.working_days` and `CW-07.working_days` (0 natural days moved past rest days, 行规 §35, the default and the earlier date; 1 working days, 处罚法 §85), set like any threshold (`zhifa admin thresholds`, 系统管理 → 预警阈值) for a unit and below.",
        ),
    },
    Entry {
        id: "T-05",
        family: Family::Clock,
        title: "In 强制法, time limits of ten days or less are working days.",
        trigger: "",
        limits: "",
        basis: "强制法 §69",
        confidence: "V",
        template: "",
        status: Status::Clock(
            "Implemented with T-04's `Limit::WorkingDays`. No implemented rule has a 强制法 limit of ten days or less: CW-06's and CW-09's 30 d are natural days by this very rule; CW-07's 7 d (处罚法 §56) takes T-04's per-unit choice.",
        ),
    },
    Entry {
        id: "T-06",
        family: Family::Clock,
        title: "The clock pauses or resets: appraisal time is excluded (治安 case limit; administrative seizure; criminal psychiatric appraisal). A newly found major crime restarts custody time. For an unidentified suspect, custody time runs from the day identity is established. Transfer of an administrative case restarts questioning and seizure limits.",
        trigger: "",
        limits: "",
        basis: "行规 §165, §112, §62; CPL §149, §160",
        confidence: "V",
        template: "",
        status: Status::Clock(
            "Implemented where FORMAT records the period: XZ-02's 治安 case limit (行规 §165) leaves out each appraisal period, from its commission (`case.act` `appraisal_commissioned`) to the first `case.injury_assessed` after it, by `domain::legal_time::due_excluding` (overlaps counted once; the explanation names each period). RQ-09's custody period runs anew from a newly found major crime's discovery, or from the day an unknown identity was established (`measure.custody_recalculated`, a Zhifa extension read by RQ-10). Not implemented, for want of facts: an appraisal with no result recorded stops no clock (FORMAT records no other appraisal's end; a clock stopped without end would never warn, so the earlier date, catalog §14 item 6); CW-06 runs through the item's own testing or appraisal (强制法 §25), which no fact records; no fact records an administrative case's transfer.",
        ),
    },
    Entry {
        id: "T-07",
        family: Family::Clock,
        title: "Administrative detention is counted in days: the day of admission to the next day is one day. Earlier restriction of liberty offsets detention one day for one day. 询问查证, 继续盘问 and 约束 time do not offset.",
        trigger: "",
        limits: "",
        basis: "拘留所条例 §32; 行规 §163; 治安法12 §92",
        confidence: "V",
        template: "",
        status: Status::Clock(
            "Implemented by `domain::legal_time::detention_due` and `restricted_days`, read by RQ-11: an admin_detention `measure.started` runs for the days the `case.decided` detention penalties give its person, from admission (`measure.delivered`, else the start), the day of admission to the next being one day, never moved (a limit on liberty), and shortened one day for each day of the person's earlier criminal_detention or arrest on the same case (a restriction begun and ended on one day is one day); summons, questioning and continued questioning do not offset. The explanation names the days offset. Not implemented: 约束 and restrictions on another case for the same act, which no fact links.",
        ),
    },
    Entry {
        id: "JQ-01",
        family: Family::Incident,
        title: "三个当场：接报案登记、接受证据材料、出具回执 / \"three on-the-spot\" duties for walk-in reports. Urgent incidents are handled first and registered afterwards. Repeat reports of the same facts need an explanation, not a new record, unless there are new facts.",
        trigger: "Walk-in report saved without 回执 or evidence list; urgent incident closed without a report record",
        limits: "On the spot; urgent cases: registration ≤24h after the incident is handled",
        basis: "刑规 §169–171, §175; 行规 §60–61, §64 (V). 接报案规定 第四条; 受立案意见 (S)",
        confidence: "V/S",
        template: "【黄】警情{编号}上门报案未出具受案回执/未登记证据材料",
        status: Status::Implemented(
            "`incident.receipt_issued` and `incident.evidence_received` (with `listed`: 接受证据材料清单 given), Zhifa extensions (docs/format-extensions.md). A report made in person (source `walk_in`) with no receipt P `JQ-01.receipt` (60 min; the law says on the spot) after it was received: yellow, the catalog's template; evidence received without a list: yellow. Missing: urgent incidents registered within 24 h of their handling, and repeat reports, which no field marks.",
        ),
    },
    Entry {
        id: "JQ-02",
        family: Family::Incident,
        title: "有警不处 / incident not attended or not closed",
        trigger: "Incident dispatched with no 出警, 到场 or 处置反馈 record",
        limits: "\"及时出警/查处\". SLA per region (P)",
        basis: "警察法 §21; 治安法12 §116(九): failing to attend an incident is a disciplinable act",
        confidence: "V (basis) / P",
        template: "【红】警情{编号}派警后{n}分钟未反馈到场/处置",
        status: Status::Core,
    },
    Entry {
        id: "JQ-03",
        family: Family::Incident,
        title: "Not this unit's jurisdiction, or not a police matter",
        trigger: "Incident or case within police duties but outside this unit",
        limits: "Transfer to the competent unit ≤24h and tell the reporter. Not a police matter: tell the reporter orally at once, in writing if disputed.",
        basis: "行规 §61; 刑规 §175",
        confidence: "V",
        template: "【黄】{编号}非本单位管辖，已超{h}小时未移送",
        status: Status::Implemented(
            "`incident.jurisdiction_found` (`finding` `other_unit` 不属本单位管辖 or `not_police_matter` 不属公安机关职责, before the disposal) and `incident.reporter_told` (with `written`), Zhifa extensions (docs/format-extensions.md). Not this unit's: not disposed `transferred` 24 h after the finding, yellow (the catalog's template), or disposed otherwise, yellow; either finding: the reporter not told P `JQ-03.tell` (24 h; the law says at once) after it, yellow. Hour limits never move. Missing: the written notice when the reporter disputes an oral one, which no fact records as disputed.",
        ),
    },
    Entry {
        id: "JQ-04",
        family: Family::Incident,
        title: "有警不受 / 案件类警情动态清零: case-type incident with no case opened",
        trigger: "Incident category 刑事/治安 (case-type) with no linked 受案/立案 record",
        limits: "Administrative 受案审查 ≤24h (difficult ≤3日). Criminal 立案审查 clock starts (see XS-01)",
        basis: "受立案意见 (S); MPS press conference 2025-11-17 on \"案件类警情动态清零\" (S)",
        confidence: "S",
        template: "【红】案件类警情{编号}超{h}小时未受案",
        status: Status::Core,
    },
    Entry {
        id: "JQ-05",
        family: Family::Incident,
        title: "降格处理 / 疑似应立未立: downgrading a report (e.g. fraud recorded as a mistaken transfer or a dispute)",
        trigger: "Text has fraud, theft or injury keywords, or the loss amount reaches the filing threshold, but the result code is 纠纷/调解/求助/误转账/不属公安职责",
        limits: "Push to the legal affairs unit (法制) for review at once (P)",
        basis: "CPL §110 (must accept), §112 (must file when facts are present); 接报案规定 第三条 \"如实登记、依法立案\" (S); MPS 2025 on screening \"疑似应立未立\" (S)",
        confidence: "V (basis) / P",
        template: "【黄】警情{编号}疑似降格处理：内容含“{关键词}”，处理结果为“{结果}”",
        status: Status::Core,
    },
    Entry {
        id: "JQ-06",
        family: Family::Incident,
        title: "On-scene audio/video recording (现场执法视音频)",
        trigger: "Incident response, on-the-spot stop and check, on-scene measures",
        limits: "Record the whole process. Keep ≥6 months. Keep permanently when used as evidence, when enforcement was obstructed, or for major incidents.",
        basis: "视音频规定 §13 (S)",
        confidence: "S",
        template: "【黄】警情{编号}现场处置无执法记录仪视频关联",
        status: Status::Implemented(
            "An incident with `incident.arrived` and `incident.disposed` and no `incident.video_linked`, not a walk-in report (`source` walk_in: taken at the station, no scene to record): red at once (an absence check, README; the catalog's template says 黄), cleared when a video is linked. Missing: on-the-spot stops and on-scene measures outside an incident have no fact, and no fact records a video's retention (≥6 months, permanent) or whether it covers the whole process.",
        ),
    },
    Entry {
        id: "XZ-01",
        family: Family::AdminCase,
        title: "受案审查期限 / deadline to decide on accepting a case",
        trigger: "Administrative report registered",
        limits: "≤24h; difficult or complex ≤3日",
        basis: "受立案意见 (S). The 2025 治安法 speaks of 立案 instead of 受理 (U)",
        confidence: "S",
        template: "【黄/红】{编号}接报已{h}小时未作出受案决定",
        status: Status::Expressible(
            "Covered by JQ-04 (implemented, core set), not raised separately: the check would be an `incident.received` with nature administrative (after any `incident.recategorized`), no `case.accepted` naming it as `incident` (nor `incident.disposed` naming a `case`) and no `incident.disposed`: 24 h from receipt, hour bands; JQ-04 raises every such incident with the same anchor, limit and bands (its exemptions are narrower), so XZ-01 would add only its id. Missing: the ≤3 日 for difficult reports: `case.accepted` `complex` comes with the acceptance, and no fact marks a report difficult before it.",
        ),
    },
    Entry {
        id: "XZ-02",
        family: Family::AdminCase,
        title: "治安案件办案期限 / time limit for a public-order case",
        trigger: "受理 date (from 2026: 立案 date, U)",
        limits: "30日. +30日 with approval of the next-higher public security organ. Appraisal time excluded. 2026: hearing time also excluded, and extensions may be capped (U, see §9)",
        basis: "治安法12 §99; 行规 §165 (V); 治安法25 (S/U)",
        confidence: "V",
        template: "【蓝】距办案期限届满{d}日；【红】已超期{d}日，未见上级延长审批",
        status: Status::Core,
    },
    Entry {
        id: "XZ-03",
        family: Family::AdminCase,
        title: "Time limit for other administrative cases",
        trigger: "立案 date",
        limits: "90日, unless a law, regulation or rule says otherwise",
        basis: "处罚法 §60",
        confidence: "V",
        template: "【红】行政案件{编号}立案逾90日未作出处罚决定",
        status: Status::Implemented(
            "An administrative `case.accepted` with `other_administrative` true (非治安行政案件, a Zhifa extension: docs/format-extensions.md; FORMAT's free `category` code cannot tell), undecided, not dropped or closed: 90 日 from `case.filed`, or from the acceptance where no filing is recorded (FORMAT's administrative cases mostly go from acceptance to decision), or the `case.limit_extended` total where a law allows more; moved past rest days (T-03), day bands. Such a case is not XZ-02's. Missing: the limits other laws set for particular kinds of case, which no fact records.",
        ),
    },
    Entry {
        id: "XZ-04",
        family: Family::AdminCase,
        title: "快速办理 / fast-track",
        trigger: "Case flagged fast-track",
        limits: "Decision ≤48h after arrival. Not allowed for: blind, deaf or mute persons; minors; suspected mental illness; hearing cases; possible detention of ≥10 days. Prior written notice and written consent required.",
        basis: "行规 §40–42, §47",
        confidence: "V",
        template: "【红】快速办理案件到案已超48小时；【红】未成年人案件不得适用快速办理",
        status: Status::Core,
    },
    Entry {
        id: "XZ-05",
        family: Family::AdminCase,
        title: "简易程序/当场处罚 / on-the-spot penalties: scope and filing",
        trigger: "On-the-spot penalty decision",
        limits: "治安: warning or ≤200元. Other: individual ≤50元, unit ≤1000元 (处罚法 caps: citizen 200元, unit 3000元). Never for 卖淫嫖娼/赌博/毒品. File with the unit ≤24h (traffic police ≤2日).",
        basis: "行规 §37, §39; 治安法12 §100–101; 处罚法 §51–52",
        confidence: "V",
        template: "【红】当场处罚超出适用范围；【黄】当场处罚决定超24小时未备案",
        status: Status::Implemented(
            "A case whose `case.decided` has a penalty of kind detention or license_revoked, or a fine with `amount_yuan` over 200, while an `incident.disposed` with result `on_spot_penalty` names the case: red at once, on the case (200 元 is the highest on-the-spot fine on a person under both 治安法12 and 处罚法). Missing: no field marks a `case.decided` itself as simplified procedure, so on-the-spot decisions not reached through an incident go unchecked; the 卖淫嫖娼/赌博/毒品 exclusion needs category codes FORMAT does not define; no fact records the 24 h filing (备案) with the unit.",
        ),
    },
    Entry {
        id: "XZ-06",
        family: Family::AdminCase,
        title: "处罚前告知 / prior notice before a penalty",
        trigger: "Penalty decision being drafted",
        limits: "Notice of facts, reasons and basis, plus the right to state a case and be heard (and hearing rights) **before** the decision; without it no decision may be made. If the person has fled: public notice, decision allowed after 7日",
        basis: "处罚法 §44–45, §62; 行规 §167–169",
        confidence: "V",
        template: "【红】处罚决定无告知笔录/告知书，不得作出",
        status: Status::Core,
    },
    Entry {
        id: "XZ-07",
        family: Family::AdminCase,
        title: "听证 / hearings: notice, application, holding",
        trigger: "Planned license revocation or large fine. 公安: individual ≥2000元, unit ≥10000元, border individual ≥6000元. **治安法25: ≥4000元, 责令停业整顿, and minors whose detention may be executed**",
        limits: "Application: within 3日 of notice (行规); 处罚法 gives 5 working days, so apply the longer. Decide on acceptance ≤2日 (silence counts as acceptance). Serve notice ≥7日 before the hearing. Hold it ≤10日 after the application.",
        basis: "行规 §123, §133, §135–137; 处罚法 §63–64; 治安法12 §98 (V); 治安法25 §117 (S+)",
        confidence: "V",
        template: "【红】拟罚{金额}元未告知听证权；【黄】听证申请已{d}日未举行",
        status: Status::Implemented(
            "Zhifa extensions (docs/format-extensions.md): `case.prior_notice_given` `hearing_right` (听证权利告知), `case.hearing_requested` and `case.hearing_held`. An administrative `case.decided` penalty with, for a person, a fine of 2000元 or more (4000元 for a public-order case decided from 2026-01-01, 治安法25 §117), a licence revoked, or (public order, from 2026) the detention of a person under 18, with no prior notice to that person telling the hearing right before the decision and no hearing application by them: red at once. A hearing applied for and not held 10日 on (moved past rest days), while the case is undecided: yellow when passed. Missing: units' fines (≥10000元) and border fines (≥6000元), since penalties name persons only; 责令停业整顿, which no penalty kind records; the application's 3 or 5 days, the decision on acceptance (≤2日) and the notice 7日 before the hearing, which no fact records.",
        ),
    },
    Entry {
        id: "XZ-08",
        family: Family::AdminCase,
        title: "法制审核与决定权 / legal review and decision authority",
        trigger: "Major cases, cases after a hearing, difficult cases. Any 行政拘留.",
        limits: "Legal review (法制审核) before the decision; a first-time reviewer needs the legal professional qualification. 行政拘留 is decided only by a county-level or higher organ, so a 派出所 must refer it up.",
        basis: "处罚法 §58; 行规 §170–171, §173",
        confidence: "V",
        template: "【红】未经法制审核即作出决定；【红】派出所自行决定行政拘留",
        status: Status::Core,
    },
    Entry {
        id: "XZ-09",
        family: Family::AdminCase,
        title: "调解禁止情形 / mediation not allowed",
        trigger: "治安 case closed by 调解",
        limits: "Not allowed for: hiring someone to injure; gang fights or 寻衅滋事; repeated violations; a party refusing mediation; a new violation or flight during mediation. Mediation in these cases is a 降格 (downgrade) risk.",
        basis: "行规 §178–179",
        confidence: "V",
        template: "【黄】{编号}存在“{情形}”不适用调解，疑似降格处理",
        status: Status::Implemented(
            "`case.mediation_barred` (a Zhifa extension: docs/format-extensions.md) records a situation in which mediation is not allowed, as it becomes known (`reason`: `hired_injury`, `gang_fight`, `provocation`, `repeated`, `refused`, `new_violation`, `fled`), on an administrative case. A case decided `mediated` with any recorded: yellow, naming them (the catalog's template: a suspected downgrade).",
        ),
    },
    Entry {
        id: "XZ-10",
        family: Family::AdminCase,
        title: "罚款缴纳与上缴 / fine payment and remittance",
        trigger: "Fine decision served; fine collected on the spot",
        limits: "Pay ≤15日. Late: +3% a day, total surcharge ≤ the fine. Officer hands over cash collected on the spot ≤2日 (from landing or arrival on water or train). Unit pays the bank ≤2日.",
        basis: "行规 §214–218; 处罚法 §67–72; 治安法12 §104",
        confidence: "V",
        template: "【黄】当场收缴罚款{d}日未上交",
        status: Status::Implemented(
            "`case.fine_cash` (a Zhifa extension: docs/format-extensions.md) with `step` `collected` (当场收缴, with `amount_yuan`, of a person the case's decision fines), `handed_over` (交至所属机关) and `deposited` (缴付指定银行): cash not handed over 2日 after its collection, or not deposited 2日 after its hand-over (day limits moved past rest days, T-03): yellow when passed (the catalog's template). Missing: the payment of fines at the bank within 15日 and the late surcharge (3% a day, at most the fine), which no fact records, and the two days counted from landing or arrival for fines collected on water or trains, which no fact tells apart.",
        ),
    },
    Entry {
        id: "XZ-11",
        family: Family::AdminCase,
        title: "强制执行申请 / applying to court for enforcement",
        trigger: "Decision not complied with; no review or lawsuit filed",
        limits: "A 催告书 first; apply to court no earlier than 10日 after it is served and ≤3个月 after the review/litigation period ends",
        basis: "行规 §200, §206–207; 强制法 §53",
        confidence: "V",
        template: "【蓝】距申请法院强制执行期限届满{d}日",
        status: Status::Implemented(
            "`case.enforcement` (a Zhifa extension: docs/format-extensions.md) with `step` `reminder_served` (送达催告书: the decision is not complied with), `contested` (申请复议或提起诉讼), `complied` (履行) and `court_applied` (申请人民法院强制执行), each once per person the administrative case's penalty decision names. A reminder served, neither complied with nor contested: a deadline 3个月 after the end of the review and lawsuit periods, the later of which (6个月, 行诉法 §46) is counted from when the person knew of the decision: the earliest `document.served` on them of a `penalty_decision` on the case, or the decision where none is recorded (the earlier date); blue, yellow and red as it nears and passes (the catalog's template is blue). The court applied to without a reminder, less than 10日 after its service, before the periods have ended (强制法 §53 \"自期限届满之日起\"), or after the 3个月: red. Day and month limits moved past rest days (T-03). Missing: decisions other than penalties, which no fact records as owing performance.",
        ),
    },
    Entry {
        id: "XZ-12",
        family: Family::AdminCase,
        title: "暂缓执行行政拘留 / deferred execution of detention",
        trigger: "Detainee applies (review or lawsuit pending)",
        limits: "Decide ≤24h from receipt. Bond 200元/日. Cash taken outside bank hours is deposited ≤3日. Bank deposit and guarantor may not both be required.",
        basis: "行规 §222–224, §231; 治安法12 §107",
        confidence: "V",
        template: "【红】暂缓执行申请超24小时未决定",
        status: Status::Implemented(
            "`case.deferral_requested` (a Zhifa extension: docs/format-extensions.md) of a person whose detention the case decided, and `case.deferral_decided` (granted or not, with `bond_yuan` or `guarantor`): an application undecided is warned 24 h from its receipt, hour bands, never moved; decided after 24 h, red; a deferral granted with both a guarantor and a bond, with neither, or with a bond other than 200 元 for each day of the person's detention in the decision, red at once. A deferral granted stops RQ-15's clock for that person. Missing: the deposit of cash taken outside bank hours (≤3日), which no fact records.",
        ),
    },
    Entry {
        id: "XZ-13",
        family: Family::AdminCase,
        title: "追究时效 / limitation period",
        trigger: "At 受案: date of the act or of its end",
        limits: "治安: 6个月. Other administrative violations: 2年 (5年 where life, health or financial security is affected with harmful results)",
        basis: "治安法12 §22; 行规 §154; 处罚法 §36",
        confidence: "V",
        template: "【黄】违法行为距发现已逾{n}，可能超过追究时效",
        status: Status::Implemented(
            "An administrative `case.accepted` with `committed_at` (when the act was committed, or ended if it went on: a Zhifa extension, docs/format-extensions.md), discovered (the earlier of its incident's `incident.received` and the acceptance) after 6个月 from `committed_at` (a month limit, start day not counted, not moved past rest days: a limitation period is not a procedural one): yellow at once while the case is undecided and open; red at once once it is decided with a penalty; nothing after another decision. For another administrative case (`case.accepted` `other_administrative`, XZ-03) the period is 2年 (处罚法 §36). Missing: the 5年 where life, health or financial security is affected with harmful results (no fact records the harm) and the interruption of the period by a further violation, which no fact records.",
        ),
    },
    Entry {
        id: "XZ-14",
        family: Family::AdminCase,
        title: "行刑衔接 / 以罚代刑: administrative penalty used in place of prosecution",
        trigger: "Administrative case reaches the criminal filing standard (injury ≥ 轻伤, amount over the threshold)",
        limits: "Convert to a criminal case or transfer it; no need to revoke the administrative case",
        basis: "行规 §65, §172(五); 处罚法 §57(四)",
        confidence: "V (basis) / P",
        template: "【红】{编号}伤情鉴定为轻伤仍按行政案件处理",
        status: Status::Core,
    },
    Entry {
        id: "XZ-15",
        family: Family::AdminCase,
        title: "伤情鉴定委托 / injury appraisal deadlines",
        trigger: "Injury case accepted",
        limits: "Appraisal commission ≤24h. If appraisable at once: opinion ≤24h, report ≤3日. Complex: ≤7日. Unstable injuries: once stable.",
        basis: "伤害规定 §18–19 (S)",
        confidence: "S",
        template: "【黄】伤害案件受理超24小时未开具伤情鉴定委托书",
        status: Status::Implemented(
            "A `case.accepted` with `injury` true (伤害案件, a Zhifa extension: docs/format-extensions.md; FORMAT's free `category` cannot tell), administrative or criminal, with no `case.act` `appraisal_commissioned`: 24 h from the acceptance, never moved (hours), yellow when passed (the catalog's template), owed until the commission is recorded. Missing: the appraisal institution's own limits (opinion ≤24h, report ≤3日, complex ≤7日, unstable injuries once stable): they bind the appraiser, and no fact records an appraisal's kind or an injury's stability.",
        ),
    },
    Entry {
        id: "XS-01",
        family: Family::CriminalCase,
        title: "立案审查期限 / deadline to decide on filing",
        trigger: "Criminal report accepted (受案)",
        limits: "In principle ≤3日. Leads needing checks ≤7日. Major, difficult or complex: ≤30日 with approval of the county-level head",
        basis: "受立案意见 (S)",
        confidence: "S",
        template: "【黄】受案已{d}日未作出立案/不予立案决定",
        status: Status::Core,
    },
    Entry {
        id: "XS-02",
        family: Family::CriminalCase,
        title: "经济犯罪立案审查 / economic-crime filing review",
        trigger: "Economic-crime lead",
        limits: "≤7日. ≤30日 with county-level approval. A further +30日 with next-level approval (especially major or cross-region). Filing ordered by the procuratorate: ≤15日.",
        basis: "经侦规定 §15 (S)",
        confidence: "S",
        template: "【红】经济犯罪线索超{d}日未决定是否立案",
        status: Status::Expressible(
            "Covered by XS-01 (implemented, core set), not raised separately: XS-01's economic branch is this rule: `case.accepted` kind criminal with `economic` true, neither `case.filed` nor `case.not_filed`: 7 d from acceptance, or the `case.filing_extended` total (30), day bands; implementing XS-02 would mean only raising it under its own id. Missing: the further +30 日 (`case.filing_extended` `days` is 7|30) and the 15 日 after a procuratorate's order to file (no fact records the order).",
        ),
    },
    Entry {
        id: "XS-03",
        family: Family::CriminalCase,
        title: "行政执法机关移送案件 / cases transferred from administrative agencies",
        trigger: "Transferred case received",
        limits: "Review and decide ≤3日. Incomplete file: notify ≤24h, ask for completion ≤3日. If not filed: the agency may ask for review ≤3日, police decide ≤3日. Economic crime: ≤10日 / 30日 / +30日.",
        basis: "刑规 §180–181 (V); 经侦规定 §16 (S)",
        confidence: "V",
        template: "【红】移送案件接收超3日未作出立案决定",
        status: Status::Implemented(
            "`case.accepted` `from_agency` (行政执法机关移送, a criminal case), `case.completion_requested` (通知补正材料), `case.reconsideration_requested` (移送机关申请复议, after `case.not_filed`) and `case.reconsideration_decided` (with `upheld`), Zhifa extensions (docs/format-extensions.md). The completion requested more than 24 h after the acceptance: yellow (never moved); a reconsideration not decided within 3日 of the request: blue, yellow and red as the deadline nears and passes (the catalog's template is red), red when decided late (moved past rest days, T-03). The filing decision within 3日 (7日 for an economic case, XS-02) is XS-01's, raised on every criminal case. Missing: the 3日 the agency has to complete the file and to ask for reconsideration, the written notices to the agency, and the economic-crime limits of 经侦规定 §16 (S).",
        ),
    },
    Entry {
        id: "XS-04",
        family: Family::CriminalCase,
        title: "立案前禁止措施 / measures banned before filing",
        trigger: "Case still in 立案审查/调查核实, but has a 强制措施, 查封/扣押/冻结 or 技侦 record",
        limits: "Banned; raise red at once. Checks may use questioning, inquiries, inspection, appraisal and evidence requests only.",
        basis: "刑规 §174 (V); 财物规定: no seizure before filing (S)",
        confidence: "V",
        template: "【红】未立案即采取强制措施/扣押财物",
        status: Status::Core,
    },
    Entry {
        id: "XS-05",
        family: Family::CriminalCase,
        title: "不予立案 / decision not to file",
        trigger: "Decision not to file on a complaint",
        limits: "Serve the notice ≤3日. Complainant may ask for review ≤7日; police decide ≤30日. Second-level review (复核): ≤7日 / ≤30日. May extend ≤30日 in major cases.",
        basis: "刑规 §178–179",
        confidence: "V",
        template: "【黄】不予立案通知书超3日未送达",
        status: Status::Core,
    },
    Entry {
        id: "XS-06",
        family: Family::CriminalCase,
        title: "立案监督 / procuratorate oversight of filing",
        trigger: "Procuratorate asks for the reason for not filing, or orders filing",
        limits: "Written explanation ≤7日 after the notice. Filing order: file ≤15日. Case not concluded 3个月 after filing: the procuratorate may send a 催办函",
        basis: "刑规 §182; 检规 §560, §563–564",
        confidence: "V",
        template: "【红】检察院通知立案已逾15日未立案",
        status: Status::Implemented(
            "A criminal case not filed, with a `case.procuratorate_notice` (a Zhifa extension: docs/format-extensions.md) of notice `explain_not_filing` (要求说明不立案理由通知书 received) and no `document.issued` on the case of kind `not_filing_explanation` (不立案理由说明书, a Zhifa document kind) at or after it: 7 d from the notice; or of notice `file_case` (通知立案书 received): 15 d from the notice. Counted as day limits (start day not counted, moved past rest days), day bands, one warning at the higher; `case.filed` answers both. Missing: sending the filing decision's copy to the procuratorate and the 3个月 催办函, which no fact records.",
        ),
    },
    Entry {
        id: "XS-07",
        family: Family::CriminalCase,
        title: "移送管辖 / transfer of jurisdiction",
        trigger: "Case not in this unit's jurisdiction",
        limits: "Transfer ≤24h after review. After filing: tell the reporter in writing ≤3日 after transfer. Documents, evidence and property go with the case.",
        basis: "刑规 §175, §184–185",
        confidence: "V",
        template: "【黄】应移送案件超24小时未移送",
        status: Status::Implemented(
            "`case.jurisdiction_found` (审查发现不属本单位管辖) and `case.transferred` (移送管辖, with `to_unit`), Zhifa extensions (docs/format-extensions.md); the case ends at this unit with its transfer (`closed_at`; JZ-07 does not ask to archive its file, which goes with it). Not transferred 24 h after the finding: yellow (the catalog's template; never moved); a filed case transferred, and the 移送案件通知书 (document kind `transfer_notice`) not served on every person linked as `reporter` (or, with none linked, not issued) within 3日 of the transfer: yellow (moved past rest days, T-03). Property not handed over with the case is CW-12's (the case has ended: items not disposed `transferred_with_case`). Missing: the notice to a suspect's family, and the hand-over record.",
        ),
    },
    Entry {
        id: "XS-08",
        family: Family::CriminalCase,
        title: "立而不侦 / 久侦不决: filed but not investigated, or investigated too long",
        trigger: "No investigative act (讯问, 询问, 勘验, 鉴定, 强制措施) for N days after filing; not concluded",
        limits: "P. Suggestion: 30日 with no activity = yellow, 90日 = red, matching the procuratorate's 3-month 催办 point. Investigation may not pause during 取保/监视居住.",
        basis: "检规 §564; CPL §113; 刑规 §107",
        confidence: "P",
        template: "【黄】立案后{d}日无侦查活动记录",
        status: Status::Core,
    },
    Entry {
        id: "XS-09",
        family: Family::CriminalCase,
        title: "撤销案件/终止侦查 / dropping the case or ending investigation of a suspect",
        trigger: "Dropping or termination decided",
        limits: "Tell suspect, victim and transferring agency ≤3日. Release anyone in custody at once; lift measures; lift seizures and freezes and return property.",
        basis: "刑规 §186–189",
        confidence: "V",
        template: "【红】撤案后犯罪嫌疑人仍在押/财物未解除",
        status: Status::Core,
    },
    Entry {
        id: "XS-10",
        family: Family::CriminalCase,
        title: "侦查终结与移送 / end of investigation and transfer for prosecution",
        trigger: "Case sent for 审查起诉",
        limits: "起诉意见书. Tell the suspect and defence lawyer of the transfer. Defence lawyer's opinion recorded and filed. Only the 诉讼卷 is sent.",
        basis: "CPL §161–162; 刑规 §287, §289",
        confidence: "V",
        template: "【黄】移送起诉未告知犯罪嫌疑人及辩护律师",
        status: Status::Implemented(
            "A case `sent_for_prosecution` (the first sending) with no `document.issued` of kind `prosecution_opinion` (起诉意见书) on it, or with a suspect not served a `prosecution_transfer_notice` (移送审查起诉告知书, a Zhifa document kind: docs/format-extensions.md) at or after the sending: yellow once P `XS-10.notice` (3日, moved past rest days; no law sets the time) has passed since the sending (the catalog's template). The notice to the suspect stands for the notice to the defence lawyer, since FORMAT has no lawyer role. Missing: the lawyer's own notice and opinion, and what goes into the file sent (诉讼卷), which no fact records.",
        ),
    },
    Entry {
        id: "XS-11",
        family: Family::CriminalCase,
        title: "退回补充侦查 / supplementary investigation",
        trigger: "Procuratorate returns the case",
        limits: "Finish ≤1个月. At most two returns.",
        basis: "CPL §175; 刑规 §295–296",
        confidence: "V",
        template: "【黄】补充侦查剩余{d}日；【红】第{n}次补侦超1个月",
        status: Status::Implemented(
            "After a `case.procuratorate_notice` of notice `supplementary_investigation` (退回补充侦查, a Zhifa extension: docs/format-extensions.md) on a case sent for prosecution, until the case is sent again (`case.sent_for_prosecution`, allowed once after each return): 1个月 from the return, a month limit moved past rest days unless a suspect of the case was held (criminal_detention or arrest not ended) at the return (CPL §105, T-01), day bands. A third return is red at once (补充侦查以二次为限). One warning at the higher. Missing: the procuratorate's own supplementary investigation and its requests for evidence (刑规 §297), which no fact records.",
        ),
    },
    Entry {
        id: "XS-12",
        family: Family::CriminalCase,
        title: "复议 / requests for reconsideration",
        trigger: "Non-prosecution decision, conditional non-prosecution, or refusal to arrest received",
        limits: "Non-prosecution and conditional non-prosecution: request ≤7日. Refusal to arrest: request ≤5日 (release first). Person not prosecuted and in custody: release at once.",
        basis: "刑规 §141, §293–294, §330",
        confidence: "V",
        template: "【蓝】不起诉复议期剩余{d}日",
        status: Status::Implemented(
            "The release the notices require: a `case.procuratorate_notice` (a Zhifa extension: docs/format-extensions.md) of notice `arrest_refused` (不批准逮捕) naming the criminal_detention whose arrest was requested (`measure`), while that measure, begun before the notice, has not ended; or of notice `not_prosecuted` (不起诉决定) while any criminal_detention or arrest on the case, begun before it, has not ended: 24 h from the earliest such notice (P `XS-12.release`: the law says 立即), hour bands, never moved (a limit on liberty). Not warned: the requests for reconsideration (≤7日, ≤5日), which are the police's right, not a duty; conditional non-prosecution, which no notice records.",
        ),
    },
    Entry {
        id: "XS-13",
        family: Family::CriminalCase,
        title: "讯问录音录像 / audio-video recording of interrogation",
        trigger: "Possible life or death sentence; other serious crimes (刑规: serious harm to public safety or persons causing severe injury or death, organized-crime, serious drug crime). 录像规定 adds intentional crimes with ≥10 years and suspects who are blind, deaf, mute, minors or mentally ill",
        limits: "Every interrogation recorded in full without breaks. No selective recording or editing.",
        basis: "CPL §123; 刑规 §208 (V); 录像规定 §4 (S)",
        confidence: "V",
        template: "【红】应录音录像案件讯问笔录无对应录像/录像时段不一致",
        status: Status::Implemented(
            "An `interrogation.held` of kind interrogation on a criminal case, of a person under 18 at its start or flagged blind, deaf, mute or mental (`person.registered` `flags`), with `av_recorded` false: red at once (录像规定 §4, S). Missing: the crimes that require recording (possible life or death sentence, 10 years or more, the 刑规 §208 classes): `category` is a free code and no fact records the possible sentence; and the recording's completeness (no time ranges).",
        ),
    },
    Entry {
        id: "XS-14",
        family: Family::CriminalCase,
        title: "鉴定意见告知 / notice of appraisal opinions",
        trigger: "Appraisal opinion used as evidence",
        limits: "Tell suspect and victim \"及时\" (P: ≤3日). Refusal of supplementary or new appraisal: written notice ≤3日",
        basis: "CPL §148; 刑规 §252–255",
        confidence: "V / P",
        template: "【黄】鉴定意见收到{d}日未告知",
        status: Status::Implemented(
            "After each `case.injury_assessed` on a criminal case (the opinion received): every person linked (`person.linked`) to the case as suspect or victim is served (`document.served`, at or after the assessment) a `document.issued` on the case of kind `appraisal_opinion_notice` (鉴定意见通知书, a Zhifa document kind: docs/format-extensions.md); while someone is not, a deadline from the earliest such assessment: 3 d (P `XS-14.notice`, counted as a day limit: start day not counted, moved past rest days), day bands. Missing: the opinions of other appraisals (only their commission, `case.act` `appraisal_commissioned`, is a fact) and refusals of a supplementary or new appraisal.",
        ),
    },
    Entry {
        id: "XS-15",
        family: Family::CriminalCase,
        title: "技术侦查期限 / technical investigation measures",
        trigger: "Approval granted",
        limits: "Valid 3个月. Each extension ≤3个月 and must be handled before expiry.",
        basis: "CPL §151; 刑规 §266–267",
        confidence: "V",
        template: "【蓝】技侦措施距有效期届满{d}日",
        status: Status::Implemented(
            "`case.technical_investigation` (a Zhifa extension: docs/format-extensions.md) records a measure's `approved`, `extended` and `ended` steps on a filed criminal case. Valid 3个月 from the approval (a month limit, start day not counted, never moved: a validity is not a party's period, so the earlier date); each extension adds 3个月 from the end of the validity before it. Month bands while it runs; red once it runs past its validity, when an extension was approved only after the validity ended, or when it was ended only after. Missing: the kind of measure and its target, and whether it is still needed (刑规 §267's timely end when no longer needed), which no fact records.",
        ),
    },
    Entry {
        id: "RQ-01",
        family: Family::Measure,
        title: "刑事拘传/传唤时限 / criminal summons and compelled appearance",
        trigger: "到案时间 as written on the 传唤证/拘传证",
        limits: "≤12h. ≤24h when especially serious and detention or arrest is needed (拘传: approval of the county-level head; 传唤: approval of the department head). At expiry with no new measure: end at once. No back-to-back summonses (检规 requires a gap of ≥12h; apply by analogy). Food and rest recorded.",
        basis: "CPL §119; 刑规 §79–80, §199–201; 检规 §83, §185",
        confidence: "V",
        template: "【蓝】传唤已{h}小时；【红】传唤超12小时未办理24小时审批/未结束",
        status: Status::Core,
    },
    Entry {
        id: "RQ-02",
        family: Family::Measure,
        title: "治安传唤询问查证 / public-order summons and questioning",
        trigger: "到案时间 (summons, on-the-spot oral summons, self-surrender or citizen's arrest)",
        limits: "≤8h. ≤24h if administrative detention is possible. **From 2026: ≤12h when many people are involved or identity is unknown (S/U).** Tell the family the reason and place (reason for not telling must be recorded).",
        basis: "治安法12 §83; 行规 §55(五), §67–70 (V); 治安法25 §97 (S/U)",
        confidence: "V",
        template: "【黄】询问查证剩余{m}分钟；【红】超过询问查证时限",
        status: Status::Core,
    },
    Entry {
        id: "RQ-03",
        family: Family::Measure,
        title: "继续盘问 / extended on-the-spot questioning (police law)",
        trigger: "Time of arrival at the police organ",
        limits: "12h. → 24h with approval of the county bureau's duty head. → 48h with approval of the responsible head, only for refusal of identity. Never straight from 12h to 48h. Decide before expiry. Tell the family or employer at once. Pregnant women, women nursing a baby under 1, persons under 16, persons 70 or over: finish ≤4h and never place in the holding room. Release between 21:00 and 07:00: the family must be told to collect them.",
        basis: "警察法 §9; 盘问规定 §10–11, §14, §17; 行规 §57",
        confidence: "V",
        template: "【红】继续盘问超12小时未批准延长；【红】未满16周岁人员盘问超4小时",
        status: Status::Core,
    },
    Entry {
        id: "RQ-04",
        family: Family::Measure,
        title: "刑事拘留送看守所 / to the detention house after criminal detention",
        trigger: "拘留 execution time",
        limits: "At once, ≤24h. Detained in another region: the local detention house ≤24h.",
        basis: "CPL §85; 刑规 §126",
        confidence: "V",
        template: "【红】刑事拘留已{h}小时仍未送看守所",
        status: Status::Core,
    },
    Entry {
        id: "RQ-05",
        family: Family::Measure,
        title: "拘留通知家属 / notifying family of detention",
        trigger: "拘留 execution",
        limits: "≤24h, except when notice is impossible or (national security or terrorism cases) would obstruct investigation. Record why notice was not given; notify at once when the reason ends.",
        basis: "CPL §85; 刑规 §113, §127",
        confidence: "V",
        template: "【红】拘留超24小时未通知家属且未注明原因",
        status: Status::Core,
    },
    Entry {
        id: "RQ-06",
        family: Family::Measure,
        title: "拘留/逮捕后讯问 / interrogation after detention or arrest",
        trigger: "拘留/逮捕 execution",
        limits: "Interrogate ≤24h. Release at once if the detention or arrest was wrong.",
        basis: "CPL §86, §94; 刑规 §128, §144",
        confidence: "V",
        template: "【红】拘留后24小时内无讯问笔录",
        status: Status::Core,
    },
    Entry {
        id: "RQ-07",
        family: Family::Measure,
        title: "提请批准逮捕 / request for arrest approval, and outcomes",
        trigger: "拘留 execution",
        limits: "3日. +1 to 4日 in special cases (county-level approval). ≤30日 for 流窜, 多次 (≥3) or 结伙 (≥2) suspects. Procuratorate decides ≤7日 (maximum 37 days in total). At the end of the detention period: bail, residential surveillance or release. If refused: release at once, return receipt ≤3日, reconsideration ≤5日.",
        basis: "CPL §91–92; 刑规 §129–131, §140–141",
        confidence: "V",
        template: "【蓝】提请批捕期限剩1日；【红】拘留第{d}日未提请批捕且无延长审批",
        status: Status::Core,
    },
    Entry {
        id: "RQ-08",
        family: Family::Measure,
        title: "逮捕执行与通知 / arrest execution and notice",
        trigger: "Approval to arrest received",
        limits: "Execute at once with ≥2 officers. Return receipt to the procuratorate ≤3日. To the detention house at once. Notify family ≤24h.",
        basis: "CPL §93; 刑规 §142–145",
        confidence: "V",
        template: "【红】逮捕后超24小时未通知家属",
        status: Status::Implemented(
            "A `measure.started` of kind arrest, one warning at the higher of two deadlines: (1) while the arrest has not ended, neither it nor a criminal_detention of the same person on the case begun no later has `measure.delivered` facility detention_house: 24 h from the arrest (P `RQ-08.delivery`: the law says 立即; RQ-04's limit), hour bands, never moves; (2) no `document.issued` on the case of kind `arrest_execution_receipt` (执行回执, a Zhifa document kind: docs/format-extensions.md) with the measure as `subject`: 3 d from the arrest, moved past rest days, day bands. The family notice within 24 h is RQ-05's. Missing: the receipt of the approval (FORMAT has only `measure.arrest_requested`) and the executing officers (`measure.started` names none).",
        ),
    },
    Entry {
        id: "RQ-09",
        family: Family::Measure,
        title: "侦查羁押期限 / pre-trial custody in investigation",
        trigger: "Arrest date",
        limits: "2个月. +1个月 (next-level procuratorate). +2个月 (provincial procuratorate; four kinds of case). +2个月 (possible sentence ≥10 years). **Each extension request is due 7日 before expiry.**",
        basis: "CPL §156–159; 刑规 §148–150",
        confidence: "V",
        template: "【蓝】羁押期限届满前15日；【黄】届满前10日未报延长；【红】届满前7日未送请延长/已超期羁押",
        status: Status::Core,
    },
    Entry {
        id: "RQ-10",
        family: Family::Measure,
        title: "羁押期限重新计算 / restarting the custody clock",
        trigger: "New major crime found; identity unknown",
        limits: "Report for approval ≤5日 after discovery. Notice of the changed period to the detention house; the procuratorate is informed for the record. Unknown identity: time runs from the day identity is established.",
        basis: "CPL §160; 刑规 §151–152",
        confidence: "V",
        template: "【黄】重新计算羁押期限未送达看守所",
        status: Status::Implemented(
            "`measure.custody_recalculated` (a Zhifa extension: docs/format-extensions.md) on an arrest, approved by `approved_by`, with `reason` `new_crime` (另有重要罪行, `from` the day of its discovery), `identity_unknown` (身份不明: the period waits for the identity) or `identity_established` (查清身份, `from` that day). RQ-09's period then runs anew from `from` (extensions approved before no longer count), and not at all while the identity is unknown. RQ-10 warns yellow when a new crime's recalculation was approved more than 5日 after its discovery (a period of custody: never moved, T-03; a finding about the past, also once the arrest has ended), and, while the arrest lasts, when no 变更羁押期限通知书 (document kind `custody_change_notice` naming the arrest) follows the last recalculation within P `RQ-10.notice` (24 h; no law sets the time), the catalog's template. Missing: the record sent to the procuratorate, which no fact holds.",
        ),
    },
    Entry {
        id: "RQ-11",
        family: Family::Measure,
        title: "期满解除/不当变更 / measure expired or wrong",
        trigger: "Any measure reaches its limit, or a case is dropped or ended",
        limits: "Release, lift or change the measure. The detention house warns the case unit as the limit nears.",
        basis: "CPL §96–99; 刑规 §158, §161; 看守所条例 §43; 行规 §259",
        confidence: "V",
        template: "【红】强制措施已届满未解除/变更",
        status: Status::Implemented(
            "A measure with no `measure.ended` whose case has `case.dropped`, `case.closed`, or `case.decided` with decision terminated: red at once, cleared when the measure ends; not for a criminal_detention or arrest begun before the case was dropped, which XS-09 raises on the case. A measure past its own limit is already red under RQ-01…RQ-03, RQ-07, RQ-09, RQ-13 and RQ-14. And an admin_detention not released when its days are served (T-07: the `case.decided` detention penalties' days from admission, less earlier criminal detention or arrest on the case): a deadline, blue and yellow as its end nears, red after it. Missing: the detention house's advance warning for criminal measures.",
        ),
    },
    Entry {
        id: "RQ-12",
        family: Family::Measure,
        title: "变更申请与羁押必要性 / requests to change a measure; necessity review",
        trigger: "Request to change a measure received; procuratorate recommends release",
        limits: "Decide ≤3日 and give reasons if refused. Tell the procuratorate what was done ≤10日",
        basis: "CPL §95, §97; 刑规 §160",
        confidence: "V",
        template: "【黄】变更强制措施申请超3日未答复",
        status: Status::Implemented(
            "Two deadlines on the measure, one warning at the higher: (1) a `measure.change_requested` (申请变更强制措施, a Zhifa extension: docs/format-extensions.md) while the measure has not ended and no `document.issued` of kind `change_request_reply` (不同意变更强制措施的答复, a Zhifa document kind) names it (`subject`) at or after the request: 3 d from the request; (2) a `case.procuratorate_notice` of notice `release_recommended` (羁押必要性审查后建议释放或变更) naming a criminal_detention or arrest, with no `custody_review_reply` (处理情况回复) naming it at or after the notice, whether or not the person was released: 10 d. Day limits, start day not counted; not moved past rest days while the person is held (CPL §105), moved otherwise; day bands. Missing: the reasons given to the applicant, which are in the reply's content.",
        ),
    },
    Entry {
        id: "RQ-13",
        family: Family::Measure,
        title: "取保候审 / bail",
        trigger: "Decision date",
        limits: "≤12个月 and investigation continues. Executing organ tells the deciding organ 15日 before expiry (取保规定). When a court or procuratorate decides: handed to the 派出所 ≤24h. Person reports changes ≤24h. Forfeiture of the deposit: read out ≤3日, review request ≤5日, decision ≤7日. Fine on a guarantor served ≤3日.",
        basis: "CPL §71, §79; 刑规 §92, §98–99, §104, §107 (V); 取保规定 (S)",
        confidence: "V/S",
        template: "【蓝】取保候审届满前30日；【黄】前15日；【红】超12个月",
        status: Status::Core,
    },
    Entry {
        id: "RQ-14",
        family: Family::Measure,
        title: "监视居住 / residential surveillance",
        trigger: "Decision date",
        limits: "≤6个月. Designated residence: notify family ≤24h. Never in a detention facility, case-handling place or office. Offset against sentence: 管制 1:1, 拘役 and 有期徒刑 2:1. Court or procuratorate decision: 派出所 notified ≤24h.",
        basis: "CPL §75–76, §79; 刑规 §111–113, §118",
        confidence: "V",
        template: "【红】指定居所监视居住超24小时未通知家属",
        status: Status::Core,
    },
    Entry {
        id: "RQ-15",
        family: Family::Measure,
        title: "行政拘留执行 / administrative detention",
        trigger: "Detention decision",
        limits: "Deliver to the 拘留所. Notify family \"及时\". Combined detentions ≤20日. Time already served is offset. The 拘留所 refers suspected wrongful detention; the deciding organ decides ≤24h. Leave requests decided ≤12h. Complaints forwarded ≤24h.",
        basis: "治安法12 §16, §92, §97; 行规 §162–164, §176, §220; 拘留所条例 §12, §27, §29",
        confidence: "V",
        template: "【黄】行政拘留决定后未送拘留所/未通知家属",
        status: Status::Implemented(
            "A `case.decided` with penalties of kind detention, on the case, one warning at the higher level: (1) a person so penalised whom TS-09 does not exempt (under 16 at the case's acceptance, 70 or over at the decision, pregnant or nursing_infant) has no admin_detention `measure.started` on the case both `measure.delivered` to a detention_center and with `measure.family_notified` or `measure.family_not_notified`: yellow when passed, 24 h (P `RQ-15.execution`; the law says 及时) from the decision; (2) one person's detention penalties in the decision total more than 20 `days`: red at once. (1) does not run while the person's execution is deferred (XZ-12's `case.deferral_decided` granted). Missing: the offset of earlier restriction (T-07), leave requests, complaints and referrals of wrongful detention have no fact.",
        ),
    },
    Entry {
        id: "RQ-16",
        family: Family::Measure,
        title: "强制隔离戒毒/社区戒毒 / compulsory drug rehabilitation",
        trigger: "Decision",
        limits: "Serve the decision before execution; notify family, employer and the household-registration 派出所 ≤24h after service. Compulsory rehab: 2年 (+≤1年). Community rehab: 3年, with notice to the street or township office.",
        basis: "禁毒法 §33, §40, §47",
        confidence: "V",
        template: "【红】强制隔离戒毒决定送达超24小时未通知家属",
        status: Status::Implemented(
            "`measure.started` of kind `compulsory_rehab` (强制隔离戒毒) or `community_rehab` (社区戒毒), Zhifa extensions (docs/format-extensions.md); a compulsory one is executed by `measure.delivered` to facility `rehab_center`, its decision served by a `document.issued` of kind `rehab_decision` naming the measure and `document.served` on the person. Red at once if executed before any service; red 24 h after the service (or the execution, if earlier) without `measure.family_notified` or `family_not_notified` (the catalog's template); while it lasts, month bands towards 2年 (or the `measure.extended` total in days), never moved, and for community rehabilitation 3年, moved past rest days. Missing: the notices to the employer and the household-registration 派出所 (one family notice stands for all three) and to the street or township office, which no fact records separately.",
        ),
    },
    Entry {
        id: "RQ-17",
        family: Family::Measure,
        title: "行政强制措施（对人）/ administrative measures on persons",
        trigger: "On-the-spot measure taken without prior approval; 醉酒约束; 拘留审查",
        limits: "Report and get approval ≤24h (for restriction of liberty: at once on return). Family told on the spot or at once. Drunk persons: release once sober and then question; this time does not count toward questioning limits; no handcuffs or leg irons; constant watch.",
        basis: "强制法 §19–20; 行规 §55–56, §58",
        confidence: "V",
        template: "【红】当场强制措施超24小时未补办审批",
        status: Status::Implemented(
            "A `measure.started` of kind `restraint` (约束, a Zhifa extension: docs/format-extensions.md) with no `measure.approved` (补办审批, a Zhifa extension): 24 h from its start, hour bands, never moved (a limit on liberty), owed after its end too; while it lasts, with no `measure.family_notified` or `family_not_notified`: P `RQ-17.family` (default 24 h, \"立即\"), hour bands. The higher of the two is raised. A restraint cannot be extended. Missing: \"at once on return\" (no fact records the return to the unit, so 24 h is the outer limit), 拘留审查 of foreigners, the exclusion of restraint time from questioning limits, and the restraint's manner (no handcuffs or leg irons, constant watch), which no fact records.",
        ),
    },
    Entry {
        id: "CS-01",
        family: Family::Center,
        title: "入区登记 / entering the case-handling area",
        trigger: "Suspect brought to the police",
        limits: "Into the case-handling area at once; out only with approval (to recover stolen goods or identify a scene). Register person, case, and entry and exit times. Mediation, hearings and simplified procedure may take place in the reception area.",
        basis: "办案区规定 §4 and register clause (S)",
        confidence: "S",
        template: "【黄】到案{m}分钟未入区登记",
        status: Status::Implemented(
            "A `measure.started` of kind summons_criminal, compelled_appearance, admin_questioning or continued_questioning, with no stay (`custody.entered`) of the same person naming it as `basis` or not exited before its `arrived_at` (in progress then, or entered later): yellow when passed, 30 min from `arrived_at` (P `CS-01.entry`: the catalog says at once and gives no number; CS-02's threshold), cleared by a late entry; not raised when the measure ended before the threshold. Missing: arrivals without a measure (扭送, 投案 before a summons), and approved exits to recover goods or identify a scene.",
        ),
    },
    Entry {
        id: "CS-02",
        family: Family::Center,
        title: "人身安全检查 / body safety check",
        trigger: "Entry to the area",
        limits: "Check at once and record. Seize contraband and evidence at once. Register, keep and return unrelated belongings.",
        basis: "行规 §53; 刑规 §154–155",
        confidence: "V",
        template: "【红】入区人员无人身安全检查记录",
        status: Status::Core,
    },
    Entry {
        id: "CS-03",
        family: Family::Center,
        title: "在区时长 / time in the area, by legal basis of presence",
        trigger: "到案时间 + basis (传唤/拘传/询问查证/继续盘问/拘留)",
        limits: "Use the limit of RQ-01/02/03/04. Bands: blue 50%, yellow 75% or ≤1h left, red at the limit (P)",
        basis: "As RQ-01–04",
        confidence: "V (limits) / P (bands)",
        template: "【红】{姓名}在区已{h}小时，超过{依据}时限",
        status: Status::Core,
    },
    Entry {
        id: "CS-04",
        family: Family::Center,
        title: "讯问/询问地点 / where questioning takes place",
        trigger: "Location on the record",
        limits: "Interrogate in the center's interrogation room (exceptions: urgent on-scene; sick, injured or pregnant suspects at home or in hospital). Once sent to the detention house, interrogate there. Questioning inside a police building takes place in the case-handling area.",
        basis: "CPL §118; 刑规 §198; 行规 §71",
        confidence: "V",
        template: "【红】已送看守所人员在看守所外被讯问",
        status: Status::Implemented(
            "On an `interrogation.held` naming a `stay` (held in the case-handling center), one red finding at once for either: (1) it starts while a criminal_detention or arrest of the same person has been `measure.delivered` to a detention_house and not ended; (2) it is of kind interrogation and the stay's latest `custody.placed` at or before its start has a room_kind other than interrogation (none placed before: not checked). Missing: an interrogation without a `stay` has no location, and the lawful exceptions (urgent on the scene; sick, injured or pregnant at home or in hospital) are not recorded.",
        ),
    },
    Entry {
        id: "CS-05",
        family: Family::Center,
        title: "单人讯问/询问；个别进行 / single-officer questioning; separate questioning",
        trigger: "Record shows one officer (auxiliary officers do not count), or co-suspects questioned in the same room at the same time",
        limits: "≥2 人民警察 for interrogation, questioning, identification, inspection and coercive measures. Exceptions: simplified procedure (one officer). Intake, registration, data collection, mediation and service: one officer plus auxiliaries with full A/V recording. 2026: decisions by one officer need synchronous A/V recording (S).",
        basis: "CPL §118, §124; 刑规 §202, §210; 行规 §39, §52, §72; 处罚法 §42; 治安法25 (S)",
        confidence: "V",
        template: "【红】单人讯问：笔录仅{姓名}一名民警签名",
        status: Status::Core,
    },
    Entry {
        id: "CS-06",
        family: Family::Center,
        title: "饮食与休息 / food and rest",
        trigger: "Cumulative time in the area",
        limits: "Food and necessary rest given and recorded. Continued questioning ≥12h: provide bedding.",
        basis: "CPL §119; 刑规 §201; 行规 §71; 盘问规定 §27",
        confidence: "V",
        template: "【黄】在区{h}小时无饮食/休息记录",
        status: Status::Implemented(
            "A stay (`custody.entered`) in which the time from entry to the first `custody.meal`, between consecutive meals, or from the last meal to `custody.exited` (or, while not exited, to the screening time) reaches 6 h (P `CS-06.gap`: the catalog gives no number): yellow when passed; a gap once missed stays found. Missing: rest, and bedding for continued questioning of 12 h or more, have no fact.",
        ),
    },
    Entry {
        id: "CS-07",
        family: Family::Center,
        title: "候问室 / holding room",
        trigger: "Placement in the holding room",
        limits: "Allowed between questioning sessions. Never for pregnant women, women nursing a baby under 1, persons under 16 or 70 or over. Duty, watch and patrol records.",
        basis: "行规 §71; 盘问规定 §10, §29, §31",
        confidence: "V",
        template: "【红】未满16周岁人员被送入候问室",
        status: Status::Core,
    },
    Entry {
        id: "CS-08",
        family: Family::Center,
        title: "分别看管 / separate custody",
        trigger: "Several people in the area at once",
        limits: "Men and women, adults and minors, and co-suspects held apart (statutory for detention houses; P for the center)",
        basis: "看守所条例 §14; CPL §280",
        confidence: "V (basis) / P",
        template: "【黄】同案人员同室候问",
        status: Status::Implemented(
            "Two stays in the same center (`custody.entered` `center`) whose placements (`custody.placed`, each lasting until the stay's next placement or exit) in the same `room`, of room_kind holding or waiting, overlap in time, the persons being of different `gender` or both linked as suspects of the same case: yellow at once on each of the two stays (platform policy for the center; no threshold). A minor with an adult is TS-06's. Missing: cells in a detention house (`measure.delivered` names only the facility).",
        ),
    },
    Entry {
        id: "CS-09",
        family: Family::Center,
        title: "录音录像关联 / linking A/V to records",
        trigger: "Interrogation or questioning ends",
        limits: "Video time ranges match the record and are complete. 2026: 治安 questioning fully recorded (S).",
        basis: "CPL §123; 刑规 §208; 治安法25 (S)",
        confidence: "V/S",
        template: "【红】笔录时段{t1–t2}无对应录像",
        status: Status::Implemented(
            "An `interrogation.held` naming a `stay` (held in the case-handling center) with `av_recorded` false: red at once (platform policy for the center; statutory for XS-13's cases and, from 2026, for 治安 questioning, S). Missing: the rule's core, that the video's time ranges match the record: FORMAT records only whether A/V exists, not its ranges.",
        ),
    },
    Entry {
        id: "CS-10",
        family: Family::Center,
        title: "出区去向 / leaving the area",
        trigger: "Exit",
        limits: "Must have a lawful destination and document: criminal detention → detention house; administrative detention → 拘留所; bail, surveillance or release documents. Handed over within the set time.",
        basis: "办案区规定 §5 (S); CPL §85",
        confidence: "S",
        template: "【红】出区无法律文书/去向不明",
        status: Status::Core,
    },
    Entry {
        id: "CS-11",
        family: Family::Center,
        title: "伤病/死亡/事故 / illness, death, incidents",
        trigger: "Medical event, escape or self-harm in the area",
        limits: "Treat at once, tell the family, report. Death: commission a cause-of-death appraisal ≤24h and serve the result on the family ≤3日. Report overruns and incidents to the inspectorate (督察).",
        basis: "盘问规定 §23–25, §36",
        confidence: "V",
        template: "【红】在区人员突发{事件}，须立即报告督察",
        status: Status::Implemented(
            "`custody.incident` (在区突发事件, a Zhifa extension: docs/format-extensions.md: illness, injury, self_harm, escape or death, while the person is in the area) not yet followed by `custody.incident_reported` (报告督察): red at once (the catalog's template: 须立即报告督察); a death with no `custody.death_appraisal_commissioned` (委托死因鉴定): 24 h from the death, hour bands, never moved. Missing: the treatment, the family being told, and the result of the appraisal served on the family within 3日, which no fact records.",
        ),
    },
    Entry {
        id: "CW-01",
        family: Family::Property,
        title: "移交入库 24h / hand-over to property custody within 24h",
        trigger: "Time the item was taken. For sealed, frozen or registered items not held by police: time of the measure.",
        limits: "Hand to the property officer ≤24h. Elsewhere or remote areas: ≤24h after return. Urgent appraisal, identification, testing or inspection: ≤24h after it is done (with approval). Non-custodial items: send the document copy and details ≤24h. Disposed of within 24h: keep the papers in the file.",
        basis: "行规 §190 (V); 财物规定 (S; article number to check)",
        confidence: "V",
        template: "【黄】扣押物品{编号}已{h}小时未入库；【红】超24小时",
        status: Status::Core,
    },
    Entry {
        id: "CW-02",
        family: Family::Property,
        title: "办案与保管分离 / case officer may not hold property",
        trigger: "Holder = case officer",
        limits: "Banned. A unit store is kept by an officer with no case duties.",
        basis: "刑规 §235; 行规 §188",
        confidence: "V",
        template: "【红】涉案财物由办案民警自行保管",
        status: Status::Core,
    },
    Entry {
        id: "CW-03",
        family: Family::Property,
        title: "电子台账 / electronic ledger",
        trigger: "Property record",
        limits: "One number per item, with case, source, custody status, location and destination",
        basis: "行规 §189",
        confidence: "V",
        template: "【黄】财物{编号}台账要素缺失",
        status: Status::NotExpressible(
            "Number, case, custody status, location and destination are parts of FORMAT's property facts (`property.seized` id and case, `property.stored` location, `property.disposed` method), so a ledger built from facts always has them, and an item never stored is CW-01's finding; the item's source (from whom it was taken) has no field.",
        ),
    },
    Entry {
        id: "CW-04",
        family: Family::Property,
        title: "扣押清单与见证 / seizure list and witnesses",
        trigger: "Seizure",
        limits: "List made on the spot (criminal: three copies) with name, number, quantity, features and source, signed by officers, holder and witness. Valuables photographed or filmed and appraised promptly. Administrative: evidence-preservation decision and list handed over on the spot.",
        basis: "CPL §142; 刑规 §229–230; 行规 §111; 强制法 §24",
        confidence: "V",
        template: "【红】扣押清单无见证人/持有人签名",
        status: Status::Implemented(
            "A `property.seized` with measure seizure or sealing and no `document.issued` of kind `seizure_list` (a FORMAT example kind) on its case, issued at or after the seizure and naming the item as `subject` (or naming no subject): red when passed, 24 h from the seizure (P `CW-04.list`; the law says on the spot), cleared by a late list. A `property.seized` with measure registration_preservation (先行登记保存) likewise, with a `document.issued` of kind `preservation_decision` (证据保全决定书 with its list, a Zhifa document kind: docs/format-extensions.md; its contents are JZ-09's) instead of a seizure list. Missing: the witnesses' and holder's signatures, photographs and valuation (no fact).",
        ),
    },
    Entry {
        id: "CW-05",
        family: Family::Property,
        title: "无关财物 3 日退还 / unrelated property returned in 3 days",
        trigger: "Item found unrelated to the case",
        limits: "Lift the measure and return, or notify, ≤3日",
        basis: "CPL §145; 刑规 §233, §247",
        confidence: "V",
        template: "【红】认定无关财物超3日未退还",
        status: Status::Core,
    },
    Entry {
        id: "CW-06",
        family: Family::Property,
        title: "行政扣押/查封期限 / administrative seizure period",
        trigger: "Seizure or sealing decision",
        limits: "30日. +30日 with county-level approval and written notice. Appraisal time excluded but notified in writing. Lift at expiry.",
        basis: "行规 §112; 强制法 §25, §28",
        confidence: "V",
        template: "【黄】行政扣押届满前3日；【红】扣押超期未解除/未延长",
        status: Status::Core,
    },
    Entry {
        id: "CW-07",
        family: Family::Property,
        title: "先行登记保存 / registered preservation",
        trigger: "Decision",
        limits: "Decide ≤7日; otherwise lifted automatically",
        basis: "行规 §110; 处罚法 §56",
        confidence: "V",
        template: "【红】先行登记保存超7日未处理（已自动解除）",
        status: Status::Implemented(
            "A `property.seized` with measure registration_preservation and no `property.disposed`: 7 d from the seizure, day bands; natural days moved past rest days as 行规 §110 (the default: the earlier date, catalog §14 item 6), or working days as 处罚法 §56 and §85 count them where the unit sets `CW-07.working_days` (T-04). Missing: a decision turning the preservation into a seizure (only a new `property.seized` with no link to the first).",
        ),
    },
    Entry {
        id: "CW-08",
        family: Family::Property,
        title: "刑事冻结期限 / criminal freezes",
        trigger: "Freeze date",
        limits: "Deposits, remittances, securities settlement funds, futures margins: 6个月. Bonds, shares, fund units: 2年. Equity, insurance and investment interests: 6个月. Renew before expiry (each renewal ≤ the same length), otherwise lifted automatically.",
        basis: "刑规 §240, §243–245",
        confidence: "V",
        template: "【蓝】冻结届满前30日；【黄】前7日；【红】已失效未续冻",
        status: Status::Core,
    },
    Entry {
        id: "CW-09",
        family: Family::Property,
        title: "行政冻结 / administrative freezes",
        trigger: "Freeze date",
        limits: "Terrorism cases: decision handed over ≤3日; dispose ≤2个月 (+1个月 with next-level approval). General: 30日 (+30日).",
        basis: "行规 §113–114; 强制法 §32",
        confidence: "V",
        template: "【红】冻结超期未处理",
        status: Status::Implemented(
            "A `property.seized` with measure freeze on an administrative case and no `property.disposed`: 30 d from the freeze, or the `property.seizure_extended` total, moved past rest days, day bands. Missing: terrorism cases (decision handed over ≤3日, 2个月 + 1个月): no fact or defined category marks them.",
        ),
    },
    Entry {
        id: "CW-10",
        family: Family::Property,
        title: "调用与归还 / check-out and return",
        trigger: "Item checked out",
        limits: "Approval by the department head. Due time recorded. Late return reported; return or extension ordered.",
        basis: "行规 §190; 财物规定 (S)",
        confidence: "V/S",
        template: "【黄】调用财物超过登记归还时间",
        status: Status::Core,
    },
    Entry {
        id: "CW-11",
        family: Family::Property,
        title: "发还被害人；易腐危险品 / returning victims' property; perishables and hazards",
        trigger: "Ownership clear; perishable or dangerous goods",
        limits: "Return after registration, photo and valuation (case officers may not collect on anyone's behalf). Perishables: sell or auction after photographs (criminal: approval of the county-level principal head) and hold the proceeds. Hazardous goods go to a dedicated store.",
        basis: "刑规 §234, §236; 行规 §191–192",
        confidence: "V",
        template: "【黄】权属明确财物未及时发还",
        status: Status::Implemented(
            "`property.flagged` (a Zhifa extension: docs/format-extensions.md) with `flag` `victim_owned` (权属明确的被害人合法财产, not needed in court), `perishable` (易腐烂变质) or `hazardous` (危险品), once per item; `property.stored` `hazmat_store` marks a dedicated store. Yellow, the catalog's template: the victim's item not disposed of P `CW-11.return` (15日) after the finding, or disposed of other than by returning it (or sending it with the case); a perishable item not disposed of P `CW-11.perishable` (3日) after it; a hazardous item whose latest storage is not a dedicated store. Day limits moved past rest days (T-03). Missing: the registration, photographs and valuation before a return, the approval of a criminal sale, and who collected the return, which no fact records.",
        ),
    },
    Entry {
        id: "CW-12",
        family: Family::Property,
        title: "结案未处置 / property not disposed after the case ends",
        trigger: "Administrative decision made, judgment final, case dropped or not prosecuted, and property still in store",
        limits: "Administrative: dispose together with the decision. Criminal: transfer with the case (list plus proposal); after the final judgment dispose of it and send a receipt; after dropping or non-prosecution lift and return. P: warn after N days.",
        basis: "行规 §193–196; 刑规 §187, §288, §293",
        confidence: "V / P",
        template: "【黄】案件已{状态}{d}日，财物{编号}仍在库未处置",
        status: Status::Core,
    },
    Entry {
        id: "CW-13",
        family: Family::Property,
        title: "无人认领/上缴 / unclaimed property; remittance",
        trigger: "Date of notice or public notice",
        limits: "Unclaimed after 6个月: treat as ownerless (administrative: may extend ≤3个月). 治安 seized items unclaimed after 6个月: auction. Fines, confiscations and forfeited deposits all go to the treasury.",
        basis: "刑规 §233; 行规 §197, §213; 治安法12 §89",
        confidence: "V",
        template: "【蓝】公告认领期届满前15日",
        status: Status::Implemented(
            "A `property.owner_sought` (发布招领公告: the notice or public notice calling for the owner, a Zhifa extension: docs/format-extensions.md) on an item not disposed (`property.disposed`): 6个月 from the notice (a month limit, start day not counted, moved past rest days), month bands (blue 30 d before, yellow 15 d before, red after), until it is disposed. Missing: the administrative extension of ≤3个月 and the remittance of fines, confiscations and deposits to the treasury, which no fact records.",
        ),
    },
    Entry {
        id: "CW-14",
        family: Family::Property,
        title: "立案/受案前禁止扣押 / no seizure before the case is opened",
        trigger: "Property measure with no 立案/受案 record",
        limits: "Banned (see XS-04)",
        basis: "刑规 §174; 财物规定 (S)",
        confidence: "V",
        template: "【红】未受案/立案即扣押财物",
        status: Status::Core,
    },
    Entry {
        id: "JZ-01",
        family: Family::File,
        title: "处罚决定书送达 / serving the penalty decision",
        trigger: "Decision made",
        limits: "Hand over after announcement. Person absent: serve ≤7日 (治安 ≤2日; 处罚法: 7 working days). Public notice lasts ≥60日.",
        basis: "行规 §36; 治安法12 §97; 处罚法 §61",
        confidence: "V",
        template: "【红】治安处罚决定书超2日未送达",
        status: Status::Core,
    },
    Entry {
        id: "JZ-02",
        family: Family::File,
        title: "被侵害人送达 / copy to the victim",
        trigger: "治安 case with a victim",
        limits: "Copy of the decision (or of the decision not to punish) to the victim ≤2日",
        basis: "行规 §172; 治安法12 §97",
        confidence: "V",
        template: "【黄】未向被侵害人送达决定书复印件",
        status: Status::Implemented(
            "A `case.decided` on an administrative case with decision penalty, no_penalty or minor_no_penalty, and some person linked to the case as victim not served (at or after the decision) a `document.issued` on the case of kind penalty_decision (for a decision not to punish, kind `no_penalty_decision`, a Zhifa document kind: docs/format-extensions.md): 2 d from the decision, moved past rest days, day bands (as JZ-01).",
        ),
    },
    Entry {
        id: "JZ-03",
        family: Family::File,
        title: "行政鉴定意见送达 / serving an administrative appraisal",
        trigger: "Appraisal opinion received",
        limits: "Copy to suspect and victim ≤5日. Objection: new appraisal requested ≤3日 (once only). Refusal notified ≤3日.",
        basis: "行规 §97–98",
        confidence: "V",
        template: "【黄】鉴定意见收到超5日未送达",
        status: Status::Implemented(
            "After each `case.injury_assessed` on an administrative case: every person linked to the case as suspect or victim is served (at or after the assessment) a `document.issued` on the case of kind `appraisal_opinion` (鉴定意见复印件, a Zhifa document kind: docs/format-extensions.md); while someone is not, a deadline from the earliest such assessment: 5 d, moved past rest days, day bands. Missing: the opinions of other appraisals (only `case.act` `appraisal_commissioned` is a fact), objections and requests for a new appraisal.",
        ),
    },
    Entry {
        id: "JZ-04",
        family: Family::File,
        title: "事件→文书齐备 / each event has its documents",
        trigger: "Event recorded without its document",
        limits: "Examples: 传唤证 and 拘传证 (with arrival and end times); 拘留证 + 拘留通知书 (24h); 逮捕证 + 逮捕通知书 (24h); 监视居住通知书 (24h); 执行回执 (3日); 变更羁押期限通知书; 提请延长羁押期限意见书 (7日 before expiry); 不予立案通知书 (3日)",
        basis: "刑规 §79, §113, §125–127, §142–151, §178, §199",
        confidence: "V",
        template: "【红】{事件}缺少《{文书}》",
        status: Status::Core,
    },
    Entry {
        id: "JZ-05",
        family: Family::File,
        title: "笔录规范 / record-writing rules",
        trigger: "Record submitted",
        limits: "Read back or checked; signed and fingerprinted on every page; closing statement on the last page; officers and interpreter sign; arrival and leaving times. Search: warrant, ≥2 officers, witness. Identification: ≥2 officers leading, done separately, line-up ≥7 persons, ≥10 photos, ≥5 objects.",
        basis: "CPL §122; 刑规 §199, §206, §223–225, §259–260; 行规 §68, §77, §102–104",
        confidence: "V",
        template: "【红】辨认笔录陪衬人数不足7人",
        status: Status::Implemented(
            "`case.identification` (辨认, a Zhifa extension: docs/format-extensions.md) with the identifier, `kind` (`person`, `photo`, `object`, `place`), `lineup` (how many were shown together, the one to identify included) and the leading `officers`: fewer than 7 persons, 10 photos or 5 objects (a place, a body, or an object described exactly, none), or fewer than two officers: red (the catalog's template); a body search (`case.person_searched` `search`, TS-11's extension) by fewer than two officers: red. Missing: the record's content (read back, signatures and fingerprints on every page, closing statement, arrival and leaving times), the search warrant and witness, and identifiers kept apart, which no fact records.",
        ),
    },
    Entry {
        id: "JZ-06",
        family: Family::File,
        title: "首次讯问告知 / notices at the first interrogation",
        trigger: "First interrogation or first coercive measure",
        limits: "Tell the suspect of procedural rights, the right to a defence lawyer, and the rules on confession and plea leniency (认罪认罚). Ask whether they are a people's-congress deputy or CPPCC member.",
        basis: "CPL §34, §120; 刑规 §203",
        confidence: "V",
        template: "【红】首次讯问笔录无权利告知",
        status: Status::Implemented(
            "A person's earliest `interrogation.held` of kind interrogation on a criminal case (earliest for that person and case), once it has ended (`end`), with no `document.issued` on the case of kind `rights_notice` (犯罪嫌疑人诉讼权利义务告知书, a Zhifa document kind: docs/format-extensions.md) served to the person at or before that `end`: red at once, on the interrogation. Missing: the record's content (the question on deputy or CPPCC status, the 认罪认罚 explanation) is not a fact.",
        ),
    },
    Entry {
        id: "JZ-07",
        family: Family::File,
        title: "立卷归档 / building and archiving the file",
        trigger: "Case closed, ended or investigation concluded",
        limits: "One file per case, handed to the archive after closure. Criminal: bound at the end of investigation; only the 诉讼卷 goes to the procuratorate. P: warn when N days pass without archiving.",
        basis: "行规 §260–262; 刑规 §287",
        confidence: "V / P",
        template: "【黄】结案{d}日未归档",
        status: Status::Core,
    },
    Entry {
        id: "JZ-08",
        family: Family::File,
        title: "网上办案与全过程记录 / online case handling and full-process records",
        trigger: "Any stage",
        limits: "Entered in the case-handling system with online review and approval. Full-process record (text and A/V). Electronic signatures and fingerprints captured with synchronous A/V.",
        basis: "行规 §263; 处罚法 §47; 受立案意见 (S)",
        confidence: "V",
        template: "【黄】线下审批未补录系统",
        status: Status::NotExpressible(
            "Every FORMAT fact is in the system by definition; no fact records an approval made offline or the A/V capture of electronic signatures.",
        ),
    },
    Entry {
        id: "JZ-09",
        family: Family::File,
        title: "文书要素校验 / document field checks",
        trigger: "处罚决定书, 证据保全决定书",
        limits: "Required fields: identity; facts and evidence; type, amount and basis; method and time of execution; property outcome; remedies and their deadlines; organ seal and date; surcharge rule for fines. Evidence-preservation decision: reasons, basis and period plus a list.",
        basis: "行规 §111, §175; 强制法 §24",
        confidence: "V",
        template: "【红】决定书缺少“救济途径和期限”",
        status: Status::Implemented(
            "`document.issued` `contents` (a Zhifa extension: docs/format-extensions.md) lists the elements a document holds, as the system that wrote it knows them. A 行政处罚决定书 (`penalty_decision`) without identity, facts and evidence, the penalty and its basis, how and when to comply, the remedies and their deadlines, or the seal and date, without the late-payment surcharge where the decision fines, or without the property's outcome where the case seized any; a 证据保全决定书 (`preservation_decision`) without identity, reasons, basis, period, list, remedies, or seal: red, naming what is missing (the catalog's template). A document that does not list its contents is not checked. Missing: whether each element is right, which needs the document's text.",
        ),
    },
    Entry {
        id: "TS-01",
        family: Family::Special,
        title: "合适成年人到场 / appropriate adult present",
        trigger: "Person questioned is under 18 (suspect, victim or witness)",
        limits: "Notify the legal guardian. If unavailable: another adult relative, or a representative of the school, employer, grass-roots organisation or child-protection body. Record this; the adult reads the record. (治安法12 §84 said under 16; 行规 §75 and 未保法 cover under 18.)",
        basis: "CPL §281; 刑规 §323, §325–326; 未保法 §110; 行规 §75; 治安法12 §84",
        confidence: "V",
        template: "【红】讯问未成年人无法定代理人/合适成年人在场记录",
        status: Status::Core,
    },
    Entry {
        id: "TS-02",
        family: Family::Special,
        title: "女性未成年人 / female minors",
        trigger: "Interrogating a female minor suspect; questioning a female minor victim or witness",
        limits: "A female staff member must be present",
        basis: "CPL §281 (paras 3 and 5); 刑规 §324, §326",
        confidence: "V",
        template: "【红】讯问女性未成年人无女工作人员在场",
        status: Status::Core,
    },
    Entry {
        id: "TS-03",
        family: Family::Special,
        title: "性侵/暴力伤害未成年被害人 / minor victims of sexual or violent crime",
        trigger: "Case type is sexual or violent harm and the victim or witness is under 18",
        limits: "Synchronous A/V; one session if possible; a female victim or witness is questioned by female staff; as few sessions as possible",
        basis: "未保法 §112; 刑规 §326",
        confidence: "V",
        template: "【红】性侵案件询问未成年被害人第{n}次/无同步录像",
        status: Status::Implemented(
            "A `case.accepted` with `sexual_or_violent` true (性侵害、暴力伤害案件, a Zhifa extension: docs/format-extensions.md; FORMAT's free `category` cannot tell); an `interrogation.held` on it of a person under 18 at its start and linked to the case as victim or witness: red at once with `av_recorded` false; yellow at once for the second and later sessions of that person on that case (\"one session if possible\"), naming the session. A girl questioned without `female_staff_present` is TS-02's finding (every minor), not raised again. Missing: whether more sessions were needed, which no fact records.",
        ),
    },
    Entry {
        id: "TS-04",
        family: Family::Special,
        title: "应当通知法律援助 / mandatory legal aid",
        trigger: "No defence lawyer, and the suspect is a minor, blind, deaf or mute (法援法: visual, hearing or speech disability), unable to fully understand their own conduct, or faces a possible life or death sentence",
        limits: "Notify the legal-aid agency ≤3日 from discovery",
        basis: "CPL §35, §278; 刑规 §46, §320; 法援法 §25–26, §36",
        confidence: "V",
        template: "【红】未成年犯罪嫌疑人无辩护人超3日未通知法律援助",
        status: Status::Core,
    },
    Entry {
        id: "TS-05",
        family: Family::Special,
        title: "在押人员法援申请、值班律师、会见 / aid applications in custody, duty lawyers, lawyer visits",
        trigger: "Application; refusal of the assigned lawyer; duty-lawyer request; lawyer visit request",
        limits: "Forward the application ≤24h. Ask the family to help with papers ≤3日. Refusal: tell the agency ≤3日. Duty lawyer notified ≤24h. Tell suspects of their aid and duty-lawyer rights. Visits arranged ≤48h. National security or terrorism cases: visit permission decided ≤3日.",
        basis: "刑规 §47, §49, §52–54; 法援法 §35, §37, §39",
        confidence: "V",
        template: "【红】在押人员法律援助申请超24小时未转交",
        status: Status::Implemented(
            "A `legal_aid.requested` (申请法律援助, a Zhifa extension: docs/format-extensions.md) by a person on a criminal case, with no `legal_aid.notified` of the person on the same case at or after it (the application forwarded to the legal-aid agency): 24 h from the application, hour bands, never moved; one warning, from the earliest application waiting. Missing: the refusal of an assigned lawyer, duty-lawyer requests and lawyers' visit requests, the family's help with papers and the national-security visit permissions, which no fact records.",
        ),
    },
    Entry {
        id: "TS-06",
        family: Family::Special,
        title: "未成年人分押分管、限制逮捕 / minors held apart; arrest of minors restricted",
        trigger: "Minor detained, arrested or in the center",
        limits: "Held, managed and educated apart from adults. Arrest strictly limited; change the measure promptly when possible.",
        basis: "CPL §280; 刑规 §327–328; 看守所条例 §14",
        confidence: "V / P",
        template: "【红】未成年人与成年人同室关押",
        status: Status::Implemented(
            "Two stays in the same center whose placements (`custody.placed`, each lasting until the stay's next placement or exit) in the same `room`, of room_kind holding or waiting, overlap in time, one person under 18 when they were first together and the other 18 or over (both ages known): red at once, on the minor's stay. Missing: cells in a detention house (`measure.delivered` names only the facility) and the restriction on arresting minors (a judgment no fact records).",
        ),
    },
    Entry {
        id: "TS-07",
        family: Family::Special,
        title: "临界年龄核查 / threshold-age check",
        trigger: "Birth date missing, or age at the time of the act is near 12, 14, 16 or 18",
        limits: "Establish the age at the time of the act (from the ID number, GB 11643)",
        basis: "刑规 §321; 刑法 §17 (12/14/16-year thresholds, as amended 2020); 治安法12 §12; 处罚法 §30",
        confidence: "V",
        template: "【黄】行为时年龄{岁}接近责任年龄临界点，须核实",
        status: Status::Core,
    },
    Entry {
        id: "TS-08",
        family: Family::Special,
        title: "封存与信息保护 / sealing records; protecting identity",
        trigger: "Case involving a minor",
        limits: "Criminal records sealed for sentences ≤5年. No disclosure of name, image, address or school. 2026: records of public-order violations also sealed (S).",
        basis: "CPL §286; 刑规 §331; 未保法 §103 (V); 治安法25 (S)",
        confidence: "V/S",
        template: "【红】对外公开信息含未成年人身份信息",
        status: Status::Implemented(
            "`case.publicized` (a Zhifa extension: docs/format-extensions.md) records a release of the case's information to the public, with `identified`: the persons whose name, image, address, school or other identifying details it disclosed. A person under 18 on the day of the release among them: red (the catalog's template). Missing: the sealing of criminal records for sentences of 5年 or less and, from 2026, of public-order violations, which no fact records.",
        ),
    },
    Entry {
        id: "TS-09",
        family: Family::Special,
        title: "行政责任年龄与拘留执行 / age and execution of administrative detention",
        trigger: "Age, pregnancy or nursing, 70 or over",
        limits: "Under 14: no penalty (guardian told to discipline). 14–18: lighter. 2012: decided but **not executed** for ages 14–16, ages 16–18 on a first violation, 70 or over, and pregnant or nursing women. **2026: may be executed when the facts are serious and the impact bad, or after two or more violations within one year (S).**",
        basis: "治安法12 §12, §21; 行规 §157, §164 (V); 治安法25 §23 (S)",
        confidence: "V/S",
        template: "【红】{年龄}周岁初次违法被送拘留所执行",
        status: Status::Implemented(
            "On the person, one red finding at once for either: (1) a `case.decided` penalty on a person under 14 at the case's acceptance; (2) an admin_detention `measure.started` for a person under 16 at the case's acceptance, 70 or over at the measure's start, or flagged pregnant or nursing_infant (治安法12 §21). Age at acceptance stands in for age at the act, which no fact records: under 14 or 16 then, also at the act. RQ-15 does not ask for the execution of a detention this exempts. Missing: whether a 16–17-year-old is a first-time violator (penalties outside the ledger are unknown) and the 2026 exceptions (serious facts, two violations in a year; S).",
        ),
    },
    Entry {
        id: "TS-10",
        family: Family::Special,
        title: "未成年人行政程序 / administrative procedure for minors",
        trigger: "Minor suspect",
        limits: "No fast-track. Guardian notified for mediation (16+ and self-supporting may opt out). 2026: hearing right when detention may be executed (S+).",
        basis: "行规 §41, §181; 治安法25 §117 (S+)",
        confidence: "V",
        template: "【红】未成年人案件适用快速办理",
        status: Status::Expressible(
            "Covered by XZ-04 (implemented, core set), not raised separately: XZ-04's minor branch is this rule's checkable part: a case flagged `case.fast_track` with a suspect under 18 is red at once; implementing TS-10 would mean only raising it under its own id. Missing: the guardian's notice for mediation (no fact; `guardian_present` is on interrogations only); the 2026 hearing right when a minor's detention may be executed is XZ-07's.",
        ),
    },
    Entry {
        id: "TS-11",
        family: Family::Special,
        title: "女性检查/搜查 / searches and examinations of women",
        trigger: "Body examination, search or sample-taking on a woman",
        limits: "By female staff (or a doctor for examination). Drug-test samples from women taken by female staff. Women in detention or lock-up managed by female officers.",
        basis: "CPL §132, §139; 刑规 §155, §225; 治安法12 §87; 行规 §82, §94; 拘留所条例; 看守所条例",
        confidence: "V",
        template: "【红】女性人身检查执行人为男性",
        status: Status::Implemented(
            "A `case.person_searched` (a Zhifa extension: docs/format-extensions.md: the person, `kind` search 人身搜查, examination 人身检查 or sample 提取生物样本, the `officers` who did it, and `doctor` for an examination by a doctor) of a person registered female, done by any officer defined male, not by a doctor: red at once on the case, naming the time, the person and the men. The security check at entry to a case-handling center is CS-02's (`custody.security_checked` `officers`, a Zhifa extension: a woman checked with a man among them, red). Missing: who manages women in detention, which no fact records.",
        ),
    },
    Entry {
        id: "TS-12",
        family: Family::Special,
        title: "聋哑/语言 / deaf, mute or non-local-language persons",
        trigger: "Person is deaf or mute, or does not understand the local language",
        limits: "Sign-language interpreter or translator; the record notes the condition and the interpreter's identity",
        basis: "CPL §121; 刑规 §204; 行规 §76; 治安法12 §86",
        confidence: "V",
        template: "【红】聋哑人讯问无手语翻译记录",
        status: Status::Implemented(
            "An `interrogation.held` of a person flagged `deaf` or `mute` without `interpreter_present` (a sign-language interpreter took part: a Zhifa extension, docs/format-extensions.md, false when absent like FORMAT's `guardian_present`): red at once, on the interrogation. Missing: persons who do not understand the local language and their translators, which no fact records, and the interpreter's identity in the record.",
        ),
    },
    Entry {
        id: "TS-13",
        family: Family::Special,
        title: "外国人、外交豁免、人大代表、政协委员 / foreigners, diplomatic immunity, deputies, CPPCC members",
        trigger: "Person is a foreigner, a people's-congress deputy or a CPPCC member",
        limits: "Foreigners: after a criminal measure report to the provincial level and the foreign-affairs office ≤48h; administrative ≤48h. Diplomatic immunity: no restriction of liberty, no seizure. Administrative 拘留审查: question ≤24h; ≤30日 (complex ≤60日). Restriction of movement ≤60日. Order to leave ≤30日. Deputies at county level or above: prior permission (an offender caught in the act: report at once). Township-level deputies: report after execution. CPPCC members: inform their organisation.",
        basis: "刑规 §164–168, §367; 行规 §174, §240, §242, §244, §250, §254",
        confidence: "V",
        template: "【红】外国籍犯罪嫌疑人拘留超48小时未层报",
        status: Status::Implemented(
            "The criminal part for foreigners: a `measure.started` of kind criminal_detention or arrest on a person whose `person.registered` `nationality` (a Zhifa extension: docs/format-extensions.md, an ISO 3166-1 code; none or CN/CHN for a Chinese citizen) is foreign, with no `document.issued` of kind `foreign_national_report` (层报省级公安机关并通报外事办公室的报告, a Zhifa document kind) naming the measure at or after it: 48 h from the measure, hour bands, never moved, owed after a release too. Missing: administrative measures on foreigners (拘留审查 and its 24 h, 30日, 60日; restriction of movement; orders to leave), diplomatic immunity, and the permissions owed for people's-congress deputies and notices for CPPCC members, which no fact records.",
        ),
    },
    Entry {
        id: "DB-01",
        family: Family::Supervision,
        title: "督办整改逾期 / rectification overdue: a rectification ordered in the supervision loop is not done by its deadline",
        trigger: "`warning.rectification_ordered` with a `deadline`, no `warning.rectified` by then",
        limits: "The deadline the order set",
        basis: "Zhifa (issue 3): 预警 → 发现 → 核查 → 整改 → 追责; overdue rectification is itself warned (seeds: 整改率 99.8 %)",
        confidence: "P",
        template: "【红】预警{编号}整改逾期",
        status: Status::Implemented(
            "A warning whose stage is `rectification_ordered` (ordered with a deadline, not yet rectified): red when the deadline passes (`rules::supervision`, about the warning element itself), cleared when `warning.rectified` is recorded. Seen on the board and in the bulletins as 整改逾期 too.",
        ),
    },
];

/// The rules crate's tests that cite rules, scanned by [`citations`]: Rust sources whose table
/// test cases start their description with the rule id (`"RQ-01 CPL §119: …"`), and the scenario
/// expectations. When tests move to another file or a scenario is added, list it here.
pub const TEST_FILES: &[(&str, &str)] = &[
    ("crates/rules/src/tests.rs", include_str!("tests.rs")),
    (
        "crates/rules/tests/scenarios/01-criminal-summons.expect.json",
        include_str!("../tests/scenarios/01-criminal-summons.expect.json"),
    ),
    (
        "crates/rules/tests/scenarios/02-holiday-filing-review.expect.json",
        include_str!("../tests/scenarios/02-holiday-filing-review.expect.json"),
    ),
    (
        "crates/rules/tests/scenarios/03-center-minor.expect.json",
        include_str!("../tests/scenarios/03-center-minor.expect.json"),
    ),
    (
        "crates/rules/tests/scenarios/04-property-custody.expect.json",
        include_str!("../tests/scenarios/04-property-custody.expect.json"),
    ),
    (
        "crates/rules/tests/scenarios/05-incident-downgrade.expect.json",
        include_str!("../tests/scenarios/05-incident-downgrade.expect.json"),
    ),
    (
        "crates/rules/tests/scenarios/06-admin-penalty.expect.json",
        include_str!("../tests/scenarios/06-admin-penalty.expect.json"),
    ),
    (
        "crates/rules/tests/scenarios/07-month-arithmetic.expect.json",
        include_str!("../tests/scenarios/07-month-arithmetic.expect.json"),
    ),
    (
        "crates/rules/tests/scenarios/08-dropped-and-unfiled.expect.json",
        include_str!("../tests/scenarios/08-dropped-and-unfiled.expect.json"),
    ),
];

/// How often the tests cite a rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Citations {
    /// Test cases: string literals in `.rs` files that begin with the id and a space or a colon
    /// (`"RQ-01 CPL §119: …"`, `"RQ-01: …"`).
    pub cases: usize,
    /// Scenario expectations (`present` or `absent`) whose `"rule"` is the id, in
    /// `.expect.json` files.
    pub scenario_checks: usize,
}

/// Counts the citations of rule `id` in `files`, each a (file name, text).
pub fn citations(id: &str, files: &[(&str, &str)]) -> Citations {
    let mut found = Citations::default();
    for (name, text) in files {
        if name.ends_with(".rs") {
            found.cases += [' ', ':']
                .iter()
                .map(|after| text.matches(&format!("\"{id}{after}")).count())
                .sum::<usize>();
        } else if name.ends_with(".expect.json") {
            let quoted = format!("\"{id}\"");
            found.scenario_checks += text
                .split("\"rule\"")
                .skip(1)
                .filter(|rest| {
                    rest.trim_start()
                        .strip_prefix(':')
                        .is_some_and(|value| value.trim_start().starts_with(&quoted))
                })
                .count();
        }
    }
    found
}

/// A text as one Markdown table cell.
fn cell(text: &str) -> String {
    if text.is_empty() {
        return "—".into();
    }
    text.replace('|', "\\|").replace('\n', " ")
}

/// The command that rewrites `docs/rules.md`.
pub const REGENERATE: &str = "ZHIFA_BLESS=1 cargo test -p rules docs_rules_md_is_current";

/// The content of `docs/rules.md`: the catalog by family, with each rule's status and, for the
/// implemented ones, the tests citing them.
pub fn markdown() -> String {
    let count = |pick: fn(&Status) -> bool| {
        CATALOG
            .iter()
            .filter(|e| e.family != Family::Supervision && pick(&e.status))
            .count()
    };
    let own = CATALOG
        .iter()
        .filter(|e| e.family == Family::Supervision)
        .count();
    let core = count(|s| matches!(s, Status::Core));
    let beyond = count(|s| matches!(s, Status::Implemented(_)));
    let expressible = count(|s| matches!(s, Status::Expressible(_)));
    let not_expressible = count(|s| matches!(s, Status::NotExpressible(_)));
    let clock = count(|s| matches!(s, Status::Clock(_)));
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "# Supervision rules: the catalog and what Zhifa does with each\n"
    );
    let _ = writeln!(
        w,
        "Generated from `crates/rules/src/catalog.rs` by `rules::catalog::markdown()`: do not edit \
         this file. The rules and their cells (rule, basis, confidence, limits) are those of \
         `../shared/rules/catalog.md`, verbatim; the core set is `../shared/rules/README.md`'s, \
         and \"expressible\" means checkable with the facts of `../shared/FORMAT.md`. After \
         changing the catalog, the rules or their tests, regenerate it with\n\n    {REGENERATE}\n\n\
         (the test `docs_rules_md_is_current` fails while this file is out of date).\n"
    );
    let _ = writeln!(w, "## Summary\n");
    let _ = writeln!(w, "| status | rules |\n|---|---|");
    let _ = writeln!(w, "| 实现 implemented: the core set | {core} |");
    let _ = writeln!(w, "| 实现 implemented: beyond the core set | {beyond} |");
    let _ = writeln!(
        w,
        "| 可表达未实现 expressible with FORMAT.md's facts, not implemented (separately) | {expressible} |"
    );
    let _ = writeln!(
        w,
        "| 不可表达 not expressible with FORMAT.md's facts | {not_expressible} |"
    );
    let _ = writeln!(
        w,
        "| total | {} |",
        core + beyond + expressible + not_expressible
    );
    let _ = writeln!(w, "| 计时规则 clock rules (T-01…T-07) | {clock} |");
    let _ = writeln!(
        w,
        "| 督办 Zhifa's own rules about the supervision loop (DB-…, implemented) | {own} |\n"
    );
    let _ = writeln!(
        w,
        "For an implemented rule, *cases* counts the rules crate's table test cases whose \
         description starts with its id, and *scenario* the expectations naming it in \
         `crates/rules/tests/scenarios/*.expect.json`. Limits marked P are platform policy.\n"
    );
    for family in Family::ALL {
        let entries: Vec<&Entry> = CATALOG.iter().filter(|e| e.family == family).collect();
        let _ = write!(w, "## {}. {}", family.number(), family.heading());
        if family == Family::Clock {
            let _ = writeln!(w, "\n");
            let _ = writeln!(
                w,
                "| id | rule | status | basis | conf. |\n|---|---|---|---|---|"
            );
        } else {
            let _ = writeln!(w, " — {} rules\n", entries.len());
            let _ = writeln!(
                w,
                "| id | rule | status | basis | conf. | limits | cases | scenario |\n\
                 |---|---|---|---|---|---|---|---|"
            );
        }
        for e in entries {
            let status = match e.status {
                Status::Core => "实现 implemented".to_string(),
                Status::Implemented(check) => {
                    format!("实现 implemented (beyond the core set): {check}")
                }
                Status::Expressible(check) => format!("可表达未实现: {check}"),
                Status::NotExpressible(why) => format!("不可表达: {why}"),
                Status::Clock(how) => how.to_string(),
            };
            let _ = write!(
                w,
                "| {} | {} | {} | {} | {} |",
                e.id,
                cell(e.title),
                cell(&status),
                cell(e.basis),
                cell(e.confidence)
            );
            if family != Family::Clock {
                let tests = match e.status {
                    Status::Core | Status::Implemented(_) => {
                        let c = citations(e.id, TEST_FILES);
                        (c.cases.to_string(), c.scenario_checks.to_string())
                    }
                    _ => ("—".into(), "—".into()),
                };
                let _ = write!(w, " {} | {} | {} |", cell(e.limits), tests.0, tests.1);
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(w);
    }
    let _ = writeln!(w, "## Platform thresholds (P)\n");
    let _ = writeln!(
        w,
        "Limits no statute fixes (`crates/rules/src/thresholds.rs`): each unit may set its own, \
         for itself and the units below it, within the range. Days are exact 24 h periods \
         (\"after N d\"), except those counted as a day limit (the start day not counted).\n"
    );
    let _ = writeln!(
        w,
        "| key | rule | threshold | unit | default | range |\n|---|---|---|---|---|---|"
    );
    for s in crate::thresholds::SETTINGS {
        let _ = writeln!(
            w,
            "| `{}` | {} | {} | {} | {} | {}–{} |",
            s.key,
            s.rule,
            cell(s.what_zh),
            s.unit.label_zh(),
            s.default,
            s.min,
            s.max
        );
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_id_appears_once() {
        let mut seen = BTreeSet::new();
        for e in CATALOG {
            assert!(seen.insert(e.id), "{} appears twice", e.id);
        }
    }

    /// Catalog order: the families in section order, each numbered 01, 02, … with no gap.
    #[test]
    fn ids_are_in_catalog_order() {
        let mut previous: Option<&Entry> = None;
        for e in CATALOG {
            let (prefix, number) = e.id.split_once('-').expect("ids are PREFIX-NN");
            assert_eq!(
                prefix,
                e.family.prefix(),
                "{}: prefix of {:?}",
                e.id,
                e.family
            );
            let number: usize = number.parse().expect("ids end in a number");
            let expected = match previous {
                Some(p) if p.family == e.family => {
                    p.id.split_once('-').unwrap().1.parse::<usize>().unwrap() + 1
                }
                Some(p) => {
                    assert!(p.family < e.family, "{} comes after {}", e.id, p.id);
                    1
                }
                None => 1,
            };
            assert_eq!(number, expected, "{} out of order", e.id);
            previous = Some(e);
        }
    }

    /// The counts of the catalog's section headings ("— 6 rules"; "plus 7 clock rules" in its
    /// total line), and its total of 100.
    #[test]
    fn every_rule_of_every_family_is_present() {
        let headings = [
            (Family::Clock, 7),
            (Family::Incident, 6),
            (Family::AdminCase, 15),
            (Family::CriminalCase, 15),
            (Family::Measure, 17),
            (Family::Center, 11),
            (Family::Property, 14),
            (Family::File, 9),
            (Family::Special, 13),
            (Family::Supervision, 1),
        ];
        assert_eq!(headings.len(), Family::ALL.len());
        for (family, count) in headings {
            let found = CATALOG.iter().filter(|e| e.family == family).count();
            assert_eq!(found, count, "{family:?}");
        }
        let rules = CATALOG
            .iter()
            .filter(|e| !matches!(e.family, Family::Clock | Family::Supervision))
            .count();
        assert_eq!(rules, 100, "the catalog's own rules");
    }

    /// The core set and the rules implemented beyond it are together exactly `IMPLEMENTED`,
    /// with the same basis; the core set is README's 43.
    #[test]
    fn core_and_implemented_are_exactly_implemented() {
        let core: BTreeSet<&str> = CATALOG
            .iter()
            .filter(|e| e.status == Status::Core)
            .map(|e| e.id)
            .collect();
        let beyond: BTreeSet<&str> = CATALOG
            .iter()
            .filter(|e| matches!(e.status, Status::Implemented(_)))
            .map(|e| e.id)
            .collect();
        let implemented: BTreeSet<&str> = crate::IMPLEMENTED.iter().map(|r| r.id).collect();
        assert_eq!(core.len(), 43);
        assert_eq!(&core | &beyond, implemented);
        assert_eq!(
            crate::IMPLEMENTED.len(),
            implemented.len(),
            "IMPLEMENTED lists each rule once"
        );
        for rule in crate::IMPLEMENTED {
            assert_eq!(entry(rule.id).unwrap().basis, rule.basis, "{}", rule.id);
        }
    }

    /// Clock rules have a clock status and only they; every status text is given.
    #[test]
    fn statuses_fit_their_rules() {
        for e in CATALOG {
            match e.status {
                Status::Clock(text) => assert!(e.family == Family::Clock && !text.is_empty()),
                Status::Implemented(text)
                | Status::Expressible(text)
                | Status::NotExpressible(text) => {
                    assert!(e.family != Family::Clock && !text.is_empty(), "{}", e.id)
                }
                Status::Core => assert_ne!(e.family, Family::Clock),
            }
        }
    }

    #[test]
    fn citations_are_counted_by_description_and_by_expectation() {
        let files = [
            (
                "a.rs",
                r#"("RQ-01 CPL §119: one", ..., "RQ-01", ...), ("RQ-01: two", ...), ("RQ-011 x")"#,
            ),
            (
                "b.expect.json",
                r#"{"present": [{"rule": "RQ-01", "subject": "M1"}], "absent": [{"rule":"RQ-01"}, {"rule": "RQ-02"}]}"#,
            ),
            ("c.md", r#""RQ-01 not a test""#),
        ];
        assert_eq!(
            citations("RQ-01", &files),
            Citations {
                cases: 2,
                scenario_checks: 2
            }
        );
        // Every file listed is read, and each implemented rule is cited somewhere.
        for rule in crate::IMPLEMENTED {
            let c = citations(rule.id, TEST_FILES);
            assert!(
                c.cases + c.scenario_checks > 0,
                "{} is cited by no test",
                rule.id
            );
        }
    }

    #[test]
    fn docs_rules_md_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
        let want = markdown();
        if std::env::var("ZHIFA_BLESS").is_ok_and(|v| v == "1") {
            std::fs::write(&path, &want).expect("docs/rules.md written");
            return;
        }
        let Ok(have) = std::fs::read_to_string(&path) else {
            panic!("docs/rules.md is missing; generate it with: {REGENERATE}");
        };
        if have != want {
            let line = have
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| have.lines().count().min(want.lines().count()));
            panic!(
                "docs/rules.md differs from rules::catalog::markdown() (first at line {}); \
                 regenerate it with: {REGENERATE}",
                line + 1
            );
        }
    }
}
