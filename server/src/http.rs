//! Routes and the layers every response passes through.

use crate::AppState;
use app::app::{App, shell};
use app::domain::prefs::{A11Y_COOKIE, LANG_COOKIE, Lang, safe_return_path};
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use serde::Deserialize;
use std::time::Duration;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// Largest request body accepted anywhere (routes that take uploads raise their own limit).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Staff are signed out after this long without a request.
pub const SESSION_IDLE: tower_sessions::cookie::time::Duration =
    tower_sessions::cookie::time::Duration::minutes(30);

/// The policy for responses that are not pages: nothing may run or frame them.
const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

pub fn router(state: AppState) -> Router {
    let routes: Vec<_> = generate_route_list(App)
        .into_iter()
        .filter(|r| !app::features::HANDLED_PAGES.contains(&r.path()))
        .collect();
    let ctx = state.ctx.clone();
    let context = move || provide_context(ctx.clone());
    let behind_tls = state.behind_tls;
    let sessions = SessionManagerLayer::new(app::kernel::store::session_store(&state.ctx.pool))
        .with_name("portal_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(behind_tls)
        .with_expiry(Expiry::OnInactivity(SESSION_IDLE));

    // The forms that take uploads read up to their own, larger, limit and say what was wrong on
    // the page; every other route keeps the 1 MiB limit.
    let upload_forms = app::features::upload_routes()
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(
            app::features::petition::http::MAX_UPLOAD_BODY_BYTES,
        ));
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .route("/prefs", get(set_prefs))
        .merge(app::features::form_routes())
        .nest("/api/v1", app::features::api_routes())
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .merge(upload_forms)
        .with_state(state.clone())
        // Inside the language layer, so that its refusal is said in the reader's language.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            same_origin_only,
        ))
        .layer(sessions)
        .layer(axum::middleware::from_fn(in_reader_language))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            stamp_time,
        ))
        .layer(axum::middleware::from_fn(static_cache))
        .layer(axum::middleware::from_fn(staff_pages_not_stored))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
        ));
    if behind_tls {
        router = router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    router
        // Quality 4 rather than brotli's default 11: nearly the same size on pages this small.
        // Public pages are compressed once and kept (`public_pages`); the rest per response.
        .layer(
            CompressionLayer::new()
                .br(true)
                .gzip(true)
                .quality(CompressionLevel::Precise(4)),
        )
        // Outside compression, so a kept public page is kept compressed.
        .layer(axum::middleware::from_fn_with_state(state, public_pages))
        .layer(
            // Logs method, path, status and latency only: never query strings, headers or bodies,
            // which can carry personal data or 查询码.
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(
                    |res: &Response, latency: Duration, _span: &tracing::Span| {
                        tracing::info!(status = res.status().as_u16(), ms = latency.as_millis() as u64, "served");
                    },
                ),
        )
}

