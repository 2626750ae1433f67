//! The portal's features, one folder each. A feature holds its service (the use cases), its SQL
//! (`store`), its pages, its form posts (`http`), its JSON API (`api`) and its server functions;
//! its rules live in the `domain` crate. See ARCHITECTURE.md for what each part may import.

pub mod cases;
pub mod home;
pub mod legal_aid;
pub mod library;
pub mod lookup;
pub mod petition;
pub mod staff;
pub mod stats;
pub mod workbench;

#[cfg(feature = "ssr")]
use crate::kernel::AppState;

/// The form posts and downloads of every feature (pages are routed in `app::App`). Each feature
/// lists its own in its `http::routes`.
#[cfg(feature = "ssr")]
pub fn form_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(cases::http::routes())
        .merge(legal_aid::http::routes())
        .merge(library::http::routes())
        .merge(lookup::http::routes())
        .merge(staff::http::routes())
}

/// The form posts that take uploads; the server gives them their own, larger, body limit.
#[cfg(feature = "ssr")]
pub fn upload_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(petition::http::upload_routes())
        .merge(legal_aid::http::upload_routes())
}

/// `/api/v1`: each feature's JSON routes, and the OpenAPI document of them all.
#[cfg(feature = "ssr")]
pub fn api_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(petition::api::routes())
        .merge(legal_aid::api::routes())
        .merge(library::api::routes())
        .merge(stats::api::routes())
        .route("/openapi.json", axum::routing::get(openapi))
        .fallback(|| async {
            crate::kernel::api::error(
                axum::http::StatusCode::NOT_FOUND,
                "",
                "not_found",
                crate::domain::msg!("api-no-such-endpoint"),
            )
        })
}

#[cfg(feature = "ssr")]
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "信访 self-service portal — integration API",
        version = "1",
        description = "Submit petitions and look up their status from other channels (hotline \
                       systems, mini-programs). The 查询码 travels in the X-Query-Code header; a \
                       wrong number and a wrong code give the same 404. Errors are \
                       {\"errors\": [{\"field\", \"code\", \"message\"}]}."
    ),
    components(schemas(crate::kernel::api::ErrorBody, crate::kernel::api::ApiProblem))
)]
struct ApiDoc;

/// The OpenAPI document of `/api/v1`: the features' parts merged.
#[cfg(feature = "ssr")]
pub fn api_doc() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi as _;
    let mut doc = ApiDoc::openapi();
    doc.merge(petition::api::Doc::openapi());
    doc.merge(legal_aid::api::Doc::openapi());
    doc.merge(library::api::Doc::openapi());
    doc.merge(stats::api::Doc::openapi());
    doc
}

#[cfg(feature = "ssr")]
async fn openapi() -> axum::response::Response {
    use axum::response::IntoResponse as _;
    axum::Json(api_doc()).into_response()
}

/// Brings data stored by an earlier version up to what this one reads (after the migrations):
/// events written before they were typed get their typed form, once.
#[cfg(feature = "ssr")]
pub async fn upgrade_stored_data(
    pool: &crate::kernel::store::Pool,
) -> Result<(), crate::kernel::store::StoreError> {
    let cases = cases::store::upgrade_legacy_events(pool).await?;
    let applications = legal_aid::store::upgrade_legacy_events(pool).await?;
    if cases + applications > 0 {
        tracing::info!(cases, applications, "stored events given their typed form");
    }
    Ok(())
}
