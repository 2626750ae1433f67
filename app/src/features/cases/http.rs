//! The workbench's form posts on a case: an action (one event), and opening a file — through
//! the handlers every docket shares (`features::workbench`).

use crate::kernel::AppState;

/// A case's actions and files on the workbench.
pub fn routes() -> axum::Router<AppState> {
    crate::features::workbench::routes::<super::service::Cases>()
}
