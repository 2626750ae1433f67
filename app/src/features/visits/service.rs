//! The use cases of reception sessions and bookings: publish and cancel a session (staff), list
//! what is open (everyone), book, look at and cancel a booking (the citizen, with its number and
//! code), the day's list, arrived / no-show, and an arrival registered as a 来访 matter.

use super::store::{self, BookingRow, SessionRow, SlotRow};
use super::view::{BookingReceipt, BookingView, DaySession, SessionView, SlotView};
use crate::domain::message::Msg;
use crate::domain::msg;
use crate::domain::reception::{
    self, BookingInput, BookingStatus, SessionDraft, SlotState, booking_number,
};
use crate::kernel::filing::{self, Kind, Once};
use crate::kernel::query_code::{check_code, new_query_code};
use crate::kernel::store::{StoreError, begin_write, date_text, read_date};
use crate::kernel::{AppContext, AppError, Now};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

fn time(what: &'static str, text: &str) -> Result<NaiveTime, StoreError> {
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| StoreError::Corrupt {
        what,
        value: text.to_owned(),
    })
}

fn local(now: Now) -> NaiveDateTime {
    now.local().naive_local()
}

fn session_view(
    ctx: &AppContext,
    row: &SessionRow,
    slots: &[SlotRow],
    now: Now,
) -> Result<SessionView, StoreError> {
    let day = read_date("session day", &row.day)?;
    let closes = reception::closes_at(
        day,
        time("session start", &row.starts)?,
        ctx.config.bookings.closes_hours_before,
    );
    let slots = slots
        .iter()
        .filter(|s| s.session_id == row.id)
        .map(|s| {
            let state = reception::slot_state(
                s.booked.max(0) as u32,
                s.capacity.max(0) as u32,
                closes,
                local(now),
            );
            let left = match state {
                SlotState::Open { left } => i64::from(left),
                SlotState::Full | SlotState::Closed => 0,
            };
            let state = state.code();
            SlotView {
                id: s.id,
                start: s.starts.clone(),
                end: s.ends.clone(),
                capacity: s.capacity,
                booked: s.booked,
                left,
                state: state.to_owned(),
            }
        })
        .collect();
    let bookings_close = closes
        .and_local_timezone(crate::kernel::clock::shanghai())
        .single()
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    Ok(SessionView {
        id: row.id,
        day,
        kind: row.kind.clone(),
        leader: row.leader.clone(),
        office: row.office.clone(),
        place: row.place.clone(),
        bookings_close,
        slots,
    })
}

async fn views(
    ctx: &AppContext,
    rows: &[SessionRow],
    now: Now,
) -> Result<Vec<SessionView>, AppError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let slots = store::slots_of(&ctx.pool, &ids).await?;
    Ok(rows
        .iter()
        .map(|r| session_view(ctx, r, &slots, now))
        .collect::<Result<_, _>>()?)
}

/// The sessions from today to `days` ahead (all that may be booked or are about to be held).
pub async fn upcoming(ctx: &AppContext, now: Now, days: i64) -> Result<Vec<SessionView>, AppError> {
    let today = now.today();
    let rows = store::sessions_between(
        &ctx.pool,
        &date_text(today),
        &date_text(today + chrono::Duration::days(days)),
    )
    .await?;
    views(ctx, &rows, now).await
}

/// The sessions a citizen may still book or attend: from today to the furthest published.
pub async fn published(ctx: &AppContext, now: Now) -> Result<Vec<SessionView>, AppError> {
    upcoming(ctx, now, reception::MOST_DAYS_AHEAD).await
}

pub async fn session(ctx: &AppContext, id: i64, now: Now) -> Result<Option<SessionView>, AppError> {
    let Some(row) = store::session(&ctx.pool, id).await? else {
        return Ok(None);
    };
    Ok(views(ctx, &[row], now).await?.pop())
}

/// Publishes a session (staff); its id.
pub async fn publish(
    ctx: &AppContext,
    draft: &SessionDraft,
    staff: i64,
    now: Now,
) -> Result<i64, AppError> {
    let session = draft
        .parse(&ctx.config.calendar, now.today())
        .map_err(AppError::Invalid)?;
    let mut write = begin_write(&ctx.pool).await?;
    let id = store::insert_session(&mut write.tx, &session, staff, &now.stamp()).await?;
    store::changed(&mut write.tx).await?;
    write.tx.commit().await.map_err(StoreError::from)?;
    Ok(id)
}

