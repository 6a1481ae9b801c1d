//! The pages over real HTTP: log in with the form, change the initial password, work.

mod support;

struct Server {
    served: support::Served,
    agent: ureq::Agent,
}

fn start() -> Server {
    let served = support::serve("");
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    Server { served, agent }
}

struct Answer {
    status: u16,
    location: String,
    cookie: Option<String>,
    body: String,
}

impl Server {
    fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        let mut request = self.agent.get(&format!("{}{}", self.served.base, path));
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        answer(request.call().unwrap())
    }

    fn post(
        &self,
        path: &str,
        cookie: Option<&str>,
        form: &[(&str, &str)],
        origin: Option<&str>,
    ) -> Answer {
        let mut request = self.agent.post(&format!("{}{}", self.served.base, path));
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        if let Some(origin) = origin {
            request = request.header("Origin", origin);
        }
        answer(request.send_form(form.iter().copied()).unwrap())
    }

    /// Logs in through the form, is sent to /password, changes it; returns the cookie.
    fn first_login(&self, username: &str, initial: &str) -> String {
        let login = self.post(
            "/login",
            None,
            &[("username", username), ("password", initial)],
            None,
        );
        assert_eq!(login.status, 303, "{}", login.body);
        assert_eq!(login.location, "/password");
        let cookie = login.cookie.expect("a session cookie");
        let blocked = self.get("/", Some(&cookie));
        assert_eq!(
            (blocked.status, blocked.location.as_str()),
            (303, "/password"),
            "nothing before the password is changed"
        );
        let form = self.get("/password", Some(&cookie));
        assert!(form.body.contains("首次登录"), "{}", form.body);
        let new = format!("{initial}-new");
        let changed = self.post(
            "/password",
            Some(&cookie),
            &[
                ("old_password", initial),
                ("new_password", &new),
                ("confirm", &new),
            ],
            None,
        );
        assert_eq!(
            (changed.status, changed.location.as_str()),
            (303, "/"),
            "{}",
            changed.body
        );
        cookie
    }
}

fn answer(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(String::from)
    };
    let location = header("location").unwrap_or_default();
    let set_cookie = header("set-cookie");
    if let Some(set) = &set_cookie {
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
    }
    let cookie = set_cookie
        .and_then(|c| c.split(';').next().map(String::from))
        .filter(|c| c.starts_with("zhifa_session=") && c.len() > 20);
    Answer {
        status: response.status().as_u16(),
        location,
        cookie,
        body: response.body_mut().read_to_string().unwrap(),
    }
}

fn id_number(first17: &str) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

