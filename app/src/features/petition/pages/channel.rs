//! Where the route check sends a matter that has its own statutory channel (第31条 (一)–(五),
//! 第22条): where to go, what time limits apply, and help with legal aid.

use crate::domain::message::Msg;
use crate::domain::msg;
use crate::domain::petition::Route;
use crate::features::petition::draft_keeper::DraftKeeper;
use crate::features::petition::journey::Draft;
use crate::ui::PageTitle;
use crate::ui::form::HiddenFields;
use crate::ui::form::StepHeading;
use crate::ui::i18n::text;
use leptos::prelude::*;

struct Guidance {
    heading: Msg,
    why: Option<Msg>,
    steps: Vec<Msg>,
}

fn guidance(route: Route) -> Guidance {
    match route {
        Route::Litigation => Guidance {
            heading: msg!("petition-channel-litigation-heading"),
            why: Some(msg!("petition-channel-litigation-why")),
            steps: vec![
                msg!("petition-channel-litigation-court"),
                msg!("petition-channel-litigation-police"),
                msg!("petition-channel-litigation-limits"),
            ],
        },
        Route::Arbitration => Guidance {
            heading: msg!("petition-channel-arbitration-heading"),
            why: Some(msg!("petition-channel-arbitration-why")),
            steps: vec![
                msg!("petition-channel-arbitration-labour"),
                msg!("petition-channel-arbitration-land"),
                msg!("petition-channel-arbitration-court"),
            ],
        },
        Route::PartyAppeal => Guidance {
            heading: msg!("petition-channel-party-heading"),
            why: Some(msg!("petition-channel-party-why")),
            steps: vec![
                msg!("petition-channel-party-where"),
                msg!("petition-channel-party-how"),
            ],
        },
        Route::Administrative => Guidance {
            heading: msg!("petition-channel-administrative-heading"),
            why: Some(msg!("petition-channel-administrative-why")),
            steps: vec![
                msg!("petition-channel-administrative-review"),
                msg!("petition-channel-administrative-lawsuit"),
                msg!("petition-channel-administrative-decision"),
            ],
        },
        Route::DutyToAct => Guidance {
            heading: msg!("petition-channel-duty-heading"),
            why: Some(msg!("petition-channel-duty-why")),
            steps: vec![
                msg!("petition-channel-duty-police"),
                msg!("petition-channel-duty-complain"),
                msg!("petition-channel-duty-review"),
            ],
        },
        Route::Officials => Guidance {
            heading: msg!("petition-channel-officials-heading"),
            why: Some(msg!("petition-channel-officials-why")),
            steps: vec![
                msg!("petition-channel-officials-report"),
                msg!("petition-channel-officials-petition"),
            ],
        },
        Route::Petition => Guidance {
            heading: msg!("petition-channel-petition-heading"),
            why: None,
            steps: Vec::new(),
        },
    }
}

/// Where a statutory channel sends the matter, in one line (the route chart of the library),
/// in the page's language.
pub fn channel_heading(route: Route) -> String {
    text(&guidance(route).heading)
}

#[component]
pub fn ChannelPage(route: Route, draft: Draft) -> impl IntoView {
    let g = guidance(route);
    let heading = text(&g.heading);
    let why = g.why.as_ref().map(text).unwrap_or_default();
    let hidden = draft.hidden_fields(&[]);
    view! {
        <PageTitle text=heading.clone() />
        <div class="wrap narrow">
            <StepHeading>{heading}</StepHeading>
            <p>{why}</p>
            <h2>{crate::t!("petition-channel-what-to-do")}</h2>
            <ul>{g.steps.iter().map(|s| view! { <li>{text(s)}</li> }).collect_view()}</ul>
            <h2>{crate::t!("petition-channel-legal-help-heading")}</h2>
            <p>{crate::t!("petition-channel-legal-help")}</p>
            <p>
                <a href="/legal-aid" id="legal-aid-link">
                    {crate::t!("petition-channel-legal-aid-link")}
                </a>
            </p>
            <form id="journey" method="post" action="/petition" novalidate data-step="route">
                <input type="hidden" name="step" value="route" />
                // A language switch pressed here comes back to this explanation.
                <input type="hidden" name="page" value="channel" />
                <HiddenFields fields=hidden />
                <div class="buttons">
                    {route
                        .continues_here()
                        .then(|| {
                            view! {
                                <button
                                    type="submit"
                                    class="button"
                                    name="action"
                                    value="goto:petitioner"
                                >
                                    {crate::t!("petition-channel-submit-anyway")}
                                </button>
                            }
                        })}
                    <button type="submit" class="button secondary" name="action" value="goto:route">
                        {crate::t!("petition-channel-change-answers")}
                    </button>
                </div>
            </form>
            <p>
                <a href="/">{crate::t!("petition-channel-home")}</a>
            </p>
            <DraftKeeper mode="step".to_owned() step="route".to_owned() />
        </div>
    }
}
