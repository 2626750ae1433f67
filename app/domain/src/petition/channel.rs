//! The channels a matter arrives by (信访工作条例 第17条: 网络、书信、电话、传真、走访), and what a clerk
//! says of one that did not come through the portal's own forms: the day the bureau received it
//! (which starts the clock: for a letter, the day it arrived, not the day it is typed in) and, for
//! a letter, its postmark (a 复查/复核 request posted within its window is in time, 第35、36条).

use crate::message::Msg;
use crate::msg;
use crate::text::FieldProblem;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// The portal's web forms.
    Web,
    /// Another system through `/api/v1`.
    Api,
    /// 来信.
    Letter,
    /// 来访 (walk-in or booked).
    Visit,
    /// 来电.
    Phone,
    /// 传真.
    Fax,
    /// Transferred from the 12345 hotline.
    Hotline,
    /// Transferred from another body (转来).
    Transfer,
}

impl Channel {
    pub const ALL: [Self; 8] = [
        Self::Web,
        Self::Api,
        Self::Letter,
        Self::Visit,
        Self::Phone,
        Self::Fax,
        Self::Hotline,
        Self::Transfer,
    ];

    /// Those a clerk registers (登记来信来访).
    pub const BY_CLERK: [Self; 6] = [
        Self::Letter,
        Self::Visit,
        Self::Phone,
        Self::Fax,
        Self::Hotline,
        Self::Transfer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Web => "web",
            Self::Api => "api",
            Self::Letter => "letter",
            Self::Visit => "visit",
            Self::Phone => "phone",
            Self::Fax => "fax",
            Self::Hotline => "hotline",
            Self::Transfer => "transfer",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Web => msg!("channel-web"),
            Self::Api => msg!("channel-api"),
            Self::Letter => msg!("channel-letter"),
            Self::Visit => msg!("channel-visit"),
            Self::Phone => msg!("channel-phone"),
            Self::Fax => msg!("channel-fax"),
            Self::Hotline => msg!("channel-hotline"),
            Self::Transfer => msg!("channel-transfer"),
        }
    }
}

/// How far back a clerk may date a matter's receipt: older is taken for a typo (a letter that
/// lay longer is registered with the day it is found, and the delay explained in a note).
pub const MOST_DAYS_BACK: i64 = 60;

/// What a clerk said of a matter's arrival, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arrival {
    pub channel: Channel,
    /// The day the bureau received it: the clock's first day.
    pub received_on: NaiveDate,
    /// A letter's postmark, if it could be read.
    pub postmarked_on: Option<NaiveDate>,
}

/// Reads the channel, the day received (`YYYY-MM-DD`) and a letter's postmark as typed by a
/// clerk on `today`: every problem at once, each on its field (`channel`, `received_on`,
/// `postmarked_on`).
pub fn arrival(
    channel: &str,
    received_on: &str,
    postmarked_on: &str,
    today: NaiveDate,
) -> Result<Arrival, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let channel = match Channel::parse(channel.trim()) {
        Some(c) if Channel::BY_CLERK.contains(&c) => Some(c),
        None if channel.trim().is_empty() => {
            problems.push(FieldProblem::new(
                "channel",
                "required",
                msg!("channel-required"),
            ));
            None
        }
        _ => {
            problems.push(FieldProblem::new(
                "channel",
                "unknown",
                msg!("channel-unknown"),
            ));
            None
        }
    };
    let date = |field: &str, text: &str, problems: &mut Vec<FieldProblem>| {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push(FieldProblem::new(
                field,
                "invalid_date",
                msg!("date-invalid"),
            ));
        }
        parsed
    };
    let received = match date("received_on", received_on, &mut problems) {
        Some(d) if d > today => {
            problems.push(FieldProblem::new(
                "received_on",
                "in_future",
                msg!("intake-received-future"),
            ));
            None
        }
        Some(d) if (today - d).num_days() > MOST_DAYS_BACK => {
            problems.push(FieldProblem::new(
                "received_on",
                "too_old",
                msg!("intake-received-too-old", days = MOST_DAYS_BACK as u64),
            ));
            None
        }
        Some(d) => Some(d),
        None if received_on.trim().is_empty() => Some(today),
        None => None,
    };
    let postmark = date("postmarked_on", postmarked_on, &mut problems);
    if postmark.is_some() && channel.is_some_and(|c| c != Channel::Letter) {
        problems.push(FieldProblem::new(
            "postmarked_on",
            "letters_only",
            msg!("intake-postmark-letters-only"),
        ));
    }
    if let (Some(p), Some(r)) = (postmark, received)
        && p > r
    {
        problems.push(FieldProblem::new(
            "postmarked_on",
            "after_receipt",
            msg!("intake-postmark-after-receipt"),
        ));
    }
    match (channel, received) {
        (Some(channel), Some(received_on)) if problems.is_empty() => Ok(Arrival {
            channel,
            received_on,
            postmarked_on: postmark,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn codes(r: Result<Arrival, Vec<FieldProblem>>) -> Vec<(String, String)> {
        r.unwrap_err()
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect()
    }

    #[test]
    fn codes_round_trip_and_only_clerks_channels_are_registered_by_hand() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.code()), Some(c));
        }
        let today = day("2026-12-04");
        assert_eq!(
            codes(arrival("web", "", "", today)),
            [("channel".into(), "unknown".into())]
        );
        assert_eq!(
            codes(arrival("", "", "", today)),
            [("channel".into(), "required".into())]
        );
    }

    #[test]
    fn a_letter_is_dated_by_its_arrival_and_its_postmark_comes_before() {
        let today = day("2026-12-04");
        let a = arrival("letter", "2026-12-01", "2026-11-28", today).unwrap();
        assert_eq!(a.channel, Channel::Letter);
        assert_eq!(a.received_on, day("2026-12-01"));
        assert_eq!(a.postmarked_on, Some(day("2026-11-28")));
        // Left empty: received today.
        assert_eq!(arrival("visit", " ", "", today).unwrap().received_on, today);
        assert_eq!(
            codes(arrival("letter", "2026-12-01", "2026-12-02", today)),
            [("postmarked_on".into(), "after_receipt".into())]
        );
        assert_eq!(
            codes(arrival("phone", "", "2026-12-01", today)),
            [("postmarked_on".into(), "letters_only".into())]
        );
        assert_eq!(
            codes(arrival("letter", "2026-12-05", "", today)),
            [("received_on".into(), "in_future".into())]
        );
        assert_eq!(
            codes(arrival("letter", "2026-10-01", "", today)),
            [("received_on".into(), "too_old".into())]
        );
        assert_eq!(
            codes(arrival("letter", "12/01/2026", "昨天", today)),
            [
                ("received_on".into(), "invalid_date".into()),
                ("postmarked_on".into(), "invalid_date".into())
            ]
        );
    }
}
