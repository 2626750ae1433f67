use crate::api::{get_current_staff, list_cases};
use crate::domain::case::{CaseListItem, Urgency};
use crate::domain::category::Category;
use crate::domain::staff::StaffAccount;
use leptos::prelude::*;
use leptos_meta::Title;

/// 工作台: the signed-in staff member's landing page. Without a session it sends the visitor to the
/// sign-in page.
#[component]
pub fn WorkbenchPage() -> impl IntoView {
    let staff = Resource::new(|| (), |_| get_current_staff());
    let cases = Resource::new(|| (), |_| list_cases());
    view! {
        <Title text="工作台" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match staff.await {
                    Ok(Some(account)) => {
                        let cases = cases.await.ok().flatten().unwrap_or_default();
                        view! { <Workbench account cases /> }.into_any()
                    }
                    Ok(None) => {
                        view! { <super::SignInFirst /> }.into_any()
                    }
                    Err(e) => {
                        view! {
                            <div class="wrap">
                                <h1>"暂时无法打开工作台"</h1>
                                <p>{e.to_string()}</p>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Workbench(account: StaffAccount, cases: Vec<CaseListItem>) -> impl IntoView {
    let unit = account.unit_code.clone();
    view! {
        <div class="wrap">
            <h1>"工作台"</h1>
            <dl class="facts">
                <dt>"姓名"</dt>
                <dd>{account.display_name}</dd>
                <dt>"用户名"</dt>
                <dd>{account.username}</dd>
                <dt>"角色"</dt>
                <dd>{account.role.label()}</dd>
                {unit
                    .map(|code| {
                        view! {
                            <dt>"所属承办单位"</dt>
                            <dd>{code}</dd>
                        }
                    })}
            </dl>
            <h2>"信访事项"</h2>
            {
                let overdue = cases
                    .iter()
                    .filter(|c| c.due.as_ref().is_some_and(|d| d.urgency == Urgency::Overdue))
                    .count();
                let soon = cases
                    .iter()
                    .filter(|c| c.due.as_ref().is_some_and(|d| d.urgency == Urgency::DueSoon))
                    .count();
                view! {
                    <p id="deadline-summary">
                        "共 " {cases.len()} " 件；已超期 " <strong>{overdue}</strong> " 件，3 日内到期 "
                        <strong>{soon}</strong> " 件。"
                    </p>
                }
            }
            {if cases.is_empty() {
                view! { <p>"目前没有需要您处理的信访事项。"</p> }.into_any()
            } else {
                view! { <CaseTable cases /> }.into_any()
            }}
            <form method="post" action="/staff/logout">
                <button type="submit" class="button secondary">
                    "退出登录"
                </button>
            </form>
        </div>
    }
}

/// The list: newest first, personal data masked (身份证号码 as 110105********002X).
#[component]
fn CaseTable(cases: Vec<CaseListItem>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="cases">
                <caption class="visually-hidden">"信访事项列表，最新的在前"</caption>
                <thead>
                    <tr>
                        <th scope="col">"编号"</th>
                        <th scope="col">"标题"</th>
                        <th scope="col">"类别"</th>
                        <th scope="col">"信访人"</th>
                        <th scope="col">"状态"</th>
                        <th scope="col">"承办单位"</th>
                        <th scope="col">"当前期限"</th>
                    </tr>
                </thead>
                <tbody>
                    {cases
                        .into_iter()
                        .map(|c| {
                            let href = format!("/staff/cases/{}", c.number);
                            view! {
                                <tr>
                                    <td>
                                        <a href=href>{c.number}</a>
                                    </td>
                                    <td>{c.title}</td>
                                    <td>
                                        {Category::parse(&c.category).map(Category::label).unwrap_or("")}
                                    </td>
                                    <td>{c.petitioner}</td>
                                    <td>{c.status_label}</td>
                                    <td>{c.unit.unwrap_or_else(|| "未交办".into())}</td>
                                    <td>
                                        {c
                                            .due
                                            .map(|d| {
                                                let urgent = d.urgency.label();
                                                view! {
                                                    {d.label}
                                                    " "
                                                    {crate::pages::petition::date_label(d.date)}
                                                    {(!urgent.is_empty())
                                                        .then(|| {
                                                            view! {
                                                                " "
                                                                <strong class="urgent">{urgent}</strong>
                                                            }
                                                        })}
                                                }
                                            })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