#[test]
fn login_password_workbench_forms_and_scope() {
    let server = start();

    let page = server.get("/login", None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("用户名") && page.body.contains("密码"));
    let wrong = server.post(
        "/login",
        None,
        &[("username", "zhangsan"), ("password", "wrong-password")],
        None,
    );
    assert_eq!(wrong.status, 401);
    assert!(wrong.body.contains("用户名或密码错误"));
    assert_eq!(server.get("/", None).location, "/login");
    let css = server.get("/assets/zhifa.css", None);
    assert_eq!(css.status, 200);
    assert!(css.body.contains(".topbar"));

    let a = server.first_login("zhangsan", "initial-pass-a");
    let home = server.get("/", Some(&a));
    assert_eq!(home.status, 200);
    for text in [
        "工作台",
        "张三",
        "甲派出所",
        "最新警情",
        "办案中心在区人员",
        "接警登记",
    ] {
        assert!(home.body.contains(text), "missing {text}");
    }

    // A cross-site form post is refused before it reaches the handler.
    let forged = server.post(
        "/act/case_accept",
        Some(&a),
        &[("id", "CX")],
        Some("https://evil.example"),
    );
    assert_eq!(forged.status, 403);

    // Forms record facts.
    let form = server.get("/act/case_accept", Some(&a));
    assert!(
        form.body.contains("受案登记") && form.body.contains("value=\"UA\""),
        "{}",
        form.body
    );
    let at = "2026-03-02T09:30";
    let accepted = server.post(
        "/act/case_accept",
        Some(&a),
        &[
            ("id", "C1"),
            ("unit", "UA"),
            ("kind", "criminal"),
            ("category", "050200"),
            ("at", at),
        ],
        None,
    );
    assert_eq!(
        (accepted.status, accepted.location.as_str()),
        (303, "/e/case/C1"),
        "{}",
        accepted.body
    );
    let case = server.get("/e/case/C1", Some(&a));
    assert_eq!(case.status, 200);
    for text in [
        "已受案",
        "刑事案件",
        "立案",
        "不予立案",
        "关联人员",
        "扣押财物",
        "签发文书",
        "时间轴",
        "受案",
    ] {
        assert!(case.body.contains(text), "missing {text}");
    }
    let missing = server.post("/act/case_file", Some(&a), &[("id", ""), ("at", at)], None);
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("请填写"));

    // Prohibited before filing: the form offers an override with a reason.
    let seize = [
        ("id", "W1"),
        ("case", "C1"),
        ("measure", "seizure"),
        ("category", "phone"),
        ("seized_by", "OA"),
        ("at", at),
    ];
    let refused = server.post("/act/property_seize", Some(&a), &seize, None);
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("CW-14") && refused.body.contains("强制提交理由"),
        "{}",
        refused.body
    );
    let mut with_reason = seize.to_vec();
    with_reason.push(("override_reason", "紧急情况，防止证据灭失"));
    let overridden = server.post("/act/property_seize", Some(&a), &with_reason, None);
    assert_eq!(
        (overridden.status, overridden.location.as_str()),
        (303, "/e/property/W1"),
        "{}",
        overridden.body
    );

    // A person: ID number masked, revealed for a reason.
    let number = id_number("11010519491231002");
    let registered = server.post(
        "/act/person_register",
        Some(&a),
        &[
            ("id", "P1"),
            ("name", "某甲"),
            ("gender", "female"),
            ("id_number", &number),
            ("at", at),
        ],
        None,
    );
    assert_eq!(registered.status, 303, "{}", registered.body);
    let linked = server.post(
        "/act/person_link",
        Some(&a),
        &[
            ("id", "P1"),
            ("case", "C1"),
            ("role", "suspect"),
            ("at", at),
        ],
        None,
    );
    assert_eq!(linked.status, 303, "{}", linked.body);
    let person = server.get("/e/person/P1", Some(&a));
    assert_eq!(person.status, 200);
    assert!(person.body.contains("查看完整号码") && person.body.contains("/e/case/C1"));
    assert!(
        !person.body.contains(&number),
        "the full number must not appear"
    );
    let revealed = server.post(
        "/e/person/P1/reveal",
        Some(&a),
        &[("reason", "核查身份")],
        None,
    );
    assert_eq!(revealed.status, 200);
    assert!(revealed.body.contains(&number));

    // Lists link to element pages.
    let list = server.get("/list/case?status=accepted", Some(&a));
    assert_eq!(list.status, 200);
    assert!(list.body.contains("href=\"/e/case/C1\""), "{}", list.body);

    // A sibling station: 404 pages, and its forms cannot touch the case.
    let b = server.first_login("lisi", "initial-pass-b");
    assert_eq!(server.get("/e/case/C1", Some(&b)).status, 404);
    assert_eq!(server.get("/e/person/P1", Some(&b)).status, 404);
    assert_eq!(
        server
            .post(
                "/e/person/P1/reveal",
                Some(&b),
                &[("reason", "核查身份")],
                None
            )
            .status,
        404
    );
    let touched = server.post(
        "/act/case_file",
        Some(&b),
        &[("id", "C1"), ("at", at)],
        None,
    );
    assert_eq!(touched.status, 422);
    assert!(touched.body.contains("未找到"));
    assert!(
        !server
            .get("/list/case", Some(&b))
            .body
            .contains("/e/case/C1")
    );

    // The administrator's page; officers may not enter it.
    assert_eq!(server.get("/admin", Some(&a)).status, 403);
    let admin = server.first_login("admin", "initial-pass-0");
    let page = server.get("/admin", Some(&admin));
    assert_eq!(page.status, 200);
    for text in [
        "民警与账号",
        "张三",
        "zhangsan",
        "开通或重置账号",
        "设立单位",
        "登记民警",
    ] {
        assert!(page.body.contains(text), "missing {text}");
    }
    let disabled = server.post(
        "/admin/account/disabled",
        Some(&admin),
        &[("officer", "OB"), ("disabled", "1")],
        None,
    );
    assert_eq!(disabled.status, 303, "{}", disabled.body);
    assert_eq!(
        server.get("/", Some(&b)).location,
        "/login",
        "a disabled account's session ends"
    );
    let reset = server.post(
        "/admin/account",
        Some(&admin),
        &[
            ("officer", "OB"),
            ("username", "lisi"),
            ("password", "reset-pass-b"),
        ],
        None,
    );
    assert_eq!(reset.status, 303, "{}", reset.body);
    let defined = server.post(
        "/act/unit_define",
        Some(&admin),
        &[
            ("id", "UD"),
            ("name", "丙派出所"),
            ("parent", "U1"),
            ("level", "station"),
            ("at", at),
        ],
        None,
    );
    assert_eq!(
        (defined.status, defined.location.as_str()),
        (303, "/e/unit/UD"),
        "{}",
        defined.body
    );

    // Logging out ends the session.
    let out = server.post("/logout", Some(&a), &[], None);
    assert_eq!(out.location, "/login");
    assert_eq!(server.get("/", Some(&a)).location, "/login");
}

impl Server {
    /// Submits an action form that must succeed; returns where it leads.
    fn act(&self, cookie: &str, code: &str, form: &[(&str, &str)]) -> String {
        let answer = self.post(&format!("/act/{code}"), Some(cookie), form, None);
        assert_eq!(answer.status, 303, "{code}: {}", answer.body);
        answer.location
    }

    /// Submits an action form that must be refused; returns the form page shown again.
    fn refused(&self, cookie: &str, code: &str, form: &[(&str, &str)]) -> String {
        let answer = self.post(&format!("/act/{code}"), Some(cookie), form, None);
        assert_eq!(answer.status, 422, "{code} was accepted");
        answer.body
    }

    /// An element page that must be shown.
    fn page(&self, cookie: &str, path: &str) -> String {
        let answer = self.get(path, Some(cookie));
        assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        answer.body
    }
}

/// The business time of the n-th step of a story, ten minutes apart, on one morning.
fn step(n: u32) -> String {
    let minutes = 8 * 60 + 10 * n;
    format!("2026-03-02T{:02}:{:02}", minutes / 60, minutes % 60)
}

fn assert_contains(page: &str, texts: &[&str]) {
    for text in texts {
        assert!(page.contains(text), "missing {text}");
    }
}

