//! Several people, one matter (联名信访, 集体访): a petition may have other petitioners besides the
//! one who signs it; for a joint visit they choose representatives, at most five (信访工作条例
//! 第20条). The petitioner of the form is one of them; the others are typed by a clerk one a line:
//! `姓名 身份证号码 [手机号码] [代表]`.

use crate::message::Msg;
use crate::msg;
use crate::person::id_number::IdNumber;
use crate::person::mobile::Mobile;
use crate::person::name_characters;
use crate::petition::channel::Channel;
use crate::text::FieldProblem;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// At most five representatives of a joint visit (第20条), the signing petitioner included.
pub const MOST_REPRESENTATIVES: usize = 5;
/// Most other petitioners registered on one matter (a joint letter of a whole building).
pub const MOST_CO_PETITIONERS: usize = 300;

/// Another petitioner of the same matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoPetitioner {
    pub name: String,
    pub id_number: IdNumber,
    pub mobile: Option<Mobile>,
    /// Chosen as a representative (推选的代表).
    pub representative: bool,
}

const FIELD: &str = "co_petitioners";

fn problem(code: &str, message: Msg) -> FieldProblem {
    FieldProblem::new(FIELD, code, message)
}

/// Reads the other petitioners as a clerk types them (blank lines skipped), checking each ID
/// number and mobile, and that nobody is named twice — nor the signing petitioner, whose ID
/// number is `signer` — all of them on `today`. The first problem, with its line.
pub fn parse_co_petitioners(
    text: &str,
    signer: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<CoPetitioner>, FieldProblem> {
    let mut out: Vec<CoPetitioner> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n as i64 + 1;
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        let representative = words.iter().any(|w| matches!(*w, "代表" | "代表人"));
        let rest: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !matches!(*w, "代表" | "代表人"))
            .collect();
        let Some((name, numbers)) = rest.split_first() else {
            return Err(problem("format", msg!("joint-line-format", line = line_no)));
        };
        if name_characters(name).is_some() || numbers.is_empty() {
            return Err(problem("format", msg!("joint-line-format", line = line_no)));
        }
        let id_number = IdNumber::parse(numbers[0], today).map_err(|e| {
            problem(
                "id_number",
                msg!(
                    "joint-line-id-number",
                    line = line_no,
                    problem = e.message()
                ),
            )
        })?;
        let mobile = match numbers.get(1) {
            Some(m) => Some(Mobile::parse(m).map_err(|e| {
                problem(
                    "mobile",
                    msg!("joint-line-mobile", line = line_no, problem = e.message()),
                )
            })?),
            None => None,
        };
        if numbers.len() > 2 {
            return Err(problem("format", msg!("joint-line-format", line = line_no)));
        }
        let twice = out.iter().any(|c| c.id_number == id_number)
            || signer.is_some_and(|s| s == id_number.as_str());
        if twice {
            return Err(problem("twice", msg!("joint-line-twice", line = line_no)));
        }
        out.push(CoPetitioner {
            name: (*name).to_owned(),
            id_number,
            mobile,
            representative,
        });
    }
    if out.len() > MOST_CO_PETITIONERS {
        return Err(problem(
            "too_many",
            msg!("joint-too-many", max = MOST_CO_PETITIONERS as i64),
        ));
    }
    Ok(out)
}

/// For a joint visit, the representatives — the signing petitioner and those marked — are at
/// most [`MOST_REPRESENTATIVES`] (第20条); other channels have no such limit.
pub fn check_representatives(
    channel: Channel,
    others: &[CoPetitioner],
) -> Result<(), FieldProblem> {
    let representatives = 1 + others.iter().filter(|c| c.representative).count();
    if channel == Channel::Visit && representatives > MOST_REPRESENTATIVES {
        return Err(problem(
            "too_many_representatives",
            msg!(
                "joint-too-many-representatives",
                max = MOST_REPRESENTATIVES as i64,
                count = representatives as i64
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    #[test]
    fn others_are_read_one_a_line_with_their_numbers_and_marks() {
        let text = "王五 110105194912310011 13800138000 代表\n\n  赵六，11010519491231002X\n钱七 110101199003070011 代表";
        let list = parse_co_petitioners(text, None, today()).unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].name, "王五");
        assert!(list[0].representative && !list[1].representative && list[2].representative);
        assert_eq!(list[0].mobile.as_ref().unwrap().as_str(), "13800138000");
        assert_eq!(list[1].mobile, None);
        assert!(parse_co_petitioners("", None, today()).unwrap().is_empty());
    }

    #[test]
    fn each_problem_names_its_line() {
        let code_and_line = |text: &str, signer: Option<&str>| {
            let p = parse_co_petitioners(text, signer, today()).unwrap_err();
            (p.code, p.message.arg("line").cloned())
        };
        let line = |n| Some(crate::message::Arg::Number(n));
        assert_eq!(code_and_line("王五", None), ("format".into(), line(1)));
        assert_eq!(
            code_and_line("王五 110105194912310011\n赵六 110105194912310012", None),
            ("id_number".into(), line(2))
        );
        assert_eq!(
            code_and_line("王五 110105194912310011 1380013", None),
            ("mobile".into(), line(1))
        );
        assert_eq!(
            code_and_line("王五 110105194912310011\n王五 110105194912310011", None),
            ("twice".into(), line(2))
        );
        assert_eq!(
            code_and_line("王五 110105194912310011", Some("110105194912310011")),
            ("twice".into(), line(1))
        );
        assert_eq!(
            code_and_line("王5 110105194912310011", None),
            ("format".into(), line(1))
        );
    }

    #[test]
    fn a_joint_visit_has_at_most_five_representatives() {
        let others: Vec<CoPetitioner> = (0..5)
            .map(|i| CoPetitioner {
                name: format!("代表{i}"),
                id_number: IdNumber::parse("110105194912310011", today()).unwrap(),
                mobile: None,
                representative: i < 4,
            })
            .collect();
        // The signer and four marked: five.
        assert!(check_representatives(Channel::Visit, &others).is_ok());
        let mut six = others.clone();
        six[4].representative = true;
        let p = check_representatives(Channel::Visit, &six).unwrap_err();
        assert_eq!(p.code, "too_many_representatives");
        // A joint letter names no representatives by law.
        assert!(check_representatives(Channel::Letter, &six).is_ok());
    }
}
