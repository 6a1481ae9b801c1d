//! The live engine's two promises, checked on a generated province and on the shared
//! scenarios: re-evaluating only `affected` elements after each fact gives exactly what a full
//! screening gives, and an element's warnings do not change before its `next_due`.

use std::collections::HashMap;
use std::path::Path;

use domain::fact::ElementKind;
use domain::{Fact, World};
use jiff::{SignedDuration, Timestamp};
use rules::{Affected, EVALUATED, Links, Policy, Warning, evaluate, screen_with};

fn province() -> Vec<Fact> {
    let config = datagen::Config {
        seed: 7,
        scale: 0.02,
        days: 60,
        ..Default::default()
    };
    let mut facts: Vec<Fact> = datagen::generate(&config)
        .facts
        .iter()
        .map(|v| Fact::from_line(&v.to_string()).unwrap())
        .collect();
    facts.sort_by_key(|f| f.at);
    facts
}

/// Each scenario's facts and the times of its checks.
fn scenario_facts() -> Vec<(Vec<Fact>, Vec<Timestamp>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            let mut facts: Vec<Fact> = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .map(|l| Fact::from_line(l).unwrap())
                .collect();
            facts.sort_by_key(|f| f.at);
            let expect = path.with_extension("expect.json");
            let expect: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(expect).unwrap()).unwrap();
            let times = expect["checks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    domain::At::parse(c["as_of"].as_str().unwrap())
                        .unwrap()
                        .instant()
                })
                .collect();
            all.push((facts, times));
        }
    }
    assert!(all.len() >= 8);
    all
}

fn key(w: &Warning) -> (&'static str, String, rules::LevelCode, Option<String>) {
    (w.rule, w.subject.clone(), w.level, w.due.clone())
}

/// Applies the facts one by one, re-evaluating at a fixed time `at` only what each fact
/// affects, and compares the kept warnings with a full screening of the final world.
fn incremental_equals_batch(facts: &[Fact], at: Timestamp, after_each_fact: bool) -> usize {
    let policy = Policy::default();
    let mut world = World::new();
    let mut links = Links::default();
    let mut kept: HashMap<(ElementKind, String), Vec<Warning>> = HashMap::new();
    for fact in facts {
        let applied = world.apply(fact, None).unwrap();
        for (kind, id) in &applied.touched {
            links.note(&world, *kind, id);
        }
        let mut again = Vec::new();
        for (kind, id) in &applied.touched {
            match rules::affected_by_fact(&world, &links, fact.kind(), *kind, id) {
                Affected::All => {
                    again = EVALUATED
                        .iter()
                        .flat_map(|k| world.ids(*k).into_iter().map(move |id| (*k, id)))
                        .collect();
                    break;
                }
                Affected::Elements(list) => {
                    again.extend(list.into_iter().map(|(kind, n)| {
                        (kind, world.id_at(kind, n as usize).unwrap().to_string())
                    }))
                }
            }
        }
        for (kind, id) in again {
            let found = evaluate(&world, &links, &policy, kind, &id, at).warnings;
            kept.insert((kind, id), found);
        }
        if after_each_fact {
            compare(&kept, &world, &policy, at, fact);
        }
    }
    compare(&kept, &world, &policy, at, facts.last().unwrap())
}

/// The kept warnings against a full screening; their number.
fn compare(
    kept: &HashMap<(ElementKind, String), Vec<Warning>>,
    world: &World,
    policy: &Policy,
    at: Timestamp,
    last: &Fact,
) -> usize {
    let mut live: Vec<_> = kept.values().flatten().map(key).collect();
    live.sort();
    let mut batch: Vec<_> = screen_with(world, &Links::of(world), policy, at)
        .iter()
        .map(key)
        .collect();
    batch.sort();
    assert_eq!(live, batch, "after {}", last.json());
    batch.len()
}

