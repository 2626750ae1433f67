//! Slowing down guessing across requests: one throttle per key (an account, a petition number)
//! and one per client address. Attempts in flight count as failures until they are judged: no
//! more run at once than could fail without passing the allowance, and past it they run one at a
//! time, so concurrent guesses are judged exactly as the same guesses in turn would be, and right
//! answers arriving together wait a moment rather than lock each other out.

use crate::domain::throttle::Instant;
use crate::domain::throttle::{Limiter, Throttle, ThrottleRule};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Guard {
    inner: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    state: Mutex<State>,
    /// Woken when an attempt is judged.
    judged: tokio::sync::Notify,
}

#[derive(Debug)]
struct State {
    by_key: Throttle,
    by_client: Throttle,
    /// Attempts let through and not judged yet, per key and per client.
    pending_keys: HashMap<String, u32>,
    pending_clients: HashMap<String, u32>,
}

/// An attempt let through: judge it with [`Guard::succeeded`] or [`Guard::not_counted`]; left
/// alone (dropped), it is a failure.
#[derive(Debug)]
#[must_use = "an attempt is a failure unless judged otherwise"]
pub struct Attempt {
    guard: Guard,
    key: String,
    client: String,
    now: Instant,
    judged: bool,
}

/// How long an attempt waits for those in flight before it is told to come back.
const MOST_WAIT: Duration = Duration::from_secs(5);

fn lock(m: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves valid data behind: keep using it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether one more attempt may run for a throttle with `failures` judged and `pending` in
/// flight: while all of them failing stays within the free failures, or else one at a time.
fn may_run(throttle: &Throttle, failures: u32, pending: u32) -> bool {
    failures + pending <= throttle.free_failures() || pending == 0
}

impl Guard {
    pub fn new(per_key: ThrottleRule, per_client: ThrottleRule) -> Self {
        Self {
            inner: Arc::new(Shared {
                state: Mutex::new(State {
                    by_key: Throttle::new(per_key),
                    by_client: Throttle::new(per_client),
                    pending_keys: HashMap::new(),
                    pending_clients: HashMap::new(),
                }),
                judged: tokio::sync::Notify::new(),
            }),
        }
    }

    /// `Err(wait)` while the key or the client is locked; otherwise the attempt, let through
    /// once it cannot take the key or the client past its allowance.
    pub async fn attempt(
        &self,
        key: &str,
        client: &str,
        now: Instant,
    ) -> Result<Attempt, Duration> {
        let deadline = crate::kernel::clock::deadline(MOST_WAIT);
        loop {
            let judged = self.inner.judged.notified();
            tokio::pin!(judged);
            judged.as_mut().enable();
            {
                let mut state = lock(&self.inner.state);
                let a = state.by_key.check(key, now);
                let b = state.by_client.check(client, now);
                match (a, b) {
                    (Err(x), Err(y)) => return Err(x.max(y)),
                    (Err(x), _) | (_, Err(x)) => return Err(x),
                    _ => {}
                }
                let pk = state.pending_keys.get(key).copied().unwrap_or(0);
                let pc = state.pending_clients.get(client).copied().unwrap_or(0);
                let fk = state.by_key.failures(key, now);
                let fc = state.by_client.failures(client, now);
                if may_run(&state.by_key, fk, pk) && may_run(&state.by_client, fc, pc) {
                    *state.pending_keys.entry(key.to_owned()).or_default() += 1;
                    *state.pending_clients.entry(client.to_owned()).or_default() += 1;
                    return Ok(Attempt {
                        guard: self.clone(),
                        key: key.to_owned(),
                        client: client.to_owned(),
                        now,
                        judged: false,
                    });
                }
            }
            if tokio::time::timeout_at(deadline, judged).await.is_err() {
                return Err(Duration::from_secs(1));
            }
        }
    }

    /// The attempt succeeded: the key's failures are forgotten.
    pub fn succeeded(&self, mut attempt: Attempt) {
        attempt.judged = true;
        self.judge(&attempt, |state, a| state.by_key.forget(&a.key));
    }

    /// The attempt could not be judged (the database did not answer): it counts for nothing.
    pub fn not_counted(&self, mut attempt: Attempt) {
        attempt.judged = true;
        self.judge(&attempt, |_, _| {});
    }

    fn judge(&self, attempt: &Attempt, record: impl FnOnce(&mut State, &Attempt)) {
        {
            let mut state = lock(&self.inner.state);
            let state = &mut *state;
            for (pending, name) in [
                (&mut state.pending_keys, &attempt.key),
                (&mut state.pending_clients, &attempt.client),
            ] {
                if let Some(n) = pending.get_mut(name.as_str()) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        pending.remove(name.as_str());
                    }
                }
            }
            record(state, attempt);
        }
        self.inner.judged.notify_waiters();
    }
}

