//! The letters' use cases: issue one (numbered in its kind's year, its events on the matters it
//! names and the unit's mail, all in one transaction), list a year's with their counts, open
//! one as its document, and record the unit's answer.

use super::pages::{AnswerView, LetterItem, LetterView, LettersView, NewLetterView};
use super::store::{self, LetterRow};
use crate::domain::case::action::CaseAction;
use crate::domain::letter::{self, Answer, LetterDraft, LetterKind};
use crate::domain::message::Msg;
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::domain::text::FieldProblem;
use crate::features::cases::service::{Known, decide};
use crate::kernel::i18n::simplified;
use crate::kernel::store::{StoreError, date_text, read_date, read_time};
use crate::kernel::{AppContext, AppError, Now};
use chrono::Datelike;

/// Who issues letters: 督办 and 管理员 (as they record a 督办 on a case).
pub fn may_issue(staff: &StaffAccount) -> bool {
    matches!(staff.role, StaffRole::Supervisor | StaffRole::Admin)
}

/// Who sees letters: the bureau's staff all of them, a unit's staff those to their unit.
pub fn may_read(staff: &StaffAccount, row: &LetterRow) -> bool {
    match staff.role {
        StaffRole::Supervisor | StaffRole::Admin | StaffRole::Registrar => true,
        StaffRole::UnitStaff => staff.unit_code.as_deref() == Some(row.unit_code.as_str()),
        StaffRole::LegalAid | StaffRole::Editor => false,
    }
}

/// Whether the role may open the letters at all.
pub fn may_list(staff: &StaffAccount) -> bool {
    !matches!(staff.role, StaffRole::LegalAid | StaffRole::Editor)
}

fn unit_name(ctx: &AppContext, code: &str) -> String {
    ctx.config
        .unit(code)
        .map(|u| u.name.clone())
        .unwrap_or_else(|| code.to_owned())
}

fn kind_of(row: &LetterRow) -> Result<LetterKind, StoreError> {
    LetterKind::parse(&row.kind).ok_or_else(|| StoreError::Corrupt {
        what: "letter kind",
        value: row.kind.clone(),
    })
}

fn answer_of(row: &LetterRow) -> Result<Option<Answer>, StoreError> {
    row.answer
        .as_deref()
        .map(|a| {
            Answer::parse(a).ok_or_else(|| StoreError::Corrupt {
                what: "letter answer",
                value: a.to_owned(),
            })
        })
        .transpose()
}

/// The form to issue a letter, empty but for the suggested reply-by day (and a matter when the
/// case's page sent one).
pub fn blank(ctx: &AppContext, case: Option<&str>, now: Now) -> NewLetterView {
    let reply_by = ctx
        .config
        .calendar
        .due_in_working_days(now.today(), letter::SUGGESTED_WORKING_DAYS);
    form(
        ctx,
        LetterDraft {
            cases: case.map(str::to_owned).unwrap_or_default(),
            reply_by: date_text(reply_by),
            ..LetterDraft::default()
        },
        Vec::new(),
    )
}

/// The form with what was typed and its problems.
pub fn form(
    ctx: &AppContext,
    draft: LetterDraft,
    errors: Vec<crate::ui::form::FieldError>,
) -> NewLetterView {
    NewLetterView {
        draft,
        errors,
        kinds: LetterKind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), k.name().to_owned()))
            .collect(),
        units: ctx
            .config
            .units
            .iter()
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect(),
    }
}

fn case_problem(text: String) -> AppError {
    AppError::Invalid(vec![FieldProblem::new(
        "cases",
        "not_allowed",
        Msg::verbatim(text),
    )])
}

