//! What staff do to a case (PRODUCT.md "Staff workbench"): every action becomes one append-only
//! event, and whether an action is allowed follows from the case's status (derived from its
//! events), the staff member's role, and whether the case is with their unit.

use super::event::{CaseEvent, Letter, Level};
use crate::case::status::Status;
use crate::message::Msg;
use crate::staff::StaffRole;
use crate::text::FieldProblem;
use crate::workbench::Fields;
pub use crate::workbench::Refusal;
use serde::{Deserialize, Serialize};

/// The result of a written reply (信访处理意见书, 第32条).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// 支持: the request is reasonable and will be met.
    Support,
    /// 解释说明: partly reasonable, or needs explaining.
    Explain,
    /// 不予支持: no basis in law or policy.
    NotSupport,
}

impl Outcome {
    pub const ALL: [Self; 3] = [Self::Support, Self::Explain, Self::NotSupport];

    pub fn code(self) -> &'static str {
        match self {
            Self::Support => "support",
            Self::Explain => "explain",
            Self::NotSupport => "not_support",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Support => Msg::new("outcome-support"),
            Self::Explain => Msg::new("outcome-explain"),
            Self::NotSupport => Msg::new("outcome-not-support"),
        }
    }
}

/// The written reply of 第32条: the request, the facts and reasons found, the opinion and its
/// legal basis, and the outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyLetter {
    pub request: String,
    pub facts_and_reasons: String,
    pub opinion: String,
    pub legal_basis: String,
    pub outcome: Outcome,
}

impl ReplyLetter {
    /// An empty letter, to ask whether a reply is permitted now.
    fn sample() -> Self {
        Self {
            request: String::new(),
            facts_and_reasons: String::new(),
            opinion: String::new(),
            legal_basis: String::new(),
            outcome: Outcome::Explain,
        }
    }
}

/// One thing a staff member does to a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseAction {
    /// 登记 and 交办 to a handling unit (第22条), in one step.
    RegisterAndAssign { unit: String },
    /// 受理 by the unit (第23条).
    Accept,
    /// 不予受理, with the reason the citizen is told (for 申诉求决类 naming the statutory channel).
    NotAccept { reason: String },
    /// A note on the handling, public (shown to the citizen) or internal.
    Progress { note: String, public: bool },
    /// The written reply.
    Reply(ReplyLetter),
    /// The 复查意见 or 复核意见 (第35、36条), in writing, by the body that holds the review.
    ReviewOpinion(ReplyLetter),
    /// 办结.
    Close,
    /// 延长办理期限 (第34条): once, at most 30 days, with the reason told to the citizen.
    Extend { days: u32, reason: String },
    /// 督办函 (`reminder == false`) or 提醒函 recorded by a supervisor; internal, seen by the unit.
    Supervise { reminder: bool, text: String },
    /// 调解 held (第33条), and whether an agreement was reached.
    Mediate { agreed: bool, note: String },
    /// The unit objects to a wrong assignment (第23条: within 5 working days); the case goes back
    /// to the bureau to be assigned again.
    Object { reason: String },
    /// 复核听证 (第36条): a hearing held for a 复核 request; the `days` it took are not counted in
    /// the 30 days for the 复核 opinion.
    Hearing { days: u32, note: String },
    /// A 复查 or 复核 request that came by post, registered by the bureau: in time when it was
    /// posted within the window (its postmark), however late it arrived. `level` is the one the
    /// case is at, set when the events are read.
    PostedReview {
        level: Level,
        postmarked_on: chrono::NaiveDate,
        reason: String,
    },
    /// 涉及领域 set by the bureau (a code of the configuration's `[[fields]]`, checked by the
    /// service), at any stage.
    SetField { field: String, name: String },
}

/// The actions of the workbench's case page, as its forms post them (`action=…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    Assign,
    Accept,
    NotAccept,
    Reply,
    /// 作出复查意见 / 作出复核意见.
    Review,
    Progress,
    Close,
    Extend,
    Supervise,
    Object,
    Mediate,
    Hearing,
    /// 登记邮寄的复查（复核）申请.
    PostedReview,
    /// 设定涉及领域.
    SetField,
}

