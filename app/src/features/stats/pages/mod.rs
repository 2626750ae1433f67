//! 信访统计 for the public, and the workbench's 考核指标.

mod kpi_page;
mod stats_page;

pub use kpi_page::KpiPage;
pub use stats_page::StatsPage;
