//! The workbench's form posts on a case: an action (one event), and opening a file.

use crate::features::staff::http::signed_in;
use crate::kernel::AppState;
use crate::kernel::files::download::file_response;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use tower_sessions::Session;

/// An action on a case, posted from its page: one event, then back to the page (303), or the page
/// again with the problems and everything typed.
pub async fn case_action(
    State(state): State<AppState>,
    axum::extract::Path(number): axum::extract::Path<String>,
    session: Session,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    use crate::features::cases::service::ActError;
    use crate::ui::form::FieldError;
    let staff = match signed_in(&state, &session).await {
        Ok(staff) => staff,
        Err(res) => return res,
    };
    let (errors, status) =
        match crate::features::cases::service::act(&state.ctx, &staff, &number, &pairs).await {
            Ok(()) => return Redirect::to(&format!("/staff/cases/{number}")).into_response(),
            Err(ActError::NotFound) => {
                return (StatusCode::NOT_FOUND, "没有找到这件信访事项").into_response();
            }
            Err(ActError::Invalid(problems)) => (
                problems.into_iter().map(FieldError::from).collect(),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            Err(ActError::Refused(refusal)) => (
                vec![FieldError {
                    field: "case-status".into(),
                    message: refusal.message().into(),
                }],
                StatusCode::CONFLICT,
            ),
            Err(ActError::Store(e)) => {
                tracing::error!(error = %e, "cannot record a case action");
                (
                    vec![FieldError {
                        field: "case-status".into(),
                        message: "暂时无法保存，请稍后再试；填写的内容都还在".into(),
                    }],
                    StatusCode::SERVICE_UNAVAILABLE,
                )
            }
        };
    let view = match crate::features::cases::service::view(&state.ctx, &staff, &number).await {
        Ok(Some(view)) => view,
        Ok(None) => return (StatusCode::NOT_FOUND, "没有找到这件信访事项").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot load a case");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let problem = crate::features::cases::pages::CaseActionProblem {
        view: Box::new(view),
        errors,
        values: pairs,
    };
    crate::kernel::render::render_page(
        &state,
        &headers,
        &format!("/staff/cases/{number}"),
        status,
        move || provide_context(problem.clone()),
    )
    .await
}

/// `GET /staff/cases/{number}/files/{n}`: a petition's file for staff who may see the case, as a
/// download (never rendered by the portal's origin), not cached, and written to the audit log.
pub async fn case_file(
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
    file_response(crate::features::cases::service::attachment(&state.ctx, &staff, &number, n).await)
}

/// A case's actions and files on the workbench.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/staff/cases/{number}", post(case_action))
        .route("/staff/cases/{number}/files/{n}", get(case_file))
}
