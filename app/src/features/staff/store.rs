//! Staff accounts.

use crate::kernel::store::{Pool, StoreError};

/// A staff account to create. The password arrives already hashed (argon2, PHC string).
#[derive(Debug)]
pub struct NewStaff<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub unit_code: Option<&'a str>,
    pub password_hash: &'a str,
    pub created_at: &'a str,
}

pub async fn insert(pool: &Pool, staff: &NewStaff<'_>) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar::<_, i64>(
        "INSERT INTO staff_users (username, display_name, role, unit_code, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(staff.username)
    .bind(staff.display_name)
    .bind(staff.role)
    .bind(staff.unit_code)
    .bind(staff.password_hash)
    .bind(staff.created_at)
    .fetch_one(pool)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.constraint() == Some("staff_users_username_key") || db.is_unique_violation() => {
            StoreError::Duplicate("username")
        }
        _ => StoreError::Database(e),
    })?;
    Ok(id)
}

pub async fn count(pool: &Pool) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM staff_users")
            .fetch_one(pool)
            .await?,
    )
}

/// A staff account as stored, with its password hash (never leaves the server).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRecord {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub unit_code: Option<String>,
    pub password_hash: String,
    /// Non-zero when the account may not sign in (flags are integers on every backend).
    pub disabled: i64,
}

const STAFF_COLUMNS: &str = "id, username, display_name, role, unit_code, password_hash, disabled";

pub async fn find_by_username(
    pool: &Pool,
    username: &str,
) -> Result<Option<StaffRecord>, StoreError> {
    Ok(sqlx::query_as::<_, StaffRecord>(&format!(
        "SELECT {STAFF_COLUMNS} FROM staff_users WHERE username = $1"
    ))
    .bind(username)
    .fetch_optional(pool)
    .await?)
}

pub async fn find_by_id(pool: &Pool, id: i64) -> Result<Option<StaffRecord>, StoreError> {
    Ok(sqlx::query_as::<_, StaffRecord>(&format!(
        "SELECT {STAFF_COLUMNS} FROM staff_users WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Where a staff member is told of their work by mail, and whether they want it (issue 16).
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct MailSettings {
    pub email: Option<String>,
    /// Non-zero: mail on.
    pub notify_email: i64,
}

pub async fn mail_settings(pool: &Pool, id: i64) -> Result<MailSettings, StoreError> {
    Ok(sqlx::query_as::<_, MailSettings>(
        "SELECT email, notify_email FROM staff_users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    .unwrap_or_default())
}

pub async fn set_mail_settings(
    pool: &Pool,
    id: i64,
    email: Option<&str>,
    on: bool,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE staff_users SET email = $1, notify_email = $2 WHERE id = $3")
        .bind(email)
        .bind(i64::from(on))
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The staff of `unit` who want mail, with their addresses (active accounts only), read in the
/// transaction that records what they are told of.
pub async fn mail_recipients_in_unit(
    tx: &mut crate::kernel::store::Tx,
    unit: &str,
) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as::<_, (i64, String)>(
        "SELECT id, email FROM staff_users WHERE unit_code = $1 AND role = 'unit_staff' \
         AND disabled = 0 AND notify_email <> 0 AND email IS NOT NULL ORDER BY id",
    )
    .bind(unit)
    .fetch_all(&mut **tx)
    .await?)
}

#[derive(sqlx::FromRow)]
struct Recipient {
    #[sqlx(flatten)]
    staff: StaffRecord,
    email: String,
}

/// Every active staff member who wants mail, with their address (for the daily digest).
pub async fn mail_recipients(pool: &Pool) -> Result<Vec<(StaffRecord, String)>, StoreError> {
    Ok(sqlx::query_as::<_, Recipient>(&format!(
        "SELECT {STAFF_COLUMNS}, email FROM staff_users WHERE disabled = 0 AND notify_email <> 0 \
         AND email IS NOT NULL ORDER BY id"
    ))
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| (r.staff, r.email))
    .collect())
}
