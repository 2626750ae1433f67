//! The workbench's cases: what staff see of a case and what they do to it (PRODUCT.md "Staff
//! workbench"). Rules: `domain::case`.

pub mod pages;
pub mod server_fns;
pub mod view;

#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
