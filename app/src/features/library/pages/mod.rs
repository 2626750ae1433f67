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

fn unavailable(heading: &'static str, e: ServerFnError) -> AnyView {
    view! {
        <div class="wrap">
            <h1>{heading}</h1>
            <p>{e.to_string()}</p>
        </div>
    }
    .into_any()
}

/// The search form: a plain GET to `/search`, so it works without JavaScript.
#[component]
fn SearchForm(#[prop(optional)] value: String) -> impl IntoView {
    view! {
        <form method="get" action="/search" role="search" class="search-form">
            <div class="field">
                <label for="q">"搜索指南、常见问题和法规"</label>
                <p class="hint" id="q-hint">"例如：复查、调解、法律援助、办理期限"</p>
                <input id="q" name="q" type="search" value=value aria-describedby="q-hint" maxlength="50" />
            </div>
            <button type="submit" class="button">
                "搜索"
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
        <PageTitle text="普法园地" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(ix) => {
                        view! {
                            <div class="wrap">
                                <h1>"普法园地"</h1>
                                <p class="lead">
                                    "用平实的话讲清楚怎样信访、到哪里去、有哪些期限、有什么权利和义务。每篇都注明所依据的法规条文。"
                                </p>
                                <SearchForm />
                                <h2>"办事指南"</h2>
                                <DocList docs=ix.guides id="guides" />
                                {(!ix.faq.is_empty())
                                    .then(|| {
                                        view! {
                                            <h2>"常见问题"</h2>
                                            <DocList docs=ix.faq id="faq" />
                                        }
                                    })}
                                <h2>"法规库"</h2>
                                <StatuteList docs=ix.statutes />
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => unavailable("普法园地", e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StatuteList(docs: Vec<DocSummary>) -> impl IntoView {
    if docs.is_empty() {
        view! {
            <p id="no-statutes">
                "法规库中还没有法规文本。管理员可以用命令 "
                <code>"server import-statutes 文件.md …"</code>
                " 导入 Markdown 格式的法规（每条以“第…条”开头），导入后每一条都可以直接链接和搜索。"
            </p>
        }
        .into_any()
    } else {
        view! { <DocList docs id="statutes" /> }.into_any()
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
                    Err(e) => unavailable("普法园地", e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Guide(g: GuideView) -> impl IntoView {
    let updated = g.published_on;
    view! {
        <PageTitle text=format!("{} · 普法园地", g.title) />
        <div class="wrap guide">
            <nav aria-label="位置" class="breadcrumbs">
                <a href="/guides">"普法园地"</a>
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
                {format!(
                    "最后更新：{}（第 {} 版）",
                    crate::features::petition::pages::date_label(updated),
                    g.version,
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
                                <StatuteList docs=Vec::new() />
                            </div>
                        }
                            .into_any()
                    }
                    Err(e) => unavailable("法规库", e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Law(s: StatuteView) -> impl IntoView {
    let StatuteView { statute, .. } = s;
    view! {
        <PageTitle text=format!("{} · 法规库", statute.title) />
        <div class="wrap statute">
            <nav aria-label="位置" class="breadcrumbs">
                <a href="/guides">"普法园地"</a>
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
        <PageTitle text="搜索 · 普法园地" />
        <div class="wrap">
            <h1>"搜索"</h1>
            <SearchForm value=q.clone() />
            <Suspense fallback=|| ()>
                {move || {
                    let q = q.clone();
                    Suspend::new(async move {
                        let q = q.trim().to_owned();
                        match hits.await {
                            Ok(_) if q.is_empty() => {
                                view! { <p id="search-summary">"请输入要找的词，例如“复查”。"</p> }.into_any()
                            }
                            Ok(hits) if hits.is_empty() => {
                                view! {
                                    <p id="search-summary" role="status">
                                        {format!("没有找到与“{q}”有关的内容。")}
                                    </p>
                                    <p>
                                        "可以换一个更短的词再试，或者浏览"
                                        <a href="/guides">"普法园地"</a>
                                        "的全部指南；也可以拨打 12345 咨询。"
                                    </p>
                                }
                                    .into_any()
                            }
                            Ok(hits) => {
                                view! {
                                    <p id="search-summary" role="status">
                                        {format!("找到 {} 处与“{q}”有关的内容。", hits.len())}
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
                                                        <span class="kind">" · " {h.kind.label()}</span>
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
    english.then(|| view! { <p class="note">"本页正文只有中文版。"</p> })
}
