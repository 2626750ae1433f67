//! What staff do to a case (PRODUCT.md "Staff workbench"): every action becomes one append-only
//! event, and whether an action is allowed follows from the case's status (derived from its
//! events), the staff member's role, and whether the case is with their unit.

use crate::domain::petition::FieldProblem;
use crate::domain::staff::StaffRole;
use crate::domain::status::Status;
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

/// Length-checked text of a form field (trimmed, `\r\n` → `\n`), with the problem pushed if
/// it is too short or too long.
pub fn text_field(
    field: &str,
    label: &str,
    value: &str,
    min: usize,
    max: usize,
    problems: &mut Vec<FieldProblem>,
) -> String {
    let text = value.trim().replace("\r\n", "\n");
    let len = text.chars().count();
    if len == 0 && min > 0 {
        problems.push(FieldProblem::new(
            field,
            "required",
            format!("请填写{label}"),
        ));
    } else if len < min {
        problems.push(FieldProblem::new(
            field,
            "too_short",
            format!("{label}太短：至少 {min} 个字"),
        ));
    } else if len > max {
        problems.push(FieldProblem::new(
            field,
            "too_long",
            format!("{label}太长：最多 {max} 个字，现在 {len} 个字"),
        ));
    }
    text
}

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

pub use crate::domain::id_number::mask_id_number;

#[cfg(test)]
mod tests {
    use super::*;

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

/// The petitioner as a case page shows them to staff allowed to see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PetitionerView {
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub district: String,
}

/// One event as staff see it (public and internal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub at: String,
    pub kind: String,
    pub public: bool,
    pub text: String,
    pub actor: Option<String>,
}

/// A case page for one staff member: what they may see and do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub number: String,
    pub category: String,
    pub title: String,
    pub status_label: String,
    pub received_at: String,
    /// `None` when the identity is hidden from this staff member (检举控告类, 第30条).
    pub petitioner: Option<PetitionerView>,
    pub request: String,
    pub facts_and_reasons: String,
    pub place_and_time: Option<String>,
    pub earlier_handling: Option<String>,
    pub suggested_unit: Option<String>,
    pub assigned_unit: Option<String>,
    pub register_due: chrono::NaiveDate,
    pub events: Vec<EventView>,
    pub replies: Vec<crate::domain::petition_view::Reply>,
    /// The action codes of the forms to offer (`assign`, `accept`, `not_accept`, …).
    pub actions: Vec<String>,
    /// (code, name) of the units a case can be assigned to.
    pub units: Vec<(String, String)>,
    /// The petition's files: (name, size label), in the order of their links
    /// (`/staff/cases/{number}/files/{1…}`).
    pub attachments: Vec<(String, String)>,
    /// The files of a report are kept from the unit's staff with the reporter's identity (第30条).
    pub attachments_withheld: bool,
}

/// A case in the workbench's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseListItem {
    pub number: String,
    pub received_on: String,
    pub category: String,
    pub title: String,
    /// Masked, or hidden for reports seen by a unit.
    pub petitioner: String,
    /// The status code (`received`, `registered`, …) and its label.
    pub status: String,
    pub status_label: String,
    pub unit: Option<String>,
    pub register_due: chrono::NaiveDate,
    /// The deadline running now, if any.
    pub due: Option<DueView>,
}

/// The workbench's lists (PRODUCT.md: a queue of new cases; supervisors watch the due-soon and
/// overdue ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseList {
    All,
    /// 新收待登记: received, not yet registered (第22条 runs).
    New,
    /// Running deadline within three days.
    DueSoon,
    /// Running deadline passed.
    Overdue,
}

impl CaseList {
    pub const ALL: [Self; 4] = [Self::All, Self::New, Self::DueSoon, Self::Overdue];

    /// The `list=` query value.
    pub fn code(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::New => "new",
            Self::DueSoon => "due-soon",
            Self::Overdue => "overdue",
        }
    }

    pub fn parse(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .unwrap_or(Self::All)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "全部事项",
            Self::New => "新收待登记",
            Self::DueSoon => "3 日内到期",
            Self::Overdue => "已超期",
        }
    }

    pub fn contains(self, case: &CaseListItem) -> bool {
        let urgency = case.due.as_ref().map(|d| d.urgency);
        match self {
            Self::All => true,
            Self::New => case.status == "received",
            Self::DueSoon => urgency == Some(Urgency::DueSoon),
            Self::Overdue => urgency == Some(Urgency::Overdue),
        }
    }

    /// The cases of this list: newest first for all and new cases, the most pressing first for
    /// the deadline lists.
    pub fn select(self, cases: &[CaseListItem]) -> Vec<CaseListItem> {
        let mut chosen: Vec<CaseListItem> =
            cases.iter().filter(|c| self.contains(c)).cloned().collect();
        if matches!(self, Self::DueSoon | Self::Overdue) {
            chosen.sort_by_key(|c| c.due.as_ref().map(|d| d.date));
        }
        chosen
    }
}

