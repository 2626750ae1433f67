use super::pages::KeysView;
use leptos::prelude::*;

/// The session key under which the key just created waits to be shown, once.
pub const CREATED: &str = "api_key_created";

/// The keys, and the one just created (taken from the session: shown once); `None` when no
/// one is signed in.
#[server(prefix = "/fn", endpoint = "api-keys", input = server_fn::codec::GetUrl)]
pub async fn get_api_keys() -> Result<Option<KeysView>, ServerFnError> {
    let (ctx, staff, _) = crate::features::staff::server_fns::signed_in().await?;
    let Some(staff) = staff else { return Ok(None) };
    if staff.role != crate::domain::staff::StaffRole::Admin {
        return Err(ServerFnError::new("接口密钥只有管理员可以管理"));
    }
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| ServerFnError::new("no session layer"))?;
    let created = session
        .remove::<super::pages::Created>(CREATED)
        .await
        .ok()
        .flatten();
    let mut view = super::http::keys_view(&ctx)
        .await
        .map_err(crate::features::staff::server_fns::unavailable)?;
    view.created = created;
    Ok(Some(view))
}
