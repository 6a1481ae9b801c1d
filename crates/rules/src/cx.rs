//! The evaluation context: the world, its links, the time, the thresholds in force, and what
//! one element's rules found. Every deadline a rule computes passes through here, so the
//! context also learns when the element must be looked at again (`next_due`): the next instant
//! at which a level band begins.

use std::cell::Cell;

use domain::World;
use domain::elements::{
    Case, Document, Incident, Interrogation, Measure, PersonRole, Property, Stay,
};
use domain::ids::{CaseId, PersonId, UnitId};
use domain::legal_time::{Due, Level, Limit, Moves, due, level, next_change};
use jiff::Timestamp;

use crate::links::{Links, Related, Tag};
use crate::thresholds::{Policy, Thresholds};
use crate::{LevelCode, Warning, rule};

/// One element's evaluation in progress.
pub(crate) struct Cx<'a> {
    pub world: &'a World,
    pub links: &'a Links,
    pub policy: &'a Policy,
    pub now: Timestamp,
    /// The earliest instant after `now` at which a finding may appear or change level.
    pub next: Option<Timestamp>,
    pub found: Vec<Warning>,
    /// Whether warnings carry their explanation (message and due time). The live engine
    /// compares levels only and asks for explanations of what changed: formatting dates and
    /// messages costs more than evaluating the rules.
    pub explain: bool,
    /// The case and the person whose related elements were looked up last: an element's rules
    /// ask for the same case's or person's several times (its measures, then its stays, …),
    /// and each lookup by id was a hash probe, in a province a cache miss or two.
    last_case: Cell<Option<(&'a CaseId, &'a Related)>>,
    last_person: Cell<Option<(&'a PersonId, &'a Related)>>,
}

impl<'a> Cx<'a> {
    pub fn new(world: &'a World, links: &'a Links, policy: &'a Policy, now: Timestamp) -> Self {
        Cx {
            world,
            links,
            policy,
            now,
            next: None,
            found: Vec::new(),
            explain: true,
            last_case: Cell::new(None),
            last_person: Cell::new(None),
        }
    }

