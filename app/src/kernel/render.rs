//! Pages as the answer to a form post.

use crate::app::shell;
use crate::kernel::{AppState, Now};
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// Renders the page at `path` with `extra` provided as context, answering with `status`, at the
/// request's time `now`. The response is never cached: it carries what the citizen typed.
pub async fn render_page(
    state: &AppState,
    headers: &HeaderMap,
    path: &str,
    status: StatusCode,
    now: Now,
    extra: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    let ctx = state.ctx.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || {
            provide_context(ctx.clone());
            provide_context(now);
            extra();
        },
        move || shell(options.clone()),
    );
    let mut req = Request::builder().uri(path);
    // What the page context reads: the preferences (cookies) and the browser's languages.
    for name in [header::COOKIE, header::ACCEPT_LANGUAGE] {
        if let Some(value) = headers.get(&name) {
            req = req.header(name, value);
        }
    }
    let Ok(req) = req.body(Body::empty()) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut res = handler(req).await.into_response();
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// [`render_page`] with one view for the page's component to read from its context.
pub async fn render_view<V: Clone + Send + Sync + 'static>(
    state: &AppState,
    headers: &HeaderMap,
    path: &str,
    status: StatusCode,
    now: Now,
    view: V,
) -> Response {
    render_page(state, headers, path, status, now, move || {
        provide_context(view.clone())
    })
    .await
}

/// Adds `Retry-After` (whole seconds) to a 429 response.
pub fn with_retry_after(mut res: Response, wait_seconds: u64) -> Response {
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait_seconds));
    res
}