/// Public pages made once (`app::kernel::page_cache`): the same page, language, 无障碍 mode and
/// encoding at the same content version and day is answered from memory, with an `ETag`, and
/// `304` when the browser has it already.
async fn public_pages(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use app::kernel::page_cache::{self, Kept};
    if req.method() != axum::http::Method::GET {
        return next.run(req).await;
    }
    let headers = req.headers();
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let signed_in = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| {
            c.split(';')
                .any(|p| p.trim_start().starts_with("portal_session="))
        });
    let Some(key) = page_cache::key(
        req.uri().path(),
        req.uri().query(),
        app::kernel::i18n::prefs_from_headers(headers),
        text(header::ACCEPT_ENCODING),
        signed_in,
        state.ctx.now().today(),
    ) else {
        return next.run(req).await;
    };
    let if_none_match = text(header::IF_NONE_MATCH).map(str::to_owned);
    let answer = |kept: &Kept| -> Response {
        let etag = HeaderValue::from_str(&kept.etag).ok();
        let fresh = page_cache::matches(if_none_match.as_deref(), &kept.etag);
        let mut res = if fresh {
            let mut res = StatusCode::NOT_MODIFIED.into_response();
            for name in [header::VARY, header::CONTENT_LANGUAGE] {
                if let Some(v) = kept.headers.get(&name) {
                    res.headers_mut().insert(name, v.clone());
                }
            }
            res
        } else {
            let mut res = Response::new(axum::body::Body::from(kept.body.clone()));
            *res.headers_mut() = kept.headers.clone();
            res
        };
        if let Some(etag) = etag {
            res.headers_mut().insert(header::ETAG, etag);
        }
        // Kept by the browser, asked again each time (a 304 while unchanged).
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        res
    };
    let Some(version) = state.ctx.pages.version(&state.ctx.pool).await else {
        return next.run(req).await;
    };
    if let Some(kept) = state.ctx.pages.get(&key, version) {
        return answer(&kept);
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::OK {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 8 * 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    match state
        .ctx
        .pages
        .keep(key, version, &parts.headers, bytes.clone())
    {
        Some(kept) => answer(&kept),
        None => Response::from_parts(parts, axum::body::Body::from(bytes)),
    }
}

/// A state-changing request from another origin (another site, or another port of this host) is
/// refused before it reaches a handler (`app::kernel::origin`): 403, said in the reader's
/// language, in the API's format under `/api/`.
async fn same_origin_only(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if app::kernel::origin::same_origin(req.method(), req.headers(), state.public_url.as_deref()) {
        return next.run(req).await;
    }
    tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-origin request refused");
    let message = app::domain::msg!("cross-origin-refused");
    if req.uri().path().starts_with("/api/") {
        return app::kernel::api::error(StatusCode::FORBIDDEN, "", "cross_origin", message);
    }
    let lang = app::kernel::i18n::page_lang(
        app::kernel::i18n::prefs_from_headers(req.headers()),
        req.uri().path(),
    );
    (
        StatusCode::FORBIDDEN,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        app::kernel::i18n::messages::in_script(lang, &message),
    )
        .into_response()
}

/// Staff pages carry personal data: no browser or proxy may keep them.
async fn staff_pages_not_stored(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let staff = req.uri().path() == "/staff" || req.uri().path().starts_with("/staff/");
    let mut res = next.run(req).await;
    if staff {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Reads the clock once when a request arrives: every handler, page and server function of the
/// request takes its time from this stamp (`app::kernel::Now`).
async fn stamp_time(
    State(state): State<AppState>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    req.extensions_mut().insert(state.ctx.now());
    next.run(req).await
}

/// 200 only when the database answers.
async fn healthz(State(state): State<AppState>) -> Response {
    let check = tokio::time::timeout(
        Duration::from_secs(2),
        app::kernel::store::ping(&state.ctx.pool),
    );
    match check.await {
        Ok(Ok(())) => (
            [(header::CACHE_CONTROL, "no-store")],
            axum::Json(serde_json::json!({"status": "ok"})),
        )
            .into_response(),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "health check: database error");
            unavailable()
        }
        Err(_) => {
            tracing::error!("health check: database timed out");
            unavailable()
        }
    }
}

fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CACHE_CONTROL, "no-store")],
        axum::Json(serde_json::json!({"status": "unavailable"})),
    )
        .into_response()
}

#[derive(Deserialize)]
struct PrefsQuery {
    lang: Option<String>,
    a11y: Option<String>,
    back: Option<String>,
}

