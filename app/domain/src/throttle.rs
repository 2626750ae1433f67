//! Slowing down guessing (sign-in passwords, 查询码) and bounding filings.
//!
//! A key (an account name, a client address, a petition number) may fail a few times freely; after
//! that each further failure locks it for twice as long as the one before, up to a cap. A key whose
//! last failure is older than the memory window is forgotten. Filings are counted in a sliding
//! window per key. These are the rules alone, over what is remembered of one key (the portal keeps
//! it in its database, shared by all its servers); time is passed in, so they are tested without
//! waiting.

use crate::message::Msg;
use crate::msg;
use std::time::Duration;

/// A wait in plain words: `30 秒`, `2 分钟` (whole minutes from a minute on).
pub fn wait_msg(seconds: u64) -> Msg {
    if seconds < 60 {
        msg!("wait-seconds", n = seconds)
    } else {
        msg!("wait-minutes", n = seconds.div_ceil(60))
    }
}

/// A wait in whole seconds, rounded up (so that who comes back after it is let in), at least one.
pub fn whole_seconds(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
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

/// What is remembered of one key's failures (kept in the database, so that every server of a
/// portal judges a key alike).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Failures {
    pub count: u32,
    pub last: Instant,
}

impl ThrottleRule {
    fn lock_for(&self, failures: u32) -> Duration {
        if failures <= self.free_failures {
            return Duration::ZERO;
        }
        let doublings = (failures - self.free_failures - 1).min(20);
        self.first_lock
            .saturating_mul(1 << doublings)
            .min(self.max_lock)
    }

    /// The failures still remembered at `now`.
    pub fn remembered(&self, failures: Option<Failures>, now: Instant) -> u32 {
        match failures {
            Some(f) if since(now, f.last) < self.memory => f.count,
            _ => 0,
        }
    }

    /// `Err(wait)` while the key with these failures is locked.
    pub fn check(&self, failures: Option<Failures>, now: Instant) -> Result<(), Duration> {
        let Some(f) = failures else {
            return Ok(());
        };
        let lock = self.lock_for(f.count);
        // No lock is due: a last failure stamped a moment "later" (another server's clock a
        // little ahead) locks nobody.
        if lock.is_zero() || since(now, f.last) >= self.memory {
            return Ok(());
        }
        match since(f.last + lock, now) {
            wait if !wait.is_zero() => Err(wait),
            _ => Ok(()),
        }
    }

    /// What is remembered after one more failure at `now` (counting starts again once the
    /// earlier ones are forgotten).
    pub fn after_failure(&self, failures: Option<Failures>, now: Instant) -> Failures {
        Failures {
            count: self.remembered(failures, now) + 1,
            last: failures.map_or(now, |f| f.last.max(now)),
        }
    }

    /// Whether one more attempt may be judged for a key with `failures` remembered and
    /// `pending` attempts in flight: while all of them failing stays within the free failures,
    /// or else one at a time.
    pub fn may_run(&self, failures: u32, pending: u32) -> bool {
        failures + pending <= self.free_failures || pending == 0
    }

    /// Whether failures last at `last` may be forgotten at `now`.
    pub fn forgotten(&self, last: Instant, now: Instant) -> bool {
        since(now, last) >= self.memory
    }
}

/// At most `max` events per key in any window of `per` (a sliding window): filings per client,
/// per ID number, per mobile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub max: u32,
    pub per: Duration,
}

impl Window {
    /// Whether one more event may be counted at `now` for a key that has had `count` events
    /// since `now - per`, the oldest of them at `oldest`: `Err(wait)` until it leaves the window.
    pub fn admits(
        &self,
        count: u32,
        oldest: Option<Instant>,
        now: Instant,
    ) -> Result<(), Duration> {
        if count < self.max {
            return Ok(());
        }
        let oldest = oldest.unwrap_or(now);
        Err(since(oldest + self.per, now).max(Duration::from_secs(1)))
    }

    /// Where the window that ends at `now` begins: events at or before it no longer count.
    pub fn start(&self, now: Instant) -> Instant {
        chrono::Duration::from_std(self.per)
            .ok()
            .and_then(|per| now.checked_sub_signed(per))
            .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC)
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

    /// A key's failures after `n` of them at `at`.
    fn failed(n: usize, at: Instant) -> Option<Failures> {
        (0..n).fold(None, |f, _| Some(RULE.after_failure(f, at)))
    }

    #[test]
    fn free_failures_do_not_lock() {
        let now = start_time();
        assert_eq!(RULE.check(None, now), Ok(()));
        assert_eq!(RULE.check(failed(3, now), now), Ok(()));
        // Even when recorded by a server whose clock is a little ahead.
        let ahead = now + Duration::from_secs(2);
        assert_eq!(RULE.check(failed(3, ahead), now), Ok(()));
    }

    #[test]
    fn waits_are_told_in_whole_seconds_rounded_up() {
        assert_eq!(whole_seconds(Duration::from_millis(3_599_999)), 3600);
        assert_eq!(whole_seconds(Duration::from_secs(30)), 30);
        assert_eq!(whole_seconds(Duration::ZERO), 1);
    }

    #[test]
    fn each_failure_past_the_free_ones_doubles_the_lock_up_to_the_cap() {
        let start = start_time();
        let four = failed(4, start);
        assert_eq!(RULE.check(four, start), Err(Duration::from_secs(30)));
        assert_eq!(
            RULE.check(four, start + Duration::from_secs(10)),
            Err(Duration::from_secs(20))
        );
        assert_eq!(RULE.check(four, start + Duration::from_secs(30)), Ok(()));
        assert_eq!(
            RULE.check(failed(5, start), start),
            Err(Duration::from_secs(60))
        );
        assert_eq!(
            RULE.check(failed(15, start), start),
            Err(Duration::from_secs(300))
        );
    }

    #[test]
    fn failures_are_forgotten_after_the_memory_window() {
        let start = start_time();
        let five = failed(5, start);
        let later = start + Duration::from_secs(3600);
        assert!(RULE.forgotten(start, later));
        assert_eq!(RULE.remembered(five, later), 0);
        assert_eq!(RULE.check(five, later), Ok(()));
        let again = RULE.after_failure(five, later);
        assert_eq!(
            again,
            Failures {
                count: 1,
                last: later
            },
            "counting starts again"
        );
        assert_eq!(RULE.check(Some(again), later), Ok(()));
    }

    #[test]
    fn past_the_free_failures_attempts_are_judged_one_at_a_time() {
        assert!(
            RULE.may_run(0, 3),
            "all three failing stays within the free three"
        );
        assert!(!RULE.may_run(0, 4));
        assert!(!RULE.may_run(2, 2));
        assert!(RULE.may_run(9, 0), "one at a time");
        assert!(!RULE.may_run(9, 1));
    }

    #[test]
    fn a_window_allows_max_per_sliding_window_and_says_how_long_to_wait() {
        let window = Window {
            max: 3,
            per: Duration::from_secs(3600),
        };
        let start = start_time();
        assert_eq!(window.admits(2, Some(start), start), Ok(()));
        let at = start + Duration::from_secs(600);
        // Three in the last hour, the first ten minutes ago: it leaves in fifty.
        assert_eq!(
            window.admits(3, Some(start), at),
            Err(Duration::from_secs(3000))
        );
        assert_eq!(window.start(at), at - Duration::from_secs(3600));
    }
}
