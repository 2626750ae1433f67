//! The pages of 网上预约走访: the citizen's (`citizen`) and the reception room's (`staff`).

pub mod citizen;
pub mod staff;

pub use citizen::{BookPage, BookedPage, CancelPage, VisitsPage};
pub use staff::{ReceptionDayPage, ReceptionPage};
