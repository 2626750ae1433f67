//! 进度查询: a petition's or a legal-aid application's progress by number + 查询码, and what the
//! citizen does from there (rate the reply, ask for 复查/复核, supply material).

pub mod pages;

#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
