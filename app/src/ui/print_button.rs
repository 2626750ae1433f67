//! 打印回执: a button that opens the browser's print dialogue. A page cannot print without a
//! script, so the button stays hidden until the island runs; the page's text says how to print
//! with the browser's own menu either way.

use leptos::prelude::*;

#[island]
pub fn PrintButton() -> impl IntoView {
    let (ready, set_ready) = signal(false);
    // Effects run only in the browser: without JavaScript the button is never offered.
    Effect::new(move |_| set_ready.set(true));
    view! {
        <p class="no-print print-action" hidden=move || !ready.get()>
            <button
                type="button"
                class="button secondary"
                id="print-receipt"
                on:click=move |_| {
                    let _ = window().print();
                }
            >
                {crate::t!("print-receipt")}
            </button>
        </p>
    }
}
