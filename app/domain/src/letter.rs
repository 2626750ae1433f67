//! 督办函、提醒函、建议函: the letters the bureau sends a unit (信访工作条例 第40条) — supervision
//! of a matter handled badly, reminders of work or of a risk, and the three proposals (改进工作、
//! 完善政策、追究责任), which the unit must answer in writing with whether it adopted them. Each
//! kind is numbered within its year (`防信督〔2026〕12号`, the pattern in the config) and printed
//! from the bureau's template. Workbench-only: the texts are Simplified Chinese.

use crate::case::event::Letter;
use crate::message::Msg;
use crate::text::{FieldProblem, TextRule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kinds of letter, in the order the workbench offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    Supervision,
    WorkReminder,
    RiskReminder,
    ImproveWork,
    ImprovePolicy,
    Accountability,
}

impl LetterKind {
    pub const ALL: [Self; 6] = [
        Self::Supervision,
        Self::WorkReminder,
        Self::RiskReminder,
        Self::ImproveWork,
        Self::ImprovePolicy,
        Self::Accountability,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Supervision => "supervision",
            Self::WorkReminder => "work_reminder",
            Self::RiskReminder => "risk_reminder",
            Self::ImproveWork => "improve_work",
            Self::ImprovePolicy => "improve_policy",
            Self::Accountability => "accountability",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Its name as the workbench and the annual report say it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Supervision => "督办函",
            Self::WorkReminder => "工作提醒函",
            Self::RiskReminder => "风险提醒函",
            Self::ImproveWork => "改进工作建议函",
            Self::ImprovePolicy => "完善政策建议函",
            Self::Accountability => "追究责任建议函",
        }
    }

    /// One of the three proposals of 第40条, whose adoption the unit reports (第41条 counts it).
    pub fn is_proposal(self) -> bool {
        matches!(
            self,
            Self::ImproveWork | Self::ImprovePolicy | Self::Accountability
        )
    }

    /// Whether it must name at least one matter: every kind but a policy proposal, which may be
    /// about a question no single matter raises.
    pub fn needs_cases(self) -> bool {
        self != Self::ImprovePolicy
    }

    /// The letter event it puts on each matter it names (a 督办 or a 提醒, which the case's page,
    /// the unit's mail and the 考核 count); a proposal is only linked to them.
    pub fn case_letter(self) -> Option<Letter> {
        match self {
            Self::Supervision => Some(Letter::Supervision),
            Self::WorkReminder | Self::RiskReminder => Some(Letter::Reminder),
            _ => None,
        }
    }
}

/// How one kind is numbered and worded (`[letters.<kind>]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterStyle {
    /// The number's pattern: `{seq}` and optionally `{year}`, e.g. `防信督〔{year}〕{seq}号`.
    pub number: String,
    /// The document's heading, e.g. 信访事项督办函.
    pub title: String,
    /// The text, one paragraph a line, with the placeholders of [`PLACEHOLDERS`].
    pub template: String,
}

/// What a template may say; anything else in braces is a mistake of the config.
pub const PLACEHOLDERS: [&str; 8] = [
    "unit", "subject", "body", "cases", "reply_by", "bureau", "date", "number",
];

/// Every kind's style (`[letters]`); what the config leaves out of a kind, or a kind it leaves
/// out, keeps the default's (a bureau may give only its numbers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PartialStyles")]
pub struct LetterStyles {
    pub supervision: LetterStyle,
    pub work_reminder: LetterStyle,
    pub risk_reminder: LetterStyle,
    pub improve_work: LetterStyle,
    pub improve_policy: LetterStyle,
    pub accountability: LetterStyle,
}

/// The styles of a configuration that gives none, as data.
pub const DEFAULT_LETTERS: &str = include_str!("../letters.default.toml");

impl Default for LetterStyles {
    fn default() -> Self {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct All {
            supervision: LetterStyle,
            work_reminder: LetterStyle,
            risk_reminder: LetterStyle,
            improve_work: LetterStyle,
            improve_policy: LetterStyle,
            accountability: LetterStyle,
        }
        let a: All = toml::from_str(DEFAULT_LETTERS).expect("letters.default.toml parses");
        Self {
            supervision: a.supervision,
            work_reminder: a.work_reminder,
            risk_reminder: a.risk_reminder,
            improve_work: a.improve_work,
            improve_policy: a.improve_policy,
            accountability: a.accountability,
        }
    }
}

