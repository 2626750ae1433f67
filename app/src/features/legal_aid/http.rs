//! 法律援助 over plain forms: the application (`POST /legal-aid/apply`, multipart for files) and
//! the agency's decisions on the workbench (`POST /staff/legal-aid/{number}`).

use crate::features::legal_aid::form::ApplyValues;
use crate::features::legal_aid::pages::{ApplyView, LegalAidReceipt};
use crate::features::legal_aid::service::{AidActError, ApplyError};
use crate::features::petition::http::{file_infos, keep_files, read_form};
use crate::features::petition::service::shanghai;
use crate::features::staff::http::signed_in;
use crate::kernel::AppState;
use crate::kernel::files::download::file_response;
use crate::kernel::render::render_page;
use crate::ui::form::FieldError;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use leptos::prelude::provide_context;
use tower_sessions::Session;

async fn show(
    state: &AppState,
    headers: &HeaderMap,
    view: ApplyView,
    status: StatusCode,
) -> Response {
    render_page(state, headers, "/legal-aid/apply", status, move || {
        provide_context(view.clone())
    })
    .await
}

pub async fn apply(State(state): State<AppState>, headers: HeaderMap, req: Request) -> Response {
    let now = Utc::now();
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let mut errors: Vec<FieldError> = Vec::new();
    let (pairs, files) = match read_form(&state, multipart, req, &mut errors).await {
        Ok(form) => form,
        Err(res) => return res,
    };
    let mut values = ApplyValues::from_pairs(&pairs);
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let received_at = now.with_timezone(&shanghai()).to_rfc3339();
    keep_files(
        &state.ctx,
        files,
        &mut values.attachments,
        &mut errors,
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
        return show(&state, &headers, form(values, errors, files), status).await;
    }
    // Every rule of the application, as the API checks it, plus who applies.
    let today = now.with_timezone(&shanghai()).date_naive();
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
        )
        .await;
    }
    if action != "submit" {
        return show(
            &state,
            &headers,
            ApplyView::Check { values, files },
            StatusCode::OK,
        )
        .await;
    }
    match crate::features::legal_aid::service::apply(
        &state.ctx,
        &values.to_input(),
        &values.attachments,
        "web",
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
            )
            .await;
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            res
        }
        Err(ApplyError::Invalid(problems)) => {
            let errors = problems
                .into_iter()
                .map(|p| FieldError {
                    field: ApplyValues::web_field(&p.field),
                    message: p.message,
                })
                .collect();
            show(
                &state,
                &headers,
                form(values, errors, files),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ApplyError::Store(e)) => {
            tracing::error!(error = %e, "cannot store a legal-aid application");
            let errors = vec![FieldError {
                field: "action".into(),
                message: "暂时无法保存，请稍后再试；您填写的内容都还在，申请尚未提交".into(),
            }];
            show(
                &state,
                &headers,
                form(values, errors, files),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

/// A decision posted by legal-aid staff: one event, then back to the application (303), or the
/// page again with the problems and everything typed.
pub async fn staff_action(
    State(state): State<AppState>,
    Path(number): Path<String>,
    session: Session,
    headers: HeaderMap,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Response {
    let staff = match crate::features::staff::http::signed_in(&state, &session).await {
        Ok(staff) => staff,
        Err(res) => return res,
    };
    let (errors, status) = match crate::features::legal_aid::service::act(
        &state.ctx,
        &staff,
        &number,
        &pairs,
        Utc::now(),
    )
    .await
    {
        Ok(()) => return Redirect::to(&format!("/staff/legal-aid/{number}")).into_response(),
        Err(AidActError::NotFound) => {
            return (StatusCode::NOT_FOUND, "没有找到这件申请").into_response();
        }
        Err(AidActError::Invalid(problems)) => (
            problems.into_iter().map(FieldError::from).collect(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(AidActError::Refused(refusal)) => (
            vec![FieldError {
                field: "aid-status".into(),
                message: refusal.message().into(),
            }],
            StatusCode::CONFLICT,
        ),
        Err(AidActError::Store(e)) => {
            tracing::error!(error = %e, "cannot record a legal-aid decision");
            (
                vec![FieldError {
                    field: "aid-status".into(),
                    message: "暂时无法保存，请稍后再试；填写的内容都还在".into(),
                }],
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
    };
    let view = match crate::features::legal_aid::service::view(&state.ctx, &staff, &number).await {
        Ok(Some(view)) => view,
        Ok(None) => return (StatusCode::NOT_FOUND, "没有找到这件申请").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot load an application");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let problem = crate::features::legal_aid::pages::AidActionProblem {
        view: Box::new(view),
        errors,
        values: pairs,
    };
    render_page(
        &state,
        &headers,
        &format!("/staff/legal-aid/{number}"),
        status,
        move || provide_context(problem.clone()),
    )
    .await
}

/// `GET /staff/legal-aid/{number}/files/{n}`: an application's file, for legal-aid staff, on
/// the same terms as a case's file.
pub async fn legal_aid_file(
    State(state): State<AppState>,
    axum::extract::Path((number, n)): axum::extract::Path<(String, String)>,
    session: Session,
) -> Response {
    let staff = match signed_in(&state, &session).await {
        Ok(staff) => staff,
        Err(res) => return res,
    };
    let Ok(n) = n.parse::<usize>() else {
        return file_response(Ok(None));
    };
    file_response(
        crate::features::legal_aid::service::attachment(&state.ctx, &staff, &number, n).await,
    )
}

/// `POST /legal-aid/apply` (with uploads, under their own body limit).
pub fn upload_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/legal-aid/apply", axum::routing::post(apply))
}

/// The agency's decisions and its downloads of an application's files.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/staff/legal-aid/{number}", post(staff_action))
        .route("/staff/legal-aid/{number}/files/{n}", get(legal_aid_file))
}
