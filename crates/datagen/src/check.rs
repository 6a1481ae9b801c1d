//! Test-only validator: what the importer refuses (FORMAT.md) plus the lifecycle orders the
//! brief requires. Written independently of the generator, from the facts alone.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

/// Element defined by each kind's `id`, and whether the kind defines it.
fn subject(kind: &str) -> Option<(&'static str, bool)> {
    let element = kind.split('.').next()?;
    let element: &'static str = match element {
        "unit" => "unit",
        "officer" => "officer",
        "incident" => "incident",
        "case" => "case",
        "person" => "person",
        "measure" => "measure",
        "custody" => "stay",
        "interrogation" => "interrogation",
        "property" => "property",
        "document" => "document",
        _ => return None,
    };
    let defines = matches!(
        kind,
        "unit.defined"
            | "officer.defined"
            | "incident.received"
            | "case.accepted"
            | "person.registered"
            | "measure.started"
            | "custody.entered"
            | "interrogation.held"
            | "property.seized"
            | "document.issued"
    );
    Some((element, defines))
}

/// Fields referencing other elements, by kind.
fn references(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "unit.defined" => &[("parent", "unit")],
        "officer.defined" => &[("unit", "unit")],
        "incident.received" => &[("unit", "unit")],
        "incident.dispatched" => &[("officers", "officer")],
        "incident.disposed" => &[("case", "case")],
        "case.accepted" => &[("unit", "unit"), ("incident", "incident")],
        "case.filing_extended" | "measure.extended" => &[("approved_by", "officer")],
        "case.review_passed" | "case.review_returned" => &[("reviewer", "officer")],
        "case.limit_extended" | "property.seizure_extended" => &[("approved_by_unit", "unit")],
        "case.decided" => &[("decided_by_unit", "unit")],
        "case.procuratorate_notice" => &[("measure", "measure")],
        "case.injury_assessed"
        | "case.prior_notice_given"
        | "case.deferral_requested"
        | "case.deferral_decided" => &[("person", "person")],
        "person.linked" => &[("case", "case")],
        "measure.started" => &[("person", "person"), ("case", "case")],
        "legal_aid.notified" | "legal_aid.requested" => &[("person", "person"), ("case", "case")],
        "custody.entered" => &[
            ("person", "person"),
            ("center", "unit"),
            ("case", "case"),
            ("basis", "measure"),
        ],
        "custody.exited" => &[("document", "document")],
        "interrogation.held" => &[
            ("person", "person"),
            ("case", "case"),
            ("officers", "officer"),
            ("stay", "stay"),
        ],
        "property.seized" => &[("case", "case"), ("seized_by", "officer")],
        "property.stored" => &[("custodian", "officer")],
        "property.checked_out" => &[("approved_by", "officer")],
        "document.issued" => &[("case", "case")],
        "document.served" => &[("to", "person")],
        _ => &[],
    }
}

