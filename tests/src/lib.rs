//! Test harness: the real server on port 0 with its own fresh SQLite file, and headless Chromium
//! driven over WebDriver with an axe-core audit of every page visited.

pub mod browser;
pub mod journeys;
pub mod notify;

use server::{Application, Settings, seed::SeededAccount};
use std::net::SocketAddr;
use std::path::PathBuf;
use tempfile::TempDir;
use tokio::sync::oneshot;

/// The built site the server serves `/pkg` from (`.ci/build` writes it).
pub fn site_root() -> PathBuf {
    std::env::var_os("PORTAL_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site-dev"))
}

/// A running portal with its own data directory, stopped and deleted on drop.
pub struct TestApp {
    pub addr: SocketAddr,
    pub base_url: String,
    pub data_dir: PathBuf,
    pub seeded: Vec<SeededAccount>,
    pub http: reqwest::Client,
    /// The server's own pool, for tests that need to break or inspect the database.
    pub pool: app::kernel::store::Pool,
    /// Where that database is (a SQLite file's URL, or a PostgreSQL database's).
    pub database_url: String,
    /// The server's context (its clock, its sweeps).
    pub ctx: app::kernel::AppContext,
    /// The server's clock: tests move it to make time pass (a window closing, a case going
    /// overdue), never rewrite stored rows.
    pub clock: app::kernel::clock::ManualClock,
    /// When the clock started, for a test that moved it and wants today back.
    pub started: chrono::DateTime<chrono::Utc>,
    stop: Option<oneshot::Sender<()>>,
    _dir: TempDir,
}

impl TestApp {
    /// Moves the server's clock by `days` (negative to go back).
    pub fn advance_days(&self, days: i64) {
        self.clock.advance(chrono::Duration::days(days));
    }

    /// Sets the server's clock to `at` (RFC 3339).
    pub fn set_clock(&self, at: &str) {
        let at = chrono::DateTime::parse_from_rfc3339(at).expect("an RFC 3339 time");
        self.clock.set(at.to_utc());
    }

    /// Puts the server's clock back where it started.
    pub fn reset_clock(&self) {
        self.clock.set(self.started);
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(self.url(path))
            .send()
            .await
            .expect("request to the test server")
    }
}

impl TestApp {
    /// Submits a petition through `/api/v1` and returns its number and 查询码.
    pub async fn submit_petition(&self, body: &serde_json::Value) -> (String, String) {
        let res = self
            .http
            .post(self.url("/api/v1/petitions"))
            .json(body)
            .send()
            .await
            .expect("request to the test server");
        assert_eq!(
            res.status(),
            reqwest::StatusCode::CREATED,
            "petition refused"
        );
        let receipt: serde_json::Value = res.json().await.expect("a JSON receipt");
        (
            receipt["number"].as_str().expect("number").to_owned(),
            receipt["query_code"]
                .as_str()
                .expect("query_code")
                .to_owned(),
        )
    }
}

impl TestApp {
    /// Signs a seeded staff account in with its printed password; returns the session cookie
    /// (`name=value`).
    pub async fn staff_cookie(&self, username: &str) -> String {
        let password = &self
            .seeded
            .iter()
            .find(|s| s.username == username)
            .expect("a seeded account")
            .password;
        let res = self
            .http
            .post(self.url("/staff/login"))
            .form(&[("username", username), ("password", password.as_str())])
            .send()
            .await
            .expect("request to the test server");
        assert_eq!(
            res.status(),
            reqwest::StatusCode::SEE_OTHER,
            "{username} signs in"
        );
        let set = res.headers()["set-cookie"].to_str().expect("a cookie");
        set.split(';').next().expect("name=value").to_owned()
    }

