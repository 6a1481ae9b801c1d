//! The API end to end: scoping, problems, overrides, tokens and the OpenAPI document.

use serde_json::json;

mod common;

use common::{ROOT, Server, id_number};

/// Admin defines a county with two stations and three officers; each gets an account.
fn setup_tree(server: &Server) -> (String, String, String) {
    let admin = server.first_login("admin", "initial-pass-0");
    let at = "2026-01-01T09:00:00+08:00";
    let facts = json!({"commands": [
        {"fact": "unit.defined", "at": at, "id": "UC", "name": "某市公安局", "parent": "U0", "level": "city"},
        {"fact": "unit.defined", "at": at, "id": "U1", "name": "某县公安局", "parent": "UC", "level": "county"},
        {"fact": "unit.defined", "at": at, "id": "UA", "name": "甲派出所", "parent": "U1", "level": "station"},
        {"fact": "unit.defined", "at": at, "id": "UB", "name": "乙派出所", "parent": "U1", "level": "station"},
        {"fact": "officer.defined", "at": at, "id": "OA", "name": "张三", "unit": "UA", "gender": "male", "roles": ["officer"]},
        {"fact": "officer.defined", "at": at, "id": "OA2", "name": "赵六", "unit": "UA", "gender": "male", "roles": ["officer"]},
        {"fact": "officer.defined", "at": at, "id": "OB", "name": "李四", "unit": "UB", "gender": "female", "roles": ["officer"]},
        {"fact": "officer.defined", "at": at, "id": "OC", "name": "王五", "unit": "U1", "gender": "male", "roles": ["officer", "supervisor"]}
    ]});
    let (status, _, body) = server.command(&admin, facts);
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["recorded"].as_array().unwrap().len(), 8);
    server.runtime.block_on(async {
        server
            .app
            .set_account(None, "OA", "zhangsan", "initial-pass-a")
            .await
            .unwrap();
        server
            .app
            .set_account(None, "OB", "lisi", "initial-pass-b")
            .await
            .unwrap();
        server
            .app
            .set_account(None, "OC", "wangwu", "initial-pass-c")
            .await
            .unwrap();
    });
    (
        server.first_login("zhangsan", "initial-pass-a"),
        server.first_login("lisi", "initial-pass-b"),
        server.first_login("wangwu", "initial-pass-c"),
    )
}

