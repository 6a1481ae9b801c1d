//! The web UI in a real headless Chromium: what a person does on the first day, with the
//! browser's own cookies, redirects, form encoding and `Origin` headers (which the CSRF guard
//! checks), none of which the plain-HTTP test exercises.

mod support;
mod webdriver;

use webdriver::Browser;

/// One criminal case of 甲派出所, accepted and then filed.
const CASE: &str = r#"{"fact":"case.accepted","at":"2026-03-02T09:00:00+08:00","id":"C1","unit":"UA","kind":"criminal","category":"050200"}
{"fact":"case.filed","at":"2026-03-03T10:00:00+08:00","id":"C1"}
"#;

/// Logs in through the page; when the password must be changed, changes it to `new_password`.
/// Ends on the workbench.
fn log_in(browser: &Browser, base: &str, username: &str, password: &str, new_password: &str) {
    browser.goto(&format!("{base}/login"));
    browser.type_into("input[name=username]", username);
    browser.type_into("input[name=password]", password);
    browser.click("form[action='/login'] button[type=submit]");
    if browser.wait_for_any_path(&["/", "/password"]) == "/password" {
        assert!(
            browser.text("main").contains("首次登录"),
            "the forced change explains itself"
        );
        browser.type_into("input[name=old_password]", password);
        browser.type_into("input[name=new_password]", new_password);
        browser.type_into("input[name=confirm]", new_password);
        browser.click("form[action='/password'] button[type=submit]");
    }
    browser.wait_for_path("/");
}

#[test]
fn first_login_then_open_a_case_in_chromium() {
    let served = support::serve(CASE);
    let browser = Browser::launch(1280, 900);
    let base = &served.base;

    // Anyone not signed in is sent to the login page.
    browser.goto(&format!("{base}/"));
    browser.wait_for_path("/login");

    // A wrong password stays on the login page with a Chinese message.
    browser.type_into("input[name=username]", "zhangsan");
    browser.type_into("input[name=password]", "wrong-password");
    browser.click("form[action='/login'] button[type=submit]");
    assert!(browser.text(".error").contains("用户名或密码错误"));

    // The initial password leads to the forced change, and nowhere else.
    browser.type_into("input[name=username]", "zhangsan");
    browser.type_into("input[name=password]", "initial-pass-a");
    browser.click("form[action='/login'] button[type=submit]");
    browser.wait_for_path("/password");
    assert!(
        browser.find("nav.menu").is_none(),
        "no menu before the change"
    );
    browser.goto(&format!("{base}/list/case"));
    browser.wait_for_path("/password");
    browser.type_into("input[name=old_password]", "initial-pass-a");
    browser.type_into("input[name=new_password]", "a-new-password");
    browser.type_into("input[name=confirm]", "a-new-password");
    browser.click("form[action='/password'] button[type=submit]");

    // The workbench.
    browser.wait_for_path("/");
    assert_eq!(browser.text("main h1"), "工作台");
    assert_eq!(browser.text(".who .user"), "张三");
    assert_eq!(browser.text(".who .unit"), "甲派出所");

    // The case list, then the case.
    browser.click("nav.menu a[href='/list/case']");
    browser.wait_for_path("/list/case");
    assert_eq!(browser.text("main h1"), "案件");
    assert!(browser.text(".summary").contains("共 1 条"));
    browser.click("table a[href='/e/case/C1']");
    browser.wait_for_path("/e/case/C1");
    let heading = browser.text("main h1");
    assert!(heading.contains("案件 C1"), "{heading}");
    assert_eq!(browser.text("main h1 .status"), "已立案");
    assert_eq!(browser.text(".lead"), "刑事案件·050200");
    let facts = browser.text(".fields");
    assert!(
        facts.contains("刑事案件") && facts.contains("甲派出所"),
        "{facts}"
    );
    let timeline = browser.text(".timeline");
    assert!(
        timeline.contains("受案") && timeline.contains("立案"),
        "{timeline}"
    );

    // The page renders: a screenshot is a PNG of the page's size.
    let png = browser.screenshot_png();
    assert_eq!(webdriver::png_size(&png), (1280, 900));

    // Logging out ends the session in the browser too.
    browser.click(".who button[type=submit]");
    browser.wait_for_path("/login");
    browser.goto(&format!("{base}/e/case/C1"));
    browser.wait_for_path("/login");
}

