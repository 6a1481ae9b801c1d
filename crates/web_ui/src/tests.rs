//! Render tests: pages contain the expected Chinese text and never an unmasked ID number.

use askama::Template;
use serde_json::json;

use crate::labels;
use crate::pages::*;

fn layout() -> Layout {
    Layout {
        title: "测试".into(),
        signed_in: true,
        user: "张三".into(),
        unit: "甲派出所".into(),
        is_admin: false,
        may_bulletin: false,
        restricted: false,
    }
}

fn officer() -> app::Actor {
    app::Actor {
        officer: domain::ids::OfficerId::parse("OA").unwrap(),
        name: "张三".into(),
        unit: domain::ids::UnitId::parse("UA").unwrap(),
        unit_name: "甲派出所".into(),
        unit_path: "/U0/UA/".into(),
        roles: vec![domain::elements::Role::Officer],
        must_change_password: false,
    }
}

#[test]
fn a_person_page_shows_the_masked_number_and_the_reveal_form() {
    let full = "110105194912310025";
    let masked = domain::IdNumber::parse(full)
        .map(|n| n.masked())
        .unwrap_or_else(|_| "110105********0025".into());
    let snapshot = json!({"id": "P1", "name": "某甲", "gender": "female", "id_number": masked, "flags": ["pregnant"], "registered_at": "2026-03-02T09:30:00+08:00"});
    let page = ElementPage {
        layout: layout(),
        kind: "person".into(),
        kind_label: "人员".into(),
        id: "P1".into(),
        title: "某甲".into(),
        status: labels::status_label("person", "in_center"),
        unit: "甲派出所".into(),
        fields: labels::rows("person", &snapshot, &["id"]),
        related: vec![Related {
            href: "/e/case/C1".into(),
            kind: "案件".into(),
            id: "C1".into(),
            role: "嫌疑人".into(),
        }],
        events: vec![Event {
            at: "2026-03-02 09:30".into(),
            label: "人员登记".into(),
            actor: "OA".into(),
            fields: labels::rows("person", &snapshot, &["id"]),
        }],
        actions: vec![ActionGroup {
            title: "办案".into(),
            links: vec![Link {
                label: "关联案件".into(),
                href: "/act/person_link?id=P1".into(),
            }],
        }],
        is_person: true,
        revealed: None,
        reveal_error: None,
        warning: None,
    };
    let html = page.render().unwrap();
    for text in [
        "人员 P1",
        "在区",
        "身份证号码",
        "查看完整号码",
        "查看理由",
        "怀孕",
        "女",
        "2026-03-02 09:30",
        "/e/case/C1",
        "嫌疑人",
        "时间轴",
        "甲派出所",
        "张三",
    ] {
        assert!(html.contains(text), "missing {text}");
    }
    assert!(!html.contains(full), "the full ID number must not appear");
    assert!(html.contains("lang=\"zh-CN\""));
}

#[test]
fn a_workbench_and_an_action_form_render_in_chinese() {
    let page = WorkbenchPage {
        layout: layout(),
        tiles: vec![Tile {
            label: "案件".into(),
            href: "/list/case".into(),
            total: 3,
            parts: vec![(
                Link {
                    label: "已立案".into(),
                    href: "/list/case?status=filed".into(),
                },
                3,
            )],
        }],
        panels: vec![Panel {
            title: "最新案件".into(),
            href: "/list/case".into(),
            rows: Vec::new(),
        }],
        quick: vec![Link {
            label: "受案登记".into(),
            href: "/act/case_accept".into(),
        }],
        warnings: app::Board {
            rows: vec![app::BoardRow {
                id: "YJ00000001".into(),
                rule: "RQ-04".into(),
                level: "red",
                level_label: "红色预警",
                element: "measure",
                element_label: "强制措施",
                subject: "M1".into(),
                unit_name: "甲派出所".into(),
                message: "刑事拘留后须在24小时内送看守所羁押".into(),
                raised_at: "2026-03-03 10:00".into(),
                due: "2026-03-03 10:00".into(),
                stage: "found",
                stage_label: "发现",
                cleared: false,
                rectification_overdue: false,
                deadline: String::new(),
            }],
            total: 1,
            by_level: vec![("red", "红色预警", 1), ("yellow", "黄色预警", 0)],
            by_rule: vec![("RQ-04".into(), 1)],
        },
    };
    let html = page.render().unwrap();
    for text in [
        "在办 1 条",
        "红色预警 1",
        "/e/warning/YJ00000001",
        "/e/measure/M1",
        "/assets/live.js",
        "工作台",
        "已立案",
        "最新案件",
        "暂无记录",
        "受案登记",
        "/assets/zhifa.css",
        "退出",
    ] {
        assert!(html.contains(text), "missing {text}");
    }

    let actor = officer();
    let action = crate::actions::find("property_seize").unwrap();
    let page = ActionPage {
        layout: layout(),
        code: action.code.into(),
        title: action.title.into(),
        fields: crate::actions::form_fields(
            action,
            &actor,
            &[("case".into(), "C1".into())],
            Some("category"),
        ),
        error: Some("该操作被执法规范禁止".into()),
        prohibited: true,
        override_reason: String::new(),
        return_to: String::new(),
    };
    let html = page.render().unwrap();
    for text in [
        "扣押/查封/冻结财物",
        "财物类别",
        "扣押",
        "查封",
        "value=\"C1\"",
        "value=\"OA\"",
        "强制提交理由",
        "该操作被执法规范禁止",
        "class=\"bad\"",
    ] {
        assert!(html.contains(text), "missing {text}");
    }
}

