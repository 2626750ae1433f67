//! 网上预约走访 (issue 17; 信访工作条例 第18条 makes the bureau publish where and when it receives
//! visitors, and 第17条 lets people petition by visit): the bureau publishes reception sessions —
//! ordinary reception days and 领导接访日 with the leader's name and office — each on a working day,
//! with time slots of a set capacity; a citizen books a place in a slot until the bookings close
//! (a number of hours before the session starts, from the configuration), can cancel it, and
//! cannot hold two places in one slot.
//!
//! Rules only: what a session and a booking must say, when a slot takes bookings, and what a
//! booking may become (booked → cancelled, arrived or no-show; an arrival is registered once).

use crate::calendar::Calendar;
use crate::message::Msg;
use crate::msg;
use crate::person::mobile::Mobile;
use crate::person::{NAME, name_characters};
use crate::text::{FieldProblem, TextRule};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// What kind of reception a session is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// An ordinary reception day (日常接访).
    Ordinary,
    /// 领导接访日: a leader receives in person.
    Leader,
}

impl SessionKind {
    pub const ALL: [Self; 2] = [Self::Ordinary, Self::Leader];

    pub fn code(self) -> &'static str {
        match self {
            Self::Ordinary => "ordinary",
            Self::Leader => "leader",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Ordinary => msg!("reception-kind-ordinary"),
            Self::Leader => msg!("reception-kind-leader"),
        }
    }
}

/// One time slot of a session, with how many visitors it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub capacity: u32,
}

impl Slot {
    /// `09:00–10:00`.
    pub fn label(&self) -> String {
        format!(
            "{}–{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// Most slots in one session, and most visitors in one slot.
pub const MOST_SLOTS: usize = 16;
pub const MOST_PER_SLOT: u32 = 100;
/// How far ahead a session may be published.
pub const MOST_DAYS_AHEAD: i64 = 180;

/// Reads the slots as staff type them, one a line: `09:00-10:00 5` (start, end, places). Slots
/// come back in order of time and must not overlap.
pub fn parse_slots(text: &str) -> Result<Vec<Slot>, FieldProblem> {
    let bad = |code: &str, message: Msg| Err(FieldProblem::new("slots", code, message));
    let mut slots = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let line_no = n as i64 + 1;
        let parsed = (|| {
            let normal: String = line
                .chars()
                .map(|c| match crate::text::fold_full_width(c) {
                    '–' | '—' | '~' | '～' | '至' => '-',
                    c => c,
                })
                .collect();
            let (times, places) = normal.rsplit_once(char::is_whitespace)?;
            let (start, end) = times.trim().split_once('-')?;
            let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
            Some((time(start)?, time(end)?, places.trim().parse::<u32>().ok()?))
        })();
        let Some((start, end, capacity)) = parsed else {
            return bad("format", msg!("reception-slot-format", line = line_no));
        };
        if start >= end {
            return bad("order", msg!("reception-slot-order", line = line_no));
        }
        if capacity == 0 || capacity > MOST_PER_SLOT {
            return bad(
                "capacity",
                msg!(
                    "reception-slot-capacity",
                    line = line_no,
                    max = MOST_PER_SLOT as i64
                ),
            );
        }
        slots.push(Slot {
            start,
            end,
            capacity,
        });
    }
    if slots.is_empty() {
        return bad("required", msg!("reception-slots-required"));
    }
    if slots.len() > MOST_SLOTS {
        return bad(
            "too_many",
            msg!("reception-slots-too-many", max = MOST_SLOTS as i64),
        );
    }
    slots.sort_by_key(|s| s.start);
    if slots.windows(2).any(|w| w[1].start < w[0].end) {
        return bad("overlap", msg!("reception-slots-overlap"));
    }
    Ok(slots)
}

const LEADER: TextRule = TextRule {
    field: "leader",
    label: Msg::new("reception-field-leader"),
    min: 2,
    max: 30,
    multiline: false,
};
const OFFICE: TextRule = TextRule {
    field: "office",
    label: Msg::new("reception-field-office"),
    min: 2,
    max: 60,
    multiline: false,
};
const PLACE: TextRule = TextRule {
    field: "place",
    label: Msg::new("reception-field-place"),
    min: 2,
    max: 100,
    multiline: false,
};
/// The matter in a few words, as a booking gives it.
pub const SUMMARY: TextRule = TextRule {
    field: "summary",
    label: Msg::new("reception-field-summary"),
    min: 5,
    max: 200,
    multiline: true,
};

/// A session as staff type it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionDraft {
    pub day: String,
    pub kind: String,
    pub leader: String,
    pub office: String,
    pub place: String,
    pub slots: String,
}

/// A session to publish, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSession {
    pub day: NaiveDate,
    pub kind: SessionKind,
    /// The leader who receives, and their office (领导接访日 only).
    pub leader: Option<String>,
    pub office: Option<String>,
    pub place: String,
    pub slots: Vec<Slot>,
}

