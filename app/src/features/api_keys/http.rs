//! Creating and revoking API keys over plain form posts (管理员 only), each answered with a
//! redirect to the page (which shows a new key once, from the session).

use super::pages::{Created, KeyView, KeysProblem, KeysView};
use crate::domain::staff::StaffRole;
use crate::features::staff::http::StaffMember;
use crate::kernel::{AppContext, AppError, AppState, Now};
use crate::ui::form::FieldError;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;

const PATH: &str = "/staff/api-keys";

pub async fn keys_view(ctx: &AppContext) -> Result<KeysView, AppError> {
    Ok(KeysView {
        keys: crate::kernel::api_key::list(&ctx.pool)
            .await?
            .into_iter()
            .map(|k| KeyView {
                id: k.id,
                name: k.name,
                created_at: k.created_at,
                revoked_at: k.revoked_at,
                calls: k.calls,
                last_call: k.last_call,
            })
            .collect(),
        created: None,
    })
}

#[derive(serde::Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    name: String,
}

/// The `Set-Cookie` value that carries `key` to the page (none: the cookie cleared).
pub fn created_cookie(key: Option<&str>, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let name = super::server_fns::CREATED_COOKIE;
    match key {
        Some(key) => {
            format!("{name}={key}; Path={PATH}; Max-Age=300; SameSite=Strict; HttpOnly{secure}")
        }
        None => format!("{name}=; Path={PATH}; Max-Age=0; SameSite=Strict; HttpOnly{secure}"),
    }
}

/// The key the request's cookie carries, with its holder's name, if it is a live key.
pub async fn created(ctx: &AppContext, headers: &HeaderMap) -> Option<Created> {
    let key = crate::kernel::client::cookie(headers, super::server_fns::CREATED_COOKIE)
        .filter(|v| v.starts_with(crate::kernel::api_key::PREFIX))?
        .to_owned();
    let caller = crate::kernel::api_key::holder(ctx, &key).await.ok()??;
    Some(Created {
        name: caller.name,
        key,
    })
}

/// `POST /staff/api-keys`: a new key for the caller named (2 to 50 characters).
pub async fn create(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    axum::Form(form): axum::Form<CreateForm>,
) -> Response {
    if staff.role != StaffRole::Admin {
        return (StatusCode::NOT_FOUND, "没有这个页面").into_response();
    }
    let name = form.name.trim().to_owned();
    let length = name.chars().count();
    let problem = if !(2..=50).contains(&length) {
        Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            "请写接入方名称，2 到 50 个字",
        ))
    } else {
        match crate::kernel::api_key::create(&state.ctx, &name, staff.id, &now.stamp()).await {
            Ok((_, key)) => {
                let mut res = Redirect::to(PATH).into_response();
                if let Ok(cookie) = created_cookie(Some(&key), state.behind_tls).parse() {
                    res.headers_mut()
                        .insert(axum::http::header::SET_COOKIE, cookie);
                }
                return res;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot create an API key");
                Some((StatusCode::SERVICE_UNAVAILABLE, "暂时无法创建，请稍后再试"))
            }
        }
    };
    let (status, message) = problem.unwrap_or((StatusCode::OK, ""));
    let view = keys_view(&state.ctx).await.unwrap_or_default();
    let problem = KeysProblem {
        view,
        name,
        errors: vec![FieldError {
            field: "name".into(),
            message: crate::domain::message::Msg::verbatim(message),
        }],
    };
    crate::kernel::render::render_page(&state, &headers, PATH, status, now, move || {
        provide_context(problem.clone())
    })
    .await
}

/// `POST /staff/api-keys/{id}/revoke`: the key stops working at once.
pub async fn revoke(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    Path(id): Path<i64>,
) -> Response {
    if staff.role != StaffRole::Admin {
        return (StatusCode::NOT_FOUND, "没有这个页面").into_response();
    }
    match crate::kernel::api_key::revoke(&state.ctx.pool, id, &now.stamp()).await {
        Ok(()) => Redirect::to(PATH).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(PATH, post(create))
        .route("/staff/api-keys/{id}/revoke", post(revoke))
}
