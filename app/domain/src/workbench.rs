//! What every docket of the workbench shares (a petition's case, a legal-aid application): the
//! posted form an action comes from, read field by field with every problem collected at once,
//! and why an action is refused now.

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

    /// A text of `min` to `max` characters (trimmed, `\r\n` → `\n`).
    pub fn text(&mut self, field: &str, label: &str, min: usize, max: usize) -> String {
        text_field(field, label, self.get(field), min, max, &mut self.problems)
    }

    /// A whole number of days in `range`, or the problem `message` (0 then).
    pub fn days(&mut self, field: &str, range: RangeInclusive<u32>, message: String) -> u32 {
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
        self.problem(FieldProblem::new("action", "unknown_action", "未知的操作"));
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
}

impl Refusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::Role => "您的角色不能进行这项操作",
            Self::OtherUnit => "这件信访事项不在您的单位办理",
            Self::Stage => "这件事项当前的状态不能进行这项操作，请刷新页面查看最新状态",
            Self::AlreadyExtended => {
                "办理期限已经延长过一次，不能再延长（《信访工作条例》第三十四条）"
            }
            Self::ObjectionTooLate => {
                "对交办的异议应当在收到之日起 5 个工作日内提出，期限已过（《信访工作条例》第二十三条）"
            }
            Self::HearingOnlyInRecheck => {
                "不计入期限的听证只适用于复核（《信访工作条例》第三十六条），这件事项当前不在复核中"
            }
            Self::MaterialAskedBefore => {
                "补充材料只能一次性告知（《法律援助法》第四十三条），这件申请已经告知过"
            }
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
        assert_eq!(f.days("days", 1..=30, "1 到 30".into()), 0);
        assert_eq!(f.text("note", "说明", 4, 10), "短");
        assert_eq!(f.get("missing"), "");
        let problems = f.finish(()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["days", "note"]);
    }
}
