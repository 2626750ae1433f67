//! 普法园地 (PRODUCT.md journey 4): the guides, the FAQ, the statute library and search.

mod charts;
mod editor_page;

use crate::domain::library::StatuteBlock;
use crate::features::library::server_fns::{
    get_guide, get_library_index, get_statute, search_library,
};
use crate::features::library::view::{DocSummary, GuideView, Segment, StatuteView};
use crate::ui::NotFoundPage;
use crate::ui::PageTitle;
pub use charts::ChartView;
pub use editor_page::{ArticleEditorPage, ArticlesPage, EditorProblem};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn unavailable(heading: String, e: ServerFnError) -> AnyView {
    view! {
        <div class="wrap">
            <h1>{heading}</h1>
            <p>{e.to_string()}</p>
        </div>
    }
    .into_any()
}

/// The search form: a plain GET to `/search`, so it works without JavaScript.
/// Words of the library's own language, said in Chinese to every reader: the guides and laws are
/// written in Chinese and search matches their text (on English pages they are tagged as Chinese).
fn in_chinese(msg: crate::domain::message::Msg) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::kernel::i18n::simplified(&msg)
    }
    #[cfg(not(feature = "ssr"))]
    {
        msg.id.to_string()
    }
}

#[component]
fn SearchForm(#[prop(optional)] value: String) -> impl IntoView {
    view! {
        <form method="get" action="/search" role="search" class="search-form">
            <div class="field">
                <label for="q">{crate::t!("library-search-label")}</label>
                <p class="hint" id="q-hint">{crate::t!("library-search-hint", examples = in_chinese(crate::domain::msg!("library-search-examples")))}</p>
                <input id="q" name="q" type="search" value=value aria-describedby="q-hint" maxlength="50" />
            </div>
            <button type="submit" class="button">
                {crate::t!("library-search-submit")}
            </button>
        </form>
    }
}

