//! 登记来信来访 over plain forms: the form (`GET /staff/intake`), the registration (`POST`, then a
//! redirect so that a reload files nothing), and the slip (`GET /staff/intake/slip?number=…`),
//! whose 查询码 shows for the clerk who registered it, in their session, for 30 minutes.

use super::pages::{IntakeForm, SlipView};
use crate::domain::petition::channel::arrival;
use crate::domain::petition::{Category, Route, has_route_check};
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::domain::text::FieldProblem;
use crate::features::petition::journey::{Posted, web_field};
use crate::features::petition::service::{self as petitions, Extras};
use crate::features::staff::http::StaffMember;
use crate::kernel::filing::{self, Kind, Once};
use crate::kernel::render::render_page;
use crate::kernel::{AppError, AppState, Now};
use crate::ui::form::FieldError;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

pub const PATH: &str = "/staff/intake";
pub const SLIP_PATH: &str = "/staff/intake/slip";
const SLIP_KEY: &str = "intake_slip";
/// How long the slip shows the 查询码 after the registration.
const SLIP_MINUTES: i64 = 30;

/// Who registers: 登记员 and 管理员.
fn may_register(staff: &StaffAccount) -> bool {
    matches!(staff.role, StaffRole::Registrar | StaffRole::Admin)
}

fn not_here() -> Response {
    (StatusCode::NOT_FOUND, "没有这个页面").into_response()
}

async fn form_page(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    status: StatusCode,
    form: IntakeForm,
) -> Response {
    render_page(state, headers, PATH, status, now, move || {
        provide_context(form.clone())
    })
    .await
}

/// `GET /staff/intake`: the empty form.
pub async fn show(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
) -> Response {
    if !may_register(&staff) {
        return not_here();
    }
    let form = IntakeForm {
        once: Once::new().as_str().to_owned(),
        today: crate::kernel::store::date_text(now.today()),
        ..IntakeForm::default()
    };
    form_page(&state, &headers, now, StatusCode::OK, form).await
}

/// What the slip remembers in the clerk's session.
#[derive(Serialize, Deserialize)]
struct Slip {
    number: String,
    query_code: String,
    at_ms: i64,
}

/// The problems of the route check as a clerk answers it: required for 申诉求决类 and 检举控告类,
/// and a matter of 第三十一条（一）–（五） is not registered (the visitor is told where it goes).
fn route_problems(
    category: Option<Category>,
    route: Option<Route>,
    typed: &str,
) -> Vec<FieldProblem> {
    let Some(category) = category.filter(|c| has_route_check(*c)) else {
        return Vec::new();
    };
    match route {
        None if typed.trim().is_empty() => vec![FieldProblem::new(
            "route",
            "required",
            crate::domain::message::Msg::verbatim("申诉求决类、检举控告类请按路线图选择一项"),
        )],
        Some(r) if Route::options(category).contains(&r) && r.continues_here() => Vec::new(),
        Some(r) if Route::options(category).contains(&r) => vec![FieldProblem::new(
            "route",
            "elsewhere",
            crate::domain::message::Msg::verbatim(format!(
                "“{}”的事项应告知信访人依法通过相应途径解决（第三十一条），不作为信访事项登记",
                crate::features::petition::pages::route_label(r)
            )),
        )],
        _ => vec![FieldProblem::new(
            "route",
            "unknown",
            crate::domain::message::Msg::verbatim("这个类别没有这一项，请重新选择"),
        )],
    }
}

