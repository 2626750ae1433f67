//! The portal's features, one folder each. A feature holds its service (the use cases), its SQL
//! (`store`), its pages, its form posts (`http`), its JSON API (`api`) and its server functions;
//! its rules live in the `domain` crate. See ARCHITECTURE.md for what each part may import.

pub mod api_keys;
pub mod cases;
pub mod home;
pub mod intake;
pub mod legal_aid;
pub mod letters;
pub mod library;
pub mod lookup;
pub mod mine;
pub mod notify;
pub mod petition;
pub mod reports;
pub mod search;
pub mod staff;
pub mod stats;
pub mod visits;
pub mod workbench;

#[cfg(feature = "ssr")]
use crate::kernel::AppState;

/// The form posts and downloads of every feature (pages are routed in `app::App`). Each feature
/// lists its own in its `http::routes`.
#[cfg(feature = "ssr")]
pub fn form_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(api_keys::http::routes())
        .merge(cases::http::routes())
        .merge(intake::http::routes())
        .merge(legal_aid::http::routes())
        .merge(letters::http::routes())
        .merge(library::http::routes())
        .merge(lookup::http::routes())
        .merge(mine::http::routes())
        .merge(search::http::routes())
        .merge(reports::http::routes())
        .merge(staff::http::routes())
        .merge(visits::http::routes())
}

/// The page routes rendered by handlers of their own (in `upload_routes` or `form_routes`), which the
/// server leaves out of the routes Leptos serves by itself.
pub const HANDLED_PAGES: [&str; 20] = [
    "/mine",
    "/visits",
    "/visits/book",
    "/visits/booked",
    "/visits/cancel",
    "/staff/reception",
    "/staff/reception/day",
    "/staff/letters",
    "/staff/letters/new",
    "/staff/letters/{id}",
    "/staff/search",
    "/staff/reports",
    "/staff/reports/annual",
    "/staff/reports/monthly",
    "/staff/reports/board",
    "/staff/intake",
    "/staff/intake/slip",
    "/petition/receipt",
    "/legal-aid/receipt",
    "/legal-aid/apply",
];

/// The form posts that take uploads; the server gives them their own, larger, body limit.
#[cfg(feature = "ssr")]
pub fn upload_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(petition::http::upload_routes())
        .merge(legal_aid::http::upload_routes())
        .merge(intake::http::upload_routes())
}

/// `/api/v1`: each feature's JSON routes, and the OpenAPI document of them all.
#[cfg(feature = "ssr")]
pub fn api_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(petition::api::routes())
        .merge(legal_aid::api::routes())
        .merge(library::api::routes())
        .merge(stats::api::routes())
        .merge(visits::api::routes())
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
    doc.merge(visits::api::Doc::openapi());
    doc
}

