//! What every feature shares on the server: the context and state, the store, the API's error
//! format, rendering a page as the answer to a form post, uploaded files, throttles, and the
//! languages.

pub mod i18n;

#[cfg(feature = "ssr")]
pub mod clock;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod api_key;
#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod filing;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod hashing;
#[cfg(feature = "ssr")]
pub mod lookup;
#[cfg(feature = "ssr")]
pub mod memo;
#[cfg(feature = "ssr")]
pub mod origin;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod page_cache;
#[cfg(feature = "ssr")]
pub mod query_code;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod sms_code;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use client::Client;
#[cfg(feature = "ssr")]
pub use clock::Now;
#[cfg(feature = "ssr")]
pub use context::{AppContext, AppState, app_context};
#[cfg(feature = "ssr")]
pub use error::AppError;

#[cfg(all(test, feature = "ssr"))]
mod architecture_tests;
#[cfg(all(test, feature = "ssr"))]
pub(crate) mod source_scan;
