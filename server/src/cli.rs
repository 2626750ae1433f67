//! Flags, environment twins and operator sub-commands (PRODUCT.md "Operations").
//!
//! Exit codes: 0 success; 1 the command ran and failed (the message says why and what to do);
//! 2 the command line itself was wrong (clap's usage message).

use crate::{Application, Settings, seed};
use anyhow::Context as _;
use app::domain::config::{BureauConfig, EXAMPLE_CONFIG};
use app::features::staff::store as staff;
use app::kernel::store::{self, StoreError};
use chrono::Datelike;
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser, Debug)]
#[command(
    name = "server",
    version,
    about = "信访 self-service portal: pages, /api/v1 and operator commands"
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Address to listen on.
    #[arg(
        long,
        env = "PORTAL_LISTEN",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub listen: SocketAddr,
    /// Directory for the SQLite file and attachments; created if missing.
    #[arg(long, env = "PORTAL_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// The bureau's TOML configuration; the built-in 防城港 example when absent.
    #[arg(long, env = "PORTAL_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Database URL; defaults to sqlite://DATA_DIR/portal.db.
    #[arg(long, env = "PORTAL_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// The built site (pkg/ with the WASM, JS and CSS, and public assets).
    #[arg(
        long,
        env = "PORTAL_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: PathBuf,
    /// The address citizens reach the portal at; https:// turns on HSTS and Secure cookies.
    #[arg(long, env = "PORTAL_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Reverse proxies (addresses or CIDR blocks, comma-separated or repeated) whose
    /// X-Forwarded-For / Forwarded headers name the client; without it those headers are ignored
    /// and every request counts as coming from its TCP peer.
    #[arg(
        long = "trusted-proxy",
        env = "PORTAL_TRUSTED_PROXY",
        value_name = "CIDR",
        value_delimiter = ',',
        value_parser = parse_proxy,
        global = true
    )]
    pub trusted_proxy: Vec<ipnet::IpNet>,
    /// The header the trusted proxies write the client's address into: `x-forwarded-for` or
    /// `forwarded` (RFC 7239). Only that one is read; the other is the client's to forge.
    #[arg(
        long,
        env = "PORTAL_FORWARDED_HEADER",
        default_value = "x-forwarded-for",
        value_parser = parse_forwarded_header,
        global = true
    )]
    pub forwarded_header: app::kernel::client::ForwardedHeader,
    /// The file holding the server's 查询码 key (created on first start); DATA_DIR/query-code.key
    /// by default. Every server of one portal needs the same key; keep it out of the database.
    #[arg(long, env = "PORTAL_QUERY_CODE_KEY_FILE", global = true)]
    pub query_code_key: Option<PathBuf>,
    /// The SMTP server notifications are mailed through: smtp://HOST:PORT (plain),
    /// smtp://USER:PASS@HOST:587?tls=required (STARTTLS) or smtps://USER:PASS@HOST (TLS).
    /// Without it, mail stays in the outbox (/staff/outbox).
    #[arg(long, env = "PORTAL_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// The sender of notification mail, e.g. "防城港市信访局 <noreply@xfj.example.cn>".
    #[arg(
        long,
        env = "PORTAL_MAIL_FROM",
        default_value = "noreply@localhost",
        global = true
    )]
    pub mail_from: String,
    /// The SMS gateway's URL: the portal POSTs JSON {"to", "template", "params", "text", "key"}
    /// (README "Notifications"). Without it, SMS stay in the outbox (/staff/outbox).
    #[arg(long, env = "PORTAL_SMS_GATEWAY_URL", global = true)]
    pub sms_gateway_url: Option<String>,
    /// The gateway's token, sent as `Authorization: Bearer TOKEN` (the environment keeps it out of `ps`).
    #[arg(
        long,
        env = "PORTAL_SMS_GATEWAY_TOKEN",
        global = true,
        hide_env_values = true
    )]
    pub sms_gateway_token: Option<String>,
}

fn parse_forwarded_header(s: &str) -> Result<app::kernel::client::ForwardedHeader, String> {
    app::kernel::client::ForwardedHeader::parse(s)
        .ok_or_else(|| "expected x-forwarded-for or forwarded".to_owned())
}

