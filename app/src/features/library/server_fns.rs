use crate::features::library::view::{DocSummary, GuideView, Hit, StatuteView};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
fn unavailable(e: crate::kernel::store::StoreError) -> ServerFnError {
    tracing::error!(error = %e, "library: database error");
    ServerFnError::new(crate::t!("unavailable-read"))
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
    let ctx = crate::kernel::context::app_context()?;
    let list = |kind| {
        let ctx = ctx.clone();
        async move { crate::features::library::service::index(&ctx.pool, kind).await }
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
    let ctx = crate::kernel::context::app_context()?;
    crate::features::library::service::guide(&ctx.pool, &slug)
        .await
        .map_err(unavailable)
}

/// A published law; `None` when it has not been imported.
#[server(prefix = "/fn", endpoint = "statute", input = server_fn::codec::GetUrl)]
pub async fn get_statute(slug: String) -> Result<Option<StatuteView>, ServerFnError> {
    let ctx = crate::kernel::context::app_context()?;
    crate::features::library::service::statute(&ctx.pool, &slug)
        .await
        .map_err(unavailable)
}

/// Search results for `q`, best first.
#[server(prefix = "/fn", endpoint = "search", input = server_fn::codec::GetUrl)]
pub async fn search_library(q: String) -> Result<Vec<Hit>, ServerFnError> {
    let ctx = crate::kernel::context::app_context()?;
    crate::features::library::service::search(&ctx.pool, &q, 30)
        .await
        .map_err(unavailable)
}

/// Editors (admins) only: `None` when signed out or not allowed.
#[cfg(feature = "ssr")]
async fn editor() -> Result<
    Option<(
        crate::kernel::context::AppContext,
        crate::domain::staff::StaffAccount,
    )>,
    ServerFnError,
> {
    let ctx = crate::kernel::context::app_context()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| ServerFnError::new("no session layer"))?;
    let staff = crate::features::staff::auth::current_staff(&ctx.pool, &session)
        .await
        .map_err(unavailable)?;
    Ok(staff
        .filter(crate::features::library::service::may_edit)
        .map(|s| (ctx, s)))
}

/// The guides and FAQ with their versions, for editors; `None` for anyone else.
#[server(prefix = "/fn", endpoint = "editor_list", input = server_fn::codec::GetUrl)]
pub async fn get_editor_list()
-> Result<Option<Vec<crate::features::library::view::EditorListItem>>, ServerFnError> {
    let Some((ctx, _)) = editor().await? else {
        return Ok(None);
    };
    crate::features::library::service::editor_list(&ctx.pool)
        .await
        .map(Some)
        .map_err(unavailable)
}

/// One guide on the editor's page (`slug` empty: a new one); `Err` for anyone but editors.
#[server(prefix = "/fn", endpoint = "editor", input = server_fn::codec::GetUrl)]
pub async fn get_editor(
    slug: String,
) -> Result<Option<crate::features::library::view::EditorView>, ServerFnError> {
    let Some((ctx, _)) = editor().await? else {
        return Err(ServerFnError::new("not an editor"));
    };
    if slug.is_empty() {
        return Ok(Some(crate::features::library::view::EditorView {
            is_new: true,
            kind: Some(crate::domain::library::DocKind::Guide),
            position: 50,
            source: crate::domain::library::NEW_GUIDE_TEMPLATE.to_owned(),
            ..Default::default()
        }));
    }
    crate::features::library::service::editor_view(&ctx.pool, &slug)
        .await
        .map_err(unavailable)
}
