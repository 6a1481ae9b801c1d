//! Zhifa's web pages: server-rendered Chinese HTML that works without JavaScript.
//!
//! Sessions are an HttpOnly, SameSite=Strict cookie `zhifa_session` holding a token from
//! `app.login`. POSTs whose `Origin` or `Sec-Fetch-Site` shows another site are refused (CSRF).
//! A user whose password must be changed sees only `/password` until it is.
//!
//! **Architecture Invariant:** pages call only `app` (and read the store's account list for the
//! admin page); every element read is scoped by the app, and a sibling unit's element is a 404.

mod actions;
mod bulletins;
mod labels;
mod pages;

#[cfg(test)]
mod tests;

use app::{Actor, App, AppError, Command, ListRequest};
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use domain::elements::Role;
use std::collections::HashMap;

use crate::labels::{kind_label, micros_display, status_label};
use crate::pages::*;

/// The session cookie's name.
pub const COOKIE: &str = "zhifa_session";
const STYLESHEET: &str = include_str!("../assets/zhifa.css");
/// Rows per list page.
const PAGE_ROWS: i64 = 30;

/// The pages' routes, to be merged into the server's router.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/assets/zhifa.css", get(stylesheet))
        .route("/assets/live.js", get(live_script))
        .route("/warnings", get(warnings))
        .route("/bulletins", get(bulletins::daily))
        .route("/bulletins/monthly", get(bulletins::monthly))
        .route("/bulletins/quarterly", get(bulletins::quarterly))
        .route("/live/warnings", get(live_warnings))
        .route("/login", get(login_form).post(login))
        .route("/logout", get(logout).post(logout))
        .route("/password", get(password_form).post(change_password))
        .route("/", get(workbench))
        .route("/list/{kind}", get(list))
        .route("/e/{kind}/{id}", get(element))
        .route("/e/person/{id}/reveal", post(reveal))
        .route("/act/{code}", get(action_form).post(action_submit))
        .route("/admin", get(admin))
        .route("/admin/account", post(admin_account))
        .route("/admin/calendar", post(admin_calendar))
        .route("/admin/calendar/shipped", post(admin_calendar_shipped))
        .route("/admin/account/disabled", post(admin_disable))
        .layer(middleware::from_fn(guard))
        .with_state(app)
}

/// Refuses cross-site POSTs and sets security headers on every answer.
async fn guard(request: Request, next: Next) -> Response {
    if request.method() == Method::POST && is_cross_site(request.headers()) {
        let page = ErrorPage {
            layout: Layout {
                title: "拒绝".into(),
                ..Layout::default()
            },
            heading: "请求被拒绝".into(),
            message: "跨站提交的表单已被拒绝。请从本系统页面重新操作。".into(),
        };
        return (StatusCode::FORBIDDEN, render(&page)).into_response();
    }
    let is_asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    headers.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    );
    if !is_asset {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Whether a request's headers show it came from another site.
pub fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return true;
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let authority = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
        return origin == "null" || authority.is_empty() || !authority.eq_ignore_ascii_case(host);
    }
    false
}

const LIVE_SCRIPT: &str = include_str!("../assets/live.js");

async fn live_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        LIVE_SCRIPT,
    )
        .into_response()
}

/// Server-sent events: each warning raised, raised a level or cleared that concerns the user
/// (`App::warning_notices`), as an event `warning` with the notice as JSON.
async fn live_warnings(State(app): State<App>, User(actor): User) -> Response {
    use axum::response::sse::{Event, KeepAlive, Sse};
    use tokio_stream::StreamExt;
    let notices = tokio_stream::wrappers::ReceiverStream::new(app.warning_notices(actor));
    let events = notices.map(|notice| {
        Event::default()
            .event("warning")
            .json_data(&notice)
            .map_err(|e| std::io::Error::other(e.to_string()))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// 预警督办: the board, filtered by the query string.
async fn warnings(
    State(app): State<App>,
    User(actor): User,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let get = |name: &str| {
        query
            .get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let filter = app::BoardFilter {
        level: get("level"),
        rule: get("rule"),
        unit: get("unit"),
        element: get("element"),
        state: get("state"),
    };
    let board = app.warning_board(&actor, &filter).await;
    let units = app.scope_units(&actor).await;
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(c, l)| (c.to_string(), l.to_string()))
            .collect()
    };
    let page = WarningsPage {
        layout: layout(&actor, "预警督办"),
        level: filter.level.clone().unwrap_or_default(),
        rule: filter.rule.clone().unwrap_or_default(),
        element: filter.element.clone().unwrap_or_default(),
        state: filter.state.clone().unwrap_or_else(|| "open".into()),
        unit: filter.unit.clone().unwrap_or_default(),
        levels: pairs(&[
            ("red", "红色预警"),
            ("yellow", "黄色预警"),
            ("blue", "蓝色预警"),
        ]),
        elements: rules::EVALUATED
            .iter()
            .map(|k| (k.as_str().to_string(), k.label().to_string()))
            .collect(),
        states: pairs(&[
            ("open", "在办"),
            ("overdue", "逾期（红色在办或整改逾期）"),
            ("found", "待核查"),
            ("verified", "已核查"),
            ("false_positive", "误报"),
            ("rectification_ordered", "整改中"),
            ("rectified", "已整改"),
            ("accountability", "已追责"),
            ("closed", "已办结"),
            ("cleared", "已解除"),
            ("all", "全部"),
        ]),
        rules: rules::IMPLEMENTED
            .iter()
            .map(|r| r.id.to_string())
            .collect(),
        units,
        board,
    };
    render(&page)
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

fn render<T: Template>(page: &T) -> Response {
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "系统内部错误").into_response()
        }
    }
}

