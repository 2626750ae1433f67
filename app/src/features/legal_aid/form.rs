//! The application form's answers as the pages carry them between steps.

use crate::domain::legal_aid::{AgentInput, Basis, LegalAidInput};
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
    /// Messages asked for on the applicant's page: SMS to the applicant's mobile, and email.
    pub sms: bool,
    pub email: String,
    /// Tokens of uploaded files.
    pub attachments: Vec<String>,
    /// The form's one-time token (`kernel::filing`): sending it twice files once.
    pub once: String,
    /// Set once the applicant reached the check page: a change then returns there.
    pub checking: bool,
}

/// The check page's send button (its `id`), where a refusal to file is shown.
pub const SEND: &str = "send";

/// The pages of the application, one question each (GOV.UK style, like the petition), then the
/// check page. Each page posts every answer so far (hidden fields) with its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// 本人 or 代为申请 (第40条).
    Who,
    /// The person who needs legal aid.
    Applicant,
    /// Who applies for them: asked only of an agent.
    Agent,
    /// 事项, the other party, what happened.
    Matter,
    /// Why the means test does or does not apply (第41条, 第42条, 第32条).
    Basis,
    /// The statement of hardship (and its pledge), or which 第42条 group: not asked under 第32条.
    Statement,
    /// Files (optional).
    Files,
    /// How to be told of progress (optional: SMS, mail).
    Notify,
    Check,
}

impl Page {
    pub const ALL: [Page; 9] = [
        Page::Who,
        Page::Applicant,
        Page::Agent,
        Page::Matter,
        Page::Basis,
        Page::Statement,
        Page::Files,
        Page::Notify,
        Page::Check,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Page::Who => "who",
            Page::Applicant => "applicant",
            Page::Agent => "agent",
            Page::Matter => "matter",
            Page::Basis => "basis",
            Page::Statement => "statement",
            Page::Files => "files",
            Page::Notify => "notify",
            Page::Check => "check",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The form fields this page asks for (and whose problems it shows).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Page::Who => &["who"],
            Page::Applicant => &["name", "id_number", "mobile", "address", "district"],
            Page::Agent => &[
                "agent_name",
                "agent_id_number",
                "agent_mobile",
                "agent_relation",
            ],
            Page::Matter => &["matter", "other_party", "description"],
            Page::Basis => &["basis"],
            Page::Statement => &["hardship_statement", "pledge"],
            Page::Files => &["files"],
            Page::Notify => &["sms", "email"],
            Page::Check => &[],
        }
    }

    /// The page that asks for a field; a problem of no page's field (the service refusing the
    /// application) is shown on the check page.
    pub fn of_field(field: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|p| p.fields().contains(&field))
            .unwrap_or(Page::Check)
    }

    /// Whether the page is asked, given the answers so far.
    pub fn asked(self, values: &ApplyValues) -> bool {
        match self {
            Page::Agent => values.by_agent(),
            Page::Statement => values.basis() != Basis::NoTest,
            _ => true,
        }
    }

    /// The next page asked.
    pub fn next(self, values: &ApplyValues) -> Self {
        Self::ALL
            .into_iter()
            .skip_while(|p| *p != self)
            .skip(1)
            .find(|p| p.asked(values))
            .unwrap_or(Page::Check)
    }

    /// The page before, for 返回 (the first page has none).
    pub fn previous(self, values: &ApplyValues) -> Option<Self> {
        Self::ALL
            .into_iter()
            .take_while(|p| *p != self)
            .filter(|p| p.asked(values))
            .last()
    }
}

