use leptos::prelude::*;

/// One action on a case or an application: a form that posts `action` (and whatever fields it
/// holds) to `url`, ending in its button. Every action form of the workbench is one of these, so
/// they post the same way and tests find them by `form:has(input[value=…])`.
#[component]
pub fn ActionForm(
    url: String,
    action: &'static str,
    #[prop(into)] label: String,
    /// A lesser action: the secondary button style.
    #[prop(optional)]
    secondary: bool,
    /// The action's fields, if any.
    #[prop(optional)]
    fields: Option<AnyView>,
) -> impl IntoView {
    view! {
        <form method="post" action=url class="case-action" id=format!("action-{action}")>
            <input type="hidden" name="action" value=action />
            {fields}
            <button type="submit" class=if secondary { "button secondary" } else { "button" }>
                {label}
            </button>
        </form>
    }
}