/// Issues a letter; its id. Every matter it names must exist, and a 督办函 or 提醒函 is put on
/// each as its letter event (refused, with nothing issued, when one of them may not take it:
/// closed, or not the unit's).
pub async fn issue(
    ctx: &AppContext,
    staff: &StaffAccount,
    draft: &LetterDraft,
    now: Now,
) -> Result<i64, AppError> {
    if !may_issue(staff) {
        return Err(AppError::NotFound(Msg::verbatim("没有这个页面")));
    }
    let new = draft
        .check(now.today(), |u| ctx.config.unit(u).is_some())
        .map_err(AppError::Invalid)?;
    let mut records = Vec::new();
    let mut missing = Vec::new();
    for number in &new.cases {
        match crate::features::cases::store::find(&ctx.pool, number).await? {
            Some(r) => records.push(r),
            None => missing.push(number.clone()),
        }
    }
    if !missing.is_empty() {
        return Err(AppError::Invalid(vec![FieldProblem::new(
            "cases",
            "unknown",
            Msg::verbatim(format!("没有这些信访事项：{}", missing.join("、"))),
        )]));
    }
    let (ctx, staff) = (ctx.clone(), staff.clone());
    crate::kernel::store::detached(async move {
        let style = ctx.config.letters.of(new.kind);
        let year = now.today().year();
        let mut write = crate::kernel::store::begin_write(&ctx.pool).await?;
        let seq = crate::kernel::store::next_in_day(
            &mut write.tx,
            &format!("letter:{}", new.kind.code()),
            &year.to_string(),
        )
        .await?;
        let number = letter::number(style, year, seq);
        let id = store::insert(
            &mut write.tx,
            &store::NewRow {
                kind: new.kind.code(),
                year,
                seq,
                number: &number,
                unit: &new.unit,
                subject: &new.subject,
                body: &new.body,
                reply_by: &date_text(new.reply_by),
                at: &now.stamp(),
                staff: staff.id,
            },
        )
        .await?;
        let unit = unit_name(&ctx, &new.unit);
        for record in &records {
            store::link(&mut write.tx, id, record.id).await?;
            let Some(kind) = new.kind.case_letter() else {
                continue;
            };
            let action = CaseAction::Supervise {
                reminder: kind == crate::domain::case::event::Letter::Reminder,
                text: format!("{number}：{}", new.subject),
            };
            let known = Known {
                reported_unit: record.reported_unit.as_deref(),
                received_on: record.received_on()?,
                number: &record.number,
            };
            let made = crate::features::cases::store::append_in(&mut write, record.id, |events| {
                let holder = crate::domain::case::event::holder(
                    events,
                    &ctx.config,
                    record.reported_unit.as_deref(),
                );
                if holder.as_deref() != Some(new.unit.as_str()) {
                    return Err(case_problem(format!(
                        "{}：这件事项现在不由{unit}办理，不能向{unit}督办或提醒",
                        record.number
                    )));
                }
                decide(&ctx, &staff, &action, &known, now, events)
                    .map(|mut appended| {
                        // The unit is mailed of the letter once, below.
                        appended.staff_notice = None;
                        appended
                    })
                    .map_err(|e| match e {
                        AppError::Refused { message, .. } => {
                            case_problem(format!("{}：{}", record.number, simplified(&message)))
                        }
                        e => e,
                    })
            })
            .await?;
            if let Err(e) = made {
                return Ok(Err(e));
            }
        }
        let message = crate::domain::notify::staff_letter_issued(
            new.kind.name(),
            &number,
            &new.subject,
            &date_text(new.reply_by),
        );
        for (staff_id, email) in
            crate::features::staff::store::mail_recipients_in_unit(&mut write.tx, &new.unit).await?
        {
            crate::kernel::outbox::enqueue(
                &mut write.tx,
                &crate::kernel::outbox::Outgoing {
                    key: &format!("staff:{staff_id}:letter{id}:email"),
                    channel: crate::kernel::outbox::Channel::Email,
                    recipient: &email,
                    lang: crate::domain::prefs::Lang::Simplified,
                    message: &message,
                    subject: None,
                },
                now.utc(),
            )
            .await?;
        }
        write.tx.commit().await?;
        Ok(Ok(id))
    })
    .await?
}

/// The year's letters (`overdue_only`: those unanswered past their day), with its counts; a
/// unit's staff see only their unit's.
pub async fn list(
    ctx: &AppContext,
    staff: &StaffAccount,
    year: i32,
    overdue_only: bool,
    now: Now,
) -> Result<LettersView, AppError> {
    let unit = match staff.role {
        StaffRole::UnitStaff => staff.unit_code.clone(),
        _ => None,
    };
    let rows = store::list(&ctx.pool, Some(year), unit.as_deref()).await?;
    let today = now.today();
    let mut items = Vec::new();
    let mut facts = Vec::new();
    for row in &rows {
        let kind = kind_of(row)?;
        let answer = answer_of(row)?;
        let reply_by = read_date("letter reply-by", &row.reply_by)?;
        let late = letter::overdue(reply_by, answer.is_some(), today);
        facts.push((kind, answer, late));
        if overdue_only && !late {
            continue;
        }
        items.push(LetterItem {
            id: row.id,
            kind: kind.name().to_owned(),
            number: row.number.clone(),
            unit: unit_name(ctx, &row.unit_code),
            subject: row.subject.clone(),
            issued_on: date_text(read_time("letter issued", &row.issued_at)?.date_naive()),
            reply_by: row.reply_by.clone(),
            state: match (answer, late) {
                (Some(a), _) => a.name(kind).to_owned(),
                (None, true) => "逾期未答复".to_owned(),
                (None, false) => "未答复".to_owned(),
            },
            overdue: late,
        });
    }
    let counts = letter::count(facts);
    Ok(LettersView {
        year,
        overdue_only,
        items,
        counts: counts
            .by_kind
            .iter()
            .map(|(k, n)| (k.name().to_owned(), *n))
            .collect(),
        proposals: (
            counts.proposals,
            counts.proposals_adopted,
            counts.proposals_partly,
            counts.proposals_not_adopted,
        ),
        overdue: counts.overdue,
        may_issue: may_issue(staff),
        unit_only: unit.map(|u| unit_name(ctx, &u)),
    })
}

