//! Zhifa's JSON API under `/api/v1`.
//!
//! Every route but `POST /api/v1/session` and the OpenAPI document needs
//! `Authorization: Bearer <token>` (a session token from login or an API token). Errors are
//! `application/problem+json` with the app's stable `code`, a Chinese `detail` and an English
//! `detail_en`. Elements outside the caller's unit answer 404, never 403, so existence does not
//! leak; an id that exists nowhere answers the same 404 (also in commands), so the two cannot be
//! told apart. `tests/sibling_scope.rs` sweeps every documented route for this.
//!
//! **Architecture Invariant:** this crate calls only `app`; it holds no state of its own.

mod error;

use app::{Actor, App, AppError, Command, ListRequest};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::handler::Handler;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, on};
use axum::{Json, Router};
use domain::Fact;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::openapi::HttpMethod;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};

pub use error::{ApiError, Problem};

/// Where the API lives; every documented path starts with it.
const API_PREFIX: &str = "/api/v1";

/// The API's routes, to be merged into the server's router. Anything else under `/api/v1/`
/// answers a problem too (404, or 405 for a known path with another method), never axum's
/// plain-text default.
pub fn router(app: App) -> Router {
    // The fallback sits on a nested router: it then covers `/api/v1/…` only, and the web UI's
    // router can still be merged (two routers that both set a top-level fallback cannot be).
    let api = documented_routes()
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(unknown_route)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_BYTES_MAX));
    // The nested fallback catches `/api/v1/<something>` but not `/api/v1/` itself.
    let root = format!("{API_PREFIX}/");
    Router::new()
        .route(&root, axum::routing::any(unknown_route))
        .nest(API_PREFIX, api)
        .with_state(app)
}

/// The OpenAPI document of this API, generated from the handlers.
pub fn openapi_doc() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    add_documented_operations(&mut doc);
    doc
}

/// One table for the router and the OpenAPI document: each handler is served at the path and
/// methods its `#[utoipa::path]` declares and documented from the same annotation, so a route
/// cannot be served without being documented (the sibling-unit sweep in
/// `tests/sibling_scope.rs` enumerates the document and relies on this).
macro_rules! operations {
    ($($handler:ident: $operation:ident),* $(,)?) => {
        fn documented_routes() -> Router<App> {
            let router = Router::new();
            $(let router = serve::<$operation, _, _>(router, $handler);)*
            router
        }

        fn add_documented_operations(doc: &mut utoipa::openapi::OpenApi) {
            $(doc.paths.add_path_operation(
                <$operation as utoipa::Path>::path(),
                <$operation as utoipa::Path>::methods(),
                tagged_operation::<$operation>(),
            );)*
        }
    };
}

operations! {
    login: __path_login,
    issue_token: __path_issue_token,
    change_password: __path_change_password,
    list: __path_list,
    element: __path_element,
    timeline: __path_timeline,
    reveal: __path_reveal,
    audit: __path_audit,
    dashboard: __path_dashboard,
    commands: __path_commands,
    openapi: __path_openapi,
}

/// The operation of `O` with the `tag` of its annotation. `Path::operation` leaves the tags to
/// the `OpenApi` derive; `__dev::Tags` is how the derive (and utoipa-axum) reads them.
fn tagged_operation<'t, O>() -> utoipa::openapi::path::Operation
where
    O: utoipa::Path + utoipa::__dev::Tags<'t>,
{
    let mut operation = O::operation();
    operation
        .tags
        .get_or_insert_with(Vec::new)
        .extend(O::tags().into_iter().map(String::from));
    operation
}

/// Adds a handler at the path and methods of its OpenAPI operation `O`.
fn serve<O, H, T>(router: Router<App>, handler: H) -> Router<App>
where
    O: utoipa::Path,
    H: Handler<T, App>,
    T: 'static,
{
    let filter = O::methods()
        .into_iter()
        .map(method_filter)
        .reduce(MethodFilter::or)
        .expect("every operation declares a method");
    let path = O::path();
    let relative = path
        .strip_prefix(API_PREFIX)
        .filter(|rest| rest.starts_with('/'))
        .unwrap_or_else(|| panic!("{path} is not under {API_PREFIX}"));
    router.route(relative, on(filter, handler))
}

