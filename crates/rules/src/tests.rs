//! Each rule by its basis: table tests citing the article they enforce.

use super::*;
use domain::{At, Fact};

const BASE: &str = r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33","name":"省厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U3305","name":"市局","parent":"U33","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U330503","name":"分局","parent":"U3305","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33050301","name":"派出所","parent":"U330503","level":"station"}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O2","name":"李明","unit":"U33050301","gender":"male","roles":["officer"]}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1","unit":"U33050301","kind":"criminal","category":"050200"}
{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C1"}
{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P1","name":"钱一","gender":"male","birth_date":"1980-01-01"}
{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P1","case":"C1","role":"suspect"}"#;

fn levels(extra: &[&str], now: &str) -> Vec<(&'static str, String, LevelCode)> {
    let mut world = World::new();
    for line in BASE.lines().chain(extra.iter().copied()) {
        world.apply(&Fact::from_line(line).unwrap(), None).unwrap();
    }
    screen(&world, At::parse(now).unwrap().instant())
        .into_iter()
        .map(|w| (w.rule, w.subject, w.level))
        .collect()
}

/// (what it shows, with its basis; facts after BASE; screening time; rule, subject, level or
/// none).
type Case = (
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static str,
    Option<LevelCode>,
);

#[test]
fn each_rule_by_its_basis() {
    use LevelCode::*;
    let cases: &[Case] = &[
        (
            "XS-01 受立案意见: an unfiled criminal case is red after 3 days",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
            ],
            "2026-03-06T00:00:00+08:00",
            "XS-01",
            "C2",
            Some(Red),
        ),
        (
            "XS-02: an economic case has 7 days",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"030000","economic":true}"#,
            ],
            "2026-03-06T00:00:00+08:00",
            "XS-01",
            "C2",
            None,
        ),
        (
            "RQ-01 CPL §119: a summons is yellow with 1 h of its 12 h left",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:20:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
            ],
            "2026-03-02T21:20:00+08:00",
            "RQ-01",
            "M1",
            Some(Yellow),
        ),
        (
            "RQ-01 CPL §119: an extension to 24 h lowers it",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:20:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
                r#"{"fact":"measure.extended","at":"2026-03-02T20:00:00+08:00","id":"M1","hours":24,"approved_by":"O2"}"#,
            ],
            "2026-03-02T21:20:00+08:00",
            "RQ-01",
            "M1",
            None,
        ),
        (
            "RQ-02 治安法12 §83: questioning is red after 8 h",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"admin_questioning"}"#,
            ],
            "2026-03-02T18:00:00+08:00",
            "RQ-02",
            "M1",
            Some(Red),
        ),
        (
            "RQ-04 CPL §85: detained, not delivered after 24 h",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
            "RQ-04",
            "M1",
            Some(Red),
        ),
        (
            "RQ-05 CPL §85: family not notified, blue at half of 24 h",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-02T22:00:00+08:00",
            "RQ-05",
            "M1",
            Some(Blue),
        ),
        (
            "RQ-07 CPL §91: 3 days of detention end on a Saturday and do not move",
            &[
                r#"{"fact":"measure.started","at":"2026-03-04T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-08T00:00:00+08:00",
            "RQ-07",
            "M1",
            Some(Red),
        ),
        (
            "RQ-09 CPL §156: arrest red 7 days before 2 months end",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
            ],
            "2026-04-26T00:00:00+08:00",
            "RQ-09",
            "M1",
            Some(Red),
        ),
        (
            "RQ-13 CPL §79: bail blue 30 days before 12 months",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"bail"}"#,
            ],
            "2027-02-05T00:00:00+08:00",
            "RQ-13",
            "M1",
            Some(Blue),
        ),
        (
            "RQ-14 CPL §79: surveillance yellow 15 days before 6 months",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"residential_surveillance"}"#,
            ],
            "2026-08-20T00:00:00+08:00",
            "RQ-14",
            "M1",
            Some(Yellow),
        ),
        (
            "JQ-02 警察法 §21: dispatched, not arrived after 30 min is yellow",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                r#"{"fact":"incident.dispatched","at":"2026-03-02T10:05:00+08:00","id":"J1","officers":["O2"]}"#,
            ],
            "2026-03-02T10:35:00+08:00",
            "JQ-02",
            "J1",
            Some(Yellow),
        ),
        (
            "JQ-02: not disposed 24 h after receipt is red",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
            "JQ-02",
            "J1",
            Some(Red),
        ),
        (
            "JQ-04 受立案意见: a criminal incident with no case is blue at half of 24 h",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
            ],
            "2026-03-02T22:00:00+08:00",
            "JQ-04",
            "J1",
            Some(Blue),
        ),
        (
            "JQ-05 CPL §110: a criminal incident closed as mediated is yellow at once",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T11:00:00+08:00","id":"J1","result":"mediated"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "JQ-05",
            "J1",
            Some(Yellow),
        ),
        (
            "JQ-05: recategorized to a dispute is yellow too",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"criminal","category":"theft"}"#,
                r#"{"fact":"incident.recategorized","at":"2026-03-02T11:00:00+08:00","id":"J1","nature":"dispute","category":"dispute.neighbour"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "JQ-05",
            "J1",
            Some(Yellow),
        ),
        (
            "XZ-06 处罚法 §44: a fine without prior notice is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "XZ-06",
            "C2",
            Some(Red),
        ),
        (
            "XZ-06: with the notice the day before, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "XZ-06",
            "C2",
            None,
        ),
        (
            "XZ-08 处罚法 §58: detention decided by a station, unreviewed, is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U33050301","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "XZ-08",
            "C2",
            Some(Red),
        ),
        (
            "JZ-01 行规 §36: not served 2 days on; the last day (a Saturday) moves to Monday, red after it",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
            ],
            "2026-03-10T00:00:00+08:00",
            "JZ-01",
            "C2",
            Some(Red),
        ),
        (
            "JZ-01: served, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-05T11:00:00+08:00","id":"D1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-05T12:00:00+08:00","id":"D1","to":"P1"}"#,
            ],
            "2026-03-08T00:00:00+08:00",
            "JZ-01",
            "C2",
            None,
        ),
        (
            "TS-01 CPL §281: a 15-year-old questioned without a guardian is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"],"female_staff_present":true}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "TS-01",
            "I1",
            Some(Red),
        ),
        (
            "TS-02 CPL §281: a girl questioned with no female staff is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"],"guardian_present":true}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "TS-02",
            "I1",
            Some(Red),
        ),
        (
            "CS-07 行规 §71: a 15-year-old placed in a holding room is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T11:10:00+08:00",
            "CS-07",
            "S1",
            Some(Red),
        ),
        (
            "CS-07: an adult in the same room, nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T11:10:00+08:00",
            "CS-07",
            "S1",
            None,
        ),
        (
            "XZ-04 行规 §40: fast-track undecided 48 h after the suspect arrived is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"case.fast_track","at":"2026-03-02T10:30:00+08:00","id":"C2"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_questioning"}"#,
            ],
            "2026-03-04T10:00:00+08:00",
            "XZ-04",
            "C2",
            Some(Red),
        ),
        (
            "XZ-14 行规 §172: a light injury kept as an administrative case is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-03T10:00:00+08:00","id":"C2","person":"P1","grade":"light"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
            "XZ-14",
            "C2",
            Some(Red),
        ),
        (
            "XS-05 刑规 §178: no not-filing notice served 3 days on is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-02T12:00:00+08:00","id":"C2"}"#,
            ],
            "2026-03-06T00:00:00+08:00",
            "XS-05",
            "C2",
            Some(Red),
        ),
        (
            "XS-08 刑规 §107: filed, no act for 30 × 24 h is yellow",
            &[],
            "2026-04-01T09:00:00+08:00",
            "XS-08",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-08: for 90 × 24 h red",
            &[],
            "2026-05-31T09:00:00+08:00",
            "XS-08",
            "C1",
            Some(Red),
        ),
        (
            "XS-08: an act 10 days before resets it",
            &[
                r#"{"fact":"case.act","at":"2026-05-21T09:00:00+08:00","id":"C1","act":"questioning"}"#,
            ],
            "2026-05-31T09:00:00+08:00",
            "XS-08",
            "C1",
            None,
        ),
        (
            "RQ-03 盘问规定 §11: continued questioning of an adult is red after 12 h",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"continued_questioning"}"#,
            ],
            "2026-03-02T22:00:00+08:00",
            "RQ-03",
            "M1",
            Some(Red),
        ),
        (
            "RQ-03 盘问规定 §11: of a 15-year-old, after 4 h",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P2","case":"C1","kind":"continued_questioning"}"#,
            ],
            "2026-03-02T14:00:00+08:00",
            "RQ-03",
            "M1",
            Some(Red),
        ),
        (
            "CS-03: a stay without a basis is red after 12 h (P)",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
            ],
            "2026-03-02T23:00:00+08:00",
            "CS-03",
            "S1",
            Some(Red),
        ),
        (
            "CS-10 CPL §85: sent to the detention house without a detention is red",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.security_checked","at":"2026-03-02T11:10:00+08:00","id":"S1"}"#,
                r#"{"fact":"custody.exited","at":"2026-03-02T15:00:00+08:00","id":"S1","destination":"detention_house"}"#,
            ],
            "2026-03-02T15:00:00+08:00",
            "CS-10",
            "S1",
            Some(Red),
        ),
        (
            "CW-06 强制法 §25: an administrative seizure 30 days on is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "CW-06",
            "W1",
            Some(Red),
        ),
        (
            "CW-08 刑规 §243: a freeze 6 months on is red",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"freeze","category":"deposit","seized_by":"O2"}"#,
            ],
            "2026-09-03T00:00:00+08:00",
            "CW-08",
            "W1",
            Some(Red),
        ),
        (
            "CW-10 行规 §190: a loan not back by its due is yellow",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"freeze","category":"deposit","seized_by":"O2"}"#,
                r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"A-01","custodian":"O2"}"#,
                r#"{"fact":"property.checked_out","at":"2026-03-03T10:00:00+08:00","id":"W1","purpose":"鉴定","due":"2026-03-05T10:00:00+08:00","approved_by":"O2"}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "CW-10",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-10: 24 h after it, red",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"freeze","category":"deposit","seized_by":"O2"}"#,
                r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"A-01","custodian":"O2"}"#,
                r#"{"fact":"property.checked_out","at":"2026-03-03T10:00:00+08:00","id":"W1","purpose":"鉴定","due":"2026-03-05T10:00:00+08:00","approved_by":"O2"}"#,
            ],
            "2026-03-06T10:00:00+08:00",
            "CW-10",
            "W1",
            Some(Red),
        ),
        (
            "CW-12 行规 §193: decided 30 × 24 h ago, the item not disposed, is yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
            ],
            "2026-04-04T10:00:00+08:00",
            "CW-12",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-12 刑规 §233, 行规 §197: … its owner called for on 03-20, so it is kept the six months: nothing (CW-13 watches it)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"property.owner_sought","at":"2026-03-20T10:00:00+08:00","id":"W1"}"#,
            ],
            "2026-06-10T10:00:00+08:00",
            "CW-12",
            "W1",
            None,
        ),
        (
            "JZ-04 刑规 §125: no detention notice 24 h after is red",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-04",
            "M1",
            Some(Red),
        ),
        (
            "JZ-04: with the notice, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T12:00:00+08:00","id":"D1","case":"C1","kind":"detention_notice","number":"X1","subject":"M1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-04",
            "M1",
            None,
        ),
        (
            "TS-04 CPL §278: a minor suspect interrogated, no legal aid notified 3 days on, is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true}"#,
            ],
            "2026-03-06T00:00:00+08:00",
            "TS-04",
            "P2",
            Some(Red),
        ),
        (
            "TS-07 刑法 §17: an 18th birthday 30 days after acceptance is yellow",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"2008-04-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P3","case":"C1","role":"suspect"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "TS-07",
            "P3",
            Some(Yellow),
        ),
        (
            "TS-07: an adult of 46, nothing",
            &[],
            "2026-03-02T12:00:00+08:00",
            "TS-07",
            "P1",
            None,
        ),
        (
            "XZ-02 治安法12 §99: an administrative case undecided 30 days on is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "XZ-02",
            "C2",
            Some(Red),
        ),
        (
            "XZ-02 行规 §165 (T-06): an injury appraisal 03-05 → 03-15 is not counted: 30 days on it is only blue",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.act","at":"2026-03-05T09:00:00+08:00","id":"C2","act":"appraisal_commissioned"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-15T16:00:00+08:00","id":"C2","person":"P1","grade":"minor"}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "XZ-02",
            "C2",
            Some(Blue),
        ),
        (
            "XZ-02 行规 §165 (T-06): … and red once the lengthened limit (moved past the weekend) ends",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.act","at":"2026-03-05T09:00:00+08:00","id":"C2","act":"appraisal_commissioned"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-15T16:00:00+08:00","id":"C2","person":"P1","grade":"minor"}"#,
            ],
            "2026-04-14T00:00:00+08:00",
            "XZ-02",
            "C2",
            Some(Red),
        ),
        (
            "XZ-02 (T-06): an appraisal with no result recorded stops no clock (the earlier date, catalog §14 item 6)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.act","at":"2026-03-05T09:00:00+08:00","id":"C2","act":"appraisal_commissioned"}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "XZ-02",
            "C2",
            Some(Red),
        ),
        (
            "XS-04 刑规 §174: a detention before filing is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"criminal_detention"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "XS-04",
            "M1",
            Some(Red),
        ),
        (
            "XS-04: the same measure after filing is not",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "XS-04",
            "M1",
            None,
        ),
        (
            "XS-09 刑规 §186: dropped while the suspect is detained",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"case.dropped","at":"2026-03-03T11:00:00+08:00","id":"C1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "XS-09",
            "C1",
            Some(Red),
        ),
        (
            "RQ-06 CPL §86: detained and not interrogated within 24 h",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "RQ-06",
            "M1",
            Some(Red),
        ),
        (
            "RQ-06: an interrogation after the detention clears it",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-02T13:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-02T14:00:00+08:00","officers":["O2"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "RQ-06",
            "M1",
            None,
        ),
        (
            "CS-02 行规 §53: no security check 30 min after entry is red, not earlier",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
            ],
            "2026-03-02T11:29:59+08:00",
            "CS-02",
            "S1",
            None,
        ),
        (
            "CS-02: at 30 min it is red",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
            ],
            "2026-03-02T11:30:00+08:00",
            "CS-02",
            "S1",
            Some(Red),
        ),
        (
            "CS-02 刑规 §155: a woman's security check done with a male officer is red at once",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.security_checked","at":"2026-03-02T11:10:00+08:00","id":"S1","officers":["O3","O2"]}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-02",
            "S1",
            Some(Red),
        ),
        (
            "CS-02 刑规 §155: … done by two female officers: nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O4","name":"赵丽","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.security_checked","at":"2026-03-02T11:10:00+08:00","id":"S1","officers":["O3","O4"]}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-02",
            "S1",
            None,
        ),
        (
            "CS-02 刑规 §155: … the check names no one: nothing to judge",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.security_checked","at":"2026-03-02T11:10:00+08:00","id":"S1"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-02",
            "S1",
            None,
        ),
        (
            "CS-02 刑规 §155: a man's security check by a male officer: nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.security_checked","at":"2026-03-02T11:10:00+08:00","id":"S1","officers":["O2"]}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-02",
            "S1",
            None,
        ),
        (
            "CS-05 CPL §118: one officer questioning is red",
            &[
                r#"{"fact":"interrogation.held","at":"2026-03-02T11:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-02T12:00:00+08:00","officers":["O2"]}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-05",
            "I1",
            Some(Red),
        ),
        (
            "CW-02 刑规 §235: the seizing officer keeps the item",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"A-01","custodian":"O2"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CW-02",
            "W1",
            Some(Red),
        ),
        (
            "CW-14 刑规 §174: seized before the criminal case was filed",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "CW-14",
            "W1",
            Some(Red),
        ),
        (
            "CW-05 CPL §145: found unrelated, not returned 3 days on",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"property.found_unrelated","at":"2026-03-02T12:00:00+08:00","id":"W1"}"#,
            ],
            "2026-03-06T00:00:00+08:00",
            "CW-05",
            "W1",
            Some(Red),
        ),
        (
            "JZ-07 行规 §260: closed, not archived after 30 × 24 h is yellow",
            &[r#"{"fact":"case.closed","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#],
            "2026-04-02T10:00:00+08:00",
            "JZ-07",
            "C1",
            Some(Yellow),
        ),
        (
            "CW-01 行规 §190: seized, not stored after 24 h",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CW-01",
            "W1",
            Some(Red),
        ),
    ];
    check(cases);
}

