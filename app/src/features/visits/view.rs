//! What pages and the API show of reception sessions and bookings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A time slot of a session, with its places.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SlotView {
    /// The slot's id (`"slot"` of a booking).
    pub id: i64,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    pub capacity: i64,
    /// Places taken.
    pub booked: i64,
    /// Places left (0 when full or closed).
    pub left: i64,
    /// `open`, `full` or `booking_closed` (the session's bookings have closed).
    pub state: String,
}

impl SlotView {
    /// `09:00–10:00`.
    pub fn label(&self) -> String {
        format!("{}–{}", self.start, self.end)
    }

    pub fn is_open(&self) -> bool {
        self.state == "open"
    }
}

/// A published reception session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SessionView {
    /// The session's id (`"session"` of a booking).
    pub id: i64,
    pub day: NaiveDate,
    /// `ordinary` (日常接访) or `leader` (领导接访日).
    pub kind: String,
    /// The receiving leader and their office (领导接访日 only).
    pub leader: Option<String>,
    pub office: Option<String>,
    pub place: String,
    /// When bookings close (Beijing time, RFC 3339).
    pub bookings_close: String,
    pub slots: Vec<SlotView>,
}

impl SessionView {
    pub fn kind(&self) -> crate::domain::reception::SessionKind {
        crate::domain::reception::SessionKind::parse(&self.kind)
            .unwrap_or(crate::domain::reception::SessionKind::Ordinary)
    }

    pub fn slot(&self, id: i64) -> Option<&SlotView> {
        self.slots.iter().find(|s| s.id == id)
    }
}

/// A booking, as its holder and the reception room see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingView {
    pub id: i64,
    pub number: String,
    pub name: String,
    /// The whole mobile for staff; masked (`138****8000`) for the citizen's receipt.
    pub mobile: String,
    pub summary: String,
    pub status: crate::domain::reception::BookingStatus,
    pub session: SessionView,
    pub slot: SlotView,
    /// The 来访 matter the arrival was registered as.
    pub case_number: Option<String>,
}

/// What `POST /api/v1/bookings` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BookingReceipt {
    /// The booking number (`YY` + date + sequence).
    pub number: String,
    /// The booking's code: needed to cancel; shown once, never stored.
    pub code: String,
    pub session: i64,
    pub slot: i64,
    pub day: NaiveDate,
    pub start: String,
    pub end: String,
    pub place: String,
    pub status: String,
}

/// A session of a day, with each slot's bookings (the reception room's list).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySession {
    pub session: SessionView,
    pub slots: Vec<(SlotView, Vec<BookingView>)>,
}
