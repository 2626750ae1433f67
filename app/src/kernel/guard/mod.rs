//! Slowing down guessing across requests, and bounding filings, alike on every server of a
//! portal: what is remembered (failures per key and per client, filings per client and per
//! person) is in the database (`store`), never in one process's memory.
//!
//! Guessing: one throttle per key (an account, a petition number) and one per client address.
//! Attempts in flight count as failures until they are judged: no more run at once than could
//! fail without passing the allowance, and past it they run one at a time, so concurrent guesses
//! are judged exactly as the same guesses in turn would be, and right answers arriving together
//! wait a moment rather than lock each other out. The attempts in flight are this process's
//! (they live as long as a request); the judged failures are everyone's. So guesses spread over
//! several servers are throttled as one once judged, and a burst sent to `n` servers at the
//! same instant gets at most `n` times the free tries before the first lock.

mod store;

use crate::domain::throttle::{Instant, ThrottleRule, Window};
use crate::kernel::store::{Pool, StoreError, Tx};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

pub use store::sweep;

#[derive(Clone, Debug)]
pub struct Guard {
    inner: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    /// What the guard's rows are filed under: `<name>:key`, `<name>:client`.
    key_scope: String,
    client_scope: String,
    per_key: ThrottleRule,
    per_client: ThrottleRule,
    in_flight: Mutex<InFlight>,
    /// Woken when an attempt is judged.
    judged: tokio::sync::Notify,
}

/// Attempts let through and not judged yet, per key and per client.
#[derive(Debug, Default)]
struct InFlight {
    keys: HashMap<String, u32>,
    clients: HashMap<String, u32>,
    /// Raised at every failure recorded: an attempt that read the failures before one was
    /// recorded and released must read them again (that failure was not among them, yet is no
    /// longer in flight). Successes and uncounted attempts change nothing it read.
    failures_recorded: u64,
}

/// Why an attempt was not let through.
#[derive(Debug)]
pub enum Refused {
    /// The key or the client is locked for this long.
    Wait(Duration),
    /// The failures could not be read.
    Store(StoreError),
}

impl From<Refused> for crate::kernel::AppError {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Wait(wait) => Self::TooManyAttempts(wait),
            Refused::Store(e) => e.into(),
        }
    }
}

/// An attempt let through: judge it with [`Guard::succeeded`], [`Guard::failed`] or
/// [`Guard::not_counted`]; left alone (dropped), it is a failure.
#[derive(Debug)]
#[must_use = "an attempt is a failure unless judged otherwise"]
pub struct Attempt {
    guard: Guard,
    pool: Pool,
    key: String,
    client: String,
    now: Instant,
    /// Whether the key had failures remembered when it was let through (a success forgets them).
    key_had_failures: bool,
    /// The guard's `failures_recorded` when it was let through (one since may be of this key).
    failures_seen: u64,
    judged: bool,
}

/// How long an attempt waits for those in flight before it is told to come back.
const MOST_WAIT: Duration = Duration::from_secs(5);