fn check(cases: &[Case]) {
    for (what, extra, now, rule, subject, expected) in cases {
        let found = levels(extra, now);
        let level = found
            .iter()
            .find(|(r, s, _)| r == rule && s == subject)
            .map(|(_, _, l)| *l);
        assert_eq!(level, *expected, "{what}: {found:?}");
    }
}

/// The rules implemented beyond the core set (catalog status `Implemented`), each where it fires
/// (with its level) and where it must not.
#[test]
fn each_rule_beyond_the_core_by_its_basis() {
    use LevelCode::*;
    let cases: &[Case] = &[
        (
            "JQ-01 刑规 §171: a report made in person with no receipt an hour on (P, on the spot): yellow",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "JQ-01",
            "J1",
            Some(Yellow),
        ),
        (
            "JQ-01 刑规 §171: … nothing at 50 minutes",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
            ],
            "2026-03-02T10:50:00+08:00",
            "JQ-01",
            "J1",
            None,
        ),
        (
            "JQ-01 刑规 §171: … the receipt issued at once: nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.receipt_issued","at":"2026-03-02T10:05:00+08:00","id":"J1"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "JQ-01",
            "J1",
            None,
        ),
        (
            "JQ-01 刑规 §171: a 110 call owes no receipt",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "JQ-01",
            "J1",
            None,
        ),
        (
            "JQ-01 行规 §61: evidence received without a list: yellow",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.receipt_issued","at":"2026-03-02T10:05:00+08:00","id":"J1"}"#,
                r#"{"fact":"incident.evidence_received","at":"2026-03-02T10:10:00+08:00","id":"J1","listed":false}"#,
            ],
            "2026-03-02T10:20:00+08:00",
            "JQ-01",
            "J1",
            Some(Yellow),
        ),
        (
            "JQ-01 行规 §61: evidence received with its list: nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.receipt_issued","at":"2026-03-02T10:05:00+08:00","id":"J1"}"#,
                r#"{"fact":"incident.evidence_received","at":"2026-03-02T10:10:00+08:00","id":"J1","listed":true}"#,
            ],
            "2026-03-02T10:20:00+08:00",
            "JQ-01",
            "J1",
            None,
        ),
        (
            "JQ-03 行规 §61: found not this unit's at 11:00, not transferred 24 hours on: yellow",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-02T11:00:00+08:00","id":"J1","finding":"other_unit"}"#,
                r#"{"fact":"incident.reporter_told","at":"2026-03-02T11:30:00+08:00","id":"J1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JQ-03",
            "J1",
            Some(Yellow),
        ),
        (
            "JQ-03 行规 §61: … nothing at 23 hours",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-02T11:00:00+08:00","id":"J1","finding":"other_unit"}"#,
                r#"{"fact":"incident.reporter_told","at":"2026-03-02T11:30:00+08:00","id":"J1"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
            "JQ-03",
            "J1",
            None,
        ),
        (
            "JQ-03 行规 §61: … transferred and the reporter told: nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-02T11:00:00+08:00","id":"J1","finding":"other_unit"}"#,
                r#"{"fact":"incident.reporter_told","at":"2026-03-02T11:30:00+08:00","id":"J1"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T15:00:00+08:00","id":"J1","result":"transferred"}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "JQ-03",
            "J1",
            None,
        ),
        (
            "JQ-03 刑规 §175: … mediated instead of transferred: yellow",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-02T11:00:00+08:00","id":"J1","finding":"other_unit"}"#,
                r#"{"fact":"incident.reporter_told","at":"2026-03-02T11:30:00+08:00","id":"J1"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T15:00:00+08:00","id":"J1","result":"mediated"}"#,
            ],
            "2026-03-02T16:00:00+08:00",
            "JQ-03",
            "J1",
            Some(Yellow),
        ),
        (
            "JQ-03 行规 §61: not a police matter, disposed, the reporter never told: yellow 24 hours on (P)",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-02T11:00:00+08:00","id":"J1","finding":"not_police_matter"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T11:10:00+08:00","id":"J1","result":"not_police_matter"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JQ-03",
            "J1",
            Some(Yellow),
        ),
        (
            "JQ-03 行规 §61: … told in writing: nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.jurisdiction_found","at":"2026-03-02T11:00:00+08:00","id":"J1","finding":"not_police_matter"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T11:10:00+08:00","id":"J1","result":"not_police_matter"}"#,
                r#"{"fact":"incident.reporter_told","at":"2026-03-02T11:20:00+08:00","id":"J1","written":true}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JQ-03",
            "J1",
            None,
        ),
        (
            "JQ-06 视音频规定 §13: attended and disposed with no body-camera video is red",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.dispatched","at":"2026-03-02T10:05:00+08:00","id":"J1","officers":["O2"]}"#,
                r#"{"fact":"incident.arrived","at":"2026-03-02T10:15:00+08:00","id":"J1"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T11:00:00+08:00","id":"J1","result":"mediated"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "JQ-06",
            "J1",
            Some(Red),
        ),
        (
            "JQ-06: with a video linked, nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.dispatched","at":"2026-03-02T10:05:00+08:00","id":"J1","officers":["O2"]}"#,
                r#"{"fact":"incident.arrived","at":"2026-03-02T10:15:00+08:00","id":"J1"}"#,
                r#"{"fact":"incident.video_linked","at":"2026-03-02T10:50:00+08:00","id":"J1","ref":"DSJ-0001"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T11:00:00+08:00","id":"J1","result":"mediated"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "JQ-06",
            "J1",
            None,
        ),
        (
            "JQ-06 视音频规定 §13 (on-scene enforcement): a walk-in report has no scene to film, nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"walk_in","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.dispatched","at":"2026-03-02T10:00:00+08:00","id":"J1","officers":["O2"]}"#,
                r#"{"fact":"incident.arrived","at":"2026-03-02T10:00:00+08:00","id":"J1"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T11:00:00+08:00","id":"J1","result":"mediated"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "JQ-06",
            "J1",
            None,
        ),
        (
            "JQ-06: still on the scene (not disposed), nothing yet",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T10:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
                r#"{"fact":"incident.dispatched","at":"2026-03-02T10:05:00+08:00","id":"J1","officers":["O2"]}"#,
                r#"{"fact":"incident.arrived","at":"2026-03-02T10:15:00+08:00","id":"J1"}"#,
            ],
            "2026-03-02T10:30:00+08:00",
            "JQ-06",
            "J1",
            None,
        ),
        (
            "XZ-05 行规 §37: detention decided on a case disposed on the spot is red",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T09:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight","incident":"J1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-02T10:30:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T10:40:00+08:00","id":"J1","result":"on_spot_penalty","case":"C2"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "XZ-05",
            "C2",
            Some(Red),
        ),
        (
            "XZ-05 治安法12 §100: a fine of 500 元 on the spot is red",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T09:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-02T10:30:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U33050301","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T10:40:00+08:00","id":"J1","result":"on_spot_penalty","case":"C2"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "XZ-05",
            "C2",
            Some(Red),
        ),
        (
            "XZ-05 处罚法 §51: a fine of 200 元 on the spot is within scope, nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T09:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-02T10:30:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U33050301","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T10:40:00+08:00","id":"J1","result":"on_spot_penalty","case":"C2"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "XZ-05",
            "C2",
            None,
        ),
        (
            "XZ-05: the same detention without an on-the-spot disposal, nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-02T09:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight","incident":"J1"}"#,
                r#"{"fact":"incident.disposed","at":"2026-03-02T10:10:00+08:00","id":"J1","result":"case_accepted","case":"C2"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:30:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
            ],
            "2026-03-05T11:00:00+08:00",
            "XZ-05",
            "C2",
            None,
        ),
        (
            "RQ-11 CPL §96–99: bail still in force after its case was closed is red",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"bail"}"#,
                r#"{"fact":"case.closed","at":"2026-04-02T10:00:00+08:00","id":"C1"}"#,
            ],
            "2026-04-02T10:00:00+08:00",
            "RQ-11",
            "M1",
            Some(Red),
        ),
        (
            "RQ-11 行规 §259: questioning still running after the investigation was terminated is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_questioning"}"#,
                r#"{"fact":"case.decided","at":"2026-03-02T12:00:00+08:00","id":"C2","decision":"terminated","decided_by_unit":"U330503","penalties":[]}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "RQ-11",
            "M1",
            Some(Red),
        ),
        (
            "RQ-11: bail ended before the case was closed, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"bail"}"#,
                r#"{"fact":"measure.ended","at":"2026-04-01T10:00:00+08:00","id":"M1","outcome":"revoked"}"#,
                r#"{"fact":"case.closed","at":"2026-04-02T10:00:00+08:00","id":"C1"}"#,
            ],
            "2026-04-02T10:00:00+08:00",
            "RQ-11",
            "M1",
            None,
        ),
        (
            "XS-06 刑规 §182: asked on Tuesday 2026-03-10 for the reasons for not filing, no written explanation when the 7 days end is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-10T10:00:00+08:00","id":"C2","notice":"explain_not_filing"}"#,
            ],
            "2026-03-18T00:00:00+08:00",
            "XS-06",
            "C2",
            Some(Red),
        ),
        (
            "XS-06 刑规 §182: explained in writing within the 7 days, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-10T10:00:00+08:00","id":"C2","notice":"explain_not_filing"}"#,
                r#"{"fact":"document.issued","at":"2026-03-12T09:00:00+08:00","id":"D1","case":"C2","kind":"not_filing_explanation","number":"X1"}"#,
            ],
            "2026-03-18T00:00:00+08:00",
            "XS-06",
            "C2",
            None,
        ),
        (
            "XS-06 检规 §563: an explanation written before the request does not answer it",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-06T09:00:00+08:00","id":"D1","case":"C2","kind":"not_filing_explanation","number":"X1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-10T10:00:00+08:00","id":"C2","notice":"explain_not_filing"}"#,
            ],
            "2026-03-18T00:00:00+08:00",
            "XS-06",
            "C2",
            Some(Red),
        ),
        (
            "XS-06 刑规 §182: ordered on 2026-03-10 to file, yellow on the 15th day",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-10T10:00:00+08:00","id":"C2","notice":"file_case"}"#,
            ],
            "2026-03-25T10:00:00+08:00",
            "XS-06",
            "C2",
            Some(Yellow),
        ),
        (
            "XS-06 刑规 §182: ordered to file, and filed, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-10T10:00:00+08:00","id":"C2","notice":"file_case"}"#,
                r#"{"fact":"case.filed","at":"2026-03-20T10:00:00+08:00","id":"C2"}"#,
            ],
            "2026-03-30T10:00:00+08:00",
            "XS-06",
            "C2",
            None,
        ),
        (
            "XS-11 CPL §175: returned on 2026-04-01 for supplementary investigation, not sent again when the month ends is red",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-01T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
            ],
            "2026-05-02T00:00:00+08:00",
            "XS-11",
            "C1",
            Some(Red),
        ),
        (
            "XS-11 刑规 §295: yellow on the month's last day",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-01T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
            ],
            "2026-05-01T08:00:00+08:00",
            "XS-11",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-11 CPL §175: sent again within the month, nothing",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-01T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-04-25T10:00:00+08:00","id":"C1"}"#,
            ],
            "2026-05-10T00:00:00+08:00",
            "XS-11",
            "C1",
            None,
        ),
        (
            "XS-11 CPL §105: the month ends on Saturday 2026-05-02 and moves to Monday: yellow, not red, on Sunday",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-02T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
            ],
            "2026-05-03T10:00:00+08:00",
            "XS-11",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-11 CPL §105: with the suspect under arrest the month is not moved past the weekend: red on Sunday",
            &[
                r#"{"fact":"measure.started","at":"2026-03-10T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-02T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
            ],
            "2026-05-03T10:00:00+08:00",
            "XS-11",
            "C1",
            Some(Red),
        ),
        (
            "XS-11 CPL §175: a third return for supplementary investigation is red at once",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-25T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-04-10T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-15T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-05-10T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-05-15T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
            ],
            "2026-05-15T11:00:00+08:00",
            "XS-11",
            "C1",
            Some(Red),
        ),
        (
            "XS-11 CPL §175: returned twice and sent again each time, nothing",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-25T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-04-10T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-15T10:00:00+08:00","id":"C1","notice":"supplementary_investigation"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-05-10T10:00:00+08:00","id":"C1"}"#,
            ],
            "2026-06-01T11:00:00+08:00",
            "XS-11",
            "C1",
            None,
        ),
        (
            "XS-12 CPL §91: arrest refused, the detained suspect not released 24 hours on is red",
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.arrest_requested","at":"2026-03-08T10:00:00+08:00","id":"M1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-12T10:00:00+08:00","id":"C1","notice":"arrest_refused","measure":"M1"}"#,
            ],
            "2026-03-13T11:00:00+08:00",
            "XS-12",
            "C1",
            Some(Red),
        ),
        (
            "XS-12 刑规 §141: arrest refused and the suspect released at once, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.arrest_requested","at":"2026-03-08T10:00:00+08:00","id":"M1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-12T10:00:00+08:00","id":"C1","notice":"arrest_refused","measure":"M1"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-12T12:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-03-13T11:00:00+08:00",
            "XS-12",
            "C1",
            None,
        ),
        (
            "XS-12 刑规 §293: not prosecuted while under arrest: yellow 20 hours on",
            &[
                r#"{"fact":"measure.started","at":"2026-03-10T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-10T10:00:00+08:00","id":"C1","notice":"not_prosecuted"}"#,
            ],
            "2026-04-11T06:00:00+08:00",
            "XS-12",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-12 刑规 §293: a detention begun after the decision not to prosecute is not what it releases",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-10T10:00:00+08:00","id":"C1","notice":"not_prosecuted"}"#,
                r#"{"fact":"measure.started","at":"2026-04-10T12:00:00+08:00","id":"M3","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-04-12T06:00:00+08:00",
            "XS-12",
            "C1",
            None,
        ),
        (
            "XS-12 刑规 §293: not prosecuted, no one held, nothing",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-20T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-04-10T10:00:00+08:00","id":"C1","notice":"not_prosecuted"}"#,
            ],
            "2026-04-12T06:00:00+08:00",
            "XS-12",
            "C1",
            None,
        ),
        (
            "XZ-15 伤害规定 §18: an injury case with no appraisal commissioned 24 hours on is yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.injury","injury":true}"#,
            ],
            "2026-03-03T10:30:00+08:00",
            "XZ-15",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-15 伤害规定 §18: 23 hours on, nothing yet",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.injury","injury":true}"#,
            ],
            "2026-03-03T09:00:00+08:00",
            "XZ-15",
            "C2",
            None,
        ),
        (
            "XZ-15 伤害规定 §18: the appraisal commissioned, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.injury","injury":true}"#,
                r#"{"fact":"case.act","at":"2026-03-02T16:00:00+08:00","id":"C2","act":"appraisal_commissioned"}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "XZ-15",
            "C2",
            None,
        ),
        (
            "XZ-15 伤害规定 §18: a criminal injury case too, with another act only: yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"injury","injury":true}"#,
                r#"{"fact":"case.act","at":"2026-03-02T16:00:00+08:00","id":"C2","act":"inspection"}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "XZ-15",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-15: a case not marked as an injury case, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "XZ-15",
            "C2",
            None,
        ),
        (
            "TS-03 未保法 §112: a girl of 13, victim of a sexual crime, questioned without audio and video is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"rape","sexual_or_violent":true}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C3","role":"victim"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P2","case":"C3","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":false}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-03",
            "I3",
            Some(Red),
        ),
        (
            "TS-03 未保法 §112: recorded, in one session: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"rape","sexual_or_violent":true}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C3","role":"victim"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P2","case":"C3","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":true}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-03",
            "I3",
            None,
        ),
        (
            "TS-03 刑规 §326: a second session, recorded: yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"rape","sexual_or_violent":true}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C3","role":"victim"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P2","case":"C3","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":true}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-05T11:00:00+08:00","id":"I4","person":"P2","case":"C3","kind":"questioning","end":"2026-03-05T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":true}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "TS-03",
            "I4",
            Some(Yellow),
        ),
        (
            "TS-03 刑规 §326: … the first session stays clear",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"rape","sexual_or_violent":true}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C3","role":"victim"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P2","case":"C3","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":true}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-05T11:00:00+08:00","id":"I4","person":"P2","case":"C3","kind":"questioning","end":"2026-03-05T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":true}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "TS-03",
            "I3",
            None,
        ),
        (
            "TS-03 未保法 §112: a second session without audio and video: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"rape","sexual_or_violent":true}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C3","role":"victim"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P2","case":"C3","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":true}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-05T11:00:00+08:00","id":"I4","person":"P2","case":"C3","kind":"questioning","end":"2026-03-05T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":false}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "TS-03",
            "I4",
            Some(Red),
        ),
        (
            "TS-03: a minor witness of a case not marked sexual or violent, unrecorded: nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"witness"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P2","case":"C1","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":false}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-03",
            "I3",
            None,
        ),
        (
            "TS-03: an adult victim, unrecorded: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"rape","sexual_or_violent":true}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P1","case":"C3","role":"victim"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P1","case":"C3","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":false}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-03",
            "I3",
            None,
        ),
        (
            "TS-03: a minor suspect (not a victim or witness; XS-13's), unrecorded questioning: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C3","unit":"U33050301","kind":"criminal","category":"rape","sexual_or_violent":true}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2012-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C3","role":"suspect"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T11:00:00+08:00","id":"I3","person":"P2","case":"C3","kind":"questioning","end":"2026-03-03T12:00:00+08:00","officers":["O2"],"guardian_present":true,"female_staff_present":true,"av_recorded":false}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-03",
            "I3",
            None,
        ),
        (
            "TS-11 CPL §139: a woman's body searched by a male officer is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P2","kind":"search","officers":["O2"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "TS-11",
            "C1",
            Some(Red),
        ),
        (
            "TS-11 CPL §139: searched by a female officer, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P2","kind":"search","officers":["O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "TS-11",
            "C1",
            None,
        ),
        (
            "TS-11 CPL §132: a woman examined by a doctor, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P2","kind":"examination","officers":["O2"],"doctor":true}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "TS-11",
            "C1",
            None,
        ),
        (
            "TS-11 CPL §132: a woman examined by a male officer, not a doctor: red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P2","kind":"examination","officers":["O2"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "TS-11",
            "C1",
            Some(Red),
        ),
        (
            "TS-11 行规 §94: a woman's sample taken by a female and a male officer: red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P2","kind":"sample","officers":["O3","O2"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "TS-11",
            "C1",
            Some(Red),
        ),
        (
            "TS-11: a man searched by a male officer, nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王芳","unit":"U33050301","gender":"female","roles":["officer"]}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P1","kind":"search","officers":["O2"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "TS-11",
            "C1",
            None,
        ),
        (
            "XS-15 CPL §151: approved 03-05, valid three months to 06-05: red on 06-06",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
            ],
            "2026-06-06T00:30:00+08:00",
            "XS-15",
            "C1",
            Some(Red),
        ),
        (
            "XS-15 CPL §151: approved 03-07, valid to 06-07, a Sunday: not moved past it, red on 06-08",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-07T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
            ],
            "2026-06-08T00:30:00+08:00",
            "XS-15",
            "C1",
            Some(Red),
        ),
        (
            "XS-15 CPL §151: on 06-05 itself, yellow (15 days or fewer left)",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
            ],
            "2026-06-05T10:00:00+08:00",
            "XS-15",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-15 CPL §151: on 05-15, blue (30 days or fewer left)",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
            ],
            "2026-05-15T10:00:00+08:00",
            "XS-15",
            "C1",
            Some(Blue),
        ),
        (
            "XS-15 CPL §151: on 04-01, nothing",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
            ],
            "2026-04-01T10:00:00+08:00",
            "XS-15",
            "C1",
            None,
        ),
        (
            "XS-15 刑规 §266: extended on 06-01, before the end: valid to 09-05, nothing on 06-06",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-06-01T10:00:00+08:00","id":"C1","measure":"TZ1","step":"extended"}"#,
            ],
            "2026-06-06T00:30:00+08:00",
            "XS-15",
            "C1",
            None,
        ),
        (
            "XS-15 刑规 §266: extended twice (06-01, 09-01): red on 12-06, once 12-05 has passed",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-06-01T10:00:00+08:00","id":"C1","measure":"TZ1","step":"extended"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-09-01T10:00:00+08:00","id":"C1","measure":"TZ1","step":"extended"}"#,
            ],
            "2026-12-06T00:30:00+08:00",
            "XS-15",
            "C1",
            Some(Red),
        ),
        (
            "XS-15 刑规 §266: … and yellow on 12-05",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-06-01T10:00:00+08:00","id":"C1","measure":"TZ1","step":"extended"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-09-01T10:00:00+08:00","id":"C1","measure":"TZ1","step":"extended"}"#,
            ],
            "2026-12-05T12:00:00+08:00",
            "XS-15",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-15 刑规 §266: an extension approved after the validity ended (06-07) is red",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-06-07T10:00:00+08:00","id":"C1","measure":"TZ1","step":"extended"}"#,
            ],
            "2026-06-08T10:00:00+08:00",
            "XS-15",
            "C1",
            Some(Red),
        ),
        (
            "XS-15 刑规 §267: ended in time, nothing",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-05-01T10:00:00+08:00","id":"C1","measure":"TZ1","step":"ended"}"#,
            ],
            "2026-06-10T10:00:00+08:00",
            "XS-15",
            "C1",
            None,
        ),
        (
            "XS-15 刑规 §267: ended only after the validity (06-10), red",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-06-10T10:00:00+08:00","id":"C1","measure":"TZ1","step":"ended"}"#,
            ],
            "2026-06-11T10:00:00+08:00",
            "XS-15",
            "C1",
            Some(Red),
        ),
        (
            "XS-15: of two measures, the one running out decides (TZ2 approved 05-20 is fine, TZ1 is red)",
            &[
                r#"{"fact":"case.technical_investigation","at":"2026-03-05T10:00:00+08:00","id":"C1","measure":"TZ1","step":"approved"}"#,
                r#"{"fact":"case.technical_investigation","at":"2026-05-20T10:00:00+08:00","id":"C1","measure":"TZ2","step":"approved"}"#,
            ],
            "2026-06-06T00:30:00+08:00",
            "XS-15",
            "C1",
            Some(Red),
        ),
        (
            "RQ-17 强制法 §19: a restraint taken on the spot, not approved 24 hours on, is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T21:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T22:00:00+08:00","id":"M7","person":"P1","case":"C2","kind":"restraint"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T23:00:00+08:00","id":"M7"}"#,
            ],
            "2026-03-03T22:30:00+08:00",
            "RQ-17",
            "M7",
            Some(Red),
        ),
        (
            "RQ-17 强制法 §19: approved afterwards and the family told, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T21:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T22:00:00+08:00","id":"M7","person":"P1","case":"C2","kind":"restraint"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T23:00:00+08:00","id":"M7"}"#,
                r#"{"fact":"measure.approved","at":"2026-03-03T01:00:00+08:00","id":"M7","approved_by":"O2"}"#,
            ],
            "2026-03-03T22:30:00+08:00",
            "RQ-17",
            "M7",
            None,
        ),
        (
            "RQ-17 强制法 §19: not approved, released when sober: still owed, red 24 hours on",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T21:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T22:00:00+08:00","id":"M7","person":"P1","case":"C2","kind":"restraint"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T23:00:00+08:00","id":"M7"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-03T04:00:00+08:00","id":"M7","outcome":"released"}"#,
            ],
            "2026-03-03T22:30:00+08:00",
            "RQ-17",
            "M7",
            Some(Red),
        ),
        (
            "RQ-17 强制法 §20: approved, the family not told 20 hours on (of 24, P): yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T21:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T22:00:00+08:00","id":"M7","person":"P1","case":"C2","kind":"restraint"}"#,
                r#"{"fact":"measure.approved","at":"2026-03-03T01:00:00+08:00","id":"M7","approved_by":"O2"}"#,
            ],
            "2026-03-03T18:00:00+08:00",
            "RQ-17",
            "M7",
            Some(Yellow),
        ),
        (
            "RQ-17 强制法 §20: approved and released, the family not told: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T21:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T22:00:00+08:00","id":"M7","person":"P1","case":"C2","kind":"restraint"}"#,
                r#"{"fact":"measure.approved","at":"2026-03-03T01:00:00+08:00","id":"M7","approved_by":"O2"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-03T04:00:00+08:00","id":"M7","outcome":"released"}"#,
            ],
            "2026-03-03T23:00:00+08:00",
            "RQ-17",
            "M7",
            None,
        ),
        (
            "RQ-17: 6 hours on, neither due yet: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T21:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.drunk"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T22:00:00+08:00","id":"M7","person":"P1","case":"C2","kind":"restraint"}"#,
            ],
            "2026-03-03T04:00:00+08:00",
            "RQ-17",
            "M7",
            None,
        ),
        (
            "XZ-12 行规 §223: an application to defer detention undecided 24 hours on is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
            ],
            "2026-03-11T10:30:00+08:00",
            "XZ-12",
            "C2",
            Some(Red),
        ),
        (
            "XZ-12 行规 §223: undecided 19 hours on, yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
            ],
            "2026-03-11T05:00:00+08:00",
            "XZ-12",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-12 行规 §224: granted with a guarantor in time, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-10T15:00:00+08:00","id":"C2","person":"P1","granted":true,"guarantor":"张某"}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XZ-12",
            "C2",
            None,
        ),
        (
            "XZ-12 行规 §224: granted with a bond of 200 元 a day (10 days, 2000 元), nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-10T15:00:00+08:00","id":"C2","person":"P1","granted":true,"bond_yuan":2000}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XZ-12",
            "C2",
            None,
        ),
        (
            "XZ-12 行规 §224: a bond of 1000 元 for 10 days is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-10T15:00:00+08:00","id":"C2","person":"P1","granted":true,"bond_yuan":1000}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XZ-12",
            "C2",
            Some(Red),
        ),
        (
            "XZ-12 行规 §224: granted with neither a guarantor nor a bond, red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-10T15:00:00+08:00","id":"C2","person":"P1","granted":true}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XZ-12",
            "C2",
            Some(Red),
        ),
        (
            "XZ-12 治安法12 §108: both a guarantor and a bond, red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-10T15:00:00+08:00","id":"C2","person":"P1","granted":true,"bond_yuan":2000,"guarantor":"张某"}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XZ-12",
            "C2",
            Some(Red),
        ),
        (
            "XZ-12 行规 §223: refused only after 24 hours (03-11 12:00), red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-11T12:00:00+08:00","id":"C2","person":"P1","granted":false}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XZ-12",
            "C2",
            Some(Red),
        ),
        (
            "RQ-15 (XZ-12): a deferral granted stops the clock of the detention's execution",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-10T15:00:00+08:00","id":"C2","person":"P1","granted":true,"guarantor":"张某"}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "RQ-15",
            "C2",
            None,
        ),
        (
            "RQ-15 (XZ-12): … refused, the detention not executed two days on is yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T09:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"case.deferral_requested","at":"2026-03-10T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.deferral_decided","at":"2026-03-10T15:00:00+08:00","id":"C2","person":"P1","granted":false}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "RQ-15",
            "C2",
            Some(Yellow),
        ),
        (
            "CS-11 盘问规定 §23: a sudden illness in the area not reported to the inspectorate is red at once",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T10:00:00+08:00","id":"S1","person":"P1","center":"U330503","case":"C1"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-02T12:00:00+08:00","id":"S1","kind":"illness"}"#,
            ],
            "2026-03-02T12:05:00+08:00",
            "CS-11",
            "S1",
            Some(Red),
        ),
        (
            "CS-11 盘问规定 §23: reported, nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T10:00:00+08:00","id":"S1","person":"P1","center":"U330503","case":"C1"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-02T12:00:00+08:00","id":"S1","kind":"illness"}"#,
                r#"{"fact":"custody.incident_reported","at":"2026-03-02T12:30:00+08:00","id":"S1"}"#,
            ],
            "2026-03-02T13:00:00+08:00",
            "CS-11",
            "S1",
            None,
        ),
        (
            "CS-11 盘问规定 §25: a death reported, no cause-of-death appraisal 20 hours on: yellow",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T10:00:00+08:00","id":"S1","person":"P1","center":"U330503","case":"C1"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-02T12:00:00+08:00","id":"S1","kind":"death"}"#,
                r#"{"fact":"custody.incident_reported","at":"2026-03-02T12:30:00+08:00","id":"S1"}"#,
            ],
            "2026-03-03T08:00:00+08:00",
            "CS-11",
            "S1",
            Some(Yellow),
        ),
        (
            "CS-11 盘问规定 §25: … 25 hours on: red",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T10:00:00+08:00","id":"S1","person":"P1","center":"U330503","case":"C1"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-02T12:00:00+08:00","id":"S1","kind":"death"}"#,
                r#"{"fact":"custody.incident_reported","at":"2026-03-02T12:30:00+08:00","id":"S1"}"#,
            ],
            "2026-03-03T13:00:00+08:00",
            "CS-11",
            "S1",
            Some(Red),
        ),
        (
            "CS-11 盘问规定 §25: the appraisal commissioned the next morning, nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T10:00:00+08:00","id":"S1","person":"P1","center":"U330503","case":"C1"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-02T12:00:00+08:00","id":"S1","kind":"death"}"#,
                r#"{"fact":"custody.incident_reported","at":"2026-03-02T12:30:00+08:00","id":"S1"}"#,
                r#"{"fact":"custody.death_appraisal_commissioned","at":"2026-03-03T09:00:00+08:00","id":"S1"}"#,
            ],
            "2026-03-04T13:00:00+08:00",
            "CS-11",
            "S1",
            None,
        ),
        (
            "CS-11: a second incident after a report is red again until reported",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T10:00:00+08:00","id":"S1","person":"P1","center":"U330503","case":"C1"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-02T12:00:00+08:00","id":"S1","kind":"illness"}"#,
                r#"{"fact":"custody.incident_reported","at":"2026-03-02T12:30:00+08:00","id":"S1"}"#,
                r#"{"fact":"custody.incident","at":"2026-03-02T15:00:00+08:00","id":"S1","kind":"self_harm"}"#,
            ],
            "2026-03-02T15:05:00+08:00",
            "CS-11",
            "S1",
            Some(Red),
        ),
        (
            "RQ-16 禁毒法 §40: the family not told 24 hours after the decision was served: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
            ],
            "2026-03-03T12:30:00+08:00",
            "RQ-16",
            "M8",
            Some(Red),
        ),
        (
            "RQ-16 禁毒法 §40: 23 hours after the service: nothing yet",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "RQ-16",
            "M8",
            None,
        ),
        (
            "RQ-16 禁毒法 §40: the family told the same evening: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T20:00:00+08:00","id":"M8"}"#,
            ],
            "2026-03-04T12:00:00+08:00",
            "RQ-16",
            "M8",
            None,
        ),
        (
            "RQ-16 禁毒法 §40: executed (11:30) before the decision was served (12:00): red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-02T11:30:00+08:00","id":"M8","facility":"rehab_center"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T20:00:00+08:00","id":"M8"}"#,
            ],
            "2026-03-02T13:00:00+08:00",
            "RQ-16",
            "M8",
            Some(Red),
        ),
        (
            "RQ-16 禁毒法 §40: served, then executed, family told: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-02T14:00:00+08:00","id":"M8","facility":"rehab_center"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T20:00:00+08:00","id":"M8"}"#,
            ],
            "2026-03-02T21:00:00+08:00",
            "RQ-16",
            "M8",
            None,
        ),
        (
            "RQ-16 禁毒法 §47: two years on 2028-03-02; on 2028-02-20 yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T20:00:00+08:00","id":"M8"}"#,
            ],
            "2028-02-20T10:00:00+08:00",
            "RQ-16",
            "M8",
            Some(Yellow),
        ),
        (
            "RQ-16 禁毒法 §47: … red once 2028-03-02 has passed",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T20:00:00+08:00","id":"M8"}"#,
            ],
            "2028-03-03T00:30:00+08:00",
            "RQ-16",
            "M8",
            Some(Red),
        ),
        (
            "RQ-16 禁毒法 §47: extended to 1095 days in all: on 2028-03-03 not red, only blue (a third of the days left)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T20:00:00+08:00","id":"M8"}"#,
                r#"{"fact":"measure.extended","at":"2027-12-01T10:00:00+08:00","id":"M8","days":1095,"approved_by":"O2"}"#,
            ],
            "2028-03-03T00:30:00+08:00",
            "RQ-16",
            "M8",
            Some(Blue),
        ),
        (
            "RQ-16 禁毒法 §33: community rehabilitation runs three years: red after 2029-03-02",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"community_rehab"}"#,
            ],
            "2029-03-03T10:00:00+08:00",
            "RQ-16",
            "M8",
            Some(Red),
        ),
        (
            "RQ-16 禁毒法 §33: … nothing after two years",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"community_rehab"}"#,
            ],
            "2028-03-03T10:00:00+08:00",
            "RQ-16",
            "M8",
            None,
        ),
        (
            "RQ-11: a case closed while its rehabilitation runs: nothing (the rehabilitation is the outcome)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"drug.use"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M8","person":"P1","case":"C2","kind":"compulsory_rehab"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:00:00+08:00","id":"D8","case":"C2","kind":"rehab_decision","number":"X8","subject":"M8"}"#,
                r#"{"fact":"document.served","at":"2026-03-02T12:00:00+08:00","id":"D8","to":"P1"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-02T20:00:00+08:00","id":"M8"}"#,
                r#"{"fact":"case.closed","at":"2026-03-10T10:00:00+08:00","id":"C2"}"#,
            ],
            "2026-03-11T10:00:00+08:00",
            "RQ-11",
            "M8",
            None,
        ),
        (
            "XZ-07 治安法25 §117: a fine of 5000 元 (2026, public order) with no notice of the hearing right is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":5000}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-07",
            "C2",
            Some(Red),
        ),
        (
            "XZ-07 治安法25 §117: the hearing right told before the decision: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1","hearing_right":true}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":5000}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-07",
            "C2",
            None,
        ),
        (
            "XZ-07 治安法25 §117: 3000 元 is below 4000 (public order, 2026): nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":3000}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-07",
            "C2",
            None,
        ),
        (
            "XZ-07 行规 §123: another administrative case, 3000 元 is 2000 or more: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x","other_administrative":true}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":3000}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-07",
            "C2",
            Some(Red),
        ),
        (
            "XZ-07 治安法25 §117: a minor's detention (2026) without the hearing right: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小明","gender":"male","birth_date":"2010-05-01"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P2"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P2","kind":"detention","days":5}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-07",
            "C2",
            Some(Red),
        ),
        (
            "XZ-07 行规 §123: a licence revoked without the hearing right: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"license_revoked"}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-07",
            "C2",
            Some(Red),
        ),
        (
            "XZ-07 处罚法 §64: a person who applied for a hearing knew the right: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.hearing_requested","at":"2026-03-05T15:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.hearing_held","at":"2026-03-08T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":5000}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-07",
            "C2",
            None,
        ),
        (
            "XZ-07 行规 §135: a hearing applied for on 03-05, 10 days ending 03-15 (a Sunday), moved to 03-16: nothing on 03-16",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1","hearing_right":true}"#,
                r#"{"fact":"case.hearing_requested","at":"2026-03-05T15:00:00+08:00","id":"C2","person":"P1"}"#,
            ],
            "2026-03-16T12:00:00+08:00",
            "XZ-07",
            "C2",
            None,
        ),
        (
            "XZ-07 行规 §135: … not held on 03-17: yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1","hearing_right":true}"#,
                r#"{"fact":"case.hearing_requested","at":"2026-03-05T15:00:00+08:00","id":"C2","person":"P1"}"#,
            ],
            "2026-03-17T09:00:00+08:00",
            "XZ-07",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-07 行规 §135: held on 03-12: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-05T10:00:00+08:00","id":"C2","person":"P1","hearing_right":true}"#,
                r#"{"fact":"case.hearing_requested","at":"2026-03-05T15:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.hearing_held","at":"2026-03-12T10:00:00+08:00","id":"C2","person":"P1"}"#,
            ],
            "2026-03-17T09:00:00+08:00",
            "XZ-07",
            "C2",
            None,
        ),
        (
            "RQ-10 CPL §160: another major crime found 04-20 on the arrest of 03-02: RQ-09's two months run anew from 04-20, nothing on 04-26",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-22T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
            ],
            "2026-04-26T00:00:00+08:00",
            "RQ-09",
            "M1",
            None,
        ),
        (
            "RQ-10 CPL §160: … and red 7 days before 06-20's end",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-22T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
            ],
            "2026-06-14T00:00:00+08:00",
            "RQ-09",
            "M1",
            Some(Red),
        ),
        (
            "RQ-10 CPL §160: an extension approved before the recalculation (90 days in all) counts no more: red on 06-14",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.extended","at":"2026-04-18T10:00:00+08:00","id":"M1","days":90,"approved_by":"O2"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-22T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
            ],
            "2026-06-14T00:00:00+08:00",
            "RQ-09",
            "M1",
            Some(Red),
        ),
        (
            "RQ-10 刑规 §152: identity unknown, approved to count from the day it is established: no RQ-09 warning two months on",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-03T10:00:00+08:00","id":"M1","reason":"identity_unknown","approved_by":"O2"}"#,
            ],
            "2026-05-04T00:00:00+08:00",
            "RQ-09",
            "M1",
            None,
        ),
        (
            "RQ-10 刑规 §152: identity established 05-10: two months from then, red on 07-04",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-03T10:00:00+08:00","id":"M1","reason":"identity_unknown","approved_by":"O2"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-05-11T10:00:00+08:00","id":"M1","reason":"identity_established","approved_by":"O2","from":"2026-05-10T10:00:00+08:00"}"#,
            ],
            "2026-07-04T01:00:00+08:00",
            "RQ-09",
            "M1",
            Some(Red),
        ),
        (
            "RQ-10 刑规 §151: found 04-20, approved 04-27, past the 5 days ending 04-25: yellow",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-27T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
                r#"{"fact":"document.issued","at":"2026-04-27T12:00:00+08:00","id":"D1","case":"C1","kind":"custody_change_notice","number":"X1","subject":"M1"}"#,
            ],
            "2026-04-28T00:00:00+08:00",
            "RQ-10",
            "M1",
            Some(Yellow),
        ),
        (
            "RQ-10 刑规 §151: … still yellow after the arrest ended (a finding about the past)",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-27T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
                r#"{"fact":"measure.ended","at":"2026-04-28T10:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-04-29T00:00:00+08:00",
            "RQ-10",
            "M1",
            Some(Yellow),
        ),
        (
            "RQ-10 刑规 §151: no notice owed once the arrest has ended",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-22T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
                r#"{"fact":"measure.ended","at":"2026-04-22T12:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-04-24T00:00:00+08:00",
            "RQ-10",
            "M1",
            None,
        ),
        (
            "RQ-10 刑规 §151: found 04-20, approved 04-25 (the fifth day), the notice issued: nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-25T22:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
                r#"{"fact":"document.issued","at":"2026-04-26T09:00:00+08:00","id":"D1","case":"C1","kind":"custody_change_notice","number":"X1","subject":"M1"}"#,
            ],
            "2026-04-28T00:00:00+08:00",
            "RQ-10",
            "M1",
            None,
        ),
        (
            "RQ-10 刑规 §151: no 变更羁押期限通知书 to the detention house 24 h after the approval (P): yellow",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-22T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
            ],
            "2026-04-23T10:00:00+08:00",
            "RQ-10",
            "M1",
            Some(Yellow),
        ),
        (
            "RQ-10 刑规 §151: … nothing 20 hours after it",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-04-22T10:00:00+08:00","id":"M1","reason":"new_crime","approved_by":"O2","from":"2026-04-20T10:00:00+08:00"}"#,
            ],
            "2026-04-23T06:00:00+08:00",
            "RQ-10",
            "M1",
            None,
        ),
        (
            "RQ-10 刑规 §152: a notice issued before the identity was established does not do for the recalculation after it: yellow",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-03-03T10:00:00+08:00","id":"M1","reason":"identity_unknown","approved_by":"O2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T12:00:00+08:00","id":"D1","case":"C1","kind":"custody_change_notice","number":"X1","subject":"M1"}"#,
                r#"{"fact":"measure.custody_recalculated","at":"2026-05-11T10:00:00+08:00","id":"M1","reason":"identity_established","approved_by":"O2","from":"2026-05-10T10:00:00+08:00"}"#,
            ],
            "2026-05-13T10:00:00+08:00",
            "RQ-10",
            "M1",
            Some(Yellow),
        ),
        (
            "XZ-11 强制法 §53: a fine decided 03-03, the reminder served 09-10 and not complied with: nothing on 11-01, the three months after the six-month lawsuit period ending 12-03",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-10T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
            ],
            "2026-11-01T10:00:00+08:00",
            "XZ-11",
            "C2",
            None,
        ),
        (
            "XZ-11 强制法 §53: … blue within 30 days of 12-03's end (the catalog's template)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-10T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
            ],
            "2026-11-05T10:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Blue),
        ),
        (
            "XZ-11 强制法 §53: … red once 12-03 has ended and no application was made",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-10T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
            ],
            "2026-12-04T01:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Red),
        ),
        (
            "XZ-11 强制法 §53: the person complied after the reminder: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-10T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-15T10:00:00+08:00","id":"C2","person":"P1","step":"complied"}"#,
            ],
            "2026-12-05T10:00:00+08:00",
            "XZ-11",
            "C2",
            None,
        ),
        (
            "XZ-11 强制法 §53: the person sued: no application to the court is owed",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-10T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-12T10:00:00+08:00","id":"C2","person":"P1","step":"contested"}"#,
            ],
            "2026-12-05T10:00:00+08:00",
            "XZ-11",
            "C2",
            None,
        ),
        (
            "XZ-11 强制法 §54: the court applied to with no reminder served: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-20T10:00:00+08:00","id":"C2","person":"P1","step":"court_applied"}"#,
            ],
            "2026-09-21T10:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Red),
        ),
        (
            "XZ-11 强制法 §54: the reminder served Tuesday 09-08, the court applied to on 09-18, within the 10 days: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-08T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-18T15:00:00+08:00","id":"C2","person":"P1","step":"court_applied"}"#,
            ],
            "2026-09-21T10:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Red),
        ),
        (
            "XZ-11 强制法 §54: … applied to on Saturday 09-19, after the 10 days: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-08T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-19T09:00:00+08:00","id":"C2","person":"P1","step":"court_applied"}"#,
            ],
            "2026-12-21T10:00:00+08:00",
            "XZ-11",
            "C2",
            None,
        ),
        (
            "XZ-11 强制法 §53: applied to on 12-07, after the three months ended on 12-03: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-08T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-12-07T09:00:00+08:00","id":"C2","person":"P1","step":"court_applied"}"#,
            ],
            "2026-12-08T10:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Red),
        ),
        (
            "XZ-11 行诉法 §46: the decision served on P1 on Friday 03-20, so the lawsuit period ends on the working Sunday 09-20 and the three months on 12-21 (12-20 a Sunday): blue on 12-04, where counting from the decision would be red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"D1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-20T15:00:00+08:00","id":"D1","to":"P1"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-10T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
            ],
            "2026-12-04T01:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Blue),
        ),
        (
            "XZ-11 行诉法 §46: … served on another person only: counted from the decision, red on 12-04",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"D1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"1990-05-01"}"#,
                r#"{"fact":"document.served","at":"2026-03-20T15:00:00+08:00","id":"D1","to":"P2"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-10T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
            ],
            "2026-12-04T01:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Red),
        ),
        (
            "XZ-11 强制法 §53: the reminder served 08-20, the court applied to on Thursday 09-03, the last day of the six-month lawsuit period: red (too early)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-08-20T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-03T15:00:00+08:00","id":"C2","person":"P1","step":"court_applied"}"#,
            ],
            "2026-09-04T10:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Red),
        ),
        (
            "XZ-11 强制法 §53: … applied to on 09-04, the day after the period ended: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"case.enforcement","at":"2026-08-20T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-04T09:00:00+08:00","id":"C2","person":"P1","step":"court_applied"}"#,
            ],
            "2026-09-05T10:00:00+08:00",
            "XZ-11",
            "C2",
            None,
        ),
        (
            "XZ-11 强制法 §53: … the decision served on P1 on 03-20: 09-04 is before the period ends on 09-20: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"D1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-20T15:00:00+08:00","id":"D1","to":"P1"}"#,
                r#"{"fact":"case.enforcement","at":"2026-08-20T10:00:00+08:00","id":"C2","person":"P1","step":"reminder_served"}"#,
                r#"{"fact":"case.enforcement","at":"2026-09-04T09:00:00+08:00","id":"C2","person":"P1","step":"court_applied"}"#,
            ],
            "2026-09-05T10:00:00+08:00",
            "XZ-11",
            "C2",
            Some(Red),
        ),
        (
            "XS-03 刑规 §180: an agency's incomplete file notified 25 hours after the acceptance: yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.completion_requested","at":"2026-03-03T09:00:00+08:00","id":"C2"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
            "XS-03",
            "C2",
            Some(Yellow),
        ),
        (
            "XS-03 刑规 §180: … notified the same evening: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.completion_requested","at":"2026-03-02T20:00:00+08:00","id":"C2"}"#,
            ],
            "2026-03-03T10:00:00+08:00",
            "XS-03",
            "C2",
            None,
        ),
        (
            "XS-03 刑规 §181: reconsideration asked Thursday 03-05: 3 days end on Sunday, moved to Monday 03-09; yellow on Monday morning",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-04T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.reconsideration_requested","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
            ],
            "2026-03-09T01:00:00+08:00",
            "XS-03",
            "C2",
            Some(Yellow),
        ),
        (
            "XS-03 刑规 §181: … red once Monday has ended undecided",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-04T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.reconsideration_requested","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
            ],
            "2026-03-10T01:00:00+08:00",
            "XS-03",
            "C2",
            Some(Red),
        ),
        (
            "XS-03 刑规 §181: … decided on 03-07: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-04T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.reconsideration_requested","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.reconsideration_decided","at":"2026-03-07T10:00:00+08:00","id":"C2","upheld":true}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XS-03",
            "C2",
            None,
        ),
        (
            "XS-03 刑规 §181: … decided on 03-11, late: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200","from_agency":true}"#,
                r#"{"fact":"case.not_filed","at":"2026-03-04T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.reconsideration_requested","at":"2026-03-05T10:00:00+08:00","id":"C2"}"#,
                r#"{"fact":"case.reconsideration_decided","at":"2026-03-11T10:00:00+08:00","id":"C2","upheld":false}"#,
            ],
            "2026-03-12T10:00:00+08:00",
            "XS-03",
            "C2",
            Some(Red),
        ),
        (
            "JZ-05 刑规 §260: a suspect identified among 6 persons: red",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"张强","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","gender":"female","birth_date":"1985-01-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T10:00:00+08:00","id":"C1","identifier":"P2","kind":"person","lineup":6,"officers":["O2","O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-05",
            "C1",
            Some(Red),
        ),
        (
            "JZ-05 刑规 §260: … among 7, led by two officers: nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"张强","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","gender":"female","birth_date":"1985-01-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T10:00:00+08:00","id":"C1","identifier":"P2","kind":"person","lineup":7,"officers":["O2","O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-05",
            "C1",
            None,
        ),
        (
            "JZ-05 刑规 §260: a photo picked among 9: red",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"张强","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","gender":"female","birth_date":"1985-01-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T10:00:00+08:00","id":"C1","identifier":"P2","kind":"photo","lineup":9,"officers":["O2","O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-05",
            "C1",
            Some(Red),
        ),
        (
            "JZ-05 刑规 §260: a place identified, nothing to mix it with: nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"张强","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","gender":"female","birth_date":"1985-01-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T10:00:00+08:00","id":"C1","identifier":"P2","kind":"place","lineup":1,"officers":["O2","O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-05",
            "C1",
            None,
        ),
        (
            "JZ-05 刑规 §259: an identification led by one officer: red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","gender":"female","birth_date":"1985-01-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.identification","at":"2026-03-03T10:00:00+08:00","id":"C1","identifier":"P2","kind":"object","lineup":5,"officers":["O2"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-05",
            "C1",
            Some(Red),
        ),
        (
            "JZ-05 刑规 §223: a body searched by one officer: red",
            &[
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P1","kind":"search","officers":["O2"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-05",
            "C1",
            Some(Red),
        ),
        (
            "JZ-05 刑规 §223: … by two: nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"张强","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"case.person_searched","at":"2026-03-03T10:00:00+08:00","id":"C1","person":"P1","kind":"search","officers":["O2","O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-05",
            "C1",
            None,
        ),
        (
            "JZ-09 行规 §175: a penalty decision without the remedies and their deadlines: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"DX1","case":"C2","kind":"penalty_decision","number":"X1","contents":["identity","facts","penalty","execution","seal"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "JZ-09",
            "C2",
            Some(Red),
        ),
        (
            "JZ-09 行规 §175: … with all six elements (a warning, nothing seized): nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"DX1","case":"C2","kind":"penalty_decision","number":"X1","contents":["identity","facts","penalty","execution","remedies","seal"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "JZ-09",
            "C2",
            None,
        ),
        (
            "JZ-09 处罚法 §72: a fine's decision without the late-payment surcharge: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":500}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"DX1","case":"C2","kind":"penalty_decision","number":"X1","contents":["identity","facts","penalty","execution","remedies","seal"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "JZ-09",
            "C2",
            Some(Red),
        ),
        (
            "JZ-09 行规 §175: property seized, the decision silent on its outcome: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":300,"seized_by":"O2"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"DX1","case":"C2","kind":"penalty_decision","number":"X1","contents":["identity","facts","penalty","execution","remedies","seal"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "JZ-09",
            "C2",
            Some(Red),
        ),
        (
            "JZ-09 行规 §175: a decision that does not list its contents is not checked",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"DX1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "JZ-09",
            "C2",
            None,
        ),
        (
            "JZ-09 强制法 §24: an evidence-preservation decision without its list: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"DX1","case":"C2","kind":"preservation_decision","number":"X1","contents":["identity","reasons","basis","period","remedies","seal"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "JZ-09",
            "C2",
            Some(Red),
        ),
        (
            "JZ-09 强制法 §24: … with its list: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T11:00:00+08:00","id":"DX1","case":"C2","kind":"preservation_decision","number":"X1","contents":["identity","reasons","basis","period","list","remedies","seal"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "JZ-09",
            "C2",
            None,
        ),
        (
            "XS-07 刑规 §175: found outside the unit's jurisdiction at 10:00, not transferred 24 hours on: yellow",
            &[r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#],
            "2026-03-04T10:00:00+08:00",
            "XS-07",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-07 刑规 §175: … nothing at 23 hours",
            &[r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#],
            "2026-03-04T09:00:00+08:00",
            "XS-07",
            "C1",
            None,
        ),
        (
            "XS-07 刑规 §184: transferred Tuesday 03-03 after the filing, no 移送案件通知书 by Friday's end: yellow",
            &[
                r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T15:00:00+08:00","id":"C1","to_unit":"U330503"}"#,
            ],
            "2026-03-07T01:00:00+08:00",
            "XS-07",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-07 刑规 §184: … the notice issued (no reporter linked): nothing",
            &[
                r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T15:00:00+08:00","id":"C1","to_unit":"U330503"}"#,
                r#"{"fact":"document.issued","at":"2026-03-04T09:00:00+08:00","id":"D1","case":"C1","kind":"transfer_notice","number":"X1"}"#,
            ],
            "2026-03-07T01:00:00+08:00",
            "XS-07",
            "C1",
            None,
        ),
        (
            "XS-07 刑规 §184: … a reporter linked, the notice issued but not served on them: yellow",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","gender":"female","birth_date":"1985-01-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"reporter"}"#,
                r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T15:00:00+08:00","id":"C1","to_unit":"U330503"}"#,
                r#"{"fact":"document.issued","at":"2026-03-04T09:00:00+08:00","id":"D1","case":"C1","kind":"transfer_notice","number":"X1"}"#,
            ],
            "2026-03-07T01:00:00+08:00",
            "XS-07",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-07 刑规 §184: … served on the reporter: nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙二","gender":"female","birth_date":"1985-01-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"reporter"}"#,
                r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T15:00:00+08:00","id":"C1","to_unit":"U330503"}"#,
                r#"{"fact":"document.issued","at":"2026-03-04T09:00:00+08:00","id":"D1","case":"C1","kind":"transfer_notice","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-04T10:00:00+08:00","id":"D1","to":"P2"}"#,
            ],
            "2026-03-07T01:00:00+08:00",
            "XS-07",
            "C1",
            None,
        ),
        (
            "XS-07 刑规 §185: the file goes with a transferred case: no archiving asked 40 days on (JZ-07)",
            &[
                r#"{"fact":"case.jurisdiction_found","at":"2026-03-03T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T15:00:00+08:00","id":"C1","to_unit":"U330503"}"#,
                r#"{"fact":"document.issued","at":"2026-03-04T09:00:00+08:00","id":"D1","case":"C1","kind":"transfer_notice","number":"X1"}"#,
            ],
            "2026-04-13T10:00:00+08:00",
            "JZ-07",
            "C1",
            None,
        ),
        (
            "XS-07 刑规 §175: an administrative case transferred ends at this unit: no XZ-02 when its 30 days have passed",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T15:00:00+08:00","id":"C2","to_unit":"U330503"}"#,
            ],
            "2026-04-10T10:00:00+08:00",
            "XZ-02",
            "C2",
            None,
        ),
        (
            "XS-07 刑规 §175: an accepted criminal case transferred before the filing decision: no XS-01",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"criminal","category":"050200"}"#,
                r#"{"fact":"case.transferred","at":"2026-03-03T15:00:00+08:00","id":"C2","to_unit":"U330503"}"#,
            ],
            "2026-03-10T10:00:00+08:00",
            "XS-01",
            "C2",
            None,
        ),
        (
            "XZ-09 行规 §179: a party refused mediation, the case mediated all the same: yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.mediation_barred","at":"2026-03-02T09:00:00+08:00","id":"C2","reason":"refused"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"mediated","decided_by_unit":"U330503"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "XZ-09",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-09 行规 §178: mediated with no bar recorded: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"mediated","decided_by_unit":"U330503"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "XZ-09",
            "C2",
            None,
        ),
        (
            "TS-08 未保法 §103: a release disclosing a 13-year-old's identity: red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"周三","gender":"male","birth_date":"2012-05-01"}"#,
                r#"{"fact":"case.publicized","at":"2026-03-05T10:00:00+08:00","id":"C1","identified":["P3"]}"#,
            ],
            "2026-03-05T11:00:00+08:00",
            "TS-08",
            "C1",
            Some(Red),
        ),
        (
            "TS-08 未保法 §103: a release naming an adult only: nothing",
            &[
                r#"{"fact":"case.publicized","at":"2026-03-05T10:00:00+08:00","id":"C1","identified":["P1"]}"#,
            ],
            "2026-03-05T11:00:00+08:00",
            "TS-08",
            "C1",
            None,
        ),
        (
            "XZ-10 行规 §216: cash collected on the spot Tuesday 03-03, not handed over by Thursday's end: yellow on 03-06",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:30:00+08:00","id":"C2","person":"P1","step":"collected","amount_yuan":200}"#,
            ],
            "2026-03-06T09:00:00+08:00",
            "XZ-10",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-10 行规 §216: … nothing on 03-05",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:30:00+08:00","id":"C2","person":"P1","step":"collected","amount_yuan":200}"#,
            ],
            "2026-03-05T20:00:00+08:00",
            "XZ-10",
            "C2",
            None,
        ),
        (
            "XZ-10 行规 §216: handed over on 03-04, not deposited at the bank two days on: yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:30:00+08:00","id":"C2","person":"P1","step":"collected","amount_yuan":200}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-04T09:00:00+08:00","id":"C2","person":"P1","step":"handed_over"}"#,
            ],
            "2026-03-07T09:00:00+08:00",
            "XZ-10",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-10 行规 §216: handed over and deposited in time, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-03T10:30:00+08:00","id":"C2","person":"P1","step":"collected","amount_yuan":200}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-04T09:00:00+08:00","id":"C2","person":"P1","step":"handed_over"}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-05T09:00:00+08:00","id":"C2","person":"P1","step":"deposited"}"#,
            ],
            "2026-03-20T09:00:00+08:00",
            "XZ-10",
            "C2",
            None,
        ),
        (
            "XZ-10 行规 §216: collected on Friday 03-06: two days moved past the weekend, nothing on Monday 03-09",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.x"}"#,
                r#"{"fact":"case.decided","at":"2026-03-03T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"case.fine_cash","at":"2026-03-06T10:30:00+08:00","id":"C2","person":"P1","step":"collected","amount_yuan":200}"#,
            ],
            "2026-03-09T20:00:00+08:00",
            "XZ-10",
            "C2",
            None,
        ),
        (
            "XS-10 刑规 §289: sent on Tuesday 03-10, the suspect not told by Friday's end (P 3 days): yellow on 03-14",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-10T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-10T10:30:00+08:00","id":"D9","case":"C1","kind":"prosecution_opinion","number":"X9"}"#,
            ],
            "2026-03-14T09:00:00+08:00",
            "XS-10",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-10 刑规 §289: … nothing on 03-13",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-10T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-10T10:30:00+08:00","id":"D9","case":"C1","kind":"prosecution_opinion","number":"X9"}"#,
            ],
            "2026-03-13T12:00:00+08:00",
            "XS-10",
            "C1",
            None,
        ),
        (
            "XS-10 刑规 §287, §289: the opinion issued and the suspect told, nothing",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-10T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-10T10:30:00+08:00","id":"D9","case":"C1","kind":"prosecution_opinion","number":"X9"}"#,
                r#"{"fact":"document.issued","at":"2026-03-10T11:00:00+08:00","id":"D10","case":"C1","kind":"prosecution_transfer_notice","number":"X10"}"#,
                r#"{"fact":"document.served","at":"2026-03-10T15:00:00+08:00","id":"D10","to":"P1"}"#,
            ],
            "2026-03-20T09:00:00+08:00",
            "XS-10",
            "C1",
            None,
        ),
        (
            "XS-10 刑规 §287: the suspect told but no prosecution opinion: yellow",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-10T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-10T11:00:00+08:00","id":"D10","case":"C1","kind":"prosecution_transfer_notice","number":"X10"}"#,
                r#"{"fact":"document.served","at":"2026-03-10T15:00:00+08:00","id":"D10","to":"P1"}"#,
            ],
            "2026-03-20T09:00:00+08:00",
            "XS-10",
            "C1",
            Some(Yellow),
        ),
        (
            "XS-10 刑规 §289: sent on Thursday 03-12, three days end on Sunday, moved to Monday 03-16: nothing that day",
            &[
                r#"{"fact":"case.sent_for_prosecution","at":"2026-03-12T10:00:00+08:00","id":"C1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-10T10:30:00+08:00","id":"D9","case":"C1","kind":"prosecution_opinion","number":"X9"}"#,
            ],
            "2026-03-16T12:00:00+08:00",
            "XS-10",
            "C1",
            None,
        ),
        (
            "XZ-03 处罚法 §60: another administrative case undecided 90 days on (05-31, a Sunday, moved to 06-01) is red on 06-02",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true}"#,
            ],
            "2026-06-02T00:00:00+08:00",
            "XZ-03",
            "C2",
            Some(Red),
        ),
        (
            "XZ-03 处罚法 §60: on the last day moved to (06-01), not yet red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true}"#,
            ],
            "2026-06-01T23:00:00+08:00",
            "XZ-03",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-03 处罚法 §60: a month on, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "XZ-03",
            "C2",
            None,
        ),
        (
            "XZ-03 处罚法 §60: counted from the filing (03-20) where one is recorded: 06-02 is not red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true}"#,
                r#"{"fact":"case.filed","at":"2026-03-20T10:00:00+08:00","id":"C2"}"#,
            ],
            "2026-06-02T00:00:00+08:00",
            "XZ-03",
            "C2",
            Some(Blue),
        ),
        (
            "XZ-03 处罚法 §60: decided in time, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true}"#,
                r#"{"fact":"case.decided","at":"2026-05-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
            ],
            "2026-06-02T00:00:00+08:00",
            "XZ-03",
            "C2",
            None,
        ),
        (
            "XZ-02 治安法12 §99: not the limit of another administrative case (90 days, XZ-03)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true}"#,
            ],
            "2026-04-05T00:00:00+08:00",
            "XZ-02",
            "C2",
            None,
        ),
        (
            "XZ-13 处罚法 §36: another administrative act of 2025-01-01 discovered on 2026-03-02 is within two years: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true,"committed_at":"2025-01-01T10:00:00+08:00"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "XZ-13",
            "C2",
            None,
        ),
        (
            "XZ-13 处罚法 §36: another administrative act of 2024-01-01 discovered on 2026-03-02: yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"entry_exit","other_administrative":true,"committed_at":"2024-01-01T10:00:00+08:00"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "XZ-13",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-13 治安法12 §22: an act of 2025-08-01 discovered on 2026-03-03, undecided: yellow at once",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight","committed_at":"2025-08-01T20:00:00+08:00"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "XZ-13",
            "C2",
            Some(Yellow),
        ),
        (
            "XZ-13 行规 §154: punished all the same: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight","committed_at":"2025-08-01T20:00:00+08:00"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"warning"}]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-13",
            "C2",
            Some(Red),
        ),
        (
            "XZ-13 治安法12 §22: decided not to punish, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-03T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight","committed_at":"2025-08-01T20:00:00+08:00"}"#,
                r#"{"fact":"case.decided","at":"2026-03-10T10:00:00+08:00","id":"C2","decision":"no_penalty","decided_by_unit":"U330503","penalties":[]}"#,
            ],
            "2026-03-10T11:00:00+08:00",
            "XZ-13",
            "C2",
            None,
        ),
        (
            "XZ-13 治安法12 §22: reported on the last day of the six months (2025-09-03 to 2026-03-03), accepted later: nothing",
            &[
                r#"{"fact":"incident.received","at":"2026-03-03T22:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-05T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight","committed_at":"2025-09-03T10:00:00+08:00","incident":"J1"}"#,
            ],
            "2026-03-05T11:00:00+08:00",
            "XZ-13",
            "C2",
            None,
        ),
        (
            "XZ-13 治安法12 §22: reported the day after the six months: yellow",
            &[
                r#"{"fact":"incident.received","at":"2026-03-04T00:30:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-05T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight","committed_at":"2025-09-03T10:00:00+08:00","incident":"J1"}"#,
            ],
            "2026-03-05T11:00:00+08:00",
            "XZ-13",
            "C2",
            Some(Yellow),
        ),
        (
            "TS-05 法援法 §39: an application for legal aid not forwarded 24 hours on is red",
            &[
                r#"{"fact":"legal_aid.requested","at":"2026-03-05T10:00:00+08:00","person":"P1","case":"C1"}"#,
            ],
            "2026-03-06T10:30:00+08:00",
            "TS-05",
            "P1",
            Some(Red),
        ),
        (
            "TS-05 刑规 §47: an application on an administrative case is not a criminal suspect's, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"legal_aid.requested","at":"2026-03-05T10:00:00+08:00","person":"P1","case":"C2"}"#,
            ],
            "2026-03-06T10:30:00+08:00",
            "TS-05",
            "P1",
            None,
        ),
        (
            "TS-05 刑规 §47: yellow 20 hours on",
            &[
                r#"{"fact":"legal_aid.requested","at":"2026-03-05T10:00:00+08:00","person":"P1","case":"C1"}"#,
            ],
            "2026-03-06T06:00:00+08:00",
            "TS-05",
            "P1",
            Some(Yellow),
        ),
        (
            "TS-05 刑规 §47: forwarded the same day, nothing",
            &[
                r#"{"fact":"legal_aid.requested","at":"2026-03-05T10:00:00+08:00","person":"P1","case":"C1"}"#,
                r#"{"fact":"legal_aid.notified","at":"2026-03-05T16:00:00+08:00","person":"P1","case":"C1"}"#,
            ],
            "2026-03-07T10:00:00+08:00",
            "TS-05",
            "P1",
            None,
        ),
        (
            "TS-05 法援法 §39: a notice before the application does not forward it",
            &[
                r#"{"fact":"legal_aid.notified","at":"2026-03-04T16:00:00+08:00","person":"P1","case":"C1"}"#,
                r#"{"fact":"legal_aid.requested","at":"2026-03-05T10:00:00+08:00","person":"P1","case":"C1"}"#,
            ],
            "2026-03-06T11:00:00+08:00",
            "TS-05",
            "P1",
            Some(Red),
        ),
        (
            "RQ-12 CPL §97: a request to change a detention not decided 3 days on is red",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.change_requested","at":"2026-03-03T10:00:00+08:00","id":"M1"}"#,
            ],
            "2026-03-07T00:00:00+08:00",
            "RQ-12",
            "M1",
            Some(Red),
        ),
        (
            "RQ-12 CPL §97: refused in writing within the 3 days, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.change_requested","at":"2026-03-03T10:00:00+08:00","id":"M1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-04T10:00:00+08:00","id":"D1","case":"C1","kind":"change_request_reply","number":"X1","subject":"M1"}"#,
            ],
            "2026-03-07T00:00:00+08:00",
            "RQ-12",
            "M1",
            None,
        ),
        (
            "RQ-12 CPL §97: a reply naming another measure does not answer the request",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.change_requested","at":"2026-03-03T10:00:00+08:00","id":"M1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-04T10:00:00+08:00","id":"D1","case":"C1","kind":"change_request_reply","number":"X1","subject":"M9"}"#,
            ],
            "2026-03-07T00:00:00+08:00",
            "RQ-12",
            "M1",
            Some(Red),
        ),
        (
            "RQ-12 刑规 §160: changed to bail within the 3 days, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.change_requested","at":"2026-03-03T10:00:00+08:00","id":"M1"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-05T10:00:00+08:00","id":"M1","outcome":"converted"}"#,
            ],
            "2026-03-07T00:00:00+08:00",
            "RQ-12",
            "M1",
            None,
        ),
        (
            "RQ-12 CPL §105: on bail, 3 days ending on Saturday move to Monday: yellow on Monday",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M2","person":"P1","case":"C1","kind":"bail"}"#,
                r#"{"fact":"measure.change_requested","at":"2026-03-04T10:00:00+08:00","id":"M2"}"#,
            ],
            "2026-03-09T10:00:00+08:00",
            "RQ-12",
            "M2",
            Some(Yellow),
        ),
        (
            "RQ-12 CPL §105: detained, the 3 days ending on Saturday do not move: red on Monday",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.change_requested","at":"2026-03-04T10:00:00+08:00","id":"M1"}"#,
            ],
            "2026-03-09T10:00:00+08:00",
            "RQ-12",
            "M1",
            Some(Red),
        ),
        (
            "RQ-12 CPL §95: the procuratorate's recommendation to release of Friday 2026-03-06, released but not answered when the 10 days end on Monday: red",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-06T10:00:00+08:00","id":"C1","notice":"release_recommended","measure":"M1"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-07T10:00:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-03-17T01:00:00+08:00",
            "RQ-12",
            "M1",
            Some(Red),
        ),
        (
            "RQ-12 CPL §95: what was done told within 10 days, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"case.procuratorate_notice","at":"2026-03-06T10:00:00+08:00","id":"C1","notice":"release_recommended","measure":"M1"}"#,
                r#"{"fact":"document.issued","at":"2026-03-10T10:00:00+08:00","id":"D1","case":"C1","kind":"custody_review_reply","number":"X1","subject":"M1"}"#,
            ],
            "2026-03-17T01:00:00+08:00",
            "RQ-12",
            "M1",
            None,
        ),
        (
            "TS-12 CPL §121: a deaf person questioned with no sign-language interpreter is red at once",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙三","gender":"male","birth_date":"1985-01-01","flags":["deaf"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"questioning","end":"2026-03-03T11:00:00+08:00","officers":["O2"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-12",
            "I1",
            Some(Red),
        ),
        (
            "TS-12 行规 §76: with an interpreter, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"孙三","gender":"male","birth_date":"1985-01-01","flags":["deaf"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"questioning","end":"2026-03-03T11:00:00+08:00","officers":["O2"],"interpreter_present":true}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-12",
            "I1",
            None,
        ),
        (
            "TS-12: a hearing person needs no interpreter, nothing",
            &[
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"questioning","end":"2026-03-03T11:00:00+08:00","officers":["O2"]}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "TS-12",
            "I1",
            None,
        ),
        (
            "CW-11 刑规 §234: the victim's property found 03-10, not returned when 15 days end on 03-25: yellow",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-10T10:00:00+08:00","id":"W1","flag":"victim_owned"}"#,
            ],
            "2026-03-26T01:00:00+08:00",
            "CW-11",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-11 刑规 §234: … nothing on 03-25",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-10T10:00:00+08:00","id":"W1","flag":"victim_owned"}"#,
            ],
            "2026-03-25T20:00:00+08:00",
            "CW-11",
            "W1",
            None,
        ),
        (
            "CW-11 刑规 §234: … returned to the victim on 03-12: nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-10T10:00:00+08:00","id":"W1","flag":"victim_owned"}"#,
                r#"{"fact":"property.disposed","at":"2026-03-12T10:00:00+08:00","id":"W1","method":"returned_to_victim"}"#,
            ],
            "2026-03-30T10:00:00+08:00",
            "CW-11",
            "W1",
            None,
        ),
        (
            "CW-11 刑规 §234: … confiscated instead of returned: yellow",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-10T10:00:00+08:00","id":"W1","flag":"victim_owned"}"#,
                r#"{"fact":"property.disposed","at":"2026-03-12T10:00:00+08:00","id":"W1","method":"confiscated"}"#,
            ],
            "2026-03-12T11:00:00+08:00",
            "CW-11",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-11 行规 §192: perishable, found Wednesday 03-11: the 3 days end on Saturday, moved to Monday 03-16; nothing on Sunday",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-11T10:00:00+08:00","id":"W1","flag":"perishable"}"#,
            ],
            "2026-03-15T12:00:00+08:00",
            "CW-11",
            "W1",
            None,
        ),
        (
            "CW-11 行规 §192: … yellow on 03-17, still not sold",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-11T10:00:00+08:00","id":"W1","flag":"perishable"}"#,
            ],
            "2026-03-17T01:00:00+08:00",
            "CW-11",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-11 行规 §192: … sold on 03-12: nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-11T10:00:00+08:00","id":"W1","flag":"perishable"}"#,
                r#"{"fact":"property.disposed","at":"2026-03-12T10:00:00+08:00","id":"W1","method":"sold"}"#,
            ],
            "2026-03-20T10:00:00+08:00",
            "CW-11",
            "W1",
            None,
        ),
        (
            "CW-11 行规 §191: a hazardous item kept in the ordinary store: yellow",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"保管室","custodian":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-03T10:00:00+08:00","id":"W1","flag":"hazardous"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CW-11",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-11 行规 §191: … moved to the dedicated store: nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"x","description":"物品","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.stored","at":"2026-03-02T12:00:00+08:00","id":"W1","location":"保管室","custodian":"O2"}"#,
                r#"{"fact":"property.flagged","at":"2026-03-03T10:00:00+08:00","id":"W1","flag":"hazardous"}"#,
                r#"{"fact":"property.stored","at":"2026-03-03T15:00:00+08:00","id":"W1","location":"危险品库","custodian":"O2","hazmat_store":true}"#,
            ],
            "2026-03-03T16:00:00+08:00",
            "CW-11",
            "W1",
            None,
        ),
        (
            "CW-13 刑规 §233: the owner called for on 2026-03-10, unclaimed and not dealt with when the 6 months end: red",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","description":"手机","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.owner_sought","at":"2026-03-10T10:00:00+08:00","id":"W1"}"#,
            ],
            "2026-09-11T01:00:00+08:00",
            "CW-13",
            "W1",
            Some(Red),
        ),
        (
            "CW-13 行规 §197: yellow in the last 15 days",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","description":"手机","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.owner_sought","at":"2026-03-10T10:00:00+08:00","id":"W1"}"#,
            ],
            "2026-08-28T10:00:00+08:00",
            "CW-13",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-13 刑规 §233: no notice yet 3 months on, nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","description":"手机","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
            ],
            "2026-06-10T10:00:00+08:00",
            "CW-13",
            "W1",
            None,
        ),
        (
            "CW-13 行规 §197: disposed of, nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","description":"手机","quantity":1,"value_yuan":3000,"seized_by":"O2"}"#,
                r#"{"fact":"property.owner_sought","at":"2026-03-10T10:00:00+08:00","id":"W1"}"#,
                r#"{"fact":"property.disposed","at":"2026-09-01T10:00:00+08:00","id":"W1","method":"confiscated"}"#,
            ],
            "2026-09-11T01:00:00+08:00",
            "CW-13",
            "W1",
            None,
        ),
        (
            "TS-13 刑规 §367: a foreigner detained, not reported 48 hours on, is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"JOHN SMITH","gender":"male","birth_date":"1980-01-01","nationality":"US"}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P3","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-07T10:30:00+08:00",
            "TS-13",
            "M1",
            Some(Red),
        ),
        (
            "TS-13 刑规 §367: yellow 40 hours on",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"JOHN SMITH","gender":"male","birth_date":"1980-01-01","nationality":"US"}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P3","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-07T02:00:00+08:00",
            "TS-13",
            "M1",
            Some(Yellow),
        ),
        (
            "TS-13 刑规 §367: reported the next day, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"JOHN SMITH","gender":"male","birth_date":"1980-01-01","nationality":"US"}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P3","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"document.issued","at":"2026-03-06T09:00:00+08:00","id":"D1","case":"C1","kind":"foreign_national_report","number":"X1","subject":"M1"}"#,
            ],
            "2026-03-08T10:00:00+08:00",
            "TS-13",
            "M1",
            None,
        ),
        (
            "TS-13: a Chinese citizen detained, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
            ],
            "2026-03-08T10:00:00+08:00",
            "TS-13",
            "M1",
            None,
        ),
        (
            "XS-14 CPL §148: an injury opinion not told to the victim 3 days on is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-02T12:00:00+08:00","id":"C1","person":"P2","grade":"minor"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T09:00:00+08:00","id":"D1","case":"C1","kind":"appraisal_opinion_notice","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-03T10:00:00+08:00","id":"D1","to":"P1"}"#,
            ],
            "2026-03-06T00:00:00+08:00",
            "XS-14",
            "C1",
            Some(Red),
        ),
        (
            "XS-14 刑规 §252: blue with 2 days of the 3 left",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-02T12:00:00+08:00","id":"C1","person":"P2","grade":"minor"}"#,
            ],
            "2026-03-04T00:00:00+08:00",
            "XS-14",
            "C1",
            Some(Blue),
        ),
        (
            "XS-14: told to the suspect and the victim, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"victim"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-02T12:00:00+08:00","id":"C1","person":"P2","grade":"minor"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T09:00:00+08:00","id":"D1","case":"C1","kind":"appraisal_opinion_notice","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-03T10:00:00+08:00","id":"D1","to":"P1"}"#,
                r#"{"fact":"document.served","at":"2026-03-03T11:00:00+08:00","id":"D1","to":"P2"}"#,
            ],
            "2026-03-06T00:00:00+08:00",
            "XS-14",
            "C1",
            None,
        ),
        (
            "JZ-03 行规 §97: 5 days to serve the opinion end on a Saturday and move to Monday: yellow on Monday",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P2","case":"C2","role":"victim"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-02T12:00:00+08:00","id":"C2","person":"P2","grade":"minor"}"#,
            ],
            "2026-03-09T12:00:00+08:00",
            "JZ-03",
            "C2",
            Some(Yellow),
        ),
        (
            "JZ-03 行规 §98: red after Monday",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P2","case":"C2","role":"victim"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-02T12:00:00+08:00","id":"C2","person":"P2","grade":"minor"}"#,
            ],
            "2026-03-10T00:00:00+08:00",
            "JZ-03",
            "C2",
            Some(Red),
        ),
        (
            "JZ-03: the copy served on both, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P2","case":"C2","role":"victim"}"#,
                r#"{"fact":"case.injury_assessed","at":"2026-03-02T12:00:00+08:00","id":"C2","person":"P2","grade":"minor"}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T09:00:00+08:00","id":"D1","case":"C2","kind":"appraisal_opinion","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-03T10:00:00+08:00","id":"D1","to":"P1"}"#,
                r#"{"fact":"document.served","at":"2026-03-03T10:00:00+08:00","id":"D1","to":"P2"}"#,
            ],
            "2026-03-10T00:00:00+08:00",
            "JZ-03",
            "C2",
            None,
        ),
        (
            "JZ-02 行规 §172: the decision served on the offender but not the victim is red after 2 days (moved past the weekend)",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P2","case":"C2","role":"victim"}"#,
                r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
                r#"{"fact":"document.issued","at":"2026-03-05T11:00:00+08:00","id":"D1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-05T12:00:00+08:00","id":"D1","to":"P1"}"#,
            ],
            "2026-03-10T00:00:00+08:00",
            "JZ-02",
            "C2",
            Some(Red),
        ),
        (
            "JZ-02 治安法12 §97: not yet on Monday, the moved last day, it is yellow",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P2","case":"C2","role":"victim"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"no_penalty","decided_by_unit":"U330503","penalties":[]}"#,
                r#"{"fact":"document.issued","at":"2026-03-05T11:00:00+08:00","id":"D1","case":"C2","kind":"penalty_decision","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-05T12:00:00+08:00","id":"D1","to":"P2"}"#,
            ],
            "2026-03-09T12:00:00+08:00",
            "JZ-02",
            "C2",
            Some(Yellow),
        ),
        (
            "JZ-02: a decision not to punish served on the victim, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P2","case":"C2","role":"victim"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"no_penalty","decided_by_unit":"U330503","penalties":[]}"#,
                r#"{"fact":"document.issued","at":"2026-03-05T11:00:00+08:00","id":"D1","case":"C2","kind":"no_penalty_decision","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-05T12:00:00+08:00","id":"D1","to":"P2"}"#,
            ],
            "2026-03-10T00:00:00+08:00",
            "JZ-02",
            "C2",
            None,
        ),
        (
            "RQ-08 CPL §93: an arrest not delivered to the detention house is blue at half of 24 h (P)",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
            ],
            "2026-03-02T23:00:00+08:00",
            "RQ-08",
            "M1",
            Some(Blue),
        ),
        (
            "RQ-08 刑规 §143: red 24 h after the arrest",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "RQ-08",
            "M1",
            Some(Red),
        ),
        (
            "RQ-08 刑规 §142: delivered, no execution receipt with a day of 3 left is yellow",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-02T15:00:00+08:00","id":"M1","facility":"detention_house"}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "RQ-08",
            "M1",
            Some(Yellow),
        ),
        (
            "RQ-08: in the detention house under the earlier detention, receipt returned, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M0","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-02T20:00:00+08:00","id":"M0","facility":"detention_house"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-05T10:00:00+08:00","id":"M0","outcome":"converted"}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"arrest"}"#,
                r#"{"fact":"document.issued","at":"2026-03-05T15:00:00+08:00","id":"D1","case":"C1","kind":"arrest_execution_receipt","number":"X1","subject":"M1"}"#,
            ],
            "2026-03-06T11:00:00+08:00",
            "RQ-08",
            "M1",
            None,
        ),
        (
            "RQ-15 治安法12 §92: a detention decided, not executed 24 h (P) on, is yellow",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
            ],
            "2026-03-06T10:00:00+08:00",
            "RQ-15",
            "C2",
            Some(Yellow),
        ),
        (
            "RQ-15: not before the 24 h pass",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
            ],
            "2026-03-06T09:59:59+08:00",
            "RQ-15",
            "C2",
            None,
        ),
        (
            "RQ-15 拘留所条例 §12: delivered to the detention center and the family told, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":5}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T13:00:00+08:00","id":"M1","facility":"detention_center"}"#,
                r#"{"fact":"measure.family_notified","at":"2026-03-05T14:00:00+08:00","id":"M1"}"#,
            ],
            "2026-03-06T10:00:00+08:00",
            "RQ-15",
            "C2",
            None,
        ),
        (
            "RQ-11 (T-07, 拘留所条例 §32): 10 days of detention from admission on 03-05, not released when 03-15 ends: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T14:00:00+08:00","id":"M1","facility":"detention_center"}"#,
            ],
            "2026-03-16T00:00:00+08:00",
            "RQ-11",
            "M1",
            Some(Red),
        ),
        (
            "RQ-11 (T-07): blue as the last days near, never moved past the weekend (a limit on liberty)",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T14:00:00+08:00","id":"M1","facility":"detention_center"}"#,
            ],
            "2026-03-14T12:00:00+08:00",
            "RQ-11",
            "M1",
            Some(Blue),
        ),
        (
            "RQ-11 (T-07): released on time, nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T14:00:00+08:00","id":"M1","facility":"detention_center"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-15T09:00:00+08:00","id":"M1","outcome":"expired"}"#,
            ],
            "2026-03-20T00:00:00+08:00",
            "RQ-11",
            "M1",
            None,
        ),
        (
            "RQ-11 (T-07, 治安法12 §92): two days of earlier criminal detention for the same act are offset: red when 03-13 ends",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M0","person":"P1","case":"C2","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-04T09:00:00+08:00","id":"M0","outcome":"released"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T14:00:00+08:00","id":"M1","facility":"detention_center"}"#,
            ],
            "2026-03-14T00:00:00+08:00",
            "RQ-11",
            "M1",
            Some(Red),
        ),
        (
            "RQ-11 (T-07, 治安法12 §92): continued questioning does not offset",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M0","person":"P1","case":"C2","kind":"continued_questioning"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-02T20:00:00+08:00","id":"M0","outcome":"released"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":10}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P1","case":"C2","kind":"admin_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-05T14:00:00+08:00","id":"M1","facility":"detention_center"}"#,
            ],
            "2026-03-15T12:00:00+08:00",
            "RQ-11",
            "M1",
            Some(Yellow),
        ),
        (
            "RQ-15 治安法12 §16: detentions of 15 and 10 days on one person are red at once",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"detention","days":15},{"person":"P1","kind":"detention","days":10}]}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "RQ-15",
            "C2",
            Some(Red),
        ),
        (
            "RQ-15: a 15-year-old's detention is not executed (TS-09), nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"2010-05-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P3","kind":"detention","days":5}]}"#,
            ],
            "2026-03-06T10:00:00+08:00",
            "RQ-15",
            "C2",
            None,
        ),
        (
            "TS-09 治安法12 §12: a 13-year-old given a penalty is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"2012-05-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P3","kind":"warning"}]}"#,
            ],
            "2026-03-05T10:00:00+08:00",
            "TS-09",
            "P3",
            Some(Red),
        ),
        (
            "TS-09 治安法12 §21: a 15-year-old's detention executed is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"2010-05-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P3","kind":"detention","days":5}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P3","case":"C2","kind":"admin_detention"}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "TS-09",
            "P3",
            Some(Red),
        ),
        (
            "TS-09 行规 §164: a pregnant woman's detention executed is red",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"周四","gender":"female","birth_date":"1995-05-01","flags":["pregnant"]}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P3","kind":"detention","days":5}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P3","case":"C2","kind":"admin_detention"}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "TS-09",
            "P3",
            Some(Red),
        ),
        (
            "TS-09: a 17-year-old's detention executed is not found (first violation unknown)",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"2008-05-01"}"#,
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"case.decided","at":"2026-03-05T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P3","kind":"detention","days":5}]}"#,
                r#"{"fact":"measure.started","at":"2026-03-05T12:00:00+08:00","id":"M1","person":"P3","case":"C2","kind":"admin_detention"}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "TS-09",
            "P3",
            None,
        ),
        (
            "CS-01 办案区规定 §4: summoned, not registered in the area 30 min (P) after arrival, is yellow",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
            ],
            "2026-03-02T10:30:00+08:00",
            "CS-01",
            "M1",
            Some(Yellow),
        ),
        (
            "CS-01: not before",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
            ],
            "2026-03-02T10:29:59+08:00",
            "CS-01",
            "M1",
            None,
        ),
        (
            "CS-01: entered under the summons, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T10:10:00+08:00","id":"S1","person":"P1","center":"U330503","basis":"M1"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "CS-01",
            "M1",
            None,
        ),
        (
            "CS-01: questioning ended within 30 min, nothing",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"summons_criminal"}"#,
                r#"{"fact":"measure.ended","at":"2026-03-02T10:20:00+08:00","id":"M1","outcome":"released"}"#,
            ],
            "2026-03-02T11:00:00+08:00",
            "CS-01",
            "M1",
            None,
        ),
        (
            "CS-04 CPL §118: held in the detention house, interrogated in the center, is red",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"measure.delivered","at":"2026-03-02T20:00:00+08:00","id":"M1","facility":"detention_house"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T09:30:00+08:00","id":"S1","room":"X1","room_kind":"interrogation"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"],"stay":"S1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CS-04",
            "I1",
            Some(Red),
        ),
        (
            "CS-04 刑规 §198: interrogated while placed in a holding room is red",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T09:30:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"],"stay":"S1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CS-04",
            "I1",
            Some(Red),
        ),
        (
            "CS-04: in the interrogation room, not yet in the detention house, nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"measure.started","at":"2026-03-03T08:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U330503","basis":"M1"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T09:30:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T10:00:00+08:00","id":"S1","room":"X1","room_kind":"interrogation"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"],"stay":"S1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CS-04",
            "I1",
            None,
        ),
        (
            "CS-06 刑规 §201: 6 h (P) in the area with no meal is yellow",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T08:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
            ],
            "2026-03-02T14:00:00+08:00",
            "CS-06",
            "S1",
            Some(Yellow),
        ),
        (
            "CS-06: a second earlier, nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T08:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
            ],
            "2026-03-02T13:59:59+08:00",
            "CS-06",
            "S1",
            None,
        ),
        (
            "CS-06 行规 §71: a meal at noon, 5 h later nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T08:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.meal","at":"2026-03-02T12:00:00+08:00","id":"S1"}"#,
            ],
            "2026-03-02T17:00:00+08:00",
            "CS-06",
            "S1",
            None,
        ),
        (
            "CS-06 盘问规定 §27: 6.5 h from the last meal to the exit stays found after the exit",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T08:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.meal","at":"2026-03-02T08:30:00+08:00","id":"S1"}"#,
                r#"{"fact":"custody.exited","at":"2026-03-02T15:00:00+08:00","id":"S1","destination":"released"}"#,
            ],
            "2026-03-02T20:00:00+08:00",
            "CS-06",
            "S1",
            Some(Yellow),
        ),
        (
            "CS-09 CPL §123: questioning in the center without audio and video is red",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"],"stay":"S1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CS-09",
            "I1",
            Some(Red),
        ),
        (
            "CS-09: recorded, nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T09:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"],"stay":"S1","av_recorded":true}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CS-09",
            "I1",
            None,
        ),
        (
            "XS-13 录像规定 §4: a 15-year-old interrogated without audio and video is red",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"小红","gender":"female","birth_date":"2010-05-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"],"guardian_present":true,"female_staff_present":true}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "XS-13",
            "I1",
            Some(Red),
        ),
        (
            "XS-13 CPL §123: a deaf adult too",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"吴五","gender":"male","birth_date":"1980-05-01","flags":["deaf"]}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P2","case":"C1","role":"suspect"}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P2","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"],"guardian_present":true,"female_staff_present":true}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "XS-13",
            "I1",
            Some(Red),
        ),
        (
            "XS-13: an adult with no flag, not recorded outside the center, nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "XS-13",
            "I1",
            None,
        ),
        (
            "JZ-06 CPL §120: the first interrogation ended with no notice of rights served is red",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"]}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-06",
            "I1",
            Some(Red),
        ),
        (
            "JZ-06: not while it is going on",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"]}"#,
            ],
            "2026-03-03T10:30:00+08:00",
            "JZ-06",
            "I1",
            None,
        ),
        (
            "JZ-06 刑规 §203: the notice served during it, nothing",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"]}"#,
                r#"{"fact":"document.issued","at":"2026-03-03T10:05:00+08:00","id":"D1","case":"C1","kind":"rights_notice","number":"X1"}"#,
                r#"{"fact":"document.served","at":"2026-03-03T10:10:00+08:00","id":"D1","to":"P1"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "JZ-06",
            "I1",
            None,
        ),
        (
            "JZ-06: a second interrogation is not the first, nothing on it",
            &[
                r#"{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O3","name":"王刚","unit":"U33050301","gender":"male","roles":["officer"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["O2","O3"]}"#,
                r#"{"fact":"interrogation.held","at":"2026-03-04T10:00:00+08:00","id":"I2","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-04T11:00:00+08:00","officers":["O2","O3"]}"#,
            ],
            "2026-03-04T11:00:00+08:00",
            "JZ-06",
            "I2",
            None,
        ),
        (
            "CS-08 看守所条例 §14: a man and a woman in one holding room is yellow",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S2","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S2","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-08",
            "S1",
            Some(Yellow),
        ),
        (
            "CS-08: on the other stay too",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S2","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S2","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-08",
            "S2",
            Some(Yellow),
        ),
        (
            "CS-08 CPL §280: two suspects of one case in one holding room is yellow",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"1985-06-01"}"#,
                r#"{"fact":"person.linked","at":"2026-03-02T08:00:00+08:00","id":"P3","case":"C1","role":"suspect"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S3","person":"P3","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S3","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-08",
            "S3",
            Some(Yellow),
        ),
        (
            "CS-08: two men of no common case, nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P3","name":"孙三","gender":"male","birth_date":"1985-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S3","person":"P3","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S3","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-08",
            "S3",
            None,
        ),
        (
            "CS-08: moved to an interrogation room before she came, nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:25:00+08:00","id":"S1","room":"X1","room_kind":"interrogation"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S2","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S2","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-08",
            "S1",
            None,
        ),
        (
            "CS-08: moved out at the minute she was placed (the placement ends then), nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S1","room":"X1","room_kind":"interrogation"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S2","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S2","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-08",
            "S2",
            None,
        ),
        (
            "CS-08: another holding room, nothing",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P2","name":"赵二","gender":"female","birth_date":"1990-06-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S2","person":"P2","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S2","room":"H2","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "CS-08",
            "S2",
            None,
        ),
        (
            "TS-06 CPL §280: a 15-year-old in a holding room with an adult is red",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P4","name":"小明","gender":"male","birth_date":"2010-05-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S4","person":"P4","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S4","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "TS-06",
            "S4",
            Some(Red),
        ),
        (
            "TS-06 看守所条例 §14: with an adult held there for two days (who left later) is red too",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T08:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T08:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P4","name":"小明","gender":"male","birth_date":"2010-05-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-03T20:00:00+08:00","id":"S4","person":"P4","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-03T20:05:00+08:00","id":"S4","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"custody.exited","at":"2026-03-03T21:00:00+08:00","id":"S4","destination":"released"}"#,
                r#"{"fact":"custody.exited","at":"2026-03-04T08:00:00+08:00","id":"S1","destination":"released"}"#,
            ],
            "2026-03-05T12:00:00+08:00",
            "TS-06",
            "S4",
            Some(Red),
        ),
        (
            "TS-06: raised on the minor's stay, not the adult's",
            &[
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S1","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P4","name":"小明","gender":"male","birth_date":"2010-05-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S4","person":"P4","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S4","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "TS-06",
            "S1",
            None,
        ),
        (
            "TS-06 刑规 §327: two minors together, nothing",
            &[
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P5","name":"小刚","gender":"male","birth_date":"2011-05-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:00:00+08:00","id":"S5","person":"P5","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:10:00+08:00","id":"S5","room":"H1","room_kind":"holding"}"#,
                r#"{"fact":"person.registered","at":"2026-03-02T08:00:00+08:00","id":"P4","name":"小明","gender":"male","birth_date":"2010-05-01"}"#,
                r#"{"fact":"custody.entered","at":"2026-03-02T11:20:00+08:00","id":"S4","person":"P4","center":"U330503"}"#,
                r#"{"fact":"custody.placed","at":"2026-03-02T11:30:00+08:00","id":"S4","room":"H1","room_kind":"holding"}"#,
            ],
            "2026-03-02T12:00:00+08:00",
            "TS-06",
            "S4",
            None,
        ),
        (
            "CW-04 CPL §142: a seizure with no seizure list 24 h (P) on is red",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CW-04",
            "W1",
            Some(Red),
        ),
        (
            "CW-04: not before",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-03-03T10:59:59+08:00",
            "CW-04",
            "W1",
            None,
        ),
        (
            "CW-04 刑规 §229: a list naming the item, nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:30:00+08:00","id":"D1","case":"C1","kind":"seizure_list","number":"X1","subject":"W1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "CW-04",
            "W1",
            None,
        ),
        (
            "CW-04 行规 §111: a list on the case naming no item, nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"sealing","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:30:00+08:00","id":"D1","case":"C1","kind":"seizure_list","number":"X1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "CW-04",
            "W1",
            None,
        ),
        (
            "CW-04: a list naming another item does not count",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"seizure","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:30:00+08:00","id":"D1","case":"C1","kind":"seizure_list","number":"X1","subject":"W9"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "CW-04",
            "W1",
            Some(Red),
        ),
        (
            "CW-04 行规 §111, 强制法 §24: a registered preservation with no 证据保全决定书 24 h (P) on is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-03-03T11:00:00+08:00",
            "CW-04",
            "W1",
            Some(Red),
        ),
        (
            "CW-04 行规 §111: … a seizure list does not do for it: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:30:00+08:00","id":"D1","case":"C2","kind":"seizure_list","number":"X1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "CW-04",
            "W1",
            Some(Red),
        ),
        (
            "CW-04 行规 §111: … the decision made on the spot, naming no item: nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:30:00+08:00","id":"D1","case":"C2","kind":"preservation_decision","number":"X1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "CW-04",
            "W1",
            None,
        ),
        (
            "CW-04 强制法 §24: … a decision naming another item does not count: red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"document.issued","at":"2026-03-02T11:30:00+08:00","id":"D1","case":"C2","kind":"preservation_decision","number":"X1","subject":"W9"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "CW-04",
            "W1",
            Some(Red),
        ),
        (
            "CW-07 行规 §110: registered preservation undecided 7 days on (Monday) is yellow on its last day",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-03-09T12:00:00+08:00",
            "CW-07",
            "W1",
            Some(Yellow),
        ),
        (
            "CW-07 处罚法 §56: red after it",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-03-10T00:00:00+08:00",
            "CW-07",
            "W1",
            Some(Red),
        ),
        (
            "CW-07: decided (released), nothing",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"property.disposed","at":"2026-03-05T10:00:00+08:00","id":"W1","method":"released"}"#,
            ],
            "2026-03-10T00:00:00+08:00",
            "CW-07",
            "W1",
            None,
        ),
        (
            "CW-09 强制法 §32: an administrative freeze 30 days on is red",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"freeze","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "CW-09",
            "W1",
            Some(Red),
        ),
        (
            "CW-09 行规 §114: extended to 60 days, nothing yet",
            &[
                r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"freeze","category":"phone","seized_by":"O2"}"#,
                r#"{"fact":"property.seizure_extended","at":"2026-03-30T10:00:00+08:00","id":"W1","days":60,"approved_by_unit":"U330503"}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "CW-09",
            "W1",
            None,
        ),
        (
            "CW-09: a criminal freeze is CW-08's, nothing",
            &[
                r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C1","measure":"freeze","category":"phone","seized_by":"O2"}"#,
            ],
            "2026-04-02T00:00:00+08:00",
            "CW-09",
            "W1",
            None,
        ),
        (
            "RQ-11: a detention on a dropped case is XS-09's, not raised again",
            &[
                r#"{"fact":"measure.started","at":"2026-03-02T11:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
                r#"{"fact":"case.dropped","at":"2026-03-03T11:00:00+08:00","id":"C1"}"#,
            ],
            "2026-03-03T12:00:00+08:00",
            "RQ-11",
            "M1",
            None,
        ),
    ];
    check(cases);
}

