//! A petition as submitted (信访工作条例 第17、19条), parsed from what the citizen or another
//! channel sent. Parsing collects every problem at once, each naming its field, so that a form can
//! show all of them together and keep everything that was typed.

pub mod attachment;
pub mod category;
pub mod channel;
pub mod joint;
pub mod number;
pub mod route;
pub mod same_matter;

pub use category::Category;
pub use number::{LegalAidNumber, PetitionNumber, QueryCode, ReceiptError, canonical_number};
pub use route::{Route, has_route_check};

use crate::config::BureauConfig;
use crate::message::Msg;
use crate::person::{Petitioner, PetitionerInput};
use crate::text::{FieldProblem, TextRule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A petition as typed (API field names of PRODUCT.md's integration contract).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PetitionInput {
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub petitioner: PetitionerInput,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub request: String,
    #[serde(default)]
    pub facts_and_reasons: String,
    /// Where and when it happened (optional).
    #[serde(default)]
    pub place_and_time: Option<String>,
    /// How the matter was handled before, if at all (optional).
    #[serde(default)]
    pub earlier_handling: Option<String>,
    /// For 检举控告类: who or which unit is reported (optional for the other categories, ignored
    /// there).
    #[serde(default)]
    pub reported: Option<String>,
    /// For 检举控告类: the reported unit's code when it is one of the configured units, so that
    /// the report is never assigned to it (第30条).
    #[serde(default)]
    pub reported_unit: Option<String>,
    /// How the citizen wants to be told of progress (`{"sms": true, "email": "…"}`); absent
    /// means not at all.
    #[serde(default)]
    pub notify: Option<crate::notify::NotifyInput>,
    /// The channel it came by (`channel::Channel`'s codes), for a caller with an API key: a
    /// 12345 hotline system says `hotline`. Absent: `api`. Read by the API handler, not here.
    #[serde(default)]
    pub channel: Option<String>,
}

/// Who or which unit a 检举控告 reports.
pub const REPORTED: TextRule = TextRule {
    field: "reported",
    label: Msg::new("field-reported"),
    min: 2,
    max: 200,
    multiline: false,
};

pub const TITLE: TextRule = TextRule {
    field: "title",
    label: Msg::new("field-title"),
    min: 4,
    max: 50,
    multiline: false,
};
pub const REQUEST: TextRule = TextRule {
    field: "request",
    label: Msg::new("field-request"),
    min: 10,
    max: 1000,
    multiline: true,
};
pub const FACTS: TextRule = TextRule {
    field: "facts_and_reasons",
    label: Msg::new("field-facts"),
    min: 20,
    max: 5000,
    multiline: true,
};
pub const PLACE_AND_TIME: TextRule = TextRule {
    field: "place_and_time",
    label: Msg::new("field-place-and-time"),
    min: 0,
    max: 200,
    multiline: false,
};
pub const EARLIER: TextRule = TextRule {
    field: "earlier_handling",
    label: Msg::new("field-earlier"),
    min: 0,
    max: 2000,
    multiline: true,
};

/// A petition that passed every check and can be stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPetition {
    pub category: Category,
    pub petitioner: Petitioner,
    pub unit: Option<String>,
    pub title: String,
    pub request: String,
    pub facts_and_reasons: String,
    pub place_and_time: Option<String>,
    pub earlier_handling: Option<String>,
    /// 检举控告类 only: who or which unit is reported, and that unit's code when configured.
    pub reported: Option<String>,
    pub reported_unit: Option<String>,
    /// The channels the citizen chose to be told through.
    pub notify: crate::notify::Notify,
}

