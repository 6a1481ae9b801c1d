//! 讯询问: CS-04, CS-05, CS-09, XS-13, TS-01, TS-02, TS-03, TS-12, JZ-06.

use domain::elements::{
    CaseKind, Facility, Gender, Interrogation, InterrogationKind, PersonFlag, PersonRole, RoomKind,
};
use domain::legal_time::Level;

use crate::cx::Cx;

pub(crate) fn evaluate(cx: &mut Cx, i: &Interrogation) {
    let subject = i.id.as_str();
    let person = cx.world.persons.get(&i.person);
    let case = cx.world.cases.get(&i.case);
    let age = person.and_then(|p| p.age_on(i.started_at.china_date()));
    // TS-01 / TS-02: a minor with a guardian, a girl with female staff present.
    if let Some(person) = person
        && let Some(age) = age
        && age < 18
    {
        if !i.guardian_present {
            cx.prohibited("TS-01", subject, || {
                format!("{}时年{age}周岁，法定代理人或合适成年人未到场", person.name)
            });
        }
        if person.gender == Gender::Female && !i.female_staff_present {
            cx.prohibited("TS-02", subject, || {
                format!("{}时年{age}周岁，无女性工作人员在场", person.name)
            });
        }
    }
    // TS-12: a deaf or mute person questioned with a sign-language interpreter (CPL §121).
    if let Some(person) = person
        && !i.interpreter_present
        && let Some(flag) = person
            .flags
            .iter()
            .find(|f| matches!(f, PersonFlag::Deaf | PersonFlag::Mute))
    {
        cx.prohibited("TS-12", subject, || {
            format!("{}为{}，未记录通晓手语的人参加", person.name, flag.label())
        });
    }
    // TS-03: a minor victim or witness of sexual or violent harm questioned with audio and
    // video (red without), in one session if possible (a later session is yellow).
    if let (Some(person), Some(case), Some(age)) = (person, case, age)
        && age < 18
        && case.sexual_or_violent
        && cx
            .linked(&case.id, &[PersonRole::Victim, PersonRole::Witness])
            .contains(&&i.person)
    {
        let session = 1 + cx
            .interrogations_of_person(&i.person)
            .filter(|o| o.case == i.case && (o.started_at, &o.id) < (i.started_at, &i.id))
            .count();
        let no_av = (!i.av_recorded).then(|| {
            cx.found_at("TS-03", subject, Level::Red, || {
                format!(
                    "性侵害、暴力伤害案件询问{}周岁的{}（第{session}次），未同步录音录像",
                    age, person.name
                )
            })
        });
        let again = (session > 1).then(|| {
            cx.found_at("TS-03", subject, Level::Yellow, || {
                format!(
                    "性侵害、暴力伤害案件第{session}次询问{}周岁的{}，应尽量一次完成",
                    age, person.name
                )
            })
        });
        cx.highest([no_av, again]);
    }
    // CS-05: at least two officers who are not auxiliaries.
    let sworn = i
        .officers
        .iter()
        .filter(|o| cx.world.officers.get(*o).is_some_and(|o| !o.auxiliary))
        .count();
    if sworn < 2 {
        cx.prohibited("CS-05", subject, || format!("在场正式民警{sworn}名"));
    }
    let criminal_interrogation = i.kind == InterrogationKind::Interrogation
        && case.is_some_and(|c| c.kind == CaseKind::Criminal);
    // XS-13 (录像规定 §4): interrogating a minor, or a blind, deaf, mute or mentally ill suspect,
    // on a criminal case is recorded on audio and video.
    if criminal_interrogation && !i.av_recorded {
        let flag = person.and_then(|p| {
            p.flags.iter().find(|f| {
                matches!(
                    f,
                    PersonFlag::Blind | PersonFlag::Deaf | PersonFlag::Mute | PersonFlag::Mental
                )
            })
        });
        let why = match (age, flag) {
            (Some(age), _) if age < 18 => Some(format!("{age}周岁")),
            (_, Some(flag)) => Some(flag.label().to_string()),
            _ => None,
        };
        if let Some(why) = why {
            cx.prohibited("XS-13", subject, || {
                format!("讯问{}的犯罪嫌疑人，未同步录音录像", why)
            });
        }
    }
    if let Some(stay) = i.stay.as_ref().and_then(|s| cx.world.stays.get(s)) {
        // CS-09: questioning in the case-handling center is recorded on audio and video.
        if !i.av_recorded {
            cx.prohibited("CS-09", subject, || {
                format!("在办案中心（在区记录{}）讯询问，无录音录像", stay.id)
            });
        }
        // CS-04: not questioned in the center once held in the detention house; interrogated
        // in an interrogation room.
        let mut wrong = Vec::new();
        if let Some(held) = cx.measures_of_person(&i.person).find(|m| {
            m.kind.is_criminal_custody()
                && m.delivered.as_ref().is_some_and(|(at, facility)| {
                    *facility == Facility::DetentionHouse && *at <= i.started_at
                })
                && m.ended.as_ref().is_none_or(|(at, _)| *at > i.started_at)
        }) {
            wrong.push(format!(
                "已送看守所羁押（{}{}），仍在办案中心讯询问",
                held.kind.label(),
                held.id
            ));
        }
        if i.kind == InterrogationKind::Interrogation
            && let Some(placed) = stay
                .placements
                .iter()
                .filter(|p| p.at <= i.started_at)
                .max_by_key(|p| p.at)
            && placed.room_kind != RoomKind::Interrogation
        {
            wrong.push(format!(
                "讯问时所在房间为{}（{}），非讯问室",
                placed.room,
                placed.room_kind.label()
            ));
        }
        if !wrong.is_empty() {
            cx.prohibited("CS-04", subject, || wrong.join("；"));
        }
    }
    // JZ-06: the first interrogation of a person on a criminal case, with the notice of rights
    // served on the person by its end: red once it has ended without.
    if criminal_interrogation {
        let first = cx
            .interrogations_of_person(&i.person)
            .filter(|o| o.case == i.case && o.kind == InterrogationKind::Interrogation)
            .min_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)))
            .is_some_and(|first| first.id == i.id);
        if first {
            if cx.now < i.ended_at.instant() {
                cx.wake(i.ended_at.instant());
            } else if !cx.documents(&i.case).any(|d| {
                d.kind == crate::documents::RIGHTS_NOTICE
                    && d.served
                        .iter()
                        .any(|s| s.to == i.person && s.at <= i.ended_at)
            }) {
                cx.prohibited("JZ-06", subject, || {
                    format!(
                        "第一次讯问于{}结束，未见向犯罪嫌疑人送达诉讼权利义务告知书",
                        i.ended_at.display_china()
                    )
                });
            }
        }
    }
}
