//! The application form's answers as the pages carry them between steps.

use crate::domain::legal_aid::{AgentInput, LegalAidInput};
use crate::domain::person::PetitionerInput;
use crate::domain::text::FieldProblem;
use serde::{Deserialize, Serialize};

/// The application form's answers as posted (web field names), carried between the form and the
/// check page in hidden fields; nothing is stored before it is sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyValues {
    /// `self` or `agent` (第40条).
    pub who: String,
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub district: String,
    pub agent_name: String,
    pub agent_id_number: String,
    pub agent_mobile: String,
    pub agent_relation: String,
    pub matter: String,
    pub other_party: String,
    pub description: String,
    pub hardship_statement: String,
    /// A [`Basis`] code.
    pub basis: String,
    pub pledge: bool,
    /// Tokens of uploaded files.
    pub attachments: Vec<String>,
    /// The form's one-time token (`kernel::filing`): sending it twice files once.
    pub once: String,
}

impl ApplyValues {
    const TEXT: [&'static str; 15] = [
        "who",
        "name",
        "id_number",
        "mobile",
        "address",
        "district",
        "agent_name",
        "agent_id_number",
        "agent_mobile",
        "agent_relation",
        "matter",
        "other_party",
        "description",
        "hardship_statement",
        "basis",
    ];

    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "who" => &mut self.who,
            "name" => &mut self.name,
            "id_number" => &mut self.id_number,
            "mobile" => &mut self.mobile,
            "address" => &mut self.address,
            "district" => &mut self.district,
            "agent_name" => &mut self.agent_name,
            "agent_id_number" => &mut self.agent_id_number,
            "agent_mobile" => &mut self.agent_mobile,
            "agent_relation" => &mut self.agent_relation,
            "matter" => &mut self.matter,
            "other_party" => &mut self.other_party,
            "description" => &mut self.description,
            "hardship_statement" => &mut self.hardship_statement,
            "basis" => &mut self.basis,
            _ => return None,
        })
    }

    pub fn get(&self, key: &str) -> String {
        let mut copy = self.clone();
        copy.slot(key).map(|s| s.clone()).unwrap_or_default()
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut v = Self::default();
        for (k, value) in pairs {
            match k.as_str() {
                "pledge" => v.pledge = value == "yes",
                "once" => {
                    if crate::domain::petition::attachment::is_token(value) {
                        v.once = value.clone();
                    }
                }
                "attachment" => {
                    if !v.attachments.contains(value) {
                        v.attachments.push(value.clone());
                    }
                }
                key => {
                    if let Some(slot) = v.slot(key) {
                        *slot = value.clone();
                    }
                }
            }
        }
        v
    }

    /// Every answer as hidden fields (the check page carries them to the final post).
    pub fn hidden(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Self::TEXT
            .iter()
            .map(|k| (*k, self.get(k)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if self.pledge {
            out.push(("pledge", "yes".to_owned()));
        }
        out.extend(self.attachments.iter().map(|t| ("attachment", t.clone())));
        if !self.once.is_empty() {
            out.push(("once", self.once.clone()));
        }
        out
    }

    pub fn by_agent(&self) -> bool {
        self.who == "agent"
    }

    /// The application in the API's shape.
    pub fn to_input(&self) -> LegalAidInput {
        LegalAidInput {
            applicant: PetitionerInput {
                name: self.name.clone(),
                id_number: self.id_number.clone(),
                mobile: self.mobile.clone(),
                address: self.address.clone(),
                district: self.district.clone(),
            },
            agent: self.by_agent().then(|| AgentInput {
                name: self.agent_name.clone(),
                id_number: self.agent_id_number.clone(),
                mobile: self.agent_mobile.clone(),
                relation: self.agent_relation.clone(),
            }),
            matter: self.matter.clone(),
            other_party: Some(self.other_party.clone()).filter(|s| !s.trim().is_empty()),
            description: self.description.clone(),
            hardship_statement: self.hardship_statement.clone(),
            pledge: self.pledge,
            basis: Some(self.basis.clone()).filter(|b| !b.is_empty()),
        }
    }

    /// The form field of a problem named by the API's field path.
    pub fn web_field(api_field: &str) -> String {
        if let Some(rest) = api_field.strip_prefix("applicant.") {
            rest.to_owned()
        } else if let Some(rest) = api_field.strip_prefix("agent.") {
            format!("agent_{rest}")
        } else {
            api_field.to_owned()
        }
    }

    /// Problems of the form itself, beyond the application's rules: who applies must be chosen.
    pub fn check_who(&self) -> Option<FieldProblem> {
        (!matches!(self.who.as_str(), "self" | "agent")).then(|| {
            FieldProblem::new(
                "who",
                "required",
                crate::domain::msg!("legal-aid-who-required"),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_round_trips_through_hidden_fields() {
        let pairs: Vec<(String, String)> = [
            ("who", "agent"),
            ("name", "李四"),
            ("agent_name", "李小四"),
            ("agent_relation", "女儿（近亲属）"),
            ("matter", "labour"),
            ("pledge", "yes"),
            ("attachment", "t1"),
            ("attachment", "t1"),
            ("attachment", "t2"),
            ("unknown", "x"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let v = ApplyValues::from_pairs(&pairs);
        assert_eq!(v.attachments, ["t1", "t2"]);
        let again: Vec<(String, String)> = v
            .hidden()
            .into_iter()
            .map(|(k, val)| (k.to_owned(), val))
            .collect();
        assert_eq!(ApplyValues::from_pairs(&again), v);
        let input = v.to_input();
        assert_eq!(input.agent.unwrap().relation, "女儿（近亲属）");
        assert!(input.pledge && input.other_party.is_none());
        assert_eq!(ApplyValues::web_field("applicant.id_number"), "id_number");
        assert_eq!(ApplyValues::web_field("agent.mobile"), "agent_mobile");
        assert!(ApplyValues::default().check_who().is_some());
    }
}
