//! 我要信访: the petition journey (PRODUCT.md journey 1). `GET /petition` is the start page; every
//! later page is the server's answer to the previous page's form (`POST /petition`), which hands
//! the page a [`JourneyView`].

mod channel;
mod done;
mod start;
mod steps;

use crate::domain::petition::Route;
use crate::domain::petition::attachment::FileKind;
use crate::features::petition::journey::{Draft, Step};
use crate::ui::form::FieldError;
use leptos::prelude::*;

pub use channel::channel_heading;
pub use done::{Confirmation, DonePage};
pub use steps::{FileUploads, PersonFields, route_hint, route_label};

/// An uploaded file, as the attachments and check pages list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    pub token: String,
    pub name: String,
    pub kind: FileKind,
    pub size: u64,
}

/// What the server decided to show after a form was posted.
#[derive(Clone, Debug, PartialEq)]
pub enum JourneyView {
    Step {
        step: Step,
        draft: Draft,
        errors: Vec<FieldError>,
        files: Vec<FileInfo>,
    },
    /// The route check found a statutory channel for the matter.
    Channel {
        route: Route,
        draft: Draft,
    },
    Done(Box<Confirmation>),
    /// `/petition/receipt` without a filing of this browser's.
    NoReceipt,
}

impl JourneyView {
    pub fn step(step: Step, draft: Draft) -> Self {
        Self::Step {
            step,
            draft,
            errors: Vec::new(),
            files: Vec::new(),
        }
    }
}

/// `/petition`: the start page, or whatever the server decided after a post.
#[component]
pub fn PetitionPage() -> impl IntoView {
    match use_context::<JourneyView>() {
        None => view! { <start::StartPage /> }.into_any(),
        Some(JourneyView::Step {
            step: Step::Start, ..
        }) => view! { <start::StartPage /> }.into_any(),
        Some(JourneyView::Step {
            step,
            draft,
            errors,
            files,
        }) => view! { <steps::StepPage step draft errors files /> }.into_any(),
        Some(JourneyView::Channel { route, draft }) => {
            view! { <channel::ChannelPage route draft /> }.into_any()
        }
        Some(JourneyView::Done(c)) => view! { <done::DonePage confirmation=*c /> }.into_any(),
        Some(JourneyView::NoReceipt) => view! { <done::NoReceiptPage /> }.into_any(),
    }
}

/// `/petition/resume`: where a reload lands with JavaScript on (the pages replace their address
/// with this one). The browser sends the kept answers back, and the server shows the page the
/// citizen was on.
#[component]
pub fn ResumePage() -> impl IntoView {
    use crate::features::petition::draft_keeper::DraftKeeper;
    use crate::ui::PageTitle;
    view! {
        <PageTitle text=crate::t!("petition-resume-title") />
        <div class="wrap narrow">
            <h1>{crate::t!("petition-resume-title")}</h1>
            <form id="journey" method="post" action="/petition" data-step="resume">
                <input type="hidden" name="step" value="start" />
                <p id="resume-status">{crate::t!("petition-resume-status")}</p>
                <button type="submit" class="button" name="action" value="continue">
                    {crate::t!("petition-resume-start-over")}
                </button>
            </form>
            <DraftKeeper mode="resume".to_owned() step="resume".to_owned() />
        </div>
    }
}

/// The bureau's configuration, on the server (pages are rendered only there).
#[cfg(feature = "ssr")]
pub(crate) fn config() -> Option<std::sync::Arc<crate::domain::config::BureauConfig>> {
    use_context::<crate::kernel::context::AppContext>().map(|c| c.config)
}

#[cfg(not(feature = "ssr"))]
pub(crate) fn config() -> Option<std::sync::Arc<crate::domain::config::BureauConfig>> {
    None
}
