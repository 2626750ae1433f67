//! What a citizen asks to be told through, on the petition's and the legal-aid application's
//! forms (JS on or off alike: a checkbox and a text field), with what 个人信息保护法 第17条 asks
//! a handler to say before it collects: who, what for, how, how long, and how to stop.

use crate::ui::form::{FieldError, TextField, error_for};
use leptos::prelude::*;

/// The form field names: as the API's `notify.sms` and `notify.email` end.
pub const SMS: &str = "sms";
pub const EMAIL: &str = "email";

/// SMS to the mobile given above, and an email address (optional), with the notice. With
/// `own_page` the question is a page of its own and its legend the page's heading (`h1`).
#[component]
pub fn NotifyChoice(
    sms: bool,
    email: String,
    errors: Vec<FieldError>,
    #[prop(optional)] own_page: bool,
) -> impl IntoView {
    let bureau = crate::ui::PageContext::get().bureau_name;
    let privacy =
        crate::domain::msg!("notify-privacy", days = keep_days()).with_name("bureau", bureau);
    view! {
        <fieldset class="field notify-choice" aria-describedby="notify-privacy">
            <legend>
                {if own_page {
                    view! {
                        <crate::ui::form::StepHeading>
                            {crate::t!("notify-heading")}
                        </crate::ui::form::StepHeading>
                    }
                        .into_any()
                } else {
                    view! { <span class="legend">{crate::t!("notify-heading")}</span> }.into_any()
                }}
            </legend>
            <div class="checkbox">
                <input type="checkbox" id=SMS name=SMS value="yes" checked=sms />
                <label for=SMS>{crate::t!("notify-sms-label")}</label>
            </div>
            <TextField
                id=EMAIL
                label=crate::t!("notify-email-label")
                hint=Some(crate::t!("notify-email-hint"))
                kind="email"
                autocomplete=Some("email")
                value=email
                error=error_for(&errors, EMAIL)
            />
            <p class="note" id="notify-privacy">
                {crate::ui::i18n::text(&privacy)}
            </p>
        </fieldset>
    }
}

/// How the check page says the choice.
pub fn choice_text(sms: bool, email: &str) -> String {
    let email = email.trim();
    match (sms, email.is_empty()) {
        (true, true) => crate::t!("notify-check-sms"),
        (true, false) => crate::t!("notify-check-sms-email", email = email.to_owned()),
        (false, false) => crate::t!("notify-check-email", email = email.to_owned()),
        (false, true) => crate::t!("notify-check-none"),
    }
}

/// Days the outbox keeps what it sent (`[notifications] keep_days`).
fn keep_days() -> u32 {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::kernel::context::AppContext>()
            .map(|c| c.config.notifications.keep_days)
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        crate::domain::config::Notifications::default().keep_days
    }
}