/// At instants spread over the data (and at every scenario check's time), with the facts up to
/// that instant: at any one instant most measures and stays have ended, so one instant would
/// leave most dependencies untested.
#[test]
fn re_evaluating_affected_elements_equals_a_full_screening() {
    let facts = province();
    let last = facts.last().unwrap().at.instant();
    // The generated history: 60 days before its end (units and officers are set up earlier).
    let first = last - SignedDuration::from_hours(24 * 60);
    let mut found = 0;
    for step in 1..=12 {
        let at =
            first + SignedDuration::from_secs(last.duration_since(first).as_secs() * step / 12);
        let upto: Vec<Fact> = facts
            .iter()
            .filter(|f| f.at.instant() <= at)
            .cloned()
            .collect();
        found += incremental_equals_batch(&upto, at, false);
    }
    assert!(
        found > 100,
        "the province has warnings to compare ({found})"
    );
    let mut scenario_warnings = 0;
    for (facts, times) in scenario_facts() {
        for at in times {
            let upto: Vec<Fact> = facts
                .iter()
                .filter(|f| f.at.instant() <= at)
                .cloned()
                .collect();
            scenario_warnings += incremental_equals_batch(&upto, at, true);
        }
    }
    assert!(scenario_warnings > 10);
}

const UNITS: &str = r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U0","name":"省厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U01","name":"市局","parent":"U0","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U1","name":"县局","parent":"U01","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U11","name":"派出所","parent":"U1","level":"station"}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O1","name":"李明","unit":"U11","gender":"male","roles":["officer"]}
{"fact":"person.registered","at":"2026-03-01T08:00:00+08:00","id":"P1","name":"钱一","gender":"male","birth_date":"1980-01-01"}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1","unit":"U11","kind":"criminal","category":"050200"}
{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C1"}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U11","kind":"criminal","category":"050200"}
{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C2"}"#;

/// Dependencies the generated province and the scenarios do not reach as the last fact about
/// an element: a case accepted for an incident (JQ-04), property seized on an idle case (XS-08),
/// an interrogation on another case than the detention (RQ-06); and for each rule beyond the
/// core set that reads another element, a fact about the element read that comes last (each
/// case fails when its dependency is left out of `affected`).
#[test]
fn each_cross_element_dependency_is_re_evaluated() {
    let cases: &[(&[&str], &str)] = &[
        // XZ-05: the on-the-spot disposal naming the case comes after the decision (incident →
        // the case it names).
        (
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J1","unit":"U11","source":"phone_110","nature":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-03T09:00:00+08:00","id":"C3","unit":"U11","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:30:00+08:00","id":"C3","decision":"penalty","decided_by_unit":"U1","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-03T09:40:00+08:00","id":"J1","result":"on_spot_penalty","case":"C3"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
        ),
        // XZ-04 (core): a minor linked as suspect after the case was flagged fast-track (person
        // → the cases they are linked to; missed before that dependency was added).
        (
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C3","unit":"U11","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.fast_track","at":"2026-03-03T09:00:00+08:00","id":"C3"}"#,
                r#"{"fact":"person.registered","at":"2026-03-03T09:00:00+08:00","id":"P2","name":"小明","gender":"male","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-03T09:30:00+08:00","id":"P2","case":"C3","role":"suspect"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
        ),
        // TS-09: a child penalised in a case without being linked to it (case → the persons its
        // decision penalises).
        (
            &[
                r#"{"fact":"person.registered","at":"2026-03-03T08:00:00+08:00","id":"P2","name":"小明","gender":"male","birth_date":"2013-05-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C3","unit":"U11","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C3","decision":"penalty","decided_by_unit":"U1","penalties":[{"person":"P2","kind":"warning"}]}"#,
            ],
            "2026-03-03T10:00:00+08:00",
        ),
        // RQ-11 after XS-07: a case transferred with a detention still in force (a transfer
        // closes the case: case → its measures).
        (
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C3","unit":"U11","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T09:00:00+08:00","id":"C3"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T10:00:00+08:00","id":"M3","person":"P1","case":"C3","kind":"criminal_detention"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T12:00:00+08:00","id":"C3","to_unit":"U1"}"#,
            ],
            "2026-03-03T13:00:00+08:00",
        ),
        // RQ-10: the notice of the changed custody period issued after the recalculation
        // (document → the measure it names).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-20T10:00:00+08:00","id":"M2","reason":"new_crime","approved_by":"O1","from":"2026-04-19T10:00:00+08:00"}"#,
                r#"{"fact":"document.issued","at":"2026-04-22T10:00:00+08:00","id":"D1","case":"C1","kind":"custody_change_notice","number":"X1","subject":"M2"}"#,
            ],
            "2026-04-22T12:00:00+08:00",
        ),
        // RQ-08: the earlier detention delivered after the arrest began (measure → the person's
        // measures).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.started","at":"2026-03-06T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-06T11:00:00+08:00","id":"M1","facility":"detention_house"}"#,
            ],
            "2026-03-07T12:00:00+08:00",
        ),
        // JZ-06: the notice of rights issued and served during the first interrogation, recorded
        // after it (document → the case's interrogations).
        (
            &[
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O1"]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T10:05:00+08:00","id":"D1","case":"C1","kind":"rights_notice","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-03T10:10:00+08:00","id":"D1","to":"P1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
        ),
        // XS-06: the written explanation of not filing, issued after the 7 days (document → its
        // case).
        (
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C3","unit":"U11","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-04T08:00:00+08:00","id":"C3"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-10T10:00:00+08:00","id":"C3","notice":"explain_not_filing"}"#,
                r#"{"fact":"document.issued","at":"2026-03-19T10:00:00+08:00","id":"D1","case":"C3","kind":"not_filing_explanation","number":"X1"}"#,
            ],
            "2026-03-19T12:00:00+08:00",
        ),
        // XS-11: the arrest recorded as ended before the return, after the return was recorded:
        // the month then moves past the weekend (measure → its case).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-10T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-02T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"measure.ended","at":"2026-04-01T10:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-05-03T10:00:00+08:00",
        ),
        // RQ-12: the procuratorate's recommendation to release, recorded on the case, is
        // answered by the measure it names (case → its measures).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-06T10:00:00+08:00","id":"C1","notice":"release_recommended","measure":"M1"}"#,
            ],
            "2026-03-17T12:00:00+08:00",
        ),
        // CS-04: a placement in a holding room at the instant the interrogation began, recorded
        // after it (stay → the interrogations held during it).
        (
            &[
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U1"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O1"],"stay":"S1","av_recorded":true}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T10:00:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
        ),
        // CS-01: registered in the area late, under no basis (stay → the person's measures; the
        // entry also touches the person, which reaches them too).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-03T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T10:40:00+08:00","id":"S1","person":"P1","center":"U1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
        ),
        // CS-08: a woman placed in the holding room after the man (stay → the stays that shared
        // a room with it).
        (
            &[
                r#"{"fact":"person.registered","at":"2026-03-01T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U1"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T09:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:20:00+08:00","id":"S2","person":"P2","center":"U1"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T09:30:00+08:00","id":"S2","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
        ),
        // CS-08: two men in one holding room linked as suspects of one case afterwards (person →
        // the stays that shared a room with theirs).
        (
            &[
                r#"{"fact":"person.registered","at":"2026-03-01T08:00:00+08:00","id":"P2","name":"孙三","gender":"male","birth_date":"1985-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U1"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T09:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:20:00+08:00","id":"S2","person":"P2","center":"U1"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T09:30:00+08:00","id":"S2","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.linked","at":"2026-03-03T09:40:00+08:00","id":"P1","case":"C1","role":"suspect"}"#,
                r#"{"fact":"person.linked","at":"2026-03-03T09:50:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
        ),
        // CS-03: the summons a stay is based on extended to 24 h while the person is in the
        // center (measure.extended → the person's stays: the stay's limit is the measure's).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-03T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T10:10:00+08:00","id":"S1","person":"P1","center":"U1","basis":"M1"}"#,
                r#"{"fact":"measure.extended","at":"2026-03-03T20:00:00+08:00","id":"M1","hours":24,"approved_by":"O1"}"#,
            ],
            "2026-03-03T23:00:00+08:00",
        ),
        // CS-04 and RQ-08: a detention delivered to the detention house, then ended, while the
        // person is interrogated in the center and arrested (measure.delivered, measure.ended →
        // the person's interrogations and measures).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-05T10:10:00+08:00","id":"S1","person":"P1","center":"U1","basis":"M1"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-05T12:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-05T13:00:00+08:00","officers":["O1"],"stay":"S1","av_recorded":true}"#,
                r#"{"fact":"measure.started","at":"2026-03-06T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T11:00:00+08:00","id":"M1","facility":"detention_house"}"#,
            ],
            "2026-03-07T12:00:00+08:00",
        ),
        // RQ-15: the detention penalty executed, delivered to the detention center after the
        // family was notified (measure.delivered → its case).
        (
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C3","unit":"U11","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:30:00+08:00","id":"C3","decision":"penalty","decided_by_unit":"U1","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T10:00:00+08:00","id":"M1","person":"P1","case":"C3","kind":"admin_detention"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-03T10:30:00+08:00","id":"M1"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-03T11:00:00+08:00","id":"M1","facility":"detention_center"}"#,
            ],
            "2026-03-05T12:00:00+08:00",
        ),
        // XS-09: the detention's release, recorded after the case was dropped, came before it
        // (measure.ended → its case).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"case.dropped","at":"2026-03-06T12:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-06T10:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-03-06T13:00:00+08:00",
        ),
        // CS-04: the detention in the detention house, recorded as ended after the person was
        // interrogated in the center, had ended before (measure.ended → the person's
        // interrogations).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T11:00:00+08:00","id":"M1","facility":"detention_house"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-06T11:00:00+08:00","id":"S1","person":"P1","center":"U1"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-06T12:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-06T13:00:00+08:00","officers":["O1"],"stay":"S1","av_recorded":true}"#,
                r#"{"fact":"measure.ended","at":"2026-03-06T10:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-03-06T14:00:00+08:00",
        ),
        // RQ-11: an earlier criminal detention on the case, recorded as ended after the
        // administrative detention began, shortens it (measure.ended → the person's measures).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"case.decided","at":"2026-03-07T09:00:00+08:00","id":"C1","decision":"penalty","decided_by_unit":"U1","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-07T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"admin_detention"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-07T09:30:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-03-11T12:00:00+08:00",
        ),
        // CW-12: the case closed with an item still held (case → its property).
        (
            &[
                r#"{"fact":"property.seized","at":"2026-03-03T10:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O1"}"#,
                r#"{"fact":"case.closed","at":"2026-03-04T10:00:00+08:00","id":"C1"}"#,
            ],
            "2026-04-10T10:00:00+08:00",
        ),
        // RQ-11: a measure still in force when its case is dropped (case → its measures).
        (
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"bail"}"#,
                r#"{"fact":"case.dropped","at":"2026-03-06T10:00:00+08:00","id":"C1"}"#,
            ],
            "2026-03-09T10:00:00+08:00",
        ),
        // CW-04: the seizure list made after the seizure (document → the case's property).
        (
            &[
                r#"{"fact":"property.seized","at":"2026-03-03T10:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"D1","case":"C1","kind":"seizure_list","number":"X1","subject":"W1"}"#,
            ],
            "2026-03-04T12:00:00+08:00",
        ),
        // CW-04: a registered preservation's decision (document → the case's property, and the
        // case for JZ-09).
        (
            &[
                r#"{"fact":"property.seized","at":"2026-03-03T10:00:00+08:00","id":"W1","case":"C1","measure":"registration_preservation","category":"phone","seized_by":"O1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"D1","case":"C1","kind":"preservation_decision","number":"X1","contents":["identity"]}"#,
            ],
            "2026-03-04T12:00:00+08:00",
        ),
        // XS-14 (JZ-02, JZ-03 alike): a victim linked after the injury assessment (person → the
        // cases they are linked to).
        (
            &[
                r#"{"fact":"case.injury_assessed","at":"2026-03-03T12:00:00+08:00","id":"C1","person":"P1","grade":"minor"}"#,
                r#"{"fact":"person.linked","at":"2026-03-04T08:00:00+08:00","id":"P1","case":"C1","role":"victim"}"#,
            ],
            "2026-03-06T12:00:00+08:00",
        ),
        (
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J1","unit":"U11","source":"phone_110","nature":"criminal","category":"theft"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-03T20:00:00+08:00","id":"C3","unit":"U11","kind":"criminal","category":"050200","incident":"J1"}"#,
            ],
            "2026-03-03T23:00:00+08:00",
        ),
        (
            &[
                r#"{"fact":"property.seized","at":"2026-04-10T10:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O1"}"#,
            ],
            "2026-04-12T10:00:00+08:00",
        ),
        (
            &[
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P1","case":"C1","role":"suspect"}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-05T20:00:00+08:00","id":"I1","person":"P1","case":"C2","kind":"interrogation","end":"2026-03-05T21:00:00+08:00","officers":["O1"]}"#,
            ],
            "2026-03-06T08:00:00+08:00",
        ),
    ];
    for (extra, at) in cases {
        let facts: Vec<Fact> = UNITS
            .lines()
            .chain(extra.iter().copied())
            .map(|l| Fact::from_line(l).unwrap())
            .collect();
        incremental_equals_batch(&facts, domain::At::parse(at).unwrap().instant(), true);
    }
}