impl ActionKind {
    /// In the order the page offers them.
    pub const ALL: [Self; 14] = [
        Self::Assign,
        Self::Accept,
        Self::NotAccept,
        Self::Reply,
        Self::Review,
        Self::Progress,
        Self::Close,
        Self::Extend,
        Self::Supervise,
        Self::Object,
        Self::Mediate,
        Self::Hearing,
        Self::PostedReview,
        Self::SetField,
    ];

    /// The form's `action` value.
    pub fn code(self) -> &'static str {
        match self {
            Self::Assign => "assign",
            Self::Accept => "accept",
            Self::NotAccept => "not_accept",
            Self::Reply => "reply",
            Self::Review => "review",
            Self::Progress => "progress",
            Self::Close => "close",
            Self::Extend => "extend",
            Self::Supervise => "supervise",
            Self::Object => "object",
            Self::Mediate => "mediate",
            Self::Hearing => "hearing",
            Self::PostedReview => "posted_review",
            Self::SetField => "set_field",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// An action of this kind with empty fields, to ask whether it is permitted now.
    pub fn sample(self) -> CaseAction {
        let none = String::new;
        match self {
            Self::Assign => CaseAction::RegisterAndAssign { unit: none() },
            Self::Accept => CaseAction::Accept,
            Self::NotAccept => CaseAction::NotAccept { reason: none() },
            Self::Reply => CaseAction::Reply(ReplyLetter::sample()),
            Self::Review => CaseAction::ReviewOpinion(ReplyLetter::sample()),
            Self::Progress => CaseAction::Progress {
                note: none(),
                public: true,
            },
            Self::Close => CaseAction::Close,
            Self::Extend => CaseAction::Extend {
                days: 0,
                reason: none(),
            },
            Self::Supervise => CaseAction::Supervise {
                reminder: false,
                text: none(),
            },
            Self::Object => CaseAction::Object { reason: none() },
            Self::Mediate => CaseAction::Mediate {
                agreed: false,
                note: none(),
            },
            Self::Hearing => CaseAction::Hearing {
                days: 0,
                note: none(),
            },
            Self::PostedReview => CaseAction::PostedReview {
                level: Level::Review,
                postmarked_on: chrono::NaiveDate::MIN,
                reason: none(),
            },
            Self::SetField => CaseAction::SetField {
                field: none(),
                name: none(),
            },
        }
    }
}

impl CaseAction {
    /// The event it records. A reply while a 复查 or 复核 request waits (`waiting`) is the
    /// opinion on that request, given one level up.
    pub fn event(&self, waiting: Option<Level>) -> CaseEvent {
        match self {
            Self::RegisterAndAssign { unit } => CaseEvent::Assigned { unit: unit.clone() },
            Self::Accept => CaseEvent::Accepted,
            Self::NotAccept { reason } => CaseEvent::NotAccepted {
                reason: reason.clone(),
            },
            Self::Progress { note, .. } => CaseEvent::Progress { note: note.clone() },
            Self::Reply(r) => match waiting {
                None => CaseEvent::Replied { outcome: r.outcome },
                Some(level) => CaseEvent::ReviewAnswered {
                    level,
                    outcome: r.outcome,
                },
            },
            Self::ReviewOpinion(r) => CaseEvent::ReviewAnswered {
                level: waiting.unwrap_or(Level::Review),
                outcome: r.outcome,
            },
            Self::Close => CaseEvent::Closed,
            Self::Extend { days, reason } => CaseEvent::Extended {
                days: *days,
                reason: reason.clone(),
            },
            Self::Supervise { reminder, text } => CaseEvent::Letter {
                letter: if *reminder {
                    Letter::Reminder
                } else {
                    Letter::Supervision
                },
                text: text.clone(),
            },
            Self::Mediate { agreed, note } => CaseEvent::Mediated {
                agreed: *agreed,
                note: note.clone(),
            },
            Self::Object { reason } => CaseEvent::Objected {
                reason: reason.clone(),
            },
            Self::Hearing { days, note } => CaseEvent::Hearing {
                days: *days,
                note: note.clone(),
            },
            Self::PostedReview { level, reason, .. } => CaseEvent::ReviewRequested {
                level: *level,
                reason: reason.clone(),
            },
            Self::SetField { field, name } => CaseEvent::FieldSet {
                field: field.clone(),
                name: name.clone(),
            },
        }
    }