fn lock(m: &Mutex<InFlight>) -> MutexGuard<'_, InFlight> {
    // A panic while holding the lock leaves valid data behind: keep using it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Guard {
    pub fn new(name: &'static str, per_key: ThrottleRule, per_client: ThrottleRule) -> Self {
        Self {
            inner: Arc::new(Shared {
                key_scope: format!("{name}:key"),
                client_scope: format!("{name}:client"),
                per_key,
                per_client,
                in_flight: Mutex::default(),
                judged: tokio::sync::Notify::new(),
            }),
        }
    }

    /// `Err(Wait)` while the key or the client is locked; otherwise the attempt, let through
    /// once it cannot take the key or the client past its allowance.
    pub async fn attempt(
        &self,
        pool: &Pool,
        key: &str,
        client: &str,
        now: Instant,
    ) -> Result<Attempt, Refused> {
        let deadline = crate::kernel::clock::deadline(MOST_WAIT);
        let (key_scope, client_scope) = (&self.inner.key_scope, &self.inner.client_scope);
        let (rule_k, rule_c) = (self.inner.per_key, self.inner.per_client);
        loop {
            let judged = self.inner.judged.notified();
            tokio::pin!(judged);
            judged.as_mut().enable();
            let seen = lock(&self.inner.in_flight).failures_recorded;
            let (fk, fc) = store::failures(pool, (key_scope, key), (client_scope, client))
                .await
                .map_err(Refused::Store)?;
            match (rule_k.check(fk, now), rule_c.check(fc, now)) {
                (Err(x), Err(y)) => return Err(Refused::Wait(x.max(y))),
                (Err(x), _) | (_, Err(x)) => return Err(Refused::Wait(x)),
                _ => {}
            }
            {
                let mut in_flight = lock(&self.inner.in_flight);
                if in_flight.failures_recorded == seen {
                    let pk = in_flight.keys.get(key).copied().unwrap_or(0);
                    let pc = in_flight.clients.get(client).copied().unwrap_or(0);
                    let (nk, nc) = (rule_k.remembered(fk, now), rule_c.remembered(fc, now));
                    if rule_k.may_run(nk, pk) && rule_c.may_run(nc, pc) {
                        *in_flight.keys.entry(key.to_owned()).or_default() += 1;
                        *in_flight.clients.entry(client.to_owned()).or_default() += 1;
                        return Ok(Attempt {
                            guard: self.clone(),
                            pool: pool.clone(),
                            key: key.to_owned(),
                            client: client.to_owned(),
                            now,
                            key_had_failures: fk.is_some(),
                            failures_seen: seen,
                            judged: false,
                        });
                    }
                } else {
                    // A failure was recorded meanwhile: read the failures again at once.
                    continue;
                }
            }
            if tokio::time::timeout_at(deadline, judged).await.is_err() {
                return Err(Refused::Wait(Duration::from_secs(1)));
            }
        }
    }

    /// The attempt succeeded: the key's failures are forgotten.
    pub async fn succeeded(&self, mut attempt: Attempt) {
        let failed_since = lock(&self.inner.in_flight).failures_recorded != attempt.failures_seen;
        if (attempt.key_had_failures || failed_since)
            && let Err(e) = store::forget(&attempt.pool, &self.inner.key_scope, &attempt.key).await
        {
            tracing::error!(error = %e, "cannot forget a key's failures");
        }
        attempt.judged = true;
        self.release(&attempt.key, &attempt.client);
    }

    /// The attempt failed: a failure of both the key and the client, recorded before this
    /// answers (so that the next attempt, on any server, finds it).
    pub async fn failed(&self, mut attempt: Attempt) {
        attempt.judged = true;
        self.fail_and_release(&attempt.pool, &attempt.key, &attempt.client, attempt.now)
            .await;
    }

    /// The attempt could not be judged (the database did not answer): it counts for nothing.
    pub fn not_counted(&self, mut attempt: Attempt) {
        attempt.judged = true;
        self.release(&attempt.key, &attempt.client);
    }

    /// Records a failure of `key` and `client`, then lets the attempt go from those in flight.
    async fn fail_and_release(&self, pool: &Pool, key: &str, client: &str, now: Instant) {
        for (scope, name, rule) in [
            (&self.inner.key_scope, key, self.inner.per_key),
            (&self.inner.client_scope, client, self.inner.per_client),
        ] {
            if let Err(e) = store::fail(pool, scope, name, rule, now).await {
                tracing::error!(error = %e, "cannot record a failed attempt");
            }
        }
        lock(&self.inner.in_flight).failures_recorded += 1;
        self.release(key, client);
    }

    fn release(&self, key: &str, client: &str) {
        {
            let mut in_flight = lock(&self.inner.in_flight);
            let in_flight = &mut *in_flight;
            for (pending, name) in [(&mut in_flight.keys, key), (&mut in_flight.clients, client)] {
                if let Some(n) = pending.get_mut(name) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        pending.remove(name);
                    }
                }
            }
        }
        self.inner.judged.notify_waiters();
    }
}

impl Drop for Attempt {
    /// Not judged otherwise (its request was abandoned mid-way): a failure, recorded on a task
    /// of its own; it stays in flight until then (for good, if the runtime is stopping).
    fn drop(&mut self) {
        if self.judged {
            return;
        }
        self.judged = true;
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let (guard, pool, now) = (self.guard.clone(), self.pool.clone(), self.now);
        let (key, client) = (
            std::mem::take(&mut self.key),
            std::mem::take(&mut self.client),
        );
        runtime.spawn(async move { guard.fail_and_release(&pool, &key, &client, now).await });
    }
}

