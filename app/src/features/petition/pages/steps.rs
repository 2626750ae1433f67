//! The question pages: category, route check, petitioner, matter, attachments, check answers.

use super::{FileInfo, config};
use crate::domain::petition::Route;
use crate::domain::petition::attachment::size_label;
use crate::domain::petition::category::Category;
use crate::features::notify::pages::{NotifyChoice, choice_text};
use crate::features::petition::draft_keeper::DraftKeeper;
use crate::features::petition::journey::{Draft, MAX_ATTACHMENTS, Step};
use crate::ui::PageTitle;
use crate::ui::answers::{Answer, Answers};
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, HiddenFields, Radios, SelectField, TextArea, TextField,
    error_for, form_title,
};
use crate::ui::form::{StepHeading, typed_lang};
use leptos::prelude::*;

/// The question a step asks (its heading and title), in the page's language.
pub fn step_title(step: Step, draft: &Draft) -> String {
    match step {
        Step::Start => crate::t!("petition-start-title"),
        Step::Category => crate::t!("petition-category-question"),
        Step::Route => match draft.category() {
            Some(Category::Report) => crate::t!("petition-route-question-report"),
            _ => crate::t!("petition-route-question"),
        },
        Step::Petitioner => crate::t!("petition-petitioner-heading"),
        Step::Matter => crate::t!("petition-matter-heading"),
        Step::Attachments => crate::t!("petition-attachments-heading"),
        Step::Check => crate::t!("petition-check-heading"),
    }
}

#[component]
pub fn StepPage(
    step: Step,
    draft: Draft,
    errors: Vec<FieldError>,
    files: Vec<FileInfo>,
) -> impl IntoView {
    let title = step_title(step, &draft);
    let page_title = form_title(&title, &errors);
    let hidden = draft.hidden_fields(step.fields());
    let previous = format!("goto:{}", step.previous(&draft).code());
    let enctype = (step == Step::Attachments).then_some("multipart/form-data");
    let body = match step {
        Step::Category => category(&draft, &errors).into_any(),
        Step::Route => route(&draft, &errors).into_any(),
        Step::Petitioner => petitioner(&draft, &errors).into_any(),
        Step::Matter => matter(&draft, &errors).into_any(),
        Step::Attachments => attachments(&errors, files).into_any(),
        Step::Check | Step::Start => check(&draft, &errors, files).into_any(),
    };
    let continue_label = if step == Step::Check {
        crate::t!("petition-step-submit")
    } else {
        crate::t!("petition-step-continue")
    };
    let continue_action = if step == Step::Check {
        "submit"
    } else {
        "continue"
    };
    view! {
        <PageTitle text=page_title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            <form
                id="journey"
                method="post"
                action="/petition"
                enctype=enctype
                novalidate
                data-step=step.code()
            >
                <input type="hidden" name="step" value=step.code() />
                <HiddenFields fields=hidden />
                {body}
                <div class="buttons">
                    <button type="submit" class="button" name="action" value=continue_action>
                        {continue_label}
                    </button>
                    <button type="submit" class="button secondary" name="action" value=previous>
                        {crate::t!("petition-step-back")}
                    </button>
                </div>
            </form>
            <DraftKeeper mode="step".to_owned() step=step.code().to_owned() />
        </div>
    }
}

fn category(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let choices = Category::ALL
        .into_iter()
        .map(|c| Choice {
            value: c.code(),
            label: crate::ui::i18n::text(&c.label()),
            hint: Some(category_hint(c)),
        })
        .collect();
    view! {
        <Radios
            name="category"
            legend=step_title(Step::Category, draft)
            hint=Some(crate::t!("petition-category-hint"))
            choices
            value=draft.category.clone()
            error=error_for(errors, "category")
        />
    }
}

/// What a category covers, in the page's language.
pub fn category_hint(c: Category) -> String {
    match c {
        Category::Suggestion => crate::t!("petition-category-suggestion-hint"),
        Category::Report => crate::t!("petition-category-report-hint"),
        Category::Appeal => crate::t!("petition-category-appeal-hint"),
    }
}

