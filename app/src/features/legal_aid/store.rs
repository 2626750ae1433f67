//! Legal-aid applications and their events.

use crate::domain::legal_aid::NewApplication;
use crate::kernel::store::{Pool, StoreError};

pub struct Insert<'a> {
    pub application: &'a NewApplication,
    pub received_on: chrono::NaiveDate,
    pub received_at: &'a str,
    pub query_code_hash: &'a str,
    pub channel: &'a str,
    pub attachments: &'a [String],
}

/// Stores an application, its first event and its files in one transaction; returns the id and
/// the day's sequence. `number_for` makes the number from the sequence.
pub async fn insert(
    pool: &Pool,
    new: Insert<'_>,
    number_for: impl Fn(u32) -> Option<String>,
) -> Result<(i64, u32), StoreError> {
    let a = new.application;
    let day = new.received_on.format("%Y-%m-%d").to_string();
    for _ in 0..5 {
        let mut write = crate::kernel::store::begin_write(pool).await?;
        let tx = &mut write.tx;
        let sequence: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(sequence), 0) + 1 FROM legal_aid_applications WHERE received_on = $1",
        )
        .bind(&day)
        .fetch_one(&mut **tx)
        .await?;
        let sequence = u32::try_from(sequence).unwrap_or(u32::MAX);
        let number = number_for(sequence).ok_or(StoreError::Duplicate("daily sequence"))?;
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO legal_aid_applications (number, received_on, sequence, query_code_hash, \
             applicant_name, id_number, mobile, address, district, agent_name, agent_id_number, \
             agent_mobile, agent_relation, matter, other_party, description, hardship_statement, \
             pledged_at, channel, received_at, basis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
             $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id",
        )
        .bind(&number)
        .bind(&day)
        .bind(i64::from(sequence))
        .bind(new.query_code_hash)
        .bind(&a.applicant.name)
        .bind(a.applicant.id_number.as_str())
        .bind(a.applicant.mobile.as_str())
        .bind(&a.applicant.address)
        .bind(&a.applicant.district)
        .bind(a.agent.as_ref().map(|g| g.name.as_str()))
        .bind(a.agent.as_ref().map(|g| g.id_number.as_str()))
        .bind(a.agent.as_ref().map(|g| g.mobile.as_str()))
        .bind(a.agent.as_ref().map(|g| g.relation.as_str()))
        .bind(a.matter.code())
        .bind(a.other_party.as_deref())
        .bind(&a.description)
        .bind(&a.hardship_statement)
        .bind(if a.pledged { new.received_at } else { "" })
        .bind(new.channel)
        .bind(new.received_at)
        .bind(a.basis.code())
        .fetch_one(&mut **tx)
        .await;
        let id = match inserted {
            Ok(id) => id,
            Err(sqlx::Error::Database(db)) if db.is_unique_violation() => continue,
            Err(e) => return Err(e.into()),
        };
        sqlx::query(
            "INSERT INTO legal_aid_events (application_id, at, kind, public, text) \
             VALUES ($1, $2, 'received', 1, '法律援助申请已收到')",
        )
        .bind(id)
        .bind(new.received_at)
        .execute(&mut **tx)
        .await?;
        for token in new.attachments {
            sqlx::query(
                "UPDATE attachments SET legal_aid_id = $1 WHERE token = $2 AND petition_id IS NULL \
                 AND legal_aid_id IS NULL",
            )
            .bind(id)
            .bind(token)
            .execute(&mut **tx)
            .await?;
        }
        write.tx.commit().await?;
        return Ok((id, sequence));
    }
    Err(StoreError::Duplicate("daily sequence"))
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: i64,
    pub number: String,
    pub query_code_hash: String,
    pub received_on: String,
    pub received_at: String,
    pub applicant_name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub district: String,
    pub agent_name: Option<String>,
    pub agent_id_number: Option<String>,
    pub agent_mobile: Option<String>,
    pub agent_relation: Option<String>,
    pub matter: String,
    pub other_party: Option<String>,
    pub description: String,
    pub hardship_statement: String,
    pub basis: String,
}

const COLUMNS: &str = "id, number, query_code_hash, received_on, received_at, applicant_name, \
                       id_number, mobile, address, district, agent_name, agent_id_number, \
                       agent_mobile, agent_relation, matter, other_party, description, \
                       hardship_statement, basis";