/// Sign-in: five free tries per account, then 30 s, 1 min, 2 min … up to 15 min; a client trying
/// many accounts (a shared office) gets twenty.
pub fn sign_in_guard() -> Guard {
    Guard::new(
        "sign_in",
        ThrottleRule {
            free_failures: 5,
            first_lock: Duration::from_secs(30),
            max_lock: Duration::from_secs(15 * 60),
            memory: Duration::from_secs(60 * 60),
        },
        ThrottleRule {
            free_failures: 20,
            first_lock: Duration::from_secs(30),
            max_lock: Duration::from_secs(15 * 60),
            memory: Duration::from_secs(60 * 60),
        },
    )
}

/// Status lookup: five wrong codes per petition number, ten wrong tries per client, then doubling
/// locks from 30 s up to 30 min.
pub fn lookup_guard() -> Guard {
    Guard::new(
        "lookup",
        ThrottleRule {
            free_failures: 5,
            first_lock: Duration::from_secs(30),
            max_lock: Duration::from_secs(30 * 60),
            memory: Duration::from_secs(24 * 60 * 60),
        },
        ThrottleRule {
            free_failures: 10,
            first_lock: Duration::from_secs(30),
            max_lock: Duration::from_secs(30 * 60),
            memory: Duration::from_secs(24 * 60 * 60),
        },
    )
}

/// SMS codes typed: five wrong per mobile (which also spends the code), ten per client, then
/// doubling locks from 30 s up to 30 min.
pub fn code_check_guard() -> Guard {
    Guard::new(
        "code_check",
        ThrottleRule {
            free_failures: 4,
            first_lock: Duration::from_secs(30),
            max_lock: Duration::from_secs(30 * 60),
            memory: Duration::from_secs(24 * 60 * 60),
        },
        ThrottleRule {
            free_failures: 9,
            first_lock: Duration::from_secs(30),
            max_lock: Duration::from_secs(30 * 60),
            memory: Duration::from_secs(24 * 60 * 60),
        },
    )
}

/// The longest any guard remembers a failure (what the sweep keeps).
pub const LONGEST_MEMORY: Duration = Duration::from_secs(24 * 60 * 60);

/// How much one client and one person may file (`[limits]` of the config): a petition or a
/// legal-aid application counts against its client address, its ID number and its mobile.
/// Counted in the filing's own transaction, so a filing that is not stored costs nothing.
#[derive(Clone, Copy, Debug)]
pub struct FilingLimits {
    per_client: Window,
    per_person: Window,
}

impl FilingLimits {
    pub fn new(limits: &crate::domain::config::Limits) -> Self {
        Self {
            per_client: Window {
                max: limits.per_client_per_hour,
                per: Duration::from_secs(60 * 60),
            },
            per_person: Window {
                max: limits.per_person_per_day,
                per: Duration::from_secs(24 * 60 * 60),
            },
        }
    }

    /// Counts one filing from `client` (none for the portal's own demo data) by the person with
    /// `id_number` and `mobile`, in the filing's transaction `tx`; `StoreError::OverLimit(wait)`,
    /// counting nothing, when any of them is at its limit.
    ///
    /// On SQLite the write lock makes this exact. On PostgreSQL two servers committing filings
    /// of one person at the same instant do not see each other's yet: each may take the last
    /// place (at most one filing more per server).
    pub async fn charge(
        &self,
        tx: &mut Tx,
        client: Option<&str>,
        id_number: &str,
        mobile: &str,
        now: Instant,
    ) -> Result<(), StoreError> {
        let Some(client) = client else {
            return Ok(());
        };
        let (id, mobile) = (format!("id:{id_number}"), format!("mobile:{mobile}"));
        let keys = [
            (client, self.per_client),
            (id.as_str(), self.per_person),
            (mobile.as_str(), self.per_person),
        ];
        charge_all(tx, &keys, now).await
    }

    /// Counts one filing by the person with `id_number` and `mobile` only (a trusted caller's,
    /// which files for many people from one address), in `tx`.
    pub async fn charge_person(
        &self,
        tx: &mut Tx,
        id_number: &str,
        mobile: &str,
        now: Instant,
    ) -> Result<(), StoreError> {
        let (id, mobile) = (format!("id:{id_number}"), format!("mobile:{mobile}"));
        let keys = [
            (id.as_str(), self.per_person),
            (mobile.as_str(), self.per_person),
        ];
        charge_all(tx, &keys, now).await
    }
}

