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
use tower_sessions::Session;

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

/// `POST /staff/api-keys`: a new key for the caller named (2 to 50 characters).
pub async fn create(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    session: Session,
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
                let created = Created {
                    name: name.clone(),
                    key,
                };
                match session.insert(super::server_fns::CREATED, created).await {
                    Ok(()) => return Redirect::to(PATH).into_response(),
                    Err(e) => {
                        tracing::error!(error = %e, "cannot keep a new API key to show");
                        Some((
                            StatusCode::SERVICE_UNAVAILABLE,
                            "密钥已创建，但无法显示：请停用它再创建一个",
                        ))
                    }
                }
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