const KNOWN_KINDS: &[&str] = &[
    "unit.defined",
    "officer.defined",
    "calendar.day",
    "incident.received",
    "incident.dispatched",
    "incident.arrived",
    "incident.disposed",
    "incident.recategorized",
    "incident.video_linked",
    "incident.receipt_issued",
    "incident.jurisdiction_found",
    "incident.reporter_told",
    "case.accepted",
    "case.filing_extended",
    "case.filed",
    "case.not_filed",
    "case.fast_track",
    "case.act",
    "case.injury_assessed",
    "case.prior_notice_given",
    "case.review_passed",
    "case.review_returned",
    "case.limit_extended",
    "case.decided",
    "case.dropped",
    "case.sent_for_prosecution",
    "case.procuratorate_notice",
    "case.deferral_requested",
    "case.deferral_decided",
    "case.technical_investigation",
    "case.identification",
    "case.mediation_barred",
    "case.publicized",
    "case.fine_cash",
    "case.enforcement",
    "case.jurisdiction_found",
    "case.person_searched",
    "measure.approved",
    "case.transferred",
    "case.completion_requested",
    "case.reconsideration_requested",
    "case.reconsideration_decided",
    "case.closed",
    "case.archived",
    "person.registered",
    "person.linked",
    "measure.started",
    "measure.extended",
    "measure.family_notified",
    "measure.family_not_notified",
    "measure.delivered",
    "measure.arrest_requested",
    "measure.change_requested",
    "measure.custody_recalculated",
    "measure.ended",
    "legal_aid.notified",
    "legal_aid.requested",
    "custody.entered",
    "custody.security_checked",
    "custody.incident",
    "custody.incident_reported",
    "custody.death_appraisal_commissioned",
    "custody.info_collected",
    "custody.meal",
    "custody.placed",
    "custody.exited",
    "interrogation.held",
    "property.seized",
    "property.stored",
    "property.checked_out",
    "property.checked_in",
    "property.found_unrelated",
    "property.owner_sought",
    "property.flagged",
    "property.seizure_extended",
    "property.disposed",
    "document.issued",
    "document.served",
];

#[derive(Default)]
struct IncidentState {
    received: i64,
    dispatched: Option<i64>,
    arrived: Option<i64>,
    disposed: bool,
}

#[derive(Default)]
struct CaseState {
    filed: bool,
    not_filed: bool,
    /// The procuratorate ordered filing (通知立案): a case not filed may be filed after all.
    filing_ordered: bool,
    decided: bool,
    dropped: bool,
    closed: bool,
    archived: bool,
}

#[derive(Default)]
struct PropertyState {
    stored: bool,
    out: bool,
    disposed: bool,
}

struct MeasureState {
    kind: String,
    ended: bool,
}

struct StayState {
    person: String,
    exited: bool,
}

/// The outcome of a check: problems found (at most 100 kept) and fact counts by kind.
pub(crate) struct Checked {
    pub errors: Vec<String>,
    pub counts: BTreeMap<String, usize>,
}

pub(crate) fn parse_at(s: &str) -> Option<i64> {
    // RFC 3339 with an explicit offset, seconds precision.
    if s.len() != 25
        || !(s.ends_with("+08:00") || s.as_bytes()[19] == b'+' || s.as_bytes()[19] == b'-')
    {
        return None;
    }
    s.parse::<jiff::Timestamp>().ok().map(|t| t.as_second())
}

fn str_field<'a>(fact: &'a Value, key: &str) -> Option<&'a str> {
    fact.get(key).and_then(Value::as_str)
}

