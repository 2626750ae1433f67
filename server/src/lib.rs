//! Builds the portal's HTTP application. `Application::build` binds the listener (port 0 in tests),
//! opens and migrates the database and seeds demo content on an empty one; `run_until_stopped`
//! serves until the shutdown future resolves, then drains in-flight requests.

pub mod backup;
pub mod cli;
pub mod http;
pub mod migrate_data;
pub mod seed;

use anyhow::Context as _;
use app::domain::config::{BureauConfig, EXAMPLE_CONFIG};
use app::kernel::AppContext;
use leptos::config::LeptosOptions;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything the server needs to start; `cli` fills it from flags and environment.
#[derive(Clone, Debug)]
pub struct Settings {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub config: Arc<BureauConfig>,
    /// Overrides the SQLite file in `data_dir`.
    pub database_url: Option<String>,
    /// The built site: `pkg/` (WASM, JS, CSS) and public assets.
    pub site_root: PathBuf,
    /// The address citizens use; an `https://` one turns on HSTS and `Secure` cookies.
    pub public_url: Option<String>,
    /// The proxies whose forwarding headers name the client.
    pub trusted_proxies: app::kernel::client::TrustedProxies,
    /// The 查询码 key's file; `data_dir/query-code.key` when `None`.
    pub query_code_key: Option<PathBuf>,
    /// Seed demo content on an empty database.
    pub seed_demo: bool,
    /// Also seed demo cases (the tests keep their databases empty of cases).
    pub seed_demo_cases: bool,
    /// The one clock: the system's, or a manual one that tests move.
    pub clock: Arc<dyn app::kernel::clock::Clock>,
    /// How notifications leave (`--smtp-url`, `--sms-gateway-url`); none: they stay queued.
    pub transports: app::kernel::outbox::transport::Transports,
}

impl Settings {
    /// Settings for a throwaway instance: port 0 on loopback, the given data dir, the built-in
    /// example config. Used by tests.
    pub fn for_tests(data_dir: PathBuf, site_root: PathBuf) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir,
            config: Arc::new(BureauConfig::parse(EXAMPLE_CONFIG).expect("built-in config")),
            database_url: None,
            site_root,
            public_url: None,
            trusted_proxies: Default::default(),
            query_code_key: None,
            seed_demo: true,
            seed_demo_cases: false,
            clock: Arc::new(app::kernel::clock::ManualClock::starting_now()),
            transports: Default::default(),
        }
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("portal.db").display()))
    }

    /// Where the 查询码 key is kept.
    pub fn query_code_key_file(&self) -> PathBuf {
        self.query_code_key
            .clone()
            .unwrap_or_else(|| self.data_dir.join("query-code.key"))
    }

    pub fn behind_tls(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

pub use app::kernel::AppState;

pub struct Application {
    listener: tokio::net::TcpListener,
    router: axum::Router,
    state: AppState,
    /// The accounts seeded on this start, with their one-time passwords (empty if none).
    pub seeded: Vec<seed::SeededAccount>,
    /// Demo cases seeded on this start: (number, 查询码), shown once on the console.
    pub demo_cases: Vec<(String, String)>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        // The database, the attachments and the key are for the server's user alone.
        app::kernel::files::private_dir(&settings.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                settings.data_dir.display()
            )
        })?;
        let key_file = settings.query_code_key_file();
        let code_key =
            app::kernel::query_code::CodeKey::load_or_create(&key_file).with_context(|| {
                format!(
                    "cannot read or create the 查询码 key {}",
                    key_file.display()
                )
            })?;
        let pool = app::kernel::store::connect(&settings.database_url())
            .await
            .context("cannot open the database")?;
        app::kernel::store::migrate(&pool)
            .await
            .context("cannot apply the database migrations")?;
        restrict_database_files(&settings.data_dir);
        app::features::upgrade_stored_data(&pool)
            .await
            .context("cannot upgrade the stored events")?;
        // Files an earlier version kept on disk move into the database.
        let moved =
            app::kernel::files::uploads::adopt_files(&pool, &settings.data_dir.join("attachments"))
                .await
                .context("cannot move the stored files into the database")?;
        if moved > 0 {
            tracing::info!(moved, "stored files moved into the database");
        }
        let now = app::kernel::Now::of(settings.clock.as_ref());
        let seeded = if settings.seed_demo {
            seed::seed_if_empty(&pool, &settings.config, now).await?
        } else {
            Vec::new()
        };
        let leptos_options = LeptosOptions::builder()
            .output_name("portal")
            .site_root(settings.site_root.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(settings.listen)
            .env(leptos_env())
            .build();
        let state = AppState {
            leptos_options,
            ctx: AppContext::new(
                pool,
                settings.config.clone(),
                settings.data_dir.join("attachments"),
                settings.clock.clone(),
            )
            .with_stylesheet_from(&settings.site_root)
            .with_trusted_proxies(settings.trusted_proxies.clone())
            .with_code_key(code_key)
            .with_transports(settings.transports.clone()),
            behind_tls: settings.behind_tls(),
            public_url: settings.public_url.clone(),
        };
        // The portal's own guides and FAQ: demo content, seeded once into an empty library; the
        // laws they cite, each unless the library has it.
        if settings.seed_demo {
            let guides = app::features::library::service::seed_guides(&state.ctx.pool, now)
                .await
                .context("cannot seed the guides")?;
            if guides > 0 {
                tracing::info!(guides, "seeded the library's guides and FAQ");
            }
            let laws = app::features::library::service::seed_statutes(&state.ctx.pool, now)
                .await
                .context("cannot seed the law texts")?;
            if laws > 0 {
                tracing::info!(laws, "imported the law texts the guides cite");
            }
        }
        let demo_cases = if settings.seed_demo_cases && !seeded.is_empty() {
            seed::demo_cases(&state.ctx).await?
        } else {
            Vec::new()
        };
        let router = http::router(state.clone());
        let listener = tokio::net::TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("cannot listen on {}", settings.listen))?;
        Ok(Self {
            listener,
            router,
            state,
            seeded,
            demo_cases,
        })
    }

    /// What the server hands its handlers (tests reach the clock and sweeps through it).
    pub fn context(&self) -> &AppContext {
        &self.state.ctx
    }

    pub fn pool(&self) -> &app::kernel::store::Pool {
        &self.state.ctx.pool
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("bound listener")
    }

    /// Serves until `shutdown` resolves, finishes the requests in flight, then closes the database.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let pool = self.state.ctx.pool.clone();
        // The hourly work, run by one server of the portal each hour (whichever asks first):
        // expired staff sessions, uploads whose petition was never sent (after a day),
        // receipts' sealed 查询码 past their time, and what the guards no longer look at.
        let hourly = tokio::spawn({
            let ctx = self.state.ctx.clone();
            async move {
                let mut ticks = tokio::time::interval(std::time::Duration::from_secs(60));
                loop {
                    ticks.tick().await;
                    hourly_work(&ctx).await;
                }
            }
        });
        // Notifications, sent off the request path (each message by one server of the portal).
        let sender = tokio::spawn(app::kernel::outbox::worker::run(self.state.ctx.clone()));
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await?;
        hourly.abort();
        sender.abort();
        pool.close().await;
        Ok(())
    }
}

