//! The document shell and the router.

use crate::features::cases::pages::{CasePage, WorkbenchPage};
use crate::features::home::HomePage;
use crate::features::legal_aid::pages::{
    ApplyPage, LegalAidCasePage, LegalAidListPage, LegalAidPage, SelfCheckPage,
};
use crate::features::library::pages::{
    ArticleEditorPage, ArticlesPage, GuidePage, GuidesPage, LawPage, SearchPage,
};
use crate::features::lookup::pages::LookupPage;
use crate::features::mine::pages::MinePage;
use crate::features::notify::pages::OutboxPage;
use crate::features::petition::pages::{PetitionPage, ResumePage};
use crate::features::staff::pages::SignInPage;
use crate::features::stats::pages::{KpiPage, StatsPage};
use crate::ui::{Footer, Header, HydrationBeacon, NotFoundPage};
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

pub use crate::ui::PageContext;

/// The whole HTML document, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let page = PageContext::from_request();
    #[cfg(feature = "ssr")]
    crate::ui::security::provide_nonce_and_csp(&options, page.ships_islands());
    let class = page.prefs.accessible.then_some("a11y");
    let lang = page.prefs.lang.tag();
    // Pages without islands load no WebAssembly and no script (see `PageContext::ships_islands`).
    let islands = page.ships_islands();
    // The island's messages in the page's language (it has no catalogue of its own).
    #[cfg(feature = "ssr")]
    let island_messages =
        islands.then(|| crate::features::petition::draft_keeper::messages_json(page.prefs.lang));
    #[cfg(not(feature = "ssr"))]
    let island_messages: Option<&str> = None;
    let stylesheet = page.stylesheet.clone();
    provide_context(crate::ui::i18n::Speech {
        lang: page.prefs.lang,
        #[cfg(feature = "ssr")]
        config: leptos::prelude::use_context::<crate::kernel::AppContext>().map(|c| c.config),
    });
    provide_context(page);
    view! {
        <!DOCTYPE html>
        <html lang=lang class=class>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=stylesheet />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                {islands.then(|| view! { <HydrationScripts options islands=true /> })}
                {island_messages
                    .map(|json| {
                        view! {
                            <script type="application/json" id="island-messages" inner_html=json></script>
                        }
                    })}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every page: skip link, header, the routed page in `<main>`, footer.
///
/// Routes render with `SsrMode::Async`: the server sends the finished page in one piece, so it is
/// complete without JavaScript (out-of-order streaming would need a script to place each part).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <a class="skip-link" href="#main">{crate::t!("skip-to-main")}</a>
        <Header />
        <Router>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/petition") view=PetitionPage ssr=SsrMode::Async />
                    <Route path=path!("/petition/resume") view=ResumePage ssr=SsrMode::Async />
                    // Rendered by the server's own handlers (they read the filing first): the
                    // server leaves these out of the routes it serves by itself.
                    <Route path=path!("/petition/receipt") view=PetitionPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/legal-aid/receipt")
                        view=ApplyPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/lookup") view=LookupPage ssr=SsrMode::Async />
                    <Route path=path!("/mine") view=MinePage ssr=SsrMode::Async />
                    <Route path=path!("/stats") view=StatsPage ssr=SsrMode::Async />
                    <Route path=path!("/legal-aid") view=LegalAidPage ssr=SsrMode::Async />
                    <Route path=path!("/legal-aid/check") view=SelfCheckPage ssr=SsrMode::Async />
                    <Route path=path!("/legal-aid/apply") view=ApplyPage ssr=SsrMode::Async />
                    <Route path=path!("/guides") view=GuidesPage ssr=SsrMode::Async />
                    <Route path=path!("/guides/:slug") view=GuidePage ssr=SsrMode::Async />
                    <Route path=path!("/laws/:slug") view=LawPage ssr=SsrMode::Async />
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/login") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=WorkbenchPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/kpi") view=KpiPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/outbox") view=OutboxPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/api-keys")
                        view=crate::features::api_keys::pages::ApiKeysPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/intake")
                        view=crate::features::intake::pages::IntakePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/intake/slip")
                        view=crate::features::intake::pages::SlipPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/visits")
                        view=crate::features::visits::pages::VisitsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/visits/book")
                        view=crate::features::visits::pages::BookPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/visits/booked")
                        view=crate::features::visits::pages::BookedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/visits/cancel")
                        view=crate::features::visits::pages::CancelPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/reception")
                        view=crate::features::visits::pages::ReceptionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/reception/day")
                        view=crate::features::visits::pages::ReceptionDayPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/reports")
                        view=crate::features::reports::pages::ReportsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/reports/annual")
                        view=crate::features::reports::pages::ReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/reports/monthly")
                        view=crate::features::reports::pages::ReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/reports/board")
                        view=crate::features::reports::pages::ReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/search")
                        view=crate::features::search::pages::SearchPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/letters")
                        view=crate::features::letters::pages::LettersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/letters/new")
                        view=crate::features::letters::pages::NewLetterPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/letters/:id")
                        view=crate::features::letters::pages::LetterPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/account")
                        view=crate::features::staff::pages::AccountPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/staff/articles") view=ArticlesPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/articles/:slug")
                        view=ArticleEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/staff/legal-aid") view=LegalAidListPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/legal-aid/:number")
                        view=LegalAidCasePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/staff/cases/:number") view=CasePage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
        <Footer />
        <HydrationBeacon />
    }
}