impl ApplyValues {
    const TEXT: [&'static str; 16] = [
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
        "email",
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
            "email" => &mut self.email,
            _ => return None,
        })
    }

    /// A text answer by its field name (empty for an unknown one), without copying the rest.
    pub fn get(&self, key: &str) -> String {
        let value = match key {
            "who" => &self.who,
            "name" => &self.name,
            "id_number" => &self.id_number,
            "mobile" => &self.mobile,
            "address" => &self.address,
            "district" => &self.district,
            "agent_name" => &self.agent_name,
            "agent_id_number" => &self.agent_id_number,
            "agent_mobile" => &self.agent_mobile,
            "agent_relation" => &self.agent_relation,
            "matter" => &self.matter,
            "other_party" => &self.other_party,
            "description" => &self.description,
            "hardship_statement" => &self.hardship_statement,
            "basis" => &self.basis,
            "email" => &self.email,
            _ => return String::new(),
        };
        value.clone()
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut v = Self::default();
        for (k, value) in pairs {
            match k.as_str() {
                "pledge" => v.pledge = value == "yes",
                "sms" => v.sms = value == "yes",
                "checking" => v.checking = value == "1",
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
        self.hidden_except(Page::Check)
    }

    /// Every answer as hidden fields except those `page` asks for itself.
    pub fn hidden_except(&self, page: Page) -> Vec<(&'static str, String)> {
        let own = page.fields();
        let mut out: Vec<(&'static str, String)> = Self::TEXT
            .iter()
            .filter(|k| !own.contains(k))
            .map(|k| (*k, self.get(k)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if self.pledge && !own.contains(&"pledge") {
            out.push(("pledge", "yes".to_owned()));
        }
        if self.sms && !own.contains(&"sms") {
            out.push(("sms", "yes".to_owned()));
        }
        if self.checking {
            out.push(("checking", "1".to_owned()));
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

    /// The basis chosen; none (or an unknown code) is hardship, as the API assumes.
    pub fn basis(&self) -> Basis {
        Basis::parse(&self.basis).unwrap_or(Basis::Hardship)
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
            // Not asked under 第32条: a statement typed before the basis changed is not sent.
            hardship_statement: if self.basis() == Basis::NoTest {
                String::new()
            } else {
                self.hardship_statement.clone()
            },
            pledge: self.pledge,
            basis: Some(self.basis.clone()).filter(|b| !b.is_empty()),
            notify: (self.sms || !self.email.trim().is_empty()).then(|| {
                crate::domain::notify::NotifyInput {
                    sms: self.sms,
                    email: Some(self.email.clone()).filter(|e| !e.trim().is_empty()),
                }
            }),
        }
    }

    /// The form field of a problem named by the API's field path.
    pub fn web_field(api_field: &str) -> String {
        if let Some(rest) = api_field.strip_prefix("applicant.") {
            rest.to_owned()
        } else if let Some(rest) = api_field.strip_prefix("agent.") {
            format!("agent_{rest}")
        } else if let Some(rest) = api_field.strip_prefix("notify.") {
            rest.to_owned()
        } else {
            api_field.to_owned()
        }
    }

    /// Every problem of the answers, by form field: the application's rules as the API checks
    /// them, and who applies.
    pub fn problems(
        &self,
        config: &crate::domain::config::BureauConfig,
        today: chrono::NaiveDate,
    ) -> Vec<FieldProblem> {
        let mut problems = self
            .to_input()
            .parse(config, today)
            .err()
            .unwrap_or_default();
        problems.extend(self.check_who());
        for p in &mut problems {
            p.field = Self::web_field(&p.field);
        }
        problems
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

    fn values(pairs: &[(&str, &str)]) -> ApplyValues {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        ApplyValues::from_pairs(&pairs)
    }

    fn walk(v: &ApplyValues) -> Vec<Page> {
        let mut pages = vec![Page::Who];
        while *pages.last().unwrap() != Page::Check {
            pages.push(pages.last().unwrap().next(v));
        }
        pages
    }

    #[test]
    fn the_pages_ask_the_agent_only_of_an_agent_and_the_statement_not_under_article_32() {
        use Page::*;
        let own = values(&[("who", "self")]);
        assert_eq!(
            walk(&own),
            [
                Who, Applicant, Matter, Basis, Statement, Files, Notify, Check
            ]
        );
        let agent = values(&[("who", "agent"), ("basis", "no_test")]);
        assert_eq!(
            walk(&agent),
            [Who, Applicant, Agent, Matter, Basis, Files, Notify, Check]
        );
        let exempt = values(&[("who", "self"), ("basis", "exempt")]);
        assert!(walk(&exempt).contains(&Statement));
        // 返回 goes to the page before that was asked; the first page has none.
        assert_eq!(Who.previous(&own), None);
        assert_eq!(Matter.previous(&own), Some(Applicant));
        assert_eq!(Matter.previous(&agent), Some(Agent));
        assert_eq!(Files.previous(&agent), Some(Basis));
        for page in Page::ALL {
            assert_eq!(Page::parse(page.code()), Some(page));
        }
        assert_eq!(Page::parse("nonsense"), None);
    }

    #[test]
    fn every_problem_belongs_to_the_page_that_asks_for_it() {
        let config =
            crate::domain::config::BureauConfig::parse(crate::domain::config::EXAMPLE_CONFIG)
                .unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let empty = values(&[("who", "agent")]);
        let pages: std::collections::BTreeSet<&str> = empty
            .problems(&config, today)
            .iter()
            .map(|p| Page::of_field(&p.field).code())
            .collect();
        assert_eq!(
            pages,
            ["agent", "applicant", "matter", "statement"]
                .into_iter()
                .collect(),
            "every problem of an empty form is on a page that asks it"
        );
        assert_eq!(Page::of_field("who"), Page::Who);
        assert_eq!(Page::of_field("files"), Page::Files);
        assert_eq!(Page::of_field(SEND), Page::Check);
        // Under 第32条 nothing is asked about hardship, and a statement typed before is not sent.
        let no_test = values(&[("basis", "no_test"), ("hardship_statement", "x")]);
        assert!(
            !no_test
                .problems(&config, today)
                .iter()
                .any(|p| Page::of_field(&p.field) == Page::Statement)
        );
        assert_eq!(no_test.to_input().hardship_statement, "");
    }

    #[test]
    fn a_page_carries_every_answer_but_its_own() {
        let v = values(&[
            ("who", "self"),
            ("name", "李四"),
            ("hardship_statement", "没有收入"),
            ("pledge", "yes"),
            ("checking", "1"),
        ]);
        let names = |page: Page| -> Vec<&str> {
            v.hidden_except(page).into_iter().map(|(k, _)| k).collect()
        };
        assert!(!names(Page::Applicant).contains(&"name"));
        assert!(names(Page::Applicant).contains(&"pledge"));
        let statement = names(Page::Statement);
        assert!(!statement.contains(&"pledge") && !statement.contains(&"hardship_statement"));
        assert!(statement.contains(&"name") && statement.contains(&"checking"));
    }
}