#[test]
fn an_administrative_case_from_incident_to_archive_through_the_forms() {
    let server = start();
    let a = server.first_login("zhangsan", "initial-pass-a");

    // An incident received as criminal turns out to be a fight (治安).
    let t = step(0);
    server.act(
        &a,
        "incident_receive",
        &[
            ("id", "J1"),
            ("unit", "UA"),
            ("source", "phone_110"),
            ("nature", "criminal"),
            ("category", "050200"),
            ("at", &t),
        ],
    );
    let incident = server.page(&a, "/e/incident/J1");
    assert_contains(&incident, &["性质变更", "关联执法记录仪视频"]);
    let t = step(1);
    let to = server.act(
        &a,
        "incident_recategorize",
        &[
            ("id", "J1"),
            ("nature", "administrative"),
            ("category", "order.fight"),
            ("at", &t),
        ],
    );
    assert_eq!(to, "/e/incident/J1");
    let incident = server.page(&a, "/e/incident/J1");
    assert_contains(
        &incident,
        &["接警时性质", "刑事", "行政(治安)", "警情性质变更"],
    );

    // The case and its suspect.
    let t = step(2);
    server.act(
        &a,
        "case_accept",
        &[
            ("id", "C2"),
            ("unit", "UA"),
            ("kind", "administrative"),
            ("category", "order.fight"),
            ("incident", "J1"),
            ("committed_at", "2026-03-01T22:30"),
            ("at", &t),
        ],
    );
    server.act(
        &a,
        "person_register",
        &[
            ("id", "P2"),
            ("name", "某乙"),
            ("gender", "male"),
            ("at", &t),
        ],
    );
    server.act(
        &a,
        "person_link",
        &[
            ("id", "P2"),
            ("case", "C2"),
            ("role", "suspect"),
            ("at", &t),
        ],
    );
    let case = server.page(&a, "/e/case/C2");
    assert_contains(
        &case,
        &[
            "href=\"/e/person/P2\"",
            "嫌疑人",
            "href=\"/e/incident/J1\"",
            "违法犯罪行为发生时间",
            "2026-03-01 22:30",
            "调查取证",
            "处罚前告知",
            "法制审核通过",
            "作出处理决定",
            "结案",
        ],
    );
    assert!(
        !case.contains("移送审查起诉"),
        "administrative cases are not prosecuted"
    );

    // Questioning: a measure whose limit is in hours, extended from 8 to 24.
    let t = step(3);
    server.act(
        &a,
        "measure_start",
        &[
            ("id", "M1"),
            ("person", "P2"),
            ("case", "C2"),
            ("kind", "admin_questioning"),
            ("at", &t),
        ],
    );
    let t = step(4);
    let in_days = server.refused(
        &a,
        "measure_extend",
        &[
            ("id", "M1"),
            ("days", "1"),
            ("approved_by", "OA"),
            ("at", &t),
        ],
    );
    assert_contains(&in_days, &["以小时计", "class=\"bad\""]);
    server.act(
        &a,
        "measure_extend",
        &[
            ("id", "M1"),
            ("hours", "24"),
            ("approved_by", "OA"),
            ("at", &t),
        ],
    );
    server.act(&a, "measure_family_notify", &[("id", "M1"), ("at", &t)]);
    let measure = server.page(&a, "/e/measure/M1");
    assert_contains(&measure, &["延长至(小时)", "24", "措施延长", "通知家属"]);
    assert!(
        !measure.contains("/act/measure_deliver")
            && !measure.contains("/act/measure_family_notify"),
        "questioning is not delivered, and the family was notified once"
    );

    // The case-handling center: enter, check, place, question, leave.
    let t = step(5);
    server.act(
        &a,
        "custody_enter",
        &[
            ("id", "S1"),
            ("person", "P2"),
            ("center", "UA"),
            ("case", "C2"),
            ("basis", "M1"),
            ("at", &t),
        ],
    );
    server.act(&a, "custody_security_check", &[("id", "S1"), ("at", &t)]);
    server.act(&a, "custody_info_collect", &[("id", "S1"), ("at", &t)]);
    let t = step(6);
    server.act(
        &a,
        "custody_place",
        &[
            ("id", "S1"),
            ("room", "讯询问室2"),
            ("room_kind", "interrogation"),
            ("at", &t),
        ],
    );
    let stay = server.page(&a, "/e/stay/S1");
    assert_contains(
        &stay,
        &["人身安全检查", "信息采集", "讯询问室2", "就餐登记"],
    );
    assert!(
        !stay.contains("/act/custody_security_check"),
        "a security check is recorded once"
    );
    assert!(
        stay.contains("/act/interrogation_hold?stay=S1&#38;person=P2&#38;case=C2"),
        "questioning in the center is prefilled from the stay: {stay}"
    );
    let (start, end) = (step(7), format!("{}:00+08:00", step(10)));
    let end_local = &end[..16];
    let questioning = [
        ("id", "X1"),
        ("person", "P2"),
        ("case", "C2"),
        ("kind", "questioning"),
        ("end", end_local),
        ("officers", "OA"),
        ("stay", "S1"),
        ("av_recorded", "1"),
        ("at", start.as_str()),
    ];
    let alone = server.refused(&a, "interrogation_hold", &questioning);
    assert_contains(&alone, &["CS-05", "两名以上人民警察", "强制提交理由"]);
    let mut two = questioning.to_vec();
    // A sibling station's officer cannot be named: the form says "not found", as it would for
    // an officer who does not exist.
    two[5] = ("officers", "OA，OB");
    let sibling = server.refused(&a, "interrogation_hold", &two);
    assert_contains(&sibling, &["未找到该记录，或不在您的管辖范围内"]);
    two[5] = ("officers", "OA，OA2");
    let to = server.act(&a, "interrogation_hold", &two);
    assert_eq!(to, "/e/interrogation/X1");
    assert_contains(
        &server.page(&a, "/e/interrogation/X1"),
        &["询问", "同步录音录像", "OA2"],
    );
    let t = step(11);
    server.act(
        &a,
        "custody_exit",
        &[("id", "S1"), ("destination", "released"), ("at", &t)],
    );
    let stay = server.page(&a, "/e/stay/S1");
    assert_contains(&stay, &["已离区"]);
    assert!(
        !stay.contains("/act/"),
        "nothing more happens to a stay that ended"
    );
    server.act(
        &a,
        "measure_end",
        &[("id", "M1"), ("outcome", "released"), ("at", &t)],
    );

    // Property: seized, kept by someone else, out for appraisal and back, returned.
    let t = step(12);
    server.act(
        &a,
        "property_seize",
        &[
            ("id", "W2"),
            ("case", "C2"),
            ("measure", "seizure"),
            ("category", "knife"),
            ("seized_by", "OA"),
            ("at", &t),
        ],
    );
    server.act(
        &a,
        "property_store",
        &[
            ("id", "W2"),
            ("location", "保管室A-01"),
            ("custodian", "OA2"),
            ("at", &t),
        ],
    );
    let t = step(13);
    let due = step(30);
    server.act(
        &a,
        "property_check_out",
        &[
            ("id", "W2"),
            ("purpose", "鉴定"),
            ("due", &due),
            ("approved_by", "OA"),
            ("at", &t),
        ],
    );
    let property = server.page(&a, "/e/property/W2");
    assert_contains(&property, &["已出库", "归还入库"]);
    let t = step(14);
    server.act(&a, "property_check_in", &[("id", "W2"), ("at", &t)]);
    assert_contains(
        &server.page(&a, "/e/property/W2"),
        &["在库", "归还入库", "/act/property_check_out?id=W2"],
    );
    server.act(
        &a,
        "property_dispose",
        &[("id", "W2"), ("method", "returned_to_owner"), ("at", &t)],
    );
    let property = server.page(&a, "/e/property/W2");
    assert_contains(&property, &["已处置", "发还所有人"]);
    assert!(
        !property.contains("/act/"),
        "a disposed item offers nothing"
    );

    // The decision: refused before the prior notice (XZ-06), recorded after it.
    let t = step(15);
    let decision = [
        ("id", "C2"),
        ("decision", "penalty"),
        ("decided_by_unit", "UA"),
        ("penalties.person", "P2"),
        ("penalties.kind", "fine"),
        ("penalties.amount_yuan", "500"),
        ("penalties.days", ""),
        ("at", t.as_str()),
    ];
    let early = server.refused(&a, "case_decide", &decision);
    assert_contains(&early, &["XZ-06", "处罚前告知", "value=\"P2\""]);
    server.act(
        &a,
        "case_act",
        &[("id", "C2"), ("act", "questioning"), ("at", &t)],
    );
    server.act(
        &a,
        "case_prior_notice",
        &[("id", "C2"), ("person", "P2"), ("at", &t)],
    );
    server.act(
        &a,
        "case_review_pass",
        &[("id", "C2"), ("reviewer", "OA"), ("at", &t)],
    );
    let t = step(16);
    let mut decision = decision.to_vec();
    decision[7] = ("at", t.as_str());
    server.act(&a, "case_decide", &decision);
    let case = server.page(&a, "/e/case/C2");
    assert_contains(
        &case,
        &["已决定", "给予处罚", "罚款", "500", "法制审核通过"],
    );
    assert!(!case.contains("/act/case_decide"), "decided once");

    // The decision document, numbered by Zhifa and served on the person.
    let to = server.act(
        &a,
        "document_issue",
        &[
            ("id", "D1"),
            ("case", "C2"),
            ("kind", "penalty_decision"),
            ("number", ""),
            ("subject", "P2"),
            ("at", &t),
        ],
    );
    assert_eq!(to, "/e/document/D1");
    let t = step(17);
    server.act(
        &a,
        "document_serve",
        &[("id", "D1"), ("to", "P2"), ("at", &t)],
    );
    assert_contains(&server.page(&a, "/e/document/D1"), &["已送达", "文书送达"]);

    // Closed, then archived: an archived case offers no more actions.
    let t = step(18);
    server.act(&a, "case_close", &[("id", "C2"), ("at", &t)]);
    assert_contains(
        &server.page(&a, "/e/case/C2"),
        &["已结案", "/act/case_archive?id=C2"],
    );
    server.act(&a, "case_archive", &[("id", "C2"), ("at", &t)]);
    let case = server.page(&a, "/e/case/C2");
    assert_contains(&case, &["已归档"]);
    assert!(!case.contains("/act/"), "an archived case offers nothing");
    let late = server.refused(
        &a,
        "case_act",
        &[("id", "C2"), ("act", "other"), ("at", &t)],
    );
    assert_contains(&late, &["已归档"]);

    // The calendar is the administrator's, and leads back to the admin page.
    let admin = server.first_login("admin", "initial-pass-0");
    let to = server.act(
        &admin,
        "calendar_day",
        &[("date", "2026-10-01"), ("kind", "holiday"), ("at", &t)],
    );
    assert_eq!(to, "/admin?done=calendar");
    assert_contains(
        &server.page(&admin, &to),
        &["节假日安排已录入", "设置节假日/调休上班"],
    );
    assert_eq!(
        server
            .post(
                "/act/calendar_day",
                Some(&a),
                &[("date", "2026-10-08"), ("kind", "workday"), ("at", &t)],
                None
            )
            .status,
        403,
        "officers do not keep the calendar"
    );
}

