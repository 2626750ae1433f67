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
        <PageTitle text=crate::t!("not-found-title") />
        <div class="wrap">
            <h1>{crate::t!("not-found-title")}</h1>
            <p>{crate::t!("not-found-address")}</p>
            <ul>
                <li>
                    <a href="/">{crate::t!("not-found-home")}</a>
                </li>
                <li>{crate::t!("not-found-help")}</li>
            </ul>
        </div>
    }
}
