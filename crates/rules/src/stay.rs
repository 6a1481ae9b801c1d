//! 办案中心: CS-02, CS-03, CS-06, CS-07, CS-08, CS-10, CS-11, TS-06.

use domain::At;
use domain::elements::{
    Destination, MeasureKind, Person, PersonFlag, PersonRole, RoomKind, Stay, StayIncidentKind,
};
use domain::legal_time::{Level, Limit, Moves};
use jiff::Timestamp;

use crate::cx::Cx;
use crate::links::{Pos, shared_times};
use crate::measure::questioning_due;
use crate::thresholds::P;

pub(crate) fn evaluate(cx: &mut Cx, s: &Stay) {
    let subject = s.id.as_str();
    let p = cx.p(Some(&s.center));
    if !s.incidents.is_empty() {
        incidents(cx, s);
    }
    // CS-07: no holding room for the under-16, the 70-or-over, the pregnant or nursing.
    if let Some(person) = cx.world.persons.get(&s.person) {
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
                cx.prohibited("CS-07", subject, || {
                    format!(
                        "{}于{}被安排进入候问室{}",
                        person.name,
                        placement.at.display_china(),
                        age.map(|a| format!("（{a}周岁）")).unwrap_or_default()
                    )
                });
                break;
            }
        }
    }
    // CS-03: out of the center within the basis measure's limit from its arrival; 12 h (P) from
    // entry without one.
    if s.exited.is_none() {
        let basis = s.basis.as_ref().and_then(|b| cx.world.measures.get(b));
        let due = match basis {
            Some(m) if m.kind == MeasureKind::CriminalDetention => {
                Some(cx.due(m.started_at.instant(), Limit::Hours(24), Moves::Never))
            }
            Some(m) => questioning_due(cx.world, m).map(|(_, due)| due),
            None => Some(cx.due(
                s.entered_at.instant(),
                p.limit(P::Cs03NoBasis),
                Moves::Never,
            )),
        };
        if let Some(due) = due {
            cx.deadline("CS-03", subject, due, false);
        }
    }
    // CS-10: sent to a detention house or center only under a detention or arrest.
    if let Some((exited, destination)) = &s.exited
        && matches!(
            destination,
            Destination::DetentionHouse | Destination::DetentionCenter
        )
        && !cx.measures_of_person(&s.person).any(|m| {
            m.started_at <= *exited
                && matches!(
                    m.kind,
                    MeasureKind::CriminalDetention
                        | MeasureKind::Arrest
                        | MeasureKind::AdminDetention
                )
        })
    {
        cx.prohibited("CS-10", subject, || {
            format!(
                "于{}送{}，无刑事拘留、逮捕或行政拘留措施",
                exited.display_china(),
                destination.label()
            )
        });
    }
    // CS-06 (P): food at most 6 h apart, from entry through each meal to the exit (or now while
    // in the center), yellow when passed; a meal or exit still to come is woken for.
    let now = cx.now;
    let gap = p.limit(P::Cs06Gap);
    let mut meals: Vec<_> = s.meals.iter().map(|m| m.instant()).collect();
    meals.sort();
    let mut hungry = Vec::new();
    let mut from = s.entered_at.instant();
    for meal in meals {
        if meal > now {
            cx.wake(meal);
            break;
        }
        let due = cx.due(from, gap, Moves::Never);
        if meal >= due.at {
            hungry.push(cx.passed("CS-06", subject, &due, Level::Yellow));
        }
        from = meal;
    }
    let due = cx.due(from, gap, Moves::Never);
    match s.exited.as_ref().map(|(at, _)| at.instant()) {
        Some(exited) if exited <= now => {
            if exited >= due.at {
                hungry.push(cx.passed("CS-06", subject, &due, Level::Yellow));
            }
        }
        exited => {
            if let Some(exited) = exited {
                cx.wake(exited);
            }
            hungry.push(cx.passed("CS-06", subject, &due, Level::Yellow));
        }
    }
    cx.highest(hungry);
    // CS-08 / TS-06: who shared a holding or waiting room with this stay, and from when.
    if let Some(person) = cx.world.persons.get(&s.person) {
        let mut apart = Vec::new();
        let mut with_adults = Vec::new();
        for (other, from, room) in roommates(cx, s) {
            let Some(them) = cx.world.persons.get(&other.person) else {
                continue;
            };
            // CS-08: men and women, and suspects of one case, held apart.
            let why = if person.gender != them.gender {
                Some("男女同室")
            } else if co_suspects(person, them) {
                Some("同案嫌疑人同室")
            } else {
                None
            };
            if let Some(why) = why {
                apart.push(format!(
                    "{}时起与{}（在区记录{}）同在{}，{}",
                    from.display_china(),
                    them.name,
                    other.id,
                    room,
                    why
                ));
            }
            // TS-06: a minor held with an adult (raised on the minor's stay).
            let on = from.china_date();
            if let (Some(age), Some(their_age)) = (person.age_on(on), them.age_on(on))
                && age < 18
                && their_age >= 18
            {
                with_adults.push(format!(
                    "{}（{age}周岁）{}时起与成年人{}（在区记录{}）同在{}",
                    person.name,
                    from.display_china(),
                    them.name,
                    other.id,
                    room
                ));
            }
        }
        if !apart.is_empty() {
            cx.finding("CS-08", subject, Level::Yellow, || apart.join("；"));
        }
        if !with_adults.is_empty() {
            cx.prohibited("TS-06", subject, || with_adults.join("；"));
        }
    }
    // CS-02: a woman's security check by female staff (刑规 §155; TS-11's rule at the entry),
    // where the check names who did it: red at once.
    // The person first: most stays are men's, and need no look at the checkers.
    if let Some(checked) = s.security_checked_at
        && !s.security_checked_by.is_empty()
        && let Some(woman) = cx
            .world
            .persons
            .get(&s.person)
            .filter(|p| p.gender == domain::elements::Gender::Female)
    {
        let men = cx.men(&s.security_checked_by);
        if !men.is_empty() {
            cx.prohibited("CS-02", subject, || {
                format!(
                    "{}对女性{}（{}）进行人身安全检查，检查人有男性工作人员{}",
                    checked.display_china(),
                    woman.name,
                    woman.id,
                    men.join("、")
                )
            });
        }
    }
    // CS-02 (P): a security check within 30 min of entry, red when passed.
    if s.security_checked_at.is_none() && s.exited.is_none() {
        let due = cx.due(s.entered_at.instant(), p.limit(P::Cs02Check), Moves::Never);
        let found = cx.passed("CS-02", subject, &due, Level::Red);
        cx.highest([found]);
    }
}

