//! What every docket of the workbench shares (a petition's case, a legal-aid application): the
//! posted form an action comes from, read field by field with every problem collected at once,
//! and why an action is refused now.

use crate::message::Msg;
use crate::text::{FieldProblem, text_field};
use std::ops::RangeInclusive;

/// A posted form (`action` plus its fields), read with every problem kept for the page.
pub struct Fields<'a> {
    pairs: &'a [(String, String)],
    problems: Vec<FieldProblem>,
}

impl<'a> Fields<'a> {
    pub fn new(pairs: &'a [(String, String)]) -> Self {
        Self {
            pairs,
            problems: Vec::new(),
        }
    }

    /// The field's value as posted, empty when absent.
    pub fn get(&self, key: &str) -> &'a str {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// A text of `min` to `max` characters (trimmed, `\r\n` → `\n`); `label` is the field's name.
    pub fn text(&mut self, field: &str, label: Msg, min: usize, max: usize) -> String {
        text_field(field, label, self.get(field), min, max, &mut self.problems)
    }

    /// A whole number of days in `range`, or the problem `message` (0 then).
    pub fn days(&mut self, field: &str, range: RangeInclusive<u32>, message: Msg) -> u32 {
        match self.get(field).trim().parse::<u32>() {
            Ok(days) if range.contains(&days) => days,
            _ => {
                self.problems
                    .push(FieldProblem::new(field, "out_of_range", message));
                0
            }
        }
    }

    pub fn problem(&mut self, problem: FieldProblem) {
        self.problems.push(problem);
    }

    /// An action that is not one of the form's.
    pub fn unknown_action(&mut self) {
        self.problem(FieldProblem::new(
            "action",
            "unknown_action",
            Msg::new("unknown-action"),
        ));
    }

    /// `value` when every field was right, else every problem found.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldProblem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}

/// Why an action is refused now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The role may never do this.
    Role,
    /// The case is with another unit.
    OtherUnit,
    /// Not at this stage.
    Stage,
    /// The handling limit was already extended once (第34条).
    AlreadyExtended,
    /// The 5 working days for an objection have passed (第23条).
    ObjectionTooLate,
    /// A hearing whose time is not counted is a 复核 matter (第36条), not one of 复查.
    HearingOnlyInRecheck,
    /// Material may be asked for once only, everything at once (法律援助法 第43条).
    MaterialAskedBefore,
    /// A 检举控告 may not go to the unit it reports (第30条).
    ReportedUnit,
}

impl Refusal {
    pub fn message(self) -> Msg {
        match self {
            Self::Role => Msg::new("refusal-role"),
            Self::OtherUnit => Msg::new("refusal-other-unit"),
            Self::Stage => Msg::new("refusal-stage"),
            Self::AlreadyExtended => Msg::new("refusal-extended"),
            Self::ObjectionTooLate => Msg::new("refusal-objection-late"),
            Self::HearingOnlyInRecheck => Msg::new("refusal-hearing-recheck"),
            Self::MaterialAskedBefore => Msg::new("refusal-material-asked"),
            Self::ReportedUnit => Msg::new("refusal-reported-unit"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_read_with_every_problem_at_once() {
        let pairs: Vec<(String, String)> = [("days", "31"), ("note", "短")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let mut f = Fields::new(&pairs);
        assert_eq!(f.days("days", 1..=30, Msg::new("days-out-of-range")), 0);
        assert_eq!(f.text("note", Msg::new("field-note"), 4, 10), "短");
        assert_eq!(f.get("missing"), "");
        let problems = f.finish(()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["days", "note"]);
    }
}
