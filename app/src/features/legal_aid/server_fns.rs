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

/// The legal-aid applications for legal-aid staff; `None` when signed out.
#[server(prefix = "/fn", endpoint = "legal_aid_list", input = server_fn::codec::GetUrl)]
pub async fn list_legal_aid()
-> Result<Option<Vec<crate::features::legal_aid::view::AidListItem>>, ServerFnError> {
    let (ctx, staff) = signed_in().await?;
    let Some(staff) = staff else {
        return Ok(None);
    };
    crate::features::legal_aid::service::list(&ctx, &staff)
        .await
        .map(Some)
        .map_err(unavailable)
}

/// One application for legal-aid staff: `Err` when signed out, `Ok(None)` when unknown or not
/// theirs to see.
#[server(prefix = "/fn", endpoint = "legal_aid_case", input = server_fn::codec::GetUrl)]
pub async fn get_legal_aid(
    number: String,
) -> Result<Option<crate::features::legal_aid::view::AidCaseView>, ServerFnError> {
    let (ctx, staff) = signed_in().await?;
    let Some(staff) = staff else {
        return Err(ServerFnError::new("signed out"));
    };
    crate::features::legal_aid::service::view(&ctx, &staff, &number)
        .await
        .map_err(unavailable)
}
