//! 信访事项查询 for staff (issue 18): the criteria a clerk types, checked — a whole ID number or
//! mobile, never a part of one (a part would let anyone with a few digits list a stranger's
//! matters), dates as a range, and the codes of the config — and how a page of the result is
//! cut. Workbench-only: the texts are Simplified Chinese.

use crate::case::Status;
use crate::message::Msg;
use crate::person::id_number::IdNumber;
use crate::person::mobile::Mobile;
use crate::petition::Category;
use crate::petition::channel::Channel;
use crate::text::FieldProblem;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Matters a page shows.
pub const PAGE_SIZE: usize = 50;
/// The most matters one search reads (and one export writes); a search that finds more says so.
pub const MOST_RESULTS: usize = 5000;

/// The criteria as typed (the query string of `/staff/search`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchForm {
    pub number: String,
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    /// Received from and to (`YYYY-MM-DD`, both days included).
    pub from: String,
    pub to: String,
    pub status: String,
    pub unit: String,
    pub category: String,
    pub field: String,
    pub channel: String,
    /// `1`: only those past their running deadline.
    pub overdue: String,
    pub page: String,
}

/// The criteria, checked; `None` matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub number: Option<String>,
    pub name: Option<String>,
    pub id_number: Option<String>,
    pub mobile: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<Status>,
    pub unit: Option<String>,
    pub category: Option<Category>,
    pub field: Option<String>,
    pub channel: Option<Channel>,
    pub overdue: bool,
    /// From 1.
    pub page: usize,
}

impl Search {
    /// Whether anything narrows it (an empty form lists the newest matters).
    pub fn is_empty(&self) -> bool {
        *self
            == Self {
                page: self.page,
                ..Self::default()
            }
    }
}

fn problem(field: &str, code: &str, text: &str) -> FieldProblem {
    FieldProblem::new(field, code, Msg::verbatim(text))
}

fn given(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

fn date(field: &str, value: &str, problems: &mut Vec<FieldProblem>) -> Option<NaiveDate> {
    let v = given(value)?;
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            problems.push(problem(
                field,
                "invalid_date",
                "不是有效的日期，请按“年-月-日”填写，例如 2026-12-01",
            ));
            None
        }
    }
}

impl SearchForm {
    /// Checks every criterion at once; `unit_known` and `field_known` say whether a code is in
    /// the config.
    pub fn check(
        &self,
        today: NaiveDate,
        unit_known: impl Fn(&str) -> bool,
        field_known: impl Fn(&str) -> bool,
    ) -> Result<Search, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut s = Search {
            number: given(&self.number).map(str::to_uppercase),
            name: given(&self.name).map(str::to_owned),
            ..Search::default()
        };
        if let Some(id) = given(&self.id_number) {
            match IdNumber::parse(id, today) {
                Ok(id) => s.id_number = Some(id.as_str().to_owned()),
                Err(_) => problems.push(problem(
                    "id_number",
                    "whole_number_needed",
                    "请填写完整、正确的 18 位公民身份号码（不按部分号码查询）",
                )),
            }
        }
        if let Some(m) = given(&self.mobile) {
            match Mobile::parse(m) {
                Ok(m) => s.mobile = Some(m.as_str().to_owned()),
                Err(_) => problems.push(problem(
                    "mobile",
                    "whole_number_needed",
                    "请填写完整的 11 位手机号码（不按部分号码查询）",
                )),
            }
        }
        s.from = date("from", &self.from, &mut problems);
        s.to = date("to", &self.to, &mut problems);
        if let (Some(f), Some(t)) = (s.from, s.to)
            && f > t
        {
            problems.push(problem("to", "before_from", "结束日期不能早于开始日期"));
        }
        if let Some(v) = given(&self.status) {
            s.status = Status::parse(v);
            if s.status.is_none() {
                problems.push(problem("status", "unknown", "没有这个办理状态"));
            }
        }
        if let Some(v) = given(&self.unit) {
            if unit_known(v) {
                s.unit = Some(v.to_owned());
            } else {
                problems.push(problem("unit", "unknown", "没有这个单位"));
            }
        }
        if let Some(v) = given(&self.category) {
            s.category = Category::parse(v);
            if s.category.is_none() {
                problems.push(problem("category", "unknown", "没有这个类别"));
            }
        }
        if let Some(v) = given(&self.field) {
            if field_known(v) {
                s.field = Some(v.to_owned());
            } else {
                problems.push(problem("field", "unknown", "没有这个领域"));
            }
        }
        if let Some(v) = given(&self.channel) {
            s.channel = Channel::parse(v);
            if s.channel.is_none() {
                problems.push(problem("channel", "unknown", "没有这个渠道"));
            }
        }
        s.overdue = self.overdue.trim() == "1";
        s.page = given(&self.page)
            .and_then(|p| p.parse::<usize>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(problems)
        }
    }
}

