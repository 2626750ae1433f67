//! The staff workbench: sign-in and the workbench itself.

mod action_form;
mod articles_page;
mod case_page;
mod kpi_page;
mod legal_aid_page;
mod sign_in_page;
mod workbench_page;

pub use articles_page::{ArticleEditorPage, ArticlesPage, EditorProblem};
pub use case_page::{CaseActionProblem, CasePage};
pub use kpi_page::KpiPage;
pub use legal_aid_page::{AidActionProblem, LegalAidCasePage, LegalAidListPage};
pub use sign_in_page::{SignInAttempt, SignInPage, SignInProblem};
pub use workbench_page::WorkbenchPage;

use action_form::ActionForm;
use leptos::prelude::*;

/// For a visitor without a staff session: sends them to sign in (303), with a link for the rare
/// client that does not follow it.
#[component]
pub fn SignInFirst() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::components::redirect_page("/staff/login");
    view! {
        <div class="wrap">
            <h1>"请先登录"</h1>
            <p>
                <a href="/staff/login">"前往工作人员登录"</a>
            </p>
        </div>
    }
}
