mod choice;
mod outbox_page;

pub use choice::{EMAIL, NotifyChoice, SMS, choice_text};
pub use outbox_page::OutboxPage;
