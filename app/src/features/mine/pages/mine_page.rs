//! The pages of 我的事项: the mobile, the code, the list. All plain forms (JS off alike).

use crate::domain::case::Status;
use crate::domain::message::Msg;
use crate::domain::notify::{CODE_MINUTES, SESSION_MINUTES};
use crate::features::mine::view::MineList;
use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, TextField, error_for, form_title, typed_lang};
use crate::ui::i18n::{due_date, text};
use leptos::prelude::*;

/// What the server hands the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MineOutcome {
    /// The mobile form, with a problem or a notice (signed out, the session over).
    Ask {
        mobile: String,
        errors: Vec<FieldError>,
        notice: Option<Msg>,
    },
    /// The code form, after a code was (or was not: the page is the same) sent.
    Sent {
        mobile: String,
        errors: Vec<FieldError>,
    },
    List(Box<MineList>),
}

#[component]
pub fn MinePage() -> impl IntoView {
    match use_context::<MineOutcome>() {
        Some(MineOutcome::Sent { mobile, errors }) => {
            view! { <CodeForm mobile errors /> }.into_any()
        }
        Some(MineOutcome::List(list)) => view! { <Matters list=*list /> }.into_any(),
        Some(MineOutcome::Ask {
            mobile,
            errors,
            notice,
        }) => view! { <MobileForm mobile errors notice /> }.into_any(),
        None => {
            view! { <MobileForm mobile=String::new() errors=Vec::new() notice=None /> }.into_any()
        }
    }
}

fn notice_view(notice: Option<Msg>) -> impl IntoView {
    notice.map(|n| {
        view! {
            <p class="notice" role="status" id="mine-notice">
                {text(&n)}
            </p>
        }
    })
}

#[component]
fn MobileForm(mobile: String, errors: Vec<FieldError>, notice: Option<Msg>) -> impl IntoView {
    let title = form_title(&crate::t!("mine-title"), &errors);
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            {notice_view(notice)}
            <h1>{crate::t!("mine-title")}</h1>
            <p>{crate::t!("mine-intro")}</p>
            <form method="post" action="/mine/code" novalidate>
                <TextField
                    id="mobile"
                    label=crate::t!("mine-mobile-label")
                    hint=Some(crate::t!("mine-mobile-hint"))
                    kind="tel"
                    autocomplete=Some("tel")
                    inputmode=Some("numeric")
                    value=mobile
                    error=error_for(&errors, "mobile")
                />
                <button type="submit" class="button">
                    {crate::t!("mine-send-code")}
                </button>
            </form>
        </div>
    }
}

#[component]
fn CodeForm(mobile: String, errors: Vec<FieldError>) -> impl IntoView {
    let title = form_title(&crate::t!("mine-sent-title"), &errors);
    let shown = crate::domain::person::mobile::Mobile::parse(&mobile)
        .map(|m| m.masked())
        .unwrap_or_else(|_| mobile.clone());
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            <h1>{crate::t!("mine-sent-title")}</h1>
            <p role="status" id="mine-sent">
                {crate::t!("mine-sent-text", mobile = shown, minutes = CODE_MINUTES)}
            </p>
            <form method="post" action="/mine/verify" novalidate>
                <input type="hidden" name="mobile" value=mobile.clone() />
                <TextField
                    id="code"
                    label=crate::t!("mine-code-label")
                    hint=Some(crate::t!("mine-code-hint"))
                    autocomplete=Some("one-time-code")
                    inputmode=Some("numeric")
                    error=error_for(&errors, "code")
                />
                <button type="submit" class="button">
                    {crate::t!("mine-verify")}
                </button>
            </form>
            <p class="note">{crate::t!("mine-sent-none")}</p>
            <form method="post" action="/mine/code" class="buttons">
                <input type="hidden" name="mobile" value=mobile />
                <button type="submit" class="button secondary">
                    {crate::t!("mine-send-again")}
                </button>
            </form>
            <p>
                <a href="/mine">{crate::t!("mine-another-number")}</a>
            </p>
        </div>
    }
}

/// One matter in the list: its number, what it is about, its status and next deadline, and
/// what can be done.
fn matter_item(
    number: String,
    subject: impl IntoView + 'static,
    status: String,
    due: Option<chrono::NaiveDate>,
) -> impl IntoView {
    let open = format!("/mine/matter?number={number}");
    view! {
        <li class="matter">
            <dl class="facts">
                <dt>{crate::t!("mine-th-number")}</dt>
                <dd>{number.clone()}</dd>
                <dt>{crate::t!("mine-th-subject")}</dt>
                <dd>{subject}</dd>
                <dt>{crate::t!("mine-th-status")}</dt>
                <dd>
                    <strong>{status}</strong>
                </dd>
                <dt>{crate::t!("mine-th-due")}</dt>
                <dd>{due.map(due_date).unwrap_or_else(|| crate::t!("mine-no-due"))}</dd>
            </dl>
            <p>
                <a href=open>
                    {crate::t!("mine-open")}
                    <span class="visually-hidden">" "{number.clone()}</span>
                </a>
            </p>
            <form method="post" action="/mine/new-code">
                <input type="hidden" name="number" value=number.clone() />
                <button type="submit" class="button secondary">
                    {crate::t!("mine-new-code")}
                    <span class="visually-hidden">" "{number}</span>
                </button>
            </form>
        </li>
    }
}

#[component]
fn Matters(list: MineList) -> impl IntoView {
    let MineList {
        mobile,
        petitions,
        applications,
        notice,
    } = list;
    let none = petitions.is_empty() && applications.is_empty();
    let petitions = (!petitions.is_empty()).then(|| {
        let items = petitions
            .into_iter()
            .map(|p| {
                let status = Status::parse(&p.status)
                    .map(|s| text(&s.label()))
                    .unwrap_or_default();
                let subject = view! { <span lang=typed_lang(&p.title) translate="no">{p.title.clone()}</span> };
                matter_item(
                    p.number.clone(),
                    subject,
                    status,
                    p.running_due.map(|d| d.date),
                )
            })
            .collect_view();
        view! {
            <h2>{crate::t!("mine-petitions-heading")}</h2>
            <ul class="matters" id="mine-petitions">
                {items}
            </ul>
        }
    });
    let applications = (!applications.is_empty()).then(|| {
        let items = applications
            .into_iter()
            .map(|a| {
                let subject = text(&a.matter.label());
                matter_item(
                    a.number.clone(),
                    subject,
                    text(&a.status.label()),
                    a.due.map(|d| d.date),
                )
            })
            .collect_view();
        view! {
            <h2>{crate::t!("mine-aid-heading")}</h2>
            <ul class="matters" id="mine-applications">
                {items}
            </ul>
        }
    });
    view! {
        <PageTitle text=crate::t!("mine-title") />
        <div class="wrap">
            {notice_view(notice)}
            <h1>{crate::t!("mine-title")}</h1>
            <p>{crate::t!("mine-list-for", mobile = mobile, minutes = SESSION_MINUTES)}</p>
            {none.then(|| view! { <p id="mine-none">{crate::t!("mine-none")}</p> })}
            {petitions}
            {applications}
            {(!none).then(|| view! { <p class="note">{crate::t!("mine-new-code-note")}</p> })}
            <form method="post" action="/mine/sign-out">
                <button type="submit" class="button secondary">
                    {crate::t!("mine-sign-out")}
                </button>
            </form>
        </div>
    }
}
