//! 我要信访 over plain forms. Every page of the journey posts its form, with the answers so far
//! in hidden fields, to `POST /petition` (url-encoded; multipart from the attachments page). The
//! handler checks the page that was posted and answers with the next page, or the same page with
//! its problems and everything typed kept.

use crate::domain::limit::Limit;
use crate::domain::petition::Route;
use crate::domain::text::FieldProblem;
use crate::features::petition::journey::{
    Action, Draft, MAX_ATTACHMENTS, Next, Posted, Step, check_step, next, web_field,
};
use crate::features::petition::pages::{Confirmation, FileInfo, JourneyView};
use crate::features::petition::service::{self as petitions, Extras};
use crate::kernel::files::uploads;
use crate::kernel::filing::{self, Kind, Once};
use crate::kernel::i18n::switch::Switch;
use crate::kernel::render::render_page;
use crate::kernel::{AppState, Now};
use crate::ui::form::FieldError;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// The largest body of a form page without files.
pub const MAX_FORM_BYTES: usize = 256 * 1024;
/// The largest body `POST /petition` reads at all: five files of 10 MB, with room to spare so
/// that a sixth or an oversized file still gets a page that says what was wrong.
pub const MAX_UPLOAD_BODY_BYTES: usize = 100 * 1024 * 1024;

/// A file part of a post: received to disk; refused as it arrived (empty, too big, not a JPEG,
/// PNG or PDF: gone from disk at once), or, past the room for files, read and dropped.
pub(crate) enum FilePart {
    Received(Box<uploads::Incoming>),
    Refused(uploads::UploadError),
    /// Past the room for files: read and dropped (its name, to say which).
    NoRoom(String),
}

