//! Staff sign-in and sign-out over plain form posts (they work without JavaScript).
//!
//! Failed sign-ins are slowed down per account and per client address; a success renews the
//! session id (so a session fixed before sign-in is worthless) and stores the staff id.

use crate::AppState;
use app::auth;
use app::pages::staff::{SignInAttempt, SignInProblem};
use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;
use std::net::SocketAddr;
use std::time::Instant;
use tower_sessions::Session;

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    let username = form.username.trim().to_lowercase();
    let attempt = |problem| SignInAttempt {
        username: form.username.trim().to_owned(),
        problem: Some(problem),
    };
    if username.is_empty() || form.password.is_empty() {
        let problem = SignInProblem::Missing {
            username: username.is_empty(),
            password: form.password.is_empty(),
        };
        return render_sign_in(
            &state,
            &headers,
            attempt(problem),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let client = peer.ip().to_string();
    let now = Instant::now();
    if let Err(wait) = state.ctx.sign_in_guard.check(&username, &client, now) {
        let wait_seconds = wait.as_secs().max(1);
        let res = render_sign_in(
            &state,
            &headers,
            attempt(SignInProblem::TooManyAttempts { wait_seconds }),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
        return crate::pages::with_retry_after(res, wait_seconds);
    }
    match auth::verify_password(&state.ctx.pool, &username, &form.password).await {
        Ok(Some(account)) => {
            state.ctx.sign_in_guard.succeed(&username);
            if let Err(e) = session.cycle_id().await {
                tracing::error!(error = %e, "cannot renew the session id");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
            if let Err(e) = session.insert(auth::SESSION_STAFF_ID, account.id).await {
                tracing::error!(error = %e, "cannot store the session");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
            tracing::info!(staff_id = account.id, "staff signed in");
            Redirect::to("/staff").into_response()
        }
        Ok(None) => {
            state.ctx.sign_in_guard.fail(&username, &client, now);
            tracing::info!("staff sign-in refused");
            render_sign_in(
                &state,
                &headers,
                attempt(SignInProblem::Wrong),
                StatusCode::UNAUTHORIZED,
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "sign-in: database error");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

pub async fn sign_out(session: Session) -> Response {
    if let Err(e) = session.flush().await {
        tracing::error!(error = %e, "cannot end the session");
    }
    Redirect::to("/").into_response()
}

/// Renders the sign-in page again with the problem and what was typed (never the password).
async fn render_sign_in(
    state: &AppState,
    headers: &HeaderMap,
    attempt: SignInAttempt,
    status: StatusCode,
) -> Response {
    crate::pages::render_page(state, headers, "/staff/login", status, move || {
        provide_context(attempt.clone())
    })
    .await
}

/// The signed-in staff member, or the answer for a visitor without a session (303 to sign in) or
/// when the session cannot be read (503).
pub(crate) async fn signed_in(
    state: &AppState,
    session: &Session,
) -> Result<app::domain::staff::StaffAccount, Response> {
    match auth::current_staff(&state.ctx.pool, session).await {
        Ok(Some(staff)) => Ok(staff),
        Ok(None) => Err(Redirect::to("/staff/login").into_response()),
        Err(e) => {
            tracing::error!(error = %e, "cannot read the staff session");
            Err(StatusCode::SERVICE_UNAVAILABLE.into_response())
        }
    }
}

/// An action on a case, posted from its page: one event, then back to the page (303), or the page
/// again with the problems and everything typed.
pub async fn case_action(
    State(state): State<AppState>,
    axum::extract::Path(number): axum::extract::Path<String>,
    session: Session,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    use app::cases::ActError;
    use app::components::form::FieldError;
    let staff = match signed_in(&state, &session).await {
        Ok(staff) => staff,
        Err(res) => return res,
    };
    let (errors, status) = match app::cases::act(&state.ctx, &staff, &number, &pairs).await {
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
    let view = match app::cases::view(&state.ctx, &staff, &number).await {
        Ok(Some(view)) => view,
        Ok(None) => return (StatusCode::NOT_FOUND, "没有找到这件信访事项").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot load a case");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let problem = app::pages::staff::CaseActionProblem {
        view: Box::new(view),
        errors,
        values: pairs,
    };
    crate::pages::render_page(
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
    file_response(app::cases::attachment(&state.ctx, &staff, &number, n).await)
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
    file_response(app::legal_aid::attachment(&state.ctx, &staff, &number, n).await)
}

/// A stored file as a download: never rendered by the portal's origin (attachment, sandboxed,
/// `nosniff` from the router), never cached.
fn file_response(found: Result<Option<app::cases::CaseFile>, app::store::StoreError>) -> Response {
    use axum::http::{HeaderValue, header};
    let file = match found {
        Ok(Some(file)) => file,
        Ok(None) => return (StatusCode::NOT_FOUND, "没有找到这份材料").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot read a stored file");
            return (StatusCode::SERVICE_UNAVAILABLE, "暂时无法读取，请稍后再试").into_response();
        }
    };
    let encoded =
        percent_encoding::utf8_percent_encode(&file.name, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!("attachment; filename=\"file\"; filename*=UTF-8''{encoded}");
    let mut res = file.bytes.into_response();
    let headers = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, file.media_type),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CACHE_CONTROL, "no-store".to_owned()),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox".to_owned(),
        ),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    res
}
