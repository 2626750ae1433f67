//! Proving a mobile number with a 6-digit code sent to it by SMS (我的事项, a lost 查询码): the
//! code is kept as a keyed hash for [`notify::CODE_MINUTES`], works once, and is spent after
//! [`notify::CODE_TRIES`] wrong tries; the right one opens a session of its own for
//! [`notify::SESSION_MINUTES`], named by a cookie that carries a random token (kept as its keyed
//! hash; nothing else: not the mobile). Codes asked for are limited per number and per client
//! (`guard::SendLimits`), codes typed throttled likewise (`guard::code_check_guard`), and every
//! answer is the same whether or not the number has matters here: a code is only sent to one
//! that has.

use crate::domain::message::Msg;
use crate::domain::notify::{self, CodeRefusal};
use crate::domain::person::mobile::Mobile;
use crate::domain::prefs::Lang;
use crate::domain::text::FieldProblem;
use crate::kernel::clock::Now;
use crate::kernel::context::AppContext;
use crate::kernel::error::AppError;
use crate::kernel::outbox::{Channel, Outgoing, enqueue};
use crate::kernel::store::{Pool, StoreError};
use argon2::password_hash::rand_core::{OsRng, RngCore};

/// The cookie that names a session.
pub const COOKIE: &str = "portal_mine";
const CODE_TAG: &str = "sms-code";
const SESSION_TAG: &str = "mine-session";

/// The mobile typed, or the problem with it (on the field `mobile`).
pub fn parse_mobile(text: &str) -> Result<Mobile, AppError> {
    Mobile::parse(text)
        .map_err(|e| AppError::Invalid(vec![FieldProblem::new("mobile", e.code(), e.message())]))
}

fn random_code() -> String {
    // Rejection sampling keeps the six digits uniform.
    let limit = u32::MAX - u32::MAX % 1_000_000;
    loop {
        let x = OsRng.next_u32();
        if x < limit {
            return format!("{:06}", x % 1_000_000);
        }
    }
}

/// Sends a code to `mobile` if `known` (it has matters here), in `lang`. Every request counts
/// against the number and the client (`guard::SendLimits`), known or not, and does the same
/// work — a live code's row; for an unknown number one whose code is sent to no one — so that
/// neither the answer, nor its time, nor the time of the codes typed against it says whether
/// the number has matters.
pub async fn send(
    ctx: &AppContext,
    mobile: &Mobile,
    known: bool,
    client: &str,
    lang: Lang,
    now: Now,
) -> Result<(), AppError> {
    issue(ctx, mobile.as_str(), known, client, lang, now)
        .await
        .map_err(limited)
}

/// A limit reached is said as too many tries (with the wait); other errors as they are.
pub fn limited(e: StoreError) -> AppError {
    match e {
        StoreError::OverLimit(wait) => AppError::TooManyAttempts(wait),
        e => e.into(),
    }
}

