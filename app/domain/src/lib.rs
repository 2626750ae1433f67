//! The portal's rules, by feature, with no I/O: nothing here reads the time, a file, the network
//! or a database, and nothing depends on the web, the database or the UI (see `Cargo.toml`). The
//! browser (WASM) and the server both compile it, so the same rule answers in both places.
//!
//! - `text`, `person`: what people type — field problems, length rules, names, ID numbers (GB
//!   11643), mobiles;
//! - `calendar`, `limit`: the statutory clock — working days, holidays, and every time limit;
//! - `config`: the bureau's configuration (districts, units, hotlines, holidays);
//! - `petition`, `case`: a petition as submitted, and a case on its way through the clock;
//! - `legal_aid`: the self-check, the application and its clock (法律援助法);
//! - `library`: guides and statutes as text, and search;
//! - `kpi`: the figures the bureau reports; `throttle`: slowing down guessing;
//! - `letter`: the bureau's letters to units (督办函、提醒函、建议函, 第40条);
//! - `report`: the 第41条 yearly report and the monthly 研判, from the cases;
//! - `reception`: reception sessions (日常接访, 领导接访日) and booking a visit online;
//! - `staff`, `prefs`: staff roles, and the reader's language and 无障碍 preference.

pub mod calendar;
pub mod case;
pub mod config;
pub mod history;
pub mod kpi;
pub mod legal_aid;
pub mod letter;
pub mod library;
pub mod limit;
pub mod message;
pub mod notify;
pub mod person;
pub mod petition;
pub mod prefs;
pub mod reception;
pub mod report;
pub mod staff;
pub mod text;
pub mod throttle;
pub mod workbench;
