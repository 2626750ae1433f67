use crate::domain::staff::StaffAccount;
use leptos::prelude::*;

/// For the workbench's server functions: the context, the staff member signed in on this
/// session (or `None`), and the request's time.
#[cfg(feature = "ssr")]
pub async fn signed_in() -> Result<
    (
        crate::kernel::AppContext,
        Option<StaffAccount>,
        crate::kernel::Now,
    ),
    ServerFnError,
> {
    let ctx = crate::kernel::context::app_context()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| ServerFnError::new("no session layer"))?;
    let staff = crate::features::staff::auth::current_staff(&ctx.pool, &session)
        .await
        .map_err(|e| unavailable(e.into()))?;
    Ok((ctx, staff, crate::kernel::clock::request_now()))
}

/// A service's error as a server function's: a safe message (the cause was logged).
#[cfg(feature = "ssr")]
pub fn unavailable(e: crate::kernel::AppError) -> ServerFnError {
    let _ = e;
    ServerFnError::new("暂时无法读取，请稍后再试")
}

/// The staff member signed in on this session, or `None`.
#[server(prefix = "/fn", endpoint = "current-staff", input = server_fn::codec::GetUrl)]
pub async fn get_current_staff() -> Result<Option<StaffAccount>, ServerFnError> {
    signed_in().await.map(|(_, staff, _)| staff)
}

/// 我的账号: the signed-in staff member's own page, or `None` when no one is signed in.
#[server(prefix = "/fn", endpoint = "account", input = server_fn::codec::GetUrl)]
pub async fn get_account() -> Result<Option<super::pages::AccountView>, ServerFnError> {
    let (ctx, staff, _) = signed_in().await?;
    let Some(staff) = staff else { return Ok(None) };
    let mail = crate::features::staff::store::mail_settings(&ctx.pool, staff.id)
        .await
        .map_err(|e| unavailable(e.into()))?;
    Ok(Some(crate::features::staff::http::account_view(
        &ctx,
        &staff,
        mail.email.unwrap_or_default(),
        mail.notify_email != 0,
    )))
}
