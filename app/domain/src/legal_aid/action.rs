//! What legal-aid staff do to an application, and when they may.

use super::event::AidEvent;
use super::status::AidStatus;
use crate::message::Msg;
use crate::text::FieldProblem;
use crate::workbench::{Fields, Refusal};
use chrono::NaiveDate;

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
    /// The event it records; a request for material is answered by `answer_by` (counted by the
    /// caller from the days given, on the bureau's calendar).
    pub fn event(&self, answer_by: NaiveDate) -> AidEvent {
        match self {
            Self::RequestMaterial { items, .. } => AidEvent::MaterialRequested {
                items: items.clone(),
                answer_by,
            },
            Self::MaterialReceived { note } => AidEvent::MaterialReceived { note: note.clone() },
            Self::Grant => AidEvent::Granted,
            Self::AssignLawyer { lawyer } => AidEvent::LawyerAssigned {
                lawyer: lawyer.clone(),
            },
            Self::Refuse { reasons } => AidEvent::Refused {
                reasons: reasons.clone(),
            },
        }
    }
}

/// Whether `action` may be taken on an application in `status`.
pub fn aid_permitted(
    action: &AidAction,
    status: AidStatus,
    material_asked_before: bool,
) -> Result<(), Refusal> {
    let ok = match action {
        AidAction::RequestMaterial { .. } => {
            if material_asked_before {
                return Err(Refusal::MaterialAskedBefore);
            }
            status == AidStatus::UnderReview
        }
        AidAction::MaterialReceived { .. } => status == AidStatus::MaterialRequested,
        AidAction::Grant | AidAction::Refuse { .. } => status == AidStatus::UnderReview,
        AidAction::AssignLawyer { .. } => status == AidStatus::Granted,
    };
    if ok { Ok(()) } else { Err(Refusal::Stage) }
}

/// Reads a staff action from a posted form, checking every field.
pub fn parse_aid_action(pairs: &[(String, String)]) -> Result<AidAction, Vec<FieldProblem>> {
    let mut f = Fields::new(pairs);
    let action = match f.get("action") {
        "request_material" => {
            let days = f.days("days", 1..=30, Msg::new("aid-field-days"));
            AidAction::RequestMaterial {
                items: f.text("items", Msg::new("aid-field-items"), 4, 2000),
                days,
            }
        }
        "material_received" => AidAction::MaterialReceived {
            note: f.text("note", Msg::new("aid-field-note"), 2, 1000),
        },
        "grant" => AidAction::Grant,
        "assign" => AidAction::AssignLawyer {
            lawyer: f.text("lawyer", Msg::new("aid-field-lawyer"), 2, 100),
        },
        "refuse" => AidAction::Refuse {
            reasons: f.text("reasons", Msg::new("aid-field-reasons"), 10, 2000),
        },
        _ => {
            f.unknown_action();
            AidAction::Grant
        }
    };
    f.finish(action)
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
            Err(Refusal::MaterialAskedBefore)
        );
        assert_eq!(
            aid_permitted(&AidAction::Grant, AidStatus::MaterialRequested, false),
            Err(Refusal::Stage)
        );
        let lawyer = AidAction::AssignLawyer {
            lawyer: "陈律师".into(),
        };
        assert_eq!(
            aid_permitted(&lawyer, AidStatus::UnderReview, false),
            Err(Refusal::Stage)
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
