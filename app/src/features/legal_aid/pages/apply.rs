//! The application (第38–41条): one question per page, as the petition asks (who applies, the
//! applicant, the agent if any, the matter, the basis, the statement of hardship, files), then a
//! check page, then the receipt with the decision date (第43条). Plain forms that post to
//! `POST /legal-aid/apply` (multipart on the files page); each page carries the answers so far
//! in hidden fields, and nothing is stored before the applicant sends it.

use crate::domain::legal_aid::{Basis, Matter};
use crate::features::legal_aid::form::{ApplyValues, Page};
use crate::features::legal_aid::view::AidReceipt;
use crate::features::notify::pages::{NotifyChoice, choice_text};
use crate::features::petition::pages::{FileInfo, FileUploads, PersonFields};
use crate::ui::PageTitle;
use crate::ui::answers::{Answer, Answers};
use crate::ui::form::StepHeading;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, HiddenFields, Radios, SelectField, TextArea, TextField,
    error_for, form_title,
};
use crate::ui::i18n::text;
use leptos::prelude::*;

/// What the server decided to show after a page was posted.
#[derive(Clone, Debug, PartialEq)]
pub enum ApplyView {
    /// A page of the form, or the check page.
    Page {
        page: Page,
        values: Box<ApplyValues>,
        errors: Vec<FieldError>,
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
        Some(ApplyView::Page {
            page,
            values,
            errors,
            files,
        }) => view! { <ApplyStep page values=*values errors files /> }.into_any(),
        Some(ApplyView::Done(r)) => view! { <Done receipt=r.receipt again=r.again /> }.into_any(),
        Some(ApplyView::NoReceipt) => view! { <NoReceipt /> }.into_any(),
        None => view! {
            <ApplyStep
                page=Page::Who
                values=ApplyValues::default()
                errors=Vec::new()
                files=Vec::new()
            />
        }
        .into_any(),
    }
}

/// The question a page asks: its heading, and its title with the service's name.
fn question(page: Page, values: &ApplyValues) -> String {
    match page {
        Page::Who => crate::t!("legal-aid-apply-title"),
        Page::Applicant => crate::t!("legal-aid-apply-applicant-heading"),
        Page::Agent => crate::t!("legal-aid-apply-agent-heading"),
        Page::Notify => crate::t!("notify-heading"),
        Page::Matter => crate::t!("legal-aid-apply-matter-heading"),
        Page::Basis => crate::t!("legal-aid-apply-basis-legend"),
        Page::Statement => match values.basis() {
            Basis::Exempt => crate::t!("legal-aid-apply-exempt-heading"),
            _ => crate::t!("legal-aid-apply-hardship-heading"),
        },
        Page::Files => crate::t!("legal-aid-apply-files-heading"),
        Page::Check => crate::t!("legal-aid-apply-check-heading"),
    }
}

/// One page of the form: its question, the answers so far as hidden fields, 继续 and 返回.
#[component]
fn ApplyStep(
    page: Page,
    values: ApplyValues,
    errors: Vec<FieldError>,
    files: Vec<FileInfo>,
) -> impl IntoView {
    let heading = question(page, &values);
    // The first page is the application's own (its heading says what it is, an introduction
    // and the first question follow); the others say the question and then the service.
    let title = if page == Page::Who {
        form_title(&heading, &errors)
    } else {
        form_title(
            &crate::t!("legal-aid-apply-page-title", question = heading.clone()),
            &errors,
        )
    };
    let hidden = values.hidden_except(page);
    let previous = page.previous(&values).map(|p| format!("goto:{}", p.code()));
    let enctype = (page == Page::Files).then_some("multipart/form-data");
    let leads_to_check = values.checking || page.next(&values) == Page::Check;
    let (label, action) = match page {
        Page::Check => (crate::t!("legal-aid-apply-check-submit"), "submit"),
        _ if leads_to_check => (crate::t!("legal-aid-apply-continue"), "continue"),
        _ => (crate::t!("legal-aid-apply-next"), "continue"),
    };
    let body = match page {
        Page::Who => who(heading, &values, &errors).into_any(),
        Page::Applicant => view! {
            <StepHeading>{heading}</StepHeading>
            <PersonFields
                name=values.name.clone()
                id_number=values.id_number.clone()
                mobile=values.mobile.clone()
                address=values.address.clone()
                district=values.district.clone()
                errors=errors.clone()
            />
        }
        .into_any(),
        Page::Notify => view! {
            <NotifyChoice
                sms=values.sms
                email=values.email.clone()
                errors=errors.clone()
                own_page=true
            />
        }
        .into_any(),
        Page::Agent => agent(heading, &values, &errors).into_any(),
        Page::Matter => matter(heading, &values, &errors).into_any(),
        Page::Basis => view! {
            <Radios
                name="basis"
                legend=heading
                choices=Basis::ALL
                    .iter()
                    .map(|b| Choice::plain(b.code(), text(&b.label())))
                    .collect()
                value=values.basis().code().to_owned()
                error=error_for(&errors, "basis")
            />
        }
        .into_any(),
        Page::Statement => statement(heading, &values, &errors).into_any(),
        Page::Files => view! {
            <StepHeading>{heading}</StepHeading>
            <p>{crate::t!("legal-aid-apply-files-text")}</p>
            <FileUploads errors=errors.clone() files=files.clone() />
        }
        .into_any(),
        Page::Check => check(heading, &values, &errors, &files).into_any(),
    };
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            <form
                id="apply-form"
                method="post"
                action="/legal-aid/apply"
                enctype=enctype
                novalidate
                data-page=page.code()
            >
                // The form's default button (the one Enter in a text field presses) must be
                // 继续, not a file's 删除 button or 修改 on the check page.
                <button type="submit" name="action" value=action hidden tabindex="-1"></button>
                <input type="hidden" name="page" value=page.code() />
                <HiddenFields fields=hidden />
                {body}
                <div class="buttons">
                    <button type="submit" class="button" name="action" value=action id="send">
                        {label}
                    </button>
                    {previous
                        .map(|previous| {
                            view! {
                                <button
                                    type="submit"
                                    class="button secondary"
                                    name="action"
                                    value=previous
                                >
                                    {crate::t!("legal-aid-apply-back")}
                                </button>
                            }
                        })}
                </div>
            </form>
        </div>
    }
}

