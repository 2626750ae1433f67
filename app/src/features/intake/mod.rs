//! 登记来信来访 (issue 17): a clerk registers a matter that came by letter, visit, phone, fax, the
//! 12345 hotline or from another body — the web form's fields, checks (ID number, route check,
//! same-matter flag) and clock, the clock from the day it arrived — and hands the visitor a slip
//! with the number, the 查询码 and the dated next steps. Rules: `domain::petition::channel`.

pub mod pages;

#[cfg(feature = "ssr")]
pub mod http;
