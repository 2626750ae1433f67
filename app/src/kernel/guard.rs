//! Slowing down guessing across requests: one throttle per key (an account, a petition number)
//! and one per client address, both checked and charged before an attempt is evaluated, and the
//! charge taken back when it succeeds.

use crate::domain::throttle::Instant;
use crate::domain::throttle::{Limiter, Throttle, ThrottleRule};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Guard {
    /// Both throttles under one lock: an attempt is checked and charged in one step, so
    /// concurrent attempts cannot all pass the check before any failure is recorded.
    inner: Arc<Mutex<Pair>>,
}

#[derive(Debug)]
struct Pair {
    by_key: Throttle,
    by_client: Throttle,
}

/// An attempt let through and charged as a failure in advance: the slow work (hashing) runs
/// after the charge, so it cannot be raced. Say how it went with [`Guard::succeeded`] or
/// [`Guard::not_counted`]; left alone, it stays a failure.
#[derive(Debug)]
#[must_use = "an attempt is a failure unless settled"]
pub struct Attempt {
    key: String,
    client: String,
}

fn lock(m: &Mutex<Pair>) -> MutexGuard<'_, Pair> {
    // A panic while holding the lock leaves valid data behind: keep using it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Guard {
    pub fn new(per_key: ThrottleRule, per_client: ThrottleRule) -> Self {
        Self {
            inner: Arc::new(Mutex::new(Pair {
                by_key: Throttle::new(per_key),
                by_client: Throttle::new(per_client),
            })),
        }
    }

    /// `Err(wait)` while either the key or the client is locked; otherwise the attempt, already
    /// counted as a failure of both.
    pub fn attempt(&self, key: &str, client: &str, now: Instant) -> Result<Attempt, Duration> {
        let mut pair = lock(&self.inner);
        let a = pair.by_key.check(key, now);
        let b = pair.by_client.check(client, now);
        match (a, b) {
            (Err(x), Err(y)) => return Err(x.max(y)),
            (Err(x), _) | (_, Err(x)) => return Err(x),
            _ => {}
        }
        pair.by_key.fail(key, now);
        pair.by_client.fail(client, now);
        Ok(Attempt {
            key: key.to_owned(),
            client: client.to_owned(),
        })
    }

    /// The attempt succeeded: the key's failures are forgotten, the client's charge taken back.
    pub fn succeeded(&self, attempt: Attempt) {
        let mut pair = lock(&self.inner);
        pair.by_key.forget(&attempt.key);
        pair.by_client.refund(&attempt.client);
    }

    /// The attempt could not be judged (the database did not answer): its charge is taken back.
    pub fn not_counted(&self, attempt: Attempt) {
        let mut pair = lock(&self.inner);
        pair.by_key.refund(&attempt.key);
        pair.by_client.refund(&attempt.client);
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

    #[test]
    fn concurrent_attempts_cannot_pass_the_check_together() {
        let guard = lookup_guard();
        let now = chrono::Utc::now();
        let let_through = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..64 {
                s.spawn(|| {
                    if let Ok(attempt) = guard.attempt("XF202612010001", "198.51.100.7", now) {
                        let_through.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        // Evaluated slowly, and wrong: the charge stays.
                        std::thread::sleep(Duration::from_millis(5));
                        drop(attempt);
                    }
                });
            }
        });
        // Five free failures, then the sixth locks: exactly as one client trying in turn.
        assert_eq!(let_through.into_inner(), 6);
    }

    #[test]
    fn a_success_forgets_the_key_and_refunds_the_client() {
        let guard = sign_in_guard();
        let now = chrono::Utc::now();
        for _ in 0..4 {
            let _ = guard.attempt("zhang", "office", now).unwrap();
        }
        let right = guard.attempt("zhang", "office", now).unwrap();
        guard.succeeded(right);
        for _ in 0..6 {
            let _ = guard.attempt("zhang", "office", now).unwrap();
        }
        assert!(guard.attempt("zhang", "office", now).is_err());
        for _ in 0..10 {
            let attempt = guard.attempt("li", "office", now).unwrap();
            guard.not_counted(attempt);
        }
        assert!(
            guard.attempt("li", "office", now).is_ok(),
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
    /// `Err(wait)` counting nothing when any of them is at its limit.
    pub fn take(&self, client: &str, people: &[&str], now: Instant) -> Result<(), Duration> {
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
        assert!(limits.take("office", &["id:A", "mobile:1"], now).is_ok());
        assert!(limits.take("office", &["id:A", "mobile:2"], now).is_ok());
        // ID A is at its limit: refused, and the office and mobile 3 are not charged for it.
        assert!(limits.take("office", &["id:A", "mobile:3"], now).is_err());
        assert!(limits.take("office", &["id:B", "mobile:3"], now).is_ok());
        assert!(
            limits.take("office", &["id:C", "mobile:3"], now).is_err(),
            "the office's third"
        );
        assert!(
            limits.take("home", &["id:C", "mobile:3"], now).is_ok(),
            "mobile 3 had one of two"
        );
        assert!(
            limits.take("cafe", &["id:D", "mobile:3"], now).is_err(),
            "mobile 3 at two"
        );
    }
}
