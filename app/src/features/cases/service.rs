//! The case service of the workbench: what staff may see of a case and what they may do to it.
//! Both the workbench's server functions and its form posts call it.

use crate::domain::case::review::REPLY_KINDS;
use crate::domain::case::status::Status;
use crate::domain::case::{CaseAction, Refusal, Urgency, current_due, parse_action, permitted};
use crate::domain::limit::Limit;
use crate::domain::person::mask_id_number;
use crate::domain::petition::category::Category;
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::domain::text::FieldProblem;
use crate::features::cases::view::{CaseListItem, CaseView, DueView, EventView, PetitionerView};
use crate::features::petition::service::shanghai;
use crate::features::petition::view::Reply;
use crate::kernel::context::AppContext;
use crate::kernel::store::{self, StoreError};
use chrono::{NaiveDate, Utc};

/// Whether the staff member may see the case at all: unit staff only their unit's cases.
fn may_see(staff: &StaffAccount, assigned_unit: Option<&str>) -> bool {
    match staff.role {
        StaffRole::UnitStaff => {
            staff.unit_code.is_some() && staff.unit_code.as_deref() == assigned_unit
        }
        StaffRole::Registrar | StaffRole::Supervisor | StaffRole::Admin => true,
        StaffRole::LegalAid | StaffRole::Editor => false,
    }
}

/// Reports (检举控告类) never show the reporter to the unit's staff (第30条).
fn identity_hidden(staff: &StaffAccount, category: &str) -> bool {
    staff.role == StaffRole::UnitStaff
        && Category::parse(category).is_some_and(Category::hides_identity_from_unit)
}

fn received_on(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn unit_name(ctx: &AppContext, code: Option<&str>) -> Option<String> {
    code.map(|c| {
        ctx.config
            .unit(c)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| c.to_owned())
    })
}

/// The workbench's list for this staff member.
pub async fn list(ctx: &AppContext, staff: &StaffAccount) -> Result<Vec<CaseListItem>, StoreError> {
    if matches!(staff.role, StaffRole::LegalAid | StaffRole::Editor) {
        return Ok(Vec::new());
    }
    let unit =
        (staff.role == StaffRole::UnitStaff).then(|| staff.unit_code.clone().unwrap_or_default());
    let rows = crate::features::cases::store::list(&ctx.pool, unit.as_deref(), 200).await?;
    let today = Utc::now().with_timezone(&shanghai()).date_naive();
    Ok(rows
        .into_iter()
        .map(|r| CaseListItem {
            petitioner: if identity_hidden(staff, &r.category) {
                "（依法不向承办单位提供）".to_owned()
            } else {
                format!("{} {}", r.petitioner_name, mask_id_number(&r.id_number))
            },
            register_due: ctx
                .config
                .calendar
                .due(Limit::Register, received_on(&r.received_on)),
            due: current_due(
                &r.events
                    .iter()
                    .map(|(k, d, x)| (k.as_str(), *d, *x))
                    .collect::<Vec<_>>(),
                received_on(&r.received_on),
                &ctx.config.calendar,
            )
            .map(|(limit, date)| DueView {
                label: limit.label().to_owned(),
                article: limit.article().to_owned(),
                date,
                urgency: Urgency::of(date, today),
            }),
            status: r.status.code().to_owned(),
            status_label: r.status.label().to_owned(),
            unit: unit_name(ctx, r.assigned_unit.as_deref()),
            number: r.number,
            received_on: r.received_on,
            category: r.category,
            title: r.title,
        })
        .collect())
}

/// Whether the request waiting for an answer is a 复核 (第36条), from the events oldest first.
fn in_recheck<'a>(kinds: impl DoubleEndedIterator<Item = &'a str>) -> bool {
    kinds
        .rev()
        .find(|k| k.ends_with("_requested") || REPLY_KINDS.contains(k))
        == Some("recheck_requested")
}

/// The actions to offer on a case in `status`; `recheck` when a 复核 request waits.
fn offered(staff: &StaffAccount, status: Status, own_unit: bool, recheck: bool) -> Vec<String> {
    let samples = [
        (
            "assign",
            CaseAction::RegisterAndAssign {
                unit: String::new(),
            },
        ),
        ("accept", CaseAction::Accept),
        (
            "not_accept",
            CaseAction::NotAccept {
                reason: String::new(),
            },
        ),
        (
            "reply",
            CaseAction::Reply(crate::domain::case::ReplyLetter {
                request: String::new(),
                facts_and_reasons: String::new(),
                opinion: String::new(),
                legal_basis: String::new(),
                outcome: crate::domain::case::Outcome::Explain,
            }),
        ),
        (
            "progress",
            CaseAction::Progress {
                note: String::new(),
                public: true,
            },
        ),
        ("close", CaseAction::Close),
        (
            "extend",
            CaseAction::Extend {
                days: 0,
                reason: String::new(),
            },
        ),
        (
            "supervise",
            CaseAction::Supervise {
                reminder: false,
                text: String::new(),
            },
        ),
        (
            "object",
            CaseAction::Object {
                reason: String::new(),
            },
        ),
        (
            "mediate",
            CaseAction::Mediate {
                agreed: false,
                note: String::new(),
            },
        ),
        (
            "hearing",
            CaseAction::Hearing {
                days: 0,
                note: String::new(),
            },
        ),
    ];
    samples
        .into_iter()
        .filter(|(code, _)| recheck || *code != "hearing")
        .filter(|(_, a)| permitted(a, status, staff.role, own_unit).is_ok())
        .map(|(code, _)| code.to_owned())
        .collect()
}

