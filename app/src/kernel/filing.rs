//! Filing once: every form that creates a record (a petition, a legal-aid application) carries a
//! one-time token, and the answer to the final post is a redirect to a receipt page
//! (Post/Redirect/Get). A form sent again — a reload, Back and Forward, a double click — finds
//! the filing its token made and is sent to that receipt: it never makes a second record.
//!
//! The 查询码 is stored only as a keyed hash, so the receipt page after the redirect cannot read
//! it from the record. It is kept for [`SHOW_FOR`] sealed with the form's token (which only the
//! citizen's browser holds, in a session cookie set when the check page is shown; the database
//! holds its SHA-256), so the receipt shows it while the citizen writes it down; then the sealed
//! copy is cleared. A form sent again clears it at once: that receipt, and every later view of
//! it, is without the 查询码 — unless it comes within [`SAME_SEND`] (a double click, whose second
//! answer is the one the browser shows). A browser that keeps no cookies gets the receipt as the answer to
//! its final post, as before (it cannot come back to it).

use crate::kernel::query_code::{hex, unhex};
use crate::kernel::store::{Pool, StoreError};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// How long after filing the receipt page shows the 查询码.
pub const SHOW_FOR: chrono::Duration = chrono::Duration::minutes(30);
/// A form sent again this soon after it filed is the same send (a double click, whose second
/// answer is the one the browser shows): answered with the receipt as it was, 查询码 included.
pub const SAME_SEND: chrono::Duration = chrono::Duration::seconds(60);
/// How long a filing's token is kept to recognise its form sent again.
pub const KEEP_FOR: chrono::Duration = chrono::Duration::days(30);

/// What a filing made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Petition,
    LegalAid,
    /// A booked visit (网上预约走访).
    Booking,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Petition => "petition",
            Self::LegalAid => "legal_aid",
            Self::Booking => "booking",
        }
    }

    /// The cookie that holds the token of this browser's last filing of this kind (one each, so
    /// that filing one never loses the other's receipt).
    pub fn cookie_name(self) -> &'static str {
        match self {
            Self::Petition => "portal_receipt",
            Self::LegalAid => "portal_receipt_aid",
            Self::Booking => "portal_receipt_booking",
        }
    }
}

/// A form's one-time token: 128 random bits as 32 hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct Once(String);

/// The token opens a receipt: never in logs.
impl std::fmt::Debug for Once {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Once(…)")
    }
}

impl Default for Once {
    fn default() -> Self {
        Self::new()
    }
}

impl Once {
    pub fn new() -> Self {
        let mut bytes = [0u8; 16];
        OsRng.fill_bytes(&mut bytes);
        Self(hex(&bytes))
    }

    /// A token as a form or cookie carries it; anything else is none.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        crate::domain::petition::attachment::is_token(text).then(|| Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }

    /// A key stream for the sealed 查询码, from the token alone.
    fn pad(&self, len: usize) -> Vec<u8> {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(self.0.as_bytes()).expect("any key length");
        mac.update(b"portal receipt query code");
        let mut pad = mac.finalize().into_bytes().to_vec();
        pad.truncate(len);
        pad
    }

    fn seal(&self, code: &str) -> Option<String> {
        let bytes = code.as_bytes();
        (bytes.len() <= 32).then(|| {
            let sealed: Vec<u8> = bytes
                .iter()
                .zip(self.pad(bytes.len()))
                .map(|(b, p)| b ^ p)
                .collect();
            hex(&sealed)
        })
    }

    fn unseal(&self, sealed: &str) -> Option<String> {
        let bytes = unhex(sealed)?;
        let pad = self.pad(bytes.len());
        let plain: Vec<u8> = bytes.iter().zip(pad).map(|(b, p)| b ^ p).collect();
        String::from_utf8(plain).ok()
    }

    /// The `Set-Cookie` value that lets this browser open the receipt: a session cookie (gone
    /// when the browser closes, so the next person at a shared computer finds no receipt).
    pub fn cookie(&self, kind: Kind, secure: bool) -> String {
        let secure = if secure { "; Secure" } else { "" };
        format!(
            "{}={}; Path=/; SameSite=Lax; HttpOnly{secure}",
            kind.cookie_name(),
            self.0
        )
    }

