//! The statutory clock: when each step of a case is due.
//!
//! Rules (PRODUCT.md "Statutory clock"; 信访工作条例; 法律援助法 第43条; 民法典 第201、203条):
//! - a period counts from the day *after* the triggering day (民法典 第201条), dates in Asia/Shanghai;
//! - a period in days counts calendar days; one in 工作日 counts working days only;
//! - if the last day of a period is not a working day (a weekend or a public holiday), the period
//!   ends on the next working day (民法典 第203条);
//! - working days are Monday to Friday, minus the public holidays, plus the make-up working days
//!   (调休上班) — both lists come from the bureau's configuration.

pub use crate::limit::{Limit, Unit};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Public holidays and make-up working days (调休上班), as the State Council publishes them each year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    #[serde(default)]
    pub holidays: BTreeSet<NaiveDate>,
    #[serde(default)]
    pub workdays: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The years for which the configuration lists any holiday.
    pub fn years_covered(&self) -> BTreeSet<i32> {
        self.holidays.iter().map(|d| d.year()).collect()
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};

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
            assert!(l.article().id.starts_with("limit-article"), "{l:?}");
            assert!(l.length() > 0);
        }
        assert_eq!(
            Limit::ObjectToAssignment.length_label(),
            crate::msg!("limit-working-days", n = 5u32)
        );
        assert_eq!(
            Limit::Handle.length_label(),
            crate::msg!("limit-days", n = 60u32)
        );
    }
}
