//! 普法园地: guides, the FAQ, the statute library, search, and publishing (PRODUCT.md journey 4).
//! Rules: `domain::library`.

pub mod pages;
pub mod server_fns;
pub mod view;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