    /// Whether the citizen sees the event on the status page.
    pub fn public(&self) -> bool {
        match self {
            Self::Progress { public, .. } => *public,
            Self::Supervise { .. } | Self::Object { .. } | Self::SetField { .. } => false,
            _ => true,
        }
    }
}

/// Whether `role` may take `action` on a case in `status`. `own_unit` says whether the case is
/// held by the staff member's unit now (only meaningful for unit staff): the unit it was assigned
/// to, or during a 复查 or 复核 the body the configuration names for it (`holder`).
/// `bureau_holds` says that no unit holds it now, so the bureau does (before assignment, or a
/// review whose body is outside the portal).
pub fn permitted(
    action: &CaseAction,
    status: Status,
    role: StaffRole,
    own_unit: bool,
    bureau_holds: bool,
) -> Result<(), Refusal> {
    use CaseAction as A;
    let bureau = matches!(role, StaffRole::Registrar | StaffRole::Admin);
    let unit = role == StaffRole::UnitStaff;
    if unit && !own_unit {
        return Err(Refusal::OtherUnit);
    }
    let (who_ok, stage_ok) = match action {
        A::RegisterAndAssign { .. } => (bureau, status == Status::Received),
        // The bureau may refuse at registration; the unit when it receives the case.
        A::NotAccept { .. } => (
            bureau || unit,
            matches!(status, Status::Received | Status::Registered),
        ),
        A::Accept => (unit || bureau, status == Status::Registered),
        A::Progress { .. } => (
            unit || bureau || role == StaffRole::Supervisor,
            !matches!(status, Status::Closed),
        ),
        A::Reply(_) => (unit || bureau, status == Status::Accepted),
        // 复查 and 复核 are answered one level up, by the body that holds the review (第35、36条):
        // its staff, or the bureau's where the body is outside the portal. The 复核's hearing
        // is held there too; whether it is a 复核 is checked against the events.
        // The administrator may record it as a last resort (the body has no account yet).
        A::ReviewOpinion(_) | A::Hearing { .. } => (
            if bureau_holds {
                bureau
            } else {
                unit || role == StaffRole::Admin
            },
            status == Status::UnderReview,
        ),
        A::Close => (unit || bureau, status == Status::Replied),
        A::Extend { .. } | A::Mediate { .. } => (unit || bureau, status == Status::Accepted),
        A::Object { .. } => (unit, status == Status::Registered),
        A::Supervise { .. } => (
            matches!(role, StaffRole::Supervisor | StaffRole::Admin),
            !matches!(status, Status::Closed | Status::NotAccepted),
        ),
        // Whether a review may still be asked for is judged against the events and the
        // postmark (`review::review_request`).
        A::PostedReview { .. } => (bureau, matches!(status, Status::Replied | Status::Closed)),
        A::SetField { .. } => (bureau, true),
    };
    if !who_ok {
        Err(Refusal::Role)
    } else if !stage_ok {
        Err(Refusal::Stage)
    } else {
        Ok(())
    }
}

/// The longest hearing the form accepts: the law sets no limit, so this only catches typing
/// mistakes (a hearing lasting more than three months would be recorded in parts).
pub const MAX_HEARING_DAYS: u32 = 90;

/// Reads an action from a posted form (`action` plus its fields), checking every field.
pub fn parse_action(
    pairs: &[(String, String)],
    unit_exists: impl Fn(&str) -> bool,
) -> Result<CaseAction, Vec<FieldProblem>> {
    use ActionKind as K;
    let mut f = Fields::new(pairs);
    let Some(kind) = ActionKind::parse(f.get("action")) else {
        f.unknown_action();
        return f.finish(CaseAction::Close);
    };
    let action = match kind {
        K::Assign => {
            let unit = f.get("unit").trim().to_owned();
            if unit.is_empty() {
                f.problem(FieldProblem::new(
                    "unit",
                    "required",
                    Msg::new("unit-required"),
                ));
            } else if !unit_exists(&unit) {
                f.problem(FieldProblem::new(
                    "unit",
                    "unknown_unit",
                    Msg::new("unit-not-listed"),
                ));
            }
            CaseAction::RegisterAndAssign { unit }
        }
        K::Accept => CaseAction::Accept,
        K::NotAccept => CaseAction::NotAccept {
            reason: f.text("reason", Msg::new("field-not-accept-reason"), 10, 1000),
        },
        K::Progress => CaseAction::Progress {
            note: f.text("note", Msg::new("field-progress-note"), 4, 1000),
            public: f.get("public") == "yes",
        },
        K::Reply => CaseAction::Reply(letter(&mut f)),
        K::Review => CaseAction::ReviewOpinion(letter(&mut f)),
        K::Close => CaseAction::Close,
        K::Extend => CaseAction::Extend {
            days: f.days("days", 1..=30, Msg::new("extension-days-range")),
            reason: f.text("extend_reason", Msg::new("field-extend-reason"), 10, 500),
        },
        K::Object => CaseAction::Object {
            reason: f.text("object_reason", Msg::new("field-object-reason"), 10, 1000),
        },
        K::Mediate => {
            let agreed = match f.get("agreed") {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            if agreed.is_none() {
                f.problem(FieldProblem::new(
                    "agreed",
                    "required",
                    Msg::new("mediation-agreed-required"),
                ));
            }
            CaseAction::Mediate {
                agreed: agreed.unwrap_or(false),
                note: f.text("mediation_note", Msg::new("field-mediation-note"), 4, 1000),
            }
        }
        K::Hearing => CaseAction::Hearing {
            days: f.days(
                "hearing_days",
                1..=MAX_HEARING_DAYS,
                crate::msg!("hearing-days-range", max = MAX_HEARING_DAYS),
            ),
            note: f.text("hearing_note", Msg::new("field-hearing-note"), 10, 1000),
        },
        K::Supervise => CaseAction::Supervise {
            reminder: f.get("letter") == "reminder",
            text: f.text("letter_text", Msg::new("field-letter-text"), 10, 1000),
        },
        K::PostedReview => {
            let postmark = f.get("review_postmark").trim().to_owned();
            let postmarked_on = chrono::NaiveDate::parse_from_str(&postmark, "%Y-%m-%d").ok();
            if postmarked_on.is_none() {
                f.problem(FieldProblem::new(
                    "review_postmark",
                    if postmark.is_empty() {
                        "required"
                    } else {
                        "invalid_date"
                    },
                    Msg::new("posted-review-postmark"),
                ));
            }
            CaseAction::PostedReview {
                level: Level::Review,
                postmarked_on: postmarked_on.unwrap_or(chrono::NaiveDate::MIN),
                reason: f.text("review_reason", Msg::new("field-review-reason"), 4, 2000),
            }
        }
        K::SetField => {
            let field = f.get("field").trim().to_owned();
            if field.is_empty() {
                f.problem(FieldProblem::new(
                    "field",
                    "required",
                    Msg::new("field-required"),
                ));
            }
            CaseAction::SetField {
                field,
                name: String::new(),
            }
        }
    };
    f.finish(action)
}

/// The fields of a written reply or review opinion (the same letter, 第32、35、36条).
fn letter(f: &mut Fields) -> ReplyLetter {
    let outcome = Outcome::parse(f.get("outcome"));
    if outcome.is_none() {
        f.problem(FieldProblem::new(
            "outcome",
            "required",
            Msg::new("outcome-required"),
        ));
    }
    ReplyLetter {
        request: f.text("reply_request", Msg::new("field-reply-request"), 4, 1000),
        facts_and_reasons: f.text("reply_facts", Msg::new("field-reply-facts"), 10, 5000),
        opinion: f.text("opinion", Msg::new("field-opinion"), 10, 5000),
        legal_basis: f.text("legal_basis", Msg::new("field-legal-basis"), 4, 1000),
        outcome: outcome.unwrap_or(Outcome::Explain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::mask_id_number;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_review_is_answered_by_the_body_that_holds_it_with_its_own_opinion() {
        let opinion = CaseAction::ReviewOpinion(ReplyLetter::sample());
        // The review body's staff (their unit holds the case now).
        assert_eq!(
            permitted(
                &opinion,
                Status::UnderReview,
                StaffRole::UnitStaff,
                true,
                false
            ),
            Ok(())
        );
        // The unit that replied does not review itself.
        assert_eq!(
            permitted(
                &opinion,
                Status::UnderReview,
                StaffRole::UnitStaff,
                false,
                false
            ),
            Err(Refusal::OtherUnit)
        );
        // Nor does the bureau, when a body in the portal holds it …
        assert_eq!(
            permitted(
                &opinion,
                Status::UnderReview,
                StaffRole::Registrar,
                false,
                false
            ),
            Err(Refusal::Role)
        );
        // … except the administrator, as a last resort …
        assert_eq!(
            permitted(
                &opinion,
                Status::UnderReview,
                StaffRole::Admin,
                false,
                false
            ),
            Ok(())
        );
        // … but it does when the body is outside the portal.
        assert_eq!(
            permitted(
                &opinion,
                Status::UnderReview,
                StaffRole::Registrar,
                false,
                true
            ),
            Ok(())
        );
        // The ordinary reply form is not a review opinion.
        assert_eq!(
            permitted(
                &CaseAction::Reply(ReplyLetter::sample()),
                Status::UnderReview,
                StaffRole::Registrar,
                false,
                true
            ),
            Err(Refusal::Stage)
        );
        assert_eq!(
            opinion.event(Some(Level::Recheck)),
            CaseEvent::ReviewAnswered {
                level: Level::Recheck,
                outcome: Outcome::Explain
            }
        );
    }

    #[test]
    fn the_bureau_registers_and_the_unit_accepts_replies_and_closes() {
        let assign = CaseAction::RegisterAndAssign {
            unit: "city-hrss".into(),
        };
        assert_eq!(
            permitted(
                &assign,
                Status::Received,
                StaffRole::Registrar,
                false,
                false
            ),
            Ok(())
        );
        assert_eq!(
            permitted(&assign, Status::Received, StaffRole::UnitStaff, true, false),
            Err(Refusal::Role)
        );
        assert_eq!(
            permitted(
                &assign,
                Status::Registered,
                StaffRole::Registrar,
                false,
                false
            ),
            Err(Refusal::Stage),
            "registered once"
        );
        assert_eq!(
            permitted(
                &CaseAction::Accept,
                Status::Registered,
                StaffRole::UnitStaff,
                true,
                false
            ),
            Ok(())
        );
        assert_eq!(
            permitted(
                &CaseAction::Accept,
                Status::Registered,
                StaffRole::UnitStaff,
                false,
                false
            ),
            Err(Refusal::OtherUnit),
            "another unit's case"
        );
        let letter = CaseAction::Reply(ReplyLetter {
            request: "r".into(),
            facts_and_reasons: "f".into(),
            opinion: "o".into(),
            legal_basis: "l".into(),
            outcome: Outcome::Support,
        });
        assert_eq!(
            permitted(&letter, Status::Accepted, StaffRole::UnitStaff, true, false),
            Ok(())
        );
        assert_eq!(
            permitted(
                &letter,
                Status::Registered,
                StaffRole::UnitStaff,
                true,
                false
            ),
            Err(Refusal::Stage),
            "no reply before acceptance"
        );
        assert_eq!(
            permitted(
                &CaseAction::Close,
                Status::Replied,
                StaffRole::UnitStaff,
                true,
                false
            ),
            Ok(())
        );
        assert_eq!(
            permitted(
                &letter,
                Status::Accepted,
                StaffRole::Supervisor,
                false,
                false
            ),
            Err(Refusal::Role)
        );
        assert_eq!(
            permitted(
                &CaseAction::Accept,
                Status::Registered,
                StaffRole::LegalAid,
                false,
                false
            ),
            Err(Refusal::Role)
        );
    }

    #[test]
    fn extensions_and_supervision_letters() {
        let extend = parse_action(
            &pairs(&[
                ("action", "extend"),
                ("days", "30"),
                ("extend_reason", "需要补充调查用人单位账目"),
            ]),
            |_| true,
        )
        .unwrap();
        assert_eq!(extend.event(None).kind().code(), "extended");
        assert!(
            extend.public(),
            "the reason is told to the citizen (第34条)"
        );
        assert_eq!(
            permitted(&extend, Status::Accepted, StaffRole::UnitStaff, true, false),
            Ok(())
        );
        let too_long = parse_action(
            &pairs(&[
                ("action", "extend"),
                ("days", "31"),
                ("extend_reason", "需要补充调查用人单位账目"),
            ]),
            |_| true,
        )
        .unwrap_err();
        assert_eq!(too_long[0].field, "days");
        let letter = CaseAction::Supervise {
            reminder: false,
            text: "请于三日内报告办理进展".into(),
        };
        assert_eq!(letter.event(None).kind().code(), "supervision_letter");
        assert!(!letter.public());
        assert_eq!(
            permitted(
                &letter,
                Status::Accepted,
                StaffRole::Supervisor,
                false,
                false
            ),
            Ok(())
        );
        assert_eq!(
            permitted(&letter, Status::Accepted, StaffRole::UnitStaff, true, false),
            Err(Refusal::Role)
        );
    }

    #[test]
    fn a_unit_objects_only_to_a_case_just_assigned_to_it() {
        let object = CaseAction::Object {
            reason: "不属于本单位职责".into(),
        };
        assert_eq!(
            permitted(
                &object,
                Status::Registered,
                StaffRole::UnitStaff,
                true,
                false
            ),
            Ok(())
        );
        assert_eq!(
            permitted(&object, Status::Accepted, StaffRole::UnitStaff, true, false),
            Err(Refusal::Stage)
        );
        assert_eq!(
            permitted(
                &object,
                Status::Registered,
                StaffRole::Registrar,
                false,
                false
            ),
            Err(Refusal::Role)
        );
        assert!(!object.public());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let events = [
            (day, CaseEvent::Received),
            (
                day,
                CaseEvent::Assigned {
                    unit: "city-hrss".into(),
                },
            ),
            (day, object.event(None)),
        ];
        assert_eq!(
            Status::of(&events),
            Status::Received,
            "back with the bureau"
        );
    }

    #[test]
    fn actions_are_read_from_forms_with_every_problem() {
        assert_eq!(
            parse_action(
                &pairs(&[("action", "assign"), ("unit", "city-hrss")]),
                |u| u == "city-hrss"
            ),
            Ok(CaseAction::RegisterAndAssign {
                unit: "city-hrss".into()
            })
        );
        let problems = parse_action(&pairs(&[("action", "assign"), ("unit", "nowhere")]), |_| {
            false
        })
        .unwrap_err();
        assert_eq!(problems[0].code, "unknown_unit");
        let problems = parse_action(
            &pairs(&[("action", "reply"), ("opinion", "太短")]),
            |_| true,
        )
        .unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "outcome",
                "reply_request",
                "reply_facts",
                "opinion",
                "legal_basis"
            ]
        );
        assert!(parse_action(&pairs(&[("action", "drop_table")]), |_| true).is_err());
    }

    #[test]
    fn events_say_what_happened() {
        let a = CaseAction::RegisterAndAssign {
            unit: "city-hrss".into(),
        };
        assert_eq!(a.event(None).kind().code(), "assigned");
        assert_eq!(
            a.event(None).message("市人力资源和社会保障局"),
            Msg::new("event-assigned").with_name("unit", "市人力资源和社会保障局")
        );
        let internal = CaseAction::Progress {
            note: "已电话联系用人单位".into(),
            public: false,
        };
        assert!(!internal.public());
        let reply = CaseAction::Reply(ReplyLetter {
            request: "r".into(),
            facts_and_reasons: "f".into(),
            opinion: "o".into(),
            legal_basis: "l".into(),
            outcome: Outcome::Support,
        });
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let events = [
            (day, CaseEvent::Received),
            (day, a.event(None)),
            (day, CaseEvent::Accepted),
            (day, reply.event(None)),
        ];
        assert_eq!(Status::of(&events), Status::Replied);
        assert_eq!(
            reply.event(Some(Level::Review)).message(""),
            crate::msg!("event-review-answered", outcome = Outcome::Support.label()),
            "a reply while a 复查 waits answers it"
        );
    }

    #[test]
    fn id_numbers_are_masked_in_lists() {
        assert_eq!(mask_id_number("11010519491231002X"), "110105********002X");
        assert_eq!(mask_id_number("123"), "***");
    }
}

#[cfg(test)]
mod field_tests {
    use super::*;

    #[test]
    fn the_bureau_sets_a_field_at_any_stage_and_nobody_else_does() {
        let set = CaseAction::SetField {
            field: "ecology".into(),
            name: "生态环境".into(),
        };
        for status in [Status::Received, Status::Accepted, Status::Closed] {
            assert!(permitted(&set, status, StaffRole::Registrar, false, true).is_ok());
        }
        assert!(permitted(&set, Status::Accepted, StaffRole::UnitStaff, true, false).is_err());
        assert!(permitted(&set, Status::Accepted, StaffRole::Supervisor, false, false).is_err());
        assert!(!set.public(), "internal");
        let pairs = vec![("action".to_owned(), "set_field".to_owned())];
        let problems = parse_action(&pairs, |_| true).unwrap_err();
        assert_eq!(problems[0].field, "field");
    }
}
