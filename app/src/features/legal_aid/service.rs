//! The legal-aid service: applications (web form and `/api/v1/legal-aid`), the applicant's
//! progress by number + 查询码 (第55条), supplied material, and the agency's decisions.

use super::store::{self, ApplicationRow, StoredAidEvent};
use super::view::{AID_LIST_LIMIT, AidCaseView, AidListItem, AidReceipt, AidStatusView};
use crate::domain::legal_aid::{
    AidAction, AidEvent, AidStatus, Basis, LegalAidInput, Matter, aid_due, aid_permitted,
    aid_status, answer_by, material_asked_before, parse_aid_action,
};
use crate::domain::limit::Limit;
use crate::domain::message::Msg;
use crate::domain::person::mask_id_number;
use crate::domain::petition::{LegalAidNumber, QueryCode};
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::domain::workbench::Refusal;
use crate::features::cases::view::PetitionerView;
use crate::features::petition::view::{RunningDue, TimelineEntry};
use crate::features::workbench::Docket;
use crate::kernel::files::download::{StoredFile, read_nth};
use crate::kernel::i18n::simplified;
use crate::kernel::query_code::{CodeCheck, check_code, new_query_code};
use crate::kernel::{AppContext, AppError, Now};

/// What the applicant is told when a number and 查询码 open nothing.
pub const NOT_FOUND: Msg = Msg::new("legal-aid-not-found");
/// What staff are told when a number opens no application (for them).
pub const NOT_FOUND_STAFF: Msg = Msg::new("legal-aid-not-found-staff");

/// Who sends an application and how: counted against the filing limits (`client`; `None` for
/// the demo data), filed once (`once`, the form's token), told in `lang`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sender<'a> {
    pub client: Option<&'a str>,
    pub once: Option<&'a crate::kernel::filing::Once>,
    pub lang: crate::domain::prefs::Lang,
}

/// Checks, stores durably with its files, and only then returns the receipt.
pub async fn apply(
    ctx: &AppContext,
    input: &LegalAidInput,
    attachments: &[String],
    channel: &str,
    sender: Sender<'_>,
    now: Now,
) -> Result<AidReceipt, AppError> {
    let Sender { client, once, lang } = sender;
    let today = now.today();
    let application = input.parse(&ctx.config, today).map_err(AppError::Invalid)?;
    let (code, hash) = new_query_code(&ctx.code_key);
    let received_at = now.stamp();
    let number = {
        let received_at = received_at.clone();
        let channel = channel.to_owned();
        let attachments = attachments.to_vec();
        let once = once.cloned();
        let grouped = code.grouped();
        let (limits, client) = (ctx.filing_limits, client.map(str::to_owned));
        let at = now.utc();
        // Committed with the submissions arriving meanwhile, answered once on disk.
        ctx.writes
            .write(move |tx| {
                Box::pin(async move {
                    let number = store::insert(
                        tx,
                        store::Insert {
                            application: &application,
                            received_on: today,
                            received_at: &received_at,
                            query_code_hash: &hash,
                            channel: &channel,
                            attachments: &attachments,
                            lang,
                        },
                        |seq| LegalAidNumber::new(today, seq).map(|n| n.as_str().to_owned()),
                    )
                    .await?;
                    crate::kernel::filing::record(
                        tx,
                        once.as_ref(),
                        crate::kernel::filing::Kind::LegalAid,
                        &number,
                        &grouped,
                        &received_at,
                    )
                    .await?;
                    // Counted with petitions: one client, one ID number, one mobile (a form
                    // sent again was answered above, and costs nothing).
                    limits
                        .charge(
                            tx,
                            client.as_deref(),
                            application.applicant.id_number.as_str(),
                            application.applicant.mobile.as_str(),
                            at,
                        )
                        .await?;
                    Ok(number)
                })
            })
            .await?
    };
    Ok(AidReceipt {
        number,
        query_code: code.grouped(),
        status: AidStatus::UnderReview,
        received_at,
        decision_due: ctx.config.calendar.due(Limit::DecideLegalAid, today),
    })
}

