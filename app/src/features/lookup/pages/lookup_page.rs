use crate::domain::case::review::Rating;
use crate::domain::petition::category::Category;
use crate::features::petition::view::PetitionStatus;
use crate::ui::PageTitle;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, Radios, TextArea, TextField, error_for, form_title,
};
use crate::ui::form::{StepHeading, typed_lang};
use crate::ui::i18n::{due_date, sentence, text, time};
use leptos::prelude::*;

/// What the server hands the page after a POST: the form again with a problem, or the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupOutcome {
    Problem {
        number: String,
        errors: Vec<FieldError>,
    },
    Found(Box<Found>),
    /// A legal-aid application (FY…), 第55条.
    LegalAid(Box<AidFound>),
}

/// A legal-aid application found with its number and 查询码.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AidFound {
    pub status: crate::features::legal_aid::view::AidStatusView,
    pub code: String,
    pub notice: Option<crate::domain::message::Msg>,
    pub errors: Vec<FieldError>,
    pub values: Vec<(String, String)>,
    pub via: Via,
}

/// How the citizen opened the record, and what its messages are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Via {
    /// Through 我的事项 (an SMS code proved the mobile), not with the 查询码: the page's forms
    /// that need the code are not offered, and stopping messages posts to `/mine/stop`.
    pub mine: bool,
    /// The messages the citizen chose for it: `Some(true)` while they are sent, `Some(false)`
    /// once stopped, `None` when none were chosen.
    pub messages: Option<bool>,
}

/// A case found with its number and 查询码, and the outcome of a rating or review request just
/// sent from the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub status: PetitionStatus,
    /// Carried in the page's own forms (posted, never in an address).
    pub code: String,
    pub notice: Option<crate::domain::message::Msg>,
    pub errors: Vec<FieldError>,
    /// What was typed in a form that failed.
    pub values: Vec<(String, String)>,
    pub via: Via,
}

/// The form posts (never GET: the 查询码 must not land in addresses, history or logs).
#[component]
pub fn LookupPage() -> impl IntoView {
    match use_context::<LookupOutcome>() {
        Some(LookupOutcome::Found(found)) => view! { <CaseStatus found=*found /> }.into_any(),
        Some(LookupOutcome::LegalAid(found)) => view! { <AidProgress found=*found /> }.into_any(),
        Some(LookupOutcome::Problem { number, errors }) => {
            view! { <LookupForm number errors /> }.into_any()
        }
        None => view! { <LookupForm number=String::new() errors=Vec::new() /> }.into_any(),
    }
}

#[component]
fn LookupForm(number: String, errors: Vec<FieldError>) -> impl IntoView {
    let title = form_title(&crate::t!("lookup-form-title"), &errors);
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            <h1>{crate::t!("lookup-form-title")}</h1>
            <p>{crate::t!("lookup-form-intro")}</p>
            <form method="post" action="/lookup" novalidate>
                <TextField
                    id="number"
                    label=crate::t!("lookup-form-number-label")
                    autocomplete=Some("off")
                    value=number
                    error=error_for(&errors, "number")
                />
                <TextField
                    id="code"
                    label=crate::t!("lookup-form-code-label")
                    autocomplete=Some("off")
                    error=error_for(&errors, "code")
                />
                <button type="submit" class="button">
                    {crate::t!("lookup-form-submit")}
                </button>
            </form>
            <p class="note" id="forgotten-code">
                {sentence(
                    crate::domain::msg!("lookup-form-forgotten-code"),
                    vec![
                        (
                            "link",
                            view! { <a href="/mine">{crate::t!("lookup-form-forgotten-code-link")}</a> }
                                .into_any(),
                        ),
                    ],
                )}
            </p>
        </div>
    }
}

fn category_label(code: &str) -> String {
    Category::parse(code)
        .map(|c| crate::ui::i18n::text(&c.label()))
        .unwrap_or_default()
}

