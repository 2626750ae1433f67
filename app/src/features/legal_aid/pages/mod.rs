//! 法律援助 (PRODUCT.md journey 3): the start page, the self-check (one question per page, plain
//! GET forms: the answers are not personal data), and the application.

mod apply;
mod staff_page;

pub use apply::{ApplyPage, ApplyView, LegalAidReceipt};
pub use staff_page::{LegalAidCasePage, LegalAidListPage};

use crate::domain::legal_aid::{
    Assessment, CheckAnswers, Group, Hardship, Likelihood, Matter, Question, Special, assess,
};
use crate::domain::message::Msg;
use crate::ui::PageTitle;
use crate::ui::form::StepHeading;
use crate::ui::form::{Choice, ErrorSummary, FieldError, HiddenFields, Radios, form_title};
use crate::ui::i18n::text;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where the statute library shows article `number` of 法律援助法.
fn law_link(number: u32) -> String {
    crate::domain::library::href(
        crate::domain::library::DocKind::Statute,
        "法律援助法-2021",
        Some(&crate::domain::library::article_anchor(number)),
    )
}

/// `/legal-aid`: what legal aid is, who may get it, and the two ways on.
#[component]
pub fn LegalAidPage() -> impl IntoView {
    view! {
        <PageTitle text=crate::t!("legal-aid-start-title") />
        <div class="wrap">
            <h1>{crate::t!("legal-aid-start-title")}</h1>
            <p class="lead">{crate::t!("legal-aid-start-lead")}</p>
            <h2>{crate::t!("legal-aid-start-check-heading")}</h2>
            <p>{crate::t!("legal-aid-start-check-text")}</p>
            <p>
                <a class="button" href="/legal-aid/check">
                    {crate::t!("legal-aid-start-check-button")}
                </a>
            </p>
            <h2>{crate::t!("legal-aid-start-apply-heading")}</h2>
            <p>
                {crate::ui::i18n::sentence(
                    crate::domain::msg!("legal-aid-apply-direct"),
                    vec![
                        (
                            "link",
                            view! {
                                <a href="/legal-aid/apply">
                                    {crate::t!("legal-aid-apply-direct-link")}
                                </a>
                            }
                                .into_any(),
                        ),
                    ],
                )}
            </p>
            <h2>{crate::t!("legal-aid-start-help-heading")}</h2>
            <p>{crate::t!("legal-aid-start-help-text")}</p>
        </div>
    }
}

fn question_view(q: Question, a: &CheckAnswers, error: Option<Msg>) -> AnyView {
    let (legend, hint, choices): (String, Option<String>, Vec<Choice>) = match q {
        Question::Matter => (
            crate::t!("legal-aid-check-matter-legend"),
            Some(crate::t!("legal-aid-check-matter-hint")),
            Matter::ALL
                .iter()
                .map(|m| Choice {
                    value: m.code(),
                    label: text(&m.label()),
                    hint: (*m != Matter::Other)
                        .then(|| crate::t!("legal-aid-law-article", article = m.article())),
                })
                .collect(),
        ),
        Question::Special => (
            crate::t!("legal-aid-check-special-legend"),
            Some(crate::t!("legal-aid-check-special-hint")),
            Special::ALL
                .iter()
                .map(|s| Choice::plain(s.code(), text(&s.label())))
                .collect(),
        ),
        Question::Group => (
            crate::t!("legal-aid-check-group-legend"),
            Some(crate::t!("legal-aid-check-group-hint")),
            Group::ALL
                .iter()
                .map(|g| Choice::plain(g.code(), text(&g.label())))
                .collect(),
        ),
        Question::Hardship => (
            crate::t!("legal-aid-check-hardship-legend"),
            Some(crate::t!("legal-aid-check-hardship-hint")),
            Hardship::ALL
                .iter()
                .map(|h| Choice::plain(h.code(), text(&h.label())))
                .collect(),
        ),
    };
    let kept: Vec<(&'static str, String)> = a
        .before(q)
        .pairs()
        .into_iter()
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
    let errors: Vec<FieldError> = error
        .iter()
        .map(|m| FieldError {
            field: q.code().to_owned(),
            message: m.clone(),
        })
        .collect();
    view! {
        <PageTitle text=form_title(
            &crate::t!("legal-aid-check-question-title", question = legend.clone()),
            &errors,
        ) />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            <form method="get" action="/legal-aid/check" novalidate>
                <HiddenFields fields=kept />
                <input type="hidden" name="asked" value=q.code() />
                <Radios
                    name=q.code()
                    legend=legend
                    hint=hint
                    choices
                    error=error.as_ref().map(text)
                />
                <button type="submit" class="button">
                    {crate::t!("legal-aid-check-continue")}
                </button>
            </form>
        </div>
    }
    .into_any()
}

/// `/legal-aid/check`: the next open question, or the result.
#[component]
pub fn SelfCheckPage() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let pairs: Vec<(String, String)> = ["matter", "special", "group", "hardship"]
        .iter()
        .filter_map(|k| query.get(k).map(|v| ((*k).to_owned(), v)))
        .collect();
    let asked = query.get("asked").as_deref().and_then(Question::parse);
    let answers = CheckAnswers::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match answers.next_question() {
        Some(q) => {
            // Sent without choosing: the same question with its message.
            let error = (asked == Some(q)).then(|| q.missing());
            question_view(q, &answers, error)
        }
        None => match assess(&answers) {
            Some(result) => view! { <CheckResult answers result /> }.into_any(),
            None => question_view(Question::Matter, &CheckAnswers::default(), None),
        },
    }
}

