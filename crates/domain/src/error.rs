//! The domain's one error type: every refusal carries a stable code, a Chinese message for
//! people and an English one for API clients.

use std::fmt;

/// Stable codes, part of the API contract: clients and tests match on these, never on messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A value is malformed (bad time, bad ID number, unknown enum value, missing field).
    Invalid,
    /// The fact kind is not known.
    UnknownKind,
    /// A referenced id is not defined (yet).
    UnknownReference,
    /// An id is defined twice.
    Duplicate,
    /// A fact about an element predates the element.
    BeforeExistence,
    /// The element's state does not allow this fact (a second acceptance, storing property
    /// that is checked out, …).
    ImpossibleTransition,
    /// Lawful-process policy forbids this action unless explicitly overridden with a reason.
    Prohibited,
}

impl ErrorCode {
    /// The code's stable text (`impossible_transition`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::UnknownKind => "unknown_kind",
            ErrorCode::UnknownReference => "unknown_reference",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::BeforeExistence => "before_existence",
            ErrorCode::ImpossibleTransition => "impossible_transition",
            ErrorCode::Prohibited => "prohibited",
        }
    }
}

/// A refused fact or command.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct DomainError {
    /// Stable code.
    pub code: ErrorCode,
    /// The field at fault, when one is (`id_number`, `at`).
    pub field: Option<String>,
    /// Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

impl DomainError {
    /// A new error.
    pub fn new(code: ErrorCode, zh: impl Into<String>, en: impl Into<String>) -> DomainError {
        DomainError {
            code,
            field: None,
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }

    /// The same error, naming the field at fault.
    pub fn at_field(mut self, field: impl Into<String>) -> DomainError {
        self.field = Some(field.into());
        self
    }

    /// A malformed value; `detail` is usually bilingual already.
    pub fn invalid(field: impl Into<String>, detail: impl fmt::Display) -> DomainError {
        let field = field.into();
        DomainError::new(
            ErrorCode::Invalid,
            format!("字段“{field}”无效：{detail}"),
            format!("field `{field}` is invalid: {detail}"),
        )
        .at_field(field)
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.code.as_str(), self.message_zh)
    }
}
