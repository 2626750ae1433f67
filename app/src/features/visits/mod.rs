//! 网上预约走访 (issue 17; 信访工作条例 第17、18条): the bureau publishes its reception sessions —
//! ordinary days and 领导接访日 — with time slots of a set capacity; a citizen books a place (JS
//! off alike, or through `/api/v1/bookings`), keeps a number and a code, and can cancel; the
//! reception room sees each day's list, marks arrived or no-show, and registers an arrival as a
//! 来访 matter through the intake form with the booking's details carried over. Rules:
//! `domain::reception`.

pub mod pages;
pub mod view;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod staff_http;
#[cfg(feature = "ssr")]
pub mod store;