fn method_filter(method: HttpMethod) -> MethodFilter {
    match method {
        HttpMethod::Get => MethodFilter::GET,
        HttpMethod::Post => MethodFilter::POST,
        HttpMethod::Put => MethodFilter::PUT,
        HttpMethod::Delete => MethodFilter::DELETE,
        HttpMethod::Options => MethodFilter::OPTIONS,
        HttpMethod::Head => MethodFilter::HEAD,
        HttpMethod::Patch => MethodFilter::PATCH,
        HttpMethod::Trace => MethodFilter::TRACE,
    }
}

async fn unknown_route() -> ApiError {
    ApiError(AppError::NotFound)
}

async fn method_not_allowed() -> Problem {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "该地址不支持此请求方法",
        "this path does not accept this method",
    )
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Zhifa 执法 API", version = "1", description = "Case-handling supervision platform: the six elements, facts, scoped reads."),
    components(schemas(
        LoginRequest, LoginResponse, ActorInfo, TokenRequest, TokenResponse, PasswordRequest,
        ListResponse, ListItem, ElementResponse, LinkInfo, TimelineItem, RevealRequest, RevealResponse,
        AuditItem, Dashboard, LevelCount, RuleCount, CommandRequest, CommandBatch, RecordedFact, BatchResponse, Problem
    )),
    modifiers(&BearerScheme),
    security(("bearer" = [])),
    tags((name = "session", description = "登录、令牌与密码"), (name = "elements", description = "六要素查询"), (name = "commands", description = "记录事实"))
)]
struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The signed-in caller, from `Authorization: Bearer <token>`.
pub struct Caller(pub Actor);

impl FromRequestParts<App> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let token = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .map(str::trim)
            .unwrap_or("");
        if token.is_empty() {
            return Err(AppError::Unauthenticated.into());
        }
        Ok(Caller(app.authenticate(token).await?))
    }
}

/// Largest request body: one command, or a batch recorded in one transaction. Bulk loads go
/// through `zhifa import`, which streams files.
const BODY_BYTES_MAX: usize = 2 * 1024 * 1024;

/// A JSON request body. Unlike axum's `Json`, every failure is a problem naming the field at
/// fault (`password`, `commands[2].at`), and the content type is not insisted on (scripts
/// often omit it).
struct JsonBody<T>(T);

impl<T: serde::de::DeserializeOwned> axum::extract::FromRequest<App> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(request: axum::extract::Request, app: &App) -> Result<Self, Response> {
        let bytes = axum::body::Bytes::from_request(request, app)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    Problem::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "payload_too_large",
                        &format!(
                            "请求体超过{}MB；大批量数据请用 zhifa import 导入",
                            BODY_BYTES_MAX / (1024 * 1024)
                        ),
                        &format!(
                            "the body is larger than {} MB; load bulk data with `zhifa import`",
                            BODY_BYTES_MAX / (1024 * 1024)
                        ),
                    )
                    .into_response()
                } else {
                    ApiError::from(domain::DomainError::new(
                        domain::ErrorCode::Invalid,
                        "无法读取请求体",
                        format!("the body could not be read: {rejection}"),
                    ))
                    .into_response()
                }
            })?;
        parse_json(&bytes)
            .map(JsonBody)
            .map_err(IntoResponse::into_response)
    }
}

/// Parses JSON, naming the field at fault: the path of a wrong value (`commands[0].at`), the
/// name of a missing field, or none for text that is not JSON at all (then line and column).
fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let (path, inner) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Ok(value) => match deserializer.end() {
            Ok(()) => return Ok(value),
            // Text after the JSON value.
            Err(error) => (".".to_string(), error),
        },
        Err(error) => (error.path().to_string(), error.into_inner()),
    };
    let (line, column) = (inner.line(), inner.column());
    let error = if inner.is_syntax() || inner.is_eof() {
        domain::DomainError::new(
            domain::ErrorCode::Invalid,
            format!("请求体不是有效的JSON（第{line}行第{column}列）"),
            format!("the body is not valid JSON: {inner}"),
        )
    } else if let Some(field) = missing_field(&inner.to_string()) {
        let field = if path == "." {
            field
        } else {
            format!("{path}.{field}")
        };
        domain::DomainError::new(
            domain::ErrorCode::Invalid,
            format!("缺少字段“{field}”"),
            format!("missing field `{field}`"),
        )
        .at_field(field)
    } else if path == "." {
        domain::DomainError::new(
            domain::ErrorCode::Invalid,
            "请求体的结构有误（应为JSON对象）",
            format!("the body has the wrong shape: {inner}"),
        )
    } else {
        domain::DomainError::new(
            domain::ErrorCode::Invalid,
            format!("字段“{path}”的值有误"),
            format!("field `{path}` is invalid: {inner}"),
        )
        .at_field(path)
    };
    Err(error.into())
}

