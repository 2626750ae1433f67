//! The legal-aid service: applications (web form and `/api/v1/legal-aid`), the applicant's
//! progress by number + 查询码 (第55条), supplied material, and the agency's decisions.

use crate::domain::calendar::{Limit, date_of};
use crate::domain::legal_aid::status::AidEvent;
use crate::domain::legal_aid::{
    AidAction, AidRefusal, AidStatus, LegalAidInput, Matter, aid_due, aid_permitted, aid_status,
    parse_aid_action,
};
use crate::domain::petition::number::{LegalAidNumber, QueryCode};
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::domain::text::FieldProblem;
use crate::features::legal_aid::store::AidEventRow;
use crate::features::legal_aid::view::{AidCaseView, AidListItem, AidReceipt, AidStatusView};
use crate::features::petition::service::{LookupError, code_matches, new_query_code, shanghai};
use crate::features::petition::view::{RunningDue, TimelineEntry};
use crate::kernel::context::AppContext;
use crate::kernel::store::{self, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("the application has problems")]
    Invalid(Vec<FieldProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks, stores durably with its files, and only then returns the receipt.
pub async fn apply(
    ctx: &AppContext,
    input: &LegalAidInput,
    attachments: &[String],
    channel: &str,
    now: DateTime<Utc>,
) -> Result<AidReceipt, ApplyError> {
    let local = now.with_timezone(&shanghai());
    let today = local.date_naive();
    let application = input
        .parse(&ctx.config, today)
        .map_err(ApplyError::Invalid)?;
    let (code, hash) = new_query_code().await?;
    let received_at = local.to_rfc3339();
    let (_, sequence) = {
        let pool = ctx.pool.clone();
        let received_at = received_at.clone();
        let channel = channel.to_owned();
        let attachments = attachments.to_vec();
        store::detached(async move {
            crate::features::legal_aid::store::insert(
                &pool,
                crate::features::legal_aid::store::Insert {
                    application: &application,
                    received_on: today,
                    received_at: &received_at,
                    query_code_hash: &hash,
                    channel: &channel,
                    attachments: &attachments,
                },
                |seq| LegalAidNumber::new(today, seq).map(|n| n.as_str().to_owned()),
            )
            .await
        })
        .await?
    };
    Ok(AidReceipt {
        number: LegalAidNumber::new(today, sequence)
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default(),
        query_code: code.grouped(),
        status: AidStatus::UnderReview,
        received_at,
        decision_due: ctx.config.calendar.due(Limit::DecideLegalAid, today),
    })
}

fn today() -> NaiveDate {
    Utc::now().with_timezone(&shanghai()).date_naive()
}

fn parse_date(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn dated(events: &[AidEventRow]) -> Vec<AidEvent<'_>> {
    events
        .iter()
        .map(|e| {
            (
                e.kind.as_str(),
                date_of(&e.at),
                parse_date(e.answer_by.as_deref()),
            )
        })
        .collect()
}

fn status_view(
    ctx: &AppContext,
    row: &crate::features::legal_aid::store::ApplicationRow,
    events: &[AidEventRow],
) -> AidStatusView {
    let today = today();
    let dated = dated(events);
    let status = aid_status(&dated, today);
    let matter = Matter::parse(&row.matter).unwrap_or(Matter::Other);
    AidStatusView {
        number: row.number.clone(),
        matter,
        matter_label: matter.label().to_owned(),
        status,
        status_label: status.label().to_owned(),
        received_at: row.received_at.clone(),
        timeline: events
            .iter()
            .filter(|e| e.public)
            .map(|e| TimelineEntry {
                at: e.at.clone(),
                kind: e.kind.clone(),
                text: e.text.clone(),
            })
            .collect(),
        due: aid_due(&dated, today, &ctx.config.calendar).map(|(limit, date)| RunningDue {
            step: limit.label().to_owned(),
            article: limit.article().to_owned(),
            date,
        }),
        answer_by: (status == AidStatus::MaterialRequested)
            .then(|| {
                dated
                    .iter()
                    .rev()
                    .find(|(k, _, _)| *k == "material_requested")
                    .and_then(|(_, _, by)| *by)
            })
            .flatten(),
    }
}

/// The application's progress for number + 查询码; the same `NotFound` for a wrong number and
/// a wrong code, with failures throttled like petition lookups.
pub async fn lookup(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
) -> Result<AidStatusView, LookupError> {
    let key = number.trim().to_ascii_uppercase();
    let now = std::time::Instant::now();
    ctx.lookup_guard
        .check(&key, client, now)
        .map_err(LookupError::TooManyAttempts)?;
    let result = open(ctx, number, code).await;
    match &result {
        Ok(_) => ctx.lookup_guard.succeed(&key),
        Err(LookupError::NotFound) => ctx.lookup_guard.fail(&key, client, now),
        Err(_) => {}
    }
    result.map(|(row, events)| status_view(ctx, &row, &events))
}

async fn open(
    ctx: &AppContext,
    number: &str,
    code: &str,
) -> Result<
    (
        crate::features::legal_aid::store::ApplicationRow,
        Vec<AidEventRow>,
    ),
    LookupError,
> {
    let (Ok(number), Ok(code)) = (LegalAidNumber::parse(number), QueryCode::parse(code)) else {
        return Err(LookupError::NotFound);
    };
    let row = crate::features::legal_aid::store::find(&ctx.pool, number.as_str()).await?;
    if !code_matches(row.as_ref().map(|r| r.query_code_hash.clone()), &code).await {
        return Err(LookupError::NotFound);
    }
    let row = row.ok_or(LookupError::NotFound)?;
    let events = crate::features::legal_aid::store::events(&ctx.pool, row.id).await?;
    Ok((row, events))
}

#[derive(Debug, thiserror::Error)]
pub enum SupplyError {
    #[error("no such application")]
    NotFound,
    #[error("too many failed lookups")]
    TooManyAttempts(std::time::Duration),
    /// Nothing is asked for now (or the time to answer has passed).
    #[error("no material is asked for")]
    NotAsked,
    #[error("the text has problems")]
    Invalid(Vec<FieldProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The applicant supplies the material asked for (a written explanation, and files if any),
/// within the time given; the decision's 7 days run again from then.
pub async fn supply_material(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    explanation: &str,
    attachments: &[String],
) -> Result<AidStatusView, SupplyError> {
    let mut problems = Vec::new();
    let text = crate::domain::text::text_field(
        "explanation",
        "补充说明",
        explanation,
        4,
        2000,
        &mut problems,
    );
    let key = number.trim().to_ascii_uppercase();
    let started = std::time::Instant::now();
    ctx.lookup_guard
        .check(&key, client, started)
        .map_err(SupplyError::TooManyAttempts)?;
    let (row, _) = match open(ctx, number, code).await {
        Ok(found) => {
            ctx.lookup_guard.succeed(&key);
            found
        }
        Err(LookupError::NotFound) => {
            ctx.lookup_guard.fail(&key, client, started);
            return Err(SupplyError::NotFound);
        }
        Err(LookupError::TooManyAttempts(d)) => return Err(SupplyError::TooManyAttempts(d)),
        Err(LookupError::Store(e)) => return Err(SupplyError::Store(e)),
    };
    if !problems.is_empty() {
        return Err(SupplyError::Invalid(problems));
    }
    let now = Utc::now().with_timezone(&shanghai());
    let at = now.to_rfc3339();
    let files = attachments.len();
    let text = if files > 0 {
        format!("申请人补充了材料（{files} 个文件）：{text}")
    } else {
        format!("申请人作出说明：{text}")
    };
    let (pool, id, today) = (ctx.pool.clone(), row.id, now.date_naive());
    let tokens = attachments.to_vec();
    let result = store::detached(async move {
        let appended = crate::features::legal_aid::store::append(
            &pool,
            crate::features::legal_aid::store::NewAidEvent {
                application_id: id,
                at: &at,
                kind: "material_supplied",
                text: &text,
                staff_id: None,
                answer_by: None,
            },
            |events| {
                if aid_status(&dated(events), today) == AidStatus::MaterialRequested {
                    Ok(())
                } else {
                    Err(())
                }
            },
        )
        .await?;
        if appended.is_ok() {
            crate::features::legal_aid::store::link_files(&pool, id, &tokens).await?;
        }
        Ok(appended)
    })
    .await?;
    if result.is_err() {
        return Err(SupplyError::NotAsked);
    }
    let events = crate::features::legal_aid::store::events(&ctx.pool, row.id).await?;
    Ok(status_view(ctx, &row, &events))
}

fn may_handle(staff: &StaffAccount) -> bool {
    matches!(staff.role, StaffRole::LegalAid | StaffRole::Admin)
}

/// The applications, newest first, for legal-aid staff (and admins); empty for anyone else.
pub async fn list(ctx: &AppContext, staff: &StaffAccount) -> Result<Vec<AidListItem>, StoreError> {
    if !may_handle(staff) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for row in crate::features::legal_aid::store::list(
        &ctx.pool,
        i64::try_from(crate::features::legal_aid::view::AID_LIST_LIMIT).unwrap_or(500),
    )
    .await?
    {
        let events = crate::features::legal_aid::store::events(&ctx.pool, row.id).await?;
        let view = status_view(ctx, &row, &events);
        out.push(AidListItem {
            number: row.number,
            received_on: row.received_on,
            applicant: format!(
                "{} {}",
                row.applicant_name,
                crate::domain::person::id_number::mask_id_number(&row.id_number)
            ),
            matter_label: view.matter_label,
            status_label: view.status_label,
            due: view.due,
        });
    }
    Ok(out)
}

fn offered(status: AidStatus, asked_before: bool) -> Vec<String> {
    [
        (
            "request_material",
            AidAction::RequestMaterial {
                items: String::new(),
                days: 0,
            },
        ),
        (
            "material_received",
            AidAction::MaterialReceived {
                note: String::new(),
            },
        ),
        ("grant", AidAction::Grant),
        (
            "refuse",
            AidAction::Refuse {
                reasons: String::new(),
            },
        ),
        (
            "assign",
            AidAction::AssignLawyer {
                lawyer: String::new(),
            },
        ),
    ]
    .into_iter()
    .filter(|(_, a)| aid_permitted(a, status, asked_before).is_ok())
    .map(|(code, _)| code.to_owned())
    .collect()
}

/// The full application for legal-aid staff; `None` for anyone else or an unknown number.
/// Every view is written to the audit log (第21条: personal data handled as for petitions).
pub async fn view(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
) -> Result<Option<AidCaseView>, StoreError> {
    if !may_handle(staff) {
        return Ok(None);
    }
    let Some(row) = crate::features::legal_aid::store::find(&ctx.pool, number).await? else {
        return Ok(None);
    };
    let events = crate::features::legal_aid::store::events(&ctx.pool, row.id).await?;
    let public = status_view(ctx, &row, &events);
    let asked = events.iter().any(|e| e.kind == "material_requested");
    let now = Utc::now().with_timezone(&shanghai()).to_rfc3339();
    crate::features::legal_aid::store::audit(&ctx.pool, staff.id, "view_legal_aid", row.id, &now)
        .await?;
    let attachments = crate::features::legal_aid::store::attachments(&ctx.pool, row.id)
        .await?
        .into_iter()
        .map(|a| {
            let size = u64::try_from(a.size_bytes).unwrap_or_default();
            (
                a.original_name,
                crate::domain::petition::attachment::size_label(size),
            )
        })
        .collect();
    Ok(Some(AidCaseView {
        actions: offered(public.status, asked),
        public,
        applicant: crate::features::cases::view::PetitionerView {
            name: row.applicant_name.clone(),
            id_number: row.id_number.clone(),
            mobile: row.mobile.clone(),
            address: row.address.clone(),
            district: ctx
                .config
                .district(&row.district)
                .map(|d| d.name.clone())
                .unwrap_or_else(|| row.district.clone()),
        },
        agent: row.agent_name.clone().map(|name| {
            (
                name,
                crate::domain::person::id_number::mask_id_number(
                    row.agent_id_number.as_deref().unwrap_or(""),
                ),
                row.agent_mobile.clone().unwrap_or_default(),
                row.agent_relation.clone().unwrap_or_default(),
            )
        }),
        other_party: row.other_party,
        description: row.description,
        basis_label: crate::domain::legal_aid::Basis::parse(&row.basis)
            .unwrap_or(crate::domain::legal_aid::Basis::Hardship)
            .label()
            .to_owned(),
        hardship_statement: row.hardship_statement,
        attachments,
    }))
}

/// The `n`th file (from 1) of an application, for legal-aid staff; every opening audited.
pub async fn attachment(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
    n: usize,
) -> Result<Option<crate::features::cases::service::CaseFile>, StoreError> {
    if !may_handle(staff) {
        return Ok(None);
    }
    let Some(row) = crate::features::legal_aid::store::find(&ctx.pool, number).await? else {
        return Ok(None);
    };
    let files = crate::features::legal_aid::store::attachments(&ctx.pool, row.id).await?;
    let file = crate::features::cases::service::read_nth(ctx, files, n).await;
    if file.is_some() {
        let now = Utc::now().with_timezone(&shanghai()).to_rfc3339();
        crate::features::legal_aid::store::audit(
            &ctx.pool,
            staff.id,
            "open_legal_aid_file",
            row.id,
            &now,
        )
        .await?;
    }
    Ok(file)
}

#[derive(Debug, thiserror::Error)]
pub enum AidActError {
    #[error("no such application")]
    NotFound,
    #[error("fields with problems")]
    Invalid(Vec<FieldProblem>),
    #[error("not allowed now")]
    Refused(AidRefusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A decision or request posted by legal-aid staff, as one event.
pub async fn act(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
    pairs: &[(String, String)],
    now: DateTime<Utc>,
) -> Result<(), AidActError> {
    if !may_handle(staff) {
        return Err(AidActError::NotFound);
    }
    let action = parse_aid_action(pairs).map_err(AidActError::Invalid)?;
    let row = crate::features::legal_aid::store::find(&ctx.pool, number)
        .await?
        .ok_or(AidActError::NotFound)?;
    let local = now.with_timezone(&shanghai());
    let at = local.to_rfc3339();
    let today = local.date_naive();
    let answer_by = match &action {
        AidAction::RequestMaterial { days, .. } => Some(
            ctx.config
                .calendar
                .due_in_days(today, *days)
                .format("%Y-%m-%d")
                .to_string(),
        ),
        _ => None,
    };
    let text = match (&action, &answer_by) {
        (AidAction::RequestMaterial { .. }, Some(by)) => {
            format!(
                "{}。请在 {by} 前补充；逾期未补充的，视为撤回申请（第四十三条）",
                action.text()
            )
        }
        _ => action.text(),
    };
    let (pool, id, staff_id) = (ctx.pool.clone(), row.id, staff.id);
    store::detached(async move {
        crate::features::legal_aid::store::append(
            &pool,
            crate::features::legal_aid::store::NewAidEvent {
                application_id: id,
                at: &at,
                kind: action.kind(),
                text: &text,
                staff_id: Some(staff_id),
                answer_by: answer_by.as_deref(),
            },
            |events| {
                let asked = events.iter().any(|e| e.kind == "material_requested");
                aid_permitted(&action, aid_status(&dated(events), today), asked)
                    .map_err(AidActError::Refused)
            },
        )
        .await
    })
    .await?
}
