//! The outbox (issue 16): every notification is written here in the transaction of the event
//! that causes it, so that an event is never recorded without its message nor a message queued
//! for an event rolled back. A worker (`worker`) sends them afterwards, once across the servers
//! of a portal: each row is claimed for a while by one sender before it is sent.
//!
//! What a citizen asked to be told through is kept per matter (`notify_subscriptions`); nothing
//! is queued for a matter whose messages were stopped.

pub mod transport;
pub mod worker;

use crate::domain::message::Msg;
use crate::domain::notify::{self, Notify};
use crate::domain::prefs::Lang;
use crate::kernel::store::{Pool, StoreError, Tx};
use chrono::{DateTime, Utc};

/// The matter a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Petition(i64),
    LegalAid(i64),
}

impl Subject {
    pub fn code(self) -> &'static str {
        match self {
            Self::Petition(_) => "petition",
            Self::LegalAid(_) => "legal_aid",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Self::Petition(id) | Self::LegalAid(id) => id,
        }
    }
}

/// How a message goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Email => "email",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "sms" => Some(Self::Sms),
            "email" => Some(Self::Email),
            _ => None,
        }
    }
}

/// `"notify"` of `POST /api/v1/petitions` and `/api/v1/legal-aid`, for the OpenAPI document
/// (`domain::notify::NotifyInput` is what is read; a unit test keeps the two alike).
#[derive(utoipa::ToSchema)]
#[schema(as = NotifyInput)]
#[allow(dead_code)]
pub struct NotifyInputDoc {
    /// SMS to the mobile given: on receipt and at each public step.
    /// Sent 08:00–22:00 Beijing time only.
    sms: bool,
    /// Email as well, to this address (optional).
    email: Option<String>,
}

/// Records what the citizen chose for a new matter (nothing when they chose nothing), in the
/// matter's insert transaction.
pub async fn subscribe(
    tx: &mut Tx,
    subject: Subject,
    notify: &Notify,
    mobile: &str,
    lang: Lang,
) -> Result<(), StoreError> {
    if notify.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO notify_subscriptions (subject, subject_id, sms_to, email_to, lang) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(subject.code())
    .bind(subject.id())
    .bind(notify.sms.then_some(mobile))
    .bind(notify.email.as_deref())
    .bind(lang.code())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What a matter's citizen is told through, as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    pub sms_to: Option<String>,
    pub email_to: Option<String>,
    pub lang: Lang,
    pub stopped: bool,
}

#[derive(sqlx::FromRow)]
struct SubscriptionRow {
    sms_to: Option<String>,
    email_to: Option<String>,
    lang: String,
    stopped_at: Option<String>,
}

async fn subscription_in<'e, E>(db: E, subject: Subject) -> Result<Option<Subscription>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query_as::<_, SubscriptionRow>(
        "SELECT sms_to, email_to, lang, stopped_at FROM notify_subscriptions \
         WHERE subject = $1 AND subject_id = $2",
    )
    .bind(subject.code())
    .bind(subject.id())
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| Subscription {
        sms_to: r.sms_to,
        email_to: r.email_to,
        lang: Lang::from_code(&r.lang).unwrap_or_default(),
        stopped: r.stopped_at.is_some(),
    }))
}

/// What a matter's citizen chose and whether they stopped it (None when they chose nothing).
pub async fn subscription(
    pool: &Pool,
    subject: Subject,
) -> Result<Option<Subscription>, StoreError> {
    subscription_in(pool, subject).await
}

/// The citizen stops messages for a matter (from its status page): nothing more is queued for
/// it, and what waits is not sent. Returns whether there was anything to stop.
pub async fn stop(pool: &Pool, subject: Subject, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let mut tx = pool.begin().await?;
    let stopped = sqlx::query(
        "UPDATE notify_subscriptions SET stopped_at = $1 \
         WHERE subject = $2 AND subject_id = $3 AND stopped_at IS NULL",
    )
    .bind(now.to_rfc3339())
    .bind(subject.code())
    .bind(subject.id())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0;
    sqlx::query(
        "UPDATE outbox SET state = 'stopped', expires_ms = $1 \
         WHERE subject = $2 AND subject_id = $3 AND state = 'pending'",
    )
    .bind(now.timestamp_millis())
    .bind(subject.code())
    .bind(subject.id())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(stopped)
}

