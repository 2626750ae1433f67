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
