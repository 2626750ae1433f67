//! 我的事项 over plain form posts. The code form and the list are answers to posts or pages of
//! their own; every step that changes something redirects (Post/Redirect/Get), so a reload never
//! sends a code or a 查询码 again.

use super::pages::MineOutcome;
use super::view::MineList;
use crate::domain::message::Msg;
use crate::domain::msg;
use crate::domain::notify::SESSION_MINUTES;
use crate::features::legal_aid::service as aid;
use crate::features::lookup::pages::{AidFound, Found, LookupOutcome};
use crate::features::petition::service as petitions;
use crate::kernel::error::wait_msg;
use crate::kernel::render::{render_page, with_retry_after};
use crate::kernel::sms_code;
use crate::kernel::{AppError, AppState, Now};
use crate::ui::form::FieldError;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;

const PATH: &str = "/mine";

async fn show(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    status: StatusCode,
    outcome: MineOutcome,
) -> Response {
    render_page(state, headers, PATH, status, now, move || {
        provide_context(outcome.clone())
    })
    .await
}

fn see_other(location: &str, cookie: Option<String>) -> Response {
    let mut res = (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location.to_owned()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response();
    if let Some(cookie) = cookie
        && let Ok(value) = cookie.parse()
    {
        res.headers_mut().insert(header::SET_COOKIE, value);
    }
    res
}

/// The problems of `e` as the page shows them, on `field`; too many tries said with `too_many`.
fn errors(e: &AppError, field: &str, too_many: &'static str) -> Vec<FieldError> {
    match e {
        AppError::TooManyAttempts(wait) | AppError::TooManyFilings(wait) => vec![FieldError {
            field: field.to_owned(),
            message: Msg::new(too_many).with(
                "wait",
                wait_msg(crate::domain::throttle::whole_seconds(*wait)),
            ),
        }],
        e => e
            .problems(field, msg!("unavailable-save"))
            .into_iter()
            .map(|mut p| {
                if p.field.is_empty() {
                    p.field = field.to_owned();
                }
                FieldError::from(p)
            })
            .collect(),
    }
}

async fn problem_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    e: AppError,
    outcome: MineOutcome,
) -> Response {
    let res = show(state, headers, now, e.status(), outcome).await;
    match e.retry_after() {
        Some(wait) => with_retry_after(res, wait),
        None => res,
    }
}

/// The mobile form again with `e` said on the field (`mobile` as typed).
async fn refused(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    e: AppError,
    mobile: String,
) -> Response {
    let outcome = MineOutcome::Ask {
        errors: errors(&e, "mobile", "mine-too-many-codes"),
        mobile,
        notice: None,
    };
    problem_page(state, headers, now, e, outcome).await
}

/// The mobile of the request's open session, if it has one.
async fn holder(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
) -> Option<(sms_code::Session, String)> {
    let session = sms_code::session_of(headers)?;
    match sms_code::holder(&state.ctx, &session, now).await {
        Ok(Some(mobile)) => Some((session, mobile)),
        _ => None,
    }
}

#[derive(Deserialize, Default)]
pub struct MineQuery {
    #[serde(default)]
    reset: Option<String>,
    #[serde(default)]
    ended: Option<String>,
}

/// `GET /mine`: the list while a session is open, the mobile form otherwise.
pub async fn mine(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    Query(query): Query<MineQuery>,
) -> Response {
    let Some((_, mobile)) = holder(&state, &headers, now).await else {
        let notice = if query.ended.is_some() {
            Some(msg!("mine-signed-out"))
        } else if sms_code::session_of(&headers).is_some() {
            Some(msg!("mine-expired", minutes = SESSION_MINUTES))
        } else {
            None
        };
        let outcome = MineOutcome::Ask {
            mobile: String::new(),
            errors: Vec::new(),
            notice,
        };
        return show(&state, &headers, now, StatusCode::OK, outcome).await;
    };
    let notice = query.reset.map(|number| (number, None));
    list_page(&state, &headers, now, &mobile, notice).await
}

