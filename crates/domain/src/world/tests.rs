use super::*;
use proptest::prelude::*;

/// A small station with a case, a person, a measure, a stay, a stored item and a document.
const BASE: &str = r#"
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33","name":"浙江省公安厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U3305","name":"湖州市公安局","parent":"U33","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U330503","name":"南浔区公安分局","parent":"U3305","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33050301","name":"南浔派出所","parent":"U330503","level":"station"}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O2","name":"李明","unit":"U33050301","gender":"male","auxiliary":false,"roles":["officer"]}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O6","name":"周红","unit":"U330503","gender":"female","auxiliary":false,"roles":["custodian"]}
{"fact":"incident.received","at":"2026-03-01T09:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft","summary":"电动车被盗"}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1","unit":"U33050301","kind":"criminal","category":"050200","incident":"J1"}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}
{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P1","name":"钱一","id_number":"11010519491231002X"}
{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P1","case":"C1","role":"suspect"}
{"fact":"measure.started","at":"2026-03-02T10:20:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}
{"fact":"custody.entered","at":"2026-03-02T10:30:00+08:00","id":"S1","person":"P1","center":"U330503","case":"C1","basis":"M1"}
{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","description":"手机","quantity":1,"value_yuan":3000,"seized_by":"O2"}
{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"A-01","custodian":"O6"}
{"fact":"document.issued","at":"2026-03-02T12:00:00+08:00","id":"D1","case":"C1","kind":"summons_warrant","number":"南公（刑）传字〔2026〕0001号","subject":"M1"}
"#;

fn base() -> World {
    let mut world = World::new();
    for line in BASE.lines().filter(|l| !l.trim().is_empty()) {
        let fact = Fact::from_line(line).unwrap();
        world
            .apply(&fact, None)
            .unwrap_or_else(|e| panic!("{line}: {e}"));
    }
    world
}

fn apply_lines(world: &mut World, lines: &[&str]) -> Result<(), DomainError> {
    for line in lines {
        world.apply(&Fact::from_line(line)?, None)?;
    }
    Ok(())
}

/// Each row: what it shows, the facts applied after BASE, and the code of the refusal of the
/// last one (`None` when the history must be accepted).
#[test]
fn impossible_histories_are_refused_and_irregular_ones_accepted() {
    use ErrorCode::*;
    let rows: &[(&str, &[&str], Option<ErrorCode>)] = &[
        (
            "a second acceptance of the same case",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C1","unit":"U33050301","kind":"criminal","category":"x"}"#,
            ],
            Some(Duplicate),
        ),
        (
            "leaving the center with no stay",
            &[
                r#"{"fact":"custody.exited","at":"2026-03-02T12:00:00+08:00","id":"S9","destination":"released"}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "leaving the center twice",
            &[
                r#"{"fact":"custody.exited","at":"2026-03-02T12:00:00+08:00","id":"S1","destination":"released"}"#,
                r#"{"fact":"custody.exited","at":"2026-03-02T13:00:00+08:00","id":"S1","destination":"released"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "leaving before entering (time)",
            &[
                r#"{"fact":"custody.exited","at":"2026-03-02T10:00:00+08:00","id":"S1","destination":"released"}"#,
            ],
            Some(BeforeExistence),
        ),
        (
            "entering a second center while still in one",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S2","person":"P1","center":"U330503"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "entering again after leaving",
            &[
                r#"{"fact":"custody.exited","at":"2026-03-02T12:00:00+08:00","id":"S1","destination":"released"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T11:00:00+08:00","id":"S2","person":"P1","center":"U330503"}"#,
            ],
            None,
        ),
        (
            "storing property never seized",
            &[
                r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W9","location":"A-02","custodian":"O6"}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "storing property while it is checked out",
            &[
                r#"{"fact":"property.checked_out","at":"2026-03-03T09:00:00+08:00","id":"W1","purpose":"鉴定","due":"2026-03-05T09:00:00+08:00","approved_by":"O6"}"#,
                r#"{"fact":"property.stored","at":"2026-03-03T10:00:00+08:00","id":"W1","location":"A-02","custodian":"O6"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "checking in what was not checked out",
            &[r#"{"fact":"property.checked_in","at":"2026-03-03T09:00:00+08:00","id":"W1"}"#],
            Some(ImpossibleTransition),
        ),
        (
            "disposing twice",
            &[
                r#"{"fact":"property.disposed","at":"2026-03-03T09:00:00+08:00","id":"W1","method":"returned_to_owner"}"#,
                r#"{"fact":"property.disposed","at":"2026-03-04T09:00:00+08:00","id":"W1","method":"destroyed"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "filing twice",
            &[
                r#"{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.filed","at":"2026-03-02T10:00:00+08:00","id":"C1"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "not filing after filing",
            &[
                r#"{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-02T10:00:00+08:00","id":"C1"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "archiving an open case",
            &[r#"{"fact":"case.archived","at":"2026-03-03T09:00:00+08:00","id":"C1"}"#],
            Some(ImpossibleTransition),
        ),
        (
            "a filing extension on an administrative case",
            &[
                r#"{"fact":"case.filing_extended","at":"2026-03-03T09:00:00+08:00","id":"C2","days":7,"approved_by":"O2"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "ending a measure twice",
            &[
                r#"{"fact":"measure.ended","at":"2026-03-02T20:00:00+08:00","id":"M1","outcome":"released"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-02T21:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "delivering a summons to a detention house",
            &[
                r#"{"fact":"measure.delivered","at":"2026-03-02T20:00:00+08:00","id":"M1","facility":"detention_house"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "extending an hour limit in days",
            &[
                r#"{"fact":"measure.extended","at":"2026-03-02T20:00:00+08:00","id":"M1","days":2,"approved_by":"O2"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a second disposal of an incident",
            &[
                r#"{"fact":"incident.disposed","at":"2026-03-02T09:00:00+08:00","id":"J1","result":"case_accepted","case":"C1"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T10:00:00+08:00","id":"J1","result":"mediated"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a case acceptance referring to an incident received later",
            &[
                r#"{"fact":"incident.received","at":"2026-03-05T09:00:00+08:00","id":"J2","unit":"U33050301","source":"phone_110","nature":"criminal","category":"x"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-04T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"x","incident":"J2"}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "a document number used twice in one unit",
            &[
                r#"{"fact":"document.issued","at":"2026-03-03T12:00:00+08:00","id":"D2","case":"C1","kind":"summons_warrant","number":"南公（刑）传字〔2026〕0001号"}"#,
            ],
            Some(Duplicate),
        ),
        (
            "a birth date that contradicts the ID number",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","id_number":"110101200001010010","birth_date":"2000-01-02"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a station directly under the province",
            &[
                r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U9","name":"某所","parent":"U33","level":"station"}"#,
            ],
            Some(Invalid),
        ),
        (
            "an interrogation that ends before it starts",
            &[
                r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-02T10:00:00+08:00","officers":["O2"]}"#,
            ],
            Some(Invalid),
        ),
        // Irregular but possible: supervision must see these, so import accepts them.
        (
            "a seizure before filing (XS-04, CW-14 find it)",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T09:00:00+08:00","id":"W2","case":"C1","measure":"seizure","category":"cash","seized_by":"O2"}"#,
            ],
            None,
        ),
        (
            "a decision without prior notice or review (XZ-06, XZ-08 find it)",
            &[
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U33050301","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
            ],
            None,
        ),
        (
            "a custodian who is the seizing officer (CW-02 finds it)",
            &[
                r#"{"fact":"property.stored","at":"2026-03-03T12:00:00+08:00","id":"W1","location":"B-01","custodian":"O2"}"#,
            ],
            None,
        ),
        (
            "a case dropped while its suspect is detained (XS-09 finds it)",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"case.dropped","at":"2026-03-03T11:00:00+08:00","id":"C1"}"#,
            ],
            None,
        ),
        (
            "an interrogation by one officer (CS-05 finds it)",
            &[
                r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"]}"#,
            ],
            None,
        ),
    ];
    for (what, lines, expected) in rows {
        let mut world = base();
        let result = apply_lines(&mut world, lines);
        match (expected, result) {
            (None, Ok(())) => {}
            (Some(code), Err(error)) => assert_eq!(error.code, *code, "{what}: {error}"),
            (expected, result) => panic!("{what}: expected {expected:?}, got {result:?}"),
        }
    }
}

#[test]
fn a_refused_fact_changes_nothing() {
    let mut world = base();
    let before = world.view(ElementKind::Stay, "S1");
    let fact = Fact::from_line(r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S2","person":"P1","center":"U330503"}"#).unwrap();
    assert!(world.apply(&fact, None).is_err());
    assert_eq!(world.view(ElementKind::Stay, "S1"), before);
    assert!(!world.exists(ElementKind::Stay, "S2"));
}

#[test]
fn views_carry_scope_chain_status_and_links() {
    let world = base();
    let stay = world.view(ElementKind::Stay, "S1").unwrap();
    assert_eq!(stay.unit_path, "/U33/U3305/U330503/");
    assert_eq!(stay.county, "U330503");
    assert_eq!(stay.status, "in_center");
    assert!(
        stay.links
            .iter()
            .any(|l| l.kind == ElementKind::Measure && l.id == "M1")
    );
    let person = world.view(ElementKind::Person, "P1").unwrap();
    assert_eq!(person.status, "in_center");
    let document = world.view(ElementKind::Document, "D1").unwrap();
    assert!(
        document
            .links
            .iter()
            .any(|l| l.kind == ElementKind::Measure && l.id == "M1" && l.role == "subject")
    );
    assert_eq!(
        world.chain_of(Some(&UnitId::parse("U33050301").unwrap())),
        "U330503"
    );
    assert_eq!(world.chain_of(Some(&UnitId::parse("U33").unwrap())), "U33");
    assert_eq!(world.chain_of(None), crate::ledger::ROOT_CHAIN);
}

#[test]
fn ages_are_taken_on_a_date() {
    let world = base();
    let person = &world.persons[&PersonId::parse("P1").unwrap()];
    let date = |s: &str| s.parse::<Date>().unwrap();
    assert_eq!(person.age_on(date("2026-12-30")), Some(76));
    assert_eq!(person.age_on(date("2026-12-31")), Some(77));
}

/// The transitions a property item can be asked to make, in any order.
fn property_step() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(r#""fact":"property.stored","id":"W1","location":"A-02","custodian":"O6""#),
        Just(
            r#""fact":"property.checked_out","id":"W1","purpose":"鉴定","due":"2027-01-01T00:00:00+08:00","approved_by":"O6""#
        ),
        Just(r#""fact":"property.checked_in","id":"W1""#),
        Just(r#""fact":"property.found_unrelated","id":"W1""#),
        Just(r#""fact":"property.disposed","id":"W1","method":"destroyed""#),
    ]
}

proptest! {
    /// Whatever sequence is tried, a batch that is rolled back leaves the world exactly as it
    /// was, and the item's state is always one the state machine allows.
    #[test]
    fn rollback_restores_and_states_stay_consistent(steps in proptest::collection::vec(property_step(), 1..12)) {
        let mut world = base();
        let before = world.view(ElementKind::Property, "W1");
        world.begin();
        for (hour, step) in steps.iter().enumerate() {
            let line = format!(r#"{{"at":"2026-03-{:02}T10:00:00+08:00",{step}}}"#, 3 + hour);
            let _ = world.apply(&Fact::from_line(&line).unwrap(), None);
            let item = &world.properties[&PropertyId::parse("W1").unwrap()];
            let out = item.check_outs.iter().filter(|c| c.returned_at.is_none()).count();
            prop_assert!(out <= 1);
        }
        world.rollback();
        prop_assert_eq!(world.view(ElementKind::Property, "W1"), before);
    }
}

/// The journal keeps an element's state once per segment (not once per fact); rolling back to
/// a mark or to the start must still restore each element as it was there.
#[test]
fn rollback_to_a_mark_and_to_the_start_restore_every_change() {
    let act = |minute: u32| {
        Fact::from_line(&format!(
            r#"{{"fact":"case.act","at":"2026-03-02T13:{minute:02}:00+08:00","id":"C1","act":"questioning"}}"#
        ))
        .unwrap()
    };
    let mut world = base();
    let before = world.view(ElementKind::Case, "C1");
    world.begin();
    world.apply(&act(1), None).unwrap();
    let after_one = world.view(ElementKind::Case, "C1");
    assert_ne!(after_one, before);
    let mark = world.journal_mark();
    world.apply(&act(2), None).unwrap();
    world.apply(&act(3), None).unwrap();
    world.rollback_to(mark);
    assert_eq!(world.view(ElementKind::Case, "C1"), after_one);
    // Changed again after going back: saved again.
    world.apply(&act(4), None).unwrap();
    world.rollback_to(mark);
    assert_eq!(world.view(ElementKind::Case, "C1"), after_one);
    world.apply(&act(5), None).unwrap();
    world.rollback();
    assert_eq!(world.view(ElementKind::Case, "C1"), before);
}