impl SessionDraft {
    /// Every problem at once, each on its field: a day from today to [`MOST_DAYS_AHEAD`] that
    /// offices work (a public holiday or a rest day is refused), the leader and office for a
    /// 领导接访日, the place, and the slots.
    pub fn parse(
        &self,
        calendar: &Calendar,
        today: NaiveDate,
    ) -> Result<NewSession, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let day = match NaiveDate::parse_from_str(self.day.trim(), "%Y-%m-%d") {
            _ if self.day.trim().is_empty() => {
                problems.push(FieldProblem::new(
                    "day",
                    "required",
                    msg!("reception-day-required"),
                ));
                None
            }
            Err(_) => {
                problems.push(FieldProblem::new(
                    "day",
                    "invalid_date",
                    msg!("date-invalid"),
                ));
                None
            }
            Ok(day) if day < today => {
                problems.push(FieldProblem::new("day", "past", msg!("reception-day-past")));
                None
            }
            Ok(day) if (day - today).num_days() > MOST_DAYS_AHEAD => {
                problems.push(FieldProblem::new(
                    "day",
                    "too_far",
                    msg!("reception-day-too-far", days = MOST_DAYS_AHEAD),
                ));
                None
            }
            Ok(day) if !calendar.is_working_day(day) => {
                let holiday = calendar.holidays.contains(&day)
                    || (!calendar
                        .years_covered()
                        .contains(&chrono::Datelike::year(&day))
                        && crate::calendar::is_statutory_holiday(day));
                let (code, message) = if holiday {
                    ("holiday", msg!("reception-day-holiday"))
                } else {
                    ("rest_day", msg!("reception-day-rest"))
                };
                problems.push(FieldProblem::new("day", code, message));
                None
            }
            Ok(day) => Some(day),
        };
        let kind = match SessionKind::parse(self.kind.trim()) {
            Some(k) => Some(k),
            None => {
                problems.push(FieldProblem::new(
                    "kind",
                    "required",
                    msg!("reception-kind-required"),
                ));
                None
            }
        };
        let (leader, office) = if kind == Some(SessionKind::Leader) {
            (
                LEADER.check(&self.leader, &mut problems),
                OFFICE.check(&self.office, &mut problems),
            )
        } else {
            (None, None)
        };
        let place = PLACE.check(&self.place, &mut problems);
        let slots = parse_slots(&self.slots).map_err(|p| problems.push(p)).ok();
        if !problems.is_empty() {
            return Err(problems);
        }
        match (day, kind, place, slots) {
            (Some(day), Some(kind), Some(place), Some(slots)) => Ok(NewSession {
                day,
                kind,
                leader,
                office,
                place,
                slots,
            }),
            _ => Err(vec![FieldProblem::new(
                "day",
                "required",
                msg!("reception-day-required"),
            )]),
        }
    }
}

/// When a session's bookings close: `hours` before its first slot starts.
pub fn closes_at(day: NaiveDate, first_start: NaiveTime, hours: u32) -> NaiveDateTime {
    day.and_time(first_start) - chrono::Duration::hours(i64::from(hours))
}

