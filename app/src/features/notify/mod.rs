//! Notifications as staff see them: the outbox page (`/staff/outbox`), what went out, what waits
//! (for the morning, for a retry, for a transport not configured) and what was given up. The
//! outbox itself, the worker and the transports are `kernel::outbox`.

pub mod pages;
pub mod server_fns;
pub mod view;

#[cfg(feature = "ssr")]
pub mod service;
