//! The petition service: what the web forms and `/api/v1` both call — submit, look up with the
//! 查询码, rate the reply, ask for 复查/复核.

use crate::domain::case::review::{AfterReply, NotNow, Rating, may_rate, review_request};
use crate::domain::case::{CaseEvent, Level, Status, current_due};
use crate::domain::limit::Limit;
use crate::domain::message::Msg;
use crate::domain::petition::{PetitionInput, PetitionNumber, QueryCode};
use crate::domain::text::FieldProblem;
use crate::features::cases::store::{self as events_store, StoredEvent};
use crate::features::petition::view::{
    AfterReplyOptions, Due, PetitionStatus, Receipt, RunningDue, TimelineEntry,
};
use crate::kernel::clock::Now;
use crate::kernel::context::AppContext;
use crate::kernel::error::AppError;
use crate::kernel::i18n::simplified;
use crate::kernel::query_code::{CodeCheck, check_code, new_query_code};
use crate::kernel::store;

/// What the citizen is told when a number and 查询码 open nothing.
pub const NOT_FOUND: Msg = Msg::new("petition-not-found");

/// What the web journey adds to a petition.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extras<'a> {
    /// The route check's answer.
    pub route_check: Option<&'a str>,
    /// Tokens of files uploaded on the attachments page.
    pub attachments: &'a [String],
    /// Who sends it (`Client::key`), counted against the filing limits; `None` for the portal's
    /// own demo data.
    pub client: Option<&'a str>,
    /// The form's one-time token: a second filing with it is refused (`Duplicate("filing")`).
    pub once: Option<&'a crate::kernel::filing::Once>,
    /// The language the citizen used: what their messages are said in.
    pub lang: crate::domain::prefs::Lang,
    /// A trusted caller's (an API key's): counted against the person's limits, not the
    /// client's (a hotline system files for many people from one address).
    pub per_person_only: bool,
    /// A matter of another channel (来信, 来访, 12345…): how and when it arrived, and the clerk
    /// who registered it (none for an API caller's). The clock runs from the day it arrived;
    /// `None`: it arrives now, through the web or the API.
    pub arrival: Option<(crate::domain::petition::channel::Arrival, Option<i64>)>,
    /// The other petitioners of a joint matter (联名信访, 集体访), typed by a clerk.
    pub co_petitioners: &'a [crate::domain::petition::joint::CoPetitioner],
}

/// The other petitioners of petition `id` (a joint matter's), for staff.
pub async fn co_petitioners(
    ctx: &AppContext,
    id: i64,
) -> Result<Vec<super::store::CoPetitionerRow>, AppError> {
    Ok(super::store::co_petitioners(&ctx.pool, id).await?)
}

