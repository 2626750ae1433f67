//! 法律援助 over plain forms: the application (`POST /legal-aid/apply`, multipart for files) and
//! the agency's decisions on the workbench (`POST /staff/legal-aid/{number}`).

use crate::features::legal_aid::form::ApplyValues;
use crate::features::legal_aid::pages::{ApplyView, LegalAidReceipt};
use crate::features::petition::http::{file_infos, keep_files, read_form};
use crate::kernel::render::render_page;
use crate::kernel::{AppState, Now};
use crate::ui::form::FieldError;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use leptos::prelude::provide_context;

async fn show(
    state: &AppState,
    headers: &HeaderMap,
    view: ApplyView,
    status: StatusCode,
    now: Now,
) -> Response {
    render_page(state, headers, "/legal-aid/apply", status, now, move || {
        provide_context(view.clone())
    })
    .await
}

pub async fn apply(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    req: Request,
) -> Response {
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let mut errors: Vec<FieldError> = Vec::new();
    let (pairs, files) = match read_form(&state, &client.key(), multipart, req, &mut errors).await {
        Ok(form) => form,
        Err(res) => return res,
    };
    let mut values = ApplyValues::from_pairs(&pairs);
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let received_at = now.stamp();
    keep_files(
        &state.ctx,
        files,
        &mut values.attachments,
        &mut errors,
        &client.key(),
        &received_at,
    )
    .await;
    if let Some(token) = action.strip_prefix("remove:") {
        if let Err(e) = crate::kernel::files::uploads::remove(&state.ctx, token).await {
            tracing::error!(error = %e, "cannot remove an upload");
        }
        values.attachments.retain(|t| t != token);
    }
    let files = file_infos(&state, &values.attachments).await;
    values.attachments = files.iter().map(|f| f.token.clone()).collect();
    let form = |values: ApplyValues, errors: Vec<FieldError>, files| ApplyView::Form {
        values,
        errors,
        files,
    };
    if action == "edit" || action == "upload" || action.starts_with("remove:") {
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return show(&state, &headers, form(values, errors, files), status, now).await;
    }
    // Every rule of the application, as the API checks it, plus who applies.
    let today = now.today();
    let mut problems = values
        .to_input()
        .parse(&state.ctx.config, today)
        .err()
        .unwrap_or_default();
    problems.extend(values.check_who());
    errors.extend(problems.into_iter().map(|p| FieldError {
        field: ApplyValues::web_field(&p.field),
        message: p.message,
    }));
    if !errors.is_empty() {
        return show(
            &state,
            &headers,
            form(values, errors, files),
            StatusCode::UNPROCESSABLE_ENTITY,
            now,
        )
        .await;
    }
    if action != "submit" {
        return show(
            &state,
            &headers,
            ApplyView::Check { values, files },
            StatusCode::OK,
            now,
        )
        .await;
    }
    match crate::features::legal_aid::service::apply(
        &state.ctx,
        &values.to_input(),
        &values.attachments,
        "web",
        Some(&client.key()),
        now,
    )
    .await
    {
        Ok(receipt) => {
            let mut res = show(
                &state,
                &headers,
                ApplyView::Done(LegalAidReceipt { receipt }),
                StatusCode::OK,
                now,
            )
            .await;
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            res
        }
        Err(e) => {
            let status = e.status();
            let errors = e
                .problems("action", crate::domain::msg!("legal-aid-not-saved-kept"))
                .into_iter()
                .map(|p| FieldError {
                    field: ApplyValues::web_field(&p.field),
                    message: p.message,
                })
                .collect();
            let wait = e.retry_after();
            let res = show(&state, &headers, form(values, errors, files), status, now).await;
            match wait {
                Some(wait) => crate::kernel::render::with_retry_after(res, wait),
                None => res,
            }
        }
    }
}

/// `POST /legal-aid/apply` (with uploads, under their own body limit).
pub fn upload_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/legal-aid/apply", axum::routing::post(apply))
}

/// The agency's decisions and its downloads of an application's files, through the handlers
/// every docket shares (`features::workbench`).
pub fn routes() -> axum::Router<AppState> {
    crate::features::workbench::routes::<super::service::Applications>()
}