    /// A form POST with a cookie: the status and the body.
    pub async fn post_form_with(
        &self,
        cookie: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> (reqwest::StatusCode, String) {
        let res = self
            .http
            .post(self.url(path))
            .header("cookie", cookie)
            .form(form)
            .send()
            .await
            .expect("request to the test server");
        (res.status(), res.text().await.expect("a body"))
    }

    /// The page a form post leads to: its own answer, or, when it filed something (a 303 to a
    /// receipt with the receipt's cookie), the receipt page that the browser would show next.
    pub async fn follow(&self, res: reqwest::Response) -> (reqwest::StatusCode, String) {
        if res.status() != reqwest::StatusCode::SEE_OTHER {
            return (res.status(), res.text().await.expect("a body"));
        }
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let cookie = receipt_cookie(&res);
        if !location.contains("/receipt") || cookie.is_empty() {
            return (res.status(), res.text().await.expect("a body"));
        }
        self.get_with(&cookie, &location).await
    }

    /// A GET with a cookie: the status and the body.
    pub async fn get_with(&self, cookie: &str, path: &str) -> (reqwest::StatusCode, String) {
        let res = self
            .http
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .expect("request to the test server");
        (res.status(), res.text().await.expect("a body"))
    }
}

/// A database in `dir` migrated only up to (not including) migration `version`, as an earlier
/// release left it: for the tests of upgrades.
pub async fn database_before(dir: &std::path::Path, version: i64) -> app::kernel::store::Pool {
    use std::borrow::Cow;
    let url = format!("sqlite://{}", dir.join("old.db").display());
    let pool = app::kernel::store::connect(&url).await.expect("a database");
    let before = sqlx::migrate::Migrator {
        migrations: Cow::Owned(
            app::kernel::store::MIGRATOR
                .migrations
                .iter()
                .filter(|m| m.version < version)
                .cloned()
                .collect(),
        ),
        ..sqlx::migrate::Migrator::DEFAULT
    };
    before.run(&pool).await.expect("the earlier migrations");
    pool
}

/// The law texts the demo seeds (`app/content/statutes/`, from `../shared/reference/laws/`).
pub fn law_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../app/content/statutes");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the law texts are expected in {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "law texts in {}", dir.display());
    files
}

impl TestApp {
    /// Imports the law texts of [`law_files`] as the operator's command does.
    pub async fn import_laws(&self) -> Vec<(String, String, usize)> {
        server::cli::import_statutes(&self.pool, &law_files())
            .await
            .expect("the law texts import")
    }
}

impl TestApp {
    /// Stops the server but keeps its data directory (and so its SQLite database, which another
    /// server may share) until the `TestApp` is dropped.
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Starts the portal on a free port with a fresh database and the built-in example config.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// For tests of load and durability, which file thousands of petitions from one client for one
/// person: the filing limits (`[limits]`) raised out of the way.
pub fn without_filing_limits(settings: &mut Settings) {
    let mut config = (*settings.config).clone();
    config.limits = app::domain::config::Limits {
        per_client_per_hour: u32::MAX,
        per_person_per_day: u32::MAX,
        ..Default::default()
    };
    settings.config = std::sync::Arc::new(config);
}

/// The server tests run on PostgreSQL when `PORTAL_TEST_POSTGRES` names a server (the URL
/// without a database, e.g. `postgres://portal@127.0.0.1:55432`; `.ci/test` starts one): each
/// test gets a database of its own there, created empty. Unset, they run on SQLite files.
pub async fn fresh_postgres_database() -> Option<String> {
    use sqlx::Connection as _;
    let server = std::env::var("PORTAL_TEST_POSTGRES").ok()?;
    let server = server.trim_end_matches('/');
    let name = format!(
        "test_{}_{}",
        std::process::id(),
        NEXT_DATABASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("the test PostgreSQL server");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("a fresh test database");
    let _ = admin.close().await;
    Some(format!("{server}/{name}"))
}

static NEXT_DATABASE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Like [`spawn_app`], after letting the test adjust the settings.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::Builder::new()
        .prefix("portal-test-")
        .tempdir()
        .expect("temp dir");
    let mut settings = Settings::for_tests(dir.path().join("data"), site_root());
    settings.database_url = fresh_postgres_database().await;
    let clock = app::kernel::clock::ManualClock::starting_now();
    let started = app::kernel::clock::Clock::now(&clock);
    settings.clock = std::sync::Arc::new(clock.clone());
    adjust(&mut settings);
    let data_dir = settings.data_dir.clone();
    let database_url = settings.database_url();
    let app = Application::build(settings).await.expect("the app builds");
    let addr = app.local_addr();
    let seeded = app.seeded.clone();
    let pool = app.pool().clone();
    let ctx = app.context().clone();
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    TestApp {
        addr,
        base_url: format!("http://{addr}"),
        data_dir,
        seeded,
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client"),
        pool,
        database_url,
        ctx,
        clock,
        started,
        stop: Some(stop),
        _dir: dir,
    }
}

/// The `portal_receipt…=…` pair (a petition's, a legal-aid application's or a booking's) that a check page
/// or a filing's answer sets (empty if none).
pub fn receipt_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| {
            [
                "portal_receipt=",
                "portal_receipt_aid=",
                "portal_receipt_booking=",
            ]
            .iter()
            .any(|name| pair.starts_with(name))
        })
        .unwrap_or_default()
        .to_owned()
}

