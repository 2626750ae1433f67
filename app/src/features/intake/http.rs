//! 登记来信来访 over plain forms: the form (`GET /staff/intake`), the registration (`POST`, then a
//! redirect so that a reload files nothing), and the slip (`GET /staff/intake/slip`): the
//! receipt of the matter this browser registered last, whose 查询码 shows for 30 minutes —
//! sealed in the filing with the form's one-time token, which only this browser's cookie holds
//! (as the citizen's own receipt; the code itself is stored nowhere).

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
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

pub const PATH: &str = "/staff/intake";
pub const SLIP_PATH: &str = "/staff/intake/slip";

/// Who registers (and keeps the reception room's sessions and bookings): 登记员 and 管理员.
pub fn may_register(staff: &StaffAccount) -> bool {
    matches!(staff.role, StaffRole::Registrar | StaffRole::Admin)
}

pub fn not_here() -> Response {
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

#[derive(serde::Deserialize, Default)]
pub struct IntakeQuery {
    /// A booked visit whose visitor arrived (网上预约走访): its details carried over.
    #[serde(default)]
    booking: Option<String>,
}

/// `GET /staff/intake`: the empty form, or with `?booking=YY…` the form of a booked visitor who
/// arrived: a 来访 received today, with their name, mobile and matter from the booking.
pub async fn show(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Query(query): Query<IntakeQuery>,
) -> Response {
    if !may_register(&staff) {
        return not_here();
    }
    let mut values = Vec::new();
    if let Some(number) = query.booking.as_deref().filter(|n| !n.trim().is_empty()) {
        match crate::features::visits::service::for_intake(&state.ctx, number, now).await {
            Ok(Some(b)) => {
                values = vec![
                    ("booking".to_owned(), b.number),
                    ("channel".to_owned(), "visit".to_owned()),
                    ("name".to_owned(), b.name),
                    ("mobile".to_owned(), b.mobile),
                    ("request".to_owned(), b.summary),
                ];
            }
            Ok(None) => {
                return (
                    StatusCode::NOT_FOUND,
                    "没有这个预约，或者它还没到接访日、已经取消、已经登记过",
                )
                    .into_response();
            }
            Err(e) => return (e.status(), "暂时无法读取预约，请稍后再试").into_response(),
        }
    }
    let form = IntakeForm {
        values,
        once: Once::new().as_str().to_owned(),
        today: crate::kernel::store::date_text(now.today()),
        ..IntakeForm::default()
    };
    form_page(&state, &headers, now, StatusCode::OK, form).await
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
    client: crate::kernel::Client,
    now: Now,
    headers: HeaderMap,
    req: axum::extract::Request,
) -> Response {
    if !may_register(&staff) {
        return not_here();
    }
    let ctx = &state.ctx;
    // The scanned letter (and any other paper handed in) comes with the form, as files: each
    // kept (checked as a citizen's uploads are) and carried as a token, so a form sent back with
    // a problem keeps them.
    let multipart = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let mut file_errors = Vec::new();
    let (mut pairs, files) = match crate::features::petition::http::read_form(
        &state,
        &client.key(),
        multipart,
        req,
        &mut file_errors,
    )
    .await
    {
        Ok(form) => form,
        Err(res) => return res,
    };
    let mut tokens: Vec<String> = pairs
        .iter()
        .filter(|(k, v)| k == "attachment" && crate::domain::petition::attachment::is_token(v))
        .map(|(_, v)| v.clone())
        .collect();
    crate::features::petition::http::keep_files(
        ctx,
        files,
        &mut tokens,
        &mut file_errors,
        &client.key(),
        &now.stamp(),
    )
    .await;
    pairs.retain(|(k, _)| k != "attachment");
    pairs.extend(tokens.iter().map(|t| ("attachment".to_owned(), t.clone())));
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let once = Once::parse(get("once")).unwrap_or_default();
    let secure = state.behind_tls;
    // Sent before (a double click, Back and send again): that registration's slip.
    if let Some((_, again)) = filing::sent_before(&ctx.pool, &once, Kind::Petition, now.utc()).await
    {
        return once.to_receipt(Kind::Petition, SLIP_PATH, again, secure);
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
    // The other petitioners of a joint letter or visit, and a joint visit's representatives.
    let signer = crate::domain::person::id_number::IdNumber::parse(get("id_number"), today).ok();
    let co_petitioners = match crate::domain::petition::joint::parse_co_petitioners(
        get("co_petitioners"),
        signer.as_ref().map(|s| s.as_str()),
        today,
    ) {
        Ok(list) => {
            if let Some(a) = &arrived
                && let Err(p) =
                    crate::domain::petition::joint::check_representatives(a.channel, &list)
            {
                problems.push(p);
            }
            list
        }
        Err(p) => {
            problems.push(p);
            Vec::new()
        }
    };
    // A booked visitor's arrival is registered once: not for a booking registered meanwhile.
    let booking = get("booking").trim();
    if !booking.is_empty()
        && !matches!(
            crate::features::visits::service::for_intake(ctx, booking, now).await,
            Ok(Some(_))
        )
    {
        problems.push(FieldProblem::new(
            "channel",
            "booking",
            crate::domain::message::Msg::verbatim(format!(
                "预约 {booking} 已经登记过、已经取消，或者还没到接访日；请在预约名单中核对"
            )),
        ));
    }
    let refused = |problems: Vec<FieldProblem>, status: StatusCode| {
        let form = IntakeForm {
            values: pairs.clone(),
            errors: file_errors
                .iter()
                .cloned()
                .chain(problems.into_iter().map(|p| FieldError {
                    field: web_field(&p.field).to_owned(),
                    message: p.message,
                }))
                .collect(),
            once: once.as_str().to_owned(),
            today: crate::kernel::store::date_text(today),
        };
        form_page(&state, &headers, now, status, form)
    };
    let Some(arrived) = arrived.filter(|_| problems.is_empty() && file_errors.is_empty()) else {
        return refused(problems, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let extras = Extras {
        route_check: draft.route().map(Route::code),
        once: Some(&once),
        lang: crate::domain::prefs::Lang::Simplified,
        arrival: Some((arrived, Some(staff.id))),
        attachments: &tokens,
        co_petitioners: &co_petitioners,
        ..Extras::default()
    };
    match petitions::submit(ctx, &input, arrived.channel.code(), now, extras).await {
        Ok(receipt) => {
            // A booked visitor registered: the booking records the matter (and the arrival).
            let booking = get("booking").trim();
            if !booking.is_empty() {
                let linked = crate::features::visits::service::registered(
                    ctx,
                    booking,
                    &receipt.number,
                    staff.id,
                    now,
                )
                .await;
                match linked {
                    Ok(true) => {}
                    Ok(false) => tracing::warn!(
                        booking,
                        number = %receipt.number,
                        "a booking was registered by another clerk at the same time"
                    ),
                    Err(e) => {
                        tracing::error!(error = %e, booking, "cannot link a booking to its matter")
                    }
                }
            }
            once.to_receipt(Kind::Petition, SLIP_PATH, false, secure)
        }
        Err(AppError::Invalid(p)) => refused(p, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => {
            // Two posts of one form at once: the other filed it, and this answer is the one the
            // browser shows.
            if let Some((_, again)) =
                filing::sent_before(&ctx.pool, &once, Kind::Petition, now.utc()).await
            {
                return once.to_receipt(Kind::Petition, SLIP_PATH, again, secure);
            }
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

/// `GET /staff/intake/slip`: the receipt of the matter this browser registered last, to print
/// and hand over; its 查询码 for 30 minutes after the registration, and not after the form was
/// sent again.
pub async fn slip(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    Query(query): Query<filing::ReceiptQuery>,
) -> Response {
    if !may_register(&staff) {
        return not_here();
    }
    let view = match filing::of_browser(&state.ctx.pool, &headers, Kind::Petition, now.utc()).await
    {
        Ok(Some(filed)) => {
            crate::features::petition::http::receipt_view(
                &state,
                &filed.number,
                filed.query_code,
                query.again(),
                now,
            )
            .await
        }
        other => other.map(|_| None),
    };
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
        .route(PATH, get(show))
        .route(SLIP_PATH, get(slip))
}

/// The registration, which takes files: among the upload routes (their larger body limit).
pub fn upload_routes() -> axum::Router<AppState> {
    axum::Router::new().route(PATH, axum::routing::post(register))
}