/// A running deadline as the workbench shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueView {
    pub label: String,
    pub article: String,
    pub date: chrono::NaiveDate,
    pub urgency: Urgency,
}

/// The deadline a case is running against now, from its events (kind, Shanghai date, extension
/// days), oldest first: registration (第22条) until it is assigned, the unit's notice of
/// acceptance (第23条) until it accepts, handling (第34条, plus an extension) until it replies,
/// and the answer to a 复查 or 复核 request (第35、36条; the days of a 复核 hearing are not
/// counted, 第36条). `None` when nothing is running.
pub fn current_due(
    events: &[(&str, chrono::NaiveDate, Option<u32>)],
    received_on: chrono::NaiveDate,
    calendar: &crate::domain::config::Calendar,
) -> Option<(crate::domain::clock::Limit, chrono::NaiveDate)> {
    use crate::domain::clock::Limit;
    let mut running = Some((Limit::Register, calendar.due(Limit::Register, received_on)));
    let mut accepted_on = None;
    let mut recheck: Option<(chrono::NaiveDate, u32)> = None;
    for (kind, date, days) in events {
        running = match *kind {
            "assigned" => Some((
                Limit::AcknowledgeReceipt,
                calendar.due(Limit::AcknowledgeReceipt, *date),
            )),
            "accepted" => {
                accepted_on = Some(*date);
                Some((Limit::Handle, calendar.due(Limit::Handle, *date)))
            }
            "extended" => accepted_on.map(|d| {
                let days = Limit::Handle.length() + days.unwrap_or(0).min(30);
                (Limit::Extension, calendar.due_in_days(d, days))
            }),
            "review_requested" => Some((
                Limit::AnswerReview,
                calendar.due(Limit::AnswerReview, *date),
            )),
            "recheck_requested" => {
                recheck = Some((*date, 0));
                Some((
                    Limit::AnswerRecheck,
                    calendar.due(Limit::AnswerRecheck, *date),
                ))
            }
            "hearing" => match (running, recheck.as_mut()) {
                (Some((Limit::AnswerRecheck, _)), Some((requested, heard))) => {
                    *heard += days.unwrap_or(0);
                    Some((
                        Limit::AnswerRecheck,
                        calendar.due_in_days(*requested, Limit::AnswerRecheck.length() + *heard),
                    ))
                }
                _ => running,
            },
            "replied" | "review_answered" | "recheck_answered" | "not_accepted" | "closed" => None,
            _ => running,
        };
    }
    running
}

/// How a deadline stands on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Urgency {
    Overdue,
    /// Due within three days.
    DueSoon,
    OnTime,
}

impl Urgency {
    pub fn of(due: chrono::NaiveDate, today: chrono::NaiveDate) -> Self {
        if today > due {
            Self::Overdue
        } else if (due - today).num_days() <= 3 {
            Self::DueSoon
        } else {
            Self::OnTime
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Overdue => "已超期",
            Self::DueSoon => "3 日内到期",
            Self::OnTime => "",
        }
    }
}

#[cfg(test)]
mod due_tests {
    use super::*;
    use crate::domain::clock::Limit;
    use crate::domain::config::{BureauConfig, EXAMPLE_CONFIG};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_running_deadline_follows_the_case() {
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        let received = d(2026, 3, 2);
        // 第22条: 15 days from 03-03 end on 03-17 (a Tuesday).
        assert_eq!(
            current_due(&[], received, &cal),
            Some((Limit::Register, d(2026, 3, 17)))
        );
        // 第23条: assigned on 03-10 → 15 days end on 03-25.
        let assigned = [
            ("received", received, None),
            ("assigned", d(2026, 3, 10), None),
        ];
        assert_eq!(
            current_due(&assigned, received, &cal),
            Some((Limit::AcknowledgeReceipt, d(2026, 3, 25)))
        );
        // 第34条: accepted on 03-20 → 60 days end on 05-19; extended by 30 → 06-18
        // (端午节 2026-06-19 is the day after, so no move).
        let mut events = assigned.to_vec();
        events.push(("accepted", d(2026, 3, 20), None));
        assert_eq!(
            current_due(&events, received, &cal),
            Some((Limit::Handle, d(2026, 5, 19)))
        );
        events.push(("extended", d(2026, 5, 1), Some(30)));
        assert_eq!(
            current_due(&events, received, &cal),
            Some((Limit::Extension, d(2026, 6, 18)))
        );
        events.push(("replied", d(2026, 6, 1), None));
        assert_eq!(current_due(&events, received, &cal), None);
        // 第35条: a 复查 request on 06-05 → 30 days end on 07-05, a Sunday → Monday 07-06.
        events.push(("review_requested", d(2026, 6, 5), None));
        assert_eq!(
            current_due(&events, received, &cal),
            Some((Limit::AnswerReview, d(2026, 7, 6)))
        );
    }