/// The field serde names in "missing field `password`".
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    let end = rest.find('`')?;
    Some(rest[..end].to_string())
}

/// Query parameters, answering a problem when they are malformed.
fn query<T>(params: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    params.map(|Query(p)| p).map_err(|e| {
        ApiError(AppError::Domain(domain::DomainError::new(
            domain::ErrorCode::Invalid,
            "查询参数有误",
            format!("bad query parameters: {e}"),
        )))
    })
}

/// A whole-number query parameter, naming it when it is not one.
fn query_number(field: &str, text: &Option<String>) -> Result<Option<i64>, ApiError> {
    match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            ApiError::from(domain::DomainError::invalid(
                field,
                format!("应为整数 (must be a whole number): {text}"),
            ))
        }),
    }
}

/// Path segments that are not valid text name no element.
fn path<T>(segments: Result<Path<T>, PathRejection>) -> Result<T, ApiError> {
    segments
        .map(|Path(segments)| segments)
        .map_err(|_| ApiError(AppError::NotFound))
}

// ---- session ----

/// Login credentials.
#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// Who is signed in.
#[derive(Serialize, ToSchema)]
pub struct ActorInfo {
    pub officer: String,
    pub name: String,
    pub unit: String,
    pub unit_name: String,
    pub roles: Vec<String>,
}

impl From<&Actor> for ActorInfo {
    fn from(actor: &Actor) -> ActorInfo {
        ActorInfo {
            officer: actor.officer.to_string(),
            name: actor.name.clone(),
            unit: actor.unit.to_string(),
            unit_name: actor.unit_name.clone(),
            roles: actor.roles.iter().map(|r| r.as_str().to_string()).collect(),
        }
    }
}

/// A session token.
#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    pub token: String,
    /// The initial or reset password must be changed (`POST /api/v1/password`) before recording.
    pub must_change_password: bool,
    pub actor: ActorInfo,
}

#[utoipa::path(post, path = "/api/v1/session", tag = "session", security(),
    request_body = LoginRequest,
    responses((status = 200, body = LoginResponse),
        (status = 422, description = "wrong username or password", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`account_locked`: five wrong passwords within 15 minutes lock the username for 15 minutes (Retry-After says how long)", body = Problem, content_type = "application/problem+json")))]
async fn login(
    State(app): State<App>,
    JsonBody(request): JsonBody<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    let outcome = app.login(&request.username, &request.password).await?;
    Ok(Json(LoginResponse {
        token: outcome.token,
        must_change_password: outcome.actor.must_change_password,
        actor: ActorInfo::from(&outcome.actor),
    }))
}

/// A label for a new API token.
#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    #[serde(default)]
    pub label: String,
}

/// A new API token (shown once).
#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    pub token: String,
}

#[utoipa::path(post, path = "/api/v1/tokens", tag = "session", request_body = TokenRequest,
    responses((status = 201, body = TokenResponse), (status = 401, body = Problem, content_type = "application/problem+json")))]
async fn issue_token(
    State(app): State<App>,
    Caller(actor): Caller,
    JsonBody(request): JsonBody<TokenRequest>,
) -> Result<Response, ApiError> {
    let label = if request.label.trim().is_empty() {
        "API"
    } else {
        request.label.trim()
    };
    let token = app.issue_api_token(&actor, label).await?;
    Ok((StatusCode::CREATED, Json(TokenResponse { token })).into_response())
}

/// A password change.
#[derive(Deserialize, ToSchema)]
pub struct PasswordRequest {
    pub old_password: String,
    pub new_password: String,
}

