use crate::api::get_current_staff;
use crate::domain::staff::StaffAccount;
use leptos::prelude::*;
use leptos_meta::Title;

/// 工作台: the signed-in staff member's landing page. Without a session it sends the visitor to the
/// sign-in page.
#[component]
pub fn WorkbenchPage() -> impl IntoView {
    let staff = Resource::new(|| (), |_| get_current_staff());
    view! {
        <Title text="工作台" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match staff.await {
                    Ok(Some(account)) => view! { <Workbench account /> }.into_any(),
                    Ok(None) => {
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
                            .into_any()
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
fn Workbench(account: StaffAccount) -> impl IntoView {
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
            <form method="post" action="/staff/logout">
                <button type="submit" class="button secondary">
                    "退出登录"
                </button>
            </form>
        </div>
    }
}
