//! The person behind a petition or an application, as typed and as checked: name, ID number
//! (GB 11643), mobile, address and district.

pub mod id_number;
pub mod mobile;

pub use id_number::{IdNumber, IdNumberError, mask_id_number};
pub use mobile::{Mobile, MobileError};

use crate::config::BureauConfig;
use crate::message::Msg;
use crate::text::{FieldProblem, TextRule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The petitioner as typed (API field names).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PetitionerInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub mobile: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub district: String,
}

pub const NAME: TextRule = TextRule {
    field: "petitioner.name",
    label: Msg::new("field-name"),
    min: 2,
    max: 30,
    multiline: false,
};
pub const ADDRESS: TextRule = TextRule {
    field: "petitioner.address",
    label: Msg::new("field-address"),
    min: 5,
    max: 100,
    multiline: false,
};
/// The petitioner, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Petitioner {
    pub name: String,
    pub id_number: IdNumber,
    pub mobile: Mobile,
    pub address: String,
    /// GB/T 2260 code from the bureau config.
    pub district: String,
}

/// A name with digits or symbols, which no real name has.
pub fn name_characters(name: &str) -> Option<FieldProblem> {
    name.chars()
        .any(|c| c.is_ascii_digit() || "<>{}[]@#$%^&*=+|\\/".contains(c))
        .then(|| FieldProblem::new(NAME.field, "characters", Msg::new("name-characters")))
}

impl PetitionerInput {
    pub fn parse(
        &self,
        config: &BureauConfig,
        today: NaiveDate,
        problems: &mut Vec<FieldProblem>,
    ) -> Option<Petitioner> {
        let name = NAME.check(&self.name, problems);
        if let Some(problem) = name.as_deref().and_then(name_characters) {
            problems.push(problem);
        }
        let id_number = IdNumber::parse(&self.id_number, today)
            .map_err(|e| {
                problems.push(FieldProblem::new(
                    "petitioner.id_number",
                    e.code(),
                    e.message(),
                ))
            })
            .ok();
        let mobile = Mobile::parse(&self.mobile)
            .map_err(|e| {
                problems.push(FieldProblem::new(
                    "petitioner.mobile",
                    e.code(),
                    e.message(),
                ))
            })
            .ok();
        let address = ADDRESS.check(&self.address, problems);
        let district = self.district.trim();
        let district = if district.is_empty() {
            problems.push(FieldProblem::new(
                "petitioner.district",
                "required",
                Msg::new("district-required"),
            ));
            None
        } else if config.district(district).is_none() {
            problems.push(FieldProblem::new(
                "petitioner.district",
                "unknown_district",
                Msg::new("district-unknown"),
            ));
            None
        } else {
            Some(district.to_owned())
        };
        let name_ok = !problems.iter().any(|p| p.field == NAME.field);
        Some(Petitioner {
            name: name.filter(|_| name_ok)?,
            id_number: id_number?,
            mobile: mobile?,
            address: address?,
            district: district?,
        })
    }
}
