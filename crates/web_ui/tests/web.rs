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
