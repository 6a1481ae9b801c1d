//! The scope rule swept over every route: a user sees their unit and below, and an element of a
//! sibling unit answers 404 (`application/problem+json`, code `not_found`) — never 403, never
//! data — wherever it is named.
//!
//! The routes come from the generated OpenAPI document. The router is built from the same
//! table as the document (`operations!` in `src/lib.rs`), so a route cannot be served without
//! being documented, and a route added later is swept here without editing this file — or, if
//! the sweep cannot tell how to probe it, the test fails and says so. Every fact kind of
//! FORMAT.md must have a probe below, so a new kind fails the test until it is swept too.
//!
//! Station A (`ownA-…`) and station B (`sibB-…`) are siblings under one county. Every element
//! of B has an id starting with `sibB-`, so any successful answer to A that contains that text
//! leaks data. Each probe also runs against A's own element (expected to succeed), so a probe
//! that is 404 for a wrong reason fails the test.

mod common;

use common::{Answer, ROOT, Server, assert_problem_shape};
use serde_json::{Map, Value, json};

const OWN: &str = "ownA";
const SIBLING: &str = "sibB";
/// Ids that exist nowhere: a sibling's element must answer exactly as these do.
const MISSING: &str = "none";

/// Known leaks in the app layer (not fixable in `http_api`), each with its cause. The sweep
/// fails on any other leak, and on an entry here that no longer leaks, so that this list
/// shrinks as the app is fixed. Matched as a substring of the probe's name.
const KNOWN_APP_LEAKS: &[(&str, &str)] = &[
    // `App::record` (crates/app/src/lib.rs) checks the admin role before the scope: a setup
    // fact answers 403 whatever it names (own, sibling or missing), so nothing leaks, but the
    // rule says 404.
    ("officer: POST /api/v1/commands unit.", ROLE_BEFORE_SCOPE),
    ("officer: POST /api/v1/commands officer.", ROLE_BEFORE_SCOPE),
    ("officer: POST /api/v1/commands account.", ROLE_BEFORE_SCOPE),
    (
        "officer: POST /api/v1/commands threshold.",
        ROLE_BEFORE_SCOPE,
    ),
    (
        "officer: POST /api/v1/commands warning.verified",
        ROLE_BEFORE_SCOPE,
    ),
    (
        "officer: POST /api/v1/commands warning.rectification_ordered",
        ROLE_BEFORE_SCOPE,
    ),
    (
        "officer: POST /api/v1/commands warning.accountability_decided",
        ROLE_BEFORE_SCOPE,
    ),
    (
        "officer: POST /api/v1/commands warning.closed",
        ROLE_BEFORE_SCOPE,
    ),
    ("POST /api/v1/commands warning.raised", ENGINE_BEFORE_SCOPE),
    (
        "POST /api/v1/commands warning.level_changed",
        ENGINE_BEFORE_SCOPE,
    ),
    ("POST /api/v1/commands warning.cleared", ENGINE_BEFORE_SCOPE),
    // Only administrators define units; the domain refuses a parent at the wrong level with
    // 422 before scope is consulted (administrators work at the root, so nothing is hidden
    // from them anyway).
    (
        "unit.defined naming a sibling's unit in `parent`",
        "unit definitions are the administrator's, checked by level first",
    ),
];

const ROLE_BEFORE_SCOPE: &str = "role checked before scope in App::record";
const ENGINE_BEFORE_SCOPE: &str = "the engine's facts are refused before scope in App::record";

/// The supervision engine's facts: `App::record` refuses them from every person before the
/// scope is consulted (403 whatever they name, so nothing leaks, but the rule says 404).
const ENGINE_FACTS: [&str; 3] = ["warning.raised", "warning.level_changed", "warning.cleared"];

/// The loop's steps for legal officers, supervisors and leaders only (`App::record` refuses
/// them from others before the scope, like setup facts).
const SUPERVISORY_FACTS: [&str; 4] = [
    "warning.verified",
    "warning.rectification_ordered",
    "warning.accountability_decided",
    "warning.closed",
];

/// Warnings of A imported at the start, in stage `found`: people cannot raise warnings, so each
/// own run of a loop probe takes the next of these.
const WARNING_POOL: usize = 24;

/// Routes that name no element: nothing to scope.
const NO_ELEMENT_ROUTES: &[&str] = &[
    "/api/v1/session",
    "/api/v1/tokens",
    "/api/v1/password",
    "/api/v1/openapi.json",
];

/// Fact kinds about no element of a unit.
const NO_ELEMENT_FACTS: &[&str] = &["calendar.day"];

/// The county, both stations, their officers, and one element of every kind per station.
fn province() -> String {
    let mut lines = String::from(ROOT);
    let at = "2026-01-05T08:00:00+08:00";
    let mut push = |fact: Value| {
        lines.push_str(&fact.to_string());
        lines.push('\n');
    };
    push(
        json!({"fact": "unit.defined", "at": at, "id": "UC", "name": "某市公安局", "parent": "U0", "level": "city"}),
    );
    push(
        json!({"fact": "unit.defined", "at": at, "id": "U1", "name": "某县公安局", "parent": "UC", "level": "county"}),
    );
    push(
        json!({"fact": "officer.defined", "at": at, "id": "U1-supervisor", "name": "县局督察", "unit": "U1", "gender": "male", "roles": ["officer", "supervisor"]}),
    );
    for (station, name) in [(OWN, "甲派出所"), (SIBLING, "乙派出所")] {
        let unit = format!("{station}-unit");
        push(
            json!({"fact": "unit.defined", "at": at, "id": unit, "name": name, "parent": "U1", "level": "station"}),
        );
        for (suffix, person) in [("officer", "民警一"), ("officer2", "民警二")] {
            push(
                json!({"fact": "officer.defined", "at": at, "id": format!("{station}-{suffix}"), "name": person, "unit": unit, "gender": "male", "roles": ["officer"]}),
            );
        }
    }
    push(
        json!({"fact": "officer.defined", "at": at, "id": "ownA-chief", "name": "所长", "unit": "ownA-unit", "gender": "male", "roles": ["officer", "supervisor", "admin"]}),
    );
    for station in [OWN, SIBLING] {
        for (minute, fact) in station_elements(station).into_iter().enumerate() {
            let mut fact = fact;
            fact["at"] = json!(format!("2026-01-05T09:{minute:02}:00+08:00"));
            push(fact);
        }
    }
    for n in 0..WARNING_POOL {
        push(
            json!({"fact": "warning.raised", "at": "2026-01-05T10:00:00+08:00", "id": format!("{OWN}-pool{n}-warning"), "rule": "XS-04", "element": "case", "subject": format!("{OWN}-case"), "level": "yellow", "message": "立案前采取强制措施"}),
        );
    }
    // A's person is also a witness in B's case (the county links them): the person is then
    // visible to both stations, but B's case is still B's alone.
    push(
        json!({"fact": "person.linked", "at": "2026-01-05T10:00:00+08:00", "id": "ownA-person", "case": "sibB-case", "role": "witness"}),
    );
    lines
}