#[component]
fn CaseStatus(found: Found) -> impl IntoView {
    let Found {
        status,
        code,
        notice,
        errors,
        values,
        via,
    } = found;
    let value = |k: &str| {
        values
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let options = status.after_reply.clone();
    let number = status.number.clone();
    let evaluate_form = (options.can_evaluate && !via.mine).then(|| {
        let choices = Rating::ALL
            .into_iter()
            .map(|r| Choice {
                value: r.code(),
                label: crate::ui::i18n::text(&r.label()),
                hint: None,
            })
            .collect();
        view! {
            <form method="post" action="/lookup/evaluation" class="case-action" id="evaluation">
                <h2>{crate::t!("lookup-evaluation-heading")}</h2>
                <input type="hidden" name="number" value=number.clone() />
                <input type="hidden" name="code" value=code.clone() />
                <Radios
                    name="rating"
                    legend=crate::t!("lookup-evaluation-legend")
                    not_the_heading=true
                    choices
                    value=value("rating")
                    error=error_for(&errors, "rating")
                />
                <TextArea
                    id="comment"
                    label=crate::t!("lookup-evaluation-comment-label")
                    rows=3
                    value=value("comment")
                    error=error_for(&errors, "comment")
                />
                <button type="submit" class="button">
                    {crate::t!("lookup-evaluation-submit")}
                </button>
            </form>
        }
    });
    let review_form = options
        .can_request
        .clone()
        .filter(|_| !via.mine)
        .map(|level| {
            let until = options.request_until.map(due_date).unwrap_or_default();
            let (action, text) = if level == "recheck" {
                (
                    crate::t!("lookup-recheck-heading"),
                    crate::t!("lookup-recheck-text", until = until),
                )
            } else {
                (
                    crate::t!("lookup-review-heading"),
                    crate::t!("lookup-review-text", until = until),
                )
            };
            view! {
                <form method="post" action="/lookup/review-request" class="case-action" id="review">
                    <h2>{action.clone()}</h2>
                    <p>{text}</p>
                    <input type="hidden" name="number" value=number.clone() />
                    <input type="hidden" name="code" value=code.clone() />
                    <TextArea
                        id="reason"
                        label=crate::t!("lookup-review-reason-label")
                        rows=4
                        value=value("reason")
                        error=error_for(&errors, "reason")
                    />
                    <button type="submit" class="button">
                        {action}
                    </button>
                </form>
            }
        });
    let unit = status
        .unit_name
        .as_deref()
        .map(crate::ui::i18n::name)
        .unwrap_or_else(|| crate::t!("lookup-case-unit-undecided"));
    let page_title = form_title(&crate::t!("lookup-case-title"), &errors);
    view! {
        <PageTitle text=page_title />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            // What was just done (a rating, a request) is the news: it takes the focus before the heading.
            {notice
                .map(|n| {
                    view! {
                        <p class="notice" role="status" id="lookup-notice" tabindex="-1" autofocus>
                            {crate::ui::i18n::text(&n)}
                        </p>
                    }
                })}
            <StepHeading>{crate::t!("lookup-case-title")}</StepHeading>
            <dl class="facts">
                <dt>{crate::t!("lookup-case-number")}</dt>
                <dd>{status.number.clone()}</dd>
                <dt>{crate::t!("lookup-case-subject")}</dt>
                // What the citizen wrote, shown as written in every language.
                <dd translate="no" lang=typed_lang(&status.title)>
                    {status.title.clone()}
                </dd>
                <dt>{crate::t!("lookup-case-category")}</dt>
                <dd>{category_label(&status.category)}</dd>
                <dt>{crate::t!("lookup-case-status")}</dt>
                <dd>
                    <strong>
                        {crate::domain::case::Status::parse(&status.status)
                            .map(|s| text(&s.label()))
                            .unwrap_or_default()}
                    </strong>
                </dd>
                <dt>{crate::t!("lookup-case-received")}</dt>
                <dd>{time(&status.received_at)}</dd>
                <dt>{crate::t!("lookup-case-unit")}</dt>
                <dd>{unit}</dd>
            </dl>
            <h2>{crate::t!("lookup-case-due-heading")}</h2>
            <ul>
                {status
                    .running_due
                    .clone()
                    .map(|d| {
                        view! {
                            <li id="running-due">
                                {sentence(
                                    crate::domain::msg!(
                                        "lookup-case-due-now", step = d.step_msg(), article = d.article_msg()
                                    ),
                                    vec![("date", view! { <strong>{due_date(d.date)}</strong> }.into_any())],
                                )}
                            </li>
                        }
                    })}
                <li>
                    {sentence(
                        crate::domain::msg!("lookup-case-due-register"),
                        vec![
                            (
                                "date",
                                view! { <strong>{due_date(status.due.register)}</strong> }.into_any(),
                            ),
                        ],
                    )}
                </li>
            </ul>
            <h2>{crate::t!("lookup-case-timeline-heading")}</h2>
            <ol class="timeline" id="timeline-list">
                {status
                    .timeline
                    .iter()
                    .map(|e| {
                        view! {
                            <li>
                                <span class="timeline-at">{time(&e.at)}</span>
                                " "
                                // Staff's own words in it are tagged as Chinese on English pages.
                                <span>{text(&e.message)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <h2>{crate::t!("lookup-case-replies-heading")}</h2>
            {if status.replies.is_empty() {
                view! { <p>{crate::t!("lookup-case-no-reply")}</p> }.into_any()
            } else {
                status
                    .replies
                    .iter()
                    .map(|r| {
                        view! {
                            <section class="reply">
                                <h3>{crate::t!("lookup-reply-heading", time = time(&r.at))}</h3>
                                <dl class="facts">
                                    <dt>{crate::t!("lookup-reply-request")}</dt>
                                    // The written reply exists in Chinese only (繁體 pages convert it).
                                    <dd lang="zh-Hans">{r.request.clone()}</dd>
                                    <dt>{crate::t!("lookup-reply-facts")}</dt>
                                    <dd lang="zh-Hans">{r.facts_and_reasons.clone()}</dd>
                                    <dt>{crate::t!("lookup-reply-opinion")}</dt>
                                    <dd lang="zh-Hans">{r.opinion.clone()}</dd>
                                    <dt>{crate::t!("lookup-reply-legal-basis")}</dt>
                                    <dd lang="zh-Hans">{r.legal_basis.clone()}</dd>
                                    <dt>{crate::t!("lookup-reply-outcome")}</dt>
                                    <dd>{text(&r.outcome_msg)}</dd>
                                </dl>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            {evaluate_form}
            {review_form}
            <Messages number=number.clone() code=code.clone() via />
            <ViaMine via />
        </div>
    }
}

/// A legal-aid application's progress (法律援助法 第55条), and the form to supply material while
/// the agency asks for it.
#[component]
fn AidProgress(found: AidFound) -> impl IntoView {
    use crate::domain::legal_aid::AidStatus;
    let AidFound {
        status: s,
        code,
        notice,
        errors,
        values,
        via,
    } = found;
    let explanation = values
        .iter()
        .find(|(k, _)| k == "explanation")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let asking = s.status == AidStatus::MaterialRequested && !via.mine;
    let number = s.number.clone();
    let aid_title = crate::t!("lookup-aid-title", number = s.number.clone());
    view! {
        <PageTitle text=form_title(&aid_title, &errors) />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            <StepHeading>{aid_title.clone()}</StepHeading>
            {notice
                .map(|n| {
                    view! {
                        <p class="notice" id="lookup-notice" role="status">
                            {crate::ui::i18n::text(&n)}
                        </p>
                    }
                })}
            <dl class="facts">
                <dt>{crate::t!("lookup-aid-status")}</dt>
                <dd id="aid-status">{text(&s.status.label())}</dd>
                <dt>{crate::t!("lookup-aid-matter")}</dt>
                <dd>{text(&s.matter.label())}</dd>
                <dt>{crate::t!("lookup-aid-received")}</dt>
                <dd>{time(&s.received_at)}</dd>
                {s
                    .due
                    .clone()
                    .map(|d| {
                        view! {
                            <dt>{crate::t!("lookup-aid-due")}</dt>
                            <dd id="aid-due">
                                {crate::t!(
                                    "lookup-aid-due-by", step = d.step_msg(), date = due_date(d.date), article = d.article_msg()
                                )}
                            </dd>
                        }
                    })}
                {s
                    .answer_by
                    .map(|d| {
                        view! {
                            <dt>{crate::t!("lookup-aid-answer-by")}</dt>
                            <dd id="answer-by">{crate::t!("lookup-aid-answer-by-date", date = due_date(d))}</dd>
                        }
                    })}
            </dl>
            <h2>{crate::t!("lookup-aid-timeline-heading")}</h2>
            <ol class="timeline" id="timeline-list">
                {s
                    .timeline
                    .iter()
                    .map(|e| view! { <li>{time(&e.at)} " " {text(&e.message)}</li> })
                    .collect_view()}
            </ol>
            {asking
                .then(|| {
                    view! {
                        <h2>{crate::t!("lookup-material-heading")}</h2>
                        <form method="post" action="/lookup/legal-aid-material" novalidate id="material">
                            <input type="hidden" name="number" value=number.clone() />
                            <input type="hidden" name="code" value=code.clone() />
                            <TextArea
                                id="explanation"
                                label=crate::t!("lookup-material-explanation-label")
                                hint=Some(crate::t!("lookup-material-explanation-hint"))
                                rows=4
                                value=explanation.clone()
                                error=error_for(&errors, "explanation")
                            />
                            <button type="submit" class="button">
                                {crate::t!("lookup-material-submit")}
                            </button>
                        </form>
                    }
                })}
            <Messages number=number.clone() code=code.clone() via />
            <p>{crate::t!("lookup-aid-complaint")}</p>
            <ViaMine via />
        </div>
    }
}

/// The messages the citizen chose for the matter: a button to stop them while they are sent.
#[component]
fn Messages(number: String, code: String, via: Via) -> impl IntoView {
    via.messages.map(|on| {
        if on {
            let action = if via.mine {
                "/mine/stop"
            } else {
                "/lookup/stop-messages"
            };
            view! {
                <form method="post" action=action class="case-action" id="messages">
                    <h2>{crate::t!("lookup-messages-heading")}</h2>
                    <p>{crate::t!("lookup-messages-on")}</p>
                    <input type="hidden" name="number" value=number />
                    {(!via.mine).then(|| view! { <input type="hidden" name="code" value=code /> })}
                    <button type="submit" class="button secondary">
                        {crate::t!("lookup-messages-stop")}
                    </button>
                </form>
            }
            .into_any()
        } else {
            view! {
                <section class="case-action" id="messages">
                    <h2>{crate::t!("lookup-messages-heading")}</h2>
                    <p>{crate::t!("lookup-messages-off")}</p>
                </section>
            }
            .into_any()
        }
    })
}

/// Where the citizen goes from here: back to 我的事项 (with why some forms are not offered), or
/// another lookup.
#[component]
fn ViaMine(via: Via) -> impl IntoView {
    if via.mine {
        view! {
            <p class="note">{crate::t!("lookup-via-mine")}</p>
            <p>
                <a href="/mine">{crate::t!("lookup-back-to-mine")}</a>
            </p>
        }
        .into_any()
    } else {
        view! {
            <p>
                <a href="/lookup">{crate::t!("lookup-case-another")}</a>
            </p>
        }
        .into_any()
    }
}
