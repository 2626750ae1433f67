use crate::features::legal_aid::view::{AidCaseView, AidListItem};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::features::staff::server_fns::{signed_in, unavailable};

/// The legal-aid applications for legal-aid staff; `None` when signed out.
#[server(prefix = "/fn", endpoint = "legal_aid_list", input = server_fn::codec::GetUrl)]
pub async fn list_legal_aid() -> Result<Option<Vec<AidListItem>>, ServerFnError> {
    let (ctx, staff, now) = signed_in().await?;
    let Some(staff) = staff else {
        return Ok(None);
    };
    crate::features::legal_aid::service::list(&ctx, &staff, now)
        .await
        .map(Some)
        .map_err(unavailable)
}

/// One application for legal-aid staff: `Err` when signed out, `Ok(None)` when unknown or not
/// theirs to see.
#[server(prefix = "/fn", endpoint = "legal_aid_case", input = server_fn::codec::GetUrl)]
pub async fn get_legal_aid(number: String) -> Result<Option<AidCaseView>, ServerFnError> {
    let (ctx, staff, now) = signed_in().await?;
    let Some(staff) = staff else {
        return Err(ServerFnError::new("signed out"));
    };
    <crate::features::legal_aid::service::Applications as crate::features::workbench::Docket>::view(
        &ctx, &staff, &number, now,
    )
    .await
    .map_err(unavailable)
}
