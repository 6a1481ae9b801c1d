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

/// Ids no longer than this are kept inside the id itself, without a heap allocation. The
/// generated ids and most real ones (警情 and case numbers of up to 22 characters) fit.
const INLINE: usize = 22;

/// An id's text, 24 bytes: inline when short, on the heap otherwise.
///
/// A province holds tens of millions of ids, each cloned into links and looked up in maps many
/// times per screening. As `String`s every one was a heap allocation and every comparison a call
/// to `memcmp`; inline, a clone is a copy and equality compares fixed-size arrays. The
/// representation is canonical (a text of up to `INLINE` bytes is always inline, zero-padded),
/// so the derived equality is text equality; hashing and ordering go through the text, so maps
/// keyed by ids can still be searched with a `&str`.
#[derive(Clone, PartialEq, Eq)]
enum IdText {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl IdText {
    fn new(text: &str) -> IdText {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            IdText::Inline {
                len: text.len() as u8,
                bytes,
            }
        } else {
            IdText::Heap(text.into())
        }
    }

    #[inline]
    fn as_str(&self) -> &str {
        match self {
            IdText::Inline { len, bytes } => {
                // Only ever built from a `&str` cut at its own length.
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            IdText::Heap(text) => text,
        }
    }
}

impl IdText {
    #[inline]
    fn bytes(&self) -> &[u8] {
        match self {
            IdText::Inline { len, bytes } => &bytes[..*len as usize],
            IdText::Heap(text) => text.as_bytes(),
        }
    }
}

/// Hashes exactly as `str` does (its bytes, then 0xff: `Hasher::write_str`'s definition), so
/// that a map keyed by ids finds `&str` keys, without checking the bytes are UTF-8 on every
/// lookup; `hashes_as_its_text` checks the equivalence for the hashers the maps use.
impl std::hash::Hash for IdText {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write(self.bytes());
        state.write_u8(0xff);
    }
}

impl PartialOrd for IdText {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IdText {
    #[inline]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for IdText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(IdText);

        impl $name {
            /// Parses an id's text (see [`check_id`]).
            pub fn parse(text: &str) -> Result<Self, String> {
                check_id(text)?;
                Ok(Self(IdText::new(text)))
            }
            /// The id's text.
            #[inline]
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }


        /// Maps keyed by id can be searched with the id's text.
        impl std::borrow::Borrow<str> for $name {
            #[inline]
            fn borrow(&self) -> &str {
                self.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
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
        assert_eq!(
            CaseId::parse(&"x".repeat(ID_LENGTH_MAX))
                .unwrap()
                .as_str()
                .len(),
            ID_LENGTH_MAX
        );
        for bad in ["", " C1", "C 1", "a/b", "a?b", "a\nb", long.as_str()] {
            assert!(CaseId::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn hashes_as_its_text() {
        use std::hash::BuildHasher;
        let foldhash = foldhash::fast::RandomState::default();
        let std = std::collections::hash_map::RandomState::new();
        for text in ["C1", "案-2026-001", &"y".repeat(INLINE + 5)] {
            let id = CaseId::parse(text).unwrap();
            assert_eq!(foldhash.hash_one(&id), foldhash.hash_one(text), "{text}");
            assert_eq!(std.hash_one(&id), std.hash_one(text), "{text}");
            assert_ne!(foldhash.hash_one(&id), foldhash.hash_one("C2"), "{text}");
        }
    }

    /// Inline and heap ids behave as their text: equal, hashed, ordered and borrowed alike.
    #[test]
    fn an_id_is_its_text_whatever_its_length() {
        use std::collections::{BTreeSet, HashMap};
        let texts = [
            "",
            "a",
            "案-2026-001",
            &"x".repeat(INLINE),
            &"y".repeat(INLINE + 1),
            &"案".repeat(20),
        ];
        let ids: Vec<IdText> = texts.iter().map(|t| IdText::new(t)).collect();
        for (text, id) in texts.iter().zip(&ids) {
            assert_eq!(id.as_str(), *text);
        }
        assert!(matches!(ids[3], IdText::Inline { .. }));
        assert!(matches!(ids[4], IdText::Heap(_)));
        let map: HashMap<CaseId, usize> = texts[1..]
            .iter()
            .enumerate()
            .map(|(i, t)| (CaseId::parse(t).unwrap(), i))
            .collect();
        for (i, t) in texts[1..].iter().enumerate() {
            assert_eq!(map.get(*t), Some(&i), "{t}");
        }
        let sorted: Vec<&str> = ids
            .iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(IdText::as_str)
            .collect();
        let mut expected = texts.to_vec();
        expected.sort();
        assert_eq!(sorted, expected);
        assert_eq!(std::mem::size_of::<CaseId>(), 24);
        assert_eq!(CaseId::parse("C1").unwrap(), CaseId::parse("C1").unwrap());
        assert_ne!(CaseId::parse("C1").unwrap(), CaseId::parse("C10").unwrap());
        assert_eq!(
            serde_json::to_string(&CaseId::parse("案1").unwrap()).unwrap(),
            "\"案1\""
        );
    }
}
