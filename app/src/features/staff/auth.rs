//! Staff sign-in: password verification and the session key. (The HTTP side — throttling, the
//! session cookie — is in the server; this is what pages and server functions share with it.)

use crate::domain::staff::{StaffAccount, StaffRole};
use crate::kernel::store::{Pool, StoreError};
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use std::sync::OnceLock;

/// The session entry that holds the signed-in staff member's id.
pub const SESSION_STAFF_ID: &str = "staff_id";

/// An enabled account with a known role; `None` for a disabled account.
pub(crate) fn account_from_record(
    r: crate::features::staff::store::StaffRecord,
) -> Option<StaffAccount> {
    if r.disabled != 0 {
        return None;
    }
    Some(StaffAccount {
        id: r.id,
        username: r.username,
        display_name: r.display_name,
        role: StaffRole::parse(&r.role)?,
        unit_code: r.unit_code,
    })
}

/// A hash to verify against when the account does not exist, so that an unknown name takes as
/// long to refuse as a wrong password and the timing does not tell which names exist.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
        Argon2::default()
            .hash_password(
                b"decoy password never used",
                &SaltString::generate(&mut OsRng),
            )
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// The account if `password` is right for an enabled account named `username`.
pub async fn verify_password(
    pool: &Pool,
    username: &str,
    password: &str,
) -> Result<Option<StaffAccount>, StoreError> {
    let record = crate::features::staff::store::find_by_username(pool, username).await?;
    let hash = record
        .as_ref()
        .map(|r| r.password_hash.clone())
        .unwrap_or_else(|| decoy_hash().to_owned());
    let password = password.to_owned();
    // argon2 takes tens of milliseconds of CPU: keep it off the async workers.
    let matches = crate::kernel::hashing::run(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    Ok(match (matches, record) {
        (true, Some(r)) => account_from_record(r),
        _ => None,
    })
}

/// The staff member signed in on this request's session, if any.
pub async fn current_staff(
    pool: &Pool,
    session: &tower_sessions::Session,
) -> Result<Option<StaffAccount>, StoreError> {
    let Ok(Some(id)) = session.get::<i64>(SESSION_STAFF_ID).await else {
        return Ok(None);
    };
    Ok(crate::features::staff::store::find_by_id(pool, id)
        .await?
        .and_then(account_from_record))
}