pub async fn find(pool: &Pool, number: &str) -> Result<Option<ApplicationRow>, StoreError> {
    Ok(sqlx::query_as::<_, ApplicationRow>(&format!(
        "SELECT {COLUMNS} FROM legal_aid_applications WHERE number = $1"
    ))
    .bind(number)
    .fetch_optional(pool)
    .await?)
}

/// The newest applications first (for legal-aid staff).
pub async fn list(pool: &Pool, limit: i64) -> Result<Vec<ApplicationRow>, StoreError> {
    Ok(sqlx::query_as::<_, ApplicationRow>(&format!(
        "SELECT {COLUMNS} FROM legal_aid_applications ORDER BY id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AidEventRow {
    pub at: String,
    pub kind: String,
    pub public: bool,
    pub text: String,
    pub answer_by: Option<String>,
}

pub async fn events(pool: &Pool, application_id: i64) -> Result<Vec<AidEventRow>, StoreError> {
    Ok(sqlx::query_as::<_, AidEventRow>(
        "SELECT at, kind, public, text, answer_by FROM legal_aid_events \
         WHERE application_id = $1 ORDER BY id",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?)
}

pub struct NewAidEvent<'a> {
    pub application_id: i64,
    pub at: &'a str,
    pub kind: &'a str,
    pub text: &'a str,
    pub staff_id: Option<i64>,
    pub answer_by: Option<&'a str>,
}

/// Appends an event after `allowed` approved the events as read inside the same write
/// transaction (so two staff acting at once cannot both act on a stale state).
pub async fn append<R>(
    pool: &Pool,
    new: NewAidEvent<'_>,
    allowed: impl FnOnce(&[AidEventRow]) -> Result<(), R>,
) -> Result<Result<(), R>, StoreError> {
    let mut write = crate::kernel::store::begin_write(pool).await?;
    let tx = &mut write.tx;
    let current = sqlx::query_as::<_, AidEventRow>(
        "SELECT at, kind, public, text, answer_by FROM legal_aid_events \
         WHERE application_id = $1 ORDER BY id",
    )
    .bind(new.application_id)
    .fetch_all(&mut **tx)
    .await?;
    if let Err(refusal) = allowed(&current) {
        return Ok(Err(refusal));
    }
    sqlx::query(
        "INSERT INTO legal_aid_events (application_id, at, kind, public, actor_staff_id, text, \
         answer_by) VALUES ($1, $2, $3, 1, $4, $5, $6)",
    )
    .bind(new.application_id)
    .bind(new.at)
    .bind(new.kind)
    .bind(new.staff_id)
    .bind(new.text)
    .bind(new.answer_by)
    .execute(&mut **tx)
    .await?;
    write.tx.commit().await?;
    Ok(Ok(()))
}

/// The files of an application.
pub async fn attachments(
    pool: &Pool,
    application_id: i64,
) -> Result<Vec<crate::kernel::files::store::AttachmentRecord>, StoreError> {
    Ok(
        sqlx::query_as::<_, crate::kernel::files::store::AttachmentRecord>(
            "SELECT token, original_name, media_type, size_bytes FROM attachments \
         WHERE legal_aid_id = $1 ORDER BY id",
        )
        .bind(application_id)
        .fetch_all(pool)
        .await?,
    )
}

/// Links uploaded files nobody has taken yet to an application.
pub async fn link_files(
    pool: &Pool,
    application_id: i64,
    tokens: &[String],
) -> Result<(), StoreError> {
    for token in tokens {
        sqlx::query(
            "UPDATE attachments SET legal_aid_id = $1 WHERE token = $2 AND petition_id IS NULL \
             AND legal_aid_id IS NULL",
        )
        .bind(application_id)
        .bind(token)
        .execute(pool)
        .await?;
    }
    Ok(())
}

/// Records that a staff member viewed an application or opened one of its files.
pub async fn audit(
    pool: &Pool,
    staff_id: i64,
    action: &str,
    application_id: i64,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, staff_id, action, legal_aid_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(at)
    .bind(staff_id)
    .bind(action)
    .bind(application_id)
    .execute(pool)
    .await?;
    Ok(())
}
