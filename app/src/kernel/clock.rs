//! The one clock. Production reads the system's; tests hold a manual one and move it, so that a
//! review window closing, a case going overdue or a sweep coming due is tested by moving time,
//! never by rewriting stored rows. Nothing else in the portal reads the time: a request reads the
//! clock once when it arrives ([`Now`]) and passes that down, so one request never sees two
//! "today"s at midnight.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::sync::{Arc, Mutex};

/// Where the time comes from.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
}

/// The system's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until it is moved (tests, and the demo seed's past events).
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    pub fn at(time: DateTime<Utc>) -> Self {
        Self(Arc::new(Mutex::new(time)))
    }

    /// Starting at the system's time now.
    pub fn starting_now() -> Self {
        Self::at(Utc::now())
    }

    pub fn set(&self, time: DateTime<Utc>) {
        *self.lock() = time;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.lock();
        *t += by;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }
}

/// China Standard Time: the law's days are days in Asia/Shanghai, which has had no daylight
/// saving since 1991, so a fixed offset is exact.
pub fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

/// One request's time, read from the clock once when the request arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now(pub DateTime<Utc>);

impl Now {
    pub fn of(clock: &dyn Clock) -> Self {
        Self(clock.now())
    }

    pub fn utc(self) -> DateTime<Utc> {
        self.0
    }

    /// The time in Asia/Shanghai.
    pub fn local(self) -> DateTime<FixedOffset> {
        self.0.with_timezone(&shanghai())
    }

    /// Today in Asia/Shanghai, the day the law counts from.
    pub fn today(self) -> NaiveDate {
        self.local().date_naive()
    }

    /// The time as stored: RFC 3339 with the +08:00 offset.
    pub fn stamp(self) -> String {
        self.local().to_rfc3339()
    }
}

/// The time of the request being rendered: what the server provided for the page, else the
/// context's clock read now.
#[cfg(feature = "ssr")]
pub fn request_now() -> Now {
    use leptos::prelude::use_context;
    use_context::<Now>()
        .or_else(|| {
            use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<Now>().copied())
        })
        .or_else(|| use_context::<crate::kernel::AppContext>().map(|c| c.now()))
        .unwrap_or_else(|| Now::of(&SystemClock))
}

#[cfg(feature = "ssr")]
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Now
where
    crate::kernel::AppContext: axum::extract::FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    /// The time the server stamped on the request when it arrived (see the server's layers),
    /// else the context's clock read now.
    async fn from_request_parts(
        parts: &mut http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        use axum::extract::FromRef;
        Ok(parts
            .extensions
            .get::<Now>()
            .copied()
            .unwrap_or_else(|| crate::kernel::AppContext::from_ref(state).now()))
    }
}

/// A deadline for waiting on I/O (a slow upload, a queue), on the monotonic timer: how long
/// the server waits, never what time it is for the portal (that is [`Clock`]'s).
pub fn deadline(after: std::time::Duration) -> tokio::time::Instant {
    tokio::time::Instant::now() + after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_days_are_shanghai_days() {
        let start = DateTime::parse_from_rfc3339("2026-12-31T15:59:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let clock = ManualClock::at(start);
        let now = Now::of(&clock);
        assert_eq!(now.today(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        assert_eq!(now.stamp(), "2026-12-31T23:59:00+08:00");
        clock.advance(chrono::Duration::minutes(1));
        assert_eq!(
            Now::of(&clock).today(),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
        assert_eq!(now.today(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    }
}
