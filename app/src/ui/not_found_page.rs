use crate::ui::PageTitle;
use leptos::prelude::*;

/// Shown for any path the portal does not know, with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text="找不到这个页面" />
        <div class="wrap">
            <h1>"找不到这个页面"</h1>
            <p>"您输入的网址可能有误，或者页面已经移动。"</p>
            <ul>
                <li>
                    <a href="/">"返回首页"</a>
                </li>
                <li>"如需帮助，可拨打 12345 政务服务便民热线。"</li>
            </ul>
        </div>
    }
}
