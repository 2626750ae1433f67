//! 进度查询 over plain form posts: the handler checks the input, then renders the lookup page
//! with what it found (a problem with everything typed kept, or the record).

use crate::domain::message::Msg;
use crate::domain::msg;
use crate::features::lookup::pages::{AidFound, Found, LookupOutcome};
use crate::features::petition::service as petitions;
use crate::kernel::error::wait_msg;
use crate::kernel::render::{render_page, with_retry_after};
use crate::kernel::{AppError, AppState, Now};
use crate::ui::form::FieldError;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct LookupForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    code: String,
}

/// The lookup page with `outcome`, answering `status` (with `Retry-After` after too many tries).
async fn show(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    status: StatusCode,
    retry_after: Option<u64>,
    outcome: LookupOutcome,
) -> Response {
    let res = render_page(state, headers, "/lookup", status, now, move || {
        provide_context(outcome.clone())
    })
    .await;
    match retry_after {
        Some(wait) => with_retry_after(res, wait),
        None => res,
    }
}

/// The lookup form again with the problem of `e`: a wrong number or code is said on the number,
/// too many tries on the code (with `too_many`, the message of the form that failed: it gets
/// the wait as `wait`).
async fn problem(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    number: &str,
    e: AppError,
    too_many: &'static str,
) -> Response {
    let (field, message) = match &e {
        AppError::NotFound(_) => ("number", msg!("lookup-not-found")),
        AppError::TooManyAttempts(wait) => (
            "code",
            Msg::new(too_many).with(
                "wait",
                wait_msg(crate::domain::throttle::whole_seconds(*wait)),
            ),
        ),
        _ => ("number", msg!("unavailable-lookup")),
    };
    let outcome = LookupOutcome::Problem {
        number: number.trim().to_owned(),
        errors: vec![FieldError {
            field: field.to_owned(),
            message,
        }],
    };
    show(state, headers, now, e.status(), e.retry_after(), outcome).await
}

/// A line of text in the reader's language, for a post that has no page to come back to.
fn plain(headers: &HeaderMap, status: StatusCode, msg: Msg) -> Response {
    let lang = crate::kernel::i18n::prefs_from_headers(headers).lang;
    (status, crate::kernel::i18n::messages::in_script(lang, &msg)).into_response()
}

/// 进度查询: the same answer for a wrong number and a wrong code; guessing is slowed down.
pub async fn lookup(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<LookupForm>,
) -> Response {
    let mut missing = Vec::new();
    if form.number.trim().is_empty() {
        missing.push(FieldError {
            field: "number".into(),
            message: msg!("lookup-number-required"),
        });
    }
    if form.code.trim().is_empty() {
        missing.push(FieldError {
            field: "code".into(),
            message: msg!("lookup-code-required"),
        });
    }
    if !missing.is_empty() {
        let outcome = LookupOutcome::Problem {
            number: form.number.trim().to_owned(),
            errors: missing,
        };
        return show(
            &state,
            &headers,
            now,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            outcome,
        )
        .await;
    }
    let client = client.key();
    let code = form.code.trim().to_owned();
    let via = crate::features::lookup::service::via(&state.ctx, &form.number, false).await;
    // Legal-aid applications (FY…) are followed on the same page (法律援助法 第55条).
    let found = if crate::domain::petition::LegalAidNumber::parse(&form.number).is_ok() {
        crate::features::legal_aid::service::lookup(
            &state.ctx,
            &form.number,
            &form.code,
            &client,
            now,
        )
        .await
        .map(|status| {
            LookupOutcome::LegalAid(Box::new(AidFound {
                status,
                code: code.clone(),
                notice: None,
                errors: Vec::new(),
                values: Vec::new(),
                via,
            }))
        })
    } else {
        petitions::guarded_lookup(&state.ctx, &form.number, &form.code, &client, now)
            .await
            .map(|status| {
                LookupOutcome::Found(Box::new(Found {
                    status,
                    code: code.clone(),
                    notice: None,
                    errors: Vec::new(),
                    values: Vec::new(),
                    via,
                }))
            })
    };
    match found {
        Ok(outcome) => show(&state, &headers, now, StatusCode::OK, None, outcome).await,
        Err(e) => problem(&state, &headers, now, &form.number, e, "too-many-attempts").await,
    }
}

/// 满意度评价 and 复查/复核 requests from the status page: the page again, with what happened.
pub async fn lookup_evaluation(
    state: State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    after_reply_form(state, client, now, headers, pairs, "evaluation").await
}

pub async fn lookup_review_request(
    state: State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    after_reply_form(state, client, now, headers, pairs, "review").await
}

async fn after_reply_form(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    pairs: Vec<(String, String)>,
    which: &'static str,
) -> Response {
    use crate::domain::case::Level;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (number, code) = (get("number"), get("code"));
    let client = client.key();
    let done = if which == "evaluation" {
        let comment = get("comment");
        petitions::evaluate(
            &state.ctx,
            &number,
            &code,
            &client,
            &get("rating"),
            Some(&comment),
            now,
        )
        .await
        .map(|()| msg!("lookup-evaluation-recorded"))
    } else {
        petitions::request_review(&state.ctx, &number, &code, &client, &get("reason"), now)
            .await
            .map(|level| match level {
                Level::Recheck => msg!("lookup-recheck-requested"),
                Level::Review => msg!("lookup-review-requested"),
            })
    };
    let (notice, errors, status_code) = match done {
        Ok(notice) => (Some(notice), Vec::new(), StatusCode::OK),
        Err(e @ (AppError::Invalid(_) | AppError::Refused { .. })) => (
            None,
            e.problems(which, msg!("unavailable-save"))
                .into_iter()
                .map(FieldError::from)
                .collect(),
            e.status(),
        ),
        // The same answers as the lookup form itself.
        Err(e) => return problem(&state, &headers, now, &number, e, "too-many-attempts").await,
    };
    let status = match petitions::guarded_lookup(&state.ctx, &number, &code, &client, now).await {
        Ok(status) => status,
        Err(e) => return problem(&state, &headers, now, &number, e, "too-many-attempts").await,
    };
    let values = if errors.is_empty() { Vec::new() } else { pairs };
    let via = crate::features::lookup::service::via(&state.ctx, &number, false).await;
    let outcome = LookupOutcome::Found(Box::new(Found {
        status,
        code: code.trim().to_owned(),
        notice,
        errors,
        values,
        via,
    }));
    show(&state, &headers, now, status_code, None, outcome).await
}