/// Takes a session off the list (staff): only while nobody holds a place in it (refused with
/// `has_bookings`; the page says why).
pub async fn cancel_session(ctx: &AppContext, id: i64, now: Now) -> Result<(), AppError> {
    let mut write = begin_write(&ctx.pool).await?;
    write.lock_row("reception_sessions", id).await?;
    if !store::cancel_session(&mut write.tx, id, &now.stamp()).await? {
        return Err(AppError::Refused {
            field: "sessions",
            code: "has_bookings",
            message: msg!("unavailable-save"),
        });
    }
    store::changed(&mut write.tx).await?;
    write.tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

fn refused(code: &'static str, message: Msg) -> AppError {
    AppError::Refused {
        field: "slot",
        code,
        message,
    }
}

/// The session and slot a booking names, or the problem with them.
async fn bookable(
    ctx: &AppContext,
    session: i64,
    slot: i64,
    now: Now,
) -> Result<(SessionView, SlotView), AppError> {
    let unknown = || {
        AppError::Invalid(vec![crate::domain::text::FieldProblem::new(
            "slot",
            "unknown",
            msg!("booking-slot-unknown"),
        )])
    };
    let view = self::session(ctx, session, now)
        .await?
        .ok_or_else(unknown)?;
    let slot = view.slot(slot).cloned().ok_or_else(unknown)?;
    Ok((view, slot))
}

/// What a booking form needs: the session and slot, if they can be booked (or the reason).
pub async fn slot_to_book(
    ctx: &AppContext,
    session: i64,
    slot: i64,
    now: Now,
) -> Result<(SessionView, SlotView), AppError> {
    bookable(ctx, session, slot, now).await
}

/// Books a place: the number and code. Refused (409) when the slot is full, its bookings have
/// closed, or this mobile holds a place in it already; problems with the fields (422) first.
#[allow(clippy::too_many_arguments)]
pub async fn book(
    ctx: &AppContext,
    session: i64,
    slot: i64,
    input: &BookingInput,
    client: Option<&str>,
    lang: crate::domain::prefs::Lang,
    once: Option<&Once>,
    now: Now,
) -> Result<BookingReceipt, AppError> {
    let booker = input.parse();
    let place = bookable(ctx, session, slot, now).await;
    let (view, slot_view) = match (booker.as_ref(), place) {
        (Err(problems), Err(AppError::Invalid(more))) => {
            return Err(AppError::Invalid([problems.clone(), more].concat()));
        }
        (Err(problems), _) => return Err(AppError::Invalid(problems.clone())),
        (Ok(_), Err(e)) => return Err(e),
        (Ok(_), Ok(place)) => place,
    };
    let Ok(booker) = booker else {
        return Err(AppError::Invalid(Vec::new()));
    };
    if slot_view.state == SlotState::Closed.code() {
        return Err(refused("booking_closed", msg!("booking-closed")));
    }
    let (code, hash) = new_query_code(&ctx.code_key);
    let today = now.today();
    let mut write = begin_write(&ctx.pool).await?;
    // The session first, as taking it down does: a booking and a take-down wait for each other.
    write.lock_row("reception_sessions", session).await?;
    write.lock_row("reception_slots", slot).await?;
    ctx.filing_limits
        .charge_booking(&mut write.tx, client, booker.mobile.as_str(), now.utc())
        .await?;
    if store::holds_place(&mut write.tx, slot, booker.mobile.as_str()).await? {
        return Err(refused("already_booked", msg!("booking-already")));
    }
    if !store::take_place(&mut write.tx, slot).await? {
        // Full — or the session was taken down a moment ago.
        return match store::session(&ctx.pool, session).await? {
            Some(_) => Err(refused("full", msg!("booking-full"))),
            None => Err(AppError::Invalid(vec![
                crate::domain::text::FieldProblem::new(
                    "slot",
                    "unknown",
                    msg!("booking-slot-unknown"),
                ),
            ])),
        };
    }
    let sequence =
        crate::kernel::store::next_in_day(&mut write.tx, "YY", &date_text(today)).await?;
    let number = booking_number(today, sequence);
    let stamp = now.stamp();
    let inserted = store::insert_booking(
        &mut write.tx,
        &store::NewBooking {
            number: &number,
            code_hash: &hash,
            slot,
            name: &booker.name,
            mobile: booker.mobile.as_str(),
            summary: &booker.summary,
            lang: lang.tag(),
            at: &stamp,
        },
    )
    .await;
    match inserted {
        // The same mobile in the same slot, should the row locks ever let two through: the
        // index holds.
        Err(StoreError::Duplicate("place")) => {
            return Err(refused("already_booked", msg!("booking-already")));
        }
        other => other?,
    };
    // The booking said by SMS to the mobile booked (number, day and time, place; not the code).
    let message = crate::domain::notify::booked(&number, view.day, &slot_view.start, &view.place);
    crate::kernel::outbox::enqueue(
        &mut write.tx,
        &crate::kernel::outbox::Outgoing {
            key: &format!("booking:{number}:booked"),
            channel: crate::kernel::outbox::Channel::Sms,
            recipient: booker.mobile.as_str(),
            lang,
            message: &message,
            subject: None,
        },
        now.utc(),
    )
    .await?;
    filing::record(
        &mut write.tx,
        once,
        Kind::Booking,
        &number,
        &code.grouped(),
        &stamp,
    )
    .await?;
    write.tx.commit().await.map_err(StoreError::from)?;
    Ok(BookingReceipt {
        number,
        code: code.grouped(),
        session: view.id,
        slot: slot_view.id,
        day: view.day,
        start: slot_view.start,
        end: slot_view.end,
        place: view.place,
        status: BookingStatus::Booked.code().to_owned(),
    })
}

/// The language a booking was made in (its tag as stored).
fn lang_of(tag: &str) -> crate::domain::prefs::Lang {
    crate::domain::prefs::Lang::ALL
        .into_iter()
        .find(|l| l.tag() == tag)
        .unwrap_or_default()
}

fn not_cancellable(status: BookingStatus) -> AppError {
    AppError::Refused {
        field: "number",
        code: "not_cancellable",
        message: msg!("booking-not-cancellable", status = status.label()),
    }
}

fn not_found() -> AppError {
    AppError::NotFound(msg!("booking-not-found"))
}

async fn booking_view(
    ctx: &AppContext,
    row: BookingRow,
    now: Now,
    masked: bool,
) -> Result<BookingView, AppError> {
    let slot = store::slot(&ctx.pool, row.slot_id)
        .await?
        .ok_or_else(not_found)?;
    let session_row = store::session_any(&ctx.pool, slot.session_id)
        .await?
        .ok_or_else(not_found)?;
    let session = session_view(ctx, &session_row, std::slice::from_ref(&slot), now)?;
    let slot_view = session.slots.first().cloned().ok_or_else(not_found)?;
    let mobile = if masked {
        crate::domain::person::mobile::Mobile::parse(&row.mobile)
            .map(|m| m.masked())
            .unwrap_or_default()
    } else {
        row.mobile
    };
    Ok(BookingView {
        id: row.id,
        number: row.number,
        name: row.name,
        mobile,
        summary: row.summary,
        status: BookingStatus::parse(&row.status).unwrap_or(BookingStatus::Booked),
        session,
        slot: slot_view,
        case_number: row.case_number,
    })
}

/// The booking `number`, as its holder sees it (the mobile masked), without checking a code:
/// for the receipt of the browser that booked it.
pub async fn receipt(
    ctx: &AppContext,
    number: &str,
    now: Now,
) -> Result<Option<BookingView>, AppError> {
    match store::booking(&ctx.pool, number).await? {
        Some(row) => Ok(Some(booking_view(ctx, row, now, true).await?)),
        None => Ok(None),
    }
}

/// Cancels the booking `number` whose code is `code` (typed by its holder), guessing slowed down
/// as a 查询码's; a wrong number and a wrong code give the same 404.
pub async fn cancel(
    ctx: &AppContext,
    number: &str,
    code: &str,
    client: &str,
    now: Now,
) -> Result<BookingView, AppError> {
    let canonical = crate::domain::petition::canonical_number(number);
    let code = crate::domain::petition::QueryCode::parse(code);
    let (true, Ok(code)) = (reception::is_booking_number(&canonical), code) else {
        return Err(not_found());
    };
    let open = async {
        let row = store::booking(&ctx.pool, &canonical).await?;
        let right = check_code(
            &ctx.code_key,
            row.as_ref().map(|r| r.code_hash.as_str()),
            &code,
        )
        .await
        .is_right();
        match row {
            Some(row) if right => Ok(row),
            _ => Err(not_found()),
        }
    };
    let row = crate::kernel::lookup::guarded(ctx, &canonical, client, now, open).await?;
    let (mobile, lang) = (row.mobile.clone(), lang_of(&row.lang));
    let view = booking_view(ctx, row, now, true).await?;
    let start = view
        .session
        .day
        .and_time(NaiveTime::parse_from_str(&view.slot.start, "%H:%M").unwrap_or(NaiveTime::MIN));
    if view.status != BookingStatus::Booked {
        return Err(not_cancellable(view.status));
    }
    if !reception::may_cancel(view.status, start, local(now)) {
        return Err(AppError::Refused {
            field: "number",
            code: "started",
            message: msg!(
                "booking-cancel-too-late",
                day = view.session.day,
                start = view.slot.start.clone()
            ),
        });
    }
    let mut write = begin_write(&ctx.pool).await?;
    let done = store::set_status(
        &mut write.tx,
        view.id,
        BookingStatus::Booked.code(),
        BookingStatus::Cancelled,
        None,
        &now.stamp(),
    )
    .await?;
    if done {
        let message = crate::domain::notify::booking_cancelled(&view.number);
        crate::kernel::outbox::enqueue(
            &mut write.tx,
            &crate::kernel::outbox::Outgoing {
                key: &format!("booking:{}:cancelled", view.number),
                channel: crate::kernel::outbox::Channel::Sms,
                recipient: &mobile,
                lang,
                message: &message,
                subject: None,
            },
            now.utc(),
        )
        .await?;
    }
    write.tx.commit().await.map_err(StoreError::from)?;
    if !done {
        // Marked or cancelled a moment ago: said as it is now.
        let now_status = store::booking(&ctx.pool, &canonical)
            .await?
            .and_then(|r| BookingStatus::parse(&r.status))
            .unwrap_or(view.status);
        return Err(not_cancellable(now_status));
    }
    Ok(BookingView {
        status: BookingStatus::Cancelled,
        ..view
    })
}

/// The reception room's list of `day`: each session, each slot, its bookings (whole mobiles).
pub async fn day(ctx: &AppContext, day: NaiveDate, now: Now) -> Result<Vec<DaySession>, AppError> {
    let rows = store::sessions_between(&ctx.pool, &date_text(day), &date_text(day)).await?;
    let sessions = views(ctx, &rows, now).await?;
    let mut out = Vec::new();
    for session in sessions {
        let ids: Vec<i64> = session.slots.iter().map(|s| s.id).collect();
        let bookings = store::bookings_of_slots(&ctx.pool, &ids).await?;
        let mut slots = Vec::new();
        for slot in &session.slots {
            let mut list = Vec::new();
            for b in bookings.iter().filter(|b| b.slot_id == slot.id) {
                list.push(BookingView {
                    id: b.id,
                    number: b.number.clone(),
                    name: b.name.clone(),
                    mobile: b.mobile.clone(),
                    summary: b.summary.clone(),
                    status: BookingStatus::parse(&b.status).unwrap_or(BookingStatus::Booked),
                    session: session.clone(),
                    slot: slot.clone(),
                    case_number: b.case_number.clone(),
                });
            }
            slots.push((slot.clone(), list));
        }
        out.push(DaySession { session, slots });
    }
    Ok(out)
}

/// Marks booking `id` arrived or no-show (staff), from the day of its session (a no-show may be
/// marked arrived after all); refused with `not_markable` otherwise (the page says why).
pub async fn mark(
    ctx: &AppContext,
    id: i64,
    to: BookingStatus,
    staff: i64,
    now: Now,
) -> Result<BookingView, AppError> {
    let row = store::booking_by_id(&ctx.pool, id)
        .await?
        .ok_or_else(not_found)?;
    let view = booking_view(ctx, row, now, false).await?;
    let refused = || AppError::Refused {
        field: "booking",
        code: "not_markable",
        message: msg!("unavailable-save"),
    };
    if !reception::may_mark(view.status, to, view.session.day, local(now)) {
        return Err(refused());
    }
    let mut write = begin_write(&ctx.pool).await?;
    let done = store::set_status(
        &mut write.tx,
        id,
        view.status.code(),
        to,
        Some(staff),
        &now.stamp(),
    )
    .await?;
    if done && (to == BookingStatus::Arrived || view.status == BookingStatus::Arrived) {
        store::changed(&mut write.tx).await?;
    }
    write.tx.commit().await.map_err(StoreError::from)?;
    if !done {
        return Err(refused());
    }
    Ok(BookingView { status: to, ..view })
}

/// The booking `number` for the intake form (staff): its details to carry over, if it may still
/// be registered (booked or arrived, on or after its day, not registered yet).
pub async fn for_intake(
    ctx: &AppContext,
    number: &str,
    now: Now,
) -> Result<Option<BookingView>, AppError> {
    let Some(row) = store::booking(
        &ctx.pool,
        &crate::domain::petition::canonical_number(number),
    )
    .await?
    else {
        return Ok(None);
    };
    let view = booking_view(ctx, row, now, false).await?;
    let open = matches!(view.status, BookingStatus::Booked | BookingStatus::Arrived)
        && view.case_number.is_none()
        && now.today() >= view.session.day;
    Ok(open.then_some(view))
}

/// Records that the arrival of booking `number` was registered as the matter `case` (and marks
/// it arrived).
pub async fn registered(
    ctx: &AppContext,
    number: &str,
    case: &str,
    staff: i64,
    now: Now,
) -> Result<bool, AppError> {
    let mut write = begin_write(&ctx.pool).await?;
    let done = store::set_case(&mut write.tx, number, case, staff, &now.stamp()).await?;
    if done {
        store::changed(&mut write.tx).await?;
    }
    write.tx.commit().await.map_err(StoreError::from)?;
    Ok(done)
}

/// Visitors received per month (`YYYY-MM`, bookings marked arrived).
pub async fn arrivals_per_month(ctx: &AppContext) -> Result<Vec<(String, i64)>, AppError> {
    Ok(store::arrivals_per_month(&ctx.pool).await?)
}
