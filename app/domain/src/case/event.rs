//! A case's history as typed events. Its status, the unit it is with, the deadline running now,
//! what the citizen may still ask for and the KPIs are folds over them (`status`, `due`,
//! `review`, `kpi`). [`EventKind`] is the one place where an event becomes the text stored in
//! the `kind` column, and back.

use super::action::Outcome;
use super::review::Rating;
use crate::history::Dated;
use crate::message::Msg;
use crate::msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The two reviews one level up (第35、36条).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 复查, within 30 days of the written reply (第35条).
    Review,
    /// 复核, within 30 days of the 复查 answer (第36条).
    Recheck,
}

impl Level {
    /// The API's code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Review => "review",
            Self::Recheck => "recheck",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Review => msg!("level-review"),
            Self::Recheck => msg!("level-recheck"),
        }
    }
}

/// The letters a supervisor records (visible to the unit, never to the citizen).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Letter {
    /// 督办函.
    Supervision,
    /// 提醒函.
    Reminder,
}

impl Letter {
    pub fn label(self) -> Msg {
        match self {
            Self::Supervision => msg!("letter-supervision"),
            Self::Reminder => msg!("letter-reminder"),
        }
    }
}

/// One thing that happened to a case. The words in it are those of whoever recorded it (a
/// reason, a note); codes (unit, outcome, rating) are kept as codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CaseEvent {
    /// 收到 (the clock of 第22条 starts).
    Received,
    /// 登记 and 交办 to a handling unit (第22条).
    Assigned { unit: String },
    /// The unit objects to the assignment (第23条); the case goes back to the bureau.
    Objected { reason: String },
    /// 受理 (第23条).
    Accepted,
    /// 不予受理, with the reason the citizen is told.
    NotAccepted { reason: String },
    /// A note on the handling (public or internal, as recorded).
    Progress { note: String },
    /// 调解 held (第33条), and whether an agreement was reached.
    Mediated { agreed: bool, note: String },
    /// 延长办理期限 (第34条): once, at most 30 days.
    Extended { days: u32, reason: String },
    /// The written reply (信访处理意见书, 第32条).
    Replied { outcome: Outcome },
    /// The citizen asks for 复查 or 复核.
    ReviewRequested { level: Level, reason: String },
    /// 复核听证 (第36条): its days are not counted in the 30 days.
    Hearing { days: u32, note: String },
    /// The 复查 or 复核 opinion, in writing.
    ReviewAnswered { level: Level, outcome: Outcome },
    /// 满意度评价 of the latest reply (第21条).
    Evaluated { rating: Rating },
    /// 督办函 or 提醒函.
    Letter { letter: Letter, text: String },
    /// 办结.
    Closed,
    /// The citizen, after proving their mobile with an SMS code, had a new 查询码 sent to it: the
    /// old one no longer opens the case (recorded internal).
    QueryCodeReset,
    /// The bureau set the field (涉及领域) the matter concerns (internal): a code of the
    /// configuration's `[[fields]]`, the matter's field from then on.
    FieldSet { field: String, name: String },
}

/// An event as stored: the `kind` column's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    Received,
    Assigned,
    Objected,
    Accepted,
    NotAccepted,
    ProgressNote,
    MediationAgreed,
    MediationFailed,
    Extended,
    Replied,
    ReviewRequested,
    RecheckRequested,
    Hearing,
    ReviewAnswered,
    RecheckAnswered,
    Evaluated,
    SupervisionLetter,
    ReminderLetter,
    Closed,
    QueryCodeReset,
    FieldSet,
}

impl EventKind {
    pub const ALL: [Self; 21] = [
        Self::Received,
        Self::Assigned,
        Self::Objected,
        Self::Accepted,
        Self::NotAccepted,
        Self::ProgressNote,
        Self::MediationAgreed,
        Self::MediationFailed,
        Self::Extended,
        Self::Replied,
        Self::ReviewRequested,
        Self::RecheckRequested,
        Self::Hearing,
        Self::ReviewAnswered,
        Self::RecheckAnswered,
        Self::Evaluated,
        Self::SupervisionLetter,
        Self::ReminderLetter,
        Self::Closed,
        Self::QueryCodeReset,
        Self::FieldSet,
    ];