/// The SQLite file and its journal, readable by the server's user only (SQLite gives a new
/// journal the mode of the database file).
pub fn restrict_database_files(data_dir: &std::path::Path) {
    for name in ["portal.db", "portal.db-wal", "portal.db-shm"] {
        let path = data_dir.join(name);
        if path.exists()
            && let Err(e) = app::kernel::files::restrict(&path, 0o600)
        {
            tracing::warn!(error = %e, file = %path.display(), "cannot make the file private");
        }
    }
}

/// `cargo leptos watch` sets LEPTOS_ENV=DEV to get live reload; everything else runs as production.
fn leptos_env() -> leptos::config::Env {
    match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") | Ok("development") => leptos::config::Env::DEV,
        _ => leptos::config::Env::PROD,
    }
}

/// The hourly work, if this server is the one to do it this hour (`store::claim_periodic`).
pub async fn hourly_work(ctx: &app::kernel::context::AppContext) {
    use tower_sessions::ExpiredDeletion as _;
    let now = ctx.now().utc();
    match app::kernel::store::claim_periodic(&ctx.pool, "hourly", now, chrono::Duration::hours(1))
        .await
    {
        Ok(true) => {}
        Ok(false) => return,
        Err(e) => {
            tracing::error!(error = %e, "cannot ask whether the hourly work is due");
            return;
        }
    }
    if let Err(e) = app::kernel::store::session_store(&ctx.pool)
        .delete_expired()
        .await
    {
        tracing::error!(error = %e, "cannot delete expired sessions");
    }
    match app::kernel::files::uploads::sweep_unsent(ctx, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(deleted = n, "unsent uploads deleted"),
        Err(e) => tracing::error!(error = %e, "cannot delete unsent uploads"),
    }
    if let Err(e) = app::kernel::filing::forget_codes(&ctx.pool, now).await {
        tracing::error!(error = %e, "cannot clear receipts' sealed codes");
    }
    if let Err(e) =
        app::kernel::guard::sweep(&ctx.pool, now, app::kernel::guard::LONGEST_MEMORY).await
    {
        tracing::error!(error = %e, "cannot sweep the guards' old rows");
    }
    if let Err(e) = app::features::cases::service::remind_closing_reviews(ctx, ctx.now()).await {
        tracing::error!(error = %e, "cannot queue the reminders of closing review windows");
    }
    if let Err(e) = app::features::cases::service::send_staff_digests(ctx, ctx.now()).await {
        tracing::error!(error = %e, "cannot queue the staff's daily digests");
    }
    if let Err(e) = app::kernel::sms_code::sweep(&ctx.pool, now).await {
        tracing::error!(error = %e, "cannot delete old SMS codes");
    }
    if let Err(e) = app::kernel::outbox::worker::sweep(ctx, now).await {
        tracing::error!(error = %e, "cannot delete delivered notifications past their time");
    }
}
