//! 我要信访: the online petition, one question per page (PRODUCT.md journey 1), and its API.
//! Rules: `domain::petition`.

pub mod draft_keeper;
pub mod journey;
pub mod pages;
pub mod view;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