/// A case of 甲派出所 with a warning the engine raised (imported), and a county legal officer.
const WARNING: &str = r#"{"fact":"officer.defined","at":"2026-01-01T08:00:00+08:00","id":"OL","name":"赵法制","unit":"U1","gender":"male","roles":["legal_officer"]}
{"fact":"case.accepted","at":"2026-03-02T09:00:00+08:00","id":"C9","unit":"UA","kind":"criminal","category":"050200"}
{"fact":"warning.raised","at":"2026-03-02T09:30:00+08:00","id":"YJ1","rule":"XS-04","element":"case","subject":"C9","level":"red","message":"立案前采取强制措施"}
"#;

/// Submits the action form on the page and waits for the warning's page.
fn submit_to_warning(browser: &Browser) {
    browser.click("form.form button.primary");
    browser.wait_for_path("/e/warning/YJ1");
}

#[test]
fn a_warning_through_its_loop_in_chromium() {
    let served = support::serve_with(WARNING, &[("OL", "zhaofazhi", "initial-pass-l")]);
    let browser = Browser::launch(1280, 900);
    let base = &served.base;
    let log_out = || {
        browser.click(".who button[type=submit]");
        browser.wait_for_path("/login");
    };

    // The legal officer finds the warning on the menu's board (预警督办) and checks it.
    log_in(
        &browser,
        base,
        "zhaofazhi",
        "initial-pass-l",
        "legal-new-pass",
    );
    browser.click("nav.menu a[href='/warnings']");
    browser.wait_for_path("/warnings");
    browser.click("table.warnings a[href='/e/warning/YJ1']");
    browser.wait_for_path("/e/warning/YJ1");
    assert_eq!(browser.text("main h1 .status"), "发现");
    let loop_card = browser.text(".warning-loop");
    assert!(
        loop_card.contains("红色预警") && loop_card.contains("案件 C9"),
        "{loop_card}"
    );
    browser.click(".actions a[href='/act/warning_verify?id=YJ1']");
    browser.wait_for_path("/act/warning_verify");
    // Unchecked, it would be a false positive, which needs its reason.
    browser.click("form.form button.primary");
    browser.wait_for(".error");
    assert!(
        browser.text(".error").contains("误报"),
        "{}",
        browser.text(".error")
    );
    browser.click("input[name=confirmed]");
    browser.type_into("input[name=reason]", "属实");
    submit_to_warning(&browser);
    assert_eq!(browser.text("main h1 .status"), "已核查");

    // The order, its deadline given in the link (typing into a date picker is the browser's).
    browser.goto(&format!(
        "{base}/act/warning_order_rectification?id=YJ1&deadline=2099-01-01T18:00"
    ));
    browser.type_into("input[name=instruction]", "补办立案手续");
    submit_to_warning(&browser);
    assert_eq!(browser.text("main h1 .status"), "整改中");
    log_out();

    // The station's officer reports the rectification.
    log_in(
        &browser,
        base,
        "zhangsan",
        "initial-pass-a",
        "a-new-password",
    );
    browser.goto(&format!("{base}/e/warning/YJ1"));
    browser.wait_for("main h1 .status");
    browser.click(".actions a[href='/act/warning_rectify?id=YJ1']");
    browser.wait_for_path("/act/warning_rectify");
    browser.type_into("input[name=evidence]", "已补办立案决定书");
    submit_to_warning(&browser);
    assert_eq!(browser.text("main h1 .status"), "已整改");
    log_out();

    // The legal officer closes the loop.
    log_in(
        &browser,
        base,
        "zhaofazhi",
        "legal-new-pass",
        "legal-new-pass",
    );
    browser.goto(&format!("{base}/e/warning/YJ1"));
    browser.wait_for("main h1 .status");
    browser.click(".actions a[href='/act/warning_close?id=YJ1']");
    browser.wait_for_path("/act/warning_close");
    submit_to_warning(&browser);
    assert_eq!(browser.text("main h1 .status"), "已办结");
    let steps = browser.text(".loop-steps");
    for step in ["发现", "核查", "责令整改", "整改完成", "办结"] {
        assert!(steps.contains(step), "{step} in {steps}");
    }
    assert!(
        browser.find(".actions").is_none(),
        "a closed loop offers nothing"
    );
}