/// The OpenAPI document as served: [`api_doc`] with the codes this bureau accepts (its units and
/// districts, from the config, beside the fixed categories and ratings) and the answers every
/// operation may give beyond its own (a path or body that cannot be read, a cross-origin post,
/// the database unavailable).
#[cfg(feature = "ssr")]
pub fn served_api_doc(config: &crate::domain::config::BureauConfig) -> serde_json::Value {
    use serde_json::{Value, json};
    let mut doc = serde_json::to_value(api_doc()).unwrap_or_default();
    let codes = |list: Vec<String>| Value::Array(list.into_iter().map(Value::String).collect());
    let mut set_enum = |schema: &str, field: &str, list: Vec<String>, nullable: bool| {
        if let Some(property) = doc
            .pointer_mut(&format!("/components/schemas/{schema}/properties/{field}"))
            .and_then(Value::as_object_mut)
        {
            let mut values = codes(list);
            if nullable && let Value::Array(v) = &mut values {
                v.push(Value::Null);
            }
            property.insert("enum".into(), values);
        }
    };
    use crate::domain::case::review::Rating;
    use crate::domain::petition::Category;
    set_enum(
        "PetitionInput",
        "category",
        Category::ALL.iter().map(|c| c.code().to_owned()).collect(),
        false,
    );
    set_enum(
        "PetitionInput",
        "unit",
        // An empty code means none, as the form sends it.
        std::iter::once(String::new())
            .chain(config.units.iter().map(|u| u.code.clone()))
            .collect(),
        true,
    );
    set_enum(
        "PetitionerInput",
        "district",
        config.districts.iter().map(|d| d.code.clone()).collect(),
        false,
    );
    set_enum(
        "EvaluationInput",
        "rating",
        Rating::ALL.iter().map(|r| r.code().to_owned()).collect(),
        false,
    );
    use crate::domain::reception::{BookingStatus, SessionKind, SlotState};
    set_enum(
        "SessionView",
        "kind",
        SessionKind::ALL
            .iter()
            .map(|k| k.code().to_owned())
            .collect(),
        false,
    );
    set_enum(
        "SlotView",
        "state",
        [
            SlotState::Open { left: 1 },
            SlotState::Full,
            SlotState::Closed,
        ]
        .iter()
        .map(|s| s.code().to_owned())
        .collect(),
        false,
    );
    set_enum(
        "BookingReceipt",
        "status",
        BookingStatus::ALL
            .iter()
            .map(|s| s.code().to_owned())
            .collect(),
        false,
    );
    let error = |description: &str| {
        json!({
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        })
    };
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for operations in paths.values_mut().filter_map(Value::as_object_mut) {
            for (method, operation) in operations.iter_mut() {
                let has_body = operation.get("requestBody").is_some();
                let Some(responses) = operation
                    .get_mut("responses")
                    .and_then(Value::as_object_mut)
                else {
                    continue;
                };
                let mut add = |status: &str, description: &str| {
                    responses
                        .entry(status.to_owned())
                        .or_insert_with(|| error(description));
                };
                add("400", "The path or the request cannot be read");
                add("503", "The portal cannot answer now; try again later");
                if method != "get" {
                    add("403", "Sent from another origin by a browser");
                }
                if has_body {
                    add("413", "Body too large");
                    add("415", "Content-Type is not application/json");
                    add("422", "Fields with problems, each named");
                }
            }
        }
    }
    doc
}

#[cfg(feature = "ssr")]
async fn openapi(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    axum::Json(served_api_doc(&state.ctx.config)).into_response()
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn the_served_document_lists_the_codes_accepted_and_every_answer() {
        let config =
            crate::domain::config::BureauConfig::parse(crate::domain::config::EXAMPLE_CONFIG)
                .expect("the example config");
        let doc = super::served_api_doc(&config);
        let codes = |pointer: &str| -> Vec<String> {
            doc.pointer(pointer)
                .and_then(|v| v.as_array())
                .unwrap_or_else(|| panic!("{pointer}"))
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        let schemas = "/components/schemas";
        assert_eq!(
            codes(&format!("{schemas}/PetitionInput/properties/category/enum")),
            ["suggestion", "report", "appeal"]
        );
        assert!(
            codes(&format!("{schemas}/PetitionInput/properties/unit/enum"))
                .contains(&"city-hrss".to_owned())
        );
        assert!(
            codes(&format!(
                "{schemas}/PetitionerInput/properties/district/enum"
            ))
            .contains(&"450602".to_owned())
        );
        assert_eq!(
            codes(&format!("{schemas}/EvaluationInput/properties/rating/enum")),
            ["satisfied", "basically_satisfied", "unsatisfied"]
        );
        assert!(codes(&format!("{schemas}/PetitionInput/required")).contains(&"title".to_owned()));
        let create = doc
            .pointer("/paths/~1api~1v1~1petitions/post/responses")
            .unwrap();
        for status in ["201", "400", "403", "413", "415", "422", "429", "503"] {
            assert!(
                create.get(status).is_some(),
                "POST /petitions answers {status}"
            );
        }
    }
}
