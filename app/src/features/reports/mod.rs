//! The bureau's reports (issue 18; 信访工作条例 第41条): the yearly report, the monthly 研判 with
//! sentences a clerk edits before printing, and the month's 红黑榜 as a document to publish;
//! each a page for staff that prints clean on A4 and downloads as CSV or XLSX. Rules:
//! `domain::report` and `domain::kpi`.

pub mod pages;

#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
