//! Plain form posts that answer with a page: the handler checks the input, then renders the same
//! Leptos page with what it found (a problem with everything typed kept, or the result).

use crate::features::lookup::pages::{AidFound, Found, LookupOutcome};
use crate::features::petition::service::{self as petitions, LookupError};
use crate::kernel::AppState;
use crate::kernel::render::{render_page, with_retry_after};
use crate::ui::form::{FieldError, human_wait};
use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;
use std::net::SocketAddr;

#[derive(Deserialize)]
pub struct LookupForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    code: String,
}

/// 进度查询: the same answer for a wrong number and a wrong code; guessing is slowed down.
pub async fn lookup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<LookupForm>,
) -> Response {
    let problem = |status: StatusCode, errors: Vec<FieldError>| {
        let outcome = LookupOutcome::Problem {
            number: form.number.trim().to_owned(),
            errors,
        };
        let state = state.clone();
        let headers = headers.clone();
        async move {
            render_page(&state, &headers, "/lookup", status, move || {
                provide_context(outcome.clone())
            })
            .await
        }
    };
    let mut missing = Vec::new();
    if form.number.trim().is_empty() {
        missing.push(FieldError {
            field: "number".into(),
            message: "请输入信访件编号".into(),
        });
    }
    if form.code.trim().is_empty() {
        missing.push(FieldError {
            field: "code".into(),
            message: "请输入查询码".into(),
        });
    }
    if !missing.is_empty() {
        return problem(StatusCode::UNPROCESSABLE_ENTITY, missing).await;
    }
    let client = peer.ip().to_string();
    let code = form.code.trim().to_owned();
    // Legal-aid applications (FY…) are followed on the same page (法律援助法 第55条).
    let found = if crate::domain::petition::number::LegalAidNumber::parse(&form.number).is_ok() {
        crate::features::legal_aid::service::lookup(&state.ctx, &form.number, &form.code, &client)
            .await
            .map(|status| {
                LookupOutcome::LegalAid(Box::new(AidFound {
                    status,
                    code: code.clone(),
                    notice: None,
                    errors: Vec::new(),
                    values: Vec::new(),
                }))
            })
    } else {
        petitions::guarded_lookup(&state.ctx, &form.number, &form.code, &client)
            .await
            .map(|status| {
                LookupOutcome::Found(Box::new(Found {
                    status,
                    code: code.clone(),
                    notice: None,
                    errors: Vec::new(),
                    values: Vec::new(),
                }))
            })
    };
    match found {
        Ok(outcome) => {
            render_page(&state, &headers, "/lookup", StatusCode::OK, move || {
                provide_context(outcome.clone())
            })
            .await
        }
        Err(LookupError::NotFound) => {
            problem(
                StatusCode::NOT_FOUND,
                vec![FieldError {
                field: "number".into(),
                message:
                    "没有找到与该编号和查询码相符的信访事项或法律援助申请，请核对编号和查询码后再试"
                        .into(),
            }],
            )
            .await
        }
        Err(LookupError::TooManyAttempts(wait)) => {
            let wait = wait.as_secs().max(1);
            let res = problem(
                StatusCode::TOO_MANY_REQUESTS,
                vec![FieldError {
                    field: "code".into(),
                    message: format!("查询失败次数过多，请在 {} 后再试", human_wait(wait)),
                }],
            )
            .await;
            with_retry_after(res, wait)
        }
        Err(LookupError::Store(e)) => {
            tracing::error!(error = %e, "cannot look up a petition");
            problem(
                StatusCode::SERVICE_UNAVAILABLE,
                vec![FieldError {
                    field: "number".into(),
                    message: "暂时无法查询，请稍后再试".into(),
                }],
            )
            .await
        }
    }
}

/// 满意度评价 and 复查/复核 requests from the status page: the page again, with what happened.
pub async fn lookup_evaluation(
    state: State<AppState>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    after_reply_form(state, peer, headers, pairs, "evaluation").await
}

pub async fn lookup_review_request(
    state: State<AppState>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    after_reply_form(state, peer, headers, pairs, "review").await
}

