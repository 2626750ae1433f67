//! The web journey of 我要信访 (PRODUCT.md journey 1): one question per page, GOV.UK style.
//!
//! The unfinished petition is never kept on the server. Without JavaScript every page carries the
//! answers so far in hidden fields and posts them all; with JavaScript the browser also keeps them
//! in `localStorage`, so that a reload brings the citizen back to where they were. Either way the
//! server reads the same flat form fields into a [`Draft`], checks the step that was posted, and
//! decides which page comes next.

use crate::domain::config::BureauConfig;
use crate::domain::message::Msg;
use crate::domain::person::id_number::IdNumber;
use crate::domain::person::mobile::Mobile;
use crate::domain::person::{ADDRESS, NAME, PetitionerInput, name_characters};
use crate::domain::petition::category::Category;
use crate::domain::petition::{
    EARLIER, FACTS, PLACE_AND_TIME, PetitionInput, REQUEST, Route, TITLE, has_route_check,
};
use crate::domain::text::{FieldProblem, TextRule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Most attachments per petition, and the largest one, in bytes.
pub const MAX_ATTACHMENTS: usize = 5;
pub use crate::domain::petition::attachment::MAX_ATTACHMENT_BYTES;

/// The answers so far, as the form fields carry them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub category: String,
    pub route: String,
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub district: String,
    pub unit: String,
    pub title: String,
    pub request: String,
    pub facts_and_reasons: String,
    pub place_and_time: String,
    pub earlier_handling: String,
    /// 检举控告类: who or which unit is reported, and that unit's code if it is listed.
    pub reported: String,
    pub reported_unit: String,
    /// Messages asked for on the petitioner's page: SMS to the mobile, and an email address.
    pub sms: bool,
    pub email: String,
    /// Tokens of the files uploaded so far (see `crate::kernel::files::store`).
    pub attachments: Vec<String>,
    /// Set once the citizen reached the check-your-answers page: a change then returns there.
    pub checking: bool,
    pub declaration: bool,
    /// The form's one-time token (`kernel::filing`): sending it twice files once.
    pub once: String,
}

/// The text fields of a draft, in the order of the journey; also their form field names.
pub const TEXT_FIELDS: [&str; 16] = [
    "category",
    "route",
    "name",
    "id_number",
    "mobile",
    "address",
    "district",
    "unit",
    "title",
    "request",
    "facts_and_reasons",
    "place_and_time",
    "earlier_handling",
    "reported",
    "reported_unit",
    "email",
];

/// What the button that sent a page asks for, over the form's pages `P`: the petition's steps,
/// or the legal-aid application's pages (`legal_aid::form::Page`), which work alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action<P = Step> {
    /// Check this page's answers and go on.
    Continue,
    /// Show another page, keeping what was typed here unchecked (返回, 修改, resuming a draft).
    Goto(P),
    /// Upload the chosen files and stay on the attachments page.
    Upload,
    /// Remove one uploaded file.
    Remove(String),
    /// Send the petition.
    Submit,
}

impl Action<Step> {
    pub fn parse(value: &str) -> Self {
        Self::parse_with(value, Step::parse)
    }
}

impl<P> Action<P> {
    /// Reads a button's value (`goto:PAGE` names a page as `page` reads it); anything unknown
    /// is 继续.
    pub fn parse_with(value: &str, page: impl Fn(&str) -> Option<P>) -> Self {
        match value {
            "upload" => Self::Upload,
            "submit" => Self::Submit,
            v => {
                if let Some(step) = v.strip_prefix("goto:").and_then(page) {
                    Self::Goto(step)
                } else if let Some(token) = v.strip_prefix("remove:") {
                    Self::Remove(token.to_owned())
                } else {
                    Self::Continue
                }
            }
        }
    }
}

/// One posted form: the answers, the page it came from, and what its button asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Posted {
    pub draft: Draft,
    pub step: Step,
    pub action: Action,
}

impl Posted {
    /// Reads the posted fields; unknown names are ignored, and a missing or unknown step is the
    /// start page.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut draft = Draft::default();
        let mut step = Step::Start;
        let mut action = Action::Continue;
        for (k, v) in pairs {
            let v = v.as_ref();
            match k.as_ref() {
                "step" => step = Step::parse(v).unwrap_or(Step::Start),
                "action" => action = Action::parse(v),
                "attachment" => {
                    if is_token(v) && !draft.attachments.iter().any(|t| t == v) {
                        draft.attachments.push(v.to_owned());
                    }
                }
                "checking" => draft.checking = v == "1",
                "once" => {
                    if is_token(v) {
                        draft.once = v.to_owned();
                    }
                }
                "declaration" => draft.declaration = v == "yes",
                "sms" => draft.sms = v == "yes",
                key => {
                    if let Some(field) = draft.field_mut(key) {
                        *field = v.to_owned();
                    }
                }
            }
        }
        Self {
            draft,
            step,
            action,
        }
    }
}

