//! The staff side of petitions: lists, the full record, appending events, replies, the audit log.

use crate::domain::case::ReplyLetter;
use crate::domain::case::status::Status;
use crate::kernel::store::{Pool, StoreError};

/// A case as the workbench lists it.
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: i64,
    pub number: String,
    pub received_on: String,
    pub category: String,
    pub title: String,
    pub petitioner_name: String,
    pub id_number: String,
    pub status: Status,
    /// The unit it was assigned to (the last 'assigned' event), if any.
    pub assigned_unit: Option<String>,
    /// Its events as (kind, Shanghai date, extension days), oldest first.
    pub events: Vec<(String, chrono::NaiveDate, Option<u32>)>,
}

#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    number: String,
    received_on: String,
    category: String,
    title: String,
    petitioner_name: String,
    id_number: String,
}

#[derive(sqlx::FromRow)]
struct KindRow {
    petition_id: i64,
    kind: String,
    at: String,
    unit_code: Option<String>,
    extension_days: Option<i64>,
}

/// The newest cases (at most `limit`), with their status and unit, for a unit's staff only those
/// assigned to `unit`.
pub async fn list(pool: &Pool, unit: Option<&str>, limit: i64) -> Result<Vec<CaseRow>, StoreError> {
    let rows = sqlx::query_as::<_, ListRow>(
        "SELECT id, number, received_on, category, title, petitioner_name, id_number \
         FROM petitions ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let Some(oldest) = rows.last().map(|r| r.id) else {
        return Ok(Vec::new());
    };
    let kinds = sqlx::query_as::<_, KindRow>(
        "SELECT petition_id, kind, at, unit_code, extension_days FROM petition_events \
         WHERE petition_id >= $1 ORDER BY id",
    )
    .bind(oldest)
    .fetch_all(pool)
    .await?;
    let mut out: Vec<CaseRow> = rows
        .into_iter()
        .map(|r| {
            let mine: Vec<&KindRow> = kinds.iter().filter(|k| k.petition_id == r.id).collect();
            CaseRow {
                events: mine
                    .iter()
                    .map(|k| {
                        (
                            k.kind.clone(),
                            crate::domain::calendar::date_of(&k.at),
                            k.extension_days.and_then(|d| u32::try_from(d).ok()),
                        )
                    })
                    .collect(),
                status: Status::from_events(mine.iter().map(|k| k.kind.as_str())),
                assigned_unit: assigned_unit(
                    mine.iter()
                        .map(|e| (e.kind.as_str(), e.unit_code.as_deref())),
                ),
                id: r.id,
                number: r.number,
                received_on: r.received_on,
                category: r.category,
                title: r.title,
                petitioner_name: r.petitioner_name,
                id_number: r.id_number,
            }
        })
        .collect();
    if let Some(unit) = unit {
        out.retain(|c| c.assigned_unit.as_deref() == Some(unit));
    }
    Ok(out)
}

/// Everything recorded about a case.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseRecord {
    pub id: i64,
    pub number: String,
    pub category: String,
    pub petitioner_name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub district: String,
    pub unit_code: Option<String>,
    pub title: String,
    pub request: String,
    pub facts_and_reasons: String,
    pub place_and_time: Option<String>,
    pub earlier_handling: Option<String>,
    pub channel: String,
    pub route_check: Option<String>,
    pub received_on: String,
    pub received_at: String,
}

pub async fn find(pool: &Pool, number: &str) -> Result<Option<CaseRecord>, StoreError> {
    Ok(sqlx::query_as::<_, CaseRecord>(
        "SELECT id, number, category, petitioner_name, id_number, mobile, address, district, \
                unit_code, title, request, facts_and_reasons, place_and_time, earlier_handling, \
                channel, route_check, received_on, received_at \
         FROM petitions WHERE number = $1",
    )
    .bind(number)
    .fetch_optional(pool)
    .await?)
}

/// One event with who recorded it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub at: String,
    pub kind: String,
    pub public: bool,
    pub text: String,
    pub unit_code: Option<String>,
    pub actor: Option<String>,
}

pub async fn events(pool: &Pool, petition_id: i64) -> Result<Vec<EventRow>, StoreError> {
    Ok(sqlx::query_as::<_, EventRow>(
        "SELECT e.at, e.kind, e.public = 1 AS public, e.text, e.unit_code, s.display_name AS actor \
         FROM petition_events e LEFT JOIN staff_users s ON s.id = e.actor_staff_id \
         WHERE e.petition_id = $1 ORDER BY e.id",
    )
    .bind(petition_id)
    .fetch_all(pool)
    .await?)
}

