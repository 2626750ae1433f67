//! The three kinds of petition of 信访工作条例 第29–31条.

use crate::message::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 建议意见类 (第29条): suggestions and opinions on the work of Party and state bodies.
    Suggestion,
    /// 检举控告类 (第30条): reports of misconduct by officials; the reporter is protected.
    Report,
    /// 申诉求决类 (第31条): claims about one's own rights; statutory channels come first.
    Appeal,
}

impl Category {
    pub const ALL: [Self; 3] = [Self::Suggestion, Self::Report, Self::Appeal];

    /// The code of the integration API (`"suggestion" | "report" | "appeal"`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Suggestion => "suggestion",
            Self::Report => "report",
            Self::Appeal => "appeal",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Suggestion => Msg::new("category-suggestion"),
            Self::Report => Msg::new("category-report"),
            Self::Appeal => Msg::new("category-appeal"),
        }
    }

    /// The article that governs it.
    pub fn article(self) -> Msg {
        match self {
            Self::Suggestion => Msg::new("article-29"),
            Self::Report => Msg::new("article-30"),
            Self::Appeal => Msg::new("article-31"),
        }
    }

    /// Whether the petitioner's identity must be hidden from the unit reported on (第30条).
    pub fn hides_identity_from_unit(self) -> bool {
        self == Self::Report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.code()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
        assert_eq!(Category::parse("complaint"), None);
    }

    #[test]
    fn only_reports_hide_the_reporter() {
        assert!(Category::Report.hides_identity_from_unit());
        assert!(!Category::Appeal.hides_identity_from_unit());
    }
}
