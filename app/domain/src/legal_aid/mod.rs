//! 法律援助 (PRODUCT.md journey 3, 法律援助法): the self-check that tells a citizen what is likely
//! and why (`check`), the application (`application`), where it stands on the statutory clock of
//! 第43条 (`status`), and what the agency does to it (`action`).

pub mod action;
pub mod application;
pub mod check;
pub mod event;
pub mod status;

pub use action::{AidAction, aid_permitted, parse_aid_action};
pub use application::{Agent, AgentInput, Basis, LegalAidInput, NewApplication};
pub use check::{
    Assessment, CheckAnswers, Group, Hardship, Likelihood, Matter, Question, Reason, Special,
    assess,
};
pub use event::{AidEvent, AidEventKind, material_asked_before};
pub use status::{AidStatus, aid_due, aid_status, answer_by};