/// Checks, stores durably, and only then returns the receipt.
pub async fn submit(
    ctx: &AppContext,
    input: &PetitionInput,
    channel: &str,
    now: Now,
    extras: Extras<'_>,
) -> Result<Receipt, AppError> {
    let today = now.today();
    let petition = input.parse(&ctx.config, today).map_err(AppError::Invalid)?;
    // The day it arrived starts the clock and names the number.
    let received_on = extras.arrival.map_or(today, |(a, _)| a.received_on);
    let postmarked_on = extras.arrival.and_then(|(a, _)| a.postmarked_on);
    let registered_by = extras.arrival.and_then(|(_, staff)| staff);
    let (code, hash) = new_query_code(&ctx.code_key);
    // The newest pending petition of any of its petitioners (the signer first, then each other
    // of a joint matter), of the same category and unit, on the same matter (not merely of the
    // same person): flagged for staff, never refused.
    let mut same = None;
    let people = std::iter::once(petition.petitioner.id_number.as_str())
        .chain(extras.co_petitioners.iter().map(|c| c.id_number.as_str()));
    for id_number in people {
        same = super::store::pending_of_person(
            &ctx.pool,
            id_number,
            petition.category.code(),
            petition.unit.as_deref(),
        )
        .await?
        .into_iter()
        .find(|p| {
            crate::domain::petition::same_matter::same_matter(
                &petition.title,
                &petition.request,
                &p.title,
                &p.request,
            )
        });
        if same.is_some() {
            break;
        }
    }
    let received_at = now.stamp();
    let inserted = {
        let petition = petition.clone();
        let received_at = received_at.clone();
        let channel = channel.to_owned();
        let same_id = same.as_ref().map(|p| p.id);
        let route_check = extras.route_check.map(str::to_owned);
        let attachments = extras.attachments.to_vec();
        let co_petitioners = extras.co_petitioners.to_vec();
        // 涉及领域: suggested from its words, else its unit's (the bureau may change it).
        let field = ctx.config.suggest_field(
            petition.unit.as_deref(),
            &format!(
                "{} {} {}",
                petition.title, petition.request, petition.facts_and_reasons
            ),
        );
        let once = extras.once.cloned();
        let grouped = code.grouped();
        let (limits, client) = (ctx.filing_limits, extras.client.map(str::to_owned));
        let per_person_only = extras.per_person_only;
        let at = now.utc();
        let lang = extras.lang;
        let due = ctx.config.calendar.due(Limit::Register, received_on);
        // Committed with the submissions arriving meanwhile (group commit), and answered only
        // once that commit is on disk; it runs to its end if the citizen goes away.
        ctx.writes
            .write(move |tx| {
                Box::pin(async move {
                    let inserted = super::store::insert(
                        tx,
                        super::store::Insert {
                            petition: &petition,
                            received_on,
                            received_at: &received_at,
                            query_code_hash: &hash,
                            channel: &channel,
                            same_matter_as: same_id,
                            route_check: route_check.as_deref(),
                            attachments: &attachments,
                            postmarked_on,
                            registered_by,
                            co_petitioners: &co_petitioners,
                            field: &field,
                        },
                        |seq| PetitionNumber::new(received_on, seq).map(String::from),
                    )
                    .await?;
                    crate::kernel::filing::record(
                        tx,
                        once.as_ref(),
                        crate::kernel::filing::Kind::Petition,
                        &inserted.number,
                        &grouped,
                        &received_at,
                    )
                    .await?;
                    // Counted against the client, the ID number and the mobile (a form sent
                    // again was answered above, and costs nothing; a refusal stores nothing).
                    if per_person_only {
                        limits
                            .charge_person(
                                tx,
                                petition.petitioner.id_number.as_str(),
                                petition.petitioner.mobile.as_str(),
                                at,
                            )
                            .await?;
                    } else {
                        limits
                            .charge(
                                tx,
                                client.as_deref(),
                                petition.petitioner.id_number.as_str(),
                                petition.petitioner.mobile.as_str(),
                                at,
                            )
                            .await?;
                    }
                    // What the citizen chose to be told through, and the first message.
                    let subject = crate::kernel::outbox::Subject::Petition(inserted.id);
                    crate::kernel::outbox::subscribe(
                        tx,
                        subject,
                        &petition.notify,
                        petition.petitioner.mobile.as_str(),
                        lang,
                    )
                    .await?;
                    if let Some(notice) = crate::domain::notify::for_case_event(
                        &CaseEvent::Received,
                        &inserted.number,
                        Some(due),
                        "",
                    ) {
                        crate::kernel::outbox::notify_citizen(
                            tx,
                            subject,
                            CaseEvent::Received.kind().code(),
                            &notice,
                            at,
                        )
                        .await?;
                    }
                    Ok(inserted)
                })
            })
            .await?
    };
    Ok(Receipt {
        number: inserted.number,
        query_code: code.grouped(),
        status: Status::Received.code().to_owned(),
        received_at,
        due: Due {
            register: ctx.config.calendar.due(Limit::Register, received_on),
        },
        // Staff see it on the case; the receipt never says what someone else may have filed
        // under the ID number that was typed.
        same_matter_as: None,
    })
}

