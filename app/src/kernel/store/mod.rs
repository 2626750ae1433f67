//! The storage layer: every SQL statement of the portal lives below this module.
//!
//! SQLite is the embedded default; PostgreSQL comes through the same pool (sqlx's `Any` driver,
//! the backend chosen by the URL). Statements stay within the SQL that SQLite and PostgreSQL share
//! (no `INSERT OR REPLACE`, no `AUTOINCREMENT` semantics relied upon, timestamps as RFC 3339 text),
//! so that a PostgreSQL backend can be added here without touching callers.

use std::time::Duration;

mod sessions;
pub mod transfer;
pub use sessions::SessionStore;

/// The store's pool: one type for every backend (sqlx's `Any` driver), the backend chosen by the
/// database URL at start.
pub type Pool = sqlx::AnyPool;

/// A transaction of the store, on whichever backend.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> Self {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }
}

/// An SQLite URL that creates the file if it is missing (`mode=rwc`) unless it says otherwise.
fn sqlite_url(url: &str) -> String {
    if url.contains("mode=") || url.contains(":memory:") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// The migrations in `migrations/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// The PostgreSQL migrations in `migrations/postgres/`: the same schema in PostgreSQL's types.
pub static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("session store error: {0}")]
    Sessions(#[from] tower_sessions::session_store::Error),
    /// A unique key refused the row: a record with this key exists already.
    #[error("a record with this {0} already exists")]
    Duplicate(&'static str),
    /// The day's numbers (XF/FY + date + sequence) are used up.
    #[error("no {0} number is left today")]
    NumbersExhausted(&'static str),
    /// What is stored cannot be read as what it must be (a time, a date, an event): the data is
    /// damaged, and nothing is made up in its place.
    #[error("unreadable {what} in the database: {value:?}")]
    Corrupt { what: &'static str, value: String },
    /// A write that runs on its own task stopped before it finished.
    #[error("a write was interrupted")]
    Interrupted,
    /// The commit of a group of writes failed (the cause was logged): none of them is stored.
    #[error("the commit failed")]
    CommitFailed,
    /// A filing limit refused the write (`kernel::guard::FilingLimits`): nothing was stored;
    /// the client or person may file again after this long.
    #[error("a filing limit is reached")]
    OverLimit(std::time::Duration),
}

/// A time as stored (RFC 3339, with its +08:00 offset), or `Corrupt`.
pub fn read_time(
    what: &'static str,
    value: &str,
) -> Result<chrono::DateTime<chrono::FixedOffset>, StoreError> {
    chrono::DateTime::parse_from_rfc3339(value).map_err(|_| StoreError::Corrupt {
        what,
        value: value.to_owned(),
    })
}

/// A day as stored (`YYYY-MM-DD`), or `Corrupt`.
pub fn read_date(what: &'static str, value: &str) -> Result<chrono::NaiveDate, StoreError> {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| StoreError::Corrupt {
        what,
        value: value.to_owned(),
    })
}

/// A day as stored.
pub fn date_text(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Opens (creating if needed) the database at `url`.
///
/// SQLite: WAL lets readers run during a write; `synchronous = FULL` makes every commit durable
/// before it returns, which is what allows a receipt to be shown only after the commit; each
/// connection is set so when it opens.
pub async fn connect(url: &str) -> Result<Pool, StoreError> {
    sqlx::any::install_default_drivers();
    let options = sqlx::any::AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5));
    let pool = match Backend::of(url) {
        Backend::Sqlite => {
            options
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        use sqlx::Executor as _;
                        conn.execute(SQLITE_SETTINGS).await.map(|_| ())
                    })
                })
                .connect(&sqlite_url(url))
                .await?
        }
        Backend::Postgres => options.connect(url).await?,
    };
    Ok(pool)
}

/// What every SQLite connection is set to when it opens (see [`connect`]).
const SQLITE_SETTINGS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

/// The backend of a pool.
pub fn backend(pool: &Pool) -> Backend {
    Backend::of(pool.connect_options().database_url.as_ref())
}