/// `[letters.<kind>]` as written: any of its three keys.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PartialStyle {
    number: Option<String>,
    title: Option<String>,
    template: Option<String>,
}

#[derive(Deserialize)]
#[serde(transparent)]
struct PartialStyles(std::collections::BTreeMap<String, PartialStyle>);

impl TryFrom<PartialStyles> for LetterStyles {
    type Error = String;

    fn try_from(given: PartialStyles) -> Result<Self, String> {
        let mut styles = Self::default();
        for (code, p) in given.0 {
            let kind = LetterKind::parse(&code).ok_or_else(|| {
                format!(
                    "[letters.{code}]: no such kind of letter (the kinds: {})",
                    LetterKind::ALL.map(LetterKind::code).join(", ")
                )
            })?;
            let style = styles.of_mut(kind);
            if let Some(n) = p.number {
                style.number = n;
            }
            if let Some(t) = p.title {
                style.title = t;
            }
            if let Some(t) = p.template {
                style.template = t;
            }
        }
        Ok(styles)
    }
}

impl LetterStyles {
    fn of_mut(&mut self, kind: LetterKind) -> &mut LetterStyle {
        match kind {
            LetterKind::Supervision => &mut self.supervision,
            LetterKind::WorkReminder => &mut self.work_reminder,
            LetterKind::RiskReminder => &mut self.risk_reminder,
            LetterKind::ImproveWork => &mut self.improve_work,
            LetterKind::ImprovePolicy => &mut self.improve_policy,
            LetterKind::Accountability => &mut self.accountability,
        }
    }

    pub fn of(&self, kind: LetterKind) -> &LetterStyle {
        match kind {
            LetterKind::Supervision => &self.supervision,
            LetterKind::WorkReminder => &self.work_reminder,
            LetterKind::RiskReminder => &self.risk_reminder,
            LetterKind::ImproveWork => &self.improve_work,
            LetterKind::ImprovePolicy => &self.improve_policy,
            LetterKind::Accountability => &self.accountability,
        }
    }

    /// The first kind whose style cannot number or print a letter (no `{seq}`, an empty title
    /// or template, or a placeholder that is not one), with what is wrong.
    pub fn check(&self) -> Result<(), (LetterKind, String)> {
        for kind in LetterKind::ALL {
            let s = self.of(kind);
            if !s.number.contains("{seq}") {
                return Err((kind, "number has no {seq}".into()));
            }
            if let Some(p) = placeholders(&s.number)
                .into_iter()
                .find(|p| p != "seq" && p != "year")
            {
                return Err((kind, format!("number has {{{p}}}")));
            }
            if s.title.trim().is_empty() || s.template.trim().is_empty() {
                return Err((kind, "title or template is empty".into()));
            }
            if let Some(p) = placeholders(&s.template)
                .into_iter()
                .find(|p| !PLACEHOLDERS.contains(&p.as_str()))
            {
                return Err((kind, format!("template has {{{p}}}")));
            }
        }
        Ok(())
    }
}

/// The names in braces of a pattern, in order.
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            found.push(after.to_owned());
            break;
        };
        found.push(after[..close].to_owned());
        rest = &after[close + 1..];
    }
    found
}

/// A letter's number: its kind's pattern with the year and its place in the year.
pub fn number(style: &LetterStyle, year: i32, seq: i64) -> String {
    style
        .number
        .replace("{year}", &year.to_string())
        .replace("{seq}", &seq.to_string())
}

/// What the template fills in.
pub struct Filled<'a> {
    pub number: &'a str,
    pub unit: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub cases: &'a [String],
    pub reply_by: NaiveDate,
    pub bureau: &'a str,
    pub date: NaiveDate,
}

