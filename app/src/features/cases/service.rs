//! The case service of the workbench: what staff may see of a case and what they may do to it.
//! Both the workbench's server functions and its form posts call it.

use super::store::{self, CaseRecord, StoredEvent};
use super::view::{CaseListItem, CaseView, DueView, EventView, PetitionerView};
use crate::domain::case::event::{
    assigned_on, assigned_unit, extended_before, holder, pending_review, reviewers,
};
use crate::domain::case::{
    ActionKind, CaseAction, Level, Refusal, Status, Urgency, current_due, parse_action, permitted,
};
use crate::domain::config::BureauConfig;
use crate::domain::limit::Limit;
use crate::domain::message::Msg;
use crate::domain::person::mask_id_number;
use crate::domain::petition::Category;
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::features::petition::view::Reply;
use crate::features::workbench::Docket;
use crate::kernel::files::download::{StoredFile, read_nth};
use crate::kernel::i18n::simplified;
use crate::kernel::{AppContext, AppError, Now};

/// What a number that opens no case (for this staff member) is answered with.
pub const NOT_FOUND: Msg = Msg::new("case-not-found");

/// Whether the staff member may see the case at all: unit staff only the cases assigned to their
/// unit, or whose 复查 or 复核 their unit holds or answered.
fn may_see(
    staff: &StaffAccount,
    events: &[StoredEvent],
    config: &BureauConfig,
    reported_unit: Option<&str>,
) -> bool {
    match staff.role {
        StaffRole::UnitStaff => {
            let Some(unit) = staff.unit_code.as_deref() else {
                return false;
            };
            assigned_unit(events) == Some(unit)
                || (reported_unit != Some(unit)
                    && reviewers(events, config).iter().any(|r| r == unit))
        }
        StaffRole::Registrar | StaffRole::Supervisor | StaffRole::Admin => true,
        StaffRole::LegalAid | StaffRole::Editor => false,
    }
}

/// Reports (检举控告类) never show the reporter to the unit's staff (第30条).
pub(crate) fn identity_hidden(staff: &StaffAccount, category: &str) -> bool {
    staff.role == StaffRole::UnitStaff
        && Category::parse(category).is_some_and(Category::hides_identity_from_unit)
}

fn unit_name(ctx: &AppContext, code: Option<&str>) -> Option<String> {
    code.map(|c| {
        ctx.config
            .unit(c)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| c.to_owned())
    })
}

fn due_view((limit, date): (Limit, chrono::NaiveDate), today: chrono::NaiveDate) -> DueView {
    DueView {
        label: simplified(&limit.label()),
        article: simplified(&limit.article()),
        date,
        urgency: Urgency::of(date, today),
    }
}

/// The workbench's list for this staff member.
pub async fn list(
    ctx: &AppContext,
    staff: &StaffAccount,
    now: Now,
) -> Result<Vec<CaseListItem>, AppError> {
    if matches!(staff.role, StaffRole::LegalAid | StaffRole::Editor) {
        return Ok(Vec::new());
    }
    let rows = store::list(&ctx.pool, None, 200).await?;
    Ok(items(ctx, staff, &rows, now))
}

/// The cases of `rows` this staff member may see, as their lists show them.
pub(crate) fn items(
    ctx: &AppContext,
    staff: &StaffAccount,
    rows: &[store::CaseRow],
    now: Now,
) -> Vec<CaseListItem> {
    let unit = staff.role == StaffRole::UnitStaff;
    let today = now.today();
    rows.iter()
        .filter(|r| !unit || may_see(staff, &r.events, &ctx.config, r.reported_unit.as_deref()))
        .cloned()
        .map(|r| {
            let status = r.status();
            // Whether it is this staff member's to act on now: their unit holds it, or, for the
            // bureau, no unit does.
            let held = holder(&r.events, &ctx.config, r.reported_unit.as_deref());
            let hidden = identity_hidden(staff, &r.category);
            let held_here = match staff.role {
                StaffRole::UnitStaff => held.is_some() && held == staff.unit_code,
                _ => held.is_none(),
            };
            CaseListItem {
                held_here,
                petitioner: if hidden {
                    crate::kernel::i18n::simplified(&crate::domain::msg!("cases-identity-withheld"))
                } else {
                    format!("{} {}", r.petitioner_name, mask_id_number(&r.id_number))
                },
                register_due: ctx.config.calendar.due(Limit::Register, r.received_on),
                due: current_due(&r.events, r.received_on, &ctx.config.calendar)
                    .map(|d| due_view(d, today)),
                status: status.code().to_owned(),
                status_label: simplified(&status.label()),
                unit: unit_name(ctx, r.assigned_unit()),
                number: r.number,
                received_on: crate::kernel::store::date_text(r.received_on),
                category: r.category,
                title: r.title,
                // Withheld with the reporter's identity (第30条), as on the case page.
                same_matter_as: r.same_matter_as.filter(|_| !hidden),
            }
        })
        .collect()
}