fn layout(actor: &Actor, title: &str) -> Layout {
    Layout {
        title: title.into(),
        signed_in: true,
        user: actor.name.clone(),
        unit: actor.unit_name.clone(),
        is_admin: actor.has(Role::Admin),
        may_bulletin: [Role::LegalOfficer, Role::Supervisor, Role::Leader]
            .iter()
            .any(|r| actor.has(*r)),
        restricted: actor.must_change_password,
    }
}

/// An error as a page: 404 for absent or out of scope, 403 for a role, 500 logged.
fn error_page(actor: &Actor, error: AppError) -> Response {
    let (status, heading) = match error.code() {
        "not_found" => (StatusCode::NOT_FOUND, "未找到"),
        "unauthenticated" => return Redirect::to("/login").into_response(),
        "forbidden" => (StatusCode::FORBIDDEN, "无权操作"),
        "internal" | "io" => (StatusCode::INTERNAL_SERVER_ERROR, "系统错误"),
        _ => (StatusCode::UNPROCESSABLE_ENTITY, "无法完成"),
    };
    let message = if status == StatusCode::INTERNAL_SERVER_ERROR {
        tracing::error!(%error, "page failed");
        "系统内部错误，已记录，请稍后重试".to_string()
    } else {
        error.message_zh()
    };
    (
        status,
        render(&ErrorPage {
            layout: layout(actor, heading),
            heading: heading.into(),
            message,
        }),
    )
        .into_response()
}

/// The Chinese message of an error shown beside a form, naming the field.
fn form_message(error: &AppError) -> String {
    if matches!(error.code(), "internal" | "io") {
        tracing::error!(%error, "form failed");
        return "系统内部错误，已记录，请稍后重试".into();
    }
    let mut message = error.message_zh();
    if let Some(field) = error.field() {
        let label = labels::field_label(field);
        if !message.contains(label) {
            message = format!("{message}（{label}）");
        }
    }
    message
}

/// An error beside an action's form, naming the field as the form labels it (a warning's
/// `reason` is the form's 核查意见/误报理由).
fn action_message(action: &actions::Action, error: &AppError) -> String {
    let message = form_message(error);
    let label = error
        .field()
        .and_then(|field| action.fields.iter().find(|f| f.name == field))
        .map(|f| f.label);
    match label {
        Some(label) if !message.contains(label) => format!("{message}（{label}）"),
        _ => message,
    }
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE && !value.is_empty()).then(|| value.to_string())
        })
}

fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn pair<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// Any signed-in user, even one who must change the password.
pub struct Signed {
    pub actor: Actor,
    pub token: String,
}

impl FromRequestParts<App> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie_token(&parts.headers) else {
            return Err(Redirect::to("/login").into_response());
        };
        match app.authenticate(&token).await {
            Ok(actor) => Ok(Signed { actor, token }),
            Err(AppError::Unauthenticated) => Err(Redirect::to("/login").into_response()),
            Err(error) => {
                tracing::error!(%error, "authentication failed");
                Err((StatusCode::INTERNAL_SERVER_ERROR, "系统内部错误").into_response())
            }
        }
    }
}

/// A signed-in user with a changed password (others are sent to `/password`).
pub struct User(pub Actor);

impl FromRequestParts<App> for User {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let signed = Signed::from_request_parts(parts, app).await?;
        if signed.actor.must_change_password {
            return Err(Redirect::to("/password").into_response());
        }
        Ok(User(signed.actor))
    }
}

// ---- session pages ----

async fn login_form() -> Response {
    render(&LoginPage {
        layout: Layout {
            title: "登录".into(),
            ..Layout::default()
        },
        error: None,
        username: String::new(),
    })
}

async fn login(State(app): State<App>, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let username = pair(&pairs, "username").trim().to_string();
    match app.login(&username, pair(&pairs, "password")).await {
        Ok(outcome) => {
            let cookie = format!(
                "{COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200",
                outcome.token
            );
            let to = if outcome.actor.must_change_password {
                "/password"
            } else {
                "/"
            };
            let mut response = Redirect::to(to).into_response();
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().insert(header::SET_COOKIE, value);
            }
            response
        }
        Err(error) => {
            let page = LoginPage {
                layout: Layout {
                    title: "登录".into(),
                    ..Layout::default()
                },
                error: Some(form_message(&error)),
                username,
            };
            (StatusCode::UNAUTHORIZED, render(&page)).into_response()
        }
    }
}