/// Queues `message` for the matter's citizen on every channel they chose, unless they stopped
/// messages for it. `event` names what caused it (an event's id, a reminder's day): with the
/// matter and the channel it makes the row's key, so the same cause never queues twice.
pub async fn notify_citizen(
    tx: &mut Tx,
    subject: Subject,
    event: &str,
    message: &Msg,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(sub) = subscription_in(&mut **tx, subject).await? else {
        return Ok(());
    };
    if sub.stopped {
        return Ok(());
    }
    let to = [
        (Channel::Sms, sub.sms_to.as_deref()),
        (Channel::Email, sub.email_to.as_deref()),
    ];
    for (channel, recipient) in to {
        let Some(recipient) = recipient else { continue };
        let key = format!(
            "{}:{}:{event}:{}",
            subject.code(),
            subject.id(),
            channel.code()
        );
        enqueue(
            tx,
            &Outgoing {
                key: &key,
                channel,
                recipient,
                lang: sub.lang,
                message,
                subject: Some(subject),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// One message to queue.
pub struct Outgoing<'a> {
    pub key: &'a str,
    pub channel: Channel,
    pub recipient: &'a str,
    pub lang: Lang,
    pub message: &'a Msg,
    pub subject: Option<Subject>,
}

/// Queues one message (nothing when a message with its key is queued already). A status SMS
/// created at night waits for the morning; codes and email go at once.
pub async fn enqueue(
    tx: &mut Tx,
    out: &Outgoing<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let due = notify::not_before(
        now.fixed_offset(),
        out.channel == Channel::Sms,
        notify::is_urgent(out.message),
    );
    let message = serde_json::to_string(out.message).map_err(|_| StoreError::Corrupt {
        what: "notification",
        value: format!("{:?}", out.message),
    })?;
    sqlx::query(
        "INSERT INTO outbox (key, channel, recipient, lang, message, subject, subject_id, \
         created_at, due_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(out.key)
    .bind(out.channel.code())
    .bind(out.recipient)
    .bind(out.lang.code())
    .bind(&message)
    .bind(out.subject.map(Subject::code))
    .bind(out.subject.map(Subject::id))
    .bind(now.to_rfc3339())
    .bind(due.timestamp_millis())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A message as the workbench's outbox page shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueuedRow {
    pub id: i64,
    pub key: String,
    pub channel: String,
    pub recipient: String,
    pub lang: String,
    pub message: String,
    pub subject: Option<String>,
    pub subject_id: Option<i64>,
    pub created_at: String,
    pub due_ms: i64,
    pub attempts: i64,
    pub state: String,
    pub last_error: Option<String>,
    pub sent_at: Option<String>,
}

impl QueuedRow {
    pub fn message(&self) -> Option<Msg> {
        serde_json::from_str(&self.message).ok()
    }

    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.lang).unwrap_or_default()
    }
}

const QUEUED_COLUMNS: &str = "id, key, channel, recipient, lang, message, subject, subject_id, \
     created_at, due_ms, attempts, state, last_error, sent_at";

/// The newest `limit` messages, failed ones first.
pub async fn recent(pool: &Pool, limit: i64) -> Result<Vec<QueuedRow>, StoreError> {
    Ok(sqlx::query_as::<_, QueuedRow>(&format!(
        "SELECT {QUEUED_COLUMNS} FROM outbox \
         ORDER BY CASE state WHEN 'failed' THEN 0 ELSE 1 END, id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// How many messages were given up (shown on the workbench).
pub async fn failed_count(pool: &Pool) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE state = 'failed'")
            .fetch_one(pool)
            .await?,
    )
}

/// Whether a message with `key` is in the outbox (queued, sent or given up, and not yet swept).
pub async fn queued(pool: &Pool, key: &str) -> Result<bool, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT id FROM outbox WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?
            .is_some(),
    )
}