/// P thresholds (catalog "P = platform policy … configurable per 省/市"): a county's setting
/// applies to its stations, not to a unit outside it; a station's own setting wins over its
/// county's.
#[test]
fn platform_thresholds_apply_to_the_unit_and_below() {
    use crate::thresholds::{P, SETTINGS};
    let mut world = World::new();
    let extra = [
        r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U330504","name":"另一分局","parent":"U3305","level":"county"}"#,
        r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U33050401","name":"另一派出所","parent":"U330504","level":"station"}"#,
        r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
        r#"{"fact":"incident.dispatched","at":"2026-03-03T08:00:00+08:00","id":"J1","officers":["O2"]}"#,
        r#"{"fact":"incident.received","at":"2026-03-03T08:00:00+08:00","id":"J2","unit":"U33050401","source":"phone_110","nature":"dispute","category":"x"}"#,
        r#"{"fact":"incident.dispatched","at":"2026-03-03T08:00:00+08:00","id":"J2","officers":["O2"]}"#,
    ];
    for line in BASE.lines().chain(extra) {
        world.apply(&Fact::from_line(line).unwrap(), None).unwrap();
    }
    let links = Links::of(&world);
    let now = At::parse("2026-03-03T08:15:00+08:00").unwrap().instant();
    let jq02 = |policy: &Policy, id: &str| {
        evaluate(&world, &links, policy, ElementKind::Incident, id, now)
            .warnings
            .iter()
            .find(|w| w.rule == "JQ-02")
            .map(|w| w.level)
    };
    assert_eq!(SETTINGS[P::Jq02Arrival as usize].default, 30);
    let defaults = Policy::default();
    assert_eq!(jq02(&defaults, "J1"), None, "30 min by default");
    let county = domain::ids::UnitId::parse("U330503").unwrap();
    let mut policy = Policy::new([(county.clone(), P::Jq02Arrival, 10)]);
    policy.resolve(&world);
    assert_eq!(
        jq02(&policy, "J1"),
        Some(LevelCode::Yellow),
        "the county's 10 min"
    );
    assert_eq!(jq02(&policy, "J2"), None, "another county keeps 30 min");
    let station = domain::ids::UnitId::parse("U33050301").unwrap();
    let mut policy = Policy::new([(county, P::Jq02Arrival, 10), (station, P::Jq02Arrival, 20)]);
    policy.resolve(&world);
    assert_eq!(jq02(&policy, "J1"), None, "the station's own 20 min");
    assert_eq!(
        evaluate(&world, &links, &policy, ElementKind::Incident, "J1", now).next_due,
        Some(At::parse("2026-03-03T08:20:00+08:00").unwrap().instant()),
        "wakes when the station's threshold passes"
    );
}

