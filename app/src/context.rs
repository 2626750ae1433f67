//! What the server hands to pages and server functions for one request.

use crate::domain::config::BureauConfig;
use crate::store::Pool;
use leptos::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// Shared, cheap to clone: the database pool, the bureau's configuration and the guards that
/// slow down guessing.
#[derive(Clone, Debug)]
pub struct AppContext {
    pub pool: Pool,
    pub config: Arc<BureauConfig>,
    pub sign_in_guard: crate::guard::Guard,
    pub lookup_guard: crate::guard::Guard,
    /// Where uploaded files are kept: `<data dir>/attachments`, outside the web root.
    pub attachments_dir: PathBuf,
}

impl AppContext {
    pub fn new(pool: Pool, config: Arc<BureauConfig>, attachments_dir: PathBuf) -> Self {
        Self {
            pool,
            config,
            attachments_dir,
            sign_in_guard: crate::guard::sign_in_guard(),
            lookup_guard: crate::guard::lookup_guard(),
        }
    }
}

/// The request's [`AppContext`], as provided by the server for every page and server function.
pub fn app_context() -> Result<AppContext, ServerFnError> {
    use_context::<AppContext>()
        .ok_or_else(|| ServerFnError::new("the server did not provide its context"))
}
