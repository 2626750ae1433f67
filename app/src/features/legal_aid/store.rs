//! Legal-aid applications and their events.

use crate::domain::history::Dated;
use crate::domain::legal_aid::NewApplication;
use crate::domain::legal_aid::{AidEvent, AidEventKind};
use crate::kernel::outbox::Subject;
use crate::kernel::store::{Pool, StoreError, date_text, read_date, read_time};
use chrono::{DateTime, FixedOffset, NaiveDate};

pub struct Insert<'a> {
    pub application: &'a NewApplication,
    pub received_on: chrono::NaiveDate,
    pub received_at: &'a str,
    pub query_code_hash: &'a str,
    pub channel: &'a str,
    pub attachments: &'a [String],
    /// The language the applicant used: what their messages are said in.
    pub lang: crate::domain::prefs::Lang,
}

/// Stores an application, its first event and its files in `tx` (a group commit's); returns its
/// number (`number_for` makes it from the day's sequence).
pub async fn insert(
    tx: &mut crate::kernel::store::Tx,
    new: Insert<'_>,
    number_for: impl Fn(u32) -> Option<String>,
) -> Result<String, StoreError> {
    let a = new.application;
    let day = date_text(new.received_on);
    {
        let sequence = crate::kernel::store::next_in_day(tx, "legal_aid", &day).await?;
        let sequence = u32::try_from(sequence).unwrap_or(u32::MAX);
        let number = number_for(sequence).ok_or(StoreError::NumbersExhausted("legal-aid"))?;
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
        let id = inserted?;
        insert_event(tx, id, new.received_at, &AidEvent::Received, None).await?;
        link_files(tx, id, new.attachments).await?;
        crate::kernel::outbox::subscribe(
            tx,
            Subject::LegalAid(id),
            &a.notify,
            a.applicant.mobile.as_str(),
            new.lang,
        )
        .await?;
        tell(
            tx,
            id,
            &number,
            AidEvent::Received.kind().code(),
            &AidEvent::Received,
            new.received_at,
        )
        .await?;
        Ok(number)
    }
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

/// The applications filed with `mobile` as the applicant's or the agent's, newest first
/// (我的事项).
pub async fn of_mobile(pool: &Pool, mobile: &str) -> Result<Vec<ApplicationRow>, StoreError> {
    Ok(sqlx::query_as::<_, ApplicationRow>(&format!(
        "SELECT {COLUMNS} FROM legal_aid_applications WHERE mobile = $1 OR agent_mobile = $1 \
         ORDER BY id DESC LIMIT 200"
    ))
    .bind(mobile)
    .fetch_all(pool)
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

/// One event of an application, as recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredAidEvent {
    pub at: DateTime<FixedOffset>,
    pub public: bool,
    pub event: AidEvent,
}

impl Dated<AidEvent> for StoredAidEvent {
    fn on(&self) -> NaiveDate {
        self.at.date_naive()
    }
    fn event(&self) -> &AidEvent {
        &self.event
    }
}

#[derive(sqlx::FromRow)]
struct EventRow {
    at: String,
    /// 0 or 1 (flags are integers on every backend).
    public: i64,
    data: Option<String>,
}

const EVENTS: &str = "SELECT at, public, data FROM legal_aid_events \
                      WHERE application_id = $1 ORDER BY id";

fn decode(rows: Vec<EventRow>) -> Result<Vec<StoredAidEvent>, StoreError> {
    rows.into_iter()
        .map(|row| {
            let data = row.data.unwrap_or_default();
            Ok(StoredAidEvent {
                at: read_time("event time", &row.at)?,
                public: row.public != 0,
                event: serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
                    what: "legal-aid event",
                    value: data.clone(),
                })?,
            })
        })
        .collect()
}

pub async fn events(pool: &Pool, application_id: i64) -> Result<Vec<StoredAidEvent>, StoreError> {
    decode(
        sqlx::query_as::<_, EventRow>(EVENTS)
            .bind(application_id)
            .fetch_all(pool)
            .await?,
    )
}

fn insert_sql() -> &'static str {
    "INSERT INTO legal_aid_events (application_id, at, kind, public, actor_staff_id, text, \
     answer_by, data) VALUES ($1, $2, $3, $8, $4, $5, $6, $7)"
}