/// CS-08 and TS-06 read only the stays that the room index offers: on a generated province, it
/// offers exactly the stays whose time in a holding or waiting room overlaps another's in the
/// same center, as a scan of every pair finds them.
#[test]
fn the_room_index_offers_every_stay_sharing_a_room() {
    use crate::links::shared_room;
    let config = datagen::Config {
        seed: 11,
        scale: 0.2,
        days: 120,
        ..Default::default()
    };
    let mut facts: Vec<Fact> = datagen::generate(&config)
        .facts
        .iter()
        .map(|v| Fact::from_line(&v.to_string()).unwrap())
        .collect();
    facts.sort_by_key(|f| f.at);
    let mut world = World::new();
    for fact in &facts {
        world.apply(fact, None).unwrap();
    }
    let links = Links::of(&world);
    // (room, from, until) of each placement in a shared room.
    let times = |s: &domain::elements::Stay| {
        let mut placements: Vec<_> = s.placements.iter().collect();
        placements.sort_by_key(|p| p.at);
        let exited = s.exited.as_ref().map(|(at, _)| *at);
        (0..placements.len())
            .filter(|k| shared_room(placements[*k].room_kind))
            .map(|k| {
                let until = placements.get(k + 1).map(|p| p.at).or(exited);
                (placements[k].room.clone(), placements[k].at, until)
            })
            .collect::<Vec<_>>()
    };
    let mut pairs = 0;
    for (n, a) in world.stays.values().enumerate() {
        for (room, from, until) in times(a) {
            // By a scan of every pair: the other stays placed in the room while `a` was.
            let sharing: BTreeSet<u32> = (world.stays.values().enumerate())
                .filter(|(m, b)| *m != n && b.center == a.center)
                .filter(|(_, b)| {
                    times(b).iter().any(|(r, f, u)| {
                        *r == room && until.is_none_or(|x| *f < x) && u.is_none_or(|x| from < x)
                    })
                })
                .map(|(m, _)| m as u32)
                .collect();
            let offered: BTreeSet<u32> = links
                .placed_in_room(&a.center, &room, from.instant(), until.map(|u| u.instant()))
                .map(|p| p.stay)
                .filter(|m| *m as usize != n)
                .collect();
            assert_eq!(offered, sharing, "{} in {room} from {from}", a.id);
            pairs += sharing.len();
        }
    }
    let centers: std::collections::BTreeSet<_> = world.stays.values().map(|s| &s.center).collect();
    assert!(
        pairs > 0,
        "the province has stays sharing rooms ({pairs}; {} stays in {} centers)",
        world.stays.len(),
        centers.len()
    );
}