#[test]
fn cross_site_posts_are_recognised() {
    use axum::http::HeaderMap;
    let mut headers = HeaderMap::new();
    headers.insert("host", "zhifa.local:8080".parse().unwrap());
    assert!(!crate::is_cross_site(&headers));
    headers.insert("origin", "http://zhifa.local:8080".parse().unwrap());
    assert!(!crate::is_cross_site(&headers));
    headers.insert("origin", "https://evil.example".parse().unwrap());
    assert!(crate::is_cross_site(&headers));
    headers.remove("origin");
    headers.insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert!(crate::is_cross_site(&headers));
    headers.insert("sec-fetch-site", "same-origin".parse().unwrap());
    assert!(!crate::is_cross_site(&headers));
}

#[test]
fn workbench_panels_show_times_without_the_year() {
    let row = |opened: &str| Row {
        href: "/e/case/C1".into(),
        id: "C1".into(),
        title: "刑事案件·050200".into(),
        status: "已立案".into(),
        tag: String::new(),
        unit: "UA".into(),
        opened: opened.into(),
    };
    assert_eq!(row("2026-11-22 09:16").opened_short(), "11-22 09:16");
    assert_eq!(row("").opened_short(), "");
}

#[test]
fn every_action_form_renders_every_field() {
    use crate::actions::{ACTIONS, Input, PENALTY_ROWS, form_fields};
    let actor = officer();
    for action in ACTIONS.iter() {
        let page = ActionPage {
            layout: layout(),
            code: action.code.into(),
            title: action.title.into(),
            fields: form_fields(action, &actor, &[], None),
            error: None,
            prohibited: false,
            override_reason: String::new(),
            return_to: String::new(),
        };
        let html = page.render().unwrap();
        assert!(html.contains(&format!("action=\"/act/{}\"", action.code)));
        for field in &action.fields {
            assert!(
                html.contains(field.label),
                "{}: {}",
                action.code,
                field.label
            );
            let inputs = html.matches(&format!("name=\"{}", field.name)).count();
            match field.input {
                // Four inputs per penalty row (person, kind, amount, days).
                Input::Penalties => assert_eq!(inputs, 4 * PENALTY_ROWS, "{}", action.code),
                Input::Multi(ref options) => assert_eq!(inputs, options.len()),
                _ => assert!(inputs >= 1, "{}: no input {}", action.code, field.name),
            }
        }
    }
}

#[test]
fn related_elements_are_read_from_either_side_of_a_link() {
    let link =
        |kind: &str, id: &str, other_kind: &str, other_id: &str, role: &str| storage::LinkRow {
            kind: kind.into(),
            id: id.into(),
            other_kind: other_kind.into(),
            other_id: other_id.into(),
            role: role.into(),
        };
    let links = [
        link("case", "C1", "incident", "J1", "incident"),
        link("person", "P1", "case", "C1", "suspect"),
        link("measure", "M1", "case", "C1", "case"),
        link("measure", "M2", "case", "C1", "case"),
        link("measure", "M2", "case", "C1", "case"),
    ];
    let shown: Vec<(String, String, String)> = crate::related_elements("case", "C1", &links)
        .into_iter()
        .map(|r| (r.href, r.kind, r.role))
        .collect();
    let expected = [
        ("/e/incident/J1", "警情", ""),
        ("/e/person/P1", "人员", "嫌疑人"),
        ("/e/measure/M1", "强制措施", ""),
        ("/e/measure/M2", "强制措施", ""),
    ];
    assert_eq!(
        shown,
        expected
            .map(|(h, k, r)| (h.to_string(), k.to_string(), r.to_string()))
            .to_vec()
    );
    // From the person's side the same row names the case and the person's part in it.
    let from_person = crate::related_elements("person", "P1", &links[1..2]);
    assert_eq!(from_person[0].href, "/e/case/C1");
    assert_eq!(from_person[0].role, "嫌疑人");
}