async fn logout(State(app): State<App>, headers: HeaderMap) -> Response {
    if let Some(token) = cookie_token(&headers)
        && let Err(error) = app.logout(&token).await
    {
        tracing::warn!(%error, "logout failed");
    }
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("zhifa_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    response
}

async fn password_form(signed: Signed) -> Response {
    let forced = signed.actor.must_change_password;
    render(&PasswordPage {
        layout: layout(&signed.actor, "修改密码"),
        error: None,
        forced,
    })
}

async fn change_password(State(app): State<App>, signed: Signed, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let (old, new, confirm) = (
        pair(&pairs, "old_password"),
        pair(&pairs, "new_password"),
        pair(&pairs, "confirm"),
    );
    let result = if new != confirm {
        Err("两次输入的新密码不一致".to_string())
    } else {
        app.change_password(&signed.actor, old, new)
            .await
            .map_err(|e| form_message(&e))
    };
    match result {
        Ok(()) => Redirect::to("/").into_response(),
        Err(message) => {
            let page = PasswordPage {
                layout: layout(&signed.actor, "修改密码"),
                error: Some(message),
                forced: signed.actor.must_change_password,
            };
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
    }
}

// ---- workbench and lists ----

fn row_of(row: &storage::ElementRow) -> Row {
    Row {
        href: format!("/e/{}/{}", row.kind, actions::encode(&row.id)),
        id: row.id.clone(),
        title: row.title.clone(),
        status: status_label(&row.kind, &row.status),
        tag: labels::value_label(&row.kind, tag_field(&row.kind), &row.tag)
            .map(String::from)
            .unwrap_or_else(|| row.tag.clone()),
        unit: row.unit.clone(),
        opened: micros_display(row.opened_at_micros),
    }
}

/// Which snapshot field a kind's list tag comes from (for its Chinese label).
fn tag_field(kind: &str) -> &'static str {
    match kind {
        "incident" => "nature",
        "person" => "gender",
        "officer" => "roles",
        "unit" => "level",
        "property" => "measure",
        _ => "kind",
    }
}

fn quick_links(codes: &[&str]) -> Vec<Link> {
    codes
        .iter()
        .filter_map(|c| actions::find(c))
        .map(|a| Link {
            label: a.title.into(),
            href: format!("/act/{}", a.code),
        })
        .collect()
}

fn quick_for(kind: &str) -> Vec<Link> {
    match kind {
        "incident" => quick_links(&["incident_receive"]),
        "case" => quick_links(&["case_accept"]),
        "person" => quick_links(&["person_register"]),
        "measure" => quick_links(&["measure_start"]),
        "stay" => quick_links(&["custody_enter"]),
        "property" => quick_links(&["property_seize"]),
        "document" => quick_links(&["document_issue"]),
        "unit" => quick_links(&["unit_define"]),
        "officer" => quick_links(&["officer_define"]),
        _ => Vec::new(),
    }
}

async fn workbench(State(app): State<App>, User(actor): User) -> Response {
    match workbench_page(&app, &actor).await {
        Ok(page) => render(&page),
        Err(error) => error_page(&actor, error),
    }
}

async fn workbench_page(app: &App, actor: &Actor) -> Result<WorkbenchPage, AppError> {
    let mut tiles = Vec::new();
    for (kind, label, only) in [
        ("incident", "警情", None),
        ("case", "案件", None),
        ("stay", "办案中心在区人员", Some("in_center")),
        ("property", "涉案财物", None),
        ("document", "文书", None),
    ] {
        let counts = app.counts(actor, kind).await?;
        let parts: Vec<(Link, i64)> = counts
            .iter()
            .filter(|(status, _)| only.is_none_or(|o| o == status))
            .map(|(status, n)| {
                (
                    Link {
                        label: status_label(kind, status),
                        href: format!("/list/{kind}?status={status}"),
                    },
                    *n,
                )
            })
            .collect();
        let total = parts.iter().map(|(_, n)| n).sum();
        let href = match only {
            Some(status) => format!("/list/{kind}?status={status}"),
            None => format!("/list/{kind}"),
        };
        tiles.push(Tile {
            label: label.into(),
            href,
            total,
            parts,
        });
    }
    let mut panels = Vec::new();
    for (kind, title, status) in [
        ("incident", "最新警情", None),
        ("case", "最新案件", None),
        ("stay", "在区人员", Some("in_center")),
        ("property", "涉案财物", None),
        ("document", "最新文书", None),
    ] {
        let request = ListRequest {
            kind: kind.into(),
            status: status.map(String::from),
            limit: 8,
            ..ListRequest::default()
        };
        let listing = app.list(actor, &request).await?;
        let href = match status {
            Some(s) => format!("/list/{kind}?status={s}"),
            None => format!("/list/{kind}"),
        };
        panels.push(Panel {
            title: title.into(),
            href,
            rows: listing.rows.iter().map(row_of).collect(),
        });
    }
    let quick = quick_links(&[
        "incident_receive",
        "case_accept",
        "person_register",
        "custody_enter",
        "property_seize",
        "document_issue",
    ]);
    let mut warnings = app.warning_board(actor, &app::BoardFilter::default()).await;
    warnings.rows.truncate(8);
    // The counts from those the world keeps by unit, rule and level (the dashboard's, also
    // `GET /api/v1/dashboard`): the same open warnings the board counts.
    let summary = app.warning_summary(actor, None).await?;
    warnings.total = summary.total as usize;
    warnings.by_level = summary
        .by_level
        .iter()
        .map(|(code, label, n)| (*code, *label, *n as usize))
        .collect();
    Ok(WorkbenchPage {
        layout: layout(actor, "工作台"),
        tiles,
        panels,
        quick,
        warnings,
    })
}

/// A `YYYY-MM-DD` date as the microsecond of its midnight in China (plus `days`).
fn date_micros(text: &str, days: i64) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date: jiff::civil::Date = text
        .parse()
        .map_err(|_| format!("日期格式应为 年-月-日：{text}"))?;
    let date = date
        .checked_add(jiff::Span::new().days(days))
        .map_err(|e| e.to_string())?;
    let instant = domain::at::CHINA
        .to_timestamp(date.to_datetime(jiff::civil::Time::midnight()))
        .map_err(|e| e.to_string())?;
    Ok(Some(instant.as_microsecond()))
}