    /// The stored text, which is also the `kind` of the API's timeline entries.
    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Assigned => "assigned",
            Self::Objected => "objected",
            Self::Accepted => "accepted",
            Self::NotAccepted => "not_accepted",
            Self::ProgressNote => "progress_note",
            Self::MediationAgreed => "mediation_agreed",
            Self::MediationFailed => "mediation_failed",
            Self::Extended => "extended",
            Self::Replied => "replied",
            Self::ReviewRequested => "review_requested",
            Self::RecheckRequested => "recheck_requested",
            Self::Hearing => "hearing",
            Self::ReviewAnswered => "review_answered",
            Self::RecheckAnswered => "recheck_answered",
            Self::Evaluated => "evaluated",
            Self::SupervisionLetter => "supervision_letter",
            Self::ReminderLetter => "reminder_letter",
            Self::Closed => "closed",
            Self::QueryCodeReset => "query_code_reset",
            Self::FieldSet => "field_set",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kinds that end a case for the same-matter check (办结, 不予受理).
    pub const FINISHED: [Self; 2] = [Self::Closed, Self::NotAccepted];
}

impl CaseEvent {
    pub fn kind(&self) -> EventKind {
        use EventKind as K;
        match self {
            Self::Received => K::Received,
            Self::Assigned { .. } => K::Assigned,
            Self::Objected { .. } => K::Objected,
            Self::Accepted => K::Accepted,
            Self::NotAccepted { .. } => K::NotAccepted,
            Self::Progress { .. } => K::ProgressNote,
            Self::Mediated { agreed: true, .. } => K::MediationAgreed,
            Self::Mediated { agreed: false, .. } => K::MediationFailed,
            Self::Extended { .. } => K::Extended,
            Self::Replied { .. } => K::Replied,
            Self::ReviewRequested {
                level: Level::Review,
                ..
            } => K::ReviewRequested,
            Self::ReviewRequested {
                level: Level::Recheck,
                ..
            } => K::RecheckRequested,
            Self::Hearing { .. } => K::Hearing,
            Self::ReviewAnswered {
                level: Level::Review,
                ..
            } => K::ReviewAnswered,
            Self::ReviewAnswered {
                level: Level::Recheck,
                ..
            } => K::RecheckAnswered,
            Self::Evaluated { .. } => K::Evaluated,
            Self::Letter {
                letter: Letter::Supervision,
                ..
            } => K::SupervisionLetter,
            Self::Letter {
                letter: Letter::Reminder,
                ..
            } => K::ReminderLetter,
            Self::Closed => K::Closed,
            Self::QueryCodeReset => K::QueryCodeReset,
            Self::FieldSet { .. } => K::FieldSet,
        }
    }

    /// A written reply at any level (the first reply, or a 复查/复核 opinion).
    pub fn is_reply(&self) -> bool {
        matches!(self, Self::Replied { .. } | Self::ReviewAnswered { .. })
    }

    /// The days it adds to a limit (an extension, a 复核 hearing); what the `extension_days`
    /// column holds.
    pub fn days(&self) -> Option<u32> {
        match self {
            Self::Extended { days, .. } | Self::Hearing { days, .. } => Some(*days),
            _ => None,
        }
    }

    /// The unit it hands the case to (the `unit_code` column).
    pub fn unit(&self) -> Option<&str> {
        match self {
            Self::Assigned { unit } => Some(unit),
            _ => None,
        }
    }

    /// The event as the timeline says it; `unit_name` is the assigned unit's name (from the
    /// configuration). The words of whoever recorded it are its `Text` arguments.
    pub fn message(&self, unit_name: &str) -> Msg {
        match self {
            Self::Received => msg!("event-received"),
            Self::Assigned { .. } => Msg::new("event-assigned").with_name("unit", unit_name),
            Self::Objected { reason } => msg!("event-objected", reason = reason),
            Self::Accepted => msg!("event-accepted"),
            Self::NotAccepted { reason } => msg!("event-not-accepted", reason = reason),
            Self::Progress { note } => msg!("event-progress", note = note),
            Self::Mediated { agreed: true, note } => msg!("event-mediation-agreed", note = note),
            Self::Mediated {
                agreed: false,
                note,
            } => msg!("event-mediation-failed", note = note),
            Self::Extended { days, reason } => {
                msg!("event-extended", days = *days, reason = reason)
            }
            Self::Replied { outcome } => msg!("event-replied", outcome = outcome.label()),
            Self::ReviewRequested {
                level: Level::Review,
                reason,
            } => msg!("event-review-requested", reason = reason),
            Self::ReviewRequested {
                level: Level::Recheck,
                reason,
            } => msg!("event-recheck-requested", reason = reason),
            Self::Hearing { days, note } => msg!("event-hearing", days = *days, note = note),
            Self::ReviewAnswered {
                level: Level::Review,
                outcome,
            } => msg!("event-review-answered", outcome = outcome.label()),
            Self::ReviewAnswered {
                level: Level::Recheck,
                outcome,
            } => msg!("event-recheck-answered", outcome = outcome.label()),
            Self::Evaluated { rating } => msg!("event-evaluated", rating = rating.label()),
            Self::Letter {
                letter: Letter::Supervision,
                text,
            } => msg!("event-supervision-letter", text = text),
            Self::Letter {
                letter: Letter::Reminder,
                text,
            } => msg!("event-reminder-letter", text = text),
            Self::Closed => msg!("event-closed"),
            Self::QueryCodeReset => msg!("event-query-code-reset"),
            Self::FieldSet { name, .. } => Msg::new("event-field-set").with_name("field", name),
        }
    }
}