pub use crate::domain::petition::attachment::is_token;

impl Draft {
    pub fn field(&self, name: &str) -> Option<&str> {
        Some(match name {
            "category" => &self.category,
            "route" => &self.route,
            "name" => &self.name,
            "id_number" => &self.id_number,
            "mobile" => &self.mobile,
            "address" => &self.address,
            "district" => &self.district,
            "unit" => &self.unit,
            "title" => &self.title,
            "request" => &self.request,
            "facts_and_reasons" => &self.facts_and_reasons,
            "place_and_time" => &self.place_and_time,
            "earlier_handling" => &self.earlier_handling,
            "reported" => &self.reported,
            "reported_unit" => &self.reported_unit,
            "email" => &self.email,
            _ => return None,
        })
    }

    fn field_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "category" => &mut self.category,
            "route" => &mut self.route,
            "name" => &mut self.name,
            "id_number" => &mut self.id_number,
            "mobile" => &mut self.mobile,
            "address" => &mut self.address,
            "district" => &mut self.district,
            "unit" => &mut self.unit,
            "title" => &mut self.title,
            "request" => &mut self.request,
            "facts_and_reasons" => &mut self.facts_and_reasons,
            "place_and_time" => &mut self.place_and_time,
            "earlier_handling" => &mut self.earlier_handling,
            "reported" => &mut self.reported,
            "reported_unit" => &mut self.reported_unit,
            "email" => &mut self.email,
            _ => return None,
        })
    }

    /// Every answer as form fields, except those a page shows as inputs of its own.
    pub fn hidden_fields(&self, shown: &[&str]) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = TEXT_FIELDS
            .iter()
            .filter(|f| !shown.contains(f))
            .filter_map(|f| {
                let v = self.field(f).unwrap_or_default();
                (!v.is_empty()).then(|| (*f, v.to_owned()))
            })
            .collect();
        if !shown.contains(&"attachment") {
            out.extend(self.attachments.iter().map(|t| ("attachment", t.clone())));
        }
        if self.sms && !shown.contains(&"sms") {
            out.push(("sms", "yes".to_owned()));
        }
        if self.checking {
            out.push(("checking", "1".to_owned()));
        }
        if !self.once.is_empty() {
            out.push(("once", self.once.clone()));
        }
        out
    }

    pub fn category(&self) -> Option<Category> {
        Category::parse(self.category.trim())
    }

    pub fn route(&self) -> Option<Route> {
        Route::parse(self.route.trim())
    }

    /// The petition as the service takes it (the integration API's shape).
    pub fn to_input(&self) -> PetitionInput {
        let optional = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
        PetitionInput {
            category: self.category.clone(),
            petitioner: PetitionerInput {
                name: self.name.clone(),
                id_number: self.id_number.clone(),
                mobile: self.mobile.clone(),
                address: self.address.clone(),
                district: self.district.clone(),
            },
            unit: optional(&self.unit),
            title: self.title.clone(),
            request: self.request.clone(),
            facts_and_reasons: self.facts_and_reasons.clone(),
            place_and_time: optional(&self.place_and_time),
            earlier_handling: optional(&self.earlier_handling),
            reported: optional(&self.reported),
            reported_unit: optional(&self.reported_unit),
            notify: (self.sms || !self.email.trim().is_empty()).then(|| {
                crate::domain::notify::NotifyInput {
                    sms: self.sms,
                    email: optional(&self.email),
                }
            }),
            channel: None,
        }
    }
}

/// The pages of the journey, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Start,
    Category,
    /// The route check (路线图) for 申诉求决类 and 检举控告类.
    Route,
    Petitioner,
    Matter,
    Attachments,
    /// Check your answers, the declaration, and send.
    Check,
}

