//! The petition service: what the web forms and `/api/v1` both call.

use crate::domain::case::status::Status;
use crate::domain::limit::Limit;
use crate::domain::petition::PetitionInput;
use crate::domain::petition::number::{PetitionNumber, QueryCode};
use crate::domain::text::FieldProblem;
use crate::features::petition::view::{Due, PetitionStatus, Receipt, TimelineEntry};
use crate::kernel::context::AppContext;
use crate::kernel::store::{self, StoreError};
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// China Standard Time: the law's days are days in Asia/Shanghai, which has had no daylight
/// saving since 1991, so a fixed offset is exact.
pub fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("the petition has problems")]
    Invalid(Vec<FieldProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the web journey adds to a petition.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extras<'a> {
    /// The route check's answer.
    pub route_check: Option<&'a str>,
    /// Tokens of files uploaded on the attachments page.
    pub attachments: &'a [String],
}

/// Checks, stores durably, and only then returns the receipt.
pub async fn submit(
    ctx: &AppContext,
    input: &PetitionInput,
    channel: &str,
    now: DateTime<Utc>,
) -> Result<Receipt, SubmitError> {
    submit_with(ctx, input, channel, now, Extras::default()).await
}

/// [`submit`], with what the web journey collected besides the petition itself.
pub async fn submit_with(
    ctx: &AppContext,
    input: &PetitionInput,
    channel: &str,
    now: DateTime<Utc>,
    extras: Extras<'_>,
) -> Result<Receipt, SubmitError> {
    let local = now.with_timezone(&shanghai());
    let today = local.date_naive();
    let petition = input
        .parse(&ctx.config, today)
        .map_err(SubmitError::Invalid)?;
    let (code, hash) = new_query_code().await?;
    let same = crate::features::petition::store::pending_same_matter(
        &ctx.pool,
        petition.petitioner.id_number.as_str(),
        petition.category.code(),
        petition.unit.as_deref(),
    )
    .await?;
    let received_at = local.to_rfc3339();
    let inserted = {
        let pool = ctx.pool.clone();
        let petition = petition.clone();
        let received_at = received_at.clone();
        let hash = hash.clone();
        let channel = channel.to_owned();
        let same_id = same.as_ref().map(|(id, _)| *id);
        let route_check = extras.route_check.map(str::to_owned);
        let attachments = extras.attachments.to_vec();
        store::detached(async move {
            crate::features::petition::store::insert(
                &pool,
                crate::features::petition::store::Insert {
                    petition: &petition,
                    received_on: today,
                    received_at: &received_at,
                    query_code_hash: &hash,
                    channel: &channel,
                    same_matter_as: same_id,
                    received_text: "信访事项已收到",
                    route_check: route_check.as_deref(),
                    attachments: &attachments,
                },
                |seq| PetitionNumber::new(today, seq).map(String::from),
            )
            .await
        })
        .await?
    };
    let number = PetitionNumber::new(today, inserted.sequence)
        .map(String::from)
        .unwrap_or_default();
    Ok(Receipt {
        number,
        query_code: code.grouped(),
        status: Status::Received.code().to_owned(),
        received_at,
        due: Due {
            register: ctx.config.calendar.due(Limit::Register, today),
        },
        same_matter_as: same.map(|(_, number)| number),
    })
}

/// A fresh random 查询码 and its hash (for petitions and legal-aid applications alike).
pub async fn new_query_code() -> Result<(QueryCode, String), StoreError> {
    let code = QueryCode::generate(|n| {
        use argon2::password_hash::rand_core::RngCore;
        // Rejection sampling keeps the choice uniform.
        let limit = u32::MAX - u32::MAX % n as u32;
        loop {
            let x = OsRng.next_u32();
            if x < limit {
                return (x % n as u32) as usize;
            }
        }
    });
    // Hashing costs about a millisecond: off the async workers all the same.
    let hash = {
        let code = code.clone();
        tokio::task::spawn_blocking(move || hash_code(&code))
            .await
            .map_err(|_| StoreError::Duplicate("query code hash"))??
    };
    Ok((code, hash))
}