/// A case of station A with two warnings the engine raised (imported), and a county legal
/// officer (法制员) whose account the administrator opens.
const WARNINGS: &str = r#"{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OL","name":"赵法制","unit":"U1","gender":"male","roles":["legal_officer"]}
{"fact":"case.accepted","at":"2026-03-02T07:00:00+08:00","id":"C9","unit":"UA","kind":"criminal","category":"050200"}
{"fact":"warning.raised","at":"2026-03-02T07:30:00+08:00","id":"YJ1","rule":"XS-04","element":"case","subject":"C9","level":"yellow","due":"2026-03-02T12:00:00+08:00","message":"立案前采取强制措施"}
{"fact":"warning.level_changed","at":"2026-03-02T07:40:00+08:00","id":"YJ1","level":"red","due":"2026-03-02T12:00:00+08:00","message":"立案前采取强制措施，已逾期"}
{"fact":"warning.raised","at":"2026-03-02T07:30:00+08:00","id":"YJ2","rule":"RQ-04","element":"case","subject":"C9","level":"blue","message":"讯问时长临近上限"}
"#;

/// 退回补充侦查 (XS-11, CPL §175) and 立案监督 (XS-06, 刑规 §182) recorded on a case's page.
#[test]
fn the_procuratorates_notices_through_the_forms() {
    let server = start();
    let a = server.first_login("zhangsan", "initial-pass-a");
    let t = step(0);
    for (id, filed) in [("C7", true), ("C8", false)] {
        server.act(
            &a,
            "case_accept",
            &[
                ("id", id),
                ("unit", "UA"),
                ("kind", "criminal"),
                ("category", "050200"),
                ("at", &t),
            ],
        );
        let code = if filed { "case_file" } else { "case_not_file" };
        server.act(&a, code, &[("id", id), ("at", &step(1))]);
    }

    // Sent, then returned: the case is back with the police and may be sent again, once.
    server.act(
        &a,
        "case_send_for_prosecution",
        &[("id", "C7"), ("at", &step(2))],
    );
    let case = server.page(&a, "/e/case/C7");
    assert_contains(&case, &["已移送起诉", "登记检察机关通知"]);
    assert!(
        !case.contains("/act/case_send_for_prosecution"),
        "sent once"
    );
    let refused = server.refused(
        &a,
        "case_send_for_prosecution",
        &[("id", "C7"), ("at", &step(3))],
    );
    assert_contains(&refused, &["退回补充侦查后方可再次移送"]);
    let form = server.page(&a, "/act/case_procuratorate_notice?id=C7");
    assert_contains(
        &form,
        &[
            "退回补充侦查",
            "要求说明不立案理由",
            "通知立案",
            "不批准逮捕",
            "不起诉决定",
        ],
    );
    server.act(
        &a,
        "case_procuratorate_notice",
        &[
            ("id", "C7"),
            ("notice", "supplementary_investigation"),
            ("at", &step(4)),
        ],
    );
    let case = server.page(&a, "/e/case/C7");
    assert_contains(
        &case,
        &[
            "补充侦查中",
            "检察机关通知",
            "退回补充侦查",
            "/act/case_send_for_prosecution",
        ],
    );
    server.act(
        &a,
        "case_send_for_prosecution",
        &[("id", "C7"), ("at", &step(5))],
    );
    assert_contains(
        &server.page(&a, "/e/case/C7"),
        &["已移送起诉", "补充侦查后重新移送时间"],
    );

    // A case not filed: asked for the reasons, explained, ordered to file, filed.
    let refused = server.refused(
        &a,
        "case_procuratorate_notice",
        &[("id", "C7"), ("notice", "file_case"), ("at", &step(6))],
    );
    assert_contains(&refused, &["案件已立案"]);
    // A refusal to arrest names the detention whose arrest was requested.
    let refused = server.refused(
        &a,
        "case_procuratorate_notice",
        &[("id", "C7"), ("notice", "arrest_refused"), ("at", &step(6))],
    );
    assert_contains(
        &refused,
        &["不批准逮捕须注明提请逮捕的刑事拘留措施编号", "措施编号"],
    );
    for notice in ["explain_not_filing", "file_case"] {
        server.act(
            &a,
            "case_procuratorate_notice",
            &[("id", "C8"), ("notice", notice), ("at", &step(6))],
        );
    }
    assert_contains(
        &server.page(&a, "/e/case/C8"),
        &["不予立案", "/act/case_file"],
    );
    let form = server.page(&a, "/act/document_issue?case=C8");
    assert_contains(&form, &["不立案理由说明书"]);
    server.act(&a, "case_file", &[("id", "C8"), ("at", &step(7))]);
    assert_contains(
        &server.page(&a, "/e/case/C8"),
        &["已立案", "要求说明不立案理由", "通知立案"],
    );
}