fn parse_proxy(s: &str) -> Result<ipnet::IpNet, String> {
    app::kernel::client::TrustedProxies::parse(s).and_then(|p| {
        p.0.into_iter()
            .next()
            .ok_or_else(|| "an empty proxy address".to_owned())
    })
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Create a staff account; prints its generated password once.
    CreateUser {
        /// Sign-in name: 3–32 characters of a–z, 0–9, `-` and `_`.
        #[arg(long)]
        username: String,
        /// Name shown in the workbench and in case events.
        #[arg(long)]
        name: String,
        /// One of registrar, unit_staff, supervisor, admin, legal_aid, editor.
        #[arg(long)]
        role: String,
        /// Unit code from the bureau config; required for unit_staff, refused otherwise.
        #[arg(long)]
        unit: Option<String>,
    },
    /// Import law texts (Markdown: `# 名称`, `## 章`, articles starting with `第…条`) into the
    /// statute library; each file's name (without `.md`) names the law in links, e.g.
    /// `/laws/信访工作条例-2022#第三十四条`. Importing a file again adds a new version.
    ImportStatutes {
        /// The Markdown files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Leave laws that are already in the library as they are (for set-up scripts).
        #[arg(long)]
        skip_existing: bool,
    },
    /// Write a consistent copy of the database, every attachment and the 查询码 key to FILE
    /// (one tar archive, which must not exist yet; readable by its owner only).
    Backup {
        /// Where to write the archive.
        #[arg(long = "to")]
        to: PathBuf,
    },
    /// Copy a portal's SQLite database, with every attachment, into an empty PostgreSQL
    /// database (created beforehand, e.g. with createdb), then check every table's row count and
    /// a digest of its rows, and the attachments' checksum, on both sides; the copy is committed
    /// only if they agree. Stop the servers on the SQLite database first.
    MigrateData {
        /// The SQLite database: sqlite://DATA_DIR/portal.db.
        #[arg(long = "from", value_name = "SQLITE_URL")]
        from: String,
        /// The PostgreSQL database: postgres://USER@HOST/DATABASE.
        #[arg(long = "to", value_name = "POSTGRES_URL")]
        to: String,
    },
    /// Restore an archive written by `backup` into an empty --data-dir.
    Restore {
        /// The archive.
        #[arg(long = "from")]
        from: PathBuf,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("PORTAL_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .init();
}

pub fn load_config(path: Option<&PathBuf>) -> anyhow::Result<BureauConfig> {
    match path {
        None => Ok(BureauConfig::parse(EXAMPLE_CONFIG)?),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the config file {}", path.display()))?;
            BureauConfig::parse(&text)
                .with_context(|| format!("the config file {} was refused", path.display()))
        }
    }
}

impl Common {
    pub fn settings(&self) -> anyhow::Result<Settings> {
        Ok(Settings {
            listen: self.listen,
            data_dir: self.data_dir.clone(),
            config: Arc::new(load_config(self.config.as_ref())?),
            database_url: self.database_url.clone(),
            site_root: self.site_root.clone(),
            public_url: self.public_url.clone(),
            trusted_proxies: app::kernel::client::TrustedProxies(
                self.trusted_proxy.clone(),
                self.forwarded_header,
            ),
            query_code_key: self.query_code_key.clone(),
            seed_demo: true,
            seed_demo_cases: true,
            clock: Arc::new(app::kernel::clock::SystemClock),
            transports: self.transports()?,
        })
    }

    fn transports(&self) -> anyhow::Result<app::kernel::outbox::transport::Transports> {
        use app::kernel::outbox::transport::{Mailer, SmsGateway, Transports};
        Ok(Transports {
            sms: self
                .sms_gateway_url
                .as_deref()
                .map(|url| SmsGateway::new(url, self.sms_gateway_token.clone()))
                .transpose()
                .map_err(anyhow::Error::msg)?,
            mail: self
                .smtp_url
                .as_deref()
                .map(|url| Mailer::new(url, &self.mail_from))
                .transpose()
                .map_err(anyhow::Error::msg)?,
        })
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = cli.common.settings()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::CreateUser {
            username,
            name,
            role,
            unit,
        } => create_user(settings, &username, &name, &role, unit.as_deref()).await,
        Command::Backup { to } => backup(settings, &to).await,
        Command::MigrateData { from, to } => crate::migrate_data::migrate_data(&from, &to).await,
        Command::Restore { from } => {
            crate::backup::restore(&settings, &from)?;
            let pool = open_store(&settings).await?;
            // An earlier version's archive holds its files apart: they move into the database.
            app::kernel::files::uploads::adopt_files(&pool, &settings.data_dir.join("attachments"))
                .await?;
            let files = app::kernel::files::store::all_tokens(&pool).await?.len();
            pool.close().await;
            println!(
                "Restored {} into {} ({files} attachments)",
                from.display(),
                settings.data_dir.display(),
            );
            Ok(())
        }
        Command::ImportStatutes {
            files,
            skip_existing,
        } => {
            let pool = open_store(&settings).await?;
            let mut todo = Vec::new();
            for file in files {
                let slug = file
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default();
                if skip_existing
                    && app::features::library::store::published(&pool, slug)
                        .await?
                        .is_some()
                {
                    println!(
                        "Skipped {}: /laws/{slug} is already in the library",
                        file.display()
                    );
                } else {
                    todo.push(file);
                }
            }
            let result = import_statutes(&pool, &todo).await;
            pool.close().await;
            for (slug, title, articles) in result? {
                println!("Imported {title} ({articles} articles) as /laws/{slug}");
            }
            Ok(())
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    warn_if_calendar_is_short(&settings.config);
    if !settings.site_root.join("pkg").join("portal.css").exists() {
        tracing::warn!(
            site_root = %settings.site_root.display(),
            "the built site is missing: pages will have no style or scripts (run .ci/build)"
        );
    }
    let app = Application::build(settings).await?;
    if !app.seeded.is_empty() {
        print_seeded(&app.seeded);
    }
    if !app.demo_cases.is_empty() {
        println!(
            "Demo cases and legal-aid applications (number and 查询码, shown this once, for 进度查询):"
        );
        for (number, code) in &app.demo_cases {
            println!("  {number}  {code}");
        }
        println!();
    }
    let addr = app.local_addr();
    tracing::info!(%addr, "portal listening on http://{addr}");
    app.run_until_stopped(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

fn print_seeded(accounts: &[seed::SeededAccount]) {
    println!();
    println!("Demo staff accounts were created. Their passwords are shown this once only:");
    for a in accounts {
        println!(
            "  {:<16} {:<12} {:<16} password: {}",
            a.username,
            a.role,
            a.unit_code.as_deref().unwrap_or("-"),
            a.password
        );
    }
    println!();
}

/// The statutory clock needs each year's holidays; say so before a deadline is computed wrong.
fn warn_if_calendar_is_short(config: &BureauConfig) {
    let next_year = system_now().today().year() + 1;
    let covered = config.calendar.years_covered();
    if !covered.contains(&(next_year - 1)) || !covered.contains(&next_year) {
        tracing::warn!(
            years = ?covered,
            "the config's [calendar] lacks this or next year's public holidays: add them as soon as the State Council publishes them"
        );
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn open_store(settings: &Settings) -> anyhow::Result<store::Pool> {
    app::kernel::files::private_dir(&settings.data_dir)
        .with_context(|| format!("cannot create {}", settings.data_dir.display()))?;
    let pool = store::connect(&settings.database_url())
        .await
        .context("cannot open the database")?;
    store::migrate(&pool)
        .await
        .context("cannot migrate the database")?;
    crate::restrict_database_files(&settings.data_dir);
    Ok(pool)
}

async fn create_user(
    settings: Settings,
    username: &str,
    name: &str,
    role: &str,
    unit: Option<&str>,
) -> anyhow::Result<()> {
    let valid_name = (3..=32).contains(&username.len())
        && username
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    anyhow::ensure!(
        valid_name,
        "--username must be 3–32 characters of a–z, 0–9, `-` and `_`"
    );
    anyhow::ensure!(!name.trim().is_empty(), "--name must not be empty");
    anyhow::ensure!(
        app::domain::staff::StaffRole::parse(role).is_some(),
        "--role must be one of: {}",
        app::domain::staff::StaffRole::ALL
            .map(app::domain::staff::StaffRole::code)
            .join(", ")
    );
    match (role, unit) {
        ("unit_staff", None) => anyhow::bail!("--unit is required for the unit_staff role"),
        ("unit_staff", Some(code)) => anyhow::ensure!(
            settings.config.unit(code).is_some(),
            "--unit {code} is not a unit in the bureau config; known units: {}",
            settings
                .config
                .units
                .iter()
                .map(|u| u.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (_, Some(_)) => anyhow::bail!("--unit is only for the unit_staff role"),
        (_, None) => {}
    }
    let pool = open_store(&settings).await?;
    let password = seed::random_password();
    let hash = seed::hash_password(&password)?;
    let now = system_now().stamp();
    let result = staff::insert(
        &pool,
        &staff::NewStaff {
            username,
            display_name: name.trim(),
            role,
            unit_code: unit,
            password_hash: &hash,
            created_at: &now,
        },
    )
    .await;
    pool.close().await;
    match result {
        Ok(_) => {
            println!("Created {username} ({role}). Password, shown this once only: {password}");
            Ok(())
        }
        Err(StoreError::Duplicate(_)) => {
            anyhow::bail!(
                "a staff account named {username} already exists; choose another --username"
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// Imports each file into the statute library; stops at the first file that cannot be read or
/// is not a law text, naming it. Returns (slug, title, number of articles) per file.
pub async fn import_statutes(
    pool: &store::Pool,
    files: &[PathBuf],
) -> anyhow::Result<Vec<(String, String, usize)>> {
    let mut done = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {} as UTF-8 text", file.display()))?;
        let slug = file
            .file_stem()
            .and_then(|s| s.to_str())
            .with_context(|| format!("{} has no usable file name", file.display()))?
            .to_owned();
        let (title, articles) =
            app::features::library::service::import_statute(pool, &slug, &source, system_now())
                .await
                .with_context(|| format!("cannot import {}", file.display()))?;
        done.push((slug, title, articles));
    }
    Ok(done)
}

async fn backup(settings: Settings, to: &std::path::Path) -> anyhow::Result<()> {
    let pool = open_store(&settings).await?;
    let result = crate::backup::backup(&settings, &pool, to).await;
    pool.close().await;
    let summary = result?;
    println!(
        "Backed up the database, {} attachments and the 查询码 key to {}",
        summary.attachments,
        to.display()
    );
    if summary.missing > 0 {
        anyhow::bail!(
            "{} recorded attachments were missing from {} (named in the log); the backup holds the rest",
            summary.missing,
            settings.data_dir.join("attachments").display()
        );
    }
    Ok(())
}

/// The time for an operator's command (it serves no request).
fn system_now() -> app::kernel::Now {
    app::kernel::Now::of(&app::kernel::clock::SystemClock)
}
