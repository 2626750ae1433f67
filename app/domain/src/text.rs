//! Text as people type it: the problems found with a field, and the length rules every text
//! field follows (counted in characters, not bytes, on both sides).

use crate::message::Msg;
use serde::{Deserialize, Serialize};
use validator::ValidateLength;

/// One problem with one field. `field` is the API's path of the field (`petitioner.id_number`);
/// `code` is stable for machines; `message` is for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub message: Msg,
}

impl FieldProblem {
    pub fn new(field: &str, code: &str, message: impl Into<Msg>) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// Length limits, in characters, of every text field.
pub struct TextRule {
    pub field: &'static str,
    pub label: &'static str,
    pub min: usize,
    pub max: usize,
    pub multiline: bool,
}

impl TextRule {
    /// Trims, then checks length and characters; `Ok(None)` for an empty optional field.
    pub fn check(&self, input: &str, problems: &mut Vec<FieldProblem>) -> Option<String> {
        let text = input.trim().replace("\r\n", "\n");
        let len = text.chars().count();
        if len == 0 {
            if self.min > 0 {
                problems.push(FieldProblem::new(
                    self.field,
                    "required",
                    format!("请填写{}", self.label),
                ));
            }
            return None;
        }
        let bad_control = text
            .chars()
            .any(|c| c.is_control() && !(self.multiline && (c == '\n' || c == '\t')));
        if bad_control {
            problems.push(FieldProblem::new(
                self.field,
                "characters",
                format!("{}含有无法识别的字符，请删除后重新输入", self.label),
            ));
            return None;
        }
        // The bounds themselves are validator's length rule (it counts characters, not bytes).
        if !text.validate_length(Some(self.min as u64), None, None) {
            problems.push(FieldProblem::new(
                self.field,
                "too_short",
                format!(
                    "{}太短：至少 {} 个字，现在 {} 个字",
                    self.label, self.min, len
                ),
            ));
            return None;
        }
        if !text.validate_length(None, Some(self.max as u64), None) {
            problems.push(FieldProblem::new(
                self.field,
                "too_long",
                format!(
                    "{}太长：最多 {} 个字，现在 {} 个字",
                    self.label, self.max, len
                ),
            ));
            return None;
        }
        Some(text)
    }
}

/// Length-checked text of a form field (trimmed, `\r\n` → `\n`), with the problem pushed if
/// it is too short or too long.
pub fn text_field(
    field: &str,
    label: &str,
    value: &str,
    min: usize,
    max: usize,
    problems: &mut Vec<FieldProblem>,
) -> String {
    let text = value.trim().replace("\r\n", "\n");
    let len = text.chars().count();
    if len == 0 && min > 0 {
        problems.push(FieldProblem::new(
            field,
            "required",
            format!("请填写{label}"),
        ));
    } else if len < min {
        problems.push(FieldProblem::new(
            field,
            "too_short",
            format!("{label}太短：至少 {min} 个字"),
        ));
    } else if len > max {
        problems.push(FieldProblem::new(
            field,
            "too_long",
            format!("{label}太长：最多 {max} 个字，现在 {len} 个字"),
        ));
    }
    text
}

/// Folds the full-width digits and Latin letters of Chinese input methods to ASCII, so that
/// `１３８` and `ＸＦ` are read as `138` and `XF`. Other characters are returned as they are.
pub fn fold_full_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＋' | '－' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        other => other,
    }
}

/// Whether the text contains a Han character.
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}
