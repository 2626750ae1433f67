//! The application (第38–41条): one form in sections, then a check page, then the receipt with
//! the decision date (第43条). Plain forms that post to `POST /legal-aid/apply` (multipart, for
//! files); nothing is stored before the applicant sends it.

use crate::domain::legal_aid::{Basis, Matter};
use crate::features::legal_aid::form::ApplyValues;
use crate::features::legal_aid::view::AidReceipt;
use crate::features::petition::pages::{FileInfo, FileUploads, PersonFields};
use crate::ui::PageTitle;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, HiddenFields, Radios, SelectField, TextArea, TextField,
    error_for, form_title,
};
use crate::ui::form::{StepHeading, typed_lang};
use crate::ui::i18n::text;
use leptos::prelude::*;

/// What the server decided to show after the form was posted.
#[derive(Clone, Debug, PartialEq)]
pub enum ApplyView {
    Form {
        values: ApplyValues,
        errors: Vec<FieldError>,
        files: Vec<FileInfo>,
    },
    Check {
        values: ApplyValues,
        files: Vec<FileInfo>,
    },
    Done(LegalAidReceipt),
    /// `/legal-aid/receipt` without a filing of this browser's.
    NoReceipt,
}

/// The receipt page's facts.
#[derive(Clone, Debug, PartialEq)]
pub struct LegalAidReceipt {
    /// Its `query_code` is empty when the receipt no longer shows it.
    pub receipt: AidReceipt,
    /// The form was sent again: this is the first filing's receipt.
    pub again: bool,
}

/// `/legal-aid/apply`.
#[component]
pub fn ApplyPage() -> impl IntoView {
    match use_context::<ApplyView>() {
        Some(ApplyView::Form {
            values,
            errors,
            files,
        }) => view! { <ApplyForm values errors files /> }.into_any(),
        Some(ApplyView::Check { values, files }) => {
            view! { <CheckAnswers values files /> }.into_any()
        }
        Some(ApplyView::Done(r)) => view! { <Done receipt=r.receipt again=r.again /> }.into_any(),
        Some(ApplyView::NoReceipt) => view! { <NoReceipt /> }.into_any(),
        None => view! {
            <ApplyForm values=ApplyValues::default() errors=Vec::new() files=Vec::new() />
        }
        .into_any(),
    }
}