/// Checks facts in file order against the import rules and lifecycles; `end` is the latest
/// allowed `at`.
pub(crate) fn check(facts: &[Value], end: i64) -> Checked {
    let mut errors = Vec::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut defined: HashMap<&'static str, HashSet<String>> = HashMap::new();
    let mut incidents: HashMap<String, IncidentState> = HashMap::new();
    let mut cases: HashMap<String, CaseState> = HashMap::new();
    let mut properties: HashMap<String, PropertyState> = HashMap::new();
    let mut measures: HashMap<String, MeasureState> = HashMap::new();
    let mut stays: HashMap<String, StayState> = HashMap::new();
    let mut open_stay_of: HashMap<String, String> = HashMap::new();
    let mut doc_numbers: HashMap<String, u32> = HashMap::new();
    let mut person_info: HashMap<String, (String, String)> = HashMap::new();
    let mut last_at = i64::MIN;
    let mut err = |line: usize, msg: String| {
        if errors.len() < 100 {
            errors.push(format!("line {}: {msg}", line + 1));
        }
    };

    for (line, fact) in facts.iter().enumerate() {
        let Some(obj) = fact.as_object() else {
            err(line, "not an object".into());
            continue;
        };
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        if keys.len() < 2 || keys[0] != "fact" || keys[1] != "at" {
            err(line, format!("keys must start with fact, at: {keys:?}"));
        }
        let kind = str_field(fact, "fact").unwrap_or("");
        *counts.entry(kind.to_owned()).or_default() += 1;
        if !KNOWN_KINDS.contains(&kind) {
            err(line, format!("unknown kind {kind}"));
            continue;
        }
        let Some(at) = str_field(fact, "at").and_then(parse_at) else {
            err(line, format!("bad at {:?}", fact.get("at")));
            continue;
        };
        if at < last_at {
            err(line, "not in time order".into());
        }
        last_at = at;
        if at > end {
            err(line, "after end".into());
        }

        // References must be defined earlier in the file (hence at an earlier or equal time).
        for &(field, element) in references(kind) {
            let ids: Vec<&str> = match fact.get(field) {
                None => continue,
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                Some(other) => {
                    err(line, format!("{field} has unexpected value {other}"));
                    continue;
                }
            };
            for id in ids {
                if !defined.get(element).is_some_and(|s| s.contains(id)) {
                    err(
                        line,
                        format!("{kind}.{field} references undefined {element} {id}"),
                    );
                }
            }
        }
        if kind == "person.linked"
            && !defined
                .get("person")
                .is_some_and(|s| s.contains(str_field(fact, "id").unwrap_or("")))
        {
            err(line, "person.linked of an unregistered person".into());
        }
        if kind == "case.decided" {
            for p in fact
                .get("penalties")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let id = str_field(p, "person").unwrap_or("");
                if !defined.get("person").is_some_and(|s| s.contains(id)) {
                    err(line, format!("penalty for undefined person {id}"));
                }
            }
        }
        if kind == "document.issued"
            && let Some(subject) = str_field(fact, "subject")
            && !["measure", "person", "property"]
                .iter()
                .any(|e| defined.get(e).is_some_and(|s| s.contains(subject)))
        {
            err(line, format!("document subject {subject} undefined"));
        }

        let Some((element, defines)) = subject(kind) else {
            continue;
        };
        let id = if kind == "legal_aid.notified" || kind == "legal_aid.requested" {
            ""
        } else {
            str_field(fact, "id").unwrap_or("")
        };
        if element == "person" && kind == "person.linked" {
            // Handled above: its id is the person.
        } else if defines {
            if !defined.entry(element).or_default().insert(id.to_owned()) {
                err(line, format!("second definition of {element} {id}"));
            }
        } else if !defined.get(element).is_some_and(|s| s.contains(id)) {
            err(
                line,
                format!("{kind} about {element} {id} before it exists"),
            );
            continue;
        }

        match element {
            "incident" => check_incident(&mut incidents, kind, id, at, line, &mut err),
            "case" => {
                let notice = str_field(fact, "notice");
                check_case(&mut cases, kind, notice, id, line, &mut err)
            }
            "property" => check_property(&mut properties, kind, id, line, &mut err),
            "measure" => {
                if kind == "measure.started" {
                    let mk = str_field(fact, "kind").unwrap_or("").to_owned();
                    measures.insert(
                        id.to_owned(),
                        MeasureState {
                            kind: mk,
                            ended: false,
                        },
                    );
                    continue;
                }
                let m = measures.get_mut(id).expect("defined");
                // A restraint is approved afterwards, also once it ended (RQ-17).
                if m.ended && kind != "measure.approved" {
                    err(line, format!("{kind} after measure {id} ended"));
                }
                if kind == "measure.ended" {
                    m.ended = true;
                }
                if kind == "measure.extended" {
                    let hourly = matches!(
                        m.kind.as_str(),
                        "summons_criminal"
                            | "compelled_appearance"
                            | "admin_questioning"
                            | "continued_questioning"
                    );
                    let (has_hours, has_days) =
                        (fact.get("hours").is_some(), fact.get("days").is_some());
                    if hourly != has_hours || hourly == has_days {
                        err(
                            line,
                            format!(
                                "measure.extended of {} must use {}",
                                m.kind,
                                if hourly { "hours" } else { "days" }
                            ),
                        );
                    }
                }
            }
            "stay" => {
                if kind == "custody.entered" {
                    let person = str_field(fact, "person").unwrap_or("").to_owned();
                    if let Some(other) = open_stay_of.get(&person) {
                        err(
                            line,
                            format!("person {person} enters while stay {other} is open"),
                        );
                    }
                    open_stay_of.insert(person.clone(), id.to_owned());
                    stays.insert(
                        id.to_owned(),
                        StayState {
                            person,
                            exited: false,
                        },
                    );
                    continue;
                }
                let s = stays.get_mut(id).expect("defined");
                // An incident is reported, and a death's appraisal commissioned, also after
                // the person left (CS-11).
                let follow_up = matches!(
                    kind,
                    "custody.incident_reported" | "custody.death_appraisal_commissioned"
                );
                if s.exited && !follow_up {
                    err(line, format!("{kind} after stay {id} exited"));
                }
                if kind == "custody.exited" {
                    s.exited = true;
                    open_stay_of.remove(&s.person);
                }
            }
            "interrogation" => {
                let end_at = str_field(fact, "end").and_then(parse_at);
                if end_at.is_none_or(|e| e <= at) {
                    err(line, "interrogation end must be after at".into());
                }
                if end_at.is_some_and(|e| e > end) {
                    err(line, "interrogation ends after the history".into());
                }
            }
            "person" if kind == "person.registered" => {
                let gender = str_field(fact, "gender").unwrap_or("").to_owned();
                let birth = str_field(fact, "birth_date").unwrap_or("").to_owned();
                if let Some(n) = str_field(fact, "id_number")
                    && let Some(problem) = id_number_problem(n, &gender, &birth)
                {
                    err(line, format!("{id}: {problem}"));
                }
                person_info.insert(id.to_owned(), (gender, birth));
            }
            "document" if kind == "document.issued" => {
                let number = str_field(fact, "number").unwrap_or("");
                let doc_kind = str_field(fact, "kind").unwrap_or("");
                match parse_number(number) {
                    Some((issuer, year, n)) => {
                        let key = format!("{issuer}|{doc_kind}|{year}");
                        // A series may start anywhere (history begins mid-year), then runs on.
                        if let Some(last) = doc_numbers.get(&key)
                            && n != *last + 1
                        {
                            err(
                                line,
                                format!("number {number} after {last}: not sequential"),
                            );
                        }
                        doc_numbers.insert(key, n);
                    }
                    None => err(line, format!("malformed document number {number:?}")),
                }
            }
            _ => {}
        }
    }
    Checked { errors, counts }
}

