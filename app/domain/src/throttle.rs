//! Slowing down guessing: sign-in passwords now, 查询码 later.
//!
//! A key (an account name, a client address, a petition number) may fail a few times freely; after
//! that each further failure locks it for twice as long as the one before, up to a cap. A key whose
//! last failure is older than the memory window is forgotten. Time is passed in, so the rule is
//! tested without waiting.

use crate::message::Msg;
use crate::msg;
use std::collections::HashMap;
use std::time::Duration;

/// A wait in plain words: `30 秒`, `2 分钟` (whole minutes from a minute on).
pub fn wait_msg(seconds: u64) -> Msg {
    if seconds < 60 {
        msg!("wait-seconds", n = seconds)
    } else {
        msg!("wait-minutes", n = seconds.div_ceil(60))
    }
}

/// A moment in wall time, from the portal's one clock (so tests move it, and several servers
/// agree on it).
pub type Instant = chrono::DateTime<chrono::Utc>;

/// How long from `then` to `now`; zero when `then` is later.
fn since(now: Instant, then: Instant) -> Duration {
    (now - then).to_std().unwrap_or(Duration::ZERO)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleRule {
    /// Failures allowed before any lock.
    pub free_failures: u32,
    /// The first lock; each later one doubles.
    pub first_lock: Duration,
    /// The longest lock.
    pub max_lock: Duration,
    /// How long a key's failures are remembered after its last failure.
    pub memory: Duration,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    failures: u32,
    last_failure: Instant,
}

#[derive(Debug)]
pub struct Throttle {
    rule: ThrottleRule,
    entries: HashMap<String, Entry>,
    /// Above this many keys, forgotten ones are swept out on the next failure.
    sweep_above: usize,
}

impl Throttle {
    pub fn new(rule: ThrottleRule) -> Self {
        Self {
            rule,
            entries: HashMap::new(),
            sweep_above: 10_000,
        }
    }

    fn lock_for(&self, failures: u32) -> Duration {
        if failures <= self.rule.free_failures {
            return Duration::ZERO;
        }
        let doublings = (failures - self.rule.free_failures - 1).min(20);
        self.rule
            .first_lock
            .saturating_mul(1 << doublings)
            .min(self.rule.max_lock)
    }

    /// The failures free of any lock.
    pub fn free_failures(&self) -> u32 {
        self.rule.free_failures
    }

    /// The key's failures still remembered at `now`.
    pub fn failures(&self, key: &str, now: Instant) -> u32 {
        match self.entries.get(key) {
            Some(e) if since(now, e.last_failure) < self.rule.memory => e.failures,
            _ => 0,
        }
    }

    /// `Err(wait)` while the key is locked.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let Some(e) = self.entries.get(key) else {
            return Ok(());
        };
        if since(now, e.last_failure) >= self.rule.memory {
            return Ok(());
        }
        let until = e.last_failure + self.lock_for(e.failures);
        match since(until, now) {
            wait if !wait.is_zero() => Err(wait),
            _ => Ok(()),
        }
    }

    /// Records a failure for the key.
    pub fn fail(&mut self, key: &str, now: Instant) {
        if self.entries.len() > self.sweep_above {
            let memory = self.rule.memory;
            self.entries
                .retain(|_, e| since(now, e.last_failure) < memory);
        }
        let memory = self.rule.memory;
        let e = self.entries.entry(key.to_owned()).or_insert(Entry {
            failures: 0,
            last_failure: now,
        });
        if since(now, e.last_failure) >= memory {
            e.failures = 0;
        }
        e.failures += 1;
        e.last_failure = now;
    }

    /// Forgets the key's failures (after a success).
    pub fn forget(&mut self, key: &str) {
        self.entries.remove(key);
    }
}

/// At most `max` events per key in any window of `per` (a sliding window): filings per client,
/// per ID number, per mobile.
#[derive(Debug)]
pub struct Limiter {
    max: u32,
    per: Duration,
    entries: HashMap<String, std::collections::VecDeque<Instant>>,
    sweep_above: usize,
}

impl Limiter {
    pub fn new(max: u32, per: Duration) -> Self {
        Self {
            max,
            per,
            entries: HashMap::new(),
            sweep_above: 10_000,
        }
    }

