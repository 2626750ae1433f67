//! Widgets shared by every page.

mod beacon;
mod data_table;
pub mod draft_keeper;
mod footer;
pub mod form;
mod header;
mod page_context;
mod page_title;
#[cfg(feature = "ssr")]
pub mod security;

pub use beacon::HydrationBeacon;
pub use data_table::DataTable;
pub use draft_keeper::DraftKeeper;
pub use footer::Footer;
pub use header::Header;
pub use page_context::PageContext;
#[cfg(feature = "ssr")]
pub use page_context::redirect_page;
pub use page_title::PageTitle;
