//! 法律援助 over plain forms: the application (`POST /legal-aid/apply`, multipart for files) and
//! the agency's decisions on the workbench (`POST /staff/legal-aid/{number}`).

use crate::features::legal_aid::form::{ApplyValues, Page, SEND};
use crate::features::legal_aid::pages::{ApplyView, LegalAidReceipt};
use crate::features::petition::http::{file_infos, keep_files, read_form};
use crate::features::petition::journey::Action;
use crate::kernel::filing::{self, Kind, Once};
use crate::kernel::i18n::switch::Switch;
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
    // Every page of the form keeps the answers over a language or 无障碍 switch.
    let keeps = matches!(view, ApplyView::Page { .. }).then_some(crate::ui::KeepsAnswers {
        form: "apply-form",
        enter: "continue",
    });
    render_page(state, headers, "/legal-aid/apply", status, now, move || {
        provide_context(view.clone());
        if let Some(keeps) = keeps {
            provide_context(keeps);
        }
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
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    // A missing or unknown page is the first one.
    let page = Page::parse(field("page")).unwrap_or(Page::Who);
    let mut action = Action::parse_with(field("action"), Page::parse);
    // A language or 无障碍 switch: the same page again, answers kept, in the new language or mode.
    let switch = Switch::from_pairs(&pairs);
    let headers = match &switch {
        Some(switch) => {
            action = Action::Goto(page);
            switch.applied(&headers)
        }
        None => headers,
    };
    let posted = Posted {
        values: ApplyValues::from_pairs(&pairs),
        files,
        errors,
    };
    let mut res = answer(&state, &headers, &client, now, posted, page, action).await;
    if let Some(switch) = switch {
        switch.remember(&mut res, state.behind_tls);
    }
    res
}

/// What a post brought: the answers, the files, and the problems reading them.
struct Posted {
    values: ApplyValues,
    files: Vec<crate::features::petition::http::FilePart>,
    errors: Vec<FieldError>,
}

/// The page that answers a post of one of the application's pages.
async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    client: &crate::kernel::Client,
    now: Now,
    posted: Posted,
    page: Page,
    action: Action<Page>,
) -> Response {
    let Posted {
        mut values,
        files,
        mut errors,
    } = posted;
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
    if let Action::Remove(token) = &action {
        if let Err(e) = crate::kernel::files::uploads::remove(&state.ctx, token).await {
            tracing::error!(error = %e, "cannot remove an upload");
        }
        values.attachments.retain(|t| t != token);
    }
    let files = file_infos(state, &values.attachments).await;
    values.attachments = files.iter().map(|f| f.token.clone()).collect();
    let once = Once::parse(&values.once).unwrap_or_default();
    values.once = once.as_str().to_owned();
    let show_page = |page: Page, values: ApplyValues, errors: Vec<FieldError>, files| async move {
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let view = ApplyView::Page {
            page,
            values: Box::new(values),
            errors,
            files,
        };
        show(state, headers, view, status, now).await
    };
    match action {
        Action::Upload | Action::Remove(_) => {
            return show_page(Page::Files, values, errors, files).await;
        }
        Action::Goto(Page::Check) => {}
        Action::Goto(to) => return show_page(to, values, Vec::new(), files).await,
        Action::Continue | Action::Submit => {}
    }
    // Every rule of the application, as the API checks it, plus who applies.
    let problems: Vec<FieldError> = values
        .problems(&state.ctx.config, now.today())
        .into_iter()
        .map(FieldError::from)
        .chain(errors)
        .collect();
    if action == Action::Continue && page != Page::Check {
        let here: Vec<FieldError> = problems
            .iter()
            .filter(|e| Page::of_field(&e.field) == page)
            .cloned()
            .collect();
        if !here.is_empty() {
            return show_page(page, values, here, files).await;
        }
        // Until the check page has been seen, each page leads to the next one; after it, a
        // change leads back to it.
        let next = page.next(&values);
        if next != Page::Check && !values.checking {
            return show_page(next, values, Vec::new(), files).await;
        }
    }
    // The check page, or sending: everything must be right, or the first page with a problem
    // is shown with its problems.
    if let Some(first) = Page::ALL
        .into_iter()
        .find(|p| problems.iter().any(|e| Page::of_field(&e.field) == *p))
    {
        let here = problems
            .into_iter()
            .filter(|e| Page::of_field(&e.field) == first)
            .collect();
        return show_page(first, values, here, files).await;
    }
    values.checking = true;
    if action != Action::Submit {
        // The check page hands the browser its receipt cookie (the token it will file with).
        let mut res = show_page(Page::Check, values, Vec::new(), files).await;
        if let Ok(cookie) =
            header::HeaderValue::from_str(&once.cookie(Kind::LegalAid, state.behind_tls))
        {
            res.headers_mut().append(header::SET_COOKIE, cookie);
        }
        return res;
    }
    let once = &once;
    let keeps_cookie = once.comes_back(headers, Kind::LegalAid);
    let answer = |filed: filing::Filed, again: bool| async move {
        if keeps_cookie {
            return once.to_receipt(Kind::LegalAid, RECEIPT_PATH, again, state.behind_tls);
        }
        let view = receipt_view(state, &filed.number, filed.query_code, again).await;
        show_receipt(state, headers, view, now).await
    };
    // Sent before: the first filing's receipt (`filing::sent_before` says how it is shown).
    if let Some((filed, again)) =
        filing::sent_before(&state.ctx.pool, once, Kind::LegalAid, now.utc()).await
    {
        return answer(filed, again).await;
    }
    match crate::features::legal_aid::service::apply(
        &state.ctx,
        &values.to_input(),
        &values.attachments,
        "web",
        crate::features::legal_aid::service::Sender {
            client: Some(&client.key()),
            once: Some(once),
            lang: crate::kernel::i18n::prefs_from_headers(headers).lang,
        },
        now,
    )
    .await
    {
        Ok(receipt) => {
            let filed = filing::Filed {
                number: receipt.number,
                query_code: Some(receipt.query_code),
                filed_at: now.local(),
            };
            answer(filed, false).await
        }
        Err(e) => {
            // Two sends at once: the one that lost the race finds the other's.
            if let Ok(Some(filed)) =
                filing::find(&state.ctx.pool, once, Kind::LegalAid, now.utc()).await
            {
                return answer(filed, false).await;
            }
            let status = e.status();
            // Shown on the check page, everything kept, to be sent again.
            let errors = e
                .problems(SEND, crate::domain::msg!("legal-aid-not-saved-kept"))
                .into_iter()
                .map(|mut p| {
                    p.field = ApplyValues::web_field(&p.field);
                    if Page::of_field(&p.field) != Page::Check {
                        p.field = SEND.to_owned();
                    }
                    FieldError::from(p)
                })
                .collect();
            let wait = e.retry_after();
            let view = ApplyView::Page {
                page: Page::Check,
                values: Box::new(values),
                errors,
                files,
            };
            let res = show(state, headers, view, status, now).await;
            match wait {
                Some(wait) => crate::kernel::render::with_retry_after(res, wait),
                None => res,
            }
        }
    }
}

