//! 讯询问: CS-05, TS-01, TS-02.

use domain::elements::{Gender, Interrogation};

use crate::cx::Cx;

pub(crate) fn evaluate(cx: &mut Cx, i: &Interrogation) {
    let subject = i.id.as_str();
    // TS-01 / TS-02: a minor with a guardian, a girl with female staff present.
    if let Some(person) = cx.world.persons.get(&i.person)
        && let Some(age) = person.age_on(i.started_at.china_date())
        && age < 18
    {
        if !i.guardian_present {
            cx.prohibited(
                "TS-01",
                subject,
                format!("{}时年{age}周岁，法定代理人或合适成年人未到场", person.name),
            );
        }
        if person.gender == Gender::Female && !i.female_staff_present {
            cx.prohibited(
                "TS-02",
                subject,
                format!("{}时年{age}周岁，无女性工作人员在场", person.name),
            );
        }
    }
    // CS-05: at least two officers who are not auxiliaries.
    let sworn = i
        .officers
        .iter()
        .filter(|o| cx.world.officers.get(*o).is_some_and(|o| !o.auxiliary))
        .count();
    if sworn < 2 {
        cx.prohibited("CS-05", subject, format!("在场正式民警{sworn}名"));
    }
}
