//! Files citizens upload (petitions and legal-aid applications alike): judged by their content,
//! written and synced under `DATA_DIR/attachments`, recorded, and handed to staff as downloads.

pub mod download;
pub mod store;
pub mod uploads;
