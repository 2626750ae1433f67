//! `/api/v1/articles`: the library (guides, FAQ, laws) and its search, for other channels.

use crate::domain::library::{DocKind, StatuteBlock};
use crate::domain::msg;
use crate::features::library::view::{DocSummary, Hit};
use crate::kernel::AppState;
use crate::kernel::api::{ErrorBody, error};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize)]
pub struct ArticlesQuery {
    q: Option<String>,
}

/// Without `q`: every published document. With `q`: the search results, best first.
#[derive(Serialize, ToSchema)]
pub struct ArticleList {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<Vec<DocSummary>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<Vec<Hit>>,
}

/// One article of a law.
#[derive(Serialize, ToSchema)]
pub struct StatuteArticle {
    /// `第三十四条`: also its anchor on the law's page.
    pub number: String,
    pub text: String,
}

/// A published document: a guide or the FAQ (Markdown and sanitised HTML) or a law (articles).
#[derive(Serialize, ToSchema)]
pub struct Article {
    pub slug: String,
    #[schema(value_type = DocKindDoc)]
    pub kind: DocKind,
    pub title: String,
    pub summary: String,
    pub href: String,
    pub version: i64,
    pub published_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// Rendered and sanitised; chart markers (`{{时限图}}`) are left as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<Vec<StatuteArticle>>,
}

fn unavailable(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "library API: database error");
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        "",
        "unavailable",
        msg!("unavailable-read"),
    )
}

/// The library's documents, or search results for `q` (two-character words such as 复查 are
/// found, longer phrases only whole; either script).
#[utoipa::path(
    get,
    path = "/api/v1/articles",
    params(("q" = Option<String>, Query, description = "words to search for, at most 50 characters")),
    responses(
        (status = 200, description = "Documents or results", body = ArticleList),
        (status = 422, description = "A query over 50 characters", body = ErrorBody),
    )
)]
pub async fn list_articles(
    State(state): State<AppState>,
    Query(query): Query<ArticlesQuery>,
) -> Response {
    let pool = &state.ctx.pool;
    match query
        .q
        .map(|q| q.trim().to_owned())
        .filter(|q| !q.is_empty())
    {
        Some(q) if q.chars().count() > crate::features::library::service::MAX_QUERY => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "q",
            "too_long",
            msg!(
                "library-query-too-long",
                max = crate::features::library::service::MAX_QUERY
            ),
        ),
        Some(q) => match crate::features::library::service::search(pool, &q, 50).await {
            Ok(results) => axum::Json(ArticleList {
                articles: None,
                query: Some(q),
                results: Some(results),
            })
            .into_response(),
            Err(e) => unavailable(e),
        },
        None => {
            let mut all = Vec::new();
            for kind in [DocKind::Guide, DocKind::Faq, DocKind::Statute] {
                match crate::features::library::service::index(pool, kind).await {
                    Ok(docs) => all.extend(docs),
                    Err(e) => return unavailable(e),
                }
            }
            axum::Json(ArticleList {
                articles: Some(all),
                query: None,
                results: None,
            })
            .into_response()
        }
    }
}

/// One published document by its name.
#[utoipa::path(
    get,
    path = "/api/v1/articles/{slug}",
    params(("slug" = String, Path, description = "e.g. how-to-petition, faq, 信访工作条例-2022")),
    responses(
        (status = 200, description = "The document", body = Article),
        (status = 404, description = "No such published document", body = ErrorBody),
    )
)]
pub async fn get_article(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let row = match crate::features::library::store::published(&state.ctx.pool, &slug).await {
        Ok(Some(row)) => row,
        Ok(None) => {
            return error(
                StatusCode::NOT_FOUND,
                "slug",
                "not_found",
                msg!("library-no-such-document"),
            );
        }
        Err(e) => return unavailable(e),
    };
    let kind = DocKind::parse(&row.kind).unwrap_or(DocKind::Guide);
    let (markdown, html, articles) = match kind {
        DocKind::Statute => {
            let articles = crate::domain::library::parse_statute(&row.source)
                .map(|s| {
                    s.blocks
                        .into_iter()
                        .filter_map(|b| match b {
                            StatuteBlock::Article { number, paragraphs } => Some(StatuteArticle {
                                number,
                                text: paragraphs.join("\n"),
                            }),
                            StatuteBlock::Heading { .. } => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            (None, None, Some(articles))
        }
        DocKind::Guide | DocKind::Faq => {
            let body = crate::domain::library::parse_guide(&row.source)
                .map(|g| g.body)
                .unwrap_or_default();
            (
                Some(row.source.clone()),
                Some(crate::features::library::service::render_html(&body)),
                None,
            )
        }
    };
    axum::Json(Article {
        href: crate::domain::library::href(kind, &row.slug, None),
        slug: row.slug,
        kind,
        title: row.title,
        summary: row.summary,
        version: row.version,
        published_at: row.published_at.unwrap_or(row.created_at),
        markdown,
        html,
        articles,
    })
    .into_response()
}

/// The kinds of document in the library.
#[derive(ToSchema)]
#[schema(as = DocKind)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum DocKindDoc {
    Guide,
    Faq,
    Statute,
}

/// A piece of a search snippet, marked when it is a search term.
#[derive(ToSchema)]
#[schema(as = SnippetPart)]
#[allow(dead_code)]
pub struct SnippetPartDoc {
    text: String,
    mark: bool,
}

#[cfg(test)]
mod doc_tests {
    use super::*;
    use crate::domain::library::SnippetPart;
    use crate::kernel::api::{same_codes, same_fields};

    #[test]
    fn the_documented_shapes_are_the_ones_used() {
        same_codes::<DocKindDoc>(
            &[DocKind::Guide, DocKind::Faq, DocKind::Statute].map(DocKind::code),
        );
        same_fields::<SnippetPartDoc>(&SnippetPart {
            text: String::new(),
            mark: false,
        });
    }
}

/// `/api/v1/articles…`
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/articles", get(list_articles))
        .route("/articles/{slug}", get(get_article))
}

/// This feature's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(list_articles, get_article),
    components(schemas(
        ArticleList,
        Article,
        StatuteArticle,
        super::view::DocSummary,
        DocKindDoc,
        super::view::Hit,
        SnippetPartDoc
    ))
)]
pub struct Doc;