/// The actions to offer on a case in `status`; `recheck` when a 复核 request waits.
/// The actions this staff member may take on the case now, as its page offers them.
fn offered(staff: &StaffAccount, events: &[StoredEvent], held_by: Option<&str>) -> Vec<ActionKind> {
    let status = Status::of(events);
    let own_unit = staff.unit_code.is_some() && staff.unit_code.as_deref() == held_by;
    let recheck = pending_review(events) == Some(Level::Recheck);
    // 第34条 allows one extension: no form once it is used.
    let extended = extended_before(events);
    ActionKind::ALL
        .into_iter()
        .filter(|k| recheck || *k != ActionKind::Hearing)
        .filter(|k| !extended || *k != ActionKind::Extend)
        .filter(|k| permitted(&k.sample(), status, staff.role, own_unit, held_by.is_none()).is_ok())
        .collect()
}

/// A case and its events, when this staff member may see it.
async fn open(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
) -> Result<Option<(CaseRecord, Vec<StoredEvent>)>, AppError> {
    let Some(record) = store::find(&ctx.pool, number).await? else {
        return Ok(None);
    };
    let events = store::events(&ctx.pool, record.id).await?;
    if !may_see(staff, &events, &ctx.config, record.reported_unit.as_deref()) {
        return Ok(None);
    }
    Ok(Some((record, events)))
}

/// A stored reply as citizens and staff read it.
pub fn reply_view(r: store::ReplyRow) -> Reply {
    Reply {
        outcome: simplified(&r.letter.outcome.label()),
        outcome_msg: r.letter.outcome.label(),
        at: r.at.to_rfc3339(),
        request: r.letter.request,
        facts_and_reasons: r.letter.facts_and_reasons,
        opinion: r.letter.opinion,
        legal_basis: r.letter.legal_basis,
    }
}

/// Cases on the workbench, for the shared action and file handlers.
pub struct Cases;

impl Docket for Cases {
    const PATH: &'static str = "/staff/cases";
    const STATE_FIELD: &'static str = "case-status";
    const NOT_FOUND: Msg = NOT_FOUND;
    type View = CaseView;

