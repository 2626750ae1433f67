//! The statutory clock: when each step of a case is due.
//!
//! Rules (PRODUCT.md "Statutory clock"; 信访工作条例; 法律援助法 第43条; 民法典 第201、203条):
//! - a period counts from the day *after* the triggering day (民法典 第201条), dates in Asia/Shanghai;
//! - a period in days counts calendar days; one in 工作日 counts working days only;
//! - if the last day of a period is not a working day (a weekend or a public holiday), the period
//!   ends on the next working day (民法典 第203条);
//! - working days are Monday to Friday, minus the public holidays, plus the make-up working days
//!   (调休上班) — both lists come from the bureau's configuration (the State Council's yearly
//!   notice);
//! - for a year the configuration does not cover yet, the holidays are the statutory ones of
//!   《全国年节及纪念日放假办法》 (元旦, 春节 with 除夕, 清明, 劳动节, 端午, 中秋, 国庆), dated from
//!   the lunar calendar and the solar term; a date counted with them is *provisional*
//!   ([`Calendar::is_provisional`]) until the bureau adds that year's notice, which also sets
//!   the bridging days and make-up working days that no rule can foresee.

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
        if !self.covers(day.year()) && is_statutory_holiday(day) {
            return false;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// Whether the configuration lists `year`'s holidays (its notice was added).
    fn covers(&self, year: i32) -> bool {
        self.holidays
            .range(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)..)
            .next()
            .is_some_and(|d| d.year() == year)
    }

    /// Whether a limit ending on `due` was counted with the statutory holidays alone (its year's
    /// notice is not in the configuration): the date may still move when the notice is added.
    /// Periods start in a year already covered or in a later one, so the end's year decides.
    pub fn is_provisional(&self, due: NaiveDate) -> bool {
        !self.covers(due.year())
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

/// The statutory public holidays of `year` (《全国年节及纪念日放假办法》, as amended in 2024):
/// 元旦 1 January; 春节 除夕 and 正月初一 to 初三; 清明 (the day of the solar term); 劳动节 1–2 May;
/// 端午 五月初五; 中秋 八月十五; 国庆 1–3 October. Empty outside the lunar tables (1901–2100).
pub fn statutory_holidays(year: i32) -> BTreeSet<NaiveDate> {
    let mut days = BTreeSet::new();
    let Ok(y) = u16::try_from(year) else {
        return days;
    };
    let lunar = |month: u8, day: u8| {
        chinese_lunisolar_calendar::LunisolarDate::from_ymd(y, month, false, day)
            .ok()
            .map(|d| d.to_naive_date())
    };
    let (Some(spring), Some(dragon_boat), Some(mid_autumn)) =
        (lunar(1, 1), lunar(5, 5), lunar(8, 15))
    else {
        return days;
    };
    let solar = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day);
    let spring_eve = spring.pred_opt();
    days.extend(
        [
            solar(1, 1),
            spring_eve,
            Some(spring),
            spring.succ_opt(),
            spring.succ_opt().and_then(|d| d.succ_opt()),
            solar(4, qingming_day(year)),
            solar(5, 1),
            solar(5, 2),
            Some(dragon_boat),
            Some(mid_autumn),
            solar(10, 1),
            solar(10, 2),
            solar(10, 3),
        ]
        .into_iter()
        .flatten(),
    );
    days
}

/// Whether `day` is a statutory public holiday ([`statutory_holidays`], worked out once for all
/// the years of the lunar tables: a limit counts day by day, and this is asked of every day).
pub fn is_statutory_holiday(day: NaiveDate) -> bool {
    static ALL: std::sync::LazyLock<BTreeSet<NaiveDate>> =
        std::sync::LazyLock::new(|| (1901..=2100).flat_map(statutory_holidays).collect());
    ALL.contains(&day)
}

/// The April day of 清明, the solar term at the sun's longitude of 15°: the usual formula for the
/// years 2001–2099, ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ with Y the year's last two digits (no year of
/// the century is an exception for 清明); 4 or 5 April otherwise.
fn qingming_day(year: i32) -> u32 {
    if (2001..=2099).contains(&year) {
        let y = f64::from(year % 100);
        let day = (y * 0.2422 + 4.81).floor() - (y / 4.0).floor();
        // Always 4 or 5 in this century.
        if day >= 5.0 { 5 } else { 4 }
    } else {
        5
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};

    #[test]
    fn the_statutory_holidays_of_2027_come_from_the_law_the_lunar_calendar_and_the_solar_term() {
        let days: Vec<String> = statutory_holidays(2027)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            days,
            [
                "2027-01-01", // 元旦
                "2027-02-05", // 除夕
                "2027-02-06", // 春节 正月初一
                "2027-02-07",
                "2027-02-08",
                "2027-04-05", // 清明
                "2027-05-01",
                "2027-05-02",
                "2027-06-09", // 端午 五月初五
                "2027-09-15", // 中秋 八月十五
                "2027-10-01",
                "2027-10-02",
                "2027-10-03",
            ]
        );
        // The same rules give the dates the State Council's notices set for 2025 and 2026.
        let c = cal();
        for year in [2025, 2026] {
            for day in statutory_holidays(year) {
                assert!(c.holidays.contains(&day), "{day} is in the {year} notice");
            }
        }
    }

    #[test]
    fn qingming_falls_on_the_4th_or_5th_as_the_solar_term_does() {
        for (year, day) in [
            (2025, 4),
            (2026, 5),
            (2027, 5),
            (2028, 4),
            (2029, 4),
            (2039, 5),
        ] {
            assert_eq!(qingming_day(year), day, "{year}");
        }
    }

    #[test]
    fn a_year_without_its_notice_falls_back_to_the_statutory_holidays_marked_provisional() {
        let c = cal();
        assert!(!c.covers(2027) && c.covers(2026));
        // 元旦 2027 is a Friday: a limit ending then moves to Monday 01-04.
        assert!(!c.is_working_day(d("2027-01-01")));
        // 第22条: received Thu 2026-12-17 → 15 days → Fri 2027-01-01 → Mon 2027-01-04.
        assert_eq!(c.due(Limit::Register, d("2026-12-17")), d("2027-01-04"));
        assert!(c.is_provisional(d("2027-01-04")));
        assert!(!c.is_provisional(d("2026-11-17")));
        // 春节 2027 from the lunar calendar: 除夕 Fri 02-05 to 初三 Mon 02-08 are not working
        // days; a working-day limit steps over them.
        for day in ["2027-02-05", "2027-02-08"] {
            assert!(!c.is_working_day(d(day)), "{day}");
        }
        assert!(c.is_working_day(d("2027-02-09")));
        // Once the bureau adds the year's notice, it alone counts.
        let mut noticed = c.clone();
        noticed.holidays.insert(d("2027-01-01"));
        assert!(noticed.covers(2027));
        assert!(
            noticed.is_working_day(d("2027-02-05")),
            "not in this (partial) notice"
        );
    }

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