    /// Counts one event for `key` at `now`, or `Err(wait)` (nothing counted) when the key has had
    /// `max` in the last window: the wait is until the oldest of them leaves it.
    pub fn take(&mut self, key: &str, now: Instant) -> Result<(), Duration> {
        if self.entries.len() > self.sweep_above {
            let per = self.per;
            self.entries
                .retain(|_, times| times.back().is_some_and(|t| since(now, *t) < per));
        }
        let per = self.per;
        let times = self.entries.entry(key.to_owned()).or_default();
        while times.front().is_some_and(|t| since(now, *t) >= per) {
            times.pop_front();
        }
        if times.len() >= self.max as usize {
            let oldest = times.front().copied().unwrap_or(now);
            return Err(since(oldest + per, now).max(Duration::from_secs(1)));
        }
        times.push_back(now);
        Ok(())
    }

    /// Takes back the last event counted for `key` (it was refused for another reason).
    pub fn give_back(&mut self, key: &str) {
        if let Some(times) = self.entries.get_mut(key) {
            times.pop_back();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_said_in_seconds_then_whole_minutes() {
        assert_eq!(wait_msg(30), msg!("wait-seconds", n = 30u64));
        assert_eq!(wait_msg(60), msg!("wait-minutes", n = 1u64));
        assert_eq!(wait_msg(61), msg!("wait-minutes", n = 2u64));
    }

    fn start_time() -> Instant {
        chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00")
            .unwrap()
            .to_utc()
    }

    const RULE: ThrottleRule = ThrottleRule {
        free_failures: 3,
        first_lock: Duration::from_secs(30),
        max_lock: Duration::from_secs(300),
        memory: Duration::from_secs(3600),
    };

    #[test]
    fn free_failures_do_not_lock() {
        let mut t = Throttle::new(RULE);
        let now = start_time();
        for _ in 0..3 {
            t.fail("zhang", now);
        }
        assert_eq!(t.check("zhang", now), Ok(()));
    }

    #[test]
    fn each_failure_past_the_free_ones_doubles_the_lock_up_to_the_cap() {
        let mut t = Throttle::new(RULE);
        let start = start_time();
        for _ in 0..4 {
            t.fail("zhang", start);
        }
        assert_eq!(t.check("zhang", start), Err(Duration::from_secs(30)));
        assert_eq!(
            t.check("zhang", start + Duration::from_secs(10)),
            Err(Duration::from_secs(20))
        );
        assert_eq!(t.check("zhang", start + Duration::from_secs(30)), Ok(()));
        t.fail("zhang", start);
        assert_eq!(t.check("zhang", start), Err(Duration::from_secs(60)));
        for _ in 0..10 {
            t.fail("zhang", start);
        }
        assert_eq!(t.check("zhang", start), Err(Duration::from_secs(300)));
    }

    #[test]
    fn keys_are_independent() {
        let mut t = Throttle::new(RULE);
        let now = start_time();
        for _ in 0..5 {
            t.fail("zhang", now);
        }
        assert!(t.check("zhang", now).is_err());
        assert_eq!(t.check("li", now), Ok(()));
    }

    #[test]
    fn failures_are_forgotten_after_the_memory_window_or_a_success() {
        let mut t = Throttle::new(RULE);
        let start = start_time();
        for _ in 0..5 {
            t.fail("zhang", start);
        }
        let later = start + Duration::from_secs(3600);
        assert_eq!(t.check("zhang", later), Ok(()));
        t.fail("zhang", later);
        assert_eq!(t.check("zhang", later), Ok(()), "counting starts again");
        for _ in 0..5 {
            t.fail("li", start);
        }
        t.forget("li");
        assert_eq!(t.check("li", start), Ok(()));
    }

    #[test]
    fn a_limiter_allows_max_per_sliding_window_and_says_how_long_to_wait() {
        let mut l = Limiter::new(3, Duration::from_secs(3600));
        let start = start_time();
        for minute in 0..3 {
            assert_eq!(
                l.take("198.51.100.7", start + Duration::from_secs(60 * minute)),
                Ok(())
            );
        }
        let at = start + Duration::from_secs(600);
        assert_eq!(l.take("198.51.100.7", at), Err(Duration::from_secs(3000)));
        assert_eq!(l.take("203.0.113.1", at), Ok(()), "keys are independent");
        // The first one leaves the window an hour after it came.
        let hour = start + Duration::from_secs(3600);
        assert_eq!(l.take("198.51.100.7", hour), Ok(()));
        assert!(l.take("198.51.100.7", hour).is_err());
        l.give_back("198.51.100.7");
        assert_eq!(l.take("198.51.100.7", hour), Ok(()));
    }
}