impl Step {
    pub const ALL: [Self; 7] = [
        Self::Start,
        Self::Category,
        Self::Route,
        Self::Petitioner,
        Self::Matter,
        Self::Attachments,
        Self::Check,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Category => "category",
            Self::Route => "route",
            Self::Petitioner => "petitioner",
            Self::Matter => "matter",
            Self::Attachments => "attachments",
            Self::Check => "check",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The form fields this page asks for.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Start | Self::Attachments => &[],
            Self::Category => &["category"],
            Self::Route => &["route"],
            Self::Petitioner => &[
                "name",
                "id_number",
                "mobile",
                "address",
                "district",
                "sms",
                "email",
            ],
            Self::Matter => &[
                "reported",
                "reported_unit",
                "unit",
                "title",
                "request",
                "facts_and_reasons",
                "place_and_time",
                "earlier_handling",
            ],
            Self::Check => &["declaration"],
        }
    }

    /// The page after this one in the plain order of the journey.
    fn following(self, draft: &Draft) -> Self {
        match self {
            Self::Start => Self::Category,
            Self::Category if draft.category().is_some_and(has_route_check) => Self::Route,
            Self::Category | Self::Route => Self::Petitioner,
            Self::Petitioner => Self::Matter,
            Self::Matter => Self::Attachments,
            Self::Attachments | Self::Check => Self::Check,
        }
    }

    /// The page before this one, for 返回.
    pub fn previous(self, draft: &Draft) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| *s != self && s.following(draft) == self)
            .unwrap_or(Self::Start)
    }
}

/// Where the journey goes after a page was posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Page(Step),
    /// The route check found another channel: explain it.
    Channel(Route),
}

/// The problems with the answers a page asks for.
pub fn check_step(
    step: Step,
    draft: &Draft,
    config: &BureauConfig,
    today: NaiveDate,
) -> Vec<FieldProblem> {
    match step {
        Step::Start | Step::Attachments => Vec::new(),
        Step::Category => {
            if draft.category().is_some() {
                Vec::new()
            } else {
                vec![FieldProblem::new(
                    "category",
                    "required",
                    Msg::new("petition-category-required"),
                )]
            }
        }
        Step::Route => match draft.category() {
            Some(c) if has_route_check(c) => {
                if draft
                    .route()
                    .is_some_and(|r| Route::options(c).contains(&r))
                {
                    Vec::new()
                } else {
                    vec![FieldProblem::new(
                        "route",
                        "required",
                        Msg::new("petition-route-required"),
                    )]
                }
            }
            _ => Vec::new(),
        },
        Step::Petitioner | Step::Matter => {
            let mut problems = match draft.to_input().parse(config, today) {
                Ok(_) => Vec::new(),
                Err(problems) => problems,
            };
            problems.retain(|p| step.fields().contains(&web_field(&p.field)));
            for p in &mut problems {
                p.field = web_field(&p.field).to_owned();
            }
            problems
        }
        Step::Check => {
            let mut problems: Vec<FieldProblem> =
                [Step::Category, Step::Route, Step::Petitioner, Step::Matter]
                    .into_iter()
                    .flat_map(|s| check_step(s, draft, config, today))
                    .collect();
            if draft.attachments.len() > MAX_ATTACHMENTS {
                problems.push(FieldProblem::new(
                    "attachment",
                    "too_many",
                    crate::domain::msg!("petition-files-too-many", max = MAX_ATTACHMENTS),
                ));
            }
            if !draft.declaration {
                problems.push(FieldProblem::new(
                    "declaration",
                    "required",
                    Msg::new("petition-declaration-required"),
                ));
            }
            problems
        }
    }
}

/// The form field name of an API field path: `petitioner.id_number` → `id_number`.
pub fn web_field(api_field: &str) -> &str {
    api_field.rsplit('.').next().unwrap_or(api_field)
}

/// The page after `step`, whose answers passed their check.
pub fn next(step: Step, draft: &Draft, config: &BureauConfig, today: NaiveDate) -> Next {
    if step == Step::Route
        && let Some(route) = draft.route()
        && route != Route::Petition
    {
        return Next::Channel(route);
    }
    if draft.checking && step != Step::Start {
        // A change from the check page: back there, unless the change opened a new question.
        return Next::Page(first_unanswered(draft, config, today).unwrap_or(Step::Check));
    }
    Next::Page(step.following(draft))
}

/// The first page whose answers are missing or wrong.
pub fn first_unanswered(draft: &Draft, config: &BureauConfig, today: NaiveDate) -> Option<Step> {
    [Step::Category, Step::Route, Step::Petitioner, Step::Matter]
        .into_iter()
        .find(|s| !check_step(*s, draft, config, today).is_empty())
}

