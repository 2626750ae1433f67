//! A case (信访事项) on its way through the statutory clock: what staff do to it and who may do
//! what when (`action`), its status (`status`), the deadline running now (`due`), the
//! workbench's lists (`list`), and what the citizen may do after a reply (`review`).

pub mod action;
pub mod due;
pub mod event;
pub mod list;
pub mod review;
pub mod search;
pub mod status;

pub use action::{ActionKind, CaseAction, Outcome, Refusal, ReplyLetter, parse_action, permitted};
pub use due::{Urgency, current_due};
pub use event::{CaseEvent, EventKind, Letter, Level};
pub use list::{CaseList, Listed};
pub use status::Status;
