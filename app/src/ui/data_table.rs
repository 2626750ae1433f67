use leptos::prelude::*;

/// A table of figures or cases that may be wider than a phone: it scrolls sideways inside a region
/// that keyboard users can focus and screen readers can name (axe's `scrollable-region-focusable`),
/// with the caption as the name. Use it for every wide table, so none is left unreachable.
#[component]
pub fn DataTable(
    #[prop(into)] caption: String,
    /// Show the caption (`false` keeps it for screen readers only).
    #[prop(default = true)]
    caption_visible: bool,
    /// On a phone, each row is shown as a card of label–value lines instead of a table that
    /// scrolls sideways (every cell then needs its column's name in `data-label`).
    #[prop(optional)]
    stacked: bool,
    children: Children,
) -> impl IntoView {
    let label = caption.clone();
    view! {
        <div class="table-wrap" role="region" aria-label=label tabindex="0">
            <table class=if stacked { "cases stacked" } else { "cases" }>
                <caption class=(!caption_visible).then_some("visually-hidden")>{caption}</caption>
                {children()}
            </table>
        </div>
    }
}