/// A date as a letter writes it: 2026年12月4日.
pub fn written_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The letter's paragraphs: the template's lines filled in, blank lines dropped, and the line
/// naming the matters dropped when it names none. The body may hold paragraphs of its own.
pub fn render(style: &LetterStyle, f: &Filled<'_>) -> Vec<String> {
    let cases = f.cases.join("、");
    let mut out = Vec::new();
    for line in style.template.lines() {
        if line.trim().is_empty() || (f.cases.is_empty() && line.contains("{cases}")) {
            continue;
        }
        let filled = line
            .replace("{number}", f.number)
            .replace("{unit}", f.unit)
            .replace("{subject}", f.subject)
            .replace("{cases}", &cases)
            .replace("{reply_by}", &written_date(f.reply_by))
            .replace("{bureau}", f.bureau)
            .replace("{date}", &written_date(f.date));
        if filled.contains("{body}") {
            for (n, part) in f.body.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                out.push(if n == 0 {
                    filled.replace("{body}", part.trim())
                } else {
                    part.trim().to_owned()
                });
            }
        } else {
            out.push(filled);
        }
    }
    out
}

/// The most matters one letter names.
pub const MOST_CASES: usize = 50;
/// The longest a unit may be given to answer.
pub const MOST_DAYS_TO_ANSWER: i64 = 90;
/// The working days to answer the form suggests.
pub const SUGGESTED_WORKING_DAYS: u32 = 10;

/// A letter as a supervisor types it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LetterDraft {
    pub kind: String,
    pub unit: String,
    /// The numbers of the matters it is about, separated by spaces, commas or 、.
    pub cases: String,
    pub subject: String,
    pub body: String,
    /// `YYYY-MM-DD`.
    pub reply_by: String,
}

/// A letter to issue, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLetter {
    pub kind: LetterKind,
    pub unit: String,
    pub cases: Vec<String>,
    pub subject: String,
    pub body: String,
    pub reply_by: NaiveDate,
}

fn problem(field: &str, code: &str, text: &str) -> FieldProblem {
    FieldProblem::new(field, code, Msg::verbatim(text))
}

/// The numbers of matters in a text, each once, in order.
pub fn case_numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let n = n.to_uppercase();
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

impl LetterDraft {
    /// Checks every field at once; `unit_known` says whether a unit code is in the config.
    pub fn check(
        &self,
        today: NaiveDate,
        unit_known: impl Fn(&str) -> bool,
    ) -> Result<NewLetter, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let kind = LetterKind::parse(self.kind.trim());
        if kind.is_none() {
            problems.push(problem("kind", "required", "请选择函件类型"));
        }
        let unit = self.unit.trim();
        if unit.is_empty() {
            problems.push(problem("unit", "required", "请选择发往的单位"));
        } else if !unit_known(unit) {
            problems.push(problem("unit", "unknown", "没有这个单位，请从列表中选择"));
        }
        let cases = case_numbers(&self.cases);
        if cases.len() > MOST_CASES {
            problems.push(problem(
                "cases",
                "too_many",
                &format!("一份函件最多列 {MOST_CASES} 件信访事项"),
            ));
        } else if cases.is_empty() && kind.is_some_and(LetterKind::needs_cases) {
            problems.push(problem(
                "cases",
                "required",
                "请填写涉及的信访事项编号（只有完善政策建议函可以不列）",
            ));
        } else if let Some(bad) = cases.iter().find(|n| {
            n.chars().count() > 32 || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        }) {
            problems.push(problem(
                "cases",
                "invalid",
                &format!("“{bad}”不是信访事项编号"),
            ));
        }
        let subject = TextRule {
            field: "subject",
            label: Msg::verbatim("事由"),
            min: 2,
            max: 60,
            multiline: false,
        }
        .check(&self.subject, &mut problems);
        let body = TextRule {
            field: "body",
            label: Msg::verbatim("正文"),
            min: 10,
            max: 5000,
            multiline: true,
        }
        .check(&self.body, &mut problems);
        let reply_by = match NaiveDate::parse_from_str(self.reply_by.trim(), "%Y-%m-%d") {
            _ if self.reply_by.trim().is_empty() => {
                problems.push(problem("reply_by", "required", "请填写答复期限"));
                None
            }
            Err(_) => {
                problems.push(problem(
                    "reply_by",
                    "invalid_date",
                    "答复期限不是有效的日期，请按“年-月-日”填写，例如 2026-12-18",
                ));
                None
            }
            Ok(d) if d <= today => {
                problems.push(problem("reply_by", "past", "答复期限应在今天以后"));
                None
            }
            Ok(d) if (d - today).num_days() > MOST_DAYS_TO_ANSWER => {
                problems.push(problem(
                    "reply_by",
                    "too_far",
                    &format!("答复期限最长为 {MOST_DAYS_TO_ANSWER} 天"),
                ));
                None
            }
            Ok(d) => Some(d),
        };
        match (kind, subject, body, reply_by) {
            (Some(kind), Some(subject), Some(body), Some(reply_by)) if problems.is_empty() => {
                Ok(NewLetter {
                    kind,
                    unit: unit.to_owned(),
                    cases,
                    subject,
                    body,
                    reply_by,
                })
            }
            _ => Err(problems),
        }
    }
}