#[test]
fn a_warning_through_its_loop_through_the_forms() {
    let server = Server {
        served: support::serve(WARNINGS),
        agent: ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into(),
    };
    let admin = server.first_login("admin", "initial-pass-0");
    let opened = server.post(
        "/admin/account",
        Some(&admin),
        &[
            ("officer", "OL"),
            ("username", "zhaofazhi"),
            ("password", "initial-pass-l"),
        ],
        None,
    );
    assert_eq!(opened.status, 303, "{}", opened.body);
    let legal = server.first_login("zhaofazhi", "initial-pass-l");
    let a = server.first_login("zhangsan", "initial-pass-a");
    let b = server.first_login("lisi", "initial-pass-b");

    // The station sees its warnings, listed and on their page: the subject as a link, the
    // levels, the deadline as 期限; an officer is not offered the check.
    let list = server.page(&a, "/list/warning");
    assert_contains(&list, &["预警", "/e/warning/YJ1", "/e/warning/YJ2", "发现"]);
    let page = server.page(&a, "/e/warning/YJ1");
    assert_contains(
        &page,
        &[
            "预警 YJ1",
            "发现",
            "href=\"/e/case/C9\"",
            "黄色预警",
            "红色预警",
            "期限",
            "立案前采取强制措施，已逾期",
        ],
    );
    assert!(!page.contains("应归还时间"), "a warning's due is its 期限");
    assert!(!page.contains("/act/warning_verify"), "{page}");
    assert_eq!(
        server.get("/act/warning_verify?id=YJ1", Some(&a)).status,
        403
    );
    let posted = server.post(
        "/act/warning_verify",
        Some(&a),
        &[("id", "YJ1"), ("confirmed", "1"), ("at", &step(1))],
        None,
    );
    assert_eq!(posted.status, 403, "officers do not check warnings");
    // The sibling station sees nothing of them.
    assert_eq!(server.get("/e/warning/YJ1", Some(&b)).status, 404);
    assert!(!server.page(&b, "/list/warning").contains("YJ1"));

    // A false positive needs its reason, and the form names the field.
    let refused = server.refused(
        &legal,
        "warning_verify",
        &[("id", "YJ2"), ("reason", ""), ("at", &step(1))],
    );
    assert_contains(&refused, &["误报", "class=\"bad\">核查意见/误报理由"]);
    server.act(
        &legal,
        "warning_verify",
        &[
            ("id", "YJ2"),
            ("reason", "讯问已按时结束，系统误判"),
            ("at", &step(1)),
        ],
    );
    assert_contains(
        &server.page(&legal, "/e/warning/YJ2"),
        &[
            "误报",
            "讯问已按时结束，系统误判",
            "/act/warning_close?id=YJ2",
        ],
    );

    // 核查 (confirmed) → 责令整改 → 整改完成 (by the station) → 办结.
    let page = server.page(&legal, "/e/warning/YJ1");
    assert_contains(&page, &["/act/warning_verify?id=YJ1"]);
    let to = server.act(
        &legal,
        "warning_verify",
        &[
            ("id", "YJ1"),
            ("confirmed", "1"),
            ("reason", "属实"),
            ("at", &step(1)),
        ],
    );
    assert_eq!(to, "/e/warning/YJ1");
    let page = server.page(&legal, &to);
    assert_contains(
        &page,
        &[
            "已核查",
            "/act/warning_order_rectification?id=YJ1",
            "/act/warning_decide_accountability?id=YJ1",
        ],
    );
    assert!(
        !page.contains("/act/warning_close"),
        "not closed before a rectification"
    );
    server.act(
        &legal,
        "warning_order_rectification",
        &[
            ("id", "YJ1"),
            ("deadline", "2026-03-09T18:00"),
            ("instruction", "补办立案手续"),
            ("at", &step(2)),
        ],
    );
    let page = server.page(&a, "/e/warning/YJ1");
    assert_contains(
        &page,
        &[
            "整改中",
            "补办立案手续",
            "2026-03-09 18:00",
            "/act/warning_rectify?id=YJ1",
        ],
    );
    server.act(
        &a,
        "warning_rectify",
        &[
            ("id", "YJ1"),
            ("evidence", "已补办立案决定书"),
            ("at", &step(3)),
        ],
    );
    let page = server.page(&legal, "/e/warning/YJ1");
    assert_contains(
        &page,
        &["已整改", "已补办立案决定书", "/act/warning_close?id=YJ1"],
    );
    server.act(
        &legal,
        "warning_close",
        &[("id", "YJ1"), ("note", "整改到位"), ("at", &step(4))],
    );
    let page = server.page(&a, "/e/warning/YJ1");
    assert_contains(
        &page,
        &[
            "已办结",
            "办结时间",
            "整改到位",
            "核查",
            "责令整改",
            "整改完成",
            "办结",
        ],
    );
    assert!(!page.contains("/act/"), "a closed loop offers nothing");
    // The loop's steps, each with its time, in order.
    for (label, at) in [
        ("核查", "2026-03-02 08:10"),
        ("责令整改", "2026-03-02 08:20"),
        ("整改完成", "2026-03-02 08:30"),
        ("办结", "2026-03-02 08:40"),
    ] {
        assert!(
            page.contains(&format!(
                "<span class=\"step\">{label}</span> <span class=\"when\">{at}</span>"
            )),
            "{label} at {at}"
        );
    }
    // A second closing is refused.
    let again = server.refused(&legal, "warning_close", &[("id", "YJ1"), ("at", &step(5))]);
    assert_contains(&again, &["督办办结"]);
}