fn who(heading: String, values: &ApplyValues, errors: &[FieldError]) -> impl IntoView {
    let choices = vec![
        Choice::plain("self", crate::t!("legal-aid-apply-who-self")),
        Choice::plain("agent", crate::t!("legal-aid-apply-who-agent")),
    ];
    view! {
        <StepHeading>{heading}</StepHeading>
        <p>{crate::t!("legal-aid-apply-intro")}</p>
        <Radios
            name="who"
            legend=crate::t!("legal-aid-apply-who-legend")
            hint=Some(crate::t!("legal-aid-apply-who-hint"))
            choices
            value=values.who.clone()
            error=error_for(errors, "who")
            not_the_heading=true
        />
    }
}

fn agent(heading: String, v: &ApplyValues, errors: &[FieldError]) -> impl IntoView {
    view! {
        <StepHeading>{heading}</StepHeading>
        <p>{crate::t!("legal-aid-apply-agent-intro")}</p>
        <TextField
            id="agent_name"
            label=crate::t!("legal-aid-apply-agent-name")
            autocomplete=Some("off")
            value=v.agent_name.clone()
            error=error_for(errors, "agent_name")
        />
        <TextField
            id="agent_id_number"
            label=crate::t!("legal-aid-apply-agent-id-number")
            autocomplete=Some("off")
            value=v.agent_id_number.clone()
            error=error_for(errors, "agent_id_number")
        />
        <TextField
            id="agent_mobile"
            label=crate::t!("legal-aid-apply-agent-mobile")
            kind="tel"
            inputmode=Some("numeric")
            value=v.agent_mobile.clone()
            error=error_for(errors, "agent_mobile")
        />
        <TextField
            id="agent_relation"
            label=crate::t!("legal-aid-apply-agent-relation")
            hint=Some(crate::t!("legal-aid-apply-agent-relation-hint"))
            value=v.agent_relation.clone()
            error=error_for(errors, "agent_relation")
        />
    }
}

fn matter(heading: String, v: &ApplyValues, errors: &[FieldError]) -> impl IntoView {
    let matters: Vec<(String, String)> = Matter::ALL
        .iter()
        .map(|m| (m.code().to_owned(), text(&m.label())))
        .collect();
    view! {
        <StepHeading>{heading}</StepHeading>
        <SelectField
            id="matter"
            label=crate::t!("legal-aid-apply-matter")
            placeholder=crate::t!("legal-aid-apply-matter-placeholder")
            options=matters
            value=v.matter.clone()
            error=error_for(errors, "matter")
        />
        <TextField
            id="other_party"
            label=crate::t!("legal-aid-apply-other-party")
            hint=Some(crate::t!("legal-aid-apply-other-party-hint"))
            value=v.other_party.clone()
            error=error_for(errors, "other_party")
        />
        <TextArea
            id="description"
            label=crate::t!("legal-aid-apply-description")
            hint=Some(crate::t!("legal-aid-apply-description-hint"))
            rows=6
            value=v.description.clone()
            error=error_for(errors, "description")
        />
    }
}