    /// The full case page, or `None` when there is no such case or it is not this staff member's to
    /// see (the two look the same). Every view of the full record is written to the audit log.
    async fn view(
        ctx: &AppContext,
        staff: &StaffAccount,
        number: &str,
        now: Now,
    ) -> Result<Option<CaseView>, AppError> {
        let Some((record, events)) = open(ctx, staff, number).await? else {
            return Ok(None);
        };
        let status = Status::of(&events);
        let assigned = assigned_unit(&events).map(str::to_owned);
        let held_by = holder(&events, &ctx.config, record.reported_unit.as_deref());
        store::audit(
            &ctx.pool,
            staff.id,
            "view_case",
            Some(record.id),
            &now.stamp(),
        )
        .await?;
        let replies = store::replies(&ctx.pool, record.id).await?;
        let withheld = identity_hidden(staff, &record.category);
        let files = crate::kernel::files::store::of_petition(&ctx.pool, record.id).await?;
        let attachments = if withheld {
            Vec::new()
        } else {
            files
                .iter()
                .map(|a| {
                    let size = u64::try_from(a.size_bytes).unwrap_or_default();
                    (
                        a.original_name.clone(),
                        crate::domain::petition::attachment::size_label(size),
                    )
                })
                .collect()
        };
        let received_on = record.received_on()?;
        let channel = crate::domain::petition::channel::Channel::parse(&record.channel);
        let co_petitioners = if withheld {
            Vec::new()
        } else {
            crate::features::petition::service::co_petitioners(ctx, record.id)
                .await?
                .into_iter()
                .map(|c| crate::features::cases::view::CoPetitionerView {
                    name: c.name,
                    id_number: c.id_number,
                    mobile: c.mobile,
                    representative: c.representative != 0,
                })
                .collect()
        };
        let field = events
            .iter()
            .rev()
            .find_map(|e| match &e.event {
                crate::domain::case::CaseEvent::FieldSet { field, .. } => Some(field.clone()),
                _ => None,
            })
            .or_else(|| record.field.clone())
            .unwrap_or_else(|| crate::domain::config::OTHER_FIELD.to_owned());
        // The bureau's letters naming it (a unit's staff: those to their unit).
        let letters = crate::features::letters::store::of_case(&ctx.pool, record.id)
            .await?
            .into_iter()
            .filter(|l| {
                staff.role != StaffRole::UnitStaff
                    || staff.unit_code.as_deref() == Some(l.3.as_str())
            })
            .map(|(id, kind, number, _)| {
                let kind = crate::domain::letter::LetterKind::parse(&kind)
                    .map(|k| k.name().to_owned())
                    .unwrap_or(kind);
                (id, kind, number)
            })
            .collect();
        Ok(Some(CaseView {
            letters,
            co_petitioners,
            field,
            fields: ctx
                .config
                .fields
                .iter()
                .map(|f| (f.code.clone(), f.name.clone()))
                .collect(),
            petitioner: (!withheld).then(|| PetitionerView {
                name: record.petitioner_name.clone(),
                id_number: record.id_number.clone(),
                mobile: record.mobile.clone(),
                address: record.address.clone(),
                district: ctx
                    .config
                    .district(&record.district)
                    .map(|d| d.name.clone())
                    .unwrap_or_else(|| record.district.clone()),
            }),
            register_due: ctx.config.calendar.due(Limit::Register, received_on),
            due: current_due(&events, received_on, &ctx.config.calendar)
                .map(|d| due_view(d, now.today())),
            status_label: simplified(&status.label()),
            suggested_unit: unit_name(ctx, record.unit_code.as_deref()),
            assigned_unit: unit_name(ctx, assigned.as_deref()),
            events: events
                .iter()
                .map(|e| EventView {
                    at: e.at.to_rfc3339(),
                    kind: e.event.kind().code().to_owned(),
                    public: e.public,
                    text: simplified(
                        &e.event
                            .message(&unit_name(ctx, e.event.unit()).unwrap_or_default()),
                    ),
                    actor: e.actor.clone(),
                })
                .collect(),
            replies: replies.into_iter().map(reply_view).collect(),
            actions: offered(staff, &events, held_by.as_deref()),
            held_by: unit_name(ctx, held_by.as_deref()),
            pending_review: pending_review(&events),
            review_reason: events
                .iter()
                .rev()
                .find_map(|e| match &e.event {
                    crate::domain::case::CaseEvent::ReviewRequested { reason, .. } => {
                        Some(reason.clone())
                    }
                    _ => None,
                })
                .filter(|_| pending_review(&events).is_some())
                .unwrap_or_default(),
            units: ctx
                .config
                .units
                .iter()
                .map(|u| (u.code.clone(), u.name.clone()))
                .collect(),
            attachments,
            attachments_withheld: withheld && !files.is_empty(),
            same_matter_as: record.same_matter_as_number.filter(|_| !withheld),
            reported: record.reported.clone(),
            reported_unit: unit_name(ctx, record.reported_unit.as_deref()),
            reported_unit_code: record.reported_unit.clone(),
            number: record.number,
            category: record.category,
            title: record.title,
            channel: channel
                .map(|c| simplified(&c.label()))
                .unwrap_or_else(|| record.channel.clone()),
            received_on: channel
                .filter(|c| crate::domain::petition::channel::Channel::BY_CLERK.contains(c))
                .map(|_| record.received_on.clone()),
            postmarked_on: record.postmarked_on.clone(),
            received_at: record.received_at,
            request: record.request,
            facts_and_reasons: record.facts_and_reasons,
            place_and_time: record.place_and_time,
            earlier_handling: record.earlier_handling,
        }))
    }

    /// The `n`th file (from 1) of a case, for a staff member who may see the case; `None` when the
    /// case or file does not exist, the case is not theirs to see, or it is a report's file and they
    /// are the unit's staff (第30条). Every file opened is written to the audit log.
    async fn file(
        ctx: &AppContext,
        staff: &StaffAccount,
        number: &str,
        n: usize,
        now: Now,
    ) -> Result<Option<StoredFile>, AppError> {
        let Some((record, _)) = open(ctx, staff, number).await? else {
            return Ok(None);
        };
        if identity_hidden(staff, &record.category) {
            return Ok(None);
        }
        let files = crate::kernel::files::store::of_petition(&ctx.pool, record.id).await?;
        let file = read_nth(ctx, files, n).await;
        if file.is_some() {
            store::audit(
                &ctx.pool,
                staff.id,
                "open_attachment",
                Some(record.id),
                &now.stamp(),
            )
            .await?;
        }
        Ok(file)
    }

