//! 信访事项查询 (issue 18): staff find matters by number, name, a whole ID number or mobile
//! (never part of one), the days received, status, unit, category, field, channel and overdue;
//! page through the result; and export it as CSV or XLSX, ID numbers masked unless their role
//! registers matters, each export written to the audit log for every matter in it. Rules:
//! `domain::case::search`.

pub mod pages;

#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