#[utoipa::path(post, path = "/api/v1/password", tag = "session", request_body = PasswordRequest,
    responses((status = 204, description = "changed"), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn change_password(
    State(app): State<App>,
    Caller(actor): Caller,
    JsonBody(request): JsonBody<PasswordRequest>,
) -> Result<StatusCode, ApiError> {
    app.change_password(&actor, &request.old_password, &request.new_password)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- reads ----

/// Filters of a list.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Status code (`accepted`, `filed`, `in_center`, …).
    pub status: Option<String>,
    /// The kind-specific class: an incident's nature, a case's kind, a measure's kind, …
    pub tag: Option<String>,
    /// Text in the title or id.
    pub q: Option<String>,
    /// Opened at or after (RFC 3339).
    pub from: Option<String>,
    /// Opened before (RFC 3339).
    pub until: Option<String>,
    /// Page size, 1–200 (default 50). Text here so that a malformed number is answered
    /// naming the parameter.
    #[param(value_type = Option<i64>)]
    pub limit: Option<String>,
    #[param(value_type = Option<i64>)]
    pub offset: Option<String>,
}

/// One row of a list.
#[derive(Serialize, ToSchema)]
pub struct ListItem {
    pub kind: String,
    pub id: String,
    pub unit: String,
    pub status: String,
    pub tag: String,
    pub title: String,
    /// RFC 3339, China time.
    pub opened_at: String,
}

/// A page of elements.
#[derive(Serialize, ToSchema)]
pub struct ListResponse {
    pub items: Vec<ListItem>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

fn micros_text(micros: i64) -> String {
    jiff::Timestamp::from_microsecond(micros)
        .map(|t| domain::At::china(t).to_string())
        .unwrap_or_default()
}

fn parse_time(field: &str, text: &Option<String>) -> Result<Option<i64>, ApiError> {
    match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => domain::At::parse(text)
            .map(|at| Some(at.micros()))
            .map_err(|e| ApiError(domain::DomainError::invalid(field, e).into())),
    }
}

/// The element kinds served under `/api/v1/{kind}` (every viewed kind; calendar days are not
/// elements one reads).
pub const ELEMENT_KINDS: [&str; 11] = [
    "incident",
    "case",
    "person",
    "measure",
    "stay",
    "interrogation",
    "property",
    "document",
    "warning",
    "unit",
    "officer",
];

fn check_kind(kind: &str) -> Result<(), ApiError> {
    if ELEMENT_KINDS.contains(&kind) {
        Ok(())
    } else {
        Err(AppError::NotFound.into())
    }
}

#[utoipa::path(get, path = "/api/v1/{kind}", tag = "elements",
    params(("kind" = String, Path, description = "incident|case|person|measure|stay|interrogation|property|document|warning|unit|officer"), ListParams),
    responses((status = 200, body = ListResponse), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn list(
    State(app): State<App>,
    Caller(actor): Caller,
    kind: Result<Path<String>, PathRejection>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<ListResponse>, ApiError> {
    let kind = path(kind)?;
    check_kind(&kind)?;
    let params = query(params)?;
    let request = ListRequest {
        kind: kind.clone(),
        status: params.status,
        tag: params.tag,
        text: params.q,
        opened_from_micros: parse_time("from", &params.from)?,
        opened_until_micros: parse_time("until", &params.until)?,
        oldest_first: false,
        limit: query_number("limit", &params.limit)?.unwrap_or(50),
        offset: query_number("offset", &params.offset)?.unwrap_or(0),
    };
    let listing = app.list(&actor, &request).await?;
    let items = listing
        .rows
        .into_iter()
        .map(|row| ListItem {
            kind: row.kind,
            id: row.id,
            unit: row.unit,
            status: row.status,
            tag: row.tag,
            title: row.title,
            opened_at: micros_text(row.opened_at_micros),
        })
        .collect();
    Ok(Json(ListResponse {
        items,
        total: listing.total,
        limit: listing.limit,
        offset: listing.offset,
    }))
}

/// A related element.
#[derive(Serialize, ToSchema)]
pub struct LinkInfo {
    pub kind: String,
    pub id: String,
    /// What the other element is to this one (`case`, `person`, `suspect`, …).
    pub role: String,
}

/// One element with its state and relations.
#[derive(Serialize, ToSchema)]
pub struct ElementResponse {
    pub kind: String,
    pub id: String,
    pub unit: String,
    pub status: String,
    pub title: String,
    /// The element's state; a person's ID number is masked.
    #[schema(value_type = Object)]
    pub snapshot: Box<serde_json::value::RawValue>,
    pub links: Vec<LinkInfo>,
}

#[utoipa::path(get, path = "/api/v1/{kind}/{id}", tag = "elements",
    params(("kind" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = ElementResponse), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn element(
    State(app): State<App>,
    Caller(actor): Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, ApiError> {
    let (kind, id) = path(segments)?;
    check_kind(&kind)?;
    // Rendered once per reader's scope between commits (`App::element_rendered`).
    let body = app
        .element_rendered(&actor, &kind, &id, |detail| {
            let links = detail
                .links
                .into_iter()
                .map(|l| LinkInfo {
                    kind: l.other_kind,
                    id: l.other_id,
                    role: l.role,
                })
                .collect();
            let response = ElementResponse {
                kind: detail.row.kind,
                id: detail.row.id,
                unit: detail.row.unit,
                status: detail.row.status,
                title: detail.row.title,
                snapshot: detail.snapshot,
                links,
            };
            serde_json::to_vec(&response).expect("strings and JSON text serialize")
        })
        .await?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        axum::body::Bytes::from_owner(body),
    )
        .into_response())
}

/// One fact in an element's history.
#[derive(Serialize, ToSchema)]
pub struct TimelineItem {
    pub seq: i64,
    /// The fact kind (`case.filed`).
    pub fact: String,
    /// The Chinese name of the kind.
    pub label: String,
    /// Business time.
    pub at: String,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
    pub actor: String,
    /// The fact object as recorded (ID numbers masked).
    #[schema(value_type = Object)]
    pub payload: Value,
    pub hash: String,
}

#[utoipa::path(get, path = "/api/v1/{kind}/{id}/timeline", tag = "elements",
    params(("kind" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = Vec<TimelineItem>), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn timeline(
    State(app): State<App>,
    Caller(actor): Caller,
    segments: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Vec<TimelineItem>>, ApiError> {
    let (kind, id) = path(segments)?;
    check_kind(&kind)?;
    let entries = app.timeline(&actor, &kind, &id).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| TimelineItem {
                seq: e.seq,
                fact: e.kind,
                label: e.label.into(),
                at: e.at,
                recorded_at: micros_text(e.recorded_at_micros),
                actor: e.actor,
                payload: e.payload,
                hash: e.hash,
            })
            .collect(),
    ))
}

/// Why the full ID number is needed (audited).
#[derive(Deserialize, ToSchema)]
pub struct RevealRequest {
    pub reason: String,
}

/// The full ID number (null when the person has none).
#[derive(Serialize, ToSchema)]
pub struct RevealResponse {
    pub id_number: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/person/{id}/reveal", tag = "elements", params(("id" = String, Path)), request_body = RevealRequest,
    responses((status = 200, body = RevealResponse), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn reveal(
    State(app): State<App>,
    Caller(actor): Caller,
    id: Result<Path<String>, PathRejection>,
    JsonBody(request): JsonBody<RevealRequest>,
) -> Result<Json<RevealResponse>, ApiError> {
    let id = path(id)?;
    let id_number = app.reveal_id_number(&actor, &id, &request.reason).await?;
    Ok(Json(RevealResponse { id_number }))
}

/// Whose dashboard: a unit in the caller's scope (the caller's own when absent).
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct DashboardParams {
    pub unit: Option<String>,
}

/// The open warnings (neither cleared nor closed) of a unit and the units under it, counted as
/// warnings change: reading them costs no scan.
#[derive(Serialize, ToSchema)]
pub struct Dashboard {
    pub unit: String,
    pub unit_name: String,
    pub open_warnings: u32,
    /// Every level, red first.
    pub by_level: Vec<LevelCount>,
    /// By rule, then level.
    pub by_rule: Vec<RuleCount>,
}

#[derive(Serialize, ToSchema)]
pub struct LevelCount {
    /// `red`, `yellow` or `blue`.
    pub level: String,
    pub label: String,
    pub count: u32,
}

#[derive(Serialize, ToSchema)]
pub struct RuleCount {
    pub rule: String,
    pub level: String,
    pub count: u32,
}

#[utoipa::path(get, path = "/api/v1/dashboard", tag = "elements", params(DashboardParams),
    responses((status = 200, body = Dashboard), (status = 404, description = "the unit does not exist or is outside your unit", body = Problem, content_type = "application/problem+json")))]
async fn dashboard(
    State(app): State<App>,
    Caller(actor): Caller,
    params: Result<Query<DashboardParams>, QueryRejection>,
) -> Result<Json<Dashboard>, ApiError> {
    let params = query(params)?;
    let unit = params.unit.as_deref().filter(|u| !u.is_empty());
    let summary = app.warning_summary(&actor, unit).await?;
    Ok(Json(Dashboard {
        unit: summary.unit,
        unit_name: summary.unit_name,
        open_warnings: summary.total,
        by_level: summary
            .by_level
            .into_iter()
            .map(|(level, label, count)| LevelCount {
                level: level.into(),
                label: label.into(),
                count,
            })
            .collect(),
        by_rule: summary
            .by_rule
            .into_iter()
            .map(|(rule, level, count)| RuleCount {
                rule,
                level: level.into(),
                count,
            })
            .collect(),
    }))
}

/// Which element's audit trail (both, or neither for all).
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    pub kind: Option<String>,
    pub id: Option<String>,
}

/// One audited read or reveal.
#[derive(Serialize, ToSchema)]
pub struct AuditItem {
    pub at: String,
    pub actor: String,
    /// `read` or `reveal`.
    pub action: String,
    pub element: String,
    pub subject: String,
    pub reason: String,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "elements", params(AuditParams),
    responses((status = 200, body = Vec<AuditItem>), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, description = "the element does not exist or is outside your unit", body = Problem, content_type = "application/problem+json")))]