/// Warnings of two sibling stations worked through the loop (imported), a county legal officer
/// and a legal officer of station B. On 2026-03-02: YJ1 (A) blue since 03-01, red at 08:00,
/// never handled; YJ2 (A) yellow, verified within the hour, rectification due 20:00, done only
/// on 03-04; YJ3 (B) red, cleared by the engine an hour later. YJ4 (A, 03-05) verified, ordered
/// due 03-06 and never rectified, cleared by the engine.
const BULLETIN_FACTS: &str = r#"{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OL","name":"赵法制","unit":"U1","gender":"male","roles":["legal_officer"]}
{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OLB","name":"钱法制","unit":"UB","gender":"female","roles":["legal_officer"]}
{"fact":"case.accepted","at":"2026-02-01T08:00:00+08:00","id":"C1","unit":"UA","kind":"criminal","category":"050200"}
{"fact":"case.accepted","at":"2026-02-01T08:00:00+08:00","id":"C2","unit":"UB","kind":"criminal","category":"050200"}
{"fact":"warning.raised","at":"2026-03-01T10:00:00+08:00","id":"YJ1","rule":"XS-04","element":"case","subject":"C1","level":"blue","message":"立案前采取强制措施"}
{"fact":"warning.level_changed","at":"2026-03-02T08:00:00+08:00","id":"YJ1","level":"red","message":"立案前采取强制措施，已逾期"}
{"fact":"warning.raised","at":"2026-03-02T09:00:00+08:00","id":"YJ2","rule":"XS-04","element":"case","subject":"C1","level":"yellow","message":"立案前采取强制措施"}
{"fact":"warning.verified","at":"2026-03-02T10:00:00+08:00","id":"YJ2","confirmed":true}
{"fact":"warning.rectification_ordered","at":"2026-03-02T11:00:00+08:00","id":"YJ2","deadline":"2026-03-02T20:00:00+08:00","instruction":"补办立案手续"}
{"fact":"warning.raised","at":"2026-03-02T12:00:00+08:00","id":"YJ3","rule":"RQ-04","element":"case","subject":"C2","level":"red","message":"刑事拘留后未送押"}
{"fact":"warning.cleared","at":"2026-03-02T13:00:00+08:00","id":"YJ3"}
{"fact":"warning.rectified","at":"2026-03-04T09:00:00+08:00","id":"YJ2","evidence":"已补办立案决定书"}
{"fact":"warning.raised","at":"2026-03-05T10:00:00+08:00","id":"YJ4","rule":"RQ-04","element":"case","subject":"C1","level":"blue","message":"刑事拘留后未送押"}
{"fact":"warning.verified","at":"2026-03-05T11:00:00+08:00","id":"YJ4","confirmed":true}
{"fact":"warning.rectification_ordered","at":"2026-03-05T12:00:00+08:00","id":"YJ4","deadline":"2026-03-06T12:00:00+08:00","instruction":"说明原因"}
{"fact":"warning.cleared","at":"2026-03-05T13:00:00+08:00","id":"YJ4"}
"#;

/// The texts of the cells of the table row `data-unit="{unit}"` (the first such row after
/// `table`), tags stripped.
fn row_cells(html: &str, table: &str, unit: &str) -> Vec<String> {
    let from = html.find(table).unwrap_or_else(|| panic!("no {table}"));
    let html = &html[from..];
    let start = html
        .find(&format!("<tr data-unit=\"{unit}\""))
        .unwrap_or_else(|| panic!("no row {unit}"));
    let row = &html[start..start + html[start..].find("</tr>").unwrap()];
    row.split("<td")
        .skip(1)
        .map(|cell| {
            let cell = &cell[cell.find('>').unwrap() + 1..];
            let mut text = String::new();
            let mut in_tag = false;
            for c in cell.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().to_string()
        })
        .collect()
}

impl Server {
    /// A download: status, Content-Disposition and the bytes.
    fn download(&self, path: &str, cookie: &str) -> (u16, String, Vec<u8>) {
        let mut response = self
            .agent
            .get(&format!("{}{}", self.served.base, path))
            .header("Cookie", cookie)
            .call()
            .unwrap();
        let disposition = response
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let status = response.status().as_u16();
        (
            status,
            disposition,
            response.body_mut().read_to_vec().unwrap(),
        )
    }
}

/// The texts of one column of a sheet.
fn sheet_column(bytes: &[u8], sheet: &str, column: usize) -> Vec<String> {
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| r.get(column).map(|c| c.to_string()).unwrap_or_default())
        .collect()
}

