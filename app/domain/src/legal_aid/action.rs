//! What legal-aid staff do to an application, and when they may.

use super::status::AidStatus;
use crate::text::FieldProblem;

/// What legal-aid staff do to an application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AidAction {
    /// Everything missing, listed at once, once (第43条), with the days given to supply it.
    RequestMaterial {
        items: String,
        days: u32,
    },
    /// The material asked for was handed in at the agency (on paper, in person).
    MaterialReceived {
        note: String,
    },
    Grant,
    AssignLawyer {
        lawyer: String,
    },
    /// In writing, with reasons (第43条).
    Refuse {
        reasons: String,
    },
}

impl AidAction {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RequestMaterial { .. } => "material_requested",
            Self::MaterialReceived { .. } => "material_supplied",
            Self::Grant => "granted",
            Self::AssignLawyer { .. } => "lawyer_assigned",
            Self::Refuse { .. } => "refused",
        }
    }

    pub fn text(&self) -> String {
        match self {
            Self::RequestMaterial { items, .. } => format!("请补充以下材料或者作出说明：{items}"),
            Self::MaterialReceived { note } => format!("法律援助机构收到申请人补充的材料：{note}"),
            Self::Grant => "决定给予法律援助，将在 3 日内指派法律援助人员".to_owned(),
            Self::AssignLawyer { lawyer } => format!("已指派法律援助人员：{lawyer}"),
            Self::Refuse { reasons } => format!("决定不给予法律援助，理由：{reasons}"),
        }
    }
}

/// Why staff cannot take an action now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AidRefusal {
    /// Not at this stage.
    Stage,
    /// Material may be asked for once only, everything at once (第43条).
    MaterialAskedBefore,
}

impl AidRefusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::Stage => "申请当前的状态不能进行这项操作，请刷新页面查看最新状态",
            Self::MaterialAskedBefore => {
                "补充材料只能一次性告知（《法律援助法》第四十三条），这件申请已经告知过"
            }
        }
    }
}

/// Whether `action` may be taken on an application in `status`.
pub fn aid_permitted(
    action: &AidAction,
    status: AidStatus,
    material_asked_before: bool,
) -> Result<(), AidRefusal> {
    let ok = match action {
        AidAction::RequestMaterial { .. } => {
            if material_asked_before {
                return Err(AidRefusal::MaterialAskedBefore);
            }
            status == AidStatus::UnderReview
        }
        AidAction::MaterialReceived { .. } => status == AidStatus::MaterialRequested,
        AidAction::Grant | AidAction::Refuse { .. } => status == AidStatus::UnderReview,
        AidAction::AssignLawyer { .. } => status == AidStatus::Granted,
    };
    if ok { Ok(()) } else { Err(AidRefusal::Stage) }
}

/// Reads a staff action from a posted form, checking every field.
pub fn parse_aid_action(pairs: &[(String, String)]) -> Result<AidAction, Vec<FieldProblem>> {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let mut problems = Vec::new();
    let text = crate::text::text_field;
    let action = match get("action") {
        "request_material" => {
            let days = get("days")
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=30).contains(d));
            if days.is_none() {
                problems.push(FieldProblem::new(
                    "days",
                    "out_of_range",
                    "补充期限应为 1 到 30 之间的整数（日）",
                ));
            }
            AidAction::RequestMaterial {
                items: text(
                    "items",
                    "需要补充的材料",
                    get("items"),
                    4,
                    2000,
                    &mut problems,
                ),
                days: days.unwrap_or(0),
            }
        }
        "material_received" => AidAction::MaterialReceived {
            note: text("note", "收到的材料", get("note"), 2, 1000, &mut problems),
        },
        "grant" => AidAction::Grant,
        "assign" => AidAction::AssignLawyer {
            lawyer: text(
                "lawyer",
                "法律援助人员",
                get("lawyer"),
                2,
                100,
                &mut problems,
            ),
        },
        "refuse" => AidAction::Refuse {
            reasons: text(
                "reasons",
                "不予法律援助的理由",
                get("reasons"),
                10,
                2000,
                &mut problems,
            ),
        },
        _ => {
            problems.push(FieldProblem::new("action", "unknown_action", "未知的操作"));
            AidAction::Grant
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
    #[test]
    fn staff_actions_follow_the_stage_and_material_is_asked_once() {
        let ask = AidAction::RequestMaterial {
            items: "工资欠条".into(),
            days: 10,
        };
        assert_eq!(aid_permitted(&ask, AidStatus::UnderReview, false), Ok(()));
        assert_eq!(
            aid_permitted(&ask, AidStatus::UnderReview, true),
            Err(AidRefusal::MaterialAskedBefore)
        );
        assert_eq!(
            aid_permitted(&AidAction::Grant, AidStatus::MaterialRequested, false),
            Err(AidRefusal::Stage)
        );
        let lawyer = AidAction::AssignLawyer {
            lawyer: "陈律师".into(),
        };
        assert_eq!(
            aid_permitted(&lawyer, AidStatus::UnderReview, false),
            Err(AidRefusal::Stage)
        );
        assert_eq!(aid_permitted(&lawyer, AidStatus::Granted, false), Ok(()));
        let pairs = |p: &[(&str, &str)]| {
            p.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        let problems = parse_aid_action(&pairs(&[("action", "request_material"), ("days", "45")]))
            .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["days", "items"]);
        assert!(parse_aid_action(&pairs(&[("action", "refuse"), ("reasons", "太短")])).is_err());
        assert_eq!(
            parse_aid_action(&pairs(&[
                ("action", "assign"),
                ("lawyer", "广西某律师事务所 陈律师")
            ])),
            Ok(AidAction::AssignLawyer {
                lawyer: "广西某律师事务所 陈律师".into()
            })
        );
    }
}