fn status_view(
    ctx: &AppContext,
    row: &ApplicationRow,
    events: &[StoredAidEvent],
    now: Now,
) -> AidStatusView {
    let today = now.today();
    let status = aid_status(events, today);
    let matter = Matter::parse(&row.matter).unwrap_or(Matter::Other);
    AidStatusView {
        number: row.number.clone(),
        matter,
        matter_label: simplified(&matter.label()),
        status,
        status_label: simplified(&status.label()),
        received_at: row.received_at.clone(),
        timeline: events
            .iter()
            .filter(|e| e.public)
            .map(|e| TimelineEntry {
                at: e.at.to_rfc3339(),
                kind: e.event.kind().code().to_owned(),
                text: simplified(&e.event.message()),
                message: e.event.message(),
            })
            .collect(),
        due: aid_due(events, today, &ctx.config.calendar).map(|(limit, date)| RunningDue {
            step: simplified(&limit.label()),
            article: simplified(&limit.article()),
            date,
            limit: Some(limit),
        }),
        answer_by: answer_by(events, today),
    }
}

/// An application opened with its number and 查询码.
async fn open(
    ctx: &AppContext,
    number: &str,
    code: &str,
) -> Result<(ApplicationRow, Vec<StoredAidEvent>), AppError> {
    let (Ok(number), Ok(code)) = (LegalAidNumber::parse(number), QueryCode::parse(code)) else {
        return Err(AppError::NotFound(NOT_FOUND));
    };
    let row = store::find(&ctx.pool, number.as_str()).await?;
    let check = check_code(
        &ctx.code_key,
        row.as_ref().map(|r| r.query_code_hash.as_str()),
        &code,
    )
    .await;
    let row = row
        .filter(|_| check.is_right())
        .ok_or(AppError::NotFound(NOT_FOUND))?;
    if let CodeCheck::RightUpgrade(hash) = check
        && let Err(e) = store::set_query_code_hash(&ctx.pool, row.id, &hash).await
    {
        crate::kernel::query_code::upgrade_failed(e);
    }
    let events = store::events(&ctx.pool, row.id).await?;
    Ok((row, events))
}

/// The application's progress for number + 查询码; the same `NotFound` for a wrong number and
/// a wrong code, with failures throttled like petition lookups.
pub async fn lookup(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    now: Now,
) -> Result<AidStatusView, AppError> {
    let (row, events) =
        crate::kernel::lookup::guarded(ctx, number, client, now, open(ctx, number, code)).await?;
    Ok(status_view(ctx, &row, &events, now))
}

/// The applicant supplies the material asked for (a written explanation, and files if any),
/// within the time given; the decision's clock goes on from then.
pub async fn supply_material(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    explanation: &str,
    attachments: &[String],
    now: Now,
) -> Result<AidStatusView, AppError> {
    let mut problems = Vec::new();
    let explanation = crate::domain::text::text_field(
        "explanation",
        crate::domain::msg!("legal-aid-field-explanation"),
        explanation,
        4,
        2000,
        &mut problems,
    );
    let (row, _) =
        crate::kernel::lookup::guarded(ctx, number, client, now, open(ctx, number, code)).await?;
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let event = AidEvent::MaterialSupplied {
        explanation,
        files: u32::try_from(attachments.len()).unwrap_or(u32::MAX),
    };
    let (pool, id, today, at) = (ctx.pool.clone(), row.id, now.today(), now.stamp());
    let files = attachments.to_vec();
    crate::kernel::store::detached(async move {
        store::append(
            &pool,
            store::NewAidEvent {
                application_id: id,
                at: &at,
                event: &event,
                staff_id: None,
                files: &files,
                new_code: None,
            },
            |events| {
                if aid_status(events, today) == AidStatus::MaterialRequested {
                    Ok(())
                } else {
                    Err(AppError::Refused {
                        field: "explanation",
                        code: "not_asked",
                        message: crate::domain::msg!("legal-aid-nothing-asked"),
                    })
                }
            },
        )
        .await
    })
    .await??;
    let events = store::events(&ctx.pool, row.id).await?;
    Ok(status_view(ctx, &row, &events, now))
}

fn may_handle(staff: &StaffAccount) -> bool {
    matches!(staff.role, StaffRole::LegalAid | StaffRole::Admin)
}