/// One element of every kind in a station, ids `{station}-{kind}`.
fn station_elements(station: &str) -> Vec<Value> {
    let id = |kind: &str| format!("{station}-{kind}");
    vec![
        json!({"fact": "incident.received", "id": id("incident"), "unit": id("unit"), "source": "phone_110", "nature": "criminal", "category": "0502", "summary": "报警称手机被盗"}),
        json!({"fact": "case.accepted", "id": id("case"), "unit": id("unit"), "kind": "criminal", "category": "050200", "incident": id("incident")}),
        json!({"fact": "case.filed", "id": id("case")}),
        json!({"fact": "person.registered", "id": id("person"), "name": "嫌疑人", "gender": "male", "unit": id("unit")}),
        json!({"fact": "person.linked", "id": id("person"), "case": id("case"), "role": "suspect"}),
        json!({"fact": "measure.started", "id": id("measure"), "person": id("person"), "case": id("case"), "kind": "criminal_detention"}),
        json!({"fact": "custody.entered", "id": id("stay"), "person": id("person"), "center": id("unit"), "case": id("case"), "basis": id("measure")}),
        json!({"fact": "interrogation.held", "id": id("interrogation"), "person": id("person"), "case": id("case"), "kind": "interrogation", "end": "2026-01-05T11:00:00+08:00", "officers": [id("officer"), id("officer2")], "stay": id("stay"), "av_recorded": true}),
        json!({"fact": "property.seized", "id": id("property"), "case": id("case"), "measure": "seizure", "category": "phone", "description": "手机", "seized_by": id("officer")}),
        json!({"fact": "property.stored", "id": id("property"), "location": "保管室", "custodian": id("officer2")}),
        json!({"fact": "document.issued", "id": id("document"), "case": id("case"), "kind": "detention_notice", "number": format!("{station}-刑拘-1")}),
        json!({"fact": "warning.raised", "id": id("warning"), "rule": "XS-04", "element": "case", "subject": id("case"), "level": "red", "message": "立案前采取强制措施"}),
    ]
}

/// A signed-in officer of station A.
struct Officer {
    name: &'static str,
    token: String,
    /// Holds the supervisor and admin roles: role-gated routes must succeed for it.
    chief: bool,
}

/// One way the rule was broken.
struct Finding {
    probe: String,
    got: String,
}

struct Sweep<'s> {
    server: &'s Server,
    doc: Value,
    findings: Vec<Finding>,
    /// Counts fresh ids, so that no two probes collide.
    serial: usize,
    /// How many of `WARNING_POOL` own runs have taken.
    pool: usize,
}

#[test]
fn every_route_answers_404_for_a_sibling_units_elements() {
    let server = Server::start(&province());
    // B reads and reveals its own person, so the audit trail holds B's rows.
    let sibling = server.signed_in("sibB-officer");
    let (status, _, body) = server.call("GET", "/api/v1/person/sibB-person", Some(&sibling), None);
    assert_eq!(status, 200, "{body}");
    let (status, _, body) = server.call(
        "POST",
        "/api/v1/person/sibB-person/reveal",
        Some(&sibling),
        Some(json!({"reason": "核查身份"})),
    );
    assert_eq!(status, 200, "{body}");

    let officers = [
        Officer {
            name: "officer",
            token: server.signed_in("ownA-officer"),
            chief: false,
        },
        Officer {
            name: "chief",
            token: server.signed_in("ownA-chief"),
            chief: true,
        },
    ];
    let (status, _, doc) = server.call("GET", "/api/v1/openapi.json", None, None);
    assert_eq!(status, 200);
    assert_eq!(
        doc,
        serde_json::to_value(http_api::openapi_doc()).unwrap(),
        "the served document is the generated one"
    );
    let mut sweep = Sweep {
        server: &server,
        doc,
        findings: Vec::new(),
        serial: 0,
        pool: 0,
    };
    let mut swept = Vec::new();
    for officer in &officers {
        swept = sweep.routes(officer);
    }
    assert!(
        swept.iter().any(|r| r == "POST /api/v1/commands")
            && swept.iter().any(|r| r == "GET /api/v1/{kind}/{id}"),
        "the sweep saw the routes: {swept:?}"
    );
    sweep.judge();
}