/// The list of `mobile`'s matters; `notice` names one of them and says a new 查询码 went to it
/// (or, with a wait, that no more can be sent yet).
async fn list_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    mobile: &str,
    notice: Option<(String, Option<std::time::Duration>)>,
) -> Response {
    let masked = crate::domain::person::mobile::Mobile::parse(mobile)
        .map(|m| m.masked())
        .unwrap_or_default();
    let lists = async {
        Ok::<_, AppError>((
            petitions::of_holder(&state.ctx, mobile, now).await?,
            aid::of_holder(&state.ctx, mobile, now).await?,
        ))
    };
    let (petitions, applications) = match lists.await {
        Ok(lists) => lists,
        Err(e) => {
            return refused(state, headers, now, e, String::new()).await;
        }
    };
    let status = match notice {
        Some((_, Some(_))) => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::OK,
    };
    let wait = notice.as_ref().and_then(|(_, wait)| *wait);
    let notice = notice
        .filter(|(n, _)| {
            petitions.iter().any(|p| &p.number == n) || applications.iter().any(|a| &a.number == n)
        })
        .map(|(number, wait)| match wait {
            None => msg!(
                "mine-new-code-sent",
                number = number,
                mobile = masked.clone()
            ),
            Some(wait) => Msg::new("mine-too-many-sms").with("number", number).with(
                "wait",
                wait_msg(crate::domain::throttle::whole_seconds(wait)),
            ),
        });
    let outcome = MineOutcome::List(Box::new(MineList {
        mobile: masked,
        petitions,
        applications,
        notice,
    }));
    let res = show(state, headers, now, status, outcome).await;
    match wait {
        Some(wait) => with_retry_after(res, crate::domain::throttle::whole_seconds(wait)),
        None => res,
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    mobile: String,
    #[serde(default)]
    code: String,
}

/// `POST /mine/code`: a code to the mobile if it has matters here; the same page either way.
pub async fn send_code(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let typed = form.mobile.trim().to_owned();
    let lang = crate::kernel::i18n::prefs_from_headers(&headers).lang;
    let sent = async {
        let mobile = sms_code::parse_mobile(&typed)?;
        let known = petitions::holds_any(&state.ctx, mobile.as_str()).await?
            || aid::holds_any(&state.ctx, mobile.as_str()).await?;
        sms_code::send(&state.ctx, &mobile, known, &client.key(), lang, now).await
    };
    match sent.await {
        Ok(()) => {
            let outcome = MineOutcome::Sent {
                mobile: typed,
                errors: Vec::new(),
            };
            show(&state, &headers, now, StatusCode::OK, outcome).await
        }
        Err(e) => refused(&state, &headers, now, e, typed).await,
    }
}

/// `POST /mine/verify`: the right code opens the list (a session cookie, then a redirect).
pub async fn verify(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Response {
    let typed = form.mobile.trim().to_owned();
    let mobile = match sms_code::parse_mobile(&typed) {
        Ok(m) => m,
        Err(e) => {
            return refused(&state, &headers, now, e, typed).await;
        }
    };
    match sms_code::check(&state.ctx, &mobile, &form.code, &client.key(), now).await {
        Ok(session) => see_other(
            PATH,
            Some(sms_code::cookie(Some(&session), state.behind_tls)),
        ),
        Err(e) => {
            let outcome = MineOutcome::Sent {
                errors: errors(&e, "code", "mine-too-many-tries"),
                mobile: typed,
            };
            problem_page(&state, &headers, now, e, outcome).await
        }
    }
}

#[derive(Deserialize)]
pub struct NumberForm {
    #[serde(default)]
    number: String,
}

/// `GET /mine/matter?number=…`: a matter's status page for the holder of the session.
pub async fn matter(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    Query(form): Query<NumberForm>,
) -> Response {
    let Some((_, mobile)) = holder(&state, &headers, now).await else {
        return see_other(PATH, None);
    };
    matter_page(&state, &headers, now, form.number.trim(), &mobile, None).await
}

async fn matter_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    number: &str,
    mobile: &str,
    notice: Option<Msg>,
) -> Response {
    let via = crate::features::lookup::service::via(&state.ctx, number, true).await;
    let outcome = holder_status(&state.ctx, number, mobile, now, notice, via).await;
    match outcome {
        Ok(outcome) => {
            render_page(state, headers, "/lookup", StatusCode::OK, now, move || {
                provide_context(outcome.clone())
            })
            .await
        }
        // Not one of this mobile's matters (or gone): back to the list.
        Err(AppError::NotFound(_)) => see_other(PATH, None),
        Err(e) => refused(state, headers, now, e, String::new()).await,
    }
}

/// The status page of `number` as its holder sees it (no 查询码): not found unless the matter
/// was filed with `mobile`.
async fn holder_status(
    ctx: &crate::kernel::AppContext,
    number: &str,
    mobile: &str,
    now: Now,
    notice: Option<Msg>,
    via: crate::features::lookup::pages::Via,
) -> Result<LookupOutcome, AppError> {
    let (code, errors, values) = (String::new(), Vec::new(), Vec::new());
    Ok(
        if crate::domain::petition::LegalAidNumber::parse(number).is_ok() {
            let (status, _) = aid::status_for_holder(ctx, number, mobile, now).await?;
            LookupOutcome::LegalAid(Box::new(AidFound {
                status,
                code,
                notice,
                errors,
                values,
                via,
            }))
        } else {
            let (status, _) = petitions::status_for_holder(ctx, number, mobile, now).await?;
            LookupOutcome::Found(Box::new(Found {
                status,
                code,
                notice,
                errors,
                values,
                via,
            }))
        },
    )
}

/// `POST /mine/new-code`: a new 查询码 by SMS to the session's mobile (within the mobile's and
/// the client's SMS limits); back to the list.
pub async fn new_code(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<NumberForm>,
) -> Response {
    let Some((_, mobile)) = holder(&state, &headers, now).await else {
        return see_other(PATH, None);
    };
    let number = form.number.trim();
    let lang = crate::kernel::i18n::prefs_from_headers(&headers).lang;
    let done = if crate::domain::petition::LegalAidNumber::parse(number).is_ok() {
        aid::replace_query_code(&state.ctx, number, &mobile, &client.key(), lang, now).await
    } else {
        petitions::replace_query_code(&state.ctx, number, &mobile, &client.key(), lang, now).await
    };
    match done {
        Ok(()) => see_other(&format!("{PATH}?reset={number}"), None),
        Err(AppError::NotFound(_)) => see_other(PATH, None),
        Err(AppError::TooManyFilings(wait) | AppError::TooManyAttempts(wait)) => {
            list_page(
                &state,
                &headers,
                now,
                &mobile,
                Some((number.to_owned(), Some(wait))),
            )
            .await
        }
        Err(e) => refused(&state, &headers, now, e, String::new()).await,
    }
}

/// `POST /mine/stop`: stops a matter's messages; its status page again, saying so.
pub async fn stop(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<NumberForm>,
) -> Response {
    let Some((_, mobile)) = holder(&state, &headers, now).await else {
        return see_other(PATH, None);
    };
    let number = form.number.trim();
    // Only a matter of this mobile's.
    let via = crate::features::lookup::pages::Via::default();
    if holder_status(&state.ctx, number, &mobile, now, None, via)
        .await
        .is_err()
    {
        return see_other(PATH, None);
    }
    let notice =
        match crate::features::lookup::service::stop_messages(&state.ctx, number, now).await {
            Ok(()) => msg!("mine-messages-stopped"),
            Err(_) => msg!("unavailable-save"),
        };
    matter_page(&state, &headers, now, number, &mobile, Some(notice)).await
}

/// `POST /mine/sign-out`: the session ends and its cookie goes.
pub async fn sign_out(State(state): State<AppState>, now: Now, headers: HeaderMap) -> Response {
    if let Some(session) = sms_code::session_of(&headers)
        && let Err(e) = sms_code::end(&state.ctx, &session, now).await
    {
        tracing::error!(error = %e, "cannot end a 我的事项 session");
    }
    see_other(
        &format!("{PATH}?ended=1"),
        Some(sms_code::cookie(None, state.behind_tls)),
    )
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(PATH, get(mine))
        .route("/mine/code", post(send_code))
        .route("/mine/verify", post(verify))
        .route("/mine/matter", get(matter))
        .route("/mine/new-code", post(new_code))
        .route("/mine/stop", post(stop))
        .route("/mine/sign-out", post(sign_out))
}