/// For every element at several times: the warnings are the same one second before
/// `next_due`, and without a `next_due` they are the same three years on.
#[test]
fn warnings_hold_until_next_due() {
    let facts = province();
    let mut world = World::new();
    for fact in &facts {
        world.apply(fact, None).unwrap();
    }
    let links = Links::of(&world);
    let policy = Policy::default();
    let end = facts.last().unwrap().at.instant();
    let second = SignedDuration::from_secs(1);
    let (mut woken, mut changed_at_wake) = (0, 0);
    for kind in EVALUATED {
        for id in world.ids(kind) {
            for hours in [0i64, 5, 30, 24 * 20, 24 * 100] {
                let now = end + SignedDuration::from_hours(hours);
                let at_now = evaluate(&world, &links, &policy, kind, &id, now);
                // The engine's cheap pass finds the same rules at the same levels.
                let levels = rules::evaluate_levels(&world, &links, &policy, kind, &id, now);
                let short = |e: &rules::Evaluation| {
                    e.warnings
                        .iter()
                        .map(|w| (w.rule, w.level))
                        .collect::<Vec<_>>()
                };
                assert_eq!(short(&levels), short(&at_now), "{kind:?} {id}");
                assert_eq!(levels.next_due, at_now.next_due);
                assert!(levels.warnings.iter().all(|w| w.message.is_empty()));
                let keys = |e: &rules::Evaluation| e.warnings.iter().map(key).collect::<Vec<_>>();
                match at_now.next_due {
                    Some(next) => {
                        assert!(next > now);
                        let before = evaluate(&world, &links, &policy, kind, &id, next - second);
                        assert_eq!(keys(&at_now), keys(&before), "{kind:?} {id} at {now}");
                        let after = evaluate(&world, &links, &policy, kind, &id, next);
                        woken += 1;
                        changed_at_wake += usize::from(keys(&after) != keys(&at_now));
                    }
                    None => {
                        let later = now + SignedDuration::from_hours(24 * 365 * 3);
                        let much_later = evaluate(&world, &links, &policy, kind, &id, later);
                        assert_eq!(keys(&at_now), keys(&much_later), "{kind:?} {id} at {now}");
                    }
                }
            }
        }
    }
    assert!(
        woken > 50,
        "deadlines are pending in the province ({woken})"
    );
    assert!(changed_at_wake > 0, "some wake raises a level");
}

/// A kept screening moved forward in time finds exactly what a fresh full screening finds at
/// each later time, message and due time included.
#[test]
fn a_kept_screening_moved_forward_equals_a_fresh_one() {
    let facts = province();
    let mut world = World::new();
    for fact in &facts {
        world.apply(fact, None).unwrap();
    }
    let start = facts.last().unwrap().at.instant();
    let mut kept = rules::Screening::new(&world, start);
    let mut compared = 0;
    for hours in [0i64, 1, 5, 30, 24 * 3, 24 * 40, 24 * 400] {
        let at = start + SignedDuration::from_hours(hours);
        let fresh = rules::screen(&world, at);
        assert_eq!(
            kept.screen_at(&world, at),
            fresh,
            "{hours} h after the start"
        );
        compared += fresh.len();
    }
    assert!(compared > 100, "warnings were compared ({compared})");
}