/// The public status for number + 查询码 from `client` (its address), slowed down after repeated
/// failures for the number or from the client. What the status page and `/api/v1` both call.
pub async fn guarded_lookup(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    now: Now,
) -> Result<PetitionStatus, AppError> {
    let opened =
        crate::kernel::lookup::guarded(ctx, number, client, now, open(ctx, number, code)).await?;
    status_of(ctx, opened, now).await
}

/// A petition opened with its number and 查询码: its record and its public events.
struct Opened {
    record: super::store::PublicRecord,
    events: Vec<StoredEvent>,
}

async fn open(ctx: &AppContext, number: &str, code: &str) -> Result<Opened, AppError> {
    let (Ok(number), Ok(code)) = (PetitionNumber::parse(number), QueryCode::parse(code)) else {
        return Err(AppError::NotFound(NOT_FOUND));
    };
    let record = super::store::find_public(&ctx.pool, number.as_str()).await?;
    let check = check_code(
        &ctx.code_key,
        record.as_ref().map(|r| r.query_code_hash.as_str()),
        &code,
    )
    .await;
    let Some(record) = record.filter(|_| check.is_right()) else {
        return Err(AppError::NotFound(NOT_FOUND));
    };
    if let CodeCheck::RightUpgrade(hash) = check
        && let Err(e) = super::store::set_query_code_hash(&ctx.pool, record.id, &hash).await
    {
        crate::kernel::query_code::upgrade_failed(e);
    }
    let mut events = events_store::events(&ctx.pool, record.id).await?;
    // The citizen's side of a case is what they may see: public events only.
    events.retain(|e| e.public);
    Ok(Opened { record, events })
}

fn unit_name(ctx: &AppContext, code: Option<&str>) -> String {
    code.and_then(|c| ctx.config.unit(c))
        .map(|u| u.name.clone())
        .unwrap_or_default()
}

/// The timeline as a citizen (or staff) reads it.
pub fn timeline(ctx: &AppContext, events: &[StoredEvent]) -> Vec<TimelineEntry> {
    events
        .iter()
        .map(|e| TimelineEntry {
            at: e.at.to_rfc3339(),
            kind: e.event.kind().code().to_owned(),
            text: simplified(&e.event.message(&unit_name(ctx, e.event.unit()))),
            message: e.event.message(&unit_name(ctx, e.event.unit())),
        })
        .collect()
}

async fn status_of(ctx: &AppContext, opened: Opened, now: Now) -> Result<PetitionStatus, AppError> {
    let Opened { record, events } = opened;
    let replies = events_store::replies(&ctx.pool, record.id)
        .await?
        .into_iter()
        .map(crate::features::cases::service::reply_view)
        .collect();
    let status = Status::of(&events);
    let received_on = store::read_date("received date", &record.received_on)?;
    let running_due =
        current_due(&events, received_on, &ctx.config.calendar).map(|(limit, date)| RunningDue {
            step: simplified(&limit.label()),
            article: simplified(&limit.article()),
            date,
            limit: Some(limit),
        });
    Ok(PetitionStatus {
        number: record.number,
        category: record.category,
        status: status.code().to_owned(),
        status_label: simplified(&status.label()),
        title: record.title,
        received_at: record.received_at,
        unit_name: record
            .unit_code
            .as_deref()
            .and_then(|c| ctx.config.unit(c))
            .map(|u| u.name.clone()),
        unit: record.unit_code,
        timeline: timeline(ctx, &events),
        due: Due {
            register: ctx.config.calendar.due(Limit::Register, received_on),
        },
        replies,
        after_reply: after_reply_options(ctx, &events, now),
        running_due,
        // Staff only (the case page): whoever typed an ID number must not learn what its
        // owner filed, nor its owner what someone else filed under it.
        same_matter_as: None,
    })
}

