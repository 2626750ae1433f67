use leptos::prelude::*;

/// Marks the document as hydrated (`<html data-hydrated>`), so that browser tests can wait for
/// the WebAssembly to be running instead of sleeping.
#[island]
pub fn HydrationBeacon() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
