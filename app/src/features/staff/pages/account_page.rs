//! 我的账号 (`/staff/account`): the signed-in staff member's own page — who they are, and where and
//! whether they are told of their work by mail (issue 16). A plain form posted to the server.

use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, TextField, error_for, form_title};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// The page's data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub display_name: String,
    pub username: String,
    pub role: String,
    pub unit: Option<String>,
    pub email: String,
    pub notify_email: bool,
    /// Whether the role is told of anything by mail (those that see no cases are not).
    pub gets_mail: bool,
}

/// What the server hands the page after a post that did not save: what was typed, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountProblem {
    pub view: AccountView,
    pub errors: Vec<FieldError>,
}

#[component]
pub fn AccountPage() -> impl IntoView {
    if let Some(p) = use_context::<AccountProblem>() {
        return view! { <Account view=p.view errors=p.errors saved=false /> }.into_any();
    }
    let saved = use_query_map().read_untracked().get("saved").is_some();
    let account = Resource::new(|| (), |_| super::super::server_fns::get_account());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(Some(view)) => {
                        view! { <Account view errors=Vec::new() saved /> }.into_any()
                    }
                    Ok(None) => view! { <crate::ui::SignInFirst /> }.into_any(),
                    Err(e) => {
                        view! { <crate::ui::CannotOpen page="我的账号" error=e.to_string() /> }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Account(view: AccountView, errors: Vec<FieldError>, saved: bool) -> impl IntoView {
    let title = form_title("我的账号 · 工作台", &errors);
    let AccountView {
        display_name,
        username,
        role,
        unit,
        email,
        notify_email,
        gets_mail,
    } = view;
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <nav aria-label="返回">
                <a href="/staff">"返回工作台"</a>
            </nav>
            <ErrorSummary errors=errors.clone() />
            <h1>"我的账号"</h1>
            {saved.then(|| view! { <p class="notice" role="status" id="account-saved">"已保存。"</p> })}
            <dl class="facts">
                <dt>"姓名"</dt>
                <dd>{display_name}</dd>
                <dt>"用户名"</dt>
                <dd>{username}</dd>
                <dt>"角色"</dt>
                <dd>{role}</dd>
                {unit.map(|u| view! { <dt>"单位"</dt> <dd>{u}</dd> })}
            </dl>
            <h2>"邮件通知"</h2>
            {(!gets_mail)
                .then(|| {
                    view! {
                        <p class="notice" id="mail-none">
                            "您的角色不经办信访事项，不会收到邮件通知。"
                        </p>
                    }
                })}
            <p id="mail-what">
                "开启后，以下情况会发邮件到您的邮箱：信访事项交由本单位办理、收到复查或复核申请、收到督办函或提醒函；每天 8 时以后一封当日汇总，列出已超期和 3 日内到期的事项（没有则不发）。邮件只写编号和发生了什么，详情请登录工作台查看。"
            </p>
            <form method="post" action="/staff/account" novalidate>
                <TextField
                    id="email"
                    label="邮箱地址"
                    kind="email"
                    autocomplete=Some("email")
                    value=email
                    error=error_for(&errors, "email")
                />
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id="notify_email"
                        name="notify_email"
                        value="yes"
                        checked=notify_email
                        aria-describedby="mail-what"
                    />
                    <label for="notify_email">"接收邮件通知"</label>
                </div>
                <button type="submit" class="button">
                    "保存"
                </button>
            </form>
        </div>
    }
}