/// What the citizen may do about the latest reply, from the public events.
fn after_reply_options(ctx: &AppContext, events: &[StoredEvent], now: Now) -> AfterReplyOptions {
    let state = AfterReply::of(events);
    let request = review_request(&state, now.today(), &ctx.config.calendar).ok();
    AfterReplyOptions {
        can_evaluate: may_rate(&state).is_ok(),
        can_request: request.map(|level| level.code().to_owned()),
        request_until: request.and(state.request_until(&ctx.config.calendar)),
    }
}

/// An optional comment or a required reason: trimmed, at most `max` characters.
fn citizen_text(
    field: &str,
    label: Msg,
    value: &str,
    required: bool,
    max: usize,
) -> Result<Option<String>, AppError> {
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
        Err(AppError::Invalid(problems))
    }
}

fn not_now(field: &'static str, n: NotNow) -> AppError {
    AppError::Refused {
        field,
        code: n.code(),
        message: n.message(),
    }
}

/// Appends a citizen's event once `check` approved the case's public events, read in the same
/// write transaction.
async fn append_citizen_event(
    ctx: &AppContext,
    opened: &Opened,
    event: CaseEvent,
    comment: Option<String>,
    now: Now,
    check: impl FnOnce(&[StoredEvent]) -> Result<(), AppError> + Send + 'static,
) -> Result<(), AppError> {
    let (pool, config) = (ctx.pool.clone(), ctx.config.clone());
    let petition_id = opened.record.id;
    let (number, reported_unit) = (
        opened.record.number.clone(),
        opened.record.reported_unit.clone(),
    );
    store::detached(async move {
        events_store::append_with(&pool, petition_id, |events| {
            let public: Vec<StoredEvent> = events.iter().filter(|e| e.public).cloned().collect();
            check(&public)?;
            // A 复查 or 复核 asked for goes to the body that reviews it: its staff are told.
            let staff_notice = events_store::StaffNotice::of_review(
                events,
                &event,
                now.local(),
                &config,
                reported_unit.as_deref(),
                &number,
            );
            Ok(events_store::Appended {
                staff_id: None,
                at: now.stamp(),
                public: true,
                text: simplified(&event.message("")),
                reply: None,
                comment,
                notice: None,
                new_code: None,
                staff_notice,
                event,
            })
        })
        .await
    })
    .await?
}