impl Sweep<'_> {
    /// Probes every operation of the document as `officer`; returns the operations swept.
    fn routes(&mut self, officer: &Officer) -> Vec<String> {
        let paths = self.doc["paths"].as_object().expect("paths").clone();
        let mut swept = Vec::new();
        for (path, item) in &paths {
            for (method, operation) in item.as_object().expect("a path item") {
                if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                    continue;
                }
                let method = method.to_uppercase();
                let parameters: Vec<(String, String, bool)> = operation["parameters"]
                    .as_array()
                    .map(|list| {
                        list.iter()
                            .map(|p| {
                                (
                                    p["name"].as_str().unwrap_or("").to_string(),
                                    p["in"].as_str().unwrap_or("").to_string(),
                                    p["required"].as_bool().unwrap_or(false),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                if parameters.iter().any(|(name, _, _)| name == "id") {
                    self.element_route(officer, &method, path, operation, &parameters);
                } else if method == "POST" && path == "/api/v1/commands" {
                    self.commands(officer);
                } else if path.contains("{kind}") {
                    self.list_route(officer, &method, path, &parameters);
                } else if parameters.iter().any(|(name, _, _)| name == "unit") {
                    self.unit_route(officer, &method, path);
                } else if NO_ELEMENT_ROUTES.contains(&path.as_str()) {
                    continue;
                } else {
                    panic!(
                        "{method} {path} names no element id and is not in NO_ELEMENT_ROUTES: \
                         teach this sweep how to name a sibling's element on it"
                    );
                }
                swept.push(format!("{method} {path}"));
            }
        }
        swept
    }

    /// A route about one element (`id` in the path or the query).
    fn element_route(
        &mut self,
        officer: &Officer,
        method: &str,
        path: &str,
        operation: &Value,
        parameters: &[(String, String, bool)],
    ) {
        let kinds: Vec<&str> =
            if path.contains("{kind}") || parameters.iter().any(|(name, _, _)| name == "kind") {
                http_api::ELEMENT_KINDS.to_vec()
            } else {
                let literal = path
                    .split('/')
                    .find(|segment| http_api::ELEMENT_KINDS.contains(segment))
                    .unwrap_or_else(|| panic!("{method} {path}: which element kind is its id?"));
                vec![literal]
            };
        let body = operation
            .get("requestBody")
            .map(|request| example_body(&self.doc, request));
        let documents_403 = operation["responses"].get("403").is_some();
        for kind in kinds {
            let url = |station: &str| {
                let id = format!("{station}-{kind}");
                let mut url = path.replace("{kind}", kind).replace("{id}", &id);
                let query: Vec<String> = parameters
                    .iter()
                    .filter(|(_, place, _)| place == "query")
                    .filter_map(|(name, _, _)| match name.as_str() {
                        "id" => Some(format!("id={id}")),
                        "kind" => Some(format!("kind={kind}")),
                        _ => None,
                    })
                    .collect();
                if !query.is_empty() {
                    url = format!("{url}?{}", query.join("&"));
                }
                url
            };
            let probe = format!("{}: {method} {path} with a sibling's {kind}", officer.name);
            let answer = self.send(officer, method, &url(SIBLING), body.clone());
            let missing = self.send(officer, method, &url(MISSING), body.clone());
            self.expect_not_found(&probe, &answer, &missing);
            let probe = format!("{}: {method} {path} with its own {kind}", officer.name);
            let answer = self.send(officer, method, &url(OWN), body.clone());
            self.expect_own_success(&probe, &answer, documents_403 && !officer.chief);
        }
        // An optional element filter left out must not widen the answer to other units.
        let optional_query_id = parameters
            .iter()
            .any(|(name, place, required)| name == "id" && place == "query" && !required);
        if optional_query_id {
            let probe = format!("{}: {method} {path} without an element", officer.name);
            let answer = self.send(officer, method, path, body);
            self.expect_own_success(&probe, &answer, documents_403 && !officer.chief);
        }
    }

    /// A list of one kind: A's elements only, and a filter naming a sibling's element finds
    /// exactly what a filter naming nothing finds.
    fn list_route(
        &mut self,
        officer: &Officer,
        method: &str,
        path: &str,
        parameters: &[(String, String, bool)],
    ) {
        for kind in http_api::ELEMENT_KINDS {
            let base = path.replace("{kind}", kind);
            let probe = format!("{}: {method} {path} of {kind}", officer.name);
            let answer = self.send(officer, method, &format!("{base}?limit=200"), None);
            self.expect_own_success(&probe, &answer, false);
            if !answer.text.contains(&format!("\"{OWN}-{kind}\"")) {
                self.findings.push(Finding {
                    probe: format!("{probe}: lists its own {OWN}-{kind}"),
                    got: answer.text.clone(),
                });
            }
            for (name, _, _) in parameters.iter().filter(|(_, place, _)| place == "query") {
                if name == "limit" || name == "offset" {
                    continue;
                }
                let sibling = self.send(
                    officer,
                    method,
                    &format!("{base}?{name}={SIBLING}-{kind}"),
                    None,
                );
                let nothing =
                    self.send(officer, method, &format!("{base}?{name}=none-{kind}"), None);
                let same = sibling.status == nothing.status
                    && sibling.body["code"] == nothing.body["code"]
                    && (sibling.status >= 300 || sibling.body == nothing.body);
                if !same {
                    self.findings.push(Finding {
                        probe: format!(
                            "{}: {method} {path}?{name}= a sibling's {kind}",
                            officer.name
                        ),
                        got: format!(
                            "{} {} (naming nothing: {} {})",
                            sibling.status, sibling.text, nothing.status, nothing.text
                        ),
                    });
                }
            }
        }
    }

    /// A route about a unit (`unit` in the query): the caller's own answers, a sibling's and the
    /// parent's (outside the scope too) answer as a unit that does not exist.
    fn unit_route(&mut self, officer: &Officer, method: &str, path: &str) {
        let probe = format!("{}: {method} {path}?unit=", officer.name);
        let own = self.send(officer, method, &format!("{path}?unit={OWN}-unit"), None);
        self.expect_own_success(&format!("{probe}{OWN}-unit"), &own, false);
        let nothing = self.send(
            officer,
            method,
            &format!("{path}?unit={MISSING}-unit"),
            None,
        );
        for other in [format!("{SIBLING}-unit"), "U1".to_string()] {
            let answer = self.send(officer, method, &format!("{path}?unit={other}"), None);
            let same = answer.status == nothing.status
                && answer.status == 404
                && answer.body["code"] == nothing.body["code"];
            if !same {
                self.findings.push(Finding {
                    probe: format!("{probe}{other}"),
                    got: format!(
                        "{} {} (naming nothing: {} {})",
                        answer.status, answer.text, nothing.status, nothing.text
                    ),
                });
            }
        }
    }

    /// Every fact kind, naming a sibling's element in each field that can name one.
    fn commands(&mut self, officer: &Officer) {
        let probes = probes();
        let probed: std::collections::BTreeSet<&str> = probes
            .iter()
            .filter_map(|p| p.fact["fact"].as_str())
            .collect();
        for kind in domain::FactKind::ALL {
            let code = kind.as_str();
            assert!(
                probed.contains(code) || NO_ELEMENT_FACTS.contains(&code),
                "fact kind {code} has no probe: add one to probes()"
            );
        }
        for probe in &probes {
            let setup_fact = is_setup(probe.fact["fact"].as_str().unwrap_or(""));
            let name = format!(
                "{}: POST /api/v1/commands {} naming a sibling's {} in `{}`",
                officer.name,
                probe.fact["fact"].as_str().unwrap_or(""),
                probe.target,
                probe.field()
            );
            let sibling = self.run_probe(officer, probe, Run::Sibling);
            let missing = self.run_probe(officer, probe, Run::Missing);
            self.expect_not_found(&name, &sibling, &missing);
            let own = self.run_probe(officer, probe, Run::Own);
            let own_name = name.replace("a sibling's", "its own");
            let engine_fact = ENGINE_FACTS.contains(&probe.fact["fact"].as_str().unwrap_or(""));
            // A plain officer may not take a supervisory step, in the probe or its setup.
            let supervisory = std::iter::once(&probe.fact)
                .chain(&probe.setup)
                .chain(&probe.own_setup)
                .any(|f| SUPERVISORY_FACTS.contains(&f["fact"].as_str().unwrap_or("")));
            let role_gated =
                (setup_fact && !officer.chief) || engine_fact || (supervisory && !officer.chief);
            match probe.own {
                Own::Created => {
                    let ok = if role_gated {
                        own.status == 403 && own.body["code"] == "forbidden"
                    } else {
                        own.status == 201
                    };
                    if !ok {
                        self.findings.push(Finding {
                            probe: own_name,
                            got: format!("{} {}", own.status, own.text),
                        });
                    }
                }
                Own::Refused => {
                    if own.status == 404 || own.status < 300 {
                        self.findings.push(Finding {
                            probe: own_name,
                            got: format!("{} {}", own.status, own.text),
                        });
                    }
                }
            }
        }
    }

    /// Sends one probe, with its fresh own elements created in the same transaction (so a
    /// refused probe leaves nothing behind).
    fn run_probe(&mut self, officer: &Officer, probe: &Probe, run: Run) -> Answer {
        self.serial += 1;
        let serial = self.serial;
        let fresh = |kind: &str| format!("{OWN}-fresh{serial}-{kind}");
        // A's own unit and second officer stand for fresh ones: only an administrator could
        // create those, and the facts about them change nothing the sweep reads. A fresh
        // warning is one imported at the start: only the engine raises warnings.
        let fixed_own_target = matches!(probe.target, "unit" | "officer" | "warning");
        let target = match (run, probe.target) {
            (Run::Sibling, kind) => format!("{SIBLING}-{kind}"),
            (Run::Missing, kind) => format!("{MISSING}-{kind}"),
            (Run::Own, "unit") => format!("{OWN}-unit"),
            (Run::Own, "officer") => format!("{OWN}-officer2"),
            (Run::Own, "warning") => {
                assert!(self.pool < WARNING_POOL, "WARNING_POOL is too small");
                self.pool += 1;
                format!("{OWN}-pool{}-warning", self.pool - 1)
            }
            (Run::Own, kind) => fresh(&format!("target-{kind}")),
        };
        let at = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(30);
        let at = domain::At::china(at);
        let end = domain::At::china(at.instant() + jiff::SignedDuration::from_mins(10));
        let due = domain::At::china(at.instant() + jiff::SignedDuration::from_hours(24));
        let fill = |text: &str| -> String {
            if text == "@T" {
                return target.clone();
            }
            if text == "@new" {
                return fresh("new");
            }
            if let Some(kind) = text.strip_prefix("@fresh:") {
                return fresh(kind);
            }
            match text {
                "@end" => end.to_string(),
                "@due" => due.to_string(),
                other => other.to_string(),
            }
        };
        let mut facts = Vec::new();
        // Fresh own elements named by the probe (and its own target on the own run).
        let mut needed: Vec<(String, String)> = Vec::new();
        collect_fresh(&probe.fact, &mut needed);
        for fact in &probe.setup {
            collect_fresh(fact, &mut needed);
        }
        let mut created = std::collections::HashSet::new();
        for (kind, token) in &needed {
            create_fresh(kind, &fill(token), &mut facts, &mut created);
        }
        if run == Run::Own && !fixed_own_target {
            create_fresh(probe.target, &target, &mut facts, &mut created);
        }
        facts.extend(probe.setup.iter().cloned());
        if run == Run::Own {
            facts.extend(probe.own_setup.iter().cloned());
        }
        facts.push(probe.fact.clone());
        let facts: Vec<Value> = facts
            .into_iter()
            .map(|fact| {
                let mut fact = map_strings(fact, &fill);
                fact["at"] = json!(at.to_string());
                fact["override_reason"] = json!("范围测试：越权探测");
                fact
            })
            .collect();
        let body = if facts.len() == 1 {
            facts.into_iter().next().unwrap()
        } else {
            json!({ "commands": facts })
        };
        self.send(officer, "POST", "/api/v1/commands", Some(body))
    }

    fn send(&self, officer: &Officer, method: &str, path: &str, body: Option<Value>) -> Answer {
        self.server.request(
            method,
            path,
            Some(&officer.token),
            body.map(|b| b.to_string().into_bytes()),
        )
    }

    /// The sibling's element answers 404 `not_found`, word for word as an id that exists
    /// nowhere.
    fn expect_not_found(&mut self, probe: &str, answer: &Answer, missing: &Answer) {
        let ok = answer.status == 404
            && answer.content_type == "application/problem+json"
            && answer.body["code"] == "not_found";
        if !ok {
            self.findings.push(Finding {
                probe: probe.to_string(),
                got: format!("{} {}", answer.status, answer.text),
            });
            return;
        }
        assert_problem_shape(answer, probe);
        if answer.body != missing.body {
            self.findings.push(Finding {
                probe: format!("{probe}: told apart from a missing id"),
                got: format!("{} (a missing id: {})", answer.text, missing.text),
            });
        }
    }

    /// Own elements succeed and carry nothing of the sibling; a documented 403 is accepted for
    /// an officer without the role (the chief must then succeed).
    fn expect_own_success(&mut self, probe: &str, answer: &Answer, may_be_forbidden: bool) {
        let forbidden = answer.status == 403 && answer.body["code"] == "forbidden";
        let ok = (200..300).contains(&answer.status) || (may_be_forbidden && forbidden);
        if !ok {
            self.findings.push(Finding {
                probe: probe.to_string(),
                got: format!("{} {}", answer.status, answer.text),
            });
        } else if answer.text.contains(&format!("{SIBLING}-")) {
            self.findings.push(Finding {
                probe: format!("{probe}: answer names a sibling's element"),
                got: answer.text.clone(),
            });
        }
    }

    /// Fails on every leak not in `KNOWN_APP_LEAKS`, and on every entry there that no longer
    /// leaks.
    fn judge(&self) {
        let known = |finding: &Finding| {
            KNOWN_APP_LEAKS
                .iter()
                .any(|(pattern, _)| finding.probe.contains(pattern))
        };
        let unexpected: Vec<String> = self
            .findings
            .iter()
            .filter(|f| !known(f))
            .map(|f| format!("{}\n    got {}", f.probe, truncate(&f.got)))
            .collect();
        let stale: Vec<&str> = KNOWN_APP_LEAKS
            .iter()
            .filter(|(pattern, _)| !self.findings.iter().any(|f| f.probe.contains(pattern)))
            .map(|(pattern, _)| *pattern)
            .collect();
        for finding in self.findings.iter().filter(|f| known(f)) {
            eprintln!("known app leak: {}", finding.probe);
        }
        assert!(
            unexpected.is_empty() && stale.is_empty(),
            "{} probes broke the scope rule:\n{}\n\nno longer leaking (remove from KNOWN_APP_LEAKS): {stale:?}",
            unexpected.len(),
            unexpected.join("\n")
        );
    }
}

fn truncate(text: &str) -> String {
    text.chars().take(400).collect()
}

fn is_setup(fact: &str) -> bool {
    ["unit.", "officer.", "account.", "calendar.", "threshold."]
        .iter()
        .any(|prefix| fact.starts_with(prefix))
}

/// A request body from the operation's schema: its required fields, filled in.
fn example_body(doc: &Value, request: &Value) -> Value {
    let schema = &request["content"]["application/json"]["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap_or("");
            &doc["components"]["schemas"][name]
        }
        None => schema,
    };
    let mut body = Map::new();
    for field in schema["required"].as_array().into_iter().flatten() {
        let field = field.as_str().unwrap_or("");
        let value = match schema["properties"][field]["type"].as_str() {
            Some("string") => json!("核查身份（范围测试）"),
            Some("integer") | Some("number") => json!(1),
            Some("boolean") => json!(false),
            other => panic!("no example for field {field} of type {other:?}"),
        };
        body.insert(field.to_string(), value);
    }
    Value::Object(body)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Sibling,
    Missing,
    Own,
}

/// What the same fact about A's own element answers.
#[derive(Clone, Copy)]
enum Own {
    /// Recorded (201); for an officer without the admin role, a setup fact is refused (403)
    /// whatever it names, and the engine's facts are refused (403) to every person.
    Created,
    /// Refused for a reason other than scope (never 404): the domain forbids it for A too.
    Refused,
}

/// A fact naming `@T`, the target: a sibling's element of kind `target`, or a fresh element of
/// A on the own run. `@fresh:KIND` is a fresh element of A, `@new` a new id.
struct Probe {
    target: &'static str,
    fact: Value,
    /// Facts about fresh elements, on both runs.
    setup: Vec<Value>,
    /// Facts that bring A's own target into the state the fact needs.
    own_setup: Vec<Value>,
    own: Own,
}

impl Probe {
    /// The field that names the target.
    fn field(&self) -> String {
        fn find(value: &Value, path: &str) -> Option<String> {
            match value {
                Value::String(s) if s == "@T" => Some(path.to_string()),
                Value::Array(items) => items.iter().find_map(|v| find(v, path)),
                Value::Object(map) => map.iter().find_map(|(k, v)| {
                    let path = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    find(v, &path)
                }),
                _ => None,
            }
        }
        find(&self.fact, "").unwrap_or_default()
    }
}

fn probe(target: &'static str, fact: Value) -> Probe {
    Probe {
        target,
        fact,
        setup: Vec::new(),
        own_setup: Vec::new(),
        own: Own::Created,
    }
}

/// Every fact kind, with the target in each field that names an element.
fn probes() -> Vec<Probe> {
    let officer = "ownA-officer";
    let officer2 = "ownA-officer2";
    let unit = "ownA-unit";
    let stored =
        json!({"fact": "property.stored", "id": "@T", "location": "保管室", "custodian": officer2});
    let checked_out = json!({"fact": "property.checked_out", "id": "@T", "purpose": "鉴定", "due": "@due", "approved_by": officer});
    let mut refused = probe(
        "unit",
        json!({"fact": "unit.defined", "id": "@new", "name": "新单位", "parent": "@T", "level": "division"}),
    );
    // No unit can sit under a station, so A's own station refuses it too (422), not with 404.
    refused.own = Own::Refused;
    // A fresh measure is of a case of its own, not the notice's: A's own notice is refused by
    // the domain (409), a sibling's measure with 404 before the domain looks.
    let mut refused_arrest = probe(
        "measure",
        json!({"fact": "case.procuratorate_notice", "id": "@fresh:case", "notice": "arrest_refused", "measure": "@T"}),
    );
    refused_arrest.own = Own::Refused;
    // Technical investigation follows the filing.
    let mut technical = probe(
        "case",
        json!({"fact": "case.technical_investigation", "id": "@T", "measure": "TZ1", "step": "approved"}),
    );
    technical.own_setup = vec![json!({"fact": "case.filed", "id": "@T"})];
    // A fresh measure is a detention, which is not approved afterwards: A's own is refused by
    // the domain (409), a sibling's with 404 before the domain looks.
    let mut approved = probe(
        "measure",
        json!({"fact": "measure.approved", "id": "@T", "approved_by": officer}),
    );
    approved.own = Own::Refused;
    // A fresh measure is a detention, whose custody is not recalculated (only an arrest's): A's
    // own is refused by the domain (409), a sibling's with 404 before the domain looks.
    let mut recalculated = probe(
        "measure",
        json!({"fact": "measure.custody_recalculated", "id": "@T", "reason": "identity_unknown", "approved_by": officer}),
    );
    recalculated.own = Own::Refused;
    // A fresh case decided no detention: A's own application is refused by the domain (409).
    let mut deferral = probe(
        "case",
        json!({"fact": "case.deferral_requested", "id": "@T", "person": "@fresh:person"}),
    );
    deferral.own = Own::Refused;
    let mut deferral_person = probe(
        "person",
        json!({"fact": "case.deferral_requested", "id": "@fresh:case", "person": "@T"}),
    );
    deferral_person.own = Own::Refused;
    let mut deferral_decided = probe(
        "case",
        json!({"fact": "case.deferral_decided", "id": "@T", "person": "@fresh:person", "granted": false}),
    );
    deferral_decided.own = Own::Refused;
    let mut incident_reported = probe(
        "stay",
        json!({"fact": "custody.incident_reported", "id": "@T"}),
    );
    incident_reported.own_setup =
        vec![json!({"fact": "custody.incident", "id": "@T", "kind": "injury"})];
    let mut death_appraisal = probe(
        "stay",
        json!({"fact": "custody.death_appraisal_commissioned", "id": "@T"}),
    );
    death_appraisal.own_setup =
        vec![json!({"fact": "custody.incident", "id": "@T", "kind": "death"})];
    // A fresh case is criminal: A's own hearing is refused by the domain (409).
    let mut hearing = probe(
        "case",
        json!({"fact": "case.hearing_requested", "id": "@T", "person": "@fresh:person"}),
    );
    hearing.own = Own::Refused;
    let mut hearing_held = probe(
        "case",
        json!({"fact": "case.hearing_held", "id": "@T", "person": "@fresh:person"}),
    );
    hearing_held.own = Own::Refused;
    // A fresh case fined no one: A's own collection is refused by the domain (409).
    let mut fine_cash = probe(
        "case",
        json!({"fact": "case.fine_cash", "id": "@T", "person": "@fresh:person", "step": "collected", "amount_yuan": 200}),
    );
    fine_cash.own = Own::Refused;
    // The reporter is told of a finding about jurisdiction, made first on A's own.
    let mut reporter_told = probe(
        "incident",
        json!({"fact": "incident.reporter_told", "id": "@T"}),
    );
    reporter_told.own_setup = vec![
        json!({"fact": "incident.jurisdiction_found", "id": "@T", "finding": "not_police_matter"}),
    ];
    // A fresh case came from no agency: A's own requests are refused by the domain (409).
    let mut completion = probe(
        "case",
        json!({"fact": "case.completion_requested", "id": "@T"}),
    );
    completion.own = Own::Refused;
    let mut reconsideration = probe(
        "case",
        json!({"fact": "case.reconsideration_requested", "id": "@T"}),
    );
    reconsideration.own = Own::Refused;
    let mut reconsideration_decided = probe(
        "case",
        json!({"fact": "case.reconsideration_decided", "id": "@T", "upheld": true}),
    );
    reconsideration_decided.own = Own::Refused;
    // A fresh case is criminal: A's own bar on mediation is refused by the domain (409).
    let mut mediation_bar = probe(
        "case",
        json!({"fact": "case.mediation_barred", "id": "@T", "reason": "refused"}),
    );
    mediation_bar.own = Own::Refused;
    let publicized_person = probe(
        "person",
        json!({"fact": "case.publicized", "id": "@fresh:case", "identified": ["@T"]}),
    );
    // A fresh case penalised no one: A's own reminder is refused by the domain (409).
    let mut enforcement = probe(
        "case",
        json!({"fact": "case.enforcement", "id": "@T", "person": "@fresh:person", "step": "reminder_served"}),
    );
    enforcement.own = Own::Refused;
    // The person probe: a sibling's person on A's case is 404 before the domain looks.
    let mut enforcement_person = probe(
        "person",
        json!({"fact": "case.enforcement", "id": "@fresh:case", "person": "@T", "step": "reminder_served"}),
    );
    enforcement_person.own = Own::Refused;
    let mut archived = probe("case", json!({"fact": "case.archived", "id": "@T"}));
    archived.own_setup = vec![json!({"fact": "case.closed", "id": "@T"})];
    let mut checked_out_probe = probe("property", checked_out.clone());
    checked_out_probe.own_setup = vec![stored.clone()];
    let mut approver = probe(
        "officer",
        json!({"fact": "property.checked_out", "id": "@fresh:property", "purpose": "鉴定", "due": "@due", "approved_by": "@T"}),
    );
    approver.setup = vec![
        json!({"fact": "property.stored", "id": "@fresh:property", "location": "保管室", "custodian": officer2}),
    ];
    let mut checked_in = probe(
        "property",
        json!({"fact": "property.checked_in", "id": "@T"}),
    );
    checked_in.own_setup = vec![stored, checked_out];
    let verified = json!({"fact": "warning.verified", "id": "@T", "confirmed": true});
    let ordered = json!({"fact": "warning.rectification_ordered", "id": "@T", "deadline": "@due", "instruction": "补正手续"});
    let mut rectification_ordered = probe("warning", ordered.clone());
    rectification_ordered.own_setup = vec![verified.clone()];
    let mut rectified = probe(
        "warning",
        json!({"fact": "warning.rectified", "id": "@T", "evidence": "整改报告"}),
    );
    rectified.own_setup = vec![verified.clone(), ordered];
    let mut accountability = probe(
        "warning",
        json!({"fact": "warning.accountability_decided", "id": "@T", "outcome": "education"}),
    );
    accountability.own_setup = vec![verified];
    let mut closed = probe("warning", json!({"fact": "warning.closed", "id": "@T"}));
    closed.own_setup = vec![
        json!({"fact": "warning.verified", "id": "@T", "confirmed": false, "reason": "系统误判"}),
    ];
    vec![
        // Setup (administrators).
        refused,
        probe(
            "unit",
            json!({"fact": "officer.defined", "id": "@new", "name": "新民警", "unit": "@T", "gender": "male", "roles": ["officer"]}),
        ),
        probe(
            "officer",
            json!({"fact": "officer.changed", "id": "@T", "name": "改名"}),
        ),
        probe(
            "unit",
            json!({"fact": "officer.changed", "id": "@fresh:officer", "unit": "@T"}),
        ),
        probe(
            "unit",
            json!({"fact": "threshold.set", "unit": "@T", "key": "JQ-02.arrival", "value": 20}),
        ),
        probe(
            "officer",
            json!({"fact": "account.created", "id": "@T", "username": "@new"}),
        ),
        probe(
            "officer",
            json!({"fact": "account.password_set", "id": "@T"}),
        ),
        probe(
            "officer",
            json!({"fact": "account.disabled", "id": "@T", "disabled": true}),
        ),
        // 警 incidents.
        probe(
            "unit",
            json!({"fact": "incident.received", "id": "@new", "unit": "@T", "source": "phone_110", "nature": "criminal", "category": "0502"}),
        ),
        probe(
            "incident",
            json!({"fact": "incident.dispatched", "id": "@T", "officers": [officer]}),
        ),
        probe(
            "officer",
            json!({"fact": "incident.dispatched", "id": "@fresh:incident", "officers": ["@T"]}),
        ),
        probe("incident", json!({"fact": "incident.arrived", "id": "@T"})),
        probe(
            "incident",
            json!({"fact": "incident.disposed", "id": "@T", "result": "mediated"}),
        ),
        probe(
            "case",
            json!({"fact": "incident.disposed", "id": "@fresh:incident", "result": "case_accepted", "case": "@T"}),
        ),
        probe(
            "incident",
            json!({"fact": "incident.recategorized", "id": "@T", "nature": "administrative", "category": "0301"}),
        ),
        probe(
            "incident",
            json!({"fact": "incident.video_linked", "id": "@T", "ref": "V-1"}),
        ),
        probe(
            "incident",
            json!({"fact": "incident.receipt_issued", "id": "@T"}),
        ),
        probe(
            "incident",
            json!({"fact": "incident.evidence_received", "id": "@T", "listed": true}),
        ),
        probe(
            "incident",
            json!({"fact": "incident.jurisdiction_found", "id": "@T", "finding": "other_unit"}),
        ),
        reporter_told,
        // 案 cases.
        probe(
            "unit",
            json!({"fact": "case.accepted", "id": "@new", "unit": "@T", "kind": "criminal", "category": "050200"}),
        ),
        probe(
            "incident",
            json!({"fact": "case.accepted", "id": "@new", "unit": unit, "kind": "criminal", "category": "050200", "incident": "@T"}),
        ),
        probe(
            "case",
            json!({"fact": "case.filing_extended", "id": "@T", "days": 30, "approved_by": officer}),
        ),
        probe(
            "officer",
            json!({"fact": "case.filing_extended", "id": "@fresh:case", "days": 30, "approved_by": "@T"}),
        ),
        probe("case", json!({"fact": "case.filed", "id": "@T"})),
        probe("case", json!({"fact": "case.not_filed", "id": "@T"})),
        probe("case", json!({"fact": "case.fast_track", "id": "@T"})),
        probe(
            "case",
            json!({"fact": "case.act", "id": "@T", "act": "questioning"}),
        ),
        probe(
            "case",
            json!({"fact": "case.injury_assessed", "id": "@T", "person": "@fresh:person", "grade": "minor"}),
        ),
        probe(
            "case",
            json!({"fact": "case.person_searched", "id": "@T", "person": "@fresh:person", "kind": "search", "officers": [officer]}),
        ),
        probe(
            "person",
            json!({"fact": "case.person_searched", "id": "@fresh:case", "person": "@T", "kind": "search", "officers": [officer]}),
        ),
        probe(
            "officer",
            json!({"fact": "case.person_searched", "id": "@fresh:case", "person": "@fresh:person", "kind": "search", "officers": ["@T"]}),
        ),
        probe(
            "person",
            json!({"fact": "case.injury_assessed", "id": "@fresh:case", "person": "@T", "grade": "minor"}),
        ),
        probe(
            "case",
            json!({"fact": "case.prior_notice_given", "id": "@T", "person": "@fresh:person"}),
        ),
        probe(
            "person",
            json!({"fact": "case.prior_notice_given", "id": "@fresh:case", "person": "@T"}),
        ),
        probe(
            "case",
            json!({"fact": "case.review_passed", "id": "@T", "reviewer": officer}),
        ),
        probe(
            "officer",
            json!({"fact": "case.review_passed", "id": "@fresh:case", "reviewer": "@T"}),
        ),
        probe(
            "case",
            json!({"fact": "case.review_returned", "id": "@T", "reviewer": officer}),
        ),
        probe(
            "officer",
            json!({"fact": "case.review_returned", "id": "@fresh:case", "reviewer": "@T"}),
        ),
        probe(
            "case",
            json!({"fact": "case.limit_extended", "id": "@T", "days": 60, "approved_by_unit": unit}),
        ),
        probe(
            "unit",
            json!({"fact": "case.limit_extended", "id": "@fresh:case", "days": 60, "approved_by_unit": "@T"}),
        ),
        probe(
            "case",
            json!({"fact": "case.decided", "id": "@T", "decision": "terminated", "decided_by_unit": unit}),
        ),
        probe(
            "unit",
            json!({"fact": "case.decided", "id": "@fresh:case", "decision": "terminated", "decided_by_unit": "@T"}),
        ),
        probe(
            "person",
            json!({"fact": "case.decided", "id": "@fresh:case", "decision": "penalty", "decided_by_unit": unit, "penalties": [{"person": "@T", "kind": "warning"}]}),
        ),
        probe("case", json!({"fact": "case.dropped", "id": "@T"})),
        probe(
            "case",
            json!({"fact": "case.sent_for_prosecution", "id": "@T"}),
        ),
        probe(
            "case",
            json!({"fact": "case.procuratorate_notice", "id": "@T", "notice": "file_case"}),
        ),
        refused_arrest,
        probe("case", json!({"fact": "case.closed", "id": "@T"})),
        technical,
        approved,
        recalculated,
        deferral,
        deferral_person,
        deferral_decided,
        incident_reported,
        death_appraisal,
        hearing,
        hearing_held,
        fine_cash,
        enforcement,
        enforcement_person,
        mediation_bar,
        publicized_person,
        completion,
        reconsideration,
        probe(
            "case",
            json!({"fact": "case.identification", "id": "@T", "identifier": "@fresh:person", "kind": "person", "lineup": 7, "officers": [officer, officer2]}),
        ),
        probe(
            "person",
            json!({"fact": "case.identification", "id": "@fresh:case", "identifier": "@T", "kind": "person", "lineup": 7, "officers": [officer, officer2]}),
        ),
        probe(
            "officer",
            json!({"fact": "case.identification", "id": "@fresh:case", "identifier": "@fresh:person", "kind": "person", "lineup": 7, "officers": ["@T", officer2]}),
        ),
        reconsideration_decided,
        probe(
            "case",
            json!({"fact": "case.jurisdiction_found", "id": "@T"}),
        ),
        probe("case", json!({"fact": "case.publicized", "id": "@T"})),
        probe(
            "case",
            json!({"fact": "case.transferred", "id": "@T", "to_unit": "U1"}),
        ),
        archived,
        // 人 persons.
        probe(
            "unit",
            json!({"fact": "person.registered", "id": "@new", "name": "某人", "gender": "male", "unit": "@T"}),
        ),
        probe(
            "person",
            json!({"fact": "person.linked", "id": "@T", "case": "@fresh:case", "role": "witness"}),
        ),
        probe(
            "case",
            json!({"fact": "person.linked", "id": "@fresh:person", "case": "@T", "role": "witness"}),
        ),
        probe(
            "person",
            json!({"fact": "legal_aid.notified", "person": "@T", "case": "@fresh:case"}),
        ),
        probe(
            "case",
            json!({"fact": "legal_aid.notified", "person": "@fresh:person", "case": "@T"}),
        ),
        probe(
            "person",
            json!({"fact": "legal_aid.requested", "person": "@T", "case": "@fresh:case"}),
        ),
        probe(
            "case",
            json!({"fact": "legal_aid.requested", "person": "@fresh:person", "case": "@T"}),
        ),
        // Measures.
        probe(
            "person",
            json!({"fact": "measure.started", "id": "@new", "person": "@T", "case": "@fresh:case", "kind": "summons_criminal"}),
        ),
        probe(
            "case",
            json!({"fact": "measure.started", "id": "@new", "person": "@fresh:person", "case": "@T", "kind": "summons_criminal"}),
        ),
        probe(
            "measure",
            json!({"fact": "measure.extended", "id": "@T", "days": 7, "approved_by": officer}),
        ),
        probe(
            "officer",
            json!({"fact": "measure.extended", "id": "@fresh:measure", "days": 7, "approved_by": "@T"}),
        ),
        probe(
            "measure",
            json!({"fact": "measure.family_notified", "id": "@T"}),
        ),
        probe(
            "measure",
            json!({"fact": "measure.family_not_notified", "id": "@T", "reason": "有碍侦查"}),
        ),
        probe(
            "measure",
            json!({"fact": "measure.delivered", "id": "@T", "facility": "detention_house"}),
        ),
        probe(
            "measure",
            json!({"fact": "measure.arrest_requested", "id": "@T"}),
        ),
        probe(
            "measure",
            json!({"fact": "measure.change_requested", "id": "@T"}),
        ),
        probe(
            "measure",
            json!({"fact": "measure.ended", "id": "@T", "outcome": "released"}),
        ),
        // 场所 the case-handling center.
        probe(
            "person",
            json!({"fact": "custody.entered", "id": "@new", "person": "@T", "center": unit}),
        ),
        probe(
            "unit",
            json!({"fact": "custody.entered", "id": "@new", "person": "@fresh:person", "center": "@T"}),
        ),
        probe(
            "case",
            json!({"fact": "custody.entered", "id": "@new", "person": "@fresh:person", "center": unit, "case": "@T"}),
        ),
        probe(
            "measure",
            json!({"fact": "custody.entered", "id": "@new", "person": "@fresh:person", "center": unit, "basis": "@T"}),
        ),
        probe(
            "stay",
            json!({"fact": "custody.security_checked", "id": "@T"}),
        ),
        probe(
            "stay",
            json!({"fact": "custody.info_collected", "id": "@T"}),
        ),
        probe("stay", json!({"fact": "custody.meal", "id": "@T"})),
        probe(
            "stay",
            json!({"fact": "custody.incident", "id": "@T", "kind": "illness"}),
        ),
        probe(
            "stay",
            json!({"fact": "custody.placed", "id": "@T", "room": "101", "room_kind": "holding"}),
        ),
        probe(
            "stay",
            json!({"fact": "custody.exited", "id": "@T", "destination": "released"}),
        ),
        probe(
            "document",
            json!({"fact": "custody.exited", "id": "@fresh:stay", "destination": "released", "document": "@T"}),
        ),
        probe(
            "person",
            json!({"fact": "interrogation.held", "id": "@new", "person": "@T", "case": "@fresh:case", "kind": "questioning", "end": "@end", "officers": [officer, officer2]}),
        ),
        probe(
            "case",
            json!({"fact": "interrogation.held", "id": "@new", "person": "@fresh:person", "case": "@T", "kind": "questioning", "end": "@end", "officers": [officer, officer2]}),
        ),
        probe(
            "stay",
            json!({"fact": "interrogation.held", "id": "@new", "person": "@fresh:person", "case": "@fresh:case", "kind": "questioning", "end": "@end", "officers": [officer, officer2], "stay": "@T"}),
        ),
        probe(
            "officer",
            json!({"fact": "interrogation.held", "id": "@new", "person": "@fresh:person", "case": "@fresh:case", "kind": "questioning", "end": "@end", "officers": [officer, "@T"]}),
        ),
        // 物 property.
        probe(
            "case",
            json!({"fact": "property.seized", "id": "@new", "case": "@T", "measure": "seizure", "category": "phone", "description": "手机", "seized_by": officer}),
        ),
        probe(
            "officer",
            json!({"fact": "property.seized", "id": "@new", "case": "@fresh:case", "measure": "seizure", "category": "phone", "description": "手机", "seized_by": "@T"}),
        ),
        probe(
            "property",
            json!({"fact": "property.stored", "id": "@T", "location": "保管室", "custodian": officer2}),
        ),
        probe(
            "officer",
            json!({"fact": "property.stored", "id": "@fresh:property", "location": "保管室", "custodian": "@T"}),
        ),
        checked_out_probe,
        approver,
        checked_in,
        probe(
            "property",
            json!({"fact": "property.found_unrelated", "id": "@T"}),
        ),
        probe(
            "property",
            json!({"fact": "property.owner_sought", "id": "@T"}),
        ),
        probe(
            "property",
            json!({"fact": "property.flagged", "id": "@T", "flag": "perishable"}),
        ),
        probe(
            "property",
            json!({"fact": "property.seizure_extended", "id": "@T", "days": 60, "approved_by_unit": unit}),
        ),
        probe(
            "unit",
            json!({"fact": "property.seizure_extended", "id": "@fresh:property", "days": 60, "approved_by_unit": "@T"}),
        ),
        probe(
            "property",
            json!({"fact": "property.disposed", "id": "@T", "method": "returned_to_owner"}),
        ),
        // 卷 documents.
        probe(
            "case",
            json!({"fact": "document.issued", "id": "@new", "case": "@T", "kind": "summons_warrant", "number": ""}),
        ),
        probe(
            "document",
            json!({"fact": "document.served", "id": "@T", "to": "@fresh:person"}),
        ),
        probe(
            "person",
            json!({"fact": "document.served", "id": "@fresh:document", "to": "@T"}),
        ),
        // 预警 warnings and their supervision loop.
        probe(
            "case",
            json!({"fact": "warning.raised", "id": "@new", "rule": "XS-04", "element": "case", "subject": "@T", "level": "yellow", "message": "立案前采取强制措施"}),
        ),
        probe(
            "warning",
            json!({"fact": "warning.level_changed", "id": "@T", "level": "yellow", "message": "降为黄色"}),
        ),
        probe("warning", json!({"fact": "warning.cleared", "id": "@T"})),
        probe(
            "warning",
            json!({"fact": "warning.verified", "id": "@T", "confirmed": true}),
        ),
        rectification_ordered,
        rectified,
        accountability,
        closed,
    ]
}

/// The `@fresh:KIND` tokens in a fact, as (kind, token).
fn collect_fresh(value: &Value, found: &mut Vec<(String, String)>) {
    match value {
        Value::String(text) => {
            if let Some(kind) = text.strip_prefix("@fresh:")
                && !found.iter().any(|(_, t)| t == text)
            {
                found.push((kind.to_string(), text.clone()));
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_fresh(v, found)),
        Value::Object(map) => map.values().for_each(|v| collect_fresh(v, found)),
        _ => {}
    }
}

/// The facts that create a fresh element of A (and what it needs), once per id.
fn create_fresh(
    kind: &str,
    id: &str,
    facts: &mut Vec<Value>,
    created: &mut std::collections::HashSet<String>,
) {
    if !created.insert(id.to_string()) {
        return;
    }
    let case = format!("{id}-case");
    let person = format!("{id}-person");
    let mut needs = |kind: &str, id: &str, facts: &mut Vec<Value>| {
        create_fresh(kind, id, facts, created);
    };
    let fact = match kind {
        "incident" => {
            json!({"fact": "incident.received", "id": id, "unit": "ownA-unit", "source": "walk_in", "nature": "criminal", "category": "0502"})
        }
        "case" => {
            json!({"fact": "case.accepted", "id": id, "unit": "ownA-unit", "kind": "criminal", "category": "050200"})
        }
        "person" => {
            json!({"fact": "person.registered", "id": id, "name": "某人", "gender": "male"})
        }
        "officer" => {
            json!({"fact": "officer.defined", "id": id, "name": "新民警", "unit": "ownA-unit", "gender": "female", "roles": ["officer"]})
        }
        "measure" => {
            needs("person", &person, facts);
            needs("case", &case, facts);
            json!({"fact": "measure.started", "id": id, "person": person, "case": case, "kind": "criminal_detention"})
        }
        "stay" => {
            needs("person", &person, facts);
            json!({"fact": "custody.entered", "id": id, "person": person, "center": "ownA-unit"})
        }
        "property" => {
            needs("case", &case, facts);
            json!({"fact": "property.seized", "id": id, "case": case, "measure": "seizure", "category": "phone", "description": "手机", "seized_by": "ownA-officer"})
        }
        "document" => {
            needs("case", &case, facts);
            json!({"fact": "document.issued", "id": id, "case": case, "kind": "summons_warrant", "number": ""})
        }
        "warning" => {
            needs("case", &case, facts);
            json!({"fact": "warning.raised", "id": id, "rule": "XS-04", "element": "case", "subject": case, "level": "red", "message": "立案前采取强制措施"})
        }
        other => panic!("no fresh {other} of station A"),
    };
    facts.push(fact);
}

fn map_strings(value: Value, fill: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(text) => Value::String(fill(&text)),
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| map_strings(v, fill)).collect())
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, map_strings(v, fill)))
                .collect(),
        ),
        other => other,
    }
}