/// Whether a slot takes a booking, and if not why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum SlotState {
    Open { left: u32 },
    Full,
    Closed,
}

impl SlotState {
    /// `open`, `full`, or `booking_closed` (the session's bookings have closed).
    pub fn code(self) -> &'static str {
        match self {
            Self::Open { .. } => "open",
            Self::Full => "full",
            Self::Closed => "booking_closed",
        }
    }
}

/// The state of a slot with `booked` of its `capacity` taken, at `now` (Beijing time), for a
/// session whose bookings close at `closes`.
pub fn slot_state(
    booked: u32,
    capacity: u32,
    closes: NaiveDateTime,
    now: NaiveDateTime,
) -> SlotState {
    if now >= closes {
        SlotState::Closed
    } else if booked >= capacity {
        SlotState::Full
    } else {
        SlotState::Open {
            left: capacity - booked,
        }
    }
}

/// A booking as a citizen sends it (the web form and `POST /api/v1/bookings`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingInput {
    pub name: String,
    pub mobile: String,
    pub summary: String,
}

/// A booking's person and matter, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booker {
    pub name: String,
    pub mobile: Mobile,
    pub summary: String,
}

impl BookingInput {
    /// Every problem at once, on `name`, `mobile` and `summary`.
    pub fn parse(&self) -> Result<Booker, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let name = NAME.check(&self.name, &mut problems);
        if let Some(p) = name.as_deref().and_then(name_characters) {
            problems.push(p);
        }
        let mobile = Mobile::parse(&self.mobile)
            .map_err(|e| problems.push(FieldProblem::new("mobile", e.code(), e.message())))
            .ok();
        let summary = SUMMARY.check(&self.summary, &mut problems);
        // The person rules name the petition's field; a booking's is plain `name`.
        for p in &mut problems {
            if p.field == NAME.field {
                p.field = "name".into();
            }
        }
        match (name, mobile, summary) {
            (Some(name), Some(mobile), Some(summary)) if problems.is_empty() => Ok(Booker {
                name,
                mobile,
                summary,
            }),
            _ => Err(problems),
        }
    }
}

/// Where a booking stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Booked,
    Cancelled,
    Arrived,
    NoShow,
}

impl BookingStatus {
    pub const ALL: [Self; 4] = [Self::Booked, Self::Cancelled, Self::Arrived, Self::NoShow];

    pub fn code(self) -> &'static str {
        match self {
            Self::Booked => "booked",
            Self::Cancelled => "cancelled",
            Self::Arrived => "arrived",
            Self::NoShow => "no_show",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Booked => msg!("booking-status-booked"),
            Self::Cancelled => msg!("booking-status-cancelled"),
            Self::Arrived => msg!("booking-status-arrived"),
            Self::NoShow => msg!("booking-status-no-show"),
        }
    }

    /// Whether the booking still holds its place (a cancelled one gave it back).
    pub fn holds_place(self) -> bool {
        self != Self::Cancelled
    }
}

/// What a citizen may do with their booking at `now`: cancel it while it is booked and its slot
/// has not started.
pub fn may_cancel(status: BookingStatus, slot_start: NaiveDateTime, now: NaiveDateTime) -> bool {
    status == BookingStatus::Booked && now < slot_start
}

/// What staff may mark at `now`, from the day of the session: a booking still booked arrived or
/// no-show, and one marked no-show arrived after all (a visitor who came late, a slip of the
/// hand).
pub fn may_mark(
    status: BookingStatus,
    to: BookingStatus,
    day: NaiveDate,
    now: NaiveDateTime,
) -> bool {
    let allowed = matches!(
        (status, to),
        (
            BookingStatus::Booked,
            BookingStatus::Arrived | BookingStatus::NoShow
        ) | (BookingStatus::NoShow, BookingStatus::Arrived)
    );
    allowed && now.date() >= day
}

/// `YY` + the day booked `YYYYMMDD` + that day's sequence in at least four digits
/// (`YY202612040007`), like a petition's number.
pub fn booking_number(day: NaiveDate, sequence: i64) -> String {
    format!("YY{}{sequence:04}", day.format("%Y%m%d"))
}