/// The unit's written answer (第40条: 书面反馈采纳情况).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Adopted,
    Partly,
    NotAdopted,
}

impl Answer {
    pub const ALL: [Self; 3] = [Self::Adopted, Self::Partly, Self::NotAdopted];

    pub fn code(self) -> &'static str {
        match self {
            Self::Adopted => "adopted",
            Self::Partly => "partly",
            Self::NotAdopted => "not_adopted",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Its name for a letter of `kind`: a proposal is adopted or not, a 督办 or 提醒 carried out.
    pub fn name(self, kind: LetterKind) -> &'static str {
        match (self, kind.is_proposal()) {
            (Self::Adopted, true) => "采纳",
            (Self::Partly, true) => "部分采纳",
            (Self::NotAdopted, true) => "未采纳",
            (Self::Adopted, false) => "已落实",
            (Self::Partly, false) => "部分落实",
            (Self::NotAdopted, false) => "未落实",
        }
    }
}

/// Checks a posted answer: one of the three, with its text (10 to 5,000 characters).
pub fn check_answer(answer: &str, text: &str) -> Result<(Answer, String), Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let answer = Answer::parse(answer.trim());
    if answer.is_none() {
        problems.push(problem("answer", "required", "请选择采纳（落实）情况"));
    }
    let text = TextRule {
        field: "answer_text",
        label: Msg::verbatim("书面答复"),
        min: 10,
        max: 5000,
        multiline: true,
    }
    .check(text, &mut problems);
    match (answer, text) {
        (Some(a), Some(t)) if problems.is_empty() => Ok((a, t)),
        _ => Err(problems),
    }
}

/// Unanswered after the day it was to be answered by.
pub fn overdue(reply_by: NaiveDate, answered: bool, today: NaiveDate) -> bool {
    !answered && today > reply_by
}

/// A year's letters counted (第41条 (二)(三)): how many of each kind, and of the proposals how
/// many were answered, adopted (wholly or in part) and not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterCounts {
    /// Each kind's count, in [`LetterKind::ALL`]'s order.
    pub by_kind: Vec<(LetterKind, u64)>,
    pub proposals: u64,
    pub proposals_adopted: u64,
    pub proposals_partly: u64,
    pub proposals_not_adopted: u64,
    pub overdue: u64,
}

