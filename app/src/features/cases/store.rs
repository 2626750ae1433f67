//! A case's record and its events: the full record for staff, appending events (checked in
//! their write transaction), replies, the figures' facts, and the audit log.
//!
//! Events are read into typed [`StoredEvent`]s here and nowhere else: the `data` column holds the
//! event as JSON, and its `kind` is bound from [`EventKind`] (the one mapping). Rows written before
//! events were typed are converted once at start (`upgrade_legacy_events`).

use crate::domain::case::review::Rating;
use crate::domain::case::{CaseEvent, EventKind, Letter, Level, Outcome, ReplyLetter, Status};
use crate::domain::history::Dated;
use crate::domain::kpi::CaseFacts;
use crate::domain::petition::Category;
use crate::kernel::store::{Pool, StoreError, date_text, read_date, read_time};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// One event of a case, as recorded: when, whether the citizen sees it, who recorded it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub at: DateTime<FixedOffset>,
    pub public: bool,
    /// The staff member's name; `None` for the citizen or the system.
    pub actor: Option<String>,
    pub event: CaseEvent,
}

impl Dated<CaseEvent> for StoredEvent {
    fn on(&self) -> NaiveDate {
        self.at.date_naive()
    }
    fn event(&self) -> &CaseEvent {
        &self.event
    }
}

#[derive(sqlx::FromRow)]
struct EventRow {
    petition_id: i64,
    at: String,
    /// 0 or 1 (flags are integers on every backend).
    public: i64,
    actor: Option<String>,
    data: Option<String>,
}

const EVENT_COLUMNS: &str = "e.petition_id, e.at, e.public, \
                             s.display_name AS actor, e.data";

fn decode(row: EventRow) -> Result<(i64, StoredEvent), StoreError> {
    let data = row.data.unwrap_or_default();
    let event = serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
        what: "case event",
        value: data.clone(),
    })?;
    Ok((
        row.petition_id,
        StoredEvent {
            at: read_time("event time", &row.at)?,
            public: row.public != 0,
            actor: row.actor,
            event,
        },
    ))
}

/// The query for the events of the cases `condition` selects (on `e`, the events, and `p`, the
/// petitions), oldest first.
fn events_sql(condition: &str) -> String {
    format!(
        "SELECT {EVENT_COLUMNS} FROM petition_events e \
         JOIN petitions p ON p.id = e.petition_id \
         LEFT JOIN staff_users s ON s.id = e.actor_staff_id \
         WHERE {condition} ORDER BY e.id"
    )
}

fn decode_all(rows: Vec<EventRow>) -> Result<Vec<(i64, StoredEvent)>, StoreError> {
    rows.into_iter().map(decode).collect()
}

/// Every event of a case, oldest first.
pub async fn events(pool: &Pool, petition_id: i64) -> Result<Vec<StoredEvent>, StoreError> {
    let rows = sqlx::query_as::<_, EventRow>(&events_sql("e.petition_id = $1"))
        .bind(petition_id)
        .fetch_all(pool)
        .await?;
    Ok(decode_all(rows)?.into_iter().map(|(_, e)| e).collect())
}

/// The cases (id, number) with a written reply or a review answer recorded at `since` or later
/// (stored stamps, all +08:00, compare as text): those whose citizen may still be asking for
/// 复查 or 复核.
pub async fn replied_since(pool: &Pool, since: &str) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as::<_, (i64, String)>(
        "SELECT p.id, p.number FROM petitions p WHERE p.id IN (SELECT e.petition_id \
         FROM petition_events e WHERE e.kind IN ($1, $2) AND e.at >= $3) ORDER BY p.id",
    )
    .bind(EventKind::Replied.code())
    .bind(EventKind::ReviewAnswered.code())
    .bind(since)
    .fetch_all(pool)
    .await?)
}

/// Groups `(case id, event)` pairs (in order) by case.
fn by_case(events: Vec<(i64, StoredEvent)>) -> std::collections::HashMap<i64, Vec<StoredEvent>> {
    let mut out: std::collections::HashMap<i64, Vec<StoredEvent>> = Default::default();
    for (id, e) in events {
        out.entry(id).or_default().push(e);
    }
    out
}

