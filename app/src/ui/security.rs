//! The Content-Security-Policy of rendered pages.
//!
//! Pages carry a fresh nonce: only our own inline hydration script (which carries the nonce) and
//! scripts from our own origin run, WebAssembly may be compiled, and nothing may frame the page.
//! Responses that are not pages (files, JSON) get a stricter default policy from the server.

use leptos::nonce::Nonce;
use leptos::prelude::*;

/// The policy for a page. `live_reload` names the websocket of `cargo leptos watch`, which only
/// development builds connect to.
pub fn page_policy(nonce: Option<&str>, live_reload: Option<&str>) -> String {
    let reload = live_reload.map(|ws| format!(" {ws}")).unwrap_or_default();
    // A page without scripts runs none (so a page made once and kept carries no nonce).
    let scripts = match nonce {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'none'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'{reload}; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Makes a nonce for this response, provides it to the hydration scripts and sets the header;
/// a page without `scripts` (no island, no live reload) gets a policy that runs none.
pub fn provide_nonce_and_csp(options: &LeptosOptions, scripts: bool) {
    let nonce = Nonce::new();
    let live_reload = (options.env == leptos::config::Env::DEV)
        .then(|| format!("ws://{}:{}", options.site_addr.ip(), options.reload_port));
    let with_nonce = (scripts || live_reload.is_some()).then(|| nonce.to_string());
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) =
            http::HeaderValue::from_str(&page_policy(with_nonce.as_deref(), live_reload.as_deref()))
    {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
    provide_context(nonce);
}

#[cfg(test)]
mod tests {
    use super::page_policy;

    #[test]
    fn pages_run_only_nonced_or_own_scripts_and_cannot_be_framed() {
        let p = page_policy(Some("abc"), None);
        assert!(p.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("connect-src 'self';"));
    }

    #[test]
    fn pages_without_scripts_run_none() {
        let p = page_policy(None, None);
        assert!(p.contains("script-src 'none';"), "{p}");
        assert!(!p.contains("nonce"));
    }

    #[test]
    fn development_builds_may_reach_the_live_reload_socket() {
        let p = page_policy(Some("abc"), Some("ws://127.0.0.1:3001"));
        assert!(p.contains("connect-src 'self' ws://127.0.0.1:3001;"));
    }
}