/// The unit a case is with: that of the last assignment, unless the unit objected since
/// (第23条) and the case is back with the bureau.
pub fn assigned_unit<H: Dated<CaseEvent>>(events: &[H]) -> Option<&str> {
    events
        .iter()
        .rev()
        .find_map(|e| match e.event() {
            CaseEvent::Assigned { unit } => Some(Some(unit.as_str())),
            CaseEvent::Objected { .. } => Some(None),
            _ => None,
        })
        .flatten()
}

/// Who holds the case now: during a 复查 or 复核 the body the configuration names for the unit
/// that handled it (第35、36条), otherwise the unit it is assigned to; `None` when the bureau holds
/// it (not assigned yet, a review whose body is outside the portal, or a report's review whose
/// body is the unit it reports, `reported_unit`: 第30条 keeps it from that unit).
pub fn holder<H: Dated<CaseEvent>>(
    events: &[H],
    config: &crate::config::BureauConfig,
    reported_unit: Option<&str>,
) -> Option<String> {
    let assigned = assigned_unit(events)?;
    match pending_review(events) {
        Some(level) => config
            .review_body(assigned, level)
            .filter(|body| Some(*body) != reported_unit)
            .map(str::to_owned),
        None => Some(assigned.to_owned()),
    }
}

/// The units that hold or held a review of the case (each requested level's body for the unit it
/// is assigned to): they keep seeing the case they reviewed.
pub fn reviewers<H: Dated<CaseEvent>>(
    events: &[H],
    config: &crate::config::BureauConfig,
) -> Vec<String> {
    let Some(assigned) = assigned_unit(events) else {
        return Vec::new();
    };
    events
        .iter()
        .filter_map(|e| match e.event() {
            CaseEvent::ReviewRequested { level, .. } => config.review_body(assigned, *level),
            _ => None,
        })
        .map(str::to_owned)
        .collect()
}

/// The 复查 or 复核 request waiting for its answer, if one is.
pub fn pending_review<H: Dated<CaseEvent>>(events: &[H]) -> Option<Level> {
    events
        .iter()
        .rev()
        .find_map(|e| match e.event() {
            CaseEvent::ReviewRequested { level, .. } => Some(Some(*level)),
            e if e.is_reply() => Some(None),
            _ => None,
        })
        .flatten()
}

/// Whether the handling limit was extended already (第34条 allows it once).
pub fn extended_before<H: Dated<CaseEvent>>(events: &[H]) -> bool {
    events
        .iter()
        .any(|e| matches!(e.event(), CaseEvent::Extended { .. }))
}

/// The day of the last assignment, if any.
pub fn assigned_on<H: Dated<CaseEvent>>(events: &[H]) -> Option<NaiveDate> {
    events
        .iter()
        .rev()
        .find(|e| matches!(e.event(), CaseEvent::Assigned { .. }))
        .map(|e| e.on())
}