async fn issue(
    ctx: &AppContext,
    mobile: &str,
    known: bool,
    client: &str,
    lang: Lang,
    now: Now,
) -> Result<(), StoreError> {
    let code = random_code();
    let tag = ctx.code_key.tag(CODE_TAG, &format!("{mobile}:{code}"));
    let at = now.utc().timestamp_millis();
    // A number with no matters gets a live row too, whose code no one is sent: typing codes
    // against it costs what it costs against a known number's (a right guess, one in a
    // million per try, opens an empty list).
    let expires = at + notify::CODE_MINUTES * 60_000;
    let mut write = crate::kernel::store::begin_write(&ctx.pool).await?;
    ctx.code_send_limits
        .charge(&mut write.tx, mobile, client, now.utc())
        .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sms_codes (mobile, code_hash, created_ms, expires_ms) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(mobile)
    .bind(&tag)
    .bind(at)
    .bind(expires)
    .fetch_one(&mut *write.tx)
    .await?;
    if known {
        let key = format!("code:{id}:{at}:sms");
        let message: Msg = notify::sign_in_code(&code);
        enqueue(
            &mut write.tx,
            &Outgoing {
                key: &key,
                channel: Channel::Sms,
                recipient: mobile,
                lang,
                message: &message,
                subject: None,
            },
            now.utc(),
        )
        .await?;
    }
    write.tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct LiveCode {
    id: i64,
    code_hash: String,
}

/// A session's token: 128 random bits, as the cookie carries it (32 hex digits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session(String);

impl Session {
    fn new() -> Self {
        let mut bytes = [0u8; 16];
        OsRng.fill_bytes(&mut bytes);
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A token as a cookie carried it, if it has a token's shape.
    fn parse(text: &str) -> Option<Self> {
        (text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| Self(text.to_owned()))
    }

    /// What the database keeps of it: its keyed hash.
    fn hash(&self, ctx: &AppContext) -> String {
        ctx.code_key.tag(SESSION_TAG, &self.0)
    }
}

/// Checks `code` against the newest live code sent to `mobile`: a new session when right.
/// A wrong, spent or expired code and a number never sent one get the same answer.
pub async fn check(
    ctx: &AppContext,
    mobile: &Mobile,
    code: &str,
    client: &str,
    now: Now,
) -> Result<Session, AppError> {
    let Some(code) = notify::parse_sign_in_code(code) else {
        return Err(refusal(CodeRefusal::Malformed));
    };
    let attempt = ctx
        .code_check_guard
        .attempt(&ctx.pool, mobile.as_str(), client, now.utc())
        .await?;
    let result = judge(ctx, mobile.as_str(), &code, now).await;
    match &result {
        Ok(Some(_)) => ctx.code_check_guard.succeeded(attempt).await,
        Ok(None) => ctx.code_check_guard.failed(attempt).await,
        Err(_) => ctx.code_check_guard.not_counted(attempt),
    }
    result?.ok_or_else(|| refusal(CodeRefusal::NotRight))
}

fn refusal(r: CodeRefusal) -> AppError {
    let code = match r {
        CodeRefusal::Malformed => "malformed",
        CodeRefusal::NotRight => "not_right",
    };
    AppError::Invalid(vec![FieldProblem::new("code", code, r.message())])
}

async fn judge(
    ctx: &AppContext,
    mobile: &str,
    code: &str,
    now: Now,
) -> Result<Option<Session>, StoreError> {
    let at = now.utc().timestamp_millis();
    let live = sqlx::query_as::<_, LiveCode>(
        "SELECT id, code_hash FROM sms_codes WHERE mobile = $1 AND expires_ms > $2 \
         AND used_ms IS NULL AND wrong < $3 ORDER BY id DESC LIMIT 1",
    )
    .bind(mobile)
    .bind(at)
    .bind(notify::CODE_TRIES)
    .fetch_optional(&ctx.pool)
    .await?;
    let Some(live) = live else { return Ok(None) };
    // Each try takes one of the code's tries before it is compared, so tries sent together
    // cannot pass the limit between a read and a write.
    let reserved = sqlx::query(
        "UPDATE sms_codes SET wrong = wrong + 1 WHERE id = $1 AND wrong < $2 AND used_ms IS NULL",
    )
    .bind(live.id)
    .bind(notify::CODE_TRIES)
    .execute(&ctx.pool)
    .await?
    .rows_affected();
    if reserved != 1
        || !ctx
            .code_key
            .verify_tag(CODE_TAG, &format!("{mobile}:{code}"), &live.code_hash)
    {
        return Ok(None);
    }
    // Once: of two posts of the same code, one opens the session.
    let session = Session::new();
    let used = sqlx::query(
        "UPDATE sms_codes SET used_ms = $1, wrong = wrong - 1, session_hash = $3 \
         WHERE id = $2 AND used_ms IS NULL",
    )
    .bind(at)
    .bind(live.id)
    .bind(session.hash(ctx))
    .execute(&ctx.pool)
    .await?
    .rows_affected();
    Ok((used == 1).then_some(session))
}

/// The `Set-Cookie` value for `session` (none: the cookie cleared).
pub fn cookie(session: Option<&Session>, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    match session {
        Some(session) => format!(
            "{COOKIE}={}; Path=/; Max-Age={}; SameSite=Lax; HttpOnly{secure}",
            session.0,
            notify::SESSION_MINUTES * 60
        ),
        None => format!("{COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly{secure}"),
    }
}

/// The session the request's cookie names, if it has a token's shape (not yet whether it is
/// one, or open).
pub fn session_of(headers: &axum::http::HeaderMap) -> Option<Session> {
    crate::kernel::client::cookie(headers, COOKIE).and_then(Session::parse)
}

/// The mobile a session proved, while it is open.
pub async fn holder(
    ctx: &AppContext,
    session: &Session,
    now: Now,
) -> Result<Option<String>, AppError> {
    let since = now.utc().timestamp_millis() - notify::SESSION_MINUTES * 60_000;
    Ok(sqlx::query_scalar::<_, String>(
        "SELECT mobile FROM sms_codes WHERE session_hash = $1 AND used_ms > $2 \
         AND ended_ms IS NULL",
    )
    .bind(session.hash(ctx))
    .bind(since)
    .fetch_optional(&ctx.pool)
    .await
    .map_err(StoreError::from)?)
}

/// Ends a session (退出).
pub async fn end(ctx: &AppContext, session: &Session, now: Now) -> Result<(), AppError> {
    sqlx::query("UPDATE sms_codes SET ended_ms = $1 WHERE session_hash = $2")
        .bind(now.utc().timestamp_millis())
        .bind(session.hash(ctx))
        .execute(&ctx.pool)
        .await
        .map_err(StoreError::from)?;
    Ok(())
}

/// Deletes codes a day old (their sessions long over): the hourly work.
pub async fn sweep(pool: &Pool, now: chrono::DateTime<chrono::Utc>) -> Result<u64, StoreError> {
    Ok(sqlx::query("DELETE FROM sms_codes WHERE created_ms < $1")
        .bind((now - chrono::Duration::days(1)).timestamp_millis())
        .execute(pool)
        .await?
        .rows_affected())
}

#[cfg(test)]
mod tests {
    #[test]
    fn session_tokens_are_128_random_bits_in_hex() {
        let (a, b) = (super::Session::new(), super::Session::new());
        assert_ne!(a, b);
        assert_eq!(super::Session::parse(&a.0), Some(a.clone()));
        assert_eq!(super::Session::parse("1.abcdef"), None);
        assert_eq!(super::Session::parse(&a.0.to_uppercase()), None);
        assert_eq!(super::Session::parse(&a.0[..31]), None);
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let c = super::random_code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