    #[test]
    fn a_recheck_hearing_is_not_counted() {
        // 第36条: a 复核 request on 2026-09-01 → 30 days end on 10-01, inside 国庆节, so the
        // limit moves to the first working day after the holiday.
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        let received = d(2026, 3, 2);
        let mut events = vec![
            ("assigned", d(2026, 3, 3), None),
            ("accepted", d(2026, 3, 4), None),
            ("replied", d(2026, 4, 1), None),
            ("review_requested", d(2026, 4, 10), None),
            ("review_answered", d(2026, 5, 6), None),
            ("recheck_requested", d(2026, 9, 1), None),
        ];
        let plain = cal.due(Limit::AnswerRecheck, d(2026, 9, 1));
        assert_eq!(
            current_due(&events, received, &cal),
            Some((Limit::AnswerRecheck, plain))
        );
        // A hearing of 5 days, then another of 3: 38 days are counted from 09-01.
        events.push(("hearing", d(2026, 9, 10), Some(5)));
        events.push(("hearing", d(2026, 9, 20), Some(3)));
        assert_eq!(
            current_due(&events, received, &cal),
            Some((Limit::AnswerRecheck, cal.due_in_days(d(2026, 9, 1), 38)))
        );
        assert_eq!(plain, d(2026, 10, 8));
        // 38 days end on 10-09, a working Friday.
        assert_eq!(cal.due_in_days(d(2026, 9, 1), 38), d(2026, 10, 9));
        // A hearing during 复查 changes nothing: only 第36条 excludes hearing time.
        let review = [
            ("accepted", d(2026, 3, 4), None),
            ("replied", d(2026, 4, 1), None),
            ("review_requested", d(2026, 4, 10), None),
            ("hearing", d(2026, 4, 20), Some(5)),
        ];
        assert_eq!(
            current_due(&review, received, &cal),
            Some((
                Limit::AnswerReview,
                cal.due(Limit::AnswerReview, d(2026, 4, 10))
            ))
        );
    }

    fn item(number: &str, status: &str, due: Option<(NaiveDate, Urgency)>) -> CaseListItem {
        CaseListItem {
            number: number.to_owned(),
            received_on: "2026-03-02".to_owned(),
            category: "appeal".to_owned(),
            title: String::new(),
            petitioner: String::new(),
            status: status.to_owned(),
            status_label: String::new(),
            unit: None,
            register_due: d(2026, 3, 17),
            due: due.map(|(date, urgency)| DueView {
                label: String::new(),
                article: String::new(),
                date,
                urgency,
            }),
        }
    }

    #[test]
    fn the_workbench_lists() {
        let cases = [
            item("A", "received", Some((d(2026, 3, 17), Urgency::OnTime))),
            item("B", "accepted", Some((d(2026, 3, 12), Urgency::Overdue))),
            item("C", "registered", Some((d(2026, 3, 16), Urgency::DueSoon))),
            item("D", "accepted", Some((d(2026, 3, 14), Urgency::DueSoon))),
            item("E", "closed", None),
            item("F", "received", Some((d(2026, 3, 1), Urgency::Overdue))),
        ];
        let numbers = |l: CaseList| {
            l.select(&cases)
                .into_iter()
                .map(|c| c.number)
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(CaseList::All).len(), 6);
        assert_eq!(numbers(CaseList::New), ["A", "F"]);
        // The most pressing first.
        assert_eq!(numbers(CaseList::DueSoon), ["D", "C"]);
        assert_eq!(numbers(CaseList::Overdue), ["F", "B"]);
        assert_eq!(CaseList::parse("overdue"), CaseList::Overdue);
        assert_eq!(CaseList::parse("nonsense"), CaseList::All);
    }

    #[test]
    fn urgency_of_a_deadline() {
        assert_eq!(
            Urgency::of(d(2026, 3, 17), d(2026, 3, 18)),
            Urgency::Overdue
        );
        assert_eq!(
            Urgency::of(d(2026, 3, 17), d(2026, 3, 14)),
            Urgency::DueSoon
        );
        assert_eq!(
            Urgency::of(d(2026, 3, 17), d(2026, 3, 17)),
            Urgency::DueSoon
        );
        assert_eq!(Urgency::of(d(2026, 3, 17), d(2026, 3, 1)), Urgency::OnTime);
    }
}