pub fn route_label(r: Route) -> String {
    match r {
        Route::Litigation => crate::t!("petition-route-litigation"),
        Route::Arbitration => crate::t!("petition-route-arbitration"),
        Route::PartyAppeal => crate::t!("petition-route-party"),
        Route::Administrative => crate::t!("petition-route-administrative"),
        Route::DutyToAct => crate::t!("petition-route-duty"),
        Route::Officials => crate::t!("petition-route-officials"),
        Route::Petition => crate::t!("petition-route-none"),
    }
}

/// The article behind a route, in the page's language (none for an ordinary petition).
pub fn route_hint(r: Route) -> Option<String> {
    Some(match r {
        Route::Litigation => crate::t!("petition-route-litigation-hint"),
        Route::Arbitration => crate::t!("petition-route-arbitration-hint"),
        Route::PartyAppeal => crate::t!("petition-route-party-hint"),
        Route::Administrative => crate::t!("petition-route-administrative-hint"),
        Route::DutyToAct => crate::t!("petition-route-duty-hint"),
        Route::Officials => crate::t!("petition-route-officials-hint"),
        Route::Petition => return None,
    })
}

fn route(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let category = draft.category().unwrap_or(Category::Appeal);
    let choices = Route::options(category)
        .iter()
        .map(|r| Choice {
            value: r.code(),
            label: route_label(*r),
            hint: route_hint(*r),
        })
        .collect();
    let hint = match category {
        Category::Report => crate::t!("petition-route-hint-report"),
        _ => crate::t!("petition-route-hint"),
    };
    view! {
        <Radios
            name="route"
            legend=step_title(Step::Route, draft)
            hint=Some(hint)
            choices
            value=draft.route.clone()
            error=error_for(errors, "route")
        />
    }
}

fn petitioner(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let report = draft.category() == Some(Category::Report);
    let heading = step_title(Step::Petitioner, draft);
    view! {
        <StepHeading>{heading}</StepHeading>
        <p>{crate::t!("petition-petitioner-why")}</p>
        {report
            .then(|| {
                view! {
                    <p class="notice">{crate::t!("petition-petitioner-protected")}</p>
                }
            })}
        <PersonFields
            name=draft.name.clone()
            id_number=draft.id_number.clone()
            mobile=draft.mobile.clone()
            address=draft.address.clone()
            district=draft.district.clone()
            errors=errors.to_vec()
        />
        <NotifyChoice sms=draft.sms email=draft.email.clone() errors=errors.to_vec() />
    }
}

/// Name, ID number, mobile, address and district, with the petition's hints and autocomplete:
/// the petitioner's page and the legal-aid application both ask for a person this way.
#[component]
pub fn PersonFields(
    name: String,
    id_number: String,
    mobile: String,
    address: String,
    district: String,
    errors: Vec<FieldError>,
) -> impl IntoView {
    let districts: Vec<(String, String)> = config()
        .map(|c| {
            c.districts
                .iter()
                .map(|d| (d.code.clone(), crate::ui::i18n::name(&d.name)))
                .collect()
        })
        .unwrap_or_default();
    let errors = &errors;
    view! {
        <TextField
            id="name"
            label=crate::t!("petition-person-name-label")
            autocomplete=Some("name")
            value=name
            error=error_for(errors, "name")
        />
        <TextField
            id="id_number"
            label=crate::t!("petition-person-id-number-label")
            hint=Some(crate::t!("petition-person-id-number-hint"))
            autocomplete=Some("off")
            value=id_number
            error=error_for(errors, "id_number")
        />
        <TextField
            id="mobile"
            label=crate::t!("petition-person-mobile-label")
            hint=Some(crate::t!("petition-person-mobile-hint"))
            kind="tel"
            autocomplete=Some("tel")
            inputmode=Some("numeric")
            value=mobile
            error=error_for(errors, "mobile")
        />
        <TextField
            id="address"
            label=crate::t!("petition-person-address-label")
            hint=Some(crate::t!("petition-person-address-hint"))
            autocomplete=Some("street-address")
            value=address
            error=error_for(errors, "address")
        />
        <SelectField
            id="district"
            label=crate::t!("petition-person-district-label")
            placeholder=crate::t!("petition-person-district-placeholder")
            options=districts
            value=district
            error=error_for(errors, "district")
        />
    }
}

