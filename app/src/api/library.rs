use crate::domain::library::{DocSummary, GuideView, Hit, StatuteView};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
fn unavailable(e: crate::store::StoreError) -> ServerFnError {
    tracing::error!(error = %e, "library: database error");
    ServerFnError::new("暂时无法读取，请稍后再试")
}

/// The library's index: guides in order, the FAQ, the imported laws.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryIndex {
    pub guides: Vec<DocSummary>,
    pub faq: Vec<DocSummary>,
    pub statutes: Vec<DocSummary>,
}

#[server(prefix = "/fn", endpoint = "library", input = server_fn::codec::GetUrl)]
pub async fn get_library_index() -> Result<LibraryIndex, ServerFnError> {
    use crate::domain::library::DocKind;
    let ctx = crate::context::app_context()?;
    let list = |kind| {
        let ctx = ctx.clone();
        async move { crate::library::index(&ctx.pool, kind).await }
    };
    Ok(LibraryIndex {
        guides: list(DocKind::Guide).await.map_err(unavailable)?,
        faq: list(DocKind::Faq).await.map_err(unavailable)?,
        statutes: list(DocKind::Statute).await.map_err(unavailable)?,
    })
}

/// A published guide or the FAQ; `None` when there is none by that name.
#[server(prefix = "/fn", endpoint = "guide", input = server_fn::codec::GetUrl)]
pub async fn get_guide(slug: String) -> Result<Option<GuideView>, ServerFnError> {
    let ctx = crate::context::app_context()?;
    crate::library::guide(&ctx.pool, &slug)
        .await
        .map_err(unavailable)
}

/// A published law; `None` when it has not been imported.
#[server(prefix = "/fn", endpoint = "statute", input = server_fn::codec::GetUrl)]
pub async fn get_statute(slug: String) -> Result<Option<StatuteView>, ServerFnError> {
    let ctx = crate::context::app_context()?;
    crate::library::statute(&ctx.pool, &slug)
        .await
        .map_err(unavailable)
}

/// Search results for `q`, best first.
#[server(prefix = "/fn", endpoint = "search", input = server_fn::codec::GetUrl)]
pub async fn search_library(q: String) -> Result<Vec<Hit>, ServerFnError> {
    let ctx = crate::context::app_context()?;
    crate::library::search(&ctx.pool, &q, 30)
        .await
        .map_err(unavailable)
}