async fn list(
    State(app): State<App>,
    User(actor): User,
    Path(kind): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if !labels::PAGE_KINDS.contains(&kind.as_str()) {
        return error_page(&actor, AppError::NotFound);
    }
    let get = |k: &str| {
        query
            .get(k)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let (status, tag, q, from, until) = (
        get("status"),
        get("tag"),
        get("q"),
        get("from"),
        get("until"),
    );
    let page: i64 = get("page").parse().unwrap_or(1).max(1);
    let mut error = None;
    let from_micros = date_micros(&from, 0).unwrap_or_else(|e| {
        error = Some(e);
        None
    });
    let until_micros = date_micros(&until, 1).unwrap_or_else(|e| {
        error = Some(e);
        None
    });
    let request = ListRequest {
        kind: kind.clone(),
        status: Some(status.clone()),
        tag: Some(tag.clone()),
        text: Some(q.clone()),
        opened_from_micros: from_micros,
        opened_until_micros: until_micros,
        oldest_first: false,
        limit: PAGE_ROWS,
        offset: (page - 1) * PAGE_ROWS,
    };
    let listing = match app.list(&actor, &request).await {
        Ok(listing) => listing,
        Err(error) => return error_page(&actor, error),
    };
    let link_to = |p: i64| {
        let params: Vec<(&str, &str)> = [
            ("status", status.as_str()),
            ("tag", tag.as_str()),
            ("q", q.as_str()),
            ("from", from.as_str()),
            ("until", until.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        serializer.extend_pairs(params);
        serializer.append_pair("page", &p.to_string());
        format!("/list/{kind}?{}", serializer.finish())
    };
    let shown_to = listing.offset + listing.rows.len() as i64;
    let summary = if listing.total == 0 {
        "共 0 条".to_string()
    } else {
        format!(
            "共 {} 条，显示第 {}–{} 条",
            listing.total,
            listing.offset + 1,
            shown_to
        )
    };
    let statuses = labels::statuses(&kind)
        .iter()
        .map(|(code, label)| Choice {
            code: code.to_string(),
            label: label.to_string(),
            selected: *code == status,
        })
        .collect();
    let prev = (page > 1).then(|| link_to(page - 1));
    let next = (shown_to < listing.total).then(|| link_to(page + 1));
    let page_view = ListPage {
        layout: layout(&actor, kind_label(&kind)),
        kind_label: kind_label(&kind).into(),
        statuses,
        tag,
        q: q.clone(),
        from: from.clone(),
        until: until.clone(),
        rows: listing.rows.iter().map(row_of).collect(),
        summary,
        prev,
        next,
        quick: if kind == "unit" || kind == "officer" {
            if actor.has(Role::Admin) {
                quick_for(&kind)
            } else {
                Vec::new()
            }
        } else {
            quick_for(&kind)
        },
        error,
        kind,
    };
    render(&page_view)
}

// ---- element pages ----

async fn element_page(
    app: &App,
    actor: &Actor,
    kind: &str,
    id: &str,
) -> Result<ElementPage, AppError> {
    if !labels::PAGE_KINDS.contains(&kind) {
        return Err(AppError::NotFound);
    }
    let detail = app.element(actor, kind, id).await?;
    let timeline = app.timeline(actor, kind, id).await?;
    let warning = (kind == "warning")
        .then(|| warning_view(&detail.snapshot))
        .flatten();
    // A warning's subject, levels and steps are shown together below its fields.
    let skip: &[&str] = if warning.is_some() {
        &[
            "id",
            "unit",
            "path",
            "links",
            "element",
            "subject",
            "history",
            "cleared_at",
        ]
    } else {
        &["id", "unit", "path", "links"]
    };
    let fields = labels::rows(kind, &detail.snapshot, skip);
    let related = related_elements(kind, id, &detail.links);
    let world = app.world().await;
    let officer_name = |id: &str| -> String {
        domain::ids::OfficerId::parse(id)
            .ok()
            .and_then(|o| {
                world
                    .officers
                    .get(&o)
                    .map(|o| format!("{}（{id}）", o.name))
            })
            .unwrap_or_else(|| match id {
                // Facts recorded by Zhifa itself, not by an officer.
                "import" => "数据导入".into(),
                "system" => "系统".into(),
                "operator" => "服务器管理员（命令行）".into(),
                other => other.to_string(),
            })
    };
    let events = timeline
        .iter()
        .rev()
        .map(|e| {
            let element = domain::FactKind::from_code(&e.kind)
                .map(|k| k.element().as_str())
                .unwrap_or(kind);
            Event {
                at: domain::At::parse(&e.at)
                    .map(|a| a.display_china())
                    .unwrap_or_else(|_| e.at.clone()),
                label: if e.label.is_empty() {
                    e.kind.clone()
                } else {
                    e.label.to_string()
                },
                actor: officer_name(&e.actor),
                fields: labels::rows(element, &e.payload, &["fact", "at", "id"]),
            }
        })
        .collect();
    let unit_name = domain::ids::UnitId::parse(&detail.row.unit)
        .ok()
        .and_then(|u| world.units.get(&u).map(|u| u.name.clone()))
        .unwrap_or_else(|| detail.row.unit.clone());
    drop(world);
    Ok(ElementPage {
        layout: layout(actor, &format!("{} {}", kind_label(kind), id)),
        kind: kind.into(),
        kind_label: kind_label(kind).into(),
        id: id.into(),
        title: detail.row.title.clone(),
        status: status_label(kind, &detail.row.status),
        unit: unit_name,
        fields,
        related,
        events,
        actions: actions::for_element(kind, id, &detail.row.status, &detail.snapshot, &actor.roles)
            .into_iter()
            .map(|group| ActionGroup {
                title: group.title.into(),
                links: group
                    .links
                    .into_iter()
                    .map(|(label, href)| Link { label, href })
                    .collect(),
            })
            .collect(),
        is_person: kind == "person",
        revealed: None,
        reveal_error: None,
        warning,
    })
}

/// A warning's subject, levels and loop steps, from its snapshot.
fn warning_view(snapshot: &serde_json::Value) -> Option<WarningView> {
    use domain::elements::{LoopStage, WarningState};
    let w: WarningState = serde_json::from_value(snapshot.clone()).ok()?;
    let time = |at: domain::At| at.display_china();
    let mut steps = vec![LoopStep {
        label: "发现".into(),
        at: time(w.raised_at),
        detail: w.message.clone(),
    }];
    let mut step = |label: &str, at: Option<domain::At>, detail: String| {
        if let Some(at) = at {
            steps.push(LoopStep {
                label: label.into(),
                at: time(at),
                detail,
            });
        }
    };
    let verdict = match w.confirmed {
        Some(false) => LoopStage::FalsePositive.label(),
        _ => "属实",
    };
    let reason = [verdict, w.verification_reason.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("：");
    step("核查", w.verified_at, reason);
    let order = match w.deadline {
        Some(deadline) => format!("期限 {}；{}", time(deadline), w.instruction),
        None => w.instruction.clone(),
    };
    step("责令整改", w.ordered_at, order);
    step("整改完成", w.rectified_at, w.evidence.clone());
    let outcome = [
        w.outcome.map(|o| o.label()).unwrap_or(""),
        w.accountability_note.trim(),
    ]
    .into_iter()
    .filter(|t| !t.is_empty())
    .collect::<Vec<_>>()
    .join("：");
    step("追责", w.accountability_at, outcome);
    step("办结", w.closed_at, w.closing_note.clone());
    Some(WarningView {
        subject: Link {
            label: format!("{} {}", w.element.label(), w.subject),
            href: format!("/e/{}/{}", w.element.as_str(), actions::encode(&w.subject)),
        },
        levels: w
            .history
            .iter()
            .map(|(at, level)| (time(*at), level.label().to_string()))
            .collect(),
        steps,
        cleared: w.cleared_at.map(time),
    })
}

/// The elements linked to one, whichever side of the link it is on.
///
/// A link is stored once, from the element that names the other (a measure names its case);
/// the case's page reads the same row from the far side. The role names the far element's part
/// when it is a person's role in a case; a field name (`case`, `basis`) only repeats the kind.
fn related_elements(kind: &str, id: &str, links: &[storage::LinkRow]) -> Vec<Related> {
    let mut seen = std::collections::HashSet::new();
    links
        .iter()
        .filter_map(|l| {
            let reversed = !(l.kind == kind && l.id == id);
            let (other_kind, other_id) = if reversed {
                (&l.kind, &l.id)
            } else {
                (&l.other_kind, &l.other_id)
            };
            let role = match domain::elements::PersonRole::from_code(&l.role) {
                Some(role) => role.label(),
                None if reversed || l.role == *other_kind => "",
                None => labels::field_label(&l.role),
            };
            seen.insert((other_kind.clone(), other_id.clone(), role))
                .then(|| Related {
                    href: format!("/e/{other_kind}/{}", actions::encode(other_id)),
                    kind: kind_label(other_kind).into(),
                    id: other_id.clone(),
                    role: role.into(),
                })
        })
        .collect()
}

async fn element(
    State(app): State<App>,
    User(actor): User,
    Path((kind, id)): Path<(String, String)>,
) -> Response {
    match element_page(&app, &actor, &kind, &id).await {
        Ok(page) => render(&page),
        Err(error) => error_page(&actor, error),
    }
}

async fn reveal(
    State(app): State<App>,
    User(actor): User,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let pairs = form_pairs(&body);
    let outcome = app
        .reveal_id_number(&actor, &id, pair(&pairs, "reason"))
        .await;
    let mut page = match element_page(&app, &actor, "person", &id).await {
        Ok(page) => page,
        Err(error) => return error_page(&actor, error),
    };
    match outcome {
        Ok(number) => page.revealed = Some(number.unwrap_or_else(|| "（未登记身份证号码）".into())),
        Err(AppError::NotFound) => return error_page(&actor, AppError::NotFound),
        Err(error) => page.reveal_error = Some(form_message(&error)),
    }
    render(&page)
}

// ---- actions ----

fn safe_return(text: &str) -> String {
    if text.starts_with('/') && !text.starts_with("//") && !text.contains('\\') {
        text.to_string()
    } else {
        String::new()
    }
}

/// The page for an action the actor's roles do not allow (403).
fn refused(actor: &Actor, action: &actions::Action) -> Response {
    let (status, heading) = (StatusCode::FORBIDDEN, "无权操作");
    (
        status,
        render(&ErrorPage {
            layout: layout(actor, heading),
            heading: heading.into(),
            message: action.refusal(),
        }),
    )
        .into_response()
}

async fn action_form(
    User(actor): User,
    Path(code): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let Some(action) = actions::find(&code) else {
        return error_page(&actor, AppError::NotFound);
    };
    if !action.allows(&actor.roles) {
        return refused(&actor, action);
    }
    let page = ActionPage {
        layout: layout(&actor, action.title),
        code: action.code.into(),
        title: action.title.into(),
        fields: actions::form_fields(action, &actor, &query, None),
        error: None,
        prohibited: false,
        override_reason: String::new(),
        return_to: safe_return(pair(&query, "return")),
    };
    render(&page)
}

async fn action_submit(
    State(app): State<App>,
    User(actor): User,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    let Some(action) = actions::find(&code) else {
        return error_page(&actor, AppError::NotFound);
    };
    // The app refuses setup facts from others too; answering here keeps GET and POST alike.
    // The roles of an action are the web UI's: the API records for any officer in scope.
    if !action.allows(&actor.roles) {
        return refused(&actor, action);
    }
    let pairs = form_pairs(&body);
    let override_reason = pair(&pairs, "override_reason").trim().to_string();
    let return_to = safe_return(pair(&pairs, "return"));
    let outcome = match actions::to_object(action, &pairs) {
        Err(e) => Err((e.message, Some(e.field.to_string()), false)),
        Ok(object) => match domain::Fact::from_value(object) {
            Err(e) => {
                let error = AppError::Domain(e);
                Err((
                    action_message(action, &error),
                    error.field().map(String::from),
                    false,
                ))
            }
            Ok(fact) => {
                let command = Command {
                    fact,
                    override_reason: (!override_reason.is_empty()).then(|| override_reason.clone()),
                };
                match app.record(&actor, vec![command]).await {
                    Ok(recorded) => Ok(recorded),
                    Err(error) => Err((
                        action_message(action, &error),
                        error.field().map(String::from),
                        matches!(error, AppError::Prohibited(_)),
                    )),
                }
            }
        },
    };
    match outcome {
        Ok(recorded) => {
            let to = if !return_to.is_empty() {
                return_to
            } else if let Some(r) = recorded.first() {
                let element = r.fact.kind().element().as_str();
                if labels::PAGE_KINDS.contains(&element) {
                    format!("/e/{element}/{}", actions::encode(&r.fact.subject()))
                } else {
                    // Calendar days have no page; they are kept from the admin page.
                    "/admin?done=calendar".into()
                }
            } else {
                "/".into()
            };
            Redirect::to(&to).into_response()
        }
        Err((message, field, prohibited)) => {
            let page = ActionPage {
                layout: layout(&actor, action.title),
                code: action.code.into(),
                title: action.title.into(),
                fields: actions::form_fields(action, &actor, &pairs, field.as_deref()),
                error: Some(message),
                prohibited,
                override_reason,
                return_to,
            };
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
    }
}

// ---- admin ----

async fn admin_page(
    app: &App,
    actor: &Actor,
    message: Option<String>,
    error: Option<String>,
    form: AdminForm,
) -> Result<AdminPage, AppError> {
    if !actor.has(Role::Admin) {
        return Err(AppError::Forbidden("仅系统管理员可以进入系统管理"));
    }
    let accounts: HashMap<String, storage::AccountRow> = app
        .accounts(actor)
        .await?
        .into_iter()
        .map(|a| (a.officer.clone(), a))
        .collect();
    let world = app.world().await;
    let in_scope =
        |unit: &domain::ids::UnitId| world.unit_path(Some(unit)).starts_with(&actor.unit_path);
    let unit_name = |unit: &domain::ids::UnitId| {
        world
            .units
            .get(unit)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| unit.to_string())
    };
    let mut officers: Vec<OfficerRow> = world
        .officers
        .values()
        .filter(|o| in_scope(&o.unit))
        .map(|o| {
            let account = accounts.get(o.id.as_str());
            OfficerRow {
                id: o.id.to_string(),
                name: o.name.clone(),
                unit: unit_name(&o.unit),
                roles: o
                    .roles
                    .iter()
                    .map(|r| r.label())
                    .collect::<Vec<_>>()
                    .join("、"),
                auxiliary: o.auxiliary,
                username: account.map(|a| a.username.clone()).unwrap_or_default(),
                account: match account {
                    None => "未开通".into(),
                    Some(a) if a.disabled => "已停用".into(),
                    Some(a) if a.must_change => "待修改初始密码".into(),
                    Some(_) => "正常".into(),
                },
                has_account: account.is_some(),
                disabled: account.is_some_and(|a| a.disabled),
            }
        })
        .collect();
    officers.sort_by(|a, b| a.id.cmp(&b.id));
    let mut units: Vec<(String, String, String)> = world
        .units
        .values()
        .filter(|u| in_scope(&u.id))
        .map(|u| {
            (
                u.id.to_string(),
                u.name.clone(),
                u.level.label().to_string(),
            )
        })
        .collect();
    units.sort();
    // Platform thresholds: each with its default, and every unit in scope that set its own.
    let thresholds = rules::thresholds::SETTINGS
        .iter()
        .map(|s| {
            let mut own: Vec<String> = world
                .units
                .values()
                .filter(|u| in_scope(&u.id))
                .filter_map(|u| {
                    u.thresholds
                        .get(s.key)
                        .map(|v| format!("{}（{}）{v}", u.name, u.id))
                })
                .collect();
            own.sort();
            ThresholdRow {
                key: s.key,
                rule: s.rule,
                what: s.what_zh,
                unit: s.unit.label_zh(),
                default: s.default,
                range: format!("{}–{}", s.min, s.max),
                own: own.join("；"),
            }
        })
        .collect();
    let calendar = domain::calendar::years(&world.calendar);
    let this_year = app::now().china_date().year();
    let recorded = |year: i16| calendar.iter().any(|y| y.year == year);
    let shipped = |year: i16| domain::calendar::SHIPPED.iter().any(|(y, _)| *y == year);
    let mut calendar_notices = Vec::new();
    if !recorded(this_year) {
        calendar_notices.push(format!(
            "本年度（{this_year}年）节假日安排尚未录入：期限按周六、周日为休息日计算，遇法定节假日或调休可能算错，请尽快录入。"
        ));
    }
    let next_year = this_year + 1;
    if !recorded(next_year) {
        calendar_notices.push(format!(
            "{next_year}年节假日安排尚未录入：延伸到{next_year}年的期限暂按周六、周日计算，相关预警的说明中已注明；国务院办公厅公布安排后请在此录入，录入后自动重算。"
        ));
    }
    let shipped_unrecorded = domain::calendar::SHIPPED
        .iter()
        .map(|(y, _)| *y)
        .filter(|y| !recorded(*y))
        .collect();
    let mut form = form;
    if form.year.is_empty() {
        // The year most likely to be entered next: this one if missing, else the next.
        let missing = [this_year, next_year]
            .into_iter()
            .find(|y| !recorded(*y) && !shipped(*y));
        form.year = missing.unwrap_or(next_year).to_string();
    }
    Ok(AdminPage {
        layout: layout(actor, "系统管理"),
        officers,
        units,
        thresholds,
        setup: quick_links(&[
            "unit_define",
            "officer_define",
            "officer_change",
            "calendar_day",
            "threshold_set",
        ]),
        message,
        error,
        calendar,
        calendar_notices,
        shipped_unrecorded,
        form,
    })
}

async fn admin(
    State(app): State<App>,
    User(actor): User,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let get = |k: &str| query.get(k).cloned().unwrap_or_default();
    let message = match get("done").as_str() {
        "account" => Some("账号已保存，民警首次登录须修改初始密码。".to_string()),
        "disabled" => Some("账号状态已更新。".to_string()),
        "calendar" => Some("节假日安排已录入，所有期限已按新日历重算。".to_string()),
        _ => None,
    };
    let form = AdminForm {
        officer: get("officer"),
        username: get("username"),
        ..AdminForm::default()
    };
    match admin_page(&app, &actor, message, None, form).await {
        Ok(page) => render(&page),
        Err(error) => error_page(&actor, error),
    }
}

async fn admin_account(State(app): State<App>, User(actor): User, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let (officer, username) = (
        pair(&pairs, "officer").trim().to_string(),
        pair(&pairs, "username").trim().to_string(),
    );
    let result = if username.is_empty() {
        Err("请填写用户名".to_string())
    } else {
        app.set_account(Some(&actor), &officer, &username, pair(&pairs, "password"))
            .await
            .map_err(|e| match e {
                AppError::NotFound => format!("民警“{officer}”不存在"),
                e => form_message(&e),
            })
    };
    match result {
        Ok(()) => Redirect::to("/admin?done=account").into_response(),
        Err(message) => {
            let form = AdminForm {
                officer,
                username,
                ..AdminForm::default()
            };
            match admin_page(&app, &actor, None, Some(message), form).await {
                Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response(),
                Err(error) => error_page(&actor, error),
            }
        }
    }
}

/// Records a year's holidays and make-up workdays as typed on the admin page: all of them or,
/// if any is wrong, none (the form comes back as submitted, the fault named).
async fn admin_calendar(State(app): State<App>, User(actor): User, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let form = AdminForm {
        year: pair(&pairs, "year").trim().to_string(),
        holidays: pair(&pairs, "holidays").to_string(),
        workdays: pair(&pairs, "workdays").to_string(),
        ..AdminForm::default()
    };
    let facts = match form.year.parse::<i16>() {
        Ok(year) if (2000..=2100).contains(&year) => {
            domain::calendar::arrangement(year, &form.holidays, &form.workdays, app::now())
                .map_err(AppError::from)
        }
        _ => Err(AppError::from(
            domain::DomainError::new(
                domain::ErrorCode::Invalid,
                format!("年份：“{}”不是年份", form.year),
                format!("year: `{}` is not a year", form.year),
            )
            .at_field("year"),
        )),
    };
    let result = match facts {
        Ok(facts) => record_calendar(&app, &actor, facts).await,
        Err(error) => Err(error),
    };
    calendar_recorded(&app, &actor, result, form).await
}

/// Records a shipped year (`data/calendar`), as `zhifa admin calendar --year` does.
async fn admin_calendar_shipped(
    State(app): State<App>,
    User(actor): User,
    body: Bytes,
) -> Response {
    let pairs = form_pairs(&body);
    let year = pair(&pairs, "year").trim().to_string();
    let result = match year.parse().ok().and_then(domain::calendar::shipped) {
        Some(facts) => record_calendar(&app, &actor, facts).await,
        None => Err(AppError::from(
            domain::DomainError::new(
                domain::ErrorCode::Invalid,
                format!("系统未附带“{year}”年的节假日安排"),
                format!("year: `{year}` is not shipped"),
            )
            .at_field("year"),
        )),
    };
    calendar_recorded(&app, &actor, result, AdminForm::default()).await
}

/// Records calendar days as one job, skipping those recorded alike.
async fn record_calendar(
    app: &App,
    actor: &Actor,
    facts: Vec<domain::Fact>,
) -> Result<(), AppError> {
    let facts = domain::calendar::changes(facts, &app.world().await.calendar);
    let commands: Vec<Command> = facts
        .into_iter()
        .map(|fact| Command {
            fact,
            override_reason: None,
        })
        .collect();
    if !commands.is_empty() {
        app.record(actor, commands).await?;
    }
    Ok(())
}

/// After recording: back to the admin page, or the page again with the fault and the form as
/// submitted, nothing recorded.
async fn calendar_recorded(
    app: &App,
    actor: &Actor,
    result: Result<(), AppError>,
    form: AdminForm,
) -> Response {
    let error = match result {
        Ok(_) => return Redirect::to("/admin?done=calendar#calendar").into_response(),
        Err(error @ AppError::Forbidden(_)) => return error_page(actor, error),
        Err(error) => form_message(&error),
    };
    match admin_page(app, actor, None, Some(error), form).await {
        Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response(),
        Err(error) => error_page(actor, error),
    }
}

async fn admin_disable(State(app): State<App>, User(actor): User, body: Bytes) -> Response {
    let pairs = form_pairs(&body);
    let officer = pair(&pairs, "officer").trim().to_string();
    let disabled = pair(&pairs, "disabled") == "1";
    match app
        .set_account_disabled(Some(&actor), &officer, disabled)
        .await
    {
        Ok(()) => Redirect::to("/admin?done=disabled").into_response(),
        Err(error) => match admin_page(
            &app,
            &actor,
            None,
            Some(form_message(&error)),
            AdminForm::default(),
        )
        .await
        {
            Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response(),
            Err(error) => error_page(&actor, error),
        },
    }
}