#[test]
fn scoping_errors_overrides_and_openapi() {
    let server = Server::start(ROOT);

    // Without a token: 401 as a problem.
    let (status, content_type, body) = server.call("GET", "/api/v1/case", None, None);
    assert_eq!(status, 401);
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(body["code"], "unauthenticated");

    let (a, b, county) = setup_tree(&server);
    let number = id_number("11010519491231002");
    let (status, _, body) = server.command(&a, json!({"commands": [
        {"fact": "case.accepted", "id": "C1", "unit": "UA", "kind": "criminal", "category": "050200"},
        {"fact": "person.registered", "id": "P1", "name": "某甲", "gender": "female", "id_number": number},
        {"fact": "person.linked", "id": "P1", "case": "C1", "role": "suspect"}
    ]}));
    assert_eq!(status, 201, "{body}");

    // Station A sees its case, with links.
    let (status, _, body) = server.call("GET", "/api/v1/case/C1", Some(&a), None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "accepted");
    let (status, _, body) = server.call("GET", "/api/v1/person/P1", Some(&a), None);
    assert_eq!(status, 200);
    assert_ne!(body["snapshot"]["id_number"], number.as_str(), "masked");
    assert!(
        body["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["kind"] == "case" && l["id"] == "C1")
    );
    let (status, _, body) = server.call(
        "GET",
        "/api/v1/case?status=accepted&q=0502&limit=10",
        Some(&a),
        None,
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"], 1);
    assert_eq!(body["items"][0]["id"], "C1");

    // Sibling station B: not found everywhere, never forbidden.
    for path in [
        "/api/v1/case/C1",
        "/api/v1/case/C1/timeline",
        "/api/v1/person/P1",
        "/api/v1/person/P1/timeline",
    ] {
        let (status, content_type, body) = server.call("GET", path, Some(&b), None);
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(content_type, "application/problem+json");
        assert_eq!(body["code"], "not_found");
    }
    let (status, _, _) = server.call(
        "POST",
        "/api/v1/person/P1/reveal",
        Some(&b),
        Some(json!({"reason": "核查身份"})),
    );
    assert_eq!(status, 404);
    let (status, _, body) = server.command(&b, json!({"fact": "case.filed", "id": "C1"}));
    assert_eq!(status, 404, "{body}");
    let (status, _, body) = server.command(&b, json!({"fact": "measure.started", "id": "MB", "person": "P1", "case": "C1", "kind": "summons_criminal"}));
    assert_eq!(status, 404, "{body}");
    let (_, _, body) = server.call("GET", "/api/v1/case", Some(&b), None);
    assert_eq!(body["total"], 0);

    // The county sees both stations' elements.
    let (status, _, _) = server.call("GET", "/api/v1/case/C1", Some(&county), None);
    assert_eq!(status, 200);
    let (status, _, body) = server.call("GET", "/api/v1/case/C1/timeline", Some(&county), None);
    assert_eq!(status, 200);
    assert_eq!(body[0]["fact"], "case.accepted");
    assert_eq!(body[0]["label"], "受案");
    let (status, _, body) = server.call(
        "POST",
        "/api/v1/person/P1/reveal",
        Some(&county),
        Some(json!({"reason": "核查身份"})),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["id_number"], number.as_str());
    let (status, _, body) = server.call(
        "GET",
        "/api/v1/audit?kind=person&id=P1",
        Some(&county),
        None,
    );
    assert_eq!(status, 200, "{body}");
    assert!(
        body.as_array()
            .unwrap()
            .iter()
            .any(|r| r["action"] == "reveal" && r["reason"] == "核查身份")
    );
    let (status, _, body) = server.call("GET", "/api/v1/audit", Some(&a), None);
    assert_eq!(
        status, 403,
        "a plain officer may not read the audit: {body}"
    );

    // A bad command: a problem naming the code and the field.
    let (status, content_type, body) =
        server.command(&a, json!({"fact": "case.opened", "id": "C1"}));
    assert_eq!(status, 422);
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(body["code"], "unknown_kind");
    assert_eq!(body["field"], "fact");
    assert_eq!(body["status"], 422);
    assert!(body["detail"].as_str().unwrap().contains("未知"));
    assert!(body["detail_en"].as_str().unwrap().contains("unknown"));
    assert!(body["type"].as_str().unwrap().ends_with("unknown_kind"));
    let (status, _, body) = server.command(
        &a,
        json!({"fact": "case.filed", "id": "C1", "at": "2026-03-02T08:00:00"}),
    );
    assert_eq!(
        (status, body["code"].as_str(), body["field"].as_str()),
        (422, Some("invalid"), Some("at"))
    );
    let (status, _, body) = server.command(&a, json!({"fact": "case.accepted", "id": "C1", "unit": "UA", "kind": "criminal", "category": "x"}));
    assert_eq!(status, 409, "a second definition: {body}");

    // Prohibited before filing, then recorded with a reason.
    let seize = json!({"fact": "property.seized", "id": "W1", "case": "C1", "measure": "seizure", "category": "phone", "description": "手机", "seized_by": "OA"});
    let (status, _, body) = server.command(&a, seize.clone());
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "prohibited");
    assert!(body["detail"].as_str().unwrap().contains("CW-14"));
    let mut overridden = seize;
    overridden["override_reason"] = json!("紧急情况，防止证据灭失");
    let (status, _, body) = server.command(&a, overridden);
    assert_eq!(status, 201, "{body}");
    assert!(body["seq"].as_i64().unwrap() > 0);
    assert_eq!(body["fact"]["override_reason"], "紧急情况，防止证据灭失");
    let (status, _, body) = server.command(&a, json!({"fact": "case.filed", "id": "C1"}));
    assert_eq!(status, 201, "{body}");

    // API tokens work like sessions.
    let (status, _, body) = server.call(
        "POST",
        "/api/v1/tokens",
        Some(&a),
        Some(json!({"label": "脚本"})),
    );
    assert_eq!(status, 201, "{body}");
    let api_token = body["token"].as_str().unwrap().to_string();
    let (status, _, body) = server.call("GET", "/api/v1/property/W1", Some(&api_token), None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "seized");

    // The OpenAPI document lists every route.
    let (status, _, doc) = server.call("GET", "/api/v1/openapi.json", None, None);
    assert_eq!(status, 200);
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/session",
        "/api/v1/tokens",
        "/api/v1/password",
        "/api/v1/{kind}",
        "/api/v1/{kind}/{id}",
        "/api/v1/{kind}/{id}/timeline",
        "/api/v1/person/{id}/reveal",
        "/api/v1/audit",
        "/api/v1/commands",
        "/api/v1/openapi.json",
    ] {
        assert!(
            paths.contains_key(path),
            "{path} missing from {:?}",
            paths.keys().collect::<Vec<_>>()
        );
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[test]
fn five_wrong_passwords_answer_429_with_a_problem_and_retry_after() {
    let server = Server::start(ROOT);
    let login = |password: &str| {
        server.request(
            "POST",
            "/api/v1/session",
            None,
            Some(
                json!({"username": "admin", "password": password})
                    .to_string()
                    .into_bytes(),
            ),
        )
    };
    for attempt in 1..=4 {
        let answer = login("wrong-password");
        answer.assert_problem(422, "invalid", &format!("wrong password {attempt}"));
    }
    let fifth = login("wrong-password");
    fifth.assert_problem(429, "account_locked", "the fifth wrong password");
    // Locked even for the right password, with when to retry.
    let right = login("initial-pass-0");
    right.assert_problem(429, "account_locked", "the right password while locked");
    assert!(right.body["detail"].as_str().unwrap().contains("锁定"));
    assert!(right.body["detail_en"].as_str().unwrap().contains("locked"));
    let retry_after: u64 = right.retry_after.as_deref().unwrap().parse().unwrap();
    assert!(
        (14 * 60..=15 * 60).contains(&retry_after),
        "Retry-After {retry_after}"
    );
}

/// The dashboard counts the open warnings of a unit and the units under it, as the world keeps
/// them: a county sees both stations', a station its own; a cleared or closed warning no longer
/// counts; a sibling's or the parent's unit answers 404 as a unit that does not exist.
#[test]
fn the_dashboard_counts_open_warnings_in_scope() {
    let at = "2026-01-05T08:00:00+08:00";
    let mut setup = String::from(ROOT);
    let mut push = |fact: serde_json::Value| {
        setup.push_str(&fact.to_string());
        setup.push('\n');
    };
    push(
        json!({"fact": "unit.defined", "at": at, "id": "UC", "name": "某市公安局", "parent": "U0", "level": "city"}),
    );
    push(
        json!({"fact": "unit.defined", "at": at, "id": "U1", "name": "某县公安局", "parent": "UC", "level": "county"}),
    );
    for (unit, name) in [("UA", "甲派出所"), ("UB", "乙派出所")] {
        push(
            json!({"fact": "unit.defined", "at": at, "id": unit, "name": name, "parent": "U1", "level": "station"}),
        );
        push(
            json!({"fact": "officer.defined", "at": at, "id": format!("O{unit}"), "name": "民警", "unit": unit, "gender": "male", "roles": ["officer"]}),
        );
        push(
            json!({"fact": "case.accepted", "at": at, "id": format!("C{unit}"), "unit": unit, "kind": "criminal", "category": "050200"}),
        );
    }
    push(
        json!({"fact": "officer.defined", "at": at, "id": "OC", "name": "督察", "unit": "U1", "gender": "male", "roles": ["officer", "supervisor"]}),
    );
    // (id, rule, case, level): UA has a red XS-04, two yellow XS-01 and a blue one later
    // cleared; UB a red XS-04.
    let raised = [
        ("W1", "XS-04", "CUA", "red"),
        ("W2", "XS-01", "CUA", "yellow"),
        ("W3", "XS-01", "CUA", "yellow"),
        ("W4", "XS-01", "CUA", "blue"),
        ("W5", "XS-04", "CUB", "red"),
    ];
    for (id, rule, case, level) in raised {
        push(
            json!({"fact": "warning.raised", "at": "2026-01-05T09:00:00+08:00", "id": id, "rule": rule, "element": "case", "subject": case, "level": level, "message": "测试预警"}),
        );
    }
    push(json!({"fact": "warning.cleared", "at": "2026-01-05T10:00:00+08:00", "id": "W4"}));
    let server = Server::start(&setup);
    let county = server.signed_in("OC");
    let station = server.signed_in("OUA");
    let summary = |token: &str, query: &str| {
        let (status, _, body) = server.call(
            "GET",
            &format!("/api/v1/dashboard{query}"),
            Some(token),
            None,
        );
        assert_eq!(status, 200, "{query}: {body}");
        let levels: Vec<(String, u64)> = body["by_level"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["level"].as_str().unwrap().to_string(),
                    l["count"].as_u64().unwrap(),
                )
            })
            .collect();
        let rules: Vec<(String, String, u64)> = body["by_rule"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let text = |k: &str| r[k].as_str().unwrap().to_string();
                (text("rule"), text("level"), r["count"].as_u64().unwrap())
            })
            .collect();
        (
            body["unit"].as_str().unwrap().to_string(),
            body["open_warnings"].as_u64().unwrap(),
            levels,
            rules,
        )
    };
    let level = |red: u64, yellow: u64, blue: u64| {
        vec![
            ("red".to_string(), red),
            ("yellow".to_string(), yellow),
            ("blue".to_string(), blue),
        ]
    };
    let rule = |r: &str, l: &str, n: u64| (r.to_string(), l.to_string(), n);
    assert_eq!(
        summary(&county, ""),
        (
            "U1".into(),
            4,
            level(2, 2, 0),
            vec![rule("XS-01", "yellow", 2), rule("XS-04", "red", 2)]
        )
    );
    assert_eq!(
        summary(&county, "?unit=UA"),
        (
            "UA".into(),
            3,
            level(1, 2, 0),
            vec![rule("XS-01", "yellow", 2), rule("XS-04", "red", 1)]
        )
    );
    assert_eq!(summary(&station, ""), summary(&county, "?unit=UA"));
    // Closing a warning's loop takes it off the dashboard.
    let (status, _, body) = server.command(
        &county,
        json!({"commands": [
            {"fact": "warning.verified", "id": "W5", "confirmed": false, "reason": "误报"},
            {"fact": "warning.closed", "id": "W5"}
        ]}),
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(summary(&county, "").1, 3);
    for unit in ["UB", "U1", "nowhere"] {
        let (status, _, body) = server.call(
            "GET",
            &format!("/api/v1/dashboard?unit={unit}"),
            Some(&station),
            None,
        );
        assert_eq!(
            (status, body["code"].as_str()),
            (404, Some("not_found")),
            "{unit}: {body}"
        );
    }
}