fn matter(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let units: Vec<(String, String)> = config()
        .map(|c| {
            c.units
                .iter()
                .map(|u| {
                    let text = if u.handles.is_empty() {
                        crate::ui::i18n::name(&u.name)
                    } else {
                        crate::ui::i18n::text(
                            &crate::domain::msg!("petition-matter-unit-option")
                                .with_name("unit", u.name.clone())
                                .with_name("handles", u.handles.clone()),
                        )
                    };
                    (u.code.clone(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    let heading = step_title(Step::Matter, draft);
    // A report names whom it reports: the bureau keeps the report from them (第30条).
    let reported = (draft.category() == Some(crate::domain::petition::category::Category::Report))
        .then(|| {
            let units: Vec<(String, String)> = config()
                .map(|c| {
                    c.units
                        .iter()
                        .map(|u| (u.code.clone(), crate::ui::i18n::name(&u.name)))
                        .collect()
                })
                .unwrap_or_default();
            view! {
                <TextField
                    id="reported"
                    label=crate::t!("petition-matter-reported-label")
                    hint=Some(crate::t!("petition-matter-reported-hint"))
                    value=draft.reported.clone()
                    error=error_for(errors, "reported")
                />
                <SelectField
                    id="reported_unit"
                    label=crate::t!("petition-matter-reported-unit-label")
                    hint=Some(crate::t!("petition-matter-reported-unit-hint"))
                    placeholder=crate::t!("petition-matter-reported-unit-none")
                    options=units
                    value=draft.reported_unit.clone()
                    error=error_for(errors, "reported_unit")
                />
            }
        });
    view! {
        <StepHeading>{heading}</StepHeading>
        {reported}
        <TextField
            id="title"
            label=crate::t!("petition-matter-title-label")
            hint=Some(crate::t!("petition-matter-title-hint"))
            value=draft.title.clone()
            error=error_for(errors, "title")
        />
        <TextArea
            id="request"
            label=crate::t!("petition-matter-request-label")
            hint=Some(crate::t!("petition-matter-request-hint"))
            rows=4
            value=draft.request.clone()
            error=error_for(errors, "request")
        />
        <TextArea
            id="facts_and_reasons"
            label=crate::t!("petition-matter-facts-label")
            hint=Some(crate::t!("petition-matter-facts-hint"))
            rows=8
            value=draft.facts_and_reasons.clone()
            error=error_for(errors, "facts_and_reasons")
        />
        <TextField
            id="place_and_time"
            label=crate::t!("petition-matter-place-label")
            value=draft.place_and_time.clone()
            error=error_for(errors, "place_and_time")
        />
        <TextArea
            id="earlier_handling"
            label=crate::t!("petition-matter-earlier-label")
            rows=3
            value=draft.earlier_handling.clone()
            error=error_for(errors, "earlier_handling")
        />
        <SelectField
            id="unit"
            label=crate::t!("petition-matter-unit-label")
            hint=Some(crate::t!("petition-matter-unit-hint"))
            placeholder=crate::t!("petition-matter-unit-unknown")
            options=units
            value=draft.unit.clone()
            error=error_for(errors, "unit")
        />
    }
}

fn attachments(errors: &[FieldError], files: Vec<FileInfo>) -> impl IntoView {
    view! {
        <StepHeading>{crate::t!("petition-attachments-heading")}</StepHeading>
        <p>{crate::t!("petition-attachments-intro", count = MAX_ATTACHMENTS)}</p>
        <FileUploads errors=errors.to_vec() files />
    }
}

/// The files uploaded so far, each with a remove button (`action=remove:TOKEN`), and a file
/// input with an upload button (`action=upload`) while there is room: the petition's attachments
/// page and the legal-aid application share it, with the same limits.
#[component]
pub fn FileUploads(errors: Vec<FieldError>, files: Vec<FileInfo>) -> impl IntoView {
    let room = MAX_ATTACHMENTS.saturating_sub(files.len());
    let error = error_for(&errors, "files");
    let class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    view! {
        {(!files.is_empty())
            .then(|| {
                view! {
                    <h2>{crate::t!("petition-files-uploaded-heading")}</h2>
                    <ul class="files">
                        {files
                            .into_iter()
                            .map(|f| {
                                let remove = format!("remove:{}", f.token);
                                let name = view! {
                                    <span translate="no" lang=typed_lang(&f.name)>
                                        {f.name.clone()}
                                    </span>
                                }
                                    .into_any();
                                let item = crate::domain::msg!(
                                    "petition-files-item",
                                    kind = f.kind.label(),
                                    size = size_label(f.size),
                                );
                                view! {
                                    <li>
                                        <span>
                                            {crate::ui::i18n::sentence(item, vec![("name", name)])}
                                        </span>
                                        " "
                                        <button
                                            type="submit"
                                            class="link-button"
                                            name="action"
                                            value=remove
                                        >
                                            {crate::t!("petition-files-remove")}
                                            <span class="visually-hidden">
                                                " "
                                                <span translate="no" lang=typed_lang(&f.name)>
                                                    {f.name.clone()}
                                                </span>
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        {if room > 0 {
            view! {
                <div class=class>
                    <label for="files">{crate::t!("petition-files-choose", count = room)}</label>
                    {error
                        .map(|m| {
                            view! {
                                <p class="field-message" id="files-error">
                                    <span class="visually-hidden">{crate::t!("form-error-prefix")}</span>
                                    {m}
                                </p>
                            }
                        })}
                    <input
                        type="file"
                        id="files"
                        name="files"
                        multiple
                        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
                    />
                </div>
                <button type="submit" class="button secondary" name="action" value="upload">
                    {crate::t!("petition-files-upload")}
                </button>
            }
                .into_any()
        } else {
            view! { <p class="notice">{crate::t!("petition-files-full")}</p> }
                .into_any()
        }}
    }
}

fn check(draft: &Draft, errors: &[FieldError], files: Vec<FileInfo>) -> impl IntoView {
    let cfg = config();
    let district = cfg
        .as_ref()
        .and_then(|c| c.district(&draft.district))
        .map(|d| crate::ui::i18n::name(&d.name))
        .unwrap_or_else(|| draft.district.clone());
    let unit = if draft.unit.is_empty() {
        crate::t!("petition-matter-unit-unknown")
    } else {
        cfg.as_ref()
            .and_then(|c| c.unit(&draft.unit))
            .map(|u| crate::ui::i18n::name(&u.name))
            .unwrap_or_else(|| draft.unit.clone())
    };
    let category = draft
        .category()
        .map(|c| crate::ui::i18n::text(&c.label()))
        .unwrap_or_default();
    // (field, label, value, step, typed by the citizen: shown as typed in every language)
    let mut rows: Vec<(&'static str, String, String, Step, bool)> = vec![(
        "category",
        crate::t!("petition-check-category"),
        category,
        Step::Category,
        false,
    )];
    if let Some(r) = draft.route() {
        rows.push((
            "route",
            crate::t!("petition-check-route"),
            route_label(r),
            Step::Route,
            false,
        ));
    }
    let optional = |s: &str| {
        if s.trim().is_empty() {
            (crate::t!("petition-check-not-given"), false)
        } else {
            (s.to_owned(), true)
        }
    };
    let (place_and_time, place_typed) = optional(&draft.place_and_time);
    let (earlier_handling, earlier_typed) = optional(&draft.earlier_handling);
    rows.extend([
        (
            "name",
            crate::t!("petition-check-name"),
            draft.name.clone(),
            Step::Petitioner,
            true,
        ),
        (
            "id_number",
            crate::t!("petition-check-id-number"),
            draft.id_number.clone(),
            Step::Petitioner,
            true,
        ),
        (
            "mobile",
            crate::t!("petition-check-mobile"),
            draft.mobile.clone(),
            Step::Petitioner,
            true,
        ),
        (
            "address",
            crate::t!("petition-check-address"),
            draft.address.clone(),
            Step::Petitioner,
            true,
        ),
        (
            "district",
            crate::t!("petition-check-district"),
            district,
            Step::Petitioner,
            false,
        ),
        (
            "email",
            crate::t!("notify-check-label"),
            choice_text(draft.sms, &draft.email),
            Step::Petitioner,
            false,
        ),
        (
            "title",
            crate::t!("petition-check-title"),
            draft.title.clone(),
            Step::Matter,
            true,
        ),
        (
            "request",
            crate::t!("petition-check-request"),
            draft.request.clone(),
            Step::Matter,
            true,
        ),
        (
            "facts_and_reasons",
            crate::t!("petition-check-facts"),
            draft.facts_and_reasons.clone(),
            Step::Matter,
            true,
        ),
        (
            "place_and_time",
            crate::t!("petition-check-place"),
            place_and_time,
            Step::Matter,
            place_typed,
        ),
        (
            "earlier_handling",
            crate::t!("petition-check-earlier"),
            earlier_handling,
            Step::Matter,
            earlier_typed,
        ),
        (
            "unit",
            crate::t!("petition-check-unit"),
            unit,
            Step::Matter,
            false,
        ),
    ]);
    // A report: whom it reports, and the listed unit if one was chosen.
    if draft.category() == Some(crate::domain::petition::category::Category::Report) {
        let reported_unit = cfg
            .as_ref()
            .and_then(|c| c.unit(draft.reported_unit.trim()))
            .map(|u| crate::ui::i18n::name(&u.name))
            .unwrap_or_else(|| crate::t!("petition-check-not-given"));
        rows.extend([
            (
                "reported",
                crate::t!("petition-matter-reported-label"),
                draft.reported.clone(),
                Step::Matter,
                true,
            ),
            (
                "reported_unit",
                crate::t!("petition-matter-reported-unit-label"),
                reported_unit,
                Step::Matter,
                false,
            ),
        ]);
    }
    let file_list = if files.is_empty() {
        crate::t!("petition-check-files-none")
    } else {
        files
            .iter()
            .map(|f| {
                crate::t!(
                    "petition-check-file",
                    name = f.name.clone(),
                    size = size_label(f.size)
                )
            })
            .collect::<Vec<_>>()
            .join(&crate::t!("petition-check-files-separator"))
    };
    rows.push((
        "attachment",
        crate::t!("petition-check-files"),
        file_list,
        Step::Attachments,
        !files.is_empty(),
    ));
    let declaration_error = error_for(errors, "declaration");
    let class = if declaration_error.is_some() {
        "field field-error declaration"
    } else {
        "field declaration"
    };
    let heading = step_title(Step::Check, draft);
    view! {
        <StepHeading>{heading}</StepHeading>
        <Answers
            id=None
            answers=rows
                .into_iter()
                .map(|(id, label, value, step, typed)| Answer {
                    id: Some(id),
                    label,
                    value,
                    change: format!("goto:{}", step.code()),
                    typed,
                    error: error_for(errors, id),
                })
                .collect()
        />
        <h2>{crate::t!("petition-check-declaration-heading")}</h2>
        <div class=class>
            {declaration_error
                .map(|m| {
                    view! {
                        <p class="field-message" id="declaration-error">
                            <span class="visually-hidden">{crate::t!("form-error-prefix")}</span>
                            {m}
                        </p>
                    }
                })}
            <div class="checkbox">
                <input
                    type="checkbox"
                    id="declaration"
                    name="declaration"
                    value="yes"
                    checked=draft.declaration
                />
                <label for="declaration">{crate::t!("petition-check-declaration")}</label>
            </div>
        </div>
    }
}
