//! The bench's yardstick (`.ci/bench`): a bare axum + sqlx SQLite server with nothing of the
//! portal around it — no layers, no throttles, no hashing, no languages — doing the same read as
//! the portal's status lookup (a petition by its number, with its events), and serving a page's
//! bytes as a static file would (already compressed with brotli). The bench runs it beside the
//! portal, on the portal's own database, and reports the portal's rates as fractions of these.
//!
//! Usage: bare LISTEN DATABASE_FILE PAGE_FILE (PAGE_FILE: the page compressed with brotli)

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use std::str::FromStr;

#[derive(Clone)]
struct Bare {
    pool: sqlx::SqlitePool,
    page: axum::body::Bytes,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, listen, database, page] = args.as_slice() else {
        eprintln!("usage: bare LISTEN DATABASE_FILE PAGE_FILE");
        std::process::exit(2);
    };
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{database}"))?.read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    let state = Bare {
        pool,
        page: std::fs::read(page)?.into(),
    };
    let app = axum::Router::new()
        .route("/petitions/{number}", get(petition))
        .route("/page", get(static_page))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(listen.as_str()).await?;
    println!("LISTENING {}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}

#[derive(sqlx::FromRow, serde::Serialize)]
struct Row {
    id: i64,
    number: String,
    category: String,
    title: String,
    unit_code: Option<String>,
    received_at: String,
}

#[derive(sqlx::FromRow, serde::Serialize)]
struct Event {
    at: String,
    kind: String,
    data: Option<String>,
}

async fn petition(State(bare): State<Bare>, Path(number): Path<String>) -> Response {
    let row = sqlx::query_as::<_, Row>(
        "SELECT id, number, category, title, unit_code, received_at FROM petitions WHERE number = $1",
    )
    .bind(&number)
    .fetch_optional(&bare.pool)
    .await;
    let Ok(Some(row)) = row else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let events = sqlx::query_as::<_, Event>(
        "SELECT at, kind, data FROM petition_events WHERE petition_id = $1 AND public = 1 ORDER BY id",
    )
    .bind(row.id)
    .fetch_all(&bare.pool)
    .await
    .unwrap_or_default();
    axum::Json(serde_json::json!({ "petition": row, "events": events })).into_response()
}

async fn static_page(State(bare): State<Bare>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_ENCODING, "br"),
        ],
        bare.page.clone(),
    )
        .into_response()
}
