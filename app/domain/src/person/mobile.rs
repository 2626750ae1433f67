//! Mainland mobile numbers: `1`, then `3`–`9`, then nine digits.

use crate::message::Msg;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Mobile(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MobileError {
    Empty,
    Characters,
    Length,
    NotMobile,
}

impl MobileError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "required",
            Self::Characters => "mobile_characters",
            Self::Length => "mobile_length",
            Self::NotMobile => "mobile_prefix",
        }
    }

    pub fn message(self) -> Msg {
        match self {
            Self::Empty => Msg::new("mobile-empty"),
            Self::Characters => Msg::new("mobile-characters"),
            Self::Length => Msg::new("mobile-length"),
            Self::NotMobile => Msg::new("mobile-not-mobile"),
        }
    }
}

impl fmt::Display for MobileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for MobileError {}

impl Mobile {
    /// Accepts spaces, hyphens, full-width digits and a leading +86 / 86.
    pub fn parse(input: &str) -> Result<Self, MobileError> {
        let mut s: String = input
            .chars()
            .map(crate::text::fold_full_width)
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if s.is_empty() {
            return Err(MobileError::Empty);
        }
        if let Some(rest) = s.strip_prefix("+86") {
            s = rest.to_owned();
        } else if s.len() == 13 && s.starts_with("86") {
            s = s[2..].to_owned();
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MobileError::Characters);
        }
        if s.len() != 11 {
            return Err(MobileError::Length);
        }
        let b = s.as_bytes();
        if b[0] != b'1' || !(b'3'..=b'9').contains(&b[1]) {
            return Err(MobileError::NotMobile);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `138****5678`.
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

impl fmt::Debug for Mobile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mobile({})", self.masked())
    }
}

impl TryFrom<String> for Mobile {
    type Error = MobileError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Mobile> for String {
    fn from(m: Mobile) -> Self {
        m.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_ways_of_writing_a_number() {
        for input in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "8613812345678",
            "１３８１２３４５６７８",
        ] {
            assert_eq!(
                Mobile::parse(input).unwrap().as_str(),
                "13812345678",
                "{input}"
            );
        }
        assert!(Mobile::parse("19912345678").is_ok());
    }

    #[test]
    fn names_what_is_wrong() {
        assert_eq!(Mobile::parse(" "), Err(MobileError::Empty));
        assert_eq!(Mobile::parse("1381234567"), Err(MobileError::Length));
        assert_eq!(Mobile::parse("138123456789"), Err(MobileError::Length));
        assert_eq!(Mobile::parse("1381234567a"), Err(MobileError::Characters));
        assert_eq!(Mobile::parse("12812345678"), Err(MobileError::NotMobile));
        assert_eq!(Mobile::parse("07702345678"), Err(MobileError::NotMobile));
    }

    #[test]
    fn is_masked_in_debug_output() {
        let m = Mobile::parse("13812345678").unwrap();
        assert_eq!(format!("{m:?}"), "Mobile(138****5678)");
    }
}