/// Takes the README's workbench screenshot from a running demo (not part of the test run):
///
/// ```sh
/// cargo run --release -p zhifa -- --data /tmp/shotdemo demo --scale 0.1 --addr 127.0.0.1:8080
/// ZHIFA_SHOT_USER=demo_legal_officer ZHIFA_SHOT_PASSWORD='<printed initial password>' \
///   cargo test -p web_ui --test browser -- --ignored readme_screenshot
/// ```
///
/// `ZHIFA_SHOT_URL` (default `http://127.0.0.1:8080`), `ZHIFA_SHOT_OUT` (default
/// `docs/screenshot-workbench.png`) and `ZHIFA_SHOT_PAGE` (another page to take, such as
/// `/e/case/C0000447`) can be set; a forced password change sets `ZHIFA_SHOT_NEW_PASSWORD`
/// (default: the old one with `-shot` appended).
#[test]
#[ignore = "needs a running demo; see the doc comment"]
fn readme_screenshot() {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let base = env("ZHIFA_SHOT_URL").unwrap_or_else(|| "http://127.0.0.1:8080".into());
    let user = env("ZHIFA_SHOT_USER").unwrap_or_else(|| "demo_legal_officer".into());
    let password = env("ZHIFA_SHOT_PASSWORD").expect("ZHIFA_SHOT_PASSWORD");
    let new_password = env("ZHIFA_SHOT_NEW_PASSWORD").unwrap_or_else(|| format!("{password}-shot"));
    let out = env("ZHIFA_SHOT_OUT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../docs/screenshot-workbench.png")
        });
    let browser = Browser::launch(1280, 900);
    log_in(&browser, &base, &user, &password, &new_password);
    assert_eq!(browser.text("main h1"), "工作台");
    if let Some(page) = env("ZHIFA_SHOT_PAGE") {
        browser.goto(&format!("{base}{page}"));
        browser.wait_for("main h1");
    }
    let png = browser.screenshot_png();
    webdriver::png_size(&png);
    std::fs::write(&out, png).unwrap();
    eprintln!("wrote {}", out.display());
}

/// Issue 3: "a warning reaches the browser ≤ 1 s after its fact commits". 张三 has the
/// workbench open; a one-officer interrogation on his station's case commits (CS-05, CPL §118:
/// red at once); the warning appears in the live list without a reload, and the board lists
/// it. (The latency itself is measured by `engine_bench`, not asserted here: the bound below
/// only catches a push that never comes.)
#[test]
fn a_warning_reaches_the_open_workbench_within_a_second() {
    let facts = format!(
        "{CASE}{}\n",
        r#"{"fact":"person.registered","at":"2026-03-02T09:00:00+08:00","id":"P1","name":"钱一","gender":"male","birth_date":"1980-01-01","unit":"UA"}"#
    );
    let served = support::serve_live(&facts);
    let browser = Browser::launch(1280, 900);
    let base = &served.base;
    log_in(
        &browser,
        base,
        "zhangsan",
        "initial-pass-a",
        "new-pass-a-123",
    );
    browser.wait_for("#live-warnings");
    assert!(browser.find("#live-warnings li[data-change]").is_none());
    // The event stream is open once the page has loaded its script; give it a moment.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let officer = served.block_on(served.app.actor("OA")).unwrap();
    let interrogation = domain::Fact::from_line(
        r#"{"fact":"interrogation.held","at":"2026-03-03T10:00:00+08:00","id":"I1","person":"P1","case":"C1","kind":"interrogation","end":"2026-03-03T11:00:00+08:00","officers":["OA"]}"#,
    )
    .unwrap();
    let committed = std::time::Instant::now();
    served
        .block_on(served.app.record(
            &officer,
            vec![app::Command {
                fact: interrogation,
                override_reason: Some("测试：单人讯问".into()),
            }],
        ))
        .unwrap();
    browser.wait_for("#live-warnings li[data-change=raised][data-rule=CS-05]");
    let elapsed = committed.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
    eprintln!("warning in the browser {elapsed:?} after the commit");
    let item = browser.text("#live-warnings li[data-change=raised][data-rule=CS-05]");
    assert!(item.contains("CS-05") && item.contains("I1"), "{item}");
    browser.goto(&format!("{base}/warnings?level=red"));
    let board = browser.text("table.warnings");
    assert!(board.contains("CS-05") && board.contains("I1"), "{board}");
    // The workbench counts the open warnings from the counts the world keeps; the board counts
    // them by reading every one: the same number.
    browser.goto(&format!("{base}/warnings"));
    let open = browser.text("#board-total");
    assert!(open.parse::<usize>().is_ok_and(|n| n >= 1), "{open}");
    browser.goto(&format!("{base}/"));
    browser.wait_for("#live");
    let summary = browser.text("#live .summary");
    assert!(
        summary.contains(&format!("在办 {open} 条")),
        "{summary} (board: {open})"
    );
}