fn check_incident(
    incidents: &mut HashMap<String, IncidentState>,
    kind: &str,
    id: &str,
    at: i64,
    line: usize,
    err: &mut impl FnMut(usize, String),
) {
    if kind == "incident.received" {
        incidents.insert(
            id.to_owned(),
            IncidentState {
                received: at,
                ..Default::default()
            },
        );
        return;
    }
    let s = incidents.get_mut(id).expect("defined");
    if s.disposed {
        err(line, format!("{kind} after incident {id} was disposed"));
    }
    match kind {
        "incident.dispatched" => {
            if at <= s.received || s.dispatched.is_some() {
                err(
                    line,
                    format!("incident {id}: dispatch must follow receipt, once"),
                );
            }
            s.dispatched = Some(at);
        }
        "incident.arrived" => {
            if s.dispatched.is_none_or(|d| at < d) || s.arrived.is_some() {
                err(
                    line,
                    format!("incident {id}: arrival must follow dispatch, once"),
                );
            }
            s.arrived = Some(at);
        }
        "incident.disposed" => {
            if s.arrived.is_some_and(|a| at < a) {
                err(line, format!("incident {id}: disposed before arrival"));
            }
            s.disposed = true;
        }
        _ => {}
    }
}

fn check_case(
    cases: &mut HashMap<String, CaseState>,
    kind: &str,
    notice: Option<&str>,
    id: &str,
    line: usize,
    err: &mut impl FnMut(usize, String),
) {
    if kind == "case.accepted" {
        cases.insert(id.to_owned(), CaseState::default());
        return;
    }
    let s = cases.get_mut(id).expect("defined");
    if s.archived {
        err(line, format!("{kind} after case {id} was archived"));
    }
    match kind {
        "case.procuratorate_notice" => s.filing_ordered |= notice == Some("file_case"),
        "case.filed" | "case.not_filed" => {
            let ordered = kind == "case.filed" && s.not_filed && s.filing_ordered;
            if s.filed || (s.not_filed && !ordered) {
                err(line, format!("case {id}: filing decided twice"));
            }
            if kind == "case.filed" {
                s.filed = true;
            } else {
                s.not_filed = true;
            }
        }
        "case.decided" => {
            if s.decided {
                err(line, format!("case {id} decided twice"));
            }
            s.decided = true;
        }
        "case.dropped" => s.dropped = true,
        "case.closed" => {
            if !(s.decided || s.dropped) || s.closed {
                err(
                    line,
                    format!("case {id} closed before a decision or dropping, or twice"),
                );
            }
            s.closed = true;
        }
        "case.archived" => {
            if !s.closed {
                err(line, format!("case {id} archived before it was closed"));
            }
            s.archived = true;
        }
        _ => {}
    }
}