    /// The token in the request's receipt cookie of `kind`.
    pub fn from_cookie(headers: &axum::http::HeaderMap, kind: Kind) -> Option<Self> {
        crate::kernel::client::cookie(headers, kind.cookie_name()).and_then(Self::parse)
    }

    /// Whether the request sends back this token's receipt cookie (set by the check page): a
    /// browser that does can follow a redirect to its receipt (Post/Redirect/Get); one that
    /// keeps no cookies must be answered with the receipt itself, or it would never see it.
    pub fn comes_back(&self, headers: &axum::http::HeaderMap, kind: Kind) -> bool {
        Self::from_cookie(headers, kind).as_ref() == Some(self)
    }

    /// The answer to a filing form's final post, for a browser that keeps the cookie: a
    /// redirect to the receipt at `path`, with the cookie that opens it; `again` when the form
    /// had filed before.
    pub fn to_receipt(&self, kind: Kind, path: &str, again: bool, secure: bool) -> Response {
        let location = if again {
            format!("{path}?again=1")
        } else {
            path.to_owned()
        };
        (
            StatusCode::SEE_OTHER,
            [
                (header::LOCATION, location),
                (header::SET_COOKIE, self.cookie(kind, secure)),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
        )
            .into_response()
    }
}

/// The query of a receipt page: `?again=1` after a form that had filed before.
#[derive(serde::Deserialize)]
pub struct ReceiptQuery {
    again: Option<String>,
}

impl ReceiptQuery {
    pub fn again(&self) -> bool {
        self.again.is_some()
    }
}

/// Records in `tx` (the filing's own transaction) that `once` filed `number`, when the form
/// carried a token; a token used before is `Duplicate("filing")`, which rolls the filing back.
pub async fn record(
    tx: &mut crate::kernel::store::Tx,
    once: Option<&Once>,
    kind: Kind,
    number: &str,
    query_code: &str,
    filed_at: &str,
) -> Result<(), StoreError> {
    let Some(once) = once else {
        return Ok(());
    };
    let done = sqlx::query(
        "INSERT INTO filings (token_hash, kind, number, sealed_code, filed_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(once.hash())
    .bind(kind.code())
    .bind(number)
    .bind(once.seal(query_code))
    .bind(filed_at)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Duplicate("filing"));
    }
    Ok(())
}

/// A filing found by its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filed {
    pub number: String,
    /// The 查询码, while the receipt may still show it.
    pub query_code: Option<String>,
    pub filed_at: DateTime<FixedOffset>,
}

impl Filed {
    /// Whether a send at `now` is the same send as the one that filed (see [`SAME_SEND`]).
    fn same_send(&self, now: DateTime<Utc>) -> bool {
        now.signed_duration_since(self.filed_at) < SAME_SEND
    }
}

/// What `once` filed as `kind`, if anything.
pub async fn find(
    pool: &Pool,
    once: &Once,
    kind: Kind,
    now: DateTime<Utc>,
) -> Result<Option<Filed>, StoreError> {
    let row: Option<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT number, sealed_code, filed_at FROM filings WHERE token_hash = $1 AND kind = $2",
    )
    .bind(once.hash())
    .bind(kind.code())
    .fetch_optional(pool)
    .await?;
    let Some((number, sealed, filed_at)) = row else {
        return Ok(None);
    };
    let filed_at = crate::kernel::store::read_time("filing time", &filed_at)?;
    let showing = now.signed_duration_since(filed_at) < SHOW_FOR;
    Ok(Some(Filed {
        number,
        query_code: sealed.filter(|_| showing).and_then(|s| once.unseal(&s)),
        filed_at,
    }))
}