#[component]
fn CheckResult(answers: CheckAnswers, result: Assessment) -> impl IntoView {
    let restart = "/legal-aid/check".to_owned();
    // The application starts with what the check already knows.
    let apply_href = {
        let (matter, basis) = answers.carried_over();
        let query: Vec<String> = matter
            .map(|m| format!("matter={}", m.code()))
            .into_iter()
            .chain(basis.map(|b| format!("basis={}", b.code())))
            .collect();
        if query.is_empty() {
            "/legal-aid/apply".to_owned()
        } else {
            format!("/legal-aid/apply?{}", query.join("&"))
        }
    };
    let change_matter = restart.clone();
    let summary: Vec<(String, String)> = [
        answers
            .matter
            .map(|m| (crate::t!("legal-aid-check-answer-matter"), m.label())),
        answers
            .special
            .map(|s| (crate::t!("legal-aid-check-answer-special"), s.label())),
        answers
            .group
            .map(|g| (crate::t!("legal-aid-check-answer-group"), g.label())),
        answers
            .hardship
            .map(|h| (crate::t!("legal-aid-check-answer-hardship"), h.label())),
    ]
    .into_iter()
    .flatten()
    .map(|(k, v)| (k, text(&v)))
    .collect();
    let next = match result.likelihood {
        Likelihood::Unlikely => crate::t!("legal-aid-check-next-unlikely"),
        Likelihood::OutsideTheList => crate::t!("legal-aid-check-next-outside"),
        Likelihood::LikelyNoHardshipTest => crate::t!("legal-aid-check-next-no-test"),
        Likelihood::LikelyIfHardship => crate::t!("legal-aid-check-next-if-hardship"),
    };
    view! {
        <PageTitle text=crate::t!("legal-aid-check-result-title") />
        <div class="wrap">
            <StepHeading id="check-result">{text(&result.likelihood.heading())}</StepHeading>
            <div class="notice" id="not-a-decision">
                <p>{crate::t!("legal-aid-check-result-not-a-decision")}</p>
            </div>
            <h2>{crate::t!("legal-aid-check-result-why")}</h2>
            <ul class="reasons">
                {result
                    .reasons
                    .into_iter()
                    .map(|r| {
                        let href = law_link(r.law_article);
                        let link = view! {
                            <a href=href>
                                {crate::t!("legal-aid-law-article", article = r.article)}
                            </a>
                        }
                            .into_any();
                        view! {
                            <li>
                                {crate::ui::i18n::sentence(
                                    crate::domain::msg!("legal-aid-check-reason", reason = r.text),
                                    vec![("link", link)],
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>{crate::t!("legal-aid-check-result-answers")}</h2>
            <dl class="facts">
                {summary
                    .into_iter()
                    .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
                    .collect_view()}
            </dl>
            <p>
                <a href=change_matter>{crate::t!("legal-aid-check-result-again")}</a>
            </p>
            <h2>{crate::t!("legal-aid-check-result-next")}</h2>
            <p>{next}</p>
            <p>
                <a class="button" href=apply_href id="apply-with-answers">
                    {crate::t!("legal-aid-check-result-apply")}
                </a>
            </p>
            <p>{crate::t!("legal-aid-check-result-hotline")}</p>
        </div>
    }
}