    /// The elements related to a case.
    fn of_case(&self, id: &CaseId) -> Option<&'a Related> {
        remembered(&self.last_case, id, || self.links.case_entry(id))
    }

    /// The elements related to a person.
    fn of_person(&self, id: &PersonId) -> Option<&'a Related> {
        remembered(&self.last_person, id, || self.links.person_entry(id))
    }

    /// The platform thresholds (P) in force for a unit.
    pub fn p(&self, unit: Option<&UnitId>) -> &'a Thresholds {
        self.policy.for_unit(unit)
    }

    /// A due time from this world's calendar.
    pub fn due(&self, anchor: Timestamp, limit: Limit, moves: Moves) -> Due {
        due(anchor, limit, moves, &self.world.calendar)
    }

    /// A day limit whose clock stands still during `excluded` (T-06).
    pub fn due_excluding(
        &self,
        anchor: Timestamp,
        days: u32,
        moves: Moves,
        excluded: &[(jiff::civil::Date, jiff::civil::Date)],
    ) -> Due {
        domain::legal_time::due_excluding(anchor, days, moves, &self.world.calendar, excluded)
    }

    /// Looks again at `at`, if it is still to come.
    pub fn wake(&mut self, at: Timestamp) {
        if at > self.now && self.next.is_none_or(|next| at < next) {
            self.next = Some(at);
        }
    }

    /// A deadline: a warning at the level of its band, if any; wakes at the next band.
    pub fn deadline(&mut self, id: &'static str, subject: &str, due: Due, custody: bool) {
        let found = self.banded(id, subject, &due, custody);
        self.found.extend(found);
    }

    /// A deadline's warning at the level of its band, not yet kept (so that a rule with two
    /// deadlines can report the higher, `highest`); wakes at the next band.
    pub fn banded(
        &mut self,
        id: &'static str,
        subject: &str,
        due: &Due,
        custody: bool,
    ) -> Option<Warning> {
        if let Some(next) = next_change(due, self.now, custody) {
            self.wake(next);
        }
        let explain = self.explain;
        level(due, self.now, custody).map(|found| deadline_at(id, subject, due, found, explain))
    }

    /// A threshold with one level, reached when it passes ("yellow when passed"): the warning,
    /// not yet kept, so that a rule with two thresholds can report the higher one.
    pub fn passed(
        &mut self,
        id: &'static str,
        subject: &str,
        due: &Due,
        at: Level,
    ) -> Option<Warning> {
        self.wake(due.at);
        (self.now >= due.at).then(|| deadline_at(id, subject, due, at, self.explain))
    }

    /// Keeps the highest of some warnings of one rule.
    pub fn highest(&mut self, warnings: impl IntoIterator<Item = Option<Warning>>) {
        self.found
            .extend(warnings.into_iter().flatten().max_by_key(|w| w.level));
    }

    /// A finding about what happened (a prohibition, a downgrade): at its level at once, no
    /// deadline.
    pub fn finding(
        &mut self,
        id: &'static str,
        subject: &str,
        level: Level,
        what_zh: impl FnOnce() -> String,
    ) {
        let found = self.found_at(id, subject, level, what_zh);
        self.found.push(found);
    }

    /// A finding's warning, not yet kept.
    pub fn found_at(
        &self,
        id: &'static str,
        subject: &str,
        level: Level,
        what_zh: impl FnOnce() -> String,
    ) -> Warning {
        finding_at(id, subject, level, what_zh, self.explain)
    }

    /// A prohibition found: red at once.
    pub fn prohibited(
        &mut self,
        id: &'static str,
        subject: &str,
        what_zh: impl FnOnce() -> String,
    ) {
        self.finding(id, subject, Level::Red, what_zh);
    }

    pub fn measures_of_case(&self, id: &CaseId) -> impl Iterator<Item = &'a Measure> + use<'a> {
        elements(
            self.of_case(id).map(|r| r.of(Tag::Measure)),
            &self.world.measures,
        )
    }

    pub fn interrogations_of_case(
        &self,
        id: &CaseId,
    ) -> impl Iterator<Item = &'a Interrogation> + use<'a> {
        elements(
            self.of_case(id).map(|r| r.of(Tag::Interrogation)),
            &self.world.interrogations,
        )
    }

    pub fn properties_of_case(&self, id: &CaseId) -> impl Iterator<Item = &'a Property> + use<'a> {
        elements(
            self.of_case(id).map(|r| r.of(Tag::Property)),
            &self.world.properties,
        )
    }

    pub fn documents(&self, id: &CaseId) -> impl Iterator<Item = &'a Document> + use<'a> {
        elements(
            self.of_case(id).map(|r| r.of(Tag::Document)),
            &self.world.documents,
        )
    }

    pub fn measures_of_person(&self, id: &PersonId) -> impl Iterator<Item = &'a Measure> + use<'a> {
        elements(
            self.of_person(id).map(|r| r.of(Tag::Measure)),
            &self.world.measures,
        )
    }

    pub fn interrogations_of_person(
        &self,
        id: &PersonId,
    ) -> impl Iterator<Item = &'a Interrogation> + use<'a> {
        elements(
            self.of_person(id).map(|r| r.of(Tag::Interrogation)),
            &self.world.interrogations,
        )
    }

    pub fn stays_of_person(&self, id: &PersonId) -> impl Iterator<Item = &'a Stay> + use<'a> {
        elements(
            self.of_person(id).map(|r| r.of(Tag::Stay)),
            &self.world.stays,
        )
    }

    pub fn suspects(&self, id: &CaseId) -> &'a [PersonId] {
        self.links.suspects(id)
    }

    /// The persons linked to a case in any of `roles`, each once, in the order linked.
    pub fn linked(&self, id: &CaseId, roles: &[PersonRole]) -> Vec<&'a PersonId> {
        let mut found: Vec<&PersonId> = Vec::new();
        for (n, role) in self.of_case(id).into_iter().flat_map(|r| r.linked()) {
            if roles.contains(&role)
                && let Some((person, _)) = self.world.persons.get_index(n as usize)
                && !found.contains(&person)
            {
                found.push(person);
            }
        }
        found
    }

    /// The cases whose decision penalises a person.
    pub fn cases_penalising(&self, id: &PersonId) -> impl Iterator<Item = &'a Case> + use<'a> {
        elements(
            self.of_person(id).map(|r| r.of(Tag::PenalisedIn)),
            &self.world.cases,
        )
    }

    /// The officers among `officers` defined male, by id.
    pub fn men<'o>(&self, officers: &'o [domain::ids::OfficerId]) -> Vec<&'o str> {
        officers
            .iter()
            .filter(|o| {
                self.world
                    .officers
                    .get(*o)
                    .is_some_and(|o| o.gender == domain::elements::Gender::Male)
            })
            .map(|o| o.as_str())
            .collect()
    }

    /// Whether a document of `kind` on a case was served on a person at or after `from`.
    pub fn served(&self, case: &CaseId, kind: &str, person: &PersonId, from: domain::At) -> bool {
        self.first_service(case, kind, person, from).is_some()
    }

    /// When a document of `kind` on a case was first served on a person at or after `from`.
    pub fn first_service(
        &self,
        case: &CaseId,
        kind: &str,
        person: &PersonId,
        from: domain::At,
    ) -> Option<domain::At> {
        self.documents(case)
            .filter(|d| d.kind == kind)
            .flat_map(|d| &d.served)
            .filter(|s| s.to == *person && s.at >= from)
            .map(|s| s.at)
            .min()
    }

    /// Whether a document of `kind` on a case names `subject` (a measure, an item) and was
    /// issued at or after `from`.
    pub fn issued_naming(
        &self,
        case: &CaseId,
        kind: &str,
        subject: &str,
        from: domain::At,
    ) -> bool {
        self.documents(case)
            .any(|d| d.kind == kind && d.subject.as_deref() == Some(subject) && d.issued_at >= from)
    }

    /// The incidents whose disposal names a case.
    pub fn incidents_of_case(&self, id: &CaseId) -> impl Iterator<Item = &'a Incident> + use<'a> {
        elements(
            self.of_case(id).map(|r| r.of(Tag::Incident)),
            &self.world.incidents,
        )
    }
}