/// The full case page, or `None` when there is no such case or it is not this staff member's to
/// see (the two look the same). Every view of the full record is written to the audit log.
pub async fn view(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
) -> Result<Option<CaseView>, StoreError> {
    let Some(record) = crate::features::cases::store::find(&ctx.pool, number).await? else {
        return Ok(None);
    };
    let events = crate::features::cases::store::events(&ctx.pool, record.id).await?;
    let (status, assigned) = crate::features::cases::store::state_of(&events);
    if !may_see(staff, assigned.as_deref()) {
        return Ok(None);
    }
    let recheck = in_recheck(events.iter().map(|e| e.kind.as_str()));
    let now = Utc::now().with_timezone(&shanghai()).to_rfc3339();
    crate::features::cases::store::audit(&ctx.pool, staff.id, "view_case", Some(record.id), &now)
        .await?;
    let own_unit = staff.unit_code.is_some() && staff.unit_code == assigned;
    let replies = crate::features::cases::store::replies(&ctx.pool, record.id).await?;
    let withheld = identity_hidden(staff, &record.category);
    let attachments = if withheld {
        Vec::new()
    } else {
        crate::kernel::files::store::of_petition(&ctx.pool, record.id)
            .await?
            .into_iter()
            .map(|a| {
                let size = u64::try_from(a.size_bytes).unwrap_or_default();
                (
                    a.original_name,
                    crate::domain::petition::attachment::size_label(size),
                )
            })
            .collect()
    };
    Ok(Some(CaseView {
        petitioner: (!identity_hidden(staff, &record.category)).then(|| PetitionerView {
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
        register_due: ctx
            .config
            .calendar
            .due(Limit::Register, received_on(&record.received_on)),
        status_label: status.label().to_owned(),
        suggested_unit: unit_name(ctx, record.unit_code.as_deref()),
        assigned_unit: unit_name(ctx, assigned.as_deref()),
        events: events
            .into_iter()
            .map(|e| EventView {
                at: e.at,
                kind: e.kind,
                public: e.public,
                text: e.text,
                actor: e.actor,
            })
            .collect(),
        replies: replies.into_iter().map(reply_view).collect(),
        actions: offered(staff, status, own_unit, recheck),
        units: ctx
            .config
            .units
            .iter()
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect(),
        attachments,
        attachments_withheld: withheld
            && !crate::kernel::files::store::of_petition(&ctx.pool, record.id)
                .await?
                .is_empty(),
        number: record.number,
        category: record.category,
        title: record.title,
        received_at: record.received_at,
        request: record.request,
        facts_and_reasons: record.facts_and_reasons,
        place_and_time: record.place_and_time,
        earlier_handling: record.earlier_handling,
    }))
}

/// A petition's file as a staff member opens it.
pub struct CaseFile {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// The `n`th file (from 1) of a case, for a staff member who may see the case; `None` when the
/// case or file does not exist, the case is not theirs to see, or it is a report's file and they
/// are the unit's staff (第30条). Every file opened is written to the audit log.
pub async fn attachment(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
    n: usize,
) -> Result<Option<CaseFile>, StoreError> {
    let Some(record) = crate::features::cases::store::find(&ctx.pool, number).await? else {
        return Ok(None);
    };
    let events = crate::features::cases::store::events(&ctx.pool, record.id).await?;
    let (_, assigned) = crate::features::cases::store::state_of(&events);
    if !may_see(staff, assigned.as_deref()) || identity_hidden(staff, &record.category) {
        return Ok(None);
    }
    let files = crate::kernel::files::store::of_petition(&ctx.pool, record.id).await?;
    let file = read_nth(ctx, files, n).await;
    if file.is_some() {
        let now = Utc::now().with_timezone(&shanghai()).to_rfc3339();
        crate::features::cases::store::audit(
            &ctx.pool,
            staff.id,
            "open_attachment",
            Some(record.id),
            &now,
        )
        .await?;
    }
    Ok(file)
}

/// The `n`th (from 1) of `files`, read from the attachments directory.
pub async fn read_nth(
    ctx: &AppContext,
    files: Vec<crate::kernel::files::store::AttachmentRecord>,
    n: usize,
) -> Option<CaseFile> {
    let file = n.checked_sub(1).and_then(|i| files.into_iter().nth(i))?;
    match tokio::fs::read(ctx.attachments_dir.join(&file.token)).await {
        Ok(bytes) => Some(CaseFile {
            name: file.original_name,
            media_type: file.media_type,
            bytes,
        }),
        Err(e) => {
            tracing::error!(error = %e, n, "a recorded attachment cannot be read");
            None
        }
    }
}

/// A stored reply as citizens and staff read it.
pub fn reply_view(r: crate::features::cases::store::ReplyRow) -> Reply {
    Reply {
        outcome: crate::domain::case::Outcome::parse(&r.outcome)
            .map(|o| o.label().to_owned())
            .unwrap_or(r.outcome),
        at: r.at,
        request: r.request,
        facts_and_reasons: r.facts_and_reasons,
        opinion: r.opinion,
        legal_basis: r.legal_basis,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ActError {
    #[error("no such case")]
    NotFound,
    #[error("fields with problems")]
    Invalid(Vec<FieldProblem>),
    #[error("not allowed")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Takes the action posted on a case's page, as one event.
pub async fn act(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
    pairs: &[(String, String)],
) -> Result<(), ActError> {
    act_at(ctx, staff, number, pairs, Utc::now()).await
}

/// [`act`] at a given time (the demo seed records past events).
pub async fn act_at(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
    pairs: &[(String, String)],
    now: chrono::DateTime<Utc>,
) -> Result<(), ActError> {
    let action =
        parse_action(pairs, |u| ctx.config.unit(u).is_some()).map_err(ActError::Invalid)?;
    let record = crate::features::cases::store::find(&ctx.pool, number)
        .await?
        .ok_or(ActError::NotFound)?;
    let assigned_to = match &action {
        CaseAction::RegisterAndAssign { unit } => Some(unit.clone()),
        _ => None,
    };
    let text = action.text(&unit_name(ctx, assigned_to.as_deref()).unwrap_or_default());
    let reply = match &action {
        CaseAction::Reply(letter) => Some(letter.clone()),
        _ => None,
    };
    let at = now.with_timezone(&shanghai()).to_rfc3339();
    // A reply while a 复查 or 复核 request waits answers that request (one level up).
    let pending = crate::features::cases::store::events(&ctx.pool, record.id)
        .await?
        .iter()
        .rev()
        .find(|e| e.kind.ends_with("_requested") || REPLY_KINDS.contains(&e.kind.as_str()))
        .map(|e| e.kind.clone());
    let kind = match (&action, pending.as_deref()) {
        (CaseAction::Reply(_), Some("review_requested")) => "review_answered",
        (CaseAction::Reply(_), Some("recheck_requested")) => "recheck_answered",
        _ => action.kind(),
    };
    let text = match kind {
        "review_answered" => text.replace("已书面答复", "已作出复查意见"),
        "recheck_answered" => text.replace("已书面答复", "已作出复核意见"),
        _ => text,
    };
    let (ctx, staff, action) = (ctx.clone(), staff.clone(), action);
    let extension_days = match &action {
        CaseAction::Extend { days, .. } | CaseAction::Hearing { days, .. } => Some(*days),
        _ => None,
    };
    let (petition_id, public) = (record.id, action.public());
    store::detached(async move {
        crate::features::cases::store::append(
            &ctx.pool,
            crate::features::cases::store::NewEvent {
                petition_id,
                staff_id: Some(staff.id),
                at: &at,
                kind,
                public,
                text: &text,
                unit_code: assigned_to.as_deref(),
                reply: reply.as_ref(),
                evaluation: None,
                extension_days,
            },
            |events| {
                let (status, unit) = crate::features::cases::store::EventKind::state(events);
                if !may_see(&staff, unit.as_deref()) {
                    return Err(ActError::NotFound);
                }
                if matches!(action, CaseAction::Extend { .. })
                    && events.iter().any(|e| e.kind == "extended")
                {
                    return Err(ActError::Refused(Refusal::AlreadyExtended));
                }
                if matches!(action, CaseAction::Hearing { .. })
                    && !in_recheck(events.iter().map(|e| e.kind.as_str()))
                {
                    return Err(ActError::Refused(Refusal::HearingOnlyInRecheck));
                }
                if matches!(action, CaseAction::Object { .. })
                    && let Some(assigned) = events.iter().rev().find(|e| e.kind == "assigned")
                {
                    let limit = ctx.config.calendar.due(
                        crate::domain::limit::Limit::ObjectToAssignment,
                        assigned.date(),
                    );
                    if now.with_timezone(&shanghai()).date_naive() > limit {
                        return Err(ActError::Refused(Refusal::ObjectionTooLate));
                    }
                }
                let own = staff.unit_code.is_some() && staff.unit_code == unit;
                permitted(&action, status, staff.role, own).map_err(ActError::Refused)
            },
        )
        .await
    })
    .await?
}
