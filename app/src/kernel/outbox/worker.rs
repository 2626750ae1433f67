//! Sending what the outbox holds, off the request path. Every server runs a worker; each message
//! is claimed by one of them with one conditional `UPDATE` (two servers asking at once never both
//! get it) and held for [`notify::CLAIM_SECONDS`] while it is sent. A sender that dies mid-send
//! lets the claim lapse, and another sends the message again under the same key (the gateway's
//! `Idempotency-Key`, the mail's `Message-ID`), so a repeat is recognisable as one; nothing
//! acknowledged by the outbox is lost. Failures are tried again with backoff and given up after
//! [`notify::MAX_ATTEMPTS`], every try recorded in `outbox_attempts`.

use super::transport::Letter;
use super::{Channel, QueuedRow};
use crate::domain::message::Msg;
use crate::domain::notify;
use crate::domain::prefs::Lang;
use crate::kernel::context::AppContext;
use crate::kernel::i18n::messages::{arg_in_script, in_script_with};
use crate::kernel::store::StoreError;
use chrono::{DateTime, Utc};

/// What the worker did in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub failed: usize,
}

/// How many due messages a sender claims at once and sends side by side (SMTP connections come
/// from lettre's pool, SMS requests from reqwest's): one claim per batch, and the transports'
/// round trips overlap.
pub const BATCH: i64 = 16;

