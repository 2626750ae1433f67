//! The Content-Security-Policy of rendered pages.
//!
//! Pages carry a fresh nonce: only our own inline hydration script (which carries the nonce) and
//! scripts from our own origin run, WebAssembly may be compiled, and nothing may frame the page.
//! Responses that are not pages (files, JSON) get a stricter default policy from the server.

use leptos::nonce::Nonce;
use leptos::prelude::*;

pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Makes a nonce for this response, provides it to the hydration scripts and sets the header.
pub fn provide_nonce_and_csp() {
    let nonce = Nonce::new();
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) = http::HeaderValue::from_str(&page_policy(&nonce))
    {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
    provide_context(nonce);
}
