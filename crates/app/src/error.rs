//! The app's error policy: every failure a user can cause has a stable code, a Chinese and an
//! English message, and the field or line at fault. Storage failures are logged, never shown.

use domain::policy::Prohibition;
use domain::{DomainError, ErrorCode};

/// One rejected line of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub file: String,
    pub line: usize,
    pub code: &'static str,
    pub field: Option<String>,
    pub message_zh: String,
    pub message_en: String,
    /// The line's text, for the rejects file.
    pub text: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: [{}] {}",
            self.file, self.line, self.code, self.message_zh
        )?;
        if let Some(field) = &self.field {
            write!(f, "（字段 {field}）")?;
        }
        Ok(())
    }
}

/// Everything a use case can refuse.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Domain(DomainError),
    /// Absent, or outside the actor's scope (never say which).
    #[error("not found")]
    NotFound,
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but the role does not allow it.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("prohibited")]
    Prohibited(Vec<Prohibition>),
    /// Too many wrong passwords: logins to the username are refused until `until`.
    #[error("account locked until {until}")]
    AccountLocked { until: jiff::Timestamp },
    #[error("import refused: {} errors", .0.len())]
    Import(Vec<LineError>, usize),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("storage: {0}")]
    Store(#[from] storage::StoreError),
}

impl From<DomainError> for AppError {
    fn from(error: DomainError) -> AppError {
        AppError::Domain(error)
    }
}

impl AppError {
    /// The stable code clients match on.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Domain(e) => e.code.as_str(),
            AppError::NotFound => "not_found",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::Prohibited(_) => ErrorCode::Prohibited.as_str(),
            AppError::AccountLocked { .. } => "account_locked",
            AppError::Import(..) => "import_refused",
            AppError::Io(_) => "io",
            AppError::Store(storage::StoreError::Conflict(_)) => "conflict",
            AppError::Store(storage::StoreError::WriterBusy(_)) => "writer_busy",
            AppError::Store(_) => "internal",
        }
    }

    /// The Chinese message shown to people.
    pub fn message_zh(&self) -> String {
        match self {
            AppError::Domain(e) => e.message_zh.clone(),
            AppError::NotFound => "未找到该记录，或不在您的管辖范围内".into(),
            AppError::Unauthenticated => "请先登录".into(),
            AppError::Forbidden(what) => format!("您的角色无权进行此操作：{what}"),
            AppError::Prohibited(list) => {
                let reasons: Vec<String> = list
                    .iter()
                    .map(|p| format!("【{}】{}", p.rule, p.message_zh))
                    .collect();
                format!(
                    "该操作被执法规范禁止：{}。如确需办理，请填写理由后强制提交（将被记录）。",
                    reasons.join("；")
                )
            }
            AppError::AccountLocked { until } => format!(
                "密码错误次数过多，账号已临时锁定，请于{}（北京时间）后再试",
                retry_minute(*until)
            ),
            AppError::Import(errors, total) => {
                format!(
                    "导入失败：共{total}处错误，未导入任何数据。首个错误：{}",
                    errors.first().map(|e| e.to_string()).unwrap_or_default()
                )
            }
            AppError::Io(e) => format!("读写文件失败：{e}"),
            AppError::Store(storage::StoreError::Conflict(what)) => {
                format!("数据冲突（{what}），请重试")
            }
            AppError::Store(storage::StoreError::WriterBusy(db)) => format!(
                "另一个 zhifa 进程（如 zhifa serve）正在写入数据库 {db}：请先停止它，或在网页的管理页面操作"
            ),
            AppError::Store(_) => "系统内部错误，已记录，请稍后重试".into(),
        }
    }

    /// The English message for API clients.
    pub fn message_en(&self) -> String {
        match self {
            AppError::Domain(e) => e.message_en.clone(),
            AppError::NotFound => "not found, or outside your jurisdiction".into(),
            AppError::Unauthenticated => "sign in first".into(),
            AppError::Forbidden(what) => format!("your role may not do this: {what}"),
            AppError::Prohibited(list) => {
                let reasons: Vec<String> = list
                    .iter()
                    .map(|p| format!("[{}] {}", p.rule, p.message_en))
                    .collect();
                format!(
                    "prohibited: {}; resubmit with override_reason to record it anyway",
                    reasons.join("; ")
                )
            }
            AppError::AccountLocked { until } => format!(
                "too many wrong passwords: the account is locked, retry after {} (China time)",
                retry_minute(*until)
            ),
            AppError::Import(_, total) => {
                format!("import refused: {total} errors, nothing imported")
            }
            AppError::Io(e) => format!("file error: {e}"),
            AppError::Store(storage::StoreError::Conflict(what)) => {
                format!("conflict on {what}, retry")
            }
            AppError::Store(storage::StoreError::WriterBusy(db)) => format!(
                "another zhifa process (zhifa serve?) is writing to {db}: stop it first, or use the web admin page"
            ),
            AppError::Store(_) => "internal error".into(),
        }
    }

    /// The field at fault, if one is.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Domain(e) => e.field.as_deref(),
            _ => None,
        }
    }
}

/// The first whole minute at or after `until`, China time (`2026-03-02 09:31`): a person who
/// retries at the minute shown is no longer refused.
fn retry_minute(until: jiff::Timestamp) -> String {
    domain::At::china(until + jiff::SignedDuration::new(59, 999_999_999)).display_china()
}