async fn audit(
    State(app): State<App>,
    Caller(actor): Caller,
    params: Result<Query<AuditParams>, QueryRejection>,
) -> Result<Json<Vec<AuditItem>>, ApiError> {
    let params = query(params)?;
    let kind = params.kind.filter(|k| !k.is_empty());
    let id = params.id.filter(|k| !k.is_empty());
    let element = match (&kind, &id) {
        (Some(kind), Some(id)) => {
            check_kind(kind)?;
            // Scope before role: an element outside the caller's unit answers 404 even to an
            // officer who may not read audit trails at all, as on every other route. The
            // timeline is the app's scoped read that is not itself audited.
            app.timeline(&actor, kind, id).await?;
            Some((kind.as_str(), id.as_str()))
        }
        (None, None) => None,
        _ => {
            return Err(ApiError(
                domain::DomainError::invalid("id", "kind 与 id 须同时给出 (give both kind and id)")
                    .into(),
            ));
        }
    };
    let rows = app.audit_trail(&actor, element).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| AuditItem {
                at: micros_text(r.at_micros),
                actor: r.actor,
                action: r.action,
                element: r.element,
                subject: r.subject,
                reason: r.reason,
            })
            .collect(),
    ))
}

// ---- commands ----

/// One fact of FORMAT.md (`{"fact":"case.filed","id":"C1"}`); `at` defaults to now; an
/// `override_reason` records a prohibited fact anyway (the reason is kept in the fact).
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"fact": "case.filed", "id": "C1"}))]
pub struct CommandRequest {
    /// The kind, `element.verb`.
    pub fact: String,
    /// Business time, RFC 3339 with offset; defaults to now.
    pub at: Option<String>,
    /// Why a prohibited fact is recorded anyway.
    pub override_reason: Option<String>,
    /// The kind's fields (`id`, …), as in FORMAT.md.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub fields: Map<String, Value>,
}

