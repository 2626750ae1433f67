//! Domain types and rules: no I/O and no feature flags, shared by the browser and the server.

pub mod config;
pub mod prefs;
pub mod staff;
pub mod throttle;
