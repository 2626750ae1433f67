//! 查询码: a fresh random code for every petition and legal-aid application, stored only as a
//! keyed hash (HMAC-SHA-256 with the server's secret, which is kept in a file outside the
//! database), and checked against a decoy for unknown numbers.
//!
//! Why a keyed hash and not argon2: a 查询码 is 12 characters drawn at random from 31 (about 59
//! bits), not a password a person chose, so there is no dictionary to slow down. What a slow hash
//! protects against is a stolen database; a keyed hash protects as well there (without the key a
//! stolen hash cannot be checked at all, and with it 2^58 guesses per code remain), and online
//! guessing is throttled per number and per client. argon2 made every lookup cost a millisecond
//! of CPU and 2 MiB; the HMAC costs a microsecond. Hashes written by earlier versions (argon2)
//! are still accepted, and replaced by the keyed hash the first time they open.

use crate::domain::petition::QueryCode;
use crate::kernel::error::AppError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::path::Path;

/// How a keyed hash is stored: `hmac-sha256$` + 64 hex digits.
const PREFIX: &str = "hmac-sha256$";

/// The server's secret for 查询码 hashes: 32 random bytes.
#[derive(Clone)]
pub struct CodeKey([u8; 32]);

/// The key is a secret: never in logs or panics.
impl std::fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeKey(…)")
    }
}

impl CodeKey {
    /// A fresh random key.
    pub fn generate() -> Self {
        let mut key = [0u8; 32];
        OsRng.fill_bytes(&mut key);
        Self(key)
    }

