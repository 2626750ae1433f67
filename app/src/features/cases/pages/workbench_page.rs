use crate::domain::case::CaseList;
use crate::domain::petition::category::Category;
use crate::domain::staff::StaffAccount;
use crate::features::cases::server_fns::list_cases;
use crate::features::cases::view::CaseListItem;
use crate::features::staff::server_fns::get_current_staff;
use crate::ui::DataTable;
use crate::ui::PageTitle;
use crate::ui::i18n::text;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// 工作台: the signed-in staff member's landing page, with the queue of new cases and the
/// due-soon and overdue lists (`?list=new|due-soon|overdue`). Without a session it sends the
/// visitor to the sign-in page.
#[component]
pub fn WorkbenchPage() -> impl IntoView {
    let list = CaseList::parse(
        &use_query_map()
            .read_untracked()
            .get("list")
            .unwrap_or_default(),
    );
    let staff = Resource::new(|| (), |_| get_current_staff());
    let cases = Resource::new(|| (), |_| list_cases());
    let failures = Resource::new(
        || (),
        |_| crate::features::notify::server_fns::get_outbox_failures(),
    );
    view! {
        <PageTitle text=if list == CaseList::All {
            "工作台".to_owned()
        } else {
            format!("{} · 工作台", text(&list.label()))
        } />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match staff.await {
                    Ok(Some(account)) => {
                        let cases = cases.await.ok().flatten().unwrap_or_default();
                        let failures = failures.await.unwrap_or_default();
                        view! { <Workbench account cases list failures /> }.into_any()
                    }
                    Ok(None) => {
                        view! { <crate::ui::SignInFirst /> }.into_any()
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
fn Workbench(
    account: StaffAccount,
    cases: Vec<CaseListItem>,
    list: CaseList,
    /// Notifications given up (`/staff/outbox`), for those who see the outbox.
    failures: i64,
) -> impl IntoView {
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
            {matches!(
                account.role,
                crate::domain::staff::StaffRole::Registrar | crate::domain::staff::StaffRole::Admin
            )
                .then(|| {
                    view! {
                        <p>
                            <a href="/staff/intake" class="button">
                                "登记来信来访"
                            </a>
                            " "
                            <a href="/staff/reception" class="button secondary">
                                "接访场次和预约"
                            </a>
                        </p>
                    }
                })}
            {(failures > 0)
                .then(|| {
                    view! {
                        <p class="error" id="outbox-failures">
                            {format!("有 {failures} 条通知多次发送失败，已停止重试。")}
                            " "
                            <a href="/staff/outbox">"查看通知发件记录"</a>
                        </p>
                    }
                })}
            {
                let count = |l: CaseList| cases.iter().filter(|c| l.contains(*c)).count();
                let (overdue, soon) = (count(CaseList::Overdue), count(CaseList::DueSoon));
                view! {
                    <p id="deadline-summary">
                        "共 " {cases.len()} " 件；已超期 " <strong>{overdue}</strong> " 件，3 日内到期 "
                        <strong>{soon}</strong> " 件。"
                    </p>
                    <nav aria-label="工作台" class="tabs">
                        <ul>
                            {CaseList::ALL
                                .into_iter()
                                .map(|l| {
                                    let href = if l == CaseList::All {
                                        "/staff".to_owned()
                                    } else {
                                        format!("/staff?list={}", l.code())
                                    };
                                    view! {
                                        <li>
                                            <a
                                                href=href
                                                aria-current=(l == list).then_some("page")
                                            >
                                                {format!("{} ({})", text(&l.label()), count(l))}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                            <li>
                                <a href="/staff/kpi">"考核指标与红黑榜"</a>
                            </li>
                            <li>
                                <a href="/staff/search">"查询和导出"</a>
                            </li>
                            <li>
                                <a href="/staff/reports">"报告"</a>
                            </li>
                            <li>
                                <a href="/staff/letters">"督办函和建议函"</a>
                            </li>
                            <li>
                                <a href="/staff/legal-aid">"法律援助申请"</a>
                            </li>
                            <li>
                                <a href="/staff/articles">"普法园地文章"</a>
                            </li>
                            <li>
                                <a href="/staff/outbox">"通知发件记录"</a>
                            </li>
                            {(account.role == crate::domain::staff::StaffRole::Admin)
                                .then(|| {
                                    view! {
                                        <li>
                                            <a href="/staff/api-keys">"接口密钥"</a>
                                        </li>
                                    }
                                })}
                        </ul>
                    </nav>
                }
            }
            <h2 id="list-heading">{text(&list.label())}</h2>
            {
                let chosen = list.select(&cases);
                if chosen.is_empty() {
                    let none = match list {
                        CaseList::All => "目前没有需要您处理的信访事项。",
                        CaseList::New => "没有等待登记的新事项。",
                        CaseList::DueSoon => "没有 3 日内到期的事项。",
                        CaseList::Overdue => "没有超期的事项。",
                        CaseList::Review => "没有等待作出复查、复核意见的事项。",
                    };
                    view! { <p>{none}</p> }.into_any()
                } else {
                    view! { <CaseTable cases=chosen /> }.into_any()
                }
            }
            <p>
                <a href="/staff/account">"我的账号（邮件通知）"</a>
            </p>
            <form method="post" action="/staff/logout">
                <button type="submit" class="button secondary">
                    "退出登录"
                </button>
            </form>
        </div>
    }
}

/// The list, personal data masked (身份证号码 as 110105********002X).
#[component]
fn CaseTable(cases: Vec<CaseListItem>) -> impl IntoView {
    view! {
            <DataTable caption="信访事项列表" caption_visible=false>
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
                                        <td>
                                            {c.title}
                                            {c
                                                .same_matter_as
                                                .map(|other| {
                                                    let href = format!("/staff/cases/{other}");
                                                    view! {
                                                        " "
                                                        <span class="tag same-matter">
                                                            "同一事项："
                                                            <a href=href>{other}</a>
                                                        </span>
                                                    }
                                                })}
                                        </td>
                                        <td>
                                            {Category::parse(&c.category)
                                                .map(|c| text(&c.label()))
                                                .unwrap_or_default()}
                                        </td>
                                        <td>{c.petitioner}</td>
                                        <td>{c.status_label}</td>
                                        <td>{c.unit.unwrap_or_else(|| "未交办".into())}</td>
                                        <td>
                                            {c
                                                .due
                                                .map(|d| {
                                                    let urgent = d.urgency.label().map(|u| text(&u));
                                                    view! {
                                                        {d.label}
                                                        " "
                                                        {crate::ui::i18n::due_date(d.date)}
                                                        {urgent
                                                            .map(|urgent| {
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
    </DataTable>
        }
}
