use super::view::OutboxView;
use leptos::prelude::*;

/// The newest messages of the outbox, for supervisors, registrars and administrators; `None`
/// when no one is signed in.
#[server(prefix = "/fn", endpoint = "outbox", input = server_fn::codec::GetUrl)]
pub async fn get_outbox() -> Result<Option<OutboxView>, ServerFnError> {
    use crate::domain::staff::StaffRole;
    let (ctx, staff, _) = crate::features::staff::server_fns::signed_in().await?;
    let Some(staff) = staff else { return Ok(None) };
    if !matches!(
        staff.role,
        StaffRole::Supervisor | StaffRole::Registrar | StaffRole::Admin
    ) {
        return Err(ServerFnError::new(
            "发件记录只有登记员、督办和管理员可以查看",
        ));
    }
    super::service::outbox(&ctx)
        .await
        .map(Some)
        .map_err(crate::features::staff::server_fns::unavailable)
}

/// How many notifications were given up, for the workbench's warning (0 for roles that do not
/// see the outbox).
#[server(prefix = "/fn", endpoint = "outbox-failures", input = server_fn::codec::GetUrl)]
pub async fn get_outbox_failures() -> Result<i64, ServerFnError> {
    use crate::domain::staff::StaffRole;
    let (ctx, staff, _) = crate::features::staff::server_fns::signed_in().await?;
    match staff.map(|s| s.role) {
        Some(StaffRole::Supervisor | StaffRole::Registrar | StaffRole::Admin) => {
            crate::kernel::outbox::failed_count(&ctx.pool)
                .await
                .map_err(|e| crate::features::staff::server_fns::unavailable(e.into()))
        }
        _ => Ok(0),
    }
}
