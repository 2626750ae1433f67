use crate::features::stats::view::MonthStats;
use leptos::prelude::*;

/// The month's public figures; `month` is `YYYY-MM` (this month when absent or malformed).
#[server(prefix = "/fn", endpoint = "stats", input = server_fn::codec::GetUrl)]
pub async fn get_stats(month: Option<String>) -> Result<MonthStats, ServerFnError> {
    let ctx = crate::kernel::context::app_context()?;
    let now = crate::kernel::clock::request_now();
    let first = month
        .as_deref()
        .and_then(crate::domain::kpi::parse_month)
        .unwrap_or_else(|| crate::features::stats::service::this_month(now));
    crate::features::stats::service::month(&ctx, first, now)
        .await
        .map_err(|_| ServerFnError::new(crate::t!("unavailable-stats")))
}