    /// Takes the action posted on a case's page, as one event, checked against the case's events
    /// as read inside its write transaction.
    async fn act(
        ctx: &AppContext,
        staff: &StaffAccount,
        number: &str,
        pairs: &[(String, String)],
        now: Now,
    ) -> Result<(), AppError> {
        let record = store::find(&ctx.pool, number)
            .await?
            .ok_or(AppError::NotFound(NOT_FOUND))?;
        // A second extension is refused for what it is before its fields are judged (the
        // transaction checks again).
        if pairs
            .iter()
            .any(|(k, v)| k == "action" && v == ActionKind::Extend.code())
            && extended_before(&store::events(&ctx.pool, record.id).await?)
        {
            return Err(AppError::refused("case-status", Refusal::AlreadyExtended));
        }
        let action =
            parse_action(pairs, |u| ctx.config.unit(u).is_some()).map_err(AppError::Invalid)?;
        // A field of the configuration, named as it says.
        let action = match action {
            CaseAction::SetField { field, .. } => match ctx.config.field(&field) {
                Some(f) => CaseAction::SetField {
                    field,
                    name: f.name.clone(),
                },
                None => {
                    return Err(AppError::Invalid(vec![
                        crate::domain::text::FieldProblem::new(
                            "field",
                            "unknown",
                            Msg::new("field-unknown"),
                        ),
                    ]));
                }
            },
            other => other,
        };
        // A report never goes to the unit it reports (第30条).
        if let CaseAction::RegisterAndAssign { unit } = &action
            && record.reported_unit.as_deref() == Some(unit.as_str())
        {
            return Err(AppError::refused("unit", Refusal::ReportedUnit));
        }
        let (ctx, staff) = (ctx.clone(), staff.clone());
        let petition_id = record.id;
        let reported_unit = record.reported_unit.clone();
        let received_on = record.received_on()?;
        let number = record.number.clone();
        crate::kernel::store::detached(async move {
            // The event depends on the events (a reply answers a waiting 复查/复核), so it is made
            // inside the transaction too.
            store::append_with(&ctx.pool, petition_id, |events| {
                decide(
                    &ctx,
                    &staff,
                    &action,
                    &Known {
                        reported_unit: reported_unit.as_deref(),
                        received_on,
                        number: &number,
                    },
                    now,
                    events,
                )
            })
            .await
        })
        .await?
    }
}

/// What an action needs to know of its case beyond the events.
pub(crate) struct Known<'a> {
    pub reported_unit: Option<&'a str>,
    pub received_on: chrono::NaiveDate,
    pub number: &'a str,
}

