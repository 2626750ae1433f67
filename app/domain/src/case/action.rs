//! What staff do to a case (PRODUCT.md "Staff workbench"): every action becomes one append-only
//! event, and whether an action is allowed follows from the case's status (derived from its
//! events), the staff member's role, and whether the case is with their unit.

use crate::case::status::Status;
use crate::staff::StaffRole;
use crate::text::{FieldProblem, text_field};
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

    pub fn label(self) -> &'static str {
        match self {
            Self::Support => "支持",
            Self::Explain => "解释说明",
            Self::NotSupport => "不予支持",
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
}

impl CaseAction {
    /// The event kind it records.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RegisterAndAssign { .. } => "assigned",
            Self::Accept => "accepted",
            Self::NotAccept { .. } => "not_accepted",
            Self::Progress { .. } => "progress_note",
            Self::Reply(_) => "replied",
            Self::Close => "closed",
            Self::Extend { .. } => "extended",
            Self::Supervise {
                reminder: false, ..
            } => "supervision_letter",
            Self::Supervise { reminder: true, .. } => "reminder_letter",
            Self::Mediate { agreed: true, .. } => "mediation_agreed",
            Self::Mediate { agreed: false, .. } => "mediation_failed",
            Self::Object { .. } => "objected",
            Self::Hearing { .. } => "hearing",
        }
    }

    /// Whether the citizen sees the event on the status page.
    pub fn public(&self) -> bool {
        match self {
            Self::Progress { public, .. } => *public,
            Self::Supervise { .. } | Self::Object { .. } => false,
            _ => true,
        }
    }

    /// The text of the event, as the timeline shows it. `unit_name` names the unit assigned.
    pub fn text(&self, unit_name: &str) -> String {
        match self {
            Self::RegisterAndAssign { .. } => format!("已登记，交由{unit_name}办理"),
            Self::Accept => "承办单位已受理".to_owned(),
            Self::NotAccept { reason } => format!("不予受理：{reason}"),
            Self::Progress { note, .. } => note.clone(),
            Self::Reply(r) => format!("已书面答复（{}）", r.outcome.label()),
            Self::Close => "已办结".to_owned(),
            Self::Extend { days, reason } => format!("办理期限延长 {days} 日，理由：{reason}"),
            Self::Supervise { reminder, text } => {
                format!("{}：{text}", if *reminder { "提醒函" } else { "督办函" })
            }
            Self::Object { reason } => format!("承办单位对交办提出异议：{reason}"),
            Self::Hearing { days, note } => {
                format!("举行复核听证，用时 {days} 日，不计入复核期限（第三十六条）：{note}")
            }
            Self::Mediate { agreed, note } => format!(
                "组织调解，{}：{note}",
                if *agreed {
                    "达成调解协议"
                } else {
                    "未达成协议"
                }
            ),
        }
    }
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The role may never do this.
    Role,
    /// The case is with another unit.
    OtherUnit,
    /// Not at this stage of the case.
    Stage,
    /// The handling limit was already extended once (第34条).
    AlreadyExtended,
    /// The 5 working days for an objection have passed (第23条).
    ObjectionTooLate,
    /// A hearing whose time is not counted is a 复核 matter (第36条), not one of 复查.
    HearingOnlyInRecheck,
}

impl Refusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::Role => "您的角色不能进行这项操作",
            Self::OtherUnit => "这件信访事项不在您的单位办理",
            Self::Stage => "信访事项当前的状态不能进行这项操作，请刷新页面查看最新状态",
            Self::AlreadyExtended => {
                "办理期限已经延长过一次，不能再延长（《信访工作条例》第三十四条）"
            }
            Self::ObjectionTooLate => {
                "对交办的异议应当在收到之日起 5 个工作日内提出，期限已过（《信访工作条例》第二十三条）"
            }
            Self::HearingOnlyInRecheck => {
                "不计入期限的听证只适用于复核（《信访工作条例》第三十六条），这件事项当前不在复核中"
            }
        }
    }
}

