//! Text as people type it: the problems found with a field, and the length rules every text
//! field follows (counted in characters, not bytes, on both sides).

use crate::message::Msg;
use crate::msg;
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
    /// The field's name, as the messages about it say it.
    pub label: Msg,
    pub min: usize,
    pub max: usize,
    pub multiline: bool,
}

impl TextRule {
    /// Trims, then checks length and characters; `Ok(None)` for an empty optional field.
    pub fn check(&self, input: &str, problems: &mut Vec<FieldProblem>) -> Option<String> {
        let text = input.trim().replace("\r\n", "\n");
        let len = text.chars().count();
        // Zero-width and direction marks show nothing: a title of only those is no title.
        if text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            if self.min > 0 {
                problems.push(FieldProblem::new(
                    self.field,
                    "required",
                    msg!("text-required", label = self.label.clone()),
                ));
            }
            return None;
        }
        let bad_control = text.chars().any(|c| {
            (c.is_control() && !(self.multiline && (c == '\n' || c == '\t'))) || is_bidi_control(c)
        });
        if bad_control {
            problems.push(FieldProblem::new(
                self.field,
                "characters",
                msg!("text-characters", label = self.label.clone()),
            ));
            return None;
        }
        // The bounds themselves are validator's length rule (it counts characters, not bytes).
        if !text.validate_length(Some(self.min as u64), None, None) {
            problems.push(FieldProblem::new(
                self.field,
                "too_short",
                msg!(
                    "text-too-short",
                    label = self.label.clone(),
                    min = self.min,
                    len = len
                ),
            ));
            return None;
        }
        if !text.validate_length(None, Some(self.max as u64), None) {
            problems.push(FieldProblem::new(
                self.field,
                "too_long",
                msg!(
                    "text-too-long",
                    label = self.label.clone(),
                    max = self.max,
                    len = len
                ),
            ));
            return None;
        }
        Some(text)
    }
}

/// Length-checked text of a form field (trimmed, `\r\n` → `\n`), with the problem pushed if
/// it is too short or too long; `label` is the field's name.
pub fn text_field(
    field: &str,
    label: Msg,
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
            msg!("text-required", label = label),
        ));
    } else if len < min {
        problems.push(FieldProblem::new(
            field,
            "too_short",
            msg!("text-too-short-min", label = label, min = min),
        ));
    } else if len > max {
        problems.push(FieldProblem::new(
            field,
            "too_long",
            msg!("text-too-long", label = label, max = max, len = len),
        ));
    }
    text
}

/// Characters that take no space and show nothing: zero-width spaces and joiners, the word
/// joiner, the byte-order mark, soft hyphens, direction marks and controls.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    ) || is_bidi_control(c)
}

/// The embeddings, overrides and isolates that reorder what follows them (`exe.jpg` shown as
/// `gpj.exe`): never part of a petition.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

#[cfg(test)]
mod tests {
    use super::*;

    fn title_rule() -> TextRule {
        TextRule {
            field: "title",
            label: Msg::new("petition-field-title"),
            min: 2,
            max: 50,
            multiline: false,
        }
    }

    #[test]
    fn a_title_of_only_invisible_characters_is_no_title() {
        for invisible in [
            "\u{200B}\u{200B}\u{200B}",
            "\u{202E}\u{202D}",
            "\u{FEFF} \u{2060}\u{200D}",
        ] {
            let mut problems = Vec::new();
            assert_eq!(title_rule().check(invisible, &mut problems), None);
            assert_eq!(problems[0].code, "required", "{invisible:?}");
        }
    }

    #[test]
    fn direction_overrides_are_refused_inside_text() {
        let mut problems = Vec::new();
        assert_eq!(title_rule().check("工资\u{202E}欠条", &mut problems), None);
        assert_eq!(problems[0].code, "characters");
        let mut problems = Vec::new();
        assert!(
            title_rule()
                .check("工资\u{200B}拖欠", &mut problems)
                .is_some(),
            "a stray zero-width space is harmless"
        );
    }
}