/// The check of one field as it is typed, for the browser: the rules that need no
/// configuration. `None` when the field is fine or not checked here.
/// Every message `check_field` and the browser's error summary can say, by id: the page sends
/// them to the island in its language (`kernel::i18n::island`), so the browser needs no
/// catalogue of its own. A unit test checks that each message `check_field` makes is here.
pub fn island_message_ids() -> Vec<&'static str> {
    use crate::domain::person::IdNumberError as I;
    use crate::domain::person::MobileError as M;
    let mut ids = vec![
        "text-required",
        "text-characters",
        "text-too-short",
        "text-too-short-min",
        "text-too-long",
        "name-characters",
        "district-required",
        "upload-too-big",
        "email-invalid",
        "email-too-long",
        crate::features::petition::draft_keeper::PROBLEM,
        crate::features::petition::draft_keeper::PROBLEM_TITLE,
        crate::features::petition::draft_keeper::ERROR_PREFIX,
        crate::features::petition::draft_keeper::NOTHING_KEPT,
    ];
    let id = |m: Msg| match m.id {
        std::borrow::Cow::Borrowed(id) => id,
        std::borrow::Cow::Owned(_) => "",
    };
    ids.extend(
        [
            &NAME,
            &ADDRESS,
            &TITLE,
            &REQUEST,
            &FACTS,
            &PLACE_AND_TIME,
            &EARLIER,
        ]
        .map(|r| id(r.label.clone())),
    );
    ids.extend(
        [
            I::Empty,
            I::Length,
            I::Characters,
            I::Region,
            I::BirthDate,
            I::CheckCharacter,
        ]
        .map(|e| id(e.message())),
    );
    ids.extend([M::Empty, M::Characters, M::Length, M::NotMobile].map(|e| id(e.message())));
    ids
}