async fn insert_event(
    tx: &mut crate::kernel::store::Tx,
    application_id: i64,
    at: &str,
    event: &AidEvent,
    staff_id: Option<i64>,
) -> Result<(), StoreError> {
    let data = serde_json::to_string(event).unwrap_or_default();
    sqlx::query(insert_sql())
        .bind(application_id)
        .bind(at)
        .bind(event.kind().code())
        .bind(staff_id)
        .bind(crate::kernel::i18n::simplified(&event.message()))
        .bind(event.answer_by().map(date_text))
        .bind(&data)
        .bind(i64::from(event.is_public()))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub struct NewAidEvent<'a> {
    pub application_id: i64,
    pub at: &'a str,
    pub event: &'a AidEvent,
    pub staff_id: Option<i64>,
    /// Uploaded files that come with it (material supplied online), linked in the same
    /// transaction.
    pub files: &'a [String],
    /// A new 查询码 (`QueryCodeReset`): set, and its SMS queued, in the same transaction.
    pub new_code: Option<&'a crate::kernel::query_code::Replacement>,
}

/// Appends an event after `allowed` approved the events as read inside the same write
/// transaction (so two staff acting at once cannot both act on a stale state).
pub async fn append<R>(
    pool: &Pool,
    new: NewAidEvent<'_>,
    allowed: impl FnOnce(&[StoredAidEvent]) -> Result<(), R>,
) -> Result<Result<(), R>, StoreError> {
    let mut write = crate::kernel::store::begin_write(pool).await?;
    write
        .lock_row("legal_aid_applications", new.application_id)
        .await?;
    let current = decode(
        sqlx::query_as::<_, EventRow>(EVENTS)
            .bind(new.application_id)
            .fetch_all(&mut *write.tx)
            .await?,
    )?;
    if let Err(refusal) = allowed(&current) {
        return Ok(Err(refusal));
    }
    insert_event(
        &mut write.tx,
        new.application_id,
        new.at,
        new.event,
        new.staff_id,
    )
    .await?;
    link_files(&mut write.tx, new.application_id, new.files).await?;
    if let Some(code) = new.new_code {
        replace_code(&mut write.tx, new.application_id, code, new.at).await?;
    }
    if crate::domain::notify::for_aid_event(new.event, "").is_some() {
        let number: String =
            sqlx::query_scalar("SELECT number FROM legal_aid_applications WHERE id = $1")
                .bind(new.application_id)
                .fetch_one(&mut *write.tx)
                .await?;
        let cause = format!("{}{}", new.event.kind().code(), current.len());
        tell(
            &mut write.tx,
            new.application_id,
            &number,
            &cause,
            new.event,
            new.at,
        )
        .await?;
    }
    write.tx.commit().await?;
    Ok(Ok(()))
}

/// Sets a new 查询码's hash and queues its SMS to the mobile on file, in `tx`.
async fn replace_code(
    tx: &mut crate::kernel::store::Tx,
    application_id: i64,
    code: &crate::kernel::query_code::Replacement,
    at: &str,
) -> Result<(), StoreError> {
    code.store(
        tx,
        "legal_aid_applications",
        application_id,
        &format!("legal_aid:{application_id}:new-code:{at}:sms"),
        Subject::LegalAid(application_id),
        read_time("event time", at)?.to_utc(),
    )
    .await
}

