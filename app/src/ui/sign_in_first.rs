use leptos::prelude::*;

/// For a visitor without a staff session: sends them to sign in (303), with a link for the rare
/// client that does not follow it.
#[component]
pub fn SignInFirst() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ui::redirect_page("/staff/login");
    view! {
        <div class="wrap">
            <h1>"请先登录"</h1>
            <p>
                <a href="/staff/login">"前往工作人员登录"</a>
            </p>
        </div>
    }
}

/// A workbench page that could not be opened (`page`: its name, e.g. 我的账号), with why.
#[component]
pub fn CannotOpen(page: &'static str, error: String) -> impl IntoView {
    view! {
        <crate::ui::PageTitle text=format!("{page} · 工作台") />
        <div class="wrap">
            <h1>{format!("暂时无法打开{page}")}</h1>
            <p>{error}</p>
        </div>
    }
}
