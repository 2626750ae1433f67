//! Slowing down guessing across requests: one throttle per key (an account, a petition number)
//! and one per client address, both checked before an attempt and both charged for a failure.

use crate::domain::throttle::Instant;
use crate::domain::throttle::{Throttle, ThrottleRule};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Guard {
    by_key: Arc<Mutex<Throttle>>,
    by_client: Arc<Mutex<Throttle>>,
}

fn lock(m: &Mutex<Throttle>) -> MutexGuard<'_, Throttle> {
    // A panic while holding the lock leaves valid data behind: keep using it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Guard {
    pub fn new(per_key: ThrottleRule, per_client: ThrottleRule) -> Self {
        Self {
            by_key: Arc::new(Mutex::new(Throttle::new(per_key))),
            by_client: Arc::new(Mutex::new(Throttle::new(per_client))),
        }
    }

    /// `Err(wait)` while either the key or the client is locked.
    pub fn check(&self, key: &str, client: &str, now: Instant) -> Result<(), Duration> {
        let a = lock(&self.by_key).check(key, now);
        let b = lock(&self.by_client).check(client, now);
        match (a, b) {
            (Err(x), Err(y)) => Err(x.max(y)),
            (Err(x), _) | (_, Err(x)) => Err(x),
            _ => Ok(()),
        }
    }

    pub fn fail(&self, key: &str, client: &str, now: Instant) {
        lock(&self.by_key).fail(key, now);
        lock(&self.by_client).fail(client, now);
    }

    pub fn succeed(&self, key: &str) {
        lock(&self.by_key).forget(key);
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