/// The header's switches: remember the choice in a cookie and go back to the page.
async fn set_prefs(State(state): State<AppState>, Query(q): Query<PrefsQuery>) -> Response {
    let cookie = |name: &str, value: &str| {
        app::kernel::i18n::switch::prefs_cookie(name, value, state.behind_tls)
    };
    let mut res = Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, safe_return_path(q.back.as_deref()))
        .header(header::CACHE_CONTROL, "no-store");
    if let Some(lang) = q.lang.as_deref().and_then(Lang::from_code) {
        res = res.header(header::SET_COOKIE, cookie(LANG_COOKIE, lang.code()));
    }
    match q.a11y.as_deref() {
        Some("on") => res = res.header(header::SET_COOKIE, cookie(A11Y_COOKIE, "on")),
        Some("off") => res = res.header(header::SET_COOKIE, cookie(A11Y_COOKIE, "off")),
        _ => {}
    }
    res.body(axum::body::Body::empty())
        .unwrap_or_else(|_| StatusCode::BAD_REQUEST.into_response())
}

/// Every response in the reader's language (the header's choice, else `Accept-Language`): pages
/// rewritten by `app::kernel::i18n::html` (the workbench stays Simplified), API error messages translated.
/// Responses made by layers for `/api/…` requests (a body over the limit) keep the API's format.
async fn in_reader_language(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let path = req.uri().path().to_owned();
    let method = req.method().clone();
    let api = path.starts_with("/api/");
    let prefs = app::kernel::i18n::prefs_from_headers(req.headers());
    // The API speaks to programs: only `Accept-Language` counts there, never a page cookie.
    let api_lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or_default();
    let res = next.run(req).await;
    if api {
        return app::kernel::api::in_language(
            app::kernel::api::json_limits(res, method.as_str()),
            api_lang,
        )
        .await;
    }
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_html {
        return res;
    }
    // A page that switched the language itself (a switch pressed inside a form) is said in
    // the language it chose.
    let prefs = match app::kernel::i18n::switch::chosen_by_response(res.headers()) {
        Some(lang) => app::domain::prefs::Prefs { lang, ..prefs },
        None => prefs,
    };
    let lang = app::kernel::i18n::page_lang(prefs, &path);
    let (mut parts, body) = res.into_parts();
    parts.headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    let content_language = |parts: &mut axum::http::response::Parts, lang: Lang| {
        parts.headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.tag()),
        );
    };
    content_language(&mut parts, lang);
    // A page that may run no script (no island) leaves without the hydration data Leptos
    // writes into every page, which only an island would read.
    let scriptless = parts
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("script-src 'none'"));
    if lang == Lang::Simplified && !scriptless {
        return Response::from_parts(parts, body);
    }
    // Pages are tens of kilobytes; anything near this limit is not a page of ours.
    let Ok(bytes) = axum::body::to_bytes(body, 8 * 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(html) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    };
    let page = if scriptless {
        app::kernel::i18n::html::without_scripts(html)
    } else {
        std::borrow::Cow::Borrowed(html)
    };
    let page = match app::kernel::i18n::html::rewrite(&page, lang) {
        std::borrow::Cow::Borrowed(_) => page,
        std::borrow::Cow::Owned(rewritten) => std::borrow::Cow::Owned(rewritten),
    };
    match page {
        std::borrow::Cow::Borrowed(_) => Response::from_parts(parts, axum::body::Body::from(bytes)),
        std::borrow::Cow::Owned(page) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, axum::body::Body::from(page))
        }
    }
}

/// How long browsers keep the site's files: a year for an address carrying its content's
/// fingerprint (`?v=`, the stylesheet), which changes with the content; otherwise they ask again
/// each time and get a 304 while the file is unchanged (the WASM and its loader keep fixed names).
const STATIC_CACHE: &str = "public, max-age=31536000, immutable";

async fn static_cache(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let path = req.uri().path();
    let is_static = path.starts_with("/pkg/") || path == "/favicon.svg";
    if is_static
        && !matches!(
            *req.method(),
            axum::http::Method::GET | axum::http::Method::HEAD
        )
    {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let fingerprinted = req
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p.starts_with("v=")));
    let mut res = next.run(req).await;
    if is_static && (res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED) {
        let value = if fingerprinted {
            STATIC_CACHE
        } else {
            "no-cache"
        };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}