/// Begins a transaction that will write. SQLite needs `BEGIN IMMEDIATE` here: a deferred
/// transaction that reads first and writes later cannot wait for another writer (its upgrade fails
/// at once with "database is locked"), whereas an immediate one queues for the write lock within
/// the busy timeout. The one backend-specific statement of the store; PostgreSQL takes `BEGIN`.
///
/// Writers of this process also queue on an async lock first, so they are served in turn instead
/// of by SQLite's sleep-and-retry busy handler (which left some waiting over a second under load).
pub async fn begin_write(pool: &Pool) -> Result<WriteTransaction, StoreError> {
    let turn = writers_of(pool).lock_owned().await;
    let tx = match backend(pool) {
        Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await?,
        Backend::Postgres => pool.begin().await?,
    };
    Ok(WriteTransaction {
        tx,
        backend: backend(pool),
        _turn: turn,
    })
}

/// The turn to write of one database file: the writers of the same database queue on it, those
/// of another (a test binary runs many portals at once) never wait for them.
fn writers_of(pool: &Pool) -> std::sync::Arc<tokio::sync::Mutex<()>> {
    type Turns = std::collections::HashMap<String, std::sync::Arc<tokio::sync::Mutex<()>>>;
    static TURNS: std::sync::OnceLock<std::sync::Mutex<Turns>> = std::sync::OnceLock::new();
    let file = pool.connect_options().database_url.to_string();
    let mut turns = TURNS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    turns.entry(file).or_default().clone()
}

/// A write transaction holding this process's turn to write until it is committed or dropped.
pub struct WriteTransaction {
    pub tx: Tx,
    backend: Backend,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTransaction {
    /// Holds the row `id` of `table` until the transaction ends, before a read that decides a
    /// write (a case's events before an action): whoever else, on any server, locks it waits,
    /// and then reads what this one wrote. PostgreSQL locks the row (`FOR UPDATE`); SQLite's
    /// `BEGIN IMMEDIATE` already holds the whole database for writing, so nothing more is done.
    pub async fn lock_row(&mut self, table: &'static str, id: i64) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            sqlx::query(&format!("SELECT id FROM {table} WHERE id = $1 FOR UPDATE"))
                .bind(id)
                .fetch_optional(&mut *self.tx)
                .await?;
        }
        Ok(())
    }
}

/// A write run as part of a group: it gets the group's transaction, inside a savepoint of its
/// own (its failure undoes only its own statements).
pub type GroupWork<T> = Box<
    dyn for<'c> FnOnce(
            &'c mut Tx,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<T, StoreError>> + Send + 'c>,
        > + Send,
>;

type Erased = Box<dyn std::any::Any + Send>;

struct GroupJob {
    work: GroupWork<Erased>,
    done: tokio::sync::oneshot::Sender<Result<Erased, StoreError>>,
}