/// The applications, newest first, for legal-aid staff (and admins); empty for anyone else.
pub async fn list(
    ctx: &AppContext,
    staff: &StaffAccount,
    now: Now,
) -> Result<Vec<AidListItem>, AppError> {
    if !may_handle(staff) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for row in store::list(&ctx.pool, i64::try_from(AID_LIST_LIMIT).unwrap_or(500)).await? {
        let events = store::events(&ctx.pool, row.id).await?;
        let view = status_view(ctx, &row, &events, now);
        out.push(AidListItem {
            number: row.number,
            received_on: row.received_on,
            applicant: format!("{} {}", row.applicant_name, mask_id_number(&row.id_number)),
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

/// An application for legal-aid staff, when they may see it.
async fn open_for(
    ctx: &AppContext,
    staff: &StaffAccount,
    number: &str,
) -> Result<Option<ApplicationRow>, AppError> {
    if !may_handle(staff) {
        return Ok(None);
    }
    Ok(store::find(&ctx.pool, number).await?)
}

/// Legal-aid applications on the workbench, for the shared action and file handlers.
pub struct Applications;

impl Docket for Applications {
    const PATH: &'static str = "/staff/legal-aid";
    const STATE_FIELD: &'static str = "aid-status";
    const NOT_FOUND: Msg = NOT_FOUND_STAFF;
    type View = AidCaseView;

    /// The full application for legal-aid staff; `None` for anyone else or an unknown number.
    /// Every view is written to the audit log (personal data handled as for petitions).
    async fn view(
        ctx: &AppContext,
        staff: &StaffAccount,
        number: &str,
        now: Now,
    ) -> Result<Option<AidCaseView>, AppError> {
        let Some(row) = open_for(ctx, staff, number).await? else {
            return Ok(None);
        };
        let events = store::events(&ctx.pool, row.id).await?;
        let public = status_view(ctx, &row, &events, now);
        store::audit(&ctx.pool, staff.id, "view_legal_aid", row.id, &now.stamp()).await?;
        let attachments = store::attachments(&ctx.pool, row.id)
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
            actions: offered(public.status, material_asked_before(&events)),
            public,
            applicant: PetitionerView {
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
                    mask_id_number(row.agent_id_number.as_deref().unwrap_or("")),
                    row.agent_mobile.clone().unwrap_or_default(),
                    row.agent_relation.clone().unwrap_or_default(),
                )
            }),
            other_party: row.other_party,
            description: row.description,
            basis_label: simplified(&Basis::parse(&row.basis).unwrap_or(Basis::Hardship).label()),
            hardship_statement: row.hardship_statement,
            attachments,
        }))
    }

    /// The `n`th file (from 1) of an application, for legal-aid staff; every opening audited.
    async fn file(
        ctx: &AppContext,
        staff: &StaffAccount,
        number: &str,
        n: usize,
        now: Now,
    ) -> Result<Option<StoredFile>, AppError> {
        let Some(row) = open_for(ctx, staff, number).await? else {
            return Ok(None);
        };
        let files = store::attachments(&ctx.pool, row.id).await?;
        let file = read_nth(ctx, files, n).await;
        if file.is_some() {
            store::audit(
                &ctx.pool,
                staff.id,
                "open_legal_aid_file",
                row.id,
                &now.stamp(),
            )
            .await?;
        }
        Ok(file)
    }

    /// A decision or request posted by legal-aid staff, as one event.
    async fn act(
        ctx: &AppContext,
        staff: &StaffAccount,
        number: &str,
        pairs: &[(String, String)],
        now: Now,
    ) -> Result<(), AppError> {
        if !may_handle(staff) {
            return Err(AppError::NotFound(NOT_FOUND_STAFF));
        }
        let action = parse_aid_action(pairs).map_err(AppError::Invalid)?;
        let row = store::find(&ctx.pool, number)
            .await?
            .ok_or(AppError::NotFound(NOT_FOUND_STAFF))?;
        let today = now.today();
        let answer_by = match &action {
            AidAction::RequestMaterial { days, .. } => {
                ctx.config.calendar.due_in_days(today, *days)
            }
            _ => today,
        };
        let event = action.event(answer_by);
        let (pool, id, staff_id, at) = (ctx.pool.clone(), row.id, staff.id, now.stamp());
        crate::kernel::store::detached(async move {
            store::append(
                &pool,
                store::NewAidEvent {
                    application_id: id,
                    at: &at,
                    event: &event,
                    staff_id: Some(staff_id),
                    files: &[],
                    new_code: None,
                },
                |events| {
                    aid_permitted(
                        &action,
                        aid_status(events, today),
                        material_asked_before(events),
                    )
                    .map_err(|r: Refusal| AppError::refused("aid-status", r))
                },
            )
            .await
        })
        .await?
    }
}

