//! Demo content for an empty database: staff accounts with random passwords, returned once so the
//! operator can read them on the console. No password is fixed anywhere in the code.

use anyhow::Context as _;
use app::domain::config::BureauConfig;
use app::store::{self, Pool, StoreError, staff};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use rand::Rng;

/// A seeded account and its one-time password.
#[derive(Clone, Debug)]
pub struct SeededAccount {
    pub username: String,
    pub display_name: String,
    pub role: &'static str,
    pub unit_code: Option<String>,
    pub password: String,
}

const SEEDED_KEY: &str = "demo_seeded_at";

/// Seeds the demo accounts unless this database was seeded before.
pub async fn seed_if_empty(
    pool: &Pool,
    config: &BureauConfig,
) -> anyhow::Result<Vec<SeededAccount>> {
    if store::meta(pool, SEEDED_KEY).await?.is_some() || staff::count(pool).await? > 0 {
        return Ok(Vec::new());
    }
    let now = chrono::Utc::now().to_rfc3339();
    match store::set_meta_once(pool, SEEDED_KEY, &now).await {
        // Another process is seeding this database right now.
        Err(StoreError::Duplicate(_)) => return Ok(Vec::new()),
        other => other?,
    }
    let mut plan: Vec<(String, String, &'static str, Option<String>)> = vec![
        ("dengji".into(), "登记员（演示）".into(), "registrar", None),
        ("duban".into(), "督办员（演示）".into(), "supervisor", None),
        ("admin".into(), "系统管理员（演示）".into(), "admin", None),
        (
            "fayuan".into(),
            "法律援助中心（演示）".into(),
            "legal_aid",
            None,
        ),
    ];
    for unit in config.units.iter().take(2) {
        plan.push((
            unit.code.clone(),
            format!("{}（演示）", unit.name),
            "unit_staff",
            Some(unit.code.clone()),
        ));
    }
    let mut seeded = Vec::with_capacity(plan.len());
    for (username, display_name, role, unit_code) in plan {
        let password = random_password();
        let hash = hash_password(&password)?;
        staff::insert(
            pool,
            &staff::NewStaff {
                username: &username,
                display_name: &display_name,
                role,
                unit_code: unit_code.as_deref(),
                password_hash: &hash,
                created_at: &now,
            },
        )
        .await
        .with_context(|| format!("cannot seed the account {username}"))?;
        seeded.push(SeededAccount {
            username,
            display_name,
            role,
            unit_code,
            password,
        });
    }
    Ok(seeded)
}

/// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 92 bits.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// An argon2id PHC string with a fresh salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::{PasswordHash, PasswordVerifier};

    #[test]
    fn passwords_are_random_and_unambiguous() {
        let a = random_password();
        let b = random_password();
        assert_eq!(a.len(), 16);
        assert_ne!(a, b);
        assert!(!a.contains(['0', 'O', '1', 'l', 'I']));
    }

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let h1 = hash_password("correct horse").unwrap();
        let h2 = hash_password("correct horse").unwrap();
        assert_ne!(h1, h2);
        let parsed = PasswordHash::new(&h1).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse", &parsed)
                .is_ok()
        );
        assert!(
            Argon2::default()
                .verify_password(b"wrong", &parsed)
                .is_err()
        );
    }
}