/// The `page`th page (from 1) of `total` results: the range of them it shows, and how many
/// pages there are (at least one).
pub fn page(total: usize, page: usize) -> (std::ops::Range<usize>, usize) {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1) * PAGE_SIZE;
    (start..(start + PAGE_SIZE).min(total), pages)
}

/// A cell of an export (CSV or spreadsheet) that a spreadsheet would run as a formula made
/// plain: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` before it.
pub fn plain_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn check(f: SearchForm) -> Result<Search, Vec<FieldProblem>> {
        f.check(today(), |u| u == "city-housing", |f| f == "ecology")
    }

    #[test]
    fn an_empty_form_matches_everything() {
        let s = check(SearchForm::default()).unwrap();
        assert!(s.is_empty());
        assert_eq!(s.page, 1);
    }

    #[test]
    fn only_a_whole_id_number_or_mobile_is_searched_for() {
        let e = check(SearchForm {
            id_number: "450602".into(),
            mobile: "1391234".into(),
            ..SearchForm::default()
        })
        .unwrap_err();
        let codes: Vec<_> = e
            .iter()
            .map(|p| (p.field.as_str(), p.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("id_number", "whole_number_needed"),
                ("mobile", "whole_number_needed")
            ]
        );
        let s = check(SearchForm {
            id_number: "11010519491231002x".into(),
            mobile: "139 1234 5678".into(),
            ..SearchForm::default()
        })
        .unwrap();
        assert_eq!(s.id_number.as_deref(), Some("11010519491231002X"));
        assert_eq!(s.mobile.as_deref(), Some("13912345678"));
        assert!(!s.is_empty());
    }

    #[test]
    fn every_other_criterion_is_checked_against_its_codes() {
        let e = check(SearchForm {
            from: "2026-12-05".into(),
            to: "2026-12-01".into(),
            status: "lost".into(),
            unit: "moon".into(),
            category: "gossip".into(),
            field: "space".into(),
            channel: "pigeon".into(),
            ..SearchForm::default()
        })
        .unwrap_err();
        let fields: Vec<_> = e.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["to", "status", "unit", "category", "field", "channel"]
        );
        let e = check(SearchForm {
            from: "12/01/2026".into(),
            ..SearchForm::default()
        })
        .unwrap_err();
        assert_eq!(e[0].code, "invalid_date");
        let s = check(SearchForm {
            number: " xf20261204-0001 ".into(),
            status: "accepted".into(),
            unit: "city-housing".into(),
            category: "appeal".into(),
            field: "ecology".into(),
            channel: "letter".into(),
            overdue: "1".into(),
            page: "3".into(),
            ..SearchForm::default()
        })
        .unwrap();
        assert_eq!(s.number.as_deref(), Some("XF20261204-0001"));
        assert_eq!(s.status, Some(Status::Accepted));
        assert!(s.overdue);
        assert_eq!(s.page, 3);
    }

    #[test]
    fn pages_cut_the_result_and_stay_in_range() {
        assert_eq!(page(0, 1), (0..0, 1));
        assert_eq!(page(120, 1), (0..50, 3));
        assert_eq!(page(120, 3), (100..120, 3));
        assert_eq!(page(120, 9), (100..120, 3), "past the end: the last page");
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_made_plain() {
        assert_eq!(plain_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(plain_cell("-1"), "'-1");
        assert_eq!(plain_cell("电梯"), "电梯");
    }
}