/// 满意度评价 of the latest written reply (第21条): once per reply.
pub async fn evaluate(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    rating: &str,
    comment: Option<&str>,
    now: Now,
) -> Result<(), AppError> {
    let opened =
        crate::kernel::lookup::guarded(ctx, number, client, now, open(ctx, number, code)).await?;
    let Some(rating) = Rating::parse(rating) else {
        return Err(AppError::Invalid(vec![FieldProblem::new(
            "rating",
            "required",
            Msg::new("petition-rating-required"),
        )]));
    };
    let comment = citizen_text(
        "comment",
        Msg::new("petition-field-comment"),
        comment.unwrap_or(""),
        false,
        500,
    )?;
    append_citizen_event(
        ctx,
        &opened,
        CaseEvent::Evaluated { rating },
        comment,
        now,
        |events| may_rate(&AfterReply::of(events)).map_err(|n| not_now("evaluation", n)),
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
    now: Now,
) -> Result<Level, AppError> {
    let opened =
        crate::kernel::lookup::guarded(ctx, number, client, now, open(ctx, number, code)).await?;
    let reason = citizen_text(
        "reason",
        Msg::new("petition-field-review-reason"),
        reason,
        true,
        2000,
    )?
    .unwrap_or_default();
    let today = now.today();
    // Which review it is follows from the events; the transaction checks it is still so.
    let level = review_request(&AfterReply::of(&opened.events), today, &ctx.config.calendar)
        .map_err(|n| not_now("review", n))?;
    let calendar = ctx.config.calendar.clone();
    append_citizen_event(
        ctx,
        &opened,
        CaseEvent::ReviewRequested { level, reason },
        None,
        now,
        move |events| match review_request(&AfterReply::of(events), today, &calendar) {
            Ok(l) if l == level => Ok(()),
            Ok(_) => Err(not_now("review", NotNow::RequestPending)),
            Err(n) => Err(not_now("review", n)),
        },
    )
    .await?;
    Ok(level)
}

/// A petition opened by its holder, whose mobile an SMS code proved (我的事项): `NotFound`
/// unless it was filed with that mobile.
async fn open_for_holder(ctx: &AppContext, number: &str, mobile: &str) -> Result<Opened, AppError> {
    let Ok(number) = PetitionNumber::parse(number) else {
        return Err(AppError::NotFound(NOT_FOUND));
    };
    if !super::store::is_of_mobile(&ctx.pool, number.as_str(), mobile).await? {
        return Err(AppError::NotFound(NOT_FOUND));
    }
    let record = super::store::find_public(&ctx.pool, number.as_str())
        .await?
        .ok_or(AppError::NotFound(NOT_FOUND))?;
    let mut events = events_store::events(&ctx.pool, record.id).await?;
    events.retain(|e| e.public);
    Ok(Opened { record, events })
}

/// A petition's public status for its holder (我的事项), with its id for what they chose to be
/// told.
pub async fn status_for_holder(
    ctx: &AppContext,
    number: &str,
    mobile: &str,
    now: Now,
) -> Result<(PetitionStatus, i64), AppError> {
    let opened = open_for_holder(ctx, number, mobile).await?;
    let id = opened.record.id;
    Ok((status_of(ctx, opened, now).await?, id))
}

/// Every petition filed with `mobile`, newest first (我的事项).
pub async fn of_holder(
    ctx: &AppContext,
    mobile: &str,
    now: Now,
) -> Result<Vec<PetitionStatus>, AppError> {
    let mut out = Vec::new();
    for number in super::store::numbers_of_mobile(&ctx.pool, mobile).await? {
        out.push(status_for_holder(ctx, &number, mobile, now).await?.0);
    }
    Ok(out)
}

/// A new 查询码 for a petition filed with `mobile` (its holder proved it by an SMS code), sent
/// by SMS to that mobile in `lang`; the old code stops working, and the reset is recorded on the
/// case (internal).
pub async fn replace_query_code(
    ctx: &AppContext,
    number: &str,
    mobile: &str,
    client: &str,
    lang: crate::domain::prefs::Lang,
    now: Now,
) -> Result<(), AppError> {
    let opened = open_for_holder(ctx, number, mobile).await?;
    let replacement =
        crate::kernel::query_code::Replacement::new(ctx, client, mobile, lang, |code| {
            crate::domain::notify::new_query_code(&opened.record.number, code, false)
        });
    let (pool, id) = (ctx.pool.clone(), opened.record.id);
    store::detached(async move {
        events_store::append_with(&pool, id, |_| {
            let event = CaseEvent::QueryCodeReset;
            Ok::<_, AppError>(events_store::Appended {
                staff_id: None,
                at: now.stamp(),
                public: false,
                text: simplified(&event.message("")),
                reply: None,
                comment: None,
                notice: None,
                new_code: Some(replacement),
                staff_notice: None,
                event,
            })
        })
        .await
    })
    .await??;
    Ok(())
}

/// Whether any petition was filed with `mobile` (我的事项 sends a code only then).
pub async fn holds_any(ctx: &AppContext, mobile: &str) -> Result<bool, AppError> {
    Ok(!super::store::numbers_of_mobile(&ctx.pool, mobile)
        .await?
        .is_empty())
}

/// The petition `number` names, as the outbox knows it (for what its citizen chose to be told).
pub async fn subject(
    ctx: &AppContext,
    number: &str,
) -> Result<Option<crate::kernel::outbox::Subject>, AppError> {
    let Ok(number) = PetitionNumber::parse(number) else {
        return Ok(None);
    };
    Ok(super::store::find_public(&ctx.pool, number.as_str())
        .await?
        .map(|r| crate::kernel::outbox::Subject::Petition(r.id)))
}