#[component]
fn ApplyForm(values: ApplyValues, errors: Vec<FieldError>, files: Vec<FileInfo>) -> impl IntoView {
    let matters: Vec<(String, String)> = Matter::ALL
        .iter()
        .map(|m| (m.code().to_owned(), text(&m.label())))
        .collect();
    let who = vec![
        Choice::plain("self", crate::t!("legal-aid-apply-who-self")),
        Choice::plain("agent", crate::t!("legal-aid-apply-who-agent")),
    ];
    let v = values.clone();
    let agent_open = v.who == "agent"
        || [
            &v.agent_name,
            &v.agent_id_number,
            &v.agent_mobile,
            &v.agent_relation,
        ]
        .iter()
        .any(|f| !f.is_empty())
        || errors.iter().any(|e| e.field.starts_with("agent_"));
    let kept: Vec<(&'static str, String)> = values
        .attachments
        .iter()
        .map(|t| ("attachment", t.clone()))
        .chain((!values.once.is_empty()).then(|| ("once", values.once.clone())))
        .collect();
    view! {
        <PageTitle text=form_title(&crate::t!("legal-aid-apply-title"), &errors) />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            <h1>{crate::t!("legal-aid-apply-title")}</h1>
            <p>{crate::t!("legal-aid-apply-intro")}</p>
            <form
                id="apply-form"
                method="post"
                action="/legal-aid/apply"
                enctype="multipart/form-data"
                novalidate
            >
                // The form's default button (the one Enter in a text field presses) must be
                // "continue", not the first file's 删除 button further down.
                <button type="submit" name="action" value="check" hidden></button>
                <HiddenFields fields=kept />
                <Radios
                    name="who"
                    legend=crate::t!("legal-aid-apply-who-legend")
                    hint=Some(crate::t!("legal-aid-apply-who-hint"))
                    choices=who
                    value=v.who.clone()
                    error=error_for(&errors, "who")
                    not_the_heading=true
                />
                <h2>{crate::t!("legal-aid-apply-applicant-heading")}</h2>
                <PersonFields
                    name=v.name.clone()
                    id_number=v.id_number.clone()
                    mobile=v.mobile.clone()
                    address=v.address.clone()
                    district=v.district.clone()
                    errors=errors.clone()
                />
                // Asked only of who applies for someone else (第40条): folded away otherwise,
                // which works without JavaScript.
                <details class="agent-fields" id="agent-fields" open=agent_open>
                <summary>{crate::t!("legal-aid-apply-agent-heading")}</summary>
                <TextField
                    id="agent_name"
                    label=crate::t!("legal-aid-apply-agent-name")
                    autocomplete=Some("off")
                    value=v.agent_name.clone()
                    error=error_for(&errors, "agent_name")
                />
                <TextField
                    id="agent_id_number"
                    label=crate::t!("legal-aid-apply-agent-id-number")
                    autocomplete=Some("off")
                    value=v.agent_id_number.clone()
                    error=error_for(&errors, "agent_id_number")
                />
                <TextField
                    id="agent_mobile"
                    label=crate::t!("legal-aid-apply-agent-mobile")
                    kind="tel"
                    inputmode=Some("numeric")
                    value=v.agent_mobile.clone()
                    error=error_for(&errors, "agent_mobile")
                />
                <TextField
                    id="agent_relation"
                    label=crate::t!("legal-aid-apply-agent-relation")
                    hint=Some(crate::t!("legal-aid-apply-agent-relation-hint"))
                    value=v.agent_relation.clone()
                    error=error_for(&errors, "agent_relation")
                />
                </details>
                <h2>{crate::t!("legal-aid-apply-matter-heading")}</h2>
                <SelectField
                    id="matter"
                    label=crate::t!("legal-aid-apply-matter")
                    placeholder=crate::t!("legal-aid-apply-matter-placeholder")
                    options=matters
                    value=v.matter.clone()
                    error=error_for(&errors, "matter")
                />
                <TextField
                    id="other_party"
                    label=crate::t!("legal-aid-apply-other-party")
                    hint=Some(crate::t!("legal-aid-apply-other-party-hint"))
                    value=v.other_party.clone()
                    error=error_for(&errors, "other_party")
                />
                <TextArea
                    id="description"
                    label=crate::t!("legal-aid-apply-description")
                    hint=Some(crate::t!("legal-aid-apply-description-hint"))
                    rows=6
                    value=v.description.clone()
                    error=error_for(&errors, "description")
                />
                <h2>{crate::t!("legal-aid-apply-hardship-heading")}</h2>
                <Radios
                    name="basis"
                    legend=crate::t!("legal-aid-apply-basis-legend")
                    choices=Basis::ALL.iter().map(|b| Choice::plain(b.code(), text(&b.label()))).collect()
                    value=if v.basis.is_empty() { "hardship".to_owned() } else { v.basis.clone() }
                    error=error_for(&errors, "basis")
                    not_the_heading=true
                />
                <TextArea
                    id="hardship_statement"
                    label=crate::t!("legal-aid-apply-hardship-statement")
                    hint=Some(crate::t!("legal-aid-apply-hardship-statement-hint"))
                    rows=4
                    value=v.hardship_statement.clone()
                    error=error_for(&errors, "hardship_statement")
                />
                <div class=if error_for(&errors, "pledge").is_some() {
                    "field field-error"
                } else {
                    "field"
                }>
                    {error_for(&errors, "pledge")
                        .map(|m| view! { <p class="field-message" id="pledge-error">{m}</p> })}
                    <div class="checkbox">
                        <input type="checkbox" id="pledge" name="pledge" value="yes" checked=v.pledge />
                        <label for="pledge">{crate::t!("legal-aid-apply-pledge")}</label>
                    </div>
                </div>
                <h2>{crate::t!("legal-aid-apply-files-heading")}</h2>
                <p>{crate::t!("legal-aid-apply-files-text")}</p>
                <FileUploads errors=errors.clone() files />
                <button type="submit" class="button" name="action" value="check">
                    {crate::t!("legal-aid-apply-continue")}
                </button>
            </form>
        </div>
    }
}

#[component]
fn CheckAnswers(values: ApplyValues, files: Vec<FileInfo>) -> impl IntoView {
    let hardship_basis = Basis::parse(&values.basis).is_none_or(|b| b == Basis::Hardship);
    let matter = Matter::parse(&values.matter)
        .map(|m| text(&m.label()))
        .unwrap_or_default();
    // (label, value, typed by the applicant: shown as typed in every language)
    let rows: Vec<(String, String, bool)> = [
        (
            crate::t!("legal-aid-apply-check-who"),
            if values.by_agent() {
                crate::t!("legal-aid-apply-check-who-agent")
            } else {
                crate::t!("legal-aid-apply-check-who-self")
            },
            false,
        ),
        (
            crate::t!("legal-aid-apply-check-name"),
            values.name.clone(),
            true,
        ),
        (
            crate::t!("legal-aid-apply-check-id-number"),
            values.id_number.clone(),
            true,
        ),
        (
            crate::t!("legal-aid-apply-check-mobile"),
            values.mobile.clone(),
            true,
        ),
        (
            crate::t!("legal-aid-apply-check-address"),
            values.address.clone(),
            true,
        ),
        (crate::t!("legal-aid-apply-check-matter"), matter, false),
        (
            crate::t!("legal-aid-apply-check-other-party"),
            values.other_party.clone(),
            true,
        ),
        (
            crate::t!("legal-aid-apply-check-description"),
            values.description.clone(),
            true,
        ),
        (
            crate::t!("legal-aid-apply-check-hardship"),
            text(
                &Basis::parse(&values.basis)
                    .unwrap_or(Basis::Hardship)
                    .label(),
            ),
            false,
        ),
        (
            crate::t!("legal-aid-apply-check-hardship-statement"),
            values.hardship_statement.clone(),
            true,
        ),
        (
            crate::t!("legal-aid-apply-check-pledge"),
            if values.pledge {
                crate::t!("legal-aid-apply-check-pledge-made")
            } else {
                crate::t!("legal-aid-apply-check-pledge-not-made")
            },
            false,
        ),
        (
            crate::t!("legal-aid-apply-check-files"),
            if files.is_empty() {
                crate::t!("legal-aid-apply-check-files-none")
            } else {
                files
                    .iter()
                    .map(|f| f.name.clone())
                    .collect::<Vec<_>>()
                    .join(&crate::t!("legal-aid-apply-check-files-separator"))
            },
            !files.is_empty(),
        ),
    ]
    .into_iter()
    // The statement of hardship and its pledge are asked only of who applies for hardship
    // (第41条); under 第32条 or 第42条 the page does not list them as missing.
    .filter(|(k, _, _)| {
        hardship_basis
            || (*k != crate::t!("legal-aid-apply-check-hardship-statement")
                && *k != crate::t!("legal-aid-apply-check-pledge"))
    })
    .chain(values.by_agent().then(|| {
        (
            crate::t!("legal-aid-apply-check-agent"),
            crate::t!(
                "legal-aid-apply-check-agent-value",
                name = &values.agent_name,
                relation = &values.agent_relation,
                mobile = &values.agent_mobile,
            ),
            true,
        )
    }))
    .collect();
    let hidden = values.hidden();
    view! {
        <PageTitle text=crate::t!("legal-aid-apply-check-title") />
        <div class="wrap">
            <StepHeading>{crate::t!("legal-aid-apply-check-heading")}</StepHeading>
            <dl class="facts check-answers" id="check-answers">
                {rows
                    .into_iter()
                    .map(|(k, v, typed)| {
                        let keep = typed.then_some("no");
                        let lang = typed.then(|| typed_lang(&v)).flatten();
                        view! {
                            <dt>{k}</dt>
                            <dd class="pre" translate=keep lang=lang>
                                {v}
                            </dd>
                        }
                    })
                    .collect_view()}
            </dl>
            <form id="apply-form" method="post" action="/legal-aid/apply" novalidate>
                <input type="hidden" name="page" value="check" />
                <HiddenFields fields=hidden />
                <button type="submit" class="button secondary" name="action" value="edit">
                    {crate::t!("legal-aid-apply-check-change")}
                </button>
                " "
                <button type="submit" class="button" name="action" value="submit">
                    {crate::t!("legal-aid-apply-check-submit")}
                </button>
            </form>
        </div>
    }
}

#[component]
fn Done(receipt: AidReceipt, again: bool) -> impl IntoView {
    let show_code = !receipt.query_code.is_empty();
    view! {
        <PageTitle text=crate::t!("legal-aid-receipt-title") />
        <div class="wrap narrow receipt">
            {again
                .then(|| {
                    view! {
                        <p class="notice" id="filed-before">
                            {crate::t!("legal-aid-receipt-again")}
                        </p>
                    }
                })}
            <div class="panel" id="receipt" role="status">
                <StepHeading>{crate::t!("legal-aid-receipt-heading")}</StepHeading>
                <p class="panel-number">
                    {crate::t!("legal-aid-receipt-number")} <br />
                    <strong id="aid-number">{receipt.number.clone()}</strong>
                </p>
                {show_code
                    .then(|| {
                        view! {
                            <p class="panel-number">
                                {crate::t!("legal-aid-receipt-code")} <br />
                                <strong id="aid-code">{receipt.query_code.clone()}</strong>
                            </p>
                        }
                    })}
            </div>
            {if show_code {
                view! {
                    <p class="warning">
                        {crate::ui::i18n::sentence(
                            crate::domain::msg!("legal-aid-receipt-code-once"),
                            vec![
                                (
                                    "once",
                                    view! {
                                        <strong>
                                            {crate::t!("legal-aid-receipt-code-once-strong")}
                                        </strong>
                                    }
                                        .into_any(),
                                ),
                            ],
                        )}
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <p class="warning" id="code-not-shown">
                        {crate::t!("legal-aid-receipt-code-gone")}
                    </p>
                }
                    .into_any()
            }}
            <crate::ui::PrintButton />
            <h2>{crate::t!("legal-aid-receipt-next")}</h2>
            <ul>
                <li>
                    {crate::t!(
                        "legal-aid-receipt-received", time = crate::ui::i18n::time(&receipt.received_at)
                    )}
                </li>
                <li>
                    {crate::ui::i18n::sentence(
                        crate::domain::msg!("legal-aid-receipt-decision-due"),
                        vec![
                            (
                                "date",
                                view! {
                                    <strong id="decision-due">
                                        {crate::ui::i18n::due_date(receipt.decision_due)}
                                    </strong>
                                }
                                    .into_any(),
                            ),
                        ],
                    )}
                </li>
                <li>{crate::t!("legal-aid-receipt-missing")}</li>
                <li>{crate::t!("legal-aid-receipt-refusal")}</li>
            </ul>
            <p>
                <a href="/lookup">{crate::t!("legal-aid-receipt-lookup")}</a>
            </p>
        </div>
    }
}

/// `/legal-aid/receipt` with no application of this browser's to show.
#[component]
fn NoReceipt() -> impl IntoView {
    view! {
        <PageTitle text=crate::t!("legal-aid-no-receipt-title") />
        <div class="wrap narrow">
            <h1>{crate::t!("legal-aid-no-receipt-title")}</h1>
            <p>{crate::t!("legal-aid-no-receipt-body")}</p>
            <ul>
                <li>
                    <a href="/lookup">{crate::t!("legal-aid-receipt-lookup")}</a>
                </li>
                <li>
                    <a href="/legal-aid/apply">{crate::t!("legal-aid-no-receipt-new")}</a>
                </li>
            </ul>
        </div>
    }
}
