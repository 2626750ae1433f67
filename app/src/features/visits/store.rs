//! Every SQL statement of reception sessions and bookings (portable SQL, binds).

use crate::kernel::store::{Pool, StoreError, Tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub id: i64,
    pub day: String,
    pub kind: String,
    pub leader: Option<String>,
    pub office: Option<String>,
    pub place: String,
    pub starts: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SlotRow {
    pub id: i64,
    pub session_id: i64,
    pub starts: String,
    pub ends: String,
    pub capacity: i64,
    pub booked: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct BookingRow {
    pub id: i64,
    pub number: String,
    pub code_hash: String,
    pub slot_id: i64,
    pub name: String,
    pub mobile: String,
    pub summary: String,
    pub lang: String,
    pub status: String,
    pub booked_at: String,
    pub case_number: Option<String>,
}

const SESSION: &str = "SELECT id, day, kind, leader, office, place, starts FROM reception_sessions";
const BOOKING: &str = "SELECT id, number, code_hash, slot_id, name, mobile, summary, lang, status, \
                       booked_at, case_number FROM bookings";

/// A new session and its slots; its id.
pub async fn insert_session(
    tx: &mut Tx,
    session: &crate::domain::reception::NewSession,
    staff: i64,
    at: &str,
) -> Result<i64, StoreError> {
    let starts = session
        .slots
        .first()
        .map(|s| s.start.format("%H:%M").to_string())
        .unwrap_or_default();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO reception_sessions (day, kind, leader, office, place, starts, created_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(crate::kernel::store::date_text(session.day))
    .bind(session.kind.code())
    .bind(session.leader.as_deref())
    .bind(session.office.as_deref())
    .bind(&session.place)
    .bind(starts)
    .bind(staff)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    for slot in &session.slots {
        sqlx::query(
            "INSERT INTO reception_slots (session_id, starts, ends, capacity) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(slot.start.format("%H:%M").to_string())
        .bind(slot.end.format("%H:%M").to_string())
        .bind(i64::from(slot.capacity))
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

/// Sessions not cancelled from `from` (`YYYY-MM-DD`) to `to`, by day and start.
pub async fn sessions_between(
    pool: &Pool,
    from: &str,
    to: &str,
) -> Result<Vec<SessionRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SESSION} WHERE cancelled_at IS NULL AND day >= $1 AND day <= $2 ORDER BY day, starts, id"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?)
}

pub async fn session(pool: &Pool, id: i64) -> Result<Option<SessionRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{SESSION} WHERE id = $1 AND cancelled_at IS NULL"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

/// Session `id`, cancelled or not (a booking's).
pub async fn session_any(pool: &Pool, id: i64) -> Result<Option<SessionRow>, StoreError> {
    Ok(sqlx::query_as(&format!("{SESSION} WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?)
}

/// The slots of the sessions `ids`, by start.
pub async fn slots_of(pool: &Pool, ids: &[i64]) -> Result<Vec<SlotRow>, StoreError> {
    let mut slots = Vec::new();
    for id in ids {
        let rows: Vec<SlotRow> = sqlx::query_as(
            "SELECT id, session_id, starts, ends, capacity, booked FROM reception_slots \
             WHERE session_id = $1 ORDER BY starts",
        )
        .bind(id)
        .fetch_all(pool)
        .await?;
        slots.extend(rows);
    }
    Ok(slots)
}

pub async fn slot(pool: &Pool, id: i64) -> Result<Option<SlotRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, session_id, starts, ends, capacity, booked FROM reception_slots WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Takes one place of `slot` if one is left and its session is still published; whether it did.
/// One statement, so two bookings of the last place cannot both take it.
pub async fn take_place(tx: &mut Tx, slot: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE reception_slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity \
         AND session_id IN (SELECT id FROM reception_sessions WHERE cancelled_at IS NULL)",
    )
    .bind(slot)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

async fn give_back_place(tx: &mut Tx, slot: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE reception_slots SET booked = booked - 1 WHERE id = $1 AND booked > 0")
        .bind(slot)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether `mobile` holds a place in `slot` already.
pub async fn holds_place(tx: &mut Tx, slot: i64, mobile: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE slot_id = $1 AND mobile = $2 AND status <> 'cancelled'",
    )
    .bind(slot)
    .bind(mobile)
    .fetch_one(&mut **tx)
    .await?;
    Ok(n > 0)
}

pub struct NewBooking<'a> {
    pub number: &'a str,
    pub code_hash: &'a str,
    pub slot: i64,
    pub name: &'a str,
    pub mobile: &'a str,
    pub summary: &'a str,
    pub lang: &'a str,
    pub at: &'a str,
}

pub async fn insert_booking(tx: &mut Tx, b: &NewBooking<'_>) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO bookings (number, code_hash, slot_id, name, mobile, summary, lang, status, \
         booked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', $8) RETURNING id",
    )
    .bind(b.number)
    .bind(b.code_hash)
    .bind(b.slot)
    .bind(b.name)
    .bind(b.mobile)
    .bind(b.summary)
    .bind(b.lang)
    .bind(b.at)
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| match &e {
        // The one place per mobile and slot (the number is taken under the day's counter lock).
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate("place"),
        _ => StoreError::Database(e),
    })
}

pub async fn booking(pool: &Pool, number: &str) -> Result<Option<BookingRow>, StoreError> {
    Ok(sqlx::query_as(&format!("{BOOKING} WHERE number = $1"))
        .bind(number)
        .fetch_optional(pool)
        .await?)
}

pub async fn booking_by_id(pool: &Pool, id: i64) -> Result<Option<BookingRow>, StoreError> {
    Ok(sqlx::query_as(&format!("{BOOKING} WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?)
}

/// The bookings of the slots `ids`, in the order they were made.
pub async fn bookings_of_slots(pool: &Pool, ids: &[i64]) -> Result<Vec<BookingRow>, StoreError> {
    let mut out = Vec::new();
    for id in ids {
        let rows: Vec<BookingRow> =
            sqlx::query_as(&format!("{BOOKING} WHERE slot_id = $1 ORDER BY id"))
                .bind(id)
                .fetch_all(pool)
                .await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Moves booking `id` from `from` to `to` (giving its place back when `to` holds none); whether
/// it was still `from`.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    from: &str,
    to: crate::domain::reception::BookingStatus,
    staff: Option<i64>,
    at: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE bookings SET status = $1, changed_at = $2, changed_by = $3 \
         WHERE id = $4 AND status = $5",
    )
    .bind(to.code())
    .bind(at)
    .bind(staff)
    .bind(id)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 1 && !to.holds_place() {
        let slot: i64 = sqlx::query_scalar("SELECT slot_id FROM bookings WHERE id = $1")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
        give_back_place(tx, slot).await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Records the case an arrival was registered as (once); whether it was not yet.
pub async fn set_case(
    tx: &mut Tx,
    number: &str,
    case: &str,
    staff: i64,
    at: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE bookings SET case_number = $1, status = 'arrived', changed_at = $2, \
         changed_by = $3 WHERE number = $4 AND case_number IS NULL \
         AND status IN ('booked', 'arrived')",
    )
    .bind(case)
    .bind(at)
    .bind(staff)
    .bind(number)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Cancels session `id` if nobody holds a place in it; whether it did.
pub async fn cancel_session(tx: &mut Tx, id: i64, at: &str) -> Result<bool, StoreError> {
    let held: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(booked), 0) AS BIGINT) FROM reception_slots WHERE session_id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    if held > 0 {
        return Ok(false);
    }
    let done = sqlx::query(
        "UPDATE reception_sessions SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL",
    )
    .bind(at)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a change that public pages show (a session published or taken down, a visitor
/// received), in `tx`: the page cache's version of reception (`kernel::page_cache`).
pub async fn changed(tx: &mut Tx) -> Result<(), StoreError> {
    crate::kernel::store::next_in_day(tx, "reception", "changes").await?;
    Ok(())
}

/// Visitors received (bookings marked arrived) per month `YYYY-MM` of their session's day.
pub async fn arrivals_per_month(pool: &Pool) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT SUBSTR(s.day, 1, 7) AS month, COUNT(*) AS n FROM bookings b \
         JOIN reception_slots l ON l.id = b.slot_id \
         JOIN reception_sessions s ON s.id = l.session_id \
         WHERE b.status = 'arrived' GROUP BY SUBSTR(s.day, 1, 7) ORDER BY month",
    )
    .fetch_all(pool)
    .await?)
}
