//! Errors as RFC 9457 problem details, carrying the app's stable code.

use app::AppError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// An `application/problem+json` body.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// `urn:zhifa:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// Stable code: not_found (also for a command naming an id that exists nowhere),
    /// unauthenticated, forbidden, account_locked, prohibited, duplicate,
    /// impossible_transition, invalid, unknown_kind, before_existence, conflict,
    /// method_not_allowed, payload_too_large, internal.
    pub code: String,
    /// What went wrong, in Chinese.
    pub detail: String,
    pub detail_en: String,
    /// The field at fault, when one is.
    pub field: Option<String>,
}

/// An app error answered as a problem.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(error: AppError) -> ApiError {
        ApiError(error)
    }
}

impl From<domain::DomainError> for ApiError {
    fn from(error: domain::DomainError) -> ApiError {
        ApiError(AppError::Domain(error))
    }
}

/// The HTTP status for an app error code.
pub fn status_of(code: &str) -> StatusCode {
    match code {
        "not_found" => StatusCode::NOT_FOUND,
        "unauthenticated" => StatusCode::UNAUTHORIZED,
        "forbidden" => StatusCode::FORBIDDEN,
        // Too many wrong passwords: "retry later" is exactly what 429 says (with Retry-After).
        "account_locked" => StatusCode::TOO_MANY_REQUESTS,
        "prohibited" | "duplicate" | "impossible_transition" | "conflict" => StatusCode::CONFLICT,
        "invalid" | "unknown_kind" | "unknown_reference" | "before_existence"
        | "import_refused" => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl ApiError {
    /// The problem body.
    pub fn problem(&self) -> Problem {
        let code = self.0.code();
        let status = status_of(code);
        let internal = status == StatusCode::INTERNAL_SERVER_ERROR;
        let (detail, detail_en) = if internal {
            (
                "系统内部错误，已记录，请稍后重试".to_string(),
                "internal error".to_string(),
            )
        } else {
            (self.0.message_zh(), self.0.message_en())
        };
        Problem {
            kind: format!("urn:zhifa:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            code: code.to_string(),
            detail,
            detail_en,
            field: self.0.field().map(String::from),
        }
    }
}

impl Problem {
    /// A problem that is not an app error (an unknown route, a wrong method, a body too large).
    pub fn new(status: StatusCode, code: &str, detail: &str, detail_en: &str) -> Problem {
        Problem {
            kind: format!("urn:zhifa:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            code: code.to_string(),
            detail: detail.to_string(),
            detail_en: detail_en.to_string(),
            field: None,
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        if problem.status >= 500 {
            tracing::error!(error = %self.0, code = problem.code, "API request failed");
        }
        let mut response = problem.into_response();
        if let AppError::AccountLocked { until } = &self.0 {
            // Whole seconds, rounded up, so a client that waits this long is let in.
            let seconds = until
                .duration_since(jiff::Timestamp::now())
                .as_secs_f64()
                .ceil();
            let seconds = (seconds as u64).max(1);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
