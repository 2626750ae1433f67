mod outbox_page;

pub use outbox_page::OutboxPage;