const CHILD_DATA_DIR: &str = "PORTAL_TEST_CHILD_DATA_DIR";
const CHILD_DATABASE: &str = "PORTAL_TEST_CHILD_DATABASE";
const CHILD_KEY: &str = "PORTAL_TEST_CHILD_KEY";
const CHILD_LIMITS: &str = "PORTAL_TEST_CHILD_FILING_LIMITS";
/// The SMS gateway a child server sends through, and the time its clock starts at
/// (`start_child_server_sending`).
const CHILD_SMS: &str = "PORTAL_TEST_CHILD_SMS_GATEWAY";
const CHILD_CLOCK: &str = "PORTAL_TEST_CHILD_CLOCK";

/// The child's side of [`start_child_server`], called by the test binary's `server_process`
/// test: when this process was started as a child server, serves until killed (after printing
/// the `LISTENING addr` line the parent waits for); otherwise returns at once.
pub fn serve_if_child() {
    let Some(dir) = std::env::var_os(CHILD_DATA_DIR) else {
        return;
    };
    let mut settings = Settings::for_tests(PathBuf::from(dir), site_root());
    if std::env::var_os(CHILD_LIMITS).is_none() {
        without_filing_limits(&mut settings);
    }
    settings.database_url = std::env::var(CHILD_DATABASE).ok();
    if let Some(key) = std::env::var_os(CHILD_KEY) {
        settings.query_code_key = Some(key.into());
    }
    if let Some(at) = std::env::var(CHILD_CLOCK)
        .ok()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
    {
        settings.clock = std::sync::Arc::new(app::kernel::clock::ManualClock::at(at.to_utc()));
    }
    if let Ok(url) = std::env::var(CHILD_SMS) {
        settings.transports.sms = Some(
            app::kernel::outbox::transport::SmsGateway::new(&url, None).expect("a gateway URL"),
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let app = Application::build(settings).await.expect("the app builds");
        println!("LISTENING {}", app.local_addr());
        app.run_until_stopped(std::future::pending())
            .await
            .expect("serves");
    });
}

/// Re-runs this test binary as a child process in which its test `server_process` serves (see
/// [`serve_if_child`]) on `data_dir`, with `database` (else a SQLite file in `data_dir`) and the
/// 查询码 key file `key` (else one of its own), and the default filing limits if `filing_limits`
/// (else none); returns the child and its base URL. The child's
/// output is drained from then on so that it never blocks on a full pipe.
pub fn start_child_server(
    data_dir: &std::path::Path,
    database: Option<&str>,
    key: Option<&std::path::Path>,
    filing_limits: bool,
) -> (std::process::Child, String) {
    start_child(data_dir, database, key, filing_limits, None)
}

/// [`start_child_server`] with SMS sent through the gateway at `sms_gateway` and the clock
/// starting at `clock` (filing limits off, its own key unless `key`).
pub fn start_child_server_sending(
    data_dir: &std::path::Path,
    database: Option<&str>,
    key: Option<&std::path::Path>,
    sms_gateway: &str,
    clock: chrono::DateTime<chrono::Utc>,
) -> (std::process::Child, String) {
    start_child(
        data_dir,
        database,
        key,
        false,
        Some((sms_gateway, clock.to_rfc3339())),
    )
}

fn start_child(
    data_dir: &std::path::Path,
    database: Option<&str>,
    key: Option<&std::path::Path>,
    filing_limits: bool,
    sending: Option<(&str, String)>,
) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut command = std::process::Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([
            "--exact",
            "server_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DATA_DIR, data_dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    if let Some(url) = database {
        command.env(CHILD_DATABASE, url);
    }
    if let Some(key) = key {
        command.env(CHILD_KEY, key);
    }
    if filing_limits {
        command.env(CHILD_LIMITS, "default");
    }
    if let Some((url, clock)) = sending {
        command.env(CHILD_SMS, url).env(CHILD_CLOCK, clock);
    }
    let mut child = command.spawn().expect("the server process starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("the server says where it listens")
            .expect("a line");
        // libtest writes `test server_process ... ` before it, on the same line.
        if let Some((_, addr)) = line.split_once("LISTENING ") {
            break addr.trim().to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (child, format!("http://{addr}"))
}