/// The row of `sheet` whose cell `column` is `name`, as the page shows it: counts as integers,
/// shares as `66.7%`.
fn sheet_row(bytes: &[u8], sheet: &str, column: usize, name: &str) -> Vec<String> {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    let row = range
        .rows()
        .find(|r| r.get(column).is_some_and(|c| *c == *name))
        .unwrap_or_else(|| panic!("no row {name} in {sheet}"));
    let headers: Vec<String> = range
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    row.iter()
        .zip(&headers)
        .map(|(cell, header)| match cell {
            Data::Float(v) if header.ends_with('率') => format!("{:.1}%", v * 100.0),
            Data::Float(v) => format!("{v}"),
            Data::Int(v) => v.to_string(),
            Data::Empty => String::new(),
            other => other.to_string(),
        })
        .collect()
}

#[test]
fn bulletins_daily_monthly_quarterly_as_pages_and_excel() {
    let server = Server {
        served: support::serve_with(
            BULLETIN_FACTS,
            &[
                ("OL", "zhaofazhi", "initial-pass-l"),
                ("OLB", "qianfazhi", "initial-pass-m"),
            ],
        ),
        agent: ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into(),
    };
    let legal = server.first_login("zhaofazhi", "initial-pass-l");
    let legal_b = server.first_login("qianfazhi", "initial-pass-m");
    let officer = server.first_login("zhangsan", "initial-pass-a");

    // Officers neither see the menu entry nor the pages (403, in Chinese).
    assert!(!server.page(&officer, "/").contains("/bulletins"));
    for path in [
        "/bulletins",
        "/bulletins/monthly",
        "/bulletins/quarterly?year=2026&quarter=1",
        "/bulletins?date=2026-03-02&format=xlsx",
    ] {
        let refused = server.get(path, Some(&officer));
        assert_eq!(refused.status, 403, "{path}");
        assert!(refused.body.contains("无权"), "{}", refused.body);
    }
    assert!(
        server
            .page(&legal, "/")
            .contains("href=\"/bulletins\">通报考评")
    );

    // 日巡通报 of 03-02 for the county: B first (no open red), then A; the county's own row.
    let page = server.page(&legal, "/bulletins?date=2026-03-02");
    assert_contains(
        &page,
        &[
            "日巡通报 · 某县公安局 · 2026-03-02",
            "导出Excel",
            "单位排名",
            "处置及时率",
        ],
    );
    assert!(page.find("data-unit=\"UB\"").unwrap() < page.find("data-unit=\"UA\"").unwrap());
    let ua = row_cells(&page, "id=\"daily-units\"", "UA");
    // rank, unit, raised, open, open red, overdue, rectification overdue, due, in time, rate
    assert_eq!(
        ua,
        ["2", "甲派出所", "1", "2", "1", "2", "1", "1", "1", "100.0%"]
    );
    assert_eq!(
        row_cells(&page, "id=\"daily-units\"", "UB"),
        ["1", "乙派出所", "1", "0", "0", "0", "0", "1", "1", "100.0%"]
    );
    assert_contains(
        &page,
        &["id=\"total-overdue\">2<", "id=\"total-raised\">2<"],
    );
    let (status, disposition, bytes) =
        server.download("/bulletins?date=2026-03-02&format=xlsx", &legal);
    assert_eq!(status, 200);
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
    assert!(
        disposition.starts_with("attachment;") && disposition.contains("filename*=UTF-8''"),
        "{disposition}"
    );
    assert_eq!(sheet_row(&bytes, "单位排名", 1, "甲派出所"), ua);
    assert_eq!(
        sheet_row(&bytes, "按规则", 0, "XS-04"),
        ["XS-04", "1", "2", "2"]
    );

    // 月督 of March: A's handling 2 of 3 in time (YJ1 ran out 03-03 08:00), no rectification
    // in time (YJ2 late, YJ4 undone); B's warning cleared by the engine before anyone acted.
    let page = server.page(&legal, "/bulletins/monthly?month=2026-03");
    assert_contains(
        &page,
        &[
            "月督 · 某县公安局 · 2026年3月",
            "2026-03-01 至 2026-03-31",
            "id=\"total-handling\">75.0%<",
            "id=\"total-rectification\">0.0%<",
        ],
    );
    let ua = row_cells(&page, "id=\"summary-units\"", "UA");
    assert_eq!(
        ua,
        [
            "甲派出所",
            "3",
            "1",
            "1",
            "1",
            "1",
            "0",
            "2",
            "0",
            "2",
            "1",
            "0",
            "0",
            "0",
            "3",
            "2",
            "66.7%",
            "2",
            "0",
            "0.0%"
        ]
    );
    assert_eq!(
        row_cells(&page, "id=\"summary-units\"", "UB")[..7],
        ["乙派出所", "1", "1", "0", "0", "1", "1"]
    );
    let (status, _, bytes) =
        server.download("/bulletins/monthly?month=2026-03&format=xlsx", &legal);
    assert_eq!(status, 200);
    assert!(bytes.starts_with(b"PK"));
    assert_eq!(sheet_row(&bytes, "月督", 0, "甲派出所"), ua);
    assert_eq!(sheet_row(&bytes, "月督", 0, "合计")[16], "75.0%");

    // 季考评 of Q1 holds the same (nothing before March).
    let page = server.page(&legal, "/bulletins/quarterly?year=2026&quarter=1");
    assert_contains(
        &page,
        &[
            "季考评 · 某县公安局 · 2026年第1季度",
            "id=\"total-handling\">75.0%<",
        ],
    );
    let (status, _, bytes) = server.download(
        "/bulletins/quarterly?year=2026&quarter=1&format=xlsx",
        &legal,
    );
    assert_eq!(status, 200);
    assert_eq!(
        sheet_row(&bytes, "季考评", 0, "甲派出所"),
        row_cells(&page, "id=\"summary-units\"", "UA")
    );

    // The board marks the overdue rectification of the cleared YJ4, and filters what is overdue.
    let board = server.page(&legal, "/warnings?state=overdue");
    assert_contains(&board, &["/e/warning/YJ1", "/e/warning/YJ4", "整改逾期"]);
    assert!(!board.contains("/e/warning/YJ3"));

    // Station B's legal officer sees B only: A is not found, in pages and files alike.
    for path in [
        "/bulletins?date=2026-03-02&unit=UA",
        "/bulletins/monthly?month=2026-03&unit=UA",
        "/bulletins/quarterly?year=2026&quarter=1&unit=UA&format=xlsx",
        "/bulletins?date=2026-03-02&unit=U1",
    ] {
        assert_eq!(server.get(path, Some(&legal_b)).status, 404, "{path}");
    }
    let page = server.page(&legal_b, "/bulletins/monthly?month=2026-03");
    assert!(!page.contains("甲派出所") && !page.contains("data-unit=\"UA\""));
    assert_contains(&page, &["id=\"total-raised\">1<", "乙派出所（本级）"]);
    let (_, _, bytes) = server.download("/bulletins?date=2026-03-02&format=xlsx", &legal_b);
    assert!(!sheet_column(&bytes, "单位排名", 1).contains(&"甲派出所".to_string()));
    assert_eq!(sheet_row(&bytes, "单位排名", 1, "合计")[2], "1");

    // Malformed periods are refused in Chinese.
    let bad = server.get("/bulletins?date=03/02", Some(&legal));
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("日期格式"));
}

