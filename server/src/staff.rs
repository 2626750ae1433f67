//! Staff sign-in and sign-out over plain form posts (they work without JavaScript).
//!
//! Failed sign-ins are slowed down per account and per client address; a success renews the
//! session id (so a session fixed before sign-in is worthless) and stores the staff id.

use crate::AppState;
use app::app::shell;
use app::auth;
use app::domain::throttle::{Throttle, ThrottleRule};
use app::pages::staff::{SignInAttempt, SignInProblem};
use axum::Form;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Request, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower_sessions::Session;

/// Five free tries per account, then 30 s, 1 min, 2 min … up to 15 min.
const PER_ACCOUNT: ThrottleRule = ThrottleRule {
    free_failures: 5,
    first_lock: Duration::from_secs(30),
    max_lock: Duration::from_secs(15 * 60),
    memory: Duration::from_secs(60 * 60),
};

/// A client trying many accounts gets more room (a shared office), then the same doubling.
const PER_CLIENT: ThrottleRule = ThrottleRule {
    free_failures: 20,
    first_lock: Duration::from_secs(30),
    max_lock: Duration::from_secs(15 * 60),
    memory: Duration::from_secs(60 * 60),
};

/// The sign-in throttles, shared by all requests.
#[derive(Clone, Debug)]
pub struct SignInThrottles {
    accounts: Arc<Mutex<Throttle>>,
    clients: Arc<Mutex<Throttle>>,
}

impl Default for SignInThrottles {
    fn default() -> Self {
        Self {
            accounts: Arc::new(Mutex::new(Throttle::new(PER_ACCOUNT))),
            clients: Arc::new(Mutex::new(Throttle::new(PER_CLIENT))),
        }
    }
}

impl SignInThrottles {
    fn check(&self, account: &str, client: &str, now: Instant) -> Result<(), Duration> {
        let a = lock(&self.accounts).check(account, now);
        let c = lock(&self.clients).check(client, now);
        match (a, c) {
            (Err(x), Err(y)) => Err(x.max(y)),
            (Err(x), _) | (_, Err(x)) => Err(x),
            _ => Ok(()),
        }
    }

    fn fail(&self, account: &str, client: &str, now: Instant) {
        lock(&self.accounts).fail(account, now);
        lock(&self.clients).fail(client, now);
    }

    fn succeed(&self, account: &str) {
        lock(&self.accounts).forget(account);
    }
}

fn lock(m: &Mutex<Throttle>) -> std::sync::MutexGuard<'_, Throttle> {
    // A panic while holding the lock leaves valid data behind: keep using it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

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
    if let Err(wait) = state.sign_in_throttles.check(&username, &client, now) {
        let wait_seconds = wait.as_secs().max(1);
        let mut res = render_sign_in(
            &state,
            &headers,
            attempt(SignInProblem::TooManyAttempts { wait_seconds }),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
        if let Ok(v) = wait_seconds.to_string().parse() {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return res;
    }
    match auth::verify_password(&state.ctx.pool, &username, &form.password).await {
        Ok(Some(account)) => {
            state.sign_in_throttles.succeed(&username);
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
            state.sign_in_throttles.fail(&username, &client, now);
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
    let ctx = state.ctx.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || {
            provide_context(ctx.clone());
            provide_context(attempt.clone());
        },
        move || shell(options.clone()),
    );
    let mut req = Request::builder().uri("/staff/login");
    if let Some(cookie) = headers.get(header::COOKIE) {
        req = req.header(header::COOKIE, cookie);
    }
    let Ok(req) = req.body(Body::empty()) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut res = handler(req).await.into_response();
    *res.status_mut() = status;
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    res
}