/// Several facts in one transaction: all recorded, or none.
#[derive(Deserialize, ToSchema)]
pub struct CommandBatch {
    pub commands: Vec<CommandRequest>,
}

/// A recorded fact.
#[derive(Serialize, ToSchema)]
pub struct RecordedFact {
    /// Ledger sequence number.
    pub seq: i64,
    /// The fact as kept (numbers and units filled in).
    #[schema(value_type = Object)]
    pub fact: Value,
}

/// What a batch recorded.
#[derive(Serialize, ToSchema)]
pub struct BatchResponse {
    pub recorded: Vec<RecordedFact>,
}

fn command(value: Value) -> Result<Command, domain::DomainError> {
    let Value::Object(mut object) = value else {
        return Err(domain::DomainError::new(
            domain::ErrorCode::Invalid,
            "命令应为一个JSON对象",
            "a command must be a JSON object",
        ));
    };
    let override_reason = match object.remove("override_reason") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text),
        Some(_) => {
            return Err(domain::DomainError::invalid(
                "override_reason",
                "理由应为文本 (must be a string)",
            ));
        }
    };
    if matches!(object.get("at"), None | Some(Value::Null)) {
        object.insert("at".into(), Value::String(app::now().to_string()));
    }
    let fact = Fact::from_value(Value::Object(object)).map_err(name_missing_field)?;
    Ok(Command {
        fact,
        override_reason,
    })
}

