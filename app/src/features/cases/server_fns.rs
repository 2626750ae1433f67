use crate::features::cases::view::{CaseListItem, CaseView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
async fn signed_in() -> Result<
    (
        crate::kernel::context::AppContext,
        Option<crate::domain::staff::StaffAccount>,
    ),
    ServerFnError,
> {
    let ctx = crate::kernel::context::app_context()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| ServerFnError::new("no session layer"))?;
    let staff = crate::features::staff::auth::current_staff(&ctx.pool, &session)
        .await
        .map_err(unavailable)?;
    Ok((ctx, staff))
}

#[cfg(feature = "ssr")]
fn unavailable(e: crate::kernel::store::StoreError) -> ServerFnError {
    tracing::error!(error = %e, "workbench: database error");
    ServerFnError::new("暂时无法读取，请稍后再试")
}

/// The cases the signed-in staff member may see, newest first; `None` when signed out.
#[server(prefix = "/fn", endpoint = "cases", input = server_fn::codec::GetUrl)]
pub async fn list_cases() -> Result<Option<Vec<CaseListItem>>, ServerFnError> {
    let (ctx, staff) = signed_in().await?;
    let Some(staff) = staff else {
        return Ok(None);
    };
    crate::features::cases::service::list(&ctx, &staff)
        .await
        .map(Some)
        .map_err(unavailable)
}

/// One case for the signed-in staff member: `Err` when signed out, `Ok(None)` when there is no
/// such case or it is not theirs to see.
#[server(prefix = "/fn", endpoint = "case", input = server_fn::codec::GetUrl)]
pub async fn get_case(number: String) -> Result<Option<CaseView>, ServerFnError> {
    let (ctx, staff) = signed_in().await?;
    let Some(staff) = staff else {
        return Err(ServerFnError::new("signed out"));
    };
    crate::features::cases::service::view(&ctx, &staff, &number)
        .await
        .map_err(unavailable)
}