/// What this browser filed last as `kind` (the token in its receipt cookie), if anything.
pub async fn of_browser(
    pool: &Pool,
    headers: &axum::http::HeaderMap,
    kind: Kind,
    now: DateTime<Utc>,
) -> Result<Option<Filed>, StoreError> {
    match Once::from_cookie(headers, kind) {
        Some(once) => find(pool, &once, kind, now).await,
        None => Ok(None),
    }
}

/// The filing `once` made, when its form comes again before filing: with `true` when this is the
/// form sent again (a reload, Back and Forward), whose 查询码 is cleared at once — its receipt, now
/// and from now on whatever the address says, is without it; with `false` when it is the same
/// send (within [`SAME_SEND`]: a double click, whose second answer is the one the browser shows),
/// answered with the receipt as it was.
pub async fn sent_before(
    pool: &Pool,
    once: &Once,
    kind: Kind,
    now: DateTime<Utc>,
) -> Option<(Filed, bool)> {
    let filed = find(pool, once, kind, now).await.ok().flatten()?;
    if filed.same_send(now) {
        return Some((filed, false));
    }
    if let Err(e) = forget_code(pool, once).await {
        tracing::error!(error = %e, "cannot clear a receipt's code");
    }
    let filed = Filed {
        query_code: None,
        ..filed
    };
    Some((filed, true))
}

/// Clears the sealed 查询码 of `once`'s filing: its form was sent again, and from now on its
/// receipt is shown without the code, whatever the address says.
async fn forget_code(pool: &Pool, once: &Once) -> Result<(), StoreError> {
    sqlx::query("UPDATE filings SET sealed_code = NULL WHERE token_hash = $1")
        .bind(once.hash())
        .execute(pool)
        .await?;
    Ok(())
}

/// Clears the sealed 查询码 of filings past [`SHOW_FOR`] (the sweeper calls it hourly).
pub async fn forget_codes(pool: &Pool, now: DateTime<Utc>) -> Result<u64, StoreError> {
    // Stamps compare as text: all are RFC 3339 at +08:00.
    let before = crate::kernel::clock::Now(now - SHOW_FOR).stamp();
    let cleared = sqlx::query(
        "UPDATE filings SET sealed_code = NULL WHERE sealed_code IS NOT NULL AND filed_at < $1",
    )
    .bind(before)
    .execute(pool)
    .await?
    .rows_affected();
    // A form older than this is not sent again: its token is forgotten too.
    sqlx::query("DELETE FROM filings WHERE filed_at < $1")
        .bind(crate::kernel::clock::Now(now - KEEP_FOR).stamp())
        .execute(pool)
        .await?;
    Ok(cleared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_32_hex_digits_and_fresh_each_time() {
        let a = Once::new();
        assert_eq!(Once::parse(a.as_str()), Some(a.clone()));
        assert_ne!(a, Once::new());
        assert_eq!(Once::parse("xyz"), None);
        assert_eq!(Once::parse(&"A".repeat(32)), None);
        assert_eq!(Once::parse(&"0".repeat(33)), None);
    }

    #[test]
    fn a_sealed_code_opens_with_its_token_only() {
        let once = Once::new();
        let sealed = once.seal("ABCD-EFGH-JKLM").unwrap();
        assert!(!sealed.contains("ABCD"));
        assert_eq!(once.unseal(&sealed).as_deref(), Some("ABCD-EFGH-JKLM"));
        assert_ne!(
            Once::new().unseal(&sealed).as_deref(),
            Some("ABCD-EFGH-JKLM")
        );
    }

    #[test]
    fn the_cookie_carries_the_token_back() {
        let once = Once::new();
        let set = once.cookie(Kind::Petition, true);
        assert!(set.contains("HttpOnly") && set.contains("Secure") && set.contains("SameSite=Lax"));
        assert!(!set.contains("Max-Age"), "a session cookie");
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            format!("portal_lang=en; portal_receipt={}", once.as_str())
                .parse()
                .unwrap(),
        );
        assert_eq!(Once::from_cookie(&headers, Kind::Petition), Some(once));
        assert_eq!(Once::from_cookie(&headers, Kind::LegalAid), None);
    }
}
