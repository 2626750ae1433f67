//! 法律援助: the self-check, the application, its progress, and the agency's workbench
//! (PRODUCT.md journey 3). Rules: `domain::legal_aid`.

pub mod form;
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
