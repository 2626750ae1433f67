//! 查询码: a fresh random code for every petition and legal-aid application, stored only as a
//! hash, and checked against a decoy for unknown numbers so that a wrong number and a wrong code
//! take as long.

use crate::domain::petition::QueryCode;
use crate::kernel::error::AppError;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHash, PasswordVerifier};

/// A fresh random 查询码 and its hash.
pub async fn new_query_code() -> Result<(QueryCode, String), AppError> {
    let code = QueryCode::generate(|n| {
        use argon2::password_hash::rand_core::RngCore;
        // Rejection sampling keeps the choice uniform.
        let limit = u32::MAX - u32::MAX % n as u32;
        loop {
            let x = OsRng.next_u32();
            if x < limit {
                return (x % n as u32) as usize;
            }
        }
    });
    // Hashing costs about a millisecond: off the async workers all the same.
    let hash = {
        let code = code.clone();
        tokio::task::spawn_blocking(move || hash_code(&code))
            .await
            .map_err(|e| AppError::unavailable("the 查询码 hashing task failed", e))??
    };
    Ok((code, hash))
}

/// Whether `code` matches `hash`; with no hash (an unknown number) it checks against a decoy,
/// so that a wrong number and a wrong code take as long.
pub async fn code_matches(hash: Option<String>, code: &QueryCode) -> bool {
    let known = hash.is_some();
    let hash = hash.unwrap_or_else(|| decoy_hash().to_owned());
    let code = code.as_str().to_owned();
    let matches = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                code_hasher()
                    .verify_password(code.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    known && matches
}

/// argon2id tuned for 查询码, not passwords: a code is 12 random characters from 31 (about 59
/// bits), so even a stolen database leaves an attacker some 2^58 evaluations per code, and online
/// guessing is throttled. 2 MiB and one pass cost about a millisecond, where the password
/// parameters (19 MiB, two passes) made every submission and lookup wait tens of milliseconds.
/// Verification reads the parameters from each stored hash, so older hashes keep working.
fn code_hasher() -> Argon2<'static> {
    let params = argon2::Params::new(2 * 1024, 1, 1, None).unwrap_or_default();
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

fn hash_code(code: &QueryCode) -> Result<String, AppError> {
    code_hasher()
        .hash_password(code.as_str().as_bytes(), &SaltString::generate(&mut OsRng))
        .map(|h| h.to_string())
        .map_err(|e| AppError::unavailable("cannot hash a 查询码", e))
}

fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        code_hasher()
            .hash_password(b"decoy query code", &SaltString::generate(&mut OsRng))
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}