/// Group commit: writes that arrive while another group is being committed wait, and are then
/// committed together in one transaction — one sync to disk for all of them, instead of one
/// each. No write is answered before the commit that holds it is on disk. One writer task runs
/// the groups; a write waits for no timer (a write alone is committed at once).
#[derive(Clone, Debug)]
pub struct GroupCommit {
    jobs: tokio::sync::mpsc::Sender<GroupJob>,
    /// Groups committed so far (for the bench and the tests).
    commits: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// The most writes one commit takes.
const GROUP_MAX: usize = 128;

impl GroupCommit {
    /// Starts the writer task on `pool` (it ends when the last handle is dropped).
    pub fn start(pool: Pool) -> Self {
        let (jobs, mut queue) = tokio::sync::mpsc::channel::<GroupJob>(4 * GROUP_MAX);
        let commits = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let counted = commits.clone();
        tokio::spawn(async move {
            while let Some(first) = queue.recv().await {
                let mut group = vec![first];
                while group.len() < GROUP_MAX {
                    match queue.try_recv() {
                        Ok(job) => group.push(job),
                        Err(_) => break,
                    }
                }
                if commit_group(&pool, group).await {
                    counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }
        });
        Self { jobs, commits }
    }

    /// How many groups were committed.
    pub fn commits(&self) -> u64 {
        self.commits.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Runs `work` in the next group and answers once that group is committed.
    pub async fn write<T: Send + 'static>(
        &self,
        work: impl for<'c> FnOnce(
            &'c mut Tx,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<T, StoreError>> + Send + 'c>,
        > + Send
        + 'static,
    ) -> Result<T, StoreError> {
        let (done, answer) = tokio::sync::oneshot::channel();
        let work: GroupWork<Erased> = Box::new(move |tx| {
            let run = work(tx);
            Box::pin(async move { run.await.map(|v| Box::new(v) as Erased) })
        });
        self.jobs
            .send(GroupJob { work, done })
            .await
            .map_err(|_| StoreError::Interrupted)?;
        let value = answer.await.map_err(|_| StoreError::Interrupted)??;
        value
            .downcast::<T>()
            .map(|v| *v)
            .map_err(|_| StoreError::Interrupted)
    }
}

/// One group: each write in a savepoint, one commit, then every answer; whether it committed.
async fn commit_group(pool: &Pool, group: Vec<GroupJob>) -> bool {
    let mut write = match begin_write(pool).await {
        Ok(write) => write,
        Err(e) => {
            tracing::error!(error = %e, "cannot begin a group commit");
            for job in group {
                let _ = job.done.send(Err(StoreError::CommitFailed));
            }
            return false;
        }
    };
    let mut answers = Vec::with_capacity(group.len());
    let mut broken = false;
    for job in group {
        if broken {
            answers.push((job.done, Err(StoreError::CommitFailed)));
            continue;
        }
        if let Err(e) = sqlx::query("SAVEPOINT one_write")
            .execute(&mut *write.tx)
            .await
        {
            tracing::error!(error = %e, "cannot open a savepoint");
            broken = true;
            answers.push((job.done, Err(StoreError::CommitFailed)));
            continue;
        }
        // A write that panics fails alone: the writer goes on with the others.
        let result = {
            use futures_util::FutureExt as _;
            std::panic::AssertUnwindSafe((job.work)(&mut write.tx))
                .catch_unwind()
                .await
                .unwrap_or_else(|_| {
                    tracing::error!("a write panicked");
                    Err(StoreError::Interrupted)
                })
        };
        let close = if result.is_ok() {
            "RELEASE one_write"
        } else {
            "ROLLBACK TO one_write"
        };
        if let Err(e) = sqlx::query(close).execute(&mut *write.tx).await {
            tracing::error!(error = %e, "cannot close a savepoint");
            broken = true;
        }
        if result.is_err()
            && let Err(e) = sqlx::query("RELEASE one_write")
                .execute(&mut *write.tx)
                .await
        {
            tracing::error!(error = %e, "cannot release a savepoint");
            broken = true;
        }
        answers.push((job.done, result));
    }
    let committed = if broken {
        let _ = write.tx.rollback().await;
        false
    } else {
        match write.tx.commit().await {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(error = %e, "a group commit failed");
                false
            }
        }
    };
    for (done, result) in answers {
        let _ = done.send(if committed {
            result
        } else {
            Err(StoreError::CommitFailed)
        });
    }
    committed
}

/// Runs a write to its end even if the request that started it goes away.
///
/// A request future dropped mid-write (the client closed the connection) could otherwise leave
/// its connection inside `BEGIN IMMEDIATE` — SQLite's worker finishes the statement, nobody
/// rolls back — and every later writer would time out with "database is locked". The bench
/// found this; spawning the write makes it finish (commit or roll back) on its own.
pub async fn detached<T: Send + 'static>(
    write: impl std::future::Future<Output = Result<T, StoreError>> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::spawn(write)
        .await
        .map_err(|_| StoreError::Interrupted)?
}

/// Applies any migrations not yet applied, including the session store's own table.
///
/// Migrations run on their own connection with foreign keys off, so that one may rebuild a table
/// others refer to (SQLite's way to change a constraint; the switch is ignored inside the
/// transaction each migration runs in, so it is set when the connection opens). Every foreign
/// key is checked afterwards, and a violation fails the start.
pub async fn migrate(pool: &Pool) -> Result<(), StoreError> {
    use sqlx::{Connection, Executor as _};
    if backend(pool) == Backend::Postgres {
        // Constraints are checked as each statement runs: nothing to switch off or check after.
        PG_MIGRATOR.run(pool).await?;
        return Ok(());
    }
    let url = pool.connect_options().database_url.to_string();
    let mut conn = sqlx::AnyConnection::connect(&url).await?;
    conn.execute("PRAGMA foreign_keys = OFF; PRAGMA busy_timeout = 5000;")
        .await?;
    MIGRATOR.run(&mut conn).await?;
    let broken: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(&mut conn)
        .await?;
    conn.close().await?;
    if let Some((table,)) = broken.first() {
        return Err(StoreError::Migrate(sqlx::migrate::MigrateError::Execute(
            sqlx::Error::Protocol(format!(
                "a foreign key in {table} points nowhere after migrating"
            )),
        )));
    }
    Ok(())
}