pub fn check_field(name: &str, value: &str, today: NaiveDate) -> Option<Msg> {
    let text = |rule: &TextRule| {
        let mut problems = Vec::new();
        rule.check(value, &mut problems);
        problems.into_iter().next().map(|p| p.message)
    };
    match name {
        "name" => text(&NAME).or_else(|| name_characters(value).map(|p| p.message)),
        "id_number" => IdNumber::parse(value, today).err().map(|e| e.message()),
        "mobile" => Mobile::parse(value).err().map(|e| e.message()),
        "address" => text(&ADDRESS),
        "district" => value
            .trim()
            .is_empty()
            .then(|| Msg::new("district-required")),
        "title" => text(&TITLE),
        "request" => text(&REQUEST),
        "facts_and_reasons" => text(&FACTS),
        "place_and_time" => text(&PLACE_AND_TIME),
        "earlier_handling" => text(&EARLIER),
        // The shape only: validator's email rule would bring its tables into the WASM; the
        // server judges the address fully on 继续.
        "email" => crate::domain::notify::email_shape_problem(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_message_is_one_the_island_gets_and_says_as_fluent_does() {
        use crate::domain::message::Arg;
        use crate::domain::prefs::Lang;
        use crate::kernel::i18n::island::{IslandMessages, island_messages};
        fn ids(m: &Msg, out: &mut Vec<String>) {
            out.push(m.id.to_string());
            for (_, a) in &m.args {
                if let Arg::Msg(inner) = a {
                    ids(inner, out);
                }
            }
        }
        let known = island_message_ids();
        assert!(!known.contains(&""), "every id is static");
        for lang in Lang::ALL {
            let (_, problems) = crate::kernel::i18n::island::island_messages_checked(lang, &known);
            assert!(problems.is_empty(), "{problems:?}");
        }
        let island: Vec<(Lang, IslandMessages)> = Lang::ALL
            .into_iter()
            .map(|lang| {
                // Through the JSON the page carries, as the browser reads it.
                let json: serde_json::Value =
                    serde_json::from_str(&island_messages(lang, &known).to_json()).unwrap();
                (
                    lang,
                    IslandMessages::read(&json).expect("the island reads it"),
                )
            })
            .collect();
        let long = "字".repeat(6000);
        let cases = [
            ("name", ""),
            ("name", "张"),
            ("name", "张3"),
            ("name", "张\u{7}三"),
            ("id_number", ""),
            ("id_number", "123"),
            ("id_number", "12345678901234567A"),
            ("id_number", "990101198001011234"),
            ("id_number", "450602198013011234"),
            ("id_number", "450602198001011230"),
            ("mobile", ""),
            ("mobile", "1380013800a"),
            ("mobile", "1380013"),
            ("mobile", "10000000000"),
            ("address", "街"),
            ("address", long.as_str()),
            ("district", ""),
            ("title", "标"),
            ("request", ""),
            ("facts_and_reasons", "短"),
            ("place_and_time", long.as_str()),
            ("earlier_handling", long.as_str()),
            ("email", "zhao at example"),
        ];
        let mut said = vec![
            Msg::new(crate::features::petition::draft_keeper::PROBLEM),
            Msg::new(crate::features::petition::draft_keeper::ERROR_PREFIX),
            Msg::new(crate::features::petition::draft_keeper::NOTHING_KEPT),
            Msg::new(crate::features::petition::draft_keeper::PROBLEM_TITLE)
                .with("title", "第 2 步"),
        ];
        for (field, value) in cases {
            said.push(
                check_field(field, value, today())
                    .unwrap_or_else(|| panic!("{field}={value:?} should be refused")),
            );
        }
        for message in said {
            let mut used = Vec::new();
            ids(&message, &mut used);
            for id in used {
                assert!(known.contains(&id.as_str()), "the island lacks {id}");
            }
            for (lang, messages) in &island {
                assert_eq!(
                    messages.render(&message),
                    crate::kernel::i18n::messages::in_script(*lang, &message),
                    "{lang:?}: {message:?}"
                );
            }
        }
    }
    use crate::domain::config::EXAMPLE_CONFIG;

    fn config() -> BureauConfig {
        BureauConfig::parse(EXAMPLE_CONFIG).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn complete() -> Draft {
        Draft {
            category: "appeal".into(),
            route: "petition".into(),
            name: "张三".into(),
            id_number: "11010519491231002X".into(),
            mobile: "13812345678".into(),
            address: "防城港市港口区某某路 1 号".into(),
            district: "450602".into(),
            title: "工资拖欠问题".into(),
            request: "请求督促用人单位支付拖欠的三个月工资。".into(),
            facts_and_reasons:
                "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。".into(),
            declaration: true,
            ..Draft::default()
        }
    }

    #[test]
    fn posted_fields_round_trip_through_hidden_fields() {
        let mut d = complete();
        d.attachments = vec!["0123456789abcdef0123456789abcdef".into()];
        d.checking = true;
        d.declaration = false;
        d.sms = true;
        d.email = "zhao@example.cn".into();
        let mut pairs: Vec<(String, String)> = d
            .hidden_fields(&[])
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        pairs.push(("step".into(), "matter".into()));
        pairs.push(("action".into(), "goto:petitioner".into()));
        pairs.push(("attachment".into(), "../../etc/passwd".into()));
        let posted = Posted::from_pairs(pairs);
        assert_eq!(posted.draft, d, "a bad token is dropped, the rest survives");
        assert_eq!(posted.step, Step::Matter);
        assert_eq!(posted.action, Action::Goto(Step::Petitioner));
    }

    #[test]
    fn a_page_does_not_carry_its_own_fields_hidden() {
        let hidden = complete().hidden_fields(Step::Petitioner.fields());
        assert!(
            hidden
                .iter()
                .all(|(k, _)| !Step::Petitioner.fields().contains(k))
        );
        assert!(hidden.iter().any(|(k, _)| *k == "title"));
    }

    #[test]
    fn buttons_say_what_they_want() {
        assert_eq!(Action::parse("continue"), Action::Continue);
        assert_eq!(Action::parse("submit"), Action::Submit);
        assert_eq!(Action::parse("goto:check"), Action::Goto(Step::Check));
        assert_eq!(Action::parse("goto:nowhere"), Action::Continue);
        assert_eq!(
            Action::parse("remove:abc"),
            Action::Remove("abc".to_owned())
        );
    }

    #[test]
    fn the_journey_runs_in_order() {
        let (c, t) = (config(), today());
        let d = complete();
        assert_eq!(next(Step::Start, &d, &c, t), Next::Page(Step::Category));
        assert_eq!(next(Step::Category, &d, &c, t), Next::Page(Step::Route));
        assert_eq!(next(Step::Route, &d, &c, t), Next::Page(Step::Petitioner));
        assert_eq!(next(Step::Petitioner, &d, &c, t), Next::Page(Step::Matter));
        assert_eq!(next(Step::Matter, &d, &c, t), Next::Page(Step::Attachments));
        assert_eq!(next(Step::Attachments, &d, &c, t), Next::Page(Step::Check));
        let suggestion = Draft {
            category: "suggestion".into(),
            ..complete()
        };
        assert_eq!(
            next(Step::Category, &suggestion, &c, t),
            Next::Page(Step::Petitioner),
            "suggestions have no route check"
        );
        assert_eq!(Step::Petitioner.previous(&suggestion), Step::Category);
        assert_eq!(Step::Petitioner.previous(&d), Step::Route);
    }

    #[test]
    fn every_route_of_article_31_but_the_sixth_leaves_the_journey() {
        let (c, t) = (config(), today());
        for route in Route::APPEAL {
            let d = Draft {
                route: route.code().into(),
                ..complete()
            };
            let expected = if route == Route::Petition {
                Next::Page(Step::Petitioner)
            } else {
                Next::Channel(route)
            };
            assert_eq!(next(Step::Route, &d, &c, t), expected, "{route:?}");
            assert_eq!(Route::parse(route.code()), Some(route));
        }
        assert!(!Route::Litigation.continues_here());
        assert!(Route::Officials.continues_here());
    }

    #[test]
    fn the_route_answer_must_fit_the_category() {
        let (c, t) = (config(), today());
        let d = Draft {
            route: "officials".into(),
            ..complete()
        };
        assert_eq!(check_step(Step::Route, &d, &c, t)[0].field, "route");
        let report = Draft {
            category: "report".into(),
            ..d
        };
        assert!(check_step(Step::Route, &report, &c, t).is_empty());
    }

    #[test]
    fn a_step_reports_only_its_own_fields_by_form_name() {
        let (c, t) = (config(), today());
        let d = Draft {
            id_number: "11010519491231002".into(),
            title: String::new(),
            ..complete()
        };
        let problems = check_step(Step::Petitioner, &d, &c, t);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "id_number");
        assert_eq!(check_step(Step::Matter, &d, &c, t)[0].field, "title");
    }

    #[test]
    fn the_check_page_needs_the_declaration_and_everything_else() {
        let (c, t) = (config(), today());
        assert!(check_step(Step::Check, &complete(), &c, t).is_empty());
        let d = Draft {
            declaration: false,
            mobile: "1381234567".into(),
            ..complete()
        };
        let fields: Vec<_> = check_step(Step::Check, &d, &c, t)
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["mobile", "declaration"]);
    }

    #[test]
    fn a_change_from_the_check_page_goes_back_there_or_to_a_new_question() {
        let (c, t) = (config(), today());
        let d = Draft {
            checking: true,
            ..complete()
        };
        assert_eq!(next(Step::Petitioner, &d, &c, t), Next::Page(Step::Check));
        let was_suggestion = Draft {
            category: "appeal".into(),
            route: String::new(),
            ..d
        };
        assert_eq!(
            next(Step::Category, &was_suggestion, &c, t),
            Next::Page(Step::Route),
            "a suggestion turned appeal has a new question"
        );
    }

    #[test]
    fn fields_are_checked_as_they_are_typed() {
        let t = today();
        assert_eq!(check_field("id_number", "11010519491231002X", t), None);
        assert_eq!(
            check_field("id_number", "11010519491231003X", t),
            Some(Msg::new("id-number-check"))
        );
        assert!(check_field("mobile", "12812345678", t).is_some());
        assert!(check_field("name", "张3", t).is_some());
        assert!(check_field("title", "短", t).is_some_and(|m| m.id == "text-too-short"));
        assert_eq!(check_field("place_and_time", "", t), None, "optional");
        assert!(check_field("district", "", t).is_some());
        assert_eq!(check_field("unknown", "", t), None);
    }

    #[test]
    fn the_choice_of_messages_goes_with_the_petition_and_a_bad_address_is_named() {
        let (c, t) = (config(), today());
        assert_eq!(
            complete().to_input().notify,
            None,
            "nothing chosen, nothing asked"
        );
        let d = Draft {
            sms: true,
            email: " zhao@example.cn ".into(),
            ..complete()
        };
        let notify = d.to_input().notify.unwrap();
        assert!(notify.sms);
        let bad = Draft {
            email: "zhao at example".into(),
            ..complete()
        };
        let problems = check_step(Step::Petitioner, &bad, &c, t);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "email");
        assert!(check_step(Step::Matter, &bad, &c, t).is_empty());
    }

    #[test]
    fn the_draft_becomes_the_api_input() {
        let input = complete().to_input();
        assert_eq!(input.petitioner.id_number, "11010519491231002X");
        assert_eq!(input.unit, None, "an unchosen unit is absent");
        assert!(input.parse(&config(), today()).is_ok());
    }
}
