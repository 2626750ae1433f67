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

/// The month's petitions per channel they came by (来信, 来访, 网上信访…), for the workbench's
/// 考核指标 (staff only; `None` when no one is signed in): each channel's label and count,
/// every channel listed.
#[server(prefix = "/fn", endpoint = "channel-counts", input = server_fn::codec::GetUrl)]
pub async fn get_channel_counts(
    month: Option<String>,
) -> Result<Option<Vec<(String, i64)>>, ServerFnError> {
    use crate::domain::petition::channel::Channel;
    let (ctx, staff, now) = crate::features::staff::server_fns::signed_in().await?;
    if staff.is_none() {
        return Ok(None);
    }
    let first = month
        .as_deref()
        .and_then(crate::domain::kpi::parse_month)
        .unwrap_or_else(|| crate::features::stats::service::this_month(now));
    let counts = crate::features::stats::service::channel_counts(&ctx, first)
        .await
        .map_err(crate::features::staff::server_fns::unavailable)?;
    Ok(Some(
        counts
            .into_iter()
            .map(|c| {
                let label = Channel::parse(&c.channel)
                    .map(|ch| crate::kernel::i18n::simplified(&ch.label()))
                    .unwrap_or(c.channel);
                (label, c.count)
            })
            .collect(),
    ))
}
