//! Every way a request can fail answers `application/problem+json` with a stable code, a Chinese
//! `detail` and an English `detail_en`, and names the field at fault when there is one: malformed
//! bodies on every route that takes one, bad query parameters, unknown paths, wrong methods,
//! oversized bodies, missing or bad tokens.

mod common;

use common::{ROOT, Server};
use serde_json::json;

/// A county with one station, an officer with an account, a case and a person.
fn server() -> (Server, String) {
    let setup = format!(
        "{ROOT}{}",
        r#"{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"UC","name":"某市公安局","parent":"U0","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"U1","name":"某县公安局","parent":"UC","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T08:00:00+08:00","id":"UA","name":"甲派出所","parent":"U1","level":"station"}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OA","name":"张三","unit":"UA","gender":"male","roles":["officer","supervisor"]}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OP","name":"李四","unit":"UA","gender":"male","roles":["officer"]}
{"fact":"case.accepted","at":"2026-01-02T08:00:00+08:00","id":"C1","unit":"UA","kind":"criminal","category":"050200"}
{"fact":"person.registered","at":"2026-01-02T08:00:00+08:00","id":"P1","name":"某甲","gender":"male","unit":"UA"}
"#
    );
    let server = Server::start(&setup);
    let token = server.signed_in("OA");
    (server, token)
}

/// One malformed request: what it is, the route, the body, and the problem it must answer.
struct Case {
    what: &'static str,
    method: &'static str,
    path: &'static str,
    body: Option<&'static str>,
    status: u16,
    code: &'static str,
    /// The field the problem names (`None`: it names none).
    field: Option<&'static str>,
}

const fn case(
    what: &'static str,
    method: &'static str,
    path: &'static str,
    body: Option<&'static str>,
    status: u16,
    code: &'static str,
    field: Option<&'static str>,
) -> Case {
    Case {
        what,
        method,
        path,
        body,
        status,
        code,
        field,
    }
}

