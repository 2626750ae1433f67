//! The application (法律援助法 第38–42条): who applies (the person or an agent, 第40条), the matter,
//! and the footing as to means (hardship stated and pledged, 第41条; or no test, 第32/42条).

use super::check::Matter;
use crate::message::Msg;
use crate::person::PetitionerInput;
use crate::text::{FieldProblem, TextRule};
use serde::{Deserialize, Serialize};

/// Who applies: the person themselves, or an agent on their behalf (第40条).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub mobile: String,
    /// 法定代理人 or 近亲属, and how related (e.g. 母亲).
    #[serde(default)]
    pub relation: String,
}

/// An application as typed (API field names of PRODUCT.md's integration contract).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalAidInput {
    #[serde(default)]
    pub applicant: PetitionerInput,
    #[serde(default)]
    pub agent: Option<AgentInput>,
    /// A [`Matter`] code.
    #[serde(default)]
    pub matter: String,
    #[serde(default)]
    pub other_party: Option<String>,
    #[serde(default)]
    pub description: String,
    /// 经济困难状况说明 (第41条).
    #[serde(default)]
    pub hardship_statement: String,
    /// 诚信承诺 (第41条): the statement is true.
    #[serde(default)]
    pub pledge: bool,
    /// Why hardship matters or not (a [`Basis`] code; `hardship` when absent): only those who
    /// apply because of hardship state it and pledge it (第41条).
    #[serde(default)]
    pub basis: Option<String>,
    /// How the applicant wants to be told of progress (`{"sms": true, "email": "…"}`); absent
    /// means not at all.
    #[serde(default)]
    pub notify: Option<crate::notify::NotifyInput>,
}

/// On what footing the applicant comes, as to means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// 因经济困难申请 (第41条): state the hardship and pledge it.
    Hardship,
    /// 第32条: no hardship condition at all.
    NoTest,
    /// 第42条: hardship not checked, given proof of the group.
    Exempt,
}

impl Basis {
    pub const ALL: [Self; 3] = [Self::Hardship, Self::NoTest, Self::Exempt];

    pub fn code(self) -> &'static str {
        match self {
            Self::Hardship => "hardship",
            Self::NoTest => "no_test",
            Self::Exempt => "exempt",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Hardship => Msg::new("la-basis-hardship"),
            Self::NoTest => Msg::new("la-basis-no-test"),
            Self::Exempt => Msg::new("la-basis-exempt"),
        }
    }
}

pub const OTHER_PARTY: TextRule = TextRule {
    field: "other_party",
    label: Msg::new("la-field-other-party"),
    min: 0,
    max: 100,
    multiline: false,
};
pub const DESCRIPTION: TextRule = TextRule {
    field: "description",
    label: Msg::new("la-field-description"),
    min: 20,
    max: 5000,
    multiline: true,
};
pub const HARDSHIP_STATEMENT: TextRule = TextRule {
    field: "hardship_statement",
    label: Msg::new("la-field-hardship-statement"),
    min: 10,
    max: 2000,
    multiline: true,
};
pub const RELATION: TextRule = TextRule {
    field: "agent.relation",
    label: Msg::new("la-field-relation"),
    min: 2,
    max: 30,
    multiline: false,
};

/// An application that passed every check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApplication {
    pub applicant: crate::person::Petitioner,
    pub agent: Option<Agent>,
    pub matter: Matter,
    pub other_party: Option<String>,
    pub description: String,
    pub basis: Basis,
    /// Empty when the basis needs none.
    pub hardship_statement: String,
    /// Whether the 诚信承诺 was made (required for [`Basis::Hardship`]).
    pub pledged: bool,
    /// The channels the applicant chose to be told through.
    pub notify: crate::notify::Notify,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub name: String,
    pub id_number: crate::person::id_number::IdNumber,
    pub mobile: crate::person::mobile::Mobile,
    pub relation: String,
}

/// Renames the petition rules' field names (`petitioner.name`) to this form's (`applicant.name`).
fn renamed(problems: Vec<FieldProblem>, from: &str, to: &str) -> Vec<FieldProblem> {
    problems
        .into_iter()
        .map(|mut p| {
            if let Some(rest) = p.field.strip_prefix(from) {
                p.field = format!("{to}{rest}");
            }
            p
        })
        .collect()
}

