//! API keys (issue 17): what lets a trusted caller — the 12345 hotline's system, another body's
//! docket — say which channel a petition came by. An administrator creates one (shown once:
//! `xfk_` and 32 hex digits, 128 random bits), the portal keeps its keyed hash, and revoking it
//! stops it at once. A request carries it as `Authorization: Bearer xfk_…`; every call made with
//! a key is logged with its answer's status.

use crate::domain::message::Msg;
use crate::kernel::context::AppContext;
use crate::kernel::error::AppError;
use crate::kernel::store::{Pool, StoreError};
use argon2::password_hash::rand_core::{OsRng, RngCore};

const TAG: &str = "api-key";
pub const PREFIX: &str = "xfk_";

/// A new key, as it is shown once.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{PREFIX}{hex}")
}

fn hash(ctx: &AppContext, key: &str) -> String {
    ctx.code_key.tag(TAG, key)
}

/// A key's holder, as a request names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    pub id: i64,
    pub name: String,
}

/// The key a request's `Authorization` header carries, if it carries one.
fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The caller the request's key names: `None` without a key; 401 for a key that is not one
/// (unknown, mistyped or revoked: the same answer).
pub async fn caller(
    ctx: &AppContext,
    headers: &axum::http::HeaderMap,
) -> Result<Option<Caller>, AppError> {
    let Some(key) = bearer(headers) else {
        return Ok(None);
    };
    match holder(ctx, key).await? {
        Some(caller) => Ok(Some(caller)),
        None => Err(AppError::Unauthorized(Msg::new("api-key-not-valid"))),
    }
}

/// The holder of `key`, while it is not revoked.
pub async fn holder(ctx: &AppContext, key: &str) -> Result<Option<Caller>, StoreError> {
    Ok(sqlx::query_as::<_, (i64, String)>(
        "SELECT id, name FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
    )
    .bind(hash(ctx, key))
    .fetch_optional(&ctx.pool)
    .await?
    .map(|(id, name)| Caller { id, name }))
}

/// Logs a call made with `caller`'s key.
pub async fn log_call(
    pool: &Pool,
    caller: &Caller,
    at: &str,
    method: &str,
    path: &str,
    status: u16,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO api_calls (key_id, at, method, path, status) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(caller.id)
    .bind(at)
    .bind(method)
    .bind(path)
    .bind(i64::from(status))
    .execute(pool)
    .await?;
    Ok(())
}

/// Creates a key named `name` for `staff_id`: its id and the key, which is never kept.
pub async fn create(
    ctx: &AppContext,
    name: &str,
    staff_id: i64,
    at: &str,
) -> Result<(i64, String), StoreError> {
    let key = new_key();
    let id = sqlx::query_scalar::<_, i64>(
        "INSERT INTO api_keys (name, key_hash, created_by, created_at) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(name)
    .bind(hash(ctx, &key))
    .bind(staff_id)
    .bind(at)
    .fetch_one(&ctx.pool)
    .await?;
    Ok((id, key))
}

/// Revokes key `id` (nothing when it is revoked already).
pub async fn revoke(pool: &Pool, id: i64, at: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(at)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// A key as the administrator's page lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct KeyRow {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
    pub calls: i64,
    pub last_call: Option<String>,
}

pub async fn list(pool: &Pool) -> Result<Vec<KeyRow>, StoreError> {
    Ok(sqlx::query_as::<_, KeyRow>(
        "SELECT k.id, k.name, k.created_at, k.revoked_at, \
                (SELECT COUNT(*) FROM api_calls c WHERE c.key_id = k.id) AS calls, \
                (SELECT MAX(c.at) FROM api_calls c WHERE c.key_id = k.id) AS last_call \
         FROM api_keys k ORDER BY k.id DESC",
    )
    .fetch_all(pool)
    .await?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_128_random_bits_in_hex_after_the_prefix() {
        let (a, b) = (super::new_key(), super::new_key());
        assert_ne!(a, b);
        assert!(a.starts_with(super::PREFIX));
        let hex = &a[super::PREFIX.len()..];
        assert_eq!(hex.len(), 32);
        assert!(hex.bytes().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn only_a_bearer_header_carries_a_key() {
        let mut h = axum::http::HeaderMap::new();
        assert_eq!(super::bearer(&h), None);
        h.insert("authorization", "Basic abc".parse().unwrap());
        assert_eq!(super::bearer(&h), None);
        h.insert("authorization", "Bearer xfk_00".parse().unwrap());
        assert_eq!(super::bearer(&h), Some("xfk_00"));
    }
}
