use super::pages::KeysView;
use leptos::prelude::*;

/// The cookie that carries a key just created to the page that shows it, once: in the
/// administrator's browser only (for five minutes, on this page's path), never in the
/// database; the page clears it as it shows the key.
pub const CREATED_COOKIE: &str = "portal_new_api_key";

/// The keys, and the one just created (from its cookie, which the answer clears: shown once);
/// `None` when no one is signed in.
#[server(prefix = "/fn", endpoint = "api-keys", input = server_fn::codec::GetUrl)]
pub async fn get_api_keys() -> Result<Option<KeysView>, ServerFnError> {
    let (ctx, staff, _) = crate::features::staff::server_fns::signed_in().await?;
    let Some(staff) = staff else { return Ok(None) };
    if staff.role != crate::domain::staff::StaffRole::Admin {
        return Err(ServerFnError::new("接口密钥只有管理员可以管理"));
    }
    let headers: axum::http::HeaderMap = leptos_axum::extract()
        .await
        .map_err(|_| ServerFnError::new("no request headers"))?;
    let mut view = super::http::keys_view(&ctx)
        .await
        .map_err(crate::features::staff::server_fns::unavailable)?;
    view.created = super::http::created(&ctx, &headers).await;
    if view.created.is_some()
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(clear) = super::http::created_cookie(None, false).parse()
    {
        response.append_header(axum::http::header::SET_COOKIE, clear);
    }
    Ok(Some(view))
}