/// Whether `text` has the shape of a booking number (after folding as a petition number is).
pub fn is_booking_number(text: &str) -> bool {
    let t = crate::petition::number::canonical_number(text);
    t.len() >= 14 && t.starts_with("YY") && t[2..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }
    fn draft(day: &str) -> SessionDraft {
        SessionDraft {
            day: day.into(),
            kind: "leader".into(),
            leader: "王明".into(),
            office: "市信访局局长".into(),
            place: "市民服务中心二楼接待室".into(),
            slots: "09:00-10:00 3\n10:00-11:00 2".into(),
        }
    }
    fn calendar() -> Calendar {
        Calendar {
            holidays: [d("2026-10-01"), d("2027-01-01")].into_iter().collect(),
            workdays: [d("2026-10-10")].into_iter().collect(),
        }
    }

    #[test]
    fn slots_are_read_in_order_with_their_places() {
        let slots = parse_slots("10:00-11:00 2\n 09:00–10:00 5 \n\n14:30 ～ 15:00 1").unwrap();
        assert_eq!(
            slots
                .iter()
                .map(|s| (s.label(), s.capacity))
                .collect::<Vec<_>>(),
            [
                ("09:00–10:00".to_owned(), 5),
                ("10:00–11:00".to_owned(), 2),
                ("14:30–15:00".to_owned(), 1)
            ]
        );
        // Full-width digits, as a Chinese keyboard may type them.
        assert_eq!(
            parse_slots("０９:００-１０:００ ３").unwrap()[0].capacity,
            3
        );
    }

    #[test]
    fn bad_slots_are_named_by_line() {
        let code = |text: &str| parse_slots(text).unwrap_err().code;
        assert_eq!(code(""), "required");
        assert_eq!(code("9点到10点 3"), "format");
        assert_eq!(code("09:00-10:00"), "format");
        assert_eq!(code("10:00-09:00 3"), "order");
        assert_eq!(code("09:00-10:00 0"), "capacity");
        assert_eq!(code("09:00-10:00 101"), "capacity");
        assert_eq!(code("09:00-10:30 3\n10:00-11:00 3"), "overlap");
        let many: String = (0..17)
            .map(|h| format!("{:02}:00-{:02}:30 1\n", h, h))
            .collect();
        assert_eq!(code(&many), "too_many");
        let p = parse_slots("09:00-10:00 3\nabc").unwrap_err();
        assert_eq!(p.message.arg("line"), Some(&crate::message::Arg::Number(2)));
    }

    #[test]
    fn a_session_is_on_a_working_day_from_today() {
        let c = calendar();
        let today = d("2026-09-28");
        assert!(draft("2026-09-29").parse(&c, today).is_ok());
        assert!(draft("2026-09-28").parse(&c, today).is_ok());
        // A make-up working day (Saturday) is a working day.
        assert!(draft("2026-10-10").parse(&c, today).is_ok());
        let code = |day: &str| draft(day).parse(&c, today).unwrap_err()[0].code.clone();
        assert_eq!(code("2026-10-01"), "holiday");
        assert_eq!(code("2026-10-03"), "rest_day");
        assert_eq!(code("2026-09-27"), "past");
        assert_eq!(code("2027-05-01"), "too_far");
        assert_eq!(code(""), "required");
        assert_eq!(code("2026-13-01"), "invalid_date");
        // 元旦 of a year the configuration lists, and the statutory one of a year it does not.
        assert_eq!(
            draft("2027-01-01").parse(&c, d("2026-12-01")).unwrap_err()[0].code,
            "holiday"
        );
        let uncovered = Calendar::default();
        assert_eq!(
            draft("2026-10-01").parse(&uncovered, today).unwrap_err()[0].code,
            "holiday"
        );
    }

    #[test]
    fn a_leaders_day_names_the_leader_and_an_ordinary_day_needs_none() {
        let c = calendar();
        let today = d("2026-09-28");
        let mut s = draft("2026-09-29");
        s.leader = " ".into();
        s.office.clear();
        let fields: Vec<_> = s
            .parse(&c, today)
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["leader", "office"]);
        s.kind = "ordinary".into();
        let session = s.parse(&c, today).unwrap();
        assert_eq!(
            (session.kind, session.leader, session.office),
            (SessionKind::Ordinary, None, None)
        );
        s.kind = "weekly".into();
        s.place.clear();
        s.slots = "x".into();
        let fields: Vec<_> = s
            .parse(&c, today)
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["kind", "place", "slots"]);
    }

    #[test]
    fn slots_take_bookings_until_the_session_closes() {
        let closes = closes_at(d("2026-12-10"), t("09:00"), 24);
        assert_eq!(closes, d("2026-12-09").and_time(t("09:00")));
        let before = d("2026-12-09").and_time(t("08:59"));
        assert_eq!(
            slot_state(1, 3, closes, before),
            SlotState::Open { left: 2 }
        );
        assert_eq!(slot_state(3, 3, closes, before), SlotState::Full);
        assert_eq!(slot_state(0, 3, closes, closes), SlotState::Closed);
        assert_eq!(slot_state(3, 3, closes, closes), SlotState::Closed);
    }

    #[test]
    fn a_booking_names_a_person_a_mobile_and_the_matter() {
        let ok = BookingInput {
            name: "李四".into(),
            mobile: "13800138000".into(),
            summary: "小区电梯停用三个月无人维修".into(),
        };
        assert_eq!(ok.parse().unwrap().mobile.as_str(), "13800138000");
        let bad = BookingInput {
            name: "李4".into(),
            mobile: "1380013".into(),
            summary: "电梯".into(),
        };
        let fields: Vec<_> = bad
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect();
        assert_eq!(
            fields,
            [
                ("name".to_owned(), "characters".to_owned()),
                ("mobile".to_owned(), "mobile_length".to_owned()),
                ("summary".to_owned(), "too_short".to_owned())
            ]
        );
        let empty = BookingInput::default().parse().unwrap_err();
        assert_eq!(
            empty.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
            ["required", "required", "required"]
        );
    }

    #[test]
    fn a_booking_is_cancelled_before_its_session_and_marked_from_its_day() {
        let start = d("2026-12-10").and_time(t("09:00"));
        let before = d("2026-12-10").and_time(t("08:00"));
        assert!(may_cancel(BookingStatus::Booked, start, before));
        assert!(!may_cancel(BookingStatus::Booked, start, start));
        assert!(!may_cancel(BookingStatus::Arrived, start, before));
        assert!(!may_cancel(BookingStatus::Cancelled, start, before));
        let day = d("2026-12-10");
        assert!(may_mark(
            BookingStatus::Booked,
            BookingStatus::Arrived,
            day,
            before
        ));
        assert!(may_mark(
            BookingStatus::Booked,
            BookingStatus::NoShow,
            day,
            before
        ));
        assert!(!may_mark(
            BookingStatus::Booked,
            BookingStatus::Arrived,
            d("2026-12-11"),
            before
        ));
        assert!(may_mark(
            BookingStatus::NoShow,
            BookingStatus::Arrived,
            day,
            before
        ));
        assert!(!may_mark(
            BookingStatus::Arrived,
            BookingStatus::NoShow,
            day,
            before
        ));
        assert!(!may_mark(
            BookingStatus::Booked,
            BookingStatus::Cancelled,
            day,
            before
        ));
        assert!(!BookingStatus::Cancelled.holds_place());
        assert!(BookingStatus::NoShow.holds_place());
        for s in BookingStatus::ALL {
            assert_eq!(BookingStatus::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn booking_numbers_carry_their_day() {
        let n = booking_number(d("2026-12-04"), 7);
        assert_eq!(n, "YY202612040007");
        assert!(is_booking_number(&n));
        assert!(is_booking_number("yy 2026-1204-0007"));
        assert_eq!(booking_number(d("2026-12-04"), 12345), "YY2026120412345");
        assert!(!is_booking_number("XF202612040007"));
        assert!(!is_booking_number("YY2026"));
    }
}
