//! The portal's pages, features and server-side services.
//!
//! The same crate is compiled twice: with `ssr` into the server binary (pages rendered to HTML,
//! server functions, the storage layer, the HTTP handlers), and with `hydrate` into WebAssembly.
//! The portal runs in Leptos *islands* mode: pages are plain server-rendered HTML that works with
//! JavaScript off, and only the components marked `#[island]` ship code to the browser.
//!
//! - `domain` (its own crate, re-exported): the rules, with no I/O;
//! - `kernel`: what every feature shares on the server (context, store, errors, files, languages);
//! - `ui`: the shell and shared widgets;
//! - `features`: one folder per capability, each with its service, SQL, pages and handlers;
//! - `app`: the document shell and the one list of page routes.

// Deeply nested views (the legal-aid form) need more than the default 128 for their types.
#![recursion_limit = "256"]

pub use domain;

pub mod app;
pub mod features;
pub mod kernel;
pub mod ui;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