#[derive(Deserialize)]
pub struct MaterialForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    explanation: String,
}

/// The applicant answers a request for material from the status page (第43条): the page again,
/// with the new state or the problem, and what was typed kept.
pub async fn lookup_material(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<MaterialForm>,
) -> Response {
    let client = client.key();
    let result = crate::features::legal_aid::service::supply_material(
        &state.ctx,
        &form.number,
        &form.code,
        &client,
        &form.explanation,
        &[],
        now,
    )
    .await;
    let (notice, errors, status) = match result {
        Ok(_) => (
            Some(msg!("lookup-material-supplied")),
            Vec::new(),
            StatusCode::OK,
        ),
        // The number is locked by failed tries: the lookup form says for how long.
        Err(e @ AppError::TooManyAttempts(_)) => {
            return problem(
                &state,
                &headers,
                now,
                &form.number,
                e,
                "lookup-too-many-material",
            )
            .await;
        }
        Err(AppError::NotFound(_)) => {
            return plain(
                &headers,
                StatusCode::NOT_FOUND,
                msg!("lookup-aid-not-found"),
            );
        }
        Err(e) => (
            None,
            e.problems("explanation", msg!("unavailable-save-kept"))
                .into_iter()
                .map(FieldError::from)
                .collect(),
            e.status(),
        ),
    };
    let view = match crate::features::legal_aid::service::lookup(
        &state.ctx,
        &form.number,
        &form.code,
        &client,
        now,
    )
    .await
    {
        Ok(view) => view,
        Err(e @ AppError::Unavailable) => {
            return plain(&headers, e.status(), msg!("unavailable-read"));
        }
        Err(_) => {
            return plain(
                &headers,
                StatusCode::NOT_FOUND,
                msg!("lookup-aid-not-found"),
            );
        }
    };
    let values = if errors.is_empty() {
        Vec::new()
    } else {
        vec![("explanation".to_owned(), form.explanation.clone())]
    };
    let via = crate::features::lookup::service::via(&state.ctx, &form.number, false).await;
    let outcome = LookupOutcome::LegalAid(Box::new(AidFound {
        status: view,
        code: form.code.trim().to_owned(),
        notice,
        errors,
        values,
        via,
    }));
    show(&state, &headers, now, status, None, outcome).await
}

/// The citizen stops the messages of a matter from its status page (number and 查询码, like the
/// lookup): the page again, saying so.
pub async fn lookup_stop_messages(
    State(state): State<AppState>,
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    Form(form): Form<LookupForm>,
) -> Response {
    let client = client.key();
    let (number, code) = (form.number.trim(), form.code.trim());
    let aid = crate::domain::petition::LegalAidNumber::parse(number).is_ok();
    // Opened first, with the lookup's own guard: stopping needs what looking up needs.
    let opened = if aid {
        crate::features::legal_aid::service::lookup(&state.ctx, number, code, &client, now)
            .await
            .map(|_| ())
    } else {
        petitions::guarded_lookup(&state.ctx, number, code, &client, now)
            .await
            .map(|_| ())
    };
    if let Err(e) = opened {
        return problem(&state, &headers, now, number, e, "too-many-attempts").await;
    }
    if let Err(e) = crate::features::lookup::service::stop_messages(&state.ctx, number, now).await {
        return plain(&headers, e.status(), msg!("unavailable-save"));
    }
    let via = crate::features::lookup::service::via(&state.ctx, number, false).await;
    let notice = Some(msg!("lookup-messages-stopped"));
    let outcome = if aid {
        match crate::features::legal_aid::service::lookup(&state.ctx, number, code, &client, now)
            .await
        {
            Ok(status) => LookupOutcome::LegalAid(Box::new(AidFound {
                status,
                code: code.to_owned(),
                notice,
                errors: Vec::new(),
                values: Vec::new(),
                via,
            })),
            Err(e) => return problem(&state, &headers, now, number, e, "too-many-attempts").await,
        }
    } else {
        match petitions::guarded_lookup(&state.ctx, number, code, &client, now).await {
            Ok(status) => LookupOutcome::Found(Box::new(Found {
                status,
                code: code.to_owned(),
                notice,
                errors: Vec::new(),
                values: Vec::new(),
                via,
            })),
            Err(e) => return problem(&state, &headers, now, number, e, "too-many-attempts").await,
        }
    };
    show(&state, &headers, now, StatusCode::OK, None, outcome).await
}

/// The lookup form and what the citizen does from the status page.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/lookup", post(lookup))
        .route("/lookup/evaluation", post(lookup_evaluation))
        .route("/lookup/review-request", post(lookup_review_request))
        .route("/lookup/legal-aid-material", post(lookup_material))
        .route("/lookup/stop-messages", post(lookup_stop_messages))
}
