//! The bureau's reports, computed from the data (issue 18): the yearly report of 信访工作条例
//! 第41条 (the statistics by month, channel, category, field, district and unit; the units most
//! complained about; assignments and supervision; with last year's figures beside them) and the
//! monthly 研判 (this month against the last and the same month last year, the fields and units
//! rising fastest, what is overdue, repeat petitioners and joint matters, with short sentences
//! a clerk edits before printing). Workbench-only: the texts are Simplified Chinese.
//!
//! Definitions beyond `kpi`'s:
//! - a matter counts in the period it was **received** in (Asia/Shanghai), as every figure does;
//! - **交办** (assignments): the matters given to a unit (the first assignment of each), **退回
//!   重新交办**: the objections of a unit to an assignment (第23条), **督办**: the 督办函 and
//!   提醒函 recorded on the matters;
//! - the **units most complained about** (被投诉较多的机关、单位): the unit a 检举控告 names,
//!   else for a 申诉求决 the unit it was given to (the matter is about that unit's work);
//!   建议意见 count against nobody;
//! - a **repeat petitioner** (重复信访): one ID number with two or more matters received in the
//!   twelve months to the month's end, at least one of them in the month;
//! - a **joint matter** (联名信访、集体访): one with other petitioners besides the signer.

use crate::calendar::Calendar;
use crate::case::CaseEvent;
use crate::kpi::{CaseFacts, Figures, figures, is_overdue};
use crate::petition::Category;
use chrono::{Datelike, Months, NaiveDate};
use std::collections::BTreeMap;

/// A matter as the reports read it: its facts for the figures, and what only the reports need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportCase {
    pub facts: CaseFacts,
    /// The GB/T 2260 code of its district.
    pub district: String,
    pub id_number: String,
    /// Other petitioners besides the signer (联名信访、集体访).
    pub joint: bool,
}

/// A count this period and the one it is compared with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub code: String,
    pub now: u32,
    pub before: u32,
}

impl Count {
    /// The change in words: 增长 25.0%, 下降 10.0%, 持平, or 新增 where there was none.
    pub fn change(&self) -> String {
        change(self.now, self.before)
    }
}

/// `now` against `before` in words.
pub fn change(now: u32, before: u32) -> String {
    if now == before {
        return "持平".to_owned();
    }
    if before == 0 {
        return format!("新增 {now} 件");
    }
    let pct = (f64::from(now) - f64::from(before)) / f64::from(before) * 100.0;
    if pct > 0.0 {
        format!("增长 {pct:.1}%")
    } else {
        format!("下降 {:.1}%", -pct)
    }
}

fn counts<'a>(
    now: impl Iterator<Item = &'a ReportCase>,
    before: impl Iterator<Item = &'a ReportCase>,
    key: impl Fn(&ReportCase) -> Option<String>,
    listed: &[String],
) -> Vec<Count> {
    let mut by: BTreeMap<String, (u32, u32)> = listed.iter().map(|c| (c.clone(), (0, 0))).collect();
    for c in now {
        if let Some(k) = key(c) {
            by.entry(k).or_default().0 += 1;
        }
    }
    for c in before {
        if let Some(k) = key(c) {
            by.entry(k).or_default().1 += 1;
        }
    }
    // The listed codes in their order, then any other found (a unit no longer configured).
    let mut out: Vec<Count> = listed
        .iter()
        .map(|c| {
            let (now, before) = by.remove(c).unwrap_or_default();
            Count {
                code: c.clone(),
                now,
                before,
            }
        })
        .collect();
    out.extend(
        by.into_iter()
            .map(|(code, (now, before))| Count { code, now, before }),
    );
    out
}

/// The unit a matter is a complaint about, if any (see the module's definitions).
pub fn complained_of(c: &CaseFacts) -> Option<String> {
    match c.category {
        Category::Report => c.reported_unit.clone().or_else(|| c.unit.clone()),
        Category::Appeal => c.unit.clone(),
        Category::Suggestion => None,
    }
}

/// What the config lists, in its order, for the tables: channels, categories, fields,
/// districts and units.
#[derive(Clone, Debug, Default)]
pub struct Listed {
    pub channels: Vec<String>,
    pub categories: Vec<String>,
    pub fields: Vec<String>,
    pub districts: Vec<String>,
    pub units: Vec<String>,
}