/// Every platform threshold is listed in the order of `P`, under a unique key that starts with
/// the id of an implemented rule, with its default within its range.
#[test]
fn every_setting_is_well_formed() {
    use crate::thresholds::{P, SETTINGS};
    let mut keys = std::collections::BTreeSet::new();
    for (k, s) in SETTINGS.iter().enumerate() {
        assert_eq!(s.p as usize, k, "{} out of order", s.key);
        assert_eq!(P::from_key(s.key), Some(s.p));
        assert!(keys.insert(s.key), "{} twice", s.key);
        assert!(s.key.starts_with(&format!("{}.", s.rule)), "{}", s.key);
        assert!(IMPLEMENTED.iter().any(|r| r.id == s.rule), "{}", s.key);
        assert!(s.min <= s.default && s.default <= s.max, "{}", s.key);
        assert!(!s.what_zh.is_empty());
    }
}

/// The thresholds beyond the core set are a unit's to set, as the core's are: a county's 4 h meal
/// gap (CS-06) for its center, and a station's 5 d to tell an appraisal opinion (XS-14), a day
/// limit that moves past the weekend.
#[test]
fn thresholds_beyond_the_core_apply_to_the_unit() {
    use crate::thresholds::P;
    let mut world = World::new();
    let extra = [
        r#"{"fact":"custody.entered","at":"2026-03-02T08:00:00+08:00","id":"S1","person":"P1","center":"U330503"}"#,
        r#"{"fact":"case.injury_assessed","at":"2026-03-02T12:00:00+08:00","id":"C1","person":"P1","grade":"minor"}"#,
    ];
    for line in BASE.lines().chain(extra) {
        world.apply(&Fact::from_line(line).unwrap(), None).unwrap();
    }
    let links = Links::of(&world);
    let at = |t: &str| At::parse(t).unwrap().instant();
    let found = |policy: &Policy, kind, id: &str, rule: &str, now: &str| {
        evaluate(&world, &links, policy, kind, id, at(now))
            .warnings
            .into_iter()
            .find(|w| w.rule == rule)
            .map(|w| (w.level, w.due))
    };
    let county = domain::ids::UnitId::parse("U330503").unwrap();
    let station = domain::ids::UnitId::parse("U33050301").unwrap();
    let mut policy = Policy::new([(county, P::Cs06Gap, 4), (station, P::Xs14Notice, 5)]);
    policy.resolve(&world);
    let defaults = Policy::default();
    let noon = "2026-03-02T12:00:00+08:00";
    assert_eq!(
        found(&defaults, ElementKind::Stay, "S1", "CS-06", noon),
        None
    );
    assert_eq!(
        found(&policy, ElementKind::Stay, "S1", "CS-06", noon),
        Some((LevelCode::Yellow, Some("2026-03-02T12:00:00+08:00".into())))
    );
    let friday = "2026-03-06T12:00:00+08:00";
    assert_eq!(
        found(&defaults, ElementKind::Case, "C1", "XS-14", friday),
        Some((LevelCode::Red, Some("2026-03-06T00:00:00+08:00".into())))
    );
    // 5 d from Monday end on Saturday, moved to Monday's end: nothing on Friday, blue with a
    // third of the period left.
    assert_eq!(
        found(&policy, ElementKind::Case, "C1", "XS-14", friday),
        None
    );
    assert_eq!(
        found(
            &policy,
            ElementKind::Case,
            "C1",
            "XS-14",
            "2026-03-07T12:00:00+08:00"
        ),
        Some((LevelCode::Blue, Some("2026-03-10T00:00:00+08:00".into())))
    );
}