/// A case as the workbench lists it.
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: i64,
    pub number: String,
    pub received_on: NaiveDate,
    pub category: String,
    pub title: String,
    pub petitioner_name: String,
    pub id_number: String,
    /// The number of the pending petition on the same matter it was flagged with, if any.
    pub same_matter_as: Option<String>,
    /// 检举控告类: the reported unit's code, when one was chosen.
    pub reported_unit: Option<String>,
    /// The field suggested when it was filed (`None` before fields existed).
    pub field: Option<String>,
    /// Its events, oldest first.
    pub events: Vec<StoredEvent>,
}

impl CaseRow {
    pub fn status(&self) -> Status {
        Status::of(&self.events)
    }

    /// The unit it is with now.
    pub fn assigned_unit(&self) -> Option<&str> {
        crate::domain::case::event::assigned_unit(&self.events)
    }

    /// Its 涉及领域 now: the newest set by the bureau, else the one suggested at filing, else
    /// 其他.
    pub fn field(&self) -> &str {
        self.events
            .iter()
            .rev()
            .find_map(|e| match &e.event {
                crate::domain::case::CaseEvent::FieldSet { field, .. } => Some(field.as_str()),
                _ => None,
            })
            .or(self.field.as_deref())
            .unwrap_or(crate::domain::config::OTHER_FIELD)
    }
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
    same_matter_as: Option<String>,
    reported_unit: Option<String>,
    field: Option<String>,
}

