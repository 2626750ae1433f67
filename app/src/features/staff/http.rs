//! Staff sign-in and sign-out over plain form posts (they work without JavaScript).
//!
//! Failed sign-ins are slowed down per account and per client address; a success renews the
//! session id (so a session fixed before sign-in is worthless) and stores the staff id.

use crate::domain::staff::StaffAccount;
use crate::features::staff::auth;
use crate::features::staff::pages::{SignInAttempt, SignInProblem};
use crate::kernel::{AppError, AppState, Now};
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;
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
    client: crate::kernel::Client,
    now: Now,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    let username = form.username.trim().to_lowercase();
    let answered = |problem| SignInAttempt {
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
            now,
            answered(problem),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let client = client.key();
    // Counted as a failure before the password is hashed, so concurrent guesses cannot race
    // past the limit; taken back below when it was right.
    let charged = match state
        .ctx
        .sign_in_guard
        .attempt(&state.ctx.pool, &username, &client, now.utc())
        .await
    {
        Ok(charged) => charged,
        Err(crate::kernel::guard::Refused::Store(e)) => {
            tracing::error!(error = %e, "sign-in: database error");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
        Err(crate::kernel::guard::Refused::Wait(wait)) => {
            let wait_seconds = crate::domain::throttle::whole_seconds(wait);
            let res = render_sign_in(
                &state,
                &headers,
                now,
                answered(SignInProblem::TooManyAttempts { wait_seconds }),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await;
            return crate::kernel::render::with_retry_after(res, wait_seconds);
        }
    };
    match auth::verify_password(&state.ctx.pool, &username, &form.password).await {
        Ok(Some(account)) => {
            state.ctx.sign_in_guard.succeeded(charged).await;
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
            state.ctx.sign_in_guard.failed(charged).await;
            tracing::info!("staff sign-in refused");
            render_sign_in(
                &state,
                &headers,
                now,
                answered(SignInProblem::Wrong),
                StatusCode::UNAUTHORIZED,
            )
            .await
        }
        Err(e) => {
            state.ctx.sign_in_guard.not_counted(charged);
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
    now: Now,
    attempt: SignInAttempt,
    status: StatusCode,
) -> Response {
    crate::kernel::render::render_page(state, headers, "/staff/login", status, now, move || {
        provide_context(attempt.clone())
    })
    .await
}

/// The signed-in staff member, for the handlers of the workbench. A visitor without a session
/// is sent to sign in (303); a session that cannot be read answers 503.
pub struct StaffMember(pub StaffAccount);

impl axum::extract::FromRequestParts<AppState> for StaffMember {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Response> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match auth::current_staff(&state.ctx.pool, &session).await {
            Ok(Some(staff)) => Ok(Self(staff)),
            Ok(None) => Err(Redirect::to("/staff/login").into_response()),
            Err(e) => Err(AppError::from(e).into_response()),
        }
    }
}

/// 我的账号 as the page shows it, with the mail settings given.
pub fn account_view(
    ctx: &crate::kernel::AppContext,
    staff: &StaffAccount,
    email: String,
    notify_email: bool,
) -> crate::features::staff::pages::AccountView {
    crate::features::staff::pages::AccountView {
        display_name: staff.display_name.clone(),
        username: staff.username.clone(),
        role: staff.role.label().to_owned(),
        unit: staff.unit_code.as_deref().map(|u| {
            ctx.config
                .unit(u)
                .map_or(u, |unit| unit.name.as_str())
                .to_owned()
        }),
        email,
        notify_email,
        gets_mail: crate::domain::notify::digest_scope(staff.role)
            != crate::domain::notify::DigestScope::None,
    }
}

#[derive(Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    notify_email: Option<String>,
}

/// `POST /staff/account`: saves the mail settings, then back to the page saying so; what was
/// typed comes back with the problem otherwise.
pub async fn save_account(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<AccountForm>,
) -> Response {
    let on = form.notify_email.is_some();
    let problem = match crate::domain::notify::staff_mail(&form.email, on) {
        Ok(email) => match crate::features::staff::store::set_mail_settings(
            &state.ctx.pool,
            staff.id,
            email.as_deref(),
            on,
        )
        .await
        {
            Ok(()) => return Redirect::to("/staff/account?saved=1").into_response(),
            Err(e) => {
                tracing::error!(error = %e, "cannot save a staff member's mail settings");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    crate::domain::text::FieldProblem::new(
                        "email",
                        "unavailable",
                        crate::domain::message::Msg::verbatim(
                            "暂时无法保存，请稍后再试；填写的内容都还在",
                        ),
                    ),
                )
            }
        },
        Err(p) => (StatusCode::UNPROCESSABLE_ENTITY, p),
    };
    let (status, problem) = problem;
    let view = account_view(&state.ctx, &staff, form.email.trim().to_owned(), on);
    let problem = crate::features::staff::pages::AccountProblem {
        view,
        errors: vec![problem.into()],
    };
    crate::kernel::render::render_page(&state, &headers, "/staff/account", status, now, move || {
        provide_context(problem.clone())
    })
    .await
}

/// Sign-in, sign-out, and the staff member's own settings.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/staff/login", post(sign_in))
        .route("/staff/logout", post(sign_out))
        .route("/staff/account", post(save_account))
}
