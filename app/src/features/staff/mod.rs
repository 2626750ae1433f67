//! Staff accounts: sign-in, sign-out, the signed-in staff member. Rules: `domain::staff`.

pub mod pages;
pub mod server_fns;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod store;