impl LegalAidInput {
    /// Checks everything with the same rules as a petition's petitioner, and returns the
    /// application or every problem found.
    pub fn parse(
        &self,
        config: &crate::config::BureauConfig,
        today: chrono::NaiveDate,
    ) -> Result<NewApplication, Vec<FieldProblem>> {
        let mut own = Vec::new();
        let applicant = self.applicant.parse(config, today, &mut own);
        let mut problems = renamed(own, "petitioner.", "applicant.");
        let agent = self.agent.as_ref().and_then(|a| {
            // The agent's own details go through the same rules; they need no address.
            let as_person = PetitionerInput {
                name: a.name.clone(),
                id_number: a.id_number.clone(),
                mobile: a.mobile.clone(),
                address: "(an agent needs no address)".to_owned(),
                district: config
                    .districts
                    .first()
                    .map(|d| d.code.clone())
                    .unwrap_or_default(),
            };
            let mut theirs = Vec::new();
            let person = as_person.parse(config, today, &mut theirs);
            let relation = RELATION.check(&a.relation, &mut theirs);
            problems.extend(renamed(theirs, "petitioner.", "agent."));
            let person = person?;
            Some(Agent {
                name: person.name,
                id_number: person.id_number,
                mobile: person.mobile,
                relation: relation?,
            })
        });
        let matter = match self.matter.trim() {
            "" => {
                problems.push(FieldProblem::new(
                    "matter",
                    "required",
                    Msg::new("la-missing-matter-choice"),
                ));
                None
            }
            code => Matter::parse(code).or_else(|| {
                problems.push(FieldProblem::new(
                    "matter",
                    "unknown_matter",
                    Msg::new("la-unknown-matter"),
                ));
                None
            }),
        };
        let other_party =
            OTHER_PARTY.check(self.other_party.as_deref().unwrap_or(""), &mut problems);
        let description = DESCRIPTION.check(&self.description, &mut problems);
        let basis = match self.basis.as_deref().map(str::trim) {
            None | Some("") => Some(Basis::Hardship),
            Some(code) => Basis::parse(code).or_else(|| {
                problems.push(FieldProblem::new(
                    "basis",
                    "unknown_basis",
                    Msg::new("la-unknown-basis"),
                ));
                None
            }),
        };
        // Only those who apply because of hardship must state it and pledge it (第41条); under
        // 第42条 the statement names the group the proof is for.
        let rule = match basis {
            Some(Basis::NoTest) => TextRule {
                min: 0,
                ..HARDSHIP_STATEMENT
            },
            Some(Basis::Exempt) => TextRule {
                min: 4,
                label: Msg::new("la-field-exempt-statement"),
                ..HARDSHIP_STATEMENT
            },
            _ => HARDSHIP_STATEMENT,
        };
        let hardship = rule.check(&self.hardship_statement, &mut problems);
        if basis == Some(Basis::Hardship) && !self.pledge {
            problems.push(FieldProblem::new(
                "pledge",
                "required",
                Msg::new("la-pledge-required"),
            ));
        }
        let notify = self
            .notify
            .as_ref()
            .map(|n| n.parse(&mut problems))
            .unwrap_or_default();
        if !problems.is_empty() {
            return Err(problems);
        }
        match (applicant, matter, description, basis) {
            (Some(applicant), Some(matter), Some(description), Some(basis)) => Ok(NewApplication {
                applicant,
                agent,
                matter,
                other_party: other_party.filter(|s| !s.is_empty()),
                description,
                basis,
                hardship_statement: hardship.unwrap_or_default(),
                pledged: basis == Basis::Hardship && self.pledge,
                notify,
            }),
            _ => Err(vec![FieldProblem::new(
                "",
                "invalid",
                Msg::new("la-incomplete"),
            )]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BureauConfig, EXAMPLE_CONFIG};
    fn input() -> LegalAidInput {
        LegalAidInput {
            applicant: PetitionerInput {
                name: "李四".into(),
                id_number: "11010519491231002X".into(),
                mobile: "13812345678".into(),
                address: "防城港市港口区渔洲路 2 号".into(),
                district: "450602".into(),
            },
            agent: None,
            matter: "labour".into(),
            other_party: Some("某建筑公司".into()),
            description: "在工地干活三个月，老板拖欠工资一万二千元，多次讨要没有结果。".into(),
            hardship_statement: "家中只有我一人有收入，目前失业，没有存款。".into(),
            pledge: true,
            basis: None,
            notify: None,
        }
    }

    #[test]
    fn only_those_applying_for_hardship_state_it_and_pledge_it() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        // 第32条: no statement, no pledge.
        let mut victim = input();
        victim.basis = Some("no_test".into());
        victim.hardship_statement = String::new();
        victim.pledge = false;
        let ok = victim.parse(&config, today).unwrap();
        assert_eq!((ok.basis, ok.pledged), (Basis::NoTest, false));
        // 第42条: name the group; no pledge.
        let mut worker = input();
        worker.basis = Some("exempt".into());
        worker.hardship_statement = String::new();
        worker.pledge = false;
        let problems = worker.parse(&config, today).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "hardship_statement");
        worker.hardship_statement = "进城务工人员，讨要工资".into();
        assert!(worker.parse(&config, today).is_ok());
        // The default is hardship: statement and pledge both required.
        let mut plain = input();
        plain.pledge = false;
        let problems = plain.parse(&config, today).unwrap_err();
        assert_eq!(problems[0].field, "pledge");
        let mut odd = input();
        odd.basis = Some("rich".into());
        assert_eq!(odd.parse(&config, today).unwrap_err()[0].field, "basis");
    }

    #[test]
    fn an_application_is_checked_with_the_petition_rules_and_the_pledge() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let ok = input().parse(&config, today).unwrap();
        assert_eq!(ok.matter, Matter::Labour);
        let mut bad = input();
        bad.applicant.id_number = "110105194912310021".into();
        bad.matter = "bribes".into();
        bad.pledge = false;
        bad.description = "太短".into();
        bad.agent = Some(AgentInput {
            name: "王五".into(),
            id_number: "11010519491231002X".into(),
            mobile: "12345".into(),
            relation: "".into(),
        });
        let problems = bad.parse(&config, today).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        for f in [
            "applicant.id_number",
            "agent.mobile",
            "agent.relation",
            "matter",
            "description",
            "pledge",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }
}