/// The administrator sees which years' holidays are missing (this year's and next year's
/// matter: deadlines reach into it, rules/README.md "Counting time"), records a shipped year
/// with a button and another typed from the State Council's notice; a wrong entry records
/// nothing and comes back as typed, with its fault named.
#[test]
fn the_administrator_keeps_the_years_of_holidays() {
    let server = start();
    let admin = server.first_login("admin", "initial-pass-0");
    let this_year = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)))
        .year();
    let next_year = this_year + 1;
    let page = server.page(&admin, "/admin");
    assert_contains(
        &page,
        &[
            "法定节假日安排",
            "尚未录入任何年份",
            &format!("本年度（{this_year}年）节假日安排尚未录入"),
            &format!("{next_year}年节假日安排尚未录入"),
            "录入系统附带的2026年安排",
        ],
    );

    // A shipped year, with its button.
    let shipped = server.post(
        "/admin/calendar/shipped",
        Some(&admin),
        &[("year", "2026")],
        None,
    );
    assert_eq!(shipped.status, 303, "{}", shipped.body);
    let page = server.page(&admin, &shipped.location);
    assert_contains(
        &page,
        &["节假日安排已录入", "<td>2026年</td><td>33</td><td>6</td>"],
    );
    assert!(!page.contains("录入系统附带的2026年安排"));

    // A wrong entry: refused as a whole, the form kept as typed.
    let holidays = format!("{next_year}-01-01 元旦");
    let refused = server.post(
        "/admin/calendar",
        Some(&admin),
        &[
            ("year", &next_year.to_string()),
            ("holidays", &holidays),
            ("workdays", ""),
        ],
        None,
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_contains(&refused.body, &["放假日期：“元旦”不是日期", &holidays]);
    assert!(
        !refused.body.contains("（holidays）"),
        "the field by its label only"
    );
    assert!(!refused.body.contains(&format!("<td>{next_year}年</td>")));

    // This year and next, typed: the notices go.
    for year in [this_year, next_year] {
        if year == 2026 {
            continue; // recorded above
        }
        let saturday = (1..=7)
            .map(|d| jiff::civil::date(year, 1, d))
            .find(|d| d.weekday() == jiff::civil::Weekday::Saturday)
            .unwrap();
        let recorded = server.post(
            "/admin/calendar",
            Some(&admin),
            &[
                ("year", &year.to_string()),
                (
                    "holidays",
                    &format!("{year}-10-01至{year}-10-07，{year}-01-01"),
                ),
                ("workdays", &saturday.to_string()),
            ],
            None,
        );
        assert_eq!(recorded.status, 303, "{year}: {}", recorded.body);
        let page = server.page(&admin, &recorded.location);
        assert_contains(&page, &[&format!("<td>{year}年</td><td>8</td><td>1</td>")]);
    }
    let page = server.page(&admin, "/admin");
    assert!(
        !page.contains("节假日安排尚未录入"),
        "no notice once recorded"
    );

    // Officers do not keep the calendar.
    let a = server.first_login("zhangsan", "initial-pass-a");
    let year = next_year.to_string();
    let officer = server.post(
        "/admin/calendar",
        Some(&a),
        &[("year", &year), ("holidays", &format!("{year}-05-01"))],
        None,
    );
    assert_eq!(officer.status, 403);
}