    /// The key kept in `file` (64 hex digits), written there first (readable by the owner only)
    /// when the file does not exist yet. A file that exists but holds no key is an error: a new
    /// key would lock every citizen out of their cases.
    pub fn load_or_create(file: &Path) -> std::io::Result<Self> {
        match std::fs::read_to_string(file) {
            Ok(text) => Self::from_hex(text.trim()).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "{} does not hold a 查询码 key (64 hex digits)",
                        file.display()
                    ),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = Self::generate();
                crate::kernel::files::write_private(
                    file,
                    format!("{}\n", key.to_hex()).as_bytes(),
                )?;
                Ok(key)
            }
            Err(e) => Err(e),
        }
    }

    fn to_hex(&self) -> String {
        hex(&self.0)
    }

    fn from_hex(text: &str) -> Option<Self> {
        if text.len() != 64 {
            return None;
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Self(key))
    }

    fn mac(&self, code: &str) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(code.as_bytes());
        mac
    }

    /// A keyed hash of `text` for `purpose` (an SMS code, a session cookie): 64 hex digits.
    pub fn tag(&self, purpose: &str, text: &str) -> String {
        hex(&self
            .mac(&format!("{purpose}\u{0}{text}"))
            .finalize()
            .into_bytes())
    }

    /// Whether `tag` is `text`'s for `purpose`, compared in constant time.
    pub fn verify_tag(&self, purpose: &str, text: &str, tag: &str) -> bool {
        unhex(tag).is_some_and(|bytes| {
            self.mac(&format!("{purpose}\u{0}{text}"))
                .verify_slice(&bytes)
                .is_ok()
        })
    }

    /// The stored form of `code`'s hash.
    pub fn hash(&self, code: &QueryCode) -> String {
        format!(
            "{PREFIX}{}",
            hex(&self.mac(code.as_str()).finalize().into_bytes())
        )
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A 查询码 replaced at its holder's request (after an SMS code proved their mobile): the new
/// hash, set in the transaction that records the reset, and the SMS that carries the new code to
/// the mobile on file, queued in the same transaction whatever messages were chosen.
pub struct Replacement {
    pub hash: String,
    pub sms_to: String,
    pub lang: crate::domain::prefs::Lang,
    pub message: crate::domain::message::Msg,
    /// Counted against the mobile and the client that asked (`guard::SendLimits`).
    pub limits: crate::kernel::guard::SendLimits,
    pub client: String,
}

impl Replacement {
    /// A fresh code for the matter filed with `mobile`, said to it in `lang` by `message` (given
    /// the code as the SMS writes it).
    /// Asked for by `client`.
    pub fn new(
        ctx: &crate::kernel::AppContext,
        client: &str,
        mobile: &str,
        lang: crate::domain::prefs::Lang,
        message: impl FnOnce(&str) -> crate::domain::message::Msg,
    ) -> Self {
        let (code, hash) = new_query_code(&ctx.code_key);
        Self {
            hash,
            sms_to: mobile.to_owned(),
            lang,
            message: message(&code.grouped()),
            limits: ctx.code_send_limits,
            client: client.to_owned(),
        }
    }

    /// Sets the new hash on `table`'s row `id` and queues the SMS under `key`, in `tx`;
    /// `StoreError::OverLimit` (nothing changed) when the mobile or the client has had its SMS.
    pub async fn store(
        &self,
        tx: &mut crate::kernel::store::Tx,
        table: &'static str,
        id: i64,
        key: &str,
        subject: crate::kernel::outbox::Subject,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), crate::kernel::store::StoreError> {
        self.limits
            .charge(tx, &self.sms_to, &self.client, at)
            .await?;
        sqlx::query(&format!(
            "UPDATE {table} SET query_code_hash = $1 WHERE id = $2"
        ))
        .bind(&self.hash)
        .bind(id)
        .execute(&mut **tx)
        .await?;
        crate::kernel::outbox::enqueue(
            tx,
            &crate::kernel::outbox::Outgoing {
                key,
                channel: crate::kernel::outbox::Channel::Sms,
                recipient: &self.sms_to,
                lang: self.lang,
                message: &self.message,
                subject: Some(subject),
            },
            at,
        )
        .await
    }
}

/// A fresh random 查询码 and its hash.
pub fn new_query_code(key: &CodeKey) -> (QueryCode, String) {
    let code = QueryCode::generate(|n| {
        // Rejection sampling keeps the choice uniform.
        let limit = u32::MAX - u32::MAX % n as u32;
        loop {
            let x = OsRng.next_u32();
            if x < limit {
                return (x % n as u32) as usize;
            }
        }
    });
    let hash = key.hash(&code);
    (code, hash)
}

/// What checking a 查询码 against a stored hash found.
#[derive(Debug, PartialEq, Eq)]
pub enum CodeCheck {
    Wrong,
    Right,
    /// Right, against a hash of an earlier version: store this keyed hash in its place.
    RightUpgrade(String),
}

impl CodeCheck {
    pub fn is_right(&self) -> bool {
        !matches!(self, Self::Wrong)
    }
}

/// Checks `code` against `stored` (`None` for an unknown number: checked against a decoy all the
/// same, so that a wrong number and a wrong code take as long).
pub async fn check_code(key: &CodeKey, stored: Option<&str>, code: &QueryCode) -> CodeCheck {
    let Some(stored) = stored else {
        // The same work as a keyed hash that does not match.
        let _ = key.mac(code.as_str()).verify_slice(&[0u8; 32]);
        return CodeCheck::Wrong;
    };
    if let Some(digest) = stored.strip_prefix(PREFIX) {
        let right = unhex(digest)
            .is_some_and(|digest| key.mac(code.as_str()).verify_slice(&digest).is_ok());
        return if right {
            CodeCheck::Right
        } else {
            CodeCheck::Wrong
        };
    }
    // An argon2 hash of an earlier version.
    let hash = stored.to_owned();
    let typed = code.as_str().to_owned();
    let right = crate::kernel::hashing::run(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(typed.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    if right {
        CodeCheck::RightUpgrade(key.hash(code))
    } else {
        CodeCheck::Wrong
    }
}

/// The same as [`AppError`]'s callers expect from a failed hash write: logged, never fatal to
/// the lookup that found the code right.
pub fn upgrade_failed(e: impl std::fmt::Display) {
    let _ = AppError::unavailable("cannot replace an earlier 查询码 hash", e);
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, SaltString};

    fn code(text: &str) -> QueryCode {
        QueryCode::parse(text).unwrap()
    }

    #[tokio::test]
    async fn a_new_code_opens_with_its_key_only() {
        let key = CodeKey::generate();
        let (c, hash) = new_query_code(&key);
        assert!(hash.starts_with(PREFIX) && hash.len() == PREFIX.len() + 64);
        assert_eq!(check_code(&key, Some(&hash), &c).await, CodeCheck::Right);
        let other = code(if c.as_str() == "ABCDEFGHJKMN" {
            "ABCDEFGHJKMP"
        } else {
            "ABCDEFGHJKMN"
        });
        assert_eq!(
            check_code(&key, Some(&hash), &other).await,
            CodeCheck::Wrong
        );
        assert_eq!(
            check_code(&CodeKey::generate(), Some(&hash), &c).await,
            CodeCheck::Wrong,
            "another server's key opens nothing"
        );
        assert_eq!(check_code(&key, None, &c).await, CodeCheck::Wrong);
        assert_eq!(
            check_code(&key, Some("hmac-sha256$zz"), &c).await,
            CodeCheck::Wrong
        );
        assert_eq!(
            check_code(&key, Some("garbage"), &c).await,
            CodeCheck::Wrong
        );
    }

    #[tokio::test]
    async fn an_earlier_argon2_hash_opens_and_is_replaced_by_a_keyed_one() {
        let key = CodeKey::generate();
        let c = code("ABCDEFGHJKMN");
        let params = argon2::Params::new(2 * 1024, 1, 1, None).unwrap();
        let old = Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
            .hash_password(c.as_str().as_bytes(), &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        let CodeCheck::RightUpgrade(new) = check_code(&key, Some(&old), &c).await else {
            panic!("the old hash opens");
        };
        assert_eq!(check_code(&key, Some(&new), &c).await, CodeCheck::Right);
        assert_eq!(
            check_code(&key, Some(&old), &code("ABCDEFGHJKMP")).await,
            CodeCheck::Wrong
        );
    }

    #[test]
    fn the_key_file_is_made_once_for_its_owner_and_read_back() {
        let dir = std::env::temp_dir().join(format!("portal-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("query-code.key");
        let _ = std::fs::remove_file(&file);
        let made = CodeKey::load_or_create(&file).unwrap();
        let read = CodeKey::load_or_create(&file).unwrap();
        assert_eq!(made.0, read.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "readable by the owner only: {mode:o}");
        }
        std::fs::write(&file, "not a key").unwrap();
        assert!(CodeKey::load_or_create(&file).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(format!("{made:?}"), "CodeKey(…)");
    }
}