/// The 第41条 report of a year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annual {
    pub year: i32,
    pub received: Count,
    /// January to December.
    pub by_month: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub by_category: Vec<Count>,
    pub by_field: Vec<Count>,
    pub by_district: Vec<Count>,
    pub by_unit: Vec<Count>,
    /// The five units most complained about, most first (none with no complaint).
    pub most_complained: Vec<Count>,
    pub assigned: Count,
    pub objected: Count,
    pub supervision: Count,
    pub figures: Figures,
    pub figures_before: Figures,
}

fn in_year(c: &ReportCase, year: i32) -> bool {
    c.facts.received_on.year() == year
}

fn tally(cases: &[&ReportCase], is: impl Fn(&CaseEvent) -> bool, first_only: bool) -> u32 {
    cases
        .iter()
        .map(|c| {
            let n = c.facts.events.iter().filter(|(_, e)| is(e)).count() as u32;
            if first_only { n.min(1) } else { n }
        })
        .sum()
}

/// The year's report from `cases` (this year's and last year's, others ignored), as of
/// `today`.
pub fn annual(
    cases: &[ReportCase],
    year: i32,
    listed: &Listed,
    today: NaiveDate,
    calendar: &Calendar,
) -> Annual {
    let now: Vec<&ReportCase> = cases.iter().filter(|c| in_year(c, year)).collect();
    let before: Vec<&ReportCase> = cases.iter().filter(|c| in_year(c, year - 1)).collect();
    let months: Vec<String> = (1..=12).map(|m| format!("{m:02}")).collect();
    let table = |key: &dyn Fn(&ReportCase) -> Option<String>, list: &[String]| {
        counts(now.iter().copied(), before.iter().copied(), key, list)
    };
    let mut most_complained: Vec<Count> = table(&|c| complained_of(&c.facts), &[])
        .into_iter()
        .filter(|c| c.now > 0)
        .collect();
    most_complained.sort_by(|a, b| b.now.cmp(&a.now).then(a.code.cmp(&b.code)));
    most_complained.truncate(5);
    let both = |is: &dyn Fn(&CaseEvent) -> bool, first_only: bool| Count {
        code: String::new(),
        now: tally(&now, is, first_only),
        before: tally(&before, is, first_only),
    };
    let facts = |set: &[&ReportCase]| {
        let f: Vec<&CaseFacts> = set.iter().map(|c| &c.facts).collect();
        figures(&f, today, calendar)
    };
    Annual {
        year,
        received: Count {
            code: String::new(),
            now: now.len() as u32,
            before: before.len() as u32,
        },
        by_month: table(
            &|c| Some(format!("{:02}", c.facts.received_on.month())),
            &months,
        ),
        by_channel: table(&|c| Some(c.facts.channel.clone()), &listed.channels),
        by_category: table(
            &|c| Some(c.facts.category.code().to_owned()),
            &listed.categories,
        ),
        by_field: table(&|c| Some(c.facts.field().to_owned()), &listed.fields),
        by_district: table(&|c| Some(c.district.clone()), &listed.districts),
        by_unit: table(&|c| c.facts.unit.clone(), &listed.units),
        most_complained,
        assigned: both(&|e| matches!(e, CaseEvent::Assigned { .. }), true),
        objected: both(&|e| matches!(e, CaseEvent::Objected { .. }), false),
        supervision: both(&|e| matches!(e, CaseEvent::Letter { .. }), false),
        figures: facts(&now),
        figures_before: facts(&before),
    }
}

/// A repeat petitioner of a month: the ID number (masked) and their matters in the twelve
/// months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeat {
    pub masked_id: String,
    pub matters: u32,
}

/// The monthly 研判.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Monthly {
    /// The month's first day.
    pub month: NaiveDate,
    pub received: u32,
    pub last_month: u32,
    pub last_year: u32,
    /// Against last month, rising most first (only those that rose).
    pub fields_rising: Vec<Count>,
    pub units_rising: Vec<Count>,
    /// Matters overdue today, of those read (received in the thirteen months to the month's
    /// end).
    pub overdue: u32,
    pub repeat: Vec<Repeat>,
    pub joint: u32,
    pub figures: Figures,
    pub figures_last_month: Figures,
}

fn in_month(c: &ReportCase, first: NaiveDate) -> bool {
    let d = c.facts.received_on;
    d >= first && d < first + Months::new(1)
}