/// The unit a case is with: that of the last assignment, unless the unit objected since
/// (第23条) and the case is back with the bureau.
pub fn assigned_unit<'a>(
    events: impl DoubleEndedIterator<Item = (&'a str, Option<&'a str>)>,
) -> Option<String> {
    events
        .rev()
        .find(|(kind, _)| *kind == "assigned" || *kind == "objected")
        .filter(|(kind, _)| *kind == "assigned")
        .and_then(|(_, unit)| unit.map(str::to_owned))
}

/// The status and assigned unit of a case from its events.
pub fn state_of(events: &[EventRow]) -> (Status, Option<String>) {
    case_state(
        events
            .iter()
            .map(|e| (e.kind.as_str(), e.unit_code.as_deref())),
    )
}

/// The status (from the kinds) and the unit a case is with, from its events as
/// (kind, unit code), oldest first.
pub fn case_state<'a>(
    events: impl DoubleEndedIterator<Item = (&'a str, Option<&'a str>)> + Clone,
) -> (Status, Option<String>) {
    (
        Status::from_events(events.clone().map(|(kind, _)| kind)),
        assigned_unit(events),
    )
}

/// A new event to append.
pub struct NewEvent<'a> {
    pub petition_id: i64,
    /// `None` for the citizen's own events (a rating, a review request).
    pub staff_id: Option<i64>,
    pub at: &'a str,
    pub kind: &'a str,
    pub public: bool,
    pub text: &'a str,
    pub unit_code: Option<&'a str>,
    pub reply: Option<&'a ReplyLetter>,
    /// A citizen's rating (code) and comment.
    pub evaluation: Option<(&'a str, Option<&'a str>)>,
    /// The days an extension adds.
    pub extension_days: Option<u32>,
}

/// An event as the checks before appending read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventKind {
    pub kind: String,
    pub at: String,
    pub unit_code: Option<String>,
}

impl EventKind {
    /// The status and assigned unit after `events`.
    pub fn state(events: &[EventKind]) -> (Status, Option<String>) {
        case_state(
            events
                .iter()
                .map(|e| (e.kind.as_str(), e.unit_code.as_deref())),
        )
    }

    /// The Shanghai date of the event.
    pub fn date(&self) -> chrono::NaiveDate {
        crate::domain::calendar::date_of(&self.at)
    }
}

