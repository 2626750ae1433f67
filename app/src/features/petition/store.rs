//! Petitions and their events.

use crate::domain::case::EventKind;
use crate::domain::petition::NewPetition;
use crate::kernel::store::{Pool, StoreError};
use chrono::NaiveDate;

/// A petition to insert, with what the service computed for it.
pub struct Insert<'a> {
    pub petition: &'a NewPetition,
    pub received_on: NaiveDate,
    pub received_at: &'a str,
    pub query_code_hash: &'a str,
    pub channel: &'a str,
    pub same_matter_as: Option<i64>,
    /// The route check's answer, for web petitions that were asked it.
    pub route_check: Option<&'a str>,
    /// Tokens of uploaded files to link to the petition in the same transaction.
    pub attachments: &'a [String],
    /// A letter's postmark, as a clerk read it.
    pub postmarked_on: Option<NaiveDate>,
    /// The clerk who registered it (none for the web forms and the API).
    pub registered_by: Option<i64>,
    /// The other petitioners of a joint matter (联名信访, 集体访).
    pub co_petitioners: &'a [crate::domain::petition::joint::CoPetitioner],
    /// The field (涉及领域) suggested for it.
    pub field: &'a str,
}

/// What the insert assigned.
pub struct Inserted {
    pub id: i64,
    pub number: String,
}

/// Inserts the petition and its `received` event in `tx` (a group commit's: it is durable once
/// the group is committed), taking the next sequence number of its day.
pub async fn insert(
    tx: &mut crate::kernel::store::Tx,
    new: Insert<'_>,
    number_for: impl Fn(u32) -> Option<String>,
) -> Result<Inserted, StoreError> {
    let p = new.petition;
    let day = crate::kernel::store::date_text(new.received_on);
    let sequence = crate::kernel::store::next_in_day(tx, "petition", &day).await?;
    let sequence = u32::try_from(sequence).unwrap_or(u32::MAX);
    let number = number_for(sequence).ok_or(StoreError::NumbersExhausted("petition"))?;
    let id = sqlx::query_scalar::<_, i64>(
        "INSERT INTO petitions (number, received_on, sequence, query_code_hash, category, \
         petitioner_name, id_number, mobile, address, district, unit_code, title, request, \
         facts_and_reasons, place_and_time, earlier_handling, channel, same_matter_as, received_at, \
         route_check, reported, reported_unit, postmarked_on, registered_by, field) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
         $20, $21, $22, $23, $24, $25) \
         RETURNING id",
    )
    .bind(&number)
    .bind(&day)
    .bind(i64::from(sequence))
    .bind(new.query_code_hash)
    .bind(p.category.code())
    .bind(&p.petitioner.name)
    .bind(p.petitioner.id_number.as_str())
    .bind(p.petitioner.mobile.as_str())
    .bind(&p.petitioner.address)
    .bind(&p.petitioner.district)
    .bind(p.unit.as_deref())
    .bind(&p.title)
    .bind(&p.request)
    .bind(&p.facts_and_reasons)
    .bind(p.place_and_time.as_deref())
    .bind(p.earlier_handling.as_deref())
    .bind(new.channel)
    .bind(new.same_matter_as)
    .bind(new.received_at)
    .bind(new.route_check)
    .bind(p.reported.as_deref())
    .bind(p.reported_unit.as_deref())
    .bind(new.postmarked_on.map(crate::kernel::store::date_text))
    .bind(new.registered_by)
    .bind(new.field)
    .fetch_one(&mut **tx)
    .await?;
    crate::features::cases::store::insert_received(tx, id, new.received_at).await?;
    for (position, c) in new.co_petitioners.iter().enumerate() {
        sqlx::query(
            "INSERT INTO co_petitioners (petition_id, position, name, id_number, mobile, \
             representative) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(position as i64 + 1)
        .bind(&c.name)
        .bind(c.id_number.as_str())
        .bind(c.mobile.as_ref().map(|m| m.as_str().to_owned()))
        .bind(i64::from(c.representative))
        .execute(&mut **tx)
        .await?;
    }
    for token in new.attachments {
        sqlx::query(
            "UPDATE attachments SET petition_id = $1, unsent_from = NULL WHERE token = $2 \
             AND petition_id IS NULL AND legal_aid_id IS NULL",
        )
        .bind(id)
        .bind(token)
        .execute(&mut **tx)
        .await?;
    }
    Ok(Inserted { id, number })
}