/// Where a filed application's receipt is shown.
pub const RECEIPT_PATH: &str = "/legal-aid/receipt";

/// `GET /legal-aid/receipt`: the receipt of this browser's last application (its cookie), with
/// the 查询码 for a while after filing.
pub async fn receipt(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<filing::ReceiptQuery>,
) -> Response {
    let view = match filing::of_browser(&state.ctx.pool, &headers, Kind::LegalAid, now.utc()).await
    {
        Ok(Some(filed)) => {
            receipt_view(&state, &filed.number, filed.query_code, query.again()).await
        }
        other => other.map(|_| None),
    };
    show_receipt(&state, &headers, view, now).await
}

/// An application's receipt (with `query_code` while it may be shown).
async fn receipt_view(
    state: &AppState,
    number: &str,
    query_code: Option<String>,
    again: bool,
) -> Result<Option<LegalAidReceipt>, crate::kernel::store::StoreError> {
    let ctx = &state.ctx;
    let Some(row) = crate::features::legal_aid::store::find(&ctx.pool, number).await? else {
        return Ok(None);
    };
    let received_on = crate::kernel::store::read_date("received date", &row.received_on)?;
    let receipt = crate::features::legal_aid::view::AidReceipt {
        number: row.number,
        query_code: query_code.filter(|_| !again).unwrap_or_default(),
        status: crate::domain::legal_aid::AidStatus::UnderReview,
        received_at: row.received_at,
        decision_due: ctx
            .config
            .calendar
            .due(crate::domain::limit::Limit::DecideLegalAid, received_on),
    };
    Ok(Some(LegalAidReceipt { receipt, again }))
}

/// Renders a receipt, or the page that says there is none to show.
async fn show_receipt(
    state: &AppState,
    headers: &HeaderMap,
    view: Result<Option<LegalAidReceipt>, crate::kernel::store::StoreError>,
    now: Now,
) -> Response {
    let (status, view) = match view {
        Ok(Some(receipt)) => (StatusCode::OK, ApplyView::Done(receipt)),
        Ok(None) => (StatusCode::NOT_FOUND, ApplyView::NoReceipt),
        Err(e) => {
            tracing::error!(error = %e, "cannot show a receipt");
            (StatusCode::SERVICE_UNAVAILABLE, ApplyView::NoReceipt)
        }
    };
    render_page(state, headers, RECEIPT_PATH, status, now, move || {
        provide_context(view.clone())
    })
    .await
}

/// The self-check's answers that the application takes over.
#[derive(serde::Deserialize)]
pub struct FromCheck {
    matter: Option<String>,
    basis: Option<String>,
}

/// `GET /legal-aid/apply`: the empty form (rendered here, so that the header's switches keep
/// what gets typed into it).
pub async fn form(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    axum::extract::Query(from_check): axum::extract::Query<FromCheck>,
) -> Response {
    // What the self-check already asked (its result page links here with it); anything else
    // in the address is ignored.
    let values = ApplyValues {
        matter: from_check
            .matter
            .filter(|m| crate::domain::legal_aid::Matter::parse(m).is_some())
            .unwrap_or_default(),
        basis: from_check
            .basis
            .filter(|b| crate::domain::legal_aid::Basis::parse(b).is_some())
            .unwrap_or_default(),
        once: Once::new().as_str().to_owned(),
        ..ApplyValues::default()
    };
    let view = ApplyView::Page {
        page: Page::Who,
        values: Box::new(values),
        errors: Vec::new(),
        files: Vec::new(),
    };
    show(&state, &headers, view, StatusCode::OK, now).await
}

/// `GET`/`POST /legal-aid/apply` (posts with uploads, under their own body limit), and
/// `GET /legal-aid/receipt`, where its last page redirects.
pub fn upload_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/legal-aid/apply", axum::routing::get(form).post(apply))
        .route(RECEIPT_PATH, axum::routing::get(receipt))
}

/// The agency's decisions and its downloads of an application's files, through the handlers
/// every docket shares (`features::workbench`).
pub fn routes() -> axum::Router<AppState> {
    crate::features::workbench::routes::<super::service::Applications>()
}