/// Queues what the applicant is told of `event` (if anything, and if they asked), in `tx`.
async fn tell(
    tx: &mut crate::kernel::store::Tx,
    application_id: i64,
    number: &str,
    cause: &str,
    event: &AidEvent,
    at: &str,
) -> Result<(), StoreError> {
    let Some(notice) = crate::domain::notify::for_aid_event(event, number) else {
        return Ok(());
    };
    let at = read_time("event time", at)?.to_utc();
    crate::kernel::outbox::notify_citizen(tx, Subject::LegalAid(application_id), cause, &notice, at)
        .await
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
async fn link_files(
    tx: &mut crate::kernel::store::Tx,
    application_id: i64,
    tokens: &[String],
) -> Result<(), StoreError> {
    for token in tokens {
        sqlx::query(
            "UPDATE attachments SET legal_aid_id = $1, unsent_from = NULL WHERE token = $2 AND petition_id IS NULL \
             AND legal_aid_id IS NULL",
        )
        .bind(application_id)
        .bind(token)
        .execute(&mut **tx)
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

#[derive(sqlx::FromRow)]
struct LegacyRow {
    id: i64,
    kind: String,
    text: String,
    answer_by: Option<String>,
}

/// The event a row written before events were typed stands for, read from its kind, its
/// answer-by date and the words of its text after the fixed wording it was written with (a text
/// that does not start as expected is kept whole).
fn legacy_event(row: &LegacyRow) -> Result<AidEvent, StoreError> {
    let corrupt = |what| StoreError::Corrupt {
        what,
        value: format!("{} {}", row.id, row.kind),
    };
    let words = |prefix: &str| {
        row.text
            .strip_prefix(prefix)
            .unwrap_or(&row.text)
            .to_owned()
    };
    Ok(
        match AidEventKind::parse(&row.kind).ok_or_else(|| corrupt("legal-aid event kind"))? {
            AidEventKind::Received => AidEvent::Received,
            AidEventKind::MaterialRequested => AidEvent::MaterialRequested {
                items: words("请补充以下材料或者作出说明：")
                    .split_once("。请在 ")
                    .map(|(items, _)| items.to_owned())
                    .unwrap_or_else(|| row.text.clone()),
                answer_by: read_date(
                    "answer-by date",
                    row.answer_by.as_deref().unwrap_or_default(),
                )?,
            },
            AidEventKind::MaterialSupplied => {
                if let Some(note) = row.text.strip_prefix("法律援助机构收到申请人补充的材料：")
                {
                    AidEvent::MaterialReceived {
                        note: note.to_owned(),
                    }
                } else if let Some(rest) = row.text.strip_prefix("申请人补充了材料（") {
                    let (files, explanation) =
                        rest.split_once(" 个文件）：").unwrap_or(("0", rest));
                    AidEvent::MaterialSupplied {
                        explanation: explanation.to_owned(),
                        files: files.parse().unwrap_or(0),
                    }
                } else {
                    AidEvent::MaterialSupplied {
                        explanation: words("申请人作出说明："),
                        files: 0,
                    }
                }
            }
            AidEventKind::Granted => AidEvent::Granted,
            AidEventKind::LawyerAssigned => AidEvent::LawyerAssigned {
                lawyer: words("已指派法律援助人员："),
            },
            AidEventKind::Refused => AidEvent::Refused {
                reasons: words("决定不给予法律援助，理由："),
            },
            AidEventKind::QueryCodeReset => AidEvent::QueryCodeReset,
        },
    )
}

/// Gives every event written before events were typed its `data`, once; returns how many.
pub async fn upgrade_legacy_events(pool: &Pool) -> Result<u64, StoreError> {
    let rows = sqlx::query_as::<_, LegacyRow>(
        "SELECT id, kind, text, answer_by FROM legal_aid_events WHERE data IS NULL ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    let events = rows
        .iter()
        .map(|row| Ok((row.id, legacy_event(row)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    crate::kernel::store::write_event_data(pool, "legal_aid_events", &events).await
}

/// Replaces a 查询码 hash of an earlier version by the keyed hash of the same code.
pub async fn set_query_code_hash(pool: &Pool, id: i64, hash: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE legal_aid_applications SET query_code_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, text: &str) -> LegacyRow {
        LegacyRow {
            id: 1,
            kind: kind.into(),
            text: text.into(),
            answer_by: Some("2026-11-14".into()),
        }
    }

    /// Every text the portal wrote before events were typed reads back as the event it was,
    /// and renders as it was shown (but for the day, now written the reader's way).
    #[test]
    fn old_rows_read_back_as_the_events_they_were() {
        let cases = [
            ("received", "法律援助申请已收到"),
            (
                "material_requested",
                "请补充以下材料或者作出说明：劳动合同或者工资条。请在 2026-11-14 前补充；逾期未补充的，视为撤回申请（第四十三条）",
            ),
            (
                "material_supplied",
                "申请人补充了材料（2 个文件）：这是工资条",
            ),
            ("material_supplied", "申请人作出说明：没有书面合同"),
            (
                "material_supplied",
                "法律援助机构收到申请人补充的材料：劳动合同复印件",
            ),
            ("granted", "决定给予法律援助，将在 3 日内指派法律援助人员"),
            (
                "lawyer_assigned",
                "已指派法律援助人员：广西某律师事务所 陈律师",
            ),
            (
                "refused",
                "决定不给予法律援助，理由：不属于法律援助的事项范围",
            ),
        ];
        for (kind, text) in cases {
            let event = legacy_event(&row(kind, text)).unwrap();
            assert_eq!(event.kind().code(), kind);
            assert_eq!(
                crate::kernel::i18n::simplified(&event.message()),
                text.replace("2026-11-14", "2026年11月14日"),
                "{kind}"
            );
        }
    }
}