/// Names a missing field as the field at fault. The fact parser reports it at the object that
/// lacks it (`(对象)` for the fact itself, `penalties[0]` for a penalty), with the name only in
/// the message.
fn name_missing_field(error: domain::DomainError) -> domain::DomainError {
    let Some(name) = error
        .message_en
        .find("missing field `")
        .and_then(|start| missing_field(&error.message_en[start..]))
    else {
        return error;
    };
    let field = match error.field.as_deref() {
        None | Some("(对象)") => name,
        Some(parent) => format!("{parent}.{name}"),
    };
    domain::DomainError::new(
        error.code,
        format!("缺少字段“{field}”"),
        format!("missing field `{field}`"),
    )
    .at_field(field)
}

/// An error of the `index`th command of a batch, naming it (`commands[2].at`).
fn in_batch(index: usize, error: domain::DomainError) -> domain::DomainError {
    let field = match &error.field {
        Some(field) => format!("commands[{index}].{field}"),
        None => format!("commands[{index}]"),
    };
    domain::DomainError {
        message_zh: format!("第{}条命令（{field}）：{}", index + 1, error.message_zh),
        message_en: format!("{field}: {}", error.message_en),
        field: Some(field),
        ..error
    }
}

/// A fact naming an id that does not exist answers exactly as one naming an element outside
/// the caller's unit: 404 `not_found`, no field. Were a missing id `unknown_reference` (422, with
/// its field) while a sibling unit's id is `not_found`, the difference would tell a caller which
/// ids exist in units it does not oversee.
fn hide_existence(error: AppError) -> ApiError {
    match error {
        AppError::Domain(e) if e.code == domain::ErrorCode::UnknownReference => {
            ApiError(AppError::NotFound)
        }
        other => ApiError(other),
    }
}

#[utoipa::path(post, path = "/api/v1/commands", tag = "commands",
    request_body(content = CommandRequest, description = "one fact, or `{\"commands\": [...]}` (CommandBatch) for several in one transaction"),
    responses(
        (status = 201, description = "recorded (a batch answers BatchResponse)", body = RecordedFact),
        (status = 404, description = "an element that does not exist or is outside your unit (the two are not told apart)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "prohibited, duplicate or impossible", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "invalid, or an unknown fact kind", body = Problem, content_type = "application/problem+json")))]
async fn commands(
    State(app): State<App>,
    Caller(actor): Caller,
    JsonBody(value): JsonBody<Value>,
) -> Result<Response, ApiError> {
    if let Some(list) = value.get("commands") {
        let Value::Array(list) = list.clone() else {
            return Err(ApiError(
                domain::DomainError::invalid("commands", "commands 应为数组 (must be an array)")
                    .into(),
            ));
        };
        let commands = list
            .into_iter()
            .enumerate()
            .map(|(index, value)| command(value).map_err(|e| in_batch(index, e)))
            .collect::<Result<Vec<_>, _>>()?;
        let recorded = app.record(&actor, commands).await.map_err(hide_existence)?;
        let recorded = recorded
            .into_iter()
            .map(|r| RecordedFact {
                seq: r.seq,
                fact: Value::Object(r.fact.object()),
            })
            .collect();
        return Ok((StatusCode::CREATED, Json(BatchResponse { recorded })).into_response());
    }
    let recorded = app
        .record(&actor, vec![command(value)?])
        .await
        .map_err(hide_existence)?;
    let first = recorded
        .into_iter()
        .next()
        .ok_or(ApiError(AppError::NotFound))?;
    Ok((
        StatusCode::CREATED,
        Json(RecordedFact {
            seq: first.seq,
            fact: Value::Object(first.fact.object()),
        }),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "session", security(), responses((status = 200, description = "this document")))]
async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi_doc())
}
