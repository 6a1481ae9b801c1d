//! Zhifa's server-rendered Chinese pages: login, the forced password change, the workbench, lists
//! and element pages (state, related elements, timeline). Works without JavaScript.

use app::{Actor, App, AppError, ListRequest};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::Value;

/// The session cookie.
const COOKIE: &str = "zhifa_session";
const STYLE: &str = include_str!("style.css");

/// The kinds with list pages, in workbench order, with their Chinese names.
const KINDS: &[(&str, &str)] = &[
    ("incident", "警情"),
    ("case", "案件"),
    ("person", "人员"),
    ("stay", "办案中心在区"),
    ("measure", "强制措施"),
    ("property", "涉案财物"),
    ("document", "文书"),
    ("interrogation", "讯询问"),
    ("officer", "民警"),
    ("unit", "单位"),
];

/// The web UI's routes.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/", get(workbench))
        .route("/login", get(login_page).post(login))
        .route("/logout", get(logout))
        .route("/password", get(password_page).post(change_password))
        .route("/list/{kind}", get(list))
        .route("/e/{kind}/{id}", get(element))
        .route("/e/person/{id}/reveal", axum::routing::post(reveal))
        .route("/assets/style.css", get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }))
        .with_state(app)
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn page(title: &str, actor: Option<&Actor>, body: &str) -> Html<String> {
    let bar = match actor {
        Some(a) => format!(
            r#"<nav class="bar"><a class="brand" href="/">执法 Zhifa</a><span class="who">{}·{}</span><a href="/logout">退出</a></nav>"#,
            escape(&a.unit_name),
            escape(&a.name)
        ),
        None => r#"<nav class="bar"><span class="brand">执法 Zhifa</span></nav>"#.into(),
    };
    Html(format!(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{} · 执法</title><link rel="stylesheet" href="/assets/style.css"></head><body>{bar}<main>{body}</main></body></html>"#,
        escape(title)
    ))
}

fn token(headers: &HeaderMap) -> Option<String> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    cookies.split(';').find_map(|c| c.trim().strip_prefix(&format!("{COOKIE}=")).map(String::from))
}

/// Rejects form posts from other sites (the browser says where a request comes from).
fn same_origin(headers: &HeaderMap) -> bool {
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => matches!(site, "same-origin" | "none"),
        None => true,
    }
}

enum Failure {
    Login,
    Password,
    Error(AppError),
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        match self {
            Failure::Login => Redirect::to("/login").into_response(),
            Failure::Password => Redirect::to("/password").into_response(),
            Failure::Error(AppError::NotFound) => {
                (StatusCode::NOT_FOUND, page("未找到", None, "<h1>未找到</h1><p>该记录不存在，或不在您的管辖范围内。</p><p><a href=\"/\">返回工作台</a></p>")).into_response()
            }
            Failure::Error(error) => {
                let status = if error.code() == "internal" { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::BAD_REQUEST };
                if status == StatusCode::INTERNAL_SERVER_ERROR {
                    tracing::error!(%error, "page failed");
                }
                (status, page("错误", None, &format!("<h1>无法完成</h1><p class=\"error\">{}</p>", escape(&error.message_zh())))).into_response()
            }
        }
    }
}

impl From<AppError> for Failure {
    fn from(error: AppError) -> Failure {
        Failure::Error(error)
    }
}

/// The signed-in actor, who must have changed the initial password.
async fn actor(app: &App, headers: &HeaderMap) -> Result<Actor, Failure> {
    let token = token(headers).ok_or(Failure::Login)?;
    let actor = app.authenticate(&token).await.map_err(|_| Failure::Login)?;
    if actor.must_change_password {
        return Err(Failure::Password);
    }
    Ok(actor)
}

async fn login_page() -> Html<String> {
    login_form(None)
}

