//! 普法园地 publishing over plain forms (内容编辑 and 管理员): preview, save a draft, publish, or publish an
//! earlier version again. Each save is a new version with who and when.

use crate::domain::library::DocKind;
use crate::domain::message::Msg;
use crate::features::library::pages::EditorProblem;
use crate::features::library::service::EditAction;
use crate::features::library::view::EditorView;
use crate::features::staff::http::StaffMember;
use crate::kernel::render::render_page;
use crate::kernel::{AppState, Now};
use crate::ui::form::FieldError;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

pub async fn create(
    state: State<AppState>,
    staff: StaffMember,
    now: Now,
    headers: HeaderMap,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Response {
    edit(state, staff, now, headers, None, pairs).await
}

pub async fn update(
    state: State<AppState>,
    Path(slug): Path<String>,
    staff: StaffMember,
    now: Now,
    headers: HeaderMap,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Response {
    edit(state, staff, now, headers, Some(slug), pairs).await
}

async fn edit(
    State(state): State<AppState>,
    StaffMember(staff): StaffMember,
    now: Now,
    headers: HeaderMap,
    existing: Option<String>,
    pairs: Vec<(String, String)>,
) -> Response {
    if !crate::features::library::service::may_edit(&staff) {
        return (StatusCode::NOT_FOUND, "没有这个页面").into_response();
    }
    let pool = &state.ctx.pool;
    let is_new = existing.is_none();
    let slug = existing.unwrap_or_else(|| get(&pairs, "slug").trim().to_owned());
    // An existing guide must exist (and not be a law).
    let mut view = if is_new {
        EditorView {
            is_new: true,
            kind: Some(DocKind::Guide),
            position: 50,
            ..Default::default()
        }
    } else {
        match crate::features::library::service::editor_view(pool, &slug).await {
            Ok(Some(v)) => v,
            Ok(None) => return (StatusCode::NOT_FOUND, "没有这篇文章").into_response(),
            Err(e) => {
                tracing::error!(error = %e, "cannot load an article");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    };
    let source = get(&pairs, "source").replace("\r\n", "\n");
    let checked = crate::features::library::service::check_edit(
        pool,
        is_new,
        &slug,
        &source,
        get(&pairs, "action"),
        get(&pairs, "version"),
    )
    .await;
    let (action, problems) = match checked {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "cannot check an article");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let at = now.stamp();
    let back = Redirect::to(&format!("/staff/articles/{slug}")).into_response();
    view.slug = slug.clone();
    view.source = source.clone();
    let errors: Vec<FieldError> = problems.into_iter().map(FieldError::from).collect();
    let page = |view: EditorView, errors: Vec<FieldError>, preview, status| {
        let problem = EditorProblem {
            view,
            errors,
            preview,
        };
        let state = state.clone();
        let headers = headers.clone();
        async move {
            render_page(
                &state,
                &headers,
                "/staff/articles/edit",
                status,
                now,
                move || provide_context(problem.clone()),
            )
            .await
        }
    };
    match action {
        // An earlier version of an existing guide (never a law: those change only by import)
        // goes live again as a new version, so the history says who did it and when.
        EditAction::PublishVersion(version) => {
            if is_new {
                return (StatusCode::NOT_FOUND, "没有这篇文章").into_response();
            }
            let old = match crate::features::library::store::version(pool, &slug, version).await {
                Ok(Some(old)) => old,
                Ok(None) => return (StatusCode::NOT_FOUND, "没有这个版本").into_response(),
                Err(e) => {
                    tracing::error!(error = %e, "cannot read a version");
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
            };
            let kind = view.kind.unwrap_or(DocKind::Guide);
            match crate::features::library::service::save_markdown(
                pool,
                &slug,
                kind,
                view.position,
                &old.source,
                &staff.username,
                &at,
                true,
                false,
            )
            .await
            {
                Ok(_) => back,
                Err(e) => {
                    tracing::error!(error = %e, "cannot publish a version again");
                    StatusCode::SERVICE_UNAVAILABLE.into_response()
                }
            }
        }
        _ if !errors.is_empty() => page(view, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await,
        EditAction::Preview => {
            let body = crate::domain::library::parse_guide(&source)
                .map(|g| g.body)
                .unwrap_or_default();
            page(
                view,
                Vec::new(),
                Some(crate::features::library::service::render(&body)),
                StatusCode::OK,
            )
            .await
        }
        EditAction::Save { publish } => {
            let kind = view.kind.unwrap_or(DocKind::Guide);
            match crate::features::library::service::save_markdown(
                pool,
                &slug,
                kind,
                view.position,
                &source,
                &staff.username,
                &at,
                publish,
                is_new,
            )
            .await
            {
                Ok(_) => back,
                Err(crate::features::library::service::LibraryError::Store(
                    crate::kernel::store::StoreError::Duplicate(_),
                )) => {
                    let errors = vec![FieldError {
                        field: "slug".into(),
                        message: Msg::verbatim(
                            "这个网址名刚刚被另一篇文章用了，请换一个；写好的内容都还在",
                        ),
                    }];
                    page(view, errors, None, StatusCode::CONFLICT).await
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot save an article");
                    let errors = vec![FieldError {
                        field: "source".into(),
                        message: Msg::verbatim("暂时无法保存，请稍后再试；写好的内容都还在"),
                    }];
                    page(view, errors, None, StatusCode::SERVICE_UNAVAILABLE).await
                }
            }
        }
    }
}

/// Publishing 普法园地 from the workbench.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route("/staff/articles", post(create))
        .route("/staff/articles/{slug}", post(update))
}