/// Counts letters given as (kind, answer, overdue).
pub fn count(
    letters: impl IntoIterator<Item = (LetterKind, Option<Answer>, bool)>,
) -> LetterCounts {
    let mut c = LetterCounts {
        by_kind: LetterKind::ALL.iter().map(|k| (*k, 0)).collect(),
        ..LetterCounts::default()
    };
    for (kind, answer, late) in letters {
        if let Some(slot) = c.by_kind.iter_mut().find(|(k, _)| *k == kind) {
            slot.1 += 1;
        }
        if late {
            c.overdue += 1;
        }
        if kind.is_proposal() {
            c.proposals += 1;
            match answer {
                Some(Answer::Adopted) => c.proposals_adopted += 1,
                Some(Answer::Partly) => c.proposals_partly += 1,
                Some(Answer::NotAdopted) => c.proposals_not_adopted += 1,
                None => {}
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn draft() -> LetterDraft {
        LetterDraft {
            kind: "supervision".into(),
            unit: "city-housing".into(),
            cases: "XF2026-0001, xf2026-0002、XF2026-0001".into(),
            subject: "加快办理电梯维修信访事项".into(),
            body: "你单位办理的信访事项已超过法定期限，群众反映强烈。".into(),
            reply_by: "2026-12-18".into(),
        }
    }

    #[test]
    fn the_default_styles_parse_and_pass_their_own_check() {
        let s = LetterStyles::default();
        assert_eq!(s.check(), Ok(()));
        for kind in LetterKind::ALL {
            assert!(s.of(kind).number.contains("{seq}"), "{kind:?}");
        }
    }

    #[test]
    fn a_style_without_seq_or_with_an_unknown_placeholder_is_refused() {
        let mut s = LetterStyles::default();
        s.risk_reminder.number = "信风〔{year}〕号".into();
        assert_eq!(s.check().unwrap_err().0, LetterKind::RiskReminder);
        let mut s = LetterStyles::default();
        s.improve_work.template = "{unit}：\n{address}".into();
        assert_eq!(
            s.check(),
            Err((LetterKind::ImproveWork, "template has {address}".into()))
        );
    }

    #[test]
    fn a_config_may_give_only_a_kinds_number_and_keeps_the_rest() {
        #[derive(Deserialize, Debug)]
        struct C {
            letters: LetterStyles,
        }
        let c: C = toml::from_str("[letters.supervision]\nnumber = \"防信督〔{year}〕{seq}号\"\n")
            .unwrap();
        let d = LetterStyles::default();
        assert_eq!(c.letters.supervision.number, "防信督〔{year}〕{seq}号");
        assert_eq!(c.letters.supervision.template, d.supervision.template);
        assert_eq!(c.letters.improve_work, d.improve_work);
        let bad = toml::from_str::<C>("[letters.memo]\nnumber = \"{seq}\"\n");
        assert!(bad.unwrap_err().to_string().contains("no such kind"));
    }

    #[test]
    fn numbers_follow_the_pattern_with_year_and_sequence() {
        let style = LetterStyle {
            number: "防信督〔{year}〕{seq}号".into(),
            title: "督办函".into(),
            template: "{body}".into(),
        };
        assert_eq!(number(&style, 2026, 12), "防信督〔2026〕12号");
    }

    #[test]
    fn kinds_say_what_they_put_on_cases_and_which_are_proposals() {
        assert_eq!(
            LetterKind::Supervision.case_letter(),
            Some(Letter::Supervision)
        );
        assert_eq!(
            LetterKind::RiskReminder.case_letter(),
            Some(Letter::Reminder)
        );
        assert_eq!(LetterKind::Accountability.case_letter(), None);
        let proposals: Vec<_> = LetterKind::ALL
            .into_iter()
            .filter(|k| k.is_proposal())
            .collect();
        assert_eq!(proposals.len(), 3);
        assert!(!LetterKind::ImprovePolicy.needs_cases());
        for k in LetterKind::ALL {
            assert_eq!(LetterKind::parse(k.code()), Some(k));
        }
    }

    #[test]
    fn a_good_draft_is_checked_with_its_cases_once_each() {
        let l = draft()
            .check(day("2026-12-04"), |u| u == "city-housing")
            .unwrap();
        assert_eq!(l.cases, ["XF2026-0001", "XF2026-0002"]);
        assert_eq!(l.reply_by, day("2026-12-18"));
        assert_eq!(l.kind, LetterKind::Supervision);
    }

    #[test]
    fn every_problem_of_a_draft_is_named_at_once() {
        let d = LetterDraft {
            kind: "memo".into(),
            unit: "moon".into(),
            subject: "x".into(),
            body: "短".into(),
            reply_by: "2026-12-04".into(),
            ..LetterDraft::default()
        };
        let fields: Vec<_> = d
            .check(day("2026-12-04"), |_| false)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect();
        let has = |f: &str, c: &str| fields.iter().any(|(a, b)| a == f && b == c);
        assert!(has("kind", "required"), "{fields:?}");
        assert!(has("unit", "unknown"));
        assert!(has("subject", "too_short"));
        assert!(has("body", "too_short"));
        assert!(has("reply_by", "past"));
    }

    #[test]
    fn only_a_policy_proposal_may_name_no_case() {
        let mut d = draft();
        d.cases.clear();
        let e = d.check(day("2026-12-04"), |_| true).unwrap_err();
        assert_eq!(e[0].field, "cases");
        d.kind = "improve_policy".into();
        assert!(d.check(day("2026-12-04"), |_| true).is_ok());
        d.cases = "XF-1 <script>".into();
        assert_eq!(
            d.check(day("2026-12-04"), |_| true).unwrap_err()[0].code,
            "invalid"
        );
        d.cases = (0..51).map(|n| format!("XF-{n} ")).collect();
        assert_eq!(
            d.check(day("2026-12-04"), |_| true).unwrap_err()[0].code,
            "too_many"
        );
    }

    #[test]
    fn the_reply_by_day_is_after_today_and_within_ninety_days() {
        let mut d = draft();
        d.reply_by = "2027-03-05".into();
        assert_eq!(
            d.check(day("2026-12-04"), |_| true).unwrap_err()[0].code,
            "too_far"
        );
        d.reply_by = "2027-03-04".into();
        assert!(d.check(day("2026-12-04"), |_| true).is_ok());
        d.reply_by = "2026/12/18".into();
        assert_eq!(
            d.check(day("2026-12-04"), |_| true).unwrap_err()[0].code,
            "invalid_date"
        );
    }

    #[test]
    fn a_letter_is_rendered_from_its_template() {
        let style = LetterStyles::default().supervision;
        let cases = vec!["XF1".to_owned(), "XF2".to_owned()];
        let f = Filled {
            number: "信督〔2026〕1号",
            unit: "市住建局",
            subject: "电梯维修",
            body: "第一段。\n\n第二段。",
            cases: &cases,
            reply_by: day("2026-12-18"),
            bureau: "防城港市信访局",
            date: day("2026-12-04"),
        };
        let p = render(&style, &f);
        assert_eq!(p[0], "市住建局：");
        assert!(p.contains(&"第一段。".to_owned()), "{p:?}");
        assert!(p.contains(&"第二段。".to_owned()));
        assert!(p.iter().any(|l| l.contains("XF1、XF2")));
        assert!(p.iter().any(|l| l.contains("2026年12月18日前")));
        assert!(p.iter().all(|l| !l.contains('{')));
        // Naming no matter, the line that names them goes.
        let none = Filled { cases: &[], ..f };
        assert!(
            render(&style, &none)
                .iter()
                .all(|l| !l.contains("涉及信访事项"))
        );
    }

    #[test]
    fn answers_are_checked_and_named_for_their_kind() {
        assert_eq!(
            check_answer("partly", "已采纳其中两项建议，另一项正在研究。")
                .unwrap()
                .0,
            Answer::Partly
        );
        let e = check_answer("", "短").unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(Answer::Adopted.name(LetterKind::ImproveWork), "采纳");
        assert_eq!(Answer::Adopted.name(LetterKind::Supervision), "已落实");
    }

    #[test]
    fn a_letter_is_overdue_only_unanswered_after_its_day() {
        let by = day("2026-12-18");
        assert!(!overdue(by, false, by));
        assert!(overdue(by, false, day("2026-12-19")));
        assert!(!overdue(by, true, day("2027-01-19")));
    }

    #[test]
    fn a_years_letters_are_counted_by_kind_and_adoption() {
        use LetterKind::*;
        let c = count([
            (Supervision, None, true),
            (Supervision, Some(Answer::Adopted), false),
            (ImproveWork, Some(Answer::Adopted), false),
            (ImprovePolicy, Some(Answer::Partly), false),
            (Accountability, None, false),
        ]);
        assert_eq!(c.by_kind[0], (Supervision, 2));
        assert_eq!(c.proposals, 3);
        assert_eq!(
            (
                c.proposals_adopted,
                c.proposals_partly,
                c.proposals_not_adopted
            ),
            (1, 1, 0)
        );
        assert_eq!(c.overdue, 1);
    }
}