async fn after_reply_form(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    pairs: Vec<(String, String)>,
    which: &'static str,
) -> Response {
    use crate::features::petition::service::AfterReplyError as E;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (number, code) = (get("number"), get("code"));
    let client = peer.ip().to_string();
    let done = if which == "evaluation" {
        let comment = get("comment");
        petitions::evaluate(
            &state.ctx,
            &number,
            &code,
            &client,
            &get("rating"),
            Some(&comment),
        )
        .await
        .map(|()| "感谢您的评价，已经记录。".to_owned())
    } else {
        petitions::request_review(&state.ctx, &number, &code, &client, &get("reason"))
            .await
            .map(|kind| {
                if kind == "recheck_requested" {
                    "复核请求已经提交，上一级机关应当自收到之日起 30 日内提出复核意见（第三十六条）。".to_owned()
                } else {
                    "复查请求已经提交，上一级机关应当自收到之日起 30 日内提出复查意见并书面答复（第三十五条）。".to_owned()
                }
            })
    };
    let (notice, errors, status_code) = match done {
        Ok(notice) => (Some(notice), Vec::new(), StatusCode::OK),
        Err(E::Invalid(problems)) => (
            None,
            problems.into_iter().map(FieldError::from).collect(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(E::NotNow(n)) => (
            None,
            vec![FieldError {
                field: if which == "evaluation" {
                    "evaluation"
                } else {
                    "review"
                }
                .into(),
                message: n.message(),
            }],
            StatusCode::CONFLICT,
        ),
        Err(E::NotFound) | Err(E::TooManyAttempts(_)) | Err(E::Store(_)) => {
            // The same answers as the lookup form itself.
            let form = LookupForm { number, code };
            return lookup(State(state), ConnectInfo(peer), headers, Form(form)).await;
        }
    };
    let status = match petitions::guarded_lookup(&state.ctx, &number, &code, &client).await {
        Ok(status) => status,
        Err(_) => {
            let form = LookupForm { number, code };
            return lookup(State(state), ConnectInfo(peer), headers, Form(form)).await;
        }
    };
    let values = if errors.is_empty() { Vec::new() } else { pairs };
    let outcome = LookupOutcome::Found(Box::new(Found {
        status,
        code: code.trim().to_owned(),
        notice,
        errors,
        values,
    }));
    render_page(&state, &headers, "/lookup", status_code, move || {
        provide_context(outcome.clone())
    })
    .await
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
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<MaterialForm>,
) -> Response {
    use crate::features::legal_aid::service::SupplyError;
    let client = peer.ip().to_string();
    let result = crate::features::legal_aid::service::supply_material(
        &state.ctx,
        &form.number,
        &form.code,
        &client,
        &form.explanation,
        &[],
    )
    .await;
    let (notice, errors, status) = match result {
        Ok(_) => (
            Some("补充的材料已经提交。法律援助机构自收到之日起 7 日内作出决定。".to_owned()),
            Vec::new(),
            StatusCode::OK,
        ),
        Err(SupplyError::Invalid(problems)) => (
            None,
            problems.into_iter().map(FieldError::from).collect(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(SupplyError::NotAsked) => (
            None,
            vec![FieldError {
                field: "explanation".into(),
                message: "现在没有需要补充的材料，或者补充期限已过（逾期视为撤回申请，《法律援助法》第四十三条）".into(),
            }],
            StatusCode::CONFLICT,
        ),
        Err(SupplyError::TooManyAttempts(wait)) => {
            // The number is locked by failed tries: the lookup form says for how long.
            let wait = wait.as_secs().max(1);
            let outcome = LookupOutcome::Problem {
                number: form.number.trim().to_owned(),
                errors: vec![FieldError {
                    field: "code".into(),
                    message: format!(
                        "查询失败次数过多，请在 {} 后再试；您写的补充说明没有提交，请先另外保存",
                        human_wait(wait)
                    ),
                }],
            };
            let res = render_page(&state, &headers, "/lookup", StatusCode::TOO_MANY_REQUESTS, move || {
                provide_context(outcome.clone())
            })
            .await;
            return with_retry_after(res, wait);
        }
        Err(SupplyError::NotFound) => {
            return (StatusCode::NOT_FOUND, "没有找到这件申请，请重新查询").into_response();
        }
        Err(SupplyError::Store(e)) => {
            tracing::error!(error = %e, "cannot record supplied material");
            (
                None,
                vec![FieldError {
                    field: "explanation".into(),
                    message: "暂时无法保存，请稍后再试；填写的内容都还在".into(),
                }],
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
    };
    let view = match crate::features::legal_aid::service::lookup(
        &state.ctx,
        &form.number,
        &form.code,
        &client,
    )
    .await
    {
        Ok(view) => view,
        Err(LookupError::Store(e)) => {
            tracing::error!(error = %e, "cannot read an application");
            return (StatusCode::SERVICE_UNAVAILABLE, "暂时无法读取，请稍后再试").into_response();
        }
        Err(_) => return (StatusCode::NOT_FOUND, "没有找到这件申请，请重新查询").into_response(),
    };
    let values = if errors.is_empty() {
        Vec::new()
    } else {
        vec![("explanation".to_owned(), form.explanation.clone())]
    };
    let outcome = LookupOutcome::LegalAid(Box::new(AidFound {
        status: view,
        code: form.code.trim().to_owned(),
        notice,
        errors,
        values,
    }));
    render_page(&state, &headers, "/lookup", status, move || {
        provide_context(outcome.clone())
    })
    .await
}

/// The lookup form and what the citizen does from the status page.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/lookup", post(lookup))
        .route("/lookup/evaluation", post(lookup_evaluation))
        .route("/lookup/review-request", post(lookup_review_request))
        .route("/lookup/legal-aid-material", post(lookup_material))
}