/// DB-01 (Zhifa, issue 3: overdue rectification is itself warned): a rectification ordered in
/// the supervision loop is red about the warning once its deadline passes, and not before, nor
/// once rectified.
#[test]
fn db_01_an_overdue_rectification_is_warned() {
    let loop_facts = [
        r#"{"fact":"warning.raised","at":"2026-03-06T00:00:00+08:00","id":"YJ1","rule":"XS-01","element":"case","subject":"C1","level":"red","message":"受案后三日未作出立案决定"}"#,
        r#"{"fact":"warning.verified","at":"2026-03-06T09:00:00+08:00","id":"YJ1","confirmed":true}"#,
        r#"{"fact":"warning.rectification_ordered","at":"2026-03-06T10:00:00+08:00","id":"YJ1","deadline":"2026-03-10T18:00:00+08:00","instruction":"补录立案审批"}"#,
    ];
    let rectified = r#"{"fact":"warning.rectified","at":"2026-03-10T12:00:00+08:00","id":"YJ1","evidence":"已补录"}"#;
    let cases: &[(&str, bool, &str, Option<LevelCode>)] = &[
        (
            "DB-01 督办: before the deadline, nothing",
            false,
            "2026-03-10T17:59:59+08:00",
            None,
        ),
        (
            "DB-01 督办: red at the deadline, not rectified",
            false,
            "2026-03-10T18:00:00+08:00",
            Some(LevelCode::Red),
        ),
        (
            "DB-01 督办: rectified in time, nothing after the deadline",
            true,
            "2026-03-11T09:00:00+08:00",
            None,
        ),
    ];
    for (what, done, now, want) in cases {
        let mut extra: Vec<&str> = loop_facts.to_vec();
        if *done {
            extra.push(rectified);
        }
        let found = levels(&extra, now)
            .into_iter()
            .find(|(rule, subject, _)| *rule == "DB-01" && subject == "YJ1")
            .map(|(_, _, level)| level);
        assert_eq!(found, *want, "{what}");
    }
}

