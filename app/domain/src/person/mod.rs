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
    // Letters of any script (汉字, the Latin or Uyghur letters of a name), and what joins the
    // parts of a name (the middle dot of 阿依古丽·买买提, a space, a hyphen, an apostrophe);
    // digits, symbols and emoji are not part of anyone's name on an identity card.
    name.chars()
        .any(|c| {
            !(c.is_alphabetic() || " ·•・.-'’\u{200c}\u{200d}".contains(c)) || is_pictograph(c)
        })
        .then(|| FieldProblem::new(NAME.field, "characters", Msg::new("name-characters")))
}

/// Emoji and pictographs that Unicode counts as letters in no script but that some keyboards
/// offer beside the letters (the Supplementary Symbols and Pictographs blocks and their kin).
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}')
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

#[cfg(test)]
mod name_tests {
    use super::name_characters;

    #[test]
    fn a_name_is_letters_of_any_script_with_what_joins_them() {
        for ok in ["张三", "阿依古丽·买买提", "Anna-Lena O'Neil", "欧阳 修"] {
            assert!(name_characters(ok).is_none(), "{ok}");
        }
        for bad in ["张3", "张三😀", "李四❤", "王五!", "<b>", "赵六@"] {
            assert!(name_characters(bad).is_some(), "{bad}");
        }
    }
}
