//! 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence whose last
//! digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::elements::Gender;

/// A valid 18-character citizen ID number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IdNumber(String);

/// Weights of the 17 body digits for the MOD 11-2 check (GB 11643-1999 §7.2).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder 0..=10.
const CHECK_CHARACTERS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The check character for 17 body digits.
pub fn check_character(body: &str) -> Option<char> {
    if body.len() != 17 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(CHECK_CHARACTERS[(sum % 11) as usize])
}

impl IdNumber {
    /// Parses and checks an ID number; a lowercase `x` is accepted and normalised.
    pub fn parse(text: &str) -> Result<IdNumber, String> {
        let text = text.trim().to_ascii_uppercase();
        if text.len() != 18 || !text.is_ascii() {
            return Err(format!(
                "身份证号码应为18位 (ID number must have 18 characters): {text}"
            ));
        }
        let (body, check) = text.split_at(17);
        let expected = check_character(body).ok_or_else(|| {
            format!("身份证号码前17位应为数字 (first 17 characters must be digits): {text}")
        })?;
        if body[..6].starts_with('0') {
            return Err(format!("身份证号码地址码无效 (bad region code): {text}"));
        }
        parse_birth_date(&body[6..14])
            .ok_or_else(|| format!("身份证号码出生日期无效 (bad birth date): {text}"))?;
        if !check.starts_with(expected) {
            return Err(format!(
                "身份证号码校验码错误，应为{expected} (bad check character, expected {expected}): {text}"
            ));
        }
        Ok(IdNumber(text))
    }

    /// The number's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date encoded in digits 7–14.
    pub fn birth_date(&self) -> Date {
        parse_birth_date(&self.0[6..14]).expect("checked at parse")
    }

    /// The gender encoded in digit 17: odd for men, even for women.
    pub fn gender(&self) -> Gender {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    /// The administrative region code (digits 1–6).
    pub fn region(&self) -> &str {
        &self.0[..6]
    }

    /// The masked form shown on screens: region code, eight stars, the last four characters
    /// (`110101********123X`), so a person can be recognised without exposing the birth date.
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[..6], &self.0[14..])
    }
}

fn parse_birth_date(digits: &str) -> Option<Date> {
    let year: i16 = digits[..4].parse().ok()?;
    let month: i8 = digits[4..6].parse().ok()?;
    let day: i8 = digits[6..8].parse().ok()?;
    if year < 1900 {
        return None;
    }
    Date::new(year, month, day).ok()
}

impl fmt::Display for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for IdNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IdNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IdNumber, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        IdNumber::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn valid_numbers_and_what_they_encode() {
        // (number, birth date, gender) — the first is the standard's own example.
        let cases = [
            ("11010519491231002X", "1949-12-31", Gender::Female),
            ("11010519491231002x", "1949-12-31", Gender::Female),
            ("110101200001010010", "2000-01-01", Gender::Male),
            ("440106201602290022", "2016-02-29", Gender::Female),
        ];
        for (text, birth, gender) in cases {
            let number = IdNumber::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(number.birth_date().to_string(), birth, "{text}");
            assert_eq!(number.gender(), gender, "{text}");
        }
    }

    #[test]
    fn invalid_numbers_are_refused_with_the_reason() {
        let cases = [
            ("110105194912310021", "校验码"),   // bad checksum
            ("11010519491231002", "18位"),      // too short
            ("1101051949123100211", "18位"),    // too long
            ("11010519491331002X", "出生日期"), // month 13
            ("110105201502290020", "出生日期"), // 2015 is not a leap year
            ("11010518001231002X", "出生日期"), // before 1900
            ("A1010519491231002X", "数字"),     // letter in the body
            ("010105194912310025", "地址码"),   // region starting with 0
        ];
        for (text, reason) in cases {
            let error = IdNumber::parse(text).expect_err(text);
            assert!(error.contains(reason), "{text}: {error}");
        }
    }

    #[test]
    fn masks_birth_date_and_sequence() {
        let number = IdNumber::parse("11010519491231002X").unwrap();
        assert_eq!(number.masked(), "110105********002X");
    }

    proptest! {
        /// Any 17 digits with a valid date and the computed check character parse; any other
        /// check character is refused.
        #[test]
        fn check_character_round_trips(region in 110000u32..660000, days in 0i32..40000, seq in 0u32..1000, wrong in 0usize..11) {
            let birth = Date::new(1920, 1, 1).unwrap().checked_add(jiff::Span::new().days(days)).unwrap();
            let body = format!("{region:06}{}{seq:03}", birth.strftime("%Y%m%d"));
            let check = check_character(&body).unwrap();
            let number = IdNumber::parse(&format!("{body}{check}")).unwrap();
            prop_assert_eq!(number.birth_date(), birth);
            let other = CHECK_CHARACTERS[wrong];
            if other != check {
                let wrong_number = format!("{body}{other}");
                prop_assert!(IdNumber::parse(&wrong_number).is_err());
            }
        }
    }
}
