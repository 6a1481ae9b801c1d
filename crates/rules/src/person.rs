//! 特殊群体 (the person): TS-04, TS-05, TS-07, TS-09.

use domain::At;
use domain::elements::{Case, CaseKind, MeasureKind, Person, PersonFlag, PersonRole};
use domain::legal_time::{Level, Limit, Moves};

use crate::cx::Cx;

pub(crate) fn evaluate(cx: &mut Cx, person: &Person) {
    let subject = person.id.as_str();
    let world = cx.world;
    let suspect_in = |kinds: &[CaseKind]| -> Vec<&Case> {
        person
            .links
            .iter()
            .filter(|l| l.role == PersonRole::Suspect)
            .filter_map(|l| world.cases.get(&l.case))
            .filter(|c| kinds.contains(&c.kind))
            .collect()
    };
    // TS-04: legal aid notified within 3 d of the first interrogation or measure, for a
    // criminal suspect under 18, blind, deaf, mute or mental.
    let criminal = suspect_in(&[CaseKind::Criminal]);
    if !criminal.is_empty() && person.legal_aid.is_empty() {
        let now = cx.now;
        let first = cx
            .interrogations_of_person(&person.id)
            .map(|i| i.started_at)
            .chain(cx.measures_of_person(&person.id).map(|m| m.started_at))
            .filter(|at| at.instant() <= now)
            .min();
        if let Some(first) = first {
            let minor = person.age_on(first.china_date()).is_some_and(|a| a < 18);
            let disabled = person.flags.iter().any(|f| {
                matches!(
                    f,
                    PersonFlag::Blind | PersonFlag::Deaf | PersonFlag::Mute | PersonFlag::Mental
                )
            });
            if minor || disabled {
                let due = cx.due(first.instant(), Limit::Days(3), Moves::PastRestDays);
                cx.deadline("TS-04", subject, due, false);
            }
        }
    }
    // TS-05: an application for legal aid on a criminal case forwarded to the legal-aid agency
    // (`legal_aid.notified` on the case, at or after it) within 24 h (刑规 §47, 法援法 §39).
    let unforwarded = person
        .legal_aid_requests
        .iter()
        .filter(|r| {
            world
                .cases
                .get(&r.case)
                .is_some_and(|c| c.kind == CaseKind::Criminal)
                && !person
                    .legal_aid
                    .iter()
                    .any(|n| n.case == r.case && n.at >= r.at)
        })
        .map(|r| r.at)
        .min();
    if let Some(asked) = unforwarded {
        let due = cx.due(asked.instant(), Limit::Hours(24), Moves::Never);
        cx.deadline("TS-05", subject, due, false);
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
            cx.finding("TS-07", subject, Level::Yellow, || {
                format!(
                    "{}于案件{}受案时临近{years}周岁（出生日期{birth}）",
                    person.name, case.id
                )
            });
        }
    }
    // TS-09: no penalty under 14 (at the case's acceptance, standing in for the act); no
    // administrative detention executed on the exempt.
    let mut wrong = Vec::new();
    for case in cx.cases_penalising(&person.id) {
        let penalised = case
            .decision
            .iter()
            .flat_map(|d| &d.penalties)
            .any(|p| p.person == person.id);
        if let Some(age) = person.age_on(case.accepted_at.china_date())
            && age < 14
            && penalised
        {
            wrong.push(format!("案件{}受案时{age}周岁，被给予行政处罚", case.id));
        }
    }
    for m in cx
        .measures_of_person(&person.id)
        .filter(|m| m.kind == MeasureKind::AdminDetention)
    {
        if let Some(case) = world.cases.get(&m.case)
            && let Some(why) = detention_not_executed(person, case, m.started_at)
        {
            wrong.push(format!(
                "{}，于{}被执行行政拘留（{}）",
                why,
                m.started_at.display_china(),
                m.id
            ));
        }
    }
    if !wrong.is_empty() {
        cx.prohibited("TS-09", subject, || {
            format!("{}：{}", person.name, wrong.join("；"))
        });
    }
}

/// Why an administrative detention decided on a person in a case is not executed (治安法12 §21,
/// TS-09), if it is not: under 16 at the case's acceptance (standing in for the act), 70 or over
/// at `at` (the execution or the decision), pregnant or nursing an infant.
pub(crate) fn detention_not_executed(person: &Person, case: &Case, at: At) -> Option<String> {
    if let Some(age) = person.age_on(case.accepted_at.china_date())
        && age < 16
    {
        return Some(format!("案件{}受案时{age}周岁", case.id));
    }
    if let Some(age) = person.age_on(at.china_date())
        && age >= 70
    {
        return Some(format!("{age}周岁"));
    }
    person
        .flags
        .iter()
        .find(|f| matches!(f, PersonFlag::Pregnant | PersonFlag::NursingInfant))
        .map(|f| f.label().to_string())
}