/// The statement of hardship and its pledge (第41条), or which 第42条 group the applicant is in.
fn statement(heading: String, v: &ApplyValues, errors: &[FieldError]) -> impl IntoView {
    let exempt = v.basis() == Basis::Exempt;
    let (label, hint) = if exempt {
        (
            crate::t!("legal-aid-apply-exempt-statement"),
            crate::t!("legal-aid-apply-exempt-statement-hint"),
        )
    } else {
        (
            crate::t!("legal-aid-apply-hardship-statement"),
            crate::t!("legal-aid-apply-hardship-statement-hint"),
        )
    };
    let pledge_error = error_for(errors, "pledge");
    let class = if pledge_error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    let pledge = (!exempt).then(|| {
        view! {
            <div class=class>
                {pledge_error
                    .map(|m| view! { <p class="field-message" id="pledge-error">{m}</p> })}
                <div class="checkbox">
                    <input type="checkbox" id="pledge" name="pledge" value="yes" checked=v.pledge />
                    <label for="pledge">{crate::t!("legal-aid-apply-pledge")}</label>
                </div>
            </div>
        }
    });
    view! {
        <StepHeading>{heading}</StepHeading>
        <TextArea
            id="hardship_statement"
            label
            hint=Some(hint)
            rows=4
            value=v.hardship_statement.clone()
            error=error_for(errors, "hardship_statement")
        />
        {pledge}
    }
}

fn check(
    heading: String,
    values: &ApplyValues,
    errors: &[FieldError],
    files: &[FileInfo],
) -> impl IntoView {
    let basis = values.basis();
    let matter = Matter::parse(&values.matter)
        .map(|m| text(&m.label()))
        .unwrap_or_default();
    let optional = |s: &str| {
        if s.trim().is_empty() {
            (crate::t!("legal-aid-apply-check-not-given"), false)
        } else {
            (s.to_owned(), true)
        }
    };
    let (other_party, other_typed) = optional(&values.other_party);
    // (label, value, the page that asks it, typed by the applicant: shown as typed in every
    // language)
    let mut rows: Vec<(String, String, Page, bool)> = vec![(
        crate::t!("legal-aid-apply-check-who"),
        if values.by_agent() {
            crate::t!("legal-aid-apply-check-who-agent")
        } else {
            crate::t!("legal-aid-apply-check-who-self")
        },
        Page::Who,
        false,
    )];
    let applicant = [
        (crate::t!("legal-aid-apply-check-name"), &values.name),
        (
            crate::t!("legal-aid-apply-check-id-number"),
            &values.id_number,
        ),
        (crate::t!("legal-aid-apply-check-mobile"), &values.mobile),
        (crate::t!("legal-aid-apply-check-address"), &values.address),
    ];
    rows.extend(
        applicant
            .into_iter()
            .map(|(label, value)| (label, value.clone(), Page::Applicant, true)),
    );
    if values.by_agent() {
        rows.push((
            crate::t!("legal-aid-apply-check-agent"),
            crate::t!(
                "legal-aid-apply-check-agent-value",
                name = &values.agent_name,
                relation = &values.agent_relation,
                mobile = &values.agent_mobile,
            ),
            Page::Agent,
            true,
        ));
    }
    rows.extend([
        (
            crate::t!("legal-aid-apply-check-matter"),
            matter,
            Page::Matter,
            false,
        ),
        (
            crate::t!("legal-aid-apply-check-other-party"),
            other_party,
            Page::Matter,
            other_typed,
        ),
        (
            crate::t!("legal-aid-apply-check-description"),
            values.description.clone(),
            Page::Matter,
            true,
        ),
        (
            crate::t!("legal-aid-apply-check-hardship"),
            text(&basis.label()),
            Page::Basis,
            false,
        ),
    ]);
    // The statement and its pledge are asked only of who applies for hardship (第41条), and
    // which group of who is exempt (第42条); under 第32条 neither.
    match basis {
        Basis::Hardship => rows.extend([
            (
                crate::t!("legal-aid-apply-check-hardship-statement"),
                values.hardship_statement.clone(),
                Page::Statement,
                true,
            ),
            (
                crate::t!("legal-aid-apply-check-pledge"),
                crate::t!("legal-aid-apply-check-pledge-made"),
                Page::Statement,
                false,
            ),
        ]),
        Basis::Exempt => rows.push((
            crate::t!("legal-aid-apply-exempt-statement"),
            values.hardship_statement.clone(),
            Page::Statement,
            true,
        )),
        Basis::NoTest => {}
    }
    rows.push((
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
        Page::Files,
        !files.is_empty(),
    ));
    rows.push((
        crate::t!("notify-check-label"),
        choice_text(values.sms, &values.email),
        Page::Notify,
        false,
    ));
    let refused = error_for(errors, crate::features::legal_aid::form::SEND);
    view! {
        <StepHeading>{heading}</StepHeading>
        {refused.map(|m| view! { <p class="field-message">{m}</p> })}
        <Answers
            id="check-answers"
            answers=rows
                .into_iter()
                .map(|(label, value, page, typed)| Answer {
                    id: None,
                    label,
                    value,
                    change: format!("goto:{}", page.code()),
                    typed,
                    error: None,
                })
                .collect()
        />
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
