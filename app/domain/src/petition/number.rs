//! What a citizen keeps after submitting: the petition number (信访件编号) and the 查询码.
//!
//! The number is not a secret: it is read out over the phone, so it is short, all digits after
//! `XF`, and carries its date. The 查询码 is the secret: 12 characters from an alphabet without
//! look-alikes (no 0/O, 1/I/L), about 59 bits, shown once and stored only as a hash.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// `XF` + received date `YYYYMMDD` + the sequence of that day in at least 4 digits, e.g.
/// `XF202612010042`; the 10,000th of a day is `XF2026120110000`, so numbers never run out.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PetitionNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiptError {
    Empty,
    /// Not the shape of a number or code this portal issues.
    Shape,
}

impl ReceiptError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "required",
            Self::Shape => "format",
        }
    }
}

impl fmt::Display for ReceiptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "empty",
            Self::Shape => "not the shape of a petition number or 查询码",
        })
    }
}

impl std::error::Error for ReceiptError {}

/// The one form of a typed number (or code) that every comparison and every throttle uses:
/// full-width characters folded, upper case, without spaces or hyphens.
pub fn canonical_number(input: &str) -> String {
    normalise(input)
}

fn normalise(input: &str) -> String {
    input
        .chars()
        .map(|c| crate::text::fold_full_width(c).to_ascii_uppercase())
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// The sequence of a day in at least four digits: `0042`, `9999`, `10000`.
fn sequence_digits(sequence: u32) -> Option<String> {
    (1..=PetitionNumber::MAX_PER_DAY)
        .contains(&sequence)
        .then(|| format!("{sequence:04}"))
}

/// A number of the form PREFIX + `YYYYMMDD` + a sequence (4 digits, not `0000`, or more digits
/// without a leading zero), normalised.
fn numbered(input: &str, prefix: &str) -> Result<String, ReceiptError> {
    let s = normalise(input);
    if s.is_empty() {
        return Err(ReceiptError::Empty);
    }
    let digits = s.strip_prefix(prefix).ok_or(ReceiptError::Shape)?;
    if !(12..=16).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ReceiptError::Shape);
    }
    NaiveDate::parse_from_str(&digits[..8], "%Y%m%d").map_err(|_| ReceiptError::Shape)?;
    let sequence: u32 = digits[8..].parse().map_err(|_| ReceiptError::Shape)?;
    if sequence_digits(sequence).as_deref() != Some(&digits[8..]) {
        return Err(ReceiptError::Shape);
    }
    Ok(s)
}

/// A legal-aid application's number: `FY` (法援) + received date + a 4-digit daily sequence.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LegalAidNumber(String);

impl LegalAidNumber {
    pub fn new(received: NaiveDate, sequence: u32) -> Option<Self> {
        let digits = sequence_digits(sequence)?;
        Some(Self(format!("FY{}{digits}", received.format("%Y%m%d"))))
    }