/// The event an action on a case makes, from the case's events as read inside its write
/// transaction, with the texts and notices it goes with; refused when it is not the staff
/// member's to take or the case's state does not allow it.
pub(crate) fn decide(
    ctx: &AppContext,
    staff: &StaffAccount,
    action: &CaseAction,
    known: &Known<'_>,
    now: Now,
    events: &[StoredEvent],
) -> Result<store::Appended, AppError> {
    let today = now.today();
    let (received_on, number) = (known.received_on, known.number);
    let reported_unit = known.reported_unit;
    let held_by = holder(events, &ctx.config, reported_unit);
    if !may_see(staff, events, &ctx.config, reported_unit) {
        return Err(AppError::NotFound(NOT_FOUND));
    }
    let refuse = |r: Refusal| Err(AppError::refused("case-status", r));
    if matches!(action, CaseAction::Extend { .. }) && extended_before(events) {
        return refuse(Refusal::AlreadyExtended);
    }
    if matches!(action, CaseAction::Hearing { .. })
        && pending_review(events) != Some(Level::Recheck)
    {
        return refuse(Refusal::HearingOnlyInRecheck);
    }
    if matches!(action, CaseAction::Object { .. })
        && let Some(assigned) = assigned_on(events)
        && today > ctx.config.calendar.due(Limit::ObjectToAssignment, assigned)
    {
        return refuse(Refusal::ObjectionTooLate);
    }
    let own = staff.unit_code.is_some() && staff.unit_code == held_by;
    permitted(
        action,
        Status::of(events),
        staff.role,
        own,
        held_by.is_none(),
    )
    .map_err(|r| AppError::refused("case-status", r))?;
    // A posted 复查/复核 request is in time by its postmark (第35、36条).
    let action = match action.clone() {
        CaseAction::PostedReview {
            postmarked_on,
            reason,
            ..
        } => {
            if postmarked_on > today {
                return Err(AppError::Invalid(vec![
                    crate::domain::text::FieldProblem::new(
                        "review_postmark",
                        "in_future",
                        Msg::new("posted-review-postmark-future"),
                    ),
                ]));
            }
            let state = crate::domain::case::review::AfterReply::of(events);
            if state
                .last_reply
                .is_some_and(|(_, replied)| postmarked_on < replied)
            {
                return Err(AppError::Invalid(vec![
                    crate::domain::text::FieldProblem::new(
                        "review_postmark",
                        "before_reply",
                        Msg::new("posted-review-before-reply"),
                    ),
                ]));
            }
            let level = crate::domain::case::review::review_request(
                &state,
                postmarked_on,
                &ctx.config.calendar,
            )
            .map_err(|n| AppError::Refused {
                field: "review_postmark",
                code: n.code(),
                message: n.message(),
            })?;
            CaseAction::PostedReview {
                level,
                postmarked_on,
                reason,
            }
        }
        other => other,
    };
    let event = action.event(pending_review(events));
    let named = unit_name(ctx, event.unit()).unwrap_or_default();
    let mut text = simplified(&event.message(&named));
    // A posted request keeps the postmark that made it in time.
    if let CaseAction::PostedReview { postmarked_on, .. } = &action {
        text.push_str(&simplified(&crate::domain::msg!(
            "event-posted-review-postmark",
            date = crate::kernel::store::date_text(*postmarked_on)
        )));
    }
    // An extension's new end: the running deadline with it counted (the only
    // notice of an action that names a date).
    let due = matches!(event, crate::domain::case::CaseEvent::Extended { .. })
        .then(|| {
            let mut after = events.to_vec();
            after.push(store::StoredEvent {
                at: now.local(),
                public: action.public(),
                actor: None,
                event: event.clone(),
            });
            current_due(&after, received_on, &ctx.config.calendar).map(|(_, d)| d)
        })
        .flatten();
    let notice = action
        .public()
        .then(|| crate::domain::notify::for_case_event(&event, number, due, &named))
        .flatten();
    // The unit's staff are told of a case given to them and of a letter on one
    // they hold (by mail, those who asked).
    let staff_notice = match &event {
        crate::domain::case::CaseEvent::Assigned { unit } => Some(store::StaffNotice {
            unit: unit.clone(),
            message: crate::domain::notify::staff_assigned(number),
        }),
        crate::domain::case::CaseEvent::ReviewRequested { .. } => store::StaffNotice::of_review(
            events,
            &event,
            now.local(),
            &ctx.config,
            reported_unit,
            number,
        ),
        crate::domain::case::CaseEvent::Letter { letter, .. } => {
            held_by.map(|unit| store::StaffNotice {
                unit: unit.to_owned(),
                message: crate::domain::notify::staff_letter(
                    number,
                    *letter == crate::domain::case::event::Letter::Reminder,
                ),
            })
        }
        _ => None,
    };
    Ok(store::Appended {
        staff_id: Some(staff.id),
        at: now.stamp(),
        public: action.public(),
        text,
        reply: match &action {
            CaseAction::Reply(letter) | CaseAction::ReviewOpinion(letter) => Some(letter.clone()),
            _ => None,
        },
        comment: None,
        notice,
        new_code: None,
        staff_notice,
        event,
    })
}