impl PetitionInput {
    /// Checks everything and returns either the petition or every problem found.
    pub fn parse(
        &self,
        config: &BureauConfig,
        today: NaiveDate,
    ) -> Result<NewPetition, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let category = match self.category.trim() {
            "" => {
                problems.push(FieldProblem::new(
                    "category",
                    "required",
                    Msg::new("category-required"),
                ));
                None
            }
            code => Category::parse(code).or_else(|| {
                problems.push(FieldProblem::new(
                    "category",
                    "unknown_category",
                    Msg::new("category-unknown"),
                ));
                None
            }),
        };
        let petitioner = self.petitioner.parse(config, today, &mut problems);
        let unit = match self.unit.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(code) if config.unit(code).is_some() => Some(Some(code.to_owned())),
            Some(_) => {
                problems.push(FieldProblem::new(
                    "unit",
                    "unknown_unit",
                    Msg::new("unit-unknown"),
                ));
                None
            }
        };
        let title = TITLE.check(&self.title, &mut problems);
        let request = REQUEST.check(&self.request, &mut problems);
        let facts = FACTS.check(&self.facts_and_reasons, &mut problems);
        let place =
            PLACE_AND_TIME.check(self.place_and_time.as_deref().unwrap_or(""), &mut problems);
        let earlier = EARLIER.check(
            self.earlier_handling.as_deref().unwrap_or(""),
            &mut problems,
        );
        // A report names whom it reports (第30条 keeps it from them); other categories have no
        // such field.
        let is_report = category == Some(Category::Report);
        let reported = if is_report {
            REPORTED.check(self.reported.as_deref().unwrap_or(""), &mut problems)
        } else {
            None
        };
        let reported_unit = match self.reported_unit.as_deref().map(str::trim) {
            Some(code) if is_report && !code.is_empty() => {
                if config.unit(code).is_none() {
                    problems.push(FieldProblem::new(
                        "reported_unit",
                        "unknown_unit",
                        Msg::new("unit-unknown"),
                    ));
                }
                Some(code.to_owned())
            }
            _ => None,
        };
        let notify = self
            .notify
            .as_ref()
            .map(|n| n.parse(&mut problems))
            .unwrap_or_default();
        if !problems.is_empty() {
            return Err(problems);
        }
        match (category, petitioner, unit, title, request, facts) {
            (
                Some(category),
                Some(petitioner),
                Some(unit),
                Some(title),
                Some(request),
                Some(facts_and_reasons),
            ) => Ok(NewPetition {
                category,
                petitioner,
                unit,
                title,
                request,
                facts_and_reasons,
                place_and_time: place,
                earlier_handling: earlier,
                reported,
                reported_unit,
                notify,
            }),
            _ => Err(vec![FieldProblem::new(
                "",
                "invalid",
                Msg::new("petition-incomplete"),
            )]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EXAMPLE_CONFIG;

    fn config() -> BureauConfig {
        BureauConfig::parse(EXAMPLE_CONFIG).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn a_report_names_whom_it_reports_and_only_a_report_does() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let mut report = valid();
        report.category = "report".into();
        let problems = report.parse(&config, today()).unwrap_err();
        assert!(
            problems.iter().any(|p| p.field == "reported"),
            "{problems:?}"
        );
        report.reported = Some("港口区某局某科长".into());
        report.reported_unit = Some("gangkou-gov".into());
        let parsed = report.parse(&config, today()).unwrap();
        assert_eq!(parsed.reported_unit.as_deref(), Some("gangkou-gov"));
        report.reported_unit = Some("nowhere".into());
        assert!(report.parse(&config, today()).is_err());
        // An appeal has no such field: whatever is sent is not kept.
        let mut appeal = valid();
        appeal.reported = Some("某人".into());
        appeal.reported_unit = Some("nowhere".into());
        let parsed = appeal.parse(&config, today()).unwrap();
        assert_eq!((parsed.reported, parsed.reported_unit), (None, None));
    }

    fn valid() -> PetitionInput {
        PetitionInput {
            category: "appeal".into(),
            petitioner: PetitionerInput {
                name: "张三".into(),
                id_number: "11010519491231002X".into(),
                mobile: "13812345678".into(),
                address: "防城港市港口区某某路 1 号".into(),
                district: "450602".into(),
            },
            unit: Some("city-hrss".into()),
            title: "工资拖欠问题".into(),
            request: "请求督促用人单位支付拖欠的三个月工资。".into(),
            facts_and_reasons:
                "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。".into(),
            place_and_time: None,
            earlier_handling: Some(String::new()),
            reported: None,
            reported_unit: None,
            notify: None,
            channel: None,
        }
    }

    fn fields(r: Result<NewPetition, Vec<FieldProblem>>) -> Vec<String> {
        r.unwrap_err().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_complete_petition_parses() {
        let p = valid().parse(&config(), today()).unwrap();
        assert_eq!(p.category, Category::Appeal);
        assert_eq!(p.petitioner.id_number.masked(), "110105********002X");
        assert_eq!(p.unit.as_deref(), Some("city-hrss"));
        assert_eq!(
            p.earlier_handling, None,
            "an empty optional field is absent"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let got = fields(PetitionInput::default().parse(&config(), today()));
        for f in [
            "category",
            "petitioner.name",
            "petitioner.id_number",
            "petitioner.mobile",
            "petitioner.address",
            "petitioner.district",
            "title",
            "request",
            "facts_and_reasons",
        ] {
            assert!(got.contains(&f.to_owned()), "missing {f} in {got:?}");
        }
    }

    #[test]
    fn codes_must_come_from_the_config() {
        let mut p = valid();
        p.petitioner.district = "110105".into();
        p.unit = Some("no-such-unit".into());
        p.category = "complaint".into();
        assert_eq!(
            fields(p.parse(&config(), today())),
            ["category", "petitioner.district", "unit"]
        );
    }

    #[test]
    fn length_limits_count_characters_not_bytes() {
        let mut p = valid();
        p.title = "工资".into();
        p.request = "字".repeat(1001);
        let problems = p.parse(&config(), today()).unwrap_err();
        assert_eq!(problems[0].code, "too_short");
        let too_long = &problems[1].message;
        assert_eq!(too_long.id, "text-too-long");
        assert_eq!(
            too_long.arg("max"),
            Some(&crate::message::Arg::Number(1000))
        );
        assert_eq!(
            too_long.arg("len"),
            Some(&crate::message::Arg::Number(1001))
        );
    }

    #[test]
    fn names_with_digits_and_single_line_fields_with_newlines_are_refused() {
        let mut p = valid();
        p.petitioner.name = "张三3".into();
        p.title = "工资\n拖欠".into();
        assert_eq!(
            fields(p.parse(&config(), today())),
            ["petitioner.name", "title"]
        );
        let mut ok = valid();
        ok.facts_and_reasons =
            "第一段事实，写得足够长足够清楚。\r\n第二段理由，也写清楚了。".into();
        assert!(
            ok.parse(&config(), today())
                .unwrap()
                .facts_and_reasons
                .contains('\n')
        );
    }

    #[test]
    fn script_tags_are_just_text_here() {
        // Rendering escapes them; parsing keeps what the citizen wrote.
        let mut p = valid();
        p.title = "<script>alert(1)</script>".into();
        assert_eq!(
            p.parse(&config(), today()).unwrap().title,
            "<script>alert(1)</script>"
        );
    }
}