#[rustfmt::skip]
const MALFORMED: &[Case] = &[
    // Bodies of every route that takes one.
    case("login: not JSON", "POST", "/api/v1/session", Some("username=a&password=b"), 422, "invalid", None),
    case("login: cut short", "POST", "/api/v1/session", Some(r#"{"username": "a""#), 422, "invalid", None),
    case("login: an array", "POST", "/api/v1/session", Some("[]"), 422, "invalid", None),
    case("login: text after the object", "POST", "/api/v1/session", Some(r#"{"username":"a","password":"b"} x"#), 422, "invalid", None),
    case("login: missing password", "POST", "/api/v1/session", Some(r#"{"username": "a"}"#), 422, "invalid", Some("password")),
    case("login: username a number", "POST", "/api/v1/session", Some(r#"{"username": 5, "password": "b"}"#), 422, "invalid", Some("username")),
    case("token: label a number", "POST", "/api/v1/tokens", Some(r#"{"label": 3}"#), 422, "invalid", Some("label")),
    case("password: missing new", "POST", "/api/v1/password", Some(r#"{"old_password": "x"}"#), 422, "invalid", Some("new_password")),
    case("password: too short", "POST", "/api/v1/password", Some(r#"{"old_password": "x", "new_password": "short"}"#), 422, "invalid", Some("new_password")),
    case("reveal: no reason", "POST", "/api/v1/person/P1/reveal", Some("{}"), 422, "invalid", Some("reason")),
    case("reveal: reason a list", "POST", "/api/v1/person/P1/reveal", Some(r#"{"reason": ["a"]}"#), 422, "invalid", Some("reason")),
    case("reveal: empty reason", "POST", "/api/v1/person/P1/reveal", Some(r#"{"reason": " "}"#), 422, "invalid", Some("reason")),
    case("command: not JSON", "POST", "/api/v1/commands", Some("case.filed C1"), 422, "invalid", None),
    case("command: a string", "POST", "/api/v1/commands", Some(r#""case.filed""#), 422, "invalid", None),
    case("command: no kind", "POST", "/api/v1/commands", Some(r#"{"id": "C1"}"#), 422, "invalid", Some("fact")),
    case("command: unknown kind", "POST", "/api/v1/commands", Some(r#"{"fact": "case.opened", "id": "C1"}"#), 422, "unknown_kind", Some("fact")),
    case("command: missing id", "POST", "/api/v1/commands", Some(r#"{"fact": "case.filed"}"#), 422, "invalid", Some("id")),
    case("command: time without offset", "POST", "/api/v1/commands", Some(r#"{"fact": "case.filed", "id": "C1", "at": "2026-03-02T08:00:00"}"#), 422, "invalid", Some("at")),
    case("command: bad enum", "POST", "/api/v1/commands", Some(r#"{"fact": "case.act", "id": "C1", "act": "guessing"}"#), 422, "invalid", Some("act")),
    case("command: id a number", "POST", "/api/v1/commands", Some(r#"{"fact": "case.filed", "id": 7}"#), 422, "invalid", Some("id")),
    case("command: penalty without person", "POST", "/api/v1/commands", Some(r#"{"fact": "case.decided", "id": "C1", "decision": "penalty", "decided_by_unit": "UA", "penalties": [{"kind": "warning"}]}"#), 422, "invalid", Some("penalties[0].person")),
    case("command: reason a number", "POST", "/api/v1/commands", Some(r#"{"fact": "case.filed", "id": "C1", "override_reason": 5}"#), 422, "invalid", Some("override_reason")),
    case("batch: not a list", "POST", "/api/v1/commands", Some(r#"{"commands": {}}"#), 422, "invalid", Some("commands")),
    case("batch: a number in it", "POST", "/api/v1/commands", Some(r#"{"commands": [{"fact": "case.act", "id": "C1", "act": "search"}, 5]}"#), 422, "invalid", Some("commands[1]")),
    case("batch: second without time offset", "POST", "/api/v1/commands", Some(r#"{"commands": [{"fact": "case.act", "id": "C1", "act": "search"}, {"fact": "case.filed", "id": "C1", "at": "yesterday"}]}"#), 422, "invalid", Some("commands[1].at")),
    case("batch: first missing id", "POST", "/api/v1/commands", Some(r#"{"commands": [{"fact": "case.filed"}]}"#), 422, "invalid", Some("commands[0].id")),
    // Query parameters.
    case("list: limit not a number", "GET", "/api/v1/case?limit=ten", None, 422, "invalid", Some("limit")),
    case("list: offset not a number", "GET", "/api/v1/case?offset=-x", None, 422, "invalid", Some("offset")),
    case("list: from not a time", "GET", "/api/v1/case?from=yesterday", None, 422, "invalid", Some("from")),
    case("list: until without offset", "GET", "/api/v1/case?until=2026-03-02T08:00:00", None, 422, "invalid", Some("until")),
    case("audit: kind without id", "GET", "/api/v1/audit?kind=case", None, 422, "invalid", Some("id")),
    // Paths and methods.
    case("unknown kind", "GET", "/api/v1/suspect", None, 404, "not_found", None),
    case("unknown element", "GET", "/api/v1/case/C404", None, 404, "not_found", None),
    case("unknown path", "GET", "/api/v1/case/C1/timeline/extra", None, 404, "not_found", None),
    case("the API's root", "GET", "/api/v1/", None, 404, "not_found", None),
    case("the API's root without slash", "GET", "/api/v1", None, 404, "not_found", None),
    case("the API's root, twice", "GET", "/api/v1//", None, 404, "not_found", None),
    case("an id that is not text", "GET", "/api/v1/case/%FF%FE", None, 404, "not_found", None),
    case("delete an element", "DELETE", "/api/v1/case/C1", None, 405, "method_not_allowed", None),
    case("put a command", "PUT", "/api/v1/commands", Some("{}"), 405, "method_not_allowed", None),
    case("get the session", "GET", "/api/v1/session", None, 405, "method_not_allowed", None),
];

#[test]
fn malformed_requests_answer_problems_naming_the_field() {
    let (server, token) = server();
    let mut wrong = Vec::new();
    for case in MALFORMED {
        let answer = server.request(
            case.method,
            case.path,
            Some(&token),
            case.body.map(|b| b.as_bytes().to_vec()),
        );
        let got = (
            answer.status,
            answer.body["code"].as_str().unwrap_or(""),
            answer.body["field"].as_str(),
        );
        if got != (case.status, case.code, case.field) {
            wrong.push(format!(
                "{}: expected {} {} {:?}, got {}",
                case.what, case.status, case.code, case.field, answer.text
            ));
            continue;
        }
        common::assert_problem_shape(&answer, case.what);
        if let Some(field) = case.field
            && case.code == "invalid"
        {
            // A malformed value's field is named in both languages too, so a person reading
            // either message finds it.
            let detail = answer.body["detail"].as_str().unwrap();
            let detail_en = answer.body["detail_en"].as_str().unwrap();
            let last = field.rsplit('.').next().unwrap();
            assert!(detail.contains(last), "{}: {detail}", case.what);
            assert!(detail_en.contains(last), "{}: {detail_en}", case.what);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Nothing malformed was recorded.
    let (status, _, body) = server.call("GET", "/api/v1/case/C1/timeline", Some(&token), None);
    assert_eq!(status, 200);
    assert_eq!(body.as_array().unwrap().len(), 1, "{body}");
}

#[test]
fn not_json_says_where() {
    let (server, token) = server();
    let answer = server.request(
        "POST",
        "/api/v1/commands",
        Some(&token),
        Some(b"{\"fact\": \"case.filed\",\n \"id\": }".to_vec()),
    );
    answer.assert_problem(422, "invalid", "broken JSON");
    let detail = answer.body["detail"].as_str().unwrap();
    assert!(detail.contains("第2行"), "{detail}");
}

#[test]
fn bodies_over_the_limit_answer_413() {
    use tower::ServiceExt;
    let (server, token) = server();
    // In process, not over a socket: the server answers once it has read the limit, and a
    // client still sending would race the connection closing under it.
    let padding = "x".repeat(3 * 1024 * 1024);
    let body = json!({"fact": "case.act", "id": "C1", "act": "search", "note": padding});
    let request = axum::http::Request::post("/api/v1/commands")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::from(body.to_string()))
        .unwrap();
    let router = http_api::router(server.app.clone());
    let (status, content_type, text) = server.runtime.block_on(async {
        let response = router.oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_string();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (
            status,
            content_type,
            String::from_utf8(bytes.to_vec()).unwrap(),
        )
    });
    let answer = common::Answer {
        status,
        content_type,
        body: serde_json::from_str(&text).unwrap(),
        text,
        retry_after: None,
    };
    answer.assert_problem(413, "payload_too_large", "a 3 MB command");
}

#[test]
fn missing_and_bad_tokens_answer_401() {
    let (server, _) = server();
    for (what, token) in [
        ("no token", None),
        ("a made-up token", Some("0".repeat(64))),
        ("an empty token", Some(String::new())),
    ] {
        for (method, path) in [
            ("GET", "/api/v1/case"),
            ("GET", "/api/v1/case/C1"),
            ("POST", "/api/v1/commands"),
            ("POST", "/api/v1/tokens"),
        ] {
            let answer = server.request(method, path, token.as_deref(), Some(b"{}".to_vec()));
            answer.assert_problem(401, "unauthenticated", &format!("{what}: {method} {path}"));
        }
    }
}

#[test]
fn refusals_answer_problems_with_their_codes() {
    let (server, token) = server();
    let cases = [
        // A second definition.
        (
            json!({"fact": "case.accepted", "id": "C1", "unit": "UA", "kind": "criminal", "category": "x"}),
            409,
            "duplicate",
        ),
        // Prohibited before filing (CW-14) without an override reason.
        (
            json!({"fact": "property.seized", "id": "W1", "case": "C1", "measure": "seizure", "category": "phone", "seized_by": "OA"}),
            409,
            "prohibited",
        ),
        // Archiving a case that is not closed.
        (
            json!({"fact": "case.archived", "id": "C1"}),
            409,
            "impossible_transition",
        ),
        // A reference to nothing answers like an element outside the unit.
        (
            json!({"fact": "person.linked", "id": "P1", "case": "C404", "role": "witness"}),
            404,
            "not_found",
        ),
        // Setup facts are for administrators.
        (
            json!({"fact": "unit.defined", "id": "UX", "name": "某所", "parent": "U1", "level": "station"}),
            403,
            "forbidden",
        ),
    ];
    for (fact, status, code) in cases {
        let answer = server.request(
            "POST",
            "/api/v1/commands",
            Some(&token),
            Some(fact.to_string().into_bytes()),
        );
        answer.assert_problem(status, code, &fact.to_string());
    }
    // The audit trail needs a supervisor's (or leader's) role.
    let plain = server.signed_in("OP");
    let answer = server.request("GET", "/api/v1/audit", Some(&plain), None);
    answer.assert_problem(403, "forbidden", "audit by a plain officer");
}