/// The newest cases (at most `limit`) and every case whose 复查 or 复核 waits for its answer (a
/// review comes months after filing, and its body's queue must hold it), with their events; for
/// a unit's staff only those assigned to `unit`.
pub async fn list(pool: &Pool, unit: Option<&str>, limit: i64) -> Result<Vec<CaseRow>, StoreError> {
    // The event kinds, as the SQL's literals: a review asked for, and the replies that answer it
    // (those `pending_review` counts).
    let kinds = |kinds: &[EventKind]| {
        kinds
            .iter()
            .map(|k| format!("'{}'", k.code()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let asked = kinds(&[EventKind::ReviewRequested, EventKind::RecheckRequested]);
    let answered = kinds(&[
        EventKind::Replied,
        EventKind::ReviewAnswered,
        EventKind::RecheckAnswered,
    ]);
    // The cases chosen, by the petition id in `column`: the `limit` newest ($1) and those asked
    // for a review not answered since.
    let chosen = |column: &str| {
        format!(
            "({column} >= (SELECT MIN(n.id) FROM (SELECT id FROM petitions \
             ORDER BY id DESC LIMIT $1) AS n) \
             OR {column} IN (SELECT r.petition_id FROM petition_events r \
             WHERE r.kind IN ({asked}) AND NOT EXISTS (SELECT 1 FROM petition_events a \
             WHERE a.petition_id = r.petition_id AND a.id > r.id AND a.kind IN ({answered}))))"
        )
    };
    let mut out = load(pool, &chosen, &[Bind::Int(limit)]).await?;
    if let Some(unit) = unit {
        out.retain(|c| c.assigned_unit() == Some(unit));
    }
    Ok(out)
}

/// A value bound to a query of [`load`].
#[derive(Clone, Debug)]
pub enum Bind {
    Int(i64),
    Text(String),
}

fn bind_all<'q, O>(
    mut q: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    binds: &'q [Bind],
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    for b in binds {
        q = match b {
            Bind::Int(i) => q.bind(*i),
            Bind::Text(t) => q.bind(t.as_str()),
        };
    }
    q
}

/// The cases whose petition id (in the column named) `chosen` picks, with `binds` for its
/// parameters, newest first, with their events.
async fn load(
    pool: &Pool,
    chosen: &(dyn Fn(&str) -> String + Sync),
    binds: &[Bind],
) -> Result<Vec<CaseRow>, StoreError> {
    let rows = bind_all(
        sqlx::query_as::<_, ListRow>(&format!(
            "SELECT p.id, p.number, p.received_on, p.category, p.title, p.petitioner_name, \
                    p.id_number, s.number AS same_matter_as, p.reported_unit, p.field \
             FROM petitions p LEFT JOIN petitions s ON s.id = p.same_matter_as \
             WHERE {} ORDER BY p.id DESC",
            chosen("p.id")
        )),
        binds,
    )
    .fetch_all(pool)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let event_rows = bind_all(
        sqlx::query_as::<_, EventRow>(&events_sql(&chosen("e.petition_id"))),
        binds,
    )
    .fetch_all(pool)
    .await?;
    let mut events = by_case(decode_all(event_rows)?);
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(CaseRow {
            events: events.remove(&r.id).unwrap_or_default(),
            received_on: read_date("received date", &r.received_on)?,
            id: r.id,
            number: r.number,
            category: r.category,
            title: r.title,
            petitioner_name: r.petitioner_name,
            id_number: r.id_number,
            same_matter_as: r.same_matter_as,
            reported_unit: r.reported_unit,
            field: r.field,
        });
    }
    Ok(out)
}

/// What a staff search asks of the petitions' own columns (the status, the unit holding a
/// matter, its field and its deadline come from its events, and are judged after).
#[derive(Clone, Debug, Default)]
pub struct Criteria {
    pub number: Option<String>,
    pub name: Option<String>,
    /// The whole number: the signer's, or one of a joint matter's other petitioners'.
    pub id_number: Option<String>,
    pub mobile: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub category: Option<String>,
    pub channel: Option<String>,
}

/// The newest `cap` cases that meet `c`, with their events.
pub async fn search(pool: &Pool, c: &Criteria, cap: i64) -> Result<Vec<CaseRow>, StoreError> {
    let mut conds = Vec::new();
    let mut binds = Vec::new();
    let mut add = |sql: &str, value: &Option<String>| {
        if let Some(v) = value {
            binds.push(Bind::Text(v.clone()));
            let n = binds.len();
            conds.push(sql.replace("?", &format!("${n}")));
        }
    };
    add("number = ?", &c.number);
    add("petitioner_name = ?", &c.name);
    add(
        "(id_number = ? OR id IN (SELECT petition_id FROM co_petitioners WHERE id_number = ?))",
        &c.id_number,
    );
    add("mobile = ?", &c.mobile);
    add("received_on >= ?", &c.from);
    add("received_on <= ?", &c.to);
    add("category = ?", &c.category);
    add("channel = ?", &c.channel);
    binds.push(Bind::Int(cap));
    let cap_at = binds.len();
    let filter = if conds.is_empty() {
        "1 = 1".to_owned()
    } else {
        conds.join(" AND ")
    };
    let chosen = move |column: &str| {
        format!(
            "{column} IN (SELECT id FROM (SELECT id FROM petitions WHERE {filter} \
             ORDER BY id DESC LIMIT ${cap_at}) AS chosen)"
        )
    };
    load(pool, &chosen, &binds).await
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
    /// The pending petition of the same person on the same matter when this one came in.
    pub same_matter_as_number: Option<String>,
    /// 检举控告类: who or which unit is reported, and that unit's code when configured.
    pub reported: Option<String>,
    pub reported_unit: Option<String>,
    /// A letter's postmark, as the clerk who registered it read it.
    pub postmarked_on: Option<String>,
    /// The field (涉及领域) given when it was filed (the newest `field_set` event overrides it).
    pub field: Option<String>,
}

impl CaseRecord {
    pub fn received_on(&self) -> Result<NaiveDate, StoreError> {
        read_date("received date", &self.received_on)
    }
}

pub async fn find(pool: &Pool, number: &str) -> Result<Option<CaseRecord>, StoreError> {
    Ok(sqlx::query_as::<_, CaseRecord>(
        "SELECT p.id, p.number, p.category, p.petitioner_name, p.id_number, p.mobile, p.address, \
                p.district, p.unit_code, p.title, p.request, p.facts_and_reasons, p.place_and_time, \
                p.earlier_handling, p.channel, p.route_check, p.received_on, p.received_at, \
                s.number AS same_matter_as_number, p.reported, p.reported_unit, p.postmarked_on, \
                p.field \
         FROM petitions p LEFT JOIN petitions s ON s.id = p.same_matter_as \
         WHERE p.number = $1",
    )
    .bind(number)
    .fetch_optional(pool)
    .await?)
}

/// An event to append, as made from the case's events.
pub struct Appended {
    /// `None` for the citizen's own events (a rating, a review request).
    pub staff_id: Option<i64>,
    pub at: String,
    pub event: CaseEvent,
    pub public: bool,
    /// The event as the timeline shows it in Simplified Chinese when it is recorded.
    pub text: String,
    /// The written reply of a `Replied` or `ReviewAnswered` event.
    pub reply: Option<ReplyLetter>,
    /// The comment that comes with an `Evaluated` event.
    pub comment: Option<String>,
    /// What the citizen is told of it (`domain::notify`), queued in the same transaction.
    pub notice: Option<crate::domain::message::Msg>,
    /// A new 查询码 (`QueryCodeReset`): its hash set on the petition, and its SMS queued to the
    /// mobile on file, in the same transaction.
    pub new_code: Option<crate::kernel::query_code::Replacement>,
    /// What the staff of a unit are told of it by mail (those who asked), in the same
    /// transaction.
    pub staff_notice: Option<StaffNotice>,
}

/// A mail to the staff of `unit` who want one (a case given to them, a letter on a case they
/// hold).
pub struct StaffNotice {
    pub unit: String,
    pub message: crate::domain::message::Msg,
}

impl StaffNotice {
    /// For a 复查/复核 asked for (`event`, about to follow `events`): the body that holds the
    /// review once it is recorded, told of it; `None` for any other event or when the bureau
    /// holds it.
    pub fn of_review(
        events: &[StoredEvent],
        event: &CaseEvent,
        at: chrono::DateTime<chrono::FixedOffset>,
        config: &crate::domain::config::BureauConfig,
        reported_unit: Option<&str>,
        number: &str,
    ) -> Option<Self> {
        let CaseEvent::ReviewRequested { level, .. } = event else {
            return None;
        };
        let mut after = events.to_vec();
        after.push(StoredEvent {
            at,
            public: true,
            actor: None,
            event: event.clone(),
        });
        crate::domain::case::event::holder(&after, config, reported_unit).map(|unit| Self {
            unit,
            message: crate::domain::notify::staff_review(number, *level),
        })
    }
}

/// Appends the event `make` makes from the case's events as read inside one write transaction
/// (with its reply or rating), so that two people acting at once cannot both act on a stale
/// state. `make` refuses with the error to pass back.
pub async fn append_with<E>(
    pool: &Pool,
    petition_id: i64,
    make: impl FnOnce(&[StoredEvent]) -> Result<Appended, E>,
) -> Result<Result<(), E>, StoreError> {
    let mut write = crate::kernel::store::begin_write(pool).await?;
    if let Err(refusal) = append_in(&mut write, petition_id, make).await? {
        return Ok(Err(refusal));
    }
    write.tx.commit().await?;
    Ok(Ok(()))
}

/// [`append_with`] inside a write transaction of the caller's, which commits it (a letter to a
/// unit puts its event on each matter it names, all or none). The case's row is locked first.
pub async fn append_in<E>(
    write: &mut crate::kernel::store::WriteTransaction,
    petition_id: i64,
    make: impl FnOnce(&[StoredEvent]) -> Result<Appended, E>,
) -> Result<Result<(), E>, StoreError> {
    write.lock_row("petitions", petition_id).await?;
    let tx = &mut write.tx;
    let rows = sqlx::query_as::<_, EventRow>(&events_sql("e.petition_id = $1"))
        .bind(petition_id)
        .fetch_all(&mut **tx)
        .await?;
    let current: Vec<StoredEvent> = decode_all(rows)?.into_iter().map(|(_, e)| e).collect();
    let new = match make(&current) {
        Ok(new) => new,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let data = serde_json::to_string(&new.event).map_err(|_| StoreError::Corrupt {
        what: "case event",
        value: format!("{:?}", new.event),
    })?;
    let event_id = sqlx::query_scalar::<_, i64>(
        "INSERT INTO petition_events (petition_id, at, kind, public, actor_staff_id, text, unit_code, \
         extension_days, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(petition_id)
    .bind(&new.at)
    .bind(new.event.kind().code())
    .bind(i64::from(new.public))
    .bind(new.staff_id)
    .bind(&new.text)
    .bind(new.event.unit())
    .bind(new.event.days().map(i64::from))
    .bind(&data)
    .fetch_one(&mut **tx)
    .await?;
    if let CaseEvent::Evaluated { rating } = &new.event {
        sqlx::query(
            "INSERT INTO evaluations (petition_id, event_id, rating, comment, at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(petition_id)
        .bind(event_id)
        .bind(rating.code())
        .bind(new.comment.as_deref())
        .bind(&new.at)
        .execute(&mut **tx)
        .await?;
    }
    if let Some(r) = &new.reply {
        sqlx::query(
            "INSERT INTO replies (petition_id, event_id, request, facts_and_reasons, opinion, \
             legal_basis, outcome, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(petition_id)
        .bind(event_id)
        .bind(&r.request)
        .bind(&r.facts_and_reasons)
        .bind(&r.opinion)
        .bind(&r.legal_basis)
        .bind(r.outcome.code())
        .bind(&new.at)
        .execute(&mut **tx)
        .await?;
    }
    if let Some(code) = &new.new_code {
        code.store(
            tx,
            "petitions",
            petition_id,
            &format!("petition:{petition_id}:event{event_id}:sms"),
            crate::kernel::outbox::Subject::Petition(petition_id),
            crate::kernel::store::read_time("event time", &new.at)?.to_utc(),
        )
        .await?;
    }
    if let Some(notice) = &new.staff_notice {
        let at = crate::kernel::store::read_time("event time", &new.at)?.to_utc();
        for (staff_id, email) in
            crate::features::staff::store::mail_recipients_in_unit(tx, &notice.unit).await?
        {
            crate::kernel::outbox::enqueue(
                tx,
                &crate::kernel::outbox::Outgoing {
                    key: &format!("staff:{staff_id}:event{event_id}:email"),
                    channel: crate::kernel::outbox::Channel::Email,
                    recipient: &email,
                    lang: crate::domain::prefs::Lang::Simplified,
                    message: &notice.message,
                    // Not the matter's: a citizen stopping their messages stops none of staff's.
                    subject: None,
                },
                at,
            )
            .await?;
        }
    }
    if let Some(notice) = &new.notice {
        crate::kernel::outbox::notify_citizen(
            tx,
            crate::kernel::outbox::Subject::Petition(petition_id),
            &format!("event{event_id}"),
            notice,
            crate::kernel::store::read_time("event time", &new.at)?.to_utc(),
        )
        .await?;
    }
    Ok(Ok(()))
}

/// The first event of a new petition, in its insert transaction.
pub async fn insert_received(
    tx: &mut crate::kernel::store::Tx,
    petition_id: i64,
    at: &str,
) -> Result<(), StoreError> {
    let event = CaseEvent::Received;
    let data = serde_json::to_string(&event).unwrap_or_default();
    sqlx::query(
        "INSERT INTO petition_events (petition_id, at, kind, public, actor_staff_id, text, data) \
         VALUES ($1, $2, $3, 1, NULL, $4, $5)",
    )
    .bind(petition_id)
    .bind(at)
    .bind(event.kind().code())
    .bind(crate::kernel::i18n::simplified(&event.message("")))
    .bind(&data)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A written reply as stored.
#[derive(Debug, Clone)]
pub struct ReplyRow {
    pub at: DateTime<FixedOffset>,
    pub letter: ReplyLetter,
}

#[derive(sqlx::FromRow)]
struct RawReply {
    at: String,
    request: String,
    facts_and_reasons: String,
    opinion: String,
    legal_basis: String,
    outcome: String,
}

pub async fn replies(pool: &Pool, petition_id: i64) -> Result<Vec<ReplyRow>, StoreError> {
    sqlx::query_as::<_, RawReply>(
        "SELECT at, request, facts_and_reasons, opinion, legal_basis, outcome FROM replies \
         WHERE petition_id = $1 ORDER BY id",
    )
    .bind(petition_id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| {
        Ok(ReplyRow {
            at: read_time("reply time", &r.at)?,
            letter: ReplyLetter {
                outcome: Outcome::parse(&r.outcome).ok_or(StoreError::Corrupt {
                    what: "reply outcome",
                    value: r.outcome.clone(),
                })?,
                request: r.request,
                facts_and_reasons: r.facts_and_reasons,
                opinion: r.opinion,
                legal_basis: r.legal_basis,
            },
        })
    })
    .collect()
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

/// One audit line for each of `petition_ids` (an export of them), in one transaction.
pub async fn audit_all(
    pool: &Pool,
    staff_id: i64,
    action: &str,
    petition_ids: &[i64],
    at: &str,
) -> Result<(), StoreError> {
    let mut write = crate::kernel::store::begin_write(pool).await?;
    for id in petition_ids {
        sqlx::query(
            "INSERT INTO audit_log (at, staff_id, action, petition_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(at)
        .bind(staff_id)
        .bind(action)
        .bind(*id)
        .execute(&mut *write.tx)
        .await?;
    }
    write.tx.commit().await?;
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
    channel: String,
    field: Option<String>,
    reported_unit: Option<String>,
}

/// What the monthly figures need, read as of one moment: the cases received from `from`
/// (inclusive) to `to` (exclusive) with their events, the petitions received per month
/// (`YYYY-MM`) from `volumes_from` to `to`, and the newest petition and event ids then.
#[derive(Debug, Default)]
pub struct MonthFacts {
    pub cases: Vec<(i64, CaseFacts)>,
    pub volumes: Vec<(String, i64)>,
    pub last_case: i64,
    pub last_event: i64,
}

/// A petition's facts before any of its events are read.
fn fact(c: FactRow) -> Result<(i64, CaseFacts), StoreError> {
    Ok((
        c.id,
        CaseFacts {
            received_on: read_date("received date", &c.received_on)?,
            category: Category::parse(&c.category).ok_or(StoreError::Corrupt {
                what: "category",
                value: c.category.clone(),
            })?,
            channel: c.channel,
            field: c.field,
            unit: None,
            reported_unit: c.reported_unit.filter(|u| !u.is_empty()),
            events: Vec::new(),
        },
    ))
}

const FACT_COLUMNS: &str = "id, received_on, category, channel, field, reported_unit";

/// [`MonthFacts`] in one read transaction (one snapshot: nothing committed meanwhile is half
/// in it).
pub async fn month_facts(
    pool: &Pool,
    from: NaiveDate,
    to: NaiveDate,
    volumes_from: NaiveDate,
) -> Result<MonthFacts, StoreError> {
    let (from, to) = (date_text(from), date_text(to));
    let mut tx = pool.begin().await?;
    let (last_case, last_event): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM petitions), \
                (SELECT COALESCE(MAX(id), 0) FROM petition_events)",
    )
    .fetch_one(&mut *tx)
    .await?;
    let cases = sqlx::query_as::<_, FactRow>(&format!(
        "SELECT {FACT_COLUMNS} FROM petitions \
         WHERE received_on >= $1 AND received_on < $2 ORDER BY id"
    ))
    .bind(&from)
    .bind(&to)
    .fetch_all(&mut *tx)
    .await?;
    let rows =
        sqlx::query_as::<_, EventRow>(&events_sql("p.received_on >= $1 AND p.received_on < $2"))
            .bind(&from)
            .bind(&to)
            .fetch_all(&mut *tx)
            .await?;
    let volumes = sqlx::query_as::<_, (String, i64)>(
        "SELECT substr(received_on, 1, 7) AS month, COUNT(*) FROM petitions \
         WHERE received_on >= $1 AND received_on < $2 \
         GROUP BY substr(received_on, 1, 7) ORDER BY month",
    )
    .bind(date_text(volumes_from))
    .bind(&to)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut events = by_case(decode_all(rows)?);
    let cases = cases
        .into_iter()
        .map(|c| {
            let (id, mut facts) = fact(c)?;
            let mine = events.remove(&id).unwrap_or_default();
            facts.unit = crate::domain::case::event::assigned_unit(&mine).map(str::to_owned);
            facts.events = mine.into_iter().map(|e| (e.on(), e.event)).collect();
            Ok((id, facts))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(MonthFacts {
        cases,
        volumes,
        last_case,
        last_event,
    })
}

/// The cases received from `from` (inclusive) to `to` (exclusive) as the reports read them:
/// their facts with their events, district, signer's ID number and whether others signed too.
pub async fn report_cases(
    pool: &Pool,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<crate::domain::report::ReportCase>, StoreError> {
    let facts = month_facts(pool, from, to, to).await?;
    let rows = sqlx::query_as::<_, (i64, String, String, i64)>(
        "SELECT p.id, p.district, p.id_number, \
                (SELECT COUNT(*) FROM co_petitioners c WHERE c.petition_id = p.id) \
         FROM petitions p WHERE p.received_on >= $1 AND p.received_on < $2",
    )
    .bind(date_text(from))
    .bind(date_text(to))
    .fetch_all(pool)
    .await?;
    let mut more: std::collections::HashMap<i64, (String, String, bool)> = rows
        .into_iter()
        .map(|(id, district, id_number, others)| (id, (district, id_number, others > 0)))
        .collect();
    Ok(facts
        .cases
        .into_iter()
        .filter_map(|(id, facts)| {
            let (district, id_number, joint) = more.remove(&id)?;
            Some(crate::domain::report::ReportCase {
                facts,
                district,
                id_number,
                joint,
            })
        })
        .collect())
}

/// What was recorded after petition `after_case` and event `after_event` (ids only grow): for
/// figures kept up to date in memory instead of read again whole.
#[derive(Debug, Default)]
pub struct FactsDelta {
    /// New petitions (id, facts), their events not yet read.
    pub cases: Vec<(i64, CaseFacts)>,
    /// New events: event id, petition id, its day, the event.
    pub events: Vec<(i64, i64, NaiveDate, CaseEvent)>,
}

#[derive(sqlx::FromRow)]
struct DeltaEventRow {
    event_id: i64,
    #[sqlx(flatten)]
    row: EventRow,
}

/// The petitions and events recorded after the given ids, in one read transaction, read by
/// primary key: the cost is that of what is new, never of what was there.
pub async fn facts_after(
    pool: &Pool,
    after_case: i64,
    after_event: i64,
) -> Result<FactsDelta, StoreError> {
    let mut tx = pool.begin().await?;
    let cases = sqlx::query_as::<_, FactRow>(&format!(
        "SELECT {FACT_COLUMNS} FROM petitions WHERE id > $1 ORDER BY id"
    ))
    .bind(after_case)
    .fetch_all(&mut *tx)
    .await?;
    let events = sqlx::query_as::<_, DeltaEventRow>(&format!(
        "SELECT e.id AS event_id, {EVENT_COLUMNS} FROM petition_events e \
         LEFT JOIN staff_users s ON s.id = e.actor_staff_id \
         WHERE e.id > $1 ORDER BY e.id"
    ))
    .bind(after_event)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(FactsDelta {
        cases: cases.into_iter().map(fact).collect::<Result<_, _>>()?,
        events: events
            .into_iter()
            .map(|r| {
                let id = r.event_id;
                decode(r.row).map(|(case, e)| (id, case, e.on(), e.event))
            })
            .collect::<Result<_, _>>()?,
    })
}

#[derive(sqlx::FromRow)]
struct LegacyRow {
    id: i64,
    kind: String,
    text: String,
    unit_code: Option<String>,
    extension_days: Option<i64>,
    outcome: Option<String>,
    rating: Option<String>,
}

/// The event a row written before events were typed stands for, read from its kind, its other
/// columns (unit, days, the reply's outcome, the rating) and the words of its text after the
/// fixed wording it was written with. A text that does not start as expected is kept whole, so
/// that nothing anyone wrote is lost.
fn legacy_event(row: &LegacyRow) -> Result<CaseEvent, StoreError> {
    let corrupt = || StoreError::Corrupt {
        what: "case event kind",
        value: row.kind.clone(),
    };
    let kind = EventKind::parse(&row.kind).ok_or_else(corrupt)?;
    let words = |prefix: &str| {
        row.text
            .strip_prefix(prefix)
            .unwrap_or(&row.text)
            .to_owned()
    };
    let after = |sep: char| {
        row.text
            .split_once(sep)
            .map(|(_, rest)| rest.to_owned())
            .unwrap_or_else(|| row.text.clone())
    };
    let days = u32::try_from(row.extension_days.unwrap_or(0)).unwrap_or(0);
    let outcome = || {
        row.outcome
            .as_deref()
            .and_then(Outcome::parse)
            .ok_or_else(|| StoreError::Corrupt {
                what: "reply of a case event",
                value: row.id.to_string(),
            })
    };
    use EventKind as K;
    Ok(match kind {
        K::Received => CaseEvent::Received,
        K::Assigned => CaseEvent::Assigned {
            unit: row.unit_code.clone().ok_or_else(corrupt)?,
        },
        K::Objected => CaseEvent::Objected {
            reason: words("承办单位对交办提出异议："),
        },
        K::Accepted => CaseEvent::Accepted,
        K::NotAccepted => CaseEvent::NotAccepted {
            reason: words("不予受理："),
        },
        K::ProgressNote => CaseEvent::Progress {
            note: row.text.clone(),
        },
        K::MediationAgreed => CaseEvent::Mediated {
            agreed: true,
            note: words("组织调解，达成调解协议："),
        },
        K::MediationFailed => CaseEvent::Mediated {
            agreed: false,
            note: words("组织调解，未达成协议："),
        },
        K::Extended => CaseEvent::Extended {
            days,
            reason: row
                .text
                .split_once("理由：")
                .map(|(_, r)| r.to_owned())
                .unwrap_or_else(|| row.text.clone()),
        },
        K::Replied => CaseEvent::Replied {
            outcome: outcome()?,
        },
        K::ReviewRequested => CaseEvent::ReviewRequested {
            level: Level::Review,
            reason: words("信访人请求复查："),
        },
        K::RecheckRequested => CaseEvent::ReviewRequested {
            level: Level::Recheck,
            reason: words("信访人请求复核："),
        },
        K::Hearing => CaseEvent::Hearing {
            days,
            note: row
                .text
                .split_once("（第三十六条）：")
                .map(|(_, n)| n.to_owned())
                .unwrap_or_else(|| row.text.clone()),
        },
        K::ReviewAnswered => CaseEvent::ReviewAnswered {
            level: Level::Review,
            outcome: outcome()?,
        },
        K::RecheckAnswered => CaseEvent::ReviewAnswered {
            level: Level::Recheck,
            outcome: outcome()?,
        },
        K::Evaluated => CaseEvent::Evaluated {
            rating: row
                .rating
                .as_deref()
                .and_then(Rating::parse)
                .ok_or_else(|| StoreError::Corrupt {
                    what: "rating of a case event",
                    value: row.id.to_string(),
                })?,
        },
        K::SupervisionLetter => CaseEvent::Letter {
            letter: Letter::Supervision,
            text: after('：'),
        },
        K::ReminderLetter => CaseEvent::Letter {
            letter: Letter::Reminder,
            text: after('：'),
        },
        K::Closed => CaseEvent::Closed,
        K::QueryCodeReset => CaseEvent::QueryCodeReset,
        // Events written before they were typed had no field; one written since has its data.
        K::FieldSet => CaseEvent::FieldSet {
            field: crate::domain::config::OTHER_FIELD.to_owned(),
            name: row.text.clone(),
        },
    })
}

/// Gives every event written before events were typed its `data`, once; returns how many.
pub async fn upgrade_legacy_events(pool: &Pool) -> Result<u64, StoreError> {
    let rows = sqlx::query_as::<_, LegacyRow>(
        "SELECT e.id, e.kind, e.text, e.unit_code, e.extension_days, r.outcome, v.rating \
         FROM petition_events e \
         LEFT JOIN replies r ON r.event_id = e.id \
         LEFT JOIN evaluations v ON v.event_id = e.id \
         WHERE e.data IS NULL ORDER BY e.id",
    )
    .fetch_all(pool)
    .await?;
    let events = rows
        .iter()
        .map(|row| Ok((row.id, legacy_event(row)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    crate::kernel::store::write_event_data(pool, "petition_events", &events).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, text: &str) -> LegacyRow {
        LegacyRow {
            id: 1,
            kind: kind.into(),
            text: text.into(),
            unit_code: Some("city-hrss".into()),
            extension_days: Some(20),
            outcome: Some("explain".into()),
            rating: Some("basically_satisfied".into()),
        }
    }

    /// Every text the portal wrote before events were typed reads back as the event it was,
    /// and renders as it was shown.
    #[test]
    fn old_rows_read_back_as_the_events_they_were() {
        let cases = [
            ("received", "信访事项已收到"),
            ("assigned", "已登记，交由市人力资源和社会保障局办理"),
            ("objected", "承办单位对交办提出异议：不属于本单位职责"),
            ("accepted", "承办单位已受理"),
            ("not_accepted", "不予受理：已经法院判决"),
            ("progress_note", "已电话联系用人单位"),
            (
                "mediation_agreed",
                "组织调解，达成调解协议：双方同意分期支付",
            ),
            ("mediation_failed", "组织调解，未达成协议：用人单位拒绝"),
            (
                "extended",
                "办理期限延长 20 日，理由：需要补充调查用人单位账目",
            ),
            ("replied", "已书面答复（解释说明）"),
            ("review_requested", "信访人请求复查：答复没有回应欠薪数额"),
            ("recheck_requested", "信访人请求复核：复查意见仍然没有回应"),
            (
                "hearing",
                "举行复核听证，用时 20 日，不计入复核期限（第三十六条）：听取了双方意见",
            ),
            ("review_answered", "已作出复查意见（解释说明）"),
            ("recheck_answered", "已作出复核意见（解释说明）"),
            ("evaluated", "信访人评价：基本满意"),
            ("supervision_letter", "督办函：请于三日内报告办理进展"),
            ("reminder_letter", "提醒函：期限将至"),
            ("closed", "已办结"),
        ];
        // Every kind there was before events were typed (the 查询码 reset and the field came
        // after).
        assert_eq!(
            cases.len(),
            EventKind::ALL.len() - 2,
            "every old kind is covered"
        );
        for (kind, text) in cases {
            let event = legacy_event(&row(kind, text)).unwrap();
            assert_eq!(event.kind().code(), kind);
            assert_eq!(
                crate::kernel::i18n::simplified(&event.message("市人力资源和社会保障局")),
                text,
                "{kind}"
            );
        }
        assert!(legacy_event(&row("dropped", "")).is_err());
    }
}