/// An application whose applicant's or agent's mobile an SMS code proved (我的事项):
/// `NotFound` unless it was filed with that mobile.
async fn open_for_holder(
    ctx: &AppContext,
    number: &str,
    mobile: &str,
) -> Result<(ApplicationRow, Vec<StoredAidEvent>), AppError> {
    let Ok(number) = LegalAidNumber::parse(number) else {
        return Err(AppError::NotFound(NOT_FOUND));
    };
    let row = store::find(&ctx.pool, number.as_str())
        .await?
        .filter(|r| r.mobile == mobile || r.agent_mobile.as_deref() == Some(mobile))
        .ok_or(AppError::NotFound(NOT_FOUND))?;
    let events = store::events(&ctx.pool, row.id).await?;
    Ok((row, events))
}

/// An application's progress for its holder (我的事项), with its id.
pub async fn status_for_holder(
    ctx: &AppContext,
    number: &str,
    mobile: &str,
    now: Now,
) -> Result<(AidStatusView, i64), AppError> {
    let (row, events) = open_for_holder(ctx, number, mobile).await?;
    Ok((status_view(ctx, &row, &events, now), row.id))
}

/// Every application filed with `mobile`, newest first (我的事项).
pub async fn of_holder(
    ctx: &AppContext,
    mobile: &str,
    now: Now,
) -> Result<Vec<AidStatusView>, AppError> {
    let mut out = Vec::new();
    for row in store::of_mobile(&ctx.pool, mobile).await? {
        let events = store::events(&ctx.pool, row.id).await?;
        out.push(status_view(ctx, &row, &events, now));
    }
    Ok(out)
}

/// A new 查询码 for an application filed with `mobile`, sent by SMS to it in `lang`; the old
/// one stops working and the reset is recorded (internal).
pub async fn replace_query_code(
    ctx: &AppContext,
    number: &str,
    mobile: &str,
    client: &str,
    lang: crate::domain::prefs::Lang,
    now: Now,
) -> Result<(), AppError> {
    let (row, _) = open_for_holder(ctx, number, mobile).await?;
    let replacement =
        crate::kernel::query_code::Replacement::new(ctx, client, mobile, lang, |code| {
            crate::domain::notify::new_query_code(&row.number, code, true)
        });
    let (pool, id, at) = (ctx.pool.clone(), row.id, now.stamp());
    crate::kernel::store::detached(async move {
        store::append(
            &pool,
            store::NewAidEvent {
                application_id: id,
                at: &at,
                event: &AidEvent::QueryCodeReset,
                staff_id: None,
                files: &[],
                new_code: Some(&replacement),
            },
            |_| Ok::<_, AppError>(()),
        )
        .await
    })
    .await??;
    Ok(())
}

/// Whether any application was filed with `mobile` (the applicant's or the agent's).
pub async fn holds_any(ctx: &AppContext, mobile: &str) -> Result<bool, AppError> {
    Ok(!store::of_mobile(&ctx.pool, mobile).await?.is_empty())
}

/// The application `number` names, as the outbox knows it.
pub async fn subject(
    ctx: &AppContext,
    number: &str,
) -> Result<Option<crate::kernel::outbox::Subject>, AppError> {
    let Ok(number) = LegalAidNumber::parse(number) else {
        return Ok(None);
    };
    Ok(store::find(&ctx.pool, number.as_str())
        .await?
        .map(|r| crate::kernel::outbox::Subject::LegalAid(r.id)))
}