/// T-04 (处罚法 §85: its 二日/七日 are working days) against 行规 §35 (natural days, the end moved
/// past rest days): catalog §14 item 6 leaves the choice per rule to legal affairs, with the
/// earlier natural-day date as the default. A county choosing working days for JZ-01 (处罚法
/// §61) and CW-07 (处罚法 §56) moves both deadlines past the weekend, and says so.
#[test]
fn a_unit_may_count_jz01_and_cw07_in_working_days() {
    use crate::thresholds::P;
    let mut world = World::new();
    let extra = [
        r#"{"fact":"case.accepted","at":"2026-03-02T10:00:00+08:00","id":"C2","unit":"U33050301","kind":"administrative","category":"order.fight"}"#,
        r#"{"fact":"person.linked","at":"2026-03-02T10:00:00+08:00","id":"P1","case":"C2","role":"suspect"}"#,
        r#"{"fact":"property.seized","at":"2026-03-02T11:00:00+08:00","id":"W1","case":"C2","measure":"registration_preservation","category":"phone","seized_by":"O2"}"#,
        r#"{"fact":"case.prior_notice_given","at":"2026-03-04T10:00:00+08:00","id":"C2","person":"P1"}"#,
        r#"{"fact":"case.decided","at":"2026-03-06T10:00:00+08:00","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{"person":"P1","kind":"fine","amount_yuan":200}]}"#,
    ];
    for line in BASE.lines().chain(extra) {
        world.apply(&Fact::from_line(line).unwrap(), None).unwrap();
    }
    let links = Links::of(&world);
    let at = |t: &str| At::parse(t).unwrap().instant();
    let found = |policy: &Policy, kind, id: &str, rule: &str, now: &str| {
        evaluate(&world, &links, policy, kind, id, at(now))
            .warnings
            .into_iter()
            .find(|w| w.rule == rule)
            .map(|w| (w.level, w.due, w.message))
    };
    let county = domain::ids::UnitId::parse("U330503").unwrap();
    let mut working = Policy::new([
        (county.clone(), P::Jz01Counting, 1),
        (county, P::Cw07Counting, 1),
    ]);
    working.resolve(&world);
    let natural = Policy::default();
    let tuesday_noon = "2026-03-10T12:00:00+08:00";
    // JZ-01, decided Friday: 2 natural days end Sunday, moved to Monday's end; 2 working days
    // are Monday and Tuesday.
    let (level, due, _) = found(&natural, ElementKind::Case, "C2", "JZ-01", tuesday_noon).unwrap();
    assert_eq!(
        (level, due.as_deref()),
        (LevelCode::Red, Some("2026-03-10T00:00:00+08:00"))
    );
    let (level, due, message) =
        found(&working, ElementKind::Case, "C2", "JZ-01", tuesday_noon).unwrap();
    assert_eq!(
        (level, due.as_deref()),
        (LevelCode::Yellow, Some("2026-03-11T00:00:00+08:00"))
    );
    assert!(
        message.contains("2个工作日") && message.contains("休息日2天不计"),
        "{message}"
    );
    // CW-07, seized Monday 03-02: 7 natural days end Monday 03-09; 7 working days Wednesday
    // 03-11 (the weekend not counted).
    let (level, due, _) =
        found(&natural, ElementKind::Property, "W1", "CW-07", tuesday_noon).unwrap();
    assert_eq!(
        (level, due.as_deref()),
        (LevelCode::Red, Some("2026-03-10T00:00:00+08:00"))
    );
    let (level, due, message) =
        found(&working, ElementKind::Property, "W1", "CW-07", tuesday_noon).unwrap();
    assert_eq!(
        (level, due.as_deref()),
        (LevelCode::Blue, Some("2026-03-12T00:00:00+08:00"))
    );
    assert!(message.contains("7个工作日"), "{message}");
}

