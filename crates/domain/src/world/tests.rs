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
            "sending a case for prosecution twice with no return between",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-21T10:00:00+08:00","id":"C1"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a return for supplementary investigation of a case not sent",
            &[
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "returned twice with no sending between",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-25T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-26T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "sent, returned, sent again, returned again and sent again (CPL §175)",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-25T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-04-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-25T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-05-20T10:00:00+08:00","id":"C1"}"#,
            ],
            None,
        ),
        (
            "a procuratorate's notice on an administrative case",
            &[
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C2","notice":"file_case"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "asked for the reasons for not filing a case already filed",
            &[
                r#"{"fact":"case.filed","at":"2026-03-03T08:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"explain_not_filing"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "ordered to file a case not filed, then filed (刑规 §182)",
            &[
                r#"{"fact":"case.not_filed","at":"2026-03-03T08:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"file_case"}"#,
                r#"{"fact":"case.filed","at":"2026-03-25T08:00:00+08:00","id":"C1"}"#,
            ],
            None,
        ),
        (
            "a refusal to arrest naming no measure",
            &[
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"arrest_refused"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a refusal to arrest naming a measure whose arrest was never requested",
            &[
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"arrest_refused","measure":"M1"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a refusal to arrest the detained suspect (CPL §91)",
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.arrest_requested","at":"2026-03-08T10:00:00+08:00","id":"M2"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-12T10:00:00+08:00","id":"C1","notice":"arrest_refused","measure":"M2"}"#,
            ],
            None,
        ),
        (
            "a refusal to arrest on a case closed while the detention runs, recorded (RQ-11 warns of the detention)",
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.arrest_requested","at":"2026-03-08T10:00:00+08:00","id":"M2"}"#,
                r#"{"fact":"case.closed","at":"2026-03-09T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-12T10:00:00+08:00","id":"C1","notice":"arrest_refused","measure":"M2"}"#,
            ],
            None,
        ),
        (
            "asked for the reasons for not filing a closed case",
            &[
                r#"{"fact":"case.closed","at":"2026-03-09T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-12T10:00:00+08:00","id":"C1","notice":"explain_not_filing"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a measure named on a notice other than a refusal to arrest",
            &[
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"explain_not_filing","measure":"M1"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a decision not to prosecute a case never sent",
            &[
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"not_prosecuted"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "an act committed after its case was accepted",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight","committed_at":"2026-03-03T09:00:00+08:00"}"#,
            ],
            Some(Invalid),
        ),
        (
            "an act committed seven months before its case was accepted (治安法12 §22: accepted, then warned)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight","committed_at":"2025-08-03T09:00:00+08:00"}"#,
            ],
            None,
        ),
        (
            "calling for the owner of an item twice",
            &[
                r#"{"fact":"property.owner_sought","at":"2026-03-10T10:00:00+08:00","id":"W1"}"#,
                r#"{"fact":"property.owner_sought","at":"2026-03-11T10:00:00+08:00","id":"W1"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "technical investigation before the filing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T10:00:00+08:00","id":"C5","measure":"TZ1","step":"approved"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a technical investigation approved twice",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T10:00:00+08:00","id":"C5","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T11:00:00+08:00","id":"C5","measure":"TZ1","step":"approved"}"#,
            ],
            Some(Duplicate),
        ),
        (
            "a technical investigation extended, never approved",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T10:00:00+08:00","id":"C5","measure":"TZ1","step":"extended"}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "a technical investigation extended after its end",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T10:00:00+08:00","id":"C5","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T11:00:00+08:00","id":"C5","measure":"TZ1","step":"ended"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T12:00:00+08:00","id":"C5","measure":"TZ1","step":"extended"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a technical investigation with no number",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T10:00:00+08:00","id":"C5","measure":"","step":"approved"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a technical investigation approved, extended and ended",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T10:00:00+08:00","id":"C5","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T11:00:00+08:00","id":"C5","measure":"TZ1","step":"extended"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-03-04T12:00:00+08:00","id":"C5","measure":"TZ1","step":"ended"}"#,
            ],
            None,
        ),
        (
            "an approval afterwards of a measure that is not a restraint",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"admin_questioning"}"#,
                r#"{"fact":"measure.approved","at":"2026-03-03T10:00:00+08:00","id":"M5","approved_by":"O2"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a custody period recalculated on a criminal detention",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T08:30:00+08:00","id":"C5"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-04T10:00:00+08:00","id":"M5","reason":"new_crime","approved_by":"O2","from":"2026-03-04T09:00:00+08:00"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a new crime's recalculation with no day to run from",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T08:30:00+08:00","id":"C5"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-04T10:00:00+08:00","id":"M5","reason":"new_crime","approved_by":"O2"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a recalculation from a day before the arrest",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T08:30:00+08:00","id":"C5"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-04T10:00:00+08:00","id":"M5","reason":"new_crime","approved_by":"O2","from":"2026-03-01T09:00:00+08:00"}"#,
            ],
            Some(Invalid),
        ),
        (
            "an identity established where none was unknown",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T08:30:00+08:00","id":"C5"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-04T10:00:00+08:00","id":"M5","reason":"identity_established","approved_by":"O2","from":"2026-03-04T09:00:00+08:00"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "an unknown identity with a day to run from",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T08:30:00+08:00","id":"C5"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-04T10:00:00+08:00","id":"M5","reason":"identity_unknown","approved_by":"O2","from":"2026-03-04T09:00:00+08:00"}"#,
            ],
            Some(Invalid),
        ),
        (
            "an identity unknown, then established, then another crime found",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.filed","at":"2026-03-03T08:30:00+08:00","id":"C5"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-04T10:00:00+08:00","id":"M5","reason":"identity_unknown","approved_by":"O2"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-20T10:00:00+08:00","id":"M5","reason":"identity_established","approved_by":"O2","from":"2026-03-19T09:00:00+08:00"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-20T10:00:00+08:00","id":"M5","reason":"new_crime","approved_by":"O2","from":"2026-04-19T09:00:00+08:00"}"#,
            ],
            None,
        ),
        (
            "a restraint extended",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"restraint"}"#,
                r#"{"fact":"measure.extended","at":"2026-03-03T10:00:00+08:00","id":"M5","days":2,"approved_by":"O2"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a restraint approved twice",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"restraint"}"#,
                r#"{"fact":"measure.approved","at":"2026-03-03T10:00:00+08:00","id":"M5","approved_by":"O2"}"#,
                r#"{"fact":"measure.approved","at":"2026-03-03T11:00:00+08:00","id":"M5","approved_by":"O2"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a restraint ended, then approved",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"restraint"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-03T10:00:00+08:00","id":"M5","outcome":"released"}"#,
                r#"{"fact":"measure.approved","at":"2026-03-03T11:00:00+08:00","id":"M5","approved_by":"O2"}"#,
            ],
            None,
        ),
        (
            "a deferral of detention asked where no detention was decided",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-04T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-04T10:00:00+08:00","id":"C5","person":"P1"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a second application while the first is undecided",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-04T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-04T10:00:00+08:00","id":"C5","person":"P1"}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-04T11:00:00+08:00","id":"C5","person":"P1"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a deferral decided with no application",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-04T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-04T12:00:00+08:00","id":"C5","person":"P1","granted":true,"guarantor":"张某"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a deferral refused, with a bond",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-04T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-04T10:00:00+08:00","id":"C5","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-04T12:00:00+08:00","id":"C5","person":"P1","granted":false,"bond_yuan":1000}"#,
            ],
            Some(Invalid),
        ),
        (
            "a deferral granted with a bond",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-04T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-04T10:00:00+08:00","id":"C5","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-04T12:00:00+08:00","id":"C5","person":"P1","granted":true,"bond_yuan":1000}"#,
            ],
            None,
        ),
        (
            "an incident in the area after the person left",
            &[
                r#"{"fact":"person.registered","at":"2026-03-03T09:00:00+08:00","id":"P8","name":"某人","gender":"male"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T10:00:00+08:00","id":"S5","person":"P8","center":"U330503"}"#,
                r#"{"fact":"custody.exited","at":"2026-03-03T11:00:00+08:00","id":"S5","destination":"released"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-03T12:00:00+08:00","id":"S5","kind":"illness"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a report to the inspectorate with nothing to report",
            &[
                r#"{"fact":"person.registered","at":"2026-03-03T09:00:00+08:00","id":"P8","name":"某人","gender":"male"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T10:00:00+08:00","id":"S5","person":"P8","center":"U330503"}"#,
                r#"{"fact":"custody.incident_reported","at":"2026-03-03T11:00:00+08:00","id":"S5"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a cause-of-death appraisal with no death",
            &[
                r#"{"fact":"person.registered","at":"2026-03-03T09:00:00+08:00","id":"P8","name":"某人","gender":"male"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T10:00:00+08:00","id":"S5","person":"P8","center":"U330503"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-03T11:00:00+08:00","id":"S5","kind":"injury"}"#,
                r#"{"fact":"custody.death_appraisal_commissioned","at":"2026-03-03T12:00:00+08:00","id":"S5"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "an incident after the person's death",
            &[
                r#"{"fact":"person.registered","at":"2026-03-03T09:00:00+08:00","id":"P8","name":"某人","gender":"male"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T10:00:00+08:00","id":"S5","person":"P8","center":"U330503"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-03T11:00:00+08:00","id":"S5","kind":"death"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-03T12:00:00+08:00","id":"S5","kind":"illness"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a death, reported and its appraisal commissioned after the person left",
            &[
                r#"{"fact":"person.registered","at":"2026-03-03T09:00:00+08:00","id":"P8","name":"某人","gender":"male"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T10:00:00+08:00","id":"S5","person":"P8","center":"U330503"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-03T11:00:00+08:00","id":"S5","kind":"death"}"#,
                r#"{"fact":"custody.exited","at":"2026-03-03T12:00:00+08:00","id":"S5","destination":"hospital"}"#,
                r#"{"fact":"custody.incident_reported","at":"2026-03-03T13:00:00+08:00","id":"S5"}"#,
                r#"{"fact":"custody.death_appraisal_commissioned","at":"2026-03-03T14:00:00+08:00","id":"S5"}"#,
            ],
            None,
        ),
        (
            "a compulsory rehabilitation delivered to a detention house",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"compulsory_rehab"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-03T10:00:00+08:00","id":"M5","facility":"detention_house"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a detention delivered to a rehabilitation center",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"admin_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-03T10:00:00+08:00","id":"M5","facility":"rehab_center"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a compulsory rehabilitation delivered to its center",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T09:00:00+08:00","id":"M5","person":"P1","case":"C5","kind":"compulsory_rehab"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-03T10:00:00+08:00","id":"M5","facility":"rehab_center"}"#,
            ],
            None,
        ),
        (
            "a reminder served on a person the decision does not penalise",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"no_penalty","decided_by_unit":"U330503"}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-03T09:00:00+08:00","id":"C5","person":"P1","step":"reminder_served"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a reminder served twice",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-03T09:00:00+08:00","id":"C5","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-05T09:00:00+08:00","id":"C5","person":"P1","step":"reminder_served"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a court applied to after the person complied",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-03T09:00:00+08:00","id":"C5","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-05T09:00:00+08:00","id":"C5","person":"P1","step":"complied"}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-20T09:00:00+08:00","id":"C5","person":"P1","step":"court_applied"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a reminder, a lawsuit, then compliance",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-03T09:00:00+08:00","id":"C5","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-04-05T09:00:00+08:00","id":"C5","person":"P1","step":"contested"}"#,
                r#"{"fact":"case.enforcement","at":"2026-06-05T09:00:00+08:00","id":"C5","person":"P1","step":"complied"}"#,
            ],
            None,
        ),
        (
            "an item flagged twice",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"property.seized","at":"2026-03-03T11:00:00+08:00","id":"W5","case":"C5","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":300,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-04T09:00:00+08:00","id":"W5","flag":"perishable"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-05T09:00:00+08:00","id":"W5","flag":"hazardous"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "an item flagged after it was disposed of",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"property.seized","at":"2026-03-03T11:00:00+08:00","id":"W5","case":"C5","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":300,"seized_by":"O2"}"#,
                r#"{"fact":"property.disposed","at":"2026-03-04T09:00:00+08:00","id":"W5","method":"sold"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-05T09:00:00+08:00","id":"W5","flag":"perishable"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a hazardous item flagged and moved to a dedicated store",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"property.seized","at":"2026-03-03T11:00:00+08:00","id":"W5","case":"C5","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":300,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-04T09:00:00+08:00","id":"W5","flag":"hazardous"}"#,
                r#"{"fact":"property.stored","at":"2026-03-04T10:00:00+08:00","id":"W5","location":"危险品库","custodian":"O2","hazmat_store":true}"#,
            ],
            None,
        ),
        (
            "a receipt issued twice",
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J5","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.receipt_issued","at":"2026-03-03T08:05:00+08:00","id":"J5"}"#,
                r#"{"fact":"incident.receipt_issued","at":"2026-03-03T08:10:00+08:00","id":"J5"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a reporter told with no finding to tell",
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J5","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.reporter_told","at":"2026-03-03T08:05:00+08:00","id":"J5"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a jurisdiction found after the disposal",
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J5","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-03T09:00:00+08:00","id":"J5","result":"mediated"}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-03T09:05:00+08:00","id":"J5","finding":"other_unit"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "evidence with no word on its list",
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J5","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.evidence_received","at":"2026-03-03T08:05:00+08:00","id":"J5"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a walk-in report: receipt, evidence, not this unit's, the reporter told, transferred",
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J5","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.receipt_issued","at":"2026-03-03T08:05:00+08:00","id":"J5"}"#,
                r#"{"fact":"incident.evidence_received","at":"2026-03-03T08:06:00+08:00","id":"J5","listed":true}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-03T08:30:00+08:00","id":"J5","finding":"other_unit"}"#,
                r#"{"fact":"incident.reporter_told","at":"2026-03-03T08:40:00+08:00","id":"J5","written":true}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-03T10:00:00+08:00","id":"J5","result":"transferred"}"#,
            ],
            None,
        ),
        (
            "a case transferred to its own unit",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T09:00:00+08:00","id":"C5","to_unit":"U33050301"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a case transferred twice",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T09:00:00+08:00","id":"C5","to_unit":"U330503"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T10:00:00+08:00","id":"C5","to_unit":"U330503"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a decided case transferred",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"mediated","decided_by_unit":"U330503"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T10:00:00+08:00","id":"C5","to_unit":"U330503"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a criminal case's mediation barred",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.mediation_barred","at":"2026-03-03T09:00:00+08:00","id":"C5","reason":"refused"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "the same bar on mediation twice",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.mediation_barred","at":"2026-03-03T09:00:00+08:00","id":"C5","reason":"refused"}"#,
                r#"{"fact":"case.mediation_barred","at":"2026-03-03T10:00:00+08:00","id":"C5","reason":"refused"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a release naming an unknown person",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.publicized","at":"2026-03-03T09:00:00+08:00","id":"C5","identified":["P404"]}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "found outside the jurisdiction, transferred, a release naming no one",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T10:00:00+08:00","id":"C5","to_unit":"U330503"}"#,
                r#"{"fact":"case.publicized","at":"2026-03-03T11:00:00+08:00","id":"C5"}"#,
            ],
            None,
        ),
        (
            "an administrative case said to come from an agency",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x","from_agency":true}"#,
            ],
            Some(Invalid),
        ),
        (
            "completion requested of a case no agency transferred",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.completion_requested","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "reconsideration asked of a case not refused filing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.reconsideration_requested","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "reconsideration decided with none asked",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.reconsideration_decided","at":"2026-03-03T10:00:00+08:00","id":"C5","upheld":true}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "an agency's case: completion requested, not filed, reconsidered, filed after all",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.completion_requested","at":"2026-03-03T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-04T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.reconsideration_requested","at":"2026-03-05T09:00:00+08:00","id":"C5"}"#,
                r#"{"fact":"case.reconsideration_decided","at":"2026-03-06T09:00:00+08:00","id":"C5","upheld":false}"#,
                r#"{"fact":"case.filed","at":"2026-03-06T10:00:00+08:00","id":"C5"}"#,
            ],
            None,
        ),
        (
            "an identification with nothing shown",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T09:00:00+08:00","id":"C5","identifier":"P1","kind":"person","lineup":0,"officers":["O2"]}"#,
            ],
            Some(Invalid),
        ),
        (
            "an identification led by no one",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T09:00:00+08:00","id":"C5","identifier":"P1","kind":"person","lineup":7,"officers":[]}"#,
            ],
            Some(Invalid),
        ),
        (
            "an identification by an unknown person",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T09:00:00+08:00","id":"C5","identifier":"P404","kind":"person","lineup":7,"officers":["O2"]}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "a document listing an unknown element",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T09:00:00+08:00","id":"D5","case":"C5","kind":"penalty_decision","number":"N5","contents":["identity","signature"]}"#,
            ],
            Some(Invalid),
        ),
        (
            "a fine collected where the case fined no one",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:00:00+08:00","id":"C5","person":"P1","step":"collected","amount_yuan":200}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a fine collected with no amount",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:00:00+08:00","id":"C5","person":"P1","step":"collected"}"#,
            ],
            Some(Invalid),
        ),
        (
            "cash deposited before it was handed over",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:00:00+08:00","id":"C5","person":"P1","step":"collected","amount_yuan":200}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T11:00:00+08:00","id":"C5","person":"P1","step":"deposited"}"#,
            ],
            Some(ImpossibleTransition),
        ),
        (
            "a fine collected, handed over and deposited",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T09:00:00+08:00","id":"C5","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:00:00+08:00","id":"C5","person":"P1","step":"collected","amount_yuan":200}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T11:00:00+08:00","id":"C5","person":"P1","step":"handed_over"}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T12:00:00+08:00","id":"C5","person":"P1","step":"deposited"}"#,
            ],
            None,
        ),
        (
            "a security check by an officer never defined",
            &[
                r#"{"fact":"custody.security_checked","at":"2026-03-02T10:40:00+08:00","id":"S1","officers":["O404"]}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "a security check naming who did it",
            &[
                r#"{"fact":"custody.security_checked","at":"2026-03-02T10:40:00+08:00","id":"S1","officers":["O2"]}"#,
            ],
            None,
        ),
        (
            "a body search said to be done by a doctor",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T09:00:00+08:00","id":"C5","person":"P1","kind":"search","officers":["O2"],"doctor":true}"#,
            ],
            Some(Invalid),
        ),
        (
            "a body search naming no one who did it",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T09:00:00+08:00","id":"C5","person":"P1","kind":"search","officers":[]}"#,
            ],
            Some(Invalid),
        ),
        (
            "a body search of an unknown person",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T09:00:00+08:00","id":"C5","person":"P404","kind":"search","officers":["O2"]}"#,
            ],
            Some(UnknownReference),
        ),
        (
            "an examination by a doctor",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft"}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T09:00:00+08:00","id":"C5","person":"P1","kind":"examination","officers":["O2"],"doctor":true}"#,
            ],
            None,
        ),
        (
            "a criminal case marked as another administrative case",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"criminal","category":"theft","other_administrative":true}"#,
            ],
            Some(Invalid),
        ),
        (
            "another administrative case",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T08:00:00+08:00","id":"C5","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true}"#,
            ],
            None,
        ),
        (
            "a nationality that is not an ISO 3166-1 code",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P9","name":"某人","gender":"male","nationality":"美国"}"#,
            ],
            Some(Invalid),
        ),
        (
            "a procuratorate's notice of an unknown kind",
            &[
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-20T10:00:00+08:00","id":"C1","notice":"approve_arrest"}"#,
            ],
            Some(Invalid),
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

/// A red warning about measure M1 (RQ-04: a summons held too long), raised at 20:30.
const RAISED: &str = r#"{"fact":"warning.raised","at":"2026-03-02T20:30:00+08:00","id":"YJ1","rule":"RQ-04","element":"measure","subject":"M1","level":"red","due":"2026-03-02T22:20:00+08:00","message":"传唤持续时间即将超过12小时"}"#;

/// One line of a warning fact about YJ1 at a time on 2026-03-03.
fn warning_line(time: &str, rest: &str) -> String {
    format!(r#"{{"at":"2026-03-03T{time}:00+08:00","id":"YJ1",{rest}}}"#)
}

fn with_warning() -> World {
    let mut world = base();
    apply_lines(&mut world, &[RAISED]).unwrap();
    world
}

fn warning(world: &World) -> &WarningState {
    &world.warnings[&WarningId::parse("YJ1").unwrap()]
}

#[test]
fn a_warning_is_worked_through_its_whole_loop() {
    let mut world = with_warning();
    let w = warning(&world);
    assert_eq!(
        w.unit.as_str(),
        "U33050301",
        "the unit of the measure's case"
    );
    assert_eq!((w.stage, w.level), (LoopStage::Found, WarningLevel::Red));
    let lines = [
        warning_line(
            "08:00",
            r#""fact":"warning.verified","confirmed":true,"reason":"调取台账，属实""#,
        ),
        warning_line(
            "09:00",
            r#""fact":"warning.rectification_ordered","deadline":"2026-03-10T18:00:00+08:00","instruction":"补录到案时间并说明超时原因""#,
        ),
        warning_line("10:00", r#""fact":"warning.cleared""#),
        warning_line(
            "11:00",
            r#""fact":"warning.rectified","evidence":"情况说明及补录记录""#,
        ),
        warning_line(
            "12:00",
            r#""fact":"warning.accountability_decided","outcome":"written_review","note":"办案民警书面检查""#,
        ),
        warning_line("13:00", r#""fact":"warning.closed","note":"督办完毕""#),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    apply_lines(&mut world, &lines).unwrap();
    let w = warning(&world);
    let at = |s: &str| At::parse(&format!("2026-03-03T{s}:00+08:00")).unwrap();
    assert_eq!(w.stage, LoopStage::Closed);
    assert_eq!(w.confirmed, Some(true));
    assert_eq!(w.verified_at, Some(at("08:00")));
    assert_eq!(w.ordered_at, Some(at("09:00")));
    assert_eq!(
        w.deadline,
        Some(At::parse("2026-03-10T18:00:00+08:00").unwrap())
    );
    assert_eq!(w.instruction, "补录到案时间并说明超时原因");
    assert_eq!(w.cleared_at, Some(at("10:00")));
    assert_eq!(w.rectified_at, Some(at("11:00")));
    assert_eq!(w.evidence, "情况说明及补录记录");
    assert_eq!(w.accountability_at, Some(at("12:00")));
    assert_eq!(w.outcome, Some(AccountabilityOutcome::WrittenReview));
    assert_eq!(w.closed_at, Some(at("13:00")));
    assert_eq!(w.closing_note, "督办完毕");
    assert_eq!(w.last_step_at(), at("13:00"));
}

#[test]
fn a_false_positive_is_closed_with_its_reason() {
    let mut world = with_warning();
    let lines = [
        warning_line(
            "08:00",
            r#""fact":"warning.verified","confirmed":false,"reason":"到案时间录入错误，实际未超时""#,
        ),
        warning_line("09:00", r#""fact":"warning.closed""#),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    apply_lines(&mut world, &lines).unwrap();
    let w = warning(&world);
    assert_eq!(w.stage, LoopStage::Closed);
    assert_eq!(w.confirmed, Some(false));
    assert_eq!(w.verification_reason, "到案时间录入错误，实际未超时");
    assert_eq!(w.ordered_at, None);
    // The engine may still clear it after the loop is closed.
    apply_lines(
        &mut world,
        &[&warning_line("10:00", r#""fact":"warning.cleared""#)],
    )
    .unwrap();
    assert!(warning(&world).is_cleared());
}

#[test]
fn level_changes_are_kept_in_the_history() {
    let mut world = base();
    let yellow = RAISED.replace(r#""level":"red""#, r#""level":"yellow""#);
    let change = warning_line(
        "08:00",
        r#""fact":"warning.level_changed","level":"red","message":"传唤已超过12小时""#,
    );
    apply_lines(&mut world, &[&yellow, &change]).unwrap();
    let w = warning(&world);
    assert_eq!(w.level, WarningLevel::Red);
    assert_eq!(w.due, None, "the change states the deadline that now holds");
    assert_eq!(w.message, "传唤已超过12小时");
    assert_eq!(
        w.history.iter().map(|(_, l)| *l).collect::<Vec<_>>(),
        [WarningLevel::Yellow, WarningLevel::Red]
    );
    assert_eq!(
        w.history[1].0,
        At::parse("2026-03-03T08:00:00+08:00").unwrap()
    );
}

/// Each row: what it shows, the facts applied after the raise of YJ1, and the code (and field,
/// when one is at fault) of the refusal of the last one.
#[test]
fn impossible_warning_transitions_are_refused() {
    use ErrorCode::*;
    let verified = r#""fact":"warning.verified","confirmed":true"#;
    let false_positive = r#""fact":"warning.verified","confirmed":false,"reason":"系统误判""#;
    let ordered = r#""fact":"warning.rectification_ordered","deadline":"2026-03-10T18:00:00+08:00","instruction":"整改""#;
    let rectified = r#""fact":"warning.rectified","evidence":"整改报告""#;
    let accountability = r#""fact":"warning.accountability_decided","outcome":"none""#;
    let closed = r#""fact":"warning.closed""#;
    let cleared = r#""fact":"warning.cleared""#;
    /// What it shows, the steps (time, fields), and the refusal's code and field.
    type Row<'a> = (
        &'a str,
        &'a [(&'a str, &'a str)],
        ErrorCode,
        Option<&'a str>,
    );
    let rows: &[Row] = &[
        (
            "verifying twice",
            &[("08:00", verified), ("09:00", verified)],
            ImpossibleTransition,
            None,
        ),
        (
            "verifying a false positive again",
            &[("08:00", false_positive), ("09:00", verified)],
            ImpossibleTransition,
            None,
        ),
        (
            "a false positive without a reason",
            &[(
                "08:00",
                r#""fact":"warning.verified","confirmed":false,"reason":"  ""#,
            )],
            Invalid,
            Some("reason"),
        ),
        (
            "ordering rectification before verifying",
            &[("08:00", ordered)],
            ImpossibleTransition,
            None,
        ),
        (
            "ordering rectification of a false positive",
            &[("08:00", false_positive), ("09:00", ordered)],
            ImpossibleTransition,
            None,
        ),
        (
            "a rectification deadline before the order",
            &[
                ("08:00", verified),
                (
                    "09:00",
                    r#""fact":"warning.rectification_ordered","deadline":"2026-03-03T09:00:00+08:00","instruction":"整改""#,
                ),
            ],
            Invalid,
            Some("deadline"),
        ),
        (
            "rectified without an order",
            &[("08:00", verified), ("09:00", rectified)],
            ImpossibleTransition,
            None,
        ),
        (
            "rectified twice",
            &[
                ("08:00", verified),
                ("09:00", ordered),
                ("10:00", rectified),
                ("11:00", rectified),
            ],
            ImpossibleTransition,
            None,
        ),
        (
            "rectified without evidence",
            &[
                ("08:00", verified),
                ("09:00", ordered),
                ("10:00", r#""fact":"warning.rectified","evidence":"""#),
            ],
            Invalid,
            Some("evidence"),
        ),
        (
            "accountability before verifying",
            &[("08:00", accountability)],
            ImpossibleTransition,
            None,
        ),
        (
            "accountability while rectification is pending",
            &[
                ("08:00", verified),
                ("09:00", ordered),
                ("10:00", accountability),
            ],
            ImpossibleTransition,
            None,
        ),
        (
            "accountability for a false positive",
            &[("08:00", false_positive), ("09:00", accountability)],
            ImpossibleTransition,
            None,
        ),
        (
            "closing a warning still to verify",
            &[("08:00", closed)],
            ImpossibleTransition,
            None,
        ),
        (
            "closing a confirmed warning with nothing done",
            &[("08:00", verified), ("09:00", closed)],
            ImpossibleTransition,
            None,
        ),
        (
            "closing while rectification is pending",
            &[("08:00", verified), ("09:00", ordered), ("10:00", closed)],
            ImpossibleTransition,
            None,
        ),
        (
            "closing twice",
            &[
                ("08:00", false_positive),
                ("09:00", closed),
                ("10:00", closed),
            ],
            ImpossibleTransition,
            None,
        ),
        (
            "a step after closing",
            &[
                ("08:00", verified),
                ("09:00", accountability),
                ("10:00", closed),
                ("11:00", ordered),
            ],
            ImpossibleTransition,
            None,
        ),
        (
            "a step earlier than the one before",
            &[("09:00", verified), ("08:00", accountability)],
            Invalid,
            Some("at"),
        ),
        (
            "clearing twice",
            &[("08:00", cleared), ("09:00", cleared)],
            ImpossibleTransition,
            None,
        ),
        (
            "a level change after clearing",
            &[
                ("08:00", cleared),
                (
                    "09:00",
                    r#""fact":"warning.level_changed","level":"yellow","message":"降级""#,
                ),
            ],
            ImpossibleTransition,
            None,
        ),
        (
            "a level change to the same level",
            &[(
                "08:00",
                r#""fact":"warning.level_changed","level":"red","message":"仍为红色""#,
            )],
            ImpossibleTransition,
            None,
        ),
    ];
    for (what, steps, code, field) in rows {
        let mut world = with_warning();
        let lines: Vec<String> = steps
            .iter()
            .map(|(time, rest)| warning_line(time, rest))
            .collect();
        let (last, before) = lines.split_last().unwrap();
        let before: Vec<&str> = before.iter().map(String::as_str).collect();
        apply_lines(&mut world, &before).unwrap_or_else(|e| panic!("{what}: {e}"));
        let snapshot = world.view(ElementKind::Warning, "YJ1");
        let error = apply_lines(&mut world, &[last]).expect_err(what);
        assert_eq!(error.code, *code, "{what}: {error}");
        if let Some(field) = field {
            assert_eq!(error.field.as_deref(), Some(*field), "{what}: {error}");
        }
        assert!(!error.message_zh.is_empty() && !error.message_en.is_empty());
        assert_eq!(
            world.view(ElementKind::Warning, "YJ1"),
            snapshot,
            "{what}: refused, unchanged"
        );
    }
    let never_raised = r#"{"fact":"warning.verified","at":"2026-03-03T08:00:00+08:00","id":"YJ9","confirmed":true}"#;
    let error = apply_lines(&mut with_warning(), &[never_raised]).unwrap_err();
    assert_eq!(
        (error.code, error.field.as_deref()),
        (UnknownReference, Some("id"))
    );
}

#[test]
fn a_raise_names_an_element_that_exists_then() {
    use ErrorCode::*;
    let second = RAISED.replace(r#""id":"YJ1""#, r#""id":"YJ2""#);
    let rows: &[(&str, String, ErrorCode, &str)] = &[
        (
            "a second raise of the same id",
            RAISED.to_string(),
            Duplicate,
            "id",
        ),
        (
            "a subject that does not exist",
            second.replace(r#""subject":"M1""#, r#""subject":"M9""#),
            UnknownReference,
            "subject",
        ),
        (
            "a subject of another kind",
            second.replace(r#""element":"measure""#, r#""element":"case""#),
            UnknownReference,
            "subject",
        ),
        (
            "a subject defined later",
            second.replace("2026-03-02T20:30", "2026-03-02T10:00"),
            UnknownReference,
            "subject",
        ),
        (
            "a warning about a warning, by a rule not of the loop (only DB-… rules are)",
            second.replace(
                r#""element":"measure","subject":"M1""#,
                r#""element":"warning","subject":"YJ1""#,
            ),
            Invalid,
            "element",
        ),
        (
            "no rule",
            second.replace(r#""rule":"RQ-04""#, r#""rule":"""#),
            Invalid,
            "rule",
        ),
        (
            "no message",
            second.replace("传唤持续时间即将超过12小时", " "),
            Invalid,
            "message",
        ),
    ];
    for (what, line, code, field) in rows {
        let mut world = with_warning();
        let error = apply_lines(&mut world, &[line]).expect_err(what);
        assert_eq!(error.code, *code, "{what}: {error}");
        assert_eq!(error.field.as_deref(), Some(*field), "{what}: {error}");
    }
    // Any element kind with a view may be the subject; the unit is the subject's owner.
    let mut world = with_warning();
    let about_person = RAISED.replace(r#""id":"YJ1""#, r#""id":"YJ2""#).replace(
        r#""element":"measure","subject":"M1""#,
        r#""element":"person","subject":"P1""#,
    );
    apply_lines(&mut world, &[&about_person]).unwrap();
    assert_eq!(
        world.owner_unit(ElementKind::Warning, "YJ2"),
        world.owner_unit(ElementKind::Person, "P1")
    );
}

#[test]
fn rollback_restores_a_warning() {
    let mut world = with_warning();
    let raised = world.view(ElementKind::Warning, "YJ1");
    world.begin();
    apply_lines(
        &mut world,
        &[&warning_line(
            "08:00",
            r#""fact":"warning.verified","confirmed":true"#,
        )],
    )
    .unwrap();
    let verified = world.view(ElementKind::Warning, "YJ1");
    let mark = world.journal_mark();
    let later = [
        warning_line(
            "09:00",
            r#""fact":"warning.accountability_decided","outcome":"education""#,
        ),
        warning_line("10:00", r#""fact":"warning.closed""#),
        warning_line("10:00", r#""fact":"warning.cleared""#),
    ];
    let later: Vec<&str> = later.iter().map(String::as_str).collect();
    apply_lines(&mut world, &later).unwrap();
    let new_one = RAISED
        .replace(r#""id":"YJ1""#, r#""id":"YJ2""#)
        .replace("2026-03-02T20:30", "2026-03-03T11:00");
    apply_lines(&mut world, &[&new_one]).unwrap();
    world.rollback_to(mark);
    assert_eq!(world.view(ElementKind::Warning, "YJ1"), verified);
    assert!(!world.exists(ElementKind::Warning, "YJ2"));
    world.rollback();
    assert_eq!(world.view(ElementKind::Warning, "YJ1"), raised);
    assert_eq!(warning(&world).stage, LoopStage::Found);
}

#[test]
fn a_warnings_view_shows_its_stage_level_and_subject() {
    let mut world = with_warning();
    let view = world.view(ElementKind::Warning, "YJ1").unwrap();
    assert_eq!((view.status, view.status_label), ("found", "发现"));
    assert_eq!(view.title, "RQ-04 红色预警 · M1");
    assert_eq!(view.tag, "red");
    assert_eq!(view.unit, "U33050301");
    assert_eq!(view.unit_path, "/U33/U3305/U330503/U33050301/");
    assert_eq!(view.county, "U330503");
    assert_eq!(
        view.opened_at,
        At::parse("2026-03-02T20:30:00+08:00").unwrap()
    );
    assert_eq!(
        view.links,
        [Link {
            kind: ElementKind::Measure,
            id: "M1".into(),
            role: "subject".into()
        }]
    );
    let snapshot: serde_json::Value = serde_json::from_str(&view.snapshot).unwrap();
    assert_eq!(snapshot["element"], "measure");
    assert_eq!(snapshot["stage"], "found");
    let back: WarningState = serde_json::from_str(&view.snapshot).unwrap();
    assert_eq!(&back, warning(&world));
    assert!(world.exists(ElementKind::Warning, "YJ1"));
    assert_eq!(world.ids(ElementKind::Warning), ["YJ1"]);
    // Cleared before anyone verified it: shown as cleared; once verified, by its stage.
    apply_lines(
        &mut world,
        &[&warning_line("08:00", r#""fact":"warning.cleared""#)],
    )
    .unwrap();
    let view = world.view(ElementKind::Warning, "YJ1").unwrap();
    assert_eq!((view.status, view.status_label), ("cleared", "已解除"));
    apply_lines(
        &mut world,
        &[&warning_line(
            "09:00",
            r#""fact":"warning.verified","confirmed":true"#,
        )],
    )
    .unwrap();
    let view = world.view(ElementKind::Warning, "YJ1").unwrap();
    assert_eq!((view.status, view.status_label), ("verified", "已核查"));
    // Facts about the warning go to the chain of the subject's county.
    let applied = world
        .apply(
            &Fact::from_line(&warning_line(
                "10:00",
                r#""fact":"warning.accountability_decided","outcome":"none""#,
            ))
            .unwrap(),
            None,
        )
        .unwrap();
    assert_eq!(applied.unit.as_ref().map(UnitId::as_str), Some("U33050301"));
    assert_eq!(applied.touched, [(ElementKind::Warning, "YJ1".to_string())]);
}

/// The open warnings counted by scan: by (rule, level), those neither cleared nor closed of the
/// units under `path`.
fn open_by_scan(world: &World, path: &str) -> BTreeMap<(String, WarningLevel), u32> {
    let mut counts = BTreeMap::new();
    for w in world.warnings.values() {
        if !w.is_cleared()
            && w.stage != LoopStage::Closed
            && world.unit_path(Some(&w.unit)).starts_with(path)
        {
            *counts.entry((w.rule.clone(), w.level)).or_default() += 1;
        }
    }
    counts
}

fn open_by_tally(world: &World, path: &str) -> BTreeMap<(String, WarningLevel), u32> {
    let counts = world.open_warnings(path).into_iter();
    counts.map(|(r, l, n)| ((r.to_string(), l), n)).collect()
}

/// The tally of open warnings (the dashboard's maintained aggregate) equals a count by scan, for
/// every unit, after each fact: as warnings are raised in a station and a county, change
/// level, are cleared and closed, and as segments are rolled back.
#[test]
fn the_open_warnings_tally_equals_a_count_after_every_fact() {
    let mut world = base();
    let paths: Vec<String> = world.units.values().map(|u| u.path.clone()).collect();
    let check = |world: &World, step: &str| {
        for path in &paths {
            assert_eq!(
                open_by_tally(world, path),
                open_by_scan(world, path),
                "{step}: {path}"
            );
        }
    };
    let on_stay = RAISED
        .replace(r#""id":"YJ1""#, r#""id":"YJ2""#)
        .replace(r#""rule":"RQ-04""#, r#""rule":"CS-03""#)
        .replace(
            r#""element":"measure","subject":"M1""#,
            r#""element":"stay","subject":"S1""#,
        )
        .replace(r#""level":"red""#, r#""level":"yellow""#);
    let yj2 = |line: String| line.replace(r#""id":"YJ1""#, r#""id":"YJ2""#);
    let steps = [
        RAISED.to_string(),
        on_stay,
        yj2(warning_line(
            "08:00",
            r#""fact":"warning.level_changed","level":"red","message":"已超时""#,
        )),
        warning_line(
            "08:30",
            r#""fact":"warning.verified","confirmed":false,"reason":"误报""#,
        ),
        warning_line("09:00", r#""fact":"warning.closed""#),
        yj2(warning_line("10:00", r#""fact":"warning.cleared""#)),
    ];
    world.begin();
    for (k, line) in steps.iter().enumerate() {
        apply_lines(&mut world, &[line]).unwrap();
        check(&world, line);
        if k == 1 {
            // Both raised: the station sees its own, the county and above both.
            let province = open_by_tally(&world, "/U33/");
            let station = open_by_tally(&world, "/U33/U3305/U330503/U33050301/");
            assert_eq!(province.values().sum::<u32>(), 2, "{province:?}");
            assert_eq!(station.len(), 1, "{station:?}");
        }
    }
    assert!(
        open_by_tally(&world, "/U33/").is_empty(),
        "all cleared or closed"
    );
    let mark = world.journal_mark();
    let again = RAISED.replace(r#""id":"YJ1""#, r#""id":"YJ3""#);
    apply_lines(&mut world, &[&again]).unwrap();
    check(&world, "raised again");
    world.rollback_to(mark);
    check(&world, "rolled back to the mark");
    world.rollback();
    check(&world, "rolled back");
    assert!(world.warnings.is_empty());
}
