//! What the guards remember, in the database: failures per scope and key
//! (`throttle_failures`), and filings per key (`filing_charges`). Times are Unix milliseconds.

use crate::domain::throttle::{Failures, Instant, ThrottleRule};
use crate::kernel::store::{Pool, StoreError, Tx};
use sqlx::Row as _;

fn millis(at: Instant) -> i64 {
    at.timestamp_millis()
}

fn instant(ms: i64) -> Result<Instant, StoreError> {
    chrono::DateTime::from_timestamp_millis(ms).ok_or(StoreError::Corrupt {
        what: "throttle time",
        value: ms.to_string(),
    })
}

fn row_failures(row: &sqlx::any::AnyRow) -> Result<Failures, StoreError> {
    let count: i64 = row.try_get("failures")?;
    Ok(Failures {
        count: u32::try_from(count).unwrap_or(u32::MAX),
        last: instant(row.try_get("last_failure_ms")?)?,
    })
}

/// The failures of two scoped keys (a key and a client), in one query.
pub async fn failures(
    pool: &Pool,
    (scope_a, key_a): (&str, &str),
    (scope_b, key_b): (&str, &str),
) -> Result<(Option<Failures>, Option<Failures>), StoreError> {
    let rows = sqlx::query(
        "SELECT scope, subject, failures, last_failure_ms FROM throttle_failures \
         WHERE (scope = $1 AND subject = $2) OR (scope = $3 AND subject = $4)",
    )
    .bind(scope_a)
    .bind(key_a)
    .bind(scope_b)
    .bind(key_b)
    .fetch_all(pool)
    .await?;
    let (mut a, mut b) = (None, None);
    for row in &rows {
        let (scope, key): (String, String) = (row.try_get("scope")?, row.try_get("subject")?);
        if scope == scope_a && key == key_a {
            a = Some(row_failures(row)?);
        }
        if scope == scope_b && key == key_b {
            b = Some(row_failures(row)?);
        }
    }
    Ok((a, b))
}

/// Records one failure of `key` in `scope` at `now` by `rule`. The new count is worked out by the
/// rule and written only over what it was worked out from, so failures recorded at once by
/// several servers are all counted.
pub async fn fail(
    pool: &Pool,
    scope: &str,
    key: &str,
    rule: ThrottleRule,
    now: Instant,
) -> Result<(), StoreError> {
    for _ in 0..16 {
        let (current, _) = failures(pool, (scope, key), (scope, key)).await?;
        let next = rule.after_failure(current, now);
        let count = i64::from(next.count);
        let written = match current {
            None => sqlx::query(
                "INSERT INTO throttle_failures (scope, subject, failures, last_failure_ms) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (scope, subject) DO NOTHING",
            )
            .bind(scope)
            .bind(key)
            .bind(count)
            .bind(millis(next.last))
            .execute(pool)
            .await?
            .rows_affected(),
            Some(was) => sqlx::query(
                "UPDATE throttle_failures SET failures = $3, last_failure_ms = $4 \
                 WHERE scope = $1 AND subject = $2 AND failures = $5 AND last_failure_ms = $6",
            )
            .bind(scope)
            .bind(key)
            .bind(count)
            .bind(millis(next.last))
            .bind(i64::from(was.count))
            .bind(millis(was.last))
            .execute(pool)
            .await?
            .rows_affected(),
        };
        if written == 1 {
            return Ok(());
        }
    }
    Err(StoreError::Interrupted)
}

/// Forgets the failures of `key` in `scope` (after a success).
pub async fn forget(pool: &Pool, scope: &str, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM throttle_failures WHERE scope = $1 AND subject = $2")
        .bind(scope)
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

/// How many filings `key` has had after `since`, and when the oldest of them was.
pub async fn filings_since(
    tx: &mut Tx,
    key: &str,
    since: Instant,
) -> Result<(u32, Option<Instant>), StoreError> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM filing_charges \
         WHERE subject = $1 AND at_ms > $2",
    )
    .bind(key)
    .bind(millis(since))
    .fetch_one(&mut **tx)
    .await?;
    let count: i64 = row.try_get("n")?;
    let oldest: Option<i64> = row.try_get("oldest")?;
    Ok((
        u32::try_from(count).unwrap_or(u32::MAX),
        oldest.map(instant).transpose()?,
    ))
}

/// Counts one filing of `key` at `now`.
pub async fn count_filing(tx: &mut Tx, key: &str, now: Instant) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO filing_charges (subject, at_ms) VALUES ($1, $2)")
        .bind(key)
        .bind(millis(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Deletes what no rule looks at any more: failures last recorded `memory` before `now` and
/// filings a day old (the longest window). Returns how many rows went.
pub async fn sweep(
    pool: &Pool,
    now: Instant,
    memory: std::time::Duration,
) -> Result<u64, StoreError> {
    let memory = chrono::Duration::from_std(memory).unwrap_or(chrono::Duration::days(1));
    let day = chrono::Duration::days(1);
    let failures = sqlx::query("DELETE FROM throttle_failures WHERE last_failure_ms <= $1")
        .bind(millis(now - memory))
        .execute(pool)
        .await?
        .rows_affected();
    let filings = sqlx::query("DELETE FROM filing_charges WHERE at_ms <= $1")
        .bind(millis(now - day))
        .execute(pool)
        .await?
        .rows_affected();
    Ok(failures + filings)
}