/// `id`'s related elements: those of `last` if it is `id`'s, else `find`'s, then kept in `last`.
fn remembered<'a, K: PartialEq>(
    last: &Cell<Option<(&'a K, &'a Related)>>,
    id: &K,
    find: impl FnOnce() -> Option<(&'a K, &'a Related)>,
) -> Option<&'a Related> {
    if let Some((key, related)) = last.get()
        && key == id
    {
        return Some(related);
    }
    let found = find()?;
    last.set(Some(found));
    Some(found.1)
}

/// The elements of `map` at the positions listed (in a case's or a person's `Related`).
fn elements<'a, K, V>(
    positions: Option<impl Iterator<Item = crate::links::Pos> + 'a>,
    map: &'a domain::world::ElementMap<K, V>,
) -> impl Iterator<Item = &'a V> + 'a {
    positions
        .into_iter()
        .flatten()
        .filter_map(move |n| map.get_index(n as usize).map(|(_, v)| v))
}

/// The fact a deadline rule counts from, in Chinese: the explanation names it beside its time.
pub(crate) fn anchor_zh(id: &str) -> &'static str {
    match id {
        "JQ-02" => "派警（到达时限）或接警（处置时限）",
        "JQ-04" => "接警",
        "XZ-02" | "XS-01" => "受案",
        "XZ-03" => "立案（未记录立案的以受案计）",
        "XZ-04" => "嫌疑人到案",
        "XZ-15" => "伤害案件受案",
        "XS-05" => "不予立案决定",
        "XS-08" => "最后一次侦查活动（无则立案）",
        "XS-06" => "收到检察机关要求说明不立案理由或通知立案的通知",
        "XS-10" => "移送审查起诉",
        "XS-11" => "收到检察机关退回补充侦查",
        "XS-12" => "收到不批准逮捕或不起诉决定",
        "XS-14" => "伤情鉴定意见",
        "XZ-07" => "收到听证申请",
        "XZ-10" => "当场收缴罚款（缴付银行：交至所属机关）",
        "JQ-01" => "接受报案",
        "XS-03" => "移送机关申请复议（补正通知：受案）",
        "XS-07" => "审查发现不属本单位管辖（书面通知：移送管辖）",
        "JQ-03" => "认定不属本单位管辖或不属公安机关职责",
        "CW-11" => "认定财物权属明确或易腐烂变质",
        "XZ-11" => {
            "行政复议、行政诉讼期限届满（处罚决定送达后6个月；未记录送达的，作出决定后6个月）"
        }
        "XZ-12" => "收到暂缓执行行政拘留申请",
        "XS-15" => "批准采取技术侦查措施（延长的，上次有效期届满）",
        "RQ-01" | "RQ-02" | "RQ-03" | "CS-01" => "到案",
        "RQ-04" | "RQ-07" => "刑事拘留",
        "RQ-05" | "RQ-06" | "JZ-04" => "刑事拘留或逮捕",
        "RQ-08" | "RQ-09" => "逮捕",
        "RQ-11" => "行政拘留入所（交付拘留所，未交付则开始执行）",
        "RQ-12" => "收到变更强制措施申请或检察机关建议",
        "RQ-13" => "取保候审",
        "RQ-14" => "监视居住",
        "RQ-15" => "作出行政拘留决定",
        "RQ-16" => "决定强制隔离戒毒或社区戒毒（通知家属：送达决定书或送所执行）",
        "RQ-17" => "当场采取约束",
        "RQ-10" => "批准重新计算侦查羁押期限（逾期报批：发现另有重要罪行）",
        "CS-02" => "进入办案中心",
        "CS-03" => "依据措施的到案（无依据措施则进入办案中心）",
        "CS-06" => "进入办案中心或上次就餐",
        "CS-11" => "在区人员死亡",
        "CW-01" | "CW-04" => "扣押、查封、冻结或先行登记保存",
        "CW-05" => "认定与案件无关",
        "CW-06" => "扣押、查封决定",
        "CW-07" => "先行登记保存",
        "CW-08" | "CW-09" => "冻结",
        "CW-12" => "案件办结（作出决定、撤销案件或结案）",
        "CW-13" => "发布招领公告",
        "JZ-01" => "作出处罚决定",
        "JZ-02" => "作出决定",
        "JZ-03" => "收到鉴定意见",
        "JZ-07" => "结案",
        "TS-04" => "首次讯问或采取强制措施",
        "TS-05" => "收到法律援助申请",
        "TS-13" => "对外国人采取刑事拘留或逮捕",
        _ => "见规则说明",
    }
}

