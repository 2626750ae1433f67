//! The portal's pages, domain types and server functions.
//!
//! The same crate is compiled twice: with `ssr` into the server binary (pages rendered to HTML,
//! server functions, the storage layer), and with `hydrate` into WebAssembly. The portal runs in
//! Leptos *islands* mode: pages are plain server-rendered HTML that works with JavaScript off, and
//! only the components marked `#[island]` ship code to the browser.

// Deeply nested views (the legal-aid form) need more than the default 128 for their types.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod cases;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod legal_aid;
#[cfg(feature = "ssr")]
pub mod library;
#[cfg(feature = "ssr")]
pub mod petitions;
#[cfg(feature = "ssr")]
pub mod stats;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod uploads;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