/// The other persons' stays in the same center that shared a holding or waiting room with this
/// one, each once: the stay, when they were first together and the room.
fn roommates<'a, 's>(cx: &Cx<'a>, s: &'s Stay) -> Vec<(&'a Stay, At, &'s str)> {
    let this = cx.world.stays.get_index_of(s.id.as_str());
    let mut found: Vec<(Pos, Timestamp, &str)> = Vec::new();
    for (room, from, until) in shared_times(s) {
        let placed =
            cx.links
                .placed_in_room(&s.center, room, from.instant(), until.map(|u| u.instant()));
        for other in placed.filter(|p| Some(p.stay as usize) != this) {
            let start = from.instant().max(other.from);
            match found.iter_mut().find(|(n, _, _)| *n == other.stay) {
                Some(seen) if seen.1 <= start => {}
                Some(seen) => *seen = (other.stay, start, room),
                None => found.push((other.stay, start, room)),
            }
        }
    }
    found
        .into_iter()
        .filter_map(|(n, start, room)| {
            let (_, other) = cx.world.stays.get_index(n as usize)?;
            (other.person != s.person).then(|| (other, At::china(start), room))
        })
        .collect()
}

/// Whether two persons are linked as suspects of one case.
fn co_suspects(a: &Person, b: &Person) -> bool {
    let suspect_in = |p: &Person| {
        p.links
            .iter()
            .filter(|l| l.role == PersonRole::Suspect)
            .map(|l| l.case.clone())
            .collect::<Vec<_>>()
    };
    let theirs = suspect_in(b);
    suspect_in(a).iter().any(|c| theirs.contains(c))
}

/// CS-11: an illness, injury, self-harm, escape or death in the area is reported to the
/// inspectorate at once (盘问规定 §23–25: red until reported, as the catalog's template has it);
/// after a death, the cause-of-death appraisal is commissioned within 24 h.
fn incidents(cx: &mut Cx, s: &Stay) {
    let subject = s.id.as_str();
    let mut found = Vec::new();
    for i in &s.incidents {
        if i.reported_at.is_none() {
            found.push(Some(cx.found_at("CS-11", subject, Level::Red, || {
                format!(
                    "在区人员于{}{}，未报告督察",
                    i.at.display_china(),
                    i.kind.label()
                )
            })));
        }
        if i.kind == StayIncidentKind::Death && i.appraisal_commissioned_at.is_none() {
            let due = cx.due(i.at.instant(), Limit::Hours(24), Moves::Never);
            found.push(cx.banded("CS-11", subject, &due, false));
        }
    }
    cx.highest(found);
}