/// Server-side staff sessions (tower-sessions), kept in the same database.
pub fn session_store(pool: &Pool) -> SessionStore {
    SessionStore::new(pool.clone())
}

/// Whether this server is the one to run the periodic `job` now (every `period`): the first
/// server to ask once a period is due moves the job's next time on and runs it; every other
/// server asking in that period is told no. One statement, so two servers asking at once never
/// both run it.
pub async fn claim_periodic(
    pool: &Pool,
    job: &str,
    now: chrono::DateTime<chrono::Utc>,
    period: chrono::Duration,
) -> Result<bool, StoreError> {
    sqlx::query("INSERT INTO periodic_runs (job, next_ms, runs) VALUES ($1, 0, 0) ON CONFLICT (job) DO NOTHING")
        .bind(job)
        .execute(pool)
        .await?;
    let now_ms = now.timestamp_millis();
    let claimed = sqlx::query(
        "UPDATE periodic_runs SET next_ms = $2, runs = runs + 1 WHERE job = $1 AND next_ms <= $3",
    )
    .bind(job)
    .bind(now_ms + period.num_milliseconds())
    .bind(now_ms)
    .execute(pool)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// The next number of `series` on `day` (1, 2, …), taken in `tx`: the day's counter row stays
/// locked until `tx` ends, so no other transaction, of this server or another on the same
/// database, takes the same number; a write rolled back gives its number back.
pub async fn next_in_day(tx: &mut Tx, series: &str, day: &str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO day_sequences (series, day, last) VALUES ($1, $2, 1) \
         ON CONFLICT (series, day) DO UPDATE SET last = day_sequences.last + 1 \
         RETURNING last",
    )
    .bind(series)
    .bind(day)
    .fetch_one(&mut **tx)
    .await?)
}

/// Answers only if the database answers a query.
pub async fn ping(pool: &Pool) -> Result<(), StoreError> {
    sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(pool)
        .await?;
    Ok(())
}

/// Reads a value from the key–value table of facts about this installation.
pub async fn meta(pool: &Pool, key: &str) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar::<_, String>("SELECT value FROM app_meta WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?,
    )
}

/// Writes a value into the key–value table; fails with `Duplicate` if the key is already set, so
/// that two processes racing to seed cannot both do it.
pub async fn set_meta_once(pool: &Pool, key: &str, value: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO app_meta (key, value) VALUES ($1, $2)")
        .bind(key)
        .bind(value)
        .execute(pool)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate("key"),
            _ => StoreError::Database(e),
        })?;
    Ok(())
}

/// Writes a consistent copy of the whole database to `path` (which must not exist yet).
pub async fn backup_to(pool: &Pool, path: &str) -> Result<(), StoreError> {
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(pool)
        .await?;
    Ok(())
}

/// Writes the typed form (`data`, JSON) of events stored before events were typed, in one write
/// transaction: `rows` are (id, event) of `table` (`petition_events`, `legal_aid_events`).
pub async fn write_event_data<E: serde::Serialize>(
    pool: &Pool,
    table: &'static str,
    rows: &[(i64, E)],
) -> Result<u64, StoreError> {
    if rows.is_empty() {
        return Ok(0);
    }
    let sql = format!("UPDATE {table} SET data = $1 WHERE id = $2 AND data IS NULL");
    let mut write = begin_write(pool).await?;
    for (id, event) in rows {
        let data = serde_json::to_string(event).map_err(|_| StoreError::Corrupt {
            what: "event",
            value: id.to_string(),
        })?;
        sqlx::query(&sql)
            .bind(&data)
            .bind(id)
            .execute(&mut *write.tx)
            .await?;
    }
    write.tx.commit().await?;
    Ok(rows.len() as u64)
}
