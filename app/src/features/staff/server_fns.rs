use crate::domain::staff::StaffAccount;
use leptos::prelude::*;

/// The staff member signed in on this session, or `None`.
#[server(prefix = "/fn", endpoint = "current-staff", input = server_fn::codec::GetUrl)]
pub async fn get_current_staff() -> Result<Option<StaffAccount>, ServerFnError> {
    let ctx = crate::kernel::context::app_context()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| ServerFnError::new("no session layer"))?;
    crate::features::staff::auth::current_staff(&ctx.pool, &session)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "cannot read the staff session");
            ServerFnError::new("暂时无法读取登录状态，请稍后再试")
        })
}