    pub fn parse(input: &str) -> Result<Self, ReceiptError> {
        numbered(input, "FY").map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PetitionNumber {
    /// Eight digits of sequence: a hundred million a day, more than any flood can file.
    pub const MAX_PER_DAY: u32 = 99_999_999;

    pub fn new(received: NaiveDate, sequence: u32) -> Option<Self> {
        let digits = sequence_digits(sequence)?;
        Some(Self(format!("XF{}{digits}", received.format("%Y%m%d"))))
    }

    /// Accepts spaces, hyphens, lower case and full-width characters.
    pub fn parse(input: &str) -> Result<Self, ReceiptError> {
        numbered(input, "XF").map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Grouped for reading aloud and printing: `XF 2026 1201 0042`.
    pub fn grouped(&self) -> String {
        format!("XF {} {} {}", &self.0[2..6], &self.0[6..10], &self.0[10..])
    }
}

impl TryFrom<String> for PetitionNumber {
    type Error = ReceiptError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<PetitionNumber> for String {
    fn from(n: PetitionNumber) -> Self {
        n.0
    }
}

/// The secret that, with the number, opens a case's status page.
#[derive(Clone, PartialEq, Eq)]
pub struct QueryCode(String);

impl QueryCode {
    pub const ALPHABET: &'static [u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    pub const LEN: usize = 12;

    /// A new code; `pick(n)` must return a uniformly random index below `n` from a CSPRNG.
    pub fn generate(mut pick: impl FnMut(usize) -> usize) -> Self {
        Self(
            (0..Self::LEN)
                .map(|_| Self::ALPHABET[pick(Self::ALPHABET.len()) % Self::ALPHABET.len()] as char)
                .collect(),
        )
    }

    /// Accepts spaces, hyphens, lower case and full-width characters.
    pub fn parse(input: &str) -> Result<Self, ReceiptError> {
        let s = normalise(input);
        if s.is_empty() {
            return Err(ReceiptError::Empty);
        }
        if s.len() != Self::LEN || !s.bytes().all(|b| Self::ALPHABET.contains(&b)) {
            return Err(ReceiptError::Shape);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Grouped for copying by hand: `ABCD-EFGH-JKMN`.
    pub fn grouped(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

/// The code is a secret: never in logs or panics.
impl fmt::Debug for QueryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("QueryCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_carry_their_date_and_read_aloud_in_groups() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let n = PetitionNumber::new(d, 42).unwrap();
        assert_eq!(n.as_str(), "XF202612010042");
        assert_eq!(n.grouped(), "XF 2026 1201 0042");
        assert_eq!(PetitionNumber::parse("xf 2026 1201 0042").unwrap(), n);
        assert_eq!(
            PetitionNumber::parse("ＸＦ２０２６１２０１００４２").unwrap(),
            n
        );
        assert!(PetitionNumber::new(d, 0).is_none());
    }

    #[test]
    fn numbers_do_not_run_out_after_the_ten_thousandth_of_a_day() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let last_short = PetitionNumber::new(d, 9_999).unwrap();
        assert_eq!(last_short.as_str(), "XF202612019999");
        let n = PetitionNumber::new(d, 10_000).unwrap();
        assert_eq!(n.as_str(), "XF2026120110000");
        assert_eq!(n.grouped(), "XF 2026 1201 10000");
        assert_eq!(PetitionNumber::parse("xf 2026 1201 10000").unwrap(), n);
        let most = PetitionNumber::new(d, PetitionNumber::MAX_PER_DAY).unwrap();
        assert_eq!(PetitionNumber::parse(most.as_str()).unwrap(), most);
        assert_eq!(
            LegalAidNumber::new(d, 123_456).unwrap().as_str(),
            "FY20261201123456"
        );
        // One spelling per number: no leading zeros on the longer sequences.
        for bad in [
            "XF20261201010000",
            "XF202612010000000",
            "XF20261201123456789",
        ] {
            assert_eq!(
                PetitionNumber::parse(bad),
                Err(ReceiptError::Shape),
                "{bad}"
            );
        }
    }

    #[test]
    fn every_spelling_of_a_number_has_one_canonical_form() {
        for typed in [
            "XF202612010042",
            "XF 2026 1201 0042",
            "xf-2026-1201-0042",
            "ＸＦ２０２６１２０１００４２",
            " xf2026 12010042 ",
        ] {
            assert_eq!(canonical_number(typed), "XF202612010042", "{typed:?}");
        }
    }

    #[test]
    fn malformed_numbers_are_refused() {
        assert_eq!(PetitionNumber::parse(""), Err(ReceiptError::Empty));
        for bad in [
            "XF2026120100",
            "AB202612010042",
            "XF202613010042",
            "XF202612010000",
            "XF20261201004X",
        ] {
            assert_eq!(
                PetitionNumber::parse(bad),
                Err(ReceiptError::Shape),
                "{bad}"
            );
        }
    }

    #[test]
    fn legal_aid_numbers_have_their_own_prefix() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let n = LegalAidNumber::new(d, 7).unwrap();
        assert_eq!(n.as_str(), "FY202612010007");
        assert_eq!(LegalAidNumber::parse("fy 2026 1201 0007").unwrap(), n);
        assert_eq!(
            LegalAidNumber::parse("XF202612010007"),
            Err(ReceiptError::Shape)
        );
        assert_eq!(
            PetitionNumber::parse("FY202612010007"),
            Err(ReceiptError::Shape)
        );
    }

    #[test]
    fn codes_use_only_the_unambiguous_alphabet() {
        let mut i = 0;
        let code = QueryCode::generate(|n| {
            i += 7;
            i % n
        });
        assert_eq!(code.as_str().len(), QueryCode::LEN);
        assert!(!code.as_str().contains(['0', 'O', '1', 'I', 'L']));
        assert_eq!(
            QueryCode::parse(&code.grouped().to_lowercase()).unwrap(),
            code
        );
    }

    #[test]
    fn codes_with_look_alikes_or_wrong_length_are_refused() {
        assert_eq!(QueryCode::parse("ABCD-EFGH-JK0N"), Err(ReceiptError::Shape));
        assert_eq!(QueryCode::parse("ABCD-EFGH-JK"), Err(ReceiptError::Shape));
        assert_eq!(QueryCode::parse(""), Err(ReceiptError::Empty));
        assert_eq!(
            format!("{:?}", QueryCode::parse("ABCDEFGHJKMN").unwrap()),
            "QueryCode(…)"
        );
    }
}
