//! The confirmation: shown only after the petition was committed to the database.

use crate::domain::petition::category::Category;
use crate::features::petition::draft_keeper::DraftKeeper;
use crate::features::petition::view::Receipt;
use crate::ui::PageTitle;
use crate::ui::form::{StepHeading, typed_lang};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The receipt and the dated next steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub receipt: Receipt,
    pub category: Category,
    pub title: String,
    pub files: usize,
    /// The latest day the handling unit must tell the citizen whether it accepts (第23条),
    /// counted from the bureau's last day to transfer.
    pub acknowledge_by: NaiveDate,
    /// The form was sent again: this is the first filing's receipt (without its 查询码).
    pub again: bool,
}

#[component]
pub fn DonePage(confirmation: Confirmation) -> impl IntoView {
    let c = confirmation;
    let show_code = !c.receipt.query_code.is_empty();
    let received = crate::ui::i18n::time(&c.receipt.received_at);
    let strong_date =
        |d: NaiveDate| view! { <strong>{crate::ui::i18n::due_date(d)}</strong> }.into_any();
    view! {
        <PageTitle text=crate::t!("petition-done-title") />
        <div class="wrap narrow receipt">
            {c
                .again
                .then(|| {
                    view! {
                        <p class="notice" id="filed-before">
                            {crate::t!("petition-done-again")}
                        </p>
                    }
                })}
            <div class="panel" role="status">
                <StepHeading>{crate::t!("petition-done-title")}</StepHeading>
                <p class="panel-number">
                    {crate::t!("petition-done-number")} <br />
                    <strong id="receipt-number">{c.receipt.number.clone()}</strong>
                </p>
                {show_code
                    .then(|| {
                        view! {
                            <p class="panel-number">
                                {crate::t!("petition-done-code")} <br />
                                <strong id="receipt-code">{c.receipt.query_code.clone()}</strong>
                            </p>
                        }
                    })}
            </div>
            {if show_code {
                view! {
                    <p class="warning">
                        <strong>{crate::t!("petition-done-keep-code")}</strong>
                    </p>
                }
                    .into_any()
            } else {
                view! { <p class="warning" id="code-not-shown">{crate::t!("petition-done-code-gone")}</p> }
                    .into_any()
            }}
            <crate::ui::PrintButton />
            <dl class="facts">
                <dt>{crate::t!("petition-done-facts-title")}</dt>
                <dd translate="no" lang=typed_lang(&c.title)>
                    {c.title.clone()}
                </dd>
                <dt>{crate::t!("petition-done-facts-category")}</dt>
                <dd>{crate::ui::i18n::text(&c.category.label())}</dd>
                <dt>{crate::t!("petition-done-facts-received")}</dt>
                <dd>{received}</dd>
                <dt>{crate::t!("petition-done-facts-files")}</dt>
                <dd>
                    {if c.files == 0 {
                        crate::t!("petition-done-files-none")
                    } else {
                        crate::t!("petition-done-files-count", count = c.files)
                    }}
                </dd>
            </dl>
            <h2>{crate::t!("petition-done-next-heading")}</h2>
            <ol class="next-steps">
                <li>
                    {crate::ui::i18n::sentence(
                        crate::domain::msg!("petition-done-next-register"),
                        vec![("date", strong_date(c.receipt.due.register))],
                    )}
                </li>
                <li>
                    {crate::ui::i18n::sentence(
                        crate::domain::msg!("petition-done-next-accept"),
                        vec![("date", strong_date(c.acknowledge_by))],
                    )}
                </li>
                <li>{crate::t!("petition-done-next-conclude")}</li>
                <li>{crate::t!("petition-done-next-review")}</li>
            </ol>
            <p class="note">{crate::t!("petition-done-limits-note")}</p>
            <p class="no-print">
                {crate::ui::i18n::sentence(
                    crate::domain::msg!("petition-done-print"),
                    vec![
                        (
                            "link",
                            view! { <a href="/lookup">{crate::t!("petition-done-print-link")}</a> }
                                .into_any(),
                        ),
                    ],
                )}
            </p>
            <DraftKeeper mode="clear".to_owned() step="done".to_owned() />
        </div>
    }
}

/// `/petition/receipt` with no filing of this browser's to show (or a store that cannot say).
#[component]
pub fn NoReceiptPage() -> impl IntoView {
    view! {
        <PageTitle text=crate::t!("petition-no-receipt-title") />
        <div class="wrap narrow">
            <h1>{crate::t!("petition-no-receipt-title")}</h1>
            <p>{crate::t!("petition-no-receipt-body")}</p>
            <ul>
                <li>
                    <a href="/lookup">{crate::t!("petition-done-print-link")}</a>
                </li>
                <li>
                    <a href="/petition">{crate::t!("petition-no-receipt-new")}</a>
                </li>
            </ul>
            // A filing may have been made without its receipt being seen: the kept draft (and
            // its used token) goes, so it is never sent again as if new.
            <DraftKeeper mode="clear".to_owned() step="done".to_owned() />
        </div>
    }
}