#[component]
fn DocList(docs: Vec<DocSummary>, id: &'static str) -> impl IntoView {
    view! {
        <ul class="doc-list" id=id>
            {docs
                .into_iter()
                .map(|d| {
                    view! {
                        <li>
                            <a href=d.href lang="zh-Hans">
                                {d.title}
                            </a>
                            <p lang="zh-Hans">{d.summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// `/guides`: the library's front page.
#[component]
pub fn GuidesPage() -> impl IntoView {
    let index = Resource::new(|| (), |_| get_library_index());
    view! {
        <PageTitle text=crate::t!("library-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(ix) => {
                        view! {
                            <div class="wrap">
                                <h1>{crate::t!("library-title")}</h1>
                                <p class="lead">
                                    {crate::t!("library-guides-lead")}
                                </p>
                                <SearchForm />
                                <h2>{crate::t!("library-guides-heading")}</h2>
                                <DocList docs=ix.guides id="guides" />
                                {(!ix.faq.is_empty())
                                    .then(|| {
                                        view! {
                                            <h2>{crate::t!("library-faq-heading")}</h2>
                                            <DocList docs=ix.faq id="faq" />
                                        }
                                    })}
                                <h2>{crate::t!("library-statutes-heading")}</h2>
                                <StatuteList docs=ix.statutes />
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => unavailable(crate::t!("library-title"), e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StatuteList(docs: Vec<DocSummary>) -> impl IntoView {
    if docs.is_empty() {
        view! { <StatutesElsewhere /> }.into_any()
    } else {
        view! { <DocList docs id="statutes" /> }.into_any()
    }
}

/// Where to read a law the library does not hold: the official national database. (How an
/// operator imports one is in the README, never on a citizen's page.)
#[component]
fn StatutesElsewhere() -> impl IntoView {
    view! {
        <p id="no-statutes">
            {crate::ui::i18n::sentence(
                crate::domain::msg!("library-statutes-elsewhere"),
                vec![
                    (
                        "link",
                        view! {
                            <a href="https://flk.npc.gov.cn/" rel="noopener noreferrer">
                                {crate::t!("library-statutes-elsewhere-link")}
                            </a>
                        }
                            .into_any(),
                    ),
                ],
            )}
        </p>
    }
}

/// `/guides/{slug}`: a guide or the FAQ.
#[component]
pub fn GuidePage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let guide = Resource::new(move || slug.clone(), get_guide);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match guide.await {
                    Ok(Some(g)) => view! { <Guide g /> }.into_any(),
                    Ok(None) => view! { <NotFoundPage /> }.into_any(),
                    Err(e) => unavailable(crate::t!("library-title"), e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Guide(g: GuideView) -> impl IntoView {
    let updated = g.published_on;
    view! {
        <PageTitle text=crate::t!("library-guide-page-title", title = g.title.clone()) />
        <div class="wrap guide">
            <nav aria-label=crate::t!("library-breadcrumbs") class="breadcrumbs">
                <a href="/guides">{crate::t!("library-title")}</a>
            </nav>
            <h1 lang="zh-Hans">{g.title}</h1>
            <ChineseOnlyNote />
            <p class="lead" lang="zh-Hans">
                {g.summary}
            </p>
            {g
                .segments
                .into_iter()
                .map(|s| match s {
                    Segment::Html(html) => view! { <div class="prose" lang="zh-Hans" inner_html=html></div> }.into_any(),
                    Segment::Chart(chart) => view! { <ChartView chart /> }.into_any(),
                })
                .collect_view()}
            <p class="note">
                {crate::t!(
                    "library-guide-updated",
                    date = crate::ui::i18n::date(updated),
                    version = g.version,
                )}
            </p>
            <SearchForm />
        </div>
    }
}

/// `/laws/{slug}`: a law, one anchor per article (`#第三十四条`).
#[component]
pub fn LawPage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let law = Resource::new(move || slug.clone(), get_statute);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match law.await {
                    Ok(Some(s)) => view! { <Law s /> }.into_any(),
                    Ok(None) => {
                        view! {
                            <NotFoundPage />
                            <div class="wrap">
                                <StatutesElsewhere />
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => unavailable(crate::t!("library-statutes-heading"), e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Law(s: StatuteView) -> impl IntoView {
    let StatuteView { statute, .. } = s;
    view! {
        <PageTitle text=crate::t!("library-law-page-title", title = statute.title.clone()) />
        <div class="wrap statute">
            <nav aria-label=crate::t!("library-breadcrumbs") class="breadcrumbs">
                <a href="/guides">{crate::t!("library-title")}</a>
            </nav>
            <h1 lang="zh-Hans">{statute.title}</h1>
            <ChineseOnlyNote />
            {statute
                .preamble
                .into_iter()
                .map(|p| view! { <p class="note" lang="zh-Hans">{p}</p> })
                .collect_view()}
            {statute
                .blocks
                .into_iter()
                .map(|b| match b {
                    StatuteBlock::Heading { level, text } => {
                        if level <= 2 {
                            view! { <h2 lang="zh-Hans">{text}</h2> }.into_any()
                        } else {
                            view! { <h3 class="section" lang="zh-Hans">{text}</h3> }.into_any()
                        }
                    }
                    StatuteBlock::Article { number, paragraphs } => {
                        let mut paragraphs = paragraphs.into_iter();
                        let first = paragraphs.next().unwrap_or_default();
                        view! {
                            <section class="law-article" id=number.clone() lang="zh-Hans">
                                <p>
                                    <a class="article-number" href=format!("#{number}")>
                                        {number.clone()}
                                    </a>
                                    " "
                                    {first}
                                </p>
                                {paragraphs.map(|p| view! { <p>{p}</p> }).collect_view()}
                            </section>
                        }
                            .into_any()
                    }
                })
                .collect_view()}
        </div>
    }
}

/// `/search?q=`: results with the words found marked.
#[component]
pub fn SearchPage() -> impl IntoView {
    let q = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let query = q.trim().to_owned();
    let hits = Resource::new(move || query.clone(), search_library);
    view! {
        <PageTitle text=crate::t!("library-search-page-title") />
        <div class="wrap">
            <h1>{crate::t!("library-search-heading")}</h1>
            <SearchForm value=q.clone() />
            <Suspense fallback=|| ()>
                {move || {
                    let q = q.clone();
                    Suspend::new(async move {
                        let q = q.trim().to_owned();
                        match hits.await {
                            Ok(_) if q.is_empty() => {
                                view! { <p id="search-summary">{crate::t!("library-search-empty", example = in_chinese(crate::domain::msg!("library-search-example")))}</p> }.into_any()
                            }
                            Ok(hits) if hits.is_empty() => {
                                view! {
                                    <p id="search-summary" role="status">
                                        {crate::t!("library-search-none", query = q.clone())}
                                    </p>
                                    <p>
                                        {crate::ui::i18n::sentence(
                                            crate::domain::msg!("library-search-none-next"),
                                            vec![
                                                (
                                                    "link",
                                                    view! {
                                                        <a href="/guides">
                                                            {crate::t!("library-search-none-link")}
                                                        </a>
                                                    }
                                                        .into_any(),
                                                ),
                                            ],
                                        )}
                                    </p>
                                }
                                    .into_any()
                            }
                            Ok(hits) => {
                                view! {
                                    <p id="search-summary" role="status">
                                        {crate::t!("library-search-found", count = hits.len(), query = q.clone())}
                                    </p>
                                    <ol class="results" id="results">
                                        {hits
                                            .into_iter()
                                            .map(|h| {
                                                view! {
                                                    <li>
                                                        <a href=h.href lang="zh-Hans">
                                                            {h.title}
                                                        </a>
                                                        <span class="kind">" · " {crate::ui::i18n::text(&h.kind.label())}</span>
                                                        <p lang="zh-Hans">
                                                            {h
                                                                .snippet
                                                                .into_iter()
                                                                .map(|p| {
                                                                    if p.mark {
                                                                        view! { <mark>{p.text}</mark> }.into_any()
                                                                    } else {
                                                                        p.text.into_any()
                                                                    }
                                                                })
                                                                .collect_view()}
                                                        </p>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ol>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <p>{e.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// On English pages: the guide or statute below exists in Chinese only (statutes are authoritative
/// only in Chinese; guides are written for this portal in Chinese first).
#[component]
fn ChineseOnlyNote() -> impl IntoView {
    let english = crate::ui::PageContext::get().prefs.lang == crate::domain::prefs::Lang::English;
    english.then(|| view! { <p class="note">{crate::t!("library-chinese-only")}</p> })
}