impl FilingLimits {
    /// Counts one booked visit from `client` (none for the demo data) for `mobile`, in the
    /// booking's transaction: the client's hourly limit, and the person's daily one counted
    /// apart from their filings.
    pub async fn charge_booking(
        &self,
        tx: &mut Tx,
        client: Option<&str>,
        mobile: &str,
        now: Instant,
    ) -> Result<(), StoreError> {
        let Some(client) = client else {
            return Ok(());
        };
        let mobile = format!("booking:{mobile}");
        let keys = [
            (client, self.per_client),
            (mobile.as_str(), self.per_person),
        ];
        charge_all(tx, &keys, now).await
    }
}

/// Counts one event against each key, in `tx`, unless one of them is at its window's limit:
/// then `StoreError::OverLimit(wait)`, counting nothing.
async fn charge_all(tx: &mut Tx, keys: &[(&str, Window)], now: Instant) -> Result<(), StoreError> {
    for (key, window) in keys {
        let (count, oldest) = store::filings_since(tx, key, window.start(now)).await?;
        window
            .admits(count, oldest, now)
            .map_err(StoreError::OverLimit)?;
    }
    for (key, _) in keys {
        store::count_filing(tx, key, now).await?;
    }
    Ok(())
}

/// SMS codes and new 查询码 sent (我的事项, a lost 查询码): at most three to one mobile and ten
/// from one client address in any hour (sliding windows), every request counted — known number
/// or not — in the write that queues the message, so the limit is exact across servers on SQLite
/// and at most one more per server on PostgreSQL (as filings).
#[derive(Clone, Copy, Debug)]
pub struct SendLimits {
    per_mobile: Window,
    per_client: Window,
}

impl Default for SendLimits {
    fn default() -> Self {
        Self {
            per_mobile: Window {
                max: 3,
                per: Duration::from_secs(60 * 60),
            },
            per_client: Window {
                max: 10,
                per: Duration::from_secs(60 * 60),
            },
        }
    }
}