/// A letter as its document, for one who may read it; `None` otherwise.
pub async fn open(
    ctx: &AppContext,
    staff: &StaffAccount,
    id: i64,
    now: Now,
) -> Result<Option<LetterView>, AppError> {
    let Some(row) = store::get(&ctx.pool, id).await? else {
        return Ok(None);
    };
    if !may_read(staff, &row) {
        return Ok(None);
    }
    let kind = kind_of(&row)?;
    let answer = answer_of(&row)?;
    let cases = store::cases_of(&ctx.pool, id).await?;
    let reply_by = read_date("letter reply-by", &row.reply_by)?;
    let issued_on = read_time("letter issued", &row.issued_at)?.date_naive();
    let style = ctx.config.letters.of(kind);
    let unit = unit_name(ctx, &row.unit_code);
    let paragraphs = letter::render(
        style,
        &letter::Filled {
            number: &row.number,
            unit: &unit,
            subject: &row.subject,
            body: &row.body,
            cases: &cases,
            reply_by,
            bureau: &ctx.config.bureau.name,
            date: issued_on,
        },
    );
    let may_answer = match staff.role {
        StaffRole::UnitStaff => staff.unit_code.as_deref() == Some(row.unit_code.as_str()),
        StaffRole::Supervisor | StaffRole::Admin => true,
        _ => false,
    };
    Ok(Some(LetterView {
        id,
        title: style.title.clone(),
        number: row.number.clone(),
        kind: kind.name().to_owned(),
        unit,
        paragraphs,
        bureau: ctx.config.bureau.name.clone(),
        written_on: letter::written_date(issued_on),
        reply_by: row.reply_by.clone(),
        cases,
        issued_by: row.issued_by.clone().unwrap_or_default(),
        answer: match answer {
            Some(a) => Some(AnswerView {
                answer: a.name(kind).to_owned(),
                text: row.answer_text.clone().unwrap_or_default(),
                at: row
                    .answered_at
                    .as_deref()
                    .map(|t| read_time("letter answered", t))
                    .transpose()?
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
                by: row.answered_by.clone().unwrap_or_default(),
            }),
            None => None,
        },
        overdue: letter::overdue(reply_by, answer.is_some(), now.today()),
        may_answer,
        answers: Answer::ALL
            .iter()
            .map(|a| (a.code(), a.name(kind).to_owned()))
            .collect(),
        ..LetterView::default()
    }))
}

/// Records the unit's written answer: by the unit's staff, or by the bureau for an answer that
/// came on paper. Once only.
pub async fn answer(
    ctx: &AppContext,
    staff: &StaffAccount,
    id: i64,
    answer: &str,
    text: &str,
    now: Now,
) -> Result<(), AppError> {
    let view = open(ctx, staff, id, now)
        .await?
        .ok_or(AppError::NotFound(Msg::verbatim("没有这份函件")))?;
    if !view.may_answer {
        return Err(AppError::NotFound(Msg::verbatim("没有这份函件")));
    }
    let (answer, text) = letter::check_answer(answer, text).map_err(AppError::Invalid)?;
    let staff_id = staff.id;
    let pool = ctx.pool.clone();
    let done = crate::kernel::store::detached(async move {
        let mut write = crate::kernel::store::begin_write(&pool).await?;
        let done = store::answer(
            &mut write.tx,
            id,
            answer.code(),
            &text,
            &now.stamp(),
            staff_id,
        )
        .await?;
        write.tx.commit().await?;
        Ok(done)
    })
    .await?;
    if done {
        Ok(())
    } else {
        Err(AppError::Refused {
            field: "answer",
            code: "answered",
            message: Msg::verbatim("这份函件已经登记过答复"),
        })
    }
}
