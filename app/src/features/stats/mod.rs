//! 信访统计 and the workbench's 考核指标: the KPIs per month and unit. Rules: `domain::kpi`.

pub mod pages;
pub mod server_fns;
pub mod view;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod service;