/// For tests: an event of the stored `kind`, with `days` where it has some and sample words.
#[cfg(test)]
pub(crate) fn sample(kind: &str, days: Option<u32>) -> CaseEvent {
    use super::action::Outcome::Support;
    let words = String::from("（示例）");
    match EventKind::parse(kind).expect("a known kind") {
        EventKind::Received => CaseEvent::Received,
        EventKind::Assigned => CaseEvent::Assigned {
            unit: "city-hrss".into(),
        },
        EventKind::Objected => CaseEvent::Objected { reason: words },
        EventKind::Accepted => CaseEvent::Accepted,
        EventKind::NotAccepted => CaseEvent::NotAccepted { reason: words },
        EventKind::ProgressNote => CaseEvent::Progress { note: words },
        EventKind::MediationAgreed => CaseEvent::Mediated {
            agreed: true,
            note: words,
        },
        EventKind::MediationFailed => CaseEvent::Mediated {
            agreed: false,
            note: words,
        },
        EventKind::Extended => CaseEvent::Extended {
            days: days.unwrap_or(0),
            reason: words,
        },
        EventKind::Replied => CaseEvent::Replied { outcome: Support },
        EventKind::ReviewRequested => CaseEvent::ReviewRequested {
            level: Level::Review,
            reason: words,
        },
        EventKind::RecheckRequested => CaseEvent::ReviewRequested {
            level: Level::Recheck,
            reason: words,
        },
        EventKind::Hearing => CaseEvent::Hearing {
            days: days.unwrap_or(0),
            note: words,
        },
        EventKind::ReviewAnswered => CaseEvent::ReviewAnswered {
            level: Level::Review,
            outcome: Support,
        },
        EventKind::RecheckAnswered => CaseEvent::ReviewAnswered {
            level: Level::Recheck,
            outcome: Support,
        },
        EventKind::Evaluated => CaseEvent::Evaluated {
            rating: Rating::Satisfied,
        },
        EventKind::SupervisionLetter => CaseEvent::Letter {
            letter: Letter::Supervision,
            text: words,
        },
        EventKind::ReminderLetter => CaseEvent::Letter {
            letter: Letter::Reminder,
            text: words,
        },
        EventKind::Closed => CaseEvent::Closed,
        EventKind::QueryCodeReset => CaseEvent::QueryCodeReset,
        EventKind::FieldSet => CaseEvent::FieldSet {
            field: "urban-construction".into(),
            name: "城乡建设".into(),
        },
    }
}

/// For tests: events given as (kind, day, days).
#[cfg(test)]
pub(crate) fn typed(events: &[(&str, NaiveDate, Option<u32>)]) -> Vec<(NaiveDate, CaseEvent)> {
    events
        .iter()
        .map(|(kind, day, days)| (*day, sample(kind, *days)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
    }

    #[test]
    fn every_kind_has_one_code_and_reads_back() {
        let mut seen = std::collections::HashSet::new();
        for k in EventKind::ALL {
            assert!(seen.insert(k.code()), "{} twice", k.code());
            assert_eq!(EventKind::parse(k.code()), Some(k));
        }
        assert_eq!(EventKind::parse("dropped"), None);
    }

    #[test]
    fn events_round_trip_through_their_stored_form() {
        let events = [
            CaseEvent::Assigned {
                unit: "city-hrss".into(),
            },
            CaseEvent::Mediated {
                agreed: true,
                note: "双方同意".into(),
            },
            CaseEvent::ReviewAnswered {
                level: Level::Recheck,
                outcome: Outcome::Explain,
            },
            CaseEvent::Evaluated {
                rating: Rating::BasicallySatisfied,
            },
        ];
        for e in events {
            let json = serde_json::to_string(&e).unwrap();
            assert_eq!(serde_json::from_str::<CaseEvent>(&json).unwrap(), e);
        }
        assert_eq!(
            CaseEvent::Mediated {
                agreed: false,
                note: String::new()
            }
            .kind()
            .code(),
            "mediation_failed"
        );
    }

    #[test]
    fn the_unit_and_the_waiting_request_follow_the_events() {
        let mut events = vec![
            (d(2), CaseEvent::Received),
            (
                d(3),
                CaseEvent::Assigned {
                    unit: "city-hrss".into(),
                },
            ),
        ];
        assert_eq!(assigned_unit(&events), Some("city-hrss"));
        assert_eq!(assigned_on(&events), Some(d(3)));
        events.push((
            d(4),
            CaseEvent::Objected {
                reason: "不属于本单位职责".into(),
            },
        ));
        assert_eq!(assigned_unit(&events), None, "back with the bureau");
        events.push((
            d(5),
            CaseEvent::Replied {
                outcome: Outcome::Support,
            },
        ));
        assert_eq!(pending_review(&events), None);
        events.push((
            d(6),
            CaseEvent::ReviewRequested {
                level: Level::Review,
                reason: "不服".into(),
            },
        ));
        assert_eq!(pending_review(&events), Some(Level::Review));
        events.push((
            d(7),
            CaseEvent::ReviewAnswered {
                level: Level::Review,
                outcome: Outcome::Support,
            },
        ));
        assert_eq!(pending_review(&events), None);
        assert!(!extended_before(&events));
    }
}