/// The month's 研判 from `cases` (those received from twelve months before it to its end).
pub fn monthly(
    cases: &[ReportCase],
    first: NaiveDate,
    today: NaiveDate,
    calendar: &Calendar,
) -> Monthly {
    let last = first - Months::new(1);
    let year_ago = first - Months::new(12);
    let this: Vec<&ReportCase> = cases.iter().filter(|c| in_month(c, first)).collect();
    let prev: Vec<&ReportCase> = cases.iter().filter(|c| in_month(c, last)).collect();
    let rising = |key: &dyn Fn(&ReportCase) -> Option<String>| {
        let mut v: Vec<Count> = counts(this.iter().copied(), prev.iter().copied(), key, &[])
            .into_iter()
            .filter(|c| c.now > c.before)
            .collect();
        v.sort_by(|a, b| {
            (b.now - b.before)
                .cmp(&(a.now - a.before))
                .then(a.code.cmp(&b.code))
        });
        v.truncate(5);
        v
    };
    let end = first + Months::new(1);
    let window: Vec<&ReportCase> = cases
        .iter()
        .filter(|c| c.facts.received_on >= year_ago + Months::new(1) && c.facts.received_on < end)
        .collect();
    let mut per_person: BTreeMap<&str, (u32, bool)> = BTreeMap::new();
    for c in &window {
        let e = per_person.entry(c.id_number.as_str()).or_default();
        e.0 += 1;
        e.1 |= in_month(c, first);
    }
    let mut repeat: Vec<Repeat> = per_person
        .into_iter()
        .filter(|(_, (n, here))| *n >= 2 && *here)
        .map(|(id, (n, _))| Repeat {
            masked_id: crate::person::mask_id_number(id),
            matters: n,
        })
        .collect();
    repeat.sort_by(|a, b| {
        b.matters
            .cmp(&a.matters)
            .then(a.masked_id.cmp(&b.masked_id))
    });
    let f: Vec<&CaseFacts> = this.iter().map(|c| &c.facts).collect();
    let f_last: Vec<&CaseFacts> = prev.iter().map(|c| &c.facts).collect();
    Monthly {
        month: first,
        received: this.len() as u32,
        last_month: prev.len() as u32,
        last_year: cases.iter().filter(|c| in_month(c, year_ago)).count() as u32,
        fields_rising: rising(&|c| Some(c.facts.field().to_owned())),
        units_rising: rising(&|c| c.facts.unit.clone()),
        overdue: cases
            .iter()
            .filter(|c| c.facts.received_on < end && is_overdue(&c.facts, today, calendar))
            .count() as u32,
        repeat,
        joint: this.iter().filter(|c| c.joint).count() as u32,
        figures: figures(&f, today, calendar),
        figures_last_month: figures(&f_last, today, calendar),
    }
}

