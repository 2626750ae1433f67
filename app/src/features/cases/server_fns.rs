use crate::features::cases::view::{CaseListItem, CaseView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::features::staff::server_fns::{signed_in, unavailable};

/// The cases the signed-in staff member may see, newest first; `None` when signed out.
#[server(prefix = "/fn", endpoint = "cases", input = server_fn::codec::GetUrl)]
pub async fn list_cases() -> Result<Option<Vec<CaseListItem>>, ServerFnError> {
    let (ctx, staff, now) = signed_in().await?;
    let Some(staff) = staff else {
        return Ok(None);
    };
    crate::features::cases::service::list(&ctx, &staff, now)
        .await
        .map(Some)
        .map_err(unavailable)
}

/// One case for the signed-in staff member: `Err` when signed out, `Ok(None)` when there is no
/// such case or it is not theirs to see.
#[server(prefix = "/fn", endpoint = "case", input = server_fn::codec::GetUrl)]
pub async fn get_case(number: String) -> Result<Option<CaseView>, ServerFnError> {
    let (ctx, staff, now) = signed_in().await?;
    let Some(staff) = staff else {
        return Err(ServerFnError::new("signed out"));
    };
    <crate::features::cases::service::Cases as crate::features::workbench::Docket>::view(
        &ctx, &staff, &number, now,
    )
    .await
    .map_err(unavailable)
}