/// Whether `role` may take `action` on a case in `status`. `own_unit` says whether the case is
/// assigned to the staff member's unit (only meaningful for unit staff).
pub fn permitted(
    action: &CaseAction,
    status: Status,
    role: StaffRole,
    own_unit: bool,
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
        // 复查 and 复核 are answered one level up: by the bureau, not the unit.
        A::Reply(_) => match status {
            Status::Accepted => (unit || bureau, true),
            Status::UnderReview => (bureau, true),
            _ => (unit || bureau, false),
        },
        A::Close => (unit || bureau, status == Status::Replied),
        A::Extend { .. } | A::Mediate { .. } => (unit || bureau, status == Status::Accepted),
        A::Object { .. } => (unit, status == Status::Registered),
        // Held by the 复核 body, one level up; whether it is a 复核 is checked against the events.
        A::Hearing { .. } => (bureau, status == Status::UnderReview),
        A::Supervise { .. } => (
            matches!(role, StaffRole::Supervisor | StaffRole::Admin),
            !matches!(status, Status::Closed | Status::NotAccepted),
        ),
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
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let mut problems = Vec::new();
    let action = match get("action") {
        "assign" => {
            let unit = get("unit").trim().to_owned();
            if unit.is_empty() {
                problems.push(FieldProblem::new("unit", "required", "请选择承办单位"));
            } else if !unit_exists(&unit) {
                problems.push(FieldProblem::new(
                    "unit",
                    "unknown_unit",
                    "承办单位不在名单中",
                ));
            }
            CaseAction::RegisterAndAssign { unit }
        }
        "accept" => CaseAction::Accept,
        "not_accept" => CaseAction::NotAccept {
            reason: text_field(
                "reason",
                "不予受理的理由",
                get("reason"),
                10,
                1000,
                &mut problems,
            ),
        },
        "progress" => CaseAction::Progress {
            note: text_field("note", "办理情况", get("note"), 4, 1000, &mut problems),
            public: get("public") == "yes",
        },
        "reply" => {
            let outcome = Outcome::parse(get("outcome"));
            if outcome.is_none() {
                problems.push(FieldProblem::new(
                    "outcome",
                    "required",
                    "请选择处理结果：支持、解释说明或不予支持",
                ));
            }
            let letter = ReplyLetter {
                request: text_field(
                    "reply_request",
                    "信访人的请求",
                    get("reply_request"),
                    4,
                    1000,
                    &mut problems,
                ),
                facts_and_reasons: text_field(
                    "reply_facts",
                    "查明的事实和理由",
                    get("reply_facts"),
                    10,
                    5000,
                    &mut problems,
                ),
                opinion: text_field(
                    "opinion",
                    "处理意见",
                    get("opinion"),
                    10,
                    5000,
                    &mut problems,
                ),
                legal_basis: text_field(
                    "legal_basis",
                    "法律依据",
                    get("legal_basis"),
                    4,
                    1000,
                    &mut problems,
                ),
                outcome: outcome.unwrap_or(Outcome::Explain),
            };
            CaseAction::Reply(letter)
        }
        "close" => CaseAction::Close,
        "extend" => {
            let days = get("days")
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=30).contains(d));
            if days.is_none() {
                problems.push(FieldProblem::new(
                    "days",
                    "out_of_range",
                    "延长的天数应为 1 到 30 之间的整数（第三十四条）",
                ));
            }
            CaseAction::Extend {
                days: days.unwrap_or(0),
                reason: text_field(
                    "extend_reason",
                    "延期理由",
                    get("extend_reason"),
                    10,
                    500,
                    &mut problems,
                ),
            }
        }
        "object" => CaseAction::Object {
            reason: text_field(
                "object_reason",
                "异议理由",
                get("object_reason"),
                10,
                1000,
                &mut problems,
            ),
        },
        "mediate" => {
            let agreed = match get("agreed") {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            if agreed.is_none() {
                problems.push(FieldProblem::new(
                    "agreed",
                    "required",
                    "请选择是否达成调解协议",
                ));
            }
            CaseAction::Mediate {
                agreed: agreed.unwrap_or(false),
                note: text_field(
                    "mediation_note",
                    "调解情况",
                    get("mediation_note"),
                    4,
                    1000,
                    &mut problems,
                ),
            }
        }
        "hearing" => {
            let days = get("hearing_days")
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=MAX_HEARING_DAYS).contains(d));
            if days.is_none() {
                problems.push(FieldProblem::new(
                    "hearing_days",
                    "out_of_range",
                    format!("听证用时应为 1 到 {MAX_HEARING_DAYS} 之间的整数（日）"),
                ));
            }
            CaseAction::Hearing {
                days: days.unwrap_or(0),
                note: text_field(
                    "hearing_note",
                    "听证情况",
                    get("hearing_note"),
                    10,
                    1000,
                    &mut problems,
                ),
            }
        }
        "supervise" => CaseAction::Supervise {
            reminder: get("letter") == "reminder",
            text: text_field(
                "letter_text",
                "函件内容",
                get("letter_text"),
                10,
                1000,
                &mut problems,
            ),
        },
        _ => {
            problems.push(FieldProblem::new("action", "unknown_action", "未知的操作"));
            CaseAction::Close
        }
    };
    if problems.is_empty() {
        Ok(action)
    } else {
        Err(problems)
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
    fn the_bureau_registers_and_the_unit_accepts_replies_and_closes() {
        let assign = CaseAction::RegisterAndAssign {
            unit: "city-hrss".into(),
        };
        assert_eq!(
            permitted(&assign, Status::Received, StaffRole::Registrar, false),
            Ok(())
        );
        assert_eq!(
            permitted(&assign, Status::Received, StaffRole::UnitStaff, true),
            Err(Refusal::Role)
        );
        assert_eq!(
            permitted(&assign, Status::Registered, StaffRole::Registrar, false),
            Err(Refusal::Stage),
            "registered once"
        );
        assert_eq!(
            permitted(
                &CaseAction::Accept,
                Status::Registered,
                StaffRole::UnitStaff,
                true
            ),
            Ok(())
        );
        assert_eq!(
            permitted(
                &CaseAction::Accept,
                Status::Registered,
                StaffRole::UnitStaff,
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
            permitted(&letter, Status::Accepted, StaffRole::UnitStaff, true),
            Ok(())
        );
        assert_eq!(
            permitted(&letter, Status::Registered, StaffRole::UnitStaff, true),
            Err(Refusal::Stage),
            "no reply before acceptance"
        );
        assert_eq!(
            permitted(
                &CaseAction::Close,
                Status::Replied,
                StaffRole::UnitStaff,
                true
            ),
            Ok(())
        );
        assert_eq!(
            permitted(&letter, Status::Accepted, StaffRole::Supervisor, false),
            Err(Refusal::Role)
        );
        assert_eq!(
            permitted(
                &CaseAction::Accept,
                Status::Registered,
                StaffRole::LegalAid,
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
        assert_eq!(extend.kind(), "extended");
        assert!(
            extend.public(),
            "the reason is told to the citizen (第34条)"
        );
        assert_eq!(
            permitted(&extend, Status::Accepted, StaffRole::UnitStaff, true),
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
        assert_eq!(letter.kind(), "supervision_letter");
        assert!(!letter.public());
        assert_eq!(
            permitted(&letter, Status::Accepted, StaffRole::Supervisor, false),
            Ok(())
        );
        assert_eq!(
            permitted(&letter, Status::Accepted, StaffRole::UnitStaff, true),
            Err(Refusal::Role)
        );
    }

    #[test]
    fn a_unit_objects_only_to_a_case_just_assigned_to_it() {
        let object = CaseAction::Object {
            reason: "不属于本单位职责".into(),
        };
        assert_eq!(
            permitted(&object, Status::Registered, StaffRole::UnitStaff, true),
            Ok(())
        );
        assert_eq!(
            permitted(&object, Status::Accepted, StaffRole::UnitStaff, true),
            Err(Refusal::Stage)
        );
        assert_eq!(
            permitted(&object, Status::Registered, StaffRole::Registrar, false),
            Err(Refusal::Role)
        );
        assert!(!object.public());
        assert_eq!(
            Status::from_events(["received", "assigned", object.kind()]),
            Status::Received,
            "back with the bureau"
        );
    }

    #[test]
    fn reviews_are_answered_one_level_up() {
        let letter = CaseAction::Reply(ReplyLetter {
            request: "r".into(),
            facts_and_reasons: "f".into(),
            opinion: "o".into(),
            legal_basis: "l".into(),
            outcome: Outcome::NotSupport,
        });
        assert_eq!(
            permitted(&letter, Status::UnderReview, StaffRole::Registrar, false),
            Ok(())
        );
        assert_eq!(
            permitted(&letter, Status::UnderReview, StaffRole::UnitStaff, true),
            Err(Refusal::Role)
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
        assert_eq!(a.kind(), "assigned");
        assert_eq!(
            a.text("市人力资源和社会保障局"),
            "已登记，交由市人力资源和社会保障局办理"
        );
        let internal = CaseAction::Progress {
            note: "已电话联系用人单位".into(),
            public: false,
        };
        assert!(!internal.public());
        assert_eq!(
            Status::from_events(["received", a.kind(), "accepted", "replied"]),
            Status::Replied
        );
    }

    #[test]
    fn id_numbers_are_masked_in_lists() {
        assert_eq!(mask_id_number("11010519491231002X"), "110105********002X");
        assert_eq!(mask_id_number("123"), "***");
    }
}
