//! 督办函、提醒函、建议函 (issue 18; 信访工作条例 第40条): a supervisor writes to a unit about
//! matters it handles badly (督办函), reminds it of work or of a risk (工作提醒函、风险提醒函), or
//! proposes improving work, improving policy or holding people responsible (the three
//! proposals); each kind numbered in its year from the config's pattern, printed from the
//! bureau's template, answered by the unit in writing (adopted, partly, not) and listed as
//! overdue when it is not answered in time. Rules: `domain::letter`.

pub mod pages;

#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