fn login_form(error: Option<&str>) -> Html<String> {
    let error = error.map(|e| format!(r#"<p class="error">{}</p>"#, escape(e))).unwrap_or_default();
    page(
        "登录",
        None,
        &format!(
            r#"<section class="card narrow"><h1>登录</h1>{error}<form method="post" action="/login">
<label>用户名<input name="username" id="username" autocomplete="username" required></label>
<label>密码<input name="password" id="password" type="password" autocomplete="current-password" required></label>
<button type="submit" id="login">登录</button></form></section>"#
        ),
    )
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    password: String,
}

fn session_cookie(token: &str) -> String {
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200")
}

async fn login(State(app): State<App>, headers: HeaderMap, Form(form): Form<LoginForm>) -> Response {
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    match app.login(&form.username, &form.password).await {
        Ok(outcome) => {
            let to = if outcome.actor.must_change_password { "/password" } else { "/" };
            ([(header::SET_COOKIE, session_cookie(&outcome.token))], Redirect::to(to)).into_response()
        }
        Err(error) => (StatusCode::UNAUTHORIZED, login_form(Some(&error.message_zh()))).into_response(),
    }
}

async fn logout(State(app): State<App>, headers: HeaderMap) -> Response {
    if let Some(token) = token(&headers) {
        let _ = app.logout(&token).await;
    }
    ([(header::SET_COOKIE, format!("{COOKIE}=; Path=/; Max-Age=0"))], Redirect::to("/login")).into_response()
}

fn password_form(error: Option<&str>) -> String {
    let error = error.map(|e| format!(r#"<p class="error">{}</p>"#, escape(e))).unwrap_or_default();
    format!(
        r#"<section class="card narrow"><h1>修改密码</h1><p>初始密码须在首次登录时修改（至少8位）。</p>{error}<form method="post" action="/password">
<label>原密码<input name="old_password" id="old_password" type="password" required></label>
<label>新密码<input name="new_password" id="new_password" type="password" minlength="8" required></label>
<button type="submit" id="change">修改</button></form></section>"#
    )
}

async fn password_page(State(app): State<App>, headers: HeaderMap) -> Result<Html<String>, Failure> {
    let token = token(&headers).ok_or(Failure::Login)?;
    let actor = app.authenticate(&token).await.map_err(|_| Failure::Login)?;
    Ok(page("修改密码", Some(&actor), &password_form(None)))
}

#[derive(Deserialize)]
struct PasswordForm {
    old_password: String,
    new_password: String,
}

async fn change_password(State(app): State<App>, headers: HeaderMap, Form(form): Form<PasswordForm>) -> Result<Response, Failure> {
    if !same_origin(&headers) {
        return Ok(StatusCode::FORBIDDEN.into_response());
    }
    let token = token(&headers).ok_or(Failure::Login)?;
    let actor = app.authenticate(&token).await.map_err(|_| Failure::Login)?;
    match app.change_password(&actor, &form.old_password, &form.new_password).await {
        Ok(()) => Ok(Redirect::to("/").into_response()),
        Err(error) => Ok((StatusCode::BAD_REQUEST, page("修改密码", Some(&actor), &password_form(Some(&error.message_zh()))))
            .into_response()),
    }
}

fn micros_to_china(micros: i64) -> String {
    jiff::Timestamp::from_microsecond(micros).map(|t| domain::At::china(t).display_china()).unwrap_or_default()
}

fn rows_table(rows: &[storage::ElementRow]) -> String {
    if rows.is_empty() {
        return "<p class=\"empty\">暂无记录</p>".into();
    }
    let mut html = String::from("<div class=\"scroll\"><table><thead><tr><th>编号</th><th>摘要</th><th>状态</th><th>时间</th></tr></thead><tbody>");
    for row in rows {
        html.push_str(&format!(
            r#"<tr><td><a href="/e/{kind}/{id}">{id}</a></td><td>{title}</td><td><span class="status s-{status}">{label}</span></td><td>{time}</td></tr>"#,
            kind = escape(&row.kind),
            id = escape(&row.id),
            title = escape(&row.title),
            status = escape(&row.status),
            label = escape(status_label(&row.status)),
            time = micros_to_china(row.opened_at_micros),
        ));
    }
    html.push_str("</tbody></table></div>");
    html
}

fn status_label(status: &str) -> &str {
    match status {
        "received" => "已接警",
        "dispatched" => "已派警",
        "on_scene" => "已到场",
        "disposed" => "已处置",
        "accepted" => "已受案",
        "filed" => "已立案",
        "not_filed" => "不予立案",
        "decided" => "已决定",
        "dropped" => "已撤销",
        "sent_for_prosecution" => "已移送起诉",
        "closed" => "已结案",
        "archived" => "已归档",
        "registered" => "已登记",
        "in_center" => "在区",
        "exited" => "已离区",
        "active" => "执行中",
        "ended" => "已结束",
        "held" => "已完成",
        "seized" => "待入库",
        "stored" => "在库",
        "checked_out" => "已出库",
        "issued" => "已签发",
        "served" => "已送达",
        other => other,
    }
}

async fn workbench(State(app): State<App>, headers: HeaderMap) -> Result<Html<String>, Failure> {
    let actor = actor(&app, &headers).await?;
    let mut tiles = String::new();
    let mut sections = String::new();
    for (kind, label) in &KINDS[..7] {
        let counts = app.counts(&actor, kind).await?;
        let total: i64 = counts.iter().map(|(_, n)| n).sum();
        let detail: Vec<String> = counts.iter().map(|(s, n)| format!("{}{}", status_label(s), n)).collect();
        tiles.push_str(&format!(
            r#"<a class="tile" href="/list/{kind}"><span class="n">{total}</span><span class="k">{label}</span><small>{}</small></a>"#,
            escape(&detail.join(" · "))
        ));
    }
    for (kind, label, status) in [("incident", "最新警情", None), ("case", "最新案件", None), ("stay", "办案中心在区人员", Some("in_center")), ("property", "待入库财物", Some("seized"))] {
        let listing = app
            .list(&actor, &ListRequest { kind: kind.into(), status: status.map(String::from), limit: 8, ..Default::default() })
            .await?;
        sections.push_str(&format!(
            r#"<section class="card"><h2>{label} <a class="more" href="/list/{kind}{}">全部 {}</a></h2>{}</section>"#,
            status.map(|s| format!("?status={s}")).unwrap_or_default(),
            listing.total,
            rows_table(&listing.rows)
        ));
    }
    let body = format!(r#"<h1>工作台 <small>{}</small></h1><div class="tiles">{tiles}</div><div class="grid">{sections}</div>"#, escape(&actor.unit_name));
    Ok(page("工作台", Some(&actor), &body))
}

#[derive(Deserialize, Default)]
struct ListParams {
    status: Option<String>,
    tag: Option<String>,
    q: Option<String>,
    page: Option<i64>,
}

const PAGE_SIZE: i64 = 50;

async fn list(State(app): State<App>, headers: HeaderMap, Path(kind): Path<String>, Query(params): Query<ListParams>) -> Result<Html<String>, Failure> {
    let actor = actor(&app, &headers).await?;
    let label = KINDS.iter().find(|(k, _)| *k == kind).map(|(_, l)| *l).ok_or(Failure::Error(AppError::NotFound))?;
    let page_number = params.page.unwrap_or(1).max(1);
    let listing = app
        .list(
            &actor,
            &ListRequest {
                kind: kind.clone(),
                status: params.status.clone(),
                tag: params.tag.clone(),
                text: params.q.clone(),
                limit: PAGE_SIZE,
                offset: (page_number - 1) * PAGE_SIZE,
                ..Default::default()
            },
        )
        .await?;
    let counts = app.counts(&actor, &kind).await?;
    let options: String = counts
        .iter()
        .map(|(s, n)| {
            let selected = if params.status.as_deref() == Some(s) { " selected" } else { "" };
            format!(r#"<option value="{s}"{selected}>{}（{n}）</option>"#, status_label(s))
        })
        .collect();
    let query = |page: i64| {
        format!(
            "?status={}&q={}&page={page}",
            escape(params.status.as_deref().unwrap_or("")),
            escape(params.q.as_deref().unwrap_or(""))
        )
    };
    let pages = (listing.total + PAGE_SIZE - 1) / PAGE_SIZE;
    let mut pager = format!("<p class=\"pager\">共 {} 条，第 {page_number}/{} 页 ", listing.total, pages.max(1));
    if page_number > 1 {
        pager.push_str(&format!(r#"<a href="/list/{kind}{}">上一页</a> "#, query(page_number - 1)));
    }
    if page_number < pages {
        pager.push_str(&format!(r#"<a href="/list/{kind}{}">下一页</a>"#, query(page_number + 1)));
    }
    pager.push_str("</p>");
    let body = format!(
        r#"<h1>{label}</h1><form class="filters" method="get"><select name="status"><option value="">全部状态</option>{options}</select><input name="q" placeholder="编号或摘要" value="{}"><button type="submit">筛选</button></form><section class="card">{}{pager}</section>"#,
        escape(params.q.as_deref().unwrap_or("")),
        rows_table(&listing.rows)
    );
    Ok(page(label, Some(&actor), &body))
}

fn field_label(key: &str) -> &str {
    match key {
        "id" => "编号",
        "name" => "姓名/名称",
        "unit" => "单位",
        "kind" => "类别",
        "category" => "案由/类别",
        "summary" => "简要情况",
        "source" => "来源",
        "nature" => "性质",
        "received_at" => "接警时间",
        "accepted_at" => "受案时间",
        "filed_at" => "立案时间",
        "gender" => "性别",
        "id_number" => "身份证号码",
        "birth_date" => "出生日期",
        "person" => "人员",
        "case" => "案件",
        "started_at" => "开始时间",
        "arrived_at" => "到案时间",
        "entered_at" => "进入时间",
        "center" => "办案中心",
        "description" => "财物描述",
        "value_yuan" => "价值（元）",
        "seized_by" => "扣押民警",
        "number" => "文号",
        "issued_at" => "签发时间",
        other => other,
    }
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        Value::Bool(true) => "是".into(),
        Value::Bool(false) => "否".into(),
        other => other.to_string(),
    }
}

async fn element(State(app): State<App>, headers: HeaderMap, Path((kind, id)): Path<(String, String)>) -> Result<Html<String>, Failure> {
    let actor = actor(&app, &headers).await?;
    let detail = app.element(&actor, &kind, &id).await?;
    let timeline = app.timeline(&actor, &kind, &id).await?;
    let label = KINDS.iter().find(|(k, _)| *k == kind).map(|(_, l)| *l).unwrap_or("");
    let mut fields = String::from("<dl class=\"fields\">");
    if let Value::Object(map) = &detail.snapshot {
        for (key, value) in map {
            if value.is_array() || value.is_object() {
                continue;
            }
            fields.push_str(&format!("<dt>{}</dt><dd>{}</dd>", escape(field_label(key)), escape(&value_text(value))));
        }
    }
    fields.push_str("</dl>");
    if kind == "person" {
        fields.push_str(&format!(
            r#"<form class="reveal" method="post" action="/e/person/{}/reveal"><input name="reason" placeholder="查看完整号码的理由（将被审计）" required><button type="submit">查看完整号码</button></form>"#,
            escape(&id)
        ));
    }
    let mut links = String::from("<ul class=\"links\">");
    for link in &detail.links {
        let (other_kind, other_id) = if link.kind == kind && link.id == id { (&link.other_kind, &link.other_id) } else { (&link.kind, &link.id) };
        let other_label = KINDS.iter().find(|(k, _)| k == other_kind).map(|(_, l)| *l).unwrap_or("");
        links.push_str(&format!(
            r#"<li>{} <a href="/e/{}/{}">{}</a> <small>{}</small></li>"#,
            escape(other_label),
            escape(other_kind),
            escape(other_id),
            escape(other_id),
            escape(&link.role)
        ));
    }
    links.push_str("</ul>");
    let mut facts = String::from("<ol class=\"timeline\">");
    for entry in &timeline {
        let mut details = Vec::new();
        if let Value::Object(map) = &entry.payload {
            for (key, value) in map {
                if matches!(key.as_str(), "fact" | "at" | "id") {
                    continue;
                }
                details.push(format!("{}：{}", field_label(key), value_text(value)));
            }
        }
        facts.push_str(&format!(
            r#"<li><time>{}</time> <b>{}</b> <small>记录人 {}</small><div>{}</div></li>"#,
            escape(&entry.at.replace('T', " ")),
            escape(entry.label),
            escape(&entry.actor),
            escape(&details.join("；"))
        ));
    }
    facts.push_str("</ol>");
    let body = format!(
        r#"<h1>{label} {} <span class="status s-{}">{}</span></h1><div class="grid"><section class="card"><h2>基本信息</h2>{fields}</section><section class="card"><h2>关联要素</h2>{links}</section></div><section class="card"><h2>事实时间线</h2>{facts}</section>"#,
        escape(&id),
        escape(&detail.row.status),
        escape(status_label(&detail.row.status))
    );
    Ok(page(&format!("{label} {id}"), Some(&actor), &body))
}

#[derive(Deserialize)]
struct RevealForm {
    reason: String,
}

async fn reveal(State(app): State<App>, headers: HeaderMap, Path(id): Path<String>, Form(form): Form<RevealForm>) -> Result<Html<String>, Failure> {
    if !same_origin(&headers) {
        return Err(Failure::Error(AppError::Forbidden("跨站请求")));
    }
    let actor = actor(&app, &headers).await?;
    let number = app.reveal_id_number(&actor, &id, &form.reason).await?;
    let body = format!(
        r#"<h1>人员 {}</h1><section class="card"><p>完整身份证号码：<b>{}</b></p><p>本次查看已记录审计（理由：{}）。</p><p><a href="/e/person/{}">返回</a></p></section>"#,
        escape(&id),
        escape(number.as_deref().unwrap_or("（未登记）")),
        escape(&form.reason),
        escape(&id)
    );
    Ok(page("查看完整号码", Some(&actor), &body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn every_listed_kind_has_a_label_and_every_status_a_chinese_name() {
        for (kind, label) in KINDS {
            assert!(!label.is_empty(), "{kind}");
        }
        for status in ["received", "accepted", "filed", "in_center", "stored", "served"] {
            assert_ne!(status_label(status), status);
        }
    }
}
