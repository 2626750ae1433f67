//! What every feature shares on the server: the context and state, the store, the API's error
//! format, rendering a page as the answer to a form post, uploaded files, throttles, and the
//! languages.

pub mod i18n;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use context::{AppContext, AppState, app_context};