/// The router is built only through `serve` (from the documented table) and nested once under
/// `/api/v1`: a `.route(…)` anywhere else would serve a path the document — and so the sweep
/// above — does not know.
#[test]
fn routes_are_added_only_from_the_documented_table() {
    let source_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut calls = Vec::new();
    for entry in std::fs::read_dir(&source_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for method in [
                ".route(",
                ".route_service(",
                ".nest(",
                ".nest_service(",
                ".merge(",
            ] {
                for (line_number, line) in text.lines().enumerate() {
                    if line.contains(method) && !line.trim_start().starts_with("//") {
                        calls.push(format!(
                            "{}:{}: {}",
                            path.file_name().unwrap().to_string_lossy(),
                            line_number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    let allowed = [
        "router.route(relative, on(filter, handler))",
        // The fallback for `/api/v1/` itself and the nesting of the documented routes.
        ".route(&root, axum::routing::any(unknown_route))",
        ".nest(API_PREFIX, api)",
    ];
    let stray: Vec<&String> = calls
        .iter()
        .filter(|call| !allowed.iter().any(|a| call.ends_with(a)))
        .collect();
    assert!(
        stray.is_empty(),
        "routes added outside the documented table (add them to `operations!`): {stray:#?}"
    );
    assert_eq!(calls.len(), allowed.len(), "{calls:#?}");
}
