use crate::domain::case::{CaseListItem, CaseView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
async fn signed_in() -> Result<
    (
        crate::context::AppContext,
        Option<crate::domain::staff::StaffAccount>,
    ),
    ServerFnError,
> {
    let ctx = crate::context::app_context()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| ServerFnError::new("no session layer"))?;
    let staff = crate::auth::current_staff(&ctx.pool, &session)
        .await
        .map_err(unavailable)?;
    Ok((ctx, staff))
}

#[cfg(feature = "ssr")]
fn unavailable(e: crate::store::StoreError) -> ServerFnError {
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
    crate::cases::list(&ctx, &staff)
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
    crate::cases::view(&ctx, &staff, &number)
        .await
        .map_err(unavailable)
}

/// The legal-aid applications for legal-aid staff; `None` when signed out.
#[server(prefix = "/fn", endpoint = "legal_aid_list", input = server_fn::codec::GetUrl)]
pub async fn list_legal_aid()
-> Result<Option<Vec<crate::domain::legal_aid::AidListItem>>, ServerFnError> {
    let (ctx, staff) = signed_in().await?;
    let Some(staff) = staff else {
        return Ok(None);
    };
    crate::legal_aid::list(&ctx, &staff)
        .await
        .map(Some)
        .map_err(unavailable)
}

/// One application for legal-aid staff: `Err` when signed out, `Ok(None)` when unknown or not
/// theirs to see.
#[server(prefix = "/fn", endpoint = "legal_aid_case", input = server_fn::codec::GetUrl)]
pub async fn get_legal_aid(
    number: String,
) -> Result<Option<crate::domain::legal_aid::AidCaseView>, ServerFnError> {
    let (ctx, staff) = signed_in().await?;
    let Some(staff) = staff else {
        return Err(ServerFnError::new("signed out"));
    };
    crate::legal_aid::view(&ctx, &staff, &number)
        .await
        .map_err(unavailable)
}
