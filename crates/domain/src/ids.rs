//! Identifiers of elements: newtypes so a `CaseId` can never be passed where a `PersonId` is meant.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// Longest id accepted; ids appear in URLs, document numbers and ledger keys.
pub const ID_LENGTH_MAX: usize = 64;

/// Checks an id's text: non-empty, at most [`ID_LENGTH_MAX`] bytes, no whitespace, `/`, `?` or
/// `#` (ids are used as URL path segments) and no control characters.
pub fn check_id(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("编号为空 (empty id)".into());
    }
    if text.len() > ID_LENGTH_MAX {
        return Err(format!(
            "编号超过{ID_LENGTH_MAX}字节 (id longer than {ID_LENGTH_MAX} bytes)"
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '/' | '?' | '#' | '%'))
    {
        return Err(format!(
            "编号含有不允许的字符 (id has a forbidden character): {text}"
        ));
    }
    Ok(())
}

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Parses an id's text (see [`check_id`]).
            pub fn parse(text: &str) -> Result<Self, String> {
                check_id(text)?;
                Ok(Self(text.to_owned()))
            }
            /// The id's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        /// Maps keyed by id can be searched with the id's text.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    )*};
}

id_type!(
    /// A unit of the tree 省→市→县→所/队.
    UnitId,
    /// A police officer (民警 or 辅警), also the login identity.
    OfficerId,
    /// 警情: an incident.
    IncidentId,
    /// 案件: a case.
    CaseId,
    /// 人员: a person.
    PersonId,
    /// 强制措施: a coercive measure on a person.
    MeasureId,
    /// 办案中心在区: one stay of a person in the case-handling center.
    StayId,
    /// 讯问/询问: one interrogation or questioning.
    InterrogationId,
    /// 涉案财物: a property item.
    PropertyId,
    /// 文书: a legal document.
    DocumentId,
    /// 预警: a warning raised by the supervision engine and worked through its loop.
    WarningId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_ids_and_refuses_odd_ones() {
        for good in ["C1", "U33050301", "案-2026-001", "a.b_c-d"] {
            assert!(CaseId::parse(good).is_ok(), "{good}");
        }
        let long = "x".repeat(ID_LENGTH_MAX + 1);
        for bad in ["", " C1", "C 1", "a/b", "a?b", "a\nb", long.as_str()] {
            assert!(CaseId::parse(bad).is_err(), "{bad:?}");
        }
    }
}