fn check_property(
    properties: &mut HashMap<String, PropertyState>,
    kind: &str,
    id: &str,
    line: usize,
    err: &mut impl FnMut(usize, String),
) {
    if kind == "property.seized" {
        properties.insert(id.to_owned(), PropertyState::default());
        return;
    }
    let s = properties.get_mut(id).expect("defined");
    if s.disposed {
        err(line, format!("{kind} after property {id} was disposed"));
    }
    match kind {
        "property.stored" => {
            if s.stored {
                err(line, format!("property {id} stored twice"));
            }
            s.stored = true;
        }
        "property.checked_out" => {
            if !s.stored || s.out {
                err(
                    line,
                    format!("property {id} checked out while not in store"),
                );
            }
            s.out = true;
        }
        "property.checked_in" => {
            if !s.out {
                err(line, format!("property {id} checked in while not out"));
            }
            s.out = false;
        }
        "property.disposed" => {
            if s.out {
                err(line, format!("property {id} disposed while checked out"));
            }
            s.disposed = true;
        }
        _ => {}
    }
}

/// Why an ID number is wrong for the registered gender and birth date, if it is.
pub(crate) fn id_number_problem(n: &str, gender: &str, birth: &str) -> Option<String> {
    if n.len() != 18 {
        return Some(format!("id_number {n} is not 18 characters"));
    }
    if crate::id_check_digit(&n[..17]) != n[17..].chars().next() {
        return Some(format!("id_number {n} has a bad check digit"));
    }
    let digits = &n[6..14];
    let expected_birth = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]);
    if !birth.is_empty() && birth != expected_birth {
        return Some(format!("birth_date {birth} does not match id_number {n}"));
    }
    let female = (n.as_bytes()[16] - b'0').is_multiple_of(2);
    if (gender == "female") != female {
        return Some(format!("gender {gender} does not match id_number {n}"));
    }
    None
}

/// Splits "青公（刑）拘通字〔2026〕0031号" into ("青公（刑）拘通字", 2026, 31).
fn parse_number(number: &str) -> Option<(String, i32, u32)> {
    let (issuer, rest) = number.split_once('〔')?;
    let (year, rest) = rest.split_once('〕')?;
    let n = rest.strip_suffix('号')?;
    if n.len() < 4 {
        return None;
    }
    Some((issuer.to_owned(), year.parse().ok()?, n.parse().ok()?))
}
