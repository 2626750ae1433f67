//! What the server hands to pages and server functions for one request.

use crate::domain::config::BureauConfig;
use crate::kernel::clock::{Clock, Now};
use crate::kernel::store::Pool;
use leptos::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// Shared, cheap to clone: the database pool, the bureau's configuration and the guards that
/// slow down guessing.
#[derive(Clone, Debug)]
pub struct AppContext {
    pub pool: Pool,
    pub config: Arc<BureauConfig>,
    pub sign_in_guard: crate::kernel::guard::Guard,
    pub lookup_guard: crate::kernel::guard::Guard,
    /// SMS codes asked for, and typed (我的事项, a lost 查询码).
    pub code_send_limits: crate::kernel::guard::SendLimits,
    pub code_check_guard: crate::kernel::guard::Guard,
    /// Where uploads are spooled while they arrive (`<token>.part` in `<data dir>/attachments`,
    /// outside the web root); the files kept are in the database.
    pub attachments_dir: PathBuf,
    /// `/pkg/portal.css?v=<fingerprint of its content>`: a new stylesheet gets a new address, so
    /// browsers may keep this one for a year (`STATIC_CACHE` in the server).
    pub stylesheet: String,
    /// The one clock (the system's in production, a manual one in tests).
    pub clock: Arc<dyn Clock>,
    /// Public pages made once per content version (`kernel::page_cache`).
    pub pages: Arc<crate::kernel::page_cache::PageCache>,
    /// The proxies whose `X-Forwarded-For` / `Forwarded` name the client (`--trusted-proxy`).
    pub trusted_proxies: Arc<crate::kernel::client::TrustedProxies>,
    /// Durable submissions committed in groups (`kernel::store::GroupCommit`).
    pub writes: crate::kernel::store::GroupCommit,
    /// What features keep in memory and update as the data changes (`kernel::memo`).
    pub memos: Arc<crate::kernel::memo::Memos>,
    /// Upload posts read at once (`[limits] concurrent_uploads`).
    pub upload_slots: Arc<crate::kernel::files::uploads::UploadSlots>,
    /// How much one client and one person may file (`[limits]`).
    pub filing_limits: crate::kernel::guard::FilingLimits,
    /// The server's secret for 查询码 hashes (kept in a file outside the database).
    pub code_key: Arc<crate::kernel::query_code::CodeKey>,
    /// How notifications leave (`kernel::outbox::transport`); none configured: they stay queued.
    pub transports: crate::kernel::outbox::transport::Transports,
}

impl AppContext {
    /// With the stylesheet's address fingerprinted from the file in `site_root`; the plain
    /// address when the file cannot be read (it is then served without a long cache lifetime).
    pub fn with_stylesheet_from(mut self, site_root: &std::path::Path) -> Self {
        if let Ok(css) = std::fs::read(site_root.join("pkg/portal.css")) {
            // FNV-1a: stable across builds and Rust versions, unlike the std hasher.
            let hash = crate::kernel::page_cache::fnv1a(&css);
            self.stylesheet = format!("/pkg/portal.css?v={hash:016x}");
        }
        self
    }

    pub fn new(
        pool: Pool,
        config: Arc<BureauConfig>,
        attachments_dir: PathBuf,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let filing_limits = crate::kernel::guard::FilingLimits::new(&config.limits);
        let upload_slots = Arc::new(crate::kernel::files::uploads::UploadSlots::new(
            config.limits.concurrent_uploads,
        ));
        Self {
            writes: crate::kernel::store::GroupCommit::start(pool.clone()),
            memos: Arc::default(),
            upload_slots,
            filing_limits,
            pool,
            config,
            attachments_dir,
            clock,
            stylesheet: "/pkg/portal.css".to_owned(),
            pages: crate::kernel::page_cache::PageCache::new(),
            sign_in_guard: crate::kernel::guard::sign_in_guard(),
            lookup_guard: crate::kernel::guard::lookup_guard(),
            code_send_limits: crate::kernel::guard::SendLimits::default(),
            code_check_guard: crate::kernel::guard::code_check_guard(),
            trusted_proxies: Arc::default(),
            code_key: Arc::new(crate::kernel::query_code::CodeKey::generate()),
            transports: Default::default(),
        }
    }

    /// With the transports notifications are sent through.
    pub fn with_transports(
        mut self,
        transports: crate::kernel::outbox::transport::Transports,
    ) -> Self {
        self.transports = transports;
        self
    }

    /// With the proxies whose forwarding headers are believed.
    pub fn with_trusted_proxies(mut self, proxies: crate::kernel::client::TrustedProxies) -> Self {
        self.trusted_proxies = Arc::new(proxies);
        self
    }

    /// With the server's 查询码 key (a fresh random one otherwise, which a restart would lose).
    pub fn with_code_key(mut self, key: crate::kernel::query_code::CodeKey) -> Self {
        self.code_key = Arc::new(key);
        self
    }

    /// The clock read now: for work that belongs to no request (sweeps, the demo seed).
    pub fn now(&self) -> Now {
        Now::of(self.clock.as_ref())
    }
}

/// The request's [`AppContext`], as provided by the server for every page and server function.
pub fn app_context() -> Result<AppContext, ServerFnError> {
    use_context::<AppContext>()
        .ok_or_else(|| ServerFnError::new("the server did not provide its context"))
}

/// Shared state of the axum application: what every handler gets.
#[derive(Clone, Debug, axum::extract::FromRef)]
pub struct AppState {
    pub leptos_options: leptos::config::LeptosOptions,
    pub ctx: AppContext,
    pub behind_tls: bool,
    /// The address citizens use (`--public-url`): the origin state-changing requests must come from.
    pub public_url: Option<String>,
}