/// The 研判's sentences, for a clerk to edit before printing; `name` gives a field's or unit's
/// name from its code.
pub fn sentences(m: &Monthly, name: impl Fn(&str) -> String) -> Vec<String> {
    let mut out = vec![format!(
        "{}年{}月共收到信访事项 {} 件，环比{}，同比{}。",
        m.month.year(),
        m.month.month(),
        m.received,
        change(m.received, m.last_month),
        change(m.received, m.last_year),
    )];
    if let Some(f) = m.fields_rising.first() {
        out.push(format!(
            "{}领域增长最快，由上月 {} 件增至 {} 件，需关注。",
            name(&f.code),
            f.before,
            f.now
        ));
    }
    if let Some(u) = m.units_rising.first() {
        out.push(format!(
            "交由{}办理的事项增长最多，由上月 {} 件增至 {} 件。",
            name(&u.code),
            u.before,
            u.now
        ));
    }
    out.push(if m.overdue == 0 {
        "目前没有超期未办的信访事项。".to_owned()
    } else {
        format!(
            "目前有 {} 件信访事项超过办理期限，应督促有关单位尽快办理。",
            m.overdue
        )
    });
    if !m.repeat.is_empty() {
        out.push(format!(
            "{} 名信访人一年内反映两件以上事项，应关注重复信访，力求一次性化解。",
            m.repeat.len()
        ));
    }
    if m.joint > 0 {
        out.push(format!("本月联名信访、集体访 {} 件。", m.joint));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn case(on: NaiveDate, category: Category, unit: Option<&str>, id: &str) -> ReportCase {
        let mut events = Vec::new();
        if let Some(u) = unit {
            events.push((on, CaseEvent::Assigned { unit: u.into() }));
        }
        ReportCase {
            facts: CaseFacts {
                received_on: on,
                category,
                channel: "web".into(),
                field: None,
                unit: unit.map(str::to_owned),
                reported_unit: None,
                events,
            },
            district: "450602".into(),
            id_number: id.into(),
            joint: false,
        }
    }

    #[test]
    fn changes_are_said_in_words() {
        assert_eq!(change(5, 4), "增长 25.0%");
        assert_eq!(change(3, 4), "下降 25.0%");
        assert_eq!(change(4, 4), "持平");
        assert_eq!(change(2, 0), "新增 2 件");
    }

    #[test]
    fn the_year_is_counted_by_month_unit_and_complaint_against_last_year() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let today = d(2027, 1, 10);
        let mut cases = vec![
            case(d(2026, 1, 5), Category::Appeal, Some("city-housing"), "A"),
            case(d(2026, 1, 20), Category::Appeal, Some("city-housing"), "B"),
            case(d(2026, 3, 2), Category::Suggestion, Some("city-hrss"), "C"),
            case(d(2025, 6, 1), Category::Appeal, Some("city-hrss"), "D"),
            case(d(2024, 6, 1), Category::Appeal, None, "E"),
        ];
        let mut report = case(d(2026, 5, 5), Category::Report, Some("city-gov"), "F");
        report.facts.reported_unit = Some("city-hrss".into());
        report
            .facts
            .events
            .push((d(2026, 5, 6), CaseEvent::Objected { reason: "x".into() }));
        cases.push(report);
        let listed = Listed {
            units: vec!["city-housing".into(), "city-hrss".into()],
            ..Listed::default()
        };
        let a = annual(&cases, 2026, &listed, today, &config.calendar);
        assert_eq!((a.received.now, a.received.before), (4, 1));
        assert_eq!(a.by_month[0].now, 2);
        assert_eq!(a.by_month[2].now, 1);
        assert_eq!(a.by_month[5].before, 1);
        assert_eq!(
            a.by_unit[0],
            Count {
                code: "city-housing".into(),
                now: 2,
                before: 0
            }
        );
        assert_eq!(
            a.by_unit[1],
            Count {
                code: "city-hrss".into(),
                now: 1,
                before: 1
            }
        );
        assert_eq!(
            a.by_unit[2].code, "city-gov",
            "a unit not listed comes after"
        );
        // Housing has two appeals; the report counts against the unit it names, not its holder;
        // the suggestion against nobody.
        assert_eq!(
            a.most_complained,
            [
                Count {
                    code: "city-housing".into(),
                    now: 2,
                    before: 0
                },
                Count {
                    code: "city-hrss".into(),
                    now: 1,
                    before: 1
                },
            ]
        );
        assert_eq!((a.assigned.now, a.assigned.before), (4, 1));
        assert_eq!(a.objected.now, 1);
        assert_eq!(a.figures.received, 4);
    }

    #[test]
    fn the_month_is_compared_and_its_repeat_and_joint_matters_found() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let mut cases = vec![
            case(d(2025, 12, 3), Category::Appeal, Some("city-hrss"), "P1"),
            case(d(2026, 11, 3), Category::Appeal, Some("city-hrss"), "P2"),
            case(d(2026, 12, 1), Category::Appeal, Some("city-housing"), "P1"),
            case(d(2026, 12, 2), Category::Appeal, Some("city-housing"), "P3"),
            case(d(2026, 12, 3), Category::Appeal, Some("city-housing"), "P3"),
        ];
        cases[4].joint = true;
        let m = monthly(&cases, d(2026, 12, 1), d(2026, 12, 4), &config.calendar);
        assert_eq!((m.received, m.last_month, m.last_year), (3, 1, 1));
        assert_eq!(m.units_rising[0].code, "city-housing");
        assert_eq!(m.units_rising.len(), 1, "hrss fell");
        // P1's matter of December 2025 is outside the twelve months; P3 has two this month.
        assert_eq!(m.repeat.len(), 1);
        assert_eq!(m.repeat[0].matters, 2);
        assert_eq!(m.joint, 1);
        let said = sentences(&m, |c| c.to_uppercase());
        assert_eq!(
            said[0],
            "2026年12月共收到信访事项 3 件，环比增长 200.0%，同比增长 200.0%。"
        );
        assert!(said.iter().any(|s| s.contains("CITY-HOUSING")));
        assert!(said.iter().any(|s| s.contains("1 名信访人")));
        assert!(said.iter().any(|s| s.contains("联名信访、集体访 1 件")));
    }

    #[test]
    fn an_overdue_matter_is_counted_in_the_month() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let cases = vec![case(d(2026, 10, 1), Category::Appeal, None, "Q")];
        let m = monthly(&cases, d(2026, 12, 1), d(2026, 12, 4), &config.calendar);
        assert_eq!(m.overdue, 1, "never registered in 15 working days");
        assert!(
            sentences(&m, str::to_owned)
                .iter()
                .any(|s| s.contains("1 件信访事项超过办理期限"))
        );
    }
}