pub async fn post(
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
    // A language or 无障碍 switch pressed on the page: the same page again, in the new language or
    // mode, with everything typed kept (and nothing checked yet).
    let switch = Switch::from_pairs(&pairs);
    // Pressed on the route check's explanation of another channel (not on the question).
    let on_channel_page = pairs.iter().any(|(k, v)| k == "page" && v == "channel");
    let headers = match &switch {
        Some(switch) => switch.applied(&headers),
        None => headers,
    };
    let posted = Posted::from_pairs(pairs);
    let Posted {
        mut draft,
        step,
        mut action,
    } = posted;
    if switch.is_some() {
        // The same page again: the explanation is what the route answer leads to.
        action = if on_channel_page {
            Action::Continue
        } else {
            Action::Goto(step)
        };
    }
    let received_at = now.stamp();
    let today = now.today();
    let ctx = &state.ctx;

    // Files come with the attachments page's buttons; keep what fits and say why the rest did not.
    keep_files(
        ctx,
        files,
        &mut draft.attachments,
        &mut errors,
        &client.key(),
        &received_at,
    )
    .await;

    let show = |step: Step, draft: Draft, errors: Vec<FieldError>, status: StatusCode| {
        show_step(&state, &headers, now, step, draft, errors, status)
    };

    let mut res = match action {
        Action::Goto(target) => show(target, draft, errors, StatusCode::OK).await,
        Action::Upload => {
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            show(Step::Attachments, draft, errors, status).await
        }
        Action::Remove(token) => {
            if let Err(e) = uploads::remove(ctx, &token).await {
                tracing::error!(error = %e, "cannot remove an upload");
            }
            draft.attachments.retain(|t| *t != token);
            show(Step::Attachments, draft, errors, StatusCode::OK).await
        }
        Action::Continue => {
            if !errors.is_empty() {
                return show(
                    Step::Attachments,
                    draft,
                    errors,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            let problems = check_step(step, &draft, &ctx.config, today);
            if !problems.is_empty() {
                return show(
                    step,
                    draft,
                    field_errors(problems),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            match next(step, &draft, &ctx.config, today) {
                Next::Page(s) => show(s, draft, Vec::new(), StatusCode::OK).await,
                Next::Channel(route) => {
                    let view = JourneyView::Channel { route, draft };
                    render_page(
                        &state,
                        &headers,
                        "/petition",
                        StatusCode::OK,
                        now,
                        move || {
                            provide_context(view.clone());
                            provide_context(crate::ui::KeepsAnswers {
                                form: "journey",
                                enter: "continue",
                            });
                        },
                    )
                    .await
                }
            }
        }
        Action::Submit => {
            let mut problems = check_step(Step::Check, &draft, &ctx.config, today);
            if let Some(route) = draft.route()
                && !route.continues_here()
            {
                problems.push(FieldProblem::new(
                    "route",
                    "statutory_channel",
                    crate::domain::msg!("petition-statutory-channel"),
                ));
            }
            if !problems.is_empty() {
                return show(
                    Step::Check,
                    draft,
                    field_errors(problems),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            submit(&state, &headers, draft, &client.key(), now).await
        }
    };
    if let Some(switch) = switch {
        switch.remember(&mut res, state.behind_tls);
    }
    res
}

async fn submit(
    state: &AppState,
    headers: &HeaderMap,
    draft: Draft,
    client: &str,
    now: Now,
) -> Response {
    let ctx = &state.ctx;
    // A form without a token (an old page) still files, once.
    let token = Once::parse(&draft.once).unwrap_or_default();
    let once = &token;
    let keeps_cookie = once.comes_back(headers, Kind::Petition);
    let answer = |filed: filing::Filed, again: bool| async move {
        if keeps_cookie {
            return once.to_receipt(Kind::Petition, RECEIPT_PATH, again, state.behind_tls);
        }
        let view = receipt_view(state, &filed.number, filed.query_code, again, now).await;
        show_receipt(state, headers, view, now).await
    };
    // Sent before: the first filing's receipt (`filing::sent_before` says how it is shown).
    if let Some((filed, again)) =
        filing::sent_before(&ctx.pool, once, Kind::Petition, now.utc()).await
    {
        return answer(filed, again).await;
    }
    let input = draft.to_input();
    let extras = Extras {
        route_check: draft.route().map(Route::code),
        attachments: &draft.attachments,
        client: Some(client),
        once: Some(once),
        lang: crate::kernel::i18n::prefs_from_headers(headers).lang,
        arrival: None,
        per_person_only: false,
        co_petitioners: &[],
    };
    match petitions::submit(ctx, &input, "web", now, extras).await {
        Ok(receipt) => {
            let filed = filing::Filed {
                number: receipt.number,
                query_code: Some(receipt.query_code),
                filed_at: now.local(),
            };
            answer(filed, false).await
        }
        Err(e) => {
            // Two sends at once (a double click): the one that lost the race finds the other's,
            // and its answer is the one the browser shows: the receipt, code included.
            if let Ok(Some(filed)) = filing::find(&ctx.pool, once, Kind::Petition, now.utc()).await
            {
                return answer(filed, false).await;
            }
            let errors = field_errors(e.problems(
                "declaration",
                crate::domain::msg!("petition-not-submitted-kept"),
            ));
            let res = show_step(state, headers, now, Step::Check, draft, errors, e.status()).await;
            match e.retry_after() {
                Some(wait) => crate::kernel::render::with_retry_after(res, wait),
                None => res,
            }
        }
    }
}

/// Where a filed petition's receipt is shown.
pub const RECEIPT_PATH: &str = "/petition/receipt";

/// `GET /petition/receipt`: the receipt of this browser's last petition (its cookie), with the
/// 查询码 for a while after filing; a page that says where to look otherwise.
pub async fn receipt(
    State(state): State<AppState>,
    now: Now,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<filing::ReceiptQuery>,
) -> Response {
    let view = match filing::of_browser(&state.ctx.pool, &headers, Kind::Petition, now.utc()).await
    {
        Ok(Some(filed)) => {
            receipt_view(&state, &filed.number, filed.query_code, query.again(), now).await
        }
        other => other.map(|_| None),
    };
    show_receipt(&state, &headers, view, now).await
}

/// A petition's receipt page (with `query_code` while it may be shown).
pub(crate) async fn receipt_view(
    state: &AppState,
    number: &str,
    query_code: Option<String>,
    again: bool,
    now: Now,
) -> Result<Option<Confirmation>, crate::kernel::store::StoreError> {
    let ctx = &state.ctx;
    let Some(record) = super::store::find_public(&ctx.pool, number).await? else {
        return Ok(None);
    };
    let files = crate::kernel::files::store::of_petition_number(&ctx.pool, &record.number)
        .await
        .map(|f| f.len())
        .unwrap_or(0);
    let received_on = crate::kernel::store::read_date("received date", &record.received_on)
        .unwrap_or_else(|_| now.today());
    let register = ctx.config.calendar.due(Limit::Register, received_on);
    Ok(Some(Confirmation {
        acknowledge_by: ctx.config.calendar.due(Limit::AcknowledgeReceipt, register),
        receipt: crate::features::petition::view::Receipt {
            number: record.number,
            query_code: query_code.filter(|_| !again).unwrap_or_default(),
            status: crate::domain::case::Status::Received.code().to_owned(),
            received_at: record.received_at,
            due: crate::features::petition::view::Due { register },
            same_matter_as: None,
        },
        category: crate::domain::petition::category::Category::parse(&record.category)
            .unwrap_or(crate::domain::petition::category::Category::Appeal),
        title: record.title,
        files,
        again,
    }))
}

/// Renders a receipt, or the page that says there is none to show.
async fn show_receipt(
    state: &AppState,
    headers: &HeaderMap,
    view: Result<Option<Confirmation>, crate::kernel::store::StoreError>,
    now: Now,
) -> Response {
    let (status, view) = match view {
        Ok(Some(confirmation)) => (StatusCode::OK, JourneyView::Done(Box::new(confirmation))),
        Ok(None) => (StatusCode::NOT_FOUND, JourneyView::NoReceipt),
        Err(e) => {
            tracing::error!(error = %e, "cannot show a receipt");
            (StatusCode::SERVICE_UNAVAILABLE, JourneyView::NoReceipt)
        }
    };
    render_page(state, headers, RECEIPT_PATH, status, now, move || {
        provide_context(view.clone())
    })
    .await
}

/// The service's problems (named by API field paths) as the form's errors.
fn field_errors(problems: Vec<FieldProblem>) -> Vec<FieldError> {
    problems
        .into_iter()
        .map(|p| FieldError {
            field: web_field(&p.field).to_owned(),
            message: p.message,
        })
        .collect()
}

/// Reads a form post: url-encoded, or multipart with files (a page that uploads).
pub(crate) async fn read_form(
    state: &AppState,
    client: &str,
    multipart: bool,
    req: Request,
    errors: &mut Vec<FieldError>,
) -> Result<(Vec<(String, String)>, Vec<FilePart>), Response> {
    // A post that cannot be read at all is answered in a line of text, in the reader's language.
    let lang = crate::kernel::i18n::prefs_from_headers(req.headers()).lang;
    let say = move |status: StatusCode, msg: crate::domain::message::Msg| {
        (status, crate::kernel::i18n::messages::in_script(lang, &msg)).into_response()
    };
    if multipart {
        // A bound on upload posts read at once (and from one client): the rest wait their
        // turn, for a while.
        let Some(_slot) = state.ctx.upload_slots.enter(client).await else {
            return Err(say(
                StatusCode::SERVICE_UNAVAILABLE,
                crate::domain::msg!("petition-uploads-busy"),
            ));
        };
        match Multipart::from_request(req, state).await {
            Ok(mp) => Ok(read_multipart(&state.ctx.attachments_dir, mp, errors).await),
            Err(_) => Err(say(
                StatusCode::BAD_REQUEST,
                crate::domain::msg!("petition-form-unreadable"),
            )),
        }
    } else {
        let Ok(bytes) = axum::body::to_bytes(req.into_body(), MAX_FORM_BYTES).await else {
            return Err(say(
                StatusCode::PAYLOAD_TOO_LARGE,
                crate::domain::msg!("petition-form-too-long"),
            ));
        };
        Ok((
            serde_urlencoded::from_bytes(&bytes).unwrap_or_default(),
            Vec::new(),
        ))
    }
}

/// Stores the posted files while there is room (at most [`MAX_ATTACHMENTS`] in `tokens`),
/// adding their tokens, and says in `errors` why any was not kept.
pub(crate) async fn keep_files(
    ctx: &crate::kernel::context::AppContext,
    files: Vec<FilePart>,
    tokens: &mut Vec<String>,
    errors: &mut Vec<FieldError>,
    client: &str,
    received_at: &str,
) {
    let mut refused_for_room: Vec<String> = Vec::new();
    for file in files {
        let file = match file {
            FilePart::Received(file) if tokens.len() < MAX_ATTACHMENTS => *file,
            FilePart::Received(file) => {
                refused_for_room.push(file.name.clone());
                continue;
            }
            FilePart::NoRoom(name) => {
                refused_for_room.push(name);
                continue;
            }
            FilePart::Refused(e) => {
                errors.extend(e.message().map(|message| FieldError {
                    field: "files".into(),
                    message,
                }));
                continue;
            }
        };
        match uploads::store_file(ctx, file, client, received_at).await {
            Ok(stored) => tokens.push(stored.token),
            Err(e) => match e.message() {
                Some(message) => errors.push(FieldError {
                    field: "files".into(),
                    message,
                }),
                None => {
                    tracing::error!(error = %e, "cannot store an upload");
                    errors.push(FieldError {
                        field: "files".into(),
                        message: crate::domain::msg!("petition-files-unavailable"),
                    });
                }
            },
        }
    }
    if let Some(first) = refused_for_room.first() {
        // Say which file was dropped (the first, and how many more).
        errors.push(FieldError {
            field: "files".into(),
            message: crate::domain::msg!(
                "petition-files-no-room",
                max = MAX_ATTACHMENTS,
                first = crate::domain::petition::attachment::display_name(first),
                refused = refused_for_room.len(),
                others = refused_for_room.len() - 1
            ),
        });
    }
}

/// The uploads among `tokens` that nothing has taken yet, as pages list them (others dropped).
pub(crate) async fn file_infos(state: &AppState, tokens: &[String]) -> Vec<FileInfo> {
    match crate::kernel::files::store::unlinked(&state.ctx.pool, tokens).await {
        Ok(records) => records
            .into_iter()
            .filter_map(|r| {
                Some(FileInfo {
                    kind: crate::domain::petition::attachment::FileKind::from_media_type(
                        &r.media_type,
                    )?,
                    token: r.token,
                    name: r.original_name,
                    size: u64::try_from(r.size_bytes).unwrap_or(0),
                })
            })
            .collect(),
        Err(e) => {
            tracing::error!(error = %e, "cannot list uploads");
            Vec::new()
        }
    }
}

/// Renders a question page with the files uploaded so far (tokens that are not ours are dropped).
async fn show_step(
    state: &AppState,
    headers: &HeaderMap,
    now: Now,
    step: Step,
    mut draft: Draft,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Response {
    if step == Step::Check {
        draft.checking = true;
    }
    let once = Once::parse(&draft.once).unwrap_or_default();
    draft.once = once.as_str().to_owned();
    let files = file_infos(state, &draft.attachments).await;
    draft.attachments = files.iter().map(|f| f.token.clone()).collect();
    // The check page hands the browser its receipt cookie (the token it will file with), so the
    // final post can tell whether the browser keeps cookies.
    let cookie = (step == Step::Check).then(|| once.cookie(Kind::Petition, state.behind_tls));
    let view = JourneyView::Step {
        step,
        draft,
        errors,
        files,
    };
    let form = (step != Step::Start).then_some(crate::ui::KeepsAnswers {
        form: "journey",
        enter: if step == Step::Check {
            "submit"
        } else {
            "continue"
        },
    });
    let mut res = render_page(state, headers, "/petition", status, now, move || {
        provide_context(view.clone());
        if let Some(form) = form {
            provide_context(form);
        }
    })
    .await;
    if let Some(cookie) = cookie.and_then(|c| header::HeaderValue::from_str(&c).ok()) {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    res
}

/// Reads a multipart form: its text fields, and its files up to 10 MB each (a bigger file is
/// read to its end, to answer with a page, but not kept).
async fn read_multipart(
    dir: &std::path::Path,
    mut mp: Multipart,
    errors: &mut Vec<FieldError>,
) -> (Vec<(String, String)>, Vec<FilePart>) {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut files = Vec::new();
    // A post that trickles in is cut off: it would hold an upload slot.
    let deadline = crate::kernel::clock::deadline(uploads::UploadSlots::READ);
    let broken = |errors: &mut Vec<FieldError>| {
        errors.push(FieldError {
            field: "files".into(),
            message: crate::domain::msg!("petition-files-broken", max = MAX_ATTACHMENTS),
        })
    };
    loop {
        let mut field = match tokio::time::timeout_at(deadline, mp.next_field()).await {
            Ok(Ok(Some(f))) => f,
            Ok(Ok(None)) => break,
            Ok(Err(_)) | Err(_) => {
                broken(errors);
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            // Past the room for files a part is read (the answers after it count) but not kept.
            let received = files
                .iter()
                .filter(|f| matches!(f, FilePart::Received(_)))
                .count();
            let mut incoming = if received < MAX_ATTACHMENTS {
                match uploads::Incoming::start(dir, &file_name).await {
                    Ok(incoming) => Some(incoming),
                    Err(e) => {
                        tracing::error!(error = %e, "cannot receive an upload");
                        errors.push(FieldError {
                            field: "files".into(),
                            message: crate::domain::msg!("petition-files-unavailable"),
                        });
                        None
                    }
                }
            } else {
                None
            };
            let mut size: u64 = 0;
            let mut failed = false;
            loop {
                // Cut off when it takes too long: as broken as a post that stops.
                let next = match tokio::time::timeout_at(deadline, field.chunk()).await {
                    Ok(read) => read.map_err(|_| ()),
                    Err(_) => Err(()),
                };
                match next {
                    Ok(Some(chunk)) => {
                        size += chunk.len() as u64;
                        if let Some(incoming) = incoming.as_mut()
                            && let Err(e) = incoming.write(&chunk).await
                        {
                            tracing::error!(error = %e, "cannot write an upload");
                            failed = true;
                        }
                    }
                    Ok(None) => break,
                    Err(_) => {
                        broken(errors);
                        return (pairs, files);
                    }
                }
            }
            // A file input left empty still sends a part, with no name and no bytes.
            if file_name.is_empty() && size == 0 {
                continue;
            }
            match incoming {
                Some(_) if failed => errors.push(FieldError {
                    field: "files".into(),
                    message: crate::domain::msg!("petition-files-unavailable"),
                }),
                Some(incoming) => match incoming.judge() {
                    Ok(_) => files.push(FilePart::Received(Box::new(incoming))),
                    Err(refused) => files.push(FilePart::Refused(refused)),
                },
                None if received >= MAX_ATTACHMENTS => files.push(FilePart::NoRoom(file_name)),
                None => {}
            }
        } else if let Ok(Ok(text)) = tokio::time::timeout_at(deadline, field.text()).await {
            pairs.push((name, text));
        }
    }
    (pairs, files)
}

/// `POST /petition`: every page of the journey (with uploads, under their own body limit), and
/// `GET /petition/receipt`, where its last page redirects.
pub fn upload_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/petition", axum::routing::post(post))
        .route(RECEIPT_PATH, axum::routing::get(receipt))
}
