use crate::domain::config::{Hotline, Reception};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What 信访工作条例 第18条 requires the bureau to publish, as the home page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicInfo {
    pub bureau_name: String,
    pub city: String,
    pub demo: bool,
    pub reception: Reception,
    pub hotlines: Vec<Hotline>,
    /// The reception sessions of the next weeks (第18条: where and when visitors are received,
    /// and the 领导接访日).
    #[serde(default)]
    pub sessions: Vec<crate::features::visits::view::SessionView>,
}

/// How far ahead the home page lists reception sessions.
#[cfg(feature = "ssr")]
const SESSIONS_AHEAD_DAYS: i64 = 30;

/// The bureau's public information, from its configuration.
#[server(prefix = "/fn", endpoint = "public-info", input = server_fn::codec::GetUrl)]
pub async fn get_public_info() -> Result<PublicInfo, ServerFnError> {
    let ctx = crate::kernel::context::app_context()?;
    let c = &ctx.config;
    Ok(PublicInfo {
        bureau_name: c.bureau.name.clone(),
        city: c.bureau.city.clone(),
        demo: c.demo,
        reception: c.reception.clone(),
        hotlines: c.hotlines.clone(),
        sessions: crate::features::visits::service::upcoming(
            &ctx,
            crate::kernel::clock::request_now(),
            SESSIONS_AHEAD_DAYS,
        )
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "cannot read the reception sessions");
            Vec::new()
        }),
    })
}
