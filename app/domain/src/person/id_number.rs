//! 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and
//! one ISO 7064 MOD 11-2 check character.

use crate::message::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A resident ID number whose shape, birth date and check character are right.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdNumber(String);

/// Why an ID number was refused; each names one thing the citizen can fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdNumberError {
    Empty,
    /// Not 18 characters after removing spaces.
    Length,
    /// Something other than digits, or an X anywhere but last.
    Characters,
    /// The first two digits are not a province code.
    Region,
    /// Digits 7–14 are not a real date from 1900 up to today.
    BirthDate,
    /// The last character does not match the other 17.
    CheckCharacter,
}

impl IdNumberError {
    /// A stable code for the API.
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "required",
            Self::Length => "id_number_length",
            Self::Characters => "id_number_characters",
            Self::Region => "id_number_region",
            Self::BirthDate => "id_number_birth_date",
            Self::CheckCharacter => "id_number_check",
        }
    }

    /// What to tell the citizen.
    pub fn message(self) -> Msg {
        match self {
            Self::Empty => Msg::new("id-number-empty"),
            Self::Length => Msg::new("id-number-length"),
            Self::Characters => Msg::new("id-number-characters"),
            Self::Region => Msg::new("id-number-region"),
            Self::BirthDate => Msg::new("id-number-birth-date"),
            Self::CheckCharacter => Msg::new("id-number-check"),
        }
    }
}

impl fmt::Display for IdNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for IdNumberError {}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [u8; 11] = *b"10X98765432";

/// Province-level codes of GB/T 2260 (the first two digits).
const PROVINCES: [&str; 34] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82",
];

fn check_character(first17: &[u8]) -> u8 {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

impl IdNumber {
    /// Parses what a citizen typed: spaces are ignored, full-width digits and a lower-case x are
    /// accepted. `today` bounds the birth date (in Asia/Shanghai).
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, IdNumberError> {
        let s: String = input
            .chars()
            .map(|c| match crate::text::fold_full_width(c) {
                'x' => 'X',
                other => other,
            })
            .filter(|c| !c.is_whitespace())
            .collect();
        if s.is_empty() {
            return Err(IdNumberError::Empty);
        }
        if s.chars().count() != 18 {
            return Err(IdNumberError::Length);
        }
        let b = s.as_bytes();
        if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
            return Err(IdNumberError::Characters);
        }
        if !PROVINCES.contains(&&s[..2]) {
            return Err(IdNumberError::Region);
        }
        let birth =
            NaiveDate::parse_from_str(&s[6..14], "%Y%m%d").map_err(|_| IdNumberError::BirthDate)?;
        let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date");
        if birth < earliest || birth > today {
            return Err(IdNumberError::BirthDate);
        }
        if check_character(&b[..17]) != b[17] {
            return Err(IdNumberError::CheckCharacter);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.0[6..14], "%Y%m%d").expect("checked when parsed")
    }

    /// For lists and logs of staff pages: `110105********002X`.
    pub fn masked(&self) -> String {
        mask_id_number(&self.0)
    }
}

/// An ID number as lists and logs show it: `110105********002X` (all stars for anything that is
/// not 18 characters).
pub fn mask_id_number(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 {
        return "*".repeat(chars.len());
    }
    let mut out: String = chars[..6].iter().collect();
    out.push_str("********");
    out.extend(&chars[14..]);
    out
}

/// Never print the whole number by accident (logs, panics).
impl fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdNumber({})", self.masked())
    }
}

impl TryFrom<String> for IdNumber {
    type Error = IdNumberError;
    /// For stored values; input from people goes through [`IdNumber::parse`] with today's date.
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s, NaiveDate::MAX)
    }
}

impl From<IdNumber> for String {
    fn from(id: IdNumber) -> Self {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn accepts_the_standard_example() {
        let id = IdNumber::parse("11010519491231002X", today()).unwrap();
        assert_eq!(
            id.birth_date(),
            NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
        );
        assert_eq!(id.masked(), "110105********002X");
    }

    #[test]
    fn accepts_spaces_lower_case_x_and_full_width_digits() {
        let want = IdNumber::parse("11010519491231002X", today()).unwrap();
        assert_eq!(
            IdNumber::parse(" 110105 19491231 002x ", today()).unwrap(),
            want
        );
        assert_eq!(
            IdNumber::parse("１１０１０５１９４９１２３１００２Ｘ", today()).unwrap(),
            want
        );
    }

    #[test]
    fn changing_any_one_digit_breaks_the_check_character() {
        let good = "11010519491231002X";
        for i in 0..17 {
            let mut b = good.as_bytes().to_vec();
            b[i] = if b[i] == b'9' { b'0' } else { b[i] + 1 };
            let changed = String::from_utf8(b).unwrap();
            let err = IdNumber::parse(&changed, today()).unwrap_err();
            assert!(
                matches!(
                    err,
                    IdNumberError::CheckCharacter
                        | IdNumberError::Region
                        | IdNumberError::BirthDate
                ),
                "{changed}: {err:?}"
            );
        }
        assert_eq!(
            IdNumber::parse("110105194912310021", today()),
            Err(IdNumberError::CheckCharacter)
        );
    }

    #[test]
    fn accepts_fangchenggang_numbers() {
        assert!(IdNumber::parse("450602198001010012", today()).is_ok());
        assert!(IdNumber::parse("450681199012310037", today()).is_ok());
    }

    #[test]
    fn names_what_is_wrong() {
        assert_eq!(IdNumber::parse("", today()), Err(IdNumberError::Empty));
        assert_eq!(
            IdNumber::parse("1101051949123100", today()),
            Err(IdNumberError::Length)
        );
        assert_eq!(
            IdNumber::parse("11010519491231002XX", today()),
            Err(IdNumberError::Length)
        );
        assert_eq!(
            IdNumber::parse("1101051949123100X2", today()),
            Err(IdNumberError::Characters)
        );
        assert_eq!(
            IdNumber::parse("11010519491231a02X", today()),
            Err(IdNumberError::Characters)
        );
        assert_eq!(
            IdNumber::parse("99010519491231002X", today()),
            Err(IdNumberError::Region)
        );
        // 1949-02-30 does not exist.
        assert_eq!(
            IdNumber::parse("110105194902300020", today()),
            Err(IdNumberError::BirthDate)
        );
    }

    #[test]
    fn a_birth_date_in_the_future_is_refused() {
        // 2027-01-01, check character computed for it.
        let future = "450602202701010012";
        assert_eq!(
            IdNumber::parse(future, today()),
            Err(IdNumberError::BirthDate)
        );
    }

    #[test]
    fn debug_output_is_masked() {
        let id = IdNumber::parse("11010519491231002X", today()).unwrap();
        assert_eq!(format!("{id:?}"), "IdNumber(110105********002X)");
    }
}