impl SendLimits {
    /// Counts one message to `mobile` asked for by `client`, in `tx`; `StoreError::OverLimit`
    /// (counting nothing) when either is at its limit.
    pub async fn charge(
        &self,
        tx: &mut Tx,
        mobile: &str,
        client: &str,
        now: Instant,
    ) -> Result<(), StoreError> {
        let (mobile, client) = (
            format!("sms:mobile:{mobile}"),
            format!("sms:client:{client}"),
        );
        let keys = [
            (mobile.as_str(), self.per_mobile),
            (client.as_str(), self.per_client),
        ];
        charge_all(tx, &keys, now).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A migrated SQLite database in a temporary directory (kept while the pool is used).
    async fn database() -> (tempfile::TempDir, Pool) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("guard.db").display()
        );
        let pool = crate::kernel::store::connect(&url).await.unwrap();
        crate::kernel::store::migrate(&pool).await.unwrap();
        (dir, pool)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_wrong_guesses_are_judged_as_if_in_turn() {
        let (_dir, pool) = database().await;
        let guard = lookup_guard();
        let now = chrono::Utc::now();
        let let_through = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tries: Vec<_> = (0..64)
            .map(|_| {
                let (guard, pool, let_through) = (guard.clone(), pool.clone(), let_through.clone());
                tokio::spawn(async move {
                    if let Ok(attempt) = guard
                        .attempt(&pool, "XF202612010001", "198.51.100.7", now)
                        .await
                    {
                        let_through.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        // Judged slowly, and wrong.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        guard.failed(attempt).await;
                    }
                })
            })
            .collect();
        for t in tries {
            t.await.unwrap();
        }
        // Five free failures, then the sixth locks: exactly as one client trying in turn.
        assert_eq!(let_through.load(std::sync::atomic::Ordering::SeqCst), 6);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn right_answers_arriving_together_do_not_lock_each_other_out() {
        let (_dir, pool) = database().await;
        let guard = lookup_guard();
        let now = chrono::Utc::now();
        let tries: Vec<_> = (0..32)
            .map(|_| {
                let (guard, pool) = (guard.clone(), pool.clone());
                tokio::spawn(async move {
                    let attempt = guard
                        .attempt(&pool, "XF202612010001", "hotline", now)
                        .await
                        .map_err(|r| format!("{r:?}"))?;
                    tokio::time::sleep(Duration::from_millis(2)).await;
                    guard.succeeded(attempt).await;
                    Ok::<(), String>(())
                })
            })
            .collect();
        for t in tries {
            assert_eq!(t.await.unwrap(), Ok(()));
        }
    }

    #[tokio::test]
    async fn a_success_forgets_the_key_and_an_uncounted_attempt_costs_nothing() {
        let (_dir, pool) = database().await;
        let guard = sign_in_guard();
        let now = chrono::Utc::now();
        for _ in 0..4 {
            let attempt = guard.attempt(&pool, "zhang", "office", now).await.unwrap();
            guard.failed(attempt).await;
        }
        let right = guard.attempt(&pool, "zhang", "office", now).await.unwrap();
        guard.succeeded(right).await;
        for _ in 0..6 {
            let attempt = guard.attempt(&pool, "zhang", "office", now).await.unwrap();
            guard.failed(attempt).await;
        }
        assert!(guard.attempt(&pool, "zhang", "office", now).await.is_err());
        for _ in 0..10 {
            let attempt = guard.attempt(&pool, "li", "office", now).await.unwrap();
            guard.not_counted(attempt);
        }
        assert!(
            guard.attempt(&pool, "li", "office", now).await.is_ok(),
            "uncounted attempts cost nothing"
        );
    }

    #[tokio::test]
    async fn two_guards_on_one_database_judge_as_one() {
        // Two servers: a guard each, one database.
        let (_dir, pool) = database().await;
        let (a, b) = (lookup_guard(), lookup_guard());
        let now = chrono::Utc::now();
        for i in 0..6 {
            let guard = if i % 2 == 0 { &a } else { &b };
            let attempt = guard
                .attempt(&pool, "XF202612010001", "cafe", now)
                .await
                .unwrap();
            guard.failed(attempt).await;
        }
        for guard in [&a, &b] {
            assert!(matches!(
                guard.attempt(&pool, "XF202612010001", "home", now).await,
                Err(Refused::Wait(_))
            ));
        }
        // Swept only once forgotten: a day on, the number may be tried again.
        assert_eq!(sweep(&pool, now, LONGEST_MEMORY).await.unwrap(), 0);
        let day_on = now + LONGEST_MEMORY;
        assert_eq!(sweep(&pool, day_on, LONGEST_MEMORY).await.unwrap(), 2);
        assert!(
            a.attempt(&pool, "XF202612010001", "home", day_on)
                .await
                .is_ok()
        );
    }

    #[tokio::test]
    async fn a_refused_filing_counts_against_nobody_it_names() {
        let (_dir, pool) = database().await;
        let limits = FilingLimits::new(&crate::domain::config::Limits {
            per_client_per_hour: 3,
            per_person_per_day: 2,
            ..Default::default()
        });
        let now = chrono::Utc::now();
        let file = |client: &'static str, id: &'static str, mobile: &'static str| {
            let pool = pool.clone();
            async move {
                let mut write = crate::kernel::store::begin_write(&pool).await.unwrap();
                let charged = limits
                    .charge(&mut write.tx, Some(client), id, mobile, now)
                    .await;
                write.tx.commit().await.unwrap();
                match charged {
                    Ok(()) => true,
                    Err(StoreError::OverLimit(_)) => false,
                    Err(e) => panic!("{e}"),
                }
            }
        };
        assert!(file("office", "A", "1").await);
        assert!(file("office", "A", "2").await);
        // ID A is at its limit: refused, and the office and mobile 3 are not charged for it.
        assert!(!file("office", "A", "3").await);
        assert!(file("office", "B", "3").await);
        assert!(
            !file("office", "C", "3").await,
            "the office has had its three"
        );
        assert!(file("home", "C", "3").await, "mobile 3 had one of two");
        assert!(!file("cafe", "D", "3").await, "mobile 3 at two");
        // The portal's own demo data counts against nobody.
        let mut write = crate::kernel::store::begin_write(&pool).await.unwrap();
        assert!(
            limits
                .charge(&mut write.tx, None, "A", "1", now)
                .await
                .is_ok()
        );
    }
}
