//! Actions the UI and API block before they happen (better than a warning afterwards), unless
//! the user overrides with a reason that is recorded in the fact. Import never consults this:
//! the ledger records what happened, and supervision finds it.

use crate::elements::*;
use crate::fact::{Fact, FactBody};
use crate::world::World;

/// One reason an action is prohibited, naming the catalog rule it would breach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prohibition {
    /// Catalog id (`XS-04`).
    pub rule: &'static str,
    pub message_zh: String,
    pub message_en: String,
}

fn prohibition(rule: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Prohibition {
    Prohibition {
        rule,
        message_zh: zh.into(),
        message_en: en.into(),
    }
}

/// Measures that 刑规 §174 bans before a criminal case is filed.
fn banned_before_filing(kind: MeasureKind) -> bool {
    matches!(
        kind,
        MeasureKind::CompelledAppearance
            | MeasureKind::CriminalDetention
            | MeasureKind::Arrest
            | MeasureKind::Bail
            | MeasureKind::ResidentialSurveillance
    )
}

/// Whether a person is one the law protects from holding rooms and long questioning: under 16,
/// 70 or over, pregnant or nursing an infant (rules/README.md, RQ-03 and CS-07).
pub fn is_protected(person: &Person, on: jiff::civil::Date) -> bool {
    let age = person.age_on(on);
    age.is_some_and(|a| !(16..70).contains(&a))
        || person
            .flags
            .iter()
            .any(|f| matches!(f, PersonFlag::Pregnant | PersonFlag::NursingInfant))
}

/// What would be prohibited if `fact` were recorded now (checked against `world` before it).
pub fn prohibitions(world: &World, fact: &Fact) -> Vec<Prohibition> {
    use FactBody::*;
    let mut found = Vec::new();
    match &fact.body {
        MeasureStarted(p) => {
            if let Some(case) = world.cases.get(&p.case)
                && case.kind == CaseKind::Criminal
                && case.filed_at.is_none()
                && banned_before_filing(p.kind)
            {
                found.push(prohibition(
                    "XS-04",
                    format!(
                        "案件未立案，不得采取{}（《公安机关办理刑事案件程序规定》第一百七十四条）",
                        p.kind.label()
                    ),
                    "coercive measures are banned before a criminal case is filed (刑规 §174)",
                ));
            }
        }
        PropertySeized(p) => {
            if let Some(case) = world.cases.get(&p.case) {
                let unfiled_criminal = case.kind == CaseKind::Criminal && case.filed_at.is_none();
                if unfiled_criminal {
                    found.push(prohibition(
                        "CW-14",
                        "刑事案件未立案，不得扣押、查封、冻结财物（刑规第一百七十四条）",
                        "property may not be seized before a criminal case is filed",
                    ));
                }
            }
        }
        PropertyStored(p) => {
            if let Some(item) = world.properties.get(&p.id)
                && item.seized_by == p.custodian
            {
                found.push(prohibition(
                    "CW-02",
                    "办案民警不得自行保管其扣押的财物，应移交涉案财物管理员（《公安机关涉案财物管理若干规定》）",
                    "the seizing officer may not be the custodian",
                ));
            }
        }
        InterrogationHeld(p) => {
            let sworn = p
                .officers
                .iter()
                .filter(|o| world.officers.get(*o).is_some_and(|o| !o.auxiliary))
                .count();
            if sworn < 2 {
                found.push(prohibition(
                    "CS-05",
                    "讯问、询问应由两名以上人民警察进行，辅警不计入（刑事诉讼法第一百一十八条）",
                    "questioning needs at least two sworn officers; auxiliaries do not count",
                ));
            }
            if let Some(person) = world.persons.get(&p.person) {
                let date = fact.at.china_date();
                if person.age_on(date).is_some_and(|a| a < 18) {
                    if !p.guardian_present {
                        found.push(prohibition(
                            "TS-01",
                            "讯问、询问未成年人应通知法定代理人或合适成年人到场（刑事诉讼法第二百八十一条）",
                            "a guardian or appropriate adult must be present for a minor",
                        ));
                    }
                    if person.gender == Gender::Female && !p.female_staff_present {
                        found.push(prohibition(
                            "TS-02",
                            "讯问、询问未成年女性应有女性工作人员在场（刑事诉讼法第二百八十一条）",
                            "a female officer must be present for a female minor",
                        ));
                    }
                }
            }
        }
        CaseDecided(p) => {
            let Some(case) = world.cases.get(&p.id) else {
                return found;
            };
            for penalty in &p.penalties {
                if !case
                    .prior_notices
                    .iter()
                    .any(|n| n.person == penalty.person)
                {
                    found.push(prohibition(
                        "XZ-06",
                        format!("未向{}履行处罚前告知，不得作出处罚决定（行政处罚法第四十四条、第六十二条）", penalty.person),
                        "no penalty without prior notice to the person",
                    ));
                }
            }
            if p.penalties.iter().any(|x| x.kind == PenaltyKind::Detention) {
                if !case.reviews.iter().any(|r| r.passed) {
                    found.push(prohibition(
                        "XZ-08",
                        "行政拘留决定须先经法制审核（行政处罚法第五十八条）",
                        "detention needs a legal review first",
                    ));
                }
                if world
                    .units
                    .get(&p.decided_by_unit)
                    .is_some_and(|u| matches!(u.level, UnitLevel::Station))
                {
                    found.push(prohibition(
                        "XZ-08",
                        "派出所无权决定行政拘留，应由县级以上公安机关决定（治安管理处罚法）",
                        "a station may not decide detention",
                    ));
                }
            }
        }
        CaseDropped(p) => {
            let detained = world
                .measures
                .values()
                .any(|m| m.case == p.id && m.ended.is_none() && m.kind.is_criminal_custody());
            if detained {
                found.push(prohibition(
                    "XS-09",
                    "撤销案件前应先释放在押犯罪嫌疑人、解除强制措施（刑规第一百八十六条至第一百八十九条）",
                    "release detained suspects before dropping the case",
                ));
            }
        }
        CustodyPlaced(p) => {
            if p.room_kind == RoomKind::Holding
                && let Some(stay) = world.stays.get(&p.id)
                && let Some(person) = world.persons.get(&stay.person)
                && is_protected(person, fact.at.china_date())
            {
                found.push(prohibition(
                    "CS-07",
                    "未成年人、七十周岁以上老年人、孕妇、哺乳期妇女不得安排在候问室",
                    "protected persons may not be placed in a holding room",
                ));
            }
        }
        CustodyExited(p) => {
            if matches!(
                p.destination,
                Destination::DetentionHouse | Destination::DetentionCenter
            ) && let Some(stay) = world.stays.get(&p.id)
            {
                let held = world.measures.values().any(|m| {
                    m.person == stay.person
                        && m.ended.is_none()
                        && matches!(
                            m.kind,
                            MeasureKind::CriminalDetention
                                | MeasureKind::Arrest
                                | MeasureKind::AdminDetention
                        )
                });
                if !held {
                    found.push(prohibition(
                        "CS-10",
                        "无刑事拘留、逮捕或行政拘留决定，不得送押",
                        "no detention measure for the person",
                    ));
                }
            }
        }
        _ => {}
    }
    found
}