/// The longest a send may take before it counts as failed (a server that accepts and then says
/// nothing): well within the claim ([`notify::CLAIM_SECONDS`]), so no other sender takes the
/// message while this one may still send it.
pub const SEND_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Sends every message that is due now through the context's transports, [`BATCH`] at a time,
/// until none is left; channels without a transport are left in the outbox.
pub async fn deliver_due(ctx: &AppContext) -> Result<Pass, StoreError> {
    let mut pass = Pass::default();
    let transports = &ctx.transports;
    let channels: Vec<&str> = [
        transports.sms.as_ref().map(|_| Channel::Sms.code()),
        transports.mail.as_ref().map(|_| Channel::Email.code()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if channels.is_empty() || !any_due(ctx, &channels).await? {
        return Ok(pass);
    }
    loop {
        let rows = claim(ctx, &channels).await?;
        if rows.is_empty() {
            return Ok(pass);
        }
        // One recipient's messages go one after another in their order (受理 before 办结, the
        // newest code last); recipients side by side. Each try is recorded as soon as it is
        // answered, so a slow one holds back no other's record.
        let mut groups: Vec<Vec<QueuedRow>> = Vec::new();
        for row in rows {
            match groups
                .iter_mut()
                .find(|g| g[0].recipient == row.recipient && g[0].channel == row.channel)
            {
                Some(group) => group.push(row),
                None => groups.push(vec![row]),
            }
        }
        // Every send ends (answered or not) before the claim does, so no other sender takes a
        // message this one may still be sending; what a recipient's earlier sends left no time
        // for waits for the claim to lapse and the next pass.
        let claim_ends = crate::kernel::clock::deadline(std::time::Duration::from_secs(
            u64::try_from(notify::CLAIM_SECONDS).unwrap_or(120) - 10,
        ));
        let passes = futures_util::future::join_all(groups.iter().map(|group| async move {
            let mut pass = Pass::default();
            for row in group {
                let limit = crate::kernel::clock::deadline(SEND_LIMIT).min(claim_ends);
                if limit <= crate::kernel::clock::deadline(std::time::Duration::from_secs(5)) {
                    break;
                }
                let started = ctx.clock.now();
                let result = match tokio::time::timeout_at(limit, send(ctx, row)).await {
                    Ok(result) => result,
                    Err(_) => Err("no answer in time (the send was given up)".to_owned()),
                };
                record(ctx, row, &result, started).await?;
                match result {
                    Ok(_) => pass.sent += 1,
                    Err(_) => {
                        // The recipient's later messages wait for this one's next try (their
                        // claim lapses after it is due again): never 办结 before 受理.
                        pass.failed += 1;
                        break;
                    }
                }
            }
            Ok::<_, StoreError>(pass)
        }))
        .await;
        for group in passes {
            let group = group?;
            pass.sent += group.sent;
            pass.failed += group.failed;
        }
    }
}

/// The rows a sender may take at `$1` (now, Unix ms) on `channels`: pending, due, not held.
fn due(channels: &[&str]) -> String {
    let list = channels
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("state = 'pending' AND due_ms <= $1 AND claimed_until_ms <= $1 AND channel IN ({list})")
}

/// Whether anything is due: a read, so that an idle worker never takes SQLite's write lock.
async fn any_due(ctx: &AppContext, channels: &[&str]) -> Result<bool, StoreError> {
    let now_ms = ctx.clock.now().timestamp_millis();
    Ok(sqlx::query_scalar::<_, i64>(&format!(
        "SELECT id FROM outbox WHERE {} LIMIT 1",
        due(channels)
    ))
    .bind(now_ms)
    .fetch_optional(&ctx.pool)
    .await?
    .is_some())
}

/// How often an idle worker looks for due messages.
pub const POLL: std::time::Duration = std::time::Duration::from_millis(500);

/// The worker: sends what is due, then looks again every [`POLL`], for the server's life. Says
/// once at start which channels have no transport (their messages stay in the outbox).
pub async fn run(ctx: AppContext) {
    let transports = &ctx.transports;
    if transports.sms.is_none() {
        tracing::warn!(
            "no SMS gateway (--sms-gateway-url): SMS are kept in the outbox, not sent; see /staff/outbox"
        );
    }
    if transports.mail.is_none() {
        tracing::warn!(
            "no SMTP server (--smtp-url): mail is kept in the outbox, not sent; see /staff/outbox"
        );
    }
    let mut ticks = tokio::time::interval(POLL);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match deliver_due(&ctx).await {
            Ok(Pass { sent: 0, failed: 0 }) => {}
            Ok(pass) => {
                tracing::info!(sent = pass.sent, failed = pass.failed, "notifications sent")
            }
            Err(e) => tracing::error!(error = %e, "cannot send the outbox's messages"),
        }
    }
}

/// Takes the next [`BATCH`] due messages of `channels` for this sender (none: nothing is due).
async fn claim(ctx: &AppContext, channels: &[&str]) -> Result<Vec<QueuedRow>, StoreError> {
    let now_ms = ctx.clock.now().timestamp_millis();
    let held = now_ms + notify::CLAIM_SECONDS * 1000;
    let due = due(channels);
    // The inner SELECT picks; the outer WHERE repeats the test so that of two servers picking the
    // same row, the one whose UPDATE comes second changes nothing (PostgreSQL re-checks the row
    // it waited for; SQLite runs one writer at a time).
    let mut rows = sqlx::query_as::<_, QueuedRow>(&format!(
        "UPDATE outbox SET claimed_until_ms = $2, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox WHERE {due} ORDER BY due_ms, id LIMIT $3) AND {due} \
         RETURNING {}",
        super::QUEUED_COLUMNS
    ))
    .bind(now_ms)
    .bind(held)
    .bind(BATCH)
    .fetch_all(&ctx.pool)
    .await?;
    rows.sort_by_key(|r| (r.due_ms, r.id));
    Ok(rows)
}

/// The message's words in the citizen's language and script, signed with the bureau's name.
pub fn text(ctx: &AppContext, lang: Lang, message: &Msg) -> String {
    let signed = crate::domain::msg!("notice-signed", text = message.clone())
        .with_name("bureau", ctx.config.bureau.name.clone());
    in_script_with(lang, &signed, &ctx.config.english)
}

/// The template's parameters as the citizen reads them.
fn params(
    ctx: &AppContext,
    lang: Lang,
    message: &Msg,
) -> serde_json::Map<String, serde_json::Value> {
    message
        .args
        .iter()
        .map(|(name, arg)| {
            let value = arg_in_script(lang, arg, &ctx.config.english);
            (name.to_string(), serde_json::Value::String(value))
        })
        .collect()
}

async fn send(ctx: &AppContext, row: &QueuedRow) -> Result<String, String> {
    let transports = &ctx.transports;
    let message = row
        .message()
        .ok_or_else(|| "the stored message cannot be read".to_owned())?;
    let lang = row.lang();
    let text = text(ctx, lang, &message);
    let subject_id = if notify::is_for_staff(&message) {
        "staff-notice-mail-subject"
    } else {
        "notice-mail-subject"
    };
    let subject = in_script_with(
        lang,
        &crate::domain::message::Msg::new(subject_id)
            .with_name("bureau", ctx.config.bureau.name.clone()),
        &ctx.config.english,
    );
    let letter = Letter {
        key: &row.key,
        to: &row.recipient,
        template: &message.id,
        params: params(ctx, lang, &message),
        subject: &subject,
        text: &text,
    };
    match Channel::parse(&row.channel) {
        Some(Channel::Sms) => match &transports.sms {
            Some(gateway) => gateway.send(&letter).await,
            None => Err("no SMS gateway is configured".to_owned()),
        },
        Some(Channel::Email) => match &transports.mail {
            Some(mailer) => mailer.send(&letter).await,
            None => Err("no SMTP server is configured".to_owned()),
        },
        None => Err(format!("unknown channel {}", row.channel)),
    }
}

/// Records a try and its outcome.
async fn record(
    ctx: &AppContext,
    row: &QueuedRow,
    result: &Result<String, String>,
    started: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut write = crate::kernel::store::begin_write(&ctx.pool).await?;
    record_one(ctx, &mut write.tx, row, result, started).await?;
    write.tx.commit().await?;
    Ok(())
}

async fn record_one(
    ctx: &AppContext,
    tx: &mut crate::kernel::store::Tx,
    row: &QueuedRow,
    result: &Result<String, String>,
    started: DateTime<Utc>,
) -> Result<(), StoreError> {
    let now = ctx.clock.now();
    let attempts = u32::try_from(row.attempts).unwrap_or(u32::MAX);
    // Kept for the config's days (the outbox keeps no more than the record needs); a code, once
    // sent, not at all: its text loses the code and the row goes at the next hourly sweep.
    let urgent = row.message().is_some_and(|m| notify::is_urgent(&m));
    // A digest is kept past its day whatever the config says: its row is what tells the next
    // hour's run that the day's digest went.
    let digest = row
        .message()
        .is_some_and(|m| &*m.id == "staff-notice-digest");
    let days = i64::from(ctx.config.notifications.keep_days).max(if digest { 2 } else { 0 });
    let kept = if urgent {
        now.timestamp_millis()
    } else {
        (now + chrono::Duration::days(days)).timestamp_millis()
    };
    let (ok, detail) = match result {
        Ok(detail) => (true, detail.clone()),
        Err(error) => (false, error.clone()),
    };
    // A server that echoes the message must not leave its code in the record.
    let detail = match row.message() {
        Some(m) => notify::scrubbed(&m, &detail),
        None => detail,
    };
    // A code's text, once it will not be tried again, without the code.
    let redacted_text = match row.message().filter(|_| urgent) {
        Some(m) => serde_json::to_string(&notify::redacted(&m)).unwrap_or_default(),
        None => row.message.clone(),
    };
    sqlx::query("INSERT INTO outbox_attempts (outbox_id, at, ok, detail) VALUES ($1, $2, $3, $4)")
        .bind(row.id)
        .bind(started.to_rfc3339())
        .bind(i64::from(ok))
        .bind(&detail)
        .execute(&mut **tx)
        .await?;
    if ok {
        sqlx::query(
            "UPDATE outbox SET state = 'sent', sent_at = $2, claimed_until_ms = 0, \
             last_error = NULL, expires_ms = $3, message = $4 WHERE id = $1",
        )
        .bind(row.id)
        .bind(now.to_rfc3339())
        .bind(kept)
        .bind(&redacted_text)
        .execute(&mut **tx)
        .await?;
    } else {
        match notify::retry_after(attempts) {
            Some(wait) => {
                sqlx::query(
                    "UPDATE outbox SET due_ms = $2, claimed_until_ms = 0, last_error = $3 \
                     WHERE id = $1 AND state = 'pending'",
                )
                .bind(row.id)
                // From when the try began: a slow answer does not push the next try later.
                .bind((started + wait).timestamp_millis())
                .bind(&detail)
                .execute(&mut **tx)
                .await?;
            }
            None => {
                tracing::warn!(id = row.id, channel = %row.channel, %detail, "a notification was given up");
                sqlx::query(
                    "UPDATE outbox SET state = 'failed', claimed_until_ms = 0, last_error = $2, \
                     expires_ms = $3, message = $4 WHERE id = $1",
                )
                .bind(row.id)
                .bind(&detail)
                .bind(kept)
                .bind(&redacted_text)
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    Ok(())
}

/// Deletes sent and given-up messages whose time is past (the hourly work).
pub async fn sweep(ctx: &AppContext, now: DateTime<Utc>) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "DELETE FROM outbox WHERE state IN ('sent', 'failed', 'stopped') \
         AND expires_ms IS NOT NULL AND expires_ms <= $1",
    )
    .bind(now.timestamp_millis())
    .execute(&ctx.pool)
    .await?
    .rows_affected())
}
