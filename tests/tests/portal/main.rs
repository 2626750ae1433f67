//! The portal's end-to-end tests, one binary: each module starts the real server (in this process
//! on port 0, or as a child process) with a fresh database, and the browser modules drive
//! headless Chromium. One binary rather than one per module because each links the whole server:
//! fifteen links took most of a cold build's disk and a good part of its time.
//!
//! Run one module with `cargo test -p portal-tests --test portal legal_aid::`.

mod abuse;
mod api;
mod api_keys;
mod browser;
mod cases;
mod cluster;
mod durability;
mod intake;
mod languages;
mod legal_aid;
mod letters;
mod library;
mod lookup;
mod migrate_data;
mod mine;
mod notify;
mod petition_journey;
mod petition_web;
mod proxy;
mod reports;
mod schema;
mod search;
mod server;
mod staff;
mod staff_mail;
mod visits;

/// Serves as a child server when this binary was started as one (`start_child_server`, used by
/// the `cluster` and `durability` tests); does nothing as an ordinary test.
#[test]
fn server_process() {
    portal_tests::serve_if_child();
}