/// XZ-07 治安法12 §98: before 2026 a public-order fine of 2000 元 or more gave the right to a
/// hearing (the 2025 law's 4000 元 applies from 2026-01-01). The shared BASE begins in 2026, so
/// this history has units of its own from 2025.
#[test]
fn xz07_the_public_order_threshold_before_2026() {
    let history = |fine: u32, decided: &str| {
        let lines = [
            r#"{"fact":"unit.defined","at":"2025-01-01T00:00:00+08:00","id":"U33","name":"省厅","level":"province"}"#.to_string(),
            r#"{"fact":"unit.defined","at":"2025-01-01T00:00:00+08:00","id":"U3305","name":"市局","parent":"U33","level":"city"}"#.to_string(),
            r#"{"fact":"unit.defined","at":"2025-01-01T00:00:00+08:00","id":"U330503","name":"分局","parent":"U3305","level":"county"}"#.to_string(),
            r#"{"fact":"person.registered","at":"2025-11-01T08:00:00+08:00","id":"P1","name":"钱一","gender":"male","birth_date":"1980-01-01"}"#.to_string(),
            r#"{"fact":"case.accepted","at":"2025-11-02T08:00:00+08:00","id":"C2","unit":"U330503","kind":"administrative","category":"order.x"}"#.to_string(),
            r#"{"fact":"case.prior_notice_given","at":"2025-11-10T08:00:00+08:00","id":"C2","person":"P1"}"#.to_string(),
            format!(
                r#"{{"fact":"case.decided","at":"{decided}","id":"C2","decision":"penalty","decided_by_unit":"U330503","penalties":[{{"person":"P1","kind":"fine","amount_yuan":{fine}}}]}}"#
            ),
        ];
        let mut world = World::new();
        for line in &lines {
            world.apply(&Fact::from_line(line).unwrap(), None).unwrap();
        }
        let now = At::parse("2026-01-20T10:00:00+08:00").unwrap().instant();
        screen(&world, now)
            .into_iter()
            .any(|w| w.rule == "XZ-07" && w.subject == "C2")
    };
    assert!(
        history(3000, "2025-12-20T10:00:00+08:00"),
        "3000 元 in 2025: red"
    );
    assert!(
        !history(1500, "2025-12-20T10:00:00+08:00"),
        "1500 元 in 2025: nothing"
    );
    assert!(
        !history(3000, "2026-01-05T10:00:00+08:00"),
        "3000 元 in 2026: nothing"
    );
}