/// The other petitioners of petition `id`, in the order they were typed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CoPetitionerRow {
    pub name: String,
    pub id_number: String,
    pub mobile: Option<String>,
    pub representative: i64,
}

pub async fn co_petitioners(pool: &Pool, id: i64) -> Result<Vec<CoPetitionerRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT name, id_number, mobile, representative FROM co_petitioners \
         WHERE petition_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(pool)
    .await?)
}

/// A pending petition that may be about the same matter as a new one.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingOfPerson {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub request: String,
}

/// The pending (not closed) petitions from the same person on the same unit and category, the
/// newest first (at most 50: the rest are older than anything a clerk would link).
pub async fn pending_of_person(
    pool: &Pool,
    id_number: &str,
    category: &str,
    unit_code: Option<&str>,
) -> Result<Vec<PendingOfPerson>, StoreError> {
    Ok(sqlx::query_as::<_, PendingOfPerson>(
        "SELECT p.id, p.number, p.title, p.request FROM petitions p \
         WHERE (p.id_number = $1 OR EXISTS (SELECT 1 FROM co_petitioners c \
                                            WHERE c.petition_id = p.id AND c.id_number = $1)) \
           AND p.category = $2 \
           AND ((p.unit_code IS NULL AND $3 IS NULL) OR p.unit_code = $3) \
           AND NOT EXISTS (SELECT 1 FROM petition_events e \
                           WHERE e.petition_id = p.id AND e.kind IN ($4, $5)) \
         ORDER BY p.id DESC LIMIT 50",
    )
    .bind(id_number)
    .bind(category)
    .bind(unit_code)
    .bind(EventKind::FINISHED[0].code())
    .bind(EventKind::FINISHED[1].code())
    .fetch_all(pool)
    .await?)
}

/// The public view of a petition, for the status page and the API.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicRecord {
    pub id: i64,
    pub number: String,
    pub query_code_hash: String,
    pub category: String,
    pub title: String,
    pub unit_code: Option<String>,
    pub received_on: String,
    pub received_at: String,
    /// The unit a 检举控告 reports (第30条 keeps the case from it).
    pub reported_unit: Option<String>,
}

pub async fn find_public(pool: &Pool, number: &str) -> Result<Option<PublicRecord>, StoreError> {
    Ok(sqlx::query_as::<_, PublicRecord>(
        "SELECT p.id, p.number, p.query_code_hash, p.category, p.title, p.unit_code, p.received_on, \
                p.received_at, p.reported_unit \
         FROM petitions p WHERE p.number = $1",
    )
    .bind(number)
    .fetch_optional(pool)
    .await?)
}

/// The numbers of the petitions filed with `mobile`, newest first (我的事项).
pub async fn numbers_of_mobile(pool: &Pool, mobile: &str) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar::<_, String>(
        "SELECT number FROM petitions WHERE mobile = $1 ORDER BY id DESC LIMIT 200",
    )
    .bind(mobile)
    .fetch_all(pool)
    .await?)
}

/// Whether petition `number` was filed with `mobile`.
pub async fn is_of_mobile(pool: &Pool, number: &str, mobile: &str) -> Result<bool, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT id FROM petitions WHERE number = $1 AND mobile = $2")
            .bind(number)
            .bind(mobile)
            .fetch_optional(pool)
            .await?
            .is_some(),
    )
}

pub async fn count(pool: &Pool) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM petitions")
            .fetch_one(pool)
            .await?,
    )
}

/// Replaces a 查询码 hash of an earlier version by the keyed hash of the same code.
pub async fn set_query_code_hash(pool: &Pool, id: i64, hash: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE petitions SET query_code_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}