/// Appends an event (and its reply) in one write transaction, after `allowed` approved the case's
/// state as read inside that transaction, so two staff acting at once cannot both act on a stale
/// state. `allowed` returns the refusal to pass back, if any.
pub async fn append<R>(
    pool: &Pool,
    new: NewEvent<'_>,
    allowed: impl FnOnce(&[EventKind]) -> Result<(), R>,
) -> Result<Result<(), R>, StoreError> {
    let mut write = crate::kernel::store::begin_write(pool).await?;
    let tx = &mut write.tx;
    let kinds = sqlx::query_as::<_, EventKind>(
        "SELECT kind, at, unit_code FROM petition_events WHERE petition_id = $1 ORDER BY id",
    )
    .bind(new.petition_id)
    .fetch_all(&mut **tx)
    .await?;
    if let Err(refusal) = allowed(&kinds) {
        return Ok(Err(refusal));
    }
    let event_id = sqlx::query_scalar::<_, i64>(
        "INSERT INTO petition_events (petition_id, at, kind, public, actor_staff_id, text, unit_code, \
         extension_days) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(new.petition_id)
    .bind(new.at)
    .bind(new.kind)
    .bind(i64::from(new.public))
    .bind(new.staff_id)
    .bind(new.text)
    .bind(new.unit_code)
    .bind(new.extension_days.map(i64::from))
    .fetch_one(&mut **tx)
    .await?;
    if let Some((rating, comment)) = new.evaluation {
        sqlx::query(
            "INSERT INTO evaluations (petition_id, event_id, rating, comment, at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new.petition_id)
        .bind(event_id)
        .bind(rating)
        .bind(comment)
        .bind(new.at)
        .execute(&mut **tx)
        .await?;
    }
    if let Some(r) = new.reply {
        sqlx::query(
            "INSERT INTO replies (petition_id, event_id, request, facts_and_reasons, opinion, \
             legal_basis, outcome, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new.petition_id)
        .bind(event_id)
        .bind(&r.request)
        .bind(&r.facts_and_reasons)
        .bind(&r.opinion)
        .bind(&r.legal_basis)
        .bind(r.outcome.code())
        .bind(new.at)
        .execute(&mut **tx)
        .await?;
    }
    write.tx.commit().await?;
    Ok(Ok(()))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReplyRow {
    pub at: String,
    pub request: String,
    pub facts_and_reasons: String,
    pub opinion: String,
    pub legal_basis: String,
    pub outcome: String,
}

pub async fn replies(pool: &Pool, petition_id: i64) -> Result<Vec<ReplyRow>, StoreError> {
    Ok(sqlx::query_as::<_, ReplyRow>(
        "SELECT at, request, facts_and_reasons, opinion, legal_basis, outcome FROM replies \
         WHERE petition_id = $1 ORDER BY id",
    )
    .bind(petition_id)
    .fetch_all(pool)
    .await?)
}

/// Records that `staff_id` did `action` (e.g. viewed the full record) on a case.
pub async fn audit(
    pool: &Pool,
    staff_id: i64,
    action: &str,
    petition_id: Option<i64>,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, staff_id, action, petition_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(at)
    .bind(staff_id)
    .bind(action)
    .bind(petition_id)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn audit_count(pool: &Pool, petition_id: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE petition_id = $1")
            .bind(petition_id)
            .fetch_one(pool)
            .await?,
    )
}

#[derive(sqlx::FromRow)]
struct FactRow {
    id: i64,
    received_on: String,
    category: String,
}

#[derive(sqlx::FromRow)]
struct RatingRow {
    petition_id: i64,
    rating: String,
}

/// What the monthly figures need of the cases received from `from` (inclusive) to `to`
/// (exclusive), as (case facts, assigned unit).
pub async fn facts_received_between(
    pool: &Pool,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<crate::domain::kpi::CaseFacts>, StoreError> {
    let (from, to) = (
        from.format("%Y-%m-%d").to_string(),
        to.format("%Y-%m-%d").to_string(),
    );
    let cases = sqlx::query_as::<_, FactRow>(
        "SELECT id, received_on, category FROM petitions \
         WHERE received_on >= $1 AND received_on < $2 ORDER BY id",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(pool)
    .await?;
    let events = sqlx::query_as::<_, KindRow>(
        "SELECT e.petition_id, e.kind, e.at, e.unit_code, e.extension_days FROM petition_events e \
         JOIN petitions p ON p.id = e.petition_id \
         WHERE p.received_on >= $1 AND p.received_on < $2 ORDER BY e.id",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(pool)
    .await?;
    let ratings = sqlx::query_as::<_, RatingRow>(
        "SELECT v.petition_id, v.rating FROM evaluations v JOIN petitions p ON p.id = v.petition_id \
         WHERE p.received_on >= $1 AND p.received_on < $2 ORDER BY v.id",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(pool)
    .await?;
    Ok(cases
        .into_iter()
        .map(|c| {
            let mine: Vec<&KindRow> = events.iter().filter(|e| e.petition_id == c.id).collect();
            crate::domain::kpi::CaseFacts {
                received_on: chrono::NaiveDate::parse_from_str(&c.received_on, "%Y-%m-%d")
                    .unwrap_or_default(),
                category: c.category,
                unit: assigned_unit(
                    mine.iter()
                        .map(|e| (e.kind.as_str(), e.unit_code.as_deref())),
                ),
                events: mine
                    .iter()
                    .map(|e| {
                        (
                            e.kind.clone(),
                            crate::domain::calendar::date_of(&e.at),
                            e.extension_days.and_then(|d| u32::try_from(d).ok()),
                        )
                    })
                    .collect(),
                ratings: ratings
                    .iter()
                    .filter(|r| r.petition_id == c.id)
                    .map(|r| r.rating.clone())
                    .collect(),
            }
        })
        .collect())
}

/// Petitions received per month (`YYYY-MM`, count) from `from` on.
pub async fn monthly_volumes(
    pool: &Pool,
    from: chrono::NaiveDate,
) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as::<_, (String, i64)>(
        "SELECT substr(received_on, 1, 7) AS month, COUNT(*) FROM petitions \
         WHERE received_on >= $1 GROUP BY substr(received_on, 1, 7) ORDER BY month",
    )
    .bind(from.format("%Y-%m-%d").to_string())
    .fetch_all(pool)
    .await?)
}
