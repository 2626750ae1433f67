//! The statutory clock: when each step of a case is due.
//!
//! Rules (PRODUCT.md "Statutory clock"; 信访工作条例; 法律援助法 第43条; 民法典 第201、203条):
//! - a period counts from the day *after* the triggering day (民法典 第201条), dates in Asia/Shanghai;
//! - a period in days counts calendar days; one in 工作日 counts working days only;
//! - if the last day of a period is not a working day (a weekend or a public holiday), the period
//!   ends on the next working day (民法典 第203条);
//! - working days are Monday to Friday, minus the public holidays, plus the make-up working days
//!   (调休上班) — both lists come from the bureau's configuration.

use crate::domain::config::Calendar;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The date of an RFC 3339 time as stored (with its +08:00 offset, so the Asia/Shanghai date);
/// the epoch's date for anything unreadable.
pub fn date_of(rfc3339: &str) -> NaiveDate {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

impl Calendar {
    /// Whether offices work on `day`.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        if self.holidays.contains(&day) {
            return false;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The first working day on or after `day`.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        let mut d = day;
        while !self.is_working_day(d) {
            d = d + Days::new(1);
        }
        d
    }

    /// The last day of a period of `days` calendar days after `trigger`, moved off a rest day.
    pub fn due_in_days(&self, trigger: NaiveDate, days: u32) -> NaiveDate {
        self.next_working_day(trigger + Days::new(u64::from(days)))
    }

    /// The last day of a period of `days` working days after `trigger`.
    pub fn due_in_working_days(&self, trigger: NaiveDate, days: u32) -> NaiveDate {
        let mut d = trigger;
        let mut left = days;
        while left > 0 {
            d = d + Days::new(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// When `limit` runs out for a trigger on `trigger`.
    pub fn due(&self, limit: Limit, trigger: NaiveDate) -> NaiveDate {
        match limit.unit() {
            Unit::Days => self.due_in_days(trigger, limit.length()),
            Unit::WorkingDays => self.due_in_working_days(trigger, limit.length()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Days,
    WorkingDays,
}

/// Every time limit the portal tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The bureau registers and transfers or assigns: 15 days from receipt (第22条).
    Register,
    /// The unit tells the petitioner it received the matter and the route: 15 days (第23条).
    AcknowledgeReceipt,
    /// The unit objects to a wrong assignment: 5 working days (第23条).
    ObjectToAssignment,
    /// Handling a 第31条(六) matter: 60 days from acceptance (第34条).
    Handle,
    /// The one extension of handling: at most 30 days (第34条).
    Extension,
    /// Asking for 复查: 30 days from the written reply (第35条).
    RequestReview,
    /// Answering a 复查: 30 days from the request (第35条).
    AnswerReview,
    /// Asking for 复核: 30 days from the 复查 answer (第36条).
    RequestRecheck,
    /// Answering a 复核: 30 days from the request, hearing time not counted (第36条).
    AnswerRecheck,
    /// Legal aid: decide within 7 days of the application (法律援助法 第43条).
    DecideLegalAid,
    /// Legal aid: assign a lawyer within 3 days of granting (法律援助法 第43条).
    AssignLawyer,
}

impl Limit {
    pub const ALL: [Self; 11] = [
        Self::Register,
        Self::AcknowledgeReceipt,
        Self::ObjectToAssignment,
        Self::Handle,
        Self::Extension,
        Self::RequestReview,
        Self::AnswerReview,
        Self::RequestRecheck,
        Self::AnswerRecheck,
        Self::DecideLegalAid,
        Self::AssignLawyer,
    ];

    pub fn length(self) -> u32 {
        match self {
            Self::Register | Self::AcknowledgeReceipt => 15,
            Self::ObjectToAssignment => 5,
            Self::Handle => 60,
            Self::Extension
            | Self::RequestReview
            | Self::AnswerReview
            | Self::RequestRecheck
            | Self::AnswerRecheck => 30,
            Self::DecideLegalAid => 7,
            Self::AssignLawyer => 3,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Self::ObjectToAssignment => Unit::WorkingDays,
            _ => Unit::Days,
        }
    }

    /// The article that sets the limit.
    pub fn article(self) -> &'static str {
        match self {
            Self::Register => "《信访工作条例》第二十二条",
            Self::AcknowledgeReceipt | Self::ObjectToAssignment => "《信访工作条例》第二十三条",
            Self::Handle | Self::Extension => "《信访工作条例》第三十四条",
            Self::RequestReview | Self::AnswerReview => "《信访工作条例》第三十五条",
            Self::RequestRecheck | Self::AnswerRecheck => "《信访工作条例》第三十六条",
            Self::DecideLegalAid | Self::AssignLawyer => "《中华人民共和国法律援助法》第四十三条",
        }
    }

    /// The step, in plain words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Register => "登记并转送、交办",
            Self::AcknowledgeReceipt => "书面告知接收情况和处理途径",
            Self::ObjectToAssignment => "对转送、交办提出异议",
            Self::Handle => "办结并书面答复",
            Self::Extension => "延长办理期限",
            Self::RequestReview => "请求复查",
            Self::AnswerReview => "作出复查意见",
            Self::RequestRecheck => "请求复核",
            Self::AnswerRecheck => "作出复核意见",
            Self::DecideLegalAid => "作出是否给予法律援助的决定",
            Self::AssignLawyer => "指派法律援助人员",
        }
    }

    /// What the limit is counted from, in plain words (counting starts the day after).
    pub fn counted_from(self) -> &'static str {
        match self {
            Self::Register => "信访部门收到信访事项",
            Self::AcknowledgeReceipt => "承办单位收到转送、交办的事项",
            Self::ObjectToAssignment => "承办单位收到转送、交办的事项",
            Self::Handle => "受理",
            Self::Extension => "60 日的办理期限届满（经批准延长，只能一次）",
            Self::RequestReview => "信访人收到书面答复",
            Self::AnswerReview => "收到复查请求",
            Self::RequestRecheck => "信访人收到复查意见",
            Self::AnswerRecheck => "收到复核请求（听证所需时间不计入）",
            Self::DecideLegalAid => "法律援助机构收到申请",
            Self::AssignLawyer => "决定给予法律援助",
        }
    }

    /// The length in words, e.g. `15 日` or `5 个工作日`.
    pub fn length_label(self) -> String {
        match self.unit() {
            Unit::Days => format!("{} 日", self.length()),
            Unit::WorkingDays => format!("{} 个工作日", self.length()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::config::{BureauConfig, EXAMPLE_CONFIG};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The built-in 2025–2026 calendar (State Council holiday notices).
    fn cal() -> Calendar {
        BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar
    }

    #[test]
    fn counts_from_the_day_after_the_trigger() {
        // 第22条: received Mon 2026-11-02 → 15 days → Tue 2026-11-17, a working day.
        assert_eq!(cal().due(Limit::Register, d("2026-11-02")), d("2026-11-17"));
        // 法律援助法 第43条: applied Mon 2026-11-02 → 7 days → Mon 2026-11-09.
        assert_eq!(
            cal().due(Limit::DecideLegalAid, d("2026-11-02")),
            d("2026-11-09")
        );
    }

    #[test]
    fn a_limit_ending_on_a_weekend_moves_to_monday() {
        // 第23条: received Thu 2026-11-05 → 15 days → Fri 11-20 (working): stays.
        assert_eq!(
            cal().due(Limit::AcknowledgeReceipt, d("2026-11-05")),
            d("2026-11-20")
        );
        // Received Sat 2026-11-07 → 15 days → Sun 11-22 → Mon 11-23 (民法典 第203条).
        assert_eq!(
            cal().due(Limit::AcknowledgeReceipt, d("2026-11-07")),
            d("2026-11-23")
        );
    }

    #[test]
    fn a_limit_ending_in_national_day_moves_past_it() {
        // 第22条: received Tue 2026-09-22 → 15 days → Wed 10-07, inside 国庆节 (10-01..10-07)
        // → Thu 10-08, the first working day after the holiday.
        assert_eq!(cal().due(Limit::Register, d("2026-09-22")), d("2026-10-08"));
    }

    #[test]
    fn a_make_up_working_saturday_is_a_working_day() {
        // Sat 2026-10-10 is 调休上班. 第22条: received Fri 2026-09-25 → 15 days → Sat 10-10: stays.
        let c = cal();
        assert!(c.is_working_day(d("2026-10-10")));
        assert_eq!(c.due(Limit::Register, d("2026-09-25")), d("2026-10-10"));
    }

    #[test]
    fn working_day_limits_skip_weekends_holidays_and_count_make_up_days() {
        // 第23条 objection, 5 working days from Tue 2026-09-29:
        // Wed 09-30 (1), 10-01..10-07 holiday, Thu 10-08 (2), Fri 10-09 (3), Sat 10-10 make-up (4),
        // Sun 10-11 rest, Mon 10-12 (5).
        assert_eq!(
            cal().due(Limit::ObjectToAssignment, d("2026-09-29")),
            d("2026-10-12")
        );
        // An ordinary week: from Mon 2026-11-02 → Mon 11-09.
        assert_eq!(
            cal().due(Limit::ObjectToAssignment, d("2026-11-02")),
            d("2026-11-09")
        );
    }

    #[test]
    fn a_limit_ending_in_the_spring_festival_moves_past_it() {
        // 第34条: accepted Fri 2025-12-19 → 60 days → Tue 2026-02-17, inside 春节
        // (2026-02-15..02-23) → Tue 02-24.
        assert_eq!(cal().due(Limit::Handle, d("2025-12-19")), d("2026-02-24"));
        // 第35条: reply received Thu 2026-01-15 → 30 days → Sat 2026-02-14, a make-up working
        // day before 春节: stays.
        assert_eq!(
            cal().due(Limit::RequestReview, d("2026-01-15")),
            d("2026-02-14")
        );
    }

    #[test]
    fn every_limit_has_its_article_and_length() {
        for l in Limit::ALL {
            assert!(l.article().contains("第"), "{l:?}");
            assert!(l.length() > 0);
        }
        assert_eq!(Limit::ObjectToAssignment.length_label(), "5 个工作日");
        assert_eq!(Limit::Handle.length_label(), "60 日");
    }
}
