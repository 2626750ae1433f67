//! 普法园地 publishing on the workbench (内容编辑 and 管理员): the guides with their versions, and
//! an editor that previews, saves a draft, publishes, or publishes an earlier version again.
//! Every saved change is a new version with who and when; readers see only the published one.

use crate::features::library::server_fns::{get_editor, get_editor_list};
use crate::features::library::view::{EditorListItem, EditorView, Segment};
use crate::ui::DataTable;
use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, TextArea, TextField, error_for, form_title};
use crate::ui::i18n::time as time_label;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// What the server hands the editor after a post that did not save: the problems, or a preview.
#[derive(Clone, Debug, PartialEq)]
pub struct EditorProblem {
    pub view: EditorView,
    pub errors: Vec<FieldError>,
    pub preview: Option<Vec<Segment>>,
}

#[component]
pub fn ArticlesPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| get_editor_list());
    view! {
        <PageTitle text="普法园地文章 · 工作台" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(Some(items)) => view! { <ArticleList items /> }.into_any(),
                    _ => view! { <crate::ui::SignInFirst /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArticleList(items: Vec<EditorListItem>) -> impl IntoView {
    view! {
        <div class="wrap">
            <nav aria-label="返回" class="breadcrumbs">
                <a href="/staff">"工作台"</a>
            </nav>
            <h1>"普法园地文章"</h1>
            <p>
                <a class="button" href="/staff/articles/new">
                    "写一篇新指南"
                </a>
            </p>
            <DataTable caption="指南和常见问题，每篇的最新版本和正在公开的版本" caption_visible=false>
                <thead>
                    <tr>
                        <th scope="col">"标题"</th>
                        <th scope="col">"最新版本"</th>
                        <th scope="col">"公开的版本"</th>
                        <th scope="col">"最后修改"</th>
                    </tr>
                </thead>
                <tbody>
                    {items
                        .into_iter()
                        .map(|i| {
                            let href = format!("/staff/articles/{}", i.slug);
                            view! {
                                <tr>
                                    <td>
                                        <a href=href>{i.title}</a>
                                    </td>
                                    <td>{format!("第 {} 版", i.latest)}</td>
                                    <td>
                                        {i
                                            .live
                                            .map(|v| format!("第 {v} 版"))
                                            .unwrap_or_else(|| "未公开".to_owned())}
                                    </td>
                                    <td>{format!("{} {}", i.author, time_label(&i.created_at))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </DataTable>
        </div>
    }
}

#[component]
pub fn ArticleEditorPage() -> impl IntoView {
    if let Some(p) = use_context::<EditorProblem>() {
        return view! { <Editor view=p.view errors=p.errors preview=p.preview /> }.into_any();
    }
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let slug = if slug == "new" { String::new() } else { slug };
    let editor = Resource::new(move || slug.clone(), get_editor);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match editor.await {
                    Ok(Some(view)) => {
                        view! { <Editor view errors=Vec::new() preview=None /> }.into_any()
                    }
                    Ok(None) => view! { <crate::ui::NotFoundPage /> }.into_any(),
                    Err(_) => view! { <crate::ui::SignInFirst /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Editor(
    view: EditorView,
    errors: Vec<FieldError>,
    preview: Option<Vec<Segment>>,
) -> impl IntoView {
    let action = if view.is_new {
        "/staff/articles".to_owned()
    } else {
        format!("/staff/articles/{}", view.slug)
    };
    let heading = if view.is_new {
        "写一篇新指南".to_owned()
    } else {
        format!("编辑：{}", view.slug)
    };
    let history_action = action.clone();
    view! {
        <PageTitle text=form_title(&heading, &errors) />
        <div class="wrap">
            <nav aria-label="返回" class="breadcrumbs">
                <a href="/staff/articles">"普法园地文章"</a>
            </nav>
            <ErrorSummary errors=errors.clone() />
            <h1>{heading}</h1>
            <form method="post" action=action novalidate>
                {view
                    .is_new
                    .then(|| {
                        view! {
                            <TextField
                                id="slug"
                                label="网址名"
                                hint=Some("小写英文字母、数字和连字符，发布后是 /guides/网址名".to_owned())
                                value=view.slug.clone()
                                error=error_for(&errors, "slug")
                            />
                        }
                    })}
                <TextArea
                    id="source"
                    label="正文（Markdown）"
                    hint=Some("第一行“# 标题”，空一行后是一段摘要，再空一行是正文。单独一行写 {{时限图}} 或 {{流程图}} 会显示由系统规则生成的图表。不能使用 HTML。".to_owned())
                    rows=20
                    value=view.source.clone()
                    error=error_for(&errors, "source")
                />
                <button type="submit" class="button secondary" name="action" value="preview">
                    "预览"
                </button>
                " "
                <button type="submit" class="button secondary" name="action" value="save">
                    "保存草稿"
                </button>
                " "
                <button type="submit" class="button" name="action" value="publish">
                    "保存并发布"
                </button>
            </form>
            {preview
                .map(|segments| {
                    view! {
                        <section class="preview" id="preview" aria-labelledby="preview-title">
                            <h2 id="preview-title">"预览（尚未保存）"</h2>
                            {segments
                                .into_iter()
                                .map(|s| match s {
                                    Segment::Html(html) => {
                                        view! { <div class="prose" inner_html=html></div> }.into_any()
                                    }
                                    Segment::Chart(chart) => {
                                        view! { <crate::features::library::pages::ChartView chart /> }.into_any()
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })}
            {(!view.history.is_empty())
                .then(|| {
                    view! {
                        <h2>"版本记录"</h2>
                        <ol class="timeline" id="history">
                            {view
                                .history
                                .into_iter()
                                .map(|v| {
                                    let live = v.live;
                                    let version = v.version.to_string();
                                    view! {
                                        <li>
                                            {format!(
                                                "第 {} 版：{}（{}，{}）",
                                                v.version,
                                                v.title,
                                                v.author,
                                                time_label(&v.created_at),
                                            )}
                                            {if live {
                                                view! { " " <strong>"正在公开"</strong> }.into_any()
                                            } else {
                                                view! {
                                                    <form method="post" action=history_action.clone() class="inline">
                                                        <input type="hidden" name="version" value=version />
                                                        <button type="submit" class="link-button" name="action" value="publish_version">
                                                            {format!("公开第 {} 版", v.version)}
                                                        </button>
                                                    </form>
                                                }
                                                    .into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                })}
        </div>
    }
}