/// `POST /staff/intake`: registers the matter, then shows its slip; everything typed comes back
/// with each problem otherwise.
pub async fn register(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    session: Session,
    now: Now,
    headers: HeaderMap,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Response {
    if !may_register(&staff) {
        return not_here();
    }
    let ctx = &state.ctx;
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let once = Once::parse(get("once")).unwrap_or_default();
    // Sent before (a double click, Back and send again): that registration's slip.
    if let Some((filed, _)) = filing::sent_before(&ctx.pool, &once, Kind::Petition, now.utc()).await
    {
        return Redirect::to(&format!("{SLIP_PATH}?number={}", filed.number)).into_response();
    }
    let today = now.today();
    let draft = Posted::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).draft;
    let input = draft.to_input();
    let mut problems = Vec::new();
    let arrived = match arrival(
        get("channel"),
        get("received_on"),
        get("postmarked_on"),
        today,
    ) {
        Ok(a) => Some(a),
        Err(p) => {
            problems.extend(p);
            None
        }
    };
    problems.extend(route_problems(
        draft.category(),
        draft.route(),
        &draft.route,
    ));
    if let Err(p) = input.parse(&ctx.config, today) {
        problems.extend(p);
    }
    let refused = |problems: Vec<FieldProblem>, status: StatusCode| {
        let form = IntakeForm {
            values: pairs.clone(),
            errors: problems
                .into_iter()
                .map(|p| FieldError {
                    field: web_field(&p.field).to_owned(),
                    message: p.message,
                })
                .collect(),
            once: once.as_str().to_owned(),
            today: crate::kernel::store::date_text(today),
        };
        form_page(&state, &headers, now, status, form)
    };
    let Some(arrived) = arrived.filter(|_| problems.is_empty()) else {
        return refused(problems, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let extras = Extras {
        route_check: draft.route().map(Route::code),
        once: Some(&once),
        lang: crate::domain::prefs::Lang::Simplified,
        arrival: Some((arrived, Some(staff.id))),
        ..Extras::default()
    };
    match petitions::submit(ctx, &input, arrived.channel.code(), now, extras).await {
        Ok(receipt) => {
            let slip = Slip {
                number: receipt.number.clone(),
                query_code: receipt.query_code,
                at_ms: now.utc().timestamp_millis(),
            };
            if let Err(e) = session.insert(SLIP_KEY, slip).await {
                tracing::error!(error = %e, "cannot keep a slip's 查询码 in the session");
            }
            Redirect::to(&format!("{SLIP_PATH}?number={}", receipt.number)).into_response()
        }
        Err(AppError::Invalid(p)) => refused(p, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => {
            tracing::error!(error = %e, "cannot register a matter");
            let problem = FieldProblem::new(
                "channel",
                "unavailable",
                crate::domain::message::Msg::verbatim("暂时无法登记，请稍后再试；填写的内容都还在"),
            );
            refused(vec![problem], e.status()).await
        }
    }
}

#[derive(Deserialize)]
pub struct SlipQuery {
    #[serde(default)]
    number: String,
}

/// `GET /staff/intake/slip?number=…`: the receipt to print and hand over; its 查询码 only for the
/// clerk who registered it, for [`SLIP_MINUTES`].
pub async fn slip(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    session: Session,
    now: Now,
    headers: HeaderMap,
    Query(query): Query<SlipQuery>,
) -> Response {
    if !may_register(&staff) {
        return not_here();
    }
    let kept: Option<Slip> = session.get(SLIP_KEY).await.ok().flatten();
    let code = kept
        .filter(|s| {
            s.number == query.number
                && now.utc().timestamp_millis() - s.at_ms < SLIP_MINUTES * 60_000
        })
        .map(|s| s.query_code);
    let view =
        crate::features::petition::http::receipt_view(&state, &query.number, code, false, now)
            .await;
    let (status, view) = match view {
        Ok(Some(c)) => (StatusCode::OK, SlipView::Slip(Box::new(c))),
        Ok(None) => (StatusCode::NOT_FOUND, SlipView::None),
        Err(e) => {
            tracing::error!(error = %e, "cannot show a slip");
            (StatusCode::SERVICE_UNAVAILABLE, SlipView::None)
        }
    };
    render_page(&state, &headers, SLIP_PATH, status, now, move || {
        provide_context(view.clone())
    })
    .await
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route(PATH, get(show).post(register))
        .route(SLIP_PATH, get(slip))
}