impl Drop for Attempt {
    /// Not judged otherwise: a failure of both the key and the client.
    fn drop(&mut self) {
        if !self.judged {
            let guard = self.guard.clone();
            guard.judge(self, |state, a| {
                state.by_key.fail(&a.key, a.now);
                state.by_client.fail(&a.client, a.now);
            });
        }
    }
}

/// Sign-in: five free tries per account, then 30 s, 1 min, 2 min … up to 15 min; a client trying
/// many accounts (a shared office) gets twenty.
pub fn sign_in_guard() -> Guard {
    Guard::new(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_wrong_guesses_are_judged_as_if_in_turn() {
        let guard = lookup_guard();
        let now = chrono::Utc::now();
        let let_through = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tries: Vec<_> = (0..64)
            .map(|_| {
                let (guard, let_through) = (guard.clone(), let_through.clone());
                tokio::spawn(async move {
                    if let Ok(attempt) = guard.attempt("XF202612010001", "198.51.100.7", now).await
                    {
                        let_through.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        // Judged slowly, and wrong.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        drop(attempt);
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
        let guard = lookup_guard();
        let now = chrono::Utc::now();
        let tries: Vec<_> = (0..32)
            .map(|_| {
                let guard = guard.clone();
                tokio::spawn(async move {
                    let attempt = guard.attempt("XF202612010001", "hotline", now).await?;
                    tokio::time::sleep(Duration::from_millis(2)).await;
                    guard.succeeded(attempt);
                    Ok::<(), Duration>(())
                })
            })
            .collect();
        for t in tries {
            assert_eq!(t.await.unwrap(), Ok(()));
        }
    }

    #[tokio::test]
    async fn a_success_forgets_the_key_and_an_uncounted_attempt_costs_nothing() {
        let guard = sign_in_guard();
        let now = chrono::Utc::now();
        for _ in 0..4 {
            drop(guard.attempt("zhang", "office", now).await.unwrap());
        }
        let right = guard.attempt("zhang", "office", now).await.unwrap();
        guard.succeeded(right);
        for _ in 0..6 {
            drop(guard.attempt("zhang", "office", now).await.unwrap());
        }
        assert!(guard.attempt("zhang", "office", now).await.is_err());
        for _ in 0..10 {
            let attempt = guard.attempt("li", "office", now).await.unwrap();
            guard.not_counted(attempt);
        }
        assert!(
            guard.attempt("li", "office", now).await.is_ok(),
            "uncounted attempts cost nothing"
        );
    }
}

/// How much one client and one person may file (`[limits]` of the config): a petition or a
/// legal-aid application counts against its client address, its ID number and its mobile.
#[derive(Debug)]
pub struct FilingLimits {
    inner: Mutex<(Limiter, Limiter)>,
}

impl FilingLimits {
    pub fn new(limits: &crate::domain::config::Limits) -> Self {
        Self {
            inner: Mutex::new((
                Limiter::new(limits.per_client_per_hour, Duration::from_secs(60 * 60)),
                Limiter::new(limits.per_person_per_day, Duration::from_secs(24 * 60 * 60)),
            )),
        }
    }

    /// Counts one filing from `client` for `people` (the ID number and the mobile), or
    /// `Err(wait)` counting nothing when any of them is at its limit. The charge is given back
    /// when dropped unless [`FilingCharge::keep`] is called (the filing was stored).
    pub fn take(
        &self,
        client: &str,
        people: &[&str],
        now: Instant,
    ) -> Result<FilingCharge<'_>, Duration> {
        self.count(client, people, now)?;
        Ok(FilingCharge {
            limits: self,
            client: client.to_owned(),
            people: people.iter().map(|p| (*p).to_owned()).collect(),
            kept: false,
        })
    }

    /// One filing from `client` (none for the portal's own demo data) by the person with
    /// `id_number` and `mobile`; 429 with the wait when over a limit.
    pub fn charge(
        &self,
        client: Option<&str>,
        id_number: &str,
        mobile: &str,
        now: Instant,
    ) -> Result<Option<FilingCharge<'_>>, crate::kernel::AppError> {
        let Some(client) = client else {
            return Ok(None);
        };
        let (id, mobile) = (format!("id:{id_number}"), format!("mobile:{mobile}"));
        self.take(client, &[&id, &mobile], now)
            .map(Some)
            .map_err(crate::kernel::AppError::TooManyFilings)
    }

    fn give_back(&self, client: &str, people: &[String]) {
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let (by_client, by_person) = &mut *guard;
        by_client.give_back(client);
        for p in people {
            by_person.give_back(p);
        }
    }

    fn count(&self, client: &str, people: &[&str], now: Instant) -> Result<(), Duration> {
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let (by_client, by_person) = &mut *guard;
        by_client.take(client, now)?;
        let mut taken: Vec<&str> = Vec::with_capacity(people.len());
        for person in people {
            if let Err(wait) = by_person.take(person, now) {
                by_client.give_back(client);
                for p in taken {
                    by_person.give_back(p);
                }
                return Err(wait);
            }
            taken.push(person);
        }
        Ok(())
    }
}

/// One filing counted against its client and its person; given back when dropped unless kept,
/// so that a filing the database could not take costs nobody their allowance.
#[must_use = "a charge is given back when dropped"]
pub struct FilingCharge<'a> {
    limits: &'a FilingLimits,
    client: String,
    people: Vec<String>,
    kept: bool,
}

impl FilingCharge<'_> {
    /// The filing was stored: the charge stays.
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for FilingCharge<'_> {
    fn drop(&mut self) {
        if !self.kept {
            self.limits.give_back(&self.client, &self.people);
        }
    }
}

#[cfg(test)]
mod filing_tests {
    use super::*;

    #[test]
    fn a_refused_filing_counts_against_nobody_it_names() {
        let limits = FilingLimits::new(&crate::domain::config::Limits {
            per_client_per_hour: 3,
            per_person_per_day: 2,
            ..Default::default()
        });
        let now = chrono::Utc::now();
        let kept = |r: Result<FilingCharge<'_>, Duration>| r.map(FilingCharge::keep).is_ok();
        assert!(kept(limits.take("office", &["id:A", "mobile:1"], now)));
        assert!(kept(limits.take("office", &["id:A", "mobile:2"], now)));
        // ID A is at its limit: refused, and the office and mobile 3 are not charged for it.
        assert!(!kept(limits.take("office", &["id:A", "mobile:3"], now)));
        assert!(kept(limits.take("office", &["id:B", "mobile:3"], now)));
        assert!(
            !kept(limits.take("office", &["id:C", "mobile:3"], now)),
            "the office's third"
        );
        // A filing that was not stored (its charge dropped, not kept) costs nothing.
        drop(limits.take("home", &["id:C", "mobile:3"], now).unwrap());
        assert!(
            kept(limits.take("home", &["id:C", "mobile:3"], now)),
            "mobile 3 had one of two"
        );
        assert!(
            !kept(limits.take("cafe", &["id:D", "mobile:3"], now)),
            "mobile 3 at two"
        );
    }
}