/// A deadline warning at a given level.
pub(crate) fn deadline_at(
    id: &'static str,
    subject: &str,
    due: &Due,
    level: Level,
    explain: bool,
) -> Warning {
    let rule = rule(id);
    if !explain {
        return unexplained(id, subject, level);
    }
    Warning {
        rule: id,
        level: LevelCode::from(level),
        subject: subject.to_string(),
        element: rule.element.as_str(),
        due: Some(domain::At::china(due.at).to_string()),
        basis: rule.basis,
        message: format!(
            "【{}】{}：{}（起算事实：{}；{}），依据{}",
            level.label_zh(),
            id,
            rule.duty_zh,
            anchor_zh(id),
            due.explain_zh(),
            rule.basis
        ),
    }
}

/// A finding's warning (a prohibition, a downgrade), at its level, with no deadline.
pub(crate) fn finding_at(
    id: &'static str,
    subject: &str,
    level: Level,
    what_zh: impl FnOnce() -> String,
    explain: bool,
) -> Warning {
    let rule = rule(id);
    if !explain {
        return unexplained(id, subject, level);
    }
    let what_zh = what_zh();
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

/// A warning without its explanation: rule, level, subject and basis only.
pub(crate) fn unexplained(id: &'static str, subject: &str, level: Level) -> Warning {
    let rule = rule(id);
    Warning {
        rule: id,
        level: level.into(),
        subject: subject.to_string(),
        element: rule.element.as_str(),
        due: None,
        basis: rule.basis,
        message: String::new(),
    }
}