/// Whether `code` matches `hash`; with no hash (an unknown number) it checks against a decoy,
/// so that a wrong number and a wrong code take as long.
pub async fn code_matches(hash: Option<String>, code: &QueryCode) -> bool {
    let known = hash.is_some();
    let hash = hash.unwrap_or_else(|| decoy_hash().to_owned());
    let code = code.as_str().to_owned();
    let matches = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                code_hasher()
                    .verify_password(code.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    known && matches
}

/// argon2id tuned for 查询码, not passwords: a code is 12 random characters from 31 (about 59
/// bits), so even a stolen database leaves an attacker some 2^58 evaluations per code, and online
/// guessing is throttled. 2 MiB and one pass cost about a millisecond, where the password
/// parameters (19 MiB, two passes) made every submission and lookup wait tens of milliseconds.
/// Verification reads the parameters from each stored hash, so older hashes keep working.
fn code_hasher() -> Argon2<'static> {
    let params = argon2::Params::new(2 * 1024, 1, 1, None).unwrap_or_default();
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

fn hash_code(code: &QueryCode) -> Result<String, StoreError> {
    code_hasher()
        .hash_password(code.as_str().as_bytes(), &SaltString::generate(&mut OsRng))
        .map(|h| h.to_string())
        .map_err(|_| StoreError::Duplicate("query code hash"))
}

/// The same answer for a wrong number and a wrong code.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("no petition with this number and code")]
    NotFound,
    /// Too many failures for this number or from this client: try again after this long.
    #[error("too many failed lookups")]
    TooManyAttempts(std::time::Duration),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A lookup from `client` (its address), slowed down after repeated failures for the number or
/// from the client. What the status page and `/api/v1` both call.
pub async fn guarded_lookup(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
) -> Result<PetitionStatus, LookupError> {
    let key = number.trim().to_ascii_uppercase();
    let now = std::time::Instant::now();
    ctx.lookup_guard
        .check(&key, client, now)
        .map_err(LookupError::TooManyAttempts)?;
    let result = lookup(ctx, number, code).await;
    match &result {
        Ok(_) => ctx.lookup_guard.succeed(&key),
        Err(LookupError::NotFound) => ctx.lookup_guard.fail(&key, client, now),
        Err(_) => {}
    }
    result
}

pub async fn lookup(
    ctx: &AppContext,
    number: &str,
    code: &str,
) -> Result<PetitionStatus, LookupError> {
    let (Ok(number), Ok(code)) = (PetitionNumber::parse(number), QueryCode::parse(code)) else {
        return Err(LookupError::NotFound);
    };
    let record = crate::features::petition::store::find_public(&ctx.pool, number.as_str()).await?;
    let matches = code_matches(record.as_ref().map(|r| r.query_code_hash.clone()), &code).await;
    let Some(record) = record.filter(|_| matches) else {
        return Err(LookupError::NotFound);
    };
    let events = crate::features::petition::store::public_events(&ctx.pool, record.id).await?;
    let replies = crate::features::cases::store::replies(&ctx.pool, record.id)
        .await?
        .into_iter()
        .map(crate::features::cases::service::reply_view)
        .collect();
    let status = Status::from_events(events.iter().map(|e| e.kind.as_str()));
    let after_reply = after_reply_options(ctx, &events);
    let running_due = {
        let dated: Vec<(&str, NaiveDate, Option<u32>)> = events
            .iter()
            .map(|e| {
                (
                    e.kind.as_str(),
                    crate::domain::calendar::date_of(&e.at),
                    e.extension_days.and_then(|d| u32::try_from(d).ok()),
                )
            })
            .collect();
        let received =
            NaiveDate::parse_from_str(&record.received_on, "%Y-%m-%d").unwrap_or_default();
        crate::domain::case::current_due(&dated, received, &ctx.config.calendar).map(
            |(limit, date)| crate::features::petition::view::RunningDue {
                step: limit.label().to_owned(),
                article: limit.article().to_owned(),
                date,
            },
        )
    };
    let received_on = NaiveDate::parse_from_str(&record.received_on, "%Y-%m-%d")
        .map_err(|_| StoreError::Duplicate("received date"))?;
    Ok(PetitionStatus {
        number: record.number,
        category: record.category,
        status: status.code().to_owned(),
        status_label: status.label().to_owned(),
        title: record.title,
        received_at: record.received_at,
        unit_name: record
            .unit_code
            .as_deref()
            .and_then(|c| ctx.config.unit(c))
            .map(|u| u.name.clone()),
        unit: record.unit_code,
        timeline: events
            .into_iter()
            .map(|e| TimelineEntry {
                at: e.at,
                kind: e.kind,
                text: e.text,
            })
            .collect(),
        due: Due {
            register: ctx.config.calendar.due(Limit::Register, received_on),
        },
        replies,
        after_reply,
        running_due,
        same_matter_as: record.same_matter_as_number,
    })
}

/// What the citizen may do about the latest reply, from the public events.
fn after_reply_options(
    ctx: &AppContext,
    events: &[crate::features::petition::store::EventRecord],
) -> crate::features::petition::view::AfterReplyOptions {
    use crate::domain::case::review::{AfterReply, may_rate, review_request};
    use crate::domain::limit::Limit;
    let state = AfterReply::from_events(
        events
            .iter()
            .map(|e| (e.kind.as_str(), crate::domain::calendar::date_of(&e.at))),
    );
    let today = Utc::now().with_timezone(&shanghai()).date_naive();
    let request = review_request(&state, today, &ctx.config.calendar).ok();
    let until = state.last_reply.map(|(kind, date)| {
        let limit = if kind == "replied" {
            Limit::RequestReview
        } else {
            Limit::RequestRecheck
        };
        ctx.config.calendar.due(limit, date)
    });
    crate::features::petition::view::AfterReplyOptions {
        can_evaluate: may_rate(&state).is_ok(),
        can_request: request.map(|k| {
            if k == "recheck_requested" {
                "recheck".to_owned()
            } else {
                "review".to_owned()
            }
        }),
        request_until: request.and(until),
    }
}

fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        code_hasher()
            .hash_password(b"decoy query code", &SaltString::generate(&mut OsRng))
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Why a citizen's rating or review request was not taken.
#[derive(Debug, thiserror::Error)]
pub enum AfterReplyError {
    #[error("no petition with this number and code")]
    NotFound,
    #[error("too many failed lookups")]
    TooManyAttempts(std::time::Duration),
    #[error("fields with problems")]
    Invalid(Vec<FieldProblem>),
    #[error("not at this stage")]
    NotNow(crate::domain::case::review::NotNow),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<LookupError> for AfterReplyError {
    fn from(e: LookupError) -> Self {
        match e {
            LookupError::NotFound => Self::NotFound,
            LookupError::TooManyAttempts(wait) => Self::TooManyAttempts(wait),
            LookupError::Store(e) => Self::Store(e),
        }
    }
}

/// An optional comment or a required reason: trimmed, at most `max` characters.
fn citizen_text(
    field: &str,
    label: &str,
    value: &str,
    required: bool,
    max: usize,
) -> Result<Option<String>, AfterReplyError> {
    let mut problems = Vec::new();
    let text = crate::domain::text::text_field(
        field,
        label,
        value,
        usize::from(required),
        max,
        &mut problems,
    );
    if problems.is_empty() {
        Ok((!text.is_empty()).then_some(text))
    } else {
        Err(AfterReplyError::Invalid(problems))
    }
}

/// Appends a citizen's event once `check` approved the case's events, read in the same write
/// transaction.
async fn append_citizen_event(
    ctx: &AppContext,
    number: &str,
    kind: &str,
    text: &str,
    evaluation: Option<(&str, Option<&str>)>,
    check: impl FnOnce(
        &crate::domain::case::review::AfterReply,
    ) -> Result<(), crate::domain::case::review::NotNow>
    + Send
    + 'static,
) -> Result<(), AfterReplyError> {
    let record = crate::features::cases::store::find(&ctx.pool, number)
        .await?
        .ok_or(AfterReplyError::NotFound)?;
    let at = Utc::now().with_timezone(&shanghai()).to_rfc3339();
    let pool = ctx.pool.clone();
    let (kind, text) = (kind.to_owned(), text.to_owned());
    let evaluation = evaluation.map(|(r, c)| (r.to_owned(), c.map(str::to_owned)));
    let petition_id = record.id;
    store::detached(async move {
        crate::features::cases::store::append(
            &pool,
            crate::features::cases::store::NewEvent {
                petition_id,
                staff_id: None,
                at: &at,
                kind: &kind,
                public: true,
                text: &text,
                unit_code: None,
                reply: None,
                evaluation: evaluation.as_ref().map(|(r, c)| (r.as_str(), c.as_deref())),
                extension_days: None,
            },
            |events| {
                let state = crate::domain::case::review::AfterReply::from_events(
                    events.iter().map(|e| (e.kind.as_str(), e.date())),
                );
                check(&state)
            },
        )
        .await
    })
    .await?
    .map_err(AfterReplyError::NotNow)
}

/// 满意度评价 of the latest written reply (第21条): once per reply.
pub async fn evaluate(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    rating: &str,
    comment: Option<&str>,
) -> Result<(), AfterReplyError> {
    let status = guarded_lookup(ctx, number, code, client).await?;
    let Some(rating) = crate::domain::case::review::Rating::parse(rating) else {
        return Err(AfterReplyError::Invalid(vec![FieldProblem::new(
            "rating",
            "required",
            "请选择评价：满意、基本满意或不满意",
        )]));
    };
    let comment = citizen_text("comment", "意见", comment.unwrap_or(""), false, 500)?;
    let text = format!("信访人评价：{}", rating.label());
    append_citizen_event(
        ctx,
        &status.number,
        "evaluated",
        &text,
        Some((rating.code(), comment.as_deref())),
        crate::domain::case::review::may_rate,
    )
    .await
}

/// A 复查 (第35条) or, after the 复查 answer, 复核 (第36条) request; returns which it was.
pub async fn request_review(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    reason: &str,
) -> Result<&'static str, AfterReplyError> {
    let status = guarded_lookup(ctx, number, code, client).await?;
    let reason =
        citizen_text("reason", "请求复查或复核的理由", reason, true, 2000)?.unwrap_or_default();
    let today = Utc::now().with_timezone(&shanghai()).date_naive();
    let mut kind = "";
    let config = ctx.config.clone();
    let calendar = &ctx.config.calendar;
    // The kind follows from the events read inside the transaction; the text is set to match.
    let review_text = format!("信访人请求复查：{reason}");
    let recheck_text = format!("信访人请求复核：{reason}");
    let record = crate::features::cases::store::find(&ctx.pool, &status.number)
        .await?
        .ok_or(AfterReplyError::NotFound)?;
    let events = crate::features::cases::store::events(&ctx.pool, record.id).await?;
    let state = crate::domain::case::review::AfterReply::from_events(
        events
            .iter()
            .map(|e| (e.kind.as_str(), crate::domain::calendar::date_of(&e.at))),
    );
    if let Ok(k) = crate::domain::case::review::review_request(&state, today, calendar) {
        kind = k;
    }
    let text = if kind == "recheck_requested" {
        &recheck_text
    } else {
        &review_text
    };
    let wanted = kind;
    append_citizen_event(
        ctx,
        &status.number,
        if wanted.is_empty() {
            "review_requested"
        } else {
            wanted
        },
        text,
        None,
        move |state| {
            crate::domain::case::review::review_request(state, today, &config.calendar).and_then(
                |k| {
                    if k == wanted {
                        Ok(())
                    } else {
                        Err(crate::domain::case::review::NotNow::RequestPending)
                    }
                },
            )
        },
    )
    .await?;
    Ok(wanted)
}
