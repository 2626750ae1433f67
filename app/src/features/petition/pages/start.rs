use crate::features::petition::draft_keeper::DraftKeeper;
use crate::ui::PageTitle;
use leptos::prelude::*;

/// What can be raised here, what belongs elsewhere, the privacy notice (个人信息保护法 第17条) and
/// what happens next.
#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <PageTitle text=crate::t!("petition-start-title") />
        <div class="wrap narrow">
            <h1>{crate::t!("petition-start-title")}</h1>
            <p class="lead">{crate::t!("petition-start-lead")}</p>
            <p id="resume-offer" class="notice" hidden>
                {crate::ui::i18n::sentence(
                    crate::domain::msg!("petition-start-resume-offer"),
                    vec![
                        (
                            "link",
                            view! {
                                <a href="/petition/resume">
                                    {crate::t!("petition-start-resume-link")}
                                </a>
                            }
                                .into_any(),
                        ),
                    ],
                )}
            </p>
            <h2>{crate::t!("petition-start-here-heading")}</h2>
            <ul>
                <li>{crate::t!("petition-start-here-suggestions")}</li>
                <li>{crate::t!("petition-start-here-reports")}</li>
                <li>{crate::t!("petition-start-here-requests")}</li>
            </ul>
            <h2>{crate::t!("petition-start-elsewhere-heading")}</h2>
            <p>{crate::t!("petition-start-elsewhere")}</p>
            <h2>{crate::t!("petition-start-after-heading")}</h2>
            <ul>
                <li>{crate::t!("petition-start-after-number")}</li>
                <li>{crate::t!("petition-start-after-register")}</li>
                <li>{crate::t!("petition-start-after-accept")}</li>
            </ul>
            <h2>{crate::t!("petition-start-prepare-heading")}</h2>
            <ul>
                <li>{crate::t!("petition-start-prepare-person")}</li>
                <li>{crate::t!("petition-start-prepare-request")}</li>
                <li>{crate::t!("petition-start-prepare-files")}</li>
            </ul>
            <p>{crate::t!("petition-start-time")}</p>
            <details class="privacy">
                <summary>{crate::t!("petition-start-privacy-summary")}</summary>
                <p>{crate::t!("petition-start-privacy-use")}</p>
                <p>{crate::t!("petition-start-privacy-sharing")}</p>
                <p>{crate::t!("petition-start-privacy-keeping")}</p>
            </details>
            <form method="post" action="/petition">
                <input type="hidden" name="step" value="start" />
                <button type="submit" class="button start" name="action" value="continue">
                    {crate::t!("petition-start-button")}
                </button>
            </form>
            <DraftKeeper mode="start".to_owned() step="start".to_owned() />
        </div>
    }
}
