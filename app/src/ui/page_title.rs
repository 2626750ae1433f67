use leptos::prelude::*;
use leptos_meta::Title;

/// The page's `<title>`, escaped: leptos_meta 0.8 writes title text into the HTML verbatim, and
/// titles carry stored text (a guide's or a law's title). Every page uses this, never `Title`.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=crate::ui::form::textarea_text(&text) /> }
}