/// Reminds each citizen who asked for messages, [`REMINDER_DAYS`] days before their 复查 or 复核
/// window closes, that they may still ask (the hourly work). Once per window: the message's key
/// names the review and its last day. Returns how many cases were in those last days.
///
/// [`REMINDER_DAYS`]: crate::domain::case::review::REMINDER_DAYS
pub async fn remind_closing_reviews(ctx: &AppContext, now: Now) -> Result<usize, AppError> {
    use crate::domain::case::review::{AfterReply, closing_soon};
    // A window is 30 days (第35、36条), longer only by the holidays the calendar skips.
    let since = Now(now.utc() - chrono::Duration::days(60)).stamp();
    let mut closing = 0;
    for (id, number) in store::replied_since(&ctx.pool, &since).await? {
        let events = store::events(&ctx.pool, id).await?;
        let state = AfterReply::of(&events);
        let Some((level, last)) = closing_soon(&state, now.today(), &ctx.config.calendar) else {
            continue;
        };
        let message = crate::domain::notify::review_closing(&number, level, last);
        let mut write = crate::kernel::store::begin_write(&ctx.pool).await?;
        crate::kernel::outbox::notify_citizen(
            &mut write.tx,
            crate::kernel::outbox::Subject::Petition(id),
            &format!("review-closing:{}:{last}", level.code()),
            &message,
            now.utc(),
        )
        .await?;
        write
            .tx
            .commit()
            .await
            .map_err(crate::kernel::store::StoreError::from)?;
        closing += 1;
    }
    Ok(closing)
}

/// How many of the newest cases the digest reads (with every review still open): all of a
/// city's for years; a province's oldest beyond it are left to the workbench.
const DIGEST_CASES: i64 = 100_000;

/// Mails each staff member who asked for mail one digest a day, from 08:00 Beijing time: the
/// cases overdue and due within three days that are theirs (their unit's; the bureau's for a
/// registrar; every case for 督办 and 管理员), or nothing when there are none (the hourly work).
/// Once a day across servers and runs: the message's key names the person and the day.
/// Returns how many digests were queued.
pub async fn send_staff_digests(ctx: &AppContext, now: Now) -> Result<usize, AppError> {
    use crate::domain::notify::{DigestScope, digest_day, digest_scope, staff_digest};
    let Some(day) = digest_day(now.local()) else {
        return Ok(0);
    };
    // Those whose digest of the day has not been queued yet (the hourly runs after the first
    // find none, and read no cases).
    let key_of = |staff_id: i64| format!("digest:{staff_id}:{day}:email");
    let mut recipients = Vec::new();
    for (record, email) in crate::features::staff::store::mail_recipients(&ctx.pool).await? {
        if !crate::kernel::outbox::queued(&ctx.pool, &key_of(record.id)).await? {
            recipients.push((record, email));
        }
    }
    if recipients.is_empty() {
        return Ok(0);
    }
    // Every case once for everyone (not the workbench's newest 200: the overdue ones are old).
    let rows = store::list(&ctx.pool, None, DIGEST_CASES).await?;
    let mut queued = 0;
    for (record, email) in recipients {
        let Some(staff) = crate::features::staff::auth::account_from_record(record) else {
            continue;
        };
        let scope = digest_scope(staff.role);
        let key = key_of(staff.id);
        if scope == DigestScope::None {
            continue;
        }
        let mut due: Vec<(Urgency, chrono::NaiveDate, String)> = items(ctx, &staff, &rows, now)
            .into_iter()
            .filter(|c| scope == DigestScope::All || c.held_here)
            .filter_map(|c| {
                let d = c.due?;
                (d.urgency != Urgency::OnTime).then(|| {
                    let when = simplified(&match d.urgency {
                        Urgency::Overdue => Msg::new("urgency-overdue"),
                        _ => Msg::new("urgency-due-soon"),
                    });
                    let line =
                        format!("{} {}（{}）{} {when}", c.number, d.label, d.article, d.date);
                    (d.urgency, d.date, line)
                })
            })
            .collect();
        if due.is_empty() {
            continue;
        }
        // Overdue first, then by date.
        due.sort_by_key(|(u, date, _)| (*u != Urgency::Overdue, *date));
        let overdue = due
            .iter()
            .filter(|(u, _, _)| *u == Urgency::Overdue)
            .count();
        let lines: Vec<&str> = due.iter().map(|(_, _, l)| l.as_str()).collect();
        let message = staff_digest(overdue, due.len() - overdue, lines.join("\n"));
        let mut write = crate::kernel::store::begin_write(&ctx.pool).await?;
        crate::kernel::outbox::enqueue(
            &mut write.tx,
            &crate::kernel::outbox::Outgoing {
                key: &key,
                channel: crate::kernel::outbox::Channel::Email,
                recipient: &email,
                lang: crate::domain::prefs::Lang::Simplified,
                message: &message,
                subject: None,
            },
            now.utc(),
        )
        .await?;
        write
            .tx
            .commit()
            .await
            .map_err(crate::kernel::store::StoreError::from)?;
        queued += 1;
    }
    Ok(queued)
}
